"""The sixth never-seen scan set (tests/scans/never_seen6/): eight scanned and mixed papers from bodies, wording,
people, layouts and faults that never_seen ... never_seen5 did not use, committed before any engine (OCR,
detection, redaction) read them. It is measured once (``bench/ocr.py --never-seen6``) and never tuned on.

Producers: Chromium (Carlito, Caladea, DejaVu Sans Mono), LibreOffice Writer (Carlito, Liberation Serif) and
reportlab (Caladea, Carlito, DejaVu Sans). New faults: a printed newsletter whose grey print is an offset
halftone screen, scanned so the screen beats with the scanner's grid (moire), with a photo caption naming
people; coloured sticky notes written in a round hand (Comic Neue) stuck on a colour-scanned letter; a red pen
reviewer's marks (a name struck through, a number ringed, a name underlined, margin notes and a caret insertion
in the hand); a 300 dpi scan out of focus (a disc blur that grows down the page); a fax at standard resolution
(204 x 98 dpi: the pixels twice as tall as wide) stored LZW; a ruled table with shaded rows in 8 pt at 240 dpi,
JPEG quality 20; a photocopy of a photocopy of a crumpled sheet (creases, a dog-eared corner, copier edges,
toner dust); a text page holding a calendar invitation screenshot and a page that slipped in the document feeder
(a band of lines stretched) with a dust line down the scanner glass.

    .venv/bin/python -m tests.scans.make_never_seen6     # writes tests/scans/never_seen6/*.pdf and manifest.json

The manifest has the keys of never_seen2 ... never_seen5 (``dpi``, ``noise``, ``planted``, ``ordinary``,
``part2``, ``kept``, ``producer``, ``degradation``). Every planted and kept value is checked against the source
of the page it names (the source PDF's text before rasterising, or the words drawn as pixels), with
make_never_seen2's ``Paper``. All people are fictional; every number is from Ofcom's drama ranges.
"""

from __future__ import annotations

import base64
import io
import math
import random
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

from tests.scans.make_never_seen2 import (FONTS, Paper, _chromium, _e, _html_doc, _libreoffice, _lines, _pdf_pages,
                                          _pdftoppm, _unbroken, manifest_entry, write_manifest)
from tests.scans.make_never_seen5 import _box, _doc, _one_line, _pages, _render_rgb
from tests.scans.make_scans import _as_pdf, _jpeg, _scan

OUT = Path(__file__).parent / "never_seen6"
_TTF6 = {
    "Carlito": FONTS / "truetype/crosextra/Carlito-Regular.ttf",
    "Carlito-Bold": FONTS / "truetype/crosextra/Carlito-Bold.ttf",
    "Caladea": FONTS / "truetype/crosextra/Caladea-Regular.ttf",
    "Caladea-Bold": FONTS / "truetype/crosextra/Caladea-Bold.ttf",
    "DVSans6": FONTS / "truetype/dejavu/DejaVuSans.ttf",
    "DVSans6-Bold": FONTS / "truetype/dejavu/DejaVuSans-Bold.ttf",
}
_PIL6 = {
    "hand": FONTS / "opentype/comic-neue/ComicNeue-Regular.otf",
    "ui": FONTS / "truetype/dejavu/DejaVuSans.ttf",
    "ui-bold": FONTS / "truetype/dejavu/DejaVuSans-Bold.ttf",
    "fax": FONTS / "truetype/dejavu/DejaVuSansMono.ttf",
}
MM = 72 / 25.4


def _register() -> None:
    for name, path in _TTF6.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _font(key: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_PIL6[key]), size)


def _hand_line(image: Image.Image, text: str, at: tuple[int, int], size: int, colour, rng: random.Random,
               slope: float = 0.0) -> None:
    """A line written by hand in ballpoint or felt tip (Comic Neue), letter by letter, each a little off the line
    and a little larger or smaller, the line drifting by ``slope`` degrees."""
    x, y = at
    d = ImageDraw.Draw(image)
    for ch in text:
        s = int(size * rng.uniform(0.93, 1.07))
        f = _font("hand", s)
        d.text((x, y + rng.uniform(-1.5, 1.5) * size / 30), ch, font=f, fill=colour)
        x += f.getlength(ch) * rng.uniform(0.97, 1.04)
        y -= math.tan(math.radians(slope)) * f.getlength(ch)


# --- faults ---------------------------------------------------------------------------------------------------


def _halftone(image: Image.Image, dpi: int, lpi: float, angle: float) -> Image.Image:
    """Offset print: every grey becomes a screen of round dots (``lpi`` lines per inch at ``angle`` degrees),
    black stays solid."""
    arr = np.asarray(image, dtype=np.float32) / 255.0
    h, w = arr.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = math.radians(angle)
    period = dpi / lpi
    u = (xx * math.cos(t) + yy * math.sin(t)) * 2 * math.pi / period
    v = (-xx * math.sin(t) + yy * math.cos(t)) * 2 * math.pi / period
    screen = (np.cos(u) + np.cos(v)) / 4 + 0.5  # 0..1
    ink = (1 - arr) > screen * 0.96 + 0.02
    ink |= arr < 0.12  # solid black is printed solid
    return Image.fromarray(np.where(ink, 28, 246).astype(np.uint8), "L")


def _coarse_scan(image: Image.Image, factor: int) -> Image.Image:
    """A scanner sampling the print at 1/``factor`` of its grid with a soft lens: the screen beats (moire)."""
    small = image.filter(ImageFilter.GaussianBlur(factor * 0.45)).resize(
        (image.width // factor, image.height // factor), Image.NEAREST)
    return small


def _sticky_note(page: Image.Image, lines: list[str], at: tuple[int, int], size: tuple[int, int], colour,
                 ink, angle: float, rng: random.Random, text_size: int) -> tuple[int, int, int, int]:
    """A sticky note written by hand and stuck on the page: a square of coloured paper with a soft shadow, its
    glued edge flat and its lower edge lifting, turned by ``angle``."""
    w, h = size
    note = Image.new("RGBA", (w, h), colour + (255,))
    arr = np.asarray(note, dtype=np.float32)
    fall = np.linspace(1.0, 0.88, h, dtype=np.float32)[:, None, None]  # the lifted end is shaded
    arr[..., :3] *= fall
    note = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGBA")
    y = int(h * 0.14)
    for line in lines:
        _hand_line(note, line, (int(w * 0.07), y), text_size, ink, rng, slope=rng.uniform(-1.2, 1.2))
        y += int(text_size * 1.45)
    note = note.rotate(angle, resample=Image.BICUBIC, expand=True)
    shadow = Image.new("L", note.size, 0)
    shadow.paste(note.getchannel("A").point(lambda a: 90 if a > 0 else 0), (0, 0))
    shadow = shadow.filter(ImageFilter.GaussianBlur(9))
    x, y0 = at
    dark = Image.new("RGB", note.size, (60, 55, 50))
    page.paste(dark, (x + 7, y0 + 10), shadow)
    page.paste(note, (x, y0), note)
    return x, y0, x + note.width + 7, y0 + note.height + 10


def _red_strike(d: ImageDraw.ImageDraw, box, rng: random.Random, colour=(200, 30, 40)) -> None:
    x0, y0, x1, y1 = box
    ym = (y0 + y1) / 2 + rng.uniform(-1, 1)
    d.line((x0 - 6, ym + 2, x1 + 6, ym - 2), fill=colour, width=3)


def _red_ring(d: ImageDraw.ImageDraw, box, rng: random.Random, colour=(200, 30, 40)) -> None:
    x0, y0, x1, y1 = box
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 + 14, (y1 - y0) / 2 + 9
    pts = []
    for k in range(0, 390, 6):  # a little more than once round, the ends overlapping
        t = math.radians(k - 20)
        wob = 1 + 0.04 * math.sin(3 * t + 1)
        pts.append((cx + rx * wob * math.cos(t), cy + ry * wob * math.sin(t) + k * 0.02))
    d.line(pts, fill=colour, width=3, joint="curve")


def _red_underline(d: ImageDraw.ImageDraw, box, rng: random.Random, colour=(200, 30, 40)) -> None:
    x0, y0, x1, y1 = box
    pts = [(x, y1 + 5 + 2.5 * math.sin(x / 9.0)) for x in range(x0 - 4, x1 + 6, 4)]
    d.line(pts, fill=colour, width=3)


def _disc_blur(image: Image.Image, radius: int) -> Image.Image:
    """Out of focus: each point spread over a disc of ``radius`` pixels (a lens, not a Gaussian)."""
    arr = np.asarray(image, dtype=np.float32)
    acc = np.zeros_like(arr)
    n = 0
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            if dx * dx + dy * dy <= radius * radius + 0.5:
                acc += np.roll(np.roll(arr, dy, axis=0), dx, axis=1)
                n += 1
    return Image.fromarray(np.clip(acc / n, 0, 255).astype(np.uint8), image.mode)


def _defocus(image: Image.Image, rng: random.Random) -> Image.Image:
    """A 300 dpi scan with the page not flat on the glass: a little out of focus at the top, more at the foot."""
    soft = _disc_blur(image, 2)
    softer = _disc_blur(image, 4)
    a, b = np.asarray(soft, dtype=np.float32), np.asarray(softer, dtype=np.float32)
    h = a.shape[0]
    mix = np.clip(np.linspace(-0.2, 1.1, h, dtype=np.float32), 0, 1)[:, None]
    out = a * (1 - mix) + b * mix
    out = out * 0.93 + 14 + np.random.default_rng(rng.randrange(2**32)).normal(0, 1.2, out.shape)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")


def _lzw(data: bytes) -> bytes:
    """PDF's LZWDecode (EarlyChange 1), most significant bit first."""
    out = bytearray()
    acc = 0
    nbits = 0

    def emit(code: int, width: int) -> None:
        nonlocal acc, nbits
        acc = (acc << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((acc >> nbits) & 0xFF)
        acc &= (1 << nbits) - 1

    table = {bytes([i]): i for i in range(256)}
    next_code, width = 258, 9
    emit(256, width)
    w = b""
    for byte in data:
        wc = w + bytes([byte])
        if wc in table:
            w = wc
            continue
        emit(table[w], width)
        table[wc] = next_code
        next_code += 1
        if next_code + 1 > (1 << width) and width < 12:
            width += 1
        if next_code >= 4093:
            emit(256, width)
            table = {bytes([i]): i for i in range(256)}
            next_code, width = 258, 9
        w = bytes([byte])
    if w:
        emit(table[w], width)
        next_code += 1
        if next_code + 1 > (1 << width) and width < 12:
            width += 1
    emit(257, width)
    if nbits:
        out.append((acc << (8 - nbits)) & 0xFF)
    return bytes(out)


def _lzw_pdf(pictures: list[Image.Image]) -> bytes:
    """Each 1-bit fax picture as one A4 page, stored LZWDecode as the picture is (1728 pixels across, 98 lines to
    the inch down: the pixels are not square)."""
    pdf = pikepdf.new()
    for im in pictures:
        bw = im.convert("1")
        raw = bw.tobytes()  # 1 bit a pixel, rows padded to a byte, 1 = white
        stream = pikepdf.Stream(pdf, _lzw(raw))
        stream["/Type"] = pikepdf.Name.XObject
        stream["/Subtype"] = pikepdf.Name.Image
        stream["/Width"], stream["/Height"] = bw.width, bw.height
        stream["/ColorSpace"] = pikepdf.Name.DeviceGray
        stream["/BitsPerComponent"] = 1
        stream["/Filter"] = pikepdf.Name.LZWDecode
        if bytes(stream.read_bytes()) != raw:
            raise AssertionError("the LZW stream does not decode to the picture")
        w, h = A4
        content = pikepdf.Stream(pdf, f"q {w:.2f} 0 0 {h:.2f} 0 0 cm /Im0 Do Q".encode())
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, w, h], Contents=content,
                                  Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream)))
        pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def _fax_standard(image: Image.Image, header: str, rng: random.Random) -> Image.Image:
    """A fax at standard resolution: the page read as 1728 pixels across and 98 lines to the inch down (every
    other line of fine mode), cut to black and white at a fixed threshold, the sending machine's header line
    at the top, a few noisy pixels and a streak where the line was noisy."""
    h = round(297 / 25.4 * 98)
    img = image.filter(ImageFilter.GaussianBlur(0.5)).resize((1728, h), Image.BILINEAR)
    bw = img.point(lambda v: 0 if v < 155 else 255, "L")
    d = ImageDraw.Draw(bw)
    hdr = Image.new("L", (1728, 44), 255)  # drawn square, then squashed to the fax's lines like everything else
    ImageDraw.Draw(hdr).text((40, 6), header, font=_font("fax", 27), fill=0)
    hdr = hdr.resize((1728, 22), Image.BILINEAR).point(lambda v: 0 if v < 150 else 255, "L")
    bw.paste(hdr, (0, 6))
    px = bw.load()
    for _ in range(1728 * h // 1500):
        px[rng.randrange(1728), rng.randrange(30, h)] = 0
    noisy = int(h * rng.uniform(0.55, 0.7))
    for x in range(0, 1728):
        if rng.random() < 0.25:
            px[x, noisy] = 0
    d.line((0, h - 3, 1728, h - 3), fill=255)
    return bw.convert("1")


def _crumpled_copy(image: Image.Image, rng: random.Random) -> Image.Image:
    """A crumpled sheet, smoothed out and photocopied, and the copy copied again: the creases bend the lines
    and cast light and shade, the copier darkens and hardens the picture, toner dust, a black edge where the lid
    did not cover, and the top right corner dog-eared (folded over, its back showing)."""
    g = np.random.default_rng(rng.randrange(2**32))
    w, h = image.size
    low = g.normal(0, 1, (9, 7)).astype(np.float32)
    height = np.array(Image.fromarray(low, "F").resize((w, h), Image.BICUBIC), dtype=np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    for _ in range(7):  # sharp creases: ridges along random lines
        x0, y0, t = g.uniform(0, w), g.uniform(0, h), g.uniform(0, math.pi)
        dist = (xx - x0) * math.sin(t) - (yy - y0) * math.cos(t)
        height += g.uniform(0.5, 1.1) * np.exp(-np.abs(dist) / 55.0)
    gy, gx = np.gradient(height)
    shade = 1.0 + np.clip((gx * 0.7 + gy * 0.45) * 18, -0.2, 0.06)
    arr = np.asarray(image, dtype=np.float32)
    sx = np.clip(xx + gx * 110, 0, w - 1)
    sy = np.clip(yy + gy * 110, 0, h - 1)
    x0i, y0i = np.floor(sx).astype(int), np.floor(sy).astype(int)
    x1i, y1i = np.minimum(x0i + 1, w - 1), np.minimum(y0i + 1, h - 1)
    fx, fy = sx - x0i, sy - y0i
    bent = (arr[y0i, x0i] * (1 - fx) * (1 - fy) + arr[y0i, x1i] * fx * (1 - fy)
            + arr[y1i, x0i] * (1 - fx) * fy + arr[y1i, x1i] * fx * fy)
    out = bent * shade
    for _ in range(2):  # two generations of copying: harder, darker, a grey cast
        out = np.clip((out - 40) * 1.25, 0, 255) * 0.96 + 8
        out = np.asarray(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L").filter(
            ImageFilter.GaussianBlur(0.6)), dtype=np.float32)
    dust = g.random((h, w)) < 0.0012
    out[dust] = g.uniform(20, 110, dust.sum())
    out[:, w - int(w * 0.012):] = 18  # the lid's black edge on the right
    out[h - int(h * 0.008):, :] = 25
    img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")
    d = ImageDraw.Draw(img)
    leg = int(w * 0.085)  # the dog-ear: the corner folded over onto the front
    d.polygon([(w - leg - 1, 0), (w, 0), (w, leg)], fill=18)  # where the corner was: the copier's black lid
    d.polygon([(w - leg - 1, 0), (w, leg), (w - leg - 1, leg)], fill=214)  # the back of the corner, folded down
    d.line([(w - leg - 1, 0), (w, leg)], fill=70, width=3)
    return img


def _adf_slip(image: Image.Image, band: tuple[int, int], stretch: float, dust_x: int,
              rng: random.Random) -> Image.Image:
    """A page that slipped on the feeder's rollers: for the ``band`` of rows the page moved slower than the
    scanner read, so those lines come out stretched down the page (and everything below moves down); a speck of
    dust on the glass draws a thin grey line down the whole page; the rollers leave two faint grey bands."""
    arr = np.asarray(image, dtype=np.float32)
    h, w = arr.shape
    y0, y1 = band
    rows = []
    y = 0.0
    while len(rows) < h:
        rows.append(min(int(y), h - 1))
        y += 1 / stretch if y0 <= y < y1 else 1
    out = arr[rows]
    out[:, dust_x:dust_x + 2] = np.minimum(out[:, dust_x:dust_x + 2], 95)
    for yr in (int(h * 0.21), int(h * 0.74)):
        out[yr:yr + 9] *= 0.93
    out += np.random.default_rng(rng.randrange(2**32)).normal(0, 3, out.shape)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")


def _calendar_invite(title: str, when: str, organiser: tuple[str, str], required: list[tuple[str, str]],
                     dial: str, body: list[str]) -> Image.Image:
    """A meeting invitation open in a desktop calendar, as a screen grab: toolbar, title, time, the organiser and
    attendees with their addresses, a joining line with a number, and the message."""
    w, h = 1180, 560
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 46), fill=(36, 94, 160))
    for i, label in enumerate(["Accept", "Tentative", "Decline", "Propose new time"]):
        d.rounded_rectangle((18 + i * 150, 9, 150 + i * 150, 37), 6, fill=(58, 118, 186))
        d.text((32 + i * 150, 14), label, font=_font("ui", 16), fill=(255, 255, 255))
    d.text((24, 62), title, font=_font("ui-bold", 26), fill=(30, 30, 30))
    d.text((24, 104), when, font=_font("ui", 18), fill=(80, 80, 80))
    y = 146
    d.ellipse((24, y, 60, y + 36), fill=(200, 120, 60))
    d.text((33, y + 7), "".join(p[0] for p in organiser[0].split()[:2]), font=_font("ui-bold", 15), fill="white")
    d.text((72, y), f"{organiser[0]} <{organiser[1]}>", font=_font("ui", 18), fill=(30, 30, 30))
    d.text((72, y + 22), "Organiser", font=_font("ui", 14), fill=(120, 120, 120))
    y += 56
    d.text((24, y), "Required", font=_font("ui-bold", 16), fill=(90, 90, 90))
    y += 26
    for name, mail in required:
        d.text((40, y), f"{name} <{mail}>", font=_font("ui", 17), fill=(30, 30, 30))
        y += 26
    y += 8
    d.line((24, y, w - 24, y), fill=(220, 220, 220), width=2)
    y += 14
    d.text((24, y), dial, font=_font("ui", 17), fill=(36, 94, 160))
    y += 34
    for line in body:
        d.text((24, y), line, font=_font("ui", 17), fill=(40, 40, 40))
        y += 26
    return im.crop((0, 0, w, min(h, y + 20)))


# --- 1. Town council newsletter, two columns, photo caption: Chromium (Carlito), offset halftone, moire -----------


def halftone_newsletter() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "wendlebury-tc.example.gov.uk"
    mayor = "Marigold Ashworth-Quaye"
    mp = "Imelda Crosthwaite-Bello"
    pictured = ["Tobiah Renwick-Salazar", "Esmé Pountney", "Kwabena Illingworth", "Philippa Thorogood-Nakamura"]
    allot = ("Ruaridh Gilchrist-Baptiste", "0117 496 0813", f"r.gilchrist-baptiste@{dom}")
    youth = ("Amani Westerhuis-Coyle", "07700 900642", "amani.westerhuis@wendleburyyouth.example.org")
    p.ordinary = ["The Mill Lane allotments reopened in April after the new water supply was laid.",
                  "The youth club meets on Tuesday and Thursday evenings in the Scout hut."]
    p.planted = [*[(n, "PERSON", 1) for n in pictured], (allot[0], "PERSON", 1), (allot[1], "PHONE_NUMBER", 1),
                 (allot[2], "EMAIL_ADDRESS", 1),
                 (youth[0], "PERSON", 2), (youth[1], "PHONE_NUMBER", 2), (youth[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(mayor, "PERSON", 1, "Mayor of Wendlebury, who reopened the allotments"),
              (mp, "PERSON", 2, "Member of Parliament for Wendlebury and Sarn, visiting the youth club")]
    _unbroken(p)
    # the photo: a group of four figures in front of a shed, drawn in greys (it is screened like any grey)
    photo = Image.new("L", (900, 520), 170)
    d = ImageDraw.Draw(photo)
    d.rectangle((0, 300, 900, 520), fill=120)
    d.polygon([(560, 300), (560, 120), (700, 60), (840, 120), (840, 300)], fill=95)
    for i, x in enumerate((120, 280, 440, 600)):
        tone = (60, 85, 45, 75)[i]
        d.ellipse((x + 30, 150, x + 90, 215), fill=205)
        d.rounded_rectangle((x, 215, x + 120, 470), 30, fill=tone)
    png = io.BytesIO()
    photo.save(png, "PNG")
    img = base64.b64encode(png.getvalue()).decode()
    caption = (f"Left to right: {pictured[0]}, {pictured[1]}, {pictured[2]} and {pictured[3]} at the reopened "
               "Mill Lane allotments.")
    col1 = [
        p.ordinary[0],
        f"The Mayor of Wendlebury, Councillor {mayor}, cut the ribbon and thanked the volunteers who cleared "
        "the overgrown plots over the winter.",
        "Twenty-two plots are now let and six half plots are still free for the summer season.",
        f"To join the waiting list, contact {allot[0]} on {allot[1]} or at {allot[2]}.",
    ]
    col2 = [
        "The town council will repaint the bandstand in June and asks residents to choose the colour at the "
        "library, where three samples are on the railings.",
        "Bins on the recreation ground will be emptied twice a week from May to September.",
    ]
    page2 = [
        p.ordinary[1],
        f"{mp} MP, the Member of Parliament for Wendlebury and Sarn, visited in March and joined a table "
        "tennis match she says she did not lose.",
        "The club needs two more adult volunteers with a DBS check, and offers training.",
        f"Youth club leader: {youth[0]}, telephone {youth[1]}, e-mail {youth[2]}.",
        "The spring litter pick starts at the market cross at ten o'clock on Saturday 17 May; gloves, bags and "
        "pickers are provided and children are welcome with an adult.",
        "The next town council meeting is on Monday 2 June at 7.30 pm in the Corn Exchange.",
    ]
    css = ("body { font-family: 'Carlito'; font-size: 10.5pt; color: #383838; line-height: 1.35 }"
           " .mast { font-size: 26pt; font-weight: bold; color: #000; border-bottom: 3pt solid #555;"
           " margin-bottom: 4mm } .cols { column-count: 2; column-gap: 8mm } p { margin: 0 0 7pt 0 }"
           " h2 { font-size: 14pt; color: #111; margin: 0 0 3pt 0 } .cap { font-size: 9pt; font-style: italic }"
           " .band { background: #c8c8c8; padding: 3mm; margin-top: 5mm }")
    html1 = ("<div class=mast>Wendlebury Voice - Spring</div><div class=cols><h2>Allotments open again</h2>"
             + "".join(f"<p>{_e(t)}</p>" for t in col1)
             + "<h2>Around the town</h2>" + "".join(f"<p>{_e(t)}</p>" for t in col2) + "</div>"
             + f"<p><img src='data:image/png;base64,{img}' style='width: 120mm'></p><p class=cap>{_e(caption)}</p>")
    html2 = ("<h2>Youth club</h2>" + "".join(f"<p>{_e(t)}</p>" for t in page2[:4])
             + "<div class=band>" + "".join(f"<p>{_e(t)}</p>" for t in page2[4:]) + "</div>")
    source = _chromium(_html_doc([html1, html2], css, margin="18mm"))
    p.read_source(source)
    rng = random.Random(8601)
    pages = _pdftoppm(source, 400)
    _pages(2, pages, "the newsletter")
    scans = []
    for n, page in enumerate(pages):
        printed = _halftone(page, 400, 120, 45)
        scan = _coarse_scan(printed, 2)  # 200 dpi
        scans.append(_jpeg(_scan(scan, rng, noise=False, skew=(0.3, -0.25)[n]), 50))
    return _as_pdf(scans), p


# --- 2. Environmental health letter with sticky notes: LibreOffice Writer (Carlito), colour scan --------------------


def sticky_note() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "carrowmere.example.gov.uk"
    resident = "Gwendolyn Ebbrell-Mwangi"
    officer = ("Teleri Hughes-Ransome", "028 9649 6174", f"t.hughes-ransome@{dom}")
    neighbour = "Lucjan Dąbrowski-Fry"
    note1 = ("Delphine Marchetti-Oyelaran", "07700 900781")
    note2 = ("Zuzanna Pietrzyk-Holt", "zuzanna.pietrzyk@example.com")
    member = "Rhodri Penhaligon-Asare"
    note1_lines = ["Ring", note1[0], f"on {note1[1]}", "re: noise diary", "TH 12/5"]
    note2_lines = ["Copy to", note2[0], note2[1], "(mediation) - TH"]
    p.draw(1, *note1_lines, " ".join(note1_lines))
    p.draw(2, *note2_lines)
    p.ordinary = ["We have opened a statutory nuisance investigation into the noise you reported.",
                  "Please keep the enclosed diary sheets for four weeks and return them to us."]
    p.planted = [(resident, "PERSON", 1), (officer[0], "PERSON", 1), (officer[1], "PHONE_NUMBER", 1),
                 (officer[2], "EMAIL_ADDRESS", 1), (neighbour, "PERSON", 1), (note1[0], "PERSON", 1),
                 (note1[1], "PHONE_NUMBER", 1),
                 (officer[0], "PERSON", 2), (note2[0], "PERSON", 2), (note2[1], "EMAIL_ADDRESS", 2)]
    p.kept = [(member, "PERSON", 2, "Cabinet Member for Environmental Services, who has been told of the case")]
    _unbroken(p)
    page1 = [
        f"Dear {resident},",
        "Noise from 14 Quarry Rise",
        p.ordinary[0],
        f"You told us that amplified music from the house of {neighbour} can be heard in your bedroom most "
        "nights after midnight.",
        p.ordinary[1],
        f"The investigating officer is {officer[0]}.",
        f"Direct line: {officer[1]}",
        f"E-mail: {officer[2]}",
    ]
    page2 = [
        "If the diary shows a nuisance, an officer will visit at night to witness it, and the council may serve "
        "an abatement notice.",
        f"At your request, the Cabinet Member for Environmental Services, Councillor {member}, has been told "
        "that the case is open.",
        "Yours sincerely,",
        officer[0],
        "Environmental Health Officer, Carrowmere District Council",
    ]
    css = ("body { font-family: 'Carlito'; font-size: 12pt } p { margin: 0 0 11pt 0 }"
           " .head { font-size: 15pt; font-weight: bold } .subj { font-weight: bold }")
    html = ("<p class=head>Carrowmere District Council - Environmental Health</p><p>Ref EH/NOI/2291</p>"
            + f"<p>{_e(page1[0])}</p><p class=subj>{_e(page1[1])}</p>"
            + "".join(f"<p>{_e(t)}</p>" for t in page1[2:]) + _break6()
            + "".join(f"<p>{_e(t)}</p>" for t in page2))
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    rng = random.Random(8602)
    pages = _render_rgb(source, 200)
    _pages(2, pages, "the letter")
    paper = (246, 244, 236)
    out = []
    for n, page in enumerate(pages):
        arr = np.asarray(page, dtype=np.float32) / 255.0 * np.array(paper, dtype=np.float32)
        page = Image.fromarray(arr.astype(np.uint8), "RGB")
        if n == 0:
            covered = _sticky_note(page, note1_lines, (960, 1560), (600, 600), (252, 232, 110), (25, 45, 150),
                                   -4.0, rng, 36)
        else:
            covered = _sticky_note(page, note2_lines, (980, 1150), (600, 560), (250, 170, 200), (20, 20, 30), 5.5,
                                   rng, 36)
        _text_clear(source, n, covered, 200)
        page = page.rotate((0.35, -0.3)[n], resample=Image.BICUBIC, fillcolor=(250, 250, 250))
        page = Image.fromarray(np.clip(np.asarray(page, dtype=np.float32) + np.random.default_rng(
            rng.randrange(2**32)).normal(0, 3, (page.height, page.width, 3)), 0, 255).astype(np.uint8), "RGB")
        out.append(_jpeg(page, 60))
    return _as_pdf(out), p


def _break6() -> str:
    return "<p style='page-break-before: always'></p>"


def _text_clear(source: bytes, index: int, box: tuple[int, int, int, int], dpi: int) -> None:
    """No character of the source page lies inside ``box`` (pixels at ``dpi``): a note stuck there hides no text."""
    doc = pdfium.PdfDocument(source)
    try:
        page = doc[index]
        text = page.get_textpage()
        hgt, k = page.get_height(), dpi / 72
        for i in range(text.count_chars()):
            if text.get_text_range(i, 1).isspace():
                continue
            l, b, r, t = text.get_charbox(i)
            x0, y0, x1, y1 = l * k, (hgt - t) * k, r * k, (hgt - b) * k
            if x1 > box[0] and x0 < box[2] and y1 > box[1] and y0 < box[3]:
                raise AssertionError(f"page {index + 1}: {text.get_text_range(i, 1)!r} is under a note")
    finally:
        doc.close()


# --- 3. Police audit response marked up in red pen: reportlab (Carlito), colour scan 200 dpi -----------------------


def red_pen() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "eastholme.police.example.uk"
    chief = "Aurelia Fanshawe-Mbeki"
    deputy = "Leofric Amankwah-Dunn"
    author = ("Anwen Tregothnan-Lowe", "0151 496 0732", f"a.tregothnan-lowe@{dom}")
    sergeant = "Fitzwilliam Oduya-Barnes"
    payroll = ("Cosmo Vanterpool-Reyes", "0151 496 0519", f"cosmo.vanterpool-reyes@{dom}")
    inspector = "Ingrid Solberg-Hanratty"
    inserted = "Benedykt Zawadzki"
    margin1 = f"ask {payroll[0]} {payroll[1]} ?"
    caret2 = f"and Ch Insp {inserted}"
    p.draw(1, margin1)
    p.draw(2, caret2)
    p.ordinary = ["The audit sampled forty overtime claims made between April and September.",
                  "Six claims were paid twice because the same shift was entered on two systems."]
    p.planted = [(author[0], "PERSON", 1), (author[1], "PHONE_NUMBER", 1), (author[2], "EMAIL_ADDRESS", 1),
                 (sergeant, "PERSON", 1), (payroll[0], "PERSON", 1), (payroll[1], "PHONE_NUMBER", 1),
                 (inspector, "PERSON", 2), (inserted, "PERSON", 2), (payroll[2], "EMAIL_ADDRESS", 2),
                 (author[0], "PERSON", 2)]
    p.kept = [(chief, "PERSON", 1, "Chief Constable, who asked for the response"),
              (deputy, "PERSON", 2, "Deputy Chief Constable, who will sign the final version")]
    f, fb = "Carlito", "Carlito-Bold"
    text1 = [("Eastholme Police - Internal Audit", fb, 15), ("Draft management response: overtime claims", fb, 12),
             ("", f, 8),
             (p.ordinary[0], f, 11),
             (p.ordinary[1], f, 11), ("", f, 8),
             (f"This response was requested by the Chief Constable, {chief}, in October.", f, 11), ("", f, 8),
             ("Findings", fb, 12),
             (f"1. The claims of Sergeant {sergeant} were checked against the duty roster", f, 11),
             ("    and two were found to be for rest days he did not work.", f, 11),
             ("2. Payroll had no report that would show a shift claimed twice.", f, 11), ("", f, 11), ("", f, 6),
             ("3. Claims over twelve hours were approved without a second signature.", f, 11), ("", f, 8),
             ("Prepared by", fb, 11),
             (f"{author[0]}, Audit Manager", f, 11),
             (f"Telephone {author[1]}", f, 11),
             (f"E-mail {author[2]}", f, 11)]
    text2 = [("Actions", fb, 12), ("", f, 8),
             ("a. A weekly report of duplicate shifts will be sent to the payroll team.", f, 11), ("", f, 11),
             (f"b. Overtime was approved by Inspector {inspector}; she will", f, 11),
             ("    review the six duplicate claims with the officers concerned.", f, 11),
             ("c. Claims over twelve hours will need a second signature from March.", f, 11), ("", f, 8),
             (f"Payroll queries: {payroll[2]}", f, 11), ("", f, 8),
             (f"The Deputy Chief Constable, {deputy}, will sign the final version.", f, 11), ("", f, 16),
             (f"{author[0]}, 3 December", f, 11)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _lines(c, text1, 72, 760)
    c.showPage()
    _lines(c, text2, 72, 760)
    c.showPage()
    c.save()
    source = buf.getvalue()
    _unbroken(p)
    p.read_source(source)
    rng = random.Random(8603)
    dpi = 200
    pages = _render_rgb(source, dpi)
    red, blue = (196, 28, 38), (30, 40, 140)
    d1 = ImageDraw.Draw(pages[0])
    _red_strike(d1, _box(source, 0, sergeant, dpi), rng, red)
    ring = _box(source, 0, author[1], dpi)
    _red_ring(d1, ring, rng, red)
    sx, sy, _, sb = _box(source, 0, "2. Payroll had no report", dpi)
    _hand_line(pages[0], margin1, (sx + 70, sb + 22), 34, red, rng, slope=1.2)
    d1.line((sx - 40, sy - 10, sx - 40, sb + 70), fill=red, width=3)  # a bar in the margin by the finding
    d2 = ImageDraw.Draw(pages[1])
    _red_underline(d2, _box(source, 1, inspector, dpi), rng, red)
    _red_ring(d2, _box(source, 1, payroll[2], dpi), rng, red)
    bx = _box(source, 1, "; she will", dpi)
    d2.line((bx[0] - 2, bx[3] + 2, bx[0] + 10, bx[1] - 6, bx[0] + 22, bx[3] + 2), fill=red, width=3)  # a caret
    _hand_line(pages[1], caret2, (bx[0] - 60, bx[1] - 58), 32, red, rng, slope=1.0)
    tick = _box(source, 1, "c. Claims over twelve", dpi)
    d2.line((tick[0] - 60, tick[1] + 14, tick[0] - 48, tick[3], tick[0] - 26, tick[1] - 8), fill=blue, width=3)
    out = []
    for n, page in enumerate(pages):
        arr = np.asarray(page, dtype=np.float32) * 0.95 + 9
        arr += np.random.default_rng(rng.randrange(2**32)).normal(0, 3, arr.shape)
        page = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
        page = page.rotate((-0.4, 0.5)[n], resample=Image.BICUBIC, fillcolor=(252, 252, 252))
        out.append(_jpeg(page, 60))
    return _as_pdf(out), p


# --- 4. Adult social care complaint decision, out of focus: Chromium (Caladea), 300 dpi ---------------------------


def defocus300() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "ashcombe.example.gov.uk"
    member = "Wilhelmina Strang-Oduro"
    complainant = "Henrietta Blaikie-Osei"
    daughter = "Solveig Marrable"
    worker = ("Ikechukwu Dalrymple-Rees", "0118 496 0357", f"i.dalrymple-rees@{dom}")
    manager = ("Ottilie Brankstone", "0118 496 0924")
    investigator = ("Gideon Fairclough-Amadi", f"gideon.fairclough-amadi@{dom}")
    p.ordinary = ["Your complaint about the care and support plan has been investigated at stage two.",
                  "The council will pay for two weeks of respite care that should have been offered last year."]
    p.planted = [(complainant, "PERSON", 1), (daughter, "PERSON", 1), (worker[0], "PERSON", 1),
                 (worker[1], "PHONE_NUMBER", 1), (worker[2], "EMAIL_ADDRESS", 1),
                 (manager[0], "PERSON", 2), (manager[1], "PHONE_NUMBER", 2), (investigator[0], "PERSON", 2),
                 (investigator[1], "EMAIL_ADDRESS", 2), (complainant, "PERSON", 2)]
    p.kept = [(member, "PERSON", 2, "Cabinet Member for Adult Social Care, who reviewed the decision")]
    _unbroken(p)
    page1 = [
        f"Dear {complainant},",
        p.ordinary[0],
        f"You made the complaint with the help of your daughter, {daughter}, who attended the meeting on "
        "9 January.",
        "You said that the plan written in May did not include the support you need at night, and that you "
        "were not told that respite care was available.",
        f"Your social worker is {worker[0]}, telephone {worker[1]}.",
        f"You can also write to {worker[2]}.",
    ]
    page2 = [
        "What we found",
        f"The manager of Larchfield House, {manager[0]}, confirmed that a room was free in August "
        f"(telephone {manager[1]}).",
        p.ordinary[1],
        f"The Cabinet Member for Adult Social Care, Councillor {member}, has reviewed this decision.",
        f"Investigating officer: {investigator[0]}, {investigator[1]}",
        f"If you are unhappy with this reply, {complainant}, you may ask the Local Government and Social "
        "Care Ombudsman to look at it.",
    ]
    css = ("body { font-family: 'Caladea'; font-size: 11pt; line-height: 1.45 } p { margin: 0 0 10pt 0 }"
           " h1 { font-size: 16pt } h2 { font-size: 12.5pt }")
    html1 = ("<h1>Ashcombe County Council</h1><p>Adult Social Care - complaint ASC/2231, stage 2</p>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1))
    html2 = f"<h2>{_e(page2[0])}</h2>" + "".join(f"<p>{_e(t)}</p>" for t in page2[1:])
    source = _chromium(_html_doc([html1, html2], css, margin="25mm"))
    p.read_source(source)
    rng = random.Random(8604)
    pages = _pdftoppm(source, 300)
    _pages(2, pages, "the decision")
    out = [_jpeg(_scan(_defocus(page, rng), rng, noise=False, skew=(0.2, -0.3)[n]), 60)
           for n, page in enumerate(pages)]
    return _as_pdf(out), p


# --- 5. Ambulance trust complaint reply faxed at standard resolution, LZW: LibreOffice Writer (Liberation Serif) ----


def fax_standard_lzw() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "voiceahead.example.org.uk"
    pals = "028 9649 6318"
    mp = "Fergal Osei-Maguire"
    patient = "Cathal Mac Ruairí-Stott"
    advocate = ("Dagny Holmqvist-Ebo", f"dagny.holmqvist-ebo@{dom}")
    officer = ("Ailbhe Carrington-Oke", "028 9649 6702")
    crew = "Jonas Whitcombe-Adjei"
    headers = [f"12/03 14:02  FROM: LISNAGARVEY AMB PALS  TEL {pals}  TO: VOICEAHEAD ADVOCACY  P.{n}/2"
               for n in (1, 2)]
    p.draw(1, headers[0])
    p.draw(2, headers[1])
    p.ordinary = ["The patient transport vehicle arrived two hours after the booked time.",
                  "The trust has changed how late bookings are passed to the crews."]
    p.planted = [(pals, "PHONE_NUMBER", 1), (patient, "PERSON", 1), (advocate[0], "PERSON", 1),
                 (advocate[1], "EMAIL_ADDRESS", 1), (officer[0], "PERSON", 1),
                 (pals, "PHONE_NUMBER", 2), (crew, "PERSON", 2), (officer[0], "PERSON", 2),
                 (officer[1], "PHONE_NUMBER", 2), (patient, "PERSON", 2)]
    p.kept = [(mp, "PERSON", 1, "MP for Lisnagarvey, who wrote in support")]
    _unbroken(p)
    page1 = [
        f"For the attention of {advocate[0]}",
        f"E-mail {advocate[1]}",
        f"Re: complaint on behalf of {patient}",
        f"Thank you for your letter and for the letter of support from {mp} MP.",
        p.ordinary[0],
        f"{officer[0]} of the Patient Advice and Liaison Service has looked at the booking records and the "
        "vehicle's tracking data.",
    ]
    page2 = [
        f"The crew, led by paramedic {crew}, were sent to an emergency on the way and the control room did "
        "not send another vehicle.",
        p.ordinary[1],
        f"We are sorry for the distress this caused {patient}.",
        f"{officer[0]}, Patient Advice and Liaison Officer",
        f"Direct line {officer[1]}",
    ]
    css = ("body { font-family: 'Liberation Serif'; font-size: 12.5pt } p { margin: 0 0 12pt 0 }"
           " .head { font-size: 16pt; font-weight: bold }")
    html = ("<p class=head>Lisnagarvey Ambulance Service NHS Trust</p>"
            + "".join(f"<p>{_e(t)}</p>" for t in page1) + _break6() + "".join(f"<p>{_e(t)}</p>" for t in page2))
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    rng = random.Random(8605)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the reply")
    return _lzw_pdf([_fax_standard(page, headers[n], rng) for n, page in enumerate(pages)]), p


# --- 6. Fire service partnership meeting, ruled table in 8 pt: reportlab (Caladea), 240 dpi, JPEG 20 -------------


def table_jpeg20() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "saltmarsh-fire.example.gov.uk"
    cfo = "Ignatius Pembury-Nkemelu"
    pcc = "Seraphina Goodall-Ansah"
    rows = [
        ("Siobhán Ferris-Abara", "Saltmarsh Homes", "0808 157 0351", ""),
        ("Radomir Kostadinov", "Age Concern Saltmarsh", "", "radomir.kostadinov@example.org"),
        ("Henrike Volkmann-Shaw", "County Youth Service", "0161 496 0628", ""),
        ("Tunde Abernethy-Clore", "Fire service (minutes)", "", f"t.abernethy-clore@{dom}"),
    ]
    p.ordinary = ["Home fire safety visits rose by a fifth compared with the same quarter last year.",
                  "The partnership agreed to share referral forms with the housing association."]
    p.planted = []
    for name, _, tel, mail in rows:
        p.planted.append((name, "PERSON", 1))
        if tel:
            p.planted.append((tel, "PHONE_NUMBER", 1))
        if mail:
            p.planted.append((mail, "EMAIL_ADDRESS", 1))
    p.planted += [(rows[1][0], "PERSON", 2), (rows[3][0], "PERSON", 2)]
    p.kept = [(cfo, "PERSON", 1, "Chief Fire Officer, chairing the partnership meeting"),
              (pcc, "PERSON", 2, "Police and Crime Commissioner for Saltmarsh, who joined for item 4")]
    _unbroken(p)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Caladea-Bold", 14)
    c.drawString(60, 770, "Saltmarsh Fire and Rescue Service")
    c.setFont("Caladea", 11)
    c.drawString(60, 752, "Community Safety Partnership - meeting of 4 February, attendance")
    table = [("Name", "Role / organisation", "Telephone", "E-mail"), (cfo, "Chief Fire Officer (chair)", "", "")]
    table += rows
    table += [("Apologies: two members", "", "", "")]
    widths, x0, top, rh = (118, 112, 70, 200), 55, 725, 17
    for r, row in enumerate(table):
        y = top - r * rh
        if r % 2 == 1:
            c.setFillGray(0.86)
            c.rect(x0, y - rh, sum(widths), rh, stroke=0, fill=1)
        c.setFillGray(0)
        x = x0
        for k, cell in enumerate(row):
            font = "Caladea-Bold" if r == 0 else "Caladea"
            if pdfmetrics.stringWidth(cell, font, 8) > widths[k] - 6:
                raise ValueError(f"cell too wide: {cell!r}")
            c.setFont(font, 8)
            c.drawString(x + 3, y - rh + 5, cell)
            x += widths[k]
    c.setLineWidth(0.6)
    for r in range(len(table) + 1):
        c.line(x0, top - r * rh, x0 + sum(widths), top - r * rh)
    x = x0
    for wd in (0, *widths):
        x += wd
        c.line(x, top, x, top - len(table) * rh)
    y = top - len(table) * rh - 30
    _lines(c, [("1. Performance", "Caladea-Bold", 10.5), (p.ordinary[0], "Caladea", 10.5),
               ("Accidental dwelling fires fell from 41 to 33.", "Caladea", 10.5)], 60, y)
    c.showPage()
    _lines(c, [("2. Referrals", "Caladea-Bold", 10.5), (p.ordinary[1], "Caladea", 10.5),
               (f"Action: {rows[1][0]} to send the charity's form by the end of February.", "Caladea", 10.5),
               ("", "Caladea", 8), ("3. Winter campaign", "Caladea-Bold", 10.5),
               ("Leaflets on heaters and electric blankets went to 2,300 homes.", "Caladea", 10.5),
               ("", "Caladea", 8), ("4. Police and fire joint visits", "Caladea-Bold", 10.5),
               (f"The Police and Crime Commissioner for Saltmarsh, {pcc}, joined the", "Caladea", 10.5),
               ("meeting for this item and offered funding for fifty joint visits.", "Caladea", 10.5),
               ("", "Caladea", 8),
               (f"Minutes: {rows[3][0]}. Next meeting 6 May.", "Caladea", 10.5)], 60, 770)
    c.showPage()
    c.save()
    source = buf.getvalue()
    p.read_source(source)
    rng = random.Random(8606)
    pages = _pdftoppm(source, 240)
    _pages(2, pages, "the notes")
    return _as_pdf([_jpeg(_scan(page, rng, noise=False, skew=(0.3, -0.2)[n]), 20)
                    for n, page in enumerate(pages)]), p


# --- 7. An objection letter, copied twice after being crumpled: Chromium (DejaVu Sans Mono), 200 dpi ---------------


def crumpled_copy() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "fenmoor.example.gov.uk"
    leader = "Augustin Pelham-Adomako"
    writer = ("Horatio Quennell-Achebe", "01632 960588", "h.quennell-achebe@example.net")
    neighbour = "Bryony Stallworthy"
    applicant = "Leander Okwuosa-Pike"
    planner = ("Wynfrith Aldersey-Kamara", "01632 960214", f"w.aldersey-kamara@{dom}")
    p.ordinary = ["I object to planning application FD/24/0617 for a two-storey extension at 3 Sedge Lane.",
                  "The extension would take most of the afternoon light from our garden."]
    p.planted = [(writer[0], "PERSON", 1), (writer[1], "PHONE_NUMBER", 1), (writer[2], "EMAIL_ADDRESS", 1),
                 (neighbour, "PERSON", 1), (applicant, "PERSON", 1),
                 (applicant, "PERSON", 2), (planner[0], "PERSON", 2), (planner[1], "PHONE_NUMBER", 2),
                 (planner[2], "EMAIL_ADDRESS", 2), (writer[0], "PERSON", 2)]
    p.kept = [(leader, "PERSON", 2, "Leader of the Council, copied in")]
    _unbroken(p)
    page1 = [
        f"From: {writer[0]}, 5 Sedge Lane",
        f"Tel: {writer[1]}",
        f"Email: {writer[2]}",
        "To: Development Management, Fenmoor District Council",
        p.ordinary[0],
        f"The applicant, {applicant}, has not shown the",
        "shadow the extension would cast at any time of year.",
        p.ordinary[1],
        f"Our other neighbour, {neighbour}, has the same",
        "concern and is writing separately.",
    ]
    page2 = [
        f"I understand {applicant} has been told by",
        f"the case officer, {planner[0]},",
        "that a shadow study is not needed. I ask that one is",
        "required before the application is decided.",
        f"Case officer tel: {planner[1]}",
        f"Email: {planner[2]}",
        f"Copy: the Leader of the Council, {leader}",
        "Signed",
        writer[0],
    ]
    css = ("body { font-family: 'DejaVu Sans Mono'; font-size: 10pt; line-height: 1.55 } p { margin: 0 0 8pt 0 }")
    html1 = "".join(f"<p>{_e(t)}</p>" for t in page1)
    html2 = "".join(f"<p>{_e(t)}</p>" for t in page2)
    source = _chromium(_html_doc([html1, html2], css, margin="26mm"))
    p.read_source(source)
    rng = random.Random(8607)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the objection")
    return _as_pdf([_jpeg(_crumpled_copy(page, rng), 55) for page in pages]), p


# --- 8. Combined authority transport board: reportlab text page with a calendar invite + a page that slipped --------


def calendar_adf_mixed() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "graysholt-ca.example.gov.uk"
    mayor = "Evander Tolputt-Asiedu"
    organiser = ("Ysolde Carnegie-Abiodun", f"ysolde.carnegie-abiodun@{dom}")
    required = [("Tiberius Lanyon-Mbatha", "tiberius.lanyon-mbatha@graysholtbuses.example.co.uk"),
                ("Clemency Haverstock", f"clemency.haverstock@{dom}")]
    dial = "Join by phone: 0113 496 0594, conference ID 448 120 37#"
    operator = ("Fionnuala Brabazon-Tetteh", "0113 496 0865")
    invite_body = ["Agenda: 1. Bus franchising timetable  2. Fares cap from September",
                   "Papers to follow. Please send apologies to the organiser."]
    shot = _calendar_invite("Transport Board - franchising", "Thursday 20 March, 10:00-11:30, Room 3.02",
                            organiser, required, dial, invite_body)
    p.draw(1, f"{organiser[0]} <{organiser[1]}>", *[f"{n} <{m}>" for n, m in required], dial)
    p.ordinary = ["The Mayor's Transport Board met to agree the timetable for bus franchising.",
                  "The board agreed that the fares cap will continue until the end of March next year."]
    p.planted = [(organiser[0], "PERSON", 1), (organiser[1], "EMAIL_ADDRESS", 1), (required[0][0], "PERSON", 1),
                 (required[1][0], "PERSON", 1), ("0113 496 0594", "PHONE_NUMBER", 1),
                 (required[0][0], "PERSON", 2), (required[1][0], "PERSON", 2), (required[1][1], "EMAIL_ADDRESS", 2),
                 (operator[0], "PERSON", 2), (operator[1], "PHONE_NUMBER", 2)]
    p.kept = [(mayor, "PERSON", 1, "Mayor of Graysholt, who chaired the board"),
              (mayor, "PERSON", 2, "Mayor of Graysholt, signing the record")]
    _unbroken(p)
    png = io.BytesIO()
    shot.save(png, "PNG")
    f, fb = "DVSans6", "DVSans6-Bold"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, [("Graysholt Combined Authority", fb, 14), ("Record of the Mayor's Transport Board", fb, 11),
                   ("", f, 8), (p.ordinary[0], f, 9.5),
                   (f"The Mayor of Graysholt, {mayor}, chaired the meeting.", f, 9.5),
                   ("The meeting was called by the invitation below.", f, 9.5)], 60, 770)
    wd = 470
    ht = wd * shot.height / shot.width
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 60, y - ht, width=wd, height=ht)
    c.showPage()
    c.save()
    text_page = buf.getvalue()
    p.read_source(text_page)
    notes = [("Record of decisions (continued)", fb, 11.5), ("", f, 8),
             ("1. Bus franchising", fb, 10.5),
             (f"{required[0][0]} (Graysholt Buses) said the operators could", f, 10.5),
             ("run the new timetable from the first Sunday in September.", f, 10.5),
             (f"{required[1][0]} will publish the timetable for consultation.", f, 10.5),
             (f"Comments to {required[1][1]}", f, 10.5), ("", f, 8),
             ("2. Fares cap", fb, 10.5), (p.ordinary[1], f, 10.5), ("", f, 8),
             ("3. Community transport", fb, 10.5),
             (f"{operator[0]} of Dalesway Community Transport asked for", f, 10.5),
             (f"a grant for two new minibuses (contact {operator[1]}).", f, 10.5), ("", f, 18),
             (f"Signed: {mayor}, Mayor of Graysholt", f, 10.5)]
    buf2 = io.BytesIO()
    c2 = canvas.Canvas(buf2, pagesize=A4, invariant=1)
    _lines(c2, notes, 60, 770)
    c2.showPage()
    c2.save()
    scanned_source = buf2.getvalue()
    p.read_source(scanned_source, first_page=2)
    rng = random.Random(8608)
    dpi = 200
    page = _pdftoppm(scanned_source, dpi)[0]
    top = _box(scanned_source, 0, f"{required[1][0]} will publish", dpi)[1] - 12
    bottom = _box(scanned_source, 0, "2. Fares cap", dpi)[1] - 8
    dust = _box(scanned_source, 0, operator[0], dpi)
    slipped = _adf_slip(page, (top, bottom), 1.45, (dust[0] + dust[2]) // 2, rng)
    scan = _scan(slipped, rng, noise=False, skew=0.25)
    return _pdf_pages(text_page, _as_pdf([_jpeg(scan, 50)])), p


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "halftone_newsletter": (halftone_newsletter, 200, False, "Chromium (Carlito, two columns), pdftoppm at 400 dpi",
                            "printed offset: grey print and the photo as a 120 lpi halftone screen at 45 degrees "
                            "(text in 78% black, so its letters are dots too), scanned at 200 dpi by sampling the "
                            "screen (moire), skew 0.3 and -0.25 degrees, JPEG 60; a photo caption naming four "
                            "people; p2 a grey shaded box"),
    "sticky_notes": (sticky_note, 200, False, "LibreOffice Writer (Carlito, HTML), pdfium in colour",
                     "colour scan at 200 dpi, cream paper, skew 0.35 and -0.3 degrees, colour JPEG 60; p1 a "
                     "yellow sticky note in blue ballpoint (a name and a mobile number), p2 a pink one in black "
                     "(a name and an e-mail), in a round hand (Comic Neue), turned, with a shadow"),
    "red_pen": (red_pen, 200, False, "reportlab (Carlito), pdfium in colour",
                "colour scan at 200 dpi, skew -0.4 and 0.5 degrees, colour JPEG 60; red pen: p1 a name struck "
                "through, a number ringed, a margin note (a name and a number) in the hand; p2 a name underlined, "
                "an e-mail ringed, a caret insertion of a name in the hand, a blue tick"),
    "defocus300": (defocus300, 300, False, "Chromium (Caladea), pdftoppm",
                   "300 dpi, out of focus: a disc blur of radius 2 px at the top growing to 4 px at the foot, "
                   "grey paper, sensor noise, skew 0.2 and -0.3 degrees, JPEG 60"),
    "fax_standard_lzw": (fax_standard_lzw, 98, False, "LibreOffice Writer (Liberation Serif, HTML), pdftoppm",
                         "fax at standard resolution: 1728 x 1146 pixels on A4 (204 x 98 dpi, pixels twice as "
                         "tall as wide), 1 bit at a fixed threshold, stored LZWDecode; the fax header line with "
                         "the sender's number on both pages, noise pixels and a noisy line"),
    "table8pt_jpeg20": (table_jpeg20, 240, False, "reportlab (Caladea), pdftoppm",
                        "240 dpi greyscale, JPEG quality 20, skew 0.3 and -0.2 degrees; p1 a ruled attendance "
                        "table in 8 pt with shaded rows (names, numbers, e-mails in cells)"),
    "crumpled_copy": (crumpled_copy, 200, False, "Chromium (DejaVu Sans Mono), pdftoppm",
                      "a crumpled sheet copied twice: creases bend the lines and shade the page, hard dark copier "
                      "contrast, toner dust, the lid's black edge, the top right corner dog-eared; 200 dpi, "
                      "JPEG 55"),
    "calendar_adf_mixed": (calendar_adf_mixed, 200, False,
                           "reportlab text page (DejaVu Sans) with a calendar invitation picture + a scanned page",
                           "p1 text layer with a screen grab of a meeting invitation (organiser, attendees and "
                           "their e-mails, a dial-in number as pixels); p2 200 dpi scan of a page that slipped in "
                           "the feeder (a band of lines stretched 1.45 times down the page), a dust line down the "
                           "glass through a name, roller marks, skew 0.25 degrees, JPEG 50"),
}


def make_never_seen6(out: Path = OUT, only: list[str] | None = None) -> dict:
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

    make_never_seen6(only=sys.argv[1:] or None)
