"""Scanned pages whose print differs from its background in colour rather than lightness (issue 13): red print
on a green of the same luminance, faint blue entries on a red pre-printed pink form. Grey conversion erases or
drowns that print; the engine reads such pages in other projections of their colours too
(:mod:`redaction.colour_text`), and the verifier reads them so too with its own code
(:mod:`redaction.verification.ocr_colour`). Fixtures: tests/scans/colour (``python -m tests.scans.make_colour``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from redaction import analyse, redact
from redaction.colour_text import coloured_print, is_colour, planes
from redaction.errors import LeakDetected
from redaction.verification.ocr_colour import printed_in_colour, projections
from tests.conftest import need

COLOUR = Path(__file__).parent / "scans" / "colour"
MANIFEST = json.loads((COLOUR / "manifest.json").read_text())
ROWS = [(name, value) for name, about in MANIFEST.items() for value in about["planted"]]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analysed():
    need(shutil.which("tesseract") is not None, "tesseract is installed by make test")
    return {name: ((COLOUR / f"{name}.pdf").read_bytes(),
                   analyse((COLOUR / f"{name}.pdf").read_bytes(), f"{name}.pdf")) for name in MANIFEST}


@pytest.mark.parametrize("name, value", ROWS)
def test_print_differing_in_colour_is_proposed(name, value, analysed):
    _, analysis = analysed[name]
    found = [p for p in analysis.to_dict()["personal_data"] if p["action"] == "redact" and p.get("source") == "ocr"]
    assert any(value in p["text"] for p in found), f"{name}: {value!r} not proposed ({[p['text'] for p in found]})"


@pytest.mark.parametrize("name", list(MANIFEST))
def test_colour_pages_are_published_with_the_values_gone(name, analysed):
    data, analysis = analysed[name]
    result = redact(data, analysis)  # the verifier (with its own colour reading) passes it
    assert result.part1


def _picture(paper, ink, colour_ink=None, panel=None):
    """A heading in ``ink`` over a line in ``colour_ink`` (on a ``panel`` of colour when given)."""
    img = Image.new("RGB", (900, 300), paper)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    d.text((30, 40), "Heading in plain print", font=font, fill=ink)
    if panel:
        d.rectangle((10, 120, 890, 290), fill=panel)
    d.text((30, 170), "Telephone 0117 496 0802", font=font, fill=colour_ink or ink)
    return img


@pytest.mark.parametrize("picture, colour, printed", [
    (Image.new("L", (300, 200), 255), False, False),  # grey: never colour
    (_picture((255, 255, 255), (0, 0, 0)).convert("L").convert("RGB"), False, False),  # grey stored as RGB
    (_picture((244, 239, 222), (20, 20, 20)), False, False),  # black print on cream paper
    (_picture((255, 255, 255), (0, 0, 0), (216, 58, 58), (46, 139, 87)), True, True),  # red on green panel
    (_picture((250, 221, 228), (168, 34, 52), (110, 100, 200)), True, True),  # red and blue print on pink
])
def test_colour_measures(picture, colour, printed):
    """The engine's and the verifier's own measures agree on which pictures are printed in colour."""
    assert is_colour(picture) is colour
    assert coloured_print(picture) is printed
    assert printed_in_colour(picture) is printed


def test_a_projection_separates_red_from_green_of_one_luminance():
    """Grey shows red on green of one lightness as flat; some projection of the colours (engine and verifier
    alike) shows the print with a wide contrast."""
    img = _picture((46, 139, 87), (216, 58, 58))  # all red on green: grey reads nothing (a weak reading)
    grey = np.asarray(img.convert("L"), dtype=np.int16)
    assert int(grey.max() - grey.min()) <= 2
    for made in (planes(img), projections(img)):
        spreads = [int(np.percentile(np.asarray(p), 99) - np.percentile(np.asarray(p), 1)) for p in made]
        assert max(spreads) >= 150, spreads


def test_the_verifier_reads_red_on_green_the_engine_left(analysed, monkeypatch):
    """An engine that leaves the pixels under its boxes is caught although grey shows the page blank there."""
    data, analysis = analysed["red_on_green"]
    monkeypatch.setattr("redaction.pdf.images.pixel_rects", lambda *a, **k: [])
    with pytest.raises(LeakDetected) as err:
        redact(data, analysis)
    assert err.value.checks == ["ocr"]
