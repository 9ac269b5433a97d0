"""Font metrics for glyph positions: how a font splits a string into codes and how far each code advances.

Supported: simple fonts (Type 1, TrueType, MMType1) with ``/Widths`` or one of the standard 14 (widths from
the AFM metrics pdfminer.six ships, looked up through the font's encoding and ``/Differences``), and Type 0
fonts with ``Identity-H`` (two-byte codes, widths from the CID font's ``/W`` and ``/DW``). Everything else —
Type 3 fonts, vertical writing, other CMaps, a standard font we have no metrics for — is marked
``editable=False`` and the page is rasterised if a redaction touches it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pikepdf
from pdfminer.encodingdb import EncodingDB
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.psparser import LIT

log = logging.getLogger(__name__)

_SIMPLE = {"/Type1", "/TrueType", "/MMType1"}


@dataclass
class FontInfo:
    editable: bool
    two_byte: bool = False
    widths: dict[int, float] = field(default_factory=dict)  # code -> width in 1/1000 text space units
    default_width: float = 0.0
    objgen: tuple[int, int] = (0, 0)
    reason: str = ""
    # Type 3: glyphs are procedures that may draw anywhere in the font's bounding box. Their positions are
    # known (so nearby text is placed right), but a Type 3 glyph under a region makes the page rasterised.
    type3: bool = False
    scale: float = 1.0  # glyph space to 1/1000 text space (Type 3 FontMatrix)
    box_y: tuple[float, float] = (-0.05, 0.55)  # vertical extent tested, in text space per unit size
    # (size, Th, Tc, Tw) -> code -> the glyph's core edges and advance (pdf.text._steps): computed once
    steps: dict = field(default_factory=dict, repr=False, compare=False)

    def codes(self, data: bytes) -> list[int]:
        if self.two_byte:
            if len(data) % 2:
                data = data + b"\x00"
            return [(data[i] << 8) | data[i + 1] for i in range(0, len(data), 2)]
        return list(data)

    def encode(self, codes: list[int]) -> bytes:
        if self.two_byte:
            return b"".join(c.to_bytes(2, "big") for c in codes)
        return bytes(codes)

    def width(self, code: int) -> float:
        return self.widths.get(code, self.default_width) * self.scale


class FontCache:
    """FontInfo per font object, computed once per output document."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], FontInfo] = {}

    def get(self, font: pikepdf.Object | None) -> FontInfo:
        if font is None or not isinstance(font, pikepdf.Dictionary):
            return FontInfo(editable=False, reason="missing font")
        key = font.objgen
        if key != (0, 0) and key in self._cache:
            return self._cache[key]
        try:
            info = font_info(font)
        except (pikepdf.PdfError, KeyError, TypeError, ValueError, AttributeError):
            info = FontInfo(editable=False, reason="unreadable font")
        info.objgen = key
        if key != (0, 0):
            self._cache[key] = info
        return info


def font_info(font: pikepdf.Dictionary) -> FontInfo:
    subtype = str(font.get("/Subtype", ""))
    if subtype == "/Type0":
        return type0_info(font)
    if subtype in _SIMPLE:
        return _simple(font)
    if subtype == "/Type3":
        return _type3(font)
    return FontInfo(editable=False, reason="unsupported font")


def _type3(font: pikepdf.Dictionary) -> FontInfo:
    m = [float(v) for v in font.FontMatrix]
    if abs(m[1]) > 1e-9 or abs(m[2]) > 1e-9 or "/Widths" not in font:
        return FontInfo(editable=False, reason="type3 font")
    first = int(font.get("/FirstChar", 0))
    widths = {first + i: float(w) for i, w in enumerate(font.Widths)}
    bbox = [float(v) for v in font.get("/FontBBox", [0, 0, 0, 0])]
    ys = sorted((bbox[1] * m[3] + m[5], bbox[3] * m[3] + m[5])) if any(bbox) else [-0.5, 1.5]
    return FontInfo(editable=False, widths=widths, reason="type3 font", type3=True,
                    scale=abs(m[0]) * 1000.0, box_y=(min(ys[0], -0.3), max(ys[1], 1.0)))


def _simple(font: pikepdf.Dictionary) -> FontInfo:
    descriptor = font.get("/FontDescriptor")
    missing = float(descriptor.get("/MissingWidth", 0)) if isinstance(descriptor, pikepdf.Dictionary) else 0.0
    if "/Widths" in font:
        first = int(font.get("/FirstChar", 0))
        widths = {first + i: float(w) for i, w in enumerate(font.Widths)}
        return FontInfo(editable=True, widths=widths, default_width=missing)
    base = str(font.get("/BaseFont", ""))[1:]
    name = base.split("+", 1)[-1]
    metrics = FONT_METRICS.get(name) or FONT_METRICS.get(name.replace("-", ","))
    if metrics is None or name in ("Symbol", "ZapfDingbats"):  # symbolic built-in encodings: not mapped
        return FontInfo(editable=False, reason="no widths")
    by_char = metrics[1]
    encoding = _encoding(font)
    widths = {code: float(by_char[ch]) for code, ch in encoding.items() if ch in by_char}
    return FontInfo(editable=True, widths=widths, default_width=missing)


def _encoding(font: pikepdf.Dictionary) -> dict[int, str]:
    enc = font.get("/Encoding")
    base = "StandardEncoding"
    diff: list = []
    if isinstance(enc, pikepdf.Name):
        base = str(enc)[1:]
    elif isinstance(enc, pikepdf.Dictionary):
        if "/BaseEncoding" in enc:
            base = str(enc.BaseEncoding)[1:]
        for item in enc.get("/Differences", []):
            diff.append(LIT(str(item)[1:]) if isinstance(item, pikepdf.Name) else int(item))
    return EncodingDB.get_encoding(base, diff or None)


def type0_info(font: pikepdf.Dictionary) -> FontInfo:
    """A Type0 (CID) font's metrics: Identity-H only; its /W widths by CID (also read by fontclean)."""
    encoding = font.get("/Encoding")
    if not (isinstance(encoding, pikepdf.Name) and str(encoding) == "/Identity-H"):
        return FontInfo(editable=False, reason="unsupported CMap")
    descendant = font.DescendantFonts[0]
    default = float(descendant.get("/DW", 1000))
    widths: dict[int, float] = {}
    w = descendant.get("/W")
    if w is not None:
        items = list(w)
        i = 0
        while i < len(items):
            first = int(items[i])
            nxt = items[i + 1]
            if isinstance(nxt, pikepdf.Array):
                for k, value in enumerate(nxt):
                    widths[first + k] = float(value)
                i += 2
            else:
                last, value = int(nxt), float(items[i + 2])
                if last - first > 70000:
                    raise ValueError("implausible /W range")
                for cid in range(first, last + 1):
                    widths[cid] = value
                i += 3
    return FontInfo(editable=True, two_byte=True, widths=widths, default_width=default)
