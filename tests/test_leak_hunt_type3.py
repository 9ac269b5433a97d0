"""Leak hunt: text shown inside a Type 3 glyph procedure, and text written as hex strings or octal escapes
where no reader extracts it.

A Type 3 glyph is a little content stream; nothing stops it from showing text in a font of the Type 3
font's own resources. No text reader extracts that text (they read the Type 3 glyph's own code), the
engine kept every glyph procedure still shown as it was, and the verifier's byte scan read ``<496D6F...>``
and ``(\\111mogen)`` as they are written. Now the engine drops text objects from the glyph procedures it
keeps (redaction/pdf/fontclean.py) and the verifier reads content streams with their hex strings and
octal escapes undone (redaction/verification/streams.py), on its own: with the engine's drop switched off,
``raw-streams`` (a value) or ``part2-ngrams`` (Part 2 text) stops publication."""

from __future__ import annotations

import importlib
import io
import re

import pikepdf
import pytest

from redaction import LeakDetected, analyse, redact
from redaction.pdf import fontclean
from tests import leak_hunt_paper as lh

part = importlib.import_module("redaction.pdf.part")
Name, Dictionary = pikepdf.Name, pikepdf.Dictionary
PERSON = f"{lh.NAME} {lh.PHONE}"


def _hex(text: str) -> bytes:
    return b"<" + text.encode("latin-1").hex().upper().encode() + b">"


def _octal(text: str) -> bytes:
    return b"(" + b"".join(b"\\%03o" % c for c in text.encode("latin-1")) + b")"


def _type3(pdf, inner: bytes):
    """A Type 3 font whose glyphs are boxes; the glyph for 'E' also shows ``inner`` at 1 pt in Helvetica."""
    helvetica = pdf.pages[0].obj.Resources.Font[lh.font_name(pdf).decode()]
    box = pdf.make_stream(b"500 0 0 0 450 600 d1 0 0 450 600 re f")
    e = pdf.make_stream(b"500 0 d0 0 0 450 600 re f BT /H 1 Tf 0 0 Td " + inner + b" Tj ET")
    space = pdf.make_stream(b"250 0 d0")
    names = [Name(f"/c{code}") for code in range(32, 127)]
    procs = Dictionary({str(n): space if code == 32 else e if code == 0x45 else box
                        for code, n in zip(range(32, 127), names)})
    tounicode = pdf.make_stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def 1 begincodespacerange "
        b"<00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange endcmap CMapName currentdict "
        b"/CMap defineresource pop end end")
    return pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.Type3, FontBBox=[0, 0, 500, 600], FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=procs, FirstChar=32, LastChar=126, Widths=[250] + [500] * 94,
        Encoding=Dictionary(Type=Name.Encoding, Differences=[32, *names]),
        Resources=Dictionary(Font=Dictionary(H=helvetica)), ToUnicode=tounicode))


def _glyph_text(inner: bytes):
    """'Estates note' in the Type 3 font on page 1: its 'E' shows ``inner``."""
    return lh.draw(b"BT /T3 9 Tf 60 400 Td (Estates note) Tj ET", Font={"T3": lambda pdf: _type3(pdf, inner)})


CASES = {
    # construct -> (change, the check that fires when the engine keeps the glyph's text)
    "Type 3 glyph shows a name and phone (hex string)": (_glyph_text(_hex(PERSON)), "raw-streams"),
    "Type 3 glyph shows a name and phone (octal escapes)": (_glyph_text(_octal(PERSON)), "raw-streams"),
    "Type 3 glyph shows a Part 2 sentence (hex string)": (_glyph_text(_hex(lh.SECRET)), "part2-ngrams"),
}


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _oracle(data: bytes, glyphs_only: bool = False) -> list[str]:
    """This test's own reading of every stream (only Type 3 glyph procedures with ``glyphs_only``): hex
    strings and octal escapes undone; labels, never values."""
    texts = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        glyphs = {proc.objgen for obj in pdf.objects if isinstance(obj, Dictionary) and "/CharProcs" in obj
                  for _, proc in obj.CharProcs.items()}
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and (not glyphs_only or obj.objgen in glyphs):
                raw = obj.read_bytes()
                raw = re.sub(rb"<([0-9A-Fa-f]+)>", lambda m: bytes.fromhex(m.group(1).decode()), raw)
                raw = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), raw)
                texts.append(raw.decode("latin-1"))
    flat = _squash("\n".join(texts))
    found = [label for label, text in (("name", "TarrantVosper"), ("phone", "79460123")) if _squash(text) in flat]
    return found + [f"part2 line {i}" for i, line in enumerate(lh.PART2) if _squash(line) in flat]


@pytest.fixture(scope="module")
def analysis():
    return analyse(lh.paper(), "leak_hunt.pdf")


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_text_reader_sees_the_glyphs_text(name):
    from tests.oracle_readers import pdfium_text, poppler_text
    data = lh.paper(CASES[name][0])
    assert "Estates" in pdfium_text(data)  # the glyphs themselves are read (ToUnicode)
    assert _squash(lh.SECRET) not in _squash(poppler_text(data).split("PART 2")[0])
    assert _oracle(data, glyphs_only=True)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_engine_drops_text_inside_a_glyph(analysis, name):
    result = redact(lh.paper(CASES[name][0]), analysis)
    assert _oracle(result.part1) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_verifier_catches_glyph_text_the_engine_keeps(monkeypatch, analysis, name):
    change, check = CASES[name]
    monkeypatch.setattr(fontclean, "_without_text", lambda pdf, proc: proc)
    with pytest.raises(LeakDetected) as err:
        redact(lh.paper(change), analysis)
    assert err.value.checks == [check]
    assert "tarrant" not in str(err.value).lower()


def test_the_verifier_reads_octal_escapes_in_a_form_no_page_draws(monkeypatch, analysis):
    def leaky(pdf, real=part.save):
        form = pdf.make_stream(b"BT /F1 9 Tf 0 0 Td " + _octal(PERSON) + b" Tj ET", Type=Name.XObject,
                               Subtype=Name.Form, BBox=[0, 0, 500, 20])
        pdf.pages[0].obj.Resources.XObject = Dictionary(FxU=form)
        return real(pdf)
    monkeypatch.setattr(part, "save", leaky)
    with pytest.raises(LeakDetected) as err:
        redact(lh.paper(), analysis)
    assert err.value.checks == ["raw-streams"]
