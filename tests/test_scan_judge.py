"""The scan sets' judge (tests/scans/judge.py) says an item was proposed two ways: by text (a finding's text
holds the planted text) and by box (the findings' boxes cover the item where the judge's own OCR reads it on the
original page). By box counts a finding whose OCR text is misread and an item proposed as two findings; it does
not count a finding of the right text in the wrong place."""

import io
import shutil

import pytest

from tests.scans.judge import COVER, Word, covered, covered_share, judge, locate, page_words

# The judge's own reading of page 1 (page coordinates, y up): a line naming Siobhán Villaseñor, her number and
# address, and a line naming Cathán Ó Tuathail.
LINE1 = [("Contact", 60, 108), ("Siobhán", 112, 160), ("Villaseñor,", 164, 230), ("020", 236, 256),
         ("7946", 260, 290), ("0185", 294, 324), ("or", 328, 340), ("s.villasenor@tribunal.example.gov.uk", 344, 560)]
LINE2 = [("Signed:", 60, 104), ("Cathán", 108, 150), ("Ó", 154, 162), ("Tuathail", 166, 220)]
WORDS = {1: [Word(t, (x0, 700, x1, 712)) for t, x0, x1 in LINE1] + [Word(t, (x0, 660, x1, 672)) for t, x0, x1 in LINE2]}

NAME = {"text": "Siobhán Villaseñor", "type": "PERSON", "page": 1}
PHONE = {"text": "020 7946 0185", "type": "PHONE_NUMBER", "page": 1}
SIGNED = {"text": "Cathán Ó Tuathail", "type": "PERSON", "page": 1}
SURNAME = {"text": "Villasenor", "type": "PERSON", "page": 1}  # also the start of the address: not that one


def finding(text, boxes, page=1, action="redact", source="ocr"):
    return {"text": text, "page": page, "action": action, "source": source, "boxes": [list(b) for b in boxes]}


@pytest.mark.parametrize("item, findings, by_text, by_box", [
    # the value read right, where it is
    (NAME, [finding("Siobhán Villaseñor", [(112, 700, 230, 712)])], 1, 1),
    # misread by the engine's OCR ("ñ" as "fi"): by text missed, by box proposed
    (NAME, [finding("Siobhan Villasefior", [(111, 699, 231, 713)])], 0, 1),
    # proposed as two findings, the first name and the surname: by text missed, by box proposed
    (SIGNED, [finding("Cathan", [(108, 660, 150, 672)]), finding("O Tuathail", [(154, 660, 220, 672)])], 0, 1),
    # the right text in the wrong place (the address line of another page's box): by box not proposed
    (NAME, [finding("Siobhán Villaseñor", [(60, 400, 180, 412)])], 1, 0),
    # only the first name covered: under COVER of the item's area
    (NAME, [finding("Siobhán", [(112, 700, 160, 712)])], 0, 0),
    # the label read with the name is part of the item here: a word of it left uncovered, not proposed
    ({"text": "Signed: Cathán Ó Tuathail", "type": "PERSON", "page": 1},
     [finding("Cathan O Tuathail", [(108, 660, 220, 672)])], 0, 0),
    # nothing proposed
    (PHONE, [], 0, 0),
    # a finding kept, or on another page, proposes nothing
    (PHONE, [finding("020 7946 0185", [(236, 700, 324, 712)], action="keep")], 0, 0),
    (PHONE, [finding("020 7946 0185", [(236, 700, 324, 712)], page=2)], 0, 0),
    # a number read with OCR's slips ("0I8S"): both judges count it
    (PHONE, [finding("020 7946 0I8S", [(236, 700, 324, 712)])], 1, 1),
    # a number proposed in two findings: by text missed, by box proposed
    (PHONE, [finding("020 7946", [(236, 700, 290, 712)]), finding("0185", [(294, 700, 324, 712)])], 0, 1),
    # a surname that is also in the e-mail address: covering only the address, by text counted (the address
    # holds the surname), by box not (the surname's own place is not covered)
    (SURNAME, [finding("s.villasenor@tribunal.example.gov.uk", [(344, 700, 560, 712)])], 1, 0),
    (SURNAME, [finding("Villaseñor", [(164, 700, 230, 712)])], 1, 1),
])
def test_proposed_by_text_and_by_box(item, findings, by_text, by_box):
    manifest = {"planted": [item], "ordinary": [], "part2": []}
    judged = judge(manifest, {"personal_data": findings}, None, None, words=WORDS)
    assert (judged.proposed, judged.proposed_by_box, judged.unlocated) == (by_text, by_box, 0)
    assert len(judged.missed_by_box) == 1 - by_box


def test_an_item_the_judge_cannot_find_is_judged_by_text():
    item = {"text": "Perpetua Oyelaran-Hughes", "type": "PERSON", "page": 1}
    manifest = {"planted": [item], "ordinary": [], "part2": []}
    found = [finding("Perpetua Oyelaran-Hughes", [(0, 0, 10, 10)])]
    judged = judge(manifest, {"personal_data": found}, None, None, words=WORDS)
    assert (judged.proposed, judged.proposed_by_box, judged.unlocated) == (1, 1, 1)
    judged = judge(manifest, {"personal_data": []}, None, None, words=WORDS)
    assert (judged.proposed, judged.proposed_by_box, judged.unlocated) == (0, 0, 1)


def test_without_the_original_only_text_is_judged():
    manifest = {"planted": [NAME], "ordinary": [], "part2": []}
    judged = judge(manifest, {"personal_data": []}, None, None)
    assert judged.proposed_by_box is None and judged.proposed == 0


@pytest.mark.parametrize("text, read, expected", [
    ("Siobhán Villaseñor", ["Siobhan", "Villasefior"], 1),  # accents and a misread letter
    ("Cathán Ó Tuathail", ["Cathan", "O", "Tuathail"], 1),
    ("Cathán Ó Tuathail", ["Signed:Cathan", "OTuathail"], 1),  # glued to a label: the item is most of the run
    ("020 7946 0185", ["020", "7946", "0185."], 1),
    ("020 7946 0185", ["020", "7946", "0932"], 0),  # another number on the page is not this one
    ("Siobhán Villaseñor", ["siobhan.villasenor@tribunal.example.gov.uk"], 0),  # the name inside an address
    ("Siobhán Villaseñor", ["siobhan.villasenor", "@tribunal.example.gov.uk"], 0),
    ("s.villasenor@tribunal.example.gov.uk", ["s.villasenor", "@tribunal.example.gov.uk"], 1),
])
def test_locate(text, read, expected):
    words = [Word(w, (100 + 60 * i, 500, 150 + 60 * i, 512)) for i, w in enumerate(read)]
    assert len(locate(text, words)) == expected


def test_an_item_is_cut_to_its_letters_in_a_word_it_shares():
    words = [Word("Signed:Cathan", (100, 500, 230, 512)), Word("OTuathail", (234, 500, 324, 512))]
    (place,) = locate("Cathán Ó Tuathail", words)
    assert place[0][0] == pytest.approx(100 + 130 * 6 / 12)  # "signed" is 6 of the 12 letters
    assert place[1] == (234, 500, 324, 512)


@pytest.mark.parametrize("item, findings, share, whole", [
    ([(0, 0, 10, 10)], [(0, 0, 10, 10)], 1.0, True),
    ([(0, 0, 10, 10)], [(20, 0, 30, 10)], 0.0, False),
    ([(0, 0, 10, 10)], [(0, 0, 5, 10)], 0.5, False),
    ([(0, 0, 10, 10)], [(0, 0, 5, 10), (5, 0, 10, 10)], 1.0, True),  # two findings side by side
    ([(0, 0, 10, 10), (20, 0, 30, 10)], [(0, 0, 10, 10)], 0.5, False),  # an item in two words, one covered
    ([(0, 0, 10, 10)], [(-1, -1, 11, 11), (0, 0, 10, 10)], 1.0, True),  # overlapping findings count once
    ([(0, 0, 10, 10)], [(0.5, 0.5, 10, 9.5)], 0.9, True),  # the judge's box a little larger than the finding's
    # an address proposed without its short first word ("ewa." of "ewa.kowalczyk-byrne@…"): most of the area,
    # but a word of it is left
    ([(0, 0, 4, 10), (6, 0, 60, 10)], [(6, 0, 60, 10)], 0.93, False),
])
def test_covered_share(item, findings, share, whole):
    assert covered_share(item, findings) == pytest.approx(share, abs=0.06)
    assert covered(item, findings) == whole


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
@pytest.mark.parametrize("rotate", [0, 90])
def test_page_words_are_in_page_coordinates(rotate):
    """The judge's reading of a page maps each word to the page's own coordinates, /Rotate included."""
    import pikepdf
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 14)
    c.drawString(100, 700, "Prepared by Harriet Quennell on Tuesday.")
    c.showPage()
    c.save()
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        pdf.pages[0].obj["/Rotate"] = rotate
        out = io.BytesIO()
        pdf.save(out)
    words = page_words(out.getvalue())
    (place,) = locate("Harriet Quennell", words[1])
    x0, y0 = min(b[0] for b in place), min(b[1] for b in place)
    x1, y1 = max(b[2] for b in place), max(b[3] for b in place)
    start = 100 + c.stringWidth("Prepared by ", "Helvetica", 14)
    end = start + c.stringWidth("Harriet Quennell", "Helvetica", 14)
    assert x0 == pytest.approx(start, abs=6) and x1 == pytest.approx(end, abs=6)
    assert 696 <= y0 <= 701 and 708 <= y1 <= 714
