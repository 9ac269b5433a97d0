"""The cleaned copy of a scanned page tesseract reads (redaction/scan_clean.py): each step changes only what
is not print, or makes print darker than its paper, and leaves a clean page as it was. Synthetic pages at
100 dpi (small and fast); no tesseract."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from redaction.scan_clean import (clean_for_ocr, dark_areas, flatten_paper, invert_dark_areas, rules_mask,
                                  sharpen_faint, without_rules, without_stains, without_watermark)

DPI = 100
W, H = 800, 1000


def _text(draw: ImageDraw.ImageDraw, x: int, y: int, fill, lines: int = 3) -> list[tuple[int, int, int, int]]:
    """A few lines of small print (the default bitmap font, drawn twice as bold); their boxes."""
    boxes = []
    for i in range(lines):
        words = "Tobiah Ferreira-Lund 0113 496 0851"
        draw.text((x, y + 16 * i), words, fill=fill)
        draw.text((x + 1, y + 16 * i), words, fill=fill)
        boxes.append(draw.textbbox((x, y + 16 * i), words))
    return boxes


def _page(paper=255, mode="L"):
    page = Image.new(mode, (W, H), paper)
    return page, ImageDraw.Draw(page)


def _ink(picture: Image.Image, box, level=128) -> int:
    return int((np.asarray(picture.convert("L").crop(box)) < level).sum())


def test_a_clean_page_is_left_as_it_is():
    page, draw = _page()
    _text(draw, 50, 50, 0)
    cleaned = clean_for_ocr(page, DPI)
    assert cleaned.steps == []
    assert _ink(cleaned.ocr, (0, 0, W, H)) == pytest.approx(_ink(page, (0, 0, W, H)), rel=0.25)


@pytest.mark.parametrize("band, expect", [
    ((0, 100, W, 180), True),       # a title band across the page, 0.8 inch tall
    ((100, 100, 700, 150), True),   # a table's header row, half an inch
    ((100, 100, 120, 160), False),  # a narrow dark bar: not a band (narrower than tall)
    ((100, 100, 400, 120), False),  # a thick rule, 0.2 inch: not a band
])
def test_dark_bands_are_found_and_inverted(band, expect):
    page, draw = _page()
    draw.rectangle(band, fill=30)
    x0, y0, x1, y1 = band
    draw.text((x0 + 10, y0 + 5), "Ruaridh Macaskill", fill=250)
    found = dark_areas(page, DPI)
    assert bool(found) is expect
    out, changed = invert_dark_areas(page, DPI)
    assert changed is expect
    if expect:
        inside = np.asarray(out.crop(band))
        assert inside.mean() > 180  # the band is light now, its letters dark
        assert (inside < 100).sum() > 20


@pytest.mark.parametrize("shape, removed", [
    ("rule", True),        # a table rule across the page
    ("vertical", True),    # a column rule
    ("box_row", True),     # a row of form boxes: their short sides go with the rules they join
    ("letters", False),    # print alone: nothing to remove
])
def test_rules_are_whitened_and_print_is_kept(shape, removed):
    page, draw = _page()
    boxes = _text(draw, 60, 400, 0)
    if shape == "rule":
        draw.line((40, 300, 760, 300), fill=0, width=2)
    elif shape == "vertical":
        draw.line((30, 100, 30, 900), fill=0, width=2)
    elif shape == "box_row":
        draw.line((100, 200, 500, 200), fill=0, width=2)
        draw.line((100, 230, 500, 230), fill=0, width=2)
        for x in range(100, 501, 25):
            draw.line((x, 200, x, 230), fill=0, width=2)
    mask = rules_mask(page, DPI)
    assert bool(mask.any()) is removed
    out, changed = without_rules(page, DPI)
    assert changed is removed
    for box in boxes:  # the print is untouched
        assert _ink(out, box) == _ink(page, box)
    if shape == "box_row":
        assert _ink(out, (95, 195, 505, 235)) < 0.1 * _ink(page, (95, 195, 505, 235))


def test_a_broad_grey_watermark_is_whitened_where_no_dark_print_is():
    page, draw = _page()
    boxes = _text(draw, 60, 300, 0, lines=6)
    draw.line((100, 900, 700, 100), fill=190, width=14)  # a broad grey diagonal stroke over the print
    out, changed = without_watermark(page, DPI)
    assert changed
    a = np.asarray(out)
    assert ((a > 150) & (a < 225)).sum() < 0.2 * ((np.asarray(page) > 150) & (np.asarray(page) < 225)).sum()
    for box in boxes:
        assert _ink(out, box, 110) == _ink(page, box, 110)  # dark print over it is kept


@pytest.mark.parametrize("print_level", [170, 150])
def test_grey_print_alone_is_not_a_watermark(print_level):
    page, draw = _page()
    _text(draw, 60, 300, print_level, lines=6)  # a carbon copy: grey print and no dark print at all
    out, changed = without_watermark(page, DPI)
    assert not changed and out is page


@pytest.mark.parametrize("paper, ink, faint", [
    (215, 150, True),   # carbon copy: mid-grey letters on grey flimsy paper
    (235, 170, True),   # faded toner
    (255, 0, False),    # black print
    (255, 255, False),  # a blank page
])
def test_faint_print_is_cut_to_black_and_white(paper, ink, faint):
    page, draw = _page(paper)
    boxes = _text(draw, 60, 300, ink, lines=6)
    out, changed = sharpen_faint(page, DPI)
    assert changed is faint
    if faint:
        a = np.asarray(out)
        assert set(np.unique(a)) <= {0, 255}
        assert all(_ink(out, box) > 0.4 * _ink(page, box, (paper + ink) // 2 + 1) for box in boxes)
        assert (a[900:, :] == 255).mean() > 0.99  # the paper is white


def test_uneven_paper_is_flattened():
    page, draw = _page()
    a = np.tile(np.linspace(120, 250, W).astype(np.uint8), (H, 1))  # a gutter's shadow on the left
    page = Image.fromarray(a)
    draw = ImageDraw.Draw(page)
    boxes = _text(draw, 60, 300, 0)
    out, changed = flatten_paper(page)
    assert changed
    flat = np.asarray(out)
    assert flat[800:, :].mean() > 235  # the shadow is gone
    assert all(_ink(out, box) >= 0.8 * _ink(page, box, 100) for box in boxes)


@pytest.mark.parametrize("ring, print_colour, lifted", [
    ((190, 150, 100), (0, 0, 0), True),        # a coffee ring on a page of black print
    ((255, 120, 220), (20, 20, 20), True),     # a pink highlighter line
    ((190, 150, 100), (30, 40, 180), False),   # a page written in blue: the print itself is coloured
])
def test_light_colour_stains_are_lifted_and_dark_print_of_any_colour_is_kept(ring, print_colour, lifted):
    page, draw = _page((250, 248, 240), mode="RGB")
    boxes = _text(draw, 60, 300, print_colour, lines=6)
    draw.ellipse((200, 250, 600, 650), outline=ring, width=12)
    red = draw.textbbox((60, 700), "s40 stamp")
    draw.text((60, 700), "s40 stamp", fill=(150, 10, 10))  # a dark red stamp: kept whatever its colour
    grey = page.convert("L")
    out, changed = without_stains(page, grey)
    assert changed is lifted
    for box in boxes + [red]:
        assert _ink(out, box, 100) >= _ink(grey, box, 100)
    if lifted:
        ring_only = (np.asarray(page.convert("RGB"), dtype=np.int16).max(axis=2)
                     - np.asarray(page.convert("RGB"), dtype=np.int16).min(axis=2)) >= 30
        ring_only &= np.asarray(grey) >= 100
        assert np.asarray(out)[ring_only].mean() > 230


def test_steps_that_hide_marks_are_not_in_the_revealed_copy():
    """Unread ink is looked for in ``revealed``: a rule or a watermark the OCR copy lost is still there."""
    page, draw = _page()
    _text(draw, 60, 300, 0, lines=6)
    draw.line((40, 600, 760, 600), fill=0, width=2)
    cleaned = clean_for_ocr(page, DPI)
    assert "rules" in cleaned.steps
    assert _ink(cleaned.revealed, (30, 595, 770, 605)) > 0
    assert _ink(cleaned.ocr, (30, 595, 770, 605)) == 0
