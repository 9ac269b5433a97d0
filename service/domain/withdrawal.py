"""Withdrawing a published decision: it leaves the public site at once, with a public notice in its place.

``withdraw(db, paper, user, reason)`` is one transaction: a guarded ``UPDATE papers SET state='withdrawn'
… WHERE id = … AND state = 'published'`` (a double-click or a second officer withdraws nothing twice), the
parts taken down and their scheduled releases cancelled (:mod:`service.domain.retiring`), and the audit events.
Afterwards ``/decisions/<slug>``, its ``part1.pdf``/``part2.pdf`` and ``/api/v1/decisions/<slug>`` answer
410 Gone with the date and the reason; the paper is out of the list, the search, the calendar and the JSON
list (they all read :mod:`service.web.public.queries`, which only shows ``published`` papers); the Atom feed
gets a withdrawal entry. The files, the analysis and the history stay for the officers.

The reason is public, so like the title it may not hold any value the paper (or an earlier version of it)
redacted: :func:`withdraw` refuses, naming no value. Nor may it quote a part that is still withheld (a Part 2
not released, a deferred Part 1): refused the same way.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask import current_app
from sqlalchemy import update
from sqlalchemy.orm import Session

from service.domain import audit, notifications, search_index
from service.domain.models import Paper, User, utcnow
from service.domain.public_words import plain_line
from service.domain.redacted_text import QUOTE_WORDS, holds_redacted_text, quotes_withheld_text
from service.domain.retiring import retire_parts
from service.infra.uk_dates import LONDON, uk_date

log = logging.getLogger(__name__)

MIN_REASON, MAX_REASON = 10, 1000


class WithdrawError(Exception):
    """The withdrawal was refused; ``str()`` is user-safe. ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.message, self.status = message, status


def clean_reason(reason: object) -> str:
    """The reason as it will be shown: one line of plain words, within the length limits."""
    if not isinstance(reason, str):
        raise WithdrawError("Give the reason for withdrawing as text: it is shown on the public page.", 400)
    text = plain_line(reason)
    if len(text) < MIN_REASON:
        raise WithdrawError("Give the reason for withdrawing in a few words: it is shown on the public page.",
                            400)
    if len(text) > MAX_REASON:
        raise WithdrawError(f"Keep the reason under {MAX_REASON} characters.", 400)
    return text


def withdraw(db: Session, paper: Paper, user: User, reason: object, *, actor: str,
             now: datetime | None = None) -> dict:
    """Withdraw a published paper; returns :func:`withdrawal_json`. Raises :class:`WithdrawError`."""
    now = now or utcnow()
    text = clean_reason(reason)
    if paper.state == "withdrawn":
        raise WithdrawError("This decision is already withdrawn.", 409)
    if paper.state != "published":
        raise WithdrawError("Only a published decision can be withdrawn. An unpublished paper can be "
                            "discarded instead.", 409)
    if holds_redacted_text(db, paper, text):
        audit.record(db, "withdrawal refused", user=user, actor=actor, paper_id=paper.id, code="leak")
        db.commit()
        raise WithdrawError("Nothing was withdrawn: the reason contains text that was redacted from this "
                            "paper, and the reason is public. Write it without that text.", 422)
    if quotes_withheld_text(paper, text):  # a withheld Part 2 (or deferred Part 1) quoted in a public reason
        audit.record(db, "withdrawal refused", user=user, actor=actor, paper_id=paper.id, code="withheld")
        db.commit()
        raise WithdrawError("Nothing was withdrawn: the reason quotes words from a part that is still withheld, "
                            f"and the reason is public. Write it in your own words (fewer than {QUOTE_WORDS} "
                            "words in a row from the paper).", 422)
    try:
        claimed = db.execute(update(Paper).where(Paper.id == paper.id, Paper.state == "published")
                             .values(state="withdrawn", withdrawn_at=now, withdrawn_reason=text,
                                     withdrawn_by=user.id, updated_at=now)
                             .execution_options(synchronize_session=False))
        if claimed.rowcount != 1:
            db.rollback()
            raise WithdrawError("This decision changed while you were looking at it (perhaps another officer "
                                "withdrew or corrected it). Look at it again.", 409)
        counts = retire_parts(db, paper.id, "withdrawn", now=now, actor=actor, user_id=user.id)
        search_index.remove(db, paper.id)  # out of the full-text index in the same transaction
        audit.record(db, "withdrawn", user=user, actor=actor, paper_id=paper.id, slug=paper.slug,
                     reason=text, **counts)
        db.refresh(paper)  # the guarded update wrote withdrawn_at past the ORM
        notifications.withdrawn(db, current_app.config, paper, user, counts)  # queued in this transaction
        db.commit()
    except WithdrawError:
        raise
    except BaseException:
        db.rollback()
        raise
    db.expire(paper)
    for part in paper.parts:
        db.expire(part)
    log.info("paper %s withdrawn (%s parts taken down, %s releases cancelled)", paper.id,
             counts["taken_down"], counts["cancelled"])
    return withdrawal_json(paper)


def notice(paper: Paper) -> str:
    """"This decision was withdrawn on 1 December 2026" (the day in London)."""
    return f"This decision was withdrawn on {uk_date(withdrawn_on(paper))}"


def withdrawn_on(paper: Paper):
    return paper.withdrawn_at.astimezone(LONDON).date()


def withdrawal_json(paper: Paper) -> dict:
    """What the public may know of a withdrawn decision (its reference and slug, never its title)."""
    return {"slug": paper.slug, "reference": paper.reference, "state": "withdrawn",
            "withdrawn_on": withdrawn_on(paper).isoformat(), "reason": paper.withdrawn_reason,
            "notice": notice(paper)}
