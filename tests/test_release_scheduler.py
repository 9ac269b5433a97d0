"""The APScheduler wiring with an injected clock: start-up sweep after downtime, date jobs at London
instants, re-planning after officers act, a late job still running, the heartbeat, and `foia scheduler`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from scheduler import heartbeat
from service.domain import part_actions as actions
from service.jobs.release_clock import SWEEP_JOB, ReleaseScheduler, job_id, start_in_app
from service.infra.db import Database
from service.domain.models import Part
from tests.release_helpers import Clock, d, database, events, part, publish_parts, states, utc, wait_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def clock():
    return Clock(utc(2025, 10, 25, 12, 0))


@pytest.fixture
def releases(app, clock):
    rs = ReleaseScheduler(database(app), data_dir=app.config["DATA_DIR"], clock=clock, mode="test")
    yield rs
    rs.shutdown()


def test_start_up_sweep_releases_what_came_due_during_downtime(app, clock, releases):
    due = publish_parts(app, part2={"release_on": d("2025-10-20")}, count=3)
    later = publish_parts(app, part2={"release_on": d("2025-12-01")}, reference="L")[0]
    releases.start(paused=True)
    assert states(app, [m[2] for m in due]) == ["released"] * 3
    assert states(app, [later[2]]) == ["withheld"]
    sweep = releases.scheduler.get_job(SWEEP_JOB)
    assert sweep.trigger.interval == timedelta(minutes=1)
    beat = heartbeat.read(app.config["DATA_DIR"])
    assert beat["mode"] == "test" and beat["ok"] and beat["last_sweep_changed"] == 3
    assert beat["last_sweep_at"] == clock.now and beat["pid"] == os.getpid()
    assert heartbeat.is_fresh(app.config["DATA_DIR"], clock.now + timedelta(minutes=2))
    assert not heartbeat.is_fresh(app.config["DATA_DIR"], clock.now + timedelta(minutes=4))


def test_restart_after_downtime(app, clock):
    """A first scheduler plans a job and stops; the part's date passes while nothing runs; a new one releases."""
    ids = publish_parts(app, part2={"release_on": d("2025-10-26")})[0]
    first = ReleaseScheduler(database(app), clock=clock)
    first.start(paused=True)
    assert job_id(ids[2]) in [j.id for j in first.scheduler.get_jobs()]
    first.shutdown()
    assert states(app, [ids[2]]) == ["withheld"]
    clock.now = utc(2025, 10, 28, 9, 0)   # three days later
    second = ReleaseScheduler(database(app), clock=clock)
    second.start(paused=True)
    second.shutdown()
    assert states(app, [ids[2]]) == ["released"] and part(app, ids[2]).released_at == clock.now
    assert [e.action for e in events(app)] == ["part 2 released"]


@pytest.mark.parametrize("columns, instant", [
    ({"part2": {"release_on": "2025-10-26"}}, utc(2025, 10, 25, 23, 0)),        # midnight BST
    ({"part2": {"release_on": "2025-10-27"}}, utc(2025, 10, 27, 0, 0)),         # midnight GMT
    ({"part2": {"review_on": "2025-10-26"}}, utc(2025, 10, 25, 23, 0)),         # review: same instant
    ({"part1": {"state": "scheduled", "publish_on": "2025-10-26"}}, utc(2025, 10, 25, 23, 0)),
    ({"part2": {"release_on": "2025-11-30"}}, None),                            # beyond the horizon: later
    ({"part2": {"release_on": None}}, None),                                    # no date: no job
])
def test_date_jobs_at_london_instants(app, releases, columns, instant):
    cols = {k: {c: (d(v) if c.endswith("_on") and v else v) for c, v in cols.items()} for k, cols in columns.items()}
    ids = publish_parts(app, **cols)[0]
    number = 1 if "part1" in cols else 2
    releases.start(paused=True)
    job = releases.scheduler.get_job(job_id(ids[number]))
    if instant is None:
        assert job is None
        return
    assert job.trigger.run_date == instant and job.misfire_grace_time is None
    assert job.next_run_time == instant and releases.planned() == {ids[number]: instant}


def test_a_date_job_releases_its_part_at_the_instant_and_not_before(app, clock, releases):
    ids = publish_parts(app, part2={"release_on": d("2025-10-26")})[0]
    releases.start(paused=True)
    job = releases.scheduler.get_job(job_id(ids[2]))
    instant = job.trigger.run_date
    clock.now = instant - timedelta(minutes=1)     # woken early: nothing happens, the next sweep re-plans it
    assert job.func(*job.args) == [] and states(app, [ids[2]]) == ["withheld"]
    assert releases.sweep() == [] and releases.planned() == {ids[2]: instant}
    clock.now = instant
    assert job.func(*job.args) == [ids[2]] and states(app, [ids[2]]) == ["released"]
    clock.now = instant + timedelta(minutes=1)
    assert releases.sweep() == [] and len(events(app)) == 1 and releases.planned() == {}


def test_date_jobs_of_one_instant_release_together_once(app, clock, releases):
    made = publish_parts(app, part2={"release_on": d("2025-10-26")}, count=50)
    releases.start(paused=True)
    jobs = [releases.scheduler.get_job(job_id(m[2])) for m in made]
    clock.now = utc(2025, 10, 25, 23, 0)
    results = [job.func(*job.args) for job in jobs]
    assert sorted(results[0]) == sorted(m[2] for m in made)   # the first job releases all fifty ...
    assert results[1:] == [[]] * 49                           # ... the others have nothing left to do
    assert len(events(app)) == 50 and releases.planned() == {}


def test_sweep_replans_after_an_officer_extends_or_holds(app, clock, releases):
    a, b = publish_parts(app, part2={"release_on": d("2025-10-26")}, count=2)
    releases.start(paused=True)
    assert set(releases.planned()) == {a[2], b[2]}
    with database(app).session() as db:
        officer = actions.Officer(None)
        actions.extend(db, db.get(Part, a[2]), "withheld", officer, clock.now, new_date=d("2025-10-27"),
                       kind="release", reason="contract signing moved")
        actions.hold(db, db.get(Part, b[2]), "withheld", officer, clock.now, reason="legal advice")
    clock.now += timedelta(minutes=1)
    releases.sweep()
    assert releases.planned() == {a[2]: utc(2025, 10, 27, 0, 0)}
    assert releases.scheduler.get_job(job_id(b[2])) is None
    clock.now = utc(2025, 10, 26, 12, 0)   # the old date came: nothing happens to either
    assert releases.sweep() == [] and states(app, [a[2], b[2]]) == ["withheld", "held"]


def test_a_late_date_job_still_runs(app, clock):
    """misfire_grace_time=None: a job whose instant passed long ago (here: over a year, by the real clock)
    runs as soon as the scheduler gets to it."""
    ids = publish_parts(app, part2={"release_on": d("2025-10-26")})[0]
    rs = ReleaseScheduler(database(app), clock=clock)
    done = threading.Event()
    release_part = rs.release_part
    rs.release_part = lambda part_id: (release_part(part_id), done.set())[0]
    rs.sweep()                                      # plans the job (the scheduler is not running yet)
    clock.now = utc(2025, 10, 25, 23, 0, 5)
    rs.scheduler.start()                            # no start-up sweep: only the date job can release it
    try:
        assert done.wait(timeout=20)
    finally:
        rs.shutdown()
    assert states(app, [ids[2]]) == ["released"]


def test_a_failing_sweep_is_logged_and_marked_not_ok(tmp_path, clock, caplog):
    broken = Database(f"sqlite:///{tmp_path / 'missing' / 'no.db'}")
    rs = ReleaseScheduler(broken, data_dir=tmp_path, clock=clock)
    assert rs.sweep() == []
    assert "release sweep failed" in caplog.text
    assert heartbeat.read(tmp_path)["ok"] is False and not heartbeat.is_fresh(tmp_path, clock.now)
    broken.dispose()


@pytest.mark.parametrize("setting, running", [("on", True), ("off", False)])
def test_serve_starts_the_scheduler_unless_off(make_app, setting, running):
    app = make_app(SCHEDULER=setting)
    rs = start_in_app(app)
    try:
        assert (rs is not None) == running and (app.extensions.get("foia.scheduler") is rs)
        if running:
            assert rs.scheduler.running and rs.scheduler.get_job(SWEEP_JOB)
    finally:
        if rs:
            rs.shutdown()


def test_scheduler_setting_is_checked(make_app):
    from service.infra.config import ConfigError

    with pytest.raises(ConfigError, match="FOIA_SCHEDULER must be on or off"):
        make_app(SCHEDULER="sometimes")


def _foia(app, *args, settings: dict | None = None, **kwargs):
    """``foia ARGS`` on the app's own database and data folder (SQLite or PostgreSQL)."""
    env = {**os.environ, "FOIA_DATA_DIR": app.config["DATA_DIR"], "FOIA_ENV": "testing",
           "FOIA_SECRET_KEY": "x", "FOIA_DATABASE_URL": app.config["DATABASE_URL"], **(settings or {})}
    return subprocess.Popen([sys.executable, "-m", "service.cli", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def test_foia_scheduler_once(app, tmp_path):
    ids = publish_parts(app, part2={"release_on": d("2020-01-01")})[0]
    later = publish_parts(app, part2={"release_on": d("2020-01-02")}, reference="L")[0]
    once = _foia(app, "scheduler", "--once")
    out, err = once.communicate(timeout=60)
    assert once.returncode == 0, err
    assert "2 part(s)" in out
    assert states(app, [ids[2], later[2]]) == ["released", "released"]



@pytest.mark.parametrize("stop", ["while starting", "while running"])
def test_foia_scheduler_stops_cleanly_on_sigterm(app, tmp_path, stop):
    every = {"while starting": "30", "while running": "60"}[stop]
    proc = _foia(app, "scheduler", settings={"FOIA_SWEEP_SECONDS": every})
    try:
        line = proc.stdout.readline()              # printed after migrations, before the start-up sweep
        assert "Release scheduler" in line and "Heartbeat" in line
        assert ("sweeping every 30 seconds" if every == "30" else "sweeping every minute") in line
        if stop == "while running":
            beat_file = heartbeat.path(tmp_path / "data")
            assert wait_for(lambda: beat_file.exists() or proc.poll() is not None, 30) and beat_file.exists()
            record = json.loads(beat_file.read_text())
            assert record["mode"] == "process" and record["pid"] == proc.pid and record["ok"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert proc.returncode == 0, proc.stderr.read()
