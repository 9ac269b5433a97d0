"""The one release function: every due part changes state exactly once, with its audit event.

``release_due(now, session=...)`` may be called by any number of processes, as often as they like. Each
change is one guarded ``UPDATE parts SET state = <new> WHERE state = <expected> AND <due> RETURNING id``:
the database lets exactly one transaction change a row from its expected state (PostgreSQL re-checks the
``WHERE`` after waiting for a concurrent writer's row lock; SQLite runs one writer at a time), so a part
changed by another caller is simply not returned. The audit events of exactly the returned rows are
inserted in the same transaction, and the transaction commits both or neither: a crash between the two
leaves the part in its old state, and the next sweep moves it.

What is due on a date (``release_time`` in Europe/London, 00:00 by default):

- Part 1 ``scheduled`` with ``publish_on`` → ``published`` (a deferred Part 1);
- Part 2 ``withheld`` with ``release_on`` and no review date → ``released``;
- Part 2 ``withheld`` with a review date, when the review date *or* the release date comes → ``review``
  (the officers' queue). A part that someone asked to review is never released by the clock alone.
- Part 2 named in the paper but not in the uploaded file (``in_file`` false) → ``review`` when its date
  comes: there is nothing to publish, so an officer decides (publish it separately or on request).

``held`` parts and Part 2s with no date stay as they are until an officer acts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable, Iterable

from sqlalchemy import and_, insert, or_, update
from sqlalchemy.orm import Session

from redaction.dates import LONDON, london_midnight_utc
from service.domain import search_index
from service.domain.models import AuditEvent, Part
from service.domain.states import PartState as S

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Transition:
    number: int                           # part number
    old: str                              # the state the part must still be in
    new: str
    action: str                           # audit action
    due: Callable[[date], object]         # SQL condition: due on or before this date
    public: bool                          # the part becomes public: stamp released_at


# The clock's moves of the part state machine (service.domain.states.PART_MOVES, by "clock"), each with the
# SQL that says when it is due.
TRANSITIONS = (
    Transition(1, S.SCHEDULED, S.PUBLISHED, "part 1 published",
               lambda day: and_(Part.publish_on.is_not(None), Part.publish_on <= day), True),
    Transition(2, S.WITHHELD, S.RELEASED, "part 2 released",
               lambda day: and_(Part.review_on.is_(None), Part.in_file.is_(True), Part.release_on.is_not(None),
                                Part.release_on <= day),
               True),
    Transition(2, S.WITHHELD, S.REVIEW, "part 2 due for review",
               lambda day: and_(or_(Part.review_on.is_not(None), Part.in_file.is_(False)),
                                or_(Part.review_on <= day, and_(Part.release_on.is_not(None),
                                                                Part.release_on <= day))),
               False),
)


def last_due_date(now: datetime, release_time: time = time(0, 0)) -> date:
    """The latest date whose release instant (``release_time`` in London) is at or before ``now``.

    Compared as instants, not as wall-clock times, so a release time skipped or repeated by a clock
    change (01:30 on the last Sunday of March or October) is due at exactly its date job's instant.
    """
    today = now.astimezone(LONDON).date()
    return today if now >= release_instant(today, release_time) else today - timedelta(days=1)


def release_instant(day: date, release_time: time = time(0, 0)) -> datetime:
    """The UTC instant a part dated ``day`` becomes due (right across BST/GMT changes)."""
    return london_midnight_utc(day, release_time)


def next_date(part: Part) -> date | None:
    """The date on which the clock next changes this part (see the rules above), or None."""
    if part.number == 1:
        return part.publish_on if part.state == "scheduled" else None
    if part.state != "withheld":
        return None
    dates = [d for d in (part.review_on, part.release_on) if d is not None]
    return min(dates) if dates else None


def release_due(now: datetime, *, session: Session, release_time: time = time(0, 0),
                actor: str = "scheduler", part_ids: Iterable[int] | None = None) -> list[int]:
    """Make every change that is due at ``now``, each with its audit event, in one transaction.

    Returns the ids of the parts *this call* changed (empty when another caller got there first).
    ``part_ids`` limits the call to those parts (a date job wakes up for one part). Commits the session;
    on any error the whole transaction is rolled back and the error re-raised.
    """
    day = last_due_date(now, release_time)
    only = None if part_ids is None else list(part_ids)
    changed: list[int] = []
    try:
        for t in TRANSITIONS:
            where = [Part.number == t.number, Part.state == t.old, t.due(day)]
            if only is not None:
                where.append(Part.id.in_(only))
            values = {"state": t.new, "updated_at": now}
            if t.public:
                values["released_at"] = now
            rows = session.execute(update(Part).where(*where).values(**values)
                                   .returning(Part.id, Part.paper_id)).all()
            if rows:
                session.execute(insert(AuditEvent), [
                    {"at": now, "actor": actor, "action": t.action, "paper_id": paper_id,
                     "details": {"part_id": part_id, "state": t.new, "due": day.isoformat()}}
                    for part_id, paper_id in rows])
                changed.extend(part_id for part_id, _ in rows)
                if t.public:  # what is public changed: the search index follows in the same transaction
                    search_index.sync(session, [paper_id for _, paper_id in rows])
        session.commit()
    except BaseException:
        session.rollback()
        raise
    if changed:
        log.info("release sweep at %s changed %d part(s): %s", now.isoformat(), len(changed),
                 ", ".join(map(str, changed[:20])) + (" …" if len(changed) > 20 else ""))
    return changed

