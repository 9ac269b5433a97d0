"""Public queries about decisions after publication: withdrawn ones (the 410 notices and the feed's
withdrawal entries) and corrected ones (the feed's update entries, the page's "Updated on …").

A withdrawn paper is in state ``withdrawn``, which no public list, search or index query selects
(:mod:`service.domain.public_rows` only selects ``published``); what the public may still learn of it is its
reference, its slug, the date and the public reason — never its title, summary or files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, exists, func, select
from sqlalchemy.orm import Session

from service.domain.models import Paper, Part
from service.infra.uk_dates import LONDON


@dataclass(frozen=True)
class Withdrawn:
    slug: str
    reference: str | None
    withdrawn_at: datetime
    reason: str

    @property
    def withdrawn_on(self) -> date:
        return self.withdrawn_at.astimezone(LONDON).date()


@dataclass(frozen=True)
class Update:
    """A correction of a public decision: published ``at`` with the officer's public ``note``."""

    slug: str
    version: int
    at: datetime
    note: str | None

    @property
    def on(self) -> date:
        return self.at.astimezone(LONDON).date()


_WITHDRAWN = (Paper.slug, Paper.reference, Paper.withdrawn_at, Paper.withdrawn_reason)
# Only a decision the public has seen gets a notice: a paper withdrawn while its Part 1 was still deferred
# stays a plain 404 (its reference was never public either).
_WAS_PUBLIC = exists().where(Part.paper_id == Paper.id, Part.number == 1, Part.released_at.is_not(None))


def withdrawn(db: Session, slug: str) -> Withdrawn | None:
    row = db.execute(select(*_WITHDRAWN).where(Paper.slug == slug, Paper.state == "withdrawn",
                                               Paper.withdrawn_at.is_not(None), _WAS_PUBLIC)).first()
    return Withdrawn(*row) if row else None


def recent_withdrawals(db: Session, limit: int = 50) -> list[Withdrawn]:
    rows = db.execute(select(*_WITHDRAWN).where(Paper.state == "withdrawn", Paper.slug.is_not(None),
                                                Paper.withdrawn_at.is_not(None), _WAS_PUBLIC)
                      .order_by(Paper.withdrawn_at.desc(), Paper.id.desc()).limit(limit))
    return [Withdrawn(*row) for row in rows]


def last_withdrawal(db: Session) -> datetime | None:
    """When a decision was last withdrawn: part of the public lists' version (their Last-Modified must move
    forward when a decision leaves them)."""
    return db.scalar(select(func.max(Paper.withdrawn_at)).where(Paper.state == "withdrawn"))


def recent_updates(db: Session, limit: int = 50) -> list[Update]:
    """Corrections of decisions still public, newest first: every correction, not only the current version
    (version 2's entry stays in the feed when version 3 is published), under the decision's current slug.
    A decision withdrawn since takes its update entries out of the feed with its other entries."""
    rows = db.execute(select(Paper.id, Paper.slug, Paper.state, Paper.version, Paper.published_at,
                             Paper.version_note)
                      .where(Paper.state.in_(("published", "superseded")), Paper.previous_id.is_not(None),
                             Paper.published_at.is_not(None))
                      .order_by(Paper.published_at.desc(), Paper.id.desc()).limit(limit)).all()
    out: list[Update] = []
    for paper_id, slug, state, version, at, note in rows:
        slug = slug if state == "published" else _current_slug(db, paper_id)
        if slug:
            out.append(Update(slug, version, at, note))
    return out


def _current_slug(db: Session, paper_id: int) -> str | None:
    """The slug of the published version that (through later corrections) replaced this one, or None."""
    current, seen = paper_id, {paper_id}
    for _ in range(100):  # a chain of corrections is short; the bound only stops a cycle in bad data
        newer = db.execute(select(Paper.id, Paper.state, Paper.slug)
                           .where(Paper.previous_id == current, Paper.state.in_(("published", "superseded")))
                           .order_by(Paper.id.desc()).limit(1)).first()
        if newer is None or newer.id in seen:
            return None
        if newer.state == "published":
            return newer.slug
        current = newer.id
        seen.add(current)
    return None


_UPDATE_STEP = select(Paper.__table__.c.id, Paper.__table__.c.previous_id, Paper.__table__.c.slug,
                      Paper.__table__.c.version, Paper.__table__.c.published_at,
                      Paper.__table__.c.version_note).where(Paper.__table__.c.id == bindparam("paper_id"))


def updates_of(db: Session, paper_id: int) -> list[Update]:
    """The corrections that led to this public paper, newest first ("Updated on …" on its page).

    A plain Core query of the few columns shown, one per version walked back (built once; no ORM paper
    with its JSON columns is loaded): an uncorrected paper costs one small primary-key read."""
    out: list[Update] = []
    current = db.execute(_UPDATE_STEP, {"paper_id": paper_id}).first()
    seen = set()
    while current is not None and current.previous_id is not None and current.id not in seen and len(out) < 100:
        seen.add(current.id)
        if current.published_at is not None:
            out.append(Update(current.slug or "", current.version, current.published_at, current.version_note))
        current = db.execute(_UPDATE_STEP, {"paper_id": current.previous_id}).first()
    return out
