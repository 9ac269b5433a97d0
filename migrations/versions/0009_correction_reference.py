"""Data fix: a correction with no reference takes the reference of the version it corrects

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 21:20:00

Before commit 279c672 a correction took its reference only from its own file, so a decision whose reference an
officer had typed (a council report the reader did not read it from) lost it when corrected: the public page,
the JSON and the search showed none. Each correction (``previous_id`` set) whose reference is NULL or empty takes
its previous version's, a chain (v3 corrects v2 corrects v1) one step per pass; its ``updated_at`` moves (the
public pages' caches follow), its search entry gets the reference, and an audit event says so (ids only).
Idempotent: a correction with a reference, or whose previous version has none, is left as it is, so running
:func:`fill` again changes nothing. Titles are not copied: a title is free text that the publication check
(redacted text in a public field) must see, which SQL cannot do. No schema change; the downgrade undoes nothing.
"""
import logging
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

MAX_PASSES = 1000  # the longest chain of corrections filled; each pass fills one more step of every chain

papers = sa.table("papers", sa.column("id", sa.Integer), sa.column("reference", sa.String),
                  sa.column("previous_id", sa.Integer), sa.column("updated_at", sa.DateTime(timezone=True)))
audit = sa.table("audit_events", sa.column("at", sa.DateTime(timezone=True)), sa.column("actor", sa.String),
                 sa.column("action", sa.String), sa.column("paper_id", sa.Integer), sa.column("details", sa.JSON))


def _missing(column):
    return sa.or_(column.is_(None), column == "")


def fill(connection, now: datetime | None = None) -> list[int]:
    """Give every correction without a reference its previous version's; returns the ids of the papers filled."""
    now = now or datetime.now(timezone.utc)
    stamp = now.replace(tzinfo=None) if connection.dialect.name == "sqlite" else now  # as AwareDateTime stores
    earlier = papers.alias("earlier")
    filled: list[int] = []
    for _ in range(MAX_PASSES):
        rows = connection.execute(
            sa.select(papers.c.id, papers.c.previous_id, earlier.c.reference)
            .join(earlier, earlier.c.id == papers.c.previous_id)
            .where(papers.c.previous_id.is_not(None), _missing(papers.c.reference),
                   sa.not_(_missing(earlier.c.reference)))
            .order_by(papers.c.id)).all()
        if not rows:
            break
        for paper_id, previous_id, reference in rows:
            # guarded: only a paper still without a reference (a running service may have written one meanwhile)
            done = connection.execute(sa.update(papers).where(papers.c.id == paper_id, _missing(papers.c.reference))
                                      .values(reference=reference, updated_at=stamp))
            if done.rowcount != 1:
                continue
            filled.append(paper_id)
            connection.execute(sa.insert(audit).values(
                at=stamp, actor="migration", action="reference taken from the corrected version", paper_id=paper_id,
                details={"from_paper": previous_id, "migration": revision}))
            _index(connection, paper_id, reference)
    if filled:
        log.info("migration %s: %d correction(s) took the reference of the version they correct: papers %s",
                 revision, len(filled), ", ".join(map(str, filled[:20])) + (" …" if len(filled) > 20 else ""))
    return filled


def _index(connection, paper_id: int, reference: str) -> None:
    """The search entry of a public decision (migration 0007) gets the reference; a paper not public has none."""
    reference = reference.replace("\ue000", "").replace("\ue001", "")  # the snippet markers, as 0007 cleans
    if connection.dialect.name == "sqlite":
        connection.execute(sa.text("UPDATE search_fts SET reference = :reference WHERE rowid = :id"),
                           {"reference": reference, "id": paper_id})
    else:
        connection.execute(sa.text("UPDATE search_documents SET reference = :reference WHERE paper_id = :id"),
                           {"reference": reference, "id": paper_id})


def upgrade() -> None:
    fill(op.get_bind())


def downgrade() -> None:
    pass  # a data fix: the references stay (they are the ones the previous versions published)
