"""Users, passwords and API tokens.

Passwords are hashed with Argon2id (argon2-cffi): the memory-hard algorithm OWASP recommends first, with
a random salt and its parameters kept inside each hash, so they can be raised later and old hashes
upgraded on the next sign-in (``check_needs_rehash``). API tokens are 256-bit random strings: a plain
SHA-256 of one is enough to look it up and cannot be reversed, so only that hash is stored.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.domain.models import ROLES, ApiToken, User, utcnow

log = logging.getLogger(__name__)

_hasher = PasswordHasher()
# Verifying against this when the account does not exist keeps the timing of both answers alike.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TOKEN_PREFIX = "foia_"
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # sign-in reads at most this many characters: a longer password could never be typed in


class AccountError(ValueError):
    """A user-safe reason an account could not be created or changed."""


def use_password_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Hash and check with ``hasher`` from now on; returns the one it replaces. The test suite uses cheap
    parameters (its hashes prove nothing about strength and cost it minutes); the service never calls
    this, so production keeps argon2-cffi's defaults. Hashes made under other parameters still verify
    (each carries its own) and are upgraded on the next sign-in."""
    global _hasher, _DUMMY_HASH
    previous, _hasher = _hasher, hasher
    _DUMMY_HASH = hasher.hash(secrets.token_hex(16))
    return previous


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(session: Session, email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None. Upgrades an outdated hash."""
    user = session.scalar(select(User).where(User.email == normalise_email(email)))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(session: Session, email: str, password: str, role: str = "officer") -> User:
    email = normalise_email(email)
    if not _EMAIL.match(email):
        raise AccountError("that is not an e-mail address")
    if role not in ROLES:
        raise AccountError(f"role must be one of: {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"the password may have at most {MAX_PASSWORD} characters")
    if session.scalar(select(User).where(User.email == email)):
        raise AccountError("a user with that e-mail address already exists")
    user = User(email=email, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    return user


def create_token(session: Session, email: str, label: str = "") -> str:
    """Make a token for the user; returns the token itself, which is shown once and never stored."""
    user = session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or not user.active:
        raise AccountError("no active user with that e-mail address")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=token_hash(token), label=label[:100]))
    session.flush()
    return token


def revoke_tokens(session: Session, email: str) -> int:
    """Withdraw every live token of the user; returns how many were withdrawn."""
    user = session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise AccountError("no user with that e-mail address")
    live = session.scalars(select(ApiToken).where(ApiToken.user_id == user.id,
                                                  ApiToken.revoked_at.is_(None))).all()
    for row in live:
        row.revoked_at = utcnow()
    return len(live)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def user_for_token(session: Session, token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token),
                                                ApiToken.revoked_at.is_(None)))
    if row is None or not row.user.active:
        return None
    row.last_used_at = utcnow()
    return row.user
