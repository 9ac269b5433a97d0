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


@pytest.mark.parametrize("text, is_label", [
    ("Signature: ______", True),
    ("Signed ..... Date 3/4/2031", True),
    ("Chief Executive\r\nSignature\r\nDate", True),
    ("The Monitoring Officer's decision and signature follow on the next page.", False),
    ("I have signed the order and the signature was witnessed by the clerk on the day.", False),
])
def test_a_signature_label_is_a_label_not_a_word_in_a_sentence(text, is_label):
    from redaction.images import _SIGNATURE_LABEL, _a_label
    m = _SIGNATURE_LABEL.search(text)
    assert _a_label(text, m) is is_label


def test_a_screenshot_near_a_signature_word_is_no_signature():
    """A never-seen scan (a council's code-of-conduct decision) had an e-mail screenshot, 470 x 169 pt, above a
    sentence naming the signature: the whole picture was proposed as one signature and blacked out."""
    data = (Path(__file__).parent / "scans" / "never_seen2" / "council_mixed.pdf").read_bytes()
    a = analyse(data, detect=False)
    assert [p for p in a.personal_data if p.text == "[signature image]"] == []
