"""Officers acting before the clock does: release now, extend (new date and reason) or hold (reason).

Each action is one guarded ``UPDATE … WHERE id = :id AND state = :seen`` — ``seen`` is the state the
officer saw on the page — with its audit event in the same transaction. If the scheduler or another
officer changed the part meanwhile, nothing happens and :class:`ActionRefused` says so; a double-click
cannot release or record twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from redaction.dates import iso_or_none

from service.domain import search_index
from service.domain.models import AuditEvent, Part

from service.domain.release import last_due_date
from service.domain.states import part_move, part_sources

log = logging.getLogger(__name__)

MAX_REASON = 500
MAX_YEARS_AHEAD = 50

# What an officer may do from each state (Part 1 has no "held": an open-ended deferral is an extension).
RELEASE_FROM = part_sources("release now")
EXTEND_FROM = part_sources("extend")
HOLD_FROM = part_sources("hold")


class ActionRefused(Exception):
    """The action cannot be done; ``str()`` is a user-safe sentence. ``status`` is the HTTP status to use."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class Officer:
    user_id: int | None
    actor: str = "officer"


def release_now(session: Session, part: Part, seen: str, who: Officer, now: datetime,
                reason: str = "") -> None:
    """Publish a Part 1 or release a Part 2 at once (its file was redacted and verified at publication)."""
    _allowed(part, seen, RELEASE_FROM, "released now")
    new = part_move("release now", part.number).new
    _move(session, part, seen, {"state": new, "released_at": now}, who, now,
          f"part {part.number} {new} by an officer", {"reason": _reason(reason, required=False)})


def extend(session: Session, part: Part, seen: str, who: Officer, now: datetime, *, new_date: date,
           kind: str, reason: str, release_time: time = time(0, 0)) -> None:
    """Move the part's next date to ``new_date``; ``kind`` is ``release`` or ``review`` (Part 2 only).

    The part goes back to waiting (``withheld`` / ``scheduled``) with exactly one date, so what happens
    next is what the officer chose: a release date clears the review date and the other way round.
    """
    _allowed(part, seen, EXTEND_FROM, "given a new date")
    today = last_due_date(now, release_time)
    if new_date <= today:
        raise ActionRefused("Choose a date after today. To make the part public today, use Release now.")
    if new_date > today + timedelta(days=366 * MAX_YEARS_AHEAD):
        raise ActionRefused(f"Choose a date within {MAX_YEARS_AHEAD} years.")
    if part.number == 1:
        values = {"state": part_move("extend", 1).new, "publish_on": new_date}
        old = {"old_publish_on": iso_or_none(part.publish_on)}
    elif kind == "release":
        values = {"state": part_move("extend", 2).new, "release_on": new_date, "review_on": None}
        old = {"old_release_on": iso_or_none(part.release_on), "old_review_on": iso_or_none(part.review_on)}
    elif kind == "review":
        values = {"state": part_move("extend", 2).new, "review_on": new_date, "release_on": None}
        old = {"old_release_on": iso_or_none(part.release_on), "old_review_on": iso_or_none(part.review_on)}
    else:
        raise ActionRefused("Choose whether the part is released or reviewed on the new date.")
    _move(session, part, seen, values, who, now, f"part {part.number} extended",
          {**old, "new_date": new_date.isoformat(), "kind": "publish" if part.number == 1 else kind,
           "reason": _reason(reason)})


def hold(session: Session, part: Part, seen: str, who: Officer, now: datetime, reason: str) -> None:
    """Keep a Part 2 withheld with no date: the clock never releases a held part."""
    _allowed(part, seen, HOLD_FROM, "held")
    _move(session, part, seen, {"state": part_move("hold", 2).new}, who, now, "part 2 held",
          {"reason": _reason(reason)})


def _allowed(part: Part, seen: str, table: dict, what: str) -> None:
    if seen not in table[part.number]:
        raise ActionRefused(f"Part {part.number} cannot be {what} from the state “{seen}”.", 409)


def _reason(reason: str, required: bool = True) -> str:
    reason = " ".join((reason or "").split())
    if required and len(reason) < 3:
        raise ActionRefused("Give a reason: it is kept in the paper's history.")
    if len(reason) > MAX_REASON:
        raise ActionRefused(f"Keep the reason under {MAX_REASON} characters.")
    return reason


def _move(session: Session, part: Part, seen: str, values: dict, who: Officer, now: datetime,
          action: str, details: dict) -> None:
    try:
        result = session.execute(update(Part).where(Part.id == part.id, Part.state == seen)
                                 .values(**values, updated_at=now))
        if result.rowcount != 1:
            session.rollback()
            raise ActionRefused("This part changed since the page was shown (perhaps it was released "
                                "meanwhile). Look at it again before acting.", 409)
        session.add(AuditEvent(at=now, user_id=who.user_id, actor=who.actor, action=action,
                               paper_id=part.paper_id,
                               details={"part_id": part.id, "from": seen, "state": values["state"], **details}))
        search_index.sync(session, [part.paper_id])  # a release makes text public: index it in this transaction
        session.commit()
    except ActionRefused:
        raise
    except BaseException:
        session.rollback()
        raise
    session.refresh(part)
    log.info("%s: part %s of paper %s by user %s", action, part.id, part.paper_id, who.user_id)
