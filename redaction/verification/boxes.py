"""Redaction boxes hold nothing but their label.

=================  =========================================================================================
boxes-empty        pdfium (called directly) finds a character whose centre lies in a redaction box, other
                   than the characters of the box's label
=================  =========================================================================================
"""

from __future__ import annotations

import pypdfium2 as pdfium

from .pdfium_calls import BoxOut, get_char_box, get_unicode, handle, is_generated
from .result import fail


def check_boxes(data: bytes | pdfium.PdfDocument, regions: list[list], part: int) -> None:
    """``data``: the output, or the pdfium document already opened from it."""
    if not any(r.draws_box for page in regions for r in page):
        return
    pdf = data if isinstance(data, pdfium.PdfDocument) else pdfium.PdfDocument(data)
    try:
        for number, page_regions in enumerate(regions, 1):
            boxes = [r for r in page_regions if r.draws_box]
            if boxes and number <= len(pdf) and _under_boxes(pdf, number - 1, boxes):
                fail("boxes-empty", part, number)
    finally:
        if pdf is not data:
            pdf.close()


def _under_boxes(pdf: pdfium.PdfDocument, index: int, boxes: list) -> bool:
    page = pdf[index]
    textpage = page.get_textpage()
    out = BoxOut()
    left, right, bottom, top, args = out.left, out.right, out.bottom, out.top, out.args
    raw = handle(textpage)
    under = []
    try:
        for i in range(textpage.count_chars()):
            if is_generated(raw, i):
                continue
            code = get_unicode(raw, i)
            char = chr(code) if 0 < code < 0x110000 else ""
            if not char.strip() or not get_char_box(raw, i, *args):
                continue
            cx, cy = (left.value + right.value) / 2, (bottom.value + top.value) / 2
            if any(r.box[0] <= cx <= r.box[2] and r.box[1] <= cy <= r.box[3] for r in boxes):
                under.append(char)
    finally:
        textpage.close()
        page.close()
    rest = "".join(under)
    for label in sorted({r.label for r in boxes if r.label}, key=len, reverse=True):
        rest = rest.replace(label, "")
    return bool(rest.strip())
