"""`foia serve` and `foia web` start their PDF processes at start-up, in the background (issue 16): the first
upload no longer waits for a cold child and the language model. Serving is not held up by it, and
``FOIA_WARM_PDF=off`` leaves the processes to start with the first task, as before."""

import json
import subprocess
import sys
import threading
import time

import pytest

from service.cli import commands
from service.infra import config, pdfwork

WARM = """
import json, time
from service.infra import pdftasks, pdfwork
start = time.monotonic()
threads = pdfwork.warm()
returned = time.monotonic() - start
for thread in threads:
    thread.join(600)
warmed = {kind: pdfwork.child_pids(kind) for kind in ("quick", "heavy")}
heavy = pdfwork.run("heavy", pdftasks.loaded_here)
print(json.dumps({"returned": returned, "warmed": warmed, "heavy": heavy,
                  "alive": [t.is_alive() for t in threads]}), flush=True)
pdfwork.stop_children()
"""


@pytest.mark.slow
def test_warm_starts_both_pools_and_loads_the_model_in_the_heavy_one():
    done = subprocess.run([sys.executable, "-c", WARM], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["returned"] < 1.0  # the children start in the background
    assert not any(out["alive"])
    assert out["warmed"]["quick"] and out["warmed"]["heavy"]
    heavy = out["heavy"]
    assert heavy["pid"] in out["warmed"]["heavy"]  # the task ran in the child that was warmed ...
    assert heavy["redaction"] and heavy["verifier"] and heavy["engine"]  # ... which had loaded them


def test_serving_does_not_wait_for_the_warming(monkeypatch):
    release = threading.Event()
    started = []

    def slow_run(kind, fn, *args):
        started.append(kind)
        release.wait(30)
        return {"kind": kind}

    monkeypatch.setattr(pdfwork, "run", slow_run)

    class App:
        config = {"WARM_PDF": "on"}

    t = time.monotonic()
    threads = commands.warm_pdf_processes(App())
    assert time.monotonic() - t < 1.0
    assert len(threads) == 2 and all(th.daemon for th in threads)
    release.set()
    for th in threads:
        th.join(10)
    assert sorted(started) == ["heavy", "quick"]


def test_warm_pdf_off_starts_nothing(monkeypatch):
    calls = []
    monkeypatch.setattr(pdfwork, "warm", lambda *a: calls.append(a) or [])

    class App:
        config = {"WARM_PDF": "off"}

    assert commands.warm_pdf_processes(App()) == []
    assert calls == []


def test_warm_pdf_setting_is_checked(monkeypatch, tmp_path):
    monkeypatch.setenv("FOIA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("FOIA_WARM_PDF", "Off")
    assert config.load_config({"ENV": "testing"})["WARM_PDF"] == "off"
    monkeypatch.setenv("FOIA_WARM_PDF", "sometimes")
    with pytest.raises(config.ConfigError):
        config.load_config({"ENV": "testing"})


def test_a_warm_up_failure_is_logged_by_kind_only(monkeypatch, caplog):
    from service.infra import pdftasks

    def broken(*args, **kwargs):
        raise RuntimeError("Jane Example 020 7946 0999")  # never in the log

    monkeypatch.setattr(pdftasks, "_warm_up_page", broken)
    with caplog.at_level("INFO", logger="service.infra.pdftasks"):
        result = pdftasks.warm("heavy")
    assert result["loaded"] == ["readers"]
    assert "RuntimeError" in caplog.text and "Jane" not in caplog.text and "7946" not in caplog.text
