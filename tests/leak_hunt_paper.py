"""A small fictional decision paper for the leak-hunt tests (tests/test_leak_hunt_*.py): page 1 is Part 1 with
a person's name and two phone numbers (Ofcom drama ranges), page 2 starts "PART 2 - NOT FOR PUBLICATION".
``paper(change)`` returns the PDF bytes after ``change(pdf)`` (pikepdf) has hidden something in it."""

from __future__ import annotations

import io

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

NAME, PHONE, PHONE2 = "Imogen Tarrant-Vosper", "020 7946 0123", "07700 900456"
VALUES = [NAME, PHONE, PHONE2]
SECRET = "The preferred contractor offered a discount of nine per cent on the second tranche of works."
PART2 = [
    SECRET,
    "Negotiations with the two reserve bidders closed without a revised tender from either party.",
    "The contingency held back for asbestos removal is eleven thousand pounds in this financial year.",
]
PART1 = [
    "Executive summary",
    "The Board approved the refurbishment of the custody suite at the central station.",
    f"Report author: Detective Sergeant {NAME}, telephone {PHONE}, mobile {PHONE2}.",
    "Financial comments: the cost is met from the existing capital budget.",
    "Legal comments: the works fall within the existing planning consent.",
    "Public access to information",
    "Is there a Part 2 form - YES",
]


def base() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 780, "PCD 9307 Decision: Custody suite refurbishment 2026/27")
    c.setFont("Helvetica", 10.5)
    y = 750
    for line in PART1:
        c.drawString(60, y, line)
        y -= 18
    c.showPage()
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 780, "PART 2 - NOT FOR PUBLICATION")
    c.setFont("Helvetica", 10.5)
    y = 755
    for line in ["FOIA Sec 43 Commercial interests. This part is exempt until 01/04/2031.", *PART2]:
        c.drawString(60, y, line)
        y -= 18
    c.showPage()
    c.save()
    return buf.getvalue()


def paper(change=None) -> bytes:
    data = base()
    if change is None:
        return data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def font_name(pdf: pikepdf.Pdf) -> bytes:
    """The resource name of page 1's body font (reportlab's Helvetica)."""
    fonts = pdf.pages[0].obj.Resources.Font
    return [k for k in fonts.keys() if str(fonts[k].get("/BaseFont", "")) == "/Helvetica"][0].encode()


def draw(ops: bytes, **resources):
    """A change that adds ``ops`` to page 1's content, with extra resources by category."""
    def change(pdf: pikepdf.Pdf) -> None:
        page = pdf.pages[0]
        for category, entries in resources.items():
            group = page.obj.Resources.get(f"/{category}")
            if group is None:
                group = page.obj.Resources[f"/{category}"] = pikepdf.Dictionary()
            for key, value in entries.items():
                group[f"/{key}"] = value(pdf) if callable(value) else value
        page.contents_add(pdf.make_stream(ops.replace(b"/BODY", font_name(pdf))))
    return change


def literal(text: str) -> bytes:
    return b"(" + text.encode("latin-1") + b")"
