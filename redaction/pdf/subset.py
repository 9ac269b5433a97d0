"""Re-subset an embedded font program to the glyphs its surviving text still shows (fontTools).

A producer's subset holds every glyph the original text used, usually numbered in first-use order: the
glyphs only removed text used would still be there, and their order could spell the removed name's new
letters. The program is rebuilt with only the glyphs of the codes still shown (plus ``.notdef`` and the
components of composite glyphs), with no layout tables (a ligature or alternate could pull a removed
glyph back in), subroutines expanded (a CFF subroutine can carry a removed glyph's outline), and its glyphs
renumbered in an order fixed by what they show (Unicode value, then glyph name), never by first use.

Handled: Type 1 programs (``/FontFile``, see :mod:`.type1`), TrueType programs (``/FontFile2``) of simple
fonts and of CID fonts (``CIDFontType2``, where a fresh ``/CIDToGIDMap`` keeps the content's codes pointing
at the renumbered glyphs), and CFF programs (``/FontFile3`` ``Type1C`` and ``CIDFontType0C``, charset and
CID keys rebuilt). A program fontTools cannot read, or whose rebuilt form does not read back, is reported,
not subset; see :func:`resubset`.
"""

from __future__ import annotations

import io
import logging

import pikepdf
from fontTools import subset as ft_subset
from fontTools.cffLib import CFFFontSet
from fontTools.ttLib import TTFont, newTable

from .type1 import subset_type1

log = logging.getLogger(__name__)

_DROP_TABLES = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "morx", "mort", "kern", "DSIG", "hdmx", "LTSH", "VDMX",
                "PCLT", "kerx", "feat", "prop", "trak", "just", "opbd", "bsln", "lcar", "fvar", "gvar", "avar",
                "STAT", "MVAR", "HVAR", "VVAR", "cvar", "COLR", "CPAL", "SVG ", "sbix", "CBDT", "CBLC", "EBDT",
                "EBLC", "EBSC", "meta", "Zapf", "MATH"]


def resubset(pdf: pikepdf.Pdf, font: pikepdf.Dictionary, codes: set[int], unicode: dict[int, str],
             encoding: dict[int, str]) -> str:
    """Rebuild ``font``'s program for ``codes``. ``unicode`` maps codes to text (ToUnicode), ``encoding``
    codes to glyph names (simple fonts). Returns "subset", "none" (no embedded program) or the reason it
    could not be subset."""
    cid = str(font.get("/Subtype", "")) == "/Type0"
    target = font.DescendantFonts[0] if cid else font
    descriptor = target.get("/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary):
        return "none"
    try:
        if isinstance(descriptor.get("/FontFile2"), pikepdf.Stream):
            return _truetype(pdf, target, descriptor, codes, unicode, encoding, cid)
        if isinstance(descriptor.get("/FontFile"), pikepdf.Stream) and not cid:
            return subset_type1(pdf, descriptor, codes, encoding)
        program = descriptor.get("/FontFile3")
        if isinstance(program, pikepdf.Stream) and str(program.get("/Subtype", "")) in ("/Type1C",
                                                                                       "/CIDFontType0C"):
            return _cff(pdf, descriptor, program, codes, unicode, encoding, cid)
    except Exception as exc:  # fontTools raises many kinds on odd programs; the caller reports the font
        log.info("font program not subset: %s", type(exc).__name__)
        return "unreadable font program"
    if "/FontFile" in descriptor or "/FontFile3" in descriptor:
        return "font program kind not subset"
    return "none"


def _truetype(pdf, target, descriptor, codes, unicode, encoding, cid) -> str:
    font = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()), lazy=False)
    order = font.getGlyphOrder()
    if cid:
        to_gid = _cid_to_gid(target)
        wanted = {cid_code: to_gid(cid_code) for cid_code in codes}
        by_code = {c: {g} for c, g in wanted.items() if 0 <= g < len(order)}
    else:
        by_code = _simple_glyphs(font, codes, encoding)
    keep = {g for gids in by_code.values() for g in gids}
    text_of = {order[g]: unicode.get(c, "") for c, gids in by_code.items() for g in gids}
    names = _subset(font, {order[g] for g in keep} | {order[0]}, glyph_names=not cid)
    key = _sort_key(font, names, text_of)
    new_order = _renumber(font, key)
    buf = io.BytesIO()
    font.save(buf)
    descriptor.FontFile2 = pdf.make_stream(buf.getvalue())
    if cid:
        index = {name: i for i, name in enumerate(new_order)}
        top = max(codes, default=0)
        table = bytearray(2 * (top + 1))
        for code, gid in wanted.items():
            new = index.get(order[gid]) if 0 <= gid < len(order) else None
            if new is not None:
                table[2 * code:2 * code + 2] = new.to_bytes(2, "big")
        target.CIDToGIDMap = pdf.make_stream(bytes(table))
    return "subset"


def _cid_to_gid(descendant):
    mapping = descendant.get("/CIDToGIDMap")
    if isinstance(mapping, pikepdf.Stream):
        data = mapping.read_bytes()
        return lambda c: int.from_bytes(data[2 * c:2 * c + 2], "big") if 2 * c + 2 <= len(data) else 0
    return lambda c: c  # /Identity (or absent: the default)


def _simple_glyphs(font: TTFont, codes: set[int], encoding: dict[int, str]) -> dict[int, set[int]]:
    """Every glyph a viewer might pick for each code (PDF 9.6.6.4: the (3,0) cmap at 0xF000+code or at code,
    the (1,0) cmap, or the encoding's glyph name through (3,1) or the post names): keeping them all keeps
    the page looking the same whichever route the viewer takes."""
    order = font.getGlyphOrder()
    gid = {name: i for i, name in enumerate(order)}
    found: dict[int, set[int]] = {}
    tables = font["cmap"].tables if "cmap" in font else []
    unicode_map: dict[int, str] = {}
    for table in tables:
        if table.platformID == 3 and table.platEncID in (1, 10):
            unicode_map.update(table.cmap)
    for code in codes:
        keep = found.setdefault(code, set())
        for table in tables:
            if (table.platformID, table.platEncID) in ((3, 0), (1, 0)):
                for candidate in (code, 0xF000 + code):
                    if candidate in table.cmap:
                        keep.add(gid[table.cmap[candidate]])
        name = encoding.get(code)
        if name:
            if name in gid:
                keep.add(gid[name])
            point = _glyph_unicode(name)
            if point is not None and point in unicode_map:
                keep.add(gid[unicode_map[point]])
    return found


def _glyph_unicode(name: str) -> int | None:
    from fontTools.agl import toUnicode

    text = toUnicode(name)
    return ord(text[0]) if len(text) == 1 else None


def _subset(font: TTFont, glyphs: set[str], glyph_names: bool) -> list[str]:
    options = ft_subset.Options()
    options.layout_features = []
    options.drop_tables = list(options.drop_tables) + _DROP_TABLES
    options.glyph_names = glyph_names
    options.notdef_outline = True
    options.recalc_bounds = True
    options.desubroutinize = True
    options.hinting = True
    options.name_IDs = ["*"]
    options.retain_gids = False
    options.legacy_cmap = True  # (1,0) and (3,0) cmaps: how viewers find a simple TrueType font's glyphs
    options.symbol_cmap = True
    legacy = _legacy_cmaps(font)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(glyphs))
    subsetter.subset(font)
    _restore_legacy_cmaps(font, legacy)
    return font.getGlyphOrder()


def _legacy_cmaps(font: TTFont) -> list:
    """The non-Unicode cmaps, by glyph name: fontTools drops format 0 tables when subsetting, yet a simple
    TrueType font in a PDF is often found through exactly such a (1,0) or (3,0) table."""
    if "cmap" not in font:
        return []
    return [(t.platformID, t.platEncID, dict(t.cmap)) for t in font["cmap"].tables
            if not t.isUnicode() and (t.platformID, t.platEncID) in ((1, 0), (3, 0))]


def _restore_legacy_cmaps(font: TTFont, legacy: list) -> None:
    if not legacy:
        return
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    if "cmap" not in font:
        font["cmap"] = newTable("cmap")
        font["cmap"].tableVersion = 0
        font["cmap"].tables = []
    kept = set(font.getGlyphOrder())
    present = {(t.platformID, t.platEncID) for t in font["cmap"].tables}
    for platform, encoding, mapping in legacy:
        if (platform, encoding) in present:
            continue
        cmap = {code: name for code, name in mapping.items() if name in kept}
        fmt = 0 if max(cmap, default=0) < 256 and platform == 1 else 4
        table = CmapSubtable.newSubtable(fmt)
        table.platformID, table.platEncID, table.language, table.cmap = platform, encoding, 0, cmap
        font["cmap"].tables.append(table)


def _sort_key(font: TTFont, names: list[str], text_of: dict[str, str]):
    """A glyph's place: what it shows (the ToUnicode text, else its cmap Unicode), then its name."""
    reverse: dict[str, int] = {}
    if "cmap" in font:
        for table in font["cmap"].tables:
            if table.isUnicode():
                for point, name in table.cmap.items():
                    reverse.setdefault(name, point)

    def key(name: str):
        text = text_of.get(name) or (chr(reverse[name]) if name in reverse else "")
        # A made-up name ("glyph00012") is the old glyph number: the first-use order itself.
        return (text == "", text, "" if name.startswith("glyph") else name)

    return key


def _renumber(font: TTFont, key) -> list[str]:
    order = font.getGlyphOrder()
    new_order = [order[0]] + sorted(order[1:], key=key)
    if new_order == order:
        return order
    for tag in font.keys():
        if tag != "GlyphOrder":
            font[tag]  # decompile every table by glyph name before the order changes
    font.setGlyphOrder(new_order)
    if "glyf" in font:
        font["glyf"].glyphOrder = new_order
    if "CFF " in font:
        top = font["CFF "].cff.topDictIndex[0]
        select = getattr(top, "FDSelect", None)
        if select is not None:  # FDSelect is indexed by glyph number: it moves with the glyphs
            where = {name: i for i, name in enumerate(order)}
            select.gidArray = [select.gidArray[where[name]] for name in new_order]
        top.charset = new_order
    return new_order


def _cff(pdf, descriptor, program, codes, unicode, encoding, cid) -> str:
    """A bare CFF program, wrapped in a minimal OpenType font so the same subsetter and renumbering apply."""
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(program.read_bytes()), None)
    top = cff.topDictIndex[0]
    order = list(top.charset)
    font = TTFont()
    font.setGlyphOrder(order)
    table = newTable("CFF ")
    table.cff = cff
    font["CFF "] = table
    is_cid = hasattr(top, "ROS")
    if cid:
        # CID-keyed: the code is the CID and glyph names are "cidNNNNN"; otherwise CID = GID.
        name_of = (lambda c: f"cid{c:05d}") if is_cid else (lambda c: order[c] if 0 <= c < len(order) else None)
    else:
        builtin = getattr(top, "Encoding", None)
        builtin = builtin if isinstance(builtin, list) else []
        name_of = lambda c: encoding.get(c) or (builtin[c] if c < len(builtin) else None)  # noqa: E731
    wanted = {c: name_of(c) for c in codes}
    keep = {n for n in wanted.values() if n in set(order)} | {order[0]}
    _subset(font, keep, glyph_names=True)
    key = _sort_key(font, font.getGlyphOrder(), {n: unicode.get(c, "") for c, n in wanted.items() if n})
    _renumber(font, key)
    out = io.BytesIO()
    font["CFF "].cff.compile(out, font)
    descriptor.FontFile3 = pdf.make_stream(out.getvalue(), Subtype=program.Subtype)
    return "subset"

