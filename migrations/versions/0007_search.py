"""Full-text search index over published Part 1 texts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 05:10:00

SQLite: an FTS5 table ``search_fts`` (rowid = the paper's id; porter stemming; prefix indexes for 2 and 3
characters so "pcd 90" is cheap). PostgreSQL: a table ``search_documents`` with a stored, generated
``tsvector`` (English; reference and title weigh most) and a GIN index on it. Both hold one entry per public
decision — never a draft, a deferred Part 1 or a withheld Part 2 — kept in step by ``service.domain.search_index``;
the upgrade fills them from the decisions public now.
"""
from alembic import op
import sqlalchemy as sa  # noqa: F401


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

START, STOP = "\ue000", "\ue001"   # snippet markers (service.domain.search_index): never in indexed text


def _clean(expr: str) -> str:
    return f"replace(replace(coalesce({expr}, ''), '{START}', ''), '{STOP}', '')"


# What is public (service.domain.public_rows.public_select) as of this revision.
PUBLIC_ENTRIES = f"""
SELECT papers.id, {_clean('papers.reference')}, {_clean('papers.title')}, {_clean('papers.summary')},
       {_clean('part1.text')},
       {_clean("CASE WHEN part2.state = 'released' AND part2.in_file THEN part2.text END")}
FROM papers
JOIN parts AS part1 ON part1.paper_id = papers.id AND part1.number = 1
LEFT OUTER JOIN parts AS part2 ON part2.paper_id = papers.id AND part2.number = 2
WHERE papers.state = 'published' AND papers.slug IS NOT NULL AND part1.state = 'published'
  AND part1.released_at IS NOT NULL
"""

PG_DOCUMENT = ("setweight(to_tsvector('english', coalesce(reference, '')), 'A') || "
               "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
               "setweight(to_tsvector('english', coalesce(summary, '')), 'B') || "
               "setweight(to_tsvector('english', coalesce(body, '')), 'C') || "
               "setweight(to_tsvector('english', coalesce(part2, '')), 'C')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(reference, title, summary, body, part2, "
                   "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')")
        op.execute(f"INSERT INTO search_fts (rowid, reference, title, summary, body, part2) {PUBLIC_ENTRIES}")
        return
    op.execute(f"""
        CREATE TABLE search_documents (
            paper_id integer PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
            reference text NOT NULL DEFAULT '',
            title text NOT NULL DEFAULT '',
            summary text NOT NULL DEFAULT '',
            body text NOT NULL DEFAULT '',
            part2 text NOT NULL DEFAULT '',
            document tsvector GENERATED ALWAYS AS ({PG_DOCUMENT}) STORED
        )""")
    op.execute("CREATE INDEX ix_search_documents_document ON search_documents USING gin (document)")
    op.execute(f"INSERT INTO search_documents (paper_id, reference, title, summary, body, part2) {PUBLIC_ENTRIES}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    else:
        op.execute("DROP TABLE IF EXISTS search_documents")
