"""Scheduled release: the one release function, officers' actions and the APScheduler wiring."""
