"""Fail closed when the analysis is unsure where Part 2 starts: nothing is written until an officer says."""

import json
import subprocess
import sys

import pytest

from redaction import analyse, redact
from redaction.decisions import Decisions
from redaction.errors import DecisionNeeded
from tests.textpdf import text_pdf

PAPER = ("DMPC Decision – PCD 4242\nTitle Tender for custody healthcare\n"
         "Is there a Part 2 form - YES\n"
         "1.1. The evaluation is described in the confidential annex.\n"
         "Part 2 – Tender evaluation\n"
         "Bidder scores: Northgate Care 71, Meridian Health 64.\n")


def test_unrecognised_part2_is_refused_until_confirmed():
    data = text_pdf(PAPER, width=200)
    analysis = analyse(data, detect=False)
    assert analysis.to_dict()["needs_confirmation"] == ["part2_start"]
    with pytest.raises(DecisionNeeded, match="confirm where Part 2 starts"):
        redact(data, analysis, detect=False)
    result = redact(data, analysis, Decisions.from_dict({"part2_start": None}), detect=False)
    assert result.part2 is None and result.part1


def test_cli_refuses_with_one_line_and_writes_nothing(tmp_path):
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(text_pdf(PAPER, width=200))
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "service.cli", "redact", str(pdf), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert run.stderr.strip().count("\n") == 0 and "confirm where Part 2 starts" in run.stderr
    assert not out.exists() or not any(out.iterdir())
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"part2_start": None}))
    ok = subprocess.run([sys.executable, "-m", "service.cli", "redact", str(pdf), "-o", str(out),
                         "--decisions", str(decisions)], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert (out / "part1.pdf").exists() and not (out / "part2.pdf").exists()


def test_a_text_to_redact_that_is_nowhere_is_reported_without_its_value():
    data = text_pdf("DMPC Decision – PCD 77\nIs there a Part 2 form - NO\nContact Ola Brandt for details.\n")
    analysis = analyse(data, detect=False)
    result = redact(data, analysis, Decisions.from_dict({"redact_texts": ["Ola Brandt", "Hermione Tate"]}),
                    detect=False)
    (warning,) = [w for w in result.report["warnings"] if "not found" in w]
    assert warning.startswith("1 of the texts") and "Hermione" not in warning


def test_a_boundary_through_a_line_moves_above_it_so_no_line_is_lost():
    text = "DMPC Decision – PCD 78\nIs there a Part 2 form - NO\nFirst line stays in Part 1.\n" \
           "Second line is cut by the officer's boundary.\nThird line.\n"
    data = text_pdf(text, width=200)
    analysis = analyse(data, detect=False)
    page = analysis.document.pages[0]
    line = [c.box for c in page.chars if c.box and c.text == "S"][0]  # "Second"
    through = (line[1] + line[3]) / 2
    result = redact(data, analysis, Decisions.from_dict({"part2_start": {"page": 1, "y": through}}),
                    detect=False)
    from tests.redact_checks import pdfium_text, squash
    p1, p2 = squash(pdfium_text(result.part1)), squash(pdfium_text(result.part2))
    assert squash("First line stays in Part 1.") in p1
    assert squash("Second line is cut by the officer's boundary.") in p2
    assert result.report["split"]["part2_start"]["y"] > line[3]
