"""The audit trail: one row per action. ``details`` carry ids, counts, states and dates only."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from service.domain.models import AuditEvent, User

log = logging.getLogger(__name__)


def record(session: Session, action: str, *, user: User | None = None, actor: str = "officer",
           paper_id: int | None = None, **details) -> AuditEvent:
    """Add an event to the session (committed with the change it describes)."""
    event = AuditEvent(action=action, user_id=user.id if user else None, actor=actor, paper_id=paper_id,
                       details=details)
    session.add(event)
    log.info("audit %s paper=%s actor=%s user=%s", action, paper_id, actor, user.id if user else None)
    return event
