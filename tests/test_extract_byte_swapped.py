"""Letters a producer wrote into its ToUnicode map in the wrong byte order (some Ghostscript output maps the
"ff" and "fi" ligatures to <66006600> and <66006900>, so every reader gets U+6600 "昀" and U+6900 "椀"): the
document view reads them as the letters inside a Latin word, so "O昀昀icer" and "Gri昀昀椀ths" are searched and
detected as "Officer" and "Griffiths" (the twentieth detection set's class)."""

import pytest

from redaction.extract import Char, Document, Page, build_view


def _view(text: str) -> str:
    chars = tuple(Char(c, (0.0, 0.0, 1.0, 1.0)) for c in text)
    return build_view(Document(pages=(Page(number=1, width=600, height=800, chars=chars),)), dehyphenate=True).text


@pytest.mark.parametrize("printed, read", [
    ("Border Force O\u6600\u6600icer", "Border Force Officer"),
    ("Mr Gri\u6600\u6600\u6900ths wrote", "Mr Griffiths wrote"),
    ("Clement Mo\u6600\u6600at", "Clement Moffat"),
    # a CJK character standing alone or among CJK text is what it is
    ("\u6600 \u6900", "\u6600 \u6900"),
    ("會議 \u6600 記錄", "會議 \u6600 記錄"),
])
def test_byte_swapped_letters_inside_a_latin_word_read_as_letters(printed, read):
    assert _view(printed) == read


def test_the_view_keeps_each_letter_mapped_to_its_glyph():
    chars = tuple(Char(c, (float(i), 0.0, i + 1.0, 1.0)) for i, c in enumerate("O\u6600\u6600icer"))
    view = build_view(Document(pages=(Page(number=1, width=600, height=800, chars=chars),)), dehyphenate=True)
    assert view.text == "Officer" and list(view.refs) == [(0, i) for i in range(7)]


def test_a_name_with_a_byte_swapped_ligature_is_detected():
    from tests.detect_found import redacted

    text = _view("The complainant, Mr Rhys Gri\u6600\u6600\u6900ths-Obi, wrote to the Director.")
    assert "Rhys Griffiths-Obi" in redacted(text)
