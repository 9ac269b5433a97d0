"""Fail closed on pictures OCR may have misread: ink no word covers (a line tesseract dropped) and weak lines
two readings read otherwise are proposed to the officer, and unread ink makes the page one the officer
confirms (``image_pages``). Generated pictures; one test breaks the engine on purpose (OCR made to drop a
line) and shows the page is not published without the officer's confirmation.

Phone numbers: Ofcom drama ranges; people fictional."""

from __future__ import annotations

import io
import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from redaction.ink_regions import text_like_regions, unread_ink
from redaction.ocr_disagree import compare, disagreements
from redaction.ocr_tesseract import PixelWord

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
DPI = 300
_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is installed by make test")


def _canvas(size=(2000, 400)) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    im = Image.new("L", size, 255)
    return im, ImageDraw.Draw(im)


def _print(points: float = 11, fill: int = 0, text: str = "Contact Ottilie Brackenbury on 0161 496 0734"):
    im, d = _canvas()
    d.text((60, 150), text, font=ImageFont.truetype(SANS, int(points * DPI / 72)), fill=fill)
    return im


def _scribble():
    im, d = _canvas()
    d.line([(80 + i * 14, 200 + (25 if i % 2 else -25)) for i in range(60)], fill=20, width=5)
    return im


def _bar():
    im, d = _canvas()
    d.rectangle((60, 150, 1500, 210), fill=0)
    return im


def _boxed(beside: str = "", fill: int = 0, bold: bool = False):
    """A redacted line: a word, a solid box where a value was, and (when given) print beside the box."""
    im, d = _canvas()
    font = ImageFont.truetype(BOLD if bold else SANS, int(11 * DPI / 72))
    d.text((60, 150), "Signed:", font=font, fill=0)
    d.rectangle((330, 135, 900, 215), fill=0)
    if beside:
        d.text((940, 150), beside, font=font, fill=fill)
    return im


def _rule():
    im, d = _canvas()
    d.line((60, 200, 1800, 200), fill=0, width=3)
    return im


def _specks():
    im, _ = _canvas()
    rng = np.random.default_rng(7)
    a = np.asarray(im).copy()
    ys, xs = rng.integers(0, a.shape[0], 300), rng.integers(0, a.shape[1], 300)
    a[ys, xs] = 0
    return Image.fromarray(a)


@pytest.mark.parametrize("make, lines", [
    (lambda: _print(), 1),                  # a line of print
    (lambda: _print(points=5), 1),          # tiny print
    (lambda: _print(fill=200), 1),          # very light grey print
    (lambda: _print(fill=235), 0),          # too faint to be ink (as faint as a scanner's shading)
    (_scribble, 0),                         # a signature's scribble: one long stroke
    (_bar, 0),                              # a filled box
    (_rule, 0),                             # a rule
    (_specks, 0),                           # dust
    (lambda: _canvas()[0], 0),              # a blank picture
], ids=["print", "tiny", "light-grey", "faint", "scribble", "bar", "rule", "specks", "blank"])
def test_text_like_ink_is_told_from_other_marks(make, lines):
    from redaction.ink_regions import ink_mask

    assert len(text_like_regions(ink_mask(make()), DPI)) == lines


def test_ink_under_words_read_is_not_unread():
    im, d = _canvas((2000, 600))
    font = ImageFont.truetype(SANS, 46)
    d.text((60, 100), "Report by Harriet Quennell", font=font, fill=0)
    d.text((60, 300), "Telephone 020 7946 0412", font=font, fill=0)
    first = (55, 95, 700, 160)
    regions = unread_ink(im, [first], DPI)
    assert len(regions) == 1 and regions[0].box[1] > 250  # the second line only
    assert unread_ink(im, [first, (55, 295, 700, 360)], DPI) == []
    # a word read with too little confidence does not vouch for its ink: the caller leaves its box out


def _words(*texts: str, conf: float = 60.0) -> list[PixelWord]:
    out, x = [], 10
    for t in texts:
        out.append(PixelWord(t, (x, 100, x + 20 * len(t), 130), 1, conf))
        x += 20 * len(t) + 15
    return out


@pytest.mark.parametrize("first, second, differs", [
    (("Telephone", "0161", "496", "0734"), ["Telephone", "0161", "496", "0784"], "0734"),  # a digit
    (("Signed", "Jane", "Smith"), ["Signed", "Jane", "Srnith"], "Smith"),                  # rn for m
    (("mail", "jo.bell@example.org"), ["mail", "jo.bell(example.org"], "jo.bell@example.org"),  # the @
    (("the", "council", "agreed"), ["the", "counci1", "agreed."], None),  # OCR's usual slips: the same
    (("Telephone", "0161", "496", "0734"), ["Telephone", "O161", "496", "O734"], None),  # O for 0: the same
    (("the", "council", "agreed"), ["the", "cooncil", "agreed"], None),  # ordinary words: not personal data
    (("Telephone", "0161", "496", "0734"), ["|"], None),  # nothing read again: no second opinion
])
def test_two_readings_disagree_only_on_what_could_be_personal_data(first, second, differs):
    found = compare(_words(*first), second)
    if differs is None:
        assert found is None
    else:
        assert found is not None and differs in found.first.split()


@_tesseract
def test_a_weak_line_is_read_again_and_the_disagreement_returned(monkeypatch):
    """The second reading (a fake tesseract here) reads a weak line's number otherwise: the line's number is
    returned as a disagreement, with the first reading's boxes; a confident line is never read again."""
    from redaction import ocr_disagree

    im, d = _canvas((2000, 500))
    font = ImageFont.truetype(SANS, 46)
    d.text((60, 100), "Agreed by the committee", font=font, fill=0)
    d.text((60, 300), "Telephone 0161 496 0734", font=font, fill=0)
    first = [PixelWord("Agreed", (60, 100, 250, 150), 1, 96.0), PixelWord("by", (270, 100, 330, 150), 1, 96.0),
             PixelWord("Telephone", (60, 300, 330, 350), 2, 91.0), PixelWord("0161", (350, 300, 470, 350), 2, 60.0),
             PixelWord("496", (490, 300, 580, 350), 2, 55.0), PixelWord("0734", (600, 300, 720, 350), 2, 42.0)]
    sheets = []

    def second_reading(exe, sheet, dpi, psm=None):
        sheets.append(sheet.size)
        top = ocr_disagree._GAP
        return [PixelWord(t, (x, top + 5, x + 100, top + 60), 1, 90.0)
                for t, x in (("Telephone", 100), ("0161", 500), ("496", 700), ("0784", 900))]
    monkeypatch.setattr(ocr_disagree, "read_words", second_reading)
    found = disagreements("tesseract", im, first, DPI)
    assert len(sheets) == 1  # one reading for the picture's weak lines, stacked
    assert [f.first for f in found] == ["0734"] and found[0].box == (600, 300, 720, 350)


def _scanned_paper(grey: int = 0) -> bytes:
    """A one-page paper that is a scan (150 dpi, the whole page one picture) with a person's number on it,
    printed in ``grey`` (0: black like the rest)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    im, d = _canvas((1240, 1754))
    font = ImageFont.truetype(SANS, 24)
    lines = ["Annex B: consultation arrangements", "The committee agreed the timetable for the review.",
             "Questions about the review may be sent to the project office.", "Telephone 0161 496 0734",
             "The report will be published after the meeting."]
    for i, line in enumerate(lines):
        d.text((120, 200 + 70 * i), line, font=font, fill=grey if "0734" in line else 0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    png = io.BytesIO()
    im.save(png, "PNG")
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


@_tesseract
@pytest.mark.parametrize("broken, grey", [(False, 0), (True, 0), (False, 170)],
                         ids=["as-read", "ocr-drops-the-number", "grey-number-tesseract-drops"])
def test_a_line_ocr_drops_is_not_published_without_the_officers_confirmation(broken, grey, monkeypatch):
    """The engine broken on purpose: tesseract's reading loses the line with the number. The ink of that line
    is proposed for redaction, and the page asks the officer (image_pages): publishing without the
    confirmation is refused; confirmed as proposed, the number's pixels are blanked. Tesseract drops a line
    printed in mid grey among black ones by itself (its global threshold makes it paper): the unread ink is
    read again alone, at its own threshold, and the number is proposed like any other."""
    from redaction import analyse, ocr_disagree, ocr_tesseract, redact
    from redaction.decisions import Decisions
    from redaction.errors import DecisionNeeded
    from redaction.picture_findings import UNREAD_REASON

    if broken:
        real = ocr_tesseract.read_words

        def drops_a_line(exe, picture, dpi=300, psm=None):
            words = real(exe, picture, dpi, psm)
            lost = {w.line for w in words or [] if "0734" in w.text or "496" in w.text}
            return None if words is None else [w for w in words if w.line not in lost]
        monkeypatch.setattr(ocr_tesseract, "read_words", drops_a_line)  # every reading loses it
        monkeypatch.setattr(ocr_disagree, "read_words", drops_a_line)
    data = _scanned_paper(grey)
    analysis = analyse(data, "annex.pdf")
    unread = [p for p in analysis.personal_data if p.reason == UNREAD_REASON]
    if not broken:
        assert unread == [] and "image_pages" not in analysis.needs_confirmation
        number = [p for p in analysis.personal_data if "0161 496 0734" in p.text]
        assert number and number[0].action == "redact" and number[0].source == "ocr"
        return
    assert "image_pages" in analysis.needs_confirmation
    assert any("ink OCR did not read" in w for w in analysis.warnings)
    assert len(unread) == 1 and unread[0].source == "ocr" and unread[0].action == "redact"
    assert unread[0].confidence == 0.0
    x0, y0, x1, y1 = unread[0].boxes[0]
    assert y0 < 841.89 - (200 + 70 * 3 + 12) * 72 / 150 < y1 and x0 < 120 * 72 / 150 + 5  # the number line
    with pytest.raises(DecisionNeeded):
        redact(data, analysis)
    monkeypatch.undo()
    result = redact(data, analysis, Decisions.from_dict({"confirmed": analysis.needs_confirmation}))
    import subprocess

    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(result.part1)[0]
    png = io.BytesIO()
    page.render(scale=300 / 72).to_pil().convert("L").save(png, "PNG")
    read = subprocess.run(["tesseract", "stdin", "stdout"], input=png.getvalue(), capture_output=True,
                          check=True).stdout.decode()
    assert "timetable" in read and "0734" not in read and "496" not in read


@pytest.mark.parametrize("make, boxes, blind", [
    (lambda: _print(), [], True),                           # print, nothing read on it
    (lambda: _print(), [(40, 130, 1990, 220)], False),      # print, read
    (lambda: _print(fill=200), [], True),                   # light grey print, nothing read
    (_scribble, [], False),                                 # a signature's scribble is not print
    (_bar, [], False),                                      # a redaction box
    (lambda: _boxed(), [(60, 150, 300, 210)], False),       # a redacted line, its word read: the box is no print
    (lambda: _boxed("on 3 March"), [(60, 150, 300, 210)], True),   # ... print beside the box, not read
    (lambda: _boxed("on 3 March", bold=True), [(60, 150, 300, 210)], True),  # ... in bold: not a filled area
    (lambda: _canvas()[0], [], False),                      # blank
], ids=["print", "read", "light-grey", "scribble", "box", "box-beside-read-word", "print-beside-box",
        "bold-print-beside-box", "blank"])
def test_verifier_sees_print_its_reader_did_not_read(make, boxes, blind):
    from redaction.verification.ocr_ink import unread_print

    assert unread_print(make(), boxes) is blind


@_tesseract
@pytest.mark.parametrize("removed", [["Ottilie Brackenbury"], []], ids=["values-removed", "nothing-removed"])
def test_verifier_fails_closed_on_a_picture_its_ocr_cannot_read(removed, monkeypatch):
    """The verifier's reader broken on purpose (it reads no word of the picture, even alone): with the
    unread-print check on, where values were removed the part is refused (nothing published); where none
    were, there is nothing to look for."""
    import pikepdf
    from reportlab.lib.utils import ImageReader

    from redaction.errors import LeakDetected
    from redaction.verification import ocr
    from redaction.verification.matcher import Matcher
    from tests.adversarial.producers import page_pdf, png_bytes

    picture = png_bytes(_print(points=9, text="Report agreed by the committee on 3 March"))
    data = page_pdf([(740, "A paper with a picture")], lambda c: c.drawImage(
        ImageReader(io.BytesIO(picture)), 60, 500, width=400, height=80), title="Picture")
    monkeypatch.setattr(ocr, "_read_boxes", lambda exe, pic, part, psm=None: ("", []))
    assert ocr.FAIL_ON_UNREAD  # on: the check can fire in use, not only here
    expect = ocr.expectations(removed, Matcher(removed), [], "", set())
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if removed:
            with pytest.raises(LeakDetected, match="cannot read"):
                ocr.check_ocr(data, pdf, 1, expect)
        else:
            ocr.check_ocr(data, pdf, 1, expect)


def test_the_second_reading_stays_within_the_pixel_budget(monkeypatch):
    """Forty long cuts: the stacked sheet stops at the budget; the cuts left over get no second reading
    (empty: for unread ink that means it stays unread and goes to the officer)."""
    from redaction import ocr_disagree

    sizes = []
    monkeypatch.setattr(ocr_disagree, "read_words", lambda exe, sheet, dpi, psm=None: sizes.append(sheet.size) or [])
    cuts = [((0, 120 * i), Image.new("L", (2400, 120), 255)) for i in range(40)]
    read = ocr_disagree.read_cuts("tesseract", cuts, DPI)
    assert len(read) == 40 and len(sizes) == 1 and sizes[0][0] * sizes[0][1] <= ocr_disagree.MAX_SHEET_PIXELS


@_tesseract
def test_verifier_reads_a_band_its_first_reading_dropped_and_checks_it(monkeypatch):
    """The verifier's first reading broken on purpose (it drops every word): the band of print is read again
    alone and a removed value in it fails the check."""
    from reportlab.lib.utils import ImageReader

    import pikepdf

    from redaction.errors import LeakDetected
    from redaction.verification import ocr
    from redaction.verification.matcher import Matcher
    from tests.adversarial.producers import page_pdf, png_bytes

    picture = png_bytes(_print(points=9, text="Signed by Ottilie Brackenbury on 3 March"))
    data = page_pdf([(740, "A paper with a picture")], lambda c: c.drawImage(
        ImageReader(io.BytesIO(picture)), 60, 500, width=400, height=80), title="Picture")
    real = ocr._read_boxes
    monkeypatch.setattr(ocr, "_read_boxes", lambda exe, pic, part, psm=None:
                        ("", []) if psm is None else real(exe, pic, part, psm))
    expect = ocr.expectations(["Ottilie Brackenbury"], Matcher(["Ottilie Brackenbury"]), [], "", set())
    with pikepdf.open(io.BytesIO(data)) as pdf, pytest.raises(LeakDetected):
        ocr.check_ocr(data, pdf, 1, expect)


def _redacted_scan(beside_fill: int | None) -> bytes:
    """A noisy 150 dpi scan (speckle, a 1.5 degree skew, grey paper, JPEG; tests/scans/make_scans.py) after
    redaction: a line read, a line with a crisp solid box where a name was and, when ``beside_fill`` is
    given, print in that grey beside the box (faint: the verifier's reader cannot read it, even alone)."""
    import random

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.scans.make_scans import _scan

    im, d = _canvas((1240, 1754))
    font = ImageFont.truetype(SANS, 23)
    d.text((100, 200), "The proposal was agreed by the committee.", font=font, fill=0)
    d.text((100, 250), "Signed:", font=font, fill=0)
    if beside_fill is not None:
        d.text((520, 250), "Contact the office on 0113 496 0001", font=font, fill=beside_fill)
    im = _scan(im, random.Random(3), noise=True, skew=1.5)
    ImageDraw.Draw(im).rectangle((205, 243, 470, 283), fill=0)  # the engine's box, drawn on the scan
    jpeg, buf = io.BytesIO(), io.BytesIO()
    im.save(jpeg, "JPEG", quality=50)
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return buf.getvalue()


@_tesseract
@pytest.mark.parametrize("beside_fill, refused", [(None, False), (150, True)],
                         ids=["box-only", "faint-print-beside-the-box"])
def test_verifier_refuses_a_redacted_scan_with_print_it_cannot_read(beside_fill, refused):
    """The real reader, nothing broken: a redacted noisy scan whose only unread ink is the solid box (its
    edges, the speckle around it) passes — the verifier finds the filled area itself and sets it aside;
    faint print beside the removed value, which the reader cannot read even alone, could hide a value and
    the part is refused."""
    import pikepdf

    from redaction.errors import LeakDetected
    from redaction.verification import ocr
    from redaction.verification.matcher import Matcher

    data = _redacted_scan(beside_fill)
    expect = ocr.expectations(["Ottilie Brackenbury"], Matcher(["Ottilie Brackenbury"]), [], "", set())
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if refused:
            with pytest.raises(LeakDetected, match="cannot read"):
                ocr.check_ocr(data, pdf, 1, expect)
        else:
            ocr.check_ocr(data, pdf, 1, expect)
