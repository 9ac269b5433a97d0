"""The scheduler's heartbeat: a small JSON file in the data folder, rewritten after every sweep.

A deployment with several web workers already shares the data folder (the released files live there), so
every instance can see whether a scheduler is running: ``/readyz`` can call :func:`is_fresh`, and the
officers' releases page shows when the clock last ran.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

FILENAME = "scheduler-heartbeat.json"
STALE_AFTER = timedelta(minutes=3)   # the sweep runs every minute: three missed sweeps mean trouble


def path(data_dir: str | Path) -> Path:
    return Path(data_dir) / FILENAME


def beat(data_dir: str | Path, *, mode: str, started_at: datetime, now: datetime, changed: int,
         planned: int, ok: bool = True) -> None:
    """Write the heartbeat atomically (readers never see half a file); failures are logged, not raised."""
    record = {"pid": os.getpid(), "host": socket.gethostname(), "mode": mode,
              "started_at": started_at.isoformat(), "last_sweep_at": now.isoformat(), "ok": ok,
              "last_sweep_changed": changed, "date_jobs": planned}
    target = path(data_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".heartbeat-", dir=target.parent)
        with os.fdopen(fd, "w") as fh:
            json.dump(record, fh)
        os.replace(tmp, target)
    except OSError as exc:
        log.warning("could not write the scheduler heartbeat: %s", type(exc).__name__)


def read(data_dir: str | Path) -> dict | None:
    try:
        record = json.loads(path(data_dir).read_text())
        record["last_sweep_at"] = datetime.fromisoformat(record["last_sweep_at"])
        record["started_at"] = datetime.fromisoformat(record["started_at"])
        return record
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_fresh(data_dir: str | Path, now: datetime, max_age: timedelta = STALE_AFTER) -> bool:
    """True when a scheduler swept successfully within ``max_age`` of ``now``."""
    record = read(data_dir)
    return bool(record and record.get("ok") and now - record["last_sweep_at"] <= max_age)
