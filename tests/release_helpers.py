"""Helpers for the release tests: an injected clock, published papers made straight in the database,
and reading parts and audit events back with a fresh session."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import select

UTC = timezone.utc


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


class Clock:
    """An injected clock: ``clock()`` returns ``clock.now``; tests move it, nothing sleeps."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def database(app):
    return app.extensions["foia.db"]


def publish_parts(app, *, part1: dict | None = None, part2: dict | None = None, reference: str = "PCD 1",
                  count: int = 1) -> list[dict]:
    """``count`` published papers with the given Part 1 / Part 2 columns; returns ``[{"paper", 1, 2}]`` ids.

    Part 1 defaults to published, Part 2 to withheld; ``None`` for part2 means no Part 2.
    """
    from service.domain.models import Paper, Part

    made = []
    with database(app).session() as db:
        papers = []
        for n in range(count):
            ref = reference if count == 1 else f"{reference}-{n}"
            paper = Paper(reference=ref, title=f"Title of {ref}", state="published", slug=ref.lower().replace(" ", "-"))
            paper.parts.append(Part(number=1, **{"state": "published", "file_key": None, **(part1 or {})}))
            if part2 is not None:
                paper.parts.append(Part(number=2, **{"state": "withheld", **part2}))
            papers.append(paper)
        db.add_all(papers)
        db.commit()
        for paper in papers:
            made.append({"paper": paper.id, 1: paper.part(1).id, 2: paper.part(2).id if part2 is not None else None})
    return made


def part(app, part_id: int):
    from service.domain.models import Part

    with database(app).session() as db:
        return db.get(Part, part_id)


def states(app, part_ids) -> list[str]:
    return [part(app, i).state for i in part_ids]


def events(app, paper_id: int | None = None) -> list:
    from service.domain.models import AuditEvent

    with database(app).session() as db:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if paper_id is not None:
            query = query.where(AuditEvent.paper_id == paper_id)
        return list(db.scalars(query))


def d(text: str) -> date:
    return date.fromisoformat(text)


def wait_for(condition, timeout: float, step: float = 0.05) -> bool:
    """For other processes only (a server, a scheduler): poll ``condition`` until true or ``timeout``."""
    import threading
    import time as _time

    deadline = _time.monotonic() + timeout
    while not condition():
        if _time.monotonic() > deadline:
            return False
        threading.Event().wait(step)
    return True


# --- other processes -----------------------------------------------------------------------------------

def race_worker(url: str, barrier, now: datetime, part_ids: list[int], seed: int, results) -> None:
    """One racing process: a date job per part in its own random order, then two full sweeps."""
    import random

    from service.domain.release import release_due
    from service.infra.db import Database

    db = Database(url)
    changed: list[int] = []
    order = list(part_ids)
    random.Random(seed).shuffle(order)
    barrier.wait(timeout=60)
    with db.session() as session:
        for part_id in order:
            changed += release_due(now, session=session, actor=f"race-{seed}", part_ids=[part_id])
        changed += release_due(now, session=session, actor=f"race-{seed}")
        changed += release_due(now, session=session, actor=f"race-{seed}")
    db.dispose()
    results.put((seed, changed))


def crashing_worker(url: str, now: datetime) -> None:
    """Dies (no clean-up, no exception handling) after the UPDATE and audit INSERT, before COMMIT."""
    import os

    from sqlalchemy import event

    from service.domain.release import release_due
    from service.infra.db import Database

    db = Database(url)
    with db.session() as session:
        event.listen(session, "before_commit", lambda _s: os._exit(3))
        release_due(now, session=session)
    os._exit(0)  # not reached: the listener ends the process first
