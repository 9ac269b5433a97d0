"""A clean stop on SIGTERM: PDF work under way is put back or refused, never marked failed; `foia serve`
exits 0. (The scheduler's own SIGTERM test is in tests/test_release_scheduler.py.)"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest


def test_a_pdf_child_stopped_by_sigterm_is_a_stop_not_a_crash():
    from service import pdfwork

    result = {}
    t = threading.Thread(target=lambda: result.update(r=pdfwork.run("quick", time.sleep, 120)))
    t.start()
    deadline = time.monotonic() + 60  # a spawned child takes a moment to start; polled, not slept on
    while not pdfwork.child_pids("quick") and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(pdfwork.child_pids("quick")[0], signal.SIGTERM)
    t.join(60)
    assert result["r"].code == "stopping"


def test_an_analysis_interrupted_by_a_stop_goes_back_and_resumes(app, officer, small_pdf):
    from service import papers, shutdown
    from service.models import AuditEvent, Paper, User

    with app.app_context():
        db = app.extensions["foia.db"]
        with db.session() as s:
            paper = papers.accept_upload(s, s.get(User, 1), "p.pdf", small_pdf, actor="officer")
            paper_id = paper.id
        shutdown.begin()
        try:
            papers.analyse_paper(paper_id)
        finally:
            shutdown.resume()
        with db.session() as s:
            p = s.get(Paper, paper_id)
            assert p.state == "uploaded" and p.original_key and p.error is None
            assert "analysis interrupted" in {e.action for e in s.query(AuditEvent)}
        assert papers.resume_pending(app) == 1
        app.extensions["foia.worker"].drain()
        with db.session() as s:
            assert s.get(Paper, paper_id).state == "ready"


def test_a_publication_during_a_stop_is_refused_and_stores_nothing(app, officer, small_pdf, redact_available):
    from service import papers, publishing, shutdown
    from service.models import Paper, Part, User

    with app.app_context():
        db = app.extensions["foia.db"]
        with db.session() as s:
            paper_id = papers.accept_upload(s, s.get(User, 1), "p.pdf", small_pdf, actor="officer").id
        papers.analyse_paper(paper_id)
        with db.session() as s:
            paper = s.get(Paper, paper_id)
            shutdown.begin()
            try:
                with pytest.raises(publishing.PublishError) as refused:
                    publishing.publish(s, paper, s.get(User, 1), actor="officer")
            finally:
                shutdown.resume()
            assert "stopping" in refused.value.message
        with db.session() as s:
            assert s.get(Paper, paper_id).state == "ready" and s.query(Part).count() == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_foia_serve_stops_cleanly_on_sigterm(tmp_path):
    import requests

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOIA_")}
    env.update(FOIA_DATA_DIR=str(tmp_path / "data"), FOIA_ENV="development", FOIA_SCHEDULER="on")
    proc = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out
    assert "Stopped." in out and "Traceback" not in out
