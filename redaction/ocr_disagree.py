"""Two readings of the weak lines: where a line was read with low confidence, it is read a second, cheap,
different way, and where the two readings disagree on a token that could be personal data, neither is
trusted — the region goes to the officer.

The second reading: every weak line of a picture (a word read under ``ocr_tesseract.WEAK_WORD``) that holds
a token that could be personal data (a digit, an "@", a capitalised word) is cut out, enlarged twice and
binarised at its own threshold (Otsu's) — a different scale and binarisation from the first reading — and
the cut lines are stacked into one small picture read once as a block (``--psm 6``): one more tesseract per
picture, and only for pictures with such lines.

Two readings disagree on a line when, their letters compared (case, punctuation and spacing aside, letters
OCR confuses with digits folded together), a difference touches a token of either reading that could be
personal data. A line the second reading cannot read at all (under half its letters) is no second opinion
and is left to the first reading's own checks.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

from .ocr_tesseract import PixelWord, WEAK_WORD, read_words

_SCALE = 2  # the second reading's enlargement
_GAP = 60  # white rows between two stacked lines, in enlarged pixels
_MARGIN = 0.3  # a line's cut is padded by this share of its height
MAX_LINES = 30  # weak lines read again per picture (the rest keep the first reading's checks)
MAX_SHEET_PIXELS = 16_000_000  # the stacked sheet stays within a page's pixel budget (scan_pages)
_FOLD = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                       "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2"})


@dataclass(frozen=True)
class Disagreement:
    box: tuple[int, int, int, int]  # pixels of the picture: the first reading's words that differ
    first: str  # what each reading read there
    second: str
    conf: float  # the lowest confidence of the first reading's words there (0..100)


def could_be_personal(token: str) -> bool:
    return any(c.isdigit() or c == "@" for c in token) or token[:1].isupper()


def weak_lines(words: list[PixelWord]) -> list[list[PixelWord]]:
    lines: dict[int, list[PixelWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return [line for line in lines.values()
            if any(w.conf < WEAK_WORD for w in line) and any(could_be_personal(w.text) for w in line)]


def disagreements(exe: str, picture: Image.Image, words: list[PixelWord], dpi: float) -> list[Disagreement]:
    """Where a second reading of ``picture``'s weak lines disagrees with ``words`` (the first reading, in
    ``picture``'s pixels) on a token that could be personal data. Tesseract failing: no second opinion."""
    lines = weak_lines(words)[:MAX_LINES]
    if not lines:
        return []
    grey = picture.convert("L")
    second = read_cuts(exe, [_line_alone(grey, line) for line in lines], dpi)
    if second is None:
        return []
    out = []
    for line, band in zip(lines, second):
        found = compare(line, [w.text for w in sorted(band, key=lambda w: w.box[0])])
        if found is not None:
            out.append(found)
    return out


def read_cuts(exe: str, cuts: list[tuple[tuple[int, int], Image.Image]], dpi: float) -> list[list[PixelWord]] | None:
    """``cuts``: pieces of a picture, each with its top-left corner in the picture. Each is binarised at its
    own threshold and enlarged, and all are stacked into one sheet read once as a block (``--psm 6``).
    Returns, per cut, the words read in it with their boxes in the picture's pixels; None when tesseract
    fails."""
    scaled, tops, y = [], [], _GAP
    for _, cut in cuts:
        if (y + cut.height * _SCALE + _GAP) * (cut.width * _SCALE + 2 * _GAP) > MAX_SHEET_PIXELS:
            break  # the pixel budget: the cuts left get no second reading (their first reading's checks stand)
        big = binarised(cut).resize((cut.width * _SCALE, cut.height * _SCALE), Image.LANCZOS)
        scaled.append(big)
        tops.append(y)
        y += big.height + _GAP
    if not scaled:
        return [[] for _ in cuts]
    sheet = Image.new("L", (max(c.width for c in scaled) + 2 * _GAP, y), 255)
    for big, top in zip(scaled, tops):
        sheet.paste(big, (_GAP, top))
    read = read_words(exe, sheet, int(dpi * _SCALE), psm=6)
    if read is None:
        return None
    out: list[list[PixelWord]] = []
    for ((left, top_px), _), big, top in zip(cuts, scaled, tops):
        band = [w for w in read if top <= (w.box[1] + w.box[3]) / 2 < top + big.height]
        out.append([replace(w, box=(left + (w.box[0] - _GAP) // _SCALE, top_px + (w.box[1] - top) // _SCALE,
                                    left + -(-(w.box[2] - _GAP) // _SCALE), top_px + -(-(w.box[3] - top) // _SCALE)))
                    for w in band])
    return out + [[] for _ in cuts[len(scaled):]]


def reread(exe: str, picture: Image.Image, regions: list[tuple[int, int, int, int]], dpi: float) -> list[PixelWord]:
    """The ``regions`` of ``picture`` (ink no word covers) read alone, each at its own threshold (a line in
    mid grey among black ones is paper to tesseract's threshold for the whole picture): the words read, in
    the picture's pixels, each region's lines numbered apart from each other. Tesseract failing: none."""
    grey = picture.convert("L")
    cuts = []
    for x0, y0, x1, y1 in regions[:MAX_LINES]:
        pad = max(4, (y1 - y0) // 3)
        box = (max(0, x0 - pad), max(0, y0 - pad), min(grey.width, x1 + pad), min(grey.height, y1 + pad))
        cuts.append(((box[0], box[1]), grey.crop(box)))
    if not cuts:
        return []
    read = read_cuts(exe, cuts, dpi)
    if read is None:
        return []
    numbers: dict[tuple[int, int], int] = {}
    return [replace(w, line=numbers.setdefault((i, w.line), _REREAD_LINE + len(numbers)))
            for i, words in enumerate(read) for w in words]


_REREAD_LINE = 997_000_000  # line numbers of re-read regions (apart from tesseract's and look_again's)


def compare(line: list[PixelWord], second: list[str]) -> Disagreement | None:
    """The first reading's ``line`` against the second reading's tokens of the same line."""
    first_text, owner = "", []
    for i, w in enumerate(line):
        folded = _fold(w.text)
        first_text += folded
        owner += [i] * len(folded)
    second_folded = [_fold(t) for t in second]
    second_text = "".join(second_folded)
    if len(second_text) < 0.5 * len(first_text) or not first_text:
        return None
    second_owner = [i for i, t in enumerate(second_folded) for _ in t]
    differ_first, differ_second = set(), set()
    matcher = difflib.SequenceMatcher(None, first_text, second_text, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        differ_first |= {owner[min(a, len(owner) - 1)] for a in range(a0, max(a1, a0 + 1))}
        differ_second |= {second_owner[min(b, len(second_owner) - 1)] for b in range(b0, max(b1, b0 + 1))}
    risky_first = [i for i in sorted(differ_first) if could_be_personal(line[i].text)]
    risky_second = [i for i in sorted(differ_second) if could_be_personal(second[i])]
    if not risky_first and not risky_second:
        return None
    at = sorted(differ_first) or [0]
    chosen = [line[i] for i in range(min(at), max(at) + 1)]
    box = (min(w.box[0] for w in chosen), min(w.box[1] for w in chosen), max(w.box[2] for w in chosen),
           max(w.box[3] for w in chosen))
    return Disagreement(box, " ".join(w.text for w in chosen),
                        " ".join(second[i] for i in sorted(differ_second)), min(w.conf for w in chosen))


def _line_alone(grey: Image.Image, line: list[PixelWord]) -> tuple[tuple[int, int], Image.Image]:
    """The line's stretch of the picture with only its own words' pixels (each word's box padded a little):
    the lines above and below, which a skewed line's stretch reaches into, are left white."""
    x0, y0, x1, y1 = _span(line)
    pad = max(2, int(min(w.box[3] - w.box[1] for w in line) * _MARGIN))
    left, top = max(0, x0 - pad), max(0, y0 - pad)
    cut = Image.new("L", (min(grey.width, x1 + pad) - left, min(grey.height, y1 + pad) - top), 255)
    for w in line:
        box = (max(0, w.box[0] - pad), max(0, w.box[1] - pad), min(grey.width, w.box[2] + pad),
               min(grey.height, w.box[3] + pad))
        cut.paste(grey.crop(box), (box[0] - left, box[1] - top))
    return (left, top), cut


def binarised(picture: Image.Image) -> Image.Image:
    """Black and white at the picture's own Otsu threshold."""
    grey = np.asarray(picture.convert("L"))
    counts = np.bincount(grey.ravel(), minlength=256).astype(float)
    total, levels = counts.sum(), np.arange(256)
    w0 = np.cumsum(counts)
    m0 = np.cumsum(counts * levels)
    w1 = total - w0
    between = (m0[-1] * w0 / total - m0) ** 2 / np.where(w0 * w1 > 0, w0 * w1 / total, np.inf)
    threshold = int(np.argmax(between))
    return Image.fromarray(((grey > threshold) * 255).astype("uint8"))


def _fold(token: str) -> str:
    return "".join(c for c in token.translate(_FOLD).casefold() if c.isalnum() or c == "@")


def _span(line: list[PixelWord]) -> tuple[int, int, int, int]:
    return (min(w.box[0] for w in line), min(w.box[1] for w in line), max(w.box[2] for w in line),
            max(w.box[3] for w in line))
