"""Where Part 2 starts: its heading (a page, a y and an x as displayed), or a Part 2 withheld elsewhere; the
pages of each part; and, failing closed, what the officer must confirm when the wording is unclear."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract import Document
from ..reading_order import Split, heading_split
from ..running_marks import running_marking
from ..withheld import NAMED_ANNEX, WITHHOLDS, annex_name, withholding_outside

# A heading's meaning ("not for publication", "exempt …") follows it within a short paragraph.
MEANING_WINDOW = 320
# A heading follows a finished sentence: looked for in the line or two before it.
BEFORE_HEADING = 200
# A picture at least this share of the page's shorter side wide is a banner: a heading may be drawn in it.
WIDE_PICTURE_SHARE = 0.5
# A picture covering this share of its page is large enough to hold a heading drawn as an image.
LARGE_PICTURE_AREA = 0.1
# Messages name this many pages at most; the officer opens the paper for the rest.
PAGES_NAMED = 5

# A heading starts a line (never a bullet) with "Part 2" and a dash or colon, or runs straight into its
# meaning ("PART 2 CONFIDENTIAL FACTS AND ADVICE"); "Part 2 Confidentiality:" in the form is not one.
# A heading may be numbered ("5. Part 2 — …", "B) Part II: …", "Section 5 – Part 2 …").
_NUMBERING = r"(?:(?:\d{1,2}[.)]?|[A-H][.)]|[IVX]{1,4}[.)])[ \t]+|Section[ \t]+\d{1,2}[ \t]*[-–—:.]?[ \t]*)?"
_PART2_HEADING = re.compile(r"(?im)^[ \t#]*" + _NUMBERING + r"Part\s*(?:2|II|Two)\b(?:\s*[-–—:.]|\s+(?=(?:"
                            r"confidential|not\s+for|exempt|restricted|closed)\b))")
# Other wordings of a heading that starts a withheld section: a short line that is only that heading.
_OTHER_HEADING = re.compile(
    r"(?im)^[ \t#]*" + _NUMBERING + r"(?:(?:Part\s*B|Appendix\s+\w{1,3}|Annex\s+\w{1,3})\s*[-–—:.]\s*)?"
    r"(?:(?:Confidential|Exempt|Restricted|Closed)\s+(?:facts|information|appendix|annex|report|section|part|"
    r"advice|session|business)|Not\s+for\s+publication|Exempt\s+from\s+(?:publication|disclosure)|"
    r"Private\s+and\s+confidential)\b[^\n]{0,100}$")
_PART2_MEANING = re.compile(
    r"not\s+suitable\s+for|not\s+for\s+(?:\w+\s+){0,2}publication|exempt\s+from\s+(?:publication|disclosure)|"
    r"will\s+not\s+be\s+published|(?<!non-)(?<!non\s)confidential\s+(?:facts|information|section|report|annex|"
    r"appendix)|exempt\s+information|Schedule\s+12A|OFFICIAL[\s-]*SENSITIVE|restricted\s+(?:section|information)|"
    r"private\s+and\s+confidential",
    re.IGNORECASE,
)
# "Part 2 – Confidential" (the rest of the heading on the next line, or nowhere).
_MEANING_FIRST = re.compile(r"[ \t]*(?:confidential|not\s+for|exempt|restricted|closed|private)\b", re.IGNORECASE)
# A line that starts like a Part 2 heading but says nothing the reader recognises: the officer confirms.
_PART2_LOOKALIKE = re.compile(r"(?im)^[ \t#]*" + _NUMBERING + r"Part\s*(?:2|II|Two)\s*[-–—:]")
# A withheld Part 2 mentioned in the text of a paper that does not contain it (web-page form).
_PART2_REFERENCE = re.compile(r"Part\s*(?:2|II)\s+(?:is|are|will\s+be)\s+(?:not\s+suitable|exempt|withheld|"
                              r"not\s+for\s+publication|confidential)", re.IGNORECASE)


@dataclass(frozen=True)
class Boundary:
    """The Part 2 found: in this file from ``heading`` on, or ``referenced`` as withheld elsewhere, or none."""

    heading: int | None = None  # where the Part 2 heading starts in the joined text
    start: tuple[int, float] | None = None  # (1-based page, y as displayed)
    x: float | None = None  # where the heading starts (as displayed): which column
    split: Split | None = None  # the areas of the heading's page
    referenced: bool = False
    warnings: tuple[str, ...] = ()
    confirm: bool = False  # the officer confirms where Part 2 starts before anything is published

    def notice(self, text: str) -> str:
        """The text that gives the Part 2's exemptions: its own, or the mention of one withheld elsewhere."""
        if self.heading is not None:
            return text[self.heading:]
        return text if self.referenced else ""


def read_boundary(doc: Document, text: str) -> Boundary:
    """The Part 2 heading and where it starts as displayed; without one, a Part 2 mentioned as withheld
    elsewhere, and the lines that look like a heading the reader does not recognise (the officer confirms)."""
    heading = find_heading(text)
    if heading is not None:
        ref = next(r for r in doc.joined_view.refs[heading:] if r is not None)
        split = heading_split(doc, *ref)
        # An unclear layout withholds the heading's whole page and asks.
        return Boundary(heading=heading, start=(doc.pages[split.page_index].number, split.y), x=split.x,
                        split=split, warnings=(split.warning,) if split.warning else (),
                        confirm=bool(split.warning))
    warnings: list[str] = []
    reference = _PART2_REFERENCE.search(text)
    if reference:
        warnings += _picture_above(doc, reference.start())
    lookalike = _PART2_LOOKALIKE.search(text)
    if lookalike:
        page = (doc.joined_view.page_of(lookalike.start()) or 0) + 1
        warnings.append(f"a line on page {page} starts like a Part 2 heading but was not recognised: "
                        "confirm where Part 2 starts, or that there is none")
    return Boundary(referenced=bool(reference), warnings=tuple(warnings), confirm=bool(warnings))


def find_heading(text: str) -> int | None:
    """Where the first Part 2 heading starts in ``text`` (its numbering included), or None."""
    for m in _PART2_HEADING.finditer(text):
        window = text[m.end(): m.end() + MEANING_WINDOW]
        if _PART2_MEANING.search(window) or WITHHOLDS.search(window) or _MEANING_FIRST.match(window):
            return m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t#"))
    for m in _OTHER_HEADING.finditer(text):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t#"))
        if text[start].isupper() or text[start].isdigit():
            if _after_sentence_end(text, m.start()):
                return start
    return None


def withholding_elsewhere(doc: Document, text: str, boundary: Boundary) -> tuple[str, ...]:
    """Fail closed: wording that withholds part of the paper outside the Part 2 found is a warning, and the
    officer confirms where Part 2 starts."""
    heading = boundary.heading
    found = withholding_outside(text, len(text) if heading is None else heading,
                                has_part2=heading is not None or boundary.referenced,
                                part2_annexes=frozenset() if heading is None else _annexes_from(text, heading))
    # A running header such as "OFFICIAL-SENSITIVE" on every page classifies the paper; it marks no section.
    found = [pos for pos in found if not running_marking(doc, text, pos)]
    if not found:
        return ()
    pages = sorted({(doc.joined_view.page_of(pos) or 0) + 1 for pos in found})
    where = ", ".join(str(p) for p in pages[:PAGES_NAMED])
    return (f"page{'s' if len(pages) > 1 else ''} {where} say{'' if len(pages) > 1 else 's'} part of the "
            "paper is withheld (not for publication, exempt or confidential) outside "
            f"{'the Part 2 found' if heading is not None else 'any recognised Part 2'}: confirm where "
            "Part 2 starts, or that there is none",)


# A line that starts with an appendix's or annex's name: its heading ("Appendix A – Exempt information").
_ANNEX_HEADING = re.compile(r"(?m)^[ \t#]*" + _NUMBERING + r"(?=(?:Appendix|Annexe?|Enclosure)\s)")


def _annexes_from(text: str, start: int) -> frozenset[str]:
    """The appendices and annexes whose headings start a line at or after ``start`` (in the Part 2 found)."""
    names = set()
    for line in _ANNEX_HEADING.finditer(text, start):
        m = NAMED_ANNEX.match(text, line.end())
        if m:
            names.add(annex_name(m["kind"], m["id"]))
    return frozenset(names)


def part_pages(doc: Document, split: Split | None) -> tuple[list[int], list[int]]:
    """The 1-based pages of Part 1 and of Part 2 (the heading's page is in both when Part 1 ends on it)."""
    everything = [p.number for p in doc.pages]
    if split is None:
        return everything, []
    index = split.page_index
    has_part1 = any(c.box and not c.generated and c.text.strip() and split.part_of(index, c.box) == 1
                    for c in doc.pages[index].chars)
    return everything[:index + 1] if has_part1 else everything[:index], everything[index:]


def pictured_pages(doc: Document) -> list[int]:
    """Pages with a large image (a share of the page, or a banner), where a heading may be drawn."""
    return [p.number for p in doc.pages
            if any((b[2] - b[0]) * (b[3] - b[1]) >= LARGE_PICTURE_AREA * p.width * p.height
                   or max(b[2] - b[0], b[3] - b[1]) >= WIDE_PICTURE_SHARE * min(p.width, p.height)
                   for b in p.images)]


def _after_sentence_end(text: str, pos: int) -> bool:
    """A heading starts after a finished sentence, a blank line or a page break, never mid-sentence."""
    before = text[max(0, pos - BEFORE_HEADING): pos].rstrip()
    return not before or before[-1] in ".:;!?)" or text[max(0, pos - 3): pos].count("\n") >= 2 or \
        before.split("\n")[-1].strip().isupper()


def _picture_above(doc: Document, pos: int) -> list[str]:
    """"Part 2 is exempt …" under a wide picture on its page may be the body of a Part 2 whose heading is
    that picture, not a Part 2 withheld elsewhere: the officer confirms."""
    ref = next((r for r in doc.joined_view.refs[pos:] if r is not None), None)
    if ref is None:
        return []
    page = doc.pages[ref[0]]
    box = page.chars[ref[1]].box
    # The picture's lower edge is no lower than the mention's top (1 pt for rounding).
    if box and any(b[2] - b[0] >= WIDE_PICTURE_SHARE * min(page.width, page.height) and b[1] >= box[3] - 1
                   for b in page.images):
        return [f"page {page.number} mentions a withheld Part 2 just below a wide picture, which may be "
                "its heading: confirm where Part 2 starts, or that it is not in this file"]
    return []
