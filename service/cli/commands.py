"""``foia serve``, ``foia scheduler``, ``foia user add`` and ``foia token create`` (wired into :mod:`service.cli`).

Each applies the database migrations first, so a fresh data folder works whichever command runs first.
Errors are one line on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import sys

from service.cli.common import fail, migrated_database, safe_url


def add_service_commands(sub) -> None:
    p = sub.add_parser("serve", help="run the web service (embedded default: SQLite and ./var)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=serve)

    p = sub.add_parser("scheduler", help="run the release scheduler as its own process (set FOIA_SCHEDULER=off "
                                         "for the web workers)")
    p.add_argument("--once", action="store_true", help="release what is due now and exit (for cron or a check)")
    p.set_defaults(func=run_scheduler)

    user = sub.add_parser("user", help="manage officers").add_subparsers(dest="user_command")
    p = user.add_parser("add", help="add an officer (password from a prompt or --password-stdin)")
    p.add_argument("email")
    p.add_argument("--role", choices=("officer", "admin"), default="officer")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.set_defaults(func=user_add)
    from service.cli.user_commands import add_user_commands  # list, disable, enable, set-role, set-password

    add_user_commands(user)

    token = sub.add_parser("token", help="API tokens").add_subparsers(dest="token_command")
    p = token.add_parser("create", help="print a new API token for a user (shown once)")
    p.add_argument("email")
    p.add_argument("--label", default="")
    p.set_defaults(func=token_create)
    p = token.add_parser("revoke", help="withdraw every API token of a user")
    p.add_argument("email")
    p.set_defaults(func=token_revoke)


def serve(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from service.app import create_app
    from service.domain.models import User
    from service.domain.papers import resume_pending

    from service.cli.backfill import pending_notice

    cfg, db = migrated_database()
    with db.session() as session:
        users = session.scalar(select(func.count()).select_from(User))
        backfill = pending_notice(session)
    db.dispose()
    app = create_app()
    warm_pdf_processes(app)  # in the background: serving starts at once
    resumed = resume_pending(app)
    from service.jobs.release_clock import start_in_app

    releases = start_in_app(app)  # None with FOIA_SCHEDULER=off (several workers: run `foia scheduler`)
    base = f"http://{args.host}:{args.port}"
    print(f"FOIA publication service: {base}/  (officers sign in at {base}/sign-in)")
    print(f"Data folder: {cfg['DATA_DIR']}   Database: {safe_url(cfg['DATABASE_URL'])}")
    if not users:
        print("No officer yet. Create the first one in another terminal with:")
        print("    foia user add EMAIL --role officer      (in this folder: .venv/bin/foia user add ...)")
    if resumed:
        print(f"Resumed the analysis of {resumed} paper(s) left from before.")
    if backfill:
        print(backfill)
    print("Release scheduler: " + ("in this process" if releases else "off here (FOIA_SCHEDULER=off)"))
    print(_mail_line(cfg))
    sys.stdout.flush()
    from service.cli.serving import serve_until_stopped  # SIGTERM: in-flight requests answered, PDF work put back

    try:
        serve_until_stopped(app, args.host, args.port)
    finally:
        if releases:
            releases.shutdown()
    print("Stopped.")
    return 0


def warm_pdf_processes(app) -> list:
    """Start the PDF processes (and load the language model in the heavy one) in the background, unless
    ``FOIA_WARM_PDF=off``: the first upload then does not wait for them (see ``pdfwork.warm``)."""
    if app.config.get("WARM_PDF", "on") == "off":
        return []
    from service.infra import pdfwork

    return pdfwork.warm()


def run_scheduler(args: argparse.Namespace) -> int:
    """``foia scheduler``: the release scheduler on its own (SIGTERM or Ctrl-C stops it cleanly)."""
    import signal
    import threading

    from scheduler import heartbeat
    from service.jobs.release_clock import scheduler_for

    cfg, db = migrated_database()
    if args.once:  # errors propagate: a cron job should see a failed sweep fail
        from service.domain.release import release_due
        from service.domain.models import utcnow

        from service.jobs.release_clock import mail_sweep_for

        now = utcnow()
        with db.session() as session:
            changed = release_due(now, session=session, release_time=cfg["RELEASE_TIME_OF_DAY"])
        mail = mail_sweep_for(cfg, db)
        sent = mail.sweep(now) if mail else None
        db.dispose()
        print(f"{len(changed)} part(s) published, released or queued for review.")
        if sent:
            print(f"E-mail: {sent.sent} sent, {sent.retried} to retry, {sent.failed} failed.")
        return 0
    releases = scheduler_for(cfg, db, mode="process")
    stop = threading.Event()  # the handler only sets it: SIGTERM during the start-up sweep waits for it
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    every = int(cfg["SWEEP_SECONDS"])
    print(f"Release scheduler: {cfg['RELEASE_TIME']} Europe/London, sweeping every "
          f"{'minute' if every == 60 else f'{every} seconds'}. "
          f"Database: {safe_url(cfg['DATABASE_URL'])}   Heartbeat: {heartbeat.path(cfg['DATA_DIR'])}")
    print(_mail_line(cfg))
    sys.stdout.flush()
    try:
        releases.start()
        stop.wait()  # until SIGTERM; Ctrl-C raises KeyboardInterrupt here
    finally:
        releases.shutdown()
        db.dispose()
    return 0


def _mail_line(cfg: dict) -> str:
    """What `foia serve` / `foia scheduler` say about approval and e-mail (the server without its password)."""
    from service.infra.mail import parse_smtp_url

    mail = (f"E-mail to officers via {parse_smtp_url(cfg['SMTP_URL']).safe()}, sent by the scheduler"
            if cfg.get("SMTP_URL") else "E-mail: off (FOIA_SMTP_URL not set)")
    return mail + ("; publishing needs a second officer's approval" if cfg.get("APPROVAL") == "two-person" else "")


def user_add(args: argparse.Namespace) -> int:
    from service.domain.accounts import AccountError, create_user

    from service.cli.user_commands import read_password

    password = read_password(args.password_stdin)
    _, db = migrated_database()
    with db.session() as session:
        try:
            user = create_user(session, args.email, password, args.role)
        except AccountError as exc:
            fail(str(exc))
        from service.domain import audit

        audit.record(session, "user added", actor="cli", user=user, role=user.role)
        session.commit()
        print(f"Added {user.email} ({user.role}).")
    db.dispose()
    return 0


def token_revoke(args: argparse.Namespace) -> int:
    from service.domain import audit
    from service.domain.accounts import AccountError, revoke_tokens

    _, db = migrated_database()
    with db.session() as session:
        try:
            count = revoke_tokens(session, args.email)
        except AccountError as exc:
            fail(str(exc))
        audit.record(session, "api tokens revoked", actor="cli", count=count)
        session.commit()
    db.dispose()
    print(f"Withdrew {count} token(s).")
    return 0


def token_create(args: argparse.Namespace) -> int:
    from service.domain import audit
    from service.domain.accounts import AccountError, create_token, normalise_email
    from service.domain.models import User

    _, db = migrated_database()
    with db.session() as session:
        try:
            token = create_token(session, args.email, args.label)
        except AccountError as exc:
            fail(str(exc))
        from sqlalchemy import select

        user = session.scalar(select(User).where(User.email == normalise_email(args.email)))
        audit.record(session, "api token created", actor="cli", user=user)
        session.commit()
    db.dispose()
    print(token)
    return 0
