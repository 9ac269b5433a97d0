"""Split and keep: Part 1 holds every word of Part 1 that was not redacted and nothing of Part 2; Part 2
holds nothing of Part 1 from the boundary page; mid-page content is removed, not covered."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from redaction import analyse, redact
from redaction.decisions import Decisions
from redaction.pdf.plan import plan_redactions
from service.cli import main
from tests.redact_checks import pdfium_text, squash

PDFS = Path(__file__).parent / "fixtures" / "pdf"
PAPERS = ["seed_pcd956.reportlab", "seed_pcd956.libreoffice", "seed_pcd956.chromium",
          "syn_part2_midpage.reportlab", "syn_part2_midpage.chromium", "syn_people_numbers.libreoffice",
          # unseen-paper regressions: a page rasterised for a font without widths (its labels must keep their
          # own text state), a council heading, a fire service paper
          "qa_gla_md_confidential.reportlab", "qa_council_cabinet.libreoffice", "qa_lfc_exempt_info.chromium"]


def _words(text: str) -> Counter:
    return Counter(w.casefold() for w in re.findall(r"[^\W_]+", text))


def _part_text(analysis, part: int, skip=None) -> str:
    doc, start = analysis.document, analysis.structure.part2_start
    chunks = []
    for index, page in enumerate(doc.pages):
        boxes = skip(index) if skip else []
        for ch in page.chars:
            if ch.box and any(b[0] <= (ch.box[0] + ch.box[2]) / 2 <= b[2] and b[1] <= (ch.box[1] + ch.box[3]) / 2
                              <= b[3] for b in boxes):
                chunks.append(" ")
                continue
            if start is None:
                mine = part == 1
            elif index + 1 != start[0]:
                mine = (index + 1 < start[0]) == (part == 1)
            else:
                cy = (ch.box[1] + ch.box[3]) / 2 if ch.box else None
                mine = cy is None or ((cy > start[1]) == (part == 1))
            chunks.append(ch.text if mine else " ")
        chunks.append("\n\n")
    return "".join(chunks)


@pytest.fixture(scope="module", params=PAPERS)
def paper(request):
    data = (PDFS / f"{request.param}.pdf").read_bytes()
    analysis = analyse(data, "paper.pdf")
    return analysis, redact(data, analysis)


@pytest.mark.slow
def test_part1_keeps_every_word_that_was_not_redacted(paper):
    analysis, result = paper
    plan = plan_redactions(analysis.document, analysis, Decisions())  # what was decided to go
    expected = _words(_part_text(analysis, 1, skip=lambda i: [r.box for r in plan.regions(i)]))
    got = _words(pdfium_text(result.part1))
    missing = {w: n - got[w] for w, n in expected.items() if n > got[w]}
    assert missing == {}


def test_part1_holds_no_part2_sentence_and_part2_no_part1_sentence(paper):
    analysis, result = paper
    if analysis.structure.part2_start is None:
        assert result.part2 is None and result.report["split"]["part2_pages"] == []
        return
    p1, p2 = squash(pdfium_text(result.part1)), squash(pdfium_text(result.part2))
    heading = squash("This section refers to the details of the Part 2")
    assert heading not in p1
    for line in _part_text(analysis, 2).splitlines():
        if len(squash(line)) >= 30:
            assert squash(line) not in p1
    page = analysis.structure.part2_start[0]
    boundary_part1 = [ln for ln in _part_text(analysis, 1).split("\n\n")[page - 1].splitlines()
                      if len(squash(ln)) >= 30]
    assert not [ln for ln in boundary_part1 if squash(ln) in p2]
    assert result.report["split"]["part2_pages"][0] == page


def test_moved_boundary_and_no_part2_decisions():
    data = (PDFS / "syn_part2_midpage.reportlab.pdf").read_bytes()
    analysis = analyse(data, "p.pdf")
    none = redact(data, analysis, Decisions.from_dict({"part2_start": None}))
    assert none.part2 is None and none.report["split"]["part2_pages"] == []
    moved = redact(data, analysis, Decisions.from_dict({"part2_start": {"page": 2, "y": 900}}))
    assert moved.report["split"]["part1_pages"] == [1]


def test_cli_writes_parts_and_report(tmp_path):
    decisions = tmp_path / "d.json"
    decisions.write_text(json.dumps({"redact_texts": ["Social Media Hub"]}))
    out = tmp_path / "out"
    assert main(["redact", str(PDFS / "seed_pcd956.reportlab.pdf"), "-o", str(out), "--decisions",
                 str(decisions)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["part1.pdf", "part2.pdf", "report.json"]
    report = json.loads((out / "report.json").read_text())
    assert report["verification"]["passed"] is True and "text-pdfminer" in report["verification"]["checks"]
    assert "socialmediahub" not in squash(pdfium_text((out / "part1.pdf").read_bytes()))
    assert "Mike West" not in json.dumps(report["removed"])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("argv,message", [
    (["redact", "missing.pdf", "-o", "x"], "no such file"),
    (["redact", __file__, "-o", "x"], "not a PDF"),
])
def test_cli_bad_input_is_one_line(tmp_path, capsys, argv, message):
    argv = [a if a != "x" else str(tmp_path / "x") for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (tmp_path / "x").exists()
