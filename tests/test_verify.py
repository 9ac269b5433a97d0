"""Verification fails closed: an engine that removes nothing, or leaves metadata, is caught by a named
check, the message never holds the value, and the command leaves no file behind."""

from pathlib import Path

import pikepdf
import pytest

from redaction import LeakDetected, analyse, redact
from redaction.pdf import content
from service.cli import main

CORPUS = Path(__file__).parent / "adversarial"
SECRETS = ("Oliver", "Quist", "7946")


def _no_op_edit(self, page, regions):
    stats = content.PageStats()
    return list(pikepdf.parse_content_stream(page.obj)), page.obj.Resources, stats


@pytest.mark.parametrize("case,patch,check", [
    ("white_text", ("ContentEditor", "edit_page", _no_op_edit), "text-pdfium"),
    ("info_xmp_metadata", ("sanitize", None, None), "structure"),
])
def test_a_broken_stage_is_caught(monkeypatch, case, patch, check):
    data = (CORPUS / f"{case}.pdf").read_bytes()
    if patch[0] == "ContentEditor":
        monkeypatch.setattr(content.ContentEditor, patch[1], patch[2])
    else:
        monkeypatch.setattr("redaction.pdf.part.sanitize", lambda pdf, regions, leaks: {})
    with pytest.raises(LeakDetected) as err:
        redact(data, analyse(data, "x.pdf"))
    assert err.value.checks == [check]
    assert not any(s.lower() in str(err.value).lower() for s in SECRETS)


def test_part2_text_in_part1_is_caught(monkeypatch):
    data = (Path(__file__).parent / "fixtures/pdf/syn_part2_midpage.reportlab.pdf").read_bytes()
    # A split that forgets to remove the other part's area from the boundary page.
    pipeline = __import__("importlib").import_module("redaction.redact")  # the module, not the function

    real = pipeline.part_specs

    def leaky(doc, boundary):
        specs = real(doc, boundary)
        for s in specs:
            s.regions.clear()
            s.clips.clear()
        return specs
    monkeypatch.setattr(pipeline, "part_specs", leaky)
    with pytest.raises(LeakDetected) as err:
        redact(data, analyse(data, "x.pdf"))
    assert err.value.checks == ["part2-ngrams"]


def test_command_leaves_nothing_when_verification_fails(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(content.ContentEditor, "edit_page", _no_op_edit)
    out = tmp_path / "out"
    status = main(["redact", str(CORPUS / "white_text.pdf"), "-o", str(out)])
    assert status != 0
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "verification failed" in err[0]
    assert not any(s.lower() in err[0].lower() for s in SECRETS)
