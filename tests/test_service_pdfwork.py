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
