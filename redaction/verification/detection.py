"""Detection run again on the output.

=================  =========================================================================================
detection          the service's detection, run on the output, finds a removed value or anything under a box
=================  =========================================================================================

This one check uses the engine's own extraction and detector on purpose: it asks "would the tool that
chose what to remove find something again?". A missing detection module fails loudly; it is never skipped.

It reads the text the redaction changed, not the text it left as it was. The caller names the output pages
to read (``pages``) and, for each, the input page's text as the verifier itself read it (``before``): on such
a page the detector reads every line that is not exactly a line of the input page, every line with a
character on a box, and the lines around them (so it sees each one in the sentences it stands in). A line
left exactly as it was was read by this detector when the paper was analysed: everything it finds there it
found then, and a removed value on it fails ``text-pdfium`` before this check runs.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

import pypdfium2 as pdfium

from .matcher import Matcher
from .pdfium_calls import Lent, OutputPages
from .result import fail

log = logging.getLogger("redaction.verify")

CONTEXT = 3  # lines read before and after each changed line


def check_detection(data: bytes | pdfium.PdfDocument | OutputPages, regions: list[list], values: Matcher,
                    part: int, pages: Sequence[int] | None = None, before: Mapping[int, str] | None = None) -> None:
    """``data``: the output or the pdfium document opened from it (an :class:`OutputPages`: the engine's
    extraction reads the pages and text pages already loaded); ``pages``: the 0-based output pages to
    read (every page when None); ``before``: output page -> the input page's text (pdfium's, as
    ``get_text_range`` gives it), to read only the lines of that page that changed."""
    from ..detect import find_personal_data
    from ..extract import Document, extract
    from ..structure import read_structure

    if pages is not None and not pages:
        log.info("detection on part %d: no page changed", part)
        return
    if isinstance(data, OutputPages):
        pdf = Lent(data)
    else:
        pdf = data if isinstance(data, pdfium.PdfDocument) else pdfium.PdfDocument(data)
    try:
        doc = extract(pdf, pages)
    finally:
        if pdf is not data and not isinstance(pdf, Lent):
            pdf.close()
    read = list(pages) if pages is not None else list(range(len(doc.pages)))
    if before:
        doc = Document(pages=tuple(
            changed_lines(page, before[index], _boxes(regions, index)) if index in before else page
            for index, page in zip(read, doc.pages)))
        if not any(page.chars for page in doc.pages):  # every line reads as it did in the input, none on a box
            log.info("detection on part %d: no line changed", part)
            return
    new = 0
    for item in find_personal_data(doc, read_structure(doc)):
        if item.action != "redact" or re.fullmatch(r"[\W_]*", item.text):
            continue
        index = read[item.page - 1]  # the output page: item.page counts the pages read
        page_regions = regions[index] if index < len(regions) else []
        if values.search(item.text) or any(r.draws_box and _meets(tuple(b), r.box)
                                           for b in item.boxes for r in page_regions):
            fail("detection", part, index + 1)
        new += 1
    if new:
        log.info("detection on part %d found %d items not decided on in the analysis", part, new)


def changed_lines(page, before: str, boxes: list[tuple]):
    """The page holding only its lines that are not lines of ``before`` (in order), the lines whose extent
    meets one of ``boxes``, and ``CONTEXT`` lines around each; groups of lines apart from each other
    are separated by an empty line. A line is the characters up to pdfium's line break (``\\r\\n``)."""
    from ..extract import Char

    lines = _lines(page.chars)
    texts = ["".join(c.text for c in page.chars[start:end]) for start, end, _ in lines]
    same: set[int] = set()
    matcher = difflib.SequenceMatcher(None, before.split("\r\n"), texts, autojunk=False)
    for tag, _, _, first, last in matcher.get_opcodes():
        if tag == "equal":
            same.update(range(first, last))
    wanted: set[int] = set()
    for k, (start, end, _) in enumerate(lines):
        drawn = [c.box for c in page.chars[start:end] if c.box is not None]
        around = (min(x[0] for x in drawn), min(x[1] for x in drawn), max(x[2] for x in drawn),
                  max(x[3] for x in drawn)) if drawn else None  # holds every item's box on the line
        if k not in same or (around is not None and any(_meets(around, b) for b in boxes)):
            wanted.update(range(max(k - CONTEXT, 0), min(k + CONTEXT + 1, len(lines))))
    chars: list = []
    gap = (Char("\r", None, True), Char("\n", None, True)) * 2
    previous = None
    for k in sorted(wanted):
        if previous is not None and k != previous + 1:
            chars.extend(gap)
        start, _, stop = lines[k]
        chars.extend(page.chars[start:stop])
        previous = k
    return replace(page, chars=tuple(chars))


def _lines(chars) -> list[tuple[int, int, int]]:
    """(start, end of text, end with the line break) of each line of a page's characters."""
    out, start, i = [], 0, 0
    while i < len(chars):
        if chars[i].text == "\r" and i + 1 < len(chars) and chars[i + 1].text == "\n":
            out.append((start, i, i + 2))
            start = i = i + 2
            continue
        i += 1
    out.append((start, len(chars), len(chars)))
    return out


def _boxes(regions: list[list], index: int) -> list[tuple]:
    return [r.box for r in (regions[index] if index < len(regions) else []) if r.draws_box]


def _meets(a, b) -> bool:
    eps = 0.01  # touching edges do not count
    return a[0] < b[2] - eps and b[0] < a[2] - eps and a[1] < b[3] - eps and b[1] < a[3] - eps
