"""The eighth never-seen scan set (tests/scans/never_seen8/): eight scanned and mixed papers from bodies, wording,
people, layouts and faults that never_seen ... never_seen7 did not use, committed before any engine (OCR,
detection, redaction) read them. It is measured once (``bench/ocr.py --never-seen8``) and never tuned on.

Producers: Chromium (Roboto Slab, Courier Prime, Cantarell), LibreOffice Writer (Open Sans, Gentium Book Plus) and
reportlab (Lato, Gentium Plus). New faults and new ways of storing a scan: a colour scan stored as a CMYK JPEG
(DCTDecode in /DeviceCMYK, Adobe-inverted, shown through a /Decode array) under a colour letterhead; a page stored
as a picture with an alpha channel (an /SMask: the colour planes solid ink, the letters only in the mask); a
96 dpi screenshot of a PDF viewer (window chrome, sidebar, scroll bar, sub-pixel coloured text) as the page; a
carbonless (NCR) copy (the filled-in entries transferred in faint blue-violet, shifted off the red pre-printed
form, on pink paper); a page stored JPEG 2000 (JPXDecode) and a page stored as an inline image in the content
stream (BI ... ID ... EI); a text page holding a photo of a faded thermal ticket and a faded thermal-paper fax
page; a manual typewriter (letters off their line, uneven strike, ink filling the letters, a two-colour ribbon
printing a paragraph in red); a presentation handout (two slides a page) whose text differs from its background
in hue more than in lightness.

    .venv/bin/python -m tests.scans.make_never_seen8     # writes tests/scans/never_seen8/*.pdf and manifest.json

The manifest has the keys of never_seen2 ... never_seen7 (``dpi``, ``noise``, ``planted``, ``ordinary``,
``part2``, ``kept``, ``producer``, ``degradation``). Every planted and kept value is checked against the source
of the page it names (the source PDF's text before rasterising, or the words drawn as pixels), with
make_never_seen2's ``Paper``. All people are fictional; every number is from Ofcom's drama ranges.
"""

from __future__ import annotations

import io
import random
import zlib
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.scans.make_never_seen2 import (FONTS, Paper, _chromium, _e, _html_doc, _libreoffice, _lines, _pdftoppm,
                                          _pdf_pages, _unbroken, manifest_entry, write_manifest)
from tests.scans.make_never_seen5 import _box, _break, _doc, _one_line, _pages, _render_rgb
from tests.scans.make_never_seen7 import _add_page, _noise, _save, _u8
from tests.scans.make_scans import _as_pdf, _jpeg, _scan

OUT = Path(__file__).parent / "never_seen8"
_TTF8 = {
    "Lato": FONTS / "truetype/lato/Lato-Regular.ttf",
    "Lato-Bold": FONTS / "truetype/lato/Lato-Bold.ttf",
    "Gentium": FONTS / "truetype/gentiumplus/GentiumPlus-Regular.ttf",
    "Gentium-Bold": FONTS / "truetype/gentiumplus/GentiumPlus-Bold.ttf",
}
_PIL8 = {
    "ui": FONTS / "truetype/open-sans/OpenSans-Regular.ttf",
    "ui-bold": FONTS / "truetype/open-sans/OpenSans-Bold.ttf",
    "ticket": FONTS / "truetype/inconsolata/Inconsolata.otf",
}


def _register() -> None:
    for name, path in _TTF8.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _font(key: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_PIL8[key]), size)


def _shown(data: bytes, index: int, size: tuple[int, int]) -> np.ndarray:
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[index]
        image = page.render(scale=size[0] / page.get_width()).to_pil().convert("RGB").resize(size)
    finally:
        doc.close()
    return np.asarray(image, dtype=np.float32)


def _same(data: bytes, index: int, expected: Image.Image, tolerance: float, what: str) -> None:
    """The page as pdfium shows it is the picture meant (mean difference per channel under ``tolerance``)."""
    diff = np.abs(_shown(data, index, expected.size) - np.asarray(expected.convert("RGB"), dtype=np.float32)).mean()
    if diff > tolerance:
        raise AssertionError(f"{what}: page {index + 1} does not show the picture meant (difference {diff:.1f})")


def _poppler_same(data: bytes, index: int, expected: Image.Image, dpi: int, tolerance: float, what: str) -> None:
    """poppler (pdftoppm, greyscale) shows the picture meant as well."""
    shown = _pdftoppm(data, dpi)[index].resize(expected.size)
    diff = np.abs(np.asarray(shown, dtype=np.float32) - np.asarray(expected.convert("L"), dtype=np.float32)).mean()
    if diff > tolerance:
        raise AssertionError(f"{what}: poppler shows page {index + 1} otherwise (difference {diff:.1f})")


def _flate_xobject(pdf: pikepdf.Pdf, raw: bytes, w: int, h: int, space: str, bits: int = 8) -> pikepdf.Stream:
    s = pikepdf.Stream(pdf, zlib.compress(raw, 9))
    s["/Type"], s["/Subtype"] = pikepdf.Name.XObject, pikepdf.Name.Image
    s["/Width"], s["/Height"] = w, h
    s["/ColorSpace"], s["/BitsPerComponent"] = pikepdf.Name(space), bits
    s["/Filter"] = pikepdf.Name.FlateDecode
    return s


def _colour_scan(image: Image.Image, rng: random.Random, skew: float, paper: tuple[int, int, int] | None = None,
                 sigma: float = 3.0) -> Image.Image:
    """A colour scanner's picture: turned a little, a tinted paper multiplied in, sensor noise, soft."""
    image = image.convert("RGB").rotate(skew, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    arr = np.asarray(image, dtype=np.float32)
    if paper:
        arr = arr * (np.array(paper, dtype=np.float32) / 255)
    arr = _noise(arr, rng, sigma)
    return _u8(arr, "RGB").filter(ImageFilter.GaussianBlur(0.5))


def _html_pages(pages: list[list[str]], first: list[str] | None = None) -> list[str]:
    """Each page's paragraphs as HTML (escaped, planted values unbroken); ``first`` lines are raw HTML."""
    return [(("".join(first) if first and n == 0 else "") + "".join(f"<p>{_e(t)}</p>" for t in page))
            for n, page in enumerate(pages)]


# --- 1. County council letter stored as a CMYK JPEG under a colour letterhead: Chromium (Roboto Slab) ----------


def _cmyk(image: Image.Image) -> Image.Image:
    """RGB to CMYK with full grey replacement (K carries the grey, C, M and Y only the colour above it)."""
    rgb = np.asarray(image.convert("RGB"), dtype=np.float32) / 255
    k = 1 - rgb.max(axis=2)
    cmy = 1 - rgb - k[..., None]
    # the scanner's colour is softer than its grey: C, M and Y smoothed, the faint tint of the paper left out
    cmy = np.dstack([np.asarray(Image.fromarray(np.clip(cmy[..., i] * 255, 0, 255).astype(np.uint8))
                                .filter(ImageFilter.GaussianBlur(1.2)), dtype=np.float32) / 255 for i in range(3)])
    cmy[cmy < 0.05] = 0
    out = np.dstack([cmy, k]) * 255
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8), "CMYK")


def _cmyk_pdf(pictures: list[Image.Image], quality: int) -> bytes:
    """Each page one JPEG in /DeviceCMYK written the way Photoshop writes it (Adobe marker, inverted values), so
    the stream needs /Decode [1 0 1 0 1 0 1 0] to be shown the right way round."""
    pdf = pikepdf.new()
    for im in pictures:
        cmyk = _cmyk(im)
        buf = io.BytesIO()
        cmyk.save(buf, "JPEG", quality=quality, optimize=True)  # Pillow writes CMYK inverted, with the Adobe marker
        s = pikepdf.Stream(pdf, buf.getvalue())
        s["/Type"], s["/Subtype"] = pikepdf.Name.XObject, pikepdf.Name.Image
        s["/Width"], s["/Height"] = im.width, im.height
        s["/ColorSpace"], s["/BitsPerComponent"] = pikepdf.Name.DeviceCMYK, 8
        s["/Filter"] = pikepdf.Name.DCTDecode
        s["/Decode"] = pikepdf.Array([1, 0, 1, 0, 1, 0, 1, 0])
        _add_page(pdf, A4, {"Im0": s}, f"q {A4[0]:.2f} 0 0 {A4[1]:.2f} 0 0 cm /Im0 Do Q")
    return _save(pdf)


def cmyk_letterhead() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "westhallow.example.gov.uk"
    parent = "Clemency Aukett-Vincze"
    child = "Thaddeus Aukett-Vincze"
    officer = ("Bartholomew Quennell", "0116 496 0847", f"bartholomew.quennell@{dom}")
    head = ("Philippa Dunstall-Mwangi", "0116 496 0512")
    worker = ("Zainab Entwhistle-Roe", "zainab.entwhistle@brightstartfamilies.example.org")
    cabinet = "Leocadia Prendergast"
    p.ordinary = ["We have agreed to provide free home to school transport from the start of the autumn term.",
                  "A travel pass will be posted to you at least five working days before the first journey."]
    p.planted = [(parent, "PERSON", 1), (child, "PERSON", 1), (officer[0], "PERSON", 1), (head[0], "PERSON", 1),
                 (head[1], "PHONE_NUMBER", 1),
                 (worker[0], "PERSON", 2), (worker[1], "EMAIL_ADDRESS", 2), (officer[0], "PERSON", 2),
                 (officer[1], "PHONE_NUMBER", 2), (officer[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(cabinet, "PERSON", 2, "Cabinet Member for Children and Families, who receives appeal decisions")]
    _unbroken(p)
    logo = ("<svg width='62' height='62' viewBox='0 0 62 62'><circle cx='31' cy='31' r='29' fill='#0b7a75'/>"
            "<path d='M6 38 Q18 26 31 38 T56 38 L56 46 Q44 58 31 46 T6 46 Z' fill='#f2a541'/>"
            "<rect x='24' y='10' width='14' height='20' fill='#ffffff'/></svg>")
    letterhead = ("<div class=lh>" + logo + "<div><div class=org>Westhallow County Council</div>"
                  "<div class=dept>Children's Services - School Travel</div></div></div><div class=band></div>")
    pages = [[
        f"Dear {parent},",
        "Home to school transport: Ashby Fold Primary School",
        p.ordinary[0],
        f"You applied for transport for {child} because the walking route to the school is not available as a "
        "safe route for a child accompanied by an adult.",
        f"The application was assessed by {officer[0]}, School Travel Officer, who walked the route on 14 May.",
        f"The head teacher, {head[0]}, confirmed the start and finish times; the school office can be reached on "
        f"{head[1]}.",
    ], [
        p.ordinary[1],
        f"Your family support worker, {worker[0]}, asked to be told of the outcome and has been sent a copy at "
        f"{worker[1]}",
        f"The Cabinet Member for Children and Families, Councillor {cabinet}, receives a summary of every "
        "transport decision each term.",
        f"If anything changes, please let {officer[0]} know on {officer[1]} or write to",
        officer[2],
        "Yours sincerely,",
        "School Travel Team",
    ]]
    css = ("body { font-family: 'Roboto Slab'; font-size: 11pt; color: #1a1a1a } p { margin: 0 0 10pt 0 }"
           " .lh { display: flex; gap: 14px; align-items: center } .org { font-size: 19pt; color: #0b7a75;"
           " font-weight: bold } .dept { font-size: 11pt; color: #c46a0a } .band { height: 5px; margin: 8px 0 20px;"
           " background: linear-gradient(90deg, #0b7a75, #f2a541) }"
           " section:first-child p:nth-of-type(2) { font-weight: bold }")
    source = _chromium(_html_doc(_html_pages(pages, [letterhead]), css, margin="24mm"))
    p.read_source(source)
    rng = random.Random(8801)
    dpi = 200
    pages_rgb = _render_rgb(source, dpi)
    _pages(2, pages_rgb, "the letter")
    scans = [_colour_scan(im, rng, (0.3, -0.35)[n], paper=(250, 248, 242), sigma=0.0) for n, im in enumerate(pages_rgb)]
    data = _cmyk_pdf(scans, 45)
    for i, im in enumerate(scans):
        _same(data, i, im, 6.0, "CMYK JPEG")
        _poppler_same(data, i, im, dpi, 8.0, "CMYK JPEG")
    return data, p


# --- 2. Fire and rescue service letter stored as a picture with an alpha channel: reportlab (Lato) ------------


def _alpha_pdf(pictures: list[tuple[Image.Image, tuple[int, int, int], tuple[float, float, float] | None]]) -> bytes:
    """Each page a picture whose colour planes are one solid ink everywhere and whose /SMask (alpha) holds the
    letters: where the mask is 0 the page below shows (white, or a tint drawn first)."""
    pdf = pikepdf.new()
    for grey, ink, under in pictures:
        w, h = grey.size
        alpha = 255 - np.asarray(grey.convert("L"), dtype=np.uint8)
        colour = np.empty((h, w, 3), dtype=np.uint8)
        colour[...] = ink
        s = _flate_xobject(pdf, colour.tobytes(), w, h, "/DeviceRGB")
        s["/SMask"] = _flate_xobject(pdf, alpha.tobytes(), w, h, "/DeviceGray")
        ops = f"q {under[0]:.3f} {under[1]:.3f} {under[2]:.3f} rg 0 0 {A4[0]:.2f} {A4[1]:.2f} re f Q\n" if under else ""
        _add_page(pdf, A4, {"Im0": s}, ops + f"q {A4[0]:.2f} 0 0 {A4[1]:.2f} 0 0 cm /Im0 Do Q")
    return _save(pdf)


def alpha_ink() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "harrowdenfire.example.gov.uk"
    owner = ("Ignatius Pembury-Okorie", "07700 900684")
    manager = "Rosamund Tiplady"
    inspector = ("Leopold Vanstone-Adichie", "0113 496 0271", f"leopold.vanstone@{dom}")
    neighbour = "Ffion Rhydderch-Blaine"
    cfo = "Evangeline Strickson"
    p.ordinary = ["The fire alarm system in the common parts was not working on the day of the inspection.",
                  "You must complete the work in the schedule by 30 September."]
    p.planted = [(owner[0], "PERSON", 1), (owner[1], "PHONE_NUMBER", 1), (manager, "PERSON", 1),
                 (inspector[0], "PERSON", 1), (neighbour, "PERSON", 1),
                 (owner[0], "PERSON", 2), (inspector[0], "PERSON", 2), (inspector[1], "PHONE_NUMBER", 2),
                 (inspector[2], "EMAIL_ADDRESS", 2), ("protection.admin@harrowdenfire.example.gov.uk",
                                                      "EMAIL_ADDRESS", 2)]
    p.kept = [(cfo, "PERSON", 2, "Chief Fire Officer, who authorised the notice")]
    _unbroken(p)
    f, fb, s = "Lato", "Lato-Bold", 11
    page1 = [("Harrowden Fire and Rescue Service", fb, 16), ("Protection Department", f, 11), ("", f, 10),
             ("Enforcement Notice EN/2291 - 4 Tanners Yard, Harrowden", fb, 12), ("", f, 6),
             (f"To: {owner[0]}, responsible person (mobile {owner[1]})", f, s), ("", f, 6),
             ("An audit of the premises was carried out under the Regulatory Reform (Fire Safety)", f, s),
             ("Order 2005. The building is run on your behalf by a managing agent,", f, s),
             (f"{manager}, who was present during the audit.", f, s), ("", f, 6),
             (p.ordinary[0], f, s), ("", f, 6),
             (f"The audit was carried out by {inspector[0]}, Fire Safety Inspector,", f, s),
             ("after a report from a resident of the next building.", f, s), ("", f, 6),
             (f"That resident, {neighbour}, will be told that a notice has been served.", f, s)]
    page2 = [("Schedule of works", fb, 13), ("", f, 6),
             ("1. Repair the fire alarm system and have it tested by a competent person.", f, s),
             ("2. Fit self-closing devices to the flat entrance doors on the second floor.", f, s), ("", f, 6),
             (p.ordinary[1], f, s), ("", f, 6),
             (f"This notice was authorised by the Chief Fire Officer, {cfo}.", f, s), ("", f, 6),
             (f"{owner[0]}, if you wish to discuss the schedule, please contact", f, s),
             (f"{inspector[0]} on {inspector[1]} or at", f, s), (inspector[2], f, s), ("", f, 6),
             ("Appeals and general enquiries: protection.admin@harrowdenfire.example.gov.uk", f, s)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in (page1, page2):
        _lines(c, lines, 70, 760)
        c.showPage()
    c.save()
    source = buf.getvalue()
    p.read_source(source)
    rng = random.Random(8802)
    dpi = 200
    pages = _pdftoppm(source, dpi)
    _pages(2, pages, "the notice")
    scans = [_scan(im, rng, noise=True, skew=(-0.3, 0.4)[n]) for n, im in enumerate(pages)]
    # the scanning app keeps the ink and makes the paper see-through: the paper's grey becomes alpha 0
    inks = [Image.eval(im, lambda v: 255 if v > 200 else int(v * 255 / 200)) for im in scans]
    under = (0.96, 0.94, 0.86)
    data = _alpha_pdf([(inks[0], (0, 0, 0), None), (inks[1], (24, 32, 92), under)])
    for i, (ink, colour, tint) in enumerate([(inks[0], (0, 0, 0), (1, 1, 1)), (inks[1], (24, 32, 92), under)]):
        a = (255 - np.asarray(ink, dtype=np.float32))[..., None] / 255
        bg = np.array(tint, dtype=np.float32) * 255
        expected = _u8(a * np.array(colour, dtype=np.float32) + (1 - a) * bg, "RGB")
        _same(data, i, expected, 6.0, "alpha")
        _poppler_same(data, i, expected, dpi, 8.0, "alpha")
    return data, p


# --- 3. Council tax reduction appeal decision as a 96 dpi screenshot of a PDF viewer: LibreOffice (Open Sans) ---

_WINDOW = (1280, 1000)  # the screenshot, in pixels at 96 dpi
_ZOOM_PPI = 120  # the viewer shows the page at 125 % (120 pixels to the inch)
_PAGE_AT = (237, 90)  # where the page's top left corner is in the window
_SIDEBAR, _TOP = 200, 76


def _subpixel(source: bytes, index: int) -> Image.Image:
    """The page as a screen draws it with sub-pixel anti-aliasing: three grey samples a pixel, one in each of the
    red, green and blue stripes (coloured fringes at every letter edge)."""
    doc = pdfium.PdfDocument(source)
    try:
        page = doc[index]
        fine = page.render(scale=3 * _ZOOM_PPI / 72).to_pil().convert("L")
    finally:
        doc.close()
    w, h = round(fine.width / 3), round(fine.height / 3)
    wide = np.asarray(fine.resize((3 * w, h), Image.BOX), dtype=np.float32)
    smooth = (np.roll(wide, 1, axis=1) + 2 * wide + np.roll(wide, -1, axis=1)) / 4  # the usual FIR filter
    rgb = np.dstack([smooth[:, 0::3], smooth[:, 1::3], smooth[:, 2::3]])
    return _u8(rgb, "RGB")


def _viewer(page: Image.Image, thumbs: list[Image.Image], current: int, title: str) -> Image.Image:
    w, h = _WINDOW
    shot = Image.new("RGB", (w, h), (82, 86, 89))
    d = ImageDraw.Draw(shot)
    d.rectangle((0, 0, w, 31), fill=(43, 43, 43))
    d.text((14, 7), title, font=_font("ui", 13), fill=(230, 230, 230))
    for k, colour in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        d.ellipse((w - 80 + 22 * k, 10, w - 68 + 22 * k, 22), fill=colour)
    d.rectangle((0, 32, w, _TOP - 1), fill=(240, 240, 240))
    d.line((0, _TOP - 1, w, _TOP - 1), fill=(200, 200, 200))
    for k in range(5):  # toolbar buttons
        d.rounded_rectangle((14 + 38 * k, 42, 42 + 38 * k, 66), 4, outline=(150, 150, 150), fill=(252, 252, 252))
    d.rectangle((230, 43, 300, 65), outline=(160, 160, 160), fill=(255, 255, 255))
    d.text((240, 46), f"{current} / {len(thumbs)}", font=_font("ui", 13), fill=(20, 20, 20))
    d.text((320, 46), "125%", font=_font("ui", 13), fill=(20, 20, 20))
    d.rectangle((w - 260, 43, w - 20, 65), outline=(160, 160, 160), fill=(255, 255, 255))
    d.text((w - 250, 46), "Find in document", font=_font("ui", 13), fill=(150, 150, 150))
    d.rectangle((0, _TOP, _SIDEBAR - 1, h), fill=(228, 228, 228))
    for k, thumb in enumerate(thumbs):
        small = thumb.resize((120, round(120 * thumb.height / thumb.width)), Image.LANCZOS)
        x, y = 40, _TOP + 20 + k * 200
        if k + 1 == current:
            d.rectangle((x - 5, y - 5, x + small.width + 4, y + small.height + 4), fill=(66, 133, 244))
        shot.paste(small, (x, y))
        d.text((x + 55, y + small.height + 8), str(k + 1), font=_font("ui", 12), fill=(60, 60, 60))
    shot.paste(page.crop((0, 0, page.width, h - _PAGE_AT[1])), _PAGE_AT)
    d.rectangle((w - 14, _TOP, w, h), fill=(60, 63, 65))
    top = _TOP + 4 + (current - 1) * (h - _TOP) // len(thumbs)
    d.rounded_rectangle((w - 11, top, w - 3, top + (h - _TOP) // len(thumbs) - 30), 3, fill=(150, 150, 150))
    return shot


def viewer_shot96() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "pelham.example.gov.uk"
    claimant = "Wilfreda Oyelaran-Hutch"
    officer = ("Crispin Mabbott-Lunde", "0115 496 0691", f"crispin.mabbott@{dom}")
    adviser = ("Perpetua Nakashima-Brill", "perpetua.nb@pelhamadvice.example.org")
    landlord = "Anselm Greatorex"
    deputy = "Idris Vellacott"
    mp = "Honora Castledine"
    p.ordinary = ["Your council tax reduction has been recalculated from 1 April and your bill has been reduced.",
                  "A new bill showing the instalments still to pay will be sent to you separately."]
    p.planted = [(claimant, "PERSON", 1), (officer[0], "PERSON", 1), (officer[1], "PHONE_NUMBER", 1),
                 (adviser[0], "PERSON", 1), (landlord, "PERSON", 1),
                 (claimant, "PERSON", 2), (officer[0], "PERSON", 2), (officer[2], "EMAIL_ADDRESS", 2),
                 (adviser[1], "EMAIL_ADDRESS", 2), (officer[1], "PHONE_NUMBER", 2)]
    p.kept = [(deputy, "PERSON", 1, "Deputy Leader of the Council, who referred the case"),
              (mp, "PERSON", 2, "Member of Parliament for the claimant's area, who wrote in support")]
    _unbroken(p)
    html = ("<p class=head>Pelham Borough Council</p><p class=sub>Revenues and Benefits - Council Tax Reduction"
            "</p>" + "".join(f"<p>{_e(t)}</p>" for t in [
                f"Dear {claimant},",
                "Your appeal against the council tax reduction decision of 3 March",
                p.ordinary[0],
                f"The appeal was reconsidered by {officer[0]}, Appeals Officer, after the Deputy Leader of the "
                f"Council, Councillor {deputy}, referred your case to the service.",
                f"Your adviser, {adviser[0]} of Pelham Advice Centre, sent a letter from your landlord, "
                f"{landlord}, confirming the rent you now pay.",
                f"You can call the Appeals Officer on {officer[1]} from Monday to Thursday.",
            ]) + _break() + "".join(f"<p>{_e(t)}</p>" for t in [
                p.ordinary[1],
                f"We have also replied to {mp} MP, who wrote in support of your appeal.",
                f"A copy of this letter has gone to your adviser at {adviser[1]}",
                f"If you disagree with this decision, {claimant}, you may appeal to the Valuation Tribunal within "
                "two months.",
                f"Questions to {officer[0]} on {officer[1]} or at {officer[2]}",
                "Yours sincerely,",
                "Revenues and Benefits Service",
            ]))
    css = ("@page { size: A4; margin: 20mm } body { font-family: 'Open Sans'; font-size: 11pt }"
           " p { margin: 0 0 9pt 0 } .head { font-size: 16pt; font-weight: bold } .sub { font-size: 10pt }")
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    visible_mm = (_WINDOW[1] - _PAGE_AT[1]) / _ZOOM_PPI * 25.4
    for value, _, page, *_ in [*p.planted, *p.kept]:
        box = _box(source, page - 1, value, _ZOOM_PPI)
        if box[3] > _WINDOW[1] - _PAGE_AT[1] - 10:
            raise AssertionError(f"viewer: {value!r} lies below the part of page {page} the window shows "
                                 f"({visible_mm:.0f} mm)")
    pages = [_subpixel(source, i) for i in range(2)]
    shots = [_viewer(pages[i], pages, i + 1, "CTR-appeal-reconsideration.pdf - Document Viewer") for i in range(2)]
    pdf = pikepdf.new()
    size = (_WINDOW[0] * 72 / 96, _WINDOW[1] * 72 / 96)
    for shot in shots:
        s = _flate_xobject(pdf, shot.tobytes(), shot.width, shot.height, "/DeviceRGB")
        _add_page(pdf, size, {"Im0": s}, f"q {size[0]:.2f} 0 0 {size[1]:.2f} 0 0 cm /Im0 Do Q")
    data = _save(pdf)
    for i, shot in enumerate(shots):
        _same(data, i, shot, 2.0, "viewer screenshot")
    return data, p


# --- 4. Trading standards record of goods seized, a carbonless (NCR) copy: Chromium (Cantarell, Courier Prime) --


def ncr_carbonless() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "ravensholme.example.gov.uk"
    trader = ("Lysander Nnamani-Pratt", "07700 900436")
    manager = "Bronwen Achtermann"
    officer = ("Marcelline Duckworth-Ames", "0121 496 0593", f"marcelline.duckworth@{dom}")
    witness = "Tobiah Rennison-Galt"
    solicitor = "kchaudhry@chaudhrylegal.example.co.uk"
    cabinet = "Gwendolyn Oxenbould"
    p.ordinary = ["Goods seized under paragraph 28 of Schedule 5 to the Consumer Rights Act 2015.",
                  "The goods will be kept at the Trading Standards store until the investigation ends."]
    p.planted = [(trader[0], "PERSON", 1), (trader[1], "PHONE_NUMBER", 1), (manager, "PERSON", 1),
                 (officer[0], "PERSON", 1), (witness, "PERSON", 1),
                 (trader[0], "PERSON", 2), (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2),
                 (officer[2], "EMAIL_ADDRESS", 2), (solicitor, "EMAIL_ADDRESS", 2)]
    p.kept = [(cabinet, "PERSON", 2, "Cabinet Member for Regulatory Services, copied in at her request")]
    _unbroken(p)

    def row(label: str, entry: str) -> str:
        return (f"<tr><td class='pre lab'>{_e(label)}</td><td class='pre box'><span class=ent>{_e(entry)}</span>"
                "</td></tr>")

    head = ("<div class=pre><div class=org>Ravensholme Metropolitan Borough Council - Trading Standards</div>"
            "<div class=title>RECORD OF GOODS SEIZED</div><div class=part>Sheet {n} of 2 - PART 2 (TRADER'S COPY, "
            "PINK)</div></div>")
    page1 = (head.format(n=1) + "<table>"
             + row("Name of trader", trader[0]) + row("Trader's telephone", trader[1])
             + row("Premises", "Unit 4, Colliery Lane Retail Park, Ravensholme")
             + row("Person in charge of premises", manager)
             + row("Seizing officer", officer[0]) + row("Witnessing officer", witness)
             + row("Date and time", "12/06 at 10:40") + "</table>"
             + f"<p class=pre>{_e(p.ordinary[0])}</p>"
             + "<table class=goods><tr class=pre><th>Item</th><th>Description</th><th>Qty</th></tr>"
             + "".join(f"<tr><td class='pre box'><span class=ent>{i}</span></td><td class='pre box'><span class=ent>"
                       f"{d}</span></td><td class='pre box'><span class=ent>{q}</span></td></tr>"
                       for i, d, q in [(1, "Phone chargers, no UKCA mark", 46), (2, "Hair straighteners, boxed", 12),
                                       (3, "Toy slime kits, unlabelled", 80)]) + "</table>")
    page2 = (head.format(n=2) + "<table>"
             + row("Name of trader (repeat)", trader[0]) + row("Seizing officer (repeat)", officer[0])
             + row("Officer's direct line", officer[1]) + row("Officer's e-mail", officer[2])
             + row("Trader's solicitor (e-mail)", solicitor)
             + row("Copies to", f"Cllr {cabinet}, Cabinet Member for Regulatory Services") + "</table>"
             + f"<p class=pre>{_e(p.ordinary[1])}</p>"
             + "<p class=pre>You may apply to a magistrates' court for the release of the goods. Keep this copy.</p>"
             + "<table><tr><td class='pre lab'>Signature of officer</td><td class='pre box sig'></td></tr>"
             + "<tr><td class='pre lab'>Signature of trader</td><td class='pre box sig'></td></tr></table>")
    css = ("body { font-family: 'Cantarell'; font-size: 10pt; color: #000 } .org { font-size: 10pt }"
           " .title { font-size: 18pt; font-weight: bold; margin: 4pt 0 } .part { font-size: 8pt; margin-bottom: 10pt }"
           " table { border-collapse: collapse; width: 100%; margin: 8pt 0 } td, th { border: 1.2px solid #000;"
           " padding: 5pt 6pt; vertical-align: top; text-align: left } .lab { width: 28%; font-size: 9pt }"
           " .ent { font-family: 'Courier Prime'; font-size: 11.5pt } .sig { height: 30pt } p { margin: 8pt 0 }")
    layers = {"all": "", "pre": ".ent { visibility: hidden }",
              "ent": ".pre { visibility: hidden } .ent { visibility: visible }"
                                                     " td, th { border-color: transparent }"}
    rendered = {}
    for name, extra in layers.items():
        doc = _chromium(_html_doc([page1, page2], css + " " + extra, margin="22mm"))
        if name == "all":
            p.read_source(doc)
        else:
            rendered[name] = _pdftoppm(doc, 200)
            _pages(2, rendered[name], f"the form ({name})")
    rng = random.Random(8804)
    scans = []
    for n in range(2):
        pre = 1 - np.asarray(rendered["pre"][n], dtype=np.float32)[..., None] / 255
        ent_img = rendered["ent"][n].filter(ImageFilter.GaussianBlur(0.9))
        ent = 1 - np.asarray(ent_img, dtype=np.float32) / 255
        ent = np.roll(np.roll(ent, 9, axis=0), 15, axis=1)  # the copy sheet sits 1-2 mm off the pre-print
        h, w = ent.shape
        g = np.random.default_rng(rng.randrange(2**32))
        grain = np.asarray(Image.fromarray((g.random((h, w)) * 255).astype(np.uint8))
                           .filter(ImageFilter.GaussianBlur(0.7)), dtype=np.float32) / 255
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        pressure = 0.62 - 0.18 * (xx / w) - 0.1 * (yy / h) + 0.05 * np.sin(yy / h * 9 + n)  # a lighter hand
        ent = np.clip(ent * 1.15, 0, 1) * np.clip(pressure * (0.55 + 0.8 * grain), 0, 1)
        paper = np.array((250, 221, 228), dtype=np.float32)
        out = paper * (1 - pre * (1 - np.array((168, 34, 52), dtype=np.float32) / 255))
        out = out * (1 - ent[..., None] * (1 - np.array((64, 62, 160), dtype=np.float32) / 255))
        scans.append(_colour_scan(_u8(out, "RGB"), rng, (0.4, -0.3)[n], sigma=3))
    return _as_pdf([_jpeg(s, 60) for s in scans]), p


# --- 5. Direct payments review, a page stored JPEG 2000 and a page stored inline: LibreOffice (Gentium Book Plus) --


def _jpx_xobject(pdf: pikepdf.Pdf, image: Image.Image, rate: float) -> pikepdf.Stream:
    buf = io.BytesIO()
    image.save(buf, "JPEG2000", quality_mode="rates", quality_layers=[rate], irreversible=True)
    s = pikepdf.Stream(pdf, buf.getvalue())
    s["/Type"], s["/Subtype"] = pikepdf.Name.XObject, pikepdf.Name.Image
    s["/Width"], s["/Height"] = image.width, image.height
    s["/ColorSpace"], s["/BitsPerComponent"] = pikepdf.Name.DeviceGray, 8
    s["/Filter"] = pikepdf.Name.JPXDecode
    return s


def _inline_page(pdf: pikepdf.Pdf, image: Image.Image) -> None:
    """A page whose scan is an inline image in the content stream (BI ... ID ... EI): no XObject at all."""
    bits = image.convert("1", dither=Image.Dither.NONE)
    data = zlib.compress(bits.tobytes(), 9)
    content = (f"q {A4[0]:.2f} 0 0 {A4[1]:.2f} 0 0 cm\nBI /W {bits.width} /H {bits.height} /CS /G /BPC 1 /F /Fl "
               f"/L {len(data)}\nID ").encode() + data + b"\nEI\nQ\n"
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, round(A4[0], 3), round(A4[1], 3)],
                              Contents=pikepdf.Stream(pdf, content), Resources=pikepdf.Dictionary())
    pdf.pages.append(pikepdf.Page(page))


def jpx_inline() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "pelhamshire.example.gov.uk"
    person = "Ambrose Tillotson-Nair"
    daughter = ("Genevieve Tillotson-Nair", "07700 900827")
    social = ("Marguerite Ollerenshaw", "0118 496 0734", f"marguerite.ollerenshaw@{dom}")
    pa = "Casimir Wojtyniak-Brett"
    broker = "support@carefindersbrokerage.example.co.uk"
    minister = "Seraphina Holdsworth"
    leader = "Alaric Penwithick"
    p.ordinary = ["The review found that the direct payment should continue at the weekly amount agreed in January.",
                  "The next review of the care and support plan will take place in twelve months."]
    p.planted = [(person, "PERSON", 1), (daughter[0], "PERSON", 1), (daughter[1], "PHONE_NUMBER", 1),
                 (social[0], "PERSON", 1), (pa, "PERSON", 1),
                 (person, "PERSON", 2), (social[0], "PERSON", 2), (social[1], "PHONE_NUMBER", 2),
                 (social[2], "EMAIL_ADDRESS", 2), (broker, "EMAIL_ADDRESS", 2)]
    p.kept = [(minister, "PERSON", 1, "Minister for Care, whose guidance on direct payments is cited"),
              (leader, "PERSON", 2, "Leader of Pelhamshire County Council, copied in")]
    _unbroken(p)
    html = ("<p class=head>Pelhamshire County Council - Adult Social Care</p>" + "".join(f"<p>{_e(t)}</p>" for t in [
        "Direct payment review: outcome",
        f"Person receiving care and support: {person}",
        p.ordinary[0],
        f"The review was carried out by {social[0]}, Social Worker, with {person} and his daughter, "
        f"{daughter[0]}, who manages the payment for him.",
        f"His daughter asked to be called on {daughter[1]} about any change to the payment.",
        f"The personal assistant employed through the payment, {pa}, will keep the same hours.",
        f"The review followed the guidance issued by the Minister for Care, {minister}, on flexible use of "
        "direct payments.",
    ]) + _break() + "".join(f"<p>{_e(t)}</p>" for t in [
        p.ordinary[1],
        f"If {person} needs more support before then:",
        f"please contact {social[0]} on {social[1]} or at",
        social[2],
        f"The brokerage service that helped to recruit the assistant can be reached at {broker}",
        f"This outcome has been copied to Councillor {leader}, Leader of Pelhamshire County Council, who asked to "
        "see direct payment reviews this year.",
        "Yours sincerely,",
        "Adult Social Care, Pelhamshire County Council",
    ]))
    css = ("@page { size: A4; margin: 22mm } body { font-family: 'Gentium Book Plus'; font-size: 11.5pt }"
           " p { margin: 0 0 9pt 0 } .head { font-size: 15pt; font-weight: bold }")
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    rng = random.Random(8805)
    dpi = 200
    pages = _pdftoppm(source, dpi)
    _pages(2, pages, "the review")
    scans = [_scan(im, rng, noise=True, skew=(0.35, -0.45)[n]) for n, im in enumerate(pages)]
    pdf = pikepdf.new()
    _add_page(pdf, A4, {"Im0": _jpx_xobject(pdf, scans[0], 40)}, f"q {A4[0]:.2f} 0 0 {A4[1]:.2f} 0 0 cm /Im0 Do Q")
    bilevel = scans[1].point(lambda v: 0 if v < 150 else 255, "L")
    _inline_page(pdf, bilevel)
    data = _save(pdf)
    for i, im in enumerate((scans[0], bilevel)):
        _same(data, i, im, 7.0, "JPX / inline")
        _poppler_same(data, i, im, dpi, 9.0, "JPX / inline")
    return data, p


# --- 6. Parking appeal: a text page holding a photo of a faded thermal ticket, and a fax on thermal paper -------


def _ticket_photo(lines: list[str], rng: random.Random) -> Image.Image:
    """A phone photo of a curled thermal penalty notice on a dark desk: grey-brown print faded unevenly."""
    widest = max(_font("ticket", 24 if t.isupper() else 21).getlength(t) for t in lines)
    tw, th = int(widest) + 60, 34 * len(lines) + 60
    ticket = Image.new("L", (tw, th), 255)
    d = ImageDraw.Draw(ticket)
    y = 30
    for text in lines:
        bold = text.isupper()
        d.text((26, y), text, font=_font("ticket", 24 if bold else 21), fill=0)
        y += 34
    ink = 1 - np.asarray(ticket, dtype=np.float32) / 255
    yy, xx = np.mgrid[0:th, 0:tw].astype(np.float32)
    fade = 0.75 - 0.30 * (xx / tw) + 0.06 * np.sin(yy / 23)  # the print fades to the right
    paper = np.array((244, 239, 222), dtype=np.float32)
    out = paper * (1 - (ink * fade)[..., None] * (1 - np.array((92, 82, 74), dtype=np.float32) / 255))
    curl = 1 - 0.18 * np.clip((xx - tw * 0.82) / (tw * 0.18), 0, 1) ** 2  # the right edge curls up, shaded
    out = out * curl[..., None]
    ticket_rgb = _u8(_noise(out, rng, 3), "RGB").rotate(-2.2, resample=Image.BICUBIC, expand=True,
                                                         fillcolor=(48, 40, 36))
    photo = Image.new("RGB", (ticket_rgb.width + 70, ticket_rgb.height + 60), (48, 40, 36))
    photo.paste(ticket_rgb, (35, 30))
    return photo.filter(ImageFilter.GaussianBlur(0.7))


def _thermal_fax(image: Image.Image, rng: random.Random) -> Image.Image:
    """A fax printed on thermal paper, kept a year: cut to black and white, the black gone grey-brown and faded
    unevenly, dead print-head elements leaving white lines down the page, yellowed paper, a shaded curl."""
    bw = np.asarray(image.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.float32) < 150
    h, w = bw.shape
    ink = bw.astype(np.float32)
    for x in rng.sample(range(80, w - 80), 5):  # dead elements of the print head
        ink[:, x:x + 2] = 0
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    fade = 0.72 - 0.22 * (yy / h) + 0.12 * np.sin(xx / w * 5.0 + 1.3) * np.cos(yy / h * 3.0)
    ink = np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5)),
                     dtype=np.float32) / 255 * fade
    paper = np.array((241, 233, 206), dtype=np.float32)
    out = paper * (1 - ink[..., None] * (1 - np.array((96, 84, 70), dtype=np.float32) / 255))
    out *= (1 - 0.22 * np.exp(-yy / (h * 0.03)))[..., None]  # the top edge curls, shaded
    return _u8(_noise(out, rng, 3), "RGB")


def thermal_mixed() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "corrington.example.gov.uk"
    appellant = "Hyacinth Abernathy-Sowe"
    rep = "Dorian Fairbrass"
    warden = ("Kwabena Lightfoot", "0131 496 0462", f"parking.appeals@{dom}")
    employer = ("Ottoline Szymanska-Rookes", "029 2018 0657", "o.szymanska-rookes@harbourlinelogistics.example.com")
    manager = "Florian Ackerley-Dunn"
    mp = "Lavinia Carbury"
    mayor = "Desmond Ellery-Wragg"
    p.ordinary = ["The penalty charge has been cancelled because the vehicle was being loaded.",
                  "Loading was observed continuously for twenty minutes on the delivery bay."]
    p.planted = [(appellant, "PERSON", 1), (rep, "PERSON", 1), (warden[0], "PERSON", 1), (warden[1], "PHONE_NUMBER", 1),
                 (warden[2], "EMAIL_ADDRESS", 1),
                 (appellant, "PERSON", 2), (employer[0], "PERSON", 2), (employer[1], "PHONE_NUMBER", 2),
                 (employer[2], "EMAIL_ADDRESS", 2), (manager, "PERSON", 2)]
    p.kept = [(mp, "PERSON", 1, "Member of Parliament who forwarded the appeal"),
              (mayor, "PERSON", 2, "Mayor of Corrington, named as the place's civic head on the fax")]
    _unbroken(p)
    ticket = ["PENALTY CHARGE NOTICE", "PCN  CR40917752", "Contravention code 01", "Location: Quayside Row",
              f"CEO: {warden[0]}", "CEO number: 3318", f"Enquiries: {warden[1]}", "Appeals by e-mail:", warden[2]]
    p.draw(1, *ticket)
    photo = _ticket_photo(ticket, random.Random(8806))
    f, fb, s = "Gentium", "Gentium-Bold", 11
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, [("Corrington City Council - Parking Services", fb, 15), ("", f, 6),
                   ("Informal challenge: decision", fb, 12), ("", f, 4),
                   (f"Dear {appellant},", f, s), ("", f, 4),
                   ("Thank you for your challenge to the penalty charge notice shown below, which", f, s),
                   (f"your representative, {rep}, sent to us, and for the letter forwarded by", f, s),
                   (f"{mp} MP on your behalf.", f, s), ("", f, 4),
                   (p.ordinary[0], f, s)], 64, 780)
    png = io.BytesIO()
    photo.save(png, "JPEG", quality=80)
    wd = 250
    ht = wd * photo.height / photo.width
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 64, y - ht - 6, width=wd, height=ht)
    _lines(c, [("The notice was issued by the civil enforcement officer named on it. No further action", f, s),
               ("is needed from you.", f, s)], 64, y - ht - 30)
    c.showPage()
    c.save()
    text_page = buf.getvalue()
    p.read_source(text_page)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _lines(c, [("FROM: HARBOURLINE LOGISTICS LTD     TO: CORRINGTON PARKING     P.01", f, 8), ("", f, 10),
               ("Harbourline Logistics Ltd, Unit 9 Quayside Row, Corrington", fb, 13), ("", f, 6),
               ("To whom it may concern,", f, s), ("", f, 4),
               (f"I confirm that {appellant} is employed by us as a delivery driver", f, s),
               ("and was making a delivery to our Quayside Row depot on the date of the notice.", f, s),
               (p.ordinary[1], f, s),
               (f"The loading was supervised by our depot manager, {manager}.", f, s), ("", f, 4),
               ("The depot is in the Quayside conservation area, which the Mayor of Corrington,", f, s),
               (f"{mayor}, opened to deliveries last year.", f, s), ("", f, 4),
               (f"Please contact me on {employer[1]} or at", f, s), (employer[2], f, s), ("", f, 14),
               ("Yours faithfully,", f, s), ("", f, 4), (employer[0], f, s), ("Operations Director", f, s)],
           64, 780)
    c.showPage()
    c.save()
    fax_source = buf.getvalue()
    p.read_source(fax_source, first_page=2)
    rng = random.Random(8816)
    (fax_page,) = _pdftoppm(fax_source, 200)
    fax = _colour_scan(_thermal_fax(_scan(fax_page, rng, noise=False, skew=-0.4), rng), rng, 0.0, sigma=0)
    return _pdf_pages(text_page, _as_pdf([_jpeg(fax, 55)])), p


# --- 7. Harbour commissioners' letter typed on a manual typewriter with a two-colour ribbon: Chromium ----------


def _typed(lines: list[tuple[str, str]], rng: random.Random) -> str:
    """Each line as typed: every letter a little off its line and struck harder or softer; ``red`` lines are
    typed on the red half of the ribbon. A line is an explicit line (a typewriter breaks where the typist did)."""
    out = []
    for text, style in lines:
        if not text:
            out.append("<div class=line>&nbsp;</div>")
            continue
        spans = []
        for ch in text:
            if ch == " ":
                spans.append(" ")
                continue
            grey = rng.choice((0, 0, 20, 45, 80, 120))
            colour = (f"rgb({150 + grey // 2},{20 + grey // 3},{24 + grey // 3})" if style == "red"
                      else f"rgb({grey},{grey},{grey + 8})")
            top = rng.uniform(-1.2, 1.2)
            spans.append(f"<span style='position:relative;top:{top:.2f}px;color:{colour}'>"
                         f"{ch.replace('&', '&amp;').replace('<', '&lt;')}</span>")
        out.append(f"<div class=line>{''.join(spans)}</div>")
    return "".join(out)


def typewriter_ribbon() -> tuple[bytes, Paper]:
    p = Paper()
    holder = ("Cuthbert Rawnsley-Obianuju", "0191 498 0846")
    berthing = "Morwenna Treloar-Haig"
    clerk = ("Ebenezer Pascoe-Lindblad", "01632 960583", "clerk@portlowe-harbour.example.org.uk")
    surveyor = "Jessamy Kittow"
    insurer = "claims@tamarmarineinsurance.example.co.uk"
    mayor = "Rupert Tregenza-Hartop"
    mp = "Ishbel Carnsew"
    p.ordinary = ["Your mooring licence for berth C14 is renewed from 1 April.",
                  "The mooring must be inspected before the end of May."]
    p.planted = [(holder[0], "PERSON", 1), (holder[1], "PHONE_NUMBER", 1), (berthing, "PERSON", 1),
                 (surveyor, "PERSON", 1), (clerk[0], "PERSON", 1),
                 (holder[0], "PERSON", 2), (clerk[0], "PERSON", 2), (clerk[1], "PHONE_NUMBER", 2),
                 (clerk[2], "EMAIL_ADDRESS", 2), (insurer, "EMAIL_ADDRESS", 2)]
    p.kept = [(mayor, "PERSON", 1, "Mayor of Portlowe, chairing the harbour committee"),
              (mp, "PERSON", 2, "Member of Parliament, copied in")]
    _unbroken(p)
    page1 = [("PORTLOWE HARBOUR COMMISSIONERS", ""), ("The Harbour Office, Fish Quay, Portlowe", ""), ("", ""),
             (f"{holder[0]}", ""), ("2 Chapel Steps, Portlowe", ""), (f"Tel. {holder[1]}", ""), ("", ""),
             (f"Dear {holder[0]},", ""), ("", ""),
             ("MOORING LICENCE - BERTH C14", ""), ("", ""),
             (p.ordinary[0], ""), ("", ""),
             ("The harbour committee, chaired by the Mayor of Portlowe,", ""),
             (f"{mayor}, agreed the charges in March.", ""), ("", ""),
             ("Our berthing master, " + berthing + ", reports that the", ""),
             ("riser chain on your mooring is worn and must be replaced.", ""), ("", ""),
             ("PLEASE NOTE:", "red"), (p.ordinary[1], "red"),
             ("The inspection may be carried out by our own diver or by", "red"),
             (f"a surveyor you choose; we suggest {surveyor}.", "red"), ("", ""),
             (f"Signed for the Commissioners: {clerk[0]}", "")]
    page2 = [("BERTH C14 - CONDITIONS OF RENEWAL (continued)", ""), ("", ""),
             ("1. The licence holder must keep third party insurance", ""),
             ("   of not less than two million pounds.", ""),
             ("2. The insurer must send a certificate to us by e-mail", ""),
             ("   before the licence is issued; your insurer's claims", ""),
             (f"   desk is {insurer}", ""), ("", ""),
             (f"{holder[0]}, if you have questions, please call", ""),
             (f"the Clerk, {clerk[0]}, on {clerk[1]}", ""),
             (f"or write to {clerk[2]}", ""), ("", ""),
             (f"Copy: {mp} MP", "red"), ("", ""),
             ("Yours sincerely,", ""), ("", ""), ("", ""),
             (clerk[0], ""), ("Clerk to the Commissioners", "")]
    for text, _ in page1 + page2:
        if len(text) > 62:
            raise AssertionError(f"typed line too long: {text!r}")
    rng = random.Random(8807)
    css = ("body { font-family: 'Courier Prime'; font-size: 12pt } .line { white-space: pre; line-height: 1.55 }")
    source = _chromium(_html_doc([_typed(page1, rng), _typed(page2, rng)], css, margin="25mm"))
    p.read_source(source)
    dpi = 200
    pages = _render_rgb(source, dpi)
    _pages(2, pages, "the typed letter")
    scans = []
    for n, im in enumerate(pages):
        arr = np.asarray(im, dtype=np.float32)
        red = np.clip((arr[..., 0] - arr[..., 1] - 50) / 60, 0, 1)  # typed on the red half of the ribbon
        ink = 1 - arr.mean(axis=2) / 255
        spread = np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.0)),
                            dtype=np.float32) / 255
        ink = np.clip(np.maximum(ink, spread * 1.35), 0, 1)  # ink squeezed into the letters' counters
        h, w = ink.shape
        g = np.random.default_rng(rng.randrange(2**32))
        fabric = np.asarray(Image.fromarray((g.random((h, w)) * 255).astype(np.uint8))
                            .filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32) / 255
        ink *= np.clip(0.55 + 0.9 * fabric, 0, 1)  # the ribbon's weave
        red = np.asarray(Image.fromarray((red * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(5)),
                         dtype=np.float32)[..., None] / 255
        colour = red * np.array((178, 36, 40), dtype=np.float32) + (1 - red) * np.array((26, 26, 34), dtype=np.float32)
        paper = np.array((247, 244, 234), dtype=np.float32)
        out = paper * (1 - ink[..., None] * (1 - colour / 255))
        scans.append(_colour_scan(_u8(out, "RGB"), rng, (0.45, -0.35)[n], sigma=2.5))
    return _as_pdf([_jpeg(s, 55) for s in scans]), p


# --- 8. Transport partnership board slides, a handout of two slides a page: Chromium (Cantarell) -------------------


def slides_handout() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "tyneholm-ca.example.gov.uk"
    presenter = ("Aurelian Fothergill-Dijkhuis", f"aurelian.fothergill@{dom}")
    consult = ("Henrietta Quarmby", "0151 496 0715")
    surveyor = "Lucius Ashdown-Kandola"
    cycling = ("Rosalba Winstanley-Ife", "r.winstanley-ife@pedaltyneholm.example.org")
    schools = ("Ptolemy Gathorne", "0191 498 0563")
    stats = "Ysolde Macaulay-Brandwood"
    mayor = "Cordelia Aspinall"
    cabinet = "Barnaby Kersey-Longden"
    p.ordinary = ["Forty-two kilometres of protected cycle lanes are now open.",
                  "School streets will be extended to nine more primary schools in September."]
    p.planted = [(presenter[0], "PERSON", 1), (presenter[1], "EMAIL_ADDRESS", 1), (consult[0], "PERSON", 1),
                 (consult[1], "PHONE_NUMBER", 1), (surveyor, "PERSON", 1),
                 (cycling[0], "PERSON", 2), (cycling[1], "EMAIL_ADDRESS", 2), (schools[0], "PERSON", 2),
                 (schools[1], "PHONE_NUMBER", 2), (stats, "PERSON", 2)]
    p.kept = [(mayor, "PERSON", 1, "Mayor of Tyneholm, who opened the board"),
              (cabinet, "PERSON", 2, "Cabinet Member for Transport, who will take the school streets decision")]
    _unbroken(p)

    def slide(bg: str, body: str, n: int) -> str:
        return f"<div class=slide style='background:{bg}'>{body}<div class=num>{n}</div></div>"

    s1 = slide("#3050a0",
               "<div class=t1 style='color:#ffffff'>Active Travel Programme: Annual Update</div>"
               f"<div class=big style='color:#e04020'>{_e(f'Presented by {presenter[0]}, Programme Manager')}</div>"
               f"<div class=mid style='color:#e04020'>{_e(presenter[1])}</div>"
               "<div class=mid style='color:#c8d0e8'>"
               f"{_e(f'The Mayor of Tyneholm, {mayor}, opened the board')}</div>", 1)
    s2 = slide("#ffffff",
               "<div class=t2 style='color:#0b7a75'>Delivery this year</div><ul style='color:#333'>"
               f"<li>{_e(p.ordinary[0])}</li>"
               f"<li style='color:#e8c547'>{_e(f'Route consultations led by {consult[0]}')}</li>"
               f"<li style='color:#e8c547'>{_e(f'Consultation line: {consult[1]}')}</li>"
               f"<li style='color:#e6b84a'>{_e(f'Count surveys by {surveyor} (Tyneholm Counts)')}</li></ul>", 2)
    s3 = slide("#2e8b57",
               "<div class=t2 style='color:#ffffff'>Cycling partners</div><ul style='color:#d83a3a'>"
               f"<li>{_e(f'Pedal Tyneholm: {cycling[0]}')}</li>"
               f"<li>{_e(cycling[1])}</li>"
               f"<li style='color:#f0f0f0'>{_e('Bike libraries in four town centres')}</li></ul>", 3)
    s4 = slide("#f6dada",
               "<div class=t2 style='color:#8a5a9e'>School streets</div><ul style='color:#7fa6d9'>"
               f"<li style='color:#555'>{_e(p.ordinary[1])}</li>"
               f"<li>{_e(f'Schools liaison: {schools[0]}, {schools[1]}')}</li>"
               f"<li>{_e(f'Air quality figures: {stats}')}</li>"
               f"<li style='color:#8a5a9e'>{_e(f'Decision: Cabinet Member for Transport, Cllr {cabinet}')}</li></ul>",
               4)
    head = ("<div class=hand>Tyneholm Combined Authority - Transport Partnership Board - 12 June - item 6 "
            "(handout)</div>")
    css = ("body { font-family: 'Cantarell'; margin: 0 } .hand { font-size: 9pt; color: #444; margin-bottom: 6mm }"
           " .slide { position: relative; width: 165mm; height: 92.8mm; box-sizing: border-box; padding: 9mm 11mm;"
           " border: 0.6pt solid #888; margin: 0 auto 12mm auto; overflow: hidden } .t1 { font-size: 22pt;"
           " font-weight: bold; margin: 10mm 0 6mm } .t2 { font-size: 20pt; font-weight: bold; margin-bottom: 4mm }"
           " .big { font-size: 15pt; margin-bottom: 3mm } .mid { font-size: 12.5pt; margin-bottom: 2mm }"
           " ul { font-size: 13pt; margin: 0; padding-left: 7mm } li { margin-bottom: 2.2mm }"
           " .num { position: absolute; right: 5mm; bottom: 3mm; font-size: 8pt; color: #999 }"
           " * { -webkit-print-color-adjust: exact; print-color-adjust: exact }")
    source = _chromium(_html_doc([head + s1 + s2, head + s3 + s4], css, margin="18mm"))
    p.read_source(source)
    rng = random.Random(8808)
    dpi = 200
    pages = _render_rgb(source, dpi)
    _pages(2, pages, "the handout")
    scans = [_colour_scan(im, rng, (-0.3, 0.35)[n], paper=(252, 251, 247), sigma=2.5) for n, im in enumerate(pages)]
    return _as_pdf([_jpeg(s, 55) for s in scans]), p


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "cmyk_letterhead": (cmyk_letterhead, 200, False, "Chromium (Roboto Slab, an SVG logo), pdfium in colour",
                        "colour scan at 200 dpi under a colour letterhead (logo, coloured band), cream paper, skew "
                        "0.3 and -0.35 degrees; each page stored as one CMYK JPEG (DCTDecode in /DeviceCMYK, quality "
                        "45, Adobe-inverted values shown the right way round by /Decode [1 0 1 0 1 0 1 0]; the grey "
                        "all in K)"),
    "alpha_ink": (alpha_ink, 200, True, "reportlab (Lato), pdftoppm",
                  "200 dpi, speckle, grey paper, skew -0.3 and 0.4 degrees; each page stored as a picture with an "
                  "alpha channel (/SMask): the colour planes one solid ink everywhere (black on page 1, navy on page "
                  "2), the letters only in the mask; page 1 over the white page, page 2 over a cream tint drawn "
                  "under it"),
    "viewer_shot96": (viewer_shot96, 96, False, "LibreOffice Writer (Open Sans, HTML), pdfium at 120 pixels an inch "
                      "with sub-pixel anti-aliasing",
                      "each page a 1280 x 1000 screenshot of a PDF viewer at 96 dpi (title bar, toolbar, page "
                      "thumbnails, scroll bar, the page at 125 % cut off at the window's foot), the letters drawn "
                      "with sub-pixel (RGB stripe) anti-aliasing; stored Flate RGB, a 960 x 750 pt page"),
    "ncr_carbonless": (ncr_carbonless, 200, False, "Chromium (Cantarell pre-print, Courier Prime entries, rendered "
                       "as two layers), pdftoppm",
                       "carbonless (NCR) copy, pink part 2: the form pre-printed in red, the entries transferred in "
                       "faint blue-violet, grainy, lighter to the right and down, shifted 1.9 mm right and 1.1 mm "
                       "down off the pre-print (over its rules); colour scan at 200 dpi, skew 0.4 and -0.3 degrees, "
                       "colour JPEG 60"),
    "jpx_inline": (jpx_inline, 200, True, "LibreOffice Writer (Gentium Book Plus, HTML), pdftoppm",
                   "200 dpi, speckle, grey paper, skew 0.35 and -0.45 degrees; page 1 stored JPEG 2000 (JPXDecode, "
                   "lossy, rate 40); page 2 cut to 1 bit at a fixed threshold and stored as an inline image in the "
                   "page's content stream (BI ... ID ... EI, Flate), no XObject"),
    "thermal_mixed": (thermal_mixed, 200, False, "reportlab text page (Gentium Plus) with a photo drawn in "
                      "Inconsolata; page 2 reportlab (Gentium Plus), pdftoppm",
                      "page 1 text layer holding a phone photo of a thermal penalty charge notice (grey-brown print "
                      "fading to the right, a curled shaded edge, on a dark desk; an officer's name, a number and an "
                      "e-mail as pixels); page 2 a fax received on thermal paper: 1 bit, the print faded unevenly to "
                      "grey-brown, five dead print-head elements leaving white lines down the page, yellowed paper, "
                      "the top edge curled and shaded; colour scan at 200 dpi, skew -0.4 degrees, colour JPEG 55"),
    "typewriter_ribbon": (typewriter_ribbon, 200, False, "Chromium (Courier Prime 12 pt, every letter placed), "
                          "pdfium in colour",
                          "a manual typewriter: every letter up to 1.2 px off its line and struck harder or softer, "
                          "ink filling the letters' counters, the ribbon's weave; a two-colour ribbon printing a "
                          "paragraph and a copy line in red; cream paper; colour scan at 200 dpi, skew 0.45 and "
                          "-0.35 degrees, colour JPEG 55"),
    "slides_handout": (slides_handout, 200, False, "Chromium (Cantarell, two 16:9 slides a page), pdfium in colour",
                       "presentation handout: text that differs from its background in hue more than in lightness "
                       "(orange-red on blue, yellow on white, red on green, pale blue on pink); colour scan at 200 "
                       "dpi, skew -0.3 and 0.35 degrees, colour JPEG 55 (chroma halved)"),
}


def make_never_seen8(out: Path = OUT, only: list[str] | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, (make, dpi, noise, producer, degradation) in PAPERS.items():
        if only and name not in only:
            continue
        data, paper = make()
        paper.check(name)
        _one_line(name, paper)
        if len(data) >= 400_000:
            raise AssertionError(f"{name}: {len(data)} bytes, more than 400 KB")
        (out / f"{name}.pdf").write_bytes(data)
        manifest[name] = manifest_entry(paper, dpi, noise, producer, degradation)
    if not only:
        write_manifest(out, manifest)
    return manifest


if __name__ == "__main__":
    import sys

    make_never_seen8(only=sys.argv[1:] or None)
