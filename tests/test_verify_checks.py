"""Every verification check fires on an engine broken on purpose.

Each row breaks one stage (a monkeypatch of redaction/pdf/* or of the verifier's readers, to show a reader
catches a leak alone) and names the check that must stop publication: LeakDetected naming exactly that
check, no value in the message, and `foia redact` exits 2 leaving no file. Most rows break the save stage
so it writes one thing the engine should never have let through (a string, a link, an image, a font, a
word), which keeps them independent of how the engine's other stages are built today."""

from __future__ import annotations

import importlib
import io
import zlib
from pathlib import Path

import pikepdf
import pytest
from fontTools.misc.eexec import encrypt

from redaction import LeakDetected, analyse, redact
from redaction.pdf import content
from redaction.verification import readers
from service.cli import main

ADVERSARIAL = Path(__file__).parent / "adversarial"
FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
SECRETS = ("oliver", "quist", "7946", "heron", "jane")
TITLE = "Commissioning brief for Project Heron"  # metadata of the input, never shown on a page
part = importlib.import_module("redaction.pdf.part")
pipeline = importlib.import_module("redaction.redact")


def _input(name: str = "white_text.pdf", folder: Path = ADVERSARIAL) -> bytes:
    data = (folder / name).read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:  # a title no page shows: what the metadata check guards
        pdf.docinfo["/Title"] = TITLE
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


# --- what a broken save stage lets through ---------------------------------------------------------------

def _page(pdf):
    return pdf.pages[0].obj


def _string(pdf):
    _page(pdf)["/LeftOver"] = pikepdf.String("Oliver Quist")


def _metadata(pdf):
    _page(pdf)["/LeftOver"] = pikepdf.String(TITLE)


def _link(uri):
    def add(pdf):
        annot = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[10, 10, 60, 30], Border=[0, 0, 0],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri))))
        _page(pdf)["/Annots"] = pikepdf.Array([annot])
    return add


def _jpeg(segment: bytes) -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 40, 40)).save(buf, "JPEG")
    data = buf.getvalue()
    return data[:2] + segment + data[2:]


def _image(data: bytes, size: tuple[int, int] = (8, 8)):
    def add(pdf):
        image = pdf.make_stream(data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=size[0],
                                Height=size[1],
                                ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8, Filter=pikepdf.Name.DCTDecode)
        resources = _page(pdf).Resources
        xobjects = resources.get("/XObject", pikepdf.Dictionary())
        xobjects["/ImLeft"] = image
        resources.XObject = xobjects
        pdf.pages[0].contents_add(pdf.make_stream(b"q 8 0 0 8 0 0 cm /ImLeft Do Q"))
    return add


def _picture_of_name() -> bytes:
    """The removed name as pixels (a scan, a flattened layer): only OCR reads it."""
    from PIL import Image, ImageDraw, ImageFont
    picture = Image.new("RGB", (900, 140), "white")
    ImageDraw.Draw(picture).text((30, 30), "Oliver Quist", fill="black", font=ImageFont.load_default(size=72))
    buf = io.BytesIO()
    picture.save(buf, "JPEG", quality=95)
    return buf.getvalue()


def _comment(text: bytes) -> bytes:
    return b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text


def _type1_font(pdf):
    """A Type 1 program whose encrypted part names the removed person (no reader of text sees it)."""
    clear = b"%!PS-AdobeFont-1.0: LeftOver 001\n/FontName /LeftOver def\ncurrentfile eexec\n"
    secret = encrypt(b"\x00\x00\x00\x00dup /FullName (Oliver Quist) readonly def\n", 55665)[0]
    program = pdf.make_stream(clear + secret, Length1=len(clear), Length2=len(secret), Length3=0)
    descriptor = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor,
                                                      FontName=pikepdf.Name("/LeftOver"), Flags=32,
                                                      FontBBox=[0, 0, 500, 700], ItalicAngle=0, Ascent=700,
                                                      Descent=0, CapHeight=700, StemV=80, FontFile=program))
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name("/LeftOver"), FontDescriptor=descriptor))
    resources = _page(pdf).Resources
    fonts = resources.get("/Font", pikepdf.Dictionary())
    fonts["/FLeftOver"] = font
    resources.Font = fonts


def _word(pdf):
    """The surname alone, drawn where the name stood (not the whole value: only the token check sees it)."""
    resources = _page(pdf).Resources
    fonts = resources.get("/Font", pikepdf.Dictionary())
    fonts["/FWord"] = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                           BaseFont=pikepdf.Name.Helvetica))
    resources.Font = fonts
    pdf.pages[0].contents_add(pdf.make_stream(b"BT /FWord 9 Tf 20 20 Td (Quist) Tj ET"))


def _breaks_save(mutate):
    def patch(monkeypatch):
        real = part.save

        def leaky(pdf):
            mutate(pdf)
            return real(pdf)
        monkeypatch.setattr(part, "save", leaky)
    return patch


# --- other stages broken --------------------------------------------------------------------------------

def _no_op_edit(self, page, regions):
    return list(pikepdf.parse_content_stream(page.obj)), page.obj.Resources, content.PageStats()


def _edits_nothing(monkeypatch):
    monkeypatch.setattr(content.ContentEditor, "edit_page", _no_op_edit)


def _blind(*names):
    """The engine edits nothing and the named readers see nothing: the remaining reader alone catches it."""
    def patch(monkeypatch):
        _edits_nothing(monkeypatch)
        for name in names:
            real = getattr(readers, name)
            monkeypatch.setattr(readers, name, lambda data, n, real=real: ["" for _ in real(data, n)])
    return patch


def _no_pdftotext(monkeypatch):
    monkeypatch.setattr(readers.shutil, "which", lambda exe: None)


def _second_revision(monkeypatch):
    real = part.save
    monkeypatch.setattr(part, "save", lambda pdf: real(pdf) + b"\nstartxref\n0\n%%EOF\n")


def _no_sanitize(monkeypatch):
    monkeypatch.setattr(part, "sanitize", lambda pdf, regions, leaks: {})


def _text_in_boxes(monkeypatch):
    real = part.box_instructions

    def leaky(regions):
        drawn, uses_label = real(regions)
        extra = b"".join(f"BT /FRedactLabel 4 Tf {(r.box[0] + r.box[2]) / 2:.2f} {(r.box[1] + r.box[3]) / 2:.2f} "
                         f"Td (zz) Tj ET\n".encode() for r in regions if r.draws_box)
        return drawn + extra, uses_label or bool(extra)
    monkeypatch.setattr(part, "box_instructions", leaky)


def _keeps_font_programs(monkeypatch):
    """The font stage leaves every embedded program as the producer made it (no re-subsetting)."""
    fontclean = importlib.import_module("redaction.pdf.fontclean")
    monkeypatch.setattr(fontclean, "resubset", lambda *a, **k: "none", raising=False)


def _split_forgets_other_part(monkeypatch):
    real = pipeline.part_specs

    def leaky(*args, **kwargs):
        specs = real(*args, **kwargs)
        for s in specs:
            s.regions.clear()
            s.clips.clear()
        return specs
    monkeypatch.setattr(pipeline, "part_specs", leaky)


CASES = [
    # (check, input, how the engine is broken)
    ("single-revision", "white_text.pdf", _second_revision),
    ("structure", "info_xmp_metadata.pdf", _no_sanitize),
    ("text-pdfium", "white_text.pdf", _edits_nothing),
    ("text-pdfminer", "white_text.pdf", _blind("pdfium_pages")),
    ("text-poppler", "white_text.pdf", _blind("pdfium_pages", "pdfminer_pages")),
    ("text-poppler", "black_rectangle.pdf", _no_pdftotext),
    ("raw-streams", "white_text.pdf", _breaks_save(_string)),
    ("metadata", "white_text.pdf", _breaks_save(_metadata)),
    ("boxes-empty", "white_text.pdf", _text_in_boxes),
    ("links", "white_text.pdf", _breaks_save(_link("https://example.org/staff?q=%4Fliver+%51uist"))),
    ("links", "white_text.pdf", _breaks_save(_link("mailto:%22Oliver%20Quist%22%20%3Cpress@example.org%3E"))),
    ("links", "white_text.pdf", _breaks_save(_link("tel:%2B44%2020%207946%200456"))),
    ("links", "white_text.pdf", _breaks_save(_link("https://example.org/people/quist"))),
    ("images", "white_text.pdf", _breaks_save(_image(b"\xff\xd8\xff\xdb\x00\x04not a jpeg"))),
    ("image-metadata", "white_text.pdf", _breaks_save(_image(_jpeg(_comment(b"Photo: Jane Example"))))),
    ("fonts", "white_text.pdf", _breaks_save(_type1_font)),
    ("ocr", "white_text.pdf", _breaks_save(_image(_picture_of_name(), (900, 140)))),
    ("font-glyphs", "syn_no_part2.libreoffice.pdf", _keeps_font_programs),
    ("tokens", "white_text.pdf", _breaks_save(_word)),
    ("part2-ngrams", "syn_part2_midpage.reportlab.pdf", _split_forgets_other_part),
]


def _data(name: str) -> bytes:
    return _input(name, ADVERSARIAL if (ADVERSARIAL / name).exists() else FIXTURES)


@pytest.mark.parametrize("check,name,breaks", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_a_broken_engine_is_caught_by_the_check(monkeypatch, check, name, breaks):
    data = _data(name)
    analysis = analyse(data, name)
    breaks(monkeypatch)
    with pytest.raises(LeakDetected) as err:
        redact(data, analysis)
    assert err.value.checks == [check]
    assert not any(s in str(err.value).lower() for s in SECRETS)


@pytest.mark.parametrize("check,name,breaks", [CASES[6], CASES[9], CASES[14], CASES[17]],
                         ids=["raw-streams", "links", "image-metadata", "tokens"])
def test_the_command_exits_2_naming_the_check(monkeypatch, tmp_path, capsys, check, name, breaks):
    paper = tmp_path / name
    paper.write_bytes(_data(name))
    breaks(monkeypatch)
    status = main(["redact", str(paper), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert f"verification failed: {check} " in err
    assert not (tmp_path / "out").exists()
    assert not any(s in err.lower() for s in SECRETS)


def test_the_engine_unbroken_passes_every_check():
    data = _data("white_text.pdf")
    result = redact(data, analyse(data, "white_text.pdf"))
    checks = result.report["verification"]["checks"]
    assert {c for c, _, _ in CASES} - {"part2-ngrams"} <= set(checks)
