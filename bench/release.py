"""Benchmark: the release sweep over 10,000 scheduled parts, 1,000 of them due, against releasing the same
1,000 one at a time, measured in the same run on the same database.

    .venv/bin/python bench/release.py [--parts 10000] [--due 1000] [--database-url URL]

Without ``--database-url`` a temporary SQLite file is used; with ``FOIA_TEST_DATABASE_URL`` set (or a
PostgreSQL ``--database-url``) the same figures are printed for PostgreSQL too, in a schema of its own.
Prints: the sweep that releases the due parts (time, peak Python memory by tracemalloc), the per-minute
sweep when nothing is due, the scheduler's 1,000 date jobs of one midnight, ``release_due`` called
once per part, a naive SELECT-then-UPDATE-and-commit per part, planning a date job for every part in APScheduler
(why date jobs are planned only two days ahead), and nproc. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, delete, insert, select, text, update  # noqa: E402

from service.jobs.release_clock import ReleaseScheduler  # noqa: E402
from service.domain.release import release_due  # noqa: E402
from service.infra.db import Database  # noqa: E402
from service.infra.migrate import upgrade  # noqa: E402
from service.domain.models import AuditEvent, Paper, Part  # noqa: E402

NOW = datetime(2025, 4, 1, 0, 30, tzinfo=timezone.utc)   # 01:30 BST on 1 April 2025
DUE_ON = date(2025, 4, 1)        # due from 2025-03-31T23:00Z


def populate(db: Database, parts: int, due: int) -> None:
    """``parts`` published papers with a withheld Part 2; ``due`` of them dated on or before today."""
    with db.engine.begin() as conn:
        conn.execute(insert(Paper), [{"id": i, "reference": f"PCD {i}", "title": f"Paper {i}", "slug": f"pcd-{i}",
                                      "state": "published", "original_name": "p.pdf", "original_size": 0,
                                      "page_count": 2, "created_at": NOW, "updated_at": NOW}
                                     for i in range(1, parts + 1)])
        conn.execute(insert(Part), [{"paper_id": i, "number": 2, "state": "withheld", "size": 0, "pages": 1,
                                     "release_on": DUE_ON if i <= due else DUE_ON + timedelta(days=2 + i % 700),
                                     "created_at": NOW, "updated_at": NOW}
                                    for i in range(1, parts + 1)])


def reset(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(update(Part).values(state="withheld", released_at=None))
        conn.execute(delete(AuditEvent))


def measure(fn) -> tuple[float, int, object]:
    """Seconds, peak bytes allocated by Python while running, result."""
    tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak, result


def sweep(db: Database) -> list[int]:
    with db.session() as session:
        return release_due(NOW, session=session)


def date_jobs(db: Database, ids: list[int]) -> list[int]:
    changed = []
    with db.session() as session:
        for part_id in ids:
            changed += release_due(NOW, session=session, part_ids=[part_id])
    return changed


def midnight_jobs(db: Database) -> list[int]:
    """The scheduler's real date jobs for the due parts, fired one after another at their instant: the
    first releases every due part in one transaction, the rest return without touching the database."""
    from service.domain.upcoming import due_instants

    clock = [NOW - timedelta(hours=2)]
    rs = ReleaseScheduler(db, clock=lambda: clock[0])
    with db.session() as session:
        rs._plan(due_instants(session, clock[0], clock[0] + timedelta(hours=3)))
    jobs = [job for job in rs.scheduler.get_jobs() if job.id.startswith("release-part-")]
    clock[0] = NOW
    changed = []
    for job in jobs:
        changed += job.func(*job.args)
    return changed


def naive(db: Database, ids: list[int]) -> list[int]:
    """What one might write first: load each part, check it, change it, add the event, commit."""
    changed = []
    with db.session() as session:
        for part_id in ids:
            part = session.get(Part, part_id)
            if part.state == "withheld":
                part.state, part.released_at = "released", NOW
                session.add(AuditEvent(at=NOW, actor="bench", action="part 2 released", paper_id=part.paper_id,
                                       details={"part_id": part_id}))
                session.commit()
                changed.append(part_id)
    return changed


def plan(db: Database, parts: int) -> int:
    rs = ReleaseScheduler(db, clock=lambda: NOW - timedelta(days=1), horizon=timedelta(days=800))
    with db.session() as session:
        from service.domain.upcoming import due_instants

        wanted = due_instants(session, NOW - timedelta(days=1), NOW + timedelta(days=800))
    rs._plan(wanted)  # the scheduler is not started: this is the planning cost alone
    return len(rs.planned())


def run(url: str, label: str, parts: int, due: int) -> None:
    upgrade(url)
    db = Database(url)
    populate(db, parts, due)
    with db.session() as session:
        due_ids = list(session.scalars(select(Part.id).where(Part.release_on <= DUE_ON).order_by(Part.id)))
    print(f"\n{label}: {parts:,} withheld parts, {len(due_ids):,} due")
    rows = []
    s, peak, changed = measure(lambda: sweep(db))
    assert len(changed) == due
    rows.append(("sweep releasing the due parts (one transaction)", s, peak, len(changed)))
    s, peak, changed = measure(lambda: sweep(db))
    rows.append(("per-minute sweep, nothing due", s, peak, len(changed)))
    reset(db)
    s, peak, changed = measure(lambda: midnight_jobs(db))
    assert len(changed) == due
    rows.append((f"{due:,} date jobs of one instant (scheduler)", s, peak, len(changed)))
    reset(db)
    s, peak, changed = measure(lambda: date_jobs(db, due_ids))
    assert len(changed) == due
    rows.append((f"release_due per part, {due:,} times", s, peak, len(changed)))
    reset(db)
    s, peak, changed = measure(lambda: naive(db, due_ids))
    assert len(changed) == due
    rows.append(("naive: SELECT then UPDATE + commit per part", s, peak, len(changed)))
    reset(db)
    s, peak, planned = measure(lambda: plan(db, parts))
    rows.append((f"plan APScheduler date jobs for all {parts:,}", s, peak, planned))
    for name, seconds, peak, n in rows:
        print(f"  {name:<48} {seconds * 1000:9.1f} ms  {peak / 2**20:7.1f} MiB peak  ({n:,} parts)")
    base = rows[0][1]
    print(f"  the sweep is {rows[3][1] / base:.0f}x faster than release_due per part, "
          f"{rows[4][1] / base:.0f}x faster than the naive loop")
    db.dispose()


def postgres(url: str, parts: int, due: int) -> None:
    schema = f"foia_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in url else "?"
        run(f"{url}{sep}options=-csearch_path%3D{schema}", "PostgreSQL", parts, due)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=10_000)
    parser.add_argument("--due", type=int, default=1_000)
    parser.add_argument("--database-url", default=os.environ.get("FOIA_TEST_DATABASE_URL"))
    args = parser.parse_args()
    print(f"nproc: {len(os.sched_getaffinity(0))}  python: {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.db", "SQLite (WAL)", args.parts, args.due)
    if args.database_url and args.database_url.startswith("postgresql"):
        postgres(args.database_url, args.parts, args.due)
    print(f"\nprocess peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
