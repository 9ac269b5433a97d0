"""The database: users, API tokens, papers, their parts, sign-in failures and the audit log (SQLAlchemy 2).

Nothing here stores personal data found in a paper outside the paper's own analysis and decisions (which
officers need to review it): part summaries hold counts, audit details hold ids, counts and states.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint, text, true)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from service.domain.states import PaperState


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class AwareDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite hands them back naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime stored; use utcnow()")
        if value is None:
            return None
        value = value.astimezone(timezone.utc)
        # SQLite keeps text: store every instant naive in UTC so comparisons stay correct.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


ROLES = ("officer", "admin")
# The states and the moves between them: service.domain.states. After publication (migration 0004): a
# withdrawn paper and its parts are gone from every public list and answer 410; a superseded paper is an
# earlier version replaced by a correction (service.domain.versions).
LIFECYCLE_STATES = (PaperState.WITHDRAWN, PaperState.SUPERSEDED)


class User(Base):
    __tablename__ = "users"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused (migration 0006)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="officer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(AwareDateTime)

    tokens: Mapped[list["ApiToken"]] = relationship(back_populates="user", cascade="all, delete-orphan")


class ApiToken(Base):
    """A bearer token for scripts. Only a SHA-256 of the (256-bit random) token is kept."""

    __tablename__ = "api_tokens"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(AwareDateTime)

    user: Mapped[User] = relationship(back_populates="tokens")


class Paper(Base):
    """One uploaded decision paper, from upload through analysis and review to publication."""

    __tablename__ = "papers"
    __table_args__ = (Index("ix_papers_state_updated", "state", "updated_at"),  # migration 0002
                      {"sqlite_autoincrement": True})  # a discarded paper's id is never given again (0006)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)  # given at publication
    reference: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(500))
    summary: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="uploaded", index=True)
    original_key: Mapped[str | None] = mapped_column(String(200))  # storage key; never served publicly
    original_name: Mapped[str] = mapped_column(String(200), default="paper.pdf")  # display only
    original_size: Mapped[int] = mapped_column(Integer, default=0)
    original_sha256: Mapped[str | None] = mapped_column(String(64), index=True)  # migration 0008; same-file notice
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    page_sizes: Mapped[list | None] = mapped_column(JSON)  # [[width, height], ...] in PDF points
    analysis: Mapped[dict | None] = mapped_column(JSON)
    decisions: Mapped[dict | None] = mapped_column(JSON)  # redaction.decisions.Decisions JSON shape
    preview: Mapped[dict | None] = mapped_column(JSON)    # {"state", "decisions_hash", "error", "report"}
    error: Mapped[str | None] = mapped_column(String(500))  # user-safe message
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, onupdate=utcnow)
    analysed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    published_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    # After publication (migration 0004; domain/withdrawal.py, domain/versions.py, domain/decision_log.py).
    withdrawn_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)  # public: checked for redacted text
    withdrawn_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("papers.id", ondelete="SET NULL"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    version_note: Mapped[str | None] = mapped_column(Text)  # public "what changed": checked for redacted text
    superseded_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    decision_log: Mapped[dict | None] = mapped_column(JSON)  # who decided each redaction and when (officers)

    parts: Mapped[list["Part"]] = relationship(back_populates="paper", cascade="all, delete-orphan",
                                               order_by="Part.number")
    uploader: Mapped[User | None] = relationship(foreign_keys=[uploaded_by])

    def part(self, number: int) -> "Part | None":
        return next((p for p in self.parts if p.number == number), None)


class Part(Base):
    """Part 1 (draft → scheduled → published) or Part 2 (withheld → review | released | held) of a paper."""

    __tablename__ = "parts"
    __table_args__ = (UniqueConstraint("paper_id", "number"),
                      # the public list and its change fingerprint (migration 0002)
                      Index("ix_parts_public_list", "number", "state", "released_at", "paper_id", "updated_at"),
                      Index("ix_parts_paper_number", "paper_id", "number", "state", "updated_at"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    file_key: Mapped[str | None] = mapped_column(String(200))  # the redacted, verified file
    # False: a Part 2 the paper names ("exempt by section 43(2)") but that was not in the uploaded file.
    in_file: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    size: Mapped[int] = mapped_column(Integer, default=0)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    publish_on: Mapped[date | None] = mapped_column(Date)   # Part 1 deferred until
    release_on: Mapped[date | None] = mapped_column(Date, index=True)  # Part 2 exempt until
    review_on: Mapped[date | None] = mapped_column(Date)    # Part 2 to be reviewed in
    released_at: Mapped[datetime | None] = mapped_column(AwareDateTime)  # when it became public
    exemptions: Mapped[list | None] = mapped_column(JSON)   # [{"section", "title", "until", "review"}]
    redactions: Mapped[dict | None] = mapped_column(JSON)   # counts by type/exemption/page, never values
    text: Mapped[str | None] = mapped_column(Text)           # Part 1's redacted plain text, for search
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, onupdate=utcnow)

    paper: Mapped[Paper] = relationship(back_populates="parts")


class AuditEvent(Base):
    """Who did what and when. ``details`` holds ids, counts, states and dates — never personal data."""

    __tablename__ = "audit_events"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(32))  # "officer", "api", "cli", "scheduler"
    action: Mapped[str] = mapped_column(String(64))
    # No foreign key: the trail outlives a discarded paper.
    paper_id: Mapped[int | None] = mapped_column(Integer, index=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    user: Mapped[User | None] = relationship()


class SignInFailure(Base):
    """A failed sign-in, keyed by a hash of account and address (the throttle's memory)."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)

class ApprovalRequest(Base):
    """A publication waiting for a second officer (``FOIA_APPROVAL=two-person``; :mod:`service.domain.approval`).

    ``files`` are the verified outputs, stored when approval was asked (``{"1": {"key", "sha256", "size",
    "pages"}, "2": …}``): the approver opens exactly these and exactly these bytes are published.
    ``fingerprint`` covers what was reviewed (decisions, analysis, original, public fields); any change
    makes the request out of date. ``note`` is the officer's reason for returning it (officers only).
    """

    __tablename__ = "approval_requests"  # migration 0005
    __table_args__ = (Index("ix_approval_requests_paper", "paper_id", "state"),
                      Index("uq_approval_requests_awaiting", "paper_id", unique=True,
                            sqlite_where=text("state = 'awaiting'"), postgresql_where=text("state = 'awaiting'")))

    id: Mapped[int] = mapped_column(primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("papers.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16))  # awaiting, approved, returned, withdrawn, superseded, failed
    fingerprint: Mapped[str] = mapped_column(String(64))
    folder: Mapped[str] = mapped_column(String(200))   # storage folder of the files
    files: Mapped[dict] = mapped_column(JSON)
    part2_read: Mapped[dict | None] = mapped_column(JSON)  # the redaction report's Part 2 (officer's start)
    part1_text: Mapped[str | None] = mapped_column(Text)   # Part 1's redacted text, for search
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    note: Mapped[str | None] = mapped_column(Text)

    paper: Mapped[Paper] = relationship()
    requester: Mapped[User | None] = relationship(foreign_keys=[requested_by])
    decider: Mapped[User | None] = relationship(foreign_keys=[decided_by])


class OutboxMessage(Base):
    """An e-mail waiting for the scheduler to send it (:mod:`service.domain.notifications`). Officer-only
    content: titles, references, dates and links, never text from a paper's body or its redactions."""

    __tablename__ = "mail_outbox"  # migration 0005
    __table_args__ = (Index("ix_mail_outbox_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)  # one message per event and recipient
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending, sending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime)


class UserSession(Base):
    """A signed-in browser session: the cookie holds a random id, only its SHA-256 is kept here. Signing out,
    a password change and disabling the account delete the rows (see :mod:`service.domain.sessions`)."""

    __tablename__ = "user_sessions"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(AwareDateTime, default=utcnow)
