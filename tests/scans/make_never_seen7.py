"""The seventh never-seen scan set (tests/scans/never_seen7/): eight scanned and mixed papers from bodies, wording,
people, layouts and faults that never_seen ... never_seen6 did not use, committed before any engine (OCR,
detection, redaction) read them. It is measured once (``bench/ocr.py --never-seen7``) and never tuned on.

Producers: Chromium (TeX Gyre Heros, Linux Libertine O, EB Garamond), LibreOffice Writer (TeX Gyre Pagella, TeX
Gyre Schola) and reportlab (FreeSerif, FreeMono, FreeSans). New faults and new ways of storing a scan: a page
stored as horizontal strips and a page stored as a 3 x 3 grid of tiles (separate JPEG pictures, seams through
a name, a number and an e-mail); a 300 dpi 1-bit scan stored JBIG2 (generic region, MMR coded) in a thin serif;
a dot-matrix print (every letter made of pin dots, a worn pin leaving a gap row, the ribbon fading) on green-bar
continuous stationery with tractor holes, colour scan; a microfiche reader-printer copy (the whole page
negative: white letters on black, film grain, a hot spot, scratches); pictures stored bottom-up or sideways and
turned upright by the page's drawing matrix (no /Rotate); a colour scan with its three colour channels out of
register (colour fringes) stored as a 16-colour indexed picture; a licence printed on a guilloche security
background with a line of text running up the margin; a text page holding a phone photo of a monitor (the
screen's pixel grid and moire, glare) and a compliments slip scanned with the lid open (black all round,
turned 6.5 degrees).

    .venv/bin/python -m tests.scans.make_never_seen7     # writes tests/scans/never_seen7/*.pdf and manifest.json

The manifest has the keys of never_seen2 ... never_seen6 (``dpi``, ``noise``, ``planted``, ``ordinary``,
``part2``, ``kept``, ``producer``, ``degradation``). Every planted and kept value is checked against the source
of the page it names (the source PDF's text before rasterising, or the words drawn as pixels), with
make_never_seen2's ``Paper``. All people are fictional; every number is from Ofcom's drama ranges.
"""

from __future__ import annotations

import io
import math
import random
import struct
import zlib
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.scans.make_never_seen2 import (FONTS, Paper, _chromium, _e, _html_doc, _libreoffice, _lines, _pdf_pages,
                                          _pdftoppm, _unbroken, manifest_entry, write_manifest)
from tests.scans.make_never_seen5 import _box, _doc, _one_line, _pages, _render_rgb
from tests.scans.make_scans import _as_pdf, _jpeg, _scan

OUT = Path(__file__).parent / "never_seen7"
_TTF7 = {
    "FreeSerif": FONTS / "truetype/freefont/FreeSerif.ttf",
    "FreeSerif-Bold": FONTS / "truetype/freefont/FreeSerifBold.ttf",
    "FreeMono": FONTS / "truetype/freefont/FreeMono.ttf",
    "FreeMono-Bold": FONTS / "truetype/freefont/FreeMonoBold.ttf",
    "FreeSans": FONTS / "truetype/freefont/FreeSans.ttf",
    "FreeSans-Bold": FONTS / "truetype/freefont/FreeSansBold.ttf",
}
_PIL7 = {
    "ui": FONTS / "truetype/freefont/FreeSans.ttf",
    "ui-bold": FONTS / "truetype/freefont/FreeSansBold.ttf",
}
MM = 72 / 25.4
LANDSCAPE = (A4[1], A4[0])


def _register() -> None:
    for name, path in _TTF7.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _font(key: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_PIL7[key]), size)


def _noise(arr: np.ndarray, rng: random.Random, sigma: float) -> np.ndarray:
    return arr + np.random.default_rng(rng.randrange(2**32)).normal(0, sigma, arr.shape).astype(np.float32)


def _u8(arr: np.ndarray, mode: str = "L") -> Image.Image:
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode)


def _save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def _jpeg_xobject(pdf: pikepdf.Pdf, image: Image.Image, quality: int) -> pikepdf.Stream:
    s = pikepdf.Stream(pdf, _jpeg(image, quality))
    s["/Type"], s["/Subtype"] = pikepdf.Name.XObject, pikepdf.Name.Image
    s["/Width"], s["/Height"] = image.width, image.height
    s["/ColorSpace"] = pikepdf.Name.DeviceRGB if image.mode == "RGB" else pikepdf.Name.DeviceGray
    s["/BitsPerComponent"] = 8
    s["/Filter"] = pikepdf.Name.DCTDecode
    return s


def _add_page(pdf: pikepdf.Pdf, size: tuple[float, float], images: dict[str, pikepdf.Stream], content: str) -> None:
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, round(size[0], 3), round(size[1], 3)],
                              Contents=pikepdf.Stream(pdf, content.encode()),
                              Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(
                                  {f"/{k}": v for k, v in images.items()})))
    pdf.pages.append(pikepdf.Page(page))


def _shown_diff(data: bytes, index: int, expected: Image.Image) -> float:
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[index]
        shown = page.render(scale=expected.width / page.get_width()).to_pil().convert("L").resize(expected.size)
    finally:
        doc.close()
    return float(np.abs(np.asarray(shown, dtype=np.float32) - np.asarray(expected.convert("L"), dtype=np.float32)).mean())


def _same_picture(data: bytes, index: int, expected: Image.Image, tolerance: float, what: str) -> None:
    """The page as a PDF viewer shows it (pdfium, at the picture's own size) is the picture meant."""
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[index]
        scale = expected.width / page.get_width()
        shown = page.render(scale=scale).to_pil().convert("L").resize(expected.size)
    finally:
        doc.close()
    diff = np.abs(np.asarray(shown, dtype=np.float32) - np.asarray(expected.convert("L"), dtype=np.float32)).mean()
    if diff > tolerance:
        raise AssertionError(f"{what}: page {index + 1} does not show the picture (mean difference {diff:.1f})")


# --- 1. Housing disrepair complaint, stored in strips and tiles: LibreOffice Writer (TeX Gyre Pagella) ----------


def _tiled_pdf(pages: list[tuple[Image.Image, list[int], list[int]]], quality: int) -> bytes:
    """Each page as separate JPEG pictures that tile it edge to edge (``ys`` row cuts and ``xs`` column cuts in
    pixels), the way some scanners and copiers write a page in bands."""
    pdf = pikepdf.new()
    w_pt, h_pt = A4
    for image, ys, xs in pages:
        k = w_pt / image.width
        rows, cols = [0, *ys, image.height], [0, *xs, image.width]
        images, ops = {}, []
        for r in range(len(rows) - 1):
            for c in range(len(cols) - 1):
                x0, x1, y0, y1 = cols[c], cols[c + 1], rows[r], rows[r + 1]
                name = f"T{r}_{c}"
                images[name] = _jpeg_xobject(pdf, image.crop((x0, y0, x1, y1)), quality)
                ops.append(f"q {(x1 - x0) * k:.4f} 0 0 {(y1 - y0) * k:.4f} {x0 * k:.4f} {h_pt - y1 * k:.4f} cm "
                           f"/{name} Do Q")
        _add_page(pdf, A4, images, "\n".join(ops))
    data = _save(pdf)
    for i, (image, _, _) in enumerate(pages):
        _same_picture(data, i, image, 6.0, "tiled scan")
    return data


def strips_tiled() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "hallamby.example.gov.uk"
    tenant = "Oluwadamilare Fenwick-Strand"
    surveyor = ("Ingrid Halloran-Mbeki", "0114 496 0738", f"ingrid.halloran@{dom}")
    contractor = ("Caspian Yeardley", "0114 496 0952")
    advocate = ("Maelys Odunsi-Birtwistle", "maelys.odunsi@tenantsvoice.example.org")
    member = "Hephzibah Larkworthy"
    p.ordinary = ["We have upheld your complaint about the damp and mould in the rear bedroom.",
                  "The repairs will be finished within twenty working days of this letter."]
    p.planted = [(tenant, "PERSON", 1), (surveyor[0], "PERSON", 1), (surveyor[1], "PHONE_NUMBER", 1),
                 (contractor[0], "PERSON", 1), (advocate[0], "PERSON", 1),
                 (surveyor[0], "PERSON", 2), (surveyor[2], "EMAIL_ADDRESS", 2), (contractor[1], "PHONE_NUMBER", 2),
                 (advocate[1], "EMAIL_ADDRESS", 2), (tenant, "PERSON", 2)]
    p.kept = [(member, "PERSON", 2, "Cabinet Member for Housing, to whom the complaint was reported")]
    _unbroken(p)
    page1 = [
        f"Dear {tenant},",
        "Stage 1 complaint HSG/DIS/5518: 27 Coppice Walk",
        p.ordinary[0],
        f"Our surveyor, {surveyor[0]}, inspected the flat on 3 June and found that the extractor fan in the "
        "bathroom had failed and the gutter above the bedroom window was blocked.",
        f"The repairs are to be carried out by {contractor[0]} of Brightside Building Services, who will contact "
        "you to book a date.",
        f"We have noted that {advocate[0]} of Tenants' Voice is acting for you and have sent her a copy.",
        f"You can speak to the surveyor on {surveyor[1]} on weekdays.",
    ]
    page2 = [
        p.ordinary[1],
        f"If the contractor cannot get in, please call {contractor[0]} on {contractor[1]} to rearrange.",
        f"Written questions about the works can go to {surveyor[2]}",
        f"A copy of this letter has gone to {advocate[1]}",
        f"The Cabinet Member for Housing, Councillor {member}, receives a monthly report of disrepair complaints "
        "and will see this one.",
        f"If you are not satisfied, {tenant}, you may ask for a stage 2 review within 28 days.",
        "Yours sincerely,",
        surveyor[0],
        "Senior Surveyor, Hallamby Borough Council",
    ]
    css = ("@page { margin: 25mm } body { font-family: 'TeX Gyre Pagella'; font-size: 11.5pt } p { margin: 0 0 10pt 0 }"
           " .head { font-size: 15pt; font-weight: bold } .subj { font-weight: bold }")
    html = ("<p class=head>Hallamby Borough Council - Housing Repairs</p><p>Civic Centre, Hallamby</p>"
            + f"<p>{_e(page1[0])}</p><p class=subj>{_e(page1[1])}</p>"
            + "".join(f"<p>{_e(t)}</p>" for t in page1[2:]) + "<p style='page-break-before: always'></p>"
            + "".join(f"<p>{_e(t)}</p>" for t in page2))
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    rng = random.Random(8701)
    dpi = 200
    pages = _pdftoppm(source, dpi)
    _pages(2, pages, "the letter")
    scans = [_scan(im, rng, noise=False, skew=(0.3, -0.25)[n]) for n, im in enumerate(pages)]
    # page 1: nine bands; one cut runs through the middle of the line naming the contractor
    b = _box(source, 0, contractor[0], dpi)
    cut = (b[1] + b[3]) // 2
    h = scans[0].height
    ys1 = sorted({*[h * i // 9 for i in range(1, 9) if abs(h * i // 9 - cut) > 60], cut})
    # page 2: a 3 x 3 grid; a column seam through the contractor's number, a row seam through the surveyor's e-mail
    n2 = _box(source, 1, contractor[1], dpi)
    e2 = _box(source, 1, "Written questions", dpi)  # the line holding the surveyor's e-mail
    xs2 = sorted([(n2[0] + n2[2]) // 2, (n2[0] + n2[2]) // 2 - 560])
    ys2 = [(e2[1] + e2[3]) // 2, (e2[1] + e2[3]) // 2 + 700]
    return _tiled_pdf([(scans[0], ys1, []), (scans[1], ys2, xs2)], 55), p


# --- 2. PCC complaint review outcome, 1-bit JBIG2 at 300 dpi: reportlab (FreeSerif) -----------------------------


def _g4_data(image: Image.Image) -> tuple[bytes, bool]:
    """The CCITT group 4 data Pillow writes for a 1-bit picture (one strip) and its /BlackIs1."""
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=300)
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        (im,) = list(pdf.pages[0].Resources.XObject.values())
        parms = im.get("/DecodeParms")
        parms = parms[0] if isinstance(parms, pikepdf.Array) else parms
        if int(parms.get("/K")) != -1 or int(parms.get("/Columns")) != image.width:
            raise AssertionError("Pillow did not write one CCITT G4 strip")
        return bytes(im.read_raw_bytes()), bool(parms.get("/BlackIs1", False))


def _jbig2_stream(image: Image.Image, dpi: int) -> tuple[bytes, bool]:
    """A JBIG2 embedded stream (as PDF's JBIG2Decode takes it: no file header) holding one page: a page
    information segment and one immediate generic region coded MMR (T.6)."""
    w, h = image.size
    res = round(dpi / 0.0254)

    def segment(number: int, kind: int, data: bytes) -> bytes:
        return struct.pack(">IBBBI", number, kind, 0x00, 1, len(data)) + data

    page_info = struct.pack(">IIIIBH", w, h, res, res, 0x01, 0)
    g4, black_is_1 = _g4_data(image)
    # T.6 codes "white" and "black" runs; JBIG2 takes 1 as black and a first run of 0s
    region = struct.pack(">IIIIB", w, h, 0, 0, 0) + bytes([0x01]) + g4
    return segment(0, 48, page_info) + segment(1, 38, region), black_is_1  # PDF takes no end-of-page segment


def _jbig2_pdf(pictures: list[Image.Image], dpi: int) -> bytes:
    pdf = pikepdf.new()
    for im in pictures:
        data, black_is_1 = _jbig2_stream(im, dpi)
        if black_is_1:  # Pillow coded the picture's black as T.6 "black" runs, JBIG2 would show it white: invert
            data, _ = _jbig2_stream(ImageOps.invert(im.convert("L")).convert("1", dither=Image.Dither.NONE), dpi)
        s = pikepdf.Stream(pdf, data)
        s["/Type"], s["/Subtype"] = pikepdf.Name.XObject, pikepdf.Name.Image
        s["/Width"], s["/Height"] = im.width, im.height
        s["/ColorSpace"], s["/BitsPerComponent"] = pikepdf.Name.DeviceGray, 1
        s["/Filter"] = pikepdf.Name.JBIG2Decode
        _add_page(pdf, A4, {"Im0": s}, f"q {A4[0]:.2f} 0 0 {A4[1]:.2f} 0 0 cm /Im0 Do Q")
    data = _save(pdf)
    doc = pdfium.PdfDocument(data)
    try:  # pdfium decodes each stream to exactly the picture drawn (poppler 22 draws stray streaks from it)
        for i, im in enumerate(pictures):
            (obj,) = [o for o in doc[i].get_objects() if isinstance(o, pdfium.PdfImage)]
            shown = obj.get_bitmap(render=False).to_pil().convert("L")
            wrong = (np.asarray(shown) < 128) != (np.asarray(im.convert("L")) < 128)
            if wrong.mean() > 0.0005:
                raise AssertionError(f"JBIG2: page {i + 1} decodes to a different picture ({wrong.mean():.4%})")
    finally:
        doc.close()
    return data


def jbig2_300() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "brackenmoor-pcc.example.gov.uk"
    pcc = "Augustina Threlfall-Osei"
    cc = "Benedikt Ormerod-Vance"
    complainant = "Saoirse Brackley-Umeh"
    officer = "Yannick Poullain-Hebden"
    reviewer = ("Ottilie Gathercole-Ndlovu", "0161 496 0327", f"ottilie.gathercole@{dom}")
    witness = ("Radomir Kowalczyk-Tait", "07700 900518")
    p.ordinary = ["The review found that the outcome of the complaint was reasonable and proportionate.",
                  "The force will write to you separately about the learning identified."]
    p.planted = [(complainant, "PERSON", 1), (officer, "PERSON", 1), (witness[0], "PERSON", 1),
                 (witness[1], "PHONE_NUMBER", 1), (reviewer[0], "PERSON", 1),
                 (reviewer[0], "PERSON", 2), (reviewer[1], "PHONE_NUMBER", 2), (reviewer[2], "EMAIL_ADDRESS", 2),
                 (complainant, "PERSON", 2), ("complaints.reviews@brackenmoor-pcc.example.gov.uk", "EMAIL_ADDRESS", 2)]
    p.kept = [(pcc, "PERSON", 1, "Police and Crime Commissioner for Brackenmoor, the relevant review body"),
              (cc, "PERSON", 2, "Chief Constable of Brackenmoor Police, told of the learning")]
    _unbroken(p)
    f, fb = "FreeSerif", "FreeSerif-Bold"
    s = 10.5
    page1 = [("Office of the Police and Crime Commissioner for Brackenmoor", fb, 13), ("", f, 6),
             ("Complaint review outcome - reference RV/24/0613", fb, 11), ("", f, 6),
             (f"Dear {complainant},", f, s), ("", f, 4),
             (f"You asked the Commissioner, {pcc}, to review how Brackenmoor Police", f, s),
             ("handled your complaint about the search of your car on 11 February.", f, s), ("", f, 4),
             ("The complaint was about the conduct of the officer who stopped you,", f, s),
             (f"{officer}, and about the time the force took to reply.", f, s), ("", f, 4),
             (f"An independent witness, {witness[0]}, gave an account to the force", f, s),
             (f"and can be reached on {witness[1]} if the matter goes further.", f, s), ("", f, 4),
             (p.ordinary[0], f, s), ("", f, 4),
             (f"The review was carried out by {reviewer[0]}, Complaint Review Manager.", f, s)]
    page2 = [("Recommendations", fb, 11), ("", f, 6),
             ("1. The force should explain the grounds for a search in writing when asked.", f, s),
             ("2. Replies to complaints should be sent within the time the force has published.", f, s), ("", f, 4),
             (p.ordinary[1], f, s),
             (f"The Chief Constable, {cc}, has been told of both recommendations.", f, s), ("", f, 4),
             (f"If you have questions about this review, {complainant}, please contact", f, s),
             (f"{reviewer[0]} on {reviewer[1]} or by e-mail at", f, s),
             (f"{reviewer[2]}", f, s), ("", f, 4),
             ("General enquiries: complaints.reviews@brackenmoor-pcc.example.gov.uk", f, s), ("", f, 14),
             ("Yours sincerely,", f, s), ("", f, 4), (reviewer[0], f, s),
             ("Complaint Review Manager", f, s)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in (page1, page2):
        _lines(c, lines, 72, 770)
        c.showPage()
    c.save()
    source = buf.getvalue()
    p.read_source(source)
    rng = random.Random(8702)
    dpi = 300
    pages = _render_rgb(source, dpi)
    _pages(2, pages, "the review outcome")
    out = []
    for n, page in enumerate(pages):
        g = _scan(page.convert("L"), rng, noise=False, skew=(0.2, -0.35)[n])
        g = _u8(_noise(np.asarray(g, dtype=np.float32) * 0.97 + 6, rng, 6))
        bw = g.point(lambda v: 255 if v > 150 else 0, "L").convert("1", dither=Image.Dither.NONE)
        out.append(bw)
    return _jbig2_pdf(out, dpi), p


# --- 3. Fire service on-call roster, dot-matrix on green-bar stationery: reportlab (FreeMono) -------------------


def _dot_matrix(image: Image.Image, dpi: int, rng: random.Random) -> np.ndarray:
    """A 9-pin printer's letters: the print sampled on the printer's dot grid (120 across, 72 down to the inch),
    each dot a round spot of ink; one worn pin prints nothing (a gap row in every line); the ribbon fades from
    left to right. Returns ink coverage 0..1 at ``dpi``."""
    w, h = image.size
    gx, gy = round(w * 120 / dpi), round(h * 72 / dpi)
    grid = np.asarray(image.convert("L").resize((gx, gy), Image.BOX), dtype=np.float32) < 150
    ink = np.zeros((h, w), dtype=np.float32)
    r = 1.75
    yy, xx = np.mgrid[-3:4, -3:4]
    spot = np.clip(r + 0.5 - np.sqrt(xx**2 + yy**2), 0, 1).astype(np.float32)
    ys, xs = np.nonzero(grid)
    worn = 5  # rows at this position in the 9-pin head leave no ink
    for y, x in zip(ys, xs):
        if y % 9 == worn and rng.random() < 0.85:
            continue
        cy, cx = int(y * dpi / 72 + 1.4), int(x * dpi / 120 + 0.8)
        if 3 <= cy < h - 4 and 3 <= cx < w - 4:
            np.maximum(ink[cy - 3:cy + 4, cx - 3:cx + 4], spot, out=ink[cy - 3:cy + 4, cx - 3:cx + 4])
    fade = np.linspace(0.95, 0.62, w, dtype=np.float32)[None, :]
    return ink * fade


def _greenbar(w: int, h: int, dpi: int) -> np.ndarray:
    """Listing paper: pale green bars half an inch deep, tractor holes down both edges, a perforation."""
    paper = np.ones((h, w, 3), dtype=np.float32) * np.array([248, 247, 240], dtype=np.float32)
    band = int(dpi / 2)
    for y0 in range(int(dpi * 1.0), h, 2 * band):
        paper[y0:y0 + band, int(dpi * 0.55):w - int(dpi * 0.55)] = (214, 236, 214)
    img = _u8(paper, "RGB")
    d = ImageDraw.Draw(img)
    for y in range(int(dpi * 0.25), h, dpi // 2):
        for x in (int(dpi * 0.25), w - int(dpi * 0.25)):
            d.ellipse((x - 16, y - 16, x + 16, y + 16), fill=(70, 70, 72))
    for x in (int(dpi * 0.5), w - int(dpi * 0.5)):
        for y in range(0, h, 14):
            d.line((x, y, x, y + 6), fill=(190, 190, 185), width=1)
    return np.asarray(img, dtype=np.float32)


def dotmatrix_greenbar() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "wyrebrook-fire.example.gov.uk"
    cfo = "Leontyne Garside-Akhtar"
    crew = [("Torquil Ashdown", "07700 900286"), ("Nkechi Brassington", "07700 900391"),
            ("Fergal Ostrowski", "0115 496 0648")]
    manager = ("Imogen Scarisbrick-Lowe", f"i.scarisbrick-lowe@{dom}")
    p.ordinary = ["ON-CALL AVAILABILITY LISTING FOR STATION 14 (ASHCOMBE), WEEK 23.",
                  "CREWS BELOW FOUR MUST BE REPORTED TO CONTROL BY 18:00 EACH DAY."]
    p.planted = [*[(n, "PERSON", 1) for n, _ in crew], *[(t, "PHONE_NUMBER", 1) for _, t in crew],
                 (manager[0], "PERSON", 1),
                 (manager[0], "PERSON", 2), (manager[1], "EMAIL_ADDRESS", 2), (crew[1][0], "PERSON", 2)]
    p.kept = [(cfo, "PERSON", 2, "Chief Fire Officer of Wyrebrook Fire and Rescue Service, who asked for the return")]
    _unbroken(p)
    f = "FreeMono-Bold"
    s = 10
    page1 = [("WYREBROOK FIRE AND RESCUE SERVICE            RUN 0614  PAGE 1", f, s), ("", f, s),
             (p.ordinary[0], f, s), ("", f, s),
             ("NAME                    CONTACT         MON TUE WED THU FRI", f, s),
             ("----------------------- --------------- --- --- --- --- ---", f, s),
             (f"{crew[0][0]:<23} {crew[0][1]:<15}  Y   Y   N   Y   Y", f, s),
             (f"{crew[1][0]:<23} {crew[1][1]:<15}  N   Y   Y   Y   N", f, s),
             (f"{crew[2][0]:<23} {crew[2][1]:<15}  Y   N   Y   N   Y", f, s),
             ("", f, s), ("TOTAL HOURS COVERED: 106 OF 120  (88.3 PER CENT)", f, s), ("", f, s),
             (p.ordinary[1], f, s), ("", f, s),
             (f"WATCH MANAGER: {manager[0]}", f, s)]
    page2 = [("WYREBROOK FIRE AND RESCUE SERVICE            RUN 0614  PAGE 2", f, s), ("", f, s),
             ("NOTES", f, s), ("", f, s),
             (f"THU: {crew[1][0]} ON COURSE AT SERVICE HQ, COVER", f, s),
             ("FROM STATION 9 FOR THE DAY.", f, s), ("", f, s),
             ("RETURN REQUESTED BY THE CHIEF FIRE OFFICER,", f, s),
             (f"{cfo}, FOR THE AVAILABILITY REVIEW.", f, s), ("", f, s),
             (f"QUERIES TO {manager[0]}", f, s),
             (f"E-MAIL {manager[1]}", f, s), ("", f, s), ("*** END OF LISTING ***", f, s)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in (page1, page2):
        _lines(c, lines, 62, 740)
        c.showPage()
    c.save()
    source = buf.getvalue()
    p.read_source(source)
    rng = random.Random(8703)
    dpi = 200
    pages = _pdftoppm(source, dpi)
    _pages(2, pages, "the listing")
    out = []
    for n, page in enumerate(pages):
        ink = _dot_matrix(page, dpi, rng)
        paper = _greenbar(page.width, page.height, dpi)
        ribbon = np.array([40, 38, 60], dtype=np.float32)
        arr = paper * (1 - ink[..., None]) + ribbon * ink[..., None]
        img = _u8(_noise(arr, rng, 3), "RGB").filter(ImageFilter.GaussianBlur(0.5))
        img = img.rotate((0.45, -0.3)[n], resample=Image.BICUBIC, fillcolor=(250, 250, 250))
        out.append(_jpeg(img, 60))
    return _as_pdf(out), p


# --- 4. Planning committee minutes from microfiche, negative: Chromium (TeX Gyre Heros) -------------------------


def _microfiche(image: Image.Image, rng: random.Random) -> Image.Image:
    """A reader-printer's copy of a microfiche frame: the page negative (white letters on black), soft, a hot
    spot in the middle of the lamp's field, film grain, two scratches along the film and dust."""
    g = np.random.default_rng(rng.randrange(2**32))
    img = image.filter(ImageFilter.GaussianBlur(1.0))
    arr = 255.0 - np.asarray(img, dtype=np.float32)  # letters 255, page 0
    h, w = arr.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 0.78 + 0.22 * np.exp(-(((xx - 0.45 * w) / (0.55 * w)) ** 2 + ((yy - 0.4 * h) / (0.6 * h)) ** 2))
    out = arr * light * 0.9 + 22 * light
    grain = np.asarray(_u8(g.normal(0, 1, (h // 3, w // 3)).astype(np.float32) * 40 + 128).resize(
        (w, h), Image.BICUBIC), dtype=np.float32) - 128
    out += grain * 0.05
    for x in (int(w * 0.31), int(w * 0.77)):
        out[:, x:x + 2] += 70
    dust = g.random((h, w)) < 0.0006
    out[dust] = 230
    return _u8(out).filter(ImageFilter.GaussianBlur(0.5))


def negative_fiche() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "ollerton-vale.example.gov.uk"
    leader = "Percival Adeyemi-Thwaite"
    mp = "Rosamund Kielty"
    applicant = ("Ezekiel Brunskill", "01632 960293")
    objector = ("Wilhelmina Pargeter-Rao", "01632 960719")
    officer = ("Cosmo Fairclough-Nunes", f"c.fairclough-nunes@{dom}")
    agent = ("Liesel Abernethy-Kaur", "liesel@abernethyplanning.example.co.uk")
    p.ordinary = ["The committee considered the application for four houses on land north of Stable Lane.",
                  "The application was refused for the reasons set out in the officer's report."]
    p.planted = [(applicant[0], "PERSON", 1), (applicant[1], "PHONE_NUMBER", 1), (objector[0], "PERSON", 1),
                 (officer[0], "PERSON", 1), (agent[0], "PERSON", 1),
                 (objector[0], "PERSON", 2), (objector[1], "PHONE_NUMBER", 2), (officer[0], "PERSON", 2),
                 (officer[1], "EMAIL_ADDRESS", 2), (agent[1], "EMAIL_ADDRESS", 2)]
    p.kept = [(leader, "PERSON", 1, "Leader of the Council, who spoke as ward member"),
              (mp, "PERSON", 2, "Member of Parliament for Ollerton Vale, whose letter was read out")]
    _unbroken(p)
    page1 = [
        "<h1>Ollerton Vale District Council</h1><h2>Planning Committee - Minutes</h2>",
        f"<p><b>Item 6. Application 94/0713/FUL</b></p><p>{_e(p.ordinary[0])}</p>",
        f"<p>{_e(f'The case officer, {officer[0]}, presented the report and the late representations.')}</p>",
        f"<p>{_e(f'The applicant, {applicant[0]}, spoke in support and left a contact number, {applicant[1]}, for residents.')}</p>",
        f"<p>{_e(f'{objector[0]} spoke for the Stable Lane residents against the scheme.')}</p>",
        f"<p>{_e(f'The agent, {agent[0]}, answered questions on drainage.')}</p>",
        f"<p>{_e(f'The Leader of the Council, Councillor {leader}, spoke as ward member and asked the committee to refuse the application.')}</p>",
    ]
    page2 = [
        "<h2>Item 6 (continued)</h2>",
        f"<p>{_e(f'A letter from {mp} MP, Member of Parliament for Ollerton Vale, was read out.')}</p>",
        f"<p>{_e(p.ordinary[1])}</p>",
        f"<p>{_e(f'Residents wishing to follow the appeal should contact {objector[0]} on {objector[1]}.')}</p>",
        f"<p>{_e(f'Questions about the decision to {officer[0]},')}<br>{_e(officer[1])}</p>",
        f"<p>{_e(f'Copy sent to the agent at {agent[1]}')}</p>",
        "<p>The meeting closed at 9.40 pm.</p>",
    ]
    css = ("body { font-family: 'TeX Gyre Heros'; font-size: 11.5pt; line-height: 1.45 } h1 { font-size: 17pt }"
           " h2 { font-size: 13.5pt } p { margin: 0 0 10pt 0 }")
    source = _chromium(_html_doc(["".join(page1), "".join(page2)], css, margin="24mm"))
    p.read_source(source)
    rng = random.Random(8704)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the minutes")
    out = [_jpeg(_microfiche(_scan(im, rng, noise=False, skew=(0.5, -0.4)[n]), rng), 45)
           for n, im in enumerate(pages)]
    return _as_pdf(out), p


# --- 5. School transport appeal, pictures turned upright by the drawing matrix: Chromium (Linux Libertine) ------


def _matrix_pdf(upright: list[Image.Image], stored: list[str], quality: int) -> bytes:
    """Each scan stored as the scanner read it and turned upright by the page's drawing matrix, not /Rotate:
    ``bottom-up`` is stored with its rows reversed and drawn flipped; ``sideways`` is a landscape page stored
    turned a quarter (portrait) and drawn turned back on a landscape page."""
    pdf = pikepdf.new()
    for im, how in zip(upright, stored):
        size = A4 if im.height > im.width else LANDSCAPE
        w, h = size
        if how == "bottom-up":
            pic, cm = ImageOps.flip(im), f"{w:.3f} 0 0 {-h:.3f} 0 {h:.3f}"
        elif how == "sideways":
            pic, cm = im.rotate(90, expand=True), f"0 {-h:.3f} {w:.3f} 0 0 {h:.3f}"
        else:
            pic, cm = im, f"{w:.3f} 0 0 {h:.3f} 0 0"
        _add_page(pdf, size, {"Im0": _jpeg_xobject(pdf, pic, quality)}, f"q {cm} cm /Im0 Do Q")
    data = _save(pdf)
    for i, im in enumerate(upright):
        _same_picture(data, i, im, 10.0, f"matrix ({stored[i]})")
        # and much nearer the upright picture than the picture turned half round or mirrored
        _same_picture(data, i, im, min(_shown_diff(data, i, im.rotate(180)), _shown_diff(data, i, ImageOps.flip(im)))
                      / 2, f"matrix ({stored[i]}), not clearly upright")
    return data


def matrix_placed() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "kelsbury.example.gov.uk"
    member = "Dorothea Sowerbutts-Amadi"
    sos = "Cuthbert Mahoney-Leclerc"
    parent = ("Anwen Prothero-Glass", "0117 496 0286")
    clerk = ("Lachlan Whitmore-Adjei", f"lachlan.whitmore-adjei@{dom}")
    rows = [("Hollis Dunstan-Carr", "0117 496 0431", "Panel chair (independent)"),
            ("Bethan Oyediran", "0117 496 0552", "Panel member"),
            ("Ignatius Fforde", f"ignatius.fforde@{dom}", "Transport officer")]
    p.ordinary = ["The panel allowed the appeal and transport will be provided from the start of next term.",
                  "The schedule below lists those who took part in the hearing."]
    p.planted = [(parent[0], "PERSON", 1), (parent[1], "PHONE_NUMBER", 1), (clerk[0], "PERSON", 1),
                 (clerk[1], "EMAIL_ADDRESS", 1),
                 *[(r[0], "PERSON", 2) for r in rows], (rows[0][1], "PHONE_NUMBER", 2),
                 (rows[1][1], "PHONE_NUMBER", 2), (rows[2][1], "EMAIL_ADDRESS", 2)]
    p.kept = [(member, "PERSON", 1, "Cabinet Member for Children's Services, who receives the panel's decisions"),
              (sos, "PERSON", 1, "Secretary of State for Education, whose statutory guidance the panel applied")]
    _unbroken(p)
    page1 = "".join([
        "<h1>Kelsbury County Council</h1><h2>Home to school transport - stage 2 appeal decision</h2>",
        f"<p>{_e(f'Dear {parent[0]},')}</p>",
        f"<p>{_e(p.ordinary[0])}</p>",
        "<p>The panel found that the walking route to Upper Kelsbury Academy is not available, because a "
        "section of it has no footway and no verge for 600 metres.</p>",
        f"<p>{_e(f'In reaching its decision the panel applied the statutory guidance issued by the Secretary of State for Education, {sos}.')}</p>",
        f"<p>{_e(f'The Cabinet Member for Children' + chr(39) + f's Services, Councillor {member}, receives a summary of every decision.')}</p>",
        f"<p>{_e(f'We will ring you on {parent[1]} to confirm the pick-up point.')}</p>",
        f"<p>{_e(f'Clerk to the panel: {clerk[0]}')}<br>{_e(clerk[1])}</p>",
    ])
    cells = "".join(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td>{_e(c)}</td></tr>" for a, b, c in rows)
    page2 = ("<div class=land><h2>Schedule: stage 2 appeal hearing, 14 May</h2>"
             f"<p>{_e(p.ordinary[1])}</p>"
             f"<table><tr><th>Name</th><th>Contact</th><th>Role</th></tr>{cells}</table></div>")
    css = ("body { font-family: 'Linux Libertine O'; font-size: 12pt; line-height: 1.4 } h1 { font-size: 18pt }"
           " h2 { font-size: 14pt } p { margin: 0 0 10pt 0 } table { border-collapse: collapse; width: 100% }"
           " td, th { border: 1px solid #000; padding: 6pt 8pt; text-align: left; font-size: 12pt }")
    source1 = _chromium(_html_doc([page1], css, margin="22mm"))
    doc2 = _html_doc([page2], css, margin="22mm").replace("size: A4;", "size: A4 landscape;")
    source2 = _chromium(doc2)
    p.read_source(source1)
    p.read_source(source2, first_page=2)
    rng = random.Random(8705)
    pages = _pdftoppm(source1, 200) + _pdftoppm(source2, 200)
    _pages(2, pages, "the decision and schedule")
    if pages[1].width <= pages[1].height:
        raise AssertionError("the schedule should be a landscape page")
    scans = [_scan(im, rng, noise=True, skew=(0.35, -0.3)[n]) for n, im in enumerate(pages)]
    return _matrix_pdf(scans, ["bottom-up", "sideways"], 55), p


# --- 6. Continuing healthcare decision, colour fringes, 16-colour indexed: reportlab (FreeSans) ------------------


def _fringe(image: Image.Image, shifts: dict[int, tuple[int, int]]) -> Image.Image:
    """A colour scanner whose red, green and blue sensors are out of register: each channel moved by a pixel
    or two, so every letter has coloured edges."""
    bands = list(image.split())
    for ch, (dx, dy) in shifts.items():
        bands[ch] = ImageOps.expand(bands[ch], border=4, fill=250).crop((4 - dx, 4 - dy, 4 - dx + image.width,
                                                                        4 - dy + image.height))
    return Image.merge("RGB", bands)


def _indexed_pdf(pictures: list[Image.Image], colours: int) -> bytes:
    """Each colour scan stored as an indexed picture (a palette of ``colours``, 4 bits a pixel, Flate), the way
    some scanners' 'colour document' mode writes it."""
    pdf = pikepdf.new()
    for im in pictures:
        q = im.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        pal = bytes(q.getpalette()[:3 * colours])
        idx = np.asarray(q, dtype=np.uint8)
        if idx.shape[1] % 2:
            idx = np.pad(idx, ((0, 0), (0, 1)))
        packed = (idx[:, 0::2] << 4) | idx[:, 1::2]
        s = pikepdf.Stream(pdf, zlib.compress(packed.tobytes(), 9))
        s["/Type"], s["/Subtype"] = pikepdf.Name.XObject, pikepdf.Name.Image
        s["/Width"], s["/Height"] = im.width, im.height
        s["/ColorSpace"] = pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, colours - 1,
                                          pikepdf.String(pal)])
        s["/BitsPerComponent"] = 4
        s["/Filter"] = pikepdf.Name.FlateDecode
        _add_page(pdf, A4, {"Im0": s}, f"q {A4[0]:.2f} 0 0 {A4[1]:.2f} 0 0 cm /Im0 Do Q")
        want = q.convert("RGB")
        data = _save(pdf)
        _same_picture(data, len(pdf.pages) - 1, want, 5.0, "indexed colour")
    return _save(pdf)


def indexed_fringe() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "northfold-icb.example.nhs.uk"
    mp = "Gideon Tremayne-Oduya"
    patient = "Marjorie Pemberton-Sulu"
    daughter = ("Clodagh Featherstonehaugh", "0118 496 0467", "clodagh.f@example.net")
    nurse = ("Ravindra Eccleston", "0118 496 0873", f"ravindra.eccleston@{dom}")
    assessor = "Sunniva Hartigan-Moss"
    p.ordinary = ["The panel decided that your mother is eligible for NHS Continuing Healthcare.",
                  "Funding will start from the date of the checklist and will be reviewed after three months."]
    p.planted = [(daughter[0], "PERSON", 1), (patient, "PERSON", 1), (assessor, "PERSON", 1),
                 (nurse[0], "PERSON", 1), (nurse[1], "PHONE_NUMBER", 1),
                 (patient, "PERSON", 2), (nurse[0], "PERSON", 2), (nurse[2], "EMAIL_ADDRESS", 2),
                 (daughter[1], "PHONE_NUMBER", 2), (daughter[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(mp, "PERSON", 2, "Member of Parliament for Northfold East, who wrote on the family's behalf")]
    _unbroken(p)
    f, fb = "FreeSans", "FreeSans-Bold"
    s = 10.5
    page1 = [(f"Dear {daughter[0]},", f, s), ("", f, 4),
             (f"NHS Continuing Healthcare: {patient}", fb, s), ("", f, 4),
             (p.ordinary[0], f, s), ("", f, 4),
             (f"The assessment was carried out by {assessor}, who met you and your", f, s),
             ("mother at Larchfield Care Home on 2 April, and was checked by the panel.", f, s), ("", f, 4),
             (f"Your case co-ordinator is {nurse[0]}, Continuing Healthcare Nurse,", f, s),
             (f"who can be reached on {nurse[1]}.", f, s)]
    page2 = [(p.ordinary[1], f, s), ("", f, 4),
             (f"The review of {patient}'s care will be arranged by {nurse[0]}.", f, s),
             (f"E-mail: {nurse[2]}", f, s), ("", f, 4),
             (f"We have recorded your own number as {daughter[1]} and your", f, s),
             (f"e-mail as {daughter[2]} for letters about the review.", f, s), ("", f, 4),
             (f"A copy of this letter has been sent to {mp} MP, who wrote to us on", f, s),
             ("your family's behalf in March.", f, s), ("", f, 14),
             ("Yours sincerely,", f, s), ("", f, 4), ("Continuing Healthcare Team", f, s)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for n, lines in enumerate((page1, page2)):
        c.setFillColorRGB(0.0, 0.37, 0.72)
        c.rect(0, A4[1] - 82, A4[0], 82, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(fb, 15)
        c.drawString(60, A4[1] - 50, "NHS Northfold Integrated Care Board")
        c.setFillColorRGB(0, 0, 0)
        _lines(c, [(f"Ref CHC/NF/3317 - page {n + 1}", f, 9)] + lines, 60, A4[1] - 120)
        c.setFillColorRGB(0.0, 0.37, 0.72)
        c.rect(60, 60, A4[0] - 120, 2, stroke=0, fill=1)
        c.showPage()
    c.save()
    source = buf.getvalue()
    p.read_source(source)
    rng = random.Random(8706)
    pages = _render_rgb(source, 200)
    _pages(2, pages, "the decision letter")
    out = []
    for n, page in enumerate(pages):
        page = _fringe(page.filter(ImageFilter.GaussianBlur(0.6)), {0: (2, 0), 2: (-1, 2)})
        page = page.rotate((-0.3, 0.4)[n], resample=Image.BICUBIC, fillcolor=(250, 250, 250))
        out.append(_u8(np.asarray(page, dtype=np.float32) * 0.96 + 8, "RGB"))
    return _indexed_pdf(out, 16), p


# --- 7. Street trading consent on a security background: Chromium (EB Garamond) ---------------------------------


def _guilloche(w: int, h: int, rng: random.Random) -> np.ndarray:
    """A security print background: fine interlaced wave lines in two inks, and a rosette; returns the ink
    coverage (0..1) of each ink."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = np.abs(np.sin(xx / 24.0 + 3.0 * np.sin(yy / 47.0) + 1.7 * np.sin(xx / 131.0)))
    b = np.abs(np.sin(yy / 22.0 + 2.6 * np.sin(xx / 53.0 + 0.4)))
    cx, cy = w * 0.62, h * 0.42
    r = np.hypot(xx - cx, yy - cy)
    t = np.arctan2(yy - cy, xx - cx)
    rosette = np.abs(np.sin(r / 9.0 + 5 * np.sin(12 * t))) * (r < w * 0.28)
    ink1 = (a < 0.16).astype(np.float32) * 0.5
    ink2 = np.maximum((b < 0.12).astype(np.float32) * 0.35, (rosette > 0.9).astype(np.float32) * 0.4)
    soft = [np.asarray(_u8(i * 255).filter(ImageFilter.GaussianBlur(2.0)), dtype=np.float32) / 255
            for i in (ink1, ink2)]
    return soft[0], soft[1]


def guilloche_licence() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "carnbridge.example.gov.uk"
    mayor = "Philomena Osgood-Tanaka"
    holder = ("Bartholomew Quintero-Reece", "0131 496 0625")
    assistant = "Aoife Delacroix-Nwosu"
    officer = ("Jethro Cavendish-Ibe", "0131 496 0389", f"jethro.cavendish-ibe@{dom}")
    p.ordinary = ["This consent permits the holder to trade from a single pitch on Market Cross.",
                  "The consent must be displayed at the pitch whenever trading takes place."]
    p.planted = [(holder[0], "PERSON", 1), (holder[1], "PHONE_NUMBER", 1), (assistant, "PERSON", 1),
                 (officer[0], "PERSON", 1), (officer[1], "PHONE_NUMBER", 1),
                 (holder[0], "PERSON", 2), (assistant, "PERSON", 2), (officer[0], "PERSON", 2),
                 (officer[2], "EMAIL_ADDRESS", 2), ("markets.team@carnbridge.example.gov.uk", "EMAIL_ADDRESS", 2)]
    p.kept = [(mayor, "PERSON", 1, "Lord Mayor of Carnbridge, in whose name the consent is issued")]
    _unbroken(p)
    margin_text = f"Issued by {officer[0]}, Licensing Officer, {officer[1]}"
    margin = f"<div class=margin>{_e(margin_text)}</div>"
    page1 = "".join([
        margin,
        "<h1>City of Carnbridge</h1><h2>Street Trading Consent No. ST/0457</h2>",
        f"<p>{_e(p.ordinary[0])}</p>",
        f"<p class=big>{_e(f'Consent holder: {holder[0]}')}</p>",
        f"<p>{_e(f'Contact telephone: {holder[1]}')}</p>",
        f"<p>{_e(f'Named assistant: {assistant}')}</p>",
        "<p>Goods: hot drinks, pastries and confectionery. Hours: 07:00 to 16:00, Monday to Saturday.</p>",
        f"<p>{_e(f'Issued in the name of the Lord Mayor of Carnbridge, {mayor}, under the Local Government (Miscellaneous Provisions) Act 1982.')}</p>",
    ])
    page2 = "".join([
        "<h2>Conditions</h2>",
        f"<p>{_e(f'1. Only {holder[0]} and the named assistant, {assistant}, may trade under this consent.')}</p>",
        f"<p>{_e(p.ordinary[1])}</p>",
        "<p>3. The pitch must be left clean and all waste removed at the end of each day.</p>",
        f"<p>{_e(f'4. Any change of goods or hours must be agreed in writing with {officer[0]}.')}</p>",
        f"<p>{_e(f'Licensing Officer: {officer[2]}')}</p>",
        "<p>Renewals and general enquiries: markets.team@carnbridge.example.gov.uk</p>",
    ])
    css = ("body { font-family: 'EB Garamond'; font-size: 13pt; line-height: 1.45 } h1 { font-size: 22pt;"
           " text-align: center } h2 { font-size: 16pt; text-align: center } p { margin: 0 0 10pt 0 }"
           " .big { font-size: 15pt } .margin { position: absolute; left: 0; top: 150mm; white-space: nowrap;"
           " transform: rotate(-90deg); transform-origin: 0 0; font-size: 10pt }")
    source = _chromium(_html_doc([page1, page2], css, margin="26mm"))
    p.read_source(source)
    # pdfium reads the turned margin line as several short lines; it is in the source as one line of text
    if margin_text.replace(" ", "") not in "".join(p.source[1].split()):
        raise AssertionError("the margin line is not on page 1 of the source")
    p.draw(1, margin_text)
    rng = random.Random(8707)
    dpi = 150
    pages = _render_rgb(source, dpi)
    _pages(2, pages, "the consent")
    out = []
    for n, page in enumerate(pages):
        w, h = page.size
        ink1, ink2 = _guilloche(w, h, rng)
        paper = np.ones((h, w, 3), dtype=np.float32) * np.array([250, 248, 240], dtype=np.float32)
        paper = paper * (1 - ink1[..., None] * (1 - np.array([150, 205, 170]) / 255.0))
        paper = paper * (1 - ink2[..., None] * (1 - np.array([225, 170, 190]) / 255.0))
        arr = paper * (np.asarray(page, dtype=np.float32) / 255.0)
        img = _u8(arr, "RGB").filter(ImageFilter.GaussianBlur(0.45))
        img = img.rotate((-0.35, 0.3)[n], resample=Image.BICUBIC, fillcolor=(250, 250, 250))
        out.append(_jpeg(img, 45))
    return _as_pdf(out), p


# --- 8. Combined authority record: text page with a photo of a monitor + a slip scanned with the lid open -------


def _email_window(sender: tuple[str, str], to: list[tuple[str, str]], subject: str, body: list[str]) -> Image.Image:
    w, h = 1000, 430
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 40), fill=(232, 234, 240))
    d.text((16, 9), "Inbox  >  Transport  >  " + subject[:40], font=_font("ui", 19), fill=(60, 60, 70))
    d.text((24, 56), subject, font=_font("ui-bold", 25), fill=(20, 20, 20))
    d.text((24, 100), f"{sender[0]} <{sender[1]}>", font=_font("ui-bold", 21), fill=(20, 20, 20))
    y = 130
    for name, mail in to:
        d.text((24, y), f"To: {name} <{mail}>", font=_font("ui", 20), fill=(70, 70, 70))
        y += 28
    y += 10
    d.line((24, y, w - 24, y), fill=(210, 210, 210), width=2)
    y += 16
    for line in body:
        d.text((24, y), line, font=_font("ui", 21), fill=(30, 30, 30))
        y += 30
    return im.crop((0, 0, w, y + 16))


def _screen_photo(shot: Image.Image, rng: random.Random) -> Image.Image:
    """A phone photo of a monitor showing ``shot``: each screen pixel drawn as red, green and blue stripes with a
    dark gap (the sensor then samples that grid: moire), the screen a little turned and keystoned, a bezel,
    glare from a window, soft focus."""
    k = 3
    big = np.asarray(shot.resize((shot.width * k, shot.height * k), Image.NEAREST), dtype=np.float32)
    mask = np.zeros((k, k, 3), dtype=np.float32)
    for c in range(3):
        mask[:, c, c] = 1.0
    mask[k - 1, :, :] *= 0.55
    tiled = np.tile(mask, (shot.height, shot.width, 1))
    screen = big * (0.25 + 0.75 * tiled)
    bez = 60
    frame = np.ones((screen.shape[0] + 2 * bez, screen.shape[1] + 2 * bez, 3), dtype=np.float32) * 28
    frame[bez:-bez, bez:-bez] = screen
    img = _u8(frame, "RGB")
    w, h = img.size
    dx, dy = int(w * 0.03), int(h * 0.04)
    img = img.transform((w, h), Image.QUAD, (-dx, -dy, dx // 2, h + dy // 2, w - dx // 3, h + dy, w + dx, -dy // 3),
                        resample=Image.BICUBIC, fillcolor=(70, 66, 60))
    img = img.rotate(1.6, resample=Image.BICUBIC, fillcolor=(70, 66, 60))
    img = img.resize((int(w / 2.15), int(h / 2.15)), Image.BILINEAR)  # the phone's sensor: coarser than the grid
    arr = np.asarray(img, dtype=np.float32)
    hh, ww = arr.shape[:2]
    yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
    glare = 55 * np.exp(-(((xx - 0.78 * ww) / (0.22 * ww)) ** 2 + ((yy - 0.25 * hh) / (0.35 * hh)) ** 2))
    arr = arr * 0.92 + glare[..., None] + 6
    return _u8(_noise(arr, rng, 4), "RGB").filter(ImageFilter.GaussianBlur(0.7))


def _lid_open(slip: Image.Image, angle: float, at: tuple[int, int], size: tuple[int, int],
              rng: random.Random) -> Image.Image:
    """A small slip on the glass, scanned with the lid open: black all round, the slip turned, its edges lit."""
    g = np.random.default_rng(rng.randrange(2**32))
    page = Image.new("L", size, 14)
    turned = slip.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=0)
    mask = Image.new("L", slip.size, 255).rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=0)
    page.paste(turned, at, mask)
    arr = np.asarray(page, dtype=np.float32)
    arr = arr + g.normal(0, 3, arr.shape) + np.linspace(10, 0, size[0])[None, :]
    return _u8(arr).filter(ImageFilter.GaussianBlur(0.5))


def lid_open_mixed() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "tamworthy-ca.example.gov.uk"
    mayor = "Octavian Mbeki-Harrowgate"
    leader = "Seraphina Llewellyn-Okoro"
    sender = ("Barnaby Fitzwarren-Ade", f"barnaby.fitzwarren-ade@{dom}")
    to = [("Henrietta Vasquez-Lomax", "h.vasquez-lomax@tamworthy-rail.example.co.uk")]
    body = ["Henrietta - the station car park will close for resurfacing",
            "from 3 to 17 August. Call me on 0121 496 0716 if the",
            "replacement bus stop needs to move. Barnaby"]
    slip_from = ("Kasimir Aldous-Pratt", "0121 496 0358", f"k.aldous-pratt@{dom}")
    p.draw(1, f"{sender[0]} <{sender[1]}>", *[f"To: {n} <{m}>" for n, m in to], *body, " ".join(body))
    p.ordinary = ["The Mayor's Rail Board agreed the programme of station works for the summer.",
                  "The minutes will be published with the papers for the next meeting."]
    p.planted = [(sender[0], "PERSON", 1), (sender[1], "EMAIL_ADDRESS", 1), (to[0][0], "PERSON", 1),
                 (to[0][1], "EMAIL_ADDRESS", 1), ("0121 496 0716", "PHONE_NUMBER", 1),
                 (slip_from[0], "PERSON", 2), (slip_from[1], "PHONE_NUMBER", 2), (slip_from[2], "EMAIL_ADDRESS", 2),
                 (to[0][0], "PERSON", 2), (sender[0], "PERSON", 2)]
    p.kept = [(mayor, "PERSON", 1, "Mayor of Tamworthy, who chaired the rail board"),
              (leader, "PERSON", 2, "Leader of Tamworthy City Council, a board member copied in")]
    _unbroken(p)
    shot = _screen_photo(_email_window(sender, to, "Station car park closure", body), random.Random(8718))
    png = io.BytesIO()
    shot.save(png, "JPEG", quality=70)
    f, fb = "FreeSans", "FreeSans-Bold"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, [("Tamworthy Combined Authority", fb, 14), ("Rail Board - record of decisions", fb, 11),
                   ("", f, 8), (p.ordinary[0], f, 10),
                   (f"The Mayor of Tamworthy, {mayor}, chaired the board.", f, 10),
                   ("The car park closure was raised by the e-mail below, photographed on a screen.", f, 10)],
               60, 770)
    wd = 470
    ht = wd * shot.height / shot.width
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 60, y - ht, width=wd, height=ht)
    _lines(c, [(p.ordinary[1], f, 10)], 60, y - ht - 24)
    c.showPage()
    c.save()
    text_page = buf.getvalue()
    p.read_source(text_page)
    slip_html = "".join([
        "<p class=head>Tamworthy Combined Authority</p><p class=sub>With compliments</p>",
        f"<p>{_e(f'To: {to[0][0]}, Tamworthy Rail')}</p>",
        f"<p>{_e(f'Further to the e-mail from {sender[0]}: the board has approved the temporary bus stop.')}</p>",
        f"<p>{_e(f'Copied to Councillor {leader}, Leader of Tamworthy City Council.')}</p>",
        f"<p>{_e(f'From {slip_from[0]}, Rail Programme Officer')}</p>",
        f"<p>{_e(f'Tel {slip_from[1]}')}<br>{_e(slip_from[2])}</p>",
    ])
    css = ("body { font-family: 'TeX Gyre Schola'; font-size: 12pt } p { margin: 0 0 9pt 0 }"
           " .head { font-size: 16pt; font-weight: bold } .sub { font-style: italic; font-size: 13pt }")
    slip_source = _libreoffice(_doc(slip_html, css))
    p.read_source(slip_source, first_page=2)
    doc = pdfium.PdfDocument(slip_source)
    try:  # the slip is the top 148 mm of the page: no character below 138 mm
        page = doc[0]
        text = page.get_textpage()
        lowest = min(text.get_charbox(k)[1] for k in range(text.count_chars())
                     if not text.get_text_range(k, 1).isspace())
        if page.get_height() - lowest > 138 * MM:
            raise AssertionError("the compliments slip runs past 138 mm")
    finally:
        doc.close()
    rng = random.Random(8708)
    dpi = 200
    full = _pdftoppm(slip_source, dpi)
    _pages(1, full, "the compliments slip")
    slip = full[0].crop((0, 0, full[0].width, round(148 / 25.4 * dpi)))
    slip = _u8(np.asarray(slip, dtype=np.float32) * 0.95 + 6)
    a4 = (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi))
    scan = _lid_open(slip, 6.5, (-20, 190), a4, rng)
    return _pdf_pages(text_page, _as_pdf([_jpeg(scan, 55)])), p


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "strips_tiled": (strips_tiled, 200, False, "LibreOffice Writer (TeX Gyre Pagella, HTML), pdftoppm",
                     "200 dpi greyscale, skew 0.3 and -0.25 degrees, JPEG 55; page 1 stored as nine horizontal "
                     "strips (separate pictures), one cut through the middle of the line naming the contractor; "
                     "page 2 stored as a 3 x 3 grid of tiles, a column seam through a number and a row seam "
                     "through an e-mail"),
    "jbig2_300": (jbig2_300, 300, False, "reportlab (FreeSerif), pdfium",
                  "300 dpi, 1 bit at a fixed threshold after sensor noise, skew 0.2 and -0.35 degrees, stored "
                  "JBIG2Decode (generic region, MMR coded); a thin serif at 10.5 pt"),
    "dotmatrix_greenbar": (dotmatrix_greenbar, 200, False, "reportlab (FreeMono Bold), pdftoppm, then dotted",
                           "dot-matrix print: every letter made of pin dots on a 120 x 72 dpi grid, a worn pin "
                           "leaving a gap row, the ribbon fading to the right; green-bar continuous stationery "
                           "with tractor holes and perforations; colour scan at 200 dpi, skew 0.45 and -0.3 "
                           "degrees, colour JPEG 60; names and numbers in fixed columns"),
    "negative_fiche": (negative_fiche, 200, False, "Chromium (TeX Gyre Heros), pdftoppm",
                       "microfiche reader-printer copy: the whole page negative (white letters on black), soft, a "
                       "hot spot in the lamp's field, film grain, two scratches along the film, dust; 200 dpi, "
                       "skew 0.5 and -0.4 degrees, JPEG 55"),
    "matrix_placed": (matrix_placed, 200, True, "Chromium (Linux Libertine O), two documents (portrait and "
                      "landscape), pdftoppm",
                      "200 dpi, speckle, grey paper, skew 0.35 and -0.3 degrees, JPEG 55; no /Rotate: page 1's "
                      "picture stored bottom-up and drawn flipped by the page's matrix; page 2 a landscape table "
                      "stored turned a quarter (portrait) and drawn turned back by the matrix"),
    "indexed_fringe": (indexed_fringe, 200, False, "reportlab (FreeSans), pdfium in colour",
                       "colour scan at 200 dpi with the red and blue channels out of register (2 px and 1-2 px: "
                       "coloured fringes), blue letterhead band, skew -0.3 and 0.4 degrees, stored as a 16-colour "
                       "indexed picture (4 bits a pixel, Flate)"),
    "guilloche_licence": (guilloche_licence, 150, False, "Chromium (EB Garamond), pdfium in colour",
                          "printed on a security background (interlaced guilloche wave lines in green and pink, a "
                          "rosette) under the text; page 1 a line running up the left margin (turned 90 degrees) "
                          "holding the officer's name and number; colour scan at 150 dpi, skew -0.35 and 0.3 "
                          "degrees, colour JPEG 45"),
    "lid_open_mixed": (lid_open_mixed, 200, False, "reportlab text page (FreeSans) with a photo; page 2 "
                       "LibreOffice Writer (TeX Gyre Schola), pdftoppm",
                       "page 1 text layer holding a phone photo of a monitor showing an e-mail (the screen's "
                       "RGB pixel grid and moire, keystone, glare, blur; names, addresses and a number as pixels); "
                       "page 2 a compliments slip (148 mm deep) scanned with the lid open: black all round, the "
                       "slip turned 6.5 degrees, 200 dpi greyscale, JPEG 55"),
}


def make_never_seen7(out: Path = OUT, only: list[str] | None = None) -> dict:
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

    make_never_seen7(only=sys.argv[1:] or None)
