"""Leak hunt: a short value (a three-letter short form of a given name, "Ros") in a file's font data.

Found in the new-user trial: a Chromium-made NHS FOI reply signed "Thanks, Ros" could not be published with
the decisions the service proposes ("verification failed: raw-streams"). Nothing showed "Ros": the byte scan
read the ToUnicode CMaps of the output (Chromium's Liberation Serif subsets, glyph id = character - 29)
like content streams, hex strings undone, and their tables' codes and texts read in a row (``<0052> <006F>``
``<0053> <0070>``: "R o S p") spell the name by chance. A CMap is now read as a reader extracts from it
(each text one code maps to; its other text), a font's code tables (``/CIDToGIDMap``, ``/CIDSet``) and
colour profiles like a font program (long values only), names one at a time and an object stream without
its names — so the short name, written where a reader could extract it or where text is carried, is still
refused.

Each construct is written by the engine broken on purpose (its save stage adds it to every output) into
the committed Chromium paper (tests/fixtures/leak_hunt/short_name.chromium.pdf), with "Ros" redacted."""

from __future__ import annotations

import importlib
import io
import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from redaction import LeakDetected, analyse, redact
from redaction.decisions import Decisions

PAPER = Path(__file__).parent / "fixtures" / "leak_hunt" / "short_name.chromium.pdf"
SHORT = "Ros"
part = importlib.import_module("redaction.pdf.part")
Name, String, Dictionary, Array = pikepdf.Name, pikepdf.String, pikepdf.Dictionary, pikepdf.Array


def _words(text: str) -> list[str]:
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).split()


def _spelled(text: str) -> bool:
    """This test's own reading: the short name's letters as words in a row ("r o s"), or as one word."""
    w = _words(text)
    return "ros" in w or any(w[i:i + 3] == ["r", "o", "s"] for i in range(len(w)))


def _hex_undone(data: bytes) -> str:
    return re.sub(rb"<([0-9A-Fa-f]+)>", lambda m: bytes.fromhex(m.group(1).decode() + "0" * (len(m.group(1)) % 2)),
                  data).decode("latin-1")


def _pdfium_text(data: bytes) -> str:
    doc = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def _tounicode_spells(data: bytes) -> bool:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return any(_spelled(_hex_undone(obj.ToUnicode.read_bytes())) for obj in pdf.objects
                   if isinstance(obj, Dictionary) and isinstance(obj.get("/ToUnicode"), pikepdf.Stream))


@pytest.fixture(scope="module")
def analysis():
    return analyse(PAPER.read_bytes(), "short_name.pdf")


DECISIONS = Decisions(redact_texts=[SHORT])


def test_the_paper_shows_the_short_name():
    assert "ros" in _words(_pdfium_text(PAPER.read_bytes()))  # "Thanks, Ros"


def test_the_chromium_paper_publishes_with_the_short_name_redacted(analysis):
    result = redact(PAPER.read_bytes(), analysis, DECISIONS)
    assert "ros" not in _words(_pdfium_text(result.part1))
    assert "rosamund" not in _pdfium_text(result.part1).lower()
    # The engine writes each font's ToUnicode back as one bfchar line per glyph (glyph id = character - 29):
    # read in a row with the hex strings undone, they spell the name by chance. That is not a leak.
    assert _tounicode_spells(result.part1)


# --- the engine broken on purpose: its save stage writes the construct into every output ------------------

def _helvetica(pdf) -> str:
    """The resource name of a simple standard font on page 1 (the redaction labels' Helvetica)."""
    fonts = pdf.pages[0].obj.Resources.Font
    return [k for k in fonts.keys() if str(fonts[k].get("/Subtype", "")) == "/Type1"][0]


def _type0(pdf) -> pikepdf.Dictionary:
    fonts = pdf.pages[0].obj.Resources.Font
    return [fonts[k] for k in sorted(fonts.keys()) if str(fonts[k].get("/Subtype", "")) == "/Type0"][0]


def _content(ops: bytes):
    def add(pdf):
        pdf.pages[0].contents_add(pdf.make_stream(ops.replace(b"/HELV", _helvetica(pdf).encode())))
    return add


def _unused_form(ops: bytes):
    def add(pdf):
        form = pdf.make_stream(ops.replace(b"/HELV", _helvetica(pdf).encode()), Type=Name.XObject,
                               Subtype=Name.Form, BBox=[0, 0, 500, 20],
                               Resources=Dictionary(Font=pdf.pages[0].obj.Resources.Font))
        resources = pdf.pages[0].obj.Resources
        resources.XObject = resources.get("/XObject", Dictionary())
        resources.XObject["/FxU"] = form
    return add


def _unused_font(tounicode: bytes | None = None, **extra):
    """A simple Helvetica font in page 1's resources that no text uses, with a ToUnicode CMap of ``tounicode``."""
    def add(pdf):
        font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, **extra)
        if tounicode is not None:
            font.ToUnicode = pdf.make_stream(tounicode)
        pdf.pages[0].obj.Resources.Font["/FxCmap"] = pdf.make_indirect(font)
    return add


def _cmap(body: bytes, name: bytes = b"Adobe-Identity-UCS", comment: bytes = b"") -> bytes:
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" + comment +
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /" + name +
            b" def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n" + body +
            b"\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


# A ToUnicode table like Chromium's: each code is the character's glyph id, its text the character.
CHANCE_TABLE = _cmap(b"3 beginbfchar\n<51> <006E>\n<52> <006F>\n<53> <0070>\nendbfchar")


def _cidtogid_tail(pdf):
    """CIDs no page uses mapped to glyph ids whose bytes read "R o s"."""
    target = _type0(pdf).DescendantFonts[0]
    table = target.get("/CIDToGIDMap")
    data = table.read_bytes() if isinstance(table, pikepdf.Stream) else b""
    target.CIDToGIDMap = pdf.make_stream(data + b"\x00R\x00o\x00s")


def _icc_profile(pdf):
    """A colour space no page uses whose ICC profile's bytes hold the letters (profiles are binary data)."""
    profile = pdf.make_stream(b"\x00\x00\x02\x0clcms\x02\x10\x00\x00mntrRGB \x00Ros\x00" * 4, N=3)
    pdf.pages[0].obj.Resources.ColorSpace = Dictionary(CSi=Array([Name.ICCBased, profile]))


def _base_font(name: str):
    def rename(pdf):
        font = _type0(pdf)
        font.BaseFont = Name("/" + name)
        font.DescendantFonts[0].BaseFont = Name("/" + name)
        font.DescendantFonts[0].FontDescriptor.FontName = Name("/" + name)
    return rename


def _font_name_only(pdf):
    _type0(pdf).DescendantFonts[0].FontDescriptor.FontName = Name("/ABCDEF+Ros")


def _resource_named(pdf):
    fonts = pdf.pages[0].obj.Resources.Font
    fonts["/Ros"] = fonts[_helvetica(pdf)]
    pdf.pages[0].contents_add(pdf.make_stream(b"BT /Ros 1 Tf 0 0 Td ( ) Tj ET"))


def _colourant(pdf):
    resources = pdf.pages[0].obj.Resources
    resources.ColorSpace = Dictionary(CSx=Array([Name.Separation, Name("/Ros"), Name.DeviceCMYK, Dictionary(
        FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[0, 0, 0, 1], N=1)]))
    pdf.pages[0].contents_add(pdf.make_stream(b"q /CSx cs 1 scn 400 400 20 20 re f Q"))


def _info(pdf):
    pdf.trailer.Info = pdf.make_indirect(Dictionary(Author=String(SHORT)))


def _xmp(pdf):
    pdf.Root.Metadata = pdf.make_stream(b'<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
                                        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
                                        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ros</dc:creator>'
                                        b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
                                        Type=Name.Metadata, Subtype=Name.XML)


def _form_field(pdf):
    field = pdf.make_indirect(Dictionary(FT=Name.Tx, T=String("signed"), V=String(SHORT)))
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]))


def _page_string(pdf):
    pdf.pages[0].obj.LeftOver = String(f"Thanks, {SHORT}")


CASES = {
    # construct -> the check that refuses it, or "publishes"
    "Chromium-like ToUnicode table spelling the name in a row": (_unused_font(CHANCE_TABLE), "publishes"),
    "glyph ids in a CIDToGIDMap reading as the letters": (_cidtogid_tail, "publishes"),
    "an ICC profile's bytes holding the letters": (_icc_profile, "publishes"),
    "glyph names /R /o /s in a font's /Differences": (_unused_font(Encoding=Dictionary(
        Type=Name.Encoding, Differences=Array([82, Name("/R"), Name("/o"), Name("/s")]))), "publishes"),
    "a page's text shows the name": (_content(b"BT /HELV 9 Tf 60 60 Td (Thanks, Ros) Tj ET"), "text-pdfium"),
    "content string in a form no page draws": (_unused_form(b"BT /HELV 9 Tf 0 0 Td (Thanks, Ros) Tj ET"),
                                               "raw-streams"),
    "hex string in a form no page draws": (_unused_form(b"BT /HELV 9 Tf 0 0 Td <5468616E6B732C20526F73> Tj ET"),
                                           "raw-streams"),
    "string in a page dictionary": (_page_string, "raw-streams"),
    "Info metadata": (_info, "structure"),
    "XMP metadata": (_xmp, "structure"),
    "form field value": (_form_field, "structure"),
    "ToUnicode maps one code to the name": (_unused_font(_cmap(b"1 beginbfchar\n<01> <0052006F0073>\nendbfchar")),
                                            "raw-streams"),
    "ToUnicode range starting at the name": (_unused_font(_cmap(
        b"1 beginbfrange\n<01> <03> <0052006F0073>\nendbfrange")), "raw-streams"),
    "ToUnicode maps a code to a literal string of the name": (_unused_font(_cmap(
        b"1 beginbfchar\n<01> (Ros)\nendbfchar")), "raw-streams"),
    "CMap named after the person": (_unused_font(_cmap(b"", name=b"Ros-UCS")), "raw-streams"),
    "CMap comment holding the name": (_unused_font(_cmap(b"", comment=b"%%Title: Ros\n")), "raw-streams"),
    "font /BaseFont and /FontName written as the name": (_base_font("ABCDEF+Ros"), "raw-streams"),
    "font descriptor /FontName written as the name": (_font_name_only, "raw-streams"),
    "font resource named after the person": (_resource_named, "raw-streams"),
    "Separation colourant named after the person": (_colourant, "raw-streams"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_short_name_is_refused_only_where_it_can_be_read(monkeypatch, analysis, name):
    mutate, outcome = CASES[name]
    real = part.save

    def leaky(pdf):
        mutate(pdf)
        return real(pdf)
    monkeypatch.setattr(part, "save", leaky)
    if outcome == "publishes":
        result = redact(PAPER.read_bytes(), analysis, DECISIONS)
        assert "ros" not in _words(_pdfium_text(result.part1))
        return
    with pytest.raises(LeakDetected) as err:
        redact(PAPER.read_bytes(), analysis, DECISIONS)
    assert err.value.checks == [outcome]
    message = str(err.value).lower()
    assert "ros" not in _words(message) and "rosamund" not in message and "0417" not in message
