"""Detection run again on the output.

=================  =========================================================================================
detection          the service's detection, run on the output, finds a removed value or anything under a box
=================  =========================================================================================

This one check uses the engine's own extraction and detector on purpose: it asks "would the tool that
chose what to remove find something again?". A missing detection module fails loudly; it is never skipped.
"""

from __future__ import annotations

import logging
import re

import pypdfium2 as pdfium

from .matcher import Matcher
from .result import fail

log = logging.getLogger("redaction.verify")


def check_detection(data: bytes, regions: list[list], values: Matcher, part: int) -> None:
    from ..detect import find_personal_data
    from ..extract import extract
    from ..structure import read_structure

    pdf = pdfium.PdfDocument(data)
    try:
        doc = extract(pdf)
    finally:
        pdf.close()
    new = 0
    for item in find_personal_data(doc, read_structure(doc)):
        if item.action != "redact" or re.fullmatch(r"[\W_]*", item.text):
            continue
        page_regions = regions[item.page - 1] if item.page - 1 < len(regions) else []
        if values.search(item.text) or any(r.draws_box and _meets(tuple(b), r.box)
                                           for b in item.boxes for r in page_regions):
            fail("detection", part, item.page)
        new += 1
    if new:
        log.info("detection on part %d found %d items not decided on in the analysis", part, new)


def _meets(a, b) -> bool:
    eps = 0.01  # touching edges do not count
    return a[0] < b[2] - eps and b[0] < a[2] - eps and a[1] < b[3] - eps and b[1] < a[3] - eps
