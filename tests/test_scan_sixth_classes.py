"""Classes the sixth never-seen scan set (tests/scans/never_seen6, now a tuning set) exposed, each built here
from its own words and small generated pictures (never the set's PDFs):

- a value proposed for redaction in one place but standing elsewhere in a picture or a scanned page
  (a heading, a table, another page) is proposed there too: the redaction plan spreads a value over the text
  layer only, and the verifier held the other mention against the published scan's text layer
  (``text-pdfium`` refused the paper: a real leak, caught);
- a line tesseract cut at a false column boundary (a page that slipped in the feeder: a band of lines
  stretched) is put together again, a word cut at the boundary made whole;
- a table row OCR read as one line has its cells as lines, as the text layer's cells are, so a name never
  runs on into the next cell.
"""

from __future__ import annotations

import io
import os
import shutil

import pytest

from redaction.analysis import PersonalData
from redaction.picture_findings import MENTION_REASON, other_mentions
from redaction.picture_text import Picture, PicturesRead, Word, joined, rejoin_cut_lines, split_cells


def _words(*rows):
    """rows: (line, [(text, x0, x1)], y0, y1) -> words in that order."""
    out = []
    for line, items, y0, y1 in rows:
        out.extend(Word(t, (x0, y0, x1, y1), line, 95.0) for t, x0, x1 in items)
    return out


def _lines(words):
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.text)
    return [" ".join(ws) for ws in lines.values()]


# A band read as two blocks: every left piece first, then every right piece, cut at x = 128.
_CUT = [
    # (case, rows, expected lines)
    ("a surname cut in two at the false boundary is one word again",
     [(1, [("Perpetua", 58, 100), ("Bra", 105, 127)], 684, 698),
      (2, [("Comments", 59, 115), ("to", 119, 129)], 664, 676),
      (9, [("ckenbury", 130, 173), ("will", 177, 193), ("publish", 198, 234)], 687, 699),
      (10, [("jo.bell@example.org", 133, 230)], 662, 678)],
     ["Perpetua Brackenbury will publish", "Comments to jo.bell@example.org"]),
    ("an English word cut in two is one word again",
     [(1, [("The", 59, 78), ("board", 83, 112), ("ag", 116, 128)], 611, 621),
      (2, [("reed", 131, 152), ("that", 156, 177)], 613, 622)],
     ["The board agreed that"]),
    ("two English words at a word space stay two words, on one line",
     [(1, [("run", 59, 76), ("the", 80, 96)], 708, 717),
      (2, [("timetable", 100, 150), ("from", 154, 178)], 708, 717)],
     ["run the timetable from"]),
    ("a real second column (a wide gutter) stays a line of its own",
     [(1, [("Left", 59, 80), ("column", 84, 120)], 700, 710),
      (2, [("Right", 150, 175), ("column", 179, 215)], 700, 710)],
     ["Left column", "Right column"]),
    ("a line on another row is not joined",
     [(1, [("First", 59, 80), ("line", 84, 100)], 700, 710),
      (2, [("second", 102, 130), ("line", 134, 150)], 680, 690)],
     ["First line", "second line"]),
]


@pytest.mark.parametrize("case,rows,expected", _CUT, ids=[c[0] for c in _CUT])
def test_lines_cut_at_a_false_column_are_joined(case, rows, expected):
    assert _lines(rejoin_cut_lines(_words(*rows))) == expected


_CELLS = [
    ("a table row: name, organisation, number",
     [(1, [("Rosalind", 57, 83), ("Fairlie-Okoro", 85, 126), ("Thornbridge", 175, 215), ("Homes", 218, 240),
           ("0161", 287, 302), ("496", 305, 315), ("0732", 317, 331)], 678, 684)],
     ["Rosalind Fairlie-Okoro", "Thornbridge Homes", "0161 496 0732"]),
    ("a justified line keeps its words together",
     [(1, [("The", 57, 75), ("board", 80, 105), ("agreed", 110, 140), ("to", 145, 155), ("meet", 160, 185)],
       700, 710)],
     ["The board agreed to meet"]),
    ("two words far apart on their own are two cells only past the widest justification",
     [(1, [("Signed", 57, 90), ("Ruth", 100, 120)], 700, 710)],
     ["Signed Ruth"]),
]


@pytest.mark.parametrize("case,rows,expected", _CELLS, ids=[c[0] for c in _CELLS])
def test_table_cells_read_as_lines(case, rows, expected):
    assert _lines(split_cells(_words(*rows))) == expected


def _picture(page, rows):
    return joined(Picture(page=page, box=(0, 0, 595, 842), words=_words(*rows)))


def _item(text, page, box, action="redact", type_="PERSON"):
    return PersonalData(type=type_, text=text, page=page, part=1, action=action, reason="person's name",
                        score=0.85, boxes=[box], source="ocr", confidence=0.9)


_SPREAD = [
    # (case, items, expected (page, text) proposed as other mentions)
    ("a name found in a sentence on page 2 is proposed where it stands in page 1's table",
     [_item("Perpetua Brackenbury", 2, (58, 683, 174, 699))], [(1, "Perpetua Brackenbury")]),
    ("a name the policy kept is not spread", [_item("Perpetua Brackenbury", 2, (58, 683, 174, 699), action="keep")],
     []),
    ("a bracketed placeholder names nothing to look for",
     [_item("[unclear: Perpetua]", 2, (58, 683, 174, 699), type_="UNCLEAR_TEXT")], []),
    ("a mention already covered is not proposed again",
     [_item("Perpetua Brackenbury", 2, (58, 683, 174, 699)), _item("Perpetua Brackenbury", 1, (56, 677, 128, 685))],
     []),
    ("an e-mail address found in the text layer is proposed in the picture",
     [_item("o.brackenbury@example.org", 3, (10, 10, 90, 20), type_="EMAIL_ADDRESS")],
     [(2, "o.brackenbury@example.org")]),
]


@pytest.mark.parametrize("case,items,expected", _SPREAD, ids=[c[0] for c in _SPREAD])
def test_other_mentions_of_a_removed_value_in_pictures(case, items, expected):
    pictures = PicturesRead(pictures=[
        _picture(1, [(1, [("Perpetua", 57, 83), ("Brackenbury", 85, 127)], 678, 684),
                     (2, [("Thornbridge", 175, 215), ("Homes", 218, 240)], 678, 684)]),
        _picture(2, [(1, [("Minutes:", 20, 50), ("Perpetua", 58, 100), ("Brackenbury", 105, 173)], 684, 698),
                     (2, [("Comments", 20, 50), ("to", 55, 60), ("o.brackenbury@example.org", 65, 200)], 660, 670)]),
    ])
    found = other_mentions(pictures, items, lambda page, box: 1)
    assert [(i.page, i.text) for i in found] == expected
    for item in found:
        assert item.reason.startswith(MENTION_REASON) and item.source == "ocr" and item.action == "redact"
        assert item.boxes and item.type == items[0].type


# --- end to end: a scanned table of two pages drawn here -------------------------------------------------

tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is installed by make test")

_NAME = "Rosalind Fairlie-Okoro"
_OTHER = "Evander Marchbank-Ashby"
_PHONE = "0161 496 0732"


def _scan_pdf() -> bytes:
    """Two scanned pages at 200 dpi: page 1 a ruled table whose rows run a name on into an organisation
    and a number; page 2 a sentence naming the table's first person."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font(), 30)
    pages = []
    for lines in ([("Name", "Organisation", "Telephone"), (_NAME, "Thornbridge Homes", _PHONE),
                   (_OTHER, "Age Concern Sarn", "0113 496 0418")],
                  [("Minutes of the partnership meeting.",), (f"Action: {_NAME} to send the form in March.",)]):
        img = Image.new("L", (1654, 2339), 255)
        draw = ImageDraw.Draw(img)
        for row, cells in enumerate(lines):
            for col, cell in enumerate(cells):
                draw.text((150 + col * 480, 250 + row * 70), cell, font=font, fill=0)
        pages.append(img)
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", resolution=200.0, save_all=True, append_images=pages[1:])
    return buf.getvalue()


def _font() -> str:
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        if os.path.exists(path):
            return path
    pytest.skip("no TrueType font to draw the scan")


@tesseract
def test_scanned_table_name_found_in_its_cell_and_published():
    from redaction import analyse, redact
    from redaction.decisions import Decisions
    from tests.redact_checks import pdfium_text

    data = _scan_pdf()
    analysis = analyse(data, "table.pdf")
    redacted = [i for i in analysis.personal_data if i.action == "redact"]
    pages_named = {i.page for i in redacted if "Fairlie" in i.text}
    assert pages_named == {1, 2}
    assert any("Marchbank" in i.text and "Sarn" not in i.text for i in redacted)
    result = redact(data, analysis, Decisions.from_dict({"confirmed": analysis.needs_confirmation}))
    shown = pdfium_text(result.part1)
    assert "Fairlie" not in shown and "Marchbank" not in shown and "Minutes of the partnership meeting" in shown
