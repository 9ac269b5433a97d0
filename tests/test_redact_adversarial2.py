"""Acceptance corpus of issue 11 (tests/adversarial/corpus2/, made by make_corpus2.py): every paper ends
either in exit 0 with nothing leaked by the independent oracle (tests/leak_oracle.py: pdfium, pdfminer,
pdftotext, every decompressed byte, images and their pixels, fonts, decoded link URIs) and its ordinary text
kept, or in exit 2 naming the check (fail closed) where the issue allows a refusal.

A split case that asks for confirmation gets the officer's Part 2 start from the manifest, as an officer
would give it, and must then be clean. The holdout batch (corpus2/holdout/) runs with ``FOIA_HOLDOUT=1``."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from service.cli import main
from tests import leak_oracle as oracle
from tests.conftest import need

ROOT = Path(__file__).parent / "adversarial" / "corpus2"
FOLDER = ROOT / "holdout" if os.environ.get("FOIA_HOLDOUT") else ROOT
MANIFEST = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))

# case -> (expected outcome, why). "clean": exit 0 and nothing leaked; "refused: <check>": exit 2 naming it.
EXPECTED = {
    "split_numbered_heading": ("clean", "recognised, or the withholding sentence asks for part2_start and the "
                               "officer gives it"),
    "split_heading_image": ("clean", "the withholding sentence asks for part2_start and the officer gives it"),
    "split_two_columns": ("clean", "reading order: the rest of the left column and the right column are Part 2"),
    "split_rotate_90": ("clean", "the cut follows the displayed (landscape) orientation"),
    "split_headings_outline_lo": ("clean", "bookmarks are not copied; the officer gives part2_start if asked"),
    "split_rotate_90_single_page": ("clean", "never an empty or mixed part: the cut follows the displayed page"),
    "split_page_picture_and_link": ("clean", "Part 2 pictures and links on the split page are removed, not "
                                    "clipped"),
    "split_page_form_field": ("clean", "form fields are flattened before the split, so a Part 2 answer goes to "
                              "Part 2"),
    "split_confidential_marking": ("clean", "a CONFIDENTIAL marking over a section asks for part2_start"),
    "split_two_columns_confirmed": ("clean", "the officer's start in a column: the rest of that column and the "
                                    "next are Part 2"),
    "split_three_columns": ("clean", "reading order: column one stays Part 1 to its foot"),
    "link_other_forms": ("clean", "every national and international form of a number is tested"),
    "link_tel_header_footer_lo": ("clean", "tel: links are rebuilt only if the decoded number is not removed"),
    "comment_tracked_changes_lo": ("clean", "annotations are dropped; deleted text on the page is redacted"),
    "link_percent_plus": ("clean", "URIs are decoded (percent, +, separators, +44) before the leak test"),
    "link_mailto_display": ("clean", "the address and display name inside mailto: are decoded"),
    "jpeg_metadata": ("clean", "images are re-encoded from pixels with no metadata segment"),
    "jpeg_com_after_blanking": ("clean", "re-encoding after blanking keeps no COM/EXIF/XMP"),
    "clip_cropped_image_lo": ("clean", "images are cropped to their visible area"),
    "ve_hidden_layer": ("clean", "visibility expressions resolved; hidden content removed, shown content kept"),
    "hidden_layer_rasterised": ("clean", "hidden content is removed before rasterising"),
    "tiling_pattern_text": ("clean", "pattern cells interpreted, or the page made a picture with boxes blanked"),
    "soft_mask_text": ("clean", "soft-mask groups interpreted, or the page made a picture"),
    "font_subset_order": ("clean", "fonts re-subset to the glyphs still shown"),
    "chromium_cid_subset": ("clean", "CID fonts re-subset to the glyphs still shown"),
    "ghostscript_cff_subset": ("clean", "CFF subsets re-subset: no glyph name of removed text"),
    "actual_text": ("clean", "marked-content properties are not copied"),
    "page_thumbnail": ("clean", "page thumbnails are not copied"),
    "form_answers": ("clean", "form fields flattened into the page, then redacted like any text"),
    "colour_key_mask": ("clean", "an image keeps its colour-key mask"),
    "icc_indexed": ("clean", "an image keeps its ICC / Indexed colour space"),
    "smask_and_cmyk": ("clean", "an image keeps its soft mask and its CMYK colours"),
}
HOLDOUT_EXPECTED = {name: ("clean", "holdout: same rule as the seen batch") for name in MANIFEST}
TABLE = HOLDOUT_EXPECTED if FOLDER != ROOT else EXPECTED
CASES = sorted(MANIFEST)


@pytest.fixture(autouse=True)
def _oracle_tools():
    need(all(shutil.which(t) for t in oracle.TOOLS), f"the leak oracle needs {', '.join(oracle.TOOLS)}")


def test_every_case_has_an_expected_outcome():
    assert set(CASES) == set(TABLE)
    assert all(outcome == "clean" or outcome.startswith("refused: ") for outcome, _ in TABLE.values())


def _run(paper: Path, out: Path, decisions: dict | None) -> tuple[int, str]:
    argv = ["redact", str(paper), "-o", str(out)]
    if decisions is not None:
        path = out.parent / f"{paper.stem}.decisions.json"
        path.write_text(json.dumps(decisions), encoding="utf-8")
        argv += ["--decisions", str(path)]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(argv)
    return rc, err.getvalue()


def _analyse(paper: Path) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(["analyse", str(paper)])
    return rc, json.loads(out.getvalue()) if rc == 0 else {}, err.getvalue()


def officer_decisions(meta: dict, asked: list[str]) -> dict | None:
    """What an officer gives when the analysis asks: the Part 2 start where they see it, and a confirmation
    that they looked at the pages that are pictures (boxes only where the manifest says they would draw)."""
    decisions: dict = {}
    if "part2_start" in asked and meta["officer_part2_start"] is not None:
        decisions["part2_start"] = meta["officer_part2_start"]
    if "image_pages" in asked:
        decisions["confirmed"] = ["image_pages"]
        decisions["boxes"] = meta.get("officer_boxes", [])
    return decisions or None


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Each case analysed and redacted once through the CLI, with the officer's decisions where asked."""
    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            meta, tmp, paper = MANIFEST[name], tmp_path_factory.mktemp(name), FOLDER / f"{name}.pdf"
            rc, analysis, err = _analyse(paper)
            asked = analysis.get("needs_confirmation", [])
            if rc == 0:
                rc, err = _run(paper, tmp / "out", officer_decisions(meta, asked))
            part = {n: (tmp / "out" / f"part{n}.pdf").read_bytes() if (tmp / "out" / f"part{n}.pdf").exists()
                    else None for n in (1, 2)}
            cache[name] = {"rc": rc, "err": err, "asked": asked, "part1": part[1], "part2": part[2]}
        return cache[name]
    return get


@pytest.mark.parametrize("case", CASES)
def test_input_holds_what_must_go(case):
    meta = MANIFEST[case]
    data = (FOLDER / f"{case}.pdf").read_bytes()
    assert oracle.leaks(data, meta["values"], meta["part2"], ocr=False), "the paper must hold the values"


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_outcome_is_clean_or_a_named_refusal(case, outcomes):
    meta, expected = MANIFEST[case], TABLE[case][0]
    got = outcomes(case)
    if got["rc"] == 2 and expected.startswith("refused: "):
        assert expected.removeprefix("refused: ") in got["err"]
        return
    assert got["rc"] == 0, f"expected {expected}, got exit {got['rc']}: {got['err'].strip()}"
    problems = oracle.part_problems(got["part1"], "part1")
    if meta["part2"] or got["part2"] is not None:
        problems += oracle.part_problems(got["part2"], "part2")
    assert problems == []
    found = [str(x) for x in oracle.leaks(got["part1"], meta["values"], meta["part2"])]
    if got["part2"] is not None:
        found += [f"part2: {x}" for x in oracle.leaks(got["part2"], meta["values"])]
    assert found == [], f"{meta['class']}: leaked"


@pytest.mark.parametrize("case", CASES)
def test_ordinary_text_is_kept(case, outcomes):
    meta, got = MANIFEST[case], outcomes(case)
    if got["rc"] != 0:
        pytest.fail(f"no output (exit {got['rc']}): {got['err'].strip()}")
    text = oracle.squash(oracle.pdfium_text(got["part1"]))
    missing = [i for i, sentence in enumerate(meta["ordinary"]) if oracle.squash(sentence) not in text]
    assert missing == [], f"ordinary sentences lost from Part 1: {missing}"


def lines_lost(meta: dict, paper: bytes, part1: bytes) -> list[int]:
    """Lines of the paper (pdfium) holding no removed value and no Part 2 text that are not whole in Part 1."""
    forms = [f for value in meta["values"] for f in oracle.value_forms(value)]
    part2 = [oracle.squash(t) for t in meta["part2"]]
    kept = oracle.squash(oracle.pdfium_text(part1))
    lost = []
    for i, line in enumerate(oracle.pdfium_text(paper).splitlines()):
        flat = oracle.squash(line)
        if len(flat) < 10 or any(f in flat for f in forms) or any(flat in t or t in flat for t in part2):
            continue
        if flat not in kept:
            lost.append(i)
    return lost


@pytest.mark.parametrize("case", CASES)
def test_every_line_without_removed_text_is_kept(case, outcomes):
    """No ordinary text lost anywhere, not only the sentences the manifest names."""
    meta, got = MANIFEST[case], outcomes(case)
    if got["rc"] != 0:
        pytest.fail(f"no output (exit {got['rc']}): {got['err'].strip()}")
    lost = lines_lost(meta, (FOLDER / f"{case}.pdf").read_bytes(), got["part1"])
    assert lost == [], f"lines of the paper lost from Part 1 (line numbers): {lost}"


@pytest.mark.parametrize("case", [c for c in CASES if MANIFEST[c]["part2"]])
def test_part2_text_is_in_part2(case, outcomes):
    """Nothing of Part 2 is lost either: every Part 2 sentence that is text in the paper is text in part2."""
    meta, got = MANIFEST[case], outcomes(case)
    if got["rc"] != 0:
        pytest.fail(f"no output (exit {got['rc']}): {got['err'].strip()}")
    assert got["part2"], "no part2.pdf"
    source = oracle.squash(oracle.pdfium_text((FOLDER / f"{case}.pdf").read_bytes()))
    text = oracle.squash(oracle.pdfium_text(got["part2"]))
    sentences = [s for s in meta["part2"] if oracle.squash(s) in source]
    assert sentences and [i for i, s in enumerate(sentences) if oracle.squash(s) not in text] == []


@pytest.mark.parametrize("case", [c for c in CASES if MANIFEST[c].get("pixel_checks")])
def test_no_silent_damage_to_pictures(case, outcomes):
    """Where nothing was redacted, the page looks the same: a colour-key mask or colour space survives."""
    meta, got = MANIFEST[case], outcomes(case)
    assert got["rc"] == 0, got["err"]
    before = (FOLDER / f"{case}.pdf").read_bytes()
    for page, x, y in meta["pixel_checks"]:
        a, b = _pixel(before, page, x, y), _pixel(got["part1"], page, x, y)
        assert max(abs(p - q) for p, q in zip(a, b)) <= 40, f"page {page} at ({x}, {y}): {a} became {b}"


@pytest.mark.parametrize("case", [c for c in CASES if MANIFEST[c].get("colour_spaces")])
def test_colour_spaces_are_kept(case, outcomes):
    meta, got = MANIFEST[case], outcomes(case)
    assert got["rc"] == 0, got["err"]
    with pikepdf.open(io.BytesIO(got["part1"])) as pdf:
        families = set()
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                cs = obj.get("/ColorSpace")
                families.add(str(cs[0]) if isinstance(cs, pikepdf.Array) else str(cs))
    assert set(meta["colour_spaces"]) <= families


def _pixel(data: bytes, page: int, x: float, y: float) -> tuple[int, ...]:
    doc = pdfium.PdfDocument(data)
    doc.init_forms()  # widgets are drawn as a viewer shows them
    try:
        pg = doc[page - 1]
        scale = 1.0
        image = pg.render(scale=scale).to_pil().convert("RGB")
        left, bottom = pg.get_mediabox()[:2]
        cx, cy = int((x - left) * scale), int(image.height - (y - bottom) * scale)
        # the mean of a 7 x 7 square, so a thin mark (a tick) counts without hitting one exact pixel
        area = [image.getpixel((cx + dx, cy + dy)) for dx in range(-3, 4) for dy in range(-3, 4)]
        return tuple(sum(p[k] for p in area) // len(area) for k in range(3))
    finally:
        doc.close()
