"""The clock: APScheduler wiring for work that is due at instants — a date job at each item's instant, a
sweep every minute and one at start-up — knowing nothing of papers, parts or databases.

What is due, and what doing it means, is the domain's (:mod:`service.domain.release`); a subclass says it
with two methods, :meth:`Clock.run_due` and :meth:`Clock.due_instants`, and the service wires one up
(:mod:`service.jobs.release_clock`). This package never imports the service.

The database is the only truth; jobs are wake-up calls. A date job runs :meth:`Clock.run_due` for its one
item at the instant its date comes (``misfire_grace_time=None``: however late the process gets to it); the
sweep runs it for everything due, which covers downtime, items changed by other processes, and a date job
that woke up a moment early. The sweep also re-plans the date jobs (items due within ``horizon``), so a
change made in another process is followed within a sweep — and a stale job that still fires finds nothing
due and does nothing.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from scheduler import heartbeat

log = logging.getLogger(__name__)

SWEEP_JOB = "release-sweep"
SWEEP_EVERY = timedelta(minutes=1)
HORIZON = timedelta(days=2)   # date jobs are planned this far ahead; the minute sweep extends the plan

Now = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_scheduler() -> BaseScheduler:
    # Two threads: a sweep and a date job may overlap, nothing more is useful against one database.
    return BackgroundScheduler(timezone=timezone.utc, executors={"default": ThreadPoolExecutor(2)},
               job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})


class Clock:
    """Runs what is due on time. ``clock`` is injectable: tests drive time, nothing sleeps.

    A subclass says what is due: :meth:`run_due` does everything due at ``now`` (or, with ``ids``, only
    those items) and returns the ids it changed; :meth:`due_instants` names the items that come due after
    ``now`` and no later than ``until``, with their instants. Either may be called from several threads
    and by several processes at once: doing a due item must be exactly once (the domain's guarded change).
    """

    name = "clock"            # in log lines: "<name> started", "<name> stopped"
    sweep_name = "sweep"      # "<sweep_name> failed"

    def __init__(self, *, data_dir: str | Path | None = None, mode: str = "in-process", clock: Now = utcnow,
                 scheduler: BaseScheduler | None = None, horizon: timedelta = HORIZON,
                 sweep_every: timedelta = SWEEP_EVERY, after_sweep: Callable[[datetime], object] | None = None):
        self.clock = clock
        self.after_sweep = after_sweep  # e.g. the e-mail sweep: after every sweep
        self.sweep_every = sweep_every
        self.data_dir, self.mode, self.horizon = data_dir, mode, horizon
        self.scheduler = scheduler or new_scheduler()
        self.started_at: datetime | None = None
        self._planned: dict[int, datetime] = {}   # item id → instant of its date job
        self._lock = threading.Lock()

    # --- what is due (the subclass's) --------------------------------------------------------------

    def run_due(self, now: datetime, ids: Iterable[int] | None = None) -> list[int]:
        raise NotImplementedError

    def due_instants(self, now: datetime, until: datetime) -> dict[int, datetime]:
        raise NotImplementedError

    def describe(self) -> str:
        """A few words for the start-up log line."""
        return self.mode

    # --- lifecycle ---------------------------------------------------------------------------------

    def start(self, *, paused: bool = False) -> None:
        """Sweep once (whatever came due while nothing ran is done now), then keep time in the
        background until :meth:`shutdown`."""
        self.started_at = self.clock()
        self.sweep()
        self.scheduler.add_job(self.sweep, IntervalTrigger(seconds=self.sweep_every.total_seconds()), id=SWEEP_JOB,
                               replace_existing=True)
        log.info("%s started (%s)", self.name, self.describe())
        self.scheduler.start(paused=paused)

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
            log.info("%s stopped", self.name)

    # --- jobs --------------------------------------------------------------------------------------

    def sweep(self) -> list[int]:
        """Do everything due now, then plan date jobs for what comes due within the horizon."""
        now = self.clock()
        try:
            changed = self.run_due(now)
            wanted = self.due_instants(now, now + self.horizon)
        except Exception:  # the next sweep tries again
            log.exception("%s failed", self.sweep_name)
            self._beat(now, 0, ok=False)
            self._after(now)  # the after-sweep still runs: e-mail reports a release that keeps failing
            return []
        self._plan(wanted)
        self._beat(now, len(changed))
        self._after(now)
        return changed

    def _after(self, now: datetime) -> None:
        if self.after_sweep is not None:
            try:
                self.after_sweep(now)
            except Exception:  # what runs after never stops the clock
                log.exception("after-sweep job failed")

    def release_part(self, part_id: int) -> list[int]:
        """The date job of one item: do it if (still) due — :meth:`run_due` decides.

        Items dated the same day share an instant, so at midnight hundreds of date jobs fire together. The
        first one does every planned item that is due in one call; the jobs of those items then find
        themselves no longer planned and return at once, without touching the database.
        """
        with self._lock:
            if self._planned.pop(part_id, None) is None:
                return []  # done with an earlier job of the same instant, or re-planned
            now = self.clock()
            others = [p for p, at in self._planned.items() if at <= now]
            for p in others:
                del self._planned[p]
        return self.run_due(now, None if others else [part_id])

    def planned(self) -> dict[int, datetime]:
        with self._lock:
            return dict(self._planned)

    def _plan(self, wanted: dict[int, datetime]) -> None:
        with self._lock:
            for part_id in [p for p in self._planned if p not in wanted]:
                del self._planned[part_id]
                try:
                    self.scheduler.remove_job(job_id(part_id))
                except JobLookupError:  # it ran meanwhile
                    pass
            added = 0
            for part_id, instant in wanted.items():
                if self._planned.get(part_id) != instant:
                    self.scheduler.add_job(self.release_part, DateTrigger(run_date=instant), args=[part_id],
                                           id=job_id(part_id), replace_existing=True, misfire_grace_time=None)
                    self._planned[part_id] = instant
                    added += 1
        if added:
            log.info("planned %d release date job(s); %d planned in all", added, len(self._planned))

    def _beat(self, now: datetime, changed: int, ok: bool = True) -> None:
        if self.data_dir is not None:
            heartbeat.beat(self.data_dir, mode=self.mode, started_at=self.started_at or now, now=now,
                           changed=changed, planned=len(self._planned), ok=ok)


def job_id(part_id: int) -> str:
    return f"release-part-{part_id}"
