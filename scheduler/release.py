"""The one release function: every due part changes state exactly once, with its audit event.

``release_due(now, session=...)`` may be called by any number of processes, as often as they like: each
change is a guarded ``UPDATE … WHERE state = <expected>``, so only the first caller's update matches, and
the audit event is written in the same transaction as the change it records.

A date is due from ``release_time`` (Europe/London) on that date: 1 April 2025 00:00 in London is
31 March 2025 23:00 UTC.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.models import AuditEvent, Part, utcnow

log = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")

# (part number, state it must still be in, date column that makes it due, new state, audit action)
TRANSITIONS = (
    (1, "scheduled", Part.publish_on, "published", "part 1 published"),
    (2, "withheld", Part.release_on, "released", "part 2 released"),
)


def last_due_date(now: datetime, release_time: time = time(0, 0)) -> date:
    """The latest date whose release moment (``release_time`` in London) is at or before ``now``."""
    local = now.astimezone(LONDON)
    return local.date() if local.time() >= release_time else local.date() - timedelta(days=1)


def release_instant(day: date, release_time: time = time(0, 0)) -> datetime:
    return datetime.combine(day, release_time, tzinfo=LONDON)


def release_due(now: datetime, *, session: Session, release_time: time = time(0, 0),
                actor: str = "scheduler") -> list[int]:
    """Publish due deferred Part 1s, release due Part 2s, queue due reviews; returns the part ids changed.

    Commits the session. A Part 2 with no release date but a review date that has come moves to
    ``review`` (the officers' queue) instead of being released.
    """
    due = last_due_date(now, release_time)
    changed: list[int] = []
    for number, state, column, new_state, action in TRANSITIONS:
        candidates = session.execute(select(Part.id, Part.paper_id).where(
            Part.number == number, Part.state == state, column.is_not(None), column <= due)).all()
        for part_id, paper_id in candidates:
            if _move(session, part_id, state, new_state, now):
                session.add(AuditEvent(actor=actor, action=action, paper_id=paper_id,
                                       details={"part_id": part_id, "state": new_state}))
                changed.append(part_id)
    reviews = session.execute(select(Part.id, Part.paper_id).where(
        Part.number == 2, Part.state == "withheld", Part.release_on.is_(None), Part.review_on.is_not(None),
        Part.review_on <= due)).all()
    for part_id, paper_id in reviews:
        if _move(session, part_id, "withheld", "review", None):
            session.add(AuditEvent(actor=actor, action="part 2 due for review", paper_id=paper_id,
                                   details={"part_id": part_id, "state": "review"}))
            changed.append(part_id)
    session.commit()
    if changed:
        log.info("release sweep changed %d parts", len(changed))
    return changed


def _move(session: Session, part_id: int, old: str, new: str, released_at: datetime | None) -> bool:
    values = {"state": new, "updated_at": utcnow()}
    if released_at is not None:
        values["released_at"] = released_at
    result = session.execute(update(Part).where(Part.id == part_id, Part.state == old).values(**values))
    return result.rowcount == 1
