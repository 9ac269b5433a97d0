"""The verifier's pdfium reading and a word break pdfium does not write (issue 12): Chromium draws every glyph
as its own text object; pdfium leaves out the space's (it has an empty box) and infers a space only past half
a letter's width, so a table in Open Sans Condensed Light reads "MorwennaSTAUBYN". A short value is matched as
whole words, so "ST AUBYN" left on the page was not found in pdfium's text (poppler's alone found it). The
verifier reads such a page again with the word breaks measured on the glyphs (its own rule:
verification.pdfium_calls.page_text), when a short value is in the page with its spaces taken out."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from redaction.verification.matcher import Matcher
from redaction.verification.pdfium_calls import missed_word_breaks, page_text
from tests.textpdf import text_pdf

FIXTURE = Path(__file__).parent / "fixtures" / "extract" / "condensed_table.pdf"


@pytest.fixture(scope="module")
def condensed():
    pdf = pdfium.PdfDocument(FIXTURE.read_bytes())
    textpage = pdf[0].get_textpage()
    yield textpage.get_text_range(), page_text(textpage)
    textpage.close()
    pdf.close()


@pytest.mark.parametrize("value", ["ST AUBYN", "Morwenna", "Ottilie", "de la Rue"])
def test_a_short_value_pdfium_runs_together_is_found_in_the_page_read_again(condensed, value):
    plain, spaced = condensed
    values = Matcher([value])
    assert values.run_together(plain)  # the page is read again
    assert values.search(spaced)


def test_pdfium_alone_misses_the_short_value(condensed):
    """The blind spot itself (if pdfium starts writing the space, this test may go: the fix stays harmless)."""
    plain, _ = condensed
    assert not Matcher(["ST AUBYN"]).search(plain)


@pytest.mark.parametrize("value", ["(0114) 496 0378", "Morwenna ST AUBYN"])
def test_a_long_value_or_a_number_is_found_run_together(condensed, value):
    """Found in pdfium's text as it is (no word boundary needed, digits in any groups): no second reading."""
    plain, _ = condensed
    values = Matcher([value])
    assert values.search(plain) and not values.run_together(plain)


@pytest.mark.parametrize("line", [
    "Morwenna ST AUBYN Case officer (0114) 496 0378",
    "Ottilie van der Berg Reviewer 0114 496 0555 ext 21",
    "The grant agreements were negotiated by the commercial team in March.",  # letter-spaced: kept whole
])
def test_the_page_read_again_has_the_word_breaks(condensed, line):
    _, spaced = condensed
    assert line in spaced.split("\r\n")


@pytest.mark.parametrize("value, text", [
    ("ST AUBYN", "The first stage of the review"),
    ("Jo Ng", "nothing was decided"),
])
def test_a_value_absent_even_without_spaces_needs_no_second_reading(value, text):
    assert not Matcher([value]).run_together(text)


def test_a_page_whose_spaces_pdfium_reads_is_not_changed():
    pdf = pdfium.PdfDocument(text_pdf("Report author: Mike West, Det Supt, work number 07700 900815"))
    textpage = pdf[0].get_textpage()
    assert missed_word_breaks(textpage) == []
    assert page_text(textpage) == textpage.get_text_range()
