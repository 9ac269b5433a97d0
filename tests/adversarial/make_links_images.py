"""Make the link and image cases of the adversarial corpus (tests/adversarial/links_images/).

Links: URIs that hold a removed value in a form no text reader shows (percent-encoding, ``+`` for a space,
``.``/``-`` separators, a name run together, ``tel:`` in international form, ``mailto:`` with a display
name), and LibreOffice's own ``tel:`` links. Images: a JPEG with EXIF, XMP and COM segments naming the
photographer; a picture cropped by a clip path (by pikepdf, and by LibreOffice) whose hidden part is a
distinctive magenta; colour-key, stencil and soft masks; ICCBased, Indexed, CMYK and 1/4-bit grey colour
spaces; and an image in a filter nothing here decodes (the page must become a picture).

Run ``.venv/bin/python tests/adversarial/make_links_images.py``; it rewrites the PDFs beside the tests
(reportlab, pikepdf, Pillow, and LibreOffice headless for the ``libreoffice_*`` cases). The PDFs are
committed, so the tests need none of these tools. Names and numbers are fictional (Ofcom drama ranges).
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pikepdf
from PIL import Image, ImageCms, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parent / "links_images"
NAME = "Mike West"
PHONE = "07700 900987"
EMAIL = "mike.west@example.gov.uk"
ORDINARY = "The Board approved the procurement of body worn video cameras for all response teams."
VISIBLE = f"Report author: Detective Sergeant {NAME}, telephone {PHONE}, email {EMAIL}."
FINANCE = "Financial comments: the cost is met from the existing capital budget."
MAGENTA = (255, 0, 255)
GREEN = (20, 160, 60)

# URIs that name a removed value only once decoded; each must be dropped. The last one must be kept.
LEAKY_URIS = [
    "https://example.gov.uk/staff/mike-west",
    "https://example.gov.uk/staff/mike.west",
    "https://example.gov.uk/staff/MikeWest",
    "https://example.gov.uk/search?q=Mike+West",
    "https://example.gov.uk/search?q=%4Dike%20%57est",
    "https://example.gov.uk/search?q=Mike%2520West",
    "tel:+447700900987",
    "tel:0044-7700-900-987",
    "tel:%2B44%207700%20900987",
    "mailto:%22Mike%20West%22%20%3Cduty.desk@example.org%3E",
    "mailto:Mike West <duty.desk@example.org>",
    "mailto:MIKE.WEST@EXAMPLE.GOV.UK?subject=Decision",
]
SAFE_URI = "https://example.gov.uk/decisions/pcd-9001"


def _paper(draw=None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 14)
    c.drawString(60, 780, "Decision PCD 9001: Body worn video")
    c.setFont("Helvetica", 11)
    c.drawString(60, 740, ORDINARY)
    c.drawString(60, 720, VISIBLE)
    c.drawString(60, 700, FINANCE)
    c.drawString(60, 680, "See the decision register for the background papers.")
    if draw:
        draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _with_page(data: bytes, change) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf, pdf.pages[0])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _draw(pdf: pikepdf.Pdf, page: pikepdf.Page, images: dict[str, pikepdf.Stream], content: bytes) -> None:
    resources = page.obj.Resources
    if "/XObject" not in resources:
        resources.XObject = pikepdf.Dictionary()
    for name, image in images.items():
        resources.XObject[name] = pdf.make_indirect(image)
    page.contents_add(pdf.make_stream(content))


def _image(pdf, pil: Image.Image, colorspace, **extra) -> pikepdf.Stream:
    return pikepdf.Stream(pdf, zlib.compress(pil.tobytes()), Type=pikepdf.Name.XObject,
                          Subtype=pikepdf.Name.Image, Width=pil.width, Height=pil.height, BitsPerComponent=8,
                          ColorSpace=colorspace, Filter=pikepdf.Name.FlateDecode, **extra)


# --- links -------------------------------------------------------------------------------------------

def links_encoded() -> bytes:
    def change(pdf, page):
        annots = []
        for i, uri in enumerate(LEAKY_URIS + [SAFE_URI]):
            y = 600 - 14 * i  # away from the personal data's line: only the URI can make it fail
            annots.append(pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[60, y, 300, y + 12],
                Border=[0, 0, 0], A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri)))))
        page.obj.Annots = pikepdf.Array(annots)

    def draw(c):
        for i in range(len(LEAKY_URIS) + 1):
            c.drawString(60, 602 - 14 * i, f"Background paper {i + 1}")
    return _with_page(_paper(draw), change)


# --- images ------------------------------------------------------------------------------------------

def _photo() -> Image.Image:
    img = Image.new("RGB", (160, 120), (70, 110, 190))
    for x in range(160):
        for y in range(0, 120, 7):
            img.putpixel((x, y), (200, 200, (x * 3) % 256))
    return img


def _jpeg_with_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    exif[0x8298] = f"{NAME} {PHONE}"  # Copyright
    exif[0x010E] = f"Photo sent by {EMAIL}"  # ImageDescription
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{NAME}</dc:creator>'
           f'<dc:rights>{EMAIL}</dc:rights></rdf:Description></rdf:RDF></x:xmpmeta>').encode()
    buf = io.BytesIO()
    _photo().save(buf, format="JPEG", quality=92, exif=exif, xmp=xmp, comment=f"Taken by {NAME}, {PHONE}",
                  icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    return buf.getvalue()


def jpeg_with_metadata() -> bytes:
    """EXIF (Artist, Copyright), XMP (dc:creator) and a COM segment, all naming the photographer."""
    jpeg = _jpeg_with_metadata()

    def change(pdf, page):
        image = pikepdf.Stream(pdf, jpeg, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=160,
                               Height=120, BitsPerComponent=8, ColorSpace=pikepdf.Name.DeviceRGB,
                               Filter=pikepdf.Name.DCTDecode)
        _draw(pdf, page, {"/Photo": image}, b"q 160 0 0 120 60 450 cm /Photo Do Q")
    return _with_page(_paper(), change)


def jpeg_in_pattern() -> bytes:
    """The photo with its EXIF/XMP/COM inside a tiling pattern's cell, on a page with nothing to redact
    (the content walk never draws it directly: only a sweep of every reachable image finds it)."""
    jpeg = _jpeg_with_metadata()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(60, 740, ORDINARY)
    c.drawString(60, 720, VISIBLE)
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(60, 740, FINANCE)
    c.showPage()
    c.save()

    def change(pdf, page):
        page = pdf.pages[1]
        image = pikepdf.Stream(pdf, jpeg, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=160,
                               Height=120, BitsPerComponent=8, ColorSpace=pikepdf.Name.DeviceRGB,
                               Filter=pikepdf.Name.DCTDecode)
        pattern = pdf.make_indirect(pikepdf.Stream(
            pdf, b"q 160 0 0 120 0 0 cm /Photo Do Q", Type=pikepdf.Name.Pattern, PatternType=1, PaintType=1,
            TilingType=1, BBox=[0, 0, 160, 120], XStep=160, YStep=120,
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Photo=pdf.make_indirect(image)))))
        page.obj.Resources.Pattern = pikepdf.Dictionary(P1=pattern)
        page.contents_add(pdf.make_stream(b"q /Pattern cs /P1 scn 60 450 320 240 re f Q"))
    return _with_page(buf.getvalue(), change)


def _two_halves() -> Image.Image:
    """Left half magenta (to be cropped away), right half green (visible)."""
    img = Image.new("RGB", (200, 100), GREEN)
    img.paste(MAGENTA, (0, 0, 100, 100))
    return img


def cropped_by_clip() -> bytes:
    def change(pdf, page):
        image = _image(pdf, _two_halves(), pikepdf.Name.DeviceRGB)
        # The image spans x 60..260; the clip shows only x 160..260 (its green half).
        _draw(pdf, page, {"/Pic": image}, b"q 160 450 100 100 re W n q 200 0 0 100 60 450 cm /Pic Do Q Q")
    return _with_page(_paper(), change)


def rotated_crop() -> bytes:
    """A picture turned by 30 degrees and clipped to a box inside its green centre: cropping to a box in
    the picture's own pixels is not enough, the corners of that box are hidden too."""
    import math

    def change(pdf, page):
        img = Image.new("RGB", (200, 200), MAGENTA)
        # A green disc (radius 45 px) holds the clip's preimage (a turned 60 px square, half-diagonal 42.4);
        # the box around that square (82 px) reaches into the magenta, which must not survive.
        ImageDraw.Draw(img).ellipse((55, 55, 145, 145), fill=GREEN)
        t = math.radians(30)
        cos, sin = math.cos(t), math.sin(t)
        # unit square -> centred, 200 pt, turned by t, centre at (300, 400)
        a, b, c, d = 200 * cos, 200 * sin, -200 * sin, 200 * cos
        e, f = 300 - 0.5 * (a + c), 400 - 0.5 * (b + d)
        _draw(pdf, page, {"/Pic": _image(pdf, img, pikepdf.Name.DeviceRGB)},
              f"q 270 370 60 60 re W n q {a:.4f} {b:.4f} {c:.4f} {d:.4f} {e:.4f} {f:.4f} cm /Pic Do Q Q".encode())
    return _with_page(_paper(), change)


def masks() -> bytes:
    """A colour-key mask (white keyed out), a stencil mask, a soft mask."""
    def change(pdf, page):
        keyed = Image.new("RGB", (40, 40), (255, 255, 255))
        keyed.paste((200, 30, 30), (10, 10, 30, 30))
        stencil = Image.new("1", (40, 40), 1)
        stencil.paste(0, (5, 5, 35, 35))
        alpha = Image.linear_gradient("L").resize((40, 40))
        mask_stream = pikepdf.Stream(pdf, zlib.compress(stencil.tobytes()), Type=pikepdf.Name.XObject,
                                     Subtype=pikepdf.Name.Image, Width=40, Height=40, ImageMask=True,
                                     BitsPerComponent=1, Filter=pikepdf.Name.FlateDecode)
        images = {
            "/Keyed": _image(pdf, keyed, pikepdf.Name.DeviceRGB, Mask=pikepdf.Array([250, 255, 250, 255, 250, 255])),
            "/Stenciled": _image(pdf, Image.new("RGB", (40, 40), (30, 30, 200)), pikepdf.Name.DeviceRGB,
                                 Mask=pdf.make_indirect(mask_stream)),
            "/Soft": _image(pdf, Image.new("RGB", (40, 40), (30, 160, 30)), pikepdf.Name.DeviceRGB,
                            SMask=pdf.make_indirect(_image(pdf, alpha, pikepdf.Name.DeviceGray))),
        }
        _draw(pdf, page, images, b"q 80 0 0 80 60 450 cm /Keyed Do Q q 80 0 0 80 160 450 cm /Stenciled Do Q "
                                 b"q 80 0 0 80 260 450 cm /Soft Do Q")
    return _with_page(_paper(), change)


def colour_spaces() -> bytes:
    """ICCBased RGB, Indexed, DeviceCMYK, 1-bit (inverted /Decode) and 4-bit grey, an inline grey image."""
    def change(pdf, page):
        icc = pdf.make_indirect(pikepdf.Stream(pdf, ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
                                               N=3, Alternate=pikepdf.Name.DeviceRGB))
        palette = bytes([255, 0, 0, 0, 0, 255, 250, 250, 0, 0, 0, 0])
        indexed = Image.new("L", (40, 40), 0)
        indexed.paste(1, (0, 20, 40, 40))
        indexed.paste(2, (20, 0, 40, 40))
        cmyk = Image.new("CMYK", (40, 40), (0, 200, 200, 0))
        grey4 = bytes(((x // 4) << 4 | (x // 4)) for x in range(20)) * 40  # 40 px a row, 4 bits each
        grey1 = (b"\xf0\x0f\xaa\x55\xff") * 40
        images = {
            "/Icc": _image(pdf, _photo().resize((40, 40)), pikepdf.Array([pikepdf.Name.ICCBased, icc])),
            "/Pal": _image(pdf, indexed, pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 3,
                                                        pikepdf.String(palette)])),
            "/Cmyk": _image(pdf, cmyk, pikepdf.Name.DeviceCMYK),
            "/Grey4": pikepdf.Stream(pdf, zlib.compress(grey4), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                     Width=40, Height=40, BitsPerComponent=4, ColorSpace=pikepdf.Name.DeviceGray,
                                     Filter=pikepdf.Name.FlateDecode),
            "/Grey1": pikepdf.Stream(pdf, zlib.compress(grey1), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                     Width=40, Height=40, BitsPerComponent=1, ColorSpace=pikepdf.Name.DeviceGray,
                                     Decode=[1, 0], Filter=pikepdf.Name.FlateDecode),
        }
        content = b" ".join(f"q 60 0 0 60 {60 + 80 * i} 450 cm {name} Do Q".encode() for i, name in enumerate(images))
        inline = b"q 60 0 0 60 60 370 cm BI /W 4 /H 4 /CS /G /BPC 8 ID " + bytes(range(0, 256, 16)) + b" EI Q"
        _draw(pdf, page, images, content + b"\n" + inline)
    return _with_page(_paper(), change)


def ccitt_scan() -> bytes:
    """A fax-coded (CCITT G4) scan, as scanners write signatures and whole pages: decoded and written
    again as 1-bit Flate, not turned into a page picture."""
    img = Image.new("1", (120, 60), 1)
    draw = ImageDraw.Draw(img)
    draw.line((5, 40, 30, 10, 55, 45, 80, 12, 112, 40), fill=0, width=3)
    draw.rectangle((10, 50, 110, 53), fill=0)
    buf = io.BytesIO()
    img.save(buf, format="TIFF", compression="group4")
    tiff = Image.open(io.BytesIO(buf.getvalue()))
    offset, length = tiff.tag_v2[273][0], tiff.tag_v2[279][0]
    data = buf.getvalue()[offset:offset + length]

    def change(pdf, page):
        image = pikepdf.Stream(pdf, data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=120,
                               Height=60, BitsPerComponent=1, ColorSpace=pikepdf.Name.DeviceGray,
                               Filter=pikepdf.Name.CCITTFaxDecode,
                               DecodeParms=pikepdf.Dictionary(K=-1, Columns=120, Rows=60, BlackIs1=True))
        _draw(pdf, page, {"/Scan": image}, b"q 240 0 0 120 60 450 cm /Scan Do Q")
    return _with_page(_paper(), change)


def undecodable_filter() -> bytes:
    """JBIG2 data (here: not even valid) that nothing in the engine decodes: the page must be rasterised."""
    def change(pdf, page):
        image = pikepdf.Stream(pdf, b"\x97JB2\x0d\x0a\x1a\x0a" + f"scanned by {NAME}".encode(),
                               Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=64, Height=64,
                               BitsPerComponent=1, ColorSpace=pikepdf.Name.DeviceGray,
                               Filter=pikepdf.Name.JBIG2Decode)
        _draw(pdf, page, {"/Scan": image}, b"q 64 0 0 64 60 450 cm /Scan Do Q")
    return _with_page(_paper(), change)


# --- LibreOffice -------------------------------------------------------------------------------------

_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="fr1" style:family="graphic">
   <style:graphic-properties fo:clip="rect(0cm, 0cm, 0cm, 3cm)"/>
  </style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:h text:outline-level="1">Decision PCD 9001: Body worn video</text:h>
  <text:p>{ordinary}</text:p>
  <text:p>Report author: Detective Sergeant {name}, telephone <text:a xlink:type="simple"
   xlink:href="tel:+447700900987">{phone}</text:a>, email <text:a xlink:type="simple"
   xlink:href="mailto:{email}">{email}</text:a>.</text:p>
  <text:p>{finance}</text:p>
  <text:p>See the <text:a xlink:type="simple" xlink:href="{safe}">decision register</text:a> for the background papers.</text:p>
  <text:p><draw:frame draw:style-name="fr1" draw:name="Photo" text:anchor-type="as-char" svg:width="2.29cm"
   svg:height="2.646cm"><draw:image><office:binary-data>{image}</office:binary-data></draw:image></draw:frame></text:p>
 </office:text></office:body>
</office:document>
"""


def libreoffice_links_crop() -> bytes | None:
    """Written by LibreOffice itself: tel:/mailto: links and a picture cropped (its left, magenta half
    hidden) by the frame's clip. The picture is a JPEG with a COM segment naming the photographer."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    buf = io.BytesIO()
    _two_halves().save(buf, format="JPEG", quality=95, comment=f"Taken by {NAME}, {PHONE}")
    fodt = _FODT.format(ordinary=ORDINARY, name=NAME, phone=PHONE, email=EMAIL, finance=FINANCE, safe=SAFE_URI,
                        image=base64.b64encode(buf.getvalue()).decode())
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "paper.fodt"
        src.write_text(fodt, encoding="utf-8")
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        return (Path(tmp) / "paper.pdf").read_bytes()


CASES = {"links_encoded": links_encoded, "jpeg_with_metadata": jpeg_with_metadata,
         "jpeg_in_pattern": jpeg_in_pattern, "cropped_by_clip": cropped_by_clip, "rotated_crop": rotated_crop,
         "masks": masks, "colour_spaces": colour_spaces,
         "ccitt_scan": ccitt_scan, "undecodable_filter": undecodable_filter, "libreoffice_links_crop": libreoffice_links_crop}


def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    for name in names or list(CASES):
        data = CASES[name]()
        if data is None:
            print(f"{name}: skipped (tool missing)")
            continue
        (OUT / f"{name}.pdf").write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
