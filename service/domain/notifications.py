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
import time as time_module
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session, joinedload

from redaction.dates import LONDON, london_midnight_utc
from service.domain.release import release_instant
from service.domain.upcoming import in_state, upcoming

from service.domain.models import ROLES, ApprovalRequest, OutboxMessage, Paper, Part, User, utcnow
from service.domain.publishing import public_fields_with_redacted_text
from service.infra import mail

log = logging.getLogger(__name__)

LOOKBACK = timedelta(days=7)        # releases and reviews this recent are reported (covers downtime)
OVERDUE_AFTER = timedelta(minutes=15)  # a release this late is reported as failed
LEASE = timedelta(minutes=15)       # a row left "sending" this long by a dead sender is tried again
KEEP = timedelta(days=90)           # sent and failed rows are kept this long (the dedupe memory)
MAX_ATTEMPTS = 10
BATCH = 100
SEND_BUDGET_S = 30                  # a sweep stops sending after this long; the rest go at the next one


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


def approval_closed(db: Session, request_ids: list[int]) -> int:
    """Requests approved, returned, withdrawn or replaced: their "approval asked" messages not sent yet are
    dropped (an officer would open a paper with nothing to approve). In the caller's transaction."""
    if not request_ids:
        return 0
    keys = [OutboxMessage.dedupe_key.like(f"approval-requested:{int(i)}:u%") for i in request_ids]
    return db.execute(delete(OutboxMessage).where(OutboxMessage.kind == "approval_requested",
                                                  OutboxMessage.state == "pending", or_(*keys))).rowcount


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


def withdrawn(db: Session, config, paper: Paper, by: User, counts: dict) -> None:
    """To the other officers: a published decision was withdrawn (and its scheduled releases cancelled).
    The reason is not quoted (an officer's words stay on the pages); the links show it."""
    base = base_url(config)
    cancelled = counts.get("cancelled", 0)
    body = (f"{label(paper)} was withdrawn at {_when(paper.withdrawn_at or utcnow())} by another officer. "
            "Its public page, files and API entry now answer that it was withdrawn, with the reason"
            + (f"; {cancelled} scheduled publication or release{'s' if cancelled != 1 else ''} "
               f"{'were' if cancelled != 1 else 'was'} cancelled" if cancelled else "") + ".\n\n"
            f"Public notice: {base}/decisions/{paper.slug}\n"
            f"The paper and its history: {base}/officer/papers/{paper.id}/published\n")
    enqueue(db, config, "withdrawn", f"withdrawn:{paper.id}", [u for u in officers(db) if u.id != by.id],
            f"Withdrawn: {label(paper)}", body + _footer(base))


def _part_name(part: Part) -> str:
    return f"Part {part.number} of {label(part.paper)}"


MAX_LISTED = 50  # a batch message lists this many parts, then says how many more


def _listing(lines: list[str], base: str) -> str:
    more = len(lines) - MAX_LISTED
    shown = lines[:MAX_LISTED] + ([f"- and {more} more: {base}/officer/releases/"] if more > 0 else [])
    return "\n".join(shown) + "\n"


def _batch_subject(what: str, parts: list[Part]) -> str:
    return f"{what}: {_part_name(parts[0])}" if len(parts) == 1 else f"{what}: {len(parts)} parts"


def _released_message(base: str, parts: list[Part]) -> tuple[str, str]:
    """Parts made public in one transaction (one sweep, or one officer's action)."""
    did = {1: "published", 2: "released"}
    lines = [f"- {_part_name(p)} was {did[p.number]}: "
             f"{base}/decisions/{p.paper.slug}" if p.paper.slug else f"- {_part_name(p)} was {did[p.number]}"
             for p in parts]
    what = "Published" if {p.number for p in parts} == {1} else "Released" if {p.number for p in parts} == {2} \
        else "Published and released"
    return (_batch_subject(what, parts),
            f"At {_when(parts[0].released_at)}:\n\n" + _listing(lines, base))


def _review_message(base: str, parts: list[Part]) -> tuple[str, str]:
    lines = [f"- {_part_name(p)}" for p in parts]
    return (_batch_subject("Due for review", parts),
            "These parts reached their review date and wait in the officers' review queue; each stays withheld "
            "until an officer releases, extends or holds it:\n\n" + _listing(lines, base)
            + f"\n{base}/officer/releases/\n")


def _overdue_message(base: str, entries: list) -> tuple[str, str]:
    lines = [f"- {_part_name(u.part)} ({'publication' if u.happens == 'publish' else 'release'})" for u in entries]
    return (_batch_subject("Release failed", [u.part for u in entries]),
            f"Due at {_when(entries[0].instant)}, and not public yet:\n\n" + _listing(lines, base)
            + f"\nThe scheduler tries again at every sweep; check its log and {base}/readyz, or release the "
              f"parts yourself:\n{base}/officer/releases/\n")


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
    subject = " ".join(subject.split())  # a title typed over several lines: a header is one line
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
        users = officers(db)
        if not users or db.scalar(select(OutboxMessage.id).where(
                OutboxMessage.dedupe_key.in_([f"{key}:u{u.id}" for u in users])).limit(1)):
            return 0
        days, release_time = int(self.config["UPCOMING_DAYS"]), self.config["RELEASE_TIME_OF_DAY"]
        entries = [u for u in upcoming(db, now, days, release_time) if u.part.paper.state == "published"]
        review = in_state(db, "review")
        approvals = list(db.scalars(select(ApprovalRequest).join(Paper).options(joinedload(ApprovalRequest.paper))
                                    .where(ApprovalRequest.state == "awaiting", Paper.state == "ready")
                                    .order_by(ApprovalRequest.id)))
        if not (entries or review or approvals):
            return 0
        body = _digest_body(self.base, days, entries, review, approvals, release_time)
        return enqueue(db, self.config, "digest", key, users, f"Daily digest, {_day(today)}",
                       body + _footer(self.base), now)

    def queue_releases(self, db: Session, now: datetime) -> int:
        """Parts made public by the clock or an officer's "release now" (not at their paper's publication,
        which the publishing officer saw happen): one message per officer and transaction — every part of
        one sweep carries the same ``released_at``, and a transaction is seen whole or not at all. Only the
        instants are read each minute; the parts of an instant not told yet are loaded to write about."""
        recent = (Part.state.in_(("published", "released")), Part.released_at >= now - LOOKBACK,
                  Part.released_at <= now, Part.released_at.is_distinct_from(Paper.published_at))
        instants = db.scalars(select(Part.released_at).join(Paper).where(*recent).distinct())

        def parts_at(instant):
            return list(db.scalars(select(Part).join(Paper).options(joinedload(Part.paper))
                                   .where(*recent, Part.released_at == instant)
                                   .order_by(Part.paper_id, Part.number)))
        return self._batches(db, now, "released", {i: parts_at for i in instants}, _released_message)

    def queue_reviews(self, db: Session, now: datetime) -> int:
        """Part 2s the clock put in the review queue, one message per instant their date came."""
        release_time = self.config["RELEASE_TIME_OF_DAY"]
        rows = db.execute(select(Part.id, Part.review_on, Part.release_on, Part.updated_at)
                          .where(Part.number == 2, Part.state == "review", Part.updated_at >= now - LOOKBACK))
        ids: dict[datetime, list[int]] = {}
        for row in rows:
            ids.setdefault(release_instant(_review_day(row), release_time), []).append(row.id)

        def parts_at(instant):
            return list(db.scalars(select(Part).options(joinedload(Part.paper))
                                   .where(Part.id.in_(ids[instant])).order_by(Part.paper_id)))
        return self._batches(db, now, "review", {i: parts_at for i in ids}, _review_message)

    def queue_overdue(self, db: Session, now: datetime) -> int:
        """Parts still waiting :data:`OVERDUE_AFTER` past their instant: the release failed (or no scheduler
        ran). Reported once per instant."""
        late: dict[datetime, list] = {}
        for u in upcoming(db, now, 0, self.config["RELEASE_TIME_OF_DAY"]):
            if u.instant <= now - OVERDUE_AFTER and u.part.paper.state == "published":
                late.setdefault(u.instant, []).append(u)
        return self._batches(db, now, "release_failed", {i: late.get for i in late}, _overdue_message,
                             key_name="overdue")

    def _batches(self, db: Session, now: datetime, kind: str, loaders: dict, compose,
                 key_name: str | None = None) -> int:
        """One message per officer for each instant not told yet (``loaders``: instant → its items)."""
        if not loaders:
            return 0
        users = officers(db)
        queued = 0
        for instant, load in loaders.items():
            key = f"{key_name or kind}:{instant.astimezone(timezone.utc).isoformat()}"
            told = db.scalar(select(OutboxMessage.id).where(
                OutboxMessage.dedupe_key.in_([f"{key}:u{u.id}" for u in users])).limit(1))
            if told or not users:
                continue  # (the key is unique per recipient too: racing sweeps add one row each)
            subject, body = compose(self.base, load(instant))
            queued += enqueue(db, self.config, kind, key, users, subject, body + _footer(self.base), now)
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
        deadline = time_module.monotonic() + SEND_BUDGET_S
        for message_id in ids:
            if not self._send_one(message_id, now, result):
                break  # the server refused to talk or failed for now: the rest wait for the next sweep
            if time_module.monotonic() > deadline:
                break  # the release sweep this runs after must not wait long on mail
        return result

    def _send_one(self, message_id: int, now: datetime, result: SweepResult) -> bool:
        """Claim and send one message; False when the server failed for now (stop this round)."""
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
                return True  # another sender has it
            mine = (OutboxMessage.id == message_id, OutboxMessage.state == "sending",
                    OutboxMessage.claimed_at == now)
            try:
                message = self._message(claimed, now)
            except Exception as exc:  # a row no message can be made of: never claimed again and again
                db.execute(update(OutboxMessage).where(*mine)
                           .values(state="failed", last_error=f"not a valid message ({type(exc).__name__})"))
                db.commit()
                result.failed += 1
                log.error("mail %s (%s) to user %s not sent: no valid message can be made of it (%s)", message_id,
                          claimed.kind, claimed.user_id, type(exc).__name__)
                return True
            try:
                mail.send(self.server, message)
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
                return exc.permanent  # a message refused for good does not stop the others
            db.execute(update(OutboxMessage).where(*mine).values(state="sent", sent_at=now, last_error=None))
            db.commit()
            result.sent += 1
            log.info("mail %s (%s) sent to user %s via %s", message_id, claimed.kind, claimed.user_id,
                     self.server.safe())
            return True

    def _message(self, row, now: datetime) -> EmailMessage:
        sender = self.config["MAIL_FROM"]
        message = EmailMessage()
        message["From"] = sender
        message["To"] = row.recipient
        message["Subject"] = f"[FOIA] {row.subject}"
        message["Date"] = format_datetime(now)
        domain = mail.check_address(sender)  # "FOI <foi@example.org>": example.org
        # Stable across retries: a duplicate after a sender died mid-conversation can be recognised.
        message["Message-ID"] = f"<{hashlib.sha256(row.dedupe_key.encode()).hexdigest()[:32]}@{domain}>"
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
        message.set_content(row.body)
        return message


def _review_day(part: Part) -> date:
    """The date that sent a Part 2 to review: its review date, or its release date when that came first."""
    days = [d for d in (part.review_on, part.release_on) if d is not None]
    return min(days) if days else part.updated_at.astimezone(LONDON).date()


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after the 1st, 2nd, 3rd … failed try, at most an hour."""
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))
