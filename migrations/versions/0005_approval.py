"""Second-officer approval and e-mail notifications

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 05:10:00

``approval_requests``: one row per "publish" under ``FOIA_APPROVAL=two-person`` — the verified files
waiting for a second officer (storage keys and SHA-256 digests), the fingerprint of what was reviewed,
who asked and who decided. At most one request per paper is awaiting (a partial unique index).

``mail_outbox``: e-mail waiting to be sent by the scheduler. ``dedupe_key`` is unique, so a message is
queued once however many schedulers notice the same event; ``state`` moves pending → sending → sent
(or failed) with guarded updates, so one sender sends it.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _when():
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'approval_requests',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('paper_id', sa.Integer(), sa.ForeignKey('papers.id', ondelete='CASCADE'), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('fingerprint', sa.String(64), nullable=False),
        sa.Column('folder', sa.String(200), nullable=False),
        sa.Column('files', sa.JSON(), nullable=False),
        sa.Column('part2_read', sa.JSON(), nullable=True),
        sa.Column('part1_text', sa.Text(), nullable=True),
        sa.Column('requested_by', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('requested_at', _when(), nullable=False),
        sa.Column('decided_by', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('decided_at', _when(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
    )
    op.create_index('ix_approval_requests_paper', 'approval_requests', ['paper_id', 'state'])
    op.create_index('uq_approval_requests_awaiting', 'approval_requests', ['paper_id'], unique=True,
                    sqlite_where=sa.text("state = 'awaiting'"), postgresql_where=sa.text("state = 'awaiting'"))

    op.create_table(
        'mail_outbox',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('kind', sa.String(32), nullable=False),
        sa.Column('dedupe_key', sa.String(200), nullable=False, unique=True),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('recipient', sa.String(254), nullable=False),
        sa.Column('subject', sa.String(300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('next_attempt_at', _when(), nullable=False),
        sa.Column('last_error', sa.String(200), nullable=True),
        sa.Column('created_at', _when(), nullable=False),
        sa.Column('claimed_at', _when(), nullable=True),
        sa.Column('sent_at', _when(), nullable=True),
    )
    op.create_index('ix_mail_outbox_due', 'mail_outbox', ['state', 'next_attempt_at'])


def downgrade() -> None:
    op.drop_index('ix_mail_outbox_due', table_name='mail_outbox')
    op.drop_table('mail_outbox')
    op.drop_index('uq_approval_requests_awaiting', table_name='approval_requests')
    op.drop_index('ix_approval_requests_paper', table_name='approval_requests')
    op.drop_table('approval_requests')
