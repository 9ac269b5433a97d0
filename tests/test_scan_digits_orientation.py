"""Scanned pages, after tesseract: digits written one to a box read as one number (redaction/digit_boxes.py),
the orientation a page is read in (ocr_tesseract.best_reading, tesseract's OSD), and a page OCR could not read
proposed whole (fail closed). Tesseract is replaced by fakes here: no process is started."""

from __future__ import annotations

import pytest
from PIL import Image

from redaction import ocr_tesseract
from redaction.digit_boxes import regroup_digits
from redaction.ocr_tesseract import PixelWord, best_reading, parse_osd
from redaction.picture_findings import FAILED_REASON, failed_page_items
from redaction.picture_text import Word, mend_words
from redaction.scan_pages import ScansRead, _failed


def _row(texts: str, pitch: float = 20.0, gap_at: tuple[int, ...] = (), line: int = 1, y: float = 500.0):
    """One word per character of ``texts`` (spaces skipped), ``pitch`` apart; an empty box after each index in
    ``gap_at`` (one pitch more)."""
    words, x = [], 100.0
    for i, ch in enumerate(texts.replace(" ", "")):
        words.append(Word(ch, (x, y, x + 10, y + 14), line, 90.0))
        x += pitch * (2 if i in gap_at else 1)
    return words


@pytest.mark.parametrize("words, expect", [
    (_row("01134960851", gap_at=(3, 6)), ["0113", "496", "0851"]),             # boxes, an empty box between groups
    (_row("07700900123", gap_at=(4,)), ["07700", "900123"]),
    (_row("0116496O528", gap_at=(3, 6)), ["0116", "496", "0528"]),           # an O between digits is a 0
    (_row("1234"), ["1", "2", "3", "4"]),                                     # too few digits for a number
    (_row("0113496", pitch=80), ["0", "1", "1", "3", "4", "9", "6"]),          # digits far apart: no run
    ([Word("Room", (50, 500, 90, 514), 1, 90.0)] + _row("01134960851", gap_at=(3, 6)),
     ["Room", "0113", "496", "0851"]),
    (_row("01134") + _row("96085", line=2, y=530), ["01134", "96085"]),      # runs end at the line's end
])
def test_digits_written_one_to_a_box_are_one_number(words, expect):
    assert [w.text for w in regroup_digits(words)] == expect


def test_a_regrouped_number_keeps_its_digits_boxes():
    words = _row("01134960851", gap_at=(3, 6))
    groups = regroup_digits(words)
    assert groups[0].box == (words[0].box[0], 500.0, words[3].box[2], 514.0)
    assert groups[-1].box[2] == words[-1].box[2]


def test_mend_words_regroups_digits_before_detection():
    assert [w.text for w in mend_words(_row("01134960851", gap_at=(3, 6)))] == ["0113", "496", "0851"]


def test_digits_down_a_page_read_on_its_side_are_grouped_along_it():
    words = [Word(c, (300, 100 + 20 * i + (20 if i > 3 else 0), 314, 110 + 20 * i + (20 if i > 3 else 0)), 1, 90.0)
             for i, c in enumerate("01134960")]
    assert [w.text for w in regroup_digits(words)] == ["0113", "4960"]


@pytest.mark.parametrize("report, angle", [
    ("Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 25.48\n", 180),
    ("Orientation in degrees: 270\nRotate: 90\n", 270),  # a quarter turn clockwise is 270 anticlockwise
    ("Orientation in degrees: 90\nRotate: 270\n", 90),
    ("Rotate: 0\n", 0),
    ("Too few characters. Skipping this page\n", None),
    ("Rotate: 45\n", None),
])
def test_osd_reports_are_read_as_anticlockwise_turns(report, angle):
    assert parse_osd(report) == angle


def _words(conf: float, n: int, text: str = "word") -> list[PixelWord]:
    return [PixelWord(text, (10 * i, 0, 10 * i + 8, 10), 1, conf) for i in range(n)]


@pytest.mark.parametrize("readings, osd, expect, reads", [
    # upright and confident: read once, no OSD
    ({0: _words(92, 40)}, 180, 0, [0]),
    # upside down: OSD says so, the turned reading is confident: two readings
    ({0: _words(30, 40, "ʇx"), 180: _words(93, 40)}, 180, 180, [0, 180]),
    # a quarter turn reads a few confident fragments; the upside-down reading reads the page: it wins although
    # OSD could not tell and the fragments' mean confidence is higher
    ({0: _words(30, 40, "ʇx"), 90: _words(75, 3), 270: _words(20, 5), 180: _words(70, 40)}, None, 180,
     [0, 90, 270, 180]),
])
def test_orientation_is_chosen_by_what_is_read_well(monkeypatch, readings, osd, expect, reads):
    picture = _marked()
    done = []

    def fake_read(exe, pic, dpi=300, psm=None):
        done.append(_turn(pic))
        return readings.get(done[-1], [])

    monkeypatch.setattr(ocr_tesseract, "read_words", fake_read)
    monkeypatch.setattr(ocr_tesseract, "orientation", lambda exe, pic: osd)
    words = best_reading("tesseract", picture, 0)
    assert done == reads
    assert {w.angle for w in words} == {expect}


def _marked() -> Image.Image:
    """A picture with one black pixel in its top left corner: where it went tells how it was turned."""
    picture = Image.new("L", (100, 60), 255)
    picture.putpixel((0, 0), 0)
    return picture


def _turn(pic: Image.Image) -> int:
    w, h = pic.size
    corners = {(0, 0): 0, (0, h - 1): 90, (w - 1, h - 1): 180, (w - 1, 0): 270}
    return next(angle for xy, angle in corners.items() if pic.getpixel(xy) == 0)


def test_a_failed_reading_of_any_turn_fails_the_page(monkeypatch):
    calls = []

    def fake_read(exe, pic, dpi=300, psm=None):
        calls.append(pic.size)
        return _words(20, 10) if len(calls) == 1 else None  # the second reading times out

    monkeypatch.setattr(ocr_tesseract, "read_words", fake_read)
    monkeypatch.setattr(ocr_tesseract, "orientation", lambda exe, pic: 180)
    assert best_reading("tesseract", Image.new("L", (100, 60), 255), 0) is None


class _Page:
    def __init__(self, number, crop):
        self.number, self.crop, self.width, self.height = number, crop, crop[2], crop[3]


def test_a_page_ocr_could_not_read_is_proposed_whole_for_redaction():
    scans = ScansRead()
    _failed(scans, _Page(2, (0, 0, 595, 842)), "OCR failed or timed out")
    assert scans.unsure_pages == [2] and scans.failed == {2: (0, 0, 595, 842)}
    items = failed_page_items(scans, lambda page, box: 1)
    assert len(items) == 1
    item = items[0]
    assert (item.page, item.action, item.boxes, item.reason) == (2, "redact", [(0, 0, 595, 842)], FAILED_REASON)
    assert item.type == "UNCLEAR_TEXT"
