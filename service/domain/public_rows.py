"""The one definition of "public", as Core SQL, and the plain rows the public pages read.

A paper is public when it is published *and* its Part 1 is published (a deferred Part 1 keeps the whole
paper out of sight, title included). Part 2's file is public only in state ``released`` and in the file.
Every public query (:mod:`service.web.public.queries`) and the search index (:mod:`service.domain.search_index`)
start from :func:`public_select`, so a paper that is not public is a 404, absent from the lists and
absent from the index everywhere at once.

The statements use the Core tables (not ORM entities and not a fresh ``aliased()`` per call) and return
plain, immutable rows without the large text column: building and loading them is a small part of a
request (issue 16: half of the time of ``/`` went to building ORM statements and loading ORM objects).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Iterator

from sqlalchemy import Date, Select, and_, select

from service.domain.models import AwareDateTime, Paper, Part

papers = Paper.__table__
part1 = Part.__table__.alias("part1")
part2 = Part.__table__.alias("part2")

PAPER_FIELDS = ("id", "slug", "reference", "title", "summary", "state", "published_at", "updated_at",
                "previous_id")
PART_FIELDS = ("id", "number", "state", "file_key", "in_file", "size", "pages", "publish_on", "release_on",
               "review_on", "released_at", "exemptions", "redactions", "updated_at")


@dataclass(frozen=True, slots=True)
class PaperRow:
    id: int
    slug: str
    reference: str | None
    title: str | None
    summary: str | None
    state: str
    published_at: datetime | None
    updated_at: datetime | None
    previous_id: int | None = None   # the version this one corrects (None: never corrected)


@dataclass(frozen=True, slots=True)
class PartRow:
    id: int
    number: int
    state: str
    file_key: str | None
    in_file: bool
    size: int
    pages: int
    publish_on: date | None
    release_on: date | None
    review_on: date | None
    released_at: datetime | None
    exemptions: list | None
    redactions: dict | None
    updated_at: datetime | None


COLUMNS = ([papers.c[f] for f in PAPER_FIELDS] + [part1.c[f] for f in PART_FIELDS]
           + [part2.c[f] for f in PART_FIELDS])
_P1 = len(PAPER_FIELDS)
_P2 = _P1 + len(PART_FIELDS)


def public_where() -> list:
    """The conditions on ``papers`` and ``part1`` (joined as in :func:`public_select`)."""
    return [papers.c.state == "published", papers.c.slug.is_not(None), part1.c.state == "published",
            part1.c.released_at.is_not(None)]


def public_select(*columns) -> Select:
    """Public papers with their published Part 1, and Part 2 joined when there is one.

    ``columns`` default to every column of :data:`COLUMNS` (read them back with :func:`rows_of`).
    """
    return (select(*(columns or COLUMNS)).select_from(papers)
            .join(part1, and_(part1.c.paper_id == papers.c.id, part1.c.number == 1))
            .outerjoin(part2, and_(part2.c.paper_id == papers.c.id, part2.c.number == 2))
            .where(*public_where()))


def rows_of(row) -> tuple[PaperRow, PartRow, PartRow | None]:
    """A row of :func:`public_select` with the default columns, as (paper, part 1, part 2 or None)."""
    values = tuple(row)
    paper = PaperRow(*values[:_P1])
    p1 = PartRow(*values[_P1:_P2])
    p2 = PartRow(*values[_P2:_P2 + len(PART_FIELDS)]) if values[_P2] is not None else None
    return paper, p1, p2


# --- running the public statements -----------------------------------------------------------------------
# The public statements are built once (module level); SQLAlchemy would still, on every execution, look the
# statement up in its compiled cache, make an execution context and a result object, and process each row.
# For the few short reads of a public page that bookkeeping cost more than the reads themselves (issue 16),
# so :func:`run` compiles each statement once per database kind and runs it on the DBAPI cursor of the
# session's own connection (same transaction, same pool), converting each value with the column type's own
# result processor — the values come back exactly as ``Session.execute`` gives them.

class _Compiled:
    __slots__ = ("statement", "sql", "order", "defaults", "binds", "results")

    def __init__(self, statement, dialect):
        compiled = statement.compile(dialect=dialect)
        self.statement = statement          # kept: the cache is keyed by its id
        self.sql = str(compiled)
        self.order = tuple(compiled.positiontup) if compiled.positional else None
        self.defaults = {name: bind.value for bind, name in compiled.bind_names.items()}
        self.binds = dict(compiled._bind_processors)
        self.results = None                 # per-column processors, once the first cursor describes them
        if "POSTCOMPILE" in self.sql:       # values rendered into the SQL per call: leave it to SQLAlchemy
            self.sql = None

    def parameters(self, params: dict | None):
        values = {**self.defaults, **params} if params else dict(self.defaults)
        for name, process in self.binds.items():
            if name in values:
                values[name] = process(values[name])
        return [values[name] for name in self.order] if self.order is not None else values

    def processors(self, statement_columns, description, dialect):
        if self.results is None:
            self.results = tuple((i, _fast(column.type, dialect, p))
                                 for i, (column, described) in enumerate(zip(statement_columns, description))
                                 if (p := column.type._cached_result_processor(dialect, described[1])) is not None)
        return self.results


# SQLite hands dates and instants back as ISO text, which SQLAlchemy parses with a regular expression (a few µs
# a value, half of a public row's loading): ``fromisoformat`` reads the same text in C. Anything it does not
# read is given to SQLAlchemy's own processor, so the values are exactly what ``Session.execute`` gives.
def _fast(type_, dialect, slow):
    if dialect.name != "sqlite":
        return slow
    if isinstance(type_, AwareDateTime):
        def aware(value, parse=datetime.fromisoformat, utc=timezone.utc):
            if value is None:
                return None
            try:
                parsed = parse(value)
            except (TypeError, ValueError):
                return slow(value)
            return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=utc)
        return aware
    if type(type_) is Date:
        def day(value, parse=date.fromisoformat):
            if value is None:
                return None
            try:
                return parse(value)
            except (TypeError, ValueError):
                return slow(value)
        return day
    return slow


_compiled: dict[tuple[int, str], _Compiled] = {}


def run(db, statement, params: dict | None = None) -> list[tuple]:
    """The rows of a *module-level* (built once, never garbage) Core SELECT, as plain tuples of the values
    ``db.execute`` would give. Runs in ``db``'s transaction on its connection."""
    connection = db.connection()
    dialect = connection.dialect
    key = (id(statement), dialect.name)
    compiled = _compiled.get(key)
    if compiled is None:
        compiled = _compiled[key] = _Compiled(statement, dialect)
    if compiled.sql is None:
        return [tuple(row) for row in db.execute(statement, params or {})]
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(compiled.sql, compiled.parameters(params))
        found = cursor.fetchall()
        processors = compiled.processors(statement.selected_columns, cursor.description, dialect)
    finally:
        cursor.close()
    if not processors:
        return [tuple(row) for row in found]
    rows = []
    for row in found:
        values = list(row)
        for i, process in processors:
            values[i] = process(values[i])
        rows.append(tuple(values))
    return rows


# --- a reader for the public fast path --------------------------------------------------------------------

class Reader:
    """What the public reads need of a :class:`~sqlalchemy.orm.Session` (``connection()``, ``get_bind()``,
    ``execute()``, ``scalar()``) on a plain Core connection of the engine's pool, drawn on first use.

    An ORM session costs about 0.1 ms a request to start, join to a connection and close (issue 16) and the
    public pages load no ORM objects, so the Flask-free paths (:mod:`service.web.public.fast`, the micro-cache's
    data version) read through this instead. Reads only: it has no ``commit``; closing it returns the
    connection to the pool, which rolls back whatever the connection began (as a session's close does)."""

    __slots__ = ("_engine", "_connection")

    def __init__(self, engine):
        self._engine = engine
        self._connection = None

    def connection(self):
        if self._connection is None:
            self._connection = self._engine.connect()
        return self._connection

    def get_bind(self):
        return self._engine

    def execute(self, statement, params=None):
        return self.connection().execute(statement, params or {})

    def scalar(self, statement, params=None):
        return self.connection().scalar(statement, params or {})

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()


@contextmanager
def reader(engine) -> Iterator[Reader]:
    """A :class:`Reader` on ``engine``, closed at the end of the block."""
    db = Reader(engine)
    try:
        yield db
    finally:
        db.close()
