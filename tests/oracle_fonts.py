"""Font reader of the leak oracle (tests/leak_oracle.py): which characters each embedded subset font can
still draw, from its ToUnicode map and from the font program itself (fontTools). Never imports
``redaction``."""

from __future__ import annotations

import io
import re

import pikepdf


def subset_font_chars(data: bytes) -> set[str]:
    """Characters every embedded subset font still maps (its ToUnicode and its own cmap)."""
    chars: set[str] = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
                continue
            if not re.match(r"^/[A-Z]{6}\+", str(obj.get("/BaseFont", ""))):
                continue
            tounicode = obj.get("/ToUnicode")
            if isinstance(tounicode, pikepdf.Stream):
                chars |= _cmap_chars(tounicode.read_bytes())
            chars |= _program_chars(obj, codes_are_chars=not isinstance(tounicode, pikepdf.Stream))
    return chars


def _cmap_chars(cmap: bytes) -> set[str]:
    text = cmap.decode("latin-1")
    chars: set[str] = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for _, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            chars |= set(_utf16(dst))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = _utf16(dst)
            if len(first) == 1:
                chars |= {chr(ord(first) + k) for k in range(int(hi, 16) - int(lo, 16) + 1)}
        for lo, _, arr in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[(.*?)\]", block, re.S):
            for dst in re.findall(r"<([0-9A-Fa-f]+)>", arr):
                chars |= set(_utf16(dst))
    return chars


def _utf16(hexstr: str) -> str:
    try:
        return bytes.fromhex(hexstr).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


def _program_chars(font: pikepdf.Dictionary, codes_are_chars: bool) -> set[str]:
    """Characters named by the font program itself (a TrueType/OpenType Unicode cmap, CFF glyph names, and
    with no ToUnicode map a symbol or Mac cmap whose codes readers take as the characters)."""
    from fontTools.agl import toUnicode
    from fontTools.ttLib import TTFont

    descendants = font.get("/DescendantFonts")
    target = descendants[0] if descendants is not None and len(descendants) else font
    desc = target.get("/FontDescriptor")
    if desc is None:
        return set()
    chars: set[str] = set()
    for key in ("/FontFile2", "/FontFile3"):
        stream = desc.get(key)
        if stream is None:
            continue
        blob = stream.read_bytes()
        try:
            if key == "/FontFile2" or blob[:4] == b"OTTO":
                tt = TTFont(io.BytesIO(blob), lazy=True)
                cmap = tt["cmap"].getBestCmap() if "cmap" in tt else None
                chars |= {chr(c) for c in (cmap or {}) if c >= 0x20 and not 0xF000 <= c <= 0xF0FF}
                if codes_are_chars and "cmap" in tt:
                    for table in tt["cmap"].tables:
                        if (table.platformID, table.platEncID) == (3, 0):
                            chars |= {bytes([c & 0xFF]).decode("cp1252", "ignore") for c in table.cmap}
                        elif (table.platformID, table.platEncID) == (1, 0):
                            chars |= {bytes([c & 0xFF]).decode("mac_roman") for c in table.cmap}
                if "post" in tt and tt["post"].formatType == 2.0:
                    chars |= {toUnicode(n) for n in tt.getGlyphOrder()} - {""}
            else:
                from fontTools.cffLib import CFFFontSet

                cff = CFFFontSet()
                cff.decompile(io.BytesIO(blob), None)
                for name in cff.keys():
                    top = cff[name]
                    if not hasattr(top, "ROS"):  # CID-keyed fonts name glyphs by number
                        chars |= {toUnicode(n) for n in top.charset} - {""}
        except Exception:  # a font fontTools cannot parse: its bytes are still scanned as text
            continue
    return {c for ch in chars for c in ch}
