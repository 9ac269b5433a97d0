"""Benchmark: what e-mail adds to the scheduler's minute, on 10,000 published papers, 1,000 of them released
in the last week, 20 officers — measured against the release sweep with nothing due (the anchor), in the
same run on the same database.

    .venv/bin/python bench/mail.py [--parts 10000] [--released 1000] [--officers 20] [--send 200]

Prints, for SQLite (and PostgreSQL when ``FOIA_TEST_DATABASE_URL`` is set): the release sweep with nothing due
(anchor); the first mail sweep after the releases (queueing one message per officer for the batch); the mail
sweep of every minute after that (nothing new); and sending ``--send`` queued messages to a real SMTP server
(aiosmtpd) on 127.0.0.1, in messages a second. nproc too. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/public.py would shadow atpublic's ``public`` module that aiosmtpd imports
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert, text, update  # noqa: E402

from service.domain.release import release_due  # noqa: E402
from service.infra.config import load_config  # noqa: E402
from service.infra.db import Database  # noqa: E402
from service.infra.migrate import upgrade  # noqa: E402
from service.domain.models import OutboxMessage, Paper, Part, User  # noqa: E402
from service.domain.notifications import MailSweep  # noqa: E402

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


def populate(db: Database, parts: int, released: int, officers: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(User), [{"id": i, "email": f"officer{i}@example.org", "password_hash": "x",
                                     "role": "officer", "active": True, "created_at": NOW}
                                    for i in range(1, officers + 1)])
        conn.execute(insert(Paper), [{"id": i, "reference": f"PCD {i}", "title": f"Paper {i}", "slug": f"pcd-{i}",
                                      "state": "published", "original_name": "p.pdf", "original_size": 0,
                                      "page_count": 2, "created_at": NOW, "updated_at": NOW,
                                      "published_at": NOW - timedelta(days=30)} for i in range(1, parts + 1)])
        conn.execute(insert(Part), [{"paper_id": i, "number": 2, "state": "withheld", "size": 0, "pages": 1,
                                     "release_on": date(2026, 3, 10) if i <= released
                                     else date(2026, 4, 1) + timedelta(days=i % 700),
                                     "created_at": NOW, "updated_at": NOW} for i in range(1, parts + 1)])


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Sink.count += 1
        return "250 OK"


def run(url: str, label: str, args, port: int) -> None:
    upgrade(url)
    db = Database(url)
    populate(db, args.parts, args.released, args.officers)
    config = load_config({"ENV": "testing", "DATA_DIR": tempfile.mkdtemp(), "DATABASE_URL": url,
                          "SMTP_URL": f"smtp://127.0.0.1:{port}", "MAIL_FROM": "foi@example.org",
                          "DIGEST_TIME": "23:00"}, environ={})
    mail = MailSweep(config, db)
    with db.session() as session:
        released = release_due(NOW, session=session)
    later = NOW + timedelta(minutes=1)
    anchor, _ = timed(lambda: _release_nothing(db, later))
    first, res = timed(lambda: _queue_only(mail, later))
    every, _ = timed(lambda: _queue_only(mail, later + timedelta(minutes=1)))
    digest_config = dict(config, DIGEST_TIME_OF_DAY=config["RELEASE_TIME_OF_DAY"])  # digest time passed
    quiet, _ = timed(lambda: _queue_only(MailSweep(digest_config, db), later + timedelta(minutes=1)))
    with db.engine.begin() as conn:  # keep --send messages pending, mark the rest sent
        ids = [r[0] for r in conn.execute(text("SELECT id FROM mail_outbox ORDER BY id"))]
        conn.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids[args.send:])).values(state="sent"))
        for n in range(max(0, args.send - len(ids))):
            conn.execute(insert(OutboxMessage).values(kind="bench", dedupe_key=f"bench:{n}", user_id=1,
                                                      recipient="officer1@example.org", subject="s", body="b",
                                                      state="pending", attempts=0, next_attempt_at=NOW,
                                                      created_at=NOW))
    Sink.count = 0
    sending, sent = timed(lambda: mail.send_due(later + timedelta(minutes=2)))
    print(f"\n{label}: {args.parts:,} published papers, {len(released):,} parts released in one sweep, "
          f"{args.officers} officers")
    print(f"  anchor: release sweep with nothing due          {anchor * 1000:8.1f} ms")
    print(f"  first mail sweep after the releases (queues {res})  {first * 1000:8.1f} ms "
          f"({first / anchor:.1f}x the anchor)")
    print(f"  mail sweep of every minute (nothing new)        {every * 1000:8.1f} ms ({every / anchor:.1f}x)")
    print(f"  the same after the digest time, nothing to say   {quiet * 1000:8.1f} ms "
          f"({quiet / anchor:.1f}x)")
    print(f"  sending {sent.sent} messages to aiosmtpd on 127.0.0.1  {sending:8.2f} s "
          f"({sent.sent / sending:.0f} messages/s; server received {Sink.count})")
    db.dispose()


def _release_nothing(db: Database, now: datetime):
    with db.session() as session:
        return release_due(now, session=session)


def _queue_only(mail: MailSweep, now: datetime) -> int:
    queued = 0
    for stage in (mail.queue_digest, mail.queue_releases, mail.queue_reviews, mail.queue_overdue):
        with mail.database.session() as session:
            queued += stage(session, now)
            session.commit()
    return queued


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=10_000)
    parser.add_argument("--released", type=int, default=1_000)
    parser.add_argument("--officers", type=int, default=20)
    parser.add_argument("--send", type=int, default=200)
    args = parser.parse_args()
    from aiosmtpd.controller import Controller

    print(f"nproc: {len(os.sched_getaffinity(0))}  python: {sys.version.split()[0]}")
    controller = Controller(Sink(), hostname="127.0.0.1", port=free_port(), server_hostname="localhost")
    controller.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            run(f"sqlite:///{tmp}/bench.db", "SQLite", args, controller.port)
        base = os.environ.get("FOIA_TEST_DATABASE_URL")
        if base:
            schema = f"bench_mail_{uuid.uuid4().hex[:8]}"
            admin = create_engine(base)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            try:
                sep = "&" if "?" in base else "?"
                run(f"{base}{sep}options=-csearch_path%3D{schema}", "PostgreSQL", args, controller.port)
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                admin.dispose()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
