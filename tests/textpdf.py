"""Render plain text to a simple PDF with reportlab (Type 1 Helvetica, WinAnsi), for table-driven tests.

Lines are wrapped at ``width`` characters; a line ``---page---`` starts a new page. Returns PDF bytes.
"""

import io
import textwrap

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def text_pdf(text: str, *, width: int = 90, font_size: float = 10, invariant: bool = True) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=int(invariant))
    c.setFont("Helvetica", font_size)
    top = A4[1] - 60
    y = top
    for raw in text.splitlines():
        if raw.strip() == "---page---":
            c.showPage()
            c.setFont("Helvetica", font_size)
            y = top
            continue
        for line in textwrap.wrap(raw, width) or [""]:
            if y < 60:
                c.showPage()
                c.setFont("Helvetica", font_size)
                y = top
            c.drawString(60, y, line)
            y -= font_size * 1.4
    c.save()
    return buf.getvalue()
