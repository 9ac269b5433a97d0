"""The dates of a Part 2's exemptions: "exempt until 01/04/2025" releases on that day, "to be reviewed in
March 2027" asks an officer then. Which words make a date which kind is the table :data:`DATE_RULES`.

A date belongs to the sections claimed in its own sentence; a date in a sentence that names none belongs to
the sections claimed since the previous date of its kind ("Section 31 …: exempt until A. Section 43 …:
exempt until B."); a date that still has no section is general and applies to every exemption without
one of its kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from ..dates import find_dates
from .exemptions import Claims, Place
from .model import Exemption
from .text import sentence_bounds, shown

# The words that make a date an exemption's date sit just before it ("exempt until", "review date:").
WORDS_BEFORE = 60

_UNTIL_BEFORE = re.compile(r"(?:\buntil\s*:?|\b(?:released|published|disclosed|made\s+public)\s*(?:on|after|from|:)"
                           r"|\bno\s+earlier\s+than|\brelease\s+date\s*:?|\bexpir(?:es|y)(?:\s+(?:on|date))?\s*:?)"
                           r"\s*(?:at\s+least\s+)?(?:the\s+)?(?P<end>end\s+of\s+)?$", re.IGNORECASE)
_REVIEW_BEFORE = re.compile(r"\breview(?:ed)?\s*(?:date)?\s*(?:is\s+)?(?:due\s+)?(?:in|on|by|at|after|from|:)?"
                            r"\s*(?:the\s+)?(?P<end>end\s+of\s+)?$", re.IGNORECASE)
# A date's sentence must be about withholding, or the date is some other date ("the contract starts on …").
_EXEMPTION_WORDS = re.compile(r"exempt|withheld|withhold|confidential|publication|publish|disclos|release|"
                              r"review|FOIA|Freedom\s+of\s+Information|closed", re.IGNORECASE)


@dataclass(frozen=True)
class DateRule:
    kind: str  # "until" (released on the date) or "review" (an officer reviews it; it stays withheld)
    before: re.Pattern  # the words just before the date; group "end": "end of March 2027" is 1 April 2027
    pick: Callable[[Iterable[date]], date]  # of several dates of this kind for one exemption
    general_shown: int  # which of several general dates' sentences is shown (its index in reading order)


# Checked in order: the first rule whose words come before a date gives its kind.
DATE_RULES = (
    # A Part 2 with several release dates is released when the last of them expires.
    DateRule("until", _UNTIL_BEFORE, max, general_shown=-1),
    # The earliest review comes first: an officer looks at it then.
    DateRule("review", _REVIEW_BEFORE, min, general_shown=0),
)


@dataclass(frozen=True)
class NoticeDate:
    rule: DateRule
    value: date
    shown: str  # the sentence that gives it, as shown to people
    sections: tuple[str, ...]  # the sections it belongs to; none: a general date


@dataclass(frozen=True)
class Dated:
    """The exemptions with their dates, and when the Part 2 is released and reviewed."""

    exemptions: tuple[Exemption, ...] = ()
    release_on: date | None = None
    review_on: date | None = None
    warnings: tuple[str, ...] = ()


def read_dates(notice: str, claims: Claims) -> Dated:
    """The dates ``notice`` gives its exemptions (``claims``), and the Part 2's release and review dates."""
    dates, warnings = notice_dates(notice, claims.places)
    exemptions = tuple(_dated(ex, dates) for ex in claims.exemptions)
    general = {rule.kind: [d for d in dates if d.rule is rule and not d.sections] for rule in DATE_RULES}
    if not exemptions and any(general.values()):
        warnings.append("Part 2 gives a date but names no FOIA section; check the exemption by hand")
        return Dated((), max((d.value for d in general["until"]), default=None),
                     min((d.value for d in general["review"]), default=None), tuple(warnings))
    untils = [ex.until for ex in exemptions]
    reviews = [ex.review for ex in exemptions if ex.review]
    # Released when every exemption has expired; no date for one of them: withheld until an officer acts.
    release_on = max(untils) if untils and all(untils) else None
    return Dated(exemptions, release_on, min(reviews) if reviews else None, tuple(warnings))


def notice_dates(notice: str, places: tuple[Place, ...]) -> tuple[list[NoticeDate], list[str]]:
    """Every exemption date of ``notice`` in reading order, with the sections it belongs to; and a warning
    for each that is no real day-first date."""
    found: list[NoticeDate] = []
    warnings: list[str] = []
    last_end = {rule.kind: 0 for rule in DATE_RULES}  # where the previous date of each kind ended
    for d in find_dates(notice):
        before = notice[max(0, d.start - WORDS_BEFORE): d.start]
        rule, words = next(((r, m) for r in DATE_RULES if (m := r.before.search(before))), (None, None))
        if rule is None:
            continue
        left, right = sentence_bounds(notice, d.start, d.end)
        if not _EXEMPTION_WORDS.search(notice[left:right]):
            continue
        if d.value is None:
            warnings.append(f"Part 2 {rule.kind} date '{d.text}' is not a valid date (dates are read day first); "
                            "set it by hand")
            continue
        value = _next_month(d.value) if d.month_only and words.group("end") else d.value
        own = {p.section for p in places if left <= p.start and p.end <= right}
        if not own:
            own = {p.section for p in places if last_end[rule.kind] <= p.start < d.start}
        last_end[rule.kind] = d.end
        found.append(NoticeDate(rule, value, shown(notice, d.start, d.end), tuple(sorted(own))))
    return found, warnings


def _dated(ex: Exemption, dates: list[NoticeDate]) -> Exemption:
    """``ex`` with the dates of its own sections, then the general dates of any kind it has none of."""
    for d in dates:
        if ex.section in d.sections:
            ex = _with_date(ex, d.rule, d.value, d.shown)
    for rule in DATE_RULES:
        general = [d for d in dates if d.rule is rule and not d.sections]
        if general and getattr(ex, rule.kind) is None:
            ex = _with_date(ex, rule, rule.pick(d.value for d in general), general[rule.general_shown].shown)
    return ex


def _with_date(ex: Exemption, rule: DateRule, value: date, sentence: str) -> Exemption:
    current = getattr(ex, rule.kind)
    text = ex.text
    if sentence and sentence not in text:
        text = f"{text} {sentence}".strip() if text else sentence
    return replace(ex, **{rule.kind: rule.pick((current, value)) if current else value}, text=text)


def _next_month(day: date) -> date:
    """"The end of March 2027" is over on 1 April 2027."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)
