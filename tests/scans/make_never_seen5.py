"""The fifth never-seen scan set (tests/scans/never_seen5/): eight scanned and mixed papers from bodies, wording,
people, layouts and faults that never_seen, never_seen2, never_seen3 and never_seen4 did not use, committed
before any engine (OCR, detection, redaction) read them. It is measured once (``bench/ocr.py --never-seen5``)
and never tuned on.

Producers: LibreOffice Writer (P052, C059, URW Bookman), Chromium (Liberation Serif, DejaVu Serif) and reportlab
(Liberation Sans, DejaVu Serif, Courier). New faults: a page skewed 4 degrees (and the next -3.5) at 200 dpi; a
colour scan with a coffee ring over a name and number, and a bound report's gutter shadow (dark, the lines bent
into the spine) over the start of the lines; white text on dark bands (a title band, a table's header, a footer
band holding the author's name, number and e-mail) and a pink highlighter over names in a greyscale scan; a
page fed in upside down with no ``/Rotate`` (the picture itself upside down); a phone photo of a whiteboard
written in marker (glare, ghosts of wiped writing, perspective) as a landscape page after a text page; a dark
mode chat screenshot in a text page and a faded toner page (pale vertical streaks, low contrast on recycled
paper); a letter folded in three (creases across lines) with punch holes, cut to 1 bit at a fixed threshold
(not dithered) and stored CCITT G4 at 200 dpi; show-through of the reverse side on thin paper with 7 pt
footnotes at 150 dpi.

    .venv/bin/python -m tests.scans.make_never_seen5     # writes tests/scans/never_seen5/*.pdf and manifest.json

The manifest has the keys of never_seen2, never_seen3 and never_seen4 (``dpi``, ``noise``, ``planted``,
``ordinary``, ``part2``, ``kept``, ``producer``, ``degradation``). Every planted and kept value is checked
against the source of the page it names (the source PDF's text before rasterising, or the words drawn as
pixels), with make_never_seen2's ``Paper``. All people are fictional; every number is from Ofcom's drama ranges.
"""

from __future__ import annotations

import base64
import io
import math
import random
import textwrap
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.scans.make_never_seen2 import (FONTS, Paper, _chromium, _e, _html_doc, _libreoffice, _lines, _pdf_pages,
                                          _pdftoppm, _unbroken, manifest_entry, write_manifest)
from tests.scans.make_scans import _as_pdf, _jpeg, _render, _scan

OUT = Path(__file__).parent / "never_seen5"
_TTF5 = {
    "LibSans": FONTS / "truetype/liberation/LiberationSans-Regular.ttf",
    "LibSans-Bold": FONTS / "truetype/liberation/LiberationSans-Bold.ttf",
    "DVSerif": FONTS / "truetype/dejavu/DejaVuSerif.ttf",
    "DVSerif-Bold": FONTS / "truetype/dejavu/DejaVuSerif-Bold.ttf",
}
_PIL = {
    "marker": FONTS / "opentype/urw-base35/URWGothic-Demi.otf",
    "chat": FONTS / "truetype/dejavu/DejaVuSans.ttf",
    "chat-bold": FONTS / "truetype/dejavu/DejaVuSans-Bold.ttf",
    "sign": FONTS / "opentype/urw-base35/Z003-MediumItalic.otf",
}
_LANDSCAPE = landscape(A4)
MM = 72 / 25.4


def _register() -> None:
    for name, path in _TTF5.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _doc(html: str, css: str) -> str:
    """An HTML document for LibreOffice Writer (pages broken with ``page-break-before``)."""
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{html}"
            "</body></html>")


def _break() -> str:
    return "<p style='page-break-before: always'></p>"


def _pages(n: int, pages: list, what: str) -> None:
    if len(pages) != n:
        raise AssertionError(f"{what} should be {n} page(s), not {len(pages)}")


def _render_rgb(data: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _box(source: bytes, index: int, value: str, dpi: int) -> tuple[int, int, int, int]:
    """The pixel box (left, top, right, bottom at ``dpi``, top-left origin) of the first ``value`` on page
    ``index`` of the source PDF."""
    doc = pdfium.PdfDocument(source)
    try:
        page = doc[index]
        text = page.get_textpage()
        found = text.search(value).get_next()
        if not found:
            raise AssertionError(f"{value!r} is not on page {index + 1}")
        at, count = found
        boxes = [text.get_charbox(k) for k in range(at, at + count)]
        h, k = page.get_height(), dpi / 72
        return (int(min(b[0] for b in boxes) * k), int((h - max(b[3] for b in boxes)) * k),
                int(max(b[2] for b in boxes) * k), int((h - min(b[1] for b in boxes)) * k))
    finally:
        doc.close()


def _inside_when_turned(source: bytes, degrees: float, margin_mm: float = 4) -> None:
    """Every character of the source stays ``margin_mm`` inside its page when the page is turned by
    ``degrees`` about its centre (either way): a skewed scan cuts no text off."""
    doc = pdfium.PdfDocument(source)
    try:
        for i in range(len(doc)):
            page = doc[i]
            w, h = page.get_size()
            cx, cy, m = w / 2, h / 2, margin_mm * MM
            text = page.get_textpage()
            for k in range(text.count_chars()):
                if text.get_text_range(k, 1).isspace():
                    continue
                left, bottom, right, top = text.get_charbox(k)
                for sign in (1, -1):
                    t = math.radians(degrees) * sign
                    for x, y in ((left, bottom), (left, top), (right, bottom), (right, top)):
                        dx, dy = x - cx, y - cy
                        xx, yy = cx + dx * math.cos(t) - dy * math.sin(t), cy + dx * math.sin(t) + dy * math.cos(t)
                        if not (m < xx < w - m and m < yy < h - m):
                            raise AssertionError(f"page {i + 1}: {text.get_text_range(k, 1)!r} leaves the page "
                                                 f"when turned {degrees} degrees")
    finally:
        doc.close()


def _multiply(base: Image.Image, mask: Image.Image, colour: tuple[int, int, int], at: tuple[int, int] = (0, 0)) -> None:
    """Lay translucent ink or dye (``mask``: L, its opacity) of ``colour`` on ``base``, multiplied in."""
    x, y = at
    region = base.crop((x, y, x + mask.width, y + mask.height))
    ink = Image.new(base.mode, mask.size, colour if base.mode == "RGB" else int(
        0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]))
    base.paste(Image.composite(ImageChops.multiply(region, ink), region, mask), (x, y))


# --- faults ---------------------------------------------------------------------------------------------------


def _coffee_ring(size: int, rng: random.Random) -> tuple[Image.Image, Image.Image]:
    """A coffee cup's ring: an irregular circle, a dark rim where the coffee dried and a pale stain inside, as
    two L masks (stain, rim) of ``size`` pixels square."""
    g = np.random.default_rng(rng.randrange(2**32))
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    c = size / 2
    r = np.sqrt((xx - c) ** 2 + (yy - c) ** 2)
    theta = np.arctan2(yy - c, xx - c)
    wobble = sum(g.uniform(0.004, 0.015) * np.sin(k * theta + g.uniform(0, 6.3)) for k in range(2, 7))
    radius = size * 0.44 * (1 + wobble)
    inside = np.clip((radius - r) / 3.0, 0, 1)
    fill = inside * (0.22 + 0.08 * np.sin(xx / 37.0) * np.cos(yy / 29.0))
    strength = 0.55 + 0.45 * np.clip(np.sin(theta * 1.3 + 0.8), 0, 1)  # the rim dried unevenly; a gap
    rim = np.exp(-((r - radius) / (size * 0.011)) ** 2) * strength
    blotch = Image.fromarray(np.clip(fill * 255, 0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(3))
    ring = Image.fromarray(np.clip(rim * 255 * 0.8, 0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(1.2))
    return blotch, ring


def _gutter(image: Image.Image, rng: random.Random, *, side: str = "left") -> Image.Image:
    """A page of a bound report scanned open on the glass: the paper curves into the spine, so near the gutter
    it darkens to a deep shadow and the lines bend down into it."""
    arr = np.asarray(image, dtype=np.float32)
    h, w = arr.shape[:2]
    x = np.arange(w, dtype=np.float32)
    if side == "right":
        x = x[::-1]
    depth = np.exp(-x / (0.15 * w))  # 1 at the spine, falling off into the page
    bend = (depth * 30).astype(int)  # the lines droop by up to 30 pixels at the spine
    out = np.empty_like(arr)
    for col in range(w):
        out[:, col] = np.roll(arr[:, col], bend[col], axis=0)
        if bend[col]:
            out[: bend[col], col] = arr[0, col]
    shade = 0.25 + 0.75 * (1 - np.exp(-x / (0.16 * w)))  # 0.25 at the spine
    shade = shade[None, :, None] if out.ndim == 3 else shade[None, :]
    out = out * shade + np.random.default_rng(rng.randrange(2**32)).normal(0, 3, out.shape)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), image.mode)


def _highlight(page: Image.Image, box: tuple[int, int, int, int], rng: random.Random,
               colour: tuple[int, int, int] = (250, 120, 190)) -> None:
    """A highlighter pen drawn over a box of text: a translucent band, a little taller than the letters, its
    ends ragged and one stroke's streaks along it."""
    x0, y0, x1, y1 = box
    pad = int((y1 - y0) * 0.35)
    w, h = x1 - x0 + 2 * pad, y1 - y0 + 2 * pad
    arr = np.ones((h, w), dtype=np.float32)
    g = np.random.default_rng(rng.randrange(2**32))
    arr *= (0.80 + 0.20 * g.random((h, 1))).astype(np.float32)  # the felt tip's streaks
    ends = np.clip(np.minimum(np.arange(w), np.arange(w)[::-1]) / (pad * 0.8), 0, 1)
    arr *= ends[None, :]
    mask = Image.fromarray((arr * 235).astype(np.uint8), "L").rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC)
    _multiply(page, mask.filter(ImageFilter.GaussianBlur(1.5)), colour, (x0 - pad, y0 - pad + rng.randint(-2, 2)))


def _crease(image: Image.Image, y: int, rng: random.Random) -> Image.Image:
    """A fold across the sheet at row ``y``: the paper below shifted a little, a soft shadow on one side, a
    highlight on the other and a thin broken dark line where the fold holds dirt."""
    w, h = image.size
    out = image.copy()
    lower = image.crop((0, y, w, h))
    out.paste(lower, (2, y + 1))
    arr = np.asarray(out, dtype=np.float32).copy()
    for dy in range(-14, 15):
        row = y + dy
        if 0 <= row < h:
            arr[row] *= (1 - 0.18 * math.exp(-abs(dy) / 4.0)) if dy < 0 else (1 + 0.03 * math.exp(-dy / 3.0))
    line = np.random.default_rng(rng.randrange(2**32)).random(w)
    line = np.convolve(line, np.ones(25) / 25, mode="same")
    dark = np.where(line > 0.47, 105, 255).astype(np.float32)
    arr[y] = np.minimum(arr[y], dark)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def _punch_holes(image: Image.Image, dpi: int) -> None:
    """Two filing holes 80 mm apart at the left edge: black in the scan (the scanner's lid is dark)."""
    k = dpi / 25.4
    d = ImageDraw.Draw(image)
    for cy in (image.height / 2 - 40 * k, image.height / 2 + 40 * k):
        d.ellipse((9 * k, cy - 3 * k, 15 * k, cy + 3 * k), fill=12)


def _bilevel(image: Image.Image, threshold: int = 165) -> Image.Image:
    """Cut to black and white at a fixed threshold (an office scanner's black-and-white mode; no dither)."""
    return image.point(lambda v: 255 if v > threshold else 0, "L").convert("1", dither=Image.Dither.NONE)


def _g4_pdf(pictures: list[Image.Image], dpi: int) -> bytes:
    """Each 1-bit picture as one page, CCITT group 4 (Pillow writes mode "1" pictures so)."""
    buf = io.BytesIO()
    pictures[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=pictures[1:])
    import pikepdf

    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        for page in pdf.pages:
            for im in page.Resources.XObject.values():
                filters, parms = im.get("/Filter"), im.get("/DecodeParms")
                filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
                parms = list(parms) if isinstance(parms, pikepdf.Array) else [parms]
                if filters != ["/CCITTFaxDecode"] or int(parms[0].get("/K")) != -1:
                    raise AssertionError(f"a 1-bit page is stored {filters} {parms}, not CCITT G4")
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _show_through(front: Image.Image, back: Image.Image, strength: float = 0.16) -> Image.Image:
    """Thin paper: the print on the reverse side shows through, mirrored, soft and faint."""
    ghost = ImageOps.mirror(back).filter(ImageFilter.GaussianBlur(1.3))
    f = np.asarray(front, dtype=np.float32)
    b = np.asarray(ghost, dtype=np.float32)
    out = f - (255 - b) * strength * (f / 255.0)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")


def _faded_toner(image: Image.Image, rng: random.Random) -> Image.Image:
    """A printer running out of toner, scanned in colour: grey-brown print weak everywhere and paler still in
    vertical streaks, on cream recycled paper with fibres."""
    g = np.random.default_rng(rng.randrange(2**32))
    arr = 1 - np.asarray(image.convert("L"), dtype=np.float32) / 255.0  # coverage
    h, w = arr.shape
    x = np.arange(w, dtype=np.float32)
    streaks = np.ones(w, dtype=np.float32)
    for _ in range(5):
        cx, width, depth = g.uniform(0.1, 0.9) * w, g.uniform(25, 80), g.uniform(0.25, 0.42)
        streaks -= depth * np.exp(-((x - cx) / width) ** 2)
    density = 0.62 * np.clip(streaks, 0.55, 1)[None, :] * (0.92 + 0.08 * g.random((h, 1)))
    paper = np.array([236, 229, 204], dtype=np.float32)
    fibres = g.normal(0, 4, (h, w)).astype(np.float32)
    toner = np.array([58, 54, 50], dtype=np.float32)
    cover = (arr * density)[..., None]
    out = paper * (1 - cover) + toner * cover + fibres[..., None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")


def _perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """PIL's PERSPECTIVE coefficients mapping each output point in ``dst`` to the input point in ``src``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return list(np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64)))


def _marker(board: Image.Image, text: str, at: tuple[int, int], size: int, colour: tuple[int, int, int],
            rng: random.Random, slope: float = 0.0) -> None:
    """A line written in marker on a whiteboard: round strokes (URW Gothic Demi), each letter a little larger or
    smaller, raised or dropped and turned, the line rising or falling by ``slope`` degrees; the ink a little uneven."""
    font = ImageFont.truetype(str(_PIL["marker"]), size)
    width = int(font.getlength(text) * 1.12) + 2 * size
    tile = Image.new("L", (width, size * 2), 0)
    x = size // 2
    for ch in text:
        if ch == " ":
            x += int(size * 0.30)
            continue
        s = int(size * rng.uniform(0.9, 1.1))
        f = ImageFont.truetype(str(_PIL["marker"]), s)
        left, top, right, bottom = f.getbbox(ch)
        letter = Image.new("L", (right + s // 2, bottom + s // 2), 0)
        ImageDraw.Draw(letter).text((s // 4, s // 4), ch, font=f, fill=255)
        letter = letter.rotate(rng.uniform(-5, 5), resample=Image.BICUBIC)
        dy = int(rng.uniform(-0.05, 0.05) * size)
        tile.paste(letter, (x - s // 4, size // 3 - s // 4 + dy), letter)
        x += int(f.getlength(ch) + rng.uniform(0, 0.05) * size)
    if slope:
        tile = tile.rotate(slope, resample=Image.BICUBIC, expand=True)
    arr = np.asarray(tile, dtype=np.float32) / 255.0
    arr *= np.random.default_rng(rng.randrange(2**32)).uniform(0.78, 1.0, arr.shape).astype(np.float32)
    mask = Image.fromarray((arr * 245).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.7))
    _multiply(board, mask, colour, (at[0] - size // 2, at[1] - size // 3))


def _chat_shot(messages: list[tuple[str, str, str, tuple[int, int, int], list[str]]], title: str) -> Image.Image:
    """A chat window in dark mode, a screen grab: each message an avatar (initials on a coloured disc), the
    sender's name in bold grey, the time, and the text in white on a dark bubble."""
    font = ImageFont.truetype(str(_PIL["chat"]), 17)
    small = ImageFont.truetype(str(_PIL["chat"]), 14)
    bold = ImageFont.truetype(str(_PIL["chat-bold"]), 15)
    w = 900
    h = 62 + sum(44 + 25 * len(lines) for *_, lines in messages) + 12
    im = Image.new("RGB", (w, h), (31, 31, 31))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 48), fill=(41, 41, 46))
    d.text((18, 14), title, font=bold, fill=(235, 235, 235))
    d.line((0, 48, w, 48), fill=(60, 60, 66), width=1)
    y = 62
    for name, initials, time, disc, lines in messages:
        d.ellipse((16, y, 52, y + 36), fill=disc)
        tw = d.textlength(initials, font=bold)
        d.text((34 - tw / 2, y + 9), initials, font=bold, fill=(20, 20, 20))
        d.text((70, y), name, font=bold, fill=(200, 200, 204))
        d.text((76 + d.textlength(name, font=bold), y + 1), time, font=small, fill=(140, 140, 146))
        bubble = 22 + 25 * len(lines)
        bw = max(d.textlength(t, font=font) for t in lines) + 28
        d.rounded_rectangle((64, y + 24, 64 + bw, y + 24 + bubble), radius=6, fill=(50, 50, 54))
        for i, t in enumerate(lines):
            d.text((78, y + 34 + 25 * i), t, font=font, fill=(236, 236, 236))
        y += 44 + 25 * len(lines)
    return im


# --- 1. Port health authority letter, skewed 4 degrees: LibreOffice Writer (P052), 200 dpi ---------------------


def skew4() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "harbourmouth-pha.example.gov.uk"
    secretary = "Cadfael Prydderch-Owusu"
    importer = ("Thijs Vermeulen-Achterberg", "thijs@noordzeevis.example.nl")
    driver = "Tomasz Wierzbicki"
    officer = ("Gwenllian Rowe-Adebayo", "029 2018 0496", f"g.rowe-adebayo@{dom}")
    vet = ("Anselm Kowalczyk-Bray", "029 2018 0817")
    agent = ("Precious Nwachukwu-Lyle", "07700 900327")
    p.ordinary = ["The consignment of frozen fish was detained at the border control post on 3 March.",
                  "The health certificate did not match the labels on the cartons."]
    p.planted = [(importer[0], "PERSON", 1), (importer[1], "EMAIL_ADDRESS", 1), (driver, "PERSON", 1),
                 (officer[0], "PERSON", 1), (officer[1], "PHONE_NUMBER", 1), (officer[2], "EMAIL_ADDRESS", 1),
                 (vet[0], "PERSON", 2), (vet[1], "PHONE_NUMBER", 2), (agent[0], "PERSON", 2),
                 (agent[1], "PHONE_NUMBER", 2), (officer[0], "PERSON", 2)]
    p.kept = [(secretary, "PERSON", 2, "Cabinet Secretary for Rural Affairs, to whom an appeal may be made")]
    _unbroken(p)
    page1 = [
        f"To: {importer[0]}, Noordzee Vis BV, by e-mail to {importer[1]}",
        "Consignment HPHA/BCP/31/0219: notice of detention",
        p.ordinary[0],
        p.ordinary[1],
        f"The vehicle's driver, {driver}, was given a copy of this notice at the post.",
        "The consignment will be held in the cold store until the checks below are complete.",
        f"Your contact at the Authority is {officer[0]}, Port Health Officer, on {officer[1]} or at {officer[2]}.",
    ]
    page2 = [
        f"The official veterinarian, {vet[0]} ({vet[1]}), will take samples on 6 March.",
        f"Your customs agent, {agent[0]}, asked to be told the results on {agent[1]}.",
        "If the samples pass, the consignment will be released within one working day.",
        "You may appeal against this notice within one month.",
        f"Appeals are decided by the Cabinet Secretary for Rural Affairs, {secretary}.",
        f"Signed for the Authority by {officer[0]}.",
    ]
    css = ("body { font-family: 'P052'; font-size: 11pt } p { margin: 0 0 10pt 0 }"
           " .org { font-size: 17pt; font-weight: bold } .ref { font-size: 12.5pt; font-weight: bold }")
    html = ("<p class=org>Harbourmouth Port Health Authority</p><p>Border Control Post, East Dock, Harbourmouth</p>"
            "<p>&nbsp;</p>" + f"<p>{_e(page1[0])}</p><p class=ref>{_e(page1[1])}</p>"
            + "".join(f"<p>{_e(t)}</p>" for t in page1[2:])
            + _break() + "<p class=ref>Sampling and release</p>" + "".join(f"<p>{_e(t)}</p>" for t in page2))
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    _inside_when_turned(source, 4.3)
    rng = random.Random(8501)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the letter")
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=4.3 if n == 0 else -3.6), 55)
                    for n, im in enumerate(pages)]), p


# --- 2. Scrutiny review in a bound report: coffee ring, gutter shadow: Chromium (Liberation Serif), colour 200 dpi


def coffee_gutter() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "ashcombe.example.gov.uk"
    holder = "Wilhelmina Osei-Trevithick"
    deputy = "Barnaby Quarshie-Lomax"
    carer = ("Ifeoluwa Bankole-Pryce", "0116 496 0528")
    author = ("Marisol Echeverría-Hunt", "0116 496 0173", f"marisol.echeverria-hunt@{dom}")
    manager = ("Cosmo Ravensworth", "0116 496 0942")
    advocate = ("Halldóra Jónsdóttir-Pike", "h.jonsdottir@speakupashcombe.example.org.uk")
    p.ordinary = ["The sub-committee reviewed the proposal to close two of the county's five day centres.",
                  "Families said that the longer journeys would be hard for people who use wheelchairs."]
    p.planted = [(carer[0], "PERSON", 1), (carer[1], "PHONE_NUMBER", 1), (author[0], "PERSON", 1),
                 (author[1], "PHONE_NUMBER", 1), (author[2], "EMAIL_ADDRESS", 1),
                 (manager[0], "PERSON", 2), (manager[1], "PHONE_NUMBER", 2), (advocate[0], "PERSON", 2),
                 (advocate[1], "EMAIL_ADDRESS", 2), (carer[0], "PERSON", 2)]
    p.kept = [(holder, "PERSON", 1, "Portfolio Holder for Adult Social Care, who made the proposal"),
              (deputy, "PERSON", 2, "Deputy Leader of the Council, who will take the decision")]
    _unbroken(p)
    html1 = (
        "<p class=run>Ashcombe County Council - Adult Social Care Scrutiny Sub-Committee - 12</p>"
        "<h2>4. Review of day centre provision</h2>"
        f"<p>{_e(p.ordinary[0])}</p>"
        f"<p>{_e(f'The proposal was made by the Portfolio Holder for Adult Social Care, Councillor {holder}, in January.')}</p>"
        f"<p>{_e(p.ordinary[1])}</p>"
        "<p>Fourteen written submissions were received and six people spoke at the hearing on 20 February.</p>"
        f"<p>{_e(f'The carers forum was represented by {carer[0]}, who asked to be called on {carer[1]} about the next meeting.')}</p>"
        "<p>The sub-committee asked for the transport costs to be set out before any decision is made.</p>"
        "<p>It also asked how many people attend each centre on each day of the week.</p>"
        f"<p class=author>{_e(f'Report author: {author[0]}, Scrutiny Officer, {author[1]}, {author[2]}')}</p>")
    html2 = (
        "<p class=run>Ashcombe County Council - Adult Social Care Scrutiny Sub-Committee - 13</p>"
        "<h2>Witnesses heard</h2>"
        f"<p class=w>{_e(f'{manager[0]}, Day Centre Manager, Fenwick Road, {manager[1]}')}</p>"
        f"<p class=w>{_e(f'{advocate[0]}, advocacy worker, {advocate[1]}')}</p>"
        f"<p class=w>{_e(f'{carer[0]}, for the carers forum')}</p>"
        "<h2>Recommendations</h2>"
        "<p class=w>1. Keep all five centres open until the transport review is finished.</p>"
        "<p class=w>2. Publish the attendance figures for each centre with the decision.</p>"
        f"<p class=w>{_e(f'3. The decision will be taken by the Deputy Leader of the Council, Councillor {deputy}, in May.')}</p>")
    css = ("body { font-family: 'Liberation Serif'; font-size: 12pt; line-height: 1.45 } h2 { font-size: 14pt }"
           " p { margin: 0 0 9pt 0 } .run { font-size: 9.5pt; border-bottom: 1px solid #000; padding-bottom: 2mm }"
           " .author { margin-top: 12mm; border-top: 1px solid #000; padding-top: 2mm; font-size: 10.5pt }"
           " .w { margin-left: 0 }")
    source = _chromium(_html_doc([html1, html2], css, margin="22mm"))
    p.read_source(source)
    rng = random.Random(8502)
    dpi = 200
    pages = _render_rgb(source, dpi)
    _pages(2, pages, "the report")
    paper = np.array([247, 244, 236], dtype=np.float32)
    scans = []
    for n, im in enumerate(pages):
        arr = np.asarray(im, dtype=np.float32) / 255.0
        im = Image.fromarray(np.clip(24 + arr * (paper - 24), 0, 255).astype(np.uint8), "RGB")
        if n == 0:  # the top of the ring's rim runs through the carer's name, its stain over the number
            x0, y0, x1, y1 = _box(source, 0, carer[0], dpi)
            size = 600
            blotch, ring = _coffee_ring(size, rng)
            at = (int((x0 + x1) / 2 - size / 2), int((y0 + y1) / 2 - size * 0.06))
            _multiply(im, blotch, (196, 150, 96), at)
            _multiply(im, ring, (120, 76, 40), at)
            drop, _ = _coffee_ring(90, rng)
            _multiply(im, drop, (170, 120, 70), (at[0] - 120, at[1] + size // 2))
        else:  # a right-hand page of the open report: the spine on its left
            im = _gutter(im, rng, side="left")
        im = im.rotate(0.35 if n == 0 else -0.25, resample=Image.BICUBIC, fillcolor=tuple(int(v) for v in paper))
        scans.append(_jpeg(im.filter(ImageFilter.GaussianBlur(0.5)), 60))
    return _as_pdf(scans), p


# --- 3. Fire service on-call availability return: white on dark bands, a highlighter: reportlab, 300 dpi -----


def reverse_bands() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "northwold-fire.example.gov.uk"
    acfo = "Ruaridh Macaskill-Boateng"
    cfo = "Isadora Penhaligon-Ade"
    rows = [("Kelmscott", "Ezekiel Thorogood", "0151 496 0217", "86%"),
            ("Fenby Cross", "Agnieszka Wróblewska-Hay", "0151 496 0760", "71%"),
            ("Saltmarsh", "Duncan MacIlwraith", "07700 900746", "93%"),
            ("Ostry Bridge", "(vacant)", "-", "58%")]
    author = ("Seraphina Lindqvist-Obi", "0151 496 0385", f"s.lindqvist-obi@{dom}")
    group = ("Valentina Okonjo-Smyth", f"v.okonjo-smyth@{dom}")
    firefighter = "Rhodri Ellis-Kamau"
    p.ordinary = ["Availability is the share of hours in the quarter when the station could send a fire engine.",
                  "Ostry Bridge fell below the target of seventy-five per cent for the third quarter running."]
    p.planted = []
    for r in rows[:3]:
        p.planted += [(r[1], "PERSON", 1), (r[2], "PHONE_NUMBER", 1)]
    p.planted += [(author[0], "PERSON", 1), (author[1], "PHONE_NUMBER", 1), (author[2], "EMAIL_ADDRESS", 1),
                  (group[0], "PERSON", 2), (group[1], "EMAIL_ADDRESS", 2), (firefighter, "PERSON", 2)]
    p.kept = [(acfo, "PERSON", 1, "Assistant Chief Fire Officer, to whom the return is made"),
              (cfo, "PERSON", 2, "Chief Fire Officer, who approved the recruitment campaign")]
    navy = (0.11, 0.17, 0.27)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    W, H = A4
    f, fb = "LibSans", "LibSans-Bold"
    # page 1: a title band, a table with a dark header row, a footer band: all white on dark
    c.setFillColorRGB(*navy)
    c.rect(40, H - 118, W - 80, 70, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(fb, 15)
    c.drawString(56, H - 78, "Northwold Fire and Rescue Service")
    c.setFont(f, 11)
    c.drawString(56, H - 100, f"On-call availability, quarter 3 - return to the Assistant Chief Fire Officer, {acfo}")
    c.setFillGray(0)
    y = _lines(c, [(p.ordinary[0], f, 10), (p.ordinary[1], f, 10)], 56, H - 150)
    cols = [56, 150, 330, 450, W - 56]
    top = y - 10
    c.setFillColorRGB(*navy)
    c.rect(cols[0], top - 26, cols[-1] - cols[0], 26, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(fb, 10.5)
    for x, head in zip(cols, ["Station", "Watch manager", "Contact number", "Availability"]):
        c.drawString(x + 6, top - 17, head)
    yy = top - 26
    for i, r in enumerate(rows):
        if i % 2:
            c.setFillGray(0.88)
            c.rect(cols[0], yy - 24, cols[-1] - cols[0], 24, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(f, 10.5)
        for x, cell in zip(cols, r):
            c.drawString(x + 6, yy - 16, cell)
        yy -= 24
    c.setLineWidth(0.6)
    c.rect(cols[0], yy, cols[-1] - cols[0], top - yy, stroke=1, fill=0)
    _lines(c, [("Crewing shortfalls at Ostry Bridge are covered by whole-time crews from Kelmscott.", f, 10),
               ("A recruitment campaign for on-call firefighters starts in the spring.", f, 10)], 56, yy - 30)
    c.setFillColorRGB(*navy)
    c.rect(40, 48, W - 80, 44, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(f, 10)
    c.drawString(56, 74, f"Report author: {author[0]}, Station Manager (on-call support), {author[1]}")
    c.drawString(56, 58, author[2])
    c.showPage()
    # page 2: plain text, two names marked with a highlighter by a reader
    page2 = [("Recruitment and retention", fb, 12.5), ("", f, 10),
             (f"Availability at every station was checked on site by Group Manager {group[0]}", f, 10.5),
             (f"({group[1]}) in the last two weeks of the quarter.", f, 10.5), ("", f, 10),
             ("Pay for on-call firefighters is being reviewed nationally. A grievance about", f, 10.5),
             (f"pay for training nights was raised by firefighter {firefighter} and has", f, 10.5),
             ("been referred to the national review.", f, 10.5), ("", f, 10),
             ("The Chief Fire Officer approved a recruitment campaign for Ostry Bridge and", f, 10.5),
             (f"Saltmarsh on 14 December (Chief Fire Officer: {cfo}).", f, 10.5), ("", f, 10),
             ("Next return: quarter 4, due by 30 April.", f, 10.5)]
    _lines(c, page2, 56, H - 80)
    c.showPage()
    c.save()
    source = buf.getvalue()
    p.read_source(source)
    rng = random.Random(8503)
    dpi = 300
    pages = _render(source, dpi)
    for value in (group[0], firefighter, cfo):
        _highlight(pages[1], _box(source, 1, value, dpi), rng)
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=0.3 if n == 0 else -0.35), 50)
                    for n, im in enumerate(pages)]), p


# --- 4. Taxi licence review decision, page 2 fed in upside down (no /Rotate): Chromium (DejaVu Serif), 200 dpi ---


def upside_down() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "merrowdale.example.gov.uk"
    member = "Jacinta Hollingsworth-Eze"
    driver = "Mehmet Yıldırım-Boyce"
    solicitor = ("Perpetua Addo-Winstanley", "p.addo-winstanley@kestrellaw.example.co.uk")
    officer = ("Lowri Featherstonehaugh", "0114 496 0658")
    witness = ("Cressida Aldous-Nyarko", "07700 900476")
    clerk = ("Benedict Ocansey", f"b.ocansey@{dom}")
    p.ordinary = ["The sub-committee decided to suspend the driver's licence for eight weeks.",
                  "The driver must complete a safeguarding course before the licence is restored."]
    p.planted = [(driver, "PERSON", 1), (solicitor[0], "PERSON", 1), (solicitor[1], "EMAIL_ADDRESS", 1),
                 (officer[0], "PERSON", 1), (officer[1], "PHONE_NUMBER", 1),
                 (witness[0], "PERSON", 2), (witness[1], "PHONE_NUMBER", 2), (clerk[0], "PERSON", 2),
                 (clerk[1], "EMAIL_ADDRESS", 2), (driver, "PERSON", 2)]
    p.kept = [(member, "PERSON", 1, "Cabinet Member for Community Safety, chairing the sub-committee"),
              (member, "PERSON", 2, "Cabinet Member for Community Safety, signing the decision")]
    _unbroken(p)
    page1 = [
        f"Licence holder: {driver}, hackney carriage driver's licence HD/4471.",
        f"The sub-committee was chaired by the Cabinet Member for Community Safety, Councillor {member}.",
        f"The licence holder was represented by {solicitor[0]} of Kestrel Law ({solicitor[1]}).",
        f"The case was presented by {officer[0]}, Licensing Enforcement Officer, telephone {officer[1]}.",
        p.ordinary[0],
    ]
    page2 = [
        "Reasons",
        f"The sub-committee accepted the written statement of {witness[0]}, a passenger, who gave "
        f"{witness[1]} as her number.",
        p.ordinary[1],
        f"{driver} may appeal to the magistrates' court within 21 days of this notice.",
        f"Clerk to the sub-committee: {clerk[0]}, {clerk[1]}",
        f"Signed: Councillor {member}, Cabinet Member for Community Safety",
    ]
    css = ("body { font-family: 'DejaVu Serif'; font-size: 10.5pt; line-height: 1.5 } p { margin: 0 0 9pt 0 }"
           " h1 { font-size: 15pt } h2 { font-size: 12pt; margin-top: 6mm }")
    html1 = ("<h1>Merrowdale Borough Council</h1><h2>Licensing Sub-Committee: notice of decision</h2>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1))
    html2 = f"<h2>{_e(page2[0])}</h2>" + "".join(f"<p>{_e(t)}</p>" for t in page2[1:])
    source = _chromium(_html_doc([html1, html2], css, margin="24mm"))
    p.read_source(source)
    rng = random.Random(8504)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the decision")
    p1 = _scan(pages[0], rng, noise=False, skew=0.4)
    p2 = _scan(pages[1], rng, noise=False, skew=-0.3).rotate(180)  # fed in upside down; nothing says so
    return _as_pdf([_jpeg(p1, 55), _jpeg(p2, 55)]), p


# --- 5. Workshop notes and a photo of the whiteboard: reportlab (DejaVu Serif) text page + a landscape photo -----


def whiteboard() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "lothmuir-hscp.example.scot"
    convener = "Lachlan Strachan-Oduya"
    facilitator = ("Ottoline Fairbanks-Mensah", "0131 496 0249", f"o.fairbanks-mensah@{dom}")
    manager = "Fiifi Asante-Brodie"
    nurse = ("Morag Tullibardine", "07700 900158")
    it = ("Ravi Chandrasekhar", f"ravi.chandrasekhar@{dom}")
    board_lines = [
        ("WINTER PLAN - ACTIONS", (30, 30, 36), 84),
        (f"1. {manager} - rota draft by Fri 14/3", (35, 60, 165), 66),
        (f"2. Call {nurse[0]} {nurse[1]} re flu clinic", (35, 60, 165), 66),
        (f"3. {it[0]} (IT) - new phone lines", (30, 30, 36), 66),
        (f"    {it[1]}", (30, 30, 36), 58),
        ("4. Home visits: 2 extra slots / day", (185, 40, 40), 66),
    ]
    p.draw(2, *[t for t, *_ in board_lines])
    p.ordinary = ["Practice managers met to plan cover for the winter months.",
                  "The partnership will pay for two extra home visit slots each weekday."]
    p.planted = [(facilitator[0], "PERSON", 1), (facilitator[1], "PHONE_NUMBER", 1),
                 (facilitator[2], "EMAIL_ADDRESS", 1), (manager, "PERSON", 1),
                 (manager, "PERSON", 2), (nurse[0], "PERSON", 2), (nurse[1], "PHONE_NUMBER", 2),
                 (it[0], "PERSON", 2), (it[1], "EMAIL_ADDRESS", 2)]
    p.kept = [(convener, "PERSON", 1, "Convener of Health and Social Care, who opened the workshop")]
    f, fb = "DVSerif", "DVSerif-Bold"
    text1 = [("Lothmuir Health and Social Care Partnership", fb, 13.5),
             ("Practice managers' workshop, 6 March - notes", fb, 11), ("", f, 8),
             (p.ordinary[0], f, 10),
             ("The workshop was opened by the Convener of Health and Social Care,", f, 10),
             (f"Councillor {convener}, who thanked the practices for their work.", f, 10), ("", f, 8),
             (f"{manager} (Brucehill Medical Practice) described the rota used", f, 10),
             ("last winter and offered to draft one for all six practices.", f, 10), ("", f, 8),
             (p.ordinary[1], f, 10), ("", f, 8),
             ("The actions agreed were written on the whiteboard, which is photographed", f, 10),
             ("on the next page.", f, 10), ("", f, 8),
             (f"Notes by {facilitator[0]}, Primary Care Development Officer,", f, 10),
             (f"{facilitator[1]}, {facilitator[2]}", f, 10)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _lines(c, text1, 62, 770)
    c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    # the whiteboard, as a phone photographs it: 200 dpi A4 landscape frame
    rng = random.Random(8505)
    w, h = int(297 / 25.4 * 200), int(210 / 25.4 * 200)
    g = np.random.default_rng(rng.randrange(2**32))
    board = Image.new("RGB", (w, h), (232, 235, 238))
    for ghost in ("Q3 budget", "agenda: 1. intro 2. rota", "room 2.14"):  # wiped writing, still faintly there
        _marker(board, ghost, (rng.randint(200, w - 900), rng.randint(150, h - 250)), 70, (205, 208, 214), rng,
                slope=rng.uniform(-3, 3))
    y = 170
    for n, (text, colour, size) in enumerate(board_lines):
        _marker(board, text, (150 + (0 if n == 0 else 20), y), size, colour, rng, slope=rng.uniform(-1.6, 0.4))
        y += int(size * 1.75) + (30 if n == 0 else 0)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    arr = np.asarray(board, dtype=np.float32)
    glare = 40 * np.exp(-(((xx - 0.72 * w) / (0.16 * w)) ** 2 + ((yy - 0.30 * h) / (0.22 * h)) ** 2))
    light = 1.0 - 0.22 * (((xx - 0.45 * w) / w) ** 2 + ((yy - 0.5 * h) / h) ** 2) * 3
    arr = arr * light[..., None] + glare[..., None] * (1 - arr / 300.0) + g.normal(0, 4, arr.shape)
    board = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(board)
    d.rectangle((0, 0, w - 1, h - 1), outline=(150, 152, 156), width=26)  # the aluminium frame
    d.rectangle((26, h - 70, w - 27, h - 27), fill=(175, 176, 180))  # the pen tray
    corners = [(0.03, 0.06), (0.97, 0.02), (0.99, 0.97), (0.01, 0.93)]
    dst = [(x * w, yv * h) for x, yv in corners]
    coeffs = _perspective_coeffs(dst, [(0, 0), (w, 0), (w, h), (0, h)])
    photo = board.transform((w, h), Image.PERSPECTIVE, coeffs, resample=Image.BICUBIC, fillcolor=(120, 112, 100))
    photo = photo.filter(ImageFilter.GaussianBlur(0.9))
    out = io.BytesIO()
    c2 = canvas.Canvas(out, pagesize=_LANDSCAPE, invariant=1)
    c2.drawImage(ImageReader(io.BytesIO(_jpeg(photo, 55))), 0, 0, width=_LANDSCAPE[0], height=_LANDSCAPE[1])
    c2.showPage()
    c2.save()
    return _pdf_pages(buf.getvalue(), out.getvalue()), p


# --- 6. Police FOI reply with a dark chat screenshot; a faded toner page: LibreOffice Writer (C059) ----------


def chat_faded() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "kingsbarrow.police.example.uk"
    dpcc = "Rashida Blackwood-Fenn"
    acc = "Hamish Carrick-Mensah"
    sergeant = "Oyinkansola Hartigan-Reid"
    constable = "Teodor Vasilescu"
    mobile = "07700 900569"
    copied = "deborah.ishikawa@" + dom
    disclosure = ("Yasmin Holloway-Adeyemi", "0191 498 0336", f"yasmin.holloway-adeyemi@{dom}")
    messages = [
        (sergeant, "OH", "08:12", (240, 170, 90), ["Road still shut at Pellow Bridge - diversion signs are up.",
                                                    f"Ring me on {mobile} if the council crew turns up."]),
        (constable, "TV", "08:15", (120, 190, 230), ["Will do. Council say 10am at the earliest.",
                                                     f"I've copied in {copied} for the log."]),
        (sergeant, "OH", "08:16", (240, 170, 90), ["Thanks. Keep the cordon at the north end only."]),
    ]
    p.draw(1, *[f"{m[0]} {' '.join(m[4])}" for m in messages])
    p.ordinary = ["The messages about the closure of Pellow Bridge are released with this reply.",
                  "No information is held about the cost of the diversion signs."]
    p.planted = [(sergeant, "PERSON", 1), (constable, "PERSON", 1), (mobile, "PHONE_NUMBER", 1),
                 (copied, "EMAIL_ADDRESS", 1),
                 (disclosure[0], "PERSON", 2), (disclosure[1], "PHONE_NUMBER", 2), (disclosure[2], "EMAIL_ADDRESS", 2),
                 (constable, "PERSON", 2)]
    p.kept = [(dpcc, "PERSON", 1, "Deputy Police and Crime Commissioner, who asked for the release"),
              (acc, "PERSON", 2, "Assistant Chief Constable, who approved the reply")]
    _unbroken(p)
    shot = _chat_shot(messages, "Pellow Bridge closure - 14 Feb")
    png = io.BytesIO()
    shot.save(png, "PNG")
    img = base64.b64encode(png.getvalue()).decode()
    page1 = [
        "Kingsbarrow Police - Freedom of Information reply FOI/31/0388",
        p.ordinary[0],
        f"The Deputy Police and Crime Commissioner, {dpcc}, asked that the messages be released in full.",
        "The messages were sent on the force's chat system on 14 February and are shown as they appear on "
        "screen:",
    ]
    page2 = [
        p.ordinary[1],
        f"One message mentions the log kept by PC {constable}; the log itself is exempt under section 30.",
        f"This reply was approved by the Assistant Chief Constable, {acc}.",
        f"Disclosure officer: {disclosure[0]}, telephone {disclosure[1]}",
        f"E-mail: {disclosure[2]}",
    ]
    css = ("body { font-family: 'C059'; font-size: 11pt } p { margin: 0 0 10pt 0 } .org { font-size: 14pt;"
           " font-weight: bold }")
    html = (f"<p class=org>{_e(page1[0])}</p>" + "".join(f"<p>{_e(t)}</p>" for t in page1[1:])
            + f"<p><img src='data:image/png;base64,{img}' width='{int(shot.width * 0.62)}' "
              f"height='{int(shot.height * 0.62)}'></p>"
            + _break() + "".join(f"<p>{_e(t)}</p>" for t in page2))
    source = _libreoffice(_doc(html, css))
    pdf = pdfium.PdfDocument(source)
    try:
        _pages(2, list(range(len(pdf))), "the reply")
        if not any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in pdf[0].get_objects()):
            raise AssertionError("the chat picture is not on page 1")
    finally:
        pdf.close()
    p.read_source(source)
    rng = random.Random(8506)
    page2_scan = _faded_toner(_pdftoppm(source, 200)[1], rng)
    page2_scan = page2_scan.rotate(-0.5, resample=Image.BICUBIC, fillcolor=(236, 229, 204))
    import pikepdf

    with pikepdf.open(io.BytesIO(source)) as whole:
        del whole.pages[1]
        first = io.BytesIO()
        whole.save(first, deterministic_id=True)
    return _pdf_pages(first.getvalue(), _as_pdf([_jpeg(page2_scan, 55)])), p


# --- 7. Drainage board letter folded in three, punched, 1 bit CCITT G4: reportlab (Courier), 200 dpi --------------


def folded_g4() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "riversmeet-idb.example.org.uk"
    mp = "Hywel Abernethy-Chowdhury"
    landowner = ("Clement Oyebanji-Thwaite", "01632 960715")
    engineer = ("Rosamund Ickeringill", "01632 960284", f"r.ickeringill@{dom}")
    contractor = ("Bartosz Kwiatkowski-Lane", "07700 900649")
    tenant = "Aoife Mac Conmara"
    p.ordinary = ["The Board needs access to the Long Drain to clear it before the spring rains.",
                  "Work will take about four days and the spoil will be spread on the bank."]
    p.planted = [(landowner[0], "PERSON", 1), (landowner[1], "PHONE_NUMBER", 1), (engineer[0], "PERSON", 1),
                 (engineer[1], "PHONE_NUMBER", 1), (engineer[2], "EMAIL_ADDRESS", 1),
                 (contractor[0], "PERSON", 2), (contractor[1], "PHONE_NUMBER", 2), (tenant, "PERSON", 2),
                 (landowner[0], "PERSON", 2), (engineer[0], "PERSON", 2)]
    p.kept = [(mp, "PERSON", 1, "Member of Parliament, copied in")]
    f = "Courier"
    page1 = [("RIVERSMEET INTERNAL DRAINAGE BOARD", "Courier-Bold", 12), ("Pumping Station Lane, Riversmeet", f, 10),
             ("", f, 10), (f"Ref: RIDB/LD/31/07     Please ask for: {engineer[0]}", f, 10),
             (f"Tel: {engineer[1]}     {engineer[2]}", f, 10),
             ("", f, 10), (f"Mr {landowner[0]}", f, 10), ("Long Drain Farm, Riversmeet", f, 10), ("", f, 10),
             ("10 March 2031", f, 10), ("", f, 10),
             (f"Dear Mr {landowner[0].split()[1]},", f, 10), ("", f, 10),
             ("Long Drain: notice of entry under the Land Drainage Act 1991", "Courier-Bold", 10), ("", f, 10),
             ("We tried to reach you by telephone on " + landowner[1] + " on", f, 10),
             ("3 March and 6 March without success.", f, 10), ("", f, 10),
             ("The Board needs access to the Long Drain to clear it before", f, 10),
             ("the spring rains.", f, 10), ("", f, 10),
             ("Work will take about four days and the spoil will be spread", f, 10),
             ("on the bank.", f, 10), ("", f, 10),
             (f"cc: {mp} MP", f, 10)]
    page2 = [("- 2 -", f, 10), ("", f, 10),
             ("The work will be done by our contractor, whose site foreman", f, 10),
             (f"is {contractor[0]} (mobile {contractor[1]}).", f, 10), ("", f, 10),
             (f"We understand that the field is let to {tenant}; please", f, 10),
             ("pass this notice to her or let us know if we should write", f, 10),
             ("to her directly.", f, 10), ("", f, 10),
             (f"A copy of this letter is kept on the file of {landowner[0]}.", f, 10), ("", f, 10),
             ("Yours sincerely,", f, 10), ("", f, 10), ("", f, 10), ("", f, 10),
             (engineer[0], f, 10), ("Engineer to the Board", f, 10)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in (page1, page2):
        _lines(c, lines, 72, 780)
        c.showPage()
    c.save()
    source = buf.getvalue()
    p.read_source(source)
    dpi = 200
    pages = _render(source, dpi)
    sign = ImageFont.truetype(str(_PIL["sign"]), 70)
    x0, y0, _, _ = _box(source, 1, engineer[0], dpi)
    ImageDraw.Draw(pages[1]).text((x0 + 10, y0 - 120), "R. Ickeringill", font=sign, fill=30)
    rng = random.Random(8507)
    sheets = []
    for n, im in enumerate(pages):
        h = im.height
        # folded in three: the creases fall where they fall, through lines of text
        for y in (int(h * 0.338), int(h * 0.664)):
            im = _crease(im, y, rng)
        _punch_holes(im, dpi)
        im = im.rotate(0.4 if n == 0 else -0.5, resample=Image.BICUBIC, fillcolor=255).filter(
            ImageFilter.GaussianBlur(0.5))
        sheets.append(_bilevel(im))
    return _g4_pdf(sheets, dpi), p


# --- 8. National park planning decision on thin paper, show-through, 7 pt footnotes: LibreOffice (URW Bookman), 150 dpi


def show_through() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "brindlemoor-npa.example.gov.uk"
    mp = "Tobias Gwynne-Akande"
    minister = "Augusta Fenwick-Darko"
    applicant = "Leofric Ashworth-Nkemelu"
    agent = ("Imogen Radcliffe-Oyinlola", "i.radcliffe@fellgateplanning.example.co.uk")
    objector = ("Wilfreda Cowperthwaite", "0114 496 0572")
    officer = ("Tarquin Ebuka-Holm", "0114 496 0391", f"tarquin.ebuka-holm@{dom}")
    p.ordinary = ["Planning permission is refused for the conversion of the field barn at Scar End to a dwelling.",
                  "The barn lies in open countryside far from any settlement and the conversion would harm its "
                  "setting."]
    p.planted = [(applicant, "PERSON", 1), (agent[0], "PERSON", 1), (agent[1], "EMAIL_ADDRESS", 1),
                 (objector[0], "PERSON", 1), (objector[1], "PHONE_NUMBER", 1),
                 (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2), (officer[2], "EMAIL_ADDRESS", 2),
                 (applicant, "PERSON", 2)]
    p.kept = [(mp, "PERSON", 1, "Member of Parliament, who wrote in support"),
              (minister, "PERSON", 2, "Minister for Housing and Planning, to whom an appeal goes")]
    _unbroken(p)
    page1 = [
        f"Applicant: {applicant}. Agent: {agent[0]}, Fellgate Planning.",
        "Application NP/31/0117: conversion of field barn at Scar End to a dwelling.",
        p.ordinary[0],
        p.ordinary[1],
        "The Authority received one objection<sup>1</sup> and one letter in support<sup>2</sup>.",
    ]
    notes1 = [f"1 Objection from {objector[0]}, Scar End Cottage ({objector[1]}).",
              f"2 From the MP for Brindlemoor, {mp}, sent to the agent at {agent[1]}."]
    page2 = [
        "Reasons for refusal",
        "1. The building is not of a form or character that merits conversion.",
        "2. The access track is unsuitable for the traffic a dwelling would bring.",
        f"{applicant} may appeal against this decision within six months<sup>3</sup>.",
    ]
    notes2 = [f"3 Appeals are decided for the Minister for Housing and Planning, {minister}, by an inspector.",
              f"Case officer: {officer[0]}, {officer[1]}, {officer[2]}"]
    css = ("body { font-family: 'URW Bookman'; font-size: 10.5pt } p { margin: 0 0 9pt 0 } .org { font-size: 15pt;"
           " font-weight: bold } .note { font-size: 7pt; margin: 0 0 2pt 0 } .rule { border-top: 1px solid #000;"
           " margin-top: 18mm; font-size: 7pt }")

    def para(t: str) -> str:
        return "<p>" + _e(t).replace("&lt;sup&gt;", "<sup>").replace("&lt;/sup&gt;", "</sup>") + "</p>"

    html = ("<p class=org>Brindlemoor National Park Authority</p><p><b>Decision notice</b></p>"
            + "".join(para(t) for t in page1)
            + "<p class=rule>&nbsp;</p>" + "".join(f"<p class=note>{_e(t)}</p>" for t in notes1)
            + _break() + f"<p><b>{_e(page2[0])}</b></p>" + "".join(para(t) for t in page2[1:])
            + "<p class=rule>&nbsp;</p>" + "".join(f"<p class=note>{_e(t)}</p>" for t in notes2))
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    rng = random.Random(8508)
    pages = _pdftoppm(source, 150)
    _pages(2, pages, "the decision notice")
    front, back = pages
    sheets = [_show_through(front, back), _show_through(back, front)]
    return _as_pdf([_jpeg(_scan(im, rng, noise=True, skew=0.4 if n == 0 else -0.45), 50)
                    for n, im in enumerate(sheets)]), p


def _one_line(name: str, paper: Paper) -> None:
    """No planted or kept value of a source page is broken over two lines (the source's own line breaks kept)."""
    for value, _, page, *_ in [*paper.planted, *paper.kept]:
        text = paper.source.get(page, "").replace("\r\n", "\n").replace("\ufffe", "")
        if value not in text and not any(value in t for t in paper.pixels.get(page, [])):
            raise AssertionError(f"{name}: {value!r} is broken over two lines on page {page}")


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "skew4_200": (skew4, 200, False, "LibreOffice Writer (P052, HTML), pdftoppm",
                  "200 dpi greyscale, page 1 skewed 4.3 degrees and page 2 -3.6 degrees, JPEG 55"),
    "coffee_gutter200": (coffee_gutter, 200, False, "Chromium (Liberation Serif), pdfium in colour",
                         "colour scan, 200 dpi, cream paper, colour JPEG 60; page 1 a coffee ring (dark rim, pale "
                         "stain) through a name and number; page 2 a bound report's gutter: a deep shadow at the "
                         "spine and the lines bent down into it, over the start of the lines"),
    "reverse_bands300": (reverse_bands, 300, False, "reportlab (Liberation Sans), pdfium",
                         "300 dpi greyscale, skew 0.3 and -0.35 degrees, JPEG 50; page 1 white text on dark bands "
                         "(title band, table header row, footer band holding the author's name, number and "
                         "e-mail); page 2 a pink highlighter over two names and an office holder's name"),
    "upside_down200": (upside_down, 200, False, "Chromium (DejaVu Serif), pdftoppm",
                       "200 dpi greyscale, skew 0.4 and -0.3 degrees, JPEG 55; page 2 fed in upside down: the "
                       "picture turned 180 degrees and no /Rotate"),
    "whiteboard_mixed": (whiteboard, 200, False, "reportlab text page (DejaVu Serif) + a photo of a whiteboard",
                         "page 1 text layer; page 2 an A4 landscape page holding a colour photo (200 dpi, JPEG 55) "
                         "of a whiteboard written in marker (blue, black, red; letters jittered), glare, ghosts "
                         "of wiped writing, frame and pen tray, perspective, blur"),
    "chat_faded": (chat_faded, 200, False, "LibreOffice Writer (C059, HTML with a PNG picture); page 2 scanned",
                   "page 1 text layer holding a dark-mode chat screenshot (names, a mobile number and an e-mail "
                   "as light pixels on dark; names about 7 pt, message text about 8 pt on the page); page 2 a colour scan at 200 dpi of a "
                   "print from a printer short of toner: grey-brown low-contrast print, paler vertical streaks, "
                   "cream recycled paper, skew -0.5 degrees, JPEG 55"),
    "folded_g4": (folded_g4, 200, False, "reportlab (Courier, typed letter), pdfium",
                  "a letter folded in three (two creases across lines of text: a shift, a shadow and a broken "
                  "dark line) with two punch holes, skew 0.4 and -0.5 degrees, cut to 1 bit at a fixed threshold "
                  "(not dithered), stored CCITT G4 at 200 dpi; a script signature on page 2"),
    "showthrough150": (show_through, 150, True, "LibreOffice Writer (URW Bookman, HTML), pdftoppm",
                       "thin paper: the reverse side's print showing through, mirrored and faint; 150 dpi, "
                       "speckle, grey paper, skew 0.4 and -0.45 degrees, JPEG 50; names, numbers and e-mails in "
                       "7 pt footnotes"),
}


def make_never_seen5(out: Path = OUT, only: list[str] | None = None) -> dict:
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

    make_never_seen5(only=sys.argv[1:] or None)
