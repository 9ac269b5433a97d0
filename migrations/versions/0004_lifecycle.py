"""Lifecycle after publication: withdrawal, corrected versions, redaction schedule

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 05:10:00

A withdrawn paper keeps its row, files and history (``withdrawn_at``, the public ``withdrawn_reason``, who);
its public URLs answer 410. A correction is a new paper whose ``previous_id`` is the version it replaces
(``version`` counts from 1, ``version_note`` is the public note); the replaced one is ``superseded``.
``decision_log`` records who decided each redaction and when, for the officers' redaction schedule.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_by', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('previous_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('version_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('decision_log', sa.JSON(), nullable=True))
        batch_op.create_foreign_key('fk_papers_withdrawn_by_users', 'users', ['withdrawn_by'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_foreign_key('fk_papers_previous_id_papers', 'papers', ['previous_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_index('ix_papers_previous_id', ['previous_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.drop_index('ix_papers_previous_id')
        batch_op.drop_constraint('fk_papers_previous_id_papers', type_='foreignkey')
        batch_op.drop_constraint('fk_papers_withdrawn_by_users', type_='foreignkey')
        for column in ('decision_log', 'superseded_at', 'version_note', 'version', 'previous_id',
                       'withdrawn_by', 'withdrawn_reason', 'withdrawn_at'):
            batch_op.drop_column(column)
