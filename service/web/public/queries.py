"""What the public may see, as queries: every public route reads through here.

"Public" itself is defined once, in :mod:`service.domain.public_rows` (a paper is public when it is published
*and* its Part 1 is published; Part 2's file only when ``released``). Originals, previews and page images
are never read here. Rows come back as plain, immutable values (:class:`PaperRow`, :class:`PartRow`)
without the large text column; a text search goes through the full-text index (:mod:`service.domain.search_index`)
and still joins the definition of public.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from datetime import date, datetime
from math import ceil

from markupsafe import Markup
from sqlalchemy import Select, and_, bindparam, case, extract, func, or_, select, true
from sqlalchemy.orm import Session

from service.domain import search_index
from service.domain.models import Part
from service.domain.public_rows import (COLUMNS, PaperRow, PartRow, papers, part1, part2, public_select,
                                        public_where, rows_of, run)
from service.infra.uk_dates import LONDON
from service.web.public import lifecycle_queries

log = logging.getLogger(__name__)

PER_PAGE = 20
MAX_PER_PAGE = 100
PART2_FILTERS = {"withheld": "Withheld", "released": "Released", "none": "No Part 2"}
SORTS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first"}
MAX_TERMS = search_index.MAX_WORDS


@dataclass(frozen=True)
class Search:
    """A list request: free text, filters, order and a page. Parsed leniently: a bad value is ignored.

    ``sort`` is ``relevance`` (the default with words to search for), ``newest`` (the default without)
    or ``oldest``; relevance without words means newest.
    """

    q: str = ""
    year: int | None = None
    part2: str | None = None
    page: int = 1
    per_page: int = PER_PAGE
    sort: str | None = None

    @classmethod
    def from_args(cls, args, *, allow_per_page: bool = False) -> "Search":
        q = " ".join((args.get("q") or "").split())[:200]
        year = _int(args.get("year"))
        part2 = args.get("part2") if args.get("part2") in PART2_FILTERS else None
        page = max(_int(args.get("page")) or 1, 1)
        per_page = PER_PAGE
        if allow_per_page:
            per_page = min(max(_int(args.get("per_page")) or PER_PAGE, 1), MAX_PER_PAGE)
        sort = args.get("sort") if args.get("sort") in SORTS else None
        return cls(q=q, year=year if year and 1900 < year < 3000 else None, part2=part2, page=page,
                   per_page=per_page, sort=sort)

    @cached_property
    def terms(self) -> list[str]:
        """The words searched for (letters and digits; stop words dropped): worked out once per search
        (a page asks for them, and for :attr:`order`, a dozen times). Not a field: kept out of ``==``."""
        return list(_words(self.q))

    @cached_property
    def order(self) -> str:
        """The order actually used: ``relevance`` only when there are words to rank by."""
        default = "relevance" if self.terms else "newest"
        wanted = self.sort or default
        return "newest" if wanted == "relevance" and not self.terms else wanted

    @property
    def filtered(self) -> bool:
        return bool(self.q or self.year or self.part2)

    def args(self, **changes) -> dict:
        """Query-string arguments for a link to this search with ``changes`` (defaults left out)."""
        s = replace(self, **changes)
        out = {"q": s.q or None, "year": s.year, "part2": s.part2, "sort": s.sort,
               "page": s.page if s.page > 1 else None}
        if s.per_page != PER_PAGE:
            out["per_page"] = s.per_page
        return {k: v for k, v in out.items() if v is not None}


@dataclass(frozen=True)
class Decision:
    """One public decision: the paper, its published Part 1 and its Part 2 (any state) if there is one."""

    paper: PaperRow
    part1: PartRow
    part2: PartRow | None
    snippet: Markup | None = field(default=None, compare=False)  # matches marked, escaped (searches only)

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


@lru_cache(maxsize=256)
def _words(q: str) -> tuple[str, ...]:
    return tuple(search_index.words(q))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _filters(query: Select, search: Search) -> Select:
    if search.year:
        # Europe/London is on GMT at New Year, so the UTC year of an instant is its London year.
        query = query.where(extract("year", part1.c.released_at) == search.year)
    if search.part2 == "none":
        query = query.where(part2.c.id.is_(None))
    elif search.part2 == "released":
        query = query.where(part2.c.state == "released", part2.c.in_file.is_(True))
    elif search.part2 == "withheld":  # a Part 2 not in the file is withheld from this site even once released
        query = query.where(part2.c.id.is_not(None), or_(part2.c.state != "released", part2.c.in_file.is_(False)))
    return query


_PUBLIC = public_select()              # built once: each request only adds its own conditions to it
_PUBLIC_IDS = public_select(papers.c.id)
NEWEST = (part1.c.released_at.desc(), papers.c.id.desc())
OLDEST = (part1.c.released_at.asc(), papers.c.id.asc())
_FIRST_PAGE = _PUBLIC.order_by(*NEWEST).limit(bindparam("limit"))   # "/": built once


_totals: dict[tuple, int] = {}
_engine_keys: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _db_key(db: Session) -> str:
    """The database's URL as text, the first part of every per-process key here: rendered once per engine
    (``str(engine.url)`` costs a few µs, and a page asked for it four times)."""
    engine = db.get_bind()
    key = _engine_keys.get(engine)
    if key is None:
        key = _engine_keys[engine] = str(engine.url)
    return key


def _ranked_page(dialect: str, within=None):
    """One page of a relevance search, reading the public rows of its *candidates* only (issue 16, fifth pass).

    The window of ranked matches (:func:`search_index.ranked`) is cut at the rank of its ``offset + limit``-th
    best entry (``meta.cut``): only entries ranked at least that well — the page's rows, anything before them
    and every tie at the cut — are joined to the public rows and ordered on rank, date and id. Joining the
    whole window (up to 1,000 matches) to find a page of 20 cost in the number of matches. The statement
    always returns at least one row (``meta`` LEFT JOIN the page; a row with no paper when the page is empty)
    whose last three columns are ``eligible`` (the public candidates), ``matched`` (the window's entries) and
    ``cut``. The page is the slice of the whole ranking unless an entry among the candidates is not public
    (one a path forgot to sync): then fewer than ``offset + limit`` candidates are eligible and :func:`find`
    asks :func:`_ranked_page_whole` instead."""
    ranked, _ = search_index.ranked(dialect, within)
    best = search_index.best_first(dialect)
    cut = select(ranked.c.rank).order_by(best(ranked.c.rank)).offset(bindparam("last")).limit(1).scalar_subquery()
    meta = select(func.count().label("matched"), cut.label("cut")).select_from(ranked).cte("meta")
    if dialect == "sqlite":   # computed once (PostgreSQL materializes a CTE used twice by itself)
        meta = meta.prefix_with("MATERIALIZED")
    meta_cut = select(meta.c.cut).scalar_subquery()
    within_cut = ranked.c.rank <= meta_cut if dialect == "sqlite" else ranked.c.rank >= meta_cut
    page = (select(ranked.c.paper_id, ranked.c.rank, part1.c.released_at.label("released_at"),
                   func.count().over().label("eligible"))
            .select_from(ranked).join(papers, papers.c.id == ranked.c.paper_id)
            .join(part1, and_(part1.c.paper_id == papers.c.id, part1.c.number == 1))
            .where(*public_where(), or_(meta_cut.is_(None), within_cut)).order_by(best(ranked.c.rank), *NEWEST)
            .offset(bindparam("offset")).limit(bindparam("limit")).cte("page"))
    if dialect == "sqlite":
        page = page.prefix_with("MATERIALIZED")
    return (select(*COLUMNS, page.c.eligible, meta.c.matched, meta.c.cut).select_from(meta)
            .outerjoin(page, true()).outerjoin(papers, papers.c.id == page.c.paper_id)
            .outerjoin(part1, and_(part1.c.paper_id == papers.c.id, part1.c.number == 1))
            .outerjoin(part2, and_(part2.c.paper_id == papers.c.id, part2.c.number == 2))
            .order_by(best(page.c.rank), page.c.released_at.desc(), page.c.paper_id.desc()))


def _ranked_page_whole(dialect: str, within=None):
    """One page of a relevance search from the whole window joined to the public rows (what
    :func:`_ranked_page` falls back on when an entry among its candidates is not public). The window is
    ordered on the rank, date and id alone, and only the page's rows are then read whole. The last column,
    ``matched``, is how many public rows the window holds."""
    ranked, _ = search_index.ranked(dialect, within)
    best = search_index.best_first(dialect)
    page = (select(ranked.c.paper_id, ranked.c.rank, part1.c.released_at.label("released_at"),
                   func.count().over().label("matched"))
            .select_from(ranked).join(papers, papers.c.id == ranked.c.paper_id)
            .join(part1, and_(part1.c.paper_id == papers.c.id, part1.c.number == 1))
            .where(*public_where()).order_by(best(ranked.c.rank), *NEWEST)
            .offset(bindparam("offset")).limit(bindparam("limit")).cte("page").prefix_with("MATERIALIZED"))
    return (_PUBLIC.add_columns(page.c.matched).join(page, page.c.paper_id == papers.c.id)
            .order_by(best(page.c.rank), page.c.released_at.desc(), page.c.paper_id.desc()))


@lru_cache(maxsize=4)
def _whole_page(dialect: str):
    return _ranked_page_whole(dialect)


@lru_cache(maxsize=16)
def _search_page(dialect: str, order: str):
    """One page of an unfiltered search in ``order``, built once per database kind (values bound)."""
    if order == "relevance":
        return _ranked_page(dialect)
    else:
        query = (_PUBLIC.where(papers.c.id.in_(search_index.matching_ids(dialect)))
                 .order_by(*(OLDEST if order == "oldest" else NEWEST)))
    return query.offset(bindparam("offset")).limit(bindparam("limit"))


def _relevance_rows(db: Session, dialect: str, within, params: dict, wanted: int) -> tuple[list, int | None]:
    """The rows of a relevance page (:func:`_ranked_page`; the whole window when an entry among the candidates
    is not public) and how many matches the window holds (None for an empty page: the caller decides)."""
    params["last"] = wanted - 1
    if within is None:
        rows = run(db, _search_page(dialect, "relevance"), params)
    else:
        rows = db.execute(_ranked_page(dialect, within), params).all()
    eligible, matched, cut = rows[0][-3:]
    rows = [row for row in rows if row[0] is not None]
    if cut is None:          # the window holds fewer than ``wanted`` entries: all were candidates
        return rows, (eligible if rows else None)
    if (eligible or 0) >= wanted:
        return rows, matched
    if within is None:       # an entry among the candidates is not public: rank from the whole window
        rows = run(db, _whole_page(dialect), params)
    else:
        rows = db.execute(_ranked_page_whole(dialect, within), params).all()
    return rows, (rows[0][-1] if rows else None)


def _keep_total(key: tuple, version: tuple | None, total: int) -> None:
    if version is not None:
        if len(_totals) > 1024:
            _totals.clear()
        _totals[key] = total


def find(db: Session, search: Search, version: tuple | None = None) -> ResultPage:
    """One page of public decisions matching ``search`` in its order, with snippets for a text search.

    The words are looked up once in the full-text index (an ``IN`` list of ids); newest/oldest then read
    the public list in date order, and relevance ranks the newest matches (:func:`search_index.ranked`).
    When most decisions match, newest/oldest instead test each decision of the list in turn (one index
    seek each) until the page is full. A relevance page joins to the public rows only the matches ranked as
    well as its last row (:func:`_ranked_page`). The total is read off the ranked window when that holds every
    match (its entries, like the index-only count of an unfiltered newest/oldest search), else counted in the
    index; it is kept per ``version`` of the data (see :func:`fingerprint`), so paging through a search, or
    many visitors asking the same one, counts it once.
    """
    terms = search.terms
    if search.q and not terms:  # only punctuation or stop words: nothing to look for
        return ResultPage(search, [], 0)
    dialect = db.get_bind().dialect.name
    filtered = bool(search.year or search.part2)
    params = search_index.match_params(dialect, terms) if terms else {}
    offset = (search.page - 1) * search.per_page
    params.update(offset=offset, limit=search.per_page,
                  window=search_index.RANK_WINDOW * ceil((offset + search.per_page) / search_index.RANK_WINDOW))
    query = None
    if filtered or not terms:
        query = _filters(_PUBLIC, search)
        if terms:
            query = query.where(papers.c.id.in_(search_index.matching_ids(dialect)))
    key = (_db_key(db), version, tuple(terms), search.year, search.part2)
    total = _totals.get(key) if version is not None else None
    # An unfiltered relevance search ranks a window of the newest matches: when the window is not full it
    # holds them all, and its size is the total (no second pass over the index to count them).
    counted_by_window = query is None and search.order == "relevance"
    if total is None and not counted_by_window:
        if query is None:
            total = search_index.count(db, terms)  # the index alone: flat in the archive's size
        else:
            total = db.scalar(select(func.count()).select_from(query.with_only_columns(papers.c.id).subquery()),
                              params) or 0
        _keep_total(key, version, total)
    # The probe is SQLite's: on PostgreSQL its LIMIT 1 lets the planner read every tsvector in turn, hoping for an
    # early match (62 ms at 20,000 decisions for a common word and a number found nowhere), where the ranked window
    # goes through the GIN index and answers an empty search in about 1 ms.
    if total is None and counted_by_window and dialect == "sqlite" and not search_index.any_match(db, terms):
        total = 0            # nothing in the index matches: no window to rank
        _keep_total(key, version, total)
    if total == 0:           # nothing public matches (counted with the filters, or none in the index at all)
        return ResultPage(search, [], 0)
    if not search.filtered and search.order == "newest" and offset == 0:
        rows = run(db, _FIRST_PAGE, {"limit": search.per_page})
    elif terms and search.order != "relevance" and _walk_is_cheaper(total, offset + search.per_page,
                                                                      public_count(db, version)):
        # Most decisions match: walk the public list in date order, testing each with one index seek,
        # until the page is full — instead of gathering every match first (a cost in the archive's size).
        order = OLDEST if search.order == "oldest" else NEWEST
        rows = db.execute(_filters(_PUBLIC, search).where(search_index.matches_paper(dialect)).order_by(*order)
                          .offset(offset).limit(search.per_page), params).all()
    elif search.order == "relevance":
        rows, counted = _relevance_rows(db, dialect, None if query is None else _filters(_PUBLIC_IDS, search),
                                        params, offset + search.per_page)
        if total is None:   # read off the window when it holds every match (an empty first page: none)
            if counted is None and offset == 0:
                total = 0
            elif counted is not None and counted < params["window"]:
                total = counted
            else:             # a full window, or an empty page beyond the last: count them in the index
                total = search_index.count(db, terms)
            _keep_total(key, version, total)
    elif query is None:
        rows = run(db, _search_page(dialect, search.order), params)
    else:
        order = OLDEST if search.order == "oldest" else NEWEST
        rows = db.execute(query.order_by(*order).offset(offset).limit(search.per_page), params).all()
    found = [rows_of(row) for row in rows]
    if terms and found:      # each decision made once, with its snippet (the page's rows only)
        marked = search_index.snippets(db, [paper.id for paper, _, _ in found], terms)
        return ResultPage(search, [Decision(paper, p1, p2, marked.get(paper.id)) for paper, p1, p2 in found], total)
    return ResultPage(search, [Decision(*parts) for parts in found], total)


# Walking the list costs about one index seek per decision passed (~25 µs on SQLite); gathering the matches
# about half a µs per match. Walking wins when ``wanted * public / matches`` seeks cost less than that.
SEEK_COST_IN_MATCHES = 64


def _walk_is_cheaper(matches: int, wanted: int, public: int) -> bool:
    return matches > 0 and matches * matches > SEEK_COST_IN_MATCHES * wanted * public


_public_counts: dict[tuple, int] = {}
_PUBLIC_COUNT = select(func.count()).select_from(public_select(papers.c.id).subquery())


def public_count(db: Session, version: tuple | None = None) -> int:
    """How many decisions are public, kept per ``version`` (:func:`fingerprint`) like :func:`years`."""
    key = (_db_key(db), version)
    if version is not None and key in _public_counts:
        return _public_counts[key]
    found = int(run(db, _PUBLIC_COUNT)[0][0] or 0)
    if version is not None:
        if len(_public_counts) > 64:
            _public_counts.clear()
        _public_counts[key] = found
    return found


_years_cache: dict[tuple, list[int]] = {}
_YEARS = public_select(extract("year", part1.c.released_at)).distinct()


def years(db: Session, version: tuple | None = None) -> list[int]:
    """Years in which decisions were published, newest first (the year filter's choices).

    Working the years out reads every public row, so the answer is kept per ``version`` (the
    :func:`fingerprint`): it is recomputed only when something public has changed.
    """
    key = (_db_key(db), version)
    if version is not None and key in _years_cache:
        return _years_cache[key]
    found = sorted({int(y) for (y,) in run(db, _YEARS) if y is not None}, reverse=True)
    if version is not None:
        if len(_years_cache) > 64:
            _years_cache.clear()
        _years_cache[key] = found
    return found


_BY_SLUG = public_select().where(papers.c.slug == bindparam("slug"))


_by_version: dict[tuple, dict[str, Decision | None]] = {}
MAX_KEPT_DECISIONS = 20000


def get(db: Session, slug: str, version: tuple | None = None) -> Decision | None:
    """The public decision ``slug``, or None. With a ``version`` (:func:`fingerprint`), the answer is kept
    until the version moves: every change to a paper or a part moves it (``updated_at``, counts by state)."""
    if version is not None:
        kept = _by_version.get((_db_key(db), version))
        if kept is not None and slug in kept:
            return kept[slug]
    found = run(db, _BY_SLUG, {"slug": slug})
    decision = Decision(*rows_of(found[0])) if found else None
    if version is not None:
        key = (_db_key(db), version)
        if key not in _by_version:
            _by_version.clear()  # one version at a time: the previous one is out of date
            _by_version[key] = {}
        kept = _by_version[key]
        if len(kept) < MAX_KEPT_DECISIONS:
            kept[slug] = decision
    return decision


_fingerprints: dict[str, tuple[float, tuple[datetime | None, str]]] = {}
_fingerprint_lock = threading.Lock()
_parts = Part.__table__
# Index-only reads (ix_papers_state_updated, ix_parts_public_list): a few ms at 20,000 decisions.
_PAPERS_VERSION = (select(func.count(), func.max(papers.c.updated_at)).select_from(papers)
                   .where(papers.c.state == "published"))
_PARTS_VERSION = (select(_parts.c.number, _parts.c.state, func.count(), func.max(_parts.c.updated_at))
                  .group_by(_parts.c.number, _parts.c.state).order_by(_parts.c.number, _parts.c.state))


def fresh_fingerprint(url: str, max_age: float) -> tuple[datetime | None, str] | None:
    """The last :func:`fingerprint` of the database at ``url`` if it is under ``max_age`` seconds old."""
    cached = _fingerprints.get(url)
    return cached[1] if cached and max_age > 0 and time.monotonic() - cached[0] < max_age else None


def fingerprint(db: Session, max_age: float = 0.0) -> tuple[datetime | None, str]:
    """(last change, counts) covering everything the public lists show — the version behind their ETags.

    The last ``updated_at`` of published papers and of every part, and the counts of published papers
    and of parts by number and state: any publication, release, withdrawal or edit moves it, even when a
    clock handed to a release is behind the latest ``updated_at`` (the counts change). It may also move
    for a change the public does not see (a part of a deferred paper): pages are then rendered once more.

    A process may reuse its last answer for ``max_age`` seconds, and only one thread at a time asks the
    database (the others keep the last answer meanwhile): under a spike, pages are then answered without
    any query. A change shows at most ``max_age`` seconds late, well inside the pages' own cache lifetime.
    """
    key = _db_key(db)
    cached = _fingerprints.get(key)
    if max_age > 0 and cached and time.monotonic() - cached[0] < max_age:
        return cached[1]
    if max_age > 0 and cached and not _fingerprint_lock.acquire(blocking=False):
        return cached[1]  # another thread is asking right now
    elif not (max_age > 0 and cached):
        _fingerprint_lock.acquire()
    try:
        taken = time.monotonic()
        published, last_paper = run(db, _PAPERS_VERSION)[0]
        groups = run(db, _PARTS_VERSION)
        # a withdrawal takes a decision out: the version moves forward all the same (service.domain.withdrawal)
        changes = [t for t in (last_paper, *(g[3] for g in groups), lifecycle_queries.last_withdrawal(db))
                   if t is not None]
        counts = "/".join([str(int(published))] + [f"{n}{state}:{int(c)}" for n, state, c, _ in groups])
        value = (max(changes) if changes else None), counts
        _fingerprints[key] = (taken, value)
        return value
    finally:
        _fingerprint_lock.release()


_RECENT_PUBLISHED = public_select().order_by(*NEWEST).limit(bindparam("limit"))
_RECENT_RELEASED = (public_select().where(part2.c.state == "released", part2.c.released_at.is_not(None),
                                          part2.c.in_file.is_(True))
                    .order_by(part2.c.released_at.desc(), papers.c.id.desc()).limit(bindparam("limit")))


def recent_events(db: Session, limit: int = 50) -> list[tuple[datetime, str, Decision]]:
    """Publications and Part 2 releases, newest first: (when, "published" | "released", decision)."""
    published = [Decision(*rows_of(row)) for row in run(db, _RECENT_PUBLISHED, {"limit": limit})]
    released = [Decision(*rows_of(row)) for row in run(db, _RECENT_RELEASED, {"limit": limit})]
    events = [(d.part1.released_at, "published", d) for d in published]
    events += [(d.part2.released_at, "released", d) for d in released]
    events.sort(key=lambda e: (e[0], e[1] == "released"), reverse=True)
    return events[:limit]


def matching(db: Session, search: Search, limit: int = 50) -> list[Decision]:
    """The newest ``limit`` decisions matching ``search`` (words and filters; its page and order ignored)."""
    return find(db, replace(search, page=1, per_page=limit, sort="newest")).decisions


_UPCOMING = (public_select().where(part2.c.state == "withheld", part2.c.release_on.is_not(None),
                                   part2.c.in_file.is_(True), part2.c.release_on >= bindparam("today"))
             .order_by(part2.c.release_on, papers.c.id))


def upcoming_releases(db: Session, today: date) -> list[Decision]:
    """Public decisions whose Part 2 is withheld with a release date from ``today`` on, soonest first."""
    return [Decision(*rows_of(row)) for row in run(db, _UPCOMING, {"today": today})]


__all__ = ["Decision", "ResultPage", "Search", "PART2_FILTERS", "SORTS", "find", "years", "get", "fingerprint",
           "recent_events", "matching", "upcoming_releases"]
