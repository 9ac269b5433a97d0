"""Language that withholds part of the paper, found outside a recognised Part 2: the officer must confirm.

A Part 2 whose heading the structure reader does not know (drawn as an image, worded in a way nobody
foresaw) would otherwise be published as Part 1. Its body still says what it is: "not for publication until
…", "exempt information … Schedule 12A", a CONFIDENTIAL marking. Any such wording outside the Part 2 found
makes the analysis ask, except where it only describes the paper's Part 2 from elsewhere:

- the paper's standard public-access statement (the deferral block and "Is there a Part 2 form"), and
- a sentence that names the Part 2 (or "the restricted part of the report") when the paper has a Part 2,
  in the file or withheld outside it: "the bids are set out in Part 2, which is not for publication";
- a council report's "Access to information" paragraph about an appendix that *is* the Part 2 found: "Appendix A
  to this report is exempt from publication under Schedule 12A paragraph 3 … It is exempt until 01/04/2025.",
  when Part 2 found starts at (or goes on to) a line "Appendix A …". Every appendix or annex the sentence (or,
  for a sentence opening "It …" / "This appendix …", the one before it) names must be in that Part 2: a named
  appendix not found there (in Part 1, or nowhere) still asks.

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
# An appendix or annex named by its letter or number: "Appendix A", "Annex 2", "Annexe B" (not "Appendices …").
NAMED_ANNEX = re.compile(r"\b(?P<kind>Appendix|Annexe?|Enclosure)\s+(?P<id>[A-Z]|\d{1,2})\b", re.IGNORECASE)
# A sentence about the thing the sentence before it named: "It is exempt until …", "This appendix is …".
_GOES_ON = re.compile(r"\s*(?:It|They|This|These|Its|Their|(?:The|This)\s+(?:appendix|annexe?|enclosure))\b")
_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])[.;!?](?=\s)|\n\s*\n|\n(?=\s*[-•*]\s)")


def annex_name(kind: str, ident: str) -> str:
    """'Annexe b' → 'annex B': the one spelling an appendix or annex is compared by."""
    kind = kind.lower()
    return f"{'annex' if kind.startswith('annex') else kind} {ident.upper()}"


def withholding_outside(text: str, end: int, *, has_part2: bool, part2_annexes: frozenset[str] = frozenset()
                        ) -> list[int]:
    """Positions in ``text[:end]`` (before the Part 2 found, or the whole text) where wording withholds
    part of the paper and is neither the public-access statement nor a description of the Part 2.

    ``part2_annexes``: the appendices and annexes (:func:`annex_name`) whose headings are in the Part 2 found."""
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
        if part2_annexes and _only_part2_annexes(text, left, right, part2_annexes):
            continue
        found.append(m.start())
    return found


def _only_part2_annexes(text: str, left: int, right: int, part2_annexes: frozenset[str]) -> bool:
    """The sentence ``text[left:right]`` (with the one before it when it goes on about it: "It is exempt …")
    names at least one appendix or annex, and each one it names is in the Part 2 found."""
    if left > 0 and _GOES_ON.match(text, left):
        left = _sentence(text, left - 1, left - 1)[0]
    named = {annex_name(m["kind"], m["id"]) for m in NAMED_ANNEX.finditer(text, left, right)}
    return bool(named) and named <= part2_annexes


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
