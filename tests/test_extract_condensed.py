"""Word breaks pdfium does not mark (issue 12): Chromium draws every glyph as its own text object, the space
included; pdfium leaves out a text object with an empty box and infers a space from the gap against a
threshold a condensed font's narrow space does not reach. The fixture is a contacts table printed by Chromium
in Open Sans Condensed Light (header in Open Sans Condensed Bold), made by
tests/fixtures/extract/make_condensed.py: pdftotext reads "ST AUBYN" and "(0114) 496 0378", and so must the
engine, while a letter-spaced paragraph (every gap of a word wide alike) keeps its words whole."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from redaction.extract import extract
from tests.textpdf import text_pdf

FIXTURE = Path(__file__).parent / "fixtures" / "extract" / "condensed_table.pdf"


@pytest.fixture(scope="module")
def condensed():
    pdf = pdfium.PdfDocument(FIXTURE.read_bytes())
    try:
        yield extract(pdf)
    finally:
        pdf.close()


@pytest.mark.parametrize("line", [
    "Contacts for the review panel of the licensing sub-committee, as at 4 March.",
    "Name Role Telephone",  # the bold header
    "Morwenna ST AUBYN Case officer (0114) 496 0378",
    "Idris Pengelly-Vane Panel clerk 07700 900412",
    "Tamsin de la Rue Head of legal 0114 496 0921",
    "Jo Ng Duty officer 07700 900 157",
    "Ottilie van der Berg Reviewer 0114 496 0555 ext 21",
    "Office use: ask for Priscilla OYELARAN on 0114 496 0810.",
    # letter-spacing widens every gap of a word alike: no word is split
    "The grant agreements were negotiated by the commercial team in March.",
])
def test_a_condensed_font_keeps_its_word_spaces(condensed, line):
    assert line in condensed.joined_view.text.splitlines()


@pytest.mark.parametrize("cell", ["Morwenna ST AUBYN", "(0114) 496 0378", "Tamsin de la Rue", "07700 900 157",
                                  "Ottilie van der Berg"])
def test_table_cells_read_with_their_spaces(condensed, cell):
    from redaction.detect.layout import cell_text

    assert cell in cell_text(condensed, condensed.joined_view).splitlines()


def test_an_added_space_is_generated_and_maps_to_no_glyph(condensed):
    view = condensed.joined_view
    at = view.text.index("ST AUBYN") + 2
    assert view.text[at] == " " and view.refs[at] is None
    page, index = view.refs[at - 1]
    assert condensed.pages[page].chars[index + 1] == type(condensed.pages[page].chars[index + 1])(" ", None, True)
    refs = view.char_refs(at - 2, at + 6)
    assert "".join(condensed.pages[p].chars[i].text for p, i in refs) == "ST AUBYN"


@pytest.mark.parametrize("text", [
    "Report author: Mike West, Det Supt, work number 07700 900815",
    "Officer Jefferson Giffard of the affiliated office",  # ligatures
])
def test_text_with_drawn_spaces_is_unchanged(text):
    """Real space glyphs (a producer writing a line as one text object): nothing is added."""
    doc = extract(pdfium.PdfDocument(text_pdf(text)))
    assert doc.pages[0].text.replace("\r\n", "") == text
