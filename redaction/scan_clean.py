"""Stage 1d, before tesseract: a cleaned copy of a scanned page for OCR — the page as it is printed, without
what a scanner, a desk or a stamp put over it. Pure: numpy and PIL only, no tesseract, no PDF.

Tesseract reads black print on white paper well and most else badly. Each step below changes only pixels
that are *not print* or makes print darker than its paper; each is general (measured from the page, never
from a known layout) and leaves a clean page as it was:

1. *paper* (:func:`flatten_paper`): a page whose paper is not even — coloured paper, a stain, a gutter's shadow,
   a photo's vignette — is divided, channel by channel, by its own paper level (a blurred local maximum on a
   small copy), so the paper becomes white and print of any colour stays darker than it;
2. *dark bands* (:func:`invert_dark_areas`): large dark areas (a title band, a table's header row, a dark-mode
   screenshot) are inverted, so their light text becomes dark text on light;
3. *faint print* (:func:`sharpen_faint`): a page whose darkest print is hardly darker than its paper (a carbon
   copy, a printer short of toner) is cut to black and white against its local mean (adaptive threshold);
4. *rules* (:func:`without_rules`): long straight lines (a table's grid, the boxes of a form) are whitened, so
   tesseract does not read them as "|" or "_" glued to the words;
5. *watermark* (:func:`without_watermark`): broad grey strokes (a diagonal COPY) on a page of dark print are
   whitened where no dark print is;
6. *stains* (:func:`without_stains`): on a colour page printed in neutral ink, light coloured marks (a coffee
   ring's rim, a highlighter) are lightened by their colour; print darker than ``STAIN_LEVEL`` stays whatever
   its colour.

Steps 1–2 reveal (they never hide ink): the picture after them (``revealed``) is the one the fail-closed
looks at unread ink use (``scan_pages.read_cleaned``), as the page was looked at before. Step 3 cuts the page
to black and white (specks become hard ink) and steps 4–6 remove marks that are not print: tesseract reads the
result (``ocr``). The OCR of the redacted pixels for the text layer reads the same cleaned copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

_TILE = 8  # the paper's level is measured on a copy this many times smaller
UNEVEN_PAPER = 0.80  # the paper's darkest part under this share of its brightest: the paper is flattened
COLOUR_SPREAD = 18  # grey levels between a pixel's channels: a paper this coloured is flattened too
DARK_LEVEL = 90  # an area darker than this (after a median over text-sized blocks) is a dark band
DARK_MIN_INCH = 0.35  # ... at least this tall and 1.5 times as wide, in inches
FAINT_CONTRAST = 90  # print at most this many grey levels under its paper is faint (a carbon copy: 45-50;
# a noisy 150 dpi scan of black print: 115-125)
FAINT_MIN_INK = 0.004  # ... on a page with at least this share of ink-like pixels (not a blank page)
RULE_INCH = 0.45  # a straight run of ink this long (in inches) is a rule, not a letter
WATERMARK_STROKE_INCH = 0.035  # grey strokes at least this broad (a 9 pt letter's are under half of it)
STAIN_LEVEL = 100  # print darker than this is kept whatever its colour
STAIN_CHROMA = 30  # grey levels between a pixel's channels: lighter pixels this coloured are a stain


@dataclass
class Cleaned:
    ocr: Image.Image  # what tesseract reads
    revealed: Image.Image  # steps that only reveal print (paper, dark bands, faint print): for unread ink
    steps: list[str] = field(default_factory=list)
    plain: Image.Image | None = None  # the page as drawn, specks only filtered: read too when a step changed it
    colour: Image.Image | None = None  # the page in colour: its planes read too when the grey reading is weak
    dpi: float = 300  # the picture's pixels per inch (to clean a colour plane as the page was cleaned)


def clean_for_ocr(picture: Image.Image, dpi: float = 300) -> Cleaned:
    """``picture`` (any mode) cleaned for OCR; ``dpi``: its pixels per inch. Grey ("L") out."""
    steps: list[str] = []
    grey, changed = flatten_paper(picture)
    if changed:
        steps.append("paper")
    grey = grey.filter(ImageFilter.MedianFilter(3))  # a scanner's dust and toner specks
    grey, changed = invert_dark_areas(grey, dpi)
    if changed:
        steps.append("dark-bands")
    revealed = grey
    grey, changed = sharpen_faint(grey, dpi)
    if changed:
        steps.append("faint")
    grey, changed = without_rules(grey, dpi)
    if changed:
        steps.append("rules")
    grey, changed = without_watermark(grey, dpi)
    if changed:
        steps.append("watermark")
    grey, changed = without_stains(picture, grey) if picture.size == grey.size else (grey, False)
    if changed:
        steps.append("stains")
    return Cleaned(grey, revealed, steps)


def _paper_level(channel: np.ndarray) -> np.ndarray:
    """The paper's local level under each pixel: the brightest pixels around (a max filter on a small copy,
    wider than a line of print) blurred back to full size."""
    h, w = channel.shape
    return np.asarray(_small_paper(Image.fromarray(channel)).resize((w, h), Image.BILINEAR), dtype=np.float32)


def _small_paper(channel: Image.Image) -> Image.Image:
    w, h = channel.size
    small = channel.resize((max(1, w // _TILE), max(1, h // _TILE)), Image.BOX)
    return small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.GaussianBlur(3))


def flatten_paper(picture: Image.Image) -> tuple[Image.Image, bool]:
    """Grey picture with the paper made white when the paper is coloured or uneven; else plain grey."""
    grey = picture.convert("L")
    w, h = grey.size
    paper = np.asarray(_small_paper(grey), dtype=np.float32)
    lo, hi = np.percentile(paper, 2), np.percentile(paper, 98)
    coloured = False
    if picture.mode not in ("L", "1", "LA"):
        small = np.asarray(picture.convert("RGB").resize((max(1, w // _TILE), max(1, h // _TILE)), Image.BOX),
                           dtype=np.int16)
        coloured = float(np.median(small.max(axis=2) - small.min(axis=2))) >= COLOUR_SPREAD
    if hi <= 0 or (lo >= UNEVEN_PAPER * hi and not coloured):
        return grey, False
    if not coloured:
        g = np.asarray(grey, dtype=np.float32)
        flat = np.clip(g / np.maximum(_paper_level(np.asarray(grey)), 1.0) * 255.0, 0, 255)
    else:
        rgb = picture.convert("RGB")
        flat = np.zeros((h, w), dtype=np.float32)
        for c, weight in enumerate((0.299, 0.587, 0.114)):
            ch = np.asarray(rgb.getchannel(c))
            flat += weight * np.clip(ch.astype(np.float32) / np.maximum(_paper_level(ch), 1.0), 0, 1)
        flat *= 255.0
    return Image.fromarray(flat.astype(np.uint8)), True


def dark_areas(grey: Image.Image, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of large dark areas: dark after a median over blocks a letter wide (light letters
    inside them vanish), at least ``DARK_MIN_INCH`` tall and wider than tall."""
    w, h = grey.size
    small = grey.resize((max(1, w // _TILE), max(1, h // _TILE)), Image.BOX).filter(ImageFilter.MedianFilter(5))
    dark = np.asarray(small) < DARK_LEVEL
    min_side = DARK_MIN_INCH * dpi / _TILE
    out = []
    for x0, y0, x1, y1 in _components(dark):
        if y1 - y0 >= min_side and x1 - x0 >= 1.5 * min_side:
            out.append((x0 * _TILE, y0 * _TILE, min(w, x1 * _TILE), min(h, y1 * _TILE)))
    return out


def invert_dark_areas(grey: Image.Image, dpi: float) -> tuple[Image.Image, bool]:
    boxes = dark_areas(grey, dpi)
    if not boxes:
        return grey, False
    a = np.asarray(grey).copy()
    for x0, y0, x1, y1 in boxes:
        a[y0:y1, x0:x1] = 255 - a[y0:y1, x0:x1]
    return Image.fromarray(a), True


def _components(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1; exclusive ends) of the 4-connected True regions of a small mask."""
    h, w = mask.shape
    seen = np.zeros_like(mask, dtype=bool)
    boxes = []
    for y, x in zip(*np.nonzero(mask)):
        if seen[y, x]:
            continue
        stack = [(y, x)]
        seen[y, x] = True
        x0, y0, x1, y1 = x, y, x, y
        while stack:
            cy, cx = stack.pop()
            x0, y0, x1, y1 = min(x0, cx), min(y0, cy), max(x1, cx), max(y1, cy)
            for ny, nx in ((cy - 1, cx), (cy + 1, cx), (cy, cx - 1), (cy, cx + 1)):
                if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        boxes.append((int(x0), int(y0), int(x1) + 1, int(y1) + 1))
    return boxes


def _local_mean(a: np.ndarray, radius: int) -> np.ndarray:
    """The mean of each pixel's (2 * radius + 1)-square neighbourhood (an integral image; edges clamped)."""
    pad = np.pad(a.astype(np.float64), radius + 1, mode="edge")
    s = pad.cumsum(0).cumsum(1)
    k = 2 * radius + 1
    total = s[k:, k:] - s[:-k, k:] - s[k:, :-k] + s[:-k, :-k]
    h, w = a.shape
    return (total / (k * k))[:h, :w]


def sharpen_faint(grey: Image.Image, dpi: float) -> tuple[Image.Image, bool]:
    """A page of faint print cut to black and white against its local mean; other pages as they are."""
    a = np.asarray(grey)
    paper = float(np.percentile(a, 90))
    ink = float(np.percentile(a, 0.5))
    if paper - ink > FAINT_CONTRAST or paper - ink < 25:  # dark enough print, or nothing on the page
        return grey, False
    contrast = paper - ink
    if float((a < paper - contrast / 2).mean()) < FAINT_MIN_INK:
        return grey, False
    radius = max(4, int(round(dpi / 12)))  # a sixth of an inch across: a few letters
    mean = _local_mean(a, radius)
    out = np.where(a < mean - max(6.0, 0.18 * contrast), 0, 255).astype(np.uint8)
    return Image.fromarray(out).filter(ImageFilter.MedianFilter(3)), True


def _runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """True where the pixel lies in a straight run of True at least ``length`` long along ``axis``."""
    m = mask if axis == 1 else mask.T
    h, w = m.shape
    if length > w:
        return np.zeros_like(mask)
    c = np.zeros((h, w + 1), dtype=np.int16)
    np.cumsum(m, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # windows [i, i + length) all True
    out = np.zeros((h, w), dtype=np.int16)
    d = np.zeros((h, w + 1), dtype=np.int16)
    d[:, : w - length + 1] += full
    d[:, length: w + 1] -= full
    np.cumsum(d[:, :w], axis=1, out=out)
    res = out > 0
    return res if axis == 1 else res.T


def rules_mask(grey: Image.Image, dpi: float) -> np.ndarray:
    """True on the pixels of long straight lines of ink (a rule or a box's side), widened by a pixel."""
    w, h = grey.size
    a = np.asarray(grey.resize((max(1, w // 2), max(1, h // 2)), Image.BOX))  # found at half size (cheaper)
    ink = a < 160  # a one-pixel rule averages to mid-grey at half size: still ink
    dpi = dpi / 2
    length = max(10, int(RULE_INCH * dpi))
    lines = _runs(ink, length, 1) | _runs(ink, length, 0)
    if not lines.any():
        return np.zeros((h, w), dtype=bool)
    # a box's short sides: vertical runs between two rules, at least half a box tall
    short = _runs(ink, max(5, int(0.12 * dpi)), 0) & ~lines
    if short.any():
        lines |= _between_rules(short, lines, dpi)
    full = np.asarray(Image.fromarray((lines * 255).astype(np.uint8)).resize((w, h), Image.NEAREST)) > 0
    lines = full & (np.asarray(grey) < 200)  # only the rule's own pixels
    grown = lines.copy()
    grown[1:, :] |= lines[:-1, :]
    grown[:-1, :] |= lines[1:, :]
    grown[:, 1:] |= lines[:, :-1]
    grown[:, :-1] |= lines[:, 1:]
    return grown


def _between_rules(short: np.ndarray, lines: np.ndarray, dpi: float) -> np.ndarray:
    """The vertical runs of ``short`` whose top and bottom each meet a horizontal rule (a box's sides)."""
    reach = max(2, int(0.01 * dpi))
    h, w = short.shape
    out = np.zeros_like(short)
    cols = np.nonzero(short.any(axis=0))[0]
    for x in cols:
        col = short[:, x]
        edges = np.diff(np.concatenate(([0], col.astype(np.int8), [0])))
        for top, bottom in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]):
            x0, x1 = max(0, x - reach), min(w, x + reach + 1)
            above = lines[max(0, top - reach): top + reach + 1, x0:x1].any()
            below = lines[max(0, bottom - reach - 1): min(h, bottom + reach), x0:x1].any()
            if above and below:
                out[top:bottom, x] = True
    return out


def without_rules(grey: Image.Image, dpi: float) -> tuple[Image.Image, bool]:
    mask = rules_mask(grey, dpi)
    if not mask.any():
        return grey, False
    a = np.asarray(grey).copy()
    a[mask] = 255
    return Image.fromarray(a), True


def without_watermark(grey: Image.Image, dpi: float) -> tuple[Image.Image, bool]:
    """Broad mid-grey strokes whitened on a page that has dark print; dark print over them is kept. A
    stroke is broad when, away from dark print, blocks of 4 by 4 pixels wholly mid-grey fill a square
    ``WATERMARK_STROKE_INCH`` across (an opening, on the copy a quarter the size the blocks make)."""
    a = np.asarray(grey)
    dark = a < 110
    if dark.mean() < 0.002:  # no dark print to tell a grey mark from: nothing is removed
        return grey, False
    h, w = a.shape
    half = np.asarray(grey.resize((max(1, w // 2), max(1, h // 2)), Image.BOX))  # found at half size (cheaper)
    near_dark = np.asarray(Image.fromarray(((half < 110) * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(3))) > 0
    mid = (half >= 110) & (half < 225) & ~near_dark
    blocks = Image.fromarray((mid * 255).astype(np.uint8)).resize((max(1, w // 4), max(1, h // 4)), Image.BOX)
    side = max(2, int(round(WATERMARK_STROKE_INCH * dpi / 4)))
    broad = _runs(_runs(np.asarray(blocks) >= 250, side, 1), side, 0)  # only broad strokes are left
    if broad.mean() < 0.0005:
        return grey, False
    core = np.asarray(Image.fromarray((broad * 255).astype(np.uint8)).resize((w, h), Image.NEAREST)) > 0
    grown = Image.fromarray((broad * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(5))
    broad = np.asarray(grown.resize((w, h), Image.NEAREST)) > 0
    # the mark's own level, and the print's: under the mark, what is nearer the mark's level than the
    # print's is the mark (a JPEG's ringing darkens it beside letters), the rest is print
    mark = float(np.median(a[core & ~dark])) if (core & ~dark).any() else 200.0
    ink = float(np.percentile(a[dark], 20))
    out = a.copy()
    out[broad & (a > (mark + ink) / 2)] = 255
    return Image.fromarray(out), True


def without_stains(picture: Image.Image, grey: Image.Image) -> tuple[Image.Image, bool]:
    """On a colour page printed in neutral (black or grey) ink, light coloured marks (a coffee ring, a
    highlighter, a coloured paper's mottle) are lightened by their colour; print darker than
    ``STAIN_LEVEL`` is kept whatever its colour (a blue pen, a red stamp)."""
    if picture.mode in ("L", "1", "LA", "I", "F"):
        return grey, False
    w, h = picture.size
    small = np.asarray(picture.convert("RGB").resize((max(1, w // _TILE), max(1, h // _TILE)), Image.BOX),
                       dtype=np.int16)
    if not ((small.max(axis=2) - small.min(axis=2)) >= STAIN_CHROMA).any():  # no colour on the page: done
        return grey, False
    rgb = np.asarray(picture.convert("RGB"), dtype=np.int16)
    chroma = rgb.max(axis=2) - rgb.min(axis=2)
    g = np.asarray(grey, dtype=np.int16)
    ink = g < STAIN_LEVEL
    if ink.mean() < 0.001 or float((chroma[ink] < STAIN_CHROMA).mean()) < 0.8:  # the print itself is coloured
        return grey, False
    stain = (chroma >= STAIN_CHROMA) & ~ink
    if stain.mean() < 0.001:
        return grey, False
    out = np.where(stain, np.minimum(255, g + 2 * chroma), g).astype(np.uint8)
    return Image.fromarray(out), True
