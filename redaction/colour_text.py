"""Print that differs from its background in colour rather than lightness, read by OCR in the colour plane that
shows it.

Tesseract reads a grey picture, and the usual grey (luminance: 0.299 R + 0.587 G + 0.114 B) can all but erase
print whose contrast is in hue: red on green, where both have about the same lightness; yellow on white; a
faint blue-violet entry on a carbonless copy whose red pre-printed form is far darker than it in grey, so the
entries read as noise beside the form. Another projection of the colours shows such print better: in the
brightest channel (the red one there) the red form is as light as the blue entries are dark; yellow on white is
dark in the darkest channel; red on green lies apart along the second principal component of the page's
colours (the first is its lightness).

So a colour picture (not grey: some of it coloured, :func:`is_colour`) whose grey reading is weak (lines read
with a weak word, or a low mean confidence: :func:`weak_reading`), or one whose print is mostly coloured (:func:`coloured_print`: a
reading of red on green can be confident and whole and still not hold the red print), is read again in four
other projections of its colours (:func:`planes`): each pixel's brightest channel, its darkest, and the
picture's colours along their first and second principal components. The reading with the most letters and digits read confidently is taken
(``ocr_tesseract.letters_read_well``, as for a page turned off level), then each weak line of it is replaced
by the most confident reading of the same stretch in the others, and a confident line only another reading
found is added (``ocr_tesseract.merge_lines``: print that one plane shows and another hides lies in different
places of one picture, say a slide with red on green beside yellow on white). The result is kept only when it
reads more letters well than the grey reading; otherwise the grey reading stands. Readings in another
orientation than the grey one are set aside (their boxes would not line up). Cost: four more readings, only
for colour pictures read weakly or printed in colour; any other picture costs a look at a small copy.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image, ImageFilter

from .ocr_tesseract import (WEAK_WORD, PixelWord, letters_and_digits, letters_read_well,
                            mean_confidence, merge_lines, words_by_line)

COLOURED_SPREAD = 40  # grey levels between a pixel's channels: a pixel this coloured is colour (cream paper: ~20)
COLOURED_SHARE = 0.01  # ... a picture with at least this share of such pixels (on a small copy) is colour
WEAK_LINES = 0.10  # a reading with at least this share of its lines holding a weak word is weak
WEAK_MEAN = 85.0  # ... or whose mean word confidence is under this
INK_DEPTH = 40  # grey levels under the paper around, in the darkest channel: ink (on the small copy)
INK_CHROMA = 60  # grey levels between an ink pixel's channels: coloured ink
COLOURED_INK = 0.4  # ... this share of the ink coloured: the page's print is coloured
_SMALL = 3  # colour is looked at on a copy this many times smaller


def is_colour(picture: Image.Image) -> bool:
    """Whether ``picture`` holds colour (not only greys and a tinted paper): at least ``COLOURED_SHARE`` of a
    small copy's pixels with ``COLOURED_SPREAD`` grey levels or more between their channels."""
    if picture.mode not in ("RGB", "RGBA", "CMYK", "P", "YCbCr", "LAB", "HSV"):
        return False
    w, h = picture.size
    small = np.asarray(picture.convert("RGB").resize((max(1, w // _SMALL), max(1, h // _SMALL)), Image.BOX),
                       dtype=np.int16)
    spread = small.max(axis=2) - small.min(axis=2)
    return float((spread >= COLOURED_SPREAD).mean()) >= COLOURED_SHARE


def weak_reading(words: list[PixelWord]) -> bool:
    """A reading that may have lost print: nothing read, a mean confidence under ``WEAK_MEAN``, or at least
    ``WEAK_LINES`` of its lines holding a word of three letters or digits read under ``WEAK_WORD``."""
    real = [w for w in words if letters_and_digits(w) >= 2]
    if not real:
        return True
    if mean_confidence(real) < WEAK_MEAN:
        return True
    lines = list(words_by_line(real).values())
    weak = sum(any(letters_and_digits(w) >= 3 and w.conf < WEAK_WORD for w in line) for line in lines)
    return weak >= WEAK_LINES * len(lines)


def coloured_print(picture: Image.Image) -> bool:
    """Whether much of the print is coloured: of a small copy's ink (pixels whose darkest channel lies
    ``INK_DEPTH`` grey levels or more under the brightest such value within 9 pixels), at least
    ``COLOURED_INK`` with ``INK_CHROMA`` grey levels or more between their channels (blue entries on a red
    form, a green panel holding red print on a white page; black print with a red stamp or a logo is mostly
    not). Red print on a green page and nothing else has no such ink: its grey reading reads nothing, which is
    weak (:func:`weak_reading`)."""
    w, h = picture.size
    small = np.asarray(picture.convert("RGB").resize((max(1, w // _SMALL), max(1, h // _SMALL)), Image.BOX),
                       dtype=np.int16)
    darkest = small.min(axis=2)
    paper = np.asarray(Image.fromarray(darkest.astype(np.uint8)).filter(ImageFilter.MaxFilter(9)), dtype=np.int16)
    ink = darkest <= paper - INK_DEPTH
    if not ink.any():
        return False
    return float(((small.max(axis=2) - darkest)[ink] >= INK_CHROMA).mean()) >= COLOURED_INK


def planes(picture: Image.Image) -> list[Image.Image]:
    """Grey pictures of ``picture`` that can show print grey hides: each pixel's brightest channel (print of
    any colour on a red or a pink paper: the red plane there), its darkest channel (yellow print on white),
    then its colours along their first and second principal components (:func:`components`)."""
    rgb = picture.convert("RGB")
    a = np.asarray(rgb)
    return [Image.fromarray(a.max(axis=2)), Image.fromarray(a.min(axis=2))] + components(rgb)


def components(rgb: Image.Image) -> list[Image.Image]:
    """The picture's colours projected on their first and second principal components (the directions in
    which its colours differ most, then most across the first: lightness, then, say, red against green), each
    stretched to the full grey range (0.5th to 99.5th percentile) and turned so that most of the picture (its
    paper) is light."""
    a = np.asarray(rgb, dtype=np.float32)
    sample = a.reshape(-1, 3)[:: max(1, a.shape[0] * a.shape[1] // 200_000)]
    mean = sample.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov((sample - mean).T))
    out = []
    for k in (2, 1):  # eigh sorts by size: the last is the first component
        p = (a - mean) @ vectors[:, k]
        lo, hi = np.percentile(p[:: 7, :: 7], (0.5, 99.5))
        if hi - lo < 1.0:
            continue
        g = np.clip((p - lo) / (hi - lo) * 255, 0, 255)
        if np.median(g[:: 7, :: 7]) < 128:
            g = 255 - g
        out.append(Image.fromarray(g.astype(np.uint8)))
    return out


def read_in_colour(picture: Image.Image, words: list[PixelWord],
                   read: Callable[[Image.Image], list[PixelWord] | None]) -> list[PixelWord]:
    """``words`` (the grey reading of ``picture``), or, for a colour picture read weakly, the better reading
    its colour planes give (module docstring). ``read``: reads one grey plane the way the grey picture was
    read (cleaning, orientation), boxes in the plane's pixels (the picture's); None when tesseract fails,
    which keeps the grey reading."""
    if not is_colour(picture) or not (weak_reading(words) or coloured_print(picture)):
        return words
    angle = words[0].angle if words else None
    readings = []
    for plane in planes(picture):
        got = read(plane)
        if got is None:
            return words
        if got and (angle is None or all(w.angle == angle for w in got)):
            readings.append(got)
    if not readings:
        return words
    best = max(readings, key=letters_read_well)
    others = [r for r in readings if r is not best]
    merged = merge_lines(best, others)
    if letters_read_well(merged) <= letters_read_well(words):
        return words
    return merged

