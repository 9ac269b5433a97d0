"""End to end, as a user would see it: `foia serve` on a temporary data folder and a free port (what
`make run` starts), papers published through the API, and Part 2 reachable at /decisions/<slug>/part2.pdf
once due — at once for a past date, and at the scheduler's next sweep when its date arrives, without anyone
acting (the sweep interval is configured down to 2 s: nothing waits a minute on the clock)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests

from scheduler import heartbeat
from service.domain.release import last_due_date
from service.domain.models import utcnow
from tests.conftest import PASSWORD, part2_paper
from tests.release_helpers import wait_for

ROOT = Path(__file__).resolve().parent.parent
SWEEP_SECONDS = 2
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path, redact_available):
    # The sweep runs every 2 s instead of every minute: the test waits for the scheduler, never for a clock.
    env = {**os.environ, "FOIA_DATA_DIR": str(tmp_path / "var"), "FOIA_ENV": "development",
           "FOIA_SWEEP_SECONDS": str(SWEEP_SECONDS)}
    env.pop("FOIA_DATABASE_URL", None)
    env.pop("FOIA_SCHEDULER", None)

    def foia(*args, stdin: str | None = None) -> str:
        done = subprocess.run([sys.executable, "-m", "service.cli", *args], cwd=ROOT, env=env, input=stdin,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    foia("user", "add", "officer@example.org", "--password-stdin", stdin=PASSWORD + "\n")
    token = foia("token", "create", "officer@example.org").strip()
    port = _free_port()
    log = tmp_path / "server.log"  # a file, not a pipe: nobody reads a pipe while the server logs requests
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port)], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: _up(base) or proc.poll() is not None, 60), "server did not start"
        assert proc.poll() is None, log.read_text()
        yield {"base": base, "token": token, "data": tmp_path / "var", "proc": proc}
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def _up(base: str) -> bool:
    try:
        return requests.get(f"{base}/healthz", timeout=2).status_code == 200
    except requests.ConnectionError:
        return False


def _publish(server, pdf: bytes) -> dict:
    auth = {"Authorization": f"Bearer {server['token']}"}
    r = requests.post(f"{server['base']}/api/v1/papers", headers=auth, files={"file": ("paper.pdf", pdf)}, timeout=120)
    assert r.status_code == 201, r.text
    r = requests.post(f"{server['base']}/api/v1/papers/{r.json()['id']}/publish", headers=auth, json={}, timeout=120)
    assert r.status_code == 200, r.text
    return r.json()


def _part2_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    return "\n".join(page.get_textpage().get_text_range() for page in doc)


def _database(server):
    from service.infra.db import Database

    return Database(f"sqlite:///{server['data'] / 'foia.db'}")


def test_past_date_is_public_at_once_and_a_date_that_arrives_is_released_by_the_sweep(server):
    base = server["base"]
    # 1. Exempt until a date already past: public as soon as it is published.
    past = _publish(server, part2_paper(until="01/04/2025"))
    assert past["part2"]["state"] == "released"
    r = requests.get(f"{base}/decisions/{past['slug']}/part2.pdf", timeout=30)
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    text = _part2_text(r.content)
    assert "Northgate Ltd" in text                                   # Part 2 itself ...
    assert "Tom Pelling" not in text and "07700 900123" not in text  # ... redacted

    # 2. Exempt until 2030: withheld; then its date arrives (the database is what time changes: the release
    #    date moves to yesterday) and the running server's scheduler releases it with nobody acting.
    future = _publish(server, part2_paper(until="01/04/2030", reference="PCD 913"))  # another decision
    assert future["part2"]["state"] == "withheld"
    url = f"{base}/decisions/{future['slug']}/part2.pdf"
    assert requests.get(url, timeout=30).status_code == 404

    from sqlalchemy import select, update

    from service.domain.models import AuditEvent, Paper, Part

    db = _database(server)
    with db.session() as session:
        paper_id = session.scalar(select(Paper.id).where(Paper.slug == future["slug"]))
        session.execute(update(Part).where(Part.paper_id == paper_id, Part.number == 2)
                        .values(release_on=last_due_date(utcnow()) - timedelta(days=1)))
        session.commit()
    arrived = time.monotonic()
    assert wait_for(lambda: requests.get(url, timeout=30).status_code == 200, 60, step=0.2), \
        "not released by the next sweeps"
    took = time.monotonic() - arrived
    print(f"released by the scheduler {took:.1f} s after its date arrived (sweep every {SWEEP_SECONDS} s)")
    r = requests.get(url, timeout=30)
    assert r.content.startswith(b"%PDF") and "Tom Pelling" not in _part2_text(r.content)
    with db.session() as session:
        released = session.scalars(select(AuditEvent).where(AuditEvent.paper_id == paper_id,
                                                            AuditEvent.action == "part 2 released")).all()
    db.dispose()
    assert [e.actor for e in released] == ["scheduler"]
    beat = heartbeat.read(server["data"])
    assert beat["mode"] == "in-process" and beat["pid"] == server["proc"].pid
