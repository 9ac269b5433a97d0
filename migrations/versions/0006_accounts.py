"""Accounts and hardening: server-side sessions, ids never reused

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 05:10:00

``user_sessions`` holds one row per signed-in browser (the cookie carries a random id; signing out, a
password change and disabling the account delete the rows).

Ids are never given twice. PostgreSQL's sequences never go back, so nothing changes there. SQLite without
``AUTOINCREMENT`` hands out ``max(id) + 1``: a discarded paper's id went to the next upload, whose history
then began with the old paper's events. Each table is rebuilt with ``AUTOINCREMENT`` (batch mode copies the
rows, ids unchanged), with foreign keys off meanwhile — dropping ``papers`` with them on would cascade to its
parts — and checked afterwards. The papers counter starts above every paper id the audit trail has seen, so
the id of a paper discarded before this migration is not given again either.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# Parents before children does not matter with foreign keys off; each keeps its rows and ids.
REBUILT = ("users", "api_tokens", "papers", "parts", "audit_events")


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        _sqlite_autoincrement()  # first: it commits what came before (see there)
    op.create_table(
        'user_sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token_hash'),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('user_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_sessions_user_id'), ['user_id'], unique=False)


def _sqlite_autoincrement() -> None:
    # PRAGMA foreign_keys is ignored inside a transaction: commit the revisions before this one (the database
    # is then consistently at 0005, so a failure below leaves it there) and switch them off for this
    # connection only (service.infra.migrate disposes of it; new connections switch them on again).
    raw = op.get_bind().connection.dbapi_connection
    raw.commit()
    raw.execute('PRAGMA foreign_keys=OFF')
    for table in REBUILT:
        with op.batch_alter_table(table, recreate='always',
                                  table_kwargs={'sqlite_autoincrement': True}) as batch_op:
            batch_op.alter_column('id', existing_type=sa.Integer(), nullable=False)
    bind = op.get_bind()
    # Above every id the audit trail names, so a paper discarded earlier keeps its id to itself.
    highest = bind.execute(sa.text(
        "SELECT max(coalesce((SELECT max(id) FROM papers), 0), "
        "coalesce((SELECT max(paper_id) FROM audit_events), 0))")).scalar() or 0
    if highest:
        bind.execute(sa.text("DELETE FROM sqlite_sequence WHERE name = 'papers'"))
        bind.execute(sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('papers', :seq)"),
                     {'seq': highest})
    broken = bind.execute(sa.text('PRAGMA foreign_key_check')).fetchall()
    if broken:
        raise RuntimeError(f'foreign keys broken by the rebuild in table(s): '
                           f'{sorted({row[0] for row in broken})}; nothing was changed')


def downgrade() -> None:
    # The AUTOINCREMENT tables stay: ids that are never reused do no harm to the older code.
    with op.batch_alter_table('user_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_sessions_user_id'))
    op.drop_table('user_sessions')
