"""Bounds on what one officer can make the service do at once (beyond the upload size and page limits).

``UPLOADS_IN_FLIGHT`` (default 3): papers of one officer waiting for analysis or being analysed. A further
upload is refused with 429 and a message saying to wait, before the file is even checked — so one account
cannot queue hundreds of analyses in front of everyone else. The count before the check is a quick early
refusal; :func:`keep_within_limit` counts again once the paper is stored, so uploads sent in parallel
(which all pass the first count before any is stored) cannot get past it: the earliest ids keep their
place, the others are removed again and refused. Page images are bounded in
:func:`service.infra.pdftasks.page_scale` (``MAX_PAGE_PIXELS``), page sizes in :mod:`redaction.limits`.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.domain.models import Paper, User

IN_FLIGHT_STATES = ("uploaded", "analysing")


class TooManyUploads(Exception):
    """A refused upload (429); ``message`` is user-safe."""

    def __init__(self, limit: int):
        self.message = (f"You already have {limit} paper{'s' if limit != 1 else ''} waiting for analysis. "
                        "Wait for one to finish, then upload again.")
        super().__init__(self.message)


def check_upload_slot(db: Session, user: User, cfg) -> None:
    limit = int(cfg["UPLOADS_IN_FLIGHT"])
    busy = db.scalar(select(func.count()).select_from(Paper)
                     .where(Paper.uploaded_by == user.id, Paper.state.in_(IN_FLIGHT_STATES)))
    if busy >= limit:
        raise TooManyUploads(limit)


def keep_within_limit(db: Session, paper: Paper, user: User, cfg, *, actor: str) -> None:
    """After ``paper`` is stored: when more than the limit of this officer's papers up to it are waiting,
    remove it again (file and row; the audit trail says why) and raise :class:`TooManyUploads`."""
    limit = int(cfg["UPLOADS_IN_FLIGHT"])
    db.commit()  # a fresh read: count what the other uploads have stored meanwhile
    ahead = db.scalar(select(func.count()).select_from(Paper)
                      .where(Paper.uploaded_by == user.id, Paper.state.in_(IN_FLIGHT_STATES), Paper.id <= paper.id))
    if ahead <= limit:
        return
    from service.domain import audit
    from service.domain.papers import storage

    storage().delete(paper.original_key)
    audit.record(db, "upload refused", user=user, actor=actor, paper_id=paper.id, reason="too many uploads in flight")
    db.delete(paper)
    db.commit()
    raise TooManyUploads(limit)
