"""``foia migrate``, ``foia web`` and ``foia healthcheck``: the commands of a deployment (docs/deploy.md).

- ``foia migrate`` applies the database migrations and exits. Run it once per release, before the web
  instances start; several at once are safe (they take turns on PostgreSQL's advisory lock).
- ``foia web`` serves the app under gunicorn: ``FOIA_WEB_WORKERS`` processes of ``FOIA_WEB_THREADS``
  threads. It never runs the release scheduler (run ``foia scheduler`` once, in its own process) and it
  refuses to start on a database whose schema is not current, so a new release never serves an old
  schema. Each worker loads the app itself (no preload), so no database connection crosses a fork.
- ``foia healthcheck`` is what a container's ``HEALTHCHECK`` runs (the image has no curl): a GET on
  ``/healthz``, or with ``--scheduler`` the scheduler's heartbeat. Exit 0 healthy, 1 not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.request

from service.cli.common import configured, fail, safe_url


def add_production_commands(sub) -> None:
    p = sub.add_parser("migrate", help="apply the database migrations and exit (once per release)")
    p.set_defaults(func=migrate)

    p = sub.add_parser("web", help="serve the web app under gunicorn (production; no scheduler in it)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 in a container)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, help="worker processes (default FOIA_WEB_WORKERS, 2)")
    p.add_argument("--threads", type=int, help="threads per worker (default FOIA_WEB_THREADS, 4)")
    p.add_argument("--migrate", action="store_true", help="apply migrations first (one instance only)")
    p.set_defaults(func=web)

    p = sub.add_parser("healthcheck", help="exit 0 when the web app answers /healthz (or the scheduler beats)")
    p.add_argument("url", nargs="?", default="http://127.0.0.1:8000/healthz")
    p.add_argument("--scheduler", action="store_true", help="check the release scheduler's heartbeat instead")
    p.set_defaults(func=healthcheck)


def migrate(args: argparse.Namespace) -> int:
    from service.infra.migrate import revisions, upgrade

    cfg = configured()
    before, head = revisions(cfg["DATABASE_URL"])
    upgrade(cfg["DATABASE_URL"])
    done = "already current" if before == head else f"migrated from {before or 'an empty database'}"
    print(f"Database {safe_url(cfg['DATABASE_URL'])}: revision {head} ({done}).")
    from service.cli.backfill import pending_notice
    from service.infra.db import Database

    db = Database(cfg["DATABASE_URL"])
    try:
        with db.session() as session:
            notice = pending_notice(session)
    finally:
        db.dispose()
    if notice:
        print(notice)
    return 0


def web(args: argparse.Namespace) -> int:
    from service.infra.migrate import revisions, upgrade

    cfg = configured()
    if args.migrate:
        upgrade(cfg["DATABASE_URL"])
    current, head = revisions(cfg["DATABASE_URL"])
    if current != head:
        fail(f"the database schema is at {current or 'nothing'} but this version needs {head}: "
              "run `foia migrate` first")
    workers = args.workers or int(cfg["WEB_WORKERS"])
    threads = args.threads or int(cfg["WEB_THREADS"])
    if workers < 1 or threads < 1:
        fail("workers and threads must be at least 1")
    metrics_dir, made_here = _fresh_metrics_dir()
    print(f"FOIA publication service (gunicorn, {workers} worker(s) x {threads} thread(s)): "
          f"http://{args.host}:{args.port}/")
    print(f"Data folder: {cfg['DATA_DIR']}   Database: {safe_url(cfg['DATABASE_URL'])}")
    print("Release scheduler: not in web workers; run `foia scheduler` once for the deployment.")
    sys.stdout.flush()
    from service.cli.gunicorn_app import GunicornApp  # after PROMETHEUS_MULTIPROC_DIR is set

    try:
        GunicornApp({"bind": f"{args.host}:{args.port}", "workers": workers, "threads": threads}).run()
    finally:
        if made_here:
            shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def _fresh_metrics_dir() -> tuple[str, bool]:
    """prometheus-client's multiprocess folder, emptied of a previous run's files; it must be in the
    environment before any worker imports prometheus-client. Returns (folder, made here)."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        folder = tempfile.mkdtemp(prefix="foia-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
        return folder, True
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.endswith(".db"):
            os.unlink(os.path.join(folder, name))
    return folder, False


def healthcheck(args: argparse.Namespace) -> int:
    if args.scheduler:
        from datetime import datetime, timezone

        from scheduler import heartbeat

        fresh = heartbeat.is_fresh(configured()["DATA_DIR"], datetime.now(timezone.utc))
        print("scheduler: " + ("ok" if fresh else "no recent successful sweep"))
        return 0 if fresh else 1
    try:
        with urllib.request.urlopen(args.url, timeout=5) as response:  # noqa: S310 (the operator's own URL)
            ok = response.status == 200
    except (urllib.error.URLError, OSError):
        ok = False
    print(f"{args.url}: " + ("ok" if ok else "not answering"))
    return 0 if ok else 1
