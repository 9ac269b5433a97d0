"""What the clock will do next, for the officers' releases page and the scheduler's date jobs.

An entry is one waiting part with the date on which it next changes (:func:`service.domain.release.next_date`),
the UTC instant of that date's release time in London, and what will happen then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, joinedload

from redaction.dates import LONDON
from service.domain.models import Part

from service.domain.release import last_due_date, next_date, release_instant

WAITING = or_(and_(Part.number == 1, Part.state == "scheduled", Part.publish_on.is_not(None)),
              and_(Part.number == 2, Part.state == "withheld",
                   or_(Part.release_on.is_not(None), Part.review_on.is_not(None))))


@dataclass(frozen=True)
class Upcoming:
    part: Part
    day: date
    instant: datetime          # UTC
    happens: str               # "publish", "release" or "review"
    overdue: bool              # due already: the scheduler has not run since (or is about to)


def what_happens(part: Part) -> str:
    if part.number == 1:
        return "publish"
    # A Part 2 not in the uploaded file has nothing to release: it goes to review (service.domain.release).
    return "review" if part.review_on is not None or part.in_file is False else "release"


def upcoming(session: Session, now: datetime, days: int, release_time: time = time(0, 0)) -> list[Upcoming]:
    """Waiting parts whose next date is within ``days`` days of today (London), soonest first."""
    limit = last_due_date(now, release_time) + timedelta(days=days)
    parts = session.scalars(select(Part).options(joinedload(Part.paper)).where(WAITING, _on_or_before(limit)))
    out = []
    for part in parts:
        day = next_date(part)
        if day is not None and day <= limit:
            instant = release_instant(day, release_time)
            out.append(Upcoming(part, day, instant, what_happens(part), instant <= now))
    return sorted(out, key=lambda u: (u.instant, u.part.id))


def due_instants(session: Session, now: datetime, until: datetime,
                 release_time: time = time(0, 0)) -> dict[int, datetime]:
    """``{part id: UTC instant}`` of waiting parts that change after ``now`` and no later than ``until``."""
    limit = until.astimezone(LONDON).date() + timedelta(days=1)
    rows = session.execute(select(Part.id, Part.number, Part.state, Part.publish_on, Part.release_on,
                                  Part.review_on).where(WAITING, _on_or_before(limit)))
    out = {}
    for row in rows:
        day = next_date(row)  # a row has the attributes next_date reads
        if day is not None:
            instant = release_instant(day, release_time)
            if now < instant <= until:
                out[row.id] = instant
    return out


def in_state(session: Session, state: str, number: int = 2) -> list[Part]:
    return list(session.scalars(select(Part).options(joinedload(Part.paper))
                                .where(Part.number == number, Part.state == state)
                                .order_by(Part.updated_at.desc(), Part.id)))


def undated(session: Session) -> list[Part]:
    """Part 2s withheld with no date at all: withheld until an officer acts."""
    return list(session.scalars(select(Part).options(joinedload(Part.paper))
                                .where(Part.number == 2, Part.state == "withheld", Part.release_on.is_(None),
                                       Part.review_on.is_(None)).order_by(Part.id)))


def _on_or_before(limit: date):
    return or_(Part.publish_on <= limit, Part.release_on <= limit, Part.review_on <= limit)
