"""papers.original_sha256: the SHA-256 of the uploaded file, to tell an officer the same file was uploaded before

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 15:10:00

Indexed: each upload looks for earlier papers with the same file (a notice on the review page, a
``same_file_as`` field in the API's upload response; never a refusal). Papers uploaded before this revision
have none and are not compared.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('original_sha256', sa.String(length=64), nullable=True))
        batch_op.create_index('ix_papers_original_sha256', ['original_sha256'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.drop_index('ix_papers_original_sha256')
        batch_op.drop_column('original_sha256')
