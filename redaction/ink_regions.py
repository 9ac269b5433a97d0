"""Ink without words: the lines of ink in a picture that no word OCR read covers — an independent look at the
pixels, by geometry alone (numpy), that does not trust tesseract's layout analysis.

Tesseract may drop a whole line (very light grey, tiny, or lost by its layout analysis on a skewed page): a
value never read is never proposed, and the verifier cannot miss what nobody found. So each picture read is
also looked at without OCR:

1. *ink*: a pixel darker by ``INK_DELTA`` grey levels than the paper around it (the paper's level measured
   locally, so a photo's uneven light is not ink and light grey print is);
2. *read*: the ink under each word OCR read with at least ``ADEQUATE_CONFIDENCE`` (its box padded a little),
   and under the page's own text layer, is taken out;
3. *lines*: what is left is joined along rows (letters and words of one line, gaps under a sixth of an inch)
   and cut into connected regions (runs of ink in consecutive rows that touch);
4. *text-like*: a region is a line of print when its height is that of text (``MIN_TEXT_PT`` to
   ``MAX_TEXT_PT``), it is wider than tall, holds several separate pieces (letters or words: columns of ink
   with blank columns between them, at least one every three line-heights) and is neither solid (a filled
   box, a bar) nor a hairline; a scribble (a signature: one long stroke, a few pen lifts) is not a line of
   print.

Each text-like region left is returned as a pixel box; the caller proposes it to the officer and asks for the
page to be checked (``image_pages``). Pure: no tesseract, no PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

PixelBox = tuple[int, int, int, int]  # left, top, right, bottom; row 0 at the top

INK_DELTA = 40  # grey levels under the paper's: light grey print (200 on 255) is ink, JPEG noise is not
ADEQUATE_CONFIDENCE = 35.0  # a word read with less does not vouch for its ink (the unclear-word threshold)
MIN_TEXT_PT, MAX_TEXT_PT = 2.5, 30.0  # a region's height in points: 4 pt print to 30 pt headings (+ skew)
MIN_PIECES = 4  # separate pieces of ink (letters, words) a region of print holds at least
MIN_DENSITY, MAX_DENSITY = 0.06, 0.75  # share of the region's box that is ink: not a hairline, not solid
_JOIN_INCH = 1 / 6  # gaps along a row shorter than this join letters and words into one region
_PAD = 0.25  # a word's box padded by this share of its height (anti-aliased edges, accents, descenders)
_PIECE_EVERY = 3.0  # print has a blank column at least every 3 line-heights (a scribble's stroke runs on)


@dataclass(frozen=True)
class InkRegion:
    box: PixelBox
    pieces: int
    density: float


def ink_mask(picture: Image.Image) -> np.ndarray:
    """Boolean array, True where the pixel is ink: darker than the local paper by ``INK_DELTA``."""
    grey = picture.convert("L")
    w, h = grey.size
    tile = 32
    small = grey.resize((max(1, w // tile), max(1, h // tile)), Image.BOX)
    from PIL import ImageFilter

    paper = small.filter(ImageFilter.MaxFilter(5)).resize((w, h), Image.BILINEAR)  # the paper's local level
    return np.asarray(grey, dtype=np.int16) < np.asarray(paper, dtype=np.int16) - INK_DELTA


def unread_ink(picture: Image.Image, read_boxes: list[PixelBox], dpi: float) -> list[InkRegion]:
    """Text-like regions of ``picture``'s ink that no box of ``read_boxes`` (the pixel boxes of the words OCR
    read with adequate confidence, and of the page's own text) covers. ``dpi``: the picture's resolution."""
    ink = ink_mask(picture)
    covered = np.zeros_like(ink)
    for x0, y0, x1, y1 in read_boxes:
        pad = max(2, int((y1 - y0) * _PAD))
        covered[max(0, y0 - pad):max(0, y1 + pad), max(0, x0 - pad):max(0, x1 + pad)] = True
    return text_like_regions(ink & ~covered, dpi)


def text_like_regions(ink: np.ndarray, dpi: float) -> list[InkRegion]:
    """The regions of ``ink`` (a boolean array) that look like lines of print, as pixel boxes."""
    if not ink.any():
        return []
    factor = max(1, int(round(dpi / 150)))  # read at about 150 dpi: plenty for the geometry, 4x fewer pixels
    small = _pooled(ink, factor)
    per_pt = dpi / 72 / factor
    joined = _joined_rows(small, max(1, int(dpi * _JOIN_INCH / factor)))
    out = []
    regions = _regions(joined)
    for x0, y0, x1, y1 in regions:
        h, w = y1 - y0, x1 - x0
        if not MIN_TEXT_PT <= h / per_pt <= MAX_TEXT_PT or w < 1.5 * h:
            continue
        own = small[y0:y1, x0:x1]
        density = float(own.mean())
        pieces = _pieces(own.any(axis=0))
        if pieces < max(MIN_PIECES, w / (_PIECE_EVERY * h)) or not MIN_DENSITY <= density <= MAX_DENSITY:
            continue
        out.append(InkRegion((x0 * factor, y0 * factor, x1 * factor, y1 * factor), pieces, round(density, 3)))
    return out


def _pooled(mask: np.ndarray, f: int) -> np.ndarray:
    if f == 1:
        return mask
    h, w = (mask.shape[0] // f) * f, (mask.shape[1] // f) * f
    return mask[:h, :w].reshape(h // f, f, w // f, f).any(axis=(1, 3))


def _joined_rows(mask: np.ndarray, gap: int) -> np.ndarray:
    """``mask`` with gaps along each row of at most ``gap`` pixels between two inked pixels filled."""
    cols = mask.shape[1]
    idx = np.arange(cols)
    last = np.where(mask, idx, -10**9)
    last = np.maximum.accumulate(last, axis=1)  # the last ink at or left of each pixel
    nxt = np.where(mask, idx, 10**9)
    nxt = np.minimum.accumulate(nxt[:, ::-1], axis=1)[:, ::-1]  # the next ink at or right of it
    return mask | ((nxt - last) <= gap + 1)


def _regions(mask: np.ndarray) -> list[PixelBox]:
    """Bounding boxes of the connected regions of ``mask`` (runs along rows that touch from row to row)."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    parent: list[int] = []
    boxes: list[list[int]] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: list[tuple[int, int, int]] = []
    for y in range(mask.shape[0]):
        row = edges[y]
        if not row.any():
            previous = []
            continue
        starts, ends = np.flatnonzero(row == 1), np.flatnonzero(row == -1)
        current = []
        j = 0
        for s, e in zip(starts.tolist(), ends.tolist()):
            label = len(parent)
            parent.append(label)
            boxes.append([s, y, e, y + 1])
            while j < len(previous) and previous[j][1] <= s:
                j += 1
            k = j
            while k < len(previous) and previous[k][0] < e:
                a, b = find(previous[k][2]), find(label)
                if a != b:
                    parent[b] = a
                k += 1
            current.append((s, e, label))
        previous = current
    merged: dict[int, list[int]] = {}
    for i, box in enumerate(boxes):
        root = find(i)
        if root in merged:
            m = merged[root]
            m[0], m[1], m[2], m[3] = min(m[0], box[0]), min(m[1], box[1]), max(m[2], box[2]), max(m[3], box[3])
        else:
            merged[root] = list(box)
    return [tuple(b) for b in merged.values()]  # type: ignore[misc]


def _pieces(columns: np.ndarray) -> int:
    """Runs of inked columns (letters and words side by side have blank columns between them)."""
    c = columns.astype(np.int8)
    return int(((c[1:] == 1) & (c[:-1] == 0)).sum() + (c[0] == 1))
