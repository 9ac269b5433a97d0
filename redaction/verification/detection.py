"""Detection run again on the output.

=================  =========================================================================================
detection          the service's detection, run on the output, finds a removed value or anything under a box
=================  =========================================================================================

This one check uses the engine's own extraction and detector on purpose: it asks "would the tool that
chose what to remove find something again?". A missing detection module fails loudly; it is never skipped.

It reads the pages the redaction changed (the caller's ``pages``): a page whose text, read back by the
verifier's own pdfium reading, is exactly the input page's text and that has no box was already read by
this detector when the paper was analysed; everything it finds there it found then, and a removed value
on it fails ``text-pdfium`` before this check runs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

import pypdfium2 as pdfium

from .matcher import Matcher
from .result import fail

log = logging.getLogger("redaction.verify")


def check_detection(data: bytes | pdfium.PdfDocument, regions: list[list], values: Matcher, part: int,
                    pages: Sequence[int] | None = None) -> None:
    """``data``: the output or the pdfium document opened from it; ``pages``: the 0-based output pages to
    read (every page when None)."""
    from ..detect import find_personal_data
    from ..extract import extract
    from ..structure import read_structure

    if pages is not None and not pages:
        log.info("detection on part %d: no page changed", part)
        return
    pdf = data if isinstance(data, pdfium.PdfDocument) else pdfium.PdfDocument(data)
    try:
        doc = extract(pdf, pages)
    finally:
        if pdf is not data:
            pdf.close()
    read = list(pages) if pages is not None else list(range(len(doc.pages)))
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


def _meets(a, b) -> bool:
    eps = 0.01  # touching edges do not count
    return a[0] < b[2] - eps and b[0] < a[2] - eps and a[1] < b[3] - eps and b[1] < a[3] - eps
