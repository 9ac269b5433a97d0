"""The detection check reads again what the redaction changed: the pages whose text is not exactly the
input's or that hold a box, and on them the lines that changed, the lines near a box and the lines around
them. What it reads, it still fails on; a line left as it was is not read twice."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from redaction import LeakDetected
from redaction.extract import Char, Page
from redaction.pdf.geometry import Region
from redaction.verification.detection import changed_lines, check_detection
from redaction.verification.matcher import Matcher

NAME = "Oliver Quist"
BLACK_RECTANGLE = Path(__file__).parent / "adversarial" / "black_rectangle.pdf"


def _page(lines: list[str], boxed_line: int | None = None) -> Page:
    chars: list[Char] = []
    for n, line in enumerate(lines):
        y = 800.0 - 20 * n
        chars += [Char(c, (10.0 + 6 * i, y, 16.0 + 6 * i, y + 10)) for i, c in enumerate(line)]
        chars += [Char("\r", None, True), Char("\n", None, True)]
    return Page(number=1, width=600, height=842, chars=tuple(chars[:-2]))


def _lines_of(page: Page) -> list[str]:
    return "".join(c.text for c in page.chars).split("\r\n")


LINES = [f"line {n} of the page" for n in range(20)]


@pytest.mark.parametrize("changed,expected", [
    ({}, []),  # nothing changed: nothing read
    ({10: "line 10 of the [s40(2)]"}, list(range(7, 14))),  # the changed line and 3 lines either side
    ({0: "s40(2) heading", 19: "end s40(2)"}, [0, 1, 2, 3, 16, 17, 18, 19]),  # groups apart, at the edges
])
def test_only_changed_lines_and_their_neighbours_are_read(changed, expected):
    after = [changed.get(n, line) for n, line in enumerate(LINES)]
    read = changed_lines(_page(after), "\r\n".join(LINES), [])
    assert [line for line in _lines_of(read) if line] == [after[n] for n in expected]


def test_a_line_near_a_box_is_read_though_its_text_did_not_change():
    box = (40.0, 600.0, 80.0, 612.0)  # on line 10 (y 600-610), which reads as it did
    read = changed_lines(_page(LINES), "\r\n".join(LINES), [box])
    assert [line for line in _lines_of(read) if line] == LINES[7:14]


def _text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


def test_a_changed_line_still_fails_the_check():
    data = BLACK_RECTANGLE.read_bytes()
    with pytest.raises(LeakDetected) as err:  # every line differs from this "input": all are read
        check_detection(data, [[]], Matcher([NAME]), 1, pages=[0], before={0: "another paper"})
    assert err.value.checks == ["detection"]


def test_a_page_read_as_it_was_is_not_read_again():
    data = BLACK_RECTANGLE.read_bytes()
    check_detection(data, [[]], Matcher([NAME]), 1, pages=[], before={})  # no page changed
    check_detection(data, [[]], Matcher([NAME]), 1, pages=[0], before={0: _text(data)})  # no line changed
    with pytest.raises(LeakDetected):  # a box on the page: the lines near it are read again
        box = Region((0.0, 0.0, 612.0, 792.0), "s40(2)")
        check_detection(data, [[box]], Matcher([NAME]), 1, pages=[0], before={0: _text(data)})
