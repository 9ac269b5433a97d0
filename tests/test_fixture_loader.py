"""The fixture papers and their loader: markup, labels, expectations and the committed PDFs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.fixtures import papers
from tests.fixtures.papers import PaperFormatError, load, names, plain_text

ALL = names()
SEEDS = ["seed_pcd956", "seed_pcd1682", "seed_pcd1218", "seed_pcd726"]
# Ofcom drama ranges: fictional numbers only (020 7946 0xxx, 07700 900xxx, 0113/0161 496 0xxx).
# Separators may be spaces or hyphens ("07700-900-123"); an extension may follow ("ext. 4567", "(ext 2231)").
DRAMA = re.compile(r"^(?:\+44[\s-]?\(0\)[\s-]?|\+44[\s-]?|0044[\s-]?|0)(?:20[\s-]?7946[\s-]?0\d{3}|"
                   r"207[\s-]?946[\s-]?0\d{3}|7700[\s-]?900[\s-]?\d{3}|113[\s-]?496[\s-]?0\d{3}|"
                   r"161[\s-]?496[\s-]?0\d{3})(?:\s*\(?(?:ext|extn|x)\.?\s*\d{1,5}\)?)?$")


def _write(tmp_path: Path, body: str, monkeypatch) -> str:
    monkeypatch.setattr(papers, "PAPERS_DIR", tmp_path)
    load.cache_clear()
    (tmp_path / "t.txt").write_text(body, encoding="utf-8")
    return "t"


HEADER = """%expect reference: PCD 1
%expect title: T
%expect deferred: no
%expect deferred_until: null
%expect deferral_reason: null
%expect part2_form: null
%expect part2: no
%expect release_on: null
%expect review_on: null
%expect warnings: none
"""


def test_there_are_seeds_and_at_least_ten_synthetic_papers():
    assert set(SEEDS) <= set(ALL)
    assert len([n for n in ALL if n not in SEEDS]) >= 10
    assert "long_50_pages" in ALL


@pytest.mark.parametrize("name", ALL)
def test_every_paper_loads_with_complete_expectations(name):
    paper = load(name)
    for key in papers.REQUIRED_EXPECT:
        assert key in paper.expect, key
    assert paper.expect["part2"] in ("yes", "no", "referenced")
    if paper.expect["part2"] == "no":
        assert not paper.expect["exemptions"] and paper.expect["release_on"] is None
    else:
        assert paper.expect["exemptions"], "a Part 2 names its exemption"
    if paper.expect["part2"] == "yes":
        assert paper.expect.get("part2_heading_text"), "the boundary test needs the heading's first words"
    untils = [e.until for e in paper.expect["exemptions"]]
    if untils and all(untils):
        assert paper.expect["release_on"] == max(untils)


@pytest.mark.parametrize("name", ALL)
def test_markup_is_stripped_and_labels_point_at_their_text(name):
    paper = load(name)
    text = plain_text(name)
    assert "[[" not in text and "]]" not in text and "**" not in text and "---page---" not in text
    assert not any(line.startswith(("# ", "%")) for line in text.splitlines())
    for label in paper.labels:
        assert text[label.start:label.end] == label.text
        assert label.action in ("redact", "keep")
        assert label.type in papers.LABEL_TYPES
        # the n-th occurrence of the text is the label itself
        pos = -1
        for _ in range(label.occurrence + 1):
            pos = text.find(label.text, pos + 1)
        assert pos == label.start
    assert [lab.index for lab in paper.labels] == list(range(len(paper.labels)))


@pytest.mark.parametrize("name", ALL)
def test_phone_numbers_are_fictional(name):
    for label in load(name).labels:
        if label.type == "PHONE_NUMBER":
            assert DRAMA.match(label.text), label.text


@pytest.mark.parametrize("name,producer,path", papers.pdf_paths(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_pdf_exists_for_every_producer(name, producer, path):
    assert path.is_file(), f"missing {path.name}: run make fixtures"
    assert path.read_bytes()[:5] == b"%PDF-"


def test_every_paper_has_three_producers_except_the_long_one():
    for name in ALL:
        expected = 2 if name == "long_50_pages" else 3
        assert len(load(name).producers) == expected, name


def test_no_stray_pdfs():
    made = {path.name for _, _, path in papers.pdf_paths()}
    assert {p.name for p in papers.PDF_DIR.glob("*.pdf")} == made


def test_seed_pcd956_labels():
    labels = [(lab.type, lab.text, lab.action) for lab in load("seed_pcd956").labels]
    assert labels == [
        ("SIGNATURE", "Splue hunden.", "redact"), ("SIGNATURE", "Ranaluciterd.", "redact"),
        ("PERSON", "Mike West", "redact"), ("PERSON", "Graham McNulty", "keep"),
        ("PERSON", "Mike West", "redact"), ("PHONE_NUMBER", "07700 900815", "redact"),
    ]
    text = plain_text("seed_pcd956")
    assert "Report by DSU Mike West on behalf" in text
    assert "07785 518789" not in text
    assert "DAC Graham McNulty as the NPCC gangs lead" in text


def test_organisations_named_after_people_are_not_labelled():
    text = plain_text("seed_pcd1218")
    assert "The Ben Kinsella Trust" in text and "St Giles Trust" in text
    assert {lab.text for lab in load("seed_pcd1218").labels} == {"Sophie Linden"}


@pytest.mark.parametrize("body,start,expected", [
    ("Mr [[PERSON:West]] and **bold** [[PHONE_NUMBER:020 7946 0001]]", 0,
     [("PERSON", "West", "redact", 3), ("PHONE_NUMBER", "020 7946 0001", "redact", 17)]),
    ("# Head\n\n- DAC [[PERSON:Ann Lee|keep]]", 0, [("PERSON", "Ann Lee", "keep", 12)]),
    ("|= 30 | 70 |\n| # A | [[PERSON:Bo Ray|redact]] x |\n| b | c |", 0, [("PERSON", "Bo Ray", "redact", 2)]),
])
def test_label_offsets(tmp_path, monkeypatch, body, start, expected):
    name = _write(tmp_path, HEADER + "\n" + body + "\n", monkeypatch)
    try:
        paper = load(name)
        assert [(lab.type, lab.text, lab.action, lab.start) for lab in paper.labels] == expected
    finally:
        load.cache_clear()


def test_blocks_and_plain_text(tmp_path, monkeypatch):
    body = ("# Title\n\nline one\nline two\n\n---page---\n\n- item\n\n|= 60 | 40 |\n"
            "| # Head | **x** y |\n| [[PERSON:A B|keep]] | c |\n")
    name = _write(tmp_path, HEADER + "\n" + body, monkeypatch)
    try:
        paper = load(name)
        assert [b.kind for b in paper.blocks] == ["heading", "para", "pagebreak", "bullet", "table"]
        assert paper.blocks[-1].widths == (60.0, 40.0)
        assert paper.blocks[-1].rows[1][0] == "A B"  # the label's '|' is not a cell separator
        assert paper.text == "Title\n\nline one\nline two\n\n• item\n\nHead\tx y\nA B\tc"
        assert paper.expect["today"] == papers.REFERENCE_TODAY == date(2026, 11, 1)
    finally:
        load.cache_clear()


@pytest.mark.parametrize("body,message", [
    (HEADER.replace("%expect warnings: none\n", ""), "missing %expect warnings"),
    (HEADER + "%expect warnings: sometimes\n", "unknown warning key"),
    (HEADER + "%expect exemption: 31 | Law enforcement | 2025-04-01\n", "exemption is"),
    (HEADER + "%expect colour: blue\n", "unknown expect key"),
    (HEADER + "\n[[PERSON:Open", "malformed label"),
    (HEADER + "\n[[NAME:Ann]]", "unknown label type"),
    (HEADER + "\ntext\n%expect title: late\n", "front matter"),
])
def test_format_errors_name_the_problem(tmp_path, monkeypatch, body, message):
    name = _write(tmp_path, body, monkeypatch)
    try:
        with pytest.raises(PaperFormatError, match=message):
            load(name)
    finally:
        load.cache_clear()
