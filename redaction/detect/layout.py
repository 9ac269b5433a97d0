"""Table cells as lines: where a line of the page has a wide gap between two words, the text detection reads
has a line break, so a name or number never runs from one cell into the next.

pdfium gives a table row as one line, its cells joined by spaces ("Barnaby Blenkinsop Custody officer
Brixton"); NER then reads "Barnaby Blenkinsop Custody" as a name. The gap between two cells is wider
than the spaces between the words of its line, even in justified text.
The result has the same length as the view's text, so every offset still maps to the page.
"""

from __future__ import annotations

import logging
import re

from ..extract import Document, TextView

log = logging.getLogger(__name__)

_SPACES = re.compile(r"[ \t]+")
# Gaps are measured in heights of the taller neighbouring word (about 0.7 of the font size for words with
# a capital or ascender). Justified text widens every gap of a line alike (CSS word-spacing up to about
# 4), so a cell gap is one several times the narrow gaps of its line, or wider than justification goes.
MIN_CELL_GAP = 1.2
TIMES_NARROWEST = 2.5
ALWAYS_CELL_GAP = 5.0


def cell_text(doc: Document, view: TextView) -> str:
    """``view.text`` with each cell gap turned into a line break."""
    text = view.text
    out = list(text)
    breaks = 0
    line_start = 0
    for line in text.split("\n"):
        gaps = [(line_start + m.start(), _gap(doc, view, line_start + m.start(), line_start + m.end()))
                for m in _SPACES.finditer(line)]
        measured = [g for _, g in gaps if g is not None]
        # the lower quartile, not the minimum: pdfium splits a letter-spaced word ("negot iated") with a
        # "gap" narrower than any space
        narrowest = sorted(measured)[len(measured) // 4] if measured else 0.0
        for pos, g in gaps:
            if g is None or g < MIN_CELL_GAP or text[pos - 1] == ":":  # "Name:<tab>Mike West" is one field
                continue
            if g >= ALWAYS_CELL_GAP or g >= TIMES_NARROWEST * narrowest:
                out[pos] = "\n"
                breaks += 1
        line_start += len(line) + 1
    log.debug("cell gaps read as line breaks: %d", breaks)
    return "".join(out)


def _gap(doc: Document, view: TextView, i: int, j: int) -> float | None:
    """The width of the space between ``text[i:j]``'s neighbouring words, in word heights, along the line
    (left to right, or up or down the page in a rotated table); None where the words are not side by side
    on one page line."""
    if i == 0 or j >= len(view.text):
        return None
    before, after = _word_boxes(doc, view, i - 1, -1), _word_boxes(doc, view, j, 1)
    if not before or not after or before[0][0] != after[0][0]:
        return None
    a, b = before[0][1], after[0][1]
    dx = (b[0] + b[2]) / 2 - (a[0] + a[2]) / 2
    dy = (b[1] + b[3]) / 2 - (a[1] + a[3]) / 2
    if abs(dx) >= abs(dy):
        height = max(box[3] - box[1] for _, box in before + after)
        across, gap = dy, b[0] - a[2]
    else:  # text rotated by 90 degrees either way
        height = max(box[2] - box[0] for _, box in before + after)
        across, gap = dx, (b[1] - a[3] if dy > 0 else a[1] - b[3])
    if height <= 0 or abs(across) > height / 2:
        return None
    return gap / height


def _word_boxes(doc: Document, view: TextView, pos: int, step: int) -> list:
    """(page, box) of the glyphs of the word at ``pos``, nearest first, walking by ``step``."""
    out = []
    text = view.text
    while 0 <= pos < len(text) and not text[pos].isspace() and len(out) < 12:
        ref = view.refs[pos]
        if ref is not None:
            ch = doc.pages[ref[0]].chars[ref[1]]
            if ch.box is not None and not ch.generated:
                out.append((ref[0], ch.box))
        pos += step
    return out
