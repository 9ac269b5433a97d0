"""A reading of a picture with what makes it doubtful: tesseract's words (``ocr_tesseract.best_reading``),
the text-like ink no adequately confident word covers (``ink_regions``), and the weak lines a second,
different reading reads otherwise on a token that could be personal data (``ocr_disagree``).

Both looks are made in the orientation the words were read in (a page scanned on its side is looked at
upright), and their boxes are returned in the unturned picture's pixels, as the words' are.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .ink_regions import ADEQUATE_CONFIDENCE, PixelBox, ink_mask, unread_ink
from .ocr_disagree import Disagreement, disagreements, reread
from .ocr_tesseract import PixelWord, best_reading, letters_and_digits, merge_lines, unturn, words_by_line


@dataclass
class CheckedReading:
    words: list[PixelWord]
    unread: list[PixelBox] = field(default_factory=list)  # text-like ink no word read covers
    disagree: list[Disagreement] = field(default_factory=list)  # weak lines two readings read otherwise


def checked_reading(exe: str, picture, first_angle: int = 0, dpi: int = 300,
                    second_look: bool = False) -> CheckedReading | None:
    """``best_reading`` of ``picture`` with its doubts; None when tesseract fails."""
    words = best_reading(exe, picture, first_angle, dpi, second_look=second_look)
    return None if words is None else with_doubts(exe, picture, words, first_angle, dpi)


def with_doubts(exe: str, picture, words: list[PixelWord], first_angle: int = 0, dpi: int = 300) -> CheckedReading:
    """``words`` (a reading of ``picture``, boxes in its pixels) with the ink they leave unread and the weak
    lines a second reading reads otherwise."""
    angle = words[0].angle if words else first_angle % 360
    turned = picture.rotate(angle, expand=True) if angle else picture
    back = (360 - angle) % 360
    upright = [replace(w, box=unturn(w.box, back, turned.size)) if angle else w for w in words]
    unread = unread_ink(turned, [w.box for w in upright if w.conf >= ADEQUATE_CONFIDENCE], dpi)
    if unread:  # read each region alone, at its own threshold; a confident line it gives joins the reading
        again = reread(exe, turned, [r.box for r in unread], dpi)
        if again:
            upright = merge_lines(upright, [again], first_added=_RECOVERED_LINE)
            unread = unread_ink(turned, [w.box for w in upright if w.conf >= ADEQUATE_CONFIDENCE], dpi)
    differ = disagreements(exe, turned, upright, dpi)
    boxes = [r.box for r in unread] + turned_line_rests(turned, upright)
    if angle:
        return CheckedReading([replace(w, box=unturn(w.box, angle, picture.size), angle=angle) for w in upright],
                              [unturn(b, angle, picture.size) for b in boxes],
                              [replace(d, box=unturn(d.box, angle, picture.size)) for d in differ])
    return CheckedReading(upright, boxes, differ)


# A line running up or down a margin (turned a quarter on an upright page) is read by tesseract as a line of
# tall, narrow words, until it meets the page's print: where it crosses the start of the body's lines the two
# are one tangle of ink, and tesseract stops (the line's end, a number, is never read). The unread ink of
# :mod:`.ink_regions` looks for lines of print lying level, and the body's words cover the tangle, so it does
# not see that rest either. So the strip of such a line is followed on from its last word while its ink goes
# on (gaps under the line's thickness: letters and word spaces), and what lies beyond is ink nobody read.
TURNED_WORD = 1.5  # a word of three letters or more this many times taller than wide was read turned
_MIN_TURNED_WORDS = 2  # ... and a line of at least two such words is a turned line


def turned_line_rests(picture, words: list[PixelWord]) -> list[PixelBox]:
    """Boxes of the ink that goes on along the strip of a turned line (a line read as tall, narrow words)
    past its last word, in the direction it was read, as far as that ink runs without a gap wider than the
    line is thick."""
    lines = [[w for w in line if _turned(w)] for line in words_by_line(words).values()]
    lines = [line for line in lines if len(line) >= _MIN_TURNED_WORDS]
    if not lines:
        return []
    import numpy as np

    ink = ink_mask(picture)
    height = ink.shape[0]
    out: list[PixelBox] = []
    for line in lines:
        x0, x1 = min(w.box[0] for w in line), max(w.box[2] for w in line)
        y0, y1 = min(w.box[1] for w in line), max(w.box[3] for w in line)
        thick = max(1, x1 - x0)
        rows = np.asarray(ink[:, x0:x1].any(axis=1))
        upward = line[0].box[1] > line[-1].box[1]  # read from the foot of the page up
        steps = range(y0 - 1, -1, -1) if upward else range(y1, height)
        last, gap = None, 0
        for y in steps:
            if rows[y]:
                last, gap = y, 0
            else:
                gap += 1
                if gap > thick:
                    break
        if last is None:
            continue
        top, bottom = (last, y0) if upward else (y1, last + 1)
        if bottom - top >= thick:  # at least a letter's worth of ink
            out.append((x0, top, x1, bottom))
    return out


def _turned(word: PixelWord) -> bool:
    x0, y0, x1, y1 = word.box
    return letters_and_digits(word) >= 3 and (y1 - y0) >= TURNED_WORD * max(1, x1 - x0)


_RECOVERED_LINE = 996_000_000  # line numbers of lines recovered from unread ink (apart from look_again's)
