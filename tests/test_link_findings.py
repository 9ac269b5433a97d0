"""Personal data only in a link's address: found at analysis, removed with the link, and the verifier
fails any output whose links hold an address or a number the page does not show."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from redaction import analyse, redact
from redaction import link_findings as lf
from redaction.decisions import Decisions
from redaction.errors import LeakDetected
from redaction.verification.links import check_links, readings, shaped
from redaction.verification.matcher import Matcher
from tests.adversarial.make_uri_only import EMAIL, NAMES, ORDINARY, PHONES
from tests.redact_checks import pdfium_text

PAPERS = Path(__file__).parent / "adversarial" / "uri_only"
PRODUCERS = ["chromium", "libreoffice"]


@pytest.mark.parametrize("uri, lines", [
    ("mailto:%22Ada%20Quill%22%20%3Cada.quill%40x.gov.uk%3E", ["Name: Ada Quill", "ada.quill@x.gov.uk"]),
    ("mailto:ada.quill@x.gov.uk?subject=Hello", ["ada.quill@x.gov.uk", "subject: Hello"]),
    ("tel:+447700900987", ["+447700900987"]),
    ("tel:07700.900.987;ext=2", ["07700 900 987"]),
    ("https://a.example/form?officer=Ada+Quill&tel=07700.900.418",
     ["officer: Ada Quill", "tel: 07700.900.418"]),
    ("https://a.example/p?who=ada.quill", ["who: Ada Quill"]),
    ("https://a.example/p?e=ada.quill%2540x.gov.uk", ["e: ada.quill@x.gov.uk"]),
    ("https://www.example.gov.uk/halls", []),
])
def test_uri_read_as_a_reader_would(uri, lines):
    text = lf.readable(uri).splitlines()
    assert all(line in text for line in lines), text
    if not lines:
        assert text == []


@pytest.fixture(scope="module")
def analysed():
    out = {}
    for producer in PRODUCERS:
        data = (PAPERS / f"{producer}.pdf").read_bytes()
        out[producer] = (data, analyse(data, f"{producer}.pdf"))
    return out


def _uris(data: bytes) -> list[str]:
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        return [str(a["/A"]["/URI"]) for page in pdf.pages for a in page.obj.get("/Annots", [])
                if "/A" in a and "/URI" in a["/A"]]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_link_only_values_found_with_the_link_as_box(producer, analysed):
    data, analysis = analysed[producer]
    found = {(p.type, p.text) for p in analysis.personal_data if lf.LINK_REASON in p.reason}
    expected = {("PERSON", n) for n in NAMES} | {("EMAIL_ADDRESS", EMAIL)} | {("PHONE_NUMBER", p) for p in PHONES}
    assert expected <= found
    rects = {tuple(round(v) for v in p.boxes[0]) for p in analysis.personal_data if lf.LINK_REASON in p.reason}
    assert len(rects) == 3  # the mailto, the tel and the form links; the booking page names nobody
    assert all(p.action == "redact" and p.id for p in analysis.personal_data)


@pytest.mark.parametrize("producer", PRODUCERS)
def test_links_dropped_and_ordinary_text_kept(producer, analysed):
    data, analysis = analysed[producer]
    result = redact(data, analysis)
    uris = _uris(result.part1)
    assert uris == ["https://www.fenbridge.gov.uk/halls"]
    text = " ".join(pdfium_text(result.part1).split())
    assert all(s in text for s in ORDINARY)
    # the links' own words name nobody: they stay, only the links go
    assert all(words in text for words in ("the project team", "call the duty desk", "use the form"))


def test_officer_keeps_a_link_value(analysed):
    data, analysis = analysed["chromium"]
    keep = {p.id: "keep" for p in analysis.personal_data if "+44" in p.text}
    result = redact(data, analysis, Decisions(items=keep))
    assert "tel:+441134960123" in _uris(result.part1)


def test_engine_blind_to_links_is_caught_by_the_verifier(monkeypatch):
    """Break the engine: analysis reads no link, so nothing in the links is removed; 'links' must fire."""
    data = (PAPERS / "libreoffice.pdf").read_bytes()
    monkeypatch.setattr("redaction.pipeline.read_links", lambda data: ([], False))
    analysis = analyse(data, "libreoffice.pdf")
    with pytest.raises(LeakDetected) as err:
        redact(data, analysis)
    assert "links" in err.value.checks


def _pdf_with_link(uri: str) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    annot = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
                               A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri)))
    pdf.pages[0].obj["/Annots"] = pdf.make_indirect(pikepdf.Array([annot]))
    return pdf


@pytest.mark.parametrize("uri, shown, fails", [
    ("tel:+447700900987", "call the desk", True),
    ("tel:+447700900987", "call 07700 900987", False),
    ("mailto:%22A%20Quill%22%20%3Ca.quill%40x.gov.uk%3E", "email us", True),
    ("mailto:a.quill@x.gov.uk", "write to A.Quill@x.gov.uk", False),
    ("https://a.example/f?tel=07700.900.418", "use the form", True),
    ("https://a.example/f?tel=%2B44%207700%20900418", "use the form", True),
    ("https://a.example/doc/1234567890", "a document", False),
    ("https://www.legislation.gov.uk/ukpga/2000/36/section/40", "section 40", False),
])
def test_verifier_link_shapes(uri, shown, fails):
    pdf = _pdf_with_link(uri)
    call = lambda: check_links(pdf, 1, Matcher([]), Matcher([]), set(), shown=shown)  # noqa: E731
    if fails:
        with pytest.raises(LeakDetected):
            call()
    else:
        call()
    assert shaped("\n".join(readings(uri))) or not fails


def test_a_name_found_in_a_link_spreads_to_the_page():
    """Found in the link's address, the person is the same person as "Mr Pemberton" on the page."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(60, 760, "Decision FEN 2026/051: Allotment rents")
    c.drawString(60, 730, "Mr Pemberton presented the options to the committee.")
    c.drawString(60, 710, "Comments may be sent using the form.")
    c.linkURL("https://consult.fenbridge.gov.uk/form?officer=Osric+Pemberton", (220, 705, 300, 720), relative=0)
    c.showPage()
    c.save()
    data = buf.getvalue()
    analysis = analyse(data, "spread.pdf")
    on_page = [p for p in analysis.personal_data if lf.LINK_REASON not in p.reason]
    in_link = [p for p in analysis.personal_data if lf.LINK_REASON in p.reason]
    assert [p.text for p in in_link] == ["Osric Pemberton"]
    assert any("Pemberton" in p.text for p in on_page)
    result = redact(data, analysis)
    text = pdfium_text(result.part1)
    assert "Pemberton" not in text and "using the form" in " ".join(text.split())
    assert _uris(result.part1) == []
