"""The one release function on SQLite and PostgreSQL: when a part is due (London time, across clock
changes), what it becomes (released, published, review), exactly once, and nothing half-done after a crash."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import event

from service.domain.release import release_due, release_instant
from tests.release_helpers import d, database, events, part, publish_parts, states, utc


@pytest.mark.parametrize("day, at, instant", [
    ("2025-03-30", time(0, 0), utc(2025, 3, 30, 0, 0)),     # clocks go forward at 01:00 GMT: midnight is GMT
    ("2025-03-31", time(0, 0), utc(2025, 3, 30, 23, 0)),    # first midnight in BST
    ("2025-04-01", time(0, 0), utc(2025, 3, 31, 23, 0)),
    ("2025-10-26", time(0, 0), utc(2025, 10, 25, 23, 0)),   # clocks go back at 02:00 BST: midnight is BST
    ("2025-10-27", time(0, 0), utc(2025, 10, 27, 0, 0)),    # first midnight in GMT
    ("2025-03-30", time(9, 30), utc(2025, 3, 30, 8, 30)),
    ("2025-01-15", time(9, 30), utc(2025, 1, 15, 9, 30)),
])
def test_release_instant_is_london_time(day, at, instant):
    assert release_instant(d(day), at) == instant


@pytest.mark.parametrize("day", ["2025-03-29", "2025-03-30", "2025-03-31", "2025-10-25", "2025-10-26",
                                 "2025-10-27", "2025-07-01", "2025-12-31"])
@pytest.mark.parametrize("at", [time(0, 0), time(1, 30), time(2, 0), time(23, 59)])
def test_a_date_becomes_due_exactly_at_its_instant(day, at):
    """The sweep and the date job agree, even for a time of day a clock change skips or repeats (01:30)."""
    from datetime import timedelta

    from service.domain.release import last_due_date

    instant = release_instant(d(day), at)
    assert last_due_date(instant, at) == d(day)
    assert last_due_date(instant - timedelta(minutes=1), at) < d(day)


# (release date, clock, state after the sweep): a minute either side of midnight London on clock-change days.
AROUND_MIDNIGHT = [
    ("2025-03-30", utc(2025, 3, 29, 23, 59), "withheld"),
    ("2025-03-30", utc(2025, 3, 30, 0, 1), "released"),
    ("2025-10-26", utc(2025, 10, 25, 22, 59), "withheld"),
    ("2025-10-26", utc(2025, 10, 25, 23, 1), "released"),
    ("2025-04-01", utc(2025, 3, 31, 22, 59), "withheld"),
    ("2025-04-01", utc(2025, 3, 31, 23, 0), "released"),   # the instant itself counts
    ("2025-04-01", utc(2025, 3, 31, 23, 1), "released"),
    ("2020-01-01", utc(2025, 6, 1, 12, 0), "released"),    # long past: released at once
]


@pytest.mark.parametrize("release_on, now, expected", AROUND_MIDNIGHT)
def test_part2_released_from_midnight_london(db_app, release_on, now, expected):
    ids = publish_parts(db_app, part2={"release_on": d(release_on)})[0]
    with database(db_app).session() as db:
        changed = release_due(now, session=db)
    p2 = part(db_app, ids[2])
    assert p2.state == expected
    assert changed == ([ids[2]] if expected == "released" else [])
    assert (p2.released_at == now) if expected == "released" else p2.released_at is None
    released = [e for e in events(db_app, ids["paper"]) if e.action == "part 2 released"]
    assert len(released) == (expected == "released")
    if released:
        assert released[0].actor == "scheduler" and released[0].details["part_id"] == ids[2]


@pytest.mark.parametrize("release_on, now, expected", AROUND_MIDNIGHT[:4])
def test_deferred_part1_published_from_midnight_london(db_app, release_on, now, expected):
    ids = publish_parts(db_app, part1={"state": "scheduled", "publish_on": d(release_on)})[0]
    with database(db_app).session() as db:
        release_due(now, session=db)
    p1 = part(db_app, ids[1])
    assert p1.state == ("published" if expected == "released" else "scheduled")
    assert [e.action for e in events(db_app, ids["paper"])] == (["part 1 published"] if expected == "released" else [])


def test_configured_release_time(db_app):
    ids = publish_parts(db_app, part2={"release_on": d("2025-03-30")})[0]
    with database(db_app).session() as db:
        assert release_due(utc(2025, 3, 30, 8, 29), session=db, release_time=time(9, 30)) == []
        assert release_due(utc(2025, 3, 30, 8, 30), session=db, release_time=time(9, 30)) == [ids[2]]


@pytest.mark.parametrize("start, release_on, review_on, expected, action", [
    ("withheld", None, "2025-04-01", "review", "part 2 due for review"),
    ("withheld", None, "2025-06-01", "withheld", None),
    ("withheld", "2025-09-01", "2025-04-01", "review", "part 2 due for review"),   # review comes first
    ("withheld", "2025-04-01", "2025-09-01", "review", "part 2 due for review"),   # never released past a review
    ("withheld", "2025-04-01", None, "released", "part 2 released"),
    ("withheld", None, None, "withheld", None),                                     # no date: an officer acts
    ("held", "2025-04-01", None, "held", None),
    ("review", "2025-04-01", "2025-03-01", "review", None),                          # already queued: no repeat
    ("released", "2025-04-01", None, "released", None),
])
def test_review_versus_release(db_app, start, release_on, review_on, expected, action):
    ids = publish_parts(db_app, part2={"state": start, "release_on": release_on and d(release_on),
                                       "review_on": review_on and d(review_on)})[0]
    with database(db_app).session() as db:
        release_due(utc(2025, 5, 1, 12), session=db)
        release_due(utc(2025, 5, 1, 12), session=db)
    assert part(db_app, ids[2]).state == expected
    assert [e.action for e in events(db_app, ids["paper"])] == ([action] if action else [])


def test_sweep_twice_changes_each_part_once(db_app):
    made = publish_parts(db_app, part1={"state": "scheduled", "publish_on": d("2025-01-01")},
                         part2={"release_on": d("2025-01-01")}, count=5)
    now = utc(2025, 1, 2)
    with database(db_app).session() as db:
        first = release_due(now, session=db)
        second = release_due(now, session=db)
    with database(db_app).session() as db:
        third = release_due(utc(2025, 2, 1), session=db)
    assert sorted(first) == sorted([m[1] for m in made] + [m[2] for m in made])
    assert second == third == []
    assert len(events(db_app)) == 10
    assert set(states(db_app, [m[2] for m in made])) == {"released"}


def test_part_ids_limit_a_date_job_to_its_part(db_app):
    a, b = publish_parts(db_app, part2={"release_on": d("2025-01-01")}, count=2)
    with database(db_app).session() as db:
        assert release_due(utc(2025, 1, 2), session=db, part_ids=[a[2]]) == [a[2]]
    assert states(db_app, [a[2], b[2]]) == ["released", "withheld"]


def _fail_before_commit(session):
    def boom(_session):
        raise RuntimeError("injected crash before commit")
    event.listen(session, "before_commit", boom)


def _fail_audit_insert(monkeypatch):
    import service.domain.release as release

    def boom(*_args, **_kwargs):
        raise RuntimeError("injected crash after the UPDATE, before the audit event")
    monkeypatch.setattr(release, "insert", boom)


@pytest.mark.parametrize("where", ["before commit", "before audit insert"])
def test_crash_between_steps_rolls_everything_back(db_app, monkeypatch, where):
    ids = publish_parts(db_app, part2={"release_on": d("2025-01-01")})[0]
    with database(db_app).session() as db:
        if where == "before commit":
            _fail_before_commit(db)
        else:
            _fail_audit_insert(monkeypatch)
        with pytest.raises(RuntimeError, match="injected"):
            release_due(utc(2025, 1, 2), session=db)
    assert part(db_app, ids[2]).state == "withheld" and events(db_app) == []
    monkeypatch.undo()
    with database(db_app).session() as db:  # the next sweep does it, once
        assert release_due(utc(2025, 1, 2), session=db) == [ids[2]]
    assert part(db_app, ids[2]).state == "released" and len(events(db_app)) == 1
