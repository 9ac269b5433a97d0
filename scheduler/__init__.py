"""The clock: APScheduler wiring that wakes up due work on time (:mod:`scheduler.clock`) and the heartbeat
file that shows it runs (:mod:`scheduler.heartbeat`). It never imports the service: what is due and what
doing it means is :mod:`service.domain.release`, wired to the clock by :mod:`service.jobs.release_clock`."""
