"""Protective markings repeated as a running header or footer: the paper's classification, not a section.

Police and health papers print "OFFICIAL-SENSITIVE" (or "CONFIDENTIAL", "RESTRICTED") at the top or bottom
of every page. That marks the whole document; it says nothing about where a withheld Part 2 starts, so by
itself it must not make the analysis ask. The same word over one section (a heading-like line mid-page,
printed once) still does. Fail closed: only a bare marking qualifies, only in the margin band, and only when
the same line is repeated there on every page (two at least): a confidential annex may carry its own
running marking on its pages, so a marking on only some pages still asks. Wording that withholds
("not for publication until …", "exempt under section 43") never qualifies, wherever it is printed.
"""

from __future__ import annotations

import re

from .extract import Document

# The line must be a marking and little else ("OFFICIAL-SENSITIVE", "CONFIDENTIAL until approved by the
# Deputy Mayor", "RESTRICTED - Page 2"): the words a classification line carries.
_MARKING = re.compile(r"(?i:OFFICIAL[\s-]*SENSITIVE|OFFICIAL|private\s+and\s+confidential|(?:strictly\s+)?"
                      r"confidential|restricted|protect|secret)")
_MARKING_LINE = re.compile(r"(?i)^[\W\d]*(?:OFFICIAL[\s-]*SENSITIVE|OFFICIAL|private\s+and\s+confidential|"
                           r"(?:strictly\s+)?confidential|restricted)\b(?:[\s:–—-]*(?:until\s+approved(?:\s+by\s+"
                           r"(?:the\s+)?[A-Za-z ]{1,40})?|when\s+complete|draft|page\s+\d+(?:\s+of\s+\d+)?))*"
                           r"[\W\d]*$")
_WITHHOLDING = re.compile(r"(?i)publication|publish|disclos|exempt|section|schedule|until\s+\d|until\s+\w+\s+\d{4}")
MARGIN_SHARE = 0.12  # the band at the top and bottom of the page where running headers and footers sit


def running_marking(doc: Document, text: str, pos: int) -> bool:
    """True when the marking at ``pos`` of the joined view's ``text`` sits on a running header or footer
    line: a bare protective marking, in the margin band, repeated on every page."""
    line = _line_at(text, pos)
    if not _MARKING_LINE.match(line.strip()) or _WITHHOLDING.search(line):
        return False
    if not _in_margin(doc, pos, len(line)):
        return False
    return _key(line) in _running_lines(doc)


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start: len(text) if end == -1 else end]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def _in_margin(doc: Document, pos: int, length: int) -> bool:
    view = doc.joined_view
    start = view.text.rfind("\n", 0, pos) + 1
    refs = [r for r in view.refs[start: start + max(length, 1)] if r is not None]
    boxes = [(p, doc.pages[p].chars[i].box) for p, i in refs if doc.pages[p].chars[i].box]
    if not boxes:
        return False
    page = doc.pages[boxes[0][0]]
    if page.rotation % 180:
        return False  # the margin as displayed is not the one of the boxes: fail closed
    band = MARGIN_SHARE * page.height
    low, high = min(b[1] for _, b in boxes), max(b[3] for _, b in boxes)
    return (low >= page.height - band or high <= band) and len({p for p, _ in boxes}) == 1


def _running_lines(doc: Document) -> set[str]:
    """Lines printed in the margin band, repeated on every page of a paper of two pages or more."""
    text = doc.joined_view.text
    pages_of: dict[str, set[int]] = {}
    pos = 0
    for line in text.split("\n"):
        if line.strip() and _MARKING.search(line) and _in_margin(doc, pos, len(line)):
            page = next((r[0] for r in doc.joined_view.refs[pos: pos + len(line)] if r is not None), None)
            if page is not None:
                pages_of.setdefault(_key(line), set()).add(page)
        pos += len(line) + 1
    # Every page, not most: a confidential annex may carry its own running marking on all of its pages.
    need = max(2, len(doc.pages))
    return {k for k, pages in pages_of.items() if len(pages) >= need}
