"""The exemptions a Part 2 notice claims: FOIA sections ("section 31(1)(a)", "s.43(2)", "Sections 40 and 43")
and Local Government Act 1972 Schedule 12A paragraphs, each with the sentence that claims it.

A section number is a claim only in FOIA context ("FOIA section 40", a sentence about exemption, or, inside a
Part 2 notice, "Sections 31 and 40 apply"); "section 40 of the Data Protection Act 2018" is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import foia
from ..withheld import WITHHOLDS
from .model import Exemption
from .text import sentence_bounds, shown

# "… by virtue of" just before a number (a clause that says it is *not* a claim) sits this close to it.
NOT_A_CLAIM_BEFORE = 40
NOT_A_CLAIM_BEFORE_SCHEDULE = 45  # "not exempt information by virtue of " is a little longer
# A section's title ("31 Law enforcement") or keyword follows its number within a few words.
TITLE_AFTER = 60

_SECTION = re.compile(
    r"(?P<lead>\b(?:FOIA|FoI|FOI\s+Act)\s+)?\b(?:sections?|secs?\.?|ss?\.?)\s*(?P<num>\d{2}A?)(?!\d)"
    r"(?P<sub>(?:\s?\(\d+\))?(?:\s?\([a-z]\))?)"
    r"(?P<more>(?:\s*(?:,|and|&|or)\s*(?:sections?|secs?\.?|ss?\.?)?\s*\d{2}(?!\d)(?:\s?\(\d+\))?(?:\s?\([a-z]\))?)*)",
    re.IGNORECASE,
)
# "paragraph 3 of Schedule 12A", "paragraphs 3 and 5 of Part 1 of Schedule 12A", "Schedule 12A, paragraph 3".
_SCHEDULE_12A = re.compile(
    r"(?i:\bparagraphs?\s+(?P<a>\d(?:\s*(?:,|and|&|or)\s*\d)*)\s+of\s+(?:Part\s+(?:1|I)\s+of\s+)?Schedule\s+12\s?A"
    r"|\bSchedule\s+12\s?A\b[\s,(]*(?:\w+\s+){0,6}?(?:paragraphs?|paras?\.?)\s+(?P<b>\d(?:\s*(?:,|and|&|or)\s*\d)*))")
_MORE_NUM = re.compile(r"(\d{2})(?!\d)(\s?\(\d+\))?")
_SUBSECTION = re.compile(r"\s?\(\d+\)")
_FOIA_CONTEXT = re.compile(r"\bFOIA\b|\bFOI\b|Freedom\s+of\s+Information|\bexempt|\bexemption", re.IGNORECASE)
# Inside a Part 2 notice, "Sections 31(1)(a) and 40(2) apply" is a claim even without the word FOIA.
_NOTICE_CONTEXT = re.compile(r"\bappl(?:y|ies|ied)\b|\bengaged\b|\bwithh(?:e|o)ld|\breview|\bconfidential",
                             re.IGNORECASE)
_OTHER_ACT = re.compile(r"\s*(?:\(\w+\)\s*)*of\s+the\s+(?!Freedom\s+of\s+Information)(?:[A-Z][\w()]*[ \t,]+){1,8}?"
                        r"Act\b")
_NOT_A_CLAIM = re.compile(r"by\s+virtue\s+of\s*$|not\s+exempt\s+information\s+by\s+virtue\s+of\s*$", re.IGNORECASE)
_NOT_EXEMPT = re.compile(r"\bnot\s+exempt", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """Where in the notice an exemption is claimed (its dates are read from the same sentences)."""

    start: int
    end: int
    section: str


@dataclass(frozen=True)
class Claims:
    exemptions: tuple[Exemption, ...] = ()  # one per section, in the order first claimed; no dates yet
    places: tuple[Place, ...] = ()


def read_claims(notice: str, *, in_notice: bool) -> Claims:
    """The exemptions ``notice`` claims. ``in_notice``: the text is a Part 2's own notice (not a mention of a
    Part 2 withheld elsewhere), where a section named near "apply" or "withheld" is a claim too."""
    claims = [*_sections(notice, in_notice), *_schedule_12a(notice, in_notice)]
    found: dict[str, Exemption] = {}
    for claimed, place in claims:
        first = found.get(place.section, claimed)  # the first claim's title and text; any subsection given
        found[place.section] = replace(first, subsection=first.subsection or claimed.subsection)
    return Claims(tuple(found.values()), tuple(place for _, place in claims))


def _sections(notice: str, in_notice: bool) -> Iterator[tuple[Exemption, Place]]:
    """FOIA sections claimed, one per number ("Sections 31(1)(a) and 40(2)" claims two)."""
    for m in _SECTION.finditer(notice):
        if _NOT_A_CLAIM.search(notice[max(0, m.start() - NOT_A_CLAIM_BEFORE): m.start()]):
            continue
        nums = [(m.group("num").upper(), _subsection(m.group("sub")))]
        nums += [(n, _subsection(sub)) for n, sub in _MORE_NUM.findall(m.group("more") or "")]
        left, right = sentence_bounds(notice, m.start(), m.end())
        sentence = notice[left:right]
        for num, sub in nums:
            if num not in foia.SECTIONS:
                continue
            after = notice[m.end(): m.end() + TITLE_AFTER].lower()
            titled = any(k in after for k in foia.KEYWORDS.get(num, ())) or foia.SECTIONS[num].lower() in after
            # In a Part 2 notice, "(NOT FOR PUBLICATION until … under section 43)" claims the section too.
            context = _FOIA_CONTEXT.search(sentence) or (in_notice and (_NOTICE_CONTEXT.search(sentence)
                                                                        or WITHHOLDS.search(sentence)))
            if not (m.group("lead") or context or titled):
                continue
            if _OTHER_ACT.match(notice, m.end()) and not m.group("lead"):
                continue  # "section 40 of the Data Protection Act 2018" is not a FOIA exemption
            yield (Exemption(section=num, title=foia.SECTIONS[num], text=shown(notice, m.start(), m.end()),
                             subsection=sub),
                   Place(m.start(), m.end(), num))


def _schedule_12a(notice: str, in_notice: bool) -> Iterator[tuple[Exemption, Place]]:
    """Exempt information under the Local Government Act 1972, Schedule 12A, by paragraph."""
    for m in _SCHEDULE_12A.finditer(notice):
        left, right = sentence_bounds(notice, m.start(), m.end())
        if not (in_notice or _FOIA_CONTEXT.search(notice[left:right])):
            continue
        before = notice[max(0, m.start() - NOT_A_CLAIM_BEFORE_SCHEDULE): m.start()]
        if _NOT_A_CLAIM.search(before) and _NOT_EXEMPT.search(before):
            continue  # "not exempt information by virtue of paragraph 3 …" is no claim
        for paragraph in re.findall(r"\d", m.group("a") or m.group("b")):
            if paragraph not in foia.SCHEDULE_12A:
                continue
            section = foia.schedule_12a_section(paragraph)
            yield (Exemption(section=section, title=f"{foia.SCHEDULE_12A_ACT}, Schedule 12A paragraph {paragraph}: "
                             f"{foia.SCHEDULE_12A[paragraph]}", text=shown(notice, m.start(), m.end()),
                             act=foia.SCHEDULE_12A_ACT),
                   Place(m.start(), m.end(), section))


def _subsection(sub: str) -> str | None:
    """The subsection only: "(1)" of "31(1)(a)" (the paragraph letter is not part of the exemption's name)."""
    m = _SUBSECTION.match(sub or "")
    return m.group(0).strip() if m else None
