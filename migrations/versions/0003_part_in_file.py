"""parts.in_file: false for a Part 2 the paper names but that was not in the uploaded file

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 05:00:00

Such a Part 2 is recorded withheld (its exemptions and dates) without a file: the public pages say so and
never offer a download, and the release sweep sends it to review instead of "releasing" nothing.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('parts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('in_file', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table('parts', schema=None) as batch_op:
        batch_op.drop_column('in_file')
