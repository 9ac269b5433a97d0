"""The full-text index of public decisions: SQLite FTS5 on the embedded default, a PostgreSQL ``tsvector``
with a GIN index otherwise (migration 0007 creates both and fills them).

One entry per *public* decision (see :func:`service.domain.public_rows.public_select`), keyed by the paper's id,
holding only what the public may read: reference, title, summary, the published Part 1's text and, once
released, Part 2's text if it is stored. Nothing else is ever written here.

Keeping it right: whatever changes what is public calls :func:`sync` with the papers it touched, in the same
transaction (publication, the release sweep and officers' release actions do); :func:`remove` drops one
paper at once (withdrawal). :func:`sync` re-reads the paper through the one definition of public, so a
paper that stopped being public for any reason leaves the index. Searches still join that definition as
well, so an entry left behind by a path that forgot to call :func:`sync` can never show.

Searching: every word of the query must match, whole or — with a digit, or a ``*`` after it — as a
beginning ("pcd 90" finds PCD 901, "stat*" finds stations), with English stemming on both backends (FTS5 ``porter``, PostgreSQL ``english``) and the same short stop-word list
dropped on both. Results are ranked (FTS5 ``bm25``, PostgreSQL ``ts_rank``; reference and title weigh most)
and each carries a snippet with the matches marked, escaped for HTML (:func:`highlighted`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from markupsafe import Markup, escape
from sqlalchemy import Float, and_, bindparam, case, column, delete, func, insert, literal_column, select, table, text
from sqlalchemy.orm import Session

from service.domain.public_rows import papers, part1, part2, public_select, run

# Snippet markers: private-use characters, removed from every text before it is indexed, so a document
# can never forge a highlight; they become <mark> only in :func:`highlighted`, after escaping.
START, STOP = "\ue000", "\ue001"
MAX_WORDS = 8
SNIPPET_TOKENS = 24
HEADLINE_CHARS = 60000   # PostgreSQL re-reads the text for a headline: the first 60,000 characters of each

# PostgreSQL's English stop words that are common in queries; dropped on both backends so that a search
# finds the same decisions on either (PostgreSQL ignores them; FTS5 would require them).
STOP_WORDS = frozenset("""a about above after again against all am an and any are as at be because been before
being below between both but by can did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with you your yours yourself
yourselves""".split())

_WORD = re.compile(r"([^\W_]+)(\*?)")

fts = table("search_fts", column("rowid"), column("reference"), column("title"), column("summary"),
            column("body"), column("part2"))                       # SQLite (FTS5 virtual table)
documents = table("search_documents", column("paper_id"), column("reference"), column("title"),
                  column("summary"), column("body"), column("part2"), column("document"))  # PostgreSQL (plus its tsvector)


class SearchUnavailable(Exception):
    """The database has no search index (an older schema): run ``foia migrate``."""


def words(query: str) -> list[str]:
    """The words a query searches for: letters and digits, lower-case, stop words dropped, at most 8.

    A word with a digit in it, or typed with a ``*`` after it, matches as a beginning ("pcd 90" finds
    PCD 901, "stat*" finds stations) and comes back ending in ``*``; other words match whole (stemmed).
    """
    found = []
    for word, star in _WORD.findall(query.lower()):
        if star or any(ch.isdigit() for ch in word):
            found.append(word + "*")
        elif word not in STOP_WORDS:
            found.append(word)
    return list(dict.fromkeys(found))[:MAX_WORDS]


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


# --- keeping it right ----------------------------------------------------------------------------------

def _clean(value):
    return func.replace(func.replace(func.coalesce(value, ""), START, ""), STOP, "")


def _entries(paper_ids: list[int] | None):
    """The index entries of the public papers among ``paper_ids`` (all public papers when None)."""
    released = and_(part2.c.state == "released", part2.c.in_file.is_(True))
    query = public_select(papers.c.id, _clean(papers.c.reference), _clean(papers.c.title),
                          _clean(papers.c.summary), _clean(part1.c.text),
                          _clean(case((released, part2.c.text), else_=None)))
    return query if paper_ids is None else query.where(papers.c.id.in_(paper_ids))


INDEXED = ("reference", "title", "summary", "body", "part2")


def _target(session: Session):
    return (fts, fts.c.rowid) if _dialect(session) == "sqlite" else (documents, documents.c.paper_id)


def _fill(target, key, paper_ids: list[int] | None):
    return insert(target).from_select([key, *(target.c[name] for name in INDEXED)], _entries(paper_ids))


def sync(session: Session, paper_ids: Iterable[int]) -> None:
    """Bring the entries of ``paper_ids`` in line with what is public now (add, refresh or drop).

    Call it in the transaction that changed what is public; it does not commit.
    """
    ids = sorted({int(i) for i in paper_ids if i is not None})
    if not ids:
        return
    target, key = _target(session)
    session.execute(delete(target).where(key.in_(ids)))
    session.execute(_fill(target, key, ids))


def remove(session: Session, paper_id: int) -> None:
    """Drop one paper from the index at once (withdrawal). Does not commit."""
    target, key = _target(session)
    session.execute(delete(target).where(key == int(paper_id)))


def rebuild(session: Session) -> int:
    """Empty the index and fill it from every public paper; returns the number of entries. Does not commit."""
    target, key = _target(session)
    session.execute(delete(target))
    session.execute(_fill(target, key, None))
    return int(session.execute(text(f"SELECT count(*) FROM {target.name}")).scalar() or 0)


def indexed_ids(session: Session) -> set[int]:
    """The papers the index holds (for checks and tests)."""
    _, key = _target(session)
    return set(session.execute(select(key)).scalars())


# --- searching -----------------------------------------------------------------------------------------

# Whole words are cheap: each word's list of documents is read in order and skipped through. A beginning
# gathers the lists of every word it starts, so it is kept for words with digits or asked for with "*".

def _fts5_match(terms: list[str]) -> str:  # terms are letters and digits only, maybe with a final "*"
    return " AND ".join(f'"{t[:-1]}"*' if t.endswith("*") else f'"{t}"' for t in terms)


def _tsquery(terms: list[str]) -> str:     # terms are letters and digits only, maybe with a final "*"
    return " & ".join(f"{t[:-1]}:*" if t.endswith("*") else t for t in terms)


RANK_WINDOW = 1000   # relevance ranks the newest 1,000 matches (more for later pages): flat cost at any size

def match_params(dialect: str, terms: list[str]) -> dict:
    """The bound values of the statements below for these words."""
    return {"fts_match": _fts5_match(terms)} if dialect == "sqlite" else {"ts_match": _tsquery(terms)}


def _matches(dialect: str):
    if dialect == "sqlite":
        return literal_column("search_fts").op("MATCH")(bindparam("fts_match"))
    return documents.c.document.op("@@")(func.to_tsquery("english", bindparam("ts_match")))


# The statements are built once per database kind, with the words (and window) as bound values: a new
# search then costs its queries, not building and compiling them again.

@lru_cache(maxsize=4)
def matching_ids(dialect: str):
    """A SELECT of the ids of the papers whose entry matches every word (for ``IN``; run once per query)."""
    key = fts.c.rowid if dialect == "sqlite" else documents.c.paper_id
    return select(key).where(_matches(dialect))


@lru_cache(maxsize=4)
def matches_paper(dialect: str):
    """A condition true when ``papers.id``'s entry matches every word: one seek into the index per paper
    tested. Used to walk the public list in date order when most papers match (a few tests until a page is
    full), where gathering every match first (:func:`matching_ids`) would cost in the archive's size."""
    if dialect == "sqlite":
        probe = select(literal_column("1")).select_from(fts).where(_matches(dialect), fts.c.rowid == papers.c.id)
    else:
        probe = select(literal_column("1")).select_from(documents).where(documents.c.paper_id == papers.c.id,
                                                                         _matches(dialect))
    return probe.correlate(papers).exists()


@lru_cache(maxsize=4)
def _count(dialect: str):
    return select(func.count()).select_from(fts if dialect == "sqlite" else documents).where(_matches(dialect))


@lru_cache(maxsize=4)
def _any(dialect: str):
    key = fts.c.rowid if dialect == "sqlite" else documents.c.paper_id
    return select(key).where(_matches(dialect)).limit(1)


def any_match(session: Session, terms: list[str]) -> bool:
    """Whether any entry matches every word: the index stops at the first one. A search that finds nothing
    (a typo, a number no reference has) then costs this probe instead of ranking an empty window."""
    dialect = _dialect(session)
    return bool(run(session, _any(dialect), match_params(dialect, terms)))


def count(session: Session, terms: list[str]) -> int:
    """How many entries match (the index holds only public decisions): read from the index alone."""
    dialect = _dialect(session)
    return int(run(session, _count(dialect), match_params(dialect, terms))[0][0] or 0)


def ranked(dialect: str, within=None):
    """(CTE of ``paper_id`` and ``rank`` for the newest ``:window`` matching papers, the rank's best-first
    order).

    Ranking costs per match (FTS5's bm25 reads each match's statistics), so only the newest ``window``
    matches (by paper id) are ranked: a search matching most of a large archive stays as fast as one on a
    small archive, and lists the most relevant of its newest matches first. ``within``: a SELECT of the ids
    allowed (the filters), applied before the window so that filters never empty a page.
    """
    if dialect == "sqlite":
        query = (select(fts.c.rowid.label("paper_id"),
                        literal_column("bm25(search_fts, 8.0, 8.0, 3.0, 1.0, 1.0)", Float).label("rank"))
                 .where(_matches(dialect)))
        if within is not None:  # "+": a plain test per match, not one index probe of the FTS table per id
            query = query.where(literal_column("+search_fts.rowid").in_(within))
        # Materialized: SQLite would otherwise run the MATCH again for every public row it joins.
        cte = (query.order_by(fts.c.rowid.desc()).limit(bindparam("window")).cte("ranked")
               .prefix_with("MATERIALIZED"))
        return cte, cte.c.rank.asc()       # bm25: lower is better
    query = (select(documents.c.paper_id.label("paper_id"),
                    func.ts_rank(documents.c.document, func.to_tsquery("english", bindparam("ts_match")),
                                 type_=Float).label("rank"))
             .where(_matches(dialect)))
    if within is not None:
        query = query.where(documents.c.paper_id.in_(within))
    # "paper_id + 0": the same order, but not the primary key's. A generic plan (psycopg prepares a statement
    # run five times; PostgreSQL then plans it once for any words) would otherwise walk the key backwards and
    # test every document's tsvector until the window is full: 180 ms for a rare pair at 20,000 decisions,
    # against 1 ms through the GIN index, which this order leaves as the only way to find the matches.
    cte = query.order_by((documents.c.paper_id + literal_column("0")).desc()).limit(bindparam("window")).cte("ranked")
    return cte, cte.c.rank.desc()


def best_first(dialect: str):
    """The order of a rank column best first: FTS5's bm25 is lower for better matches, ts_rank higher."""
    return (lambda rank: rank.asc()) if dialect == "sqlite" else (lambda rank: rank.desc())


# "rowid BETWEEN": FTS5 reads only that stretch of each word's list (a page's ids are close together);
# "+rowid IN": within it, one pass testing each id instead of a seek into the index per id.
@lru_cache(maxsize=128)
def _sqlite_snippets_sql(n: int) -> str:
    """The snippets of ``n`` ids, as plain SQL (qmark parameters: start, stop, match, lo, hi, the ids)."""
    return (f"SELECT rowid, snippet(search_fts, -1, ?, ?, '…', {SNIPPET_TOKENS}) FROM search_fts "
            f"WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({', '.join('?' * n)})")


_PG_SNIPPETS = text("SELECT paper_id, ts_headline('english', concat_ws(' … ', summary, left(body, :chars), "
                    "left(part2, :chars)), to_tsquery('english', :match), :options) "
                    "FROM search_documents WHERE paper_id IN :ids").bindparams(bindparam("ids", expanding=True))
_PG_OPTIONS = (f'StartSel="{START}", StopSel="{STOP}", MaxWords=30, MinWords=12, MaxFragments=2, '
               'FragmentDelimiter=" … "')


def snippets(session: Session, paper_ids: list[int], terms: list[str]) -> dict[int, Markup]:
    """A short passage of each paper around its matches, the matches in ``<mark>``, escaped for HTML."""
    if not paper_ids or not terms:
        return {}
    if _dialect(session) == "sqlite":   # plain SQL on the session's connection (no per-call compiling)
        ids = [int(i) for i in paper_ids]
        cursor = session.connection().connection.dbapi_connection.cursor()
        try:
            cursor.execute(_sqlite_snippets_sql(len(ids)),
                           [START, STOP, _fts5_match(terms), min(ids), max(ids), *ids])
            rows = cursor.fetchall()
        finally:
            cursor.close()
    else:
        rows = session.execute(_PG_SNIPPETS, {"chars": HEADLINE_CHARS, "match": _tsquery(terms),
                                              "options": _PG_OPTIONS, "ids": list(paper_ids)})
    return {int(pid): highlighted(raw) for pid, raw in rows if raw and START in raw}


_MARKED = re.compile(f"{START}(.*?){STOP}", re.S)


_MARK_OPEN, _MARK_CLOSE = '<mark class="app-highlight">', "</mark>"


def highlighted(raw: str) -> Markup:
    """Snippet text with START…STOP markers → escaped HTML with ``<mark>``; nothing of the text is trusted.

    The text is escaped first, in one call (the markers are private-use characters, which escaping leaves
    alone), then each well-formed START…STOP pair becomes a ``<mark>``: what the snippet functions give.
    Anything else — a marker without its pair, a START inside a marked stretch — takes the slow path below,
    which drops stray markers."""
    raw = collapse_markers(" ".join(raw.split()))
    escaped = str(escape(raw))
    opened = escaped.count(START)
    if opened == escaped.count(STOP) and _WELL_FORMED.fullmatch(escaped):
        return Markup(escaped.replace(START, _MARK_OPEN).replace(STOP, _MARK_CLOSE))
    return _highlighted_slowly(raw)


# A redaction box's label as the published text reads it ("s40(2)", "s43", "s31(1)(a)"); a run of them — every
# box of a table of contacts — says one thing: something here was withheld under these exemptions.
_LABEL = r"s\d{1,3}(?:\([0-9a-z]{1,3}\))*"
_MARKER_RUN = re.compile(rf"(?<![\w(]){_LABEL}(?:[ ,;]+{_LABEL})+(?![\w(])")
_ONE_LABEL = re.compile(_LABEL)
_LABEL_START = re.compile(r"s\d")   # every run of labels holds this: without it there is nothing to collapse


def collapse_markers(text: str) -> str:
    """Runs of redaction labels in a snippet made one: "s40(2) s40(2) s40(2)" → "s40(2)"; different labels
    are each said once, in order ("s40(2) s43"); a label cut short by the snippet's end ("s40(2) s40…") is
    the one before it.

    A snippet without an "s" followed by a digit holds no label: it is returned as it is, without trying the
    run's pattern at every position (6 of a result's 8 µs in :func:`highlighted`, issue 16)."""
    if _LABEL_START.search(text) is None:
        return text
    def one(m: re.Match) -> str:
        labels: list[str] = []
        for label in _ONE_LABEL.findall(m.group(0)):
            if not any(seen.startswith(label) for seen in labels):
                labels.append(label)
        return " ".join(labels)
    return _MARKER_RUN.sub(one, text)


_WELL_FORMED = re.compile(f"[^{START}{STOP}]*(?:{START}[^{START}{STOP}]*{STOP}[^{START}{STOP}]*)*", re.S)


def _highlighted_slowly(raw: str) -> Markup:
    out, last = [], 0
    for m in _MARKED.finditer(raw):
        out.append(escape(raw[last:m.start()].replace(START, "").replace(STOP, "")))
        out.append(Markup('<mark class="app-highlight">%s</mark>') % m.group(1).replace(START, ""))
        last = m.end()
    out.append(escape(raw[last:].replace(START, "").replace(STOP, "")))
    return Markup("").join(out)
