"""Write the test papers of protective markings, exemptions read from a Part 2 heading, an officer's Part 2
start, and blank pages (tests/test_structure_markings.py). Run from the repository root:

    .venv/bin/python tests/structure_pdfs/make_marking_pdfs.py

reportlab writes every paper but one; ``lo_writerweb_blank_first`` is made by LibreOffice Writer/Web (which
emits a blank first page by itself) when soffice is installed. All people and numbers are fictional.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

OUT = Path(__file__).parent / "markings"
W, H = A4
LEAD = 14.0
FORM_NO = "Is there a Part 2 form? NO"
FORM_YES = "Is there a Part 2 form? YES"
BODY = ["The recommendation is approved within the existing budget envelope.",
        "Residents raised concerns about noise and the grant conditions were agreed.",
        "The estates team will report progress to the board each quarter."]


def paper(pages: list[list], *, header=None, footer=None) -> bytes:
    """Pages of lines top to bottom; ``header``/``footer``: a text, or a function of the page number, drawn in
    the margin of every page (None: none; a dict page -> text: only those pages). An entry ("image", text)
    is a picture of the text; ("bold", text) a bold line; ("rule",) a horizontal line; ("scribble",) a
    drawn signature of many curve segments."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for number, lines in enumerate(pages, 1):
        for text, y in ((_margin(header, number), H - 30), (_margin(footer, number), 24)):
            if text:
                c.setFont("Helvetica-Bold", 9)
                c.drawCentredString(W / 2, y, text)
        y = H - 90
        for entry in lines:
            kind, *rest = entry if isinstance(entry, tuple) else ("text", entry)
            if kind == "image":
                c.drawImage(ImageReader(_text_image(rest[0])), 60, y - 30, width=W - 120, height=34)
                y -= 44
                continue
            if kind == "rule":
                c.line(60, y, W - 60, y)
            elif kind == "scribble":
                path = c.beginPath()
                path.moveTo(80, y)
                for i in range(40):
                    path.curveTo(90 + 6 * i, y + 12, 94 + 6 * i, y - 12, 98 + 6 * i, y)
                c.drawPath(path, stroke=1, fill=0)
            else:
                c.setFont("Helvetica-Bold" if kind == "bold" else "Helvetica", 10)
                c.drawString(60, y, rest[0])
            y -= LEAD
        c.showPage()
    c.save()
    return buf.getvalue()


def _margin(spec, number: int) -> str | None:
    if spec is None:
        return None
    if isinstance(spec, dict):
        return spec.get(number)
    return spec(number) if callable(spec) else spec


def _text_image(text: str) -> Image.Image:
    img = Image.new("RGB", (1200, 60), "white")
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 34)
    except OSError:
        font = ImageFont.load_default()
    draw.text((10, 10), text, fill="black", font=font)
    return img


def front(ref: str, form: str = FORM_NO) -> list:
    return [f"Mayor's Office for Policing and Crime - Decision {ref}: Estates strategy", *BODY, form]


PART2_BODY = ["Bidder Swiftvial quoted a unit price of 3.18 pounds per courier run.",
              "The second bidder offered a rebate of twelve percent on the framework."]


def papers() -> dict[str, bytes]:
    three = [front("PCD 2340"), ["Financial comments", *BODY], ["Legal comments", *BODY]]
    return {
        # --- protective markings ---
        "running_official_sensitive": paper(three, header="OFFICIAL-SENSITIVE", footer="OFFICIAL-SENSITIVE"),
        "running_confidential_until_approved": paper(
            three, header="CONFIDENTIAL until approved by the Deputy Mayor"),
        "running_footer_restricted_page_numbers": paper(three, footer=lambda n: f"RESTRICTED - Page {n} of 3"),
        "marking_over_section": paper([front("PCD 2341"), ["Financial comments", *BODY, ("bold", "CONFIDENTIAL"),
                                                           *PART2_BODY], ["Legal comments", *BODY]]),
        "marking_header_annex_pages_only": paper(three, header={2: "CONFIDENTIAL", 3: "CONFIDENTIAL"}),
        "running_header_single_page": paper([front("PCD 2342")], header="OFFICIAL-SENSITIVE"),
        "running_not_for_publication": paper(three, header="NOT FOR PUBLICATION"),
        "running_header_with_part2": paper(
            [front("PCD 2343", FORM_YES), ["Financial comments", *BODY,
                                           ("bold", "Part 2 - Confidential facts and advice"),
                                           "Not for publication until 31/03/2030 under section 43.", *PART2_BODY],
             [*PART2_BODY]], header="OFFICIAL-SENSITIVE"),
        # --- exemptions read from the Part 2 heading ---
        "heading_under_section_43": paper([[*front("TB 26/07", FORM_YES), (
            "bold", "Part 2 - Commercially sensitive (NOT FOR PUBLICATION until 30/06/2031 under section 43)"),
            *PART2_BODY]]),
        "heading_s43_2": paper([[*front("PCD 2344", FORM_YES), (
            "bold", "Part 2 - Not for publication until 31/12/2030, s.43(2)"), *PART2_BODY]]),
        "heading_schedule_12a": paper([[*front("CAB 2027/031", FORM_YES), ("bold", "Part 2 - Exempt information"),
                                        "Not for publication by virtue of paragraph 3 of Schedule 12A to the "
                                        "Local Government Act 1972.", *PART2_BODY]]),
        "heading_schedule_12a_two_paragraphs": paper([[*front("CAB 2027/032", FORM_YES), (
            "bold", "Part 2 - Not for publication"), "Exempt under paragraphs 3 and 5 of Part 1 of Schedule 12A.",
            *PART2_BODY]]),
        # --- a Part 2 heading drawn as a picture: the officer marks the start ---
        "image_heading_officer_start": paper([[*front("PCD 2345", FORM_YES), ("image", "PART 2 - CONFIDENTIAL"),
                                               "This section is not for publication until 30/06/2031 under",
                                               "section 43 of the Freedom of Information Act 2000.",
                                               *PART2_BODY]]),
        # --- blank pages are no scans ---
        "blank_first_page": paper([[], front("PCD 2346")]),
        "blank_page_with_rule": paper([front("PCD 2347"), [("rule",)], ["Legal comments", *BODY]]),
        "image_only_page": paper([front("PCD 2348"), [("image", "Signed by the Deputy Mayor")]]),
        "drawn_scribble_page": paper([front("PCD 2349"), [("scribble",)]]),
    }


LO_HTML = """<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>
<h1>Mayor's Office for Policing and Crime</h1><h2>Decision PCD 2350: Custody suite refurbishment</h2>
<p>The recommendation is approved within the existing budget envelope.</p><p>Is there a Part 2 form? NO</p>
</body></html>"""


def lo_writerweb() -> bytes | None:
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "paper.html"
        src.write_text(LO_HTML, encoding="utf-8")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "pdf:writer_web_pdf_Export", "--outdir", tmp, str(src)], capture_output=True, timeout=180)
        out = Path(tmp) / "paper.pdf"
        return out.read_bytes() if out.exists() else None


def main(names: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    made = papers()
    for name, data in made.items():
        if not names or name in names:
            (OUT / f"{name}.pdf").write_bytes(data)
    if not names or "lo_writerweb_blank_first" in names:
        data = lo_writerweb()
        if data is None:
            print("soffice not found or failed: lo_writerweb_blank_first.pdf not written", file=sys.stderr)
        else:
            (OUT / "lo_writerweb_blank_first.pdf").write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
