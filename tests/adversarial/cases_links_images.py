"""Link and image cases of the acceptance corpus: URIs holding a removed value in another form, JPEG
metadata segments, a scanned page whose JPEG names the person, a page thumbnail. Each returns (pdf bytes,
manifest entry)."""

from __future__ import annotations

import io

import pikepdf
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.adversarial.cases_removal import LINES, ORDINARY, _meta
from tests.adversarial.cases_split import EMAIL, NAME, PHONE, TITLE
from tests.adversarial.producers import TTF, edit, jpeg_with_metadata, page_pdf, photo, xmp_packet


def _link_page(links: list[tuple[float, str, str]]) -> bytes:
    def draw(c):
        for y, label, uri in links:
            c.drawString(60, y, label)
            c.linkURL(uri, (58, y - 3, 60 + pdfmetrics.stringWidth(label, "Helvetica", 10.5), y + 11),
                      relative=0)
    return page_pdf(LINES, draw, title=TITLE)


def link_percent_plus() -> tuple[bytes, dict]:
    links = [(620, "Staff directory entry for the report author.",
              "https://www.example.gov.uk/staff?name=Oliver%20Quist&unit=custody"),
             (600, "Search the register of interests.", "https://www.example.gov.uk/search?q=Oliver+Quist"),
             (580, "Ring the custody desk.", "tel:07700.900.987"),
             (560, "Ring from abroad.", "tel:+44-7700-900987")]
    ordinary = ORDINARY + ["Search the register of interests.", "Ring the custody desk."]
    return _link_page(links), _meta("links: percent, +, separators, international tel:", "reportlab",
                                    ordinary=ordinary)


def link_other_forms() -> tuple[bytes, dict]:
    """The number as messaging apps and web forms write it: wa.me, sms:, 0044, a percent-encoded +."""
    links = [(620, "Message the duty team.", "https://wa.me/447700900987"),
             (600, "Text the duty team.", "sms:%2B447700900987"),
             (580, "Call from a landline abroad.", "tel:0044%207700%20900%20987"),
             (560, "Request a call back.", "https://www.example.gov.uk/callback?phone=07700+900+987&ok=1")]
    ordinary = ORDINARY + ["Message the duty team.", "Request a call back."]
    return _link_page(links), _meta("links: wa.me, sms:, 0044, percent-encoded + and spaces", "reportlab",
                                    ordinary=ordinary)


def link_mailto_display() -> tuple[bytes, dict]:
    links = [(620, "Write to the report author.",
              "mailto:%22Oliver%20Quist%22%20%3Coliver.quist@example.gov.uk%3E?subject=PCD%209102"),
             (600, "Copy the clerk in.", "mailto:Oliver Quist <oliver.quist@example.gov.uk>")]
    ordinary = ORDINARY + ["Write to the report author."]
    return _link_page(links), _meta("links: mailto with a display name", "reportlab", ordinary=ordinary)


def jpeg_metadata() -> tuple[bytes, dict]:
    jpeg = jpeg_with_metadata(photo(), artist=NAME, comment=f"Photo {NAME} {PHONE} {EMAIL}",
                              xmp=xmp_packet(NAME, f"Taken by {NAME}, {PHONE}"))

    def draw(c):
        c.drawImage(ImageReader(io.BytesIO(jpeg)), 60, 380, width=240, height=160)
        c.drawString(60, 360, "Photograph: the custody suite before the works.")
    ordinary = ORDINARY + ["Photograph: the custody suite before the works."]
    return page_pdf(LINES, draw, title=TITLE), _meta("image: JPEG EXIF, XMP and COM segments", "reportlab",
                                                     ordinary=ordinary)


def jpeg_com_after_blanking() -> tuple[bytes, dict]:
    """A scanned page (one JPEG) with an invisible OCR text layer; the JPEG's COM and EXIF name the
    person whose name the engine blanks in the pixels."""
    scale = 150 / 72
    w, h = int(595.27 * scale), int(841.89 * scale)
    im = Image.new("RGB", (w, h), (250, 250, 246))
    d = ImageDraw.Draw(im)
    lines = [(780, TITLE, 14)] + [(y, t, 10.5) for y, t in LINES]
    for y, text, size in lines:
        d.text((60 * scale, (841.89 - y) * scale), text, fill=(20, 20, 20),
               font=ImageFont.truetype(TTF, int(size * scale)), anchor="ls")
    jpeg = jpeg_with_metadata(im, artist=NAME, comment=f"Scanned for {NAME} {PHONE}",
                              xmp=xmp_packet(NAME, f"Scan by {NAME}"))
    pdfmetrics.registerFont(TTFont("DejaVuSans", TTF))

    def draw(c):
        c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=595.27, height=841.89)
        for y, text, size in lines:
            t = c.beginText(60, y)
            t.setTextRenderMode(3)
            t.setFont("DejaVuSans", size)
            t.textLine(text)
            c.drawText(t)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue(), _meta("image: COM segment after blanking (scanned page, OCR layer)", "reportlab")


def page_thumbnail() -> tuple[bytes, dict]:
    """A page thumbnail (/Thumb) drawn before redaction: the name is in its pixels."""
    im = Image.new("RGB", (600, 850), (255, 255, 255))
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(TTF, 22)
    for k, (_, text) in enumerate(LINES):
        d.text((30, 60 + 40 * k), text[:45], fill=(0, 0, 0), font=font)
    d.text((30, 300), f"{NAME}  {PHONE}", fill=(0, 0, 0), font=ImageFont.truetype(TTF, 34))

    def change(pdf):
        thumb = pdf.make_stream(im.tobytes(), Width=600, Height=850, ColorSpace=pikepdf.Name.DeviceRGB,
                                BitsPerComponent=8)
        pdf.pages[0].obj.Thumb = thumb
    return edit(page_pdf(LINES, title=TITLE), change), _meta("image: page thumbnail (/Thumb) with the name",
                                                             "pikepdf")


CASES = {
    "link_percent_plus": link_percent_plus, "link_mailto_display": link_mailto_display,
    "link_other_forms": link_other_forms, "jpeg_metadata": jpeg_metadata,
    "jpeg_com_after_blanking": jpeg_com_after_blanking, "page_thumbnail": page_thumbnail,
}
