"""What is withheld, why and until when, in plain words for the public pages, the feed and the API.

"Withheld under section 43 (commercial interests) until 30 September 2027", "Released on 1 April 2025",
"Withheld: under review". Redactions are described by counts only — by exemption, by page, by kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from redaction.foia import SCHEDULE_12A_ACT, SECTIONS

from service.domain.models import Part
from service.domain.redaction_words import KINDS, kinds_phrase  # noqa: F401 (the public pages' words)
from service.infra.uk_dates import LONDON, uk_date

_LABEL = re.compile(r"^s(?P<section>\d+[A-Z]?)(?P<sub>\(\d+\))?$")
_SCHEDULE_12A = re.compile(r"^Sch12A para (?P<paragraph>\d+)$")  # redaction.foia.schedule_12a_section


@dataclass(frozen=True)
class Part2Status:
    """``state`` is what the public sees: ``none``, ``withheld``, ``review`` or ``released``."""

    state: str
    words: str
    short: str  # for a tag in the list
    # A released Part 2: under what it was withheld, until when, and how it came out ("Withheld under section 43
    # (commercial interests) until 1 April 2025; released automatically on 1 April 2025"). Empty otherwise.
    history: str = ""

    @property
    def public(self) -> bool:
        return self.state == "released"


def section_title(section: str, title: str | None = None) -> str:
    base = re.match(r"\d+[A-Z]?", section or "")
    return (title or SECTIONS.get(base.group(0) if base else "", "") or "").strip().lower()


def sections_phrase(exemptions: list[dict] | None) -> str:
    """'section 43 (commercial interests)' or 'sections 31 (law enforcement) and 43 (commercial interests)';
    Schedule 12A paragraphs once each, as a paper writes them: 'Schedule 12A paragraphs 1, 2 and 7 (Local
    Government Act 1972)' (never 'sections Sch12A para 1 (local government act 1972, schedule 12a …)')."""
    seen: dict[str, str] = {}
    paragraphs: list[str] = []
    for e in exemptions or []:
        section = str(e.get("section") or "").strip()
        schedule = _SCHEDULE_12A.match(section)
        if schedule:
            if schedule["paragraph"] not in paragraphs:
                paragraphs.append(schedule["paragraph"])
        elif section and section not in seen:
            seen[section] = section_title(section, e.get("title"))
    phrases = []
    if seen:
        items = [f"{s} ({t})" if t else s for s, t in seen.items()]
        phrases.append(("section " if len(items) == 1 else "sections ") + _and(items))
    if paragraphs:
        numbers = sorted(paragraphs, key=int)
        phrases.append(f"Schedule 12A paragraph{'s' if len(numbers) > 1 else ''} {_and(numbers)} ({SCHEDULE_12A_ACT})")
    return " and ".join(phrases)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def part2_status(part2: Part | None) -> Part2Status:
    if part2 is None:
        return Part2Status("none", "There is no Part 2: the whole decision is published.", "No Part 2")
    if part2.in_file is False:
        return _not_in_file(part2)
    if part2.state == "released":
        when = released_on(part2)
        return Part2Status("released", f"Released on {uk_date(when)}", "Part 2 released",
                           history=release_history(part2, when))
    if part2.state == "review":
        return Part2Status("review", "Withheld: under review", "Part 2 under review")
    phrase = sections_phrase(part2.exemptions)
    withheld = f"Withheld under {phrase}" if phrase else "Withheld"
    if part2.state == "withheld" and part2.release_on:
        return Part2Status("withheld", f"{withheld} until {uk_date(part2.release_on)}",
                           f"Part 2 withheld until {uk_date(part2.release_on)}")
    if part2.state == "withheld" and part2.review_on:
        review = part2.review_on
        # A month-only review date ("to be reviewed in March 2027") is kept as the 1st of the month.
        when = f"in {review:%B %Y}" if review.day == 1 else f"on {uk_date(review)}"
        return Part2Status("withheld", f"{withheld}: to be reviewed {when}", "Part 2 withheld")
    return Part2Status("withheld", f"{withheld} until further notice", "Part 2 withheld")


def released_on(part2: Part) -> date | None:
    """The London date a released Part 2 became public (its release date when the time was not kept)."""
    return part2.released_at.astimezone(LONDON).date() if part2.released_at else part2.release_on


def release_history(part2: Part, when: date | None) -> str:
    """What a released Part 2 was withheld under and until when, and how it was released, from the stored
    exemptions and dates (a release keeps them): the public page said only "Released on …".

    "Automatically" only when it came out on its exemption date with no review asked for (the clock's release);
    before that date an officer released it early; after it (a date already past at publication, a review) it
    is simply released on that day. Nothing here is read from the paper's text.
    """
    phrase = sections_phrase(part2.exemptions)
    withheld = f"Withheld under {phrase}" if phrase else "Withheld"
    until, review = part2.release_on, part2.review_on
    if until is not None:
        withheld += f" until {uk_date(until)}"
    elif review is not None:
        withheld += f", to be reviewed {f'in {review:%B %Y}' if review.day == 1 else f'on {uk_date(review)}'}"
    if when is None:
        return f"{withheld}; now released"
    if until is not None and review is None and when == until:
        how = "released automatically on"
    elif until is not None and when < until:
        how = "released early on"
    elif review is not None:
        how = "released after review on"
    else:
        how = "released on"
    return f"{withheld}; {how} {uk_date(when)}"


@dataclass(frozen=True)
class _Stand:
    """A Part 2 with only what its tag depends on (see :func:`part2_tag`)."""
    state: str
    in_file: bool
    release_on: date | None
    released_at: None = None
    review_on: None = None
    exemptions: None = None


def part2_tag(part2: Part | None) -> tuple[str, str]:
    """``(state, short)`` of :func:`part2_status` for a result in the list: the same values, worked out once per
    state, place in the file and release date (a list shows twenty of them; the words are not needed)."""
    if part2 is None:
        return _tag(None, True, None)
    in_file = part2.in_file is not False
    return _tag(part2.state, in_file, part2.release_on if part2.state == "withheld" else None)


@lru_cache(maxsize=1024)
def _tag(state: str | None, in_file: bool, release_on: date | None) -> tuple[str, str]:
    status = part2_status(None if state is None else _Stand(state, in_file, release_on))
    return status.state, status.short


def _not_in_file(part2: Part) -> Part2Status:
    """A Part 2 the paper refers to but that was not in the uploaded file: withheld, never downloadable here."""
    phrase = sections_phrase(part2.exemptions)
    under = f" under {phrase}" if phrase else ""
    if part2.state == "released":
        return Part2Status("released", "Part 2 is no longer exempt but is not available online: "
                           "you can ask us for a copy", "Part 2 on request")
    if part2.state == "review":
        return Part2Status("review", f"Part 2 is withheld{under} and is not published here: "
                           "it is under review", "Part 2 under review")
    until = f" until {uk_date(part2.release_on)}" if part2.state == "withheld" and part2.release_on else ""
    short = f"Part 2 withheld{until}"
    if not until and part2.state == "withheld" and part2.review_on:
        review = part2.review_on
        until = f" (to be reviewed {f'in {review:%B %Y}' if review.day == 1 else f'on {uk_date(review)}'})"
    return Part2Status("withheld", f"Part 2 is withheld{under}{until} and is not published here", short)


def exemption_label(label: str) -> str:
    """'s40(2)' → 'Section 40(2) (personal information)'; anything else is shown as given."""
    match = _LABEL.match(label or "")
    if not match:
        return label or "Not stated"
    section = match["section"] + (match["sub"] or "")
    title = section_title(match["section"])
    return f"Section {section} ({title})" if title else f"Section {section}"


@dataclass(frozen=True)
class RedactionSummary:
    total: int
    kinds: str
    by_exemption: list[tuple[str, int]]   # (label in words, count)
    by_page: list[tuple[int, int]]        # (page of this part, count)
    passages: int                         # officer-chosen texts removed wherever they occurred


def redaction_summary(part: Part | None) -> RedactionSummary | None:
    counts = (part.redactions if part else None) or {}
    if not counts:
        return None
    by_page = sorted((int(p), n) for p, n in (counts.get("by_page") or {}).items() if n and str(p).isdigit())
    by_exemption = sorted(((exemption_label(k), n) for k, n in (counts.get("by_exemption") or {}).items() if n),
                          key=lambda x: (-x[1], x[0]))
    return RedactionSummary(total=int(counts.get("total") or 0), kinds=kinds_phrase(counts.get("by_type")),
                            by_exemption=by_exemption, by_page=by_page, passages=int(counts.get("texts") or 0))
