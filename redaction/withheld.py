"""Language that withholds part of the paper, found outside a recognised Part 2: the officer must confirm.

A Part 2 whose heading the structure reader does not know (drawn as an image, worded in a way nobody
foresaw) would otherwise be published as Part 1. Its body still says what it is: "not for publication until
…", "exempt information … Schedule 12A", a CONFIDENTIAL marking. Any such wording outside the Part 2 found
makes the analysis ask, except where it only describes the paper's Part 2 from elsewhere:

- the paper's standard public-access statement (the deferral block and "Is there a Part 2 form"), and
- a sentence that names the Part 2 (or "the restricted part of the report") when the paper has a Part 2,
  in the file or withheld outside it: "the bids are set out in Part 2, which is not for publication".

Negated answers ("Exempt information: No", "not exempt") are no claim.
"""

from __future__ import annotations

import re

WITHHOLDS = re.compile(
    r"(?i:not\s+for\s+(?:\w+\s+){0,2}publication|not\s+suitable\s+for\s+(?:\w+\s+){0,2}publication|"
    r"not\s+to\s+be\s+(?:published|disclosed)|will\s+not\s+be\s+(?:published|disclosed)|"
    r"withheld\s+from\s+(?:publication|disclosure)|"
    r"exempt\s+(?:from\s+(?:publication|disclosure)|until|information|report|under\s+(?:s\.|sections?|FOIA|"
    r"paragraph))|Schedule\s+12\s?A|in\s+confidence\s+until|"
    r"(?<![Nn][Oo][Nn][-\s])confidential\s+(?:facts|information|section|report|annex|appendix|advice|part)|"
    r"OFFICIAL[\s-]*SENSITIVE|private\s+and\s+confidential)"
    r"|(?<![A-Z]-)(?<![A-Z] )\b(?:CONFIDENTIAL|RESTRICTED)\b"
)
# The answer "No" / "None" right after the wording: "Exempt information: No".
_NEGATED_AFTER = re.compile(r"\s*[:?–—-]?\s*(?:No|None|N/?A|Not\s+applicable)\b", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"\b(?:not|no|non)[\s-]*$", re.IGNORECASE)

# The standard public-access statement of a decision form, and its fields.
_STATEMENT_MARKS = re.compile(
    r"Public\s+access\s+to\s+information|Information\s+in\s+this\s+form\s*\(Part\s*(?:1|I)\)|"
    r"Part\s*(?:1|I)\s+Deferral|Is\s+the\s+publication\s+of\s+Part\s*(?:1|I)\b|"
    r"Part\s*(?:2|II)\s+Confidentiality\s*:|Is\s+there\s+a\s+Part\s*(?:2|II)\s+form\s*[?:–—-]*\s*(?:YES|NO)\b",
    re.IGNORECASE)
_STATEMENT_GAP = 1500  # marks further apart than this are separate statements

# A sentence that names the Part 2 as something elsewhere in (or outside) the paper.
_NAMES_PART2 = re.compile(r"\bPart\s*(?:2|II|Two|B)\b|\b(?:restricted|confidential|exempt|closed|private)\s+"
                          r"(?:part|section|annex|appendix|report|session|papers?)\b", re.IGNORECASE)
_REDACTED = re.compile(r"\bredact", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])[.;!?](?=\s)|\n\s*\n|\n(?=\s*[-•*]\s)")


def withholding_outside(text: str, end: int, *, has_part2: bool) -> list[int]:
    """Positions in ``text[:end]`` (before the Part 2 found, or the whole text) where wording withholds
    part of the paper and is neither the public-access statement nor a description of the Part 2."""
    statements = _statement_spans(text)
    found = []
    for m in WITHHOLDS.finditer(text, 0, end):
        if any(a <= m.start() < b for a, b in statements):
            continue
        if _NEGATED_AFTER.match(text, m.end()) or _NEGATED_BEFORE.search(text[max(0, m.start() - 8): m.start()]):
            continue
        left, right = _sentence(text, m.start(), m.end())
        if has_part2 and _NAMES_PART2.search(text[left:right]):
            continue
        if _REDACTED.search(text[left:right]):
            continue  # "names are exempt under section 40(2) and redacted": the engine removes those
        found.append(m.start())
    return found


def _statement_spans(text: str) -> list[tuple[int, int]]:
    spans: list[list[int]] = []
    for m in _STATEMENT_MARKS.finditer(text):
        end = _sentence(text, m.start(), m.end())[1]
        if spans and m.start() - spans[-1][1] <= _STATEMENT_GAP:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([_sentence(text, m.start(), m.end())[0], end])
    return [(a, b) for a, b in spans]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    return left, (m.end() if m else len(text))
