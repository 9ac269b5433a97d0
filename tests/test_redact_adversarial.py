"""The adversarial corpus (tests/adversarial/, made by make_corpus.py): one PDF per way redaction tools
leak. Each holds the personal data in its ordinary text and hides it again somewhere hard; after
`redact`, no reader finds it (pdfium, pdfminer, the raw decompressed bytes) and the ordinary text stays."""

from pathlib import Path

import pikepdf
import pytest

from redaction import analyse, redact
from tests.redact_checks import leaked, pdfium_text, readers, squash

CORPUS = Path(__file__).parent / "adversarial"
VALUES = ["Oliver Quist", "Quist", "020 7946 0456", "oliver.quist@example.gov.uk", "02079460456"]
ORDINARY = ["The Board approved the procurement of body worn video cameras for all response teams.",
            "Financial comments: the cost is met from the existing capital budget.",
            "Decision PCD 9001: Body worn video"]
CASES = sorted(p.stem for p in CORPUS.glob("*.pdf"))
# Where the hidden copy sits, so each test also proves the input really had it there.
HIDDEN_IN = {"info_xmp_metadata": "raw", "annotation": "raw", "outline_titles": "raw", "mailto_link": "raw",
             "embedded_file": "raw", "form_field": "raw", "openaction_javascript": "raw",
             "incremental_update": "raw"}


def test_corpus_is_complete():
    expected = {"black_rectangle", "white_text", "render_mode_3", "rotated_text", "reverse_glyphs", "tj_kerning",
                "form_xobject", "subset_truetype", "cid_identity_h", "broken_name", "info_xmp_metadata",
                "annotation", "outline_titles", "mailto_link", "embedded_file", "form_field",
                "openaction_javascript", "hidden_layer", "outside_cropbox", "incremental_update", "tiny_text"}
    assert expected <= set(CASES)


@pytest.fixture(scope="module")
def redacted():
    out = {}
    for name in CASES:
        data = (CORPUS / f"{name}.pdf").read_bytes()
        out[name] = (data, redact(data, analyse(data, f"{name}.pdf")))
    return out


@pytest.mark.parametrize("case", CASES)
def test_values_gone_from_every_reader(case, redacted):
    data, result = redacted[case]
    assert leaked(data, VALUES), "the corpus file must hold the values to begin with"
    assert leaked(result.part1, VALUES) == []
    assert result.report["verification"]["passed"] is True


@pytest.mark.parametrize("case", CASES)
def test_ordinary_text_survives_as_text(case, redacted):
    _, result = redacted[case]
    text = squash(pdfium_text(result.part1))
    for sentence in ORDINARY:
        assert squash(sentence) in text
    assert result.report["rasterised_pages"] == []


@pytest.mark.parametrize("case", sorted(HIDDEN_IN))
def test_hidden_copy_was_outside_the_page_text(case, redacted):
    """For the document-level cases the second copy is not page text at all: raw bytes only."""
    data, _ = redacted[case]
    hidden = squash(readers(data)[HIDDEN_IN[case]]).count(squash("Oliver Quist"))
    visible = squash(pdfium_text(data)).count(squash("Oliver Quist"))
    assert hidden > visible


def test_only_one_revision_and_no_document_level_extras(redacted):
    for name, (_, result) in redacted.items():
        assert result.part1.count(b"%%EOF") == 1, name
        with pikepdf.open(__import__("io").BytesIO(result.part1)) as pdf:
            assert "/Info" not in pdf.trailer
            assert set(pdf.Root.keys()) <= {"/Type", "/Pages", "/Lang"}


def test_plain_web_link_is_kept_and_mailto_dropped(redacted):
    _, result = redacted["mailto_link"]
    assert result.report["sanitized"]["part1"]["links_kept"] == 1
    assert b"example.gov.uk/decisions" in _decompressed(result.part1)
    assert b"mailto" not in _decompressed(result.part1)


def test_kerning_does_not_stand_in_for_removed_glyphs(redacted):
    """Bland et al. (PETS 2023): the width of removed glyphs must not survive as a TJ displacement."""
    _, result = redacted["tj_kerning"]
    with pikepdf.open(__import__("io").BytesIO(result.part1)) as pdf:
        ops = pikepdf.parse_content_stream(pdf.pages[0].obj)
    numbers = [float(x) for operands, op in ops if str(op) == "TJ" for x in operands[0]
               if not isinstance(x, pikepdf.String)]
    assert numbers and max(abs(n) for n in numbers) <= 19  # only the original kerning between kept glyphs
    # no character or word spacing stands in for removed glyphs (labels reset both to 0)
    assert not any(str(op) in ("Tc", "Tw") and float(operands[0]) != 0 for operands, op in ops)


def _decompressed(data: bytes) -> bytes:
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        parts = [repr(o).encode() for o in pdf.objects]
        parts += [o.read_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream)]
    return b"\n".join(parts)
