"""The verifier reads each picture of the input once per verification: the ``tokens`` check's reading of every
pictured page and the ``ocr`` check's reading of the Part 2 pictures (the boundary page split at the start by
its words' boxes) share one :class:`InputPictures`. Before, a scanned paper with a Part 2 had every pictured
page read twice and the boundary page three times (whole, then cut in two)."""

import shutil
from pathlib import Path

import pytest

from redaction.verification import ocr

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

SCAN = Path(__file__).parent / "scans" / "scan300.pdf"  # two scanned pages; Part 2 starts on page 2
BOUNDARY = (2, 649.9)  # where the engine puts the start ("Part 2 - Confidential facts and advice")


@pytest.fixture
def readings(monkeypatch):
    seen = []
    real = ocr._read_words

    def counted(exe, picture, part, psm=None):
        seen.append(picture.size)
        return real(exe, picture, part, psm)

    monkeypatch.setattr(ocr, "_read_words", counted)
    return seen


def test_each_input_picture_is_read_once_for_both_checks(readings):
    pictures = ocr.InputPictures(SCAN.read_bytes())
    pictured = ocr.input_pictured_text(pictures)
    part2, above = ocr.input_part2_text(pictures, BOUNDARY)
    assert len(readings) == 2 and pictures.readings == 2
    assert "commercially sensitive" in part2 and "commercially sensitive" in pictured
    # the boundary page is split by its words' boxes: the lines above the start are Part 1's own
    assert "Confidential facts" in part2 and "Confidential facts" not in above
    assert "Signed" in above and "Signed" not in part2
    assert "parking charges" in above and "parking charges" not in part2


def test_part2_alone_reads_only_what_it_needs_once(readings):
    pictures = ocr.InputPictures(SCAN.read_bytes())
    ocr.input_part2_text(pictures, BOUNDARY)
    ocr.input_part2_text(pictures, BOUNDARY)
    assert len(readings) == 2  # page 1 (Part 1's own text) and page 2, each once


def test_the_verifier_context_reads_the_input_pictures_once(readings):
    from redaction.verify import Expectations, _context

    context = _context(Expectations(values=["Harriet Quennell", "020 7946 0173"], source=SCAN.read_bytes(),
                                    boundary=BOUNDARY))
    assert len(readings) == 2
    assert context.ocr.pictured is not None and not context.ocr.pictured.empty  # Part 2's pictured lines


def test_bytes_still_accepted():
    data = SCAN.read_bytes()
    assert ocr.input_part2_text(data, None) == ("", "")
    part2, _ = ocr.input_part2_text(data, BOUNDARY)
    assert "commercially sensitive" in part2
    assert "parking charges" in ocr.input_pictured_text(data)
