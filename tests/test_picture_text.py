"""Pictures of text on text pages: OCR finds the personal data, the engine blanks its pixels, and the
verifier's OCR check fires when the blanking is skipped."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pikepdf import PdfImage

from redaction import analyse, redact
from redaction import picture_text
from redaction.errors import LeakDetected
from redaction.picture_findings import OCR_REASON
from tests.adversarial.make_picture_text import EMAIL, NAME, ORDINARY, PHONE
from tests.redact_checks import pdfium_text

PAPERS = Path(__file__).parent / "adversarial" / "picture_text"
CASES = ["upright", "turned_page", "turned_picture"]
pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is installed by make test")


def _ocr_images(data: bytes) -> str:
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and str(obj.get("/Subtype", "")) == "/Image":
                im = PdfImage(obj).as_pil_image().convert("L")
                for angle in (0, 90, 270):
                    buf = io.BytesIO()
                    (im.rotate(angle, expand=True) if angle else im).save(buf, "PNG")
                    out.append(subprocess.run(["tesseract", "stdin", "stdout"], input=buf.getvalue(),
                                              capture_output=True, check=True).stdout.decode())
    return "\n".join(out)


@pytest.fixture(scope="module")
def analysed():
    return {c: ((PAPERS / f"{c}.pdf").read_bytes(), analyse((PAPERS / f"{c}.pdf").read_bytes(), f"{c}.pdf"))
            for c in CASES}


@pytest.mark.parametrize("case", CASES)
def test_personal_data_in_the_picture_found_with_page_boxes(case, analysed):
    data, analysis = analysed[case]
    found = [p for p in analysis.personal_data if OCR_REASON in p.reason]
    texts = " ".join(p.text for p in found)
    assert NAME in texts and PHONE in texts and EMAIL in texts
    assert all(p.action == "redact" and p.id and p.boxes for p in found)
    images = analysis.document.pages[0].images
    for p in found:  # every box lies on the picture it was read from
        for b in p.boxes:
            assert any(i[0] - 3 <= b[0] and b[2] <= i[2] + 3 and i[1] - 3 <= b[1] and b[3] <= i[3] + 3 for i in images)
    assert analysis.needs_confirmation == []


@pytest.mark.parametrize("case", CASES)
def test_pixels_blanked_and_text_kept(case, analysed):
    data, analysis = analysed[case]
    before = _ocr_images(data)
    assert "Staveley" in before
    result = redact(data, analysis)
    after = _ocr_images(result.part1)
    assert "Staveley" not in after and "496" not in after and "harrowgate" not in after
    text = " ".join(pdfium_text(result.part1).split())
    assert all(s in text for s in ORDINARY)


def test_engine_that_skips_blanking_is_caught_by_the_ocr_check(analysed, monkeypatch):
    data, analysis = analysed["upright"]
    monkeypatch.setattr("redaction.pdf.images.pixel_rects", lambda *a, **k: [])
    with pytest.raises(LeakDetected) as err:
        redact(data, analysis)
    assert "ocr" in err.value.checks


@pytest.mark.parametrize("broken, reason", [
    ("which", "tesseract is not installed"),
    ("ocr", "OCR failed"),
    ("confidence", "text read with low confidence"),
])
def test_pictures_not_read_with_confidence_ask_the_officer(broken, reason, monkeypatch):
    data = (PAPERS / "upright.pdf").read_bytes()
    if broken == "which":
        monkeypatch.setattr(picture_text, "executable", lambda: None)
    elif broken == "ocr":
        monkeypatch.setattr("redaction.ocr_tesseract.read_words", lambda exe, picture, dpi=300: None)
    else:
        monkeypatch.setattr(picture_text, "MIN_CONFIDENCE", 101.0)
    analysis = analyse(data, "upright.pdf")
    assert "image_pages" in analysis.needs_confirmation
    assert any(reason in w and "page(s) 1" in w for w in analysis.warnings)


def test_text_only_paper_runs_no_ocr(monkeypatch):
    from tests.adversarial.producers import page_pdf

    def refuse(*a, **k):
        raise AssertionError("OCR ran on a paper without pictures")
    monkeypatch.setattr(picture_text, "best_reading", refuse)
    data = page_pdf([(740, ORDINARY[0])], title="A paper with no pictures")
    assert picture_text.read_pictures.__name__  # the stage is there; it has nothing to read
    analyse(data, "text.pdf")


def test_small_images_and_one_reading_per_distinct_picture(monkeypatch):
    from reportlab.lib.utils import ImageReader

    from tests.adversarial.producers import page_pdf, png_bytes, text_image
    block = png_bytes(text_image([f"Signed: {NAME}"], size=(600, 80), font_px=40))
    calls = []
    real = picture_text.best_reading
    monkeypatch.setattr(picture_text, "best_reading", lambda exe, pic: calls.append(1) or real(exe, pic))

    def draw(c):
        c.drawImage(ImageReader(io.BytesIO(block)), 60, 600, width=60, height=8)  # too small to be legible

    def later(c, n):
        c.drawImage(ImageReader(io.BytesIO(block)), 60, 600, width=240, height=32)
    data = page_pdf([(740, ORDINARY[0])], draw, title="Repeated block", pages=3, later=later)
    analysis = analyse(data, "repeat.pdf")
    assert len(calls) == 1  # pages 2 and 3 draw the same picture at the same size: read once
    assert {p.page for p in analysis.personal_data if OCR_REASON in p.reason} == {2, 3}
