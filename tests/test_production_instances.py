"""Several instances on one PostgreSQL, as docs/deploy.md runs them: two `foia web` instances (gunicorn) and
two `foia scheduler` processes, real processes on loopback ports, one database and one shared data folder.

Every due part is released exactly once (one audit event each, however the schedulers raced), both
instances serve the same public pages byte for byte, and a paper uploaded through one instance is read
and published through the other and then public on both.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from datetime import date

import pytest
import requests
from sqlalchemy import select

from tests.conftest import add_user, make_token, need, part2_paper
from tests.production_helpers import Processes, fresh_database, production_env, wait_for
from tests.public_data import Spec, add

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DUE, LATER, REVIEW = 40, 5, 3
METRICS_TOKEN = "metrics-test-token"


@pytest.fixture
def deployment(tmp_path, redact_available):
    base = os.environ.get("FOIA_TEST_DATABASE_URL")
    need(base is not None, "FOIA_TEST_DATABASE_URL is not set")
    with fresh_database(base, "instances") as url:
        data = tmp_path / "shared-data"
        procs = Processes(production_env(data, url, FOIA_METRICS_TOKEN=METRICS_TOKEN), tmp_path / "logs")
        try:
            procs.run("migrate")
            yield procs, _seed(data, url)
        finally:
            procs.stop()


def _seed(data, url) -> dict:
    """Papers straight into the shared database and folder: Part 2s due, not yet due, and due for review."""
    from service.app import create_app

    app = create_app({"ENV": "testing", "DATA_DIR": str(data), "DATABASE_URL": url, "SECRET_KEY": "s" * 64})
    try:
        past, future = date(2025, 4, 1), date(2031, 1, 1)
        due = [add(app, Spec(f"PCD {700 + n}", f"Due paper {n}", part2="withheld", release_on=past))
               for n in range(DUE)]
        later = [add(app, Spec(f"PCD {800 + n}", f"Later paper {n}", part2="withheld", release_on=future))
                 for n in range(LATER)]
        review = [add(app, Spec(f"PCD {900 + n}", f"Review paper {n}", part2="withheld", release_on=past,
                                review_on=past)) for n in range(REVIEW)]
        add_user(app)
        return {"due": due, "later": later, "review": review, "token": make_token(app)}
    finally:
        app.extensions["foia.db"].dispose()


def _parts(url_env) -> tuple[Counter, Counter]:
    """(part 2 states, audit events per (action, part id)) read straight from the shared database."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from service.domain.models import AuditEvent, Part

    engine = create_engine(url_env)
    try:
        with Session(engine) as db:
            states = Counter(db.scalars(select(Part.state).where(Part.number == 2)))
            events = Counter((e.action, (e.details or {}).get("part_id"))
                             for e in db.scalars(select(AuditEvent).where(AuditEvent.action.like("part 2 %"))))
    finally:
        engine.dispose()
    return states, events


def test_two_web_instances_and_two_schedulers_on_one_postgresql(deployment):
    procs, seeded = deployment
    url = procs.env["FOIA_DATABASE_URL"]
    web_a = procs.start_web("web-a", workers=2)
    web_b = procs.start_web("web-b", workers=1)
    assert _parts(url)[0] == Counter(withheld=DUE + LATER + REVIEW), "a web instance changed a part"

    # Two schedulers started together: their start-up sweeps race over the same due parts.
    procs.start("scheduler-1", "scheduler")
    procs.start("scheduler-2", "scheduler")
    assert wait_for(lambda: all("release scheduler started" in procs.log(n) for n in ("scheduler-1", "scheduler-2")),
                    60), procs.log("scheduler-1")[-2000:] + procs.log("scheduler-2")[-2000:]

    states, events = _parts(url)
    assert states == Counter(released=DUE, withheld=LATER, review=REVIEW)
    released = {pid: n for (action, pid), n in events.items() if action == "part 2 released"}
    reviewed = {pid: n for (action, pid), n in events.items() if action == "part 2 due for review"}
    assert len(released) == DUE and set(released.values()) == {1}, "a part was released twice or not at all"
    assert len(reviewed) == REVIEW and set(reviewed.values()) == {1}
    # The schedulers' own accounts (their JSON logs) add up to the same: nothing was changed twice.
    changed = {name: _changed_by(procs.log(name)) for name in ("scheduler-1", "scheduler-2")}
    assert sum(changed.values()) == DUE + REVIEW, changed

    # Both instances serve the same public pages, released Part 2s included.
    slug = seeded["due"][0]["slug"]
    pages = ["/", "/?page=2", "/?part2=released", f"/decisions/{slug}", f"/decisions/{slug}/part1.pdf",
             f"/decisions/{slug}/part2.pdf", f"/decisions/{seeded['later'][0]['slug']}", "/api/v1/decisions",
             "/releases.ics"]
    for page in pages:
        a, b = _get(web_a, page), _get(web_b, page)
        assert a.status_code == b.status_code == 200, (page, a.status_code, b.status_code)
        assert a.content == b.content and a.headers.get("ETag") == b.headers.get("ETag"), page
    assert requests.get(f"{web_a}/decisions/{slug}/part2.pdf", timeout=30).content == seeded["due"][0]["part2"]
    not_due = f"/decisions/{seeded['later'][0]['slug']}/part2.pdf"
    assert requests.get(web_a + not_due, timeout=30).status_code == requests.get(web_b + not_due).status_code == 404

    # An upload through A is read and published through B, then public on both.
    auth = {"Authorization": f"Bearer {seeded['token']}"}
    r = requests.post(f"{web_a}/api/v1/papers", headers=auth, timeout=120,
                      files={"file": ("paper.pdf", part2_paper(until="01/04/2024"))})
    assert r.status_code == 201, r.text
    paper = r.json()
    seen = requests.get(f"{web_b}/api/v1/papers/{paper['id']}", headers=auth, timeout=30).json()
    assert seen["state"] == "ready" and seen["analysis"] == paper["analysis"]
    r = requests.post(f"{web_b}/api/v1/papers/{paper['id']}/publish", headers=auth, json={}, timeout=120)
    assert r.status_code == 200, r.text
    assert r.json()["part2"]["state"] == "released"  # its date has passed: released at publication
    new = f"/decisions/{r.json()['slug']}"
    for page in (new, new + "/part1.pdf", new + "/part2.pdf"):
        a, b = _get(web_a, page), _get(web_b, page)
        assert a.status_code == b.status_code == 200 and a.content == b.content, page

    # Ready everywhere; the deployment's figures are the same through either instance.
    for web in (web_a, web_b):
        ready = requests.get(f"{web}/readyz", timeout=30)
        assert ready.status_code == 200, ready.text
        metrics = requests.get(f"{web}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"},
                               timeout=30).text
        assert f'foia_releases_total{{part="2",trigger="date"}} {DUE + 1}.0' in metrics, metrics[-3000:]
        assert 'foia_papers_processed_total{outcome="published"} 1.0' in metrics
        assert "foia_http_request_duration_seconds_count" in metrics
    states, events = _parts(url)
    assert sum(n for (action, _), n in events.items() if action == "part 2 released") == DUE + 1


def _get(base: str, page: str) -> requests.Response:
    """As through a load balancer: one public host name, whichever instance answers."""
    return requests.get(base + page, headers={"Host": "decisions.example.org"}, timeout=30)


def _changed_by(log: str) -> int:
    """Parts a scheduler process says it changed, from its JSON log lines."""
    total = 0
    for line in log.splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            match = re.search(r"changed (\d+) part", entry["message"])
            if entry["logger"] == "service.domain.release" and match:
                total += int(match[1])
    return total
