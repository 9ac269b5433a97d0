"""Extraction: characters with boxes, and a text view in which line breaks and hyphenation do not break
later matching."""

import re

import pypdfium2 as pdfium
import pytest

from redaction.extract import Char, Document, Page, extract
from tests.textpdf import text_pdf


def doc_of(text: str, **kw):
    return extract(pdfium.PdfDocument(text_pdf(text, **kw)))


def test_every_visible_char_has_a_box_inside_the_page():
    doc = doc_of("Report author: Mike West, Det Supt, work number 07700 900815")
    page = doc.pages[0]
    visible = [c for c in page.chars if c.text.strip()]
    assert "".join(c.text for c in visible) == "Reportauthor:MikeWest,DetSupt,worknumber07700900815"
    for c in visible:
        x0, y0, x1, y1 = c.box
        assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height


def test_char_refs_map_a_match_back_to_its_glyphs():
    doc = doc_of("Contact DSU Mike WEST on 020 7946 0123 today")
    view = doc.view
    m = re.search(r"Mike WEST", view.text)
    refs = view.char_refs(m.start(), m.end())
    text = "".join(doc.pages[p].chars[i].text for p, i in refs)
    assert text == "Mike WEST"
    boxes = doc.boxes(refs)
    assert len(boxes) == 9  # the space has a box too: it is a real glyph in this file
    assert boxes[0][1][0] < boxes[-1][1][2]


def test_name_broken_over_lines_is_one_match():
    doc = doc_of("supported by Jane\nOkafor of the finance team")
    m = re.search(r"Jane\s+Okafor", doc.view.text)
    assert m, doc.view.text
    refs = doc.view.char_refs(m.start(), m.end())
    assert {doc.pages[p].chars[i].text for p, i in refs} >= set("JaneOkfor")


@pytest.mark.parametrize("text, joined", [
    ("write to jane.okafor@exam-\nple.gov.uk today", "jane.okafor@example.gov.uk"),
    ("the Social Media Intelli-\ngence Network", "Intelligence Network"),
])
def test_hyphenation_at_line_end_is_joined(text, joined):
    doc = doc_of(text)
    assert joined in doc.joined_view.text
    m = doc.joined_view.text.index(joined)
    refs = doc.joined_view.char_refs(m, m + len(joined))
    # the dropped hyphen glyph is part of the match, so redaction removes it too
    glyphs = "".join(doc.pages[p].chars[i].text for p, i in refs)
    assert "-" in glyphs or "\x02" in glyphs  # pdfium reports a recognised line-end hyphen as U+0002


def test_real_hyphen_before_a_capital_is_kept():
    doc = doc_of("the Anti-\nSocial Behaviour team and 2021-\n22 figures")
    assert "Anti-" in doc.joined_view.text
    assert "Anti-\nSocial" in doc.view.text


def test_pages_are_joined_with_a_blank_line_and_refs_keep_page_numbers():
    doc = doc_of("first page text\n---page---\nsecond page text")
    view = doc.view
    assert "first page text\n\nsecond page text" in view.text.replace("\r", "")
    pos = view.text.index("second")
    assert view.refs[pos][0] == 1
    assert view.page_of(view.text.index("\n\n")) == 1


def test_ligatures_and_nbsp_are_normalised_in_the_view():
    box = (0.0, 0.0, 5.0, 10.0)
    page = Page(1, 100, 100, (Char("e", box), Char("\u00a0", box), Char("ﬁ", box), Char("n", box)))
    view = Document((page,)).view
    assert view.text == "e fin"
    assert view.refs[2] == view.refs[3] == (0, 2)  # both letters of the ligature map to its one glyph
