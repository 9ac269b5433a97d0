"""Release now with ``FOIA_APPROVAL=two-person``: an early release is a publication, so it takes two officers.

The first officer's *Release now* records that they asked (an audit event, naming the part and the state
they saw); the release happens when a different officer also chooses *Release now* for the same part, in
the same state, within :data:`ASK_VALID`. The release itself is the usual guarded state change
(:func:`service.domain.part_actions.release_now`), so a part that moved on meanwhile is refused as always.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.domain import audit
from service.domain.models import AuditEvent, Part, User

ASK_VALID = timedelta(hours=24)
ASKED = "early release asked"


def second_officer_confirms(db: Session, part: Part, seen: str, user: User, now: datetime) -> bool:
    """Whether another officer asked to release ``part`` from ``seen`` in the last 24 hours; if not, record
    that ``user`` asks (the caller commits) and return False."""
    asks = db.scalars(select(AuditEvent).where(AuditEvent.paper_id == part.paper_id, AuditEvent.action == ASKED,
                                               AuditEvent.at >= now - ASK_VALID)).all()
    if any(e.user_id not in (None, user.id) and e.details.get("part") == part.number
           and e.details.get("state") == seen for e in asks):
        return True
    audit.record(db, ASKED, user=user, paper_id=part.paper_id, part=part.number, state=seen)
    return False
