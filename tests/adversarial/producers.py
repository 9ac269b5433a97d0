"""Producers for the acceptance corpus (make_corpus2.py, make_holdout.py): a reportlab page with the paper's
usual lines, LibreOffice headless from a flat ODT, Chromium headless from HTML, and Pillow pictures.

All names and numbers are fictional (Ofcom drama ranges).
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def page_pdf(lines: list[tuple[float, str]], draw=None, *, title: str, pages: int = 1, font="Helvetica",
             later=None) -> bytes:
    """One reportlab paper: a title, ``lines`` as (y, text) on page 1, then ``draw(c)``; ``later(c, n)``
    draws page n (2..pages)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(font, 14)
    c.drawString(60, 780, title)
    c.setFont(font, 10.5)
    for y, text in lines:
        c.drawString(60, y, text)
    if draw:
        draw(c)
    for n in range(2, pages + 1):
        c.showPage()
        c.setFont(font, 10.5)
        later(c, n)
    c.showPage()
    c.save()
    return buf.getvalue()


def edit(data: bytes, change) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    change(pdf)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def text_image(lines: list[str], size=(900, 300), font_px=34, bg=(255, 255, 255), fg=(0, 0, 0),
               top: int = 20) -> Image.Image:
    im = Image.new("RGB", size, bg)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(TTF, font_px)
    for i, line in enumerate(lines):
        d.text((20, top + i * int(font_px * 1.5)), line, fill=fg, font=font)
    return im


def photo(size=(480, 320)) -> Image.Image:
    """A picture with no words in it: sky, a building and a lawn."""
    im = Image.new("RGB", size, (120, 170, 230))
    d = ImageDraw.Draw(im)
    w, h = size
    d.rectangle([0, int(h * 0.7), w, h], fill=(60, 140, 60))
    d.rectangle([int(w * 0.25), int(h * 0.3), int(w * 0.7), int(h * 0.75)], fill=(150, 90, 60))
    for k in range(4):
        x = int(w * 0.3) + k * int(w * 0.1)
        d.rectangle([x, int(h * 0.4), x + int(w * 0.05), int(h * 0.5)], fill=(230, 230, 160))
    return im


def png_bytes(im: Image.Image, dpi: float | None = None) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return buf.getvalue()


def jpeg_with_metadata(im: Image.Image, *, artist: str, comment: str, xmp: str) -> bytes:
    """A JPEG carrying EXIF (Artist, Copyright, ImageDescription), an XMP packet and a COM segment."""
    exif = Image.Exif()
    exif[0x013B] = artist  # Artist
    exif[0x8298] = f"(c) {artist}"  # Copyright
    exif[0x010E] = comment  # ImageDescription
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=85, exif=exif.tobytes(), comment=comment.encode())
    jpeg = buf.getvalue()
    packet = (b"http://ns.adobe.com/xap/1.0/\x00" + xmp.encode())
    app1 = b"\xff\xe1" + (len(packet) + 2).to_bytes(2, "big") + packet
    return jpeg[:2] + app1 + jpeg[2:]


def xmp_packet(creator: str, description: str) -> str:
    return ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>'
            f'{creator}</rdf:li></rdf:Seq></dc:creator><dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
            f'{description}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>'
            '<?xpacket end="w"?>')


# --- LibreOffice -------------------------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0"
 xmlns:office_ooo="http://openoffice.org/2009/office"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"""


def fodt(body: str, *, styles: str = "", automatic: str = "", master: str = "") -> str:
    """A flat ODT: ``body`` is the office:text content; ``master`` the header/footer of the page style."""
    page_layout = ('<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
                   'fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" '
                   'fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties '
                   'fo:min-height="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties '
                   'fo:min-height="0.6cm"/></style:footer-style></style:page-layout>')
    return (FODT_HEAD
            + "<office:font-face-decls/>"
            + f"<office:styles>{styles}</office:styles>"
            + f"<office:automatic-styles>{page_layout}{automatic}</office:automatic-styles>"
            + f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
              f"{master}</style:master-page></office:master-styles>"
            + f"<office:body><office:text>{body}</office:text></office:body></office:document>")


def image_frame(png: bytes, *, name: str, width_cm: float, height_cm: float, clip: str = "",
                style: str = "") -> str:
    data = base64.b64encode(png).decode()
    return (f'<draw:frame draw:name="{name}" {f"draw:style-name={chr(34)}{style}{chr(34)}" if style else ""} '
            f'text:anchor-type="as-char" svg:width="{width_cm}cm" svg:height="{height_cm}cm">'
            f'<draw:image><office:binary-data>{data}</office:binary-data></draw:image></draw:frame>')


def libreoffice_pdf(document: str, *, suffix: str = ".fodt", export_notes: bool = False) -> bytes:
    soffice = shutil.which("soffice") or sys.exit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"paper{suffix}"
        src.write_text(document, encoding="utf-8")
        target = "pdf:writer_pdf_Export"
        if export_notes:
            target += ':{"ExportNotes":{"type":"boolean","value":"true"}}'
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        target, "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        return (Path(tmp) / "paper.pdf").read_bytes()


# --- Ghostscript ------------------------------------------------------------------------------------------------


def ghostscript_pdf(data: bytes) -> bytes:
    """Distil a PDF again with Ghostscript's pdfwrite: fonts become CFF (Type1C) subsets with glyph names."""
    gs = shutil.which("gs") or sys.exit("Ghostscript (gs) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(data)
        subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dSubsetFonts=true",
                        "-dEmbedAllFonts=true", "-dPDFSETTINGS=/prepress", f"-sOutputFile={out}", "-c",
                        "<< /NeverEmbed [ ] >> setdistillerparams", "-f", str(src)], check=True,
                       capture_output=True, timeout=180)
        return out.read_bytes()


# --- Chromium ------------------------------------------------------------------------------------------------


def chromium_pdf(html: str) -> bytes:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or sys.exit("chromium is needed")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "p.html", Path(tmp) / "p.pdf"
        src.write_text(html, encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", src.as_uri()], check=True,
                       capture_output=True, timeout=180)
        return out.read_bytes()
