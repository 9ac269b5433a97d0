"""APScheduler wiring: a date job at each part's release instant, a sweep every minute and one at start-up.

The database is the only truth; jobs are wake-up calls. A date job runs :func:`release_due` for its one
part at the instant its date comes (``misfire_grace_time=None``: however late the process gets to it);
the sweep runs :func:`release_due` for everything due, which covers downtime, parts published or changed
by other processes, and a date job that woke up a moment early. The sweep also re-plans the date jobs
from the database (parts due within ``horizon``), so an officer's extension or hold made in another
process is followed within a minute — and a stale job that still fires finds nothing due and does nothing.

Two ways to run it (see README): in-process in ``foia serve`` (:func:`start_in_app`) or as its own
process, ``foia scheduler``. Any number of schedulers may run at once: :func:`release_due` is exactly once.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from typing import Callable

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from service.db import Database
from service.models import utcnow

from . import heartbeat
from .release import release_due
from .upcoming import due_instants

log = logging.getLogger(__name__)

SWEEP_JOB = "release-sweep"
SWEEP_EVERY = timedelta(minutes=1)
HORIZON = timedelta(days=2)   # date jobs are planned this far ahead; the minute sweep extends the plan

Clock = Callable[[], datetime]


def new_scheduler() -> BaseScheduler:
    # Two threads: a sweep and a date job may overlap, nothing more is useful against one database.
    return BackgroundScheduler(timezone=timezone.utc, executors={"default": ThreadPoolExecutor(2)},
               job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})


class ReleaseScheduler:
    """Runs the release function on time. ``clock`` is injectable: tests drive time, nothing sleeps."""

    def __init__(self, database: Database, *, release_time: time = time(0, 0),
                 data_dir: str | Path | None = None, mode: str = "in-process", clock: Clock = utcnow,
                 scheduler: BaseScheduler | None = None, horizon: timedelta = HORIZON,
                 sweep_every: timedelta = SWEEP_EVERY, after_sweep: Callable[[datetime], object] | None = None):
        self.database, self.release_time, self.clock = database, release_time, clock
        self.after_sweep = after_sweep  # e-mail (service.notifications.MailSweep): after every sweep
        self.sweep_every = sweep_every
        self.data_dir, self.mode, self.horizon = data_dir, mode, horizon
        self.scheduler = scheduler or new_scheduler()
        self.started_at: datetime | None = None
        self._planned: dict[int, datetime] = {}   # part id → instant of its date job
        self._lock = threading.Lock()

    # --- lifecycle ---------------------------------------------------------------------------------

    def start(self, *, paused: bool = False) -> None:
        """Sweep once (whatever came due while nothing ran is released now), then keep time in the
        background until :meth:`shutdown`."""
        self.started_at = self.clock()
        self.sweep()
        self.scheduler.add_job(self.sweep, IntervalTrigger(seconds=self.sweep_every.total_seconds()), id=SWEEP_JOB,
                               replace_existing=True)
        log.info("release scheduler started (%s, release time %s Europe/London)", self.mode,
                 self.release_time.strftime("%H:%M"))
        self.scheduler.start(paused=paused)

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
            log.info("release scheduler stopped")

    # --- jobs --------------------------------------------------------------------------------------

    def sweep(self) -> list[int]:
        """Release everything due now, then plan date jobs for what comes due within the horizon."""
        now = self.clock()
        try:
            with self.database.session() as session:
                changed = release_due(now, session=session, release_time=self.release_time)
            with self.database.session() as session:
                wanted = due_instants(session, now, now + self.horizon, self.release_time)
        except Exception:  # the next sweep tries again; release queries carry ids and dates only
            log.exception("release sweep failed")
            self._beat(now, 0, ok=False)
            self._after(now)  # mail still goes: a release that keeps failing is reported as overdue
            return []
        self._plan(wanted)
        self._beat(now, len(changed))
        self._after(now)
        return changed

    def _after(self, now: datetime) -> None:
        if self.after_sweep is not None:
            try:
                self.after_sweep(now)
            except Exception:  # mail never stops the release clock
                log.exception("mail sweep failed")


    def release_part(self, part_id: int) -> list[int]:
        """The date job of one part: release it if (still) due — the database decides.

        Parts dated the same day share an instant, so at midnight hundreds of date jobs fire together. The
        first one releases every planned part that is due in one set-based transaction; the jobs of those
        parts then find themselves no longer planned and return at once, without touching the database.
        """
        with self._lock:
            if self._planned.pop(part_id, None) is None:
                return []  # released with an earlier job of the same instant, or re-planned
            now = self.clock()
            others = [p for p, at in self._planned.items() if at <= now]
            for p in others:
                del self._planned[p]
        with self.database.session() as session:
            return release_due(now, session=session, release_time=self.release_time,
                               part_ids=None if others else [part_id])

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


def scheduler_for(config: dict, database: Database, **kwargs) -> ReleaseScheduler:
    kwargs.setdefault("after_sweep", mail_sweep_for(config, database))
    return ReleaseScheduler(database, release_time=config["RELEASE_TIME_OF_DAY"], data_dir=config["DATA_DIR"],
                            sweep_every=timedelta(seconds=int(config.get("SWEEP_SECONDS", 60))), **kwargs)


def mail_sweep_for(config: dict, database: Database):
    """The e-mail sweep when ``FOIA_SMTP_URL`` is set, else None (no mail server: nothing is queued)."""
    if not config.get("SMTP_URL"):
        return None
    from service.notifications import MailSweep  # imports the publishing code: only when mail is on

    return MailSweep(config, database)


def start_in_app(app) -> ReleaseScheduler | None:
    """``foia serve``: run the scheduler in this process unless ``FOIA_SCHEDULER=off``."""
    if app.config.get("SCHEDULER", "on") == "off":
        log.info("FOIA_SCHEDULER=off: no release scheduler in this process")
        return None
    rs = scheduler_for(app.config, app.extensions["foia.db"], mode="in-process")
    rs.start()
    app.extensions["foia.scheduler"] = rs
    return rs
