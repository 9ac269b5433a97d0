"""The Atom feed's entries for withdrawals and corrections (:class:`service.web.public.feeds.Notice`).

A withdrawal entry names the decision by its reference (or slug) and gives the date and the public
reason; the decision's own entries leave the feed with it. A correction entry ("Updated: …") gives the
officer's note and points at the decision's page, which serves the corrected files.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from sqlalchemy.orm import Session

from service.infra.uk_dates import uk_date
from service.web.public import lifecycle_queries, queries as public_queries
from service.web.public.feeds import Notice
from service.domain.public_words import plain_line  # words stored before they were cleaned must not break the feed


def heading(d: public_queries.Decision) -> str:
    return " – ".join(x for x in (d.paper.reference, d.paper.title) if x) or d.paper.slug


def notices(db: Session, url_of: Callable[[str], str], limit: int = 50) -> list[tuple[datetime, str, Notice]]:
    """(when, kind, notice) for recent withdrawals and corrections, newest first."""
    out: list[tuple[datetime, str, Notice]] = []
    for w in lifecycle_queries.recent_withdrawals(db, limit):
        name = w.reference or w.slug
        out.append((w.withdrawn_at, "withdrawn", Notice(
            "withdrawn", w.slug, w.withdrawn_on, f"Withdrawn: {name}",
            f"This decision was withdrawn on {uk_date(w.withdrawn_on)}. {plain_line(w.reason or '')}",
            url_of(w.slug))))
    for u in lifecycle_queries.recent_updates(db, limit):
        d = public_queries.get(db, u.slug)
        if d is None:  # not public (a deferred Part 1): nothing to announce
            continue
        out.append((u.at, "updated", Notice(
            f"updated-v{u.version}", u.slug, d.published_on, f"Updated: {heading(d)}",
            f"Updated on {uk_date(u.on)}: {plain_line(u.note or '') or 'the published files were corrected'}."
            .replace("..", "."),
            url_of(u.slug))))
    out.sort(key=lambda e: e[0], reverse=True)
    return out[:limit]


def merged(events: list, extra: list, limit: int = 50) -> list:
    """The feed's events and these, newest first (stable: equal times keep their order)."""
    return sorted([*events, *extra], key=lambda e: e[0], reverse=True)[:limit]
