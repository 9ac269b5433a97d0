"""How a check fails: one typed error naming the check and where, never the value found."""

from __future__ import annotations

import logging
from typing import NoReturn

from ..errors import LeakDetected

log = logging.getLogger("redaction.verify")


def fail(check: str, part: int, page: int | None = None, reason: str | None = None) -> NoReturn:
    where = (f"part {part}" if part else "the input") + (f", page {page}" if page else "")
    detail = f": {reason}" if reason else ""
    log.error("verification failed: %s (%s)%s", check, where, detail)
    raise LeakDetected(f"verification failed: {check} ({where}){detail}; nothing was published", [check])
