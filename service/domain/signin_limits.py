"""Bounds on sign-in work: failures per account and address, per account, per address, and hashes at once.

A password check costs Argon2id work (tens of milliseconds of CPU and 64 MiB of memory, on purpose), so an
attacker's attempts must not decide how much of it the service does. Before any hash is computed:

* failures in the last ``SIGN_IN_WINDOW_MIN`` minutes (default 15) are counted for the account *and* address
  (``SIGN_IN_LIMIT``, default 5), for the account from any address (``SIGN_IN_ACCOUNT_LIMIT``, default 20:
  one account tried from many addresses) and for the address against any account
  (``SIGN_IN_ADDRESS_LIMIT``, default 30: one address trying many accounts). Past any of them the attempt
  is refused with 429 and the minutes to wait — no hash is computed;
* at most ``SIGN_IN_CONCURRENCY`` hashes (default 2) run at once in a process; an attempt that cannot get a
  slot within ``SIGN_IN_QUEUE_S`` seconds (default 3) is refused with 503, so a burst of sign-ins cannot
  take every core from the public pages.

Counts live in the database (every instance sees them), keyed by SHA-256 hashes: neither e-mail addresses
nor IP addresses are stored or logged.
"""

from __future__ import annotations

import hashlib
import math
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from service.domain.models import SignInFailure, utcnow


@dataclass(frozen=True)
class Keys:
    pair: str
    account: str
    address: str

    def all(self) -> tuple[str, str, str]:
        return (self.pair, self.account, self.address)


def keys_for(email: str, address: str) -> Keys:
    return Keys(pair=_sha(f"{email}|{address}"),  # the format of the earlier pair-only throttle
                account=_sha(f"account|{email}"), address=_sha(f"address|{address}"))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def wait_minutes(db: Session, keys: Keys, cfg) -> int:
    """Minutes before another attempt may be checked (0: now). Forgets failures older than the window."""
    window = timedelta(minutes=int(cfg["SIGN_IN_WINDOW_MIN"]))
    now = utcnow()
    since = now - window
    db.execute(delete(SignInFailure).where(SignInFailure.at < since))
    wait = 0
    for key, limit in ((keys.pair, cfg["SIGN_IN_LIMIT"]), (keys.account, cfg["SIGN_IN_ACCOUNT_LIMIT"]),
                       (keys.address, cfg["SIGN_IN_ADDRESS_LIMIT"])):
        count, oldest = db.execute(select(func.count(), func.min(SignInFailure.at))
                                   .where(SignInFailure.key == key, SignInFailure.at >= since)).one()
        if count >= int(limit):
            # Wait until enough failures leave the window: the oldest one is the first to go.
            wait = max(wait, max(1, math.ceil((oldest + window - now).total_seconds() / 60)))
    return wait


def record_failure(db: Session, keys: Keys) -> None:
    db.add_all([SignInFailure(key=k) for k in keys.all()])


def clear_after_success(db: Session, keys: Keys) -> None:
    """A good sign-in forgets the failures of this account (the address's count stays: one right
    password among many tries is no reason to let the address go on)."""
    db.execute(delete(SignInFailure).where(SignInFailure.key.in_((keys.pair, keys.account))))


class Busy(Exception):
    """No password-hash slot free in time."""


_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


@contextmanager
def hash_slot(cfg):
    """Hold one of the process's ``SIGN_IN_CONCURRENCY`` password-hash slots; raises :class:`Busy`."""
    size = max(1, int(cfg["SIGN_IN_CONCURRENCY"]))
    with _slots_lock:
        slots = _slots.setdefault(size, threading.BoundedSemaphore(size))
    if not slots.acquire(timeout=max(0.0, float(cfg["SIGN_IN_QUEUE_S"]))):
        raise Busy
    try:
        yield
    finally:
        slots.release()
