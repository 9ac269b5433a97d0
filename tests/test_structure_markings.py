"""Protective markings, exemptions read from a Part 2 heading, an officer's Part 2 start, and blank pages.

Papers from tests/structure_pdfs/make_marking_pdfs.py (committed with it). A running "OFFICIAL-SENSITIVE"
on every page classifies the paper and asks nothing; a marking over a section, on some pages only, on a
single page, or wording that withholds still asks (fail closed). A blank page is no scan; a page that is
only an image, or a drawing of many strokes, still asks.
"""

from pathlib import Path

import pytest

from redaction import analyse, redact
from redaction.decisions import Decisions
from redaction.structure import read_part2_after

PAPERS = Path(__file__).parent / "structure_pdfs" / "markings"


def _analyse(name: str):
    return analyse((PAPERS / f"{name}.pdf").read_bytes(), f"{name}.pdf", detect=False)


# name -> what the analysis must ask ("part2_start", "image_pages"), and the Part 2 page it finds (None: none)
ASKS = [
    ("running_official_sensitive", [], None),
    ("running_confidential_until_approved", [], None),
    ("running_footer_restricted_page_numbers", [], None),
    ("marking_over_section", ["part2_start"], None),
    ("marking_header_annex_pages_only", ["part2_start"], None),
    ("running_header_single_page", ["part2_start"], None),
    ("running_header_with_part2", [], 2),
    ("blank_first_page", [], None),
    ("blank_page_with_rule", [], None),
    ("lo_writerweb_blank_first", [], None),
    ("image_only_page", ["image_pages"], None),
    ("drawn_scribble_page", ["image_pages"], None),
]


@pytest.mark.parametrize("name, asks, part2_page", ASKS, ids=[a[0] for a in ASKS])
def test_what_the_analysis_asks(name, asks, part2_page):
    if not (PAPERS / f"{name}.pdf").exists():
        pytest.skip("made by LibreOffice; run make_marking_pdfs.py where soffice is installed")
    a = _analyse(name)
    assert a.needs_confirmation == asks
    start = a.structure.part2_start
    assert (start[0] if start else None) == part2_page


def test_withholding_running_header_never_passes_as_a_classification():
    """"NOT FOR PUBLICATION" on every page withholds: the paper asks or is all Part 2, never all Part 1."""
    a = _analyse("running_not_for_publication")
    assert "part2_start" in a.needs_confirmation or a.structure.part2_start == (1, pytest.approx(824.5, abs=40))


# name -> the exemptions (section, until) and release date read from the Part 2 heading and its first lines
EXEMPTIONS = [
    ("heading_under_section_43", [("43", "2031-06-30")], "2031-06-30"),
    ("heading_s43_2", [("43", "2030-12-31")], "2030-12-31"),
    ("heading_schedule_12a", [("Sch12A para 3", None)], None),
    ("heading_schedule_12a_two_paragraphs", [("Sch12A para 3", None), ("Sch12A para 5", None)], None),
    ("running_header_with_part2", [("43", "2030-03-31")], "2030-03-31"),
]


@pytest.mark.parametrize("name, exemptions, release", EXEMPTIONS, ids=[e[0] for e in EXEMPTIONS])
def test_exemptions_read_from_the_part2_heading(name, exemptions, release):
    part2 = _analyse(name).to_dict()["part2"]
    assert [(e["section"], e["until"]) for e in part2["exemptions"]] == exemptions
    assert part2["release_on"] == release
    for e in part2["exemptions"]:
        assert e["act"] == ("Local Government Act 1972" if e["section"].startswith("Sch12A")
                            else "Freedom of Information Act 2000")


def test_section_43_subsection_kept():
    part2 = _analyse("heading_s43_2").to_dict()["part2"]
    assert part2["exemptions"][0]["subsection"] == "(2)"


def test_officer_start_reads_exemptions_and_drops_the_stale_warning():
    name = "image_heading_officer_start"
    a = _analyse(name)
    assert a.needs_confirmation == ["part2_start"] and a.to_dict()["part2"] is None
    page = a.document.pages[0]
    top = max(b[3] for b in page.images)  # just above the picture of the heading
    decisions = Decisions.from_dict({"part2_start": {"page": 1, "y": top + 2}})
    result = redact((PAPERS / f"{name}.pdf").read_bytes(), a, decisions, detect=False)
    part2 = result.report["part2"]
    assert part2["start_by"] == "officer" and part2["in_file"] is True
    assert [(e["section"], e["until"]) for e in part2["exemptions"]] == [("43", "2031-06-30")]
    assert part2["release_on"] == "2031-06-30"
    assert not any("none was found" in w or "drawn as a picture" in w for w in result.report["warnings"])
    assert result.part2 is not None


def test_officer_start_below_the_notice_keeps_what_the_analysis_read():
    """Reading after a start placed below the notice finds nothing: the report keeps the analysis's reading."""
    from redaction.officer_part2 import apply_officer_part2

    a = _analyse("heading_under_section_43")
    report = a.to_dict()
    split = a.structure.part2_split
    last = a.document.pages[0]
    low = min(c.box[1] for c in last.chars if c.box and c.text.strip())
    from redaction.reading_order import point_split

    below = point_split(a.document, 0, low + 12, None)
    assert not read_part2_after(a.document, below).exemptions
    apply_officer_part2(report, a.document, below)
    assert report["part2"]["release_on"] == "2031-06-30" and split is not None
