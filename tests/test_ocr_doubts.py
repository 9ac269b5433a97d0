"""Fail closed on pictures OCR may have misread: ink no word covers (a line tesseract dropped) and weak lines
two readings read otherwise are proposed to the officer, and unread ink makes the page one the officer
confirms (``image_pages``). Generated pictures; one test breaks the engine on purpose (OCR made to drop a
line) and shows the page is not published without the officer's confirmation.

Phone numbers: Ofcom drama ranges; people fictional."""

from __future__ import annotations

import io
import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from redaction.ink_regions import text_like_regions, unread_ink
from redaction.ocr_disagree import compare, disagreements
from redaction.ocr_tesseract import PixelWord

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 300
_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is installed by make test")


def _canvas(size=(2000, 400)) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    im = Image.new("L", size, 255)
    return im, ImageDraw.Draw(im)


def _print(points: float = 11, fill: int = 0, text: str = "Contact Ottilie Brackenbury on 0161 496 0734"):
    im, d = _canvas()
    d.text((60, 150), text, font=ImageFont.truetype(SANS, int(points * DPI / 72)), fill=fill)
    return im


def _scribble():
    im, d = _canvas()
    d.line([(80 + i * 14, 200 + (25 if i % 2 else -25)) for i in range(60)], fill=20, width=5)
    return im


def _bar():
    im, d = _canvas()
    d.rectangle((60, 150, 1500, 210), fill=0)
    return im


def _rule():
    im, d = _canvas()
    d.line((60, 200, 1800, 200), fill=0, width=3)
    return im


def _specks():
    im, _ = _canvas()
    rng = np.random.default_rng(7)
    a = np.asarray(im).copy()
    ys, xs = rng.integers(0, a.shape[0], 300), rng.integers(0, a.shape[1], 300)
    a[ys, xs] = 0
    return Image.fromarray(a)


@pytest.mark.parametrize("make, lines", [
    (lambda: _print(), 1),                  # a line of print
    (lambda: _print(points=5), 1),          # tiny print
    (lambda: _print(fill=200), 1),          # very light grey print
    (lambda: _print(fill=235), 0),          # too faint to be ink (as faint as a scanner's shading)
    (_scribble, 0),                         # a signature's scribble: one long stroke
    (_bar, 0),                              # a filled box
    (_rule, 0),                             # a rule
    (_specks, 0),                           # dust
    (lambda: _canvas()[0], 0),              # a blank picture
], ids=["print", "tiny", "light-grey", "faint", "scribble", "bar", "rule", "specks", "blank"])
def test_text_like_ink_is_told_from_other_marks(make, lines):
    from redaction.ink_regions import ink_mask

    assert len(text_like_regions(ink_mask(make()), DPI)) == lines


def test_ink_under_words_read_is_not_unread():
    im, d = _canvas((2000, 600))
    font = ImageFont.truetype(SANS, 46)
    d.text((60, 100), "Report by Harriet Quennell", font=font, fill=0)
    d.text((60, 300), "Telephone 020 7946 0412", font=font, fill=0)
    first = (55, 95, 700, 160)
    regions = unread_ink(im, [first], DPI)
    assert len(regions) == 1 and regions[0].box[1] > 250  # the second line only
    assert unread_ink(im, [first, (55, 295, 700, 360)], DPI) == []
    # a word read with too little confidence does not vouch for its ink: the caller leaves its box out


def _words(*texts: str, conf: float = 60.0) -> list[PixelWord]:
    out, x = [], 10
    for t in texts:
        out.append(PixelWord(t, (x, 100, x + 20 * len(t), 130), 1, conf))
        x += 20 * len(t) + 15
    return out


@pytest.mark.parametrize("first, second, differs", [
    (("Telephone", "0161", "496", "0734"), ["Telephone", "0161", "496", "0784"], "0734"),  # a digit
    (("Signed", "Jane", "Smith"), ["Signed", "Jane", "Srnith"], "Smith"),                  # rn for m
    (("mail", "jo.bell@example.org"), ["mail", "jo.bell(example.org"], "jo.bell@example.org"),  # the @
    (("the", "council", "agreed"), ["the", "counci1", "agreed."], None),  # OCR's usual slips: the same
    (("Telephone", "0161", "496", "0734"), ["Telephone", "O161", "496", "O734"], None),  # O for 0: the same
    (("the", "council", "agreed"), ["the", "cooncil", "agreed"], None),  # ordinary words: not personal data
    (("Telephone", "0161", "496", "0734"), ["|"], None),  # nothing read again: no second opinion
])
def test_two_readings_disagree_only_on_what_could_be_personal_data(first, second, differs):
    found = compare(_words(*first), second)
    if differs is None:
        assert found is None
    else:
        assert found is not None and differs in found.first.split()


@_tesseract
def test_a_weak_line_is_read_again_and_the_disagreement_returned(monkeypatch):
    """The second reading (a fake tesseract here) reads a weak line's number otherwise: the line's number is
    returned as a disagreement, with the first reading's boxes; a confident line is never read again."""
    from redaction import ocr_disagree

    im, d = _canvas((2000, 500))
    font = ImageFont.truetype(SANS, 46)
    d.text((60, 100), "Agreed by the committee", font=font, fill=0)
    d.text((60, 300), "Telephone 0161 496 0734", font=font, fill=0)
    first = [PixelWord("Agreed", (60, 100, 250, 150), 1, 96.0), PixelWord("by", (270, 100, 330, 150), 1, 96.0),
             PixelWord("Telephone", (60, 300, 330, 350), 2, 91.0), PixelWord("0161", (350, 300, 470, 350), 2, 60.0),
             PixelWord("496", (490, 300, 580, 350), 2, 55.0), PixelWord("0734", (600, 300, 720, 350), 2, 42.0)]
    sheets = []

    def second_reading(exe, sheet, dpi, psm=None):
        sheets.append(sheet.size)
        top = ocr_disagree._GAP
        return [PixelWord(t, (x, top + 5, x + 100, top + 60), 1, 90.0)
                for t, x in (("Telephone", 100), ("0161", 500), ("496", 700), ("0784", 900))]
    monkeypatch.setattr(ocr_disagree, "read_words", second_reading)
    found = disagreements("tesseract", im, first, DPI)
    assert len(sheets) == 1  # one reading for the picture's weak lines, stacked
    assert [f.first for f in found] == ["0734"] and found[0].box == (600, 300, 720, 350)
