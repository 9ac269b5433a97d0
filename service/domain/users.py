"""Managing officers: list, disable, enable, change role, set a password — for ``foia user …`` and the admin page.

Each change is one call that validates, changes and records an audit event (the caller commits). Disabling
ends every session and revokes every API token of the user at once; a new password ends every session (API
tokens stay: they belong to scripts, and ``foia token revoke`` withdraws them). An active administrator must
remain once there is one: the last one cannot be disabled or made an officer (``foia user add … --role admin``
or ``foia user enable`` from the server's shell is the way back in).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.domain import audit, sessions
from service.domain.accounts import MAX_PASSWORD, MIN_PASSWORD, AccountError, hash_password, normalise_email
from service.domain.models import ROLES, ApiToken, User, utcnow

log = logging.getLogger(__name__)


@dataclass
class UserRow:
    id: int
    email: str
    role: str
    active: bool
    created_at: datetime
    last_sign_in_at: datetime | None
    tokens: int  # live API tokens


def find(db: Session, email: str) -> User:
    user = db.scalar(select(User).where(User.email == normalise_email(email or "")))
    if user is None:
        raise AccountError("no user with that e-mail address")
    return user


def list_users(db: Session) -> list[UserRow]:
    live = dict(db.execute(select(ApiToken.user_id, func.count()).where(ApiToken.revoked_at.is_(None))
                           .group_by(ApiToken.user_id)).all())
    return [UserRow(u.id, u.email, u.role, u.active, u.created_at, u.last_sign_in_at, live.get(u.id, 0))
            for u in db.scalars(select(User).order_by(User.email))]


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"the password may have at most {MAX_PASSWORD} characters")


def disable(db: Session, email: str, *, by: User | None, actor: str) -> User:
    """Disable the account: every session ends and every API token is revoked, now."""
    user = find(db, email)
    _keep_an_admin(db, user, active=False, role=user.role)
    user.active = False
    ended = sessions.end_all(db, user.id)
    now = utcnow()
    tokens = db.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))).all()
    for token in tokens:
        token.revoked_at = now
    audit.record(db, "user disabled", user=by, actor=actor, target_user=user.id, sessions=ended,
                 tokens=len(tokens))
    log.info("user %s disabled: %d session(s) ended, %d token(s) revoked", user.id, ended, len(tokens))
    return user


def enable(db: Session, email: str, *, by: User | None, actor: str) -> User:
    """Enable the account again (its old API tokens stay revoked: make new ones)."""
    user = find(db, email)
    user.active = True
    audit.record(db, "user enabled", user=by, actor=actor, target_user=user.id)
    return user


def set_role(db: Session, email: str, role: str, *, by: User | None, actor: str) -> User:
    if role not in ROLES:
        raise AccountError(f"role must be one of: {', '.join(ROLES)}")
    user = find(db, email)
    _keep_an_admin(db, user, active=user.active, role=role)
    old, user.role = user.role, role
    audit.record(db, "user role changed", user=by, actor=actor, target_user=user.id, old=old, new=role)
    return user


def set_password(db: Session, email: str, password: str, *, by: User | None, actor: str) -> User:
    """A new password; every session of the user ends (sign in again with the new one)."""
    check_password_rules(password)
    user = find(db, email)
    user.password_hash = hash_password(password)
    ended = sessions.end_all(db, user.id)
    audit.record(db, "user password set", user=by, actor=actor, target_user=user.id, sessions=ended)
    return user


def _keep_an_admin(db: Session, user: User, *, active: bool, role: str) -> None:
    """Refuse a change that would leave no active administrator where there was one."""
    if not (user.active and user.role == "admin") or (active and role == "admin"):
        return
    others = db.scalar(select(func.count()).select_from(User).where(User.active.is_(True), User.role == "admin",
                                                                   User.id != user.id))
    if not others:
        raise AccountError("this is the last active administrator: make another user an administrator first")
