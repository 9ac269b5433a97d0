"""PDF child processes end when their web process dies, even by SIGKILL (no orphans holding memory)."""

import os
import signal
import subprocess
import sys
import time

PARENT = """
import os, sys, time
from service.infra import pdfwork
print(pdfwork.run("quick", os.getpid), flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie waiting for init to reap it counts as gone
        return fh.read().split()[2] != "Z"


def test_child_exits_when_the_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert child != parent.pid and _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 15
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(child)
    finally:
        parent.kill()


def test_a_task_cancelled_by_a_stop_answers_stopping(monkeypatch):
    """The stop shuts the pool down (cancel_futures) while the task still waits in its queue: the future raises
    CancelledError, which is the stop's doing, so the caller gets "stopping" (the paper goes back to "uploaded"),
    not an internal failure (a race the shutdown test hit once in CI)."""
    from concurrent.futures import CancelledError

    from service.infra import pdfwork, shutdown

    class CancelledFuture:
        def result(self, timeout=None):
            shutdown.begin()  # the stop lands while the task is queued
            raise CancelledError()

    class Pool:
        def submit(self, fn, *args):
            return CancelledFuture()

    monkeypatch.setattr(pdfwork, "_pool", lambda kind: Pool())
    monkeypatch.setattr(pdfwork, "_children", lambda pool: [])
    monkeypatch.setattr(pdfwork, "_discard", lambda kind, pool: None)
    monkeypatch.setattr(shutdown, "_on_begin", [])
    try:
        assert pdfwork.run("heavy", len, "x") is pdfwork.STOPPING
    finally:
        shutdown.resume()


def test_a_task_cancelled_without_a_stop_is_an_error(monkeypatch):
    from concurrent.futures import CancelledError

    import pytest

    from service.infra import pdfwork

    class Pool:
        def submit(self, fn, *args):
            class F:
                def result(self, timeout=None):
                    raise CancelledError()
            return F()

    monkeypatch.setattr(pdfwork, "_pool", lambda kind: Pool())
    monkeypatch.setattr(pdfwork, "_children", lambda pool: [])
    with pytest.raises(CancelledError):
        pdfwork.run("heavy", len, "x")
