"""Server-side sign-in sessions: the cookie names a row here, and a request is signed in only while it lives.

The signed cookie carries a random 256-bit session id; the database keeps only its SHA-256, the user and two
times. A session ends when:

* the officer signs out (that row is deleted),
* their password changes or an administrator disables them (every row of theirs is deleted, see
  :mod:`service.domain.users`),
* it has been idle longer than ``SESSION_IDLE_MIN`` minutes (default 60), or
* it is older than ``SESSION_HOURS`` hours (default 8), however busy.

So a cookie copied before any of these opens nothing afterwards, on any instance (the rows are shared).
``last_seen_at`` is written at most once a minute per session, not on every request.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service.domain.models import User, UserSession, utcnow

log = logging.getLogger(__name__)

TOUCH_EVERY = timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def start(db: Session, user: User) -> str:
    """A new session for the user; returns the secret id for the cookie (never stored)."""
    secret = secrets.token_urlsafe(32)
    db.add(UserSession(user_id=user.id, token_hash=_hash(secret)))
    db.flush()
    return secret


def user_for(db: Session, secret: str | None, *, idle: timedelta, absolute: timedelta,
             now: datetime | None = None) -> User | None:
    """The active user of a live session, or None (an expired session's row is deleted on the way)."""
    if not isinstance(secret, str) or not secret or len(secret) > 100:
        return None
    now = now or utcnow()
    row = db.scalar(select(UserSession).where(UserSession.token_hash == _hash(secret)))
    if row is None:
        return None
    if now - row.created_at > absolute or now - row.last_seen_at > idle:
        db.delete(row)
        db.commit()
        return None
    user = db.get(User, row.user_id)
    if user is None or not user.active:
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        db.commit()
    return user


def end(db: Session, secret: str | None) -> None:
    """Sign-out: this session only."""
    if isinstance(secret, str) and secret:
        db.execute(delete(UserSession).where(UserSession.token_hash == _hash(secret)))


def end_all(db: Session, user_id: int) -> int:
    """Every session of the user (password changed, account disabled); returns how many ended."""
    return db.execute(delete(UserSession).where(UserSession.user_id == user_id)).rowcount or 0


def live_count(db: Session, user_id: int, *, idle: timedelta, absolute: timedelta) -> int:
    now = utcnow()
    rows = db.scalars(select(UserSession).where(UserSession.user_id == user_id)).all()
    return sum(1 for r in rows if now - r.created_at <= absolute and now - r.last_seen_at <= idle)


def purge_expired(db: Session, *, idle: timedelta, absolute: timedelta) -> int:
    """Delete sessions past either lifetime (called on sign-in; expired rows open nothing anyway)."""
    now = utcnow()
    return db.execute(delete(UserSession).where((UserSession.created_at < now - absolute)
                                                | (UserSession.last_seen_at < now - idle))).rowcount or 0
