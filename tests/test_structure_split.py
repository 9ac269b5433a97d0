"""The Part 2 split fails closed: withholding wording outside a recognised Part 2 asks, recognisable headings
split, and the split follows reading order as displayed (rotated pages, a sideways table, two and three
columns). Each paper in tests/structure_pdfs/ is analysed, split with the detected or confirmed start, and
read back with poppler: Part 1 holds every ``pubNN`` token of the paper and no ``secNN`` token."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from redaction import analyse, redact
from redaction.decisions import Decisions
from redaction.errors import EmptyPart
from tests.textpdf import text_pdf

HERE = Path(__file__).parent / "structure_pdfs"
CASES = json.loads((HERE / "cases.json").read_text())


def poppler(data: bytes) -> str:
    run = subprocess.run(["pdftotext", "-q", "-", "-"], input=data, capture_output=True, timeout=60, check=True)
    return run.stdout.decode("utf-8", "replace")


def tokens(text: str, kind: str) -> set[str]:
    return set(re.findall(rf"\b{kind}\d\d\b", text))


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request):
    name = request.param
    data = (HERE / f"{name}.pdf").read_bytes()
    return name, data, analyse(data, f"{name}.pdf", detect=False)


def test_the_analysis_asks_or_splits(case):
    name, _, analysis = case
    expect = CASES[name]["expect"]
    r = analysis.to_dict()
    if expect.startswith("ask"):
        assert "part2_start" in r["needs_confirmation"], r["warnings"]
    else:
        assert r["needs_confirmation"] == [], r["warnings"]
        assert (r["part2"] is not None and r["part2"]["in_file"]) == (expect == "split")


def test_part1_holds_every_part1_line_and_no_part2_line(case):
    name, data, analysis = case
    confirm, expect = CASES[name]["confirm"], CASES[name]["expect"]
    start = confirm and {"page": confirm[0], "y": confirm[1], **({"x": confirm[2]} if confirm[2] is not None else {})}
    decisions = Decisions.from_dict({"part2_start": start} if confirm else
                                    {"confirmed": ["part2_start"]} if expect.startswith("ask") else {})
    result = redact(data, analysis, decisions, detect=False)
    source, part1 = poppler(data), poppler(result.part1)
    kept = source
    if expect == "ask_whole_page":  # the unclear page went to Part 2 whole, and the report says so
        assert any("whole page is withheld" in w for w in result.report["warnings"])
        kept = poppler(_pages(data, result.report["split"]["part1_pages"]))
    if expect == "ask_order":  # the text order disagrees with the columns: what follows either way is withheld
        assert any("disagrees with the columns" in w for w in result.report["warnings"])
        kept = part1
    assert tokens(kept, "pub") and tokens(part1, "pub") == tokens(kept, "pub")  # no Part 1 text lost
    assert tokens(part1, "sec") == set()  # no Part 2 text published
    if expect != "none":
        part2 = poppler(result.part2)
        assert tokens(part2, "sec") == tokens(source, "sec")
        assert tokens(part2, "pub") == tokens(source, "pub") - tokens(kept, "pub")


def _pages(data: bytes, pages: list[int]) -> bytes:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for index in range(len(pdf.pages) - 1, -1, -1):
            if index + 1 not in pages:
                del pdf.pages[index]
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


@pytest.mark.parametrize("name, columns, x", [("two_columns_left", 2, 60.8), ("two_columns_right", 2, 310.4),
                                              ("three_columns_middle", 3, 227.2), ("lo_two_columns", 2, None),
                                              ("chromium_two_columns", 2, None),
                                              ("three_columns_ragged", 3, 227.2),
                                              ("two_columns_ragged_right", 2, 310.4),
                                              ("lo_two_columns_ragged", 2, None)])
def test_columns_are_read_column_by_column(name, columns, x):
    analysis = analyse((HERE / f"{name}.pdf").read_bytes(), detect=False)
    split = analysis.structure.part2_split
    assert split.columns == columns and split.warning is None
    if x is not None:
        assert analysis.to_dict()["needs_confirmation"] == [] and abs(analysis.structure.part2_x - x) < 1


@pytest.mark.parametrize("y", [5000.0, -5000.0])
def test_an_empty_part_is_refused(y):
    data = (HERE / "numbered_heading.pdf").read_bytes()
    analysis = analyse(data, detect=False)
    with pytest.raises(EmptyPart, match="part [12]"):
        redact(data, analysis, Decisions.from_dict({"part2_start": {"page": 1, "y": y}}), detect=False)


@pytest.mark.slow
def test_cli_refuses_an_empty_part_with_one_line(tmp_path):
    decisions = tmp_path / "d.json"
    decisions.write_text(json.dumps({"part2_start": {"page": 1, "y": 5000}}))
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "service.cli", "redact", str(HERE / "numbered_heading.pdf"), "-o",
                          str(out), "--decisions", str(decisions)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stderr.strip().count("\n") == 0 and "part 1" in run.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("text, reference", [
    ("Report reference: CAB/2027/031\nTitle Budget\n", "CAB/2027/031"),
    ("Decision No. BD/27/044\nTitle Budget\n", "BD/27/044"),
    ("London Fire Brigade\nOur ref LFB-2210\n", "LFB-2210"),
    ("Decision number: LFC-0712-D\n", "LFC-0712-D"),
    ("DMPC Decision – PCD 956\n", "PCD 956"),
])
def test_references_of_other_schemes_are_read_as_written(text, reference):
    assert analyse(text_pdf(text), detect=False).structure.reference == reference


FORM = "DMPC Decision - PCD 77\nTitle Widgets\n"


@pytest.mark.parametrize("body, asks", [
    ("The breakdown below is not for publication until 30/06/2031.\nCosts: 12,000.", True),
    ("The annex is exempt until 31 March 2030.\nScores: 71, 64.", True),
    ("Exempt information by virtue of paragraph 3 of Schedule 12A.\nBids: 3.", True),
    ("CONFIDENTIAL\nBidder scores follow.", True),
    ("Exempt information: No\nThe report is public.", False),
    ("PART I - NON-CONFIDENTIAL FACTS AND ADVICE TO THE DMPC\nThe report is public.", False),
    ("Public access to information\nInformation in this form (Part 1) is subject to the FOIA.\n"
     "Part 2 Confidentiality: Only the facts or advice considered as likely to be exempt from disclosure under "
     "the FOIA should be in the separate Part 2 form.\nIs there a Part 2 form - NO", False),
    # a Part 2 the paper describes and withholds elsewhere (web-page form)
    ("7.1. The supporting documents are in Part 2. Part 2 is not suitable for MOPAC publication.", False),
    # numbered and other headings split rather than ask
    ("Costs are public.\n5. Part 2 — confidential facts and advice\nScores: 71.", False),
    ("Costs are public.\nPart 2 — Commercial terms\nThis part is exempt until 30/06/2031.", False),
])
def test_withholding_wording_outside_part2_asks(body, asks):
    r = analyse(text_pdf(FORM + body, width=200), detect=False).to_dict()
    assert ("part2_start" in r["needs_confirmation"]) == asks, r["warnings"]


@pytest.mark.parametrize("name", ["two_columns_right", "three_columns_middle", "rotate_90"])
def test_a_stored_analysis_splits_as_analysed(name):
    """Preview and publication redact with the analysis stored as JSON: the start's x keeps the column."""
    from redaction.analysis import Analysis

    data = (HERE / f"{name}.pdf").read_bytes()
    stored = Analysis.from_dict(json.loads(json.dumps(analyse(data, detect=False).to_dict())))
    result = redact(data, stored, detect=False)
    source, part1 = poppler(data), poppler(result.part1)
    assert tokens(part1, "pub") == tokens(source, "pub") and tokens(part1, "sec") == set()
    assert result.report["warnings"] == [w for w in stored.to_dict()["warnings"]]  # no fallback to a guess


def test_an_officer_start_names_its_column():
    data = (HERE / "two_columns_right.pdf").read_bytes()
    analysis = analyse(data, detect=False)
    (page, y), x = analysis.structure.part2_start, analysis.structure.part2_x
    exact = redact(data, analysis, Decisions.from_dict({"part2_start": {"page": page, "y": y, "x": x}}),
                   detect=False)
    assert tokens(poppler(exact.part1), "pub") == tokens(poppler(data), "pub")
    # without a column the first one is assumed: more is withheld, nothing of Part 2 is published
    guess = redact(data, analysis, Decisions.from_dict({"part2_start": {"page": page, "y": y}}), detect=False)
    assert tokens(poppler(guess.part1), "sec") == set() and any("first column" in w for w in guess.report["warnings"])


@pytest.mark.parametrize("name", ["two_columns_left", "three_columns_middle", "rotate_90", "sideways_landscape"])
def test_findings_on_the_boundary_page_take_their_part_from_reading_order(name):
    from redaction.detect.boxes import part_of

    analysis = analyse((HERE / f"{name}.pdf").read_bytes(), detect=False)
    start, page = analysis.structure.part2_boundary, analysis.document.pages[0]
    for m in re.finditer(r"(pub|sec)\d\d", page.text):
        box = page.chars[m.start()].box
        assert part_of(0, box, start) == (2 if m.group(1) == "sec" else 1), m.group(0)


def test_an_officer_start_with_x_on_an_unclear_page_withholds_what_follows_either_way():
    data = (HERE / "table_beside_heading.pdf").read_bytes()
    analysis = analyse(data, detect=False)
    page = analysis.document.pages[1]
    head = page.chars[page.text.index("Part 2")].box
    start = {"page": 2, "y": head[3] + 2, "x": head[0]}
    result = redact(data, analysis, Decisions.from_dict({"part2_start": start}), detect=False)
    part1 = poppler(result.part1)
    assert tokens(part1, "sec") == set() and tokens(part1, "pub") == tokens(poppler(data), "pub")
    assert any("columns to the right" in w for w in result.report["warnings"])


@pytest.mark.parametrize("name", sorted(n for n in CASES if "officer" in CASES[n]))
def test_an_officer_start_on_an_unclear_page_keeps_the_lines_above_that_run_across_it(name):
    """The page went to Part 2 whole; the officer's start with x then withholds what follows under either
    reading (columns or table), and a title across the page above it stays whole in Part 1."""
    data = (HERE / f"{name}.pdf").read_bytes()
    page, y, x = CASES[name]["officer"]
    result = redact(data, analyse(data, detect=False),
                    Decisions.from_dict({"part2_start": {"page": page, "y": y, "x": x}}), detect=False)
    source, part1, part2 = poppler(data), poppler(result.part1), poppler(result.part2)
    assert tokens(part1, "pub") == tokens(source, "pub") and tokens(part1, "sec") == set()
    assert tokens(part2, "sec") == tokens(source, "sec")
    assert any("columns to the right" in w for w in result.report["warnings"])


def _line(x0: float, x1: float):
    from redaction.reading_frame import Line

    return Line((x0, 700.0, x1, 710.0))


@pytest.mark.parametrize("x0, x1, after", [
    (60, 150, [(180, 240)]),       # ends left of the gutter: nothing changes
    (250, 400, [(180, 240)]),      # starts right of it
    (60, 205, [(205, 240)]),       # a long line of the left column: the gutter is narrower
    (222, 400, [(180, 222)]),      # an outdented line of the right column
    (60, 232, None),               # leaves less than the least gutter clear: runs across
    (60, 400, None),               # runs across the gutter
    (200, 220, None),              # sits inside the gutter (a table cell, a page number): no columns here
])
def test_a_line_narrows_a_gutter_or_bridges_it(x0, x1, after):
    """Gutters seen beside the boundary narrow to the band's ragged lines; only a line across one ends it."""
    from redaction.columns import taken_in

    assert taken_in(_line(x0, x1), [(180.0, 240.0)], 12.0) == after
