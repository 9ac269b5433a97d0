"""A withdrawal and the release sweep on the same due Part 2, on SQLite and PostgreSQL: whichever commits
first, the part ends withdrawn, is released at most once and is never public afterwards; each change has
exactly one audit event. On PostgreSQL the sweep's transaction is held open while the withdrawal runs, so
the withdrawal waits on the row lock and must still take down what the sweep released."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, text, update

from service.domain.release import release_due
from service.domain.models import AuditEvent, Paper, Part
from tests.conftest import _app_on, add_user
from tests.release_helpers import d, publish_parts, states, utc

NOW = utc(2026, 12, 1, 9, 0)
REASON = "Published in error before the contract was signed."


def _withdraw(app, paper_id: int) -> dict:
    from service.domain.models import User
    from service.domain.withdrawal import withdraw

    with app.app_context(), app.extensions["foia.db"].session() as db:
        return withdraw(db, db.get(Paper, paper_id), db.get(User, 1), REASON, actor="api", now=NOW)


def _actions(app, paper_id: int) -> list[str]:
    with app.extensions["foia.db"].session() as db:
        return list(db.scalars(select(AuditEvent.action).where(AuditEvent.paper_id == paper_id)
                               .order_by(AuditEvent.id)))


@pytest.fixture
def due(db_app):
    add_user(db_app)
    made = publish_parts(db_app, part1={"released_at": utc(2026, 11, 2)},
                         part2={"state": "withheld", "release_on": d("2026-11-30")}, reference="PCD 77")[0]
    return db_app, made


@pytest.mark.parametrize("first, expected", [
    ("sweep", ["part 2 released", "withdrawn", "part 1 taken down", "part 2 taken down"]),
    ("withdrawal", ["withdrawn", "part 1 taken down", "part 2 release cancelled"]),
])
def test_withdrawal_and_sweep_in_either_order(due, first, expected):
    app, made = due
    with app.extensions["foia.db"].session() as db:
        if first == "sweep":
            assert release_due(NOW, session=db) == [made[2]]
            _withdraw(app, made["paper"])
        else:
            _withdraw(app, made["paper"])
            assert release_due(NOW, session=db) == []
    assert states(app, [made[1], made[2]]) == ["withdrawn", "withdrawn"]
    actions = [a for a in _actions(app, made["paper"]) if a != "part 1 published"]
    assert sorted(actions) == sorted(expected)
    assert app.test_client().get("/decisions/pcd-77/part2.pdf").status_code == 410


@pytest.fixture
def pg_due(tmp_path):
    """PostgreSQL only: SQLite runs one writer at a time (the orders above cover it)."""
    with _app_on("postgresql", tmp_path) as app:
        add_user(app)
        yield app, publish_parts(app, part2={"state": "withheld", "release_on": d("2026-11-30")},
                                 reference="PCD 77")[0]


def test_withdrawal_waits_for_a_sweep_holding_the_row_and_takes_down_what_it_released(pg_due):
    app, made = pg_due
    engine = app.extensions["foia.db"].engine
    sweep = engine.connect()
    tx = sweep.begin()
    sweep.execute(update(Part).where(Part.id == made[2], Part.state == "withheld")
                  .values(state="released", released_at=NOW, updated_at=NOW))
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(body=_withdraw(app, made["paper"])))
    worker.start()
    with engine.connect() as watch:  # wait (no clock) until the withdrawal is blocked on the sweep's row lock
        for _ in range(10_000):
            waiting = watch.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                         "AND datname = current_database()")).scalar()
            watch.commit()
            if waiting or not worker.is_alive():
                break
    tx.commit()
    sweep.close()
    worker.join(30)
    assert result["body"]["state"] == "withdrawn"
    assert states(app, [made[1], made[2]]) == ["withdrawn", "withdrawn"]
    assert "part 2 taken down" in _actions(app, made["paper"])


def test_a_paper_withdrawn_before_it_was_public_stays_unknown(db_app):
    """Withdrawn while its Part 1 was still deferred: no notice (its reference was never public), and the
    deferred publication is cancelled."""
    add_user(db_app)
    made = publish_parts(db_app, part1={"state": "scheduled", "publish_on": d("2030-01-01")}, reference="PCD 78")[0]
    _withdraw(db_app, made["paper"])
    client = db_app.test_client()
    for url in ("/decisions/pcd-78", "/decisions/pcd-78/part1.pdf", "/api/v1/decisions/pcd-78"):
        assert client.get(url).status_code == 404, url
    assert "pcd-78" not in client.get("/feed.atom").get_data(as_text=True)
    with db_app.extensions["foia.db"].session() as db:
        assert release_due(utc(2030, 1, 2), session=db) == []
    assert states(db_app, [made[1]]) == ["withdrawn"]
    assert "part 1 release cancelled" in _actions(db_app, made["paper"])
