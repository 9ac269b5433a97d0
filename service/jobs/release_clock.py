"""The release clock: :class:`scheduler.clock.Clock` wired to the domain's release rules.

What is due and what doing it means is :mod:`service.domain.release` (``release_due``, exactly once) and
:mod:`service.domain.upcoming` (``due_instants``); the clock only wakes them up on time. Two ways to run it
(see README): in-process in ``foia serve`` (:func:`start_in_app`) or as its own process, ``foia scheduler``
(:func:`scheduler_for`). Any number may run at once: :func:`~service.domain.release.release_due` is
exactly once.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Iterable

from scheduler.clock import SWEEP_JOB, Clock, job_id  # noqa: F401 (SWEEP_JOB and job_id: for callers)
from service.domain.models import utcnow
from service.domain.release import release_due
from service.domain.upcoming import due_instants
from service.infra.db import Database

log = logging.getLogger(__name__)


class ReleaseScheduler(Clock):
    """Releases due parts on time: a date job at each part's release instant, a sweep every minute."""

    name = "release scheduler"
    sweep_name = "release sweep"

    def __init__(self, database: Database, *, release_time: time = time(0, 0), clock=utcnow, **kwargs):
        super().__init__(clock=clock, **kwargs)
        self.database, self.release_time = database, release_time

    def describe(self) -> str:
        return f"{self.mode}, release time {self.release_time.strftime('%H:%M')} Europe/London"

    def run_due(self, now: datetime, ids: Iterable[int] | None = None) -> list[int]:
        with self.database.session() as session:
            return release_due(now, session=session, release_time=self.release_time,
                               part_ids=None if ids is None else list(ids))

    def due_instants(self, now: datetime, until: datetime) -> dict[int, datetime]:
        with self.database.session() as session:
            return due_instants(session, now, until, self.release_time)


def scheduler_for(config: dict, database: Database, **kwargs) -> ReleaseScheduler:
    """The release clock of a deployment's configuration (``FOIA_SWEEP_SECONDS``: the sweep's interval)."""
    kwargs.setdefault("after_sweep", mail_sweep_for(config, database))
    return ReleaseScheduler(database, release_time=config["RELEASE_TIME_OF_DAY"], data_dir=config["DATA_DIR"],
                            sweep_every=timedelta(seconds=int(config.get("SWEEP_SECONDS", 60))), **kwargs)


def mail_sweep_for(config: dict, database: Database):
    """The e-mail sweep when ``FOIA_SMTP_URL`` is set, else None (no mail server: nothing is queued)."""
    if not config.get("SMTP_URL"):
        return None
    from service.domain.notifications import MailSweep  # imports the publishing code: only when mail is on

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
