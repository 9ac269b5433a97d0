"""What text cannot show: pages that are pictures must be confirmed by an officer before publication, and a
signature drawn as an image beside a "Signature" label is redacted (its pixels blanked)."""

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from redaction import analyse, redact
from redaction.decisions import Decisions
from redaction.errors import DecisionNeeded
from tests.fixtures.papers import pdf_paths

QA = Path(__file__).parent / "qa_pdfs"


@pytest.mark.parametrize("name, concerns, signature_boxes", [
    ("scanned", ["image_pages"], 0),           # every page is a scan
    ("scanned_page1", ["image_pages"], 0),     # a text paper whose front page is a scan
    ("html_css", [], 1),                       # a PNG signature after "Signature"
    ("inline_image", [], 1),                   # an inline-image signature; a shaded box behind text is not one
    ("word_paper", [], 0),
])
def test_image_concerns(name, concerns, signature_boxes):
    a = analyse((QA / f"{name}.pdf").read_bytes(), detect=False)
    assert a.needs_confirmation == concerns
    assert bool(concerns) == any("cannot be found automatically" in w for w in a.to_dict()["warnings"])
    found = [p for p in a.personal_data if p.type == "SIGNATURE" and p.text == "[signature image]"]
    assert len(found) == signature_boxes
    assert all(p.action == "redact" and p.reason.startswith("signature") for p in found)


def test_no_fixture_paper_is_flagged():
    flagged = []
    for name, producer, path in pdf_paths():
        if name.startswith("long_"):
            continue
        a = analyse(path.read_bytes(), detect=False)
        if "image_pages" in a.needs_confirmation or any(p.text == "[signature image]" for p in a.personal_data):
            flagged.append(f"{name}.{producer}")
    assert flagged == []


def test_scanned_paper_is_refused_until_an_officer_confirms():
    data = (QA / "scanned.pdf").read_bytes()
    a = analyse(data, detect=False)
    with pytest.raises(DecisionNeeded, match="images whose text cannot be read"):
        redact(data, a, detect=False)
    result = redact(data, a, Decisions.from_dict({"confirmed": ["image_pages"]}), detect=False)
    assert result.part1


def test_signature_image_pixels_are_blanked():
    data = (QA / "html_css.pdf").read_bytes()
    a = analyse(data)
    (sig,) = [p for p in a.personal_data if p.text == "[signature image]"]
    result = redact(data, a)
    x0, y0, x1, y1 = sig.boxes[0]
    for pdf_bytes, expect_dark in ((data, False), (result.part1, True)):
        page = pdfium.PdfDocument(io.BytesIO(pdf_bytes))[sig.page - 1]
        image = page.render(scale=1).to_pil().convert("L")
        h = image.height
        # sample a row through the middle of the signature's box: the original has light and dark pixels
        # (ink on paper); the output is one black box (its white label aside)
        row = [image.getpixel((int(x), int(h - (y0 + y1) / 2))) for x in range(int(x0) + 2, int(x1) - 2)]
        dark = sum(1 for v in row if v < 60) / len(row)
        assert (dark > 0.6) is expect_dark, dark
