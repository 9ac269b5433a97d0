"""What the public may see, as queries: the one definition of "public" every public route goes through.

A paper is public when it is published *and* its Part 1 is published (a deferred Part 1 keeps the whole
paper out of sight, title included). Part 2's file is public only in state ``released``. Originals,
previews and page images are never read here.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from datetime import date, datetime
from math import ceil

from sqlalchemy import Select, and_, case, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from .filters import LONDON
from .models import Paper, Part

log = logging.getLogger(__name__)

PER_PAGE = 20
MAX_PER_PAGE = 100
PART2_FILTERS = {"withheld": "Withheld", "released": "Released", "none": "No Part 2"}
MAX_TERMS = 8


def _aliases():
    """Part 1 and Part 2 of a paper, as two aliases of ``parts``.

    Made per query, not once per module: an aliased class memoizes its SQL lazily, and threads sharing one
    (gunicorn gthread workers) could race on that and leave a process unable to build these joins.
    """
    return aliased(Part, name="part1"), aliased(Part, name="part2")


@dataclass(frozen=True)
class Search:
    """A list request: free text, filters and a page. Parsed leniently: a bad value is simply ignored."""

    q: str = ""
    year: int | None = None
    part2: str | None = None
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def from_args(cls, args, *, allow_per_page: bool = False) -> "Search":
        q = " ".join((args.get("q") or "").split())[:200]
        year = _int(args.get("year"))
        part2 = args.get("part2") if args.get("part2") in PART2_FILTERS else None
        page = max(_int(args.get("page")) or 1, 1)
        per_page = PER_PAGE
        if allow_per_page:
            per_page = min(max(_int(args.get("per_page")) or PER_PAGE, 1), MAX_PER_PAGE)
        return cls(q=q, year=year if year and 1900 < year < 3000 else None, part2=part2, page=page,
                   per_page=per_page)

    @property
    def terms(self) -> list[str]:
        return self.q.split()[:MAX_TERMS]

    @property
    def filtered(self) -> bool:
        return bool(self.q or self.year or self.part2)

    def args(self, **changes) -> dict:
        """Query-string arguments for a link to this search with ``changes`` (defaults left out)."""
        s = replace(self, **changes)
        out = {"q": s.q or None, "year": s.year, "part2": s.part2, "page": s.page if s.page > 1 else None}
        if s.per_page != PER_PAGE:
            out["per_page"] = s.per_page
        return {k: v for k, v in out.items() if v is not None}


@dataclass(frozen=True)
class Decision:
    """One public decision: the paper, its published Part 1 and its Part 2 (any state) if there is one."""

    paper: Paper
    part1: Part
    part2: Part | None

    @property
    def published_at(self) -> datetime:
        return self.part1.released_at or self.paper.published_at

    @property
    def published_on(self) -> date:
        return self.published_at.astimezone(LONDON).date()

    @property
    def part2_public(self) -> bool:
        return self.part2 is not None and self.part2.state == "released" and self.part2.in_file is not False


@dataclass(frozen=True)
class ResultPage:
    search: Search
    decisions: list[Decision]
    total: int

    @property
    def pages(self) -> int:
        return max(ceil(self.total / self.search.per_page), 1)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _public(p1, p2) -> Select:
    """Papers with a published Part 1, with Part 2 joined when there is one."""
    return (select(Paper, p1, p2)
            .join(p1, and_(p1.paper_id == Paper.id, p1.number == 1))
            .outerjoin(p2, and_(p2.paper_id == Paper.id, p2.number == 2))
            .where(Paper.state == "published", Paper.slug.is_not(None), p1.state == "published",
                   p1.released_at.is_not(None)))


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(search: Search, p1, p2) -> Select:
    query = _public(p1, p2)
    for term in search.terms:  # every word must appear in one of the fields
        pattern = _like(term)
        query = query.where(or_(*(column.ilike(pattern, escape="\\") for column in
                                  (Paper.reference, Paper.title, Paper.summary, p1.text))))
    if search.year:
        # Europe/London is on GMT at New Year, so the UTC year of an instant is its London year.
        query = query.where(extract("year", p1.released_at) == search.year)
    if search.part2 == "none":
        query = query.where(p2.id.is_(None))
    elif search.part2 == "released":
        query = query.where(p2.state == "released", p2.in_file.is_(True))
    elif search.part2 == "withheld":  # a Part 2 not in the file is withheld from this site even once released
        query = query.where(p2.id.is_not(None), or_(p2.state != "released", p2.in_file.is_(False)))
    return query


_totals: dict[tuple, int] = {}


def find(db: Session, search: Search, version: tuple | None = None) -> ResultPage:
    """One page of public decisions matching ``search``, newest first.

    The total (a count over every match) is kept per ``version`` of the data (see :func:`fingerprint`),
    so paging through a search, or many visitors asking the same one, counts it once.
    """
    p1, p2 = _aliases()
    query = _filtered(search, p1, p2)
    key = (str(db.get_bind().url), version, search.q.lower(), search.year, search.part2)
    total = _totals.get(key) if version is not None else None
    if total is None:
        total = db.scalar(select(func.count()).select_from(query.with_only_columns(Paper.id).subquery())) or 0
        if version is not None:
            if len(_totals) > 1024:
                _totals.clear()
            _totals[key] = total
    rows = db.execute(query.order_by(p1.released_at.desc(), Paper.id.desc())
                      .offset((search.page - 1) * search.per_page).limit(search.per_page)).all()
    return ResultPage(search, [Decision(*row) for row in rows], total)


_years_cache: dict[tuple, list[int]] = {}


def years(db: Session, version: tuple | None = None) -> list[int]:
    """Years in which decisions were published, newest first (the year filter's choices).

    Working the years out reads every public row, so the answer is kept per ``version`` (the
    :func:`fingerprint`): it is recomputed only when something public has changed.
    """
    key = (str(db.get_bind().url), version)
    if version is not None and key in _years_cache:
        return _years_cache[key]
    p1, p2 = _aliases()
    year = extract("year", p1.released_at)
    rows = db.execute(_public(p1, p2).with_only_columns(year).distinct()).scalars()
    found = sorted({int(y) for y in rows if y is not None}, reverse=True)
    if version is not None:
        if len(_years_cache) > 64:
            _years_cache.clear()
        _years_cache[key] = found
    return found


def get(db: Session, slug: str) -> Decision | None:
    row = db.execute(_public(*_aliases()).where(Paper.slug == slug)).first()
    return Decision(*row) if row else None


_fingerprints: dict[str, tuple[float, tuple[datetime | None, int]]] = {}


def fingerprint(db: Session, max_age: float = 0.0) -> tuple[datetime | None, str]:
    """(last change, counts) over everything the public lists show — the version behind their ETags.

    The counts (decisions, and Part 2s by state) change with every publication and state change even
    when a clock handed to a release is behind the latest ``updated_at``.

    It reads every public row's index entry (a few ms at 5,000 decisions), so a process may reuse its last
    answer for ``max_age`` seconds: under a spike, pages are then revalidated (304) without any query. A
    change shows at most ``max_age`` seconds late, well inside the pages' own cache lifetime.
    """
    key = str(db.get_bind().url)
    cached = _fingerprints.get(key)
    if max_age > 0 and cached and time.monotonic() - cached[0] < max_age:
        return cached[1]
    taken = time.monotonic()
    p1, p2 = _aliases()
    states = [func.count(case((p2.state == state, 1))) for state in ("withheld", "review", "held", "released")]
    row = db.execute(_public(p1, p2).with_only_columns(
        func.max(Paper.updated_at), func.max(p1.updated_at), func.max(p2.updated_at),
        func.count(Paper.id), *states)).one()
    changes = [t for t in row[:3] if t is not None]
    value = (max(changes) if changes else None), "/".join(str(int(n)) for n in row[3:])
    _fingerprints[key] = (taken, value)
    return value


def recent_events(db: Session, limit: int = 50) -> list[tuple[datetime, str, Decision]]:
    """Publications and Part 2 releases, newest first: (when, "published" | "released", decision)."""
    p1, p2 = _aliases()
    published = db.execute(_public(p1, p2).order_by(p1.released_at.desc(), Paper.id.desc())
                           .limit(limit)).all()
    released = db.execute(_public(p1, p2).where(p2.state == "released", p2.released_at.is_not(None),
                                                     p2.in_file.is_(True))
                          .order_by(p2.released_at.desc(), Paper.id.desc()).limit(limit)).all()
    events = [(row[1].released_at, "published", Decision(*row)) for row in published]
    events += [(row[2].released_at, "released", Decision(*row)) for row in released]
    events.sort(key=lambda e: (e[0], e[1] == "released"), reverse=True)
    return events[:limit]


def upcoming_releases(db: Session, today: date) -> list[Decision]:
    """Public decisions whose Part 2 is withheld with a release date from ``today`` on, soonest first."""
    p1, p2 = _aliases()
    rows = db.execute(_public(p1, p2).where(p2.state == "withheld", p2.release_on.is_not(None),
                                      p2.in_file.is_(True), p2.release_on >= today)
                      .order_by(p2.release_on, Paper.id)).all()
    return [Decision(*row) for row in rows]


__all__ = ["Decision", "ResultPage", "Search", "PART2_FILTERS", "find", "years", "get", "fingerprint",
           "recent_events", "upcoming_releases"]
