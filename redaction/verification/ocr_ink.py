"""The verifier's own look at ink its reader cannot read (independent of the engine's ``ink_regions``: its own
threshold, and rows of ink by projection profile rather than connected regions).

A published picture that holds print OCR cannot read at all cannot be proved clean: a value nobody read is
a value nobody checked. So, in a part from which values were removed, each band of rows of print-like ink
with no word of the verifier's reading on it is read again alone (tesseract's layout analysis drops a line
with a redaction box in it as a picture; cut out alone, as one line, it is read) and what it reads is
checked with the rest; a band still unread fails ``ocr``.

Filled areas are not print: the verifier finds them itself (never from the engine's list of boxes), as the
ink that a ``_SOLID`` pixel square fits in everywhere (a morphological opening), and sets them aside with a
margin of ``_SOLID_MARGIN`` for their edges (blurred, skewed, JPEG-ringed, enlarged from 150 dpi). Without
this, on a redacted noisy scan each line with a redaction box in it was a band "unread": the box's edges
and the speckle beside it, the words beside it having been read.

Print-like: a band between ``_MIN_ROWS`` and ``_MAX_ROWS`` rows high (text at about 300 dpi), wider than
tall, with blank columns between its pieces (at least ``_MIN_PIECES``, and one every three band-heights),
neither solid (a redaction box, a bar) nor a hairline. A signature's scribble (one stroke, a few pen lifts)
is not print and never fails the check: a scribble cannot hold a value the matcher looks for, and refusing
every scan with a signature on it would make signed papers unpublishable. A signature written with many pen
lifts may read as print and refuse the part: the officer redacts it (fail closed).
"""

from __future__ import annotations

import numpy as np

_DELTA = 48  # grey levels under the paper's (its 95th percentile) make ink
_MIN_ROWS, _MAX_ROWS = 10, 130
_MIN_PIECES = 5
_PAD = 6  # pixels around each word's box
_SOLID = 21  # pixels: ink this thick every way (a k x k square all ink) is a filled area, not a stroke
_SOLID_MARGIN = 8  # pixels around a filled area also set aside (its blurred, skewed or JPEG-ringed edge)


def unread_print(picture, boxes: list[tuple[int, int, int, int]]) -> bool:
    """Whether ``picture`` (PIL) shows print-like ink that none of ``boxes`` (the words read, in pixels) covers."""
    return bool(unread_bands(picture, boxes))


def unread_bands(picture, boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The bands of rows of ``picture`` showing print-like ink none of ``boxes`` covers, as pixel boxes."""
    grey = np.asarray(picture.convert("L"), dtype=np.int16)
    paper = np.percentile(grey[::4, ::4], 95)
    ink = grey < paper - _DELTA
    ink &= ~filled_areas(ink)
    for x0, y0, x1, y1 in boxes:
        ink[max(0, y0 - _PAD):y1 + _PAD, max(0, x0 - _PAD):x1 + _PAD] = False
    rows = ink.sum(axis=1) >= 2
    out = []
    y = 0
    while y < len(rows):
        if not rows[y]:
            y += 1
            continue
        end = y
        while end < len(rows) and rows[end]:
            end += 1
        if _print_like(ink[y:end]):
            xs = np.flatnonzero(ink[y:end].any(axis=0))
            out.append((int(xs[0]), y, int(xs[-1]) + 1, end))
        y = end
    return out


def filled_areas(ink: np.ndarray) -> np.ndarray:
    """The pixels of ``ink`` in or beside a filled area (a redaction box, a bar, a blot): the morphological
    opening of the ink by a ``_SOLID`` square (every square of that side that is all ink), widened by
    ``_SOLID_MARGIN``. Strokes of print up to 20-point bold are thinner and are never in one."""
    core = _window_all(ink, _SOLID)
    return _window_any(core, _SOLID + 2 * _SOLID_MARGIN)


def _window_sums(mask: np.ndarray, k: int) -> np.ndarray:
    """For each pixel, how many pixels of ``mask`` lie in the ``k`` x ``k`` square centred on it."""
    before = k // 2
    padded = np.pad(mask, ((before, k - 1 - before), (before, k - 1 - before)))
    table = np.zeros((padded.shape[0] + 1, padded.shape[1] + 1), dtype=np.int32)
    table[1:, 1:] = padded.cumsum(axis=0, dtype=np.int32).cumsum(axis=1, dtype=np.int32)
    return table[k:, k:] - table[:-k, k:] - table[k:, :-k] + table[:-k, :-k]


def _window_all(mask: np.ndarray, k: int) -> np.ndarray:
    """The pixels whose ``k`` x ``k`` square (whole, inside the picture) is all ``mask``."""
    return _window_sums(mask, k) == k * k


def _window_any(mask: np.ndarray, k: int) -> np.ndarray:
    """The pixels whose ``k`` x ``k`` square holds a pixel of ``mask`` (a dilation by that square)."""
    return _window_sums(mask, k) > 0


def _print_like(band: np.ndarray) -> bool:
    h = band.shape[0]
    if not _MIN_ROWS <= h <= _MAX_ROWS:
        return False
    columns = band.any(axis=0)
    xs = np.flatnonzero(columns)
    width = int(xs[-1] - xs[0] + 1)
    if width < 1.5 * h:
        return False
    inked = columns[xs[0]:xs[-1] + 1].astype(np.int8)
    pieces = int(((inked[1:] == 1) & (inked[:-1] == 0)).sum()) + 1
    density = float(band[:, xs[0]:xs[-1] + 1].mean())
    return pieces >= max(_MIN_PIECES, width / (3 * h)) and 0.05 <= density <= 0.7
