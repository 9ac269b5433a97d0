"""Pages that are pictures (scans): OCR proposes the personal data in them, the engine blanks its pixels, the
published scan carries a text layer read from the redacted pixels, and the verifier's OCR check fires when
the engine is broken on purpose. The scanned papers are tests/scans/*.pdf (tests/scans/make_scans.py).

OCR is slow: every paper is analysed once per module, and only two are redacted."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from redaction import analyse, redact
from redaction.analysis import Analysis
from redaction.errors import LeakDetected
from tests.conftest import need
from tests.scans.judge import fuzzy_in, judge, ocr_pages, text_layer

SCANS = Path(__file__).parent / "scans"
MANIFEST = json.loads((SCANS / "manifest.json").read_text())
PAPERS = list(MANIFEST)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _tools():
    need(shutil.which("tesseract") is not None, "tesseract is installed by make test")
    need(shutil.which("pdftotext") is not None, "pdftotext is installed by make test")


@pytest.fixture(scope="module")
def analysed() -> dict[str, tuple[bytes, Analysis]]:
    out = {}
    for name in PAPERS:
        data = (SCANS / f"{name}.pdf").read_bytes()
        out[name] = (data, analyse(data, f"{name}.pdf"))
    return out


@pytest.fixture(scope="module")
def published(analysed):
    """scan300 (a Part 2 on a scanned page) and scan150_noisy, redacted as analysed."""
    return {name: redact(*analysed[name]) for name in ("scan300", "scan150_noisy")}


@pytest.mark.parametrize("name", PAPERS)
def test_every_planted_item_is_proposed_with_source_and_confidence(name, analysed):
    _, analysis = analysed[name]
    found = analysis.to_dict()["personal_data"]
    for item in MANIFEST[name]["planted"]:
        hits = [p for p in found if p["page"] == item["page"] and p["action"] == "redact"
                and fuzzy_in(item["text"], p["text"])]
        assert hits, f"{name}: a {item['type']} on page {item['page']} was not proposed"
        scanned = [p for p in hits if p.get("source") == "ocr"]
        assert scanned and all(0.0 <= p["confidence"] <= 1.0 and p["boxes"] for p in scanned)
    assert "image_pages" not in analysis.needs_confirmation  # read with confidence: no hand boxing


def test_a_scanned_part2_is_found_and_split(analysed):
    _, analysis = analysed["scan300"]
    s = analysis.to_dict()["part2"]
    assert s["start"]["page"] == 2 and [e["section"] for e in s["exemptions"]] == ["43"]
    assert s["release_on"] == "2031-04-01"


def test_ocr_findings_survive_the_stored_analysis(analysed):
    _, analysis = analysed["mixed"]
    again = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert [p.to_dict() for p in again.personal_data] == [p.to_dict() for p in analysis.personal_data]
    assert any(p.source == "ocr" and p.confidence is not None for p in again.personal_data)


@pytest.mark.parametrize("name", ["scan300", "scan150_noisy"])
def test_published_scan_is_clean_and_searchable(name, analysed, published):
    result = published[name]
    j = judge(MANIFEST[name], analysed[name][1].to_dict(), result.part1, result.part2)
    assert j.read_back == 0 and j.part2_read_back == 0
    assert j.layer_words >= 0.8 * j.ordinary_words  # the published scan can be searched
    layers = result.report["text_layers"]
    assert layers and all(layer["words"] > 0 for layer in layers)
    assert "ocr" in result.report["verification"]["checks"]


def test_the_text_layer_is_read_from_the_redacted_pixels(published):
    """What the boxes hide is in no text of the output (the layer was never made from the original)."""
    result = published["scan300"]
    text = text_layer(result.part1) + text_layer(result.part2 or b"")
    for item in MANIFEST["scan300"]["planted"]:
        assert not fuzzy_in(item["text"], text)
    assert "consulted" in text and "Procurement" in text


def _redact_module():
    return sys.modules["redaction.redact"]


def test_engine_that_skips_the_pixel_blanking_is_caught_by_the_ocr_check(analysed, monkeypatch):
    """The boxes are drawn and the text layer made, but the pixels under them are left: only OCR sees it."""
    data, analysis = analysed["mixed"]
    monkeypatch.setattr("redaction.pdf.images.pixel_rects", lambda *a, **k: [])
    with pytest.raises(LeakDetected) as err:
        redact(data, analysis)
    assert err.value.checks == ["ocr"]


def test_engine_that_leaves_part2_pixels_in_part1_is_caught(analysed, monkeypatch):
    data, analysis = analysed["scan300"]
    module = _redact_module()
    real = module.part_specs

    def leaky(doc, split):
        specs = real(doc, split)
        for spec in specs:
            if spec.number == 1:
                spec.regions.clear()
                spec.clips.clear()
        return specs
    monkeypatch.setattr(module, "part_specs", leaky)
    monkeypatch.setattr(module, "_text_layers", lambda outputs, doc: (outputs, []))
    with pytest.raises(LeakDetected) as err:
        redact(data, analysis)
    assert err.value.checks == ["ocr"] and "Part 2" in str(err.value)


@pytest.mark.parametrize("broken, reason", [
    ("no_tesseract", "tesseract is not installed"),
    ("low_confidence", "text read with low confidence"),
    ("budget", "more than 1 scanned pages"),
    ("coarse", "scanned at under 400 dpi"),
])
def test_pages_ocr_cannot_read_confidently_ask_the_officer(broken, reason, monkeypatch):
    from redaction import scan_pages

    # the one-page scan of the mixed paper, except where two scanned pages are needed (the page budget)
    data = (SCANS / ("scan300_sideways.pdf" if broken == "budget" else "mixed.pdf")).read_bytes()
    if broken == "no_tesseract":
        monkeypatch.setattr(scan_pages, "executable", lambda: None)
    elif broken == "low_confidence":
        monkeypatch.setattr(scan_pages, "MIN_CONFIDENCE", 101.0)
    elif broken == "budget":
        monkeypatch.setattr(scan_pages, "MAX_SCAN_PAGES", 1)
    else:
        monkeypatch.setattr(scan_pages, "MIN_SCAN_DPI", 400)
    analysis = analyse(data, "scan.pdf")
    assert "image_pages" in analysis.needs_confirmation
    assert any(reason in w for w in analysis.warnings)


def test_a_text_added_to_redact_everywhere_is_blanked_in_scans_from_a_stored_analysis(analysed):
    """The officer adds texts that are only pixels — one in the scanned annex, one in the screenshot — and
    redacts from the analysis as stored at upload: both are blanked (the verifier's OCR passes) and neither is
    read back, in the pixels or the text layer; before, the verifier refused the paper."""
    from redaction.decisions import Decisions

    data, analysis = analysed["mixed"]
    stored = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    texts = ["statutory notice period", "before Friday"]
    decisions = Decisions(redact_texts=texts, confirmed=list(stored.needs_confirmation))
    result = redact(data, stored, decisions)
    read = "\n".join(ocr_pages(result.part1)) + text_layer(result.part1)
    assert not any(fuzzy_in(t, read) for t in texts)
    assert "consultation" in read.lower()  # the rest of the annex is still there and searchable
    assert not any("texts to redact everywhere were not found" in w for w in result.report["warnings"])
    assert "ocr" in result.report["verification"]["checks"]
