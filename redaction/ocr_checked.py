"""A reading of a picture with what makes it doubtful: tesseract's words (``ocr_tesseract.best_reading``),
the text-like ink no adequately confident word covers (``ink_regions``), and the weak lines a second,
different reading reads otherwise on a token that could be personal data (``ocr_disagree``).

Both looks are made in the orientation the words were read in (a page scanned on its side is looked at
upright), and their boxes are returned in the unturned picture's pixels, as the words' are.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .ink_regions import ADEQUATE_CONFIDENCE, PixelBox, unread_ink
from .ocr_disagree import Disagreement, disagreements, reread
from .ocr_tesseract import PixelWord, best_reading, merge_lines, unturn


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
    if angle:
        return CheckedReading([replace(w, box=unturn(w.box, angle, picture.size), angle=angle) for w in upright],
                              [unturn(r.box, angle, picture.size) for r in unread],
                              [replace(d, box=unturn(d.box, angle, picture.size)) for d in differ])
    return CheckedReading(upright, [r.box for r in unread], differ)


_RECOVERED_LINE = 996_000_000  # line numbers of lines recovered from unread ink (apart from look_again's)
