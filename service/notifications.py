"""E-mail to officers: what to say, to whom, and the outbox the scheduler sends from.

Nothing here talks to the mail server inside a request: an event adds rows to ``mail_outbox`` (in the
transaction of the change it reports), and :class:`MailSweep` — run by the scheduler after every release
sweep, and by ``foia scheduler --once`` — queues what the clock brings (the daily digest, releases, parts
due for review, overdue releases) and sends what is due.

**Once.** Every message has a ``dedupe_key`` (event and recipient) that is unique in the table, so a message
is queued once however many schedulers notice the same event. Sending claims a row with a guarded
``UPDATE … SET state = 'sending' WHERE id = :id AND state = 'pending'``: two schedulers never send the same
row. A failure is retried with a growing delay (1 minute doubling to an hour, 10 tries); a permanent refusal
(a 5xx reply) stops at once. Only a sender that dies in the middle of the SMTP conversation leaves a row
``sending``: after :data:`LEASE` it is tried again, with the same ``Message-ID`` so mail systems can drop a
duplicate.

**No personal data.** Messages go to officers only and carry references, titles (checked: a title holding
text chosen for redaction is replaced by the reference), dates and links — never text from the body of a
paper, its redactions or an officer's note. Logs carry message ids, kinds and user ids, and the server
without its password.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session, joinedload

from redaction.dates import LONDON, london_midnight_utc
from scheduler.upcoming import in_state, upcoming

from . import mail
from .models import ROLES, ApprovalRequest, OutboxMessage, Paper, Part, User, utcnow
from .publishing import public_fields_with_redacted_text

log = logging.getLogger(__name__)

LOOKBACK = timedelta(days=7)        # releases and reviews this recent are reported (covers downtime)
OVERDUE_AFTER = timedelta(minutes=15)  # a release this late is reported as failed
LEASE = timedelta(minutes=15)       # a row left "sending" this long by a dead sender is tried again
KEEP = timedelta(days=90)           # sent and failed rows are kept this long (the dedupe memory)
MAX_ATTEMPTS = 10
BATCH = 100


def mail_on(config) -> bool:
    return bool(config.get("SMTP_URL"))


def base_url(config) -> str:
    """Where the links in messages point: ``FOIA_BASE_URL`` (required in production), else ``foia serve``'s."""
    return (config.get("BASE_URL") or "http://127.0.0.1:8000").rstrip("/")


# --- what to say -----------------------------------------------------------------------------------------

def label(paper: Paper) -> str:
    """"PCD 912 – Contract for interpreting": reference and title, each left out when it holds text chosen
    for redaction (an unpublished title is for officers only, and these messages are)."""
    unsafe = set(public_fields_with_redacted_text(paper))
    parts = [v for k, v in (("reference", paper.reference), ("title", paper.title)) if v and k not in unsafe]
    return " – ".join(parts) or f"paper {paper.id}"


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def _when(instant: datetime) -> str:
    local = instant.astimezone(LONDON)
    return f"{local:%H:%M} on {_day(local.date())} (London)"


def _footer(base: str) -> str:
    return (f"\n\n--\nYou receive this because you are an officer of the FOIA publication service at {base}/.\n"
            "This message holds no personal data from the papers; open the links to see more.\n")


def approval_requested(db: Session, config, paper: Paper, req: ApprovalRequest, requester: User) -> None:
    base = base_url(config)
    body = (f"A second officer's approval is asked for before {label(paper)} is published.\n\n"
            f"Open the files that would be published, then approve or return the paper:\n"
            f"{base}/officer/papers/{paper.id}/review#approval\n")
    enqueue(db, config, "approval_requested", f"approval-requested:{req.id}",
            [u for u in officers(db) if u.id != requester.id], f"Approval asked: {label(paper)}", body + _footer(base))


def approval_decided(db: Session, config, paper: Paper, req: ApprovalRequest, outcome: str) -> None:
    """To the officer who asked: approved (and published or scheduled) or returned with a note."""
    base = base_url(config)
    if req.requested_by is None:
        return
    requester = db.get(User, req.requested_by)
    if outcome == "approved":
        subject = f"Approved: {label(paper)}"
        body = (f"Another officer approved {label(paper)}; it is published as approved (or scheduled).\n\n"
                f"{base}/officer/papers/{paper.id}/published\n")
    else:
        subject = f"Returned: {label(paper)}"
        body = (f"Another officer returned {label(paper)} with a note instead of approving it.\n\n"
                f"Read the note on the review page:\n{base}/officer/papers/{paper.id}/review#approval\n")
    enqueue(db, config, f"approval_{outcome}", f"approval-{outcome}:{req.id}", [requester] if requester else [],
            subject, body + _footer(base))


def _part_name(part: Part) -> str:
    return f"Part {part.number} of {label(part.paper)}"


def _released_message(base: str, part: Part) -> tuple[str, str]:
    did = "published" if part.number == 1 else "released"
    page = f"{base}/decisions/{part.paper.slug}" if part.paper.slug else f"{base}/officer/releases/"
    return (f"{did.capitalize()}: {_part_name(part)}",
            f"{_part_name(part)} was {did} at {_when(part.released_at)}.\n\nPublic page: {page}\n")


def _review_message(base: str, part: Part) -> tuple[str, str]:
    return (f"Due for review: {_part_name(part)}",
            f"{_part_name(part)} has reached its review date and waits in the officers' review queue: it stays "
            f"withheld until an officer releases, extends or holds it.\n\n{base}/officer/releases/\n")


def _overdue_message(base: str, part: Part, instant: datetime, happens: str) -> tuple[str, str]:
    return (f"Release failed: {_part_name(part)}",
            f"{_part_name(part)} was due to be {'published' if happens == 'publish' else 'released'} at "
            f"{_when(instant)} and has not been yet. The scheduler tries again at every sweep; check its "
            f"log and {base}/readyz, or release the part yourself:\n\n{base}/officer/releases/\n")


def _digest_body(base: str, days: int, entries: list, review: list[Part], approvals: list[ApprovalRequest],
                 release_time: time) -> str:
    lines = [f"Due within {days} days ({release_time:%H:%M} London time on each date):"]
    happens = {"publish": "Part 1 published", "release": "Part 2 released", "review": "Part 2 reviewed"}
    lines += [f"- {_day(u.day)}: {happens[u.happens]} – {label(u.part.paper)}" for u in entries] or ["- nothing"]
    lines += ["", "Waiting in the review queue:"]
    lines += [f"- {_part_name(p)}" for p in review] or ["- nothing"]
    lines += ["", "Waiting for a second officer's approval:"]
    lines += [f"- {label(r.paper)}: {base}/officer/papers/{r.paper_id}/review#approval" for r in approvals] \
        or ["- nothing"]
    lines += ["", f"Releases page: {base}/officer/releases/"]
    return "\n".join(lines) + "\n"


# --- the outbox ------------------------------------------------------------------------------------------

def officers(db: Session) -> list[User]:
    return list(db.scalars(select(User).where(User.active.is_(True), User.role.in_(ROLES)).order_by(User.id)))


def enqueue(db: Session, config, kind: str, key: str, users: list[User], subject: str, body: str,
            now: datetime | None = None) -> int:
    """Queue one message per user in the session's transaction; a key already queued is left alone.
    Returns how many rows were added. Does nothing when no mail server is configured."""
    if not mail_on(config) or not users:
        return 0
    now = now or utcnow()
    rows = [{"kind": kind, "dedupe_key": f"{key}:u{u.id}"[:200], "user_id": u.id, "recipient": u.email,
             "subject": subject[:300], "body": body, "state": "pending", "attempts": 0,
             "next_attempt_at": now, "created_at": now} for u in users]
    dialect = db.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # pragma: no cover - the service runs on these two
        dialect_insert = insert
    result = db.execute(dialect_insert(OutboxMessage).on_conflict_do_nothing(index_elements=["dedupe_key"])
                        .returning(OutboxMessage.id), rows)
    added = len(result.all())
    if added:
        log.info("queued %d %s message(s) (%s)", added, kind, key)
    return added


@dataclass
class SweepResult:
    queued: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0


class MailSweep:
    """The scheduler's mail work at ``now``; each stage in its own transaction, errors logged, not raised."""

    def __init__(self, config, database):
        self.config, self.database = config, database
        self.server = mail.parse_smtp_url(config["SMTP_URL"], config.get("SMTP_CA_FILE", ""))
        self.base = base_url(config)

    def __call__(self, now: datetime) -> SweepResult:
        return self.sweep(now)

    def sweep(self, now: datetime) -> SweepResult:
        result = SweepResult()
        for stage in (self.queue_digest, self.queue_releases, self.queue_reviews, self.queue_overdue):
            try:
                with self.database.session() as db:
                    result.queued += stage(db, now)
                    db.commit()
            except Exception:  # the next sweep tries again; nothing here holds personal data
                log.exception("mail sweep: %s failed", stage.__name__)
        try:
            self.send_due(now, result)
            with self.database.session() as db:
                db.execute(delete(OutboxMessage).where(OutboxMessage.state.in_(("sent", "failed")),
                                                       OutboxMessage.created_at < now - KEEP))
                db.commit()
        except Exception:
            log.exception("mail sweep: sending failed")
        return result

    # --- queueing what the clock brought ---------------------------------------------------------------

    def queue_digest(self, db: Session, now: datetime) -> int:
        """Once a London day, from ``DIGEST_TIME`` on: what is due within ``UPCOMING_DAYS``; skipped when
        there is nothing to say."""
        today = now.astimezone(LONDON).date()
        if now < london_midnight_utc(today, self.config["DIGEST_TIME_OF_DAY"]):
            return 0
        key = f"digest:{today.isoformat()}"
        if db.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key.like(f"{key}:%")).limit(1)):
            return 0
        days, release_time = int(self.config["UPCOMING_DAYS"]), self.config["RELEASE_TIME_OF_DAY"]
        entries = [u for u in upcoming(db, now, days, release_time) if u.part.paper.state == "published"]
        review = in_state(db, "review")
        approvals = list(db.scalars(select(ApprovalRequest).options(joinedload(ApprovalRequest.paper))
                                    .where(ApprovalRequest.state == "awaiting").order_by(ApprovalRequest.id)))
        if not (entries or review or approvals):
            return 0
        body = _digest_body(self.base, days, entries, review, approvals, release_time)
        return enqueue(db, self.config, "digest", key, officers(db), f"Daily digest, {_day(today)}",
                       body + _footer(self.base), now)

    def queue_releases(self, db: Session, now: datetime) -> int:
        """Parts made public by the clock or an officer's "release now" (not at their paper's publication,
        which the publishing officer saw happen)."""
        parts = db.scalars(select(Part).join(Paper).options(joinedload(Part.paper))
                           .where(Part.state.in_(("published", "released")), Part.released_at >= now - LOOKBACK,
                                  Part.released_at <= now, Part.released_at.is_distinct_from(Paper.published_at)))
        queued = 0
        for part in parts:
            subject, body = _released_message(self.base, part)
            queued += enqueue(db, self.config, "released", f"released:{part.id}:{part.released_at.isoformat()}",
                              officers(db), subject, body + _footer(self.base), now)
        return queued

    def queue_reviews(self, db: Session, now: datetime) -> int:
        parts = db.scalars(select(Part).options(joinedload(Part.paper))
                           .where(Part.number == 2, Part.state == "review", Part.updated_at >= now - LOOKBACK))
        queued = 0
        for part in parts:
            due = part.review_on or part.release_on
            subject, body = _review_message(self.base, part)
            queued += enqueue(db, self.config, "review", f"review:{part.id}:{due}", officers(db), subject,
                              body + _footer(self.base), now)
        return queued

    def queue_overdue(self, db: Session, now: datetime) -> int:
        """A part still waiting :data:`OVERDUE_AFTER` past its instant: its release failed (or no scheduler
        ran); reported once per part and date."""
        queued = 0
        for u in upcoming(db, now, 0, self.config["RELEASE_TIME_OF_DAY"]):
            if u.instant > now - OVERDUE_AFTER or u.part.paper.state != "published":
                continue
            subject, body = _overdue_message(self.base, u.part, u.instant, u.happens)
            queued += enqueue(db, self.config, "release_failed", f"overdue:{u.part.id}:{u.day.isoformat()}",
                              officers(db), subject, body + _footer(self.base), now)
        return queued

    # --- sending ---------------------------------------------------------------------------------------

    def send_due(self, now: datetime, result: SweepResult | None = None) -> SweepResult:
        result = result or SweepResult()
        with self.database.session() as db:
            stuck = db.execute(update(OutboxMessage)
                               .where(OutboxMessage.state == "sending", OutboxMessage.claimed_at < now - LEASE)
                               .values(state="pending", next_attempt_at=now)).rowcount
            db.commit()
            if stuck:
                log.warning("mail: %d message(s) left sending by a stopped sender are tried again", stuck)
            ids = list(db.scalars(select(OutboxMessage.id).where(OutboxMessage.state == "pending",
                                                                 OutboxMessage.next_attempt_at <= now)
                                  .order_by(OutboxMessage.id).limit(BATCH)))
        for message_id in ids:
            self._send_one(message_id, now, result)
        return result

    def _send_one(self, message_id: int, now: datetime, result: SweepResult) -> None:
        with self.database.session() as db:
            claimed = db.execute(update(OutboxMessage)
                                 .where(OutboxMessage.id == message_id, OutboxMessage.state == "pending",
                                        OutboxMessage.next_attempt_at <= now)
                                 .values(state="sending", claimed_at=now, attempts=OutboxMessage.attempts + 1)
                                 .returning(OutboxMessage.kind, OutboxMessage.user_id, OutboxMessage.recipient,
                                            OutboxMessage.subject, OutboxMessage.body, OutboxMessage.dedupe_key,
                                            OutboxMessage.attempts)).first()
            db.commit()
            if claimed is None:
                return  # another sender has it
            mine = (OutboxMessage.id == message_id, OutboxMessage.state == "sending",
                    OutboxMessage.claimed_at == now)
            try:
                mail.send(self.server, self._message(claimed, now))
            except mail.SendError as exc:
                give_up = exc.permanent or claimed.attempts >= MAX_ATTEMPTS
                values = {"state": "failed"} if give_up else \
                    {"state": "pending", "next_attempt_at": now + backoff(claimed.attempts)}
                db.execute(update(OutboxMessage).where(*mine).values(last_error=exc.message[:200], **values))
                db.commit()
                if give_up:
                    result.failed += 1
                    log.error("mail %s (%s) to user %s not sent after %d attempt(s) via %s: %s", message_id,
                              claimed.kind, claimed.user_id, claimed.attempts, self.server.safe(), exc.message)
                else:
                    result.retried += 1
                    log.warning("mail %s (%s) to user %s not sent via %s (%s); next try at %s", message_id,
                                claimed.kind, claimed.user_id, self.server.safe(), exc.message,
                                values["next_attempt_at"].isoformat())
                return
            db.execute(update(OutboxMessage).where(*mine).values(state="sent", sent_at=now, last_error=None))
            db.commit()
            result.sent += 1
            log.info("mail %s (%s) sent to user %s via %s", message_id, claimed.kind, claimed.user_id,
                     self.server.safe())

    def _message(self, row, now: datetime) -> EmailMessage:
        sender = self.config["MAIL_FROM"]
        message = EmailMessage()
        message["From"] = sender
        message["To"] = row.recipient
        message["Subject"] = f"[FOIA] {row.subject}"
        message["Date"] = format_datetime(now)
        domain = sender.rpartition("@")[2] or "localhost"
        # Stable across retries: a duplicate after a sender died mid-conversation can be recognised.
        message["Message-ID"] = f"<{hashlib.sha256(row.dedupe_key.encode()).hexdigest()[:32]}@{domain}>"
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
        message.set_content(row.body)
        return message


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after the 1st, 2nd, 3rd … failed try, at most an hour."""
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))
