"""A scanned page OCR could not read — tesseract failed or timed out (a loaded machine) — is never published
unread: it is proposed for redaction whole, and the officer's confirmation of the page alone does not publish
its print. One paper, analysed and redacted once with tesseract's page reading made to fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from redaction import analyse, redact
from redaction.decisions import Decisions
from redaction.picture_findings import FAILED_REASON
from tests.conftest import need
from tests.scans.judge import ocr_pages

SCANS = Path(__file__).parent / "scans"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _tools():
    need(shutil.which("tesseract") is not None, "tesseract is installed by make test")


@pytest.mark.parametrize("failure", ["reading", "timeout"])
def test_a_scanned_page_ocr_could_not_read_is_blanked_whole(failure, monkeypatch):
    import subprocess

    from redaction import ocr_tesseract, scan_pages

    if failure == "reading":
        monkeypatch.setattr(scan_pages, "best_reading", lambda *a, **k: None)
    else:  # every tesseract call of the engine's reading times out (the verifier's own calls are not touched)
        class _TimingOut:
            TimeoutExpired = subprocess.TimeoutExpired

            @staticmethod
            def run(args, **kwargs):
                raise subprocess.TimeoutExpired(args, kwargs.get("timeout", 0))

        monkeypatch.setattr(ocr_tesseract, "subprocess", _TimingOut)
    data = (SCANS / "scan300.pdf").read_bytes()
    analysis = analyse(data, "scan.pdf")
    whole = [p for p in analysis.personal_data if p.reason == FAILED_REASON]
    assert whole and all(p.action == "redact" for p in whole)
    assert "image_pages" in analysis.needs_confirmation
    assert any("OCR failed or timed out" in w for w in analysis.warnings)
    monkeypatch.undo()  # the redaction and its verifier run with a working tesseract
    result = redact(data, analysis, Decisions.from_dict({"confirmed": analysis.needs_confirmation}))
    read = " ".join(ocr_pages(result.part1))
    assert sum(c.isalpha() for c in read) < 20  # nothing of the page's print is published
