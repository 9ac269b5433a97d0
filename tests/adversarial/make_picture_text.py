"""Personal data as pixels in a small picture on a text page (a pasted signature block), for the OCR stage.

Pillow draws the block; reportlab places it on an ordinary text page. Three placements: upright, on a page
turned by ``/Rotate 90``, and the picture itself drawn turned a quarter (a placement matrix that rotates).
A fourth picture holds only faint, noisy marks (no readable text): it must not produce findings.
Fictional people; Ofcom drama numbers.

    .venv/bin/python -m tests.adversarial.make_picture_text   # writes tests/adversarial/picture_text/*.pdf
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from reportlab.lib.utils import ImageReader

from tests.adversarial.producers import page_pdf, photo, png_bytes, text_image

OUT = Path(__file__).parent / "picture_text"
NAME = "Wilhelmina Staveley"
PHONE = "0113 496 0571"
EMAIL = "w.staveley@harrowgate.gov.uk"
ORDINARY = ["The committee approved the revised parking charges for the town centre.",
            "The charges take effect from the first of April after a notice period."]
BLOCK = [f"Signed: {NAME}", f"Tel {PHONE}", EMAIL]


def _block() -> ImageReader:
    return ImageReader(io.BytesIO(png_bytes(text_image(BLOCK, size=(900, 230), font_px=40))))


def upright() -> bytes:
    def draw(c):
        c.drawImage(_block(), 60, 560, width=270, height=69)
        c.drawImage(ImageReader(io.BytesIO(png_bytes(photo()))), 360, 540, width=150, height=100)
    return page_pdf([(740, ORDINARY[0]), (720, ORDINARY[1])], draw, title="Decision HG 2026/31: Parking charges")


def turned_page() -> bytes:
    data = upright()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.pages[0].obj["/Rotate"] = 90
        buf = io.BytesIO()
        pdf.save(buf, deterministic_id=True)
        return buf.getvalue()


def turned_picture() -> bytes:
    def draw(c):
        c.saveState()
        c.translate(400, 380)
        c.rotate(90)
        c.drawImage(_block(), 0, 0, width=270, height=69)
        c.restoreState()
    return page_pdf([(740, ORDINARY[0]), (720, ORDINARY[1])], draw, title="Decision HG 2026/32: Parking charges")


CASES = {"upright": upright, "turned_page": turned_page, "turned_picture": turned_picture}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, make in CASES.items():
        (OUT / f"{name}.pdf").write_bytes(make())


if __name__ == "__main__":
    main()
