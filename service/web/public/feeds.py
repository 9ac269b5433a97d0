"""The Atom feed of publications and Part 2 releases (feedgen) and the iCalendar of upcoming releases
(icalendar). Both are built from :mod:`service.web.public.queries` only, so they show nothing withheld.

Entry ids are tag URIs that never change for the same event, so feed readers do not show it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from service.web.public.queries import Decision
from service.web.public.status import part2_status, sections_phrase

NAME = "Decision papers"


@dataclass(frozen=True)
class Notice:
    """A feed entry for a withdrawal or a correction: only what the public may see of it."""

    kind: str          # "withdrawn" or "updated-v<N>" (the entry id's last part: stable per event)
    slug: str
    day: date          # the date in the entry's tag id
    title: str
    summary: str
    url: str

    def fill(self, entry, when: datetime, host: str) -> None:
        entry.id(f"tag:{host},{self.day.isoformat()}:{self.slug}/{self.kind}")
        entry.updated(when)
        entry.published(when)
        entry.link(href=self.url, rel="alternate", type="text/html")
        entry.title(self.title)
        entry.summary(self.summary)


def _heading(decision: Decision) -> str:
    paper = decision.paper
    return " – ".join(x for x in (paper.reference, paper.title) if x) or paper.slug


def atom(events: list[tuple[datetime, str, Decision]], *, feed_url: str, home_url: str,
         page_url: Callable[[Decision], str], host: str, fallback_updated: datetime) -> bytes:
    fg = FeedGenerator()
    fg.id(home_url)
    fg.title(f"{NAME}: publications and releases")
    fg.subtitle("Decisions published, and confidential parts (Part 2) released when their exemption ends.")
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.link(href=home_url, rel="alternate", type="text/html")
    fg.language("en-GB")
    fg.author({"name": NAME})
    fg.updated(events[0][0] if events else fallback_updated)
    for when, kind, decision in events:
        entry = fg.add_entry(order="append")
        if isinstance(decision, Notice):  # a withdrawal or a correction (service.web.public.lifecycle_feed)
            decision.fill(entry, when, host)
            continue
        entry.id(f"tag:{host},{decision.published_on.isoformat()}:{decision.paper.slug}/{kind}")
        entry.updated(when)
        entry.published(when)
        entry.link(href=page_url(decision), rel="alternate", type="text/html")
        if kind == "published":
            entry.title(f"Published: {_heading(decision)}")
            entry.summary(decision.paper.summary or _heading(decision))
        else:
            entry.title(f"Part 2 released: {_heading(decision)}")
            entry.summary(f"The confidential part (Part 2) of {decision.paper.reference or 'this decision'} "
                          f"is now published. {part2_status(decision.part2).words}.")
    return fg.atom_str(pretty=False)


def calendar(decisions: list[Decision], *, page_url: Callable[[Decision], str], host: str,
             stamp: datetime) -> bytes:
    """One all-day event per Part 2 due for release, on its release date."""
    cal = Calendar()
    cal.add("prodid", f"-//{host}//{NAME}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{NAME}: upcoming releases")
    cal.add("x-wr-timezone", "Europe/London")
    for decision in decisions:
        part2 = decision.part2
        day: date = part2.release_on
        event = Event()
        event.add("uid", f"part2-release-{decision.paper.slug}@{host}")
        event.add("dtstamp", (part2.updated_at or stamp).astimezone(timezone.utc))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"Part 2 of {decision.paper.reference or decision.paper.slug} due for release")
        why = sections_phrase(part2.exemptions)
        event.add("description", f"{_heading(decision)}\n"
                                 f"Withheld{' under ' + why if why else ''} until this date.\n{page_url(decision)}")
        event.add("url", page_url(decision))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def search_atom(decisions: list[Decision], *, search_words: str, feed_url: str, home_url: str,
                page_url: Callable[[Decision], str], host: str, fallback_updated: datetime) -> bytes:
    """The feed of one search: its newest decisions, one entry each (the same ids as the main feed's
    "published" entries, so a reader following both sees a decision once)."""
    fg = FeedGenerator()
    fg.id(feed_url)
    fg.title(f"{NAME}: {search_words}")
    fg.subtitle(f"Decisions matching {search_words}, newest first.")
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.link(href=home_url, rel="alternate", type="text/html")
    fg.language("en-GB")
    fg.author({"name": NAME})
    fg.updated(decisions[0].published_at if decisions else fallback_updated)
    for decision in decisions:
        entry = fg.add_entry(order="append")
        entry.id(f"tag:{host},{decision.published_on.isoformat()}:{decision.paper.slug}/published")
        entry.updated(max(t for t in (decision.published_at, decision.part2.released_at if decision.part2_public
                                      else None) if t is not None))
        entry.published(decision.published_at)
        entry.link(href=page_url(decision), rel="alternate", type="text/html")
        entry.title(_heading(decision))
        entry.summary(f"{decision.paper.summary or _heading(decision)} {part2_status(decision.part2).words.rstrip('.')}.")
    return fg.atom_str(pretty=False)
