"""Font programs, read with fontTools.

=================  =========================================================================================
fonts              a removed or metadata value is in a font program's names: name table, glyph names, CFF
                   strings and top dictionary, a Type 1 font's decrypted text
font-glyphs        an embedded subset font still holds an outline for a character that, in the input, only
                   removed values used (the subset would spell the letters that left)
=================  =========================================================================================

font-glyphs looks only at characters used by nothing but removed values: a glyph for a character that is
no longer drawn but was drawn by kept text elsewhere (another part, another page) reveals nothing. And only
at fonts made from what the input drew: a font that also holds glyphs for letters or digits the input never
drew (a whole alphabet under a subset's name) says nothing of which of them were used. It reads the glyph ->
character map from the input's own font (same subset name) and from the program itself.
"""

from __future__ import annotations

import io
import logging
import re
from contextlib import contextmanager

import pikepdf
from fontTools import agl
from fontTools.cffLib import CFFFontSet
from fontTools.misc.eexec import decrypt
from fontTools.pens.boundsPen import ControlBoundsPen
from fontTools.ttLib import TTFont

from .cmaps import parse_tounicode
from .matcher import Matcher
from .result import fail
from .streams import decoded

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_GENERIC = re.compile(r"^(?:uni[0-9A-F]{4,}|u[0-9A-F]{4,6}|g(?:lyph)?\d+|cid\d+|index\d+|\.\w+)$")
_SMALL_FONT = 300  # glyphs: a font this small is a subset whatever its name says


class Program:
    """One embedded font program: its names and, per glyph id, whether it draws anything."""

    def __init__(self, data: bytes, key: str, stream: pikepdf.Stream):
        self.names: list[str] = []  # name table, CFF strings, Type 1 text
        self.order: list[str] = []  # glyph names by glyph id
        self.cmap: dict[int, str] = {}  # the program's own Unicode map: code point -> glyph name
        self.raw_cmaps: dict[tuple[int, int], dict[int, str]] = {}
        self._glyphs = None
        if key == "/FontFile":
            self._type1(data, stream)
        elif data[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO", b"ttcf"):
            self._sfnt(data)
        else:
            self._cff(data)

    def _sfnt(self, data: bytes) -> None:
        font = TTFont(io.BytesIO(data), lazy=True, fontNumber=0)
        self.order = font.getGlyphOrder()
        if "name" in font:
            self.names += [r.toUnicode(errors="replace") for r in font["name"].names]
        if "cmap" in font:
            for table in font["cmap"].tables:
                self.raw_cmaps[(table.platformID, table.platEncID)] = dict(table.cmap)
            self.cmap = dict(font.getBestCmap() or {})
        if "CFF " in font:
            cff = font["CFF "].cff
            self.names += self._cff_names(cff)
        self._glyphs = font.getGlyphSet()

    def _cff(self, data: bytes) -> None:
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        self.names += self._cff_names(cff)
        top = cff[cff.fontNames[0]]
        self.order = list(top.charset or [])
        self._glyphs = top.CharStrings
        self.cff_encoding = getattr(top, "Encoding", None)

    @staticmethod
    def _cff_names(cff) -> list[str]:
        names = list(cff.fontNames) + [str(s) for s in cff.strings.strings]
        for top in cff.topDictIndex:
            names += [str(getattr(top, k)) for k in ("Notice", "Copyright", "FullName", "FamilyName", "Weight")
                      if getattr(top, k, None)]
        return names

    def _type1(self, data: bytes, stream: pikepdf.Stream) -> None:
        length1 = int(stream.get("/Length1", 0)) or len(data)
        length2 = int(stream.get("/Length2", 0))
        clear = data[:length1]
        secret = data[length1:length1 + length2] if length2 else b""
        text = clear + (decrypt(secret, 55665)[0] if secret else b"")
        self.names.append(text.decode("latin-1"))
        self.order = [m.decode("latin-1") for m in re.findall(rb"/([^\s/\[\]{}()<>]+)\s+\d+\s+RD", text)]

    def draws(self, glyph: str) -> bool:
        if self._glyphs is None or glyph not in self._glyphs:
            return False
        pen = ControlBoundsPen(None)
        try:
            self._glyphs[glyph].draw(pen)
        except Exception:  # noqa: BLE001 - a glyph that cannot be drawn is treated as drawn (fail closed)
            return True
        return pen.bounds is not None


def programs(pdf: pikepdf.Pdf, part: int, strict: bool = True):
    """(font dictionary, descriptor font, Program) for every embedded font. An unreadable one fails the
    check (``strict``, for an output: what cannot be read cannot be proved clean) or is passed over (for
    the input, whose fonts only lend their glyph maps)."""
    for font in _font_dicts(pdf):
        target = font
        if str(font.get("/Subtype", "")) == "/Type0":
            descendants = font.get("/DescendantFonts")
            if not isinstance(descendants, pikepdf.Array) or not len(descendants):
                continue
            target = descendants[0]
        descriptor = target.get("/FontDescriptor")
        if not isinstance(descriptor, pikepdf.Dictionary):
            continue
        for key in ("/FontFile", "/FontFile2", "/FontFile3"):
            stream = descriptor.get(key)
            if isinstance(stream, pikepdf.Stream):
                try:
                    yield font, target, Program(decoded(stream), key, stream)
                except Exception:  # noqa: BLE001 - a font program the verifier cannot read is not proved clean
                    if strict:
                        fail("fonts", part)


def _font_dicts(pdf: pikepdf.Pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and str(obj.get("/Type", "")) == "/Font" \
                and str(obj.get("/Subtype", "")) not in ("/CIDFontType2", "/CIDFontType0"):
            yield obj  # a CID font is read through the Type0 font that uses it


def check_font_names(pdf: pikepdf.Pdf, part: int, values: Matcher, hidden: Matcher) -> None:
    with _quiet_fonttools():
        _check_font_names(pdf, part, values, hidden)


def _check_font_names(pdf: pikepdf.Pdf, part: int, values: Matcher, hidden: Matcher) -> None:
    for _font, _target, program in programs(pdf, part):
        text = "\n".join(program.names)
        if text and (values.search(text) or hidden.search(text)):
            fail("fonts", part)
        for name in program.order:
            if len(name) >= 3 and not _GENERIC.match(name) and name not in agl.AGL2UV \
                    and (values.search(name) or hidden.search(name)):
                fail("fonts", part)


def glyph_chars(font: pikepdf.Dictionary, target: pikepdf.Dictionary, program: Program) -> dict[str, str]:
    """Glyph name -> the character it shows, from the PDF font's ToUnicode and encoding, and from the
    program's own cmap and glyph names."""
    out: dict[str, str] = {}
    for code, name in program.cmap.items():
        out.setdefault(name, chr(code))
    for name in program.order:
        uni = agl.toUnicode(name)
        if uni and name not in out:
            out[name] = uni
    tounicode = font.get("/ToUnicode")
    if not isinstance(tounicode, pikepdf.Stream):
        return out
    codes = parse_tounicode(decoded(tounicode))
    for code, text in codes.items():
        name = _glyph_for_code(code, font, target, program)
        if name is not None and text:
            out[name] = text
    return out


def _glyph_for_code(code: int, font, target, program: Program) -> str | None:
    order = program.order
    if str(font.get("/Subtype", "")) == "/Type0":
        if str(font.get("/Encoding", "")) not in ("/Identity-H", "/Identity-V"):
            return None
        gid = code
        c2g = target.get("/CIDToGIDMap")
        if isinstance(c2g, pikepdf.Stream):
            table = decoded(c2g)
            gid = int.from_bytes(table[2 * code:2 * code + 2], "big") if 2 * code + 2 <= len(table) else 0
        elif str(target.get("/Subtype", "")) == "/CIDFontType0" and f"cid{code:05d}" in order:
            return f"cid{code:05d}"
        return order[gid] if 0 < gid < len(order) else None
    encoding = font.get("/Encoding")
    if isinstance(encoding, pikepdf.Dictionary) and isinstance(encoding.get("/Differences"), pikepdf.Array):
        current = 0
        for item in encoding.Differences:
            if isinstance(item, int):
                current = int(item)
            else:
                if current == code and str(item)[1:] in order:
                    return str(item)[1:]
                current += 1
    for key in ((3, 0), (1, 0)):
        table = program.raw_cmaps.get(key, {})
        for candidate in (code, 0xF000 + code):
            if candidate in table:
                return table[candidate]
    enc = getattr(program, "cff_encoding", None)
    if isinstance(enc, list) and code < len(enc) and enc[code] != ".notdef":
        return enc[code]
    return None


def subset_chars(pdf: pikepdf.Pdf) -> dict[tuple[str, int], dict[str, str]]:
    """For the input: (font name, glyph count) -> glyph name -> character. The count tells an output
    program copied as it was (the input's map holds for it) from one rebuilt (its own map only)."""
    out: dict[tuple[str, int], dict[str, str]] = {}
    with _quiet_fonttools():
        for font, target, program in programs(pdf, 0, strict=False):
            key = (str(target.get("/BaseFont", font.get("/BaseFont", "")))[1:], len(program.order))
            out.setdefault(key, {}).update(glyph_chars(font, target, program))
    return out


@contextmanager
def _quiet_fonttools():
    """fontTools warns about odd but harmless tables (an old 'modified' date): not the verifier's news."""
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def check_font_glyphs(pdf: pikepdf.Pdf, part: int, value_only: set[str], drawn: set[str],
                      source_fonts: dict[tuple[str, int], dict[str, str]]) -> None:
    if not value_only:
        return
    with _quiet_fonttools():
        _check_font_glyphs(pdf, part, value_only, drawn, source_fonts)


def _check_font_glyphs(pdf, part, value_only, drawn, source_fonts) -> None:
    for font, target, program in programs(pdf, part):
        name = str(target.get("/BaseFont", font.get("/BaseFont", "")))[1:]
        if not _SUBSET.match(name) and len(program.order) > _SMALL_FONT:
            continue  # a whole font holds every glyph: it says nothing of what was drawn
        chars = dict(source_fonts.get((name, len(program.order)), {}))
        chars.update(glyph_chars(font, target, program))
        held = "".join(text for glyph, text in chars.items() if text and program.draws(glyph))
        if any(c.isalnum() and c not in drawn for c in held):
            continue
        if any(c in value_only for c in held):
            fail("font-glyphs", part)
