"""Leak hunt: a copy of Part 2 text that Part 1's page holds but does not show.

Before this test, each hidden copy below was published in Part 1 with exit status 0: the verifier's
``part2-ngrams`` check excused any Part 2 sequence that "Part 1's own text" (the input above the boundary)
also held, and the hidden copy was part of that text. Every text reader reads it back from the output.
Now a sequence is excused only when Part 1 *shows* it (redaction.verification.hidden: render mode, size
and contrast in the verifier's own rendering), so each hidden copy stops publication (fail closed), and a
Part 2 sentence Part 1 visibly quotes is still published as the officer saw it.

The papers are made here (tests/leak_hunt_paper.py). The variants differ from the plain paper only by the
hidden copy, so each is redacted with the plain paper's analysis (made once; detection has nothing more
to find in a copy of Part 2 text)."""

from __future__ import annotations

import io
import re
import subprocess

import pikepdf
import pytest

from redaction import LeakDetected, analyse, redact
from redaction.verification import tokens
from redaction.verification.hidden import hidden_excused
from redaction.verification.matcher import Matcher
from redaction.verification.source import read_source
from tests import leak_hunt_paper as lh
from tests.conftest import need

S = lh.literal(lh.SECRET)


def _form(bbox):
    def make(pdf):
        font = pdf.pages[0].obj.Resources.Font[lh.font_name(pdf).decode()]
        return pdf.make_stream(b"BT /F1 9 Tf 0 0 Td " + S + b" Tj ET", Type=pikepdf.Name.XObject,
                               Subtype=pikepdf.Name.Form, BBox=bbox,
                               Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
    return make


HIDDEN = {
    # construct -> the change that hides a copy of a Part 2 sentence on page 1 (Part 1)
    "render mode 3": lh.draw(b"BT /BODY 9 Tf 3 Tr 60 400 Td " + S + b" Tj ET"),
    "render mode 7 (clip only)": lh.draw(b"q BT /BODY 9 Tf 7 Tr 60 400 Td " + S + b" Tj ET n Q"),
    "white on white": lh.draw(b"q 1 1 1 rg BT /BODY 9 Tf 60 400 Td " + S + b" Tj ET Q"),
    "clipped away": lh.draw(b"q 0 0 1 1 re W n BT /BODY 9 Tf 60 400 Td " + S + b" Tj ET Q"),
    "under a white rectangle": lh.draw(b"BT /BODY 9 Tf 60 400 Td " + S + b" Tj ET q 1 1 1 rg 55 395 520 15 re f Q"),
    "outside its form's BBox": lh.draw(b"q 1 0 0 1 60 400 cm /Fx1 Do Q", XObject={"Fx1": _form([-2, -2, -1, -1])}),
    "0.3 pt text": lh.draw(b"BT /BODY 0.3 Tf 60 400 Td " + S + b" Tj ET"),
    "render mode 3 over visible lines": lh.draw(b"BT /BODY 10.5 Tf 3 Tr 60 732 Td " + S + b" Tj ET"),
    "constant alpha 0": lh.draw(b"q /GSa gs BT /BODY 9 Tf 60 400 Td " + S + b" Tj ET Q",
                                ExtGState={"GSa": pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0, CA=0)}),
}
SHOWN = {
    # a Part 2 sentence Part 1 shows: the officer sees it on the page, so it is published as it is
    "quoted in black": lh.draw(b"BT /BODY 9 Tf 60 400 Td " + S + b" Tj ET"),
    "white on a dark banner": lh.draw(b"q 0 0 0.4 rg 50 390 520 20 re f 1 1 1 rg BT /BODY 9 Tf 60 397 Td " + S
                                      + b" Tj ET Q"),
}
BOUNDARY = (2, 794.8)


def _scan_of_secret(pdf):
    """A picture of the sentence (a scan's print), for the scan-layer case."""
    from PIL import Image, ImageDraw, ImageFont
    from tests.adversarial.producers import TTF
    im = Image.new("L", (2100, 60), 255)
    ImageDraw.Draw(im).text((10, 10), lh.SECRET, fill=0, font=ImageFont.truetype(TTF, 30))
    return pdf.make_stream(__import__("zlib").compress(im.tobytes()), Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Image, Width=2100, Height=60, ColorSpace=pikepdf.Name.DeviceGray,
                           BitsPerComponent=8, Filter=pikepdf.Name.FlateDecode)


# A scan's own text layer (render mode 3 over a picture showing the same words) counts as shown; the
# picture itself is the ocr check's business (a Part 2 line pictured in Part 1 is refused there).
SHOWN_LAYER = lh.draw(b"q 500 0 0 14.3 60 396 cm /ImS Do Q BT /BODY 8.4 Tf 3 Tr 62 399 Td " + S + b" Tj ET",
                      XObject={"ImS": _scan_of_secret})


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _poppler(data: bytes) -> str:
    need(bool(__import__("shutil").which("pdftotext")), "pdftotext")
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


@pytest.fixture(scope="module")
def analysis():
    return analyse(lh.paper(), "leak_hunt.pdf")


def test_the_plain_paper_splits_on_page_2(analysis):
    assert analysis.structure.part2_start[0] == 2
    assert {"Imogen Tarrant-Vosper", "020 7946 0123", "07700 900456"} <= {p.text for p in analysis.personal_data}


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_the_input_really_hides_a_part2_copy_in_part1(name):
    data = lh.paper(HIDDEN[name])
    page1 = _poppler(data).split("\f")[0]
    assert "tranche" in page1 or name == "outside its form's BBox"  # a text reader sees it on page 1
    source = read_source(data, BOUNDARY, Matcher(lh.VALUES))
    excused = tokens.part2_excused(source)
    assert excused and hidden_excused(data, BOUNDARY, excused, tokens.ngrams) == excused


@pytest.mark.parametrize("name", sorted(SHOWN) + ["a scan's text layer"])
def test_a_shown_copy_stays_excused(name):
    data = lh.paper(SHOWN.get(name, SHOWN_LAYER))
    source = read_source(data, BOUNDARY, Matcher(lh.VALUES))
    excused = tokens.part2_excused(source)
    assert excused and not hidden_excused(data, BOUNDARY, excused, tokens.ngrams)


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_a_hidden_part2_copy_stops_publication(analysis, name):
    with pytest.raises(LeakDetected) as err:
        redact(lh.paper(HIDDEN[name]), analysis)
    assert err.value.checks == ["part2-ngrams"]
    assert "tranche" not in str(err.value).lower()


@pytest.mark.parametrize("name", sorted(SHOWN))
def test_a_shown_part2_quote_is_published_as_shown(analysis, name):
    result = redact(lh.paper(SHOWN[name]), analysis)
    part1 = result.part1
    text = _squash(_poppler(part1))
    assert _squash(lh.SECRET) in text  # what the officer saw on Part 1's page
    assert not any(_squash(v) in text for v in lh.VALUES)
    assert _squash(lh.PART2[1]) not in text


def test_the_plain_paper_is_published(analysis):
    result = redact(lh.paper(), analysis)
    part1 = result.part1
    with pikepdf.open(io.BytesIO(part1)) as pdf:
        assert len(pdf.pages) == 1
    assert _squash(lh.SECRET) not in _squash(_poppler(part1))


# --- the same from a real producer: Chromium prints a `color: transparent` span as text nobody sees -------

CHROMIUM = __import__("pathlib").Path(__file__).parent / "fixtures" / "leak_hunt" / "transparent_text.chromium.pdf"


def test_chromium_transparent_text_holding_part2_stops_publication():
    data = CHROMIUM.read_bytes()  # made by tests/fixtures/leak_hunt/make_leak_hunt.py
    page1 = _poppler(data).split("\f")[0]
    assert _squash(lh.PART2[1]) in _squash(page1)  # the transparent span is text on page 1
    assert _squash(lh.PART2[0]) not in _squash(page1)  # the sr-only span and opacity 0 are not printed
    with pytest.raises(LeakDetected) as err:
        redact(data, analyse(data, CHROMIUM.name))
    assert err.value.checks == ["part2-ngrams"]
