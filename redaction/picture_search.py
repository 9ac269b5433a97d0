"""Texts the officer asks to remove everywhere, found in the words OCR reads in pictures and scanned pages.

``redact_texts`` ("Operation Nightjar") are found in the paper's text layer by the redaction plan; a scanned
annex or a screenshot has no text layer, so the redaction reads those pictures again (the same rendering and
tesseract reading as the analysis: the words and boxes come out the same) and looks for each text in their
words. This runs for a live analysis and for one stored at upload alike, and only when the officer added
texts and the paper has pictures that may hold text.

OCR misreads a letter or splits a word, and the verifier's own OCR check tolerates those slips; so the
search tolerates them too, or the verifier would refuse a text the engine did not see: both sides folded
(case, punctuation and spacing aside; letters OCR confuses with digits — o/0, i/l/1/|, s/5, b/8, z/2 —
taken as one), and a text of 8 letters or more allowed one edit per 8 (at most 3). A text under 12
characters must stand as whole words. Each mention's boxes are its OCR words' boxes, one per line.
"""

from __future__ import annotations

import logging

import pypdfium2 as pdfium
import regex

from .extract import Box, Document
from .picture_text import Picture, boxes_for, candidates, read_pictures
from .scan_pages import is_scan, read_scans

log = logging.getLogger(__name__)

_CONFUSED = {"o": "0", "i": "1", "l": "1", "|": "1", "!": "1", "s": "5", "b": "8", "z": "2"}
_MIN_FUZZY = 8  # folded letters and digits: a text this long tolerates edits
_PER_EDIT = 8
_MAX_EDITS = 3
_BOUNDED = 12  # shorter texts must stand as whole words


def texts_in_pictures(pdf: pdfium.PdfDocument, doc: Document, texts: list[str]) -> dict[str, list[tuple[int, Box]]]:
    """Each of ``texts`` -> its mentions in pictures, as (0-based page, page box). Empty when there are no
    texts or no pictures that may hold text."""
    texts = [t for t in texts if fold(t)[0].replace(" ", "")]
    if not texts or not any(is_scan(p) or candidates(p) for p in doc.pages):
        return {}
    pictures = read_pictures(pdf, doc).pictures + read_scans(pdf, doc).as_pictures().pictures
    out: dict[str, list[tuple[int, Box]]] = {}
    for text in texts:
        found = [(picture.page - 1, box) for picture in pictures for box in mentions(picture, text)]
        if found:
            out[text] = found
    log.info("texts to redact everywhere: %d of %d found in %d pictures", len(out), len(texts), len(pictures))
    return out


def mentions(picture: Picture, text: str) -> list[Box]:
    """The page boxes of every mention of ``text`` in the picture's words (one box per line of a mention)."""
    boxes: list[Box] = []
    for start, end in spans(picture.text, text):
        boxes.extend(boxes_for(picture, start, end))
    return boxes


def spans(haystack: str, text: str) -> list[tuple[int, int]]:
    """Where ``text`` is in ``haystack`` (OCR's words), allowing OCR's slips: offsets in ``haystack``."""
    folded, where = fold(haystack)
    value = fold(text)[0].replace(" ", "")
    if not value:
        return []
    out = []
    for m in _pattern(value).finditer(folded):
        if m.end() > m.start():
            lo, hi = m.start(), m.end() - 1
            while lo < hi and folded[lo] == " ":
                lo += 1
            while hi > lo and folded[hi] == " ":
                hi -= 1
            out.append((where[lo], where[hi] + 1))
    return out


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` casefolded with only letters, digits and single spaces, confusable letters as digits; and
    for each character kept, its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        c = c.casefold()
        if c in _CONFUSED or c.isalnum():
            out.append(_CONFUSED.get(c, c))
            where.append(i)
        elif c.isspace() and out and out[-1] != " ":
            out.append(" ")
            where.append(i)
    return "".join(out), where


def _pattern(value: str) -> regex.Pattern:
    body = " ?".join(regex.escape(c) for c in value)
    edits = 0 if len(value) < _MIN_FUZZY else min(_MAX_EDITS, len(value) // _PER_EDIT)
    core = f"(?:{body}){{e<={edits}}}" if edits else f"(?:{body})"
    if len(value) < _BOUNDED:
        core = f"(?<![^ ]){core}(?![^ ])"
    return regex.compile(core, regex.ENHANCEMATCH)
