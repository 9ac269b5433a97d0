"""`foia redact --decisions` with ids from an earlier `foia analyse` applies to the same items, whatever
changed in between (the policy file, the engine); `--analysis FILE` redacts with that analysis as it is."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest

from service.cli import main
from tests.test_service_decisions_stay import PAPER, ROSTER


def part1_text(folder) -> str:
    pdf = pdfium.PdfDocument(str(folder / "part1.pdf"))
    try:
        return "".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
    finally:
        pdf.close()


def analyse_json(path, capsys) -> dict:
    assert main(["analyse", str(path)]) == 0
    return json.loads(capsys.readouterr().out)


def missing_keble(monkeypatch):
    from redaction import pipeline

    current = pipeline._detect
    monkeypatch.setattr(pipeline, "_detect",
                        lambda doc, s, *more: [p for p in current(doc, s, *more) if "Keble" not in p.text])
    return lambda: monkeypatch.setattr(pipeline, "_detect", current)


@pytest.mark.parametrize("between, use_analysis, kept, removed", [
    # nothing changed: the ids of the earlier run name the same items
    ("nothing", False, ["Jane Hollowell", "Ruth Nwosu"], ["Keble", "7946"]),
    # the roster now keeps Keble-Oduya, named above Hollowell: Hollowell's keep stays on Hollowell
    ("roster", False, ["Jane Hollowell", "Marion Keble-Oduya"], ["7946"]),
    # the engine of the earlier run missed Keble-Oduya; this one finds her above Hollowell
    ("upgrade", False, ["Jane Hollowell"], ["Keble", "7946"]),
    # --analysis: the earlier run's findings exactly (it missed Keble-Oduya, so she stays as analysed)
    ("upgrade", True, ["Jane Hollowell", "Marion Keble-Oduya"], ["7946"]),
])
def test_ids_of_an_earlier_analyse_apply_to_the_same_items(tmp_path, capsys, monkeypatch, between,
                                                          use_analysis, kept, removed):
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(PAPER)
    restore = missing_keble(monkeypatch) if between == "upgrade" else None
    analysis = analyse_json(paper, capsys)
    hollowell = next(p["id"] for p in analysis["personal_data"] if p["text"] == "Jane Hollowell")
    (tmp_path / "analysis.json").write_text(json.dumps(analysis))
    (tmp_path / "decisions.json").write_text(json.dumps({"items": {hollowell: "keep"}}))
    if restore:
        restore()
    if between == "roster":
        from redaction.policy import DEFAULT_POLICY_FILE

        policy = tmp_path / "policy.toml"
        policy.write_text(DEFAULT_POLICY_FILE.read_text(encoding="utf-8") + ROSTER, encoding="utf-8")
        monkeypatch.setenv("FOIA_POLICY_FILE", str(policy))
    args = ["redact", str(paper), "-o", str(tmp_path / "out"), "--decisions", str(tmp_path / "decisions.json")]
    if use_analysis:
        args += ["--analysis", str(tmp_path / "analysis.json")]
    assert main(args) == 0, capsys.readouterr().err
    text = part1_text(tmp_path / "out")
    for value in kept:
        assert value in text
    for value in removed:
        assert value not in text


@pytest.mark.parametrize("content, message", [
    ("{not json", "cannot read the analysis file"),
    ('{"pages": 1}', "analyse the paper again"),
])
def test_a_bad_analysis_file_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(PAPER)
    (tmp_path / "a.json").write_text(content)
    assert main(["redact", str(paper), "-o", str(tmp_path / "out"), "--analysis", str(tmp_path / "a.json")]) == 2
    assert message in capsys.readouterr().err and not (tmp_path / "out").exists()
