"""The content-stream engine on small made-up pages: forms copied per use, images blanked, paths removed,
fonts pruned, Type 3 pages rasterised with a text layer."""

import io
import pikepdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from redaction import analyse, redact
from redaction.decisions import Decisions
from redaction.pdf.fontclean import read_tounicode
from tests.redact_checks import leaked, pdfium_text, squash

CORPUS = __import__("pathlib").Path(__file__).parent / "adversarial"


def _pdf(draw) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Decision PCD 9002: Fleet replacement programme")
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _redact_boxes(data: bytes, boxes: list) -> bytes:
    decisions = Decisions.from_dict({"boxes": [{"page": 1, "box": b} for b in boxes]})
    return redact(data, analyse(data, "t.pdf"), decisions).part1


def _forms(data: bytes) -> list:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [o.objgen for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Form"]


def test_shared_form_is_copied_only_for_the_redacted_use():
    def draw(c):
        c.beginForm("f")
        c.setFont("Helvetica", 11)
        c.drawString(0, 0, "Quarterly maintenance schedule for the vehicle fleet")
        c.endForm()
        for y in (600, 400):
            c.saveState()
            c.translate(60, y)
            c.doForm("f")
            c.restoreState()
    data = _pdf(draw)
    out = _redact_boxes(data, [[55, 595, 400, 615]])
    text = squash(pdfium_text(out))
    assert text.count(squash("Quarterly maintenance schedule for the vehicle fleet")) == 1
    assert len(_forms(out)) == 2  # the untouched use keeps a form; the redacted use got its own copy


def test_form_used_twice_unredacted_stays_one_object():
    def draw(c):
        c.beginForm("f")
        c.drawString(0, 0, "Running header")
        c.endForm()
        for y in (600, 400):
            c.saveState()
            c.translate(60, y)
            c.doForm("f")
            c.restoreState()
    out = _redact_boxes(_pdf(draw), [[300, 100, 400, 120]])
    assert len(_forms(out)) == 1


def _image_pdf() -> bytes:
    img = Image.new("RGB", (100, 100), (200, 30, 30))

    def draw(c):
        c.drawImage(ImageReader(img), 100, 300, width=200, height=200)
    return _pdf(draw)


def test_image_pixels_under_a_box_are_blanked_in_a_new_image():
    data = _image_pdf()
    out = _redact_boxes(data, [[100, 300, 200, 500]])  # the left half of the image
    with pikepdf.open(io.BytesIO(out)) as pdf:
        images = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        assert len(images) == 1  # the original was dropped
        pil = pikepdf.PdfImage(images[0]).as_pil_image().convert("RGB")
    assert pil.getpixel((10, 50)) == (0, 0, 0)
    assert pil.getpixel((90, 50)) == (200, 30, 30)


def test_image_wholly_under_a_box_is_removed():
    out = _redact_boxes(_image_pdf(), [[90, 290, 310, 510]])
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert not [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]


def test_vector_signature_under_a_box_is_removed_and_table_rule_kept():
    def draw(c):
        p = c.beginPath()
        p.moveTo(100, 600)
        p.curveTo(120, 640, 140, 560, 160, 610)
        p.curveTo(170, 620, 180, 590, 190, 605)
        c.drawPath(p)
        c.line(50, 590, 550, 590)
    data = _pdf(draw)
    out = _redact_boxes(data, [[95, 592, 200, 645]])  # the curve dips to y=593
    with pikepdf.open(io.BytesIO(out)) as pdf:
        ops = [str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0].obj)]
    assert "c" not in ops
    assert "l" in ops


@pytest.mark.parametrize("case", ["subset_truetype", "cid_identity_h"])
def test_tounicode_keeps_only_codes_still_shown(case):
    data = (CORPUS / f"{case}.pdf").read_bytes()
    out = redact(data, analyse(data, "t.pdf")).part1
    with pikepdf.open(io.BytesIO(out)) as pdf:
        maps = [read_tounicode(f.ToUnicode) for p in pdf.pages for f in p.obj.Resources.Font.values()
                if "/ToUnicode" in f]
    assert maps
    letters = "".join(v for m in maps for v in m.values())
    assert "Q" not in letters  # only "Quist" used a capital Q
    assert "B" in letters  # "Board" is still there


def _type3_pdf(words: str = "Oliver Quist", label: str = "Signed by") -> bytes:
    """A page whose name is set in a Type 3 font (each glyph a filled square), with ToUnicode."""
    pdf = pikepdf.new()
    square = pdf.make_stream(b"600 0 0 0 500 700 d1 0 0 500 700 re f")
    names = words.replace(" ", "")
    cmap = "\n".join(["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
                      "1 begincodespacerange <00> <FF> endcodespacerange", f"{len(set(names))} beginbfchar"]
                     + [f"<{ord(ch):02X}> <{ord(ch):04X}>" for ch in sorted(set(names))]
                     + ["endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"])
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 600, 700],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], FirstChar=32, LastChar=122, Widths=[600] * 91,
        Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([32] + [pikepdf.Name("/sq")] * 91)),
        CharProcs=pikepdf.Dictionary(sq=square), ToUnicode=pdf.make_stream(cmap.encode())))
    helv = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    content = ("BT /F1 11 Tf 60 780 Td (Decision PCD 9003: Estates strategy for the north area) Tj ET\n"
               f"BT /F1 11 Tf 60 700 Td ({label}) Tj ET\nBT /T3 11 Tf 120 700 Td ({words}) Tj ET\n").encode()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helv, T3=font))
    pdf.pages[0].obj.Contents = pdf.make_stream(content)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


KNOWN_OPERATORS = {"q", "Q", "cm", "Do", "BT", "ET", "Tf", "Tm", "Td", "TD", "Tr", "Tz", "Tc", "Tw", "TL", "Ts",
                   "Tj", "TJ", "'", '"', "T*", "g", "G", "rg", "RG", "k", "K", "re", "f", "f*", "W", "W*", "n",
                   "m", "l", "c", "h", "S", "s", "B", "b", "gs", "cs", "CS", "sc", "scn", "SC", "SCN", "w"}


def test_type3_text_under_a_box_makes_the_page_a_picture_with_a_text_layer():
    data = _type3_pdf()
    result = redact(data, analyse(data, "t.pdf"), Decisions.from_dict({"redact_texts": ["Oliver Quist"]}))
    assert [r["reason"] for r in result.report["rasterised_pages"]] == ["type3 font"]
    assert leaked(result.part1, ["Oliver Quist", "Quist"]) == []
    text = squash(pdfium_text(result.part1))
    assert squash("Estates strategy for the north area") in text  # the invisible text layer
    with pikepdf.open(io.BytesIO(result.part1)) as pdf:
        fonts = [f for p in pdf.pages for f in p.obj.Resources.get("/Font", {}).values()]
        operators = {str(op) for page in pdf.pages for _, op in pikepdf.parse_content_stream(page)}
    assert not [f for f in fonts if f.Subtype == "/Type3"]
    assert operators <= KNOWN_OPERATORS, operators - KNOWN_OPERATORS  # e.g. no "ETq" from a missing newline


def test_type3_text_away_from_every_box_is_left_alone():
    data = _type3_pdf("Route Lot", "See annex for")
    out = _redact_boxes(data, [[300, 100, 400, 120]])
    assert squash("RouteLot") in squash(pdfium_text(out))
