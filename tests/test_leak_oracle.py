"""The leak oracle is not blind: each reader finds the hidden copy in the acceptance corpus where it hides,
and a phone number is found in its other forms. (The oracle judges the engine, so it gets tests of its own.)"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from tests import leak_oracle as oracle
from tests.conftest import need
from tests.oracle_readers import _uri_forms

CORPUS = Path(__file__).parent / "adversarial" / "corpus2"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _oracle_tools():
    need(all(shutil.which(t) for t in oracle.TOOLS), f"the leak oracle needs {', '.join(oracle.TOOLS)}")

# case -> readers that must see a removed value where it hides (beside the page text)
HIDDEN = {
    "link_percent_plus": {"links"},
    "link_mailto_display": {"links"},
    "link_tel_header_footer_lo": {"links"},
    "jpeg_metadata": {"jpeg segments", "image bytes", "pdfimages files"},
    "jpeg_com_after_blanking": {"jpeg segments", "pdfimages OCR"},
    "clip_cropped_image_lo": {"pdfimages OCR"},
    "soft_mask_text": {"pdftotext"},
    "tiling_pattern_text": {"bytes"},
}


@pytest.mark.parametrize("case", sorted(HIDDEN))
def test_each_reader_finds_its_hidden_copy(case):
    meta = MANIFEST[case]
    found = {leak.reader for leak in oracle.leaks((CORPUS / f"{case}.pdf").read_bytes(), meta["values"])}
    assert HIDDEN[case] <= found


@pytest.mark.parametrize("form", ["tel:+447700900987", "tel:0044-7700-900987", "07700.900.987",
                                  "+44 (0)7700 900987"])
def test_phone_number_in_any_form(form):
    assert any(f in oracle.squash(form) for f in oracle.value_forms("07700 900987"))


def test_uri_forms_are_decoded():
    forms = _uri_forms("mailto:%22Oliver%20Quist%22%20%3Co.q@example.org%3E?q=Oliver+Quist")
    assert any("Oliver Quist" in f for f in forms)


def test_font_subset_mapping_removed_letters_is_a_leak():
    data = (CORPUS / "font_subset_order.pdf").read_bytes()
    values = MANIFEST["font_subset_order"]["values"]
    shown = {"pdfium": [" ".join(MANIFEST["font_subset_order"]["ordinary"])], "pdfminer": [""]}
    assert oracle.font_leaks(data, values, shown)
    assert oracle.font_leaks(data, values) == []  # the input still shows the name: not a leak by itself


def test_part2_text_is_found_by_word_ngrams_across_lines():
    grams = oracle.part2_ngrams(["The contingency held back for asbestos removal is eleven thousand pounds."])
    pdf = _pdf(["Unrelated words. The contingency held back for", "asbestos removal is eleven thousand"])
    assert any(leak.what == "part2 n-gram" for leak in oracle.leaks(pdf, [], ["The contingency held back for "
                                                                               "asbestos removal"]))
    assert "contingency held back for asbestos" in grams


def test_clean_paper_has_no_finding_and_parts_are_checked():
    pdf = _pdf(["The Board approved the refurbishment of the custody suite."])
    assert oracle.leaks(pdf, ["Oliver Quist", "07700 900987"], ["The preferred contractor offered a discount"]) == []
    assert oracle.part_problems(pdf, "part1") == []
    assert oracle.part_problems(b"", "part1") == ["part1 is empty"]
    assert oracle.part_problems(b"%PDF-1.7\nnot really", "part1")


def _pdf(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for i, line in enumerate(lines):
        c.drawString(60, 700 - 16 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()
