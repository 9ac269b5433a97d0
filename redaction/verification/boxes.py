"""Redaction boxes hold nothing but their label.

=================  =========================================================================================
boxes-empty        pdfium (called directly) finds a character whose centre lies in a redaction box, other
                   than the characters of the box's label
=================  =========================================================================================
"""

from __future__ import annotations

import pypdfium2 as pdfium

from .pdfium_calls import BoxOut, OutputPages, get_char_box, get_unicode, handle, is_generated
from .result import fail


def check_boxes(data: bytes | pdfium.PdfDocument | OutputPages, regions: list[list], part: int) -> None:
    """``data``: the output, or the pdfium document already opened from it (an :class:`OutputPages`: its
    pages and text pages, loaded once for every check reading them)."""
    if not any(r.draws_box for page in regions for r in page):
        return
    pdf = data if isinstance(data, (pdfium.PdfDocument, OutputPages)) else pdfium.PdfDocument(data)
    try:
        for number, page_regions in enumerate(regions, 1):
            boxes = [r for r in page_regions if r.draws_box]
            if boxes and number <= len(pdf) and _under_boxes(pdf, number - 1, boxes):
                fail("boxes-empty", part, number)
    finally:
        if pdf is not data:
            pdf.close()


def _under_boxes(pdf: pdfium.PdfDocument | OutputPages, index: int, boxes: list) -> bool:
    shared = isinstance(pdf, OutputPages)
    page = pdf.page(index) if shared else pdf[index]
    textpage = pdf.textpage(index) if shared else page.get_textpage()
    out = BoxOut()
    left, right, bottom, top, args = out.left, out.right, out.bottom, out.top, out.args
    raw = handle(textpage)
    under = []
    areas = [tuple(r.box[:4]) for r in boxes]
    try:
        # The box first (one call), then, only for a centre inside a box, whether pdfium generated the
        # character and what it is: the same characters as testing each one's text first.
        for i in range(textpage.count_chars()):
            if not get_char_box(raw, i, *args):
                continue
            cx, cy = (left.value + right.value) / 2, (bottom.value + top.value) / 2
            if not any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in areas):
                continue
            if is_generated(raw, i):
                continue
            code = get_unicode(raw, i)
            char = chr(code) if 0 < code < 0x110000 else ""
            if char.strip():
                under.append(char)
    finally:
        if not shared:  # the owner of shared pages closes them
            textpage.close()
            page.close()
    rest = "".join(under)
    for label in sorted({r.label for r in boxes if r.label}, key=len, reverse=True):
        rest = rest.replace(label, "")
    return bool(rest.strip())
