"""Helpers for the production tests: real ``foia`` processes on free loopback ports, a PostgreSQL database
of their own per test (dropped afterwards), and comparing what two instances serve."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, seconds: float, every: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return bool(condition())


@contextmanager
def fresh_database(base_url: str, label: str = "prod"):
    """A new PostgreSQL database next to the one in ``base_url``; yields its URL, drops it afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"foia_{label}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def libpq_url(sqlalchemy_url: str) -> str:
    """``postgresql+psycopg://…`` → ``postgresql://…`` for pg_dump, pg_restore and psql."""
    from sqlalchemy.engine import make_url

    return make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)


class Processes:
    """``foia`` commands started by a test; each logs to its own file; all stopped by :meth:`stop`."""

    def __init__(self, env: dict, logs: Path):
        self.env, self.logs = env, logs
        self.procs: dict[str, subprocess.Popen] = {}
        logs.mkdir(parents=True, exist_ok=True)

    def run(self, *args: str, stdin: str | None = None) -> str:
        done = subprocess.run([sys.executable, "-m", "service.cli", *args], cwd=ROOT, env=self.env, input=stdin,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"foia {' '.join(args)}: {done.stderr[-2000:]}"
        return done.stdout

    def start(self, name: str, *args: str) -> subprocess.Popen:
        with (self.logs / f"{name}.log").open("w") as out:  # a file: nobody has to drain a pipe
            proc = subprocess.Popen([sys.executable, "-m", "service.cli", *args], cwd=ROOT, env=self.env,
                                    stdout=out, stderr=subprocess.STDOUT)
        self.procs[name] = proc
        return proc

    def start_web(self, name: str, workers: int = 1) -> str:
        port = free_port()
        proc = self.start(name, "web", "--port", str(port), "--workers", str(workers), "--threads", "4")
        base = f"http://127.0.0.1:{port}"
        assert wait_for(lambda: answers(base) or proc.poll() is not None, 60), f"{name} did not start"
        assert proc.poll() is None, self.log(name)
        return base

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text()

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def answers(base: str) -> bool:
    try:
        return requests.get(f"{base}/healthz", timeout=2).status_code == 200
    except (requests.ConnectionError, requests.Timeout):  # not up yet, or still starting on a busy machine
        return False


def production_env(data_dir: Path, database_url: str, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOIA_") or k == "FOIA_TEST_DATABASE_URL"}
    env.update(FOIA_ENV="production", FOIA_SECRET_KEY="s" * 64, FOIA_SECURE_COOKIES="false",
               FOIA_BASE_URL="http://foia.test",
               FOIA_DATA_DIR=str(data_dir), FOIA_DATABASE_URL=database_url, FOIA_LOG_FORMAT="json",
               FOIA_LOG_LEVEL="INFO", **extra)
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return env
