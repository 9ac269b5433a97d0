"""The OCR stage's pieces that need no tesseract: e-mail addresses mended from OCR's pieces, unclear words
proposed to the officer, the invisible text layer in each reading direction, and the verifier's matching
that tolerates OCR's errors."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
import pytest

from redaction.ocr_layer import LAYER_FONT, layer_instructions
from redaction.picture_findings import unclear_items
from redaction.picture_text import Word, mend_addresses
from redaction.scan_pages import ScanPage, ScansRead
from redaction.verification.ocr_match import FuzzyMatcher, LineMatcher


def _layer_page() -> tuple[pikepdf.Pdf, pikepdf.Page]:
    """A blank A4 page whose resources hold the text layer's font, as ocr_layer writes it."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary({LAYER_FONT: pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
                           Encoding=pikepdf.Name.WinAnsiEncoding))}))
    return pdf, page


def _words(*texts: str, line: int = 1) -> list[Word]:
    out, x = [], 10.0
    for t in texts:
        out.append(Word(t, (x, 100.0, x + 6 * len(t), 110.0), line, 90.0))
        x += 6 * len(t) + 4
    return out


@pytest.mark.parametrize("pieces, expected", [
    (["mail", "jo.bell", "@council-example.gov.uk", "today"], ["mail", "jo.bell@council-example.gov.uk", "today"]),
    (["at", "harriet.", "quennell@lambeth-", "\u201ccouncil", "example.", "gov.", "uk."],
     ["at", "harriet.quennell@lambeth-council.example.gov.uk."]),
    (["d.okafor", "@", "lambeth.gov.uk", "Regards"], ["d.okafor@lambeth.gov.uk", "Regards"]),
    (["no", "address", "here."], ["no", "address", "here."]),
    (["ottilie.", "brackenbury", "@wyvern-", "-fire.", "example.", "org.uk."],
     ["ottilie.brackenbury@wyvern-fire.example.org.uk."]),  # a hyphen read on both sides of a gap
    (["rosalind.", "tregothnan@", "wyvern-fire.", "example.o", "org.", "uk"],
     ["rosalind.tregothnan@wyvern-fire.example.org.uk"]),  # a label's first letter read before the gap too
])
def test_mend_addresses(pieces, expected):
    words = _words(*pieces)
    mended = mend_addresses(words)
    assert [w.text for w in mended] == expected
    for w in mended:  # a joined word's box runs from its first piece's left edge to its last piece's right
        parts = [p for p in words if w.box[0] <= p.box[0] and p.box[2] <= w.box[2]]
        assert parts and w.box == (parts[0].box[0], 100.0, parts[-1].box[2], 110.0)
        assert len(parts) == 1 or "@" in w.text


def test_mend_addresses_never_joins_across_lines():
    words = _words("jo.bell@") + _words("council.gov.uk", line=2)
    assert [w.text for w in mend_addresses(words)] == ["jo.bell@", "council.gov.uk"]


def test_unclear_words_are_proposed_unless_a_finding_covers_them():
    from redaction.analysis import PersonalData

    low = [Word("Okafcr", (50, 100, 90, 110), 1, 20.0), Word("apernae", (100, 100, 140, 110), 1, 10.0),
           Word("ok", (150, 100, 160, 110), 1, 5.0), Word("Quennel1", (200, 100, 240, 110), 1, 25.0)]
    scans = ScansRead(pages=[ScanPage(3, low, 88.0, [[low[0]], [low[1]], [low[3]]])])
    covered = [PersonalData("PERSON", "Harriet Quennell", 3, 1, "redact", "name", 0.9, [(195, 98, 245, 112)])]
    items = unclear_items(scans, covered, lambda page, box: 1)
    assert [(i.text, i.action) for i in items] == [("[unclear: Okafcr]", "redact"), ("[unclear: apernae]", "keep")]
    assert all(i.type == "UNCLEAR_TEXT" and i.source == "ocr" and 0 <= i.confidence <= 1 for i in items)
    scans.unsure_pages = [3]  # the whole page is the officer's already: no item per word
    assert unclear_items(scans, covered, lambda page, box: 1) == []


@pytest.mark.parametrize("angle, box", [
    (0, (100.0, 700.0, 160.0, 712.0)),  # upright
    (270, (300.0, 200.0, 312.0, 260.0)),  # a page scanned on its side: the word runs up the page
    (90, (300.0, 200.0, 312.0, 260.0)),  # runs down the page
    (180, (100.0, 300.0, 160.0, 312.0)),  # upside down
])
def test_text_layer_is_invisible_and_lies_on_the_word(angle, box):
    pdf, page = _layer_page()
    page.obj.Contents = pdf.make_stream(layer_instructions([(Word("Bartlett", box, 1, 95.0), angle)]))
    buf = io.BytesIO()
    pdf.save(buf)
    assert b"3 Tr" in page.obj.Contents.read_bytes()
    doc = pdfium.PdfDocument(buf.getvalue())
    textpage = doc[0].get_textpage()
    assert "Bartlett" in textpage.get_text_range()
    chars = [textpage.get_charbox(i) for i in range(textpage.count_chars())
             if textpage.get_text_range(i, 1).strip()]
    for left, bottom, right, top in chars:  # every letter's centre inside the word's box (2 pt slack)
        cx, cy = (left + right) / 2, (bottom + top) / 2
        assert box[0] - 2 <= cx <= box[2] + 2 and box[1] - 2 <= cy <= box[3] + 2
    doc.close()


@pytest.mark.parametrize("text, found", [
    ("contact Harriet Quenne11 today", True),  # l read as 1
    ("call 07700 9OO4l2 now", True),  # O for 0, l for 1
    ("d. okafor@lambeth- council example. gov. uk.", True),  # split and a dot lost
    ("Harriet Quennell", True),
    ("Jo Bellamy said", False),  # a short value needs whole words
    ("Harriet Quinn", False),  # two edits in a 15-letter value, one allowed per 8
    ("nothing here", False),
])
def test_fuzzy_matcher_tolerates_ocr_errors(text, found):
    m = FuzzyMatcher(["Harriet Quennell", "07700 900412", "d.okafor@lambeth-council.example.gov.uk", "Jo Bell"])
    assert m.search(text) is found


@pytest.mark.parametrize("value, text, found", [
    ("J Abernethy", "the Mayor of London, Julian Abernethy, launched", False),  # an initial is never an edit
    ("J Abernethy", "signed J Abemethy", True),  # rn read as m
    ("Julian Abernethy", "Ju1ian Abernethy", True),
    ("Ebenezer Tchamba", "Ebenezer Tchanba said", True),
    ("Vivian Warren", "Vivian VVarren", True),
])
def test_fuzzy_matcher_edits_never_make_one_person_another(value, text, found):
    assert FuzzyMatcher([value]).search(text) is found


def test_line_matcher_finds_most_of_a_line_not_a_few_words():
    line = "The tender evaluation scores for the three bidders are set out in the table below."
    m = LineMatcher([line], own="The committee thanked the three bidders.")
    assert m.search("The tender evaIuation scores f0r the three bidders are set out in the tabIe beIow")
    assert not m.search("the three bidders are")
    assert LineMatcher(["too short a line"]).empty


def test_a_name_under_a_scribble_is_a_signed_name():
    from redaction.picture_findings import SIGNED_REASON, signed_names
    from redaction.picture_text import Picture, PicturesRead, joined

    words = [Word("YY", (60, 300, 80, 320), 4, 0.0), Word("Vw", (90, 300, 110, 320), 4, 40.0),
             Word("Priya", (60, 280, 90, 292), 5, 96.0), Word("Ramanathan", (95, 280, 150, 292), 5, 96.0),
             Word("Project", (60, 265, 95, 277), 6, 96.0), Word("Manager", (100, 265, 150, 277), 6, 96.0),
             Word("Thanks", (60, 250, 95, 262), 7, 40.0), Word("Jo", (60, 235, 75, 247), 8, 95.0),
             Word("Bell", (80, 235, 100, 247), 8, 95.0)]
    pictures = PicturesRead(pictures=[joined(Picture(page=2, box=(50, 200, 300, 330), words=words))])
    items = signed_names(pictures, [], lambda page, box: 1)
    assert [(i.text, i.type, i.action, i.reason) for i in items] == [
        ("Priya Ramanathan", "PERSON", "redact", SIGNED_REASON), ("Jo Bell", "PERSON", "redact", SIGNED_REASON)]
    # "Project Manager" sits under a confident line: no name; a name detection found already is not doubled
    from redaction.analysis import PersonalData
    found = [PersonalData("PERSON", "Jo Bell", 2, 1, "redact", "name", 0.9, [(59, 234, 101, 248)])]
    assert [i.text for i in signed_names(pictures, found, lambda page, box: 1)] == ["Priya Ramanathan"]


def test_a_dot_read_as_a_colon_in_an_address_is_put_back():
    assert [w.text for w in mend_addresses(_words("d.okafor@lambeth-council:example.gov.uk"))] == [
        "d.okafor@lambeth-council.example.gov.uk"]


@pytest.mark.parametrize("word, mended", [
    ("O20", "020"), ("9OO4l2", "900412"), ("07700", "07700"), ("(O1l3)", "(0113)"),
    ("Ol", "Ol"), ("Oliver", "Oliver"), ("I0", "I0"), ("2O27.", "2027."),
])
def test_digits_read_as_letters_in_a_number_are_put_right(word, mended):
    from redaction.picture_text import mend_words

    assert [w.text for w in mend_words(_words(word))] == [mended]


@pytest.mark.parametrize("words, text, found", [
    ("Operation Nightjar began", "Operation Nightjar", ["Operation Nightjar"]),
    ("0peration Night jar, began", "operation nightjar", ["0peration Night jar"]),  # O as 0, a split word
    ("after a statutory notlce period.", "statutory notice period", ["statutory notlce period"]),  # one slip
    ("Jo Bellamy and jo bell.", "Jo Bell", ["jo bell"]),  # a short text: whole words, exactly
    ("call 07700 9OO4l2 now", "07700 900412", ["07700 9OO4l2"]),
    ("Operation Nightingale", "Operation Nightjar", []),  # three edits in 17 letters: another text
    ("nothing here", "Operation Nightjar", []),
])
def test_added_texts_are_found_in_ocr_words_allowing_its_slips(words, text, found):
    from redaction.picture_search import spans

    assert [words[s:e] for s, e in spans(words, text)] == found


def test_added_text_in_a_picture_gets_the_boxes_of_its_words_one_per_line():
    from redaction.picture_search import mentions
    from redaction.picture_text import Picture, joined

    words = _words("ring", "Operation") + _words("Nightjar", "today", line=2)
    boxes = mentions(joined(Picture(page=1, box=(0, 0, 300, 300), words=words)), "Operation Nightjar")
    assert boxes == [(words[1].box[0] - 1, 99.0, words[1].box[2] + 1, 111.0),
                     (words[2].box[0] - 1, 99.0, words[2].box[2] + 1, 111.0)]


def test_a_weak_line_is_taken_from_the_reading_that_read_it_most_confidently():
    from redaction.ocr_tesseract import PixelWord, merge_lines

    first = [PixelWord("prepared", (100, 100, 260, 130), 7, 96.0), PixelWord("by", (270, 100, 310, 130), 7, 96.0),
             PixelWord("Ottilie", (320, 100, 440, 130), 7, 65.0), PixelWord("cae,", (450, 100, 500, 130), 7, 5.0),
             PixelWord("Telephone:", (100, 150, 280, 180), 8, 96.0)]
    straight = [PixelWord("prepared", (101, 99, 259, 131), 3, 96.0), PixelWord("by", (270, 99, 311, 131), 3, 96.0),
                PixelWord("Ottilie", (320, 99, 441, 131), 3, 90.0),
                PixelWord("Brackenbury,", (450, 99, 640, 131), 3, 95.0),
                PixelWord("Telephone:", (100, 150, 280, 180), 4, 40.0)]
    block = [PixelWord("prepared", (100, 100, 260, 130), 1, 80.0), PixelWord("by", (270, 100, 310, 130), 1, 60.0)]
    merged = merge_lines(first, [block, straight])
    assert [w.text for w in merged] == ["prepared", "by", "Ottilie", "Brackenbury,", "Telephone:"]
    assert [w.line for w in merged] == [7, 7, 7, 7, 8]  # the line keeps its number; a confident line stays
    assert merge_lines(first, [block]) == first  # another reading of only part of the line is not taken


def test_a_box_read_in_the_straightened_picture_maps_back_onto_the_ink():
    import numpy as np
    from PIL import Image, ImageDraw

    from redaction.ocr_tesseract import _unskew, skew_angle

    picture = Image.new("L", (400, 300), 255)
    ImageDraw.Draw(picture).rectangle((300, 50, 304, 54), fill=0)
    turned = picture.rotate(7, fillcolor=255)
    ys, xs = np.nonzero(np.asarray(turned) < 128)
    x0, y0, x1, y1 = _unskew((int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())), 7, picture.size)
    assert x0 <= 300 and y0 <= 50 and x1 >= 304 and y1 >= 54 and x1 - x0 <= 8 and y1 - y0 <= 8
    lines = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(lines)
    for y in range(60, 560, 40):
        draw.rectangle((60, y, 740, y + 14), fill=0)
    assert abs(skew_angle(lines.rotate(-1.6, fillcolor=255)) - 1.6) <= 0.2


def test_text_layer_of_a_skewed_line_keeps_each_word_inside_its_own_box():
    """A line of a skewed scan climbs across the page: every letter stays in its word's box, never in the
    band of the next line (where a redaction box may be)."""
    pdf, page = _layer_page()
    boxes = [(60.0, 700.0, 120.0, 712.0), (200.0, 707.0, 260.0, 719.0), (340.0, 714.0, 400.0, 726.0)]
    words = [(Word(t, b, 1, 95.0), 0) for t, b in zip(("Parking", "charges", "rise"), boxes)]
    page.obj.Contents = pdf.make_stream(layer_instructions(words))
    buf = io.BytesIO()
    pdf.save(buf)
    doc = pdfium.PdfDocument(buf.getvalue())
    textpage = doc[0].get_textpage()
    for i in range(textpage.count_chars()):
        if not textpage.get_text_range(i, 1).strip():
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        cx, cy = (left + right) / 2, (bottom + top) / 2
        assert any(b[0] - 2 <= cx <= b[2] + 2 and b[1] <= cy <= b[3] for b in boxes)
    doc.close()


def test_a_line_the_first_reading_dropped_is_added_from_another_reading():
    from redaction.ocr_tesseract import PixelWord, merge_lines

    first = [PixelWord("Engagement", (300, 230, 600, 300), 1, 96.0), PixelWord("holders", (620, 230, 800, 300), 1, 96.0),
             PixelWord("Head", (300, 580, 400, 650), 2, 29.0), PixelWord("Grcen", (420, 580, 560, 650), 2, 10.0)]
    block = [PixelWord("Engagement", (300, 230, 600, 300), 1, 96.0), PixelWord("holders", (620, 230, 800, 300), 1, 96.0),
             PixelWord("Site", (300, 310, 380, 420), 2, 96.0), PixelWord("Anneliese", (400, 310, 600, 420), 2, 96.0),
             PixelWord("Corcoran,", (620, 310, 820, 420), 2, 96.0),
             PixelWord("~", (300, 440, 320, 480), 3, 20.0), PixelWord("ee", (330, 440, 360, 480), 3, 30.0),
             PixelWord("Head", (300, 580, 400, 650), 4, 95.0), PixelWord("Green", (420, 580, 560, 650), 4, 92.0)]
    merged = merge_lines(first, [block])
    assert [w.text for w in merged] == ["Engagement", "holders", "Site", "Anneliese", "Corcoran,", "Head", "Green"]
    assert len({w.line for w in merged}) == 3  # the added line has a number of its own; a speck line is not added
