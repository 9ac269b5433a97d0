"""Glyph-level removal in the text-showing operators (Tj, TJ, ', ").

Each glyph's position follows the PDF text model: ``Trm = [Tfs·Th 0 0 Tfs 0 Ts] × Tm × CTM`` and after
each glyph ``tx = (w0·Tfs + Tc + Tw) · Th`` (Tw only for the single-byte code 32). A glyph goes when its
box meets a region. The test box is the glyph's core — the middle 70% of its advance and from just under
the baseline to about x-height — so that a neighbouring glyph whose advance box merely touches a
redaction box (or whose italic overhang does) survives, while any glyph drawn inside the box goes.

When a glyph is removed, the surviving glyphs of that text object are each shown after an absolute
``Tm``: no ``TJ`` displacement, ``Tc`` or ``Tw`` stands in for the removed glyphs, so their widths (the
Bland et al., PETS 2023 side channel) are not in the file. Kerning between two surviving glyphs stays.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

import pikepdf

from .fonts import FontInfo
from .geometry import Matrix, Region, meets, multiply, rect_bbox

_CORE_X = (0.15, 0.85)
_CORE_Y = (-0.05, 0.55)
_MIN_TEST_WIDTH = 300.0  # zero-width or tiny advances are still tested as a glyph of some size
_STRING = pikepdf.ObjectType.string  # a pikepdf.Object that is a string (isinstance of pikepdf.String)
_SLACK = 1e-6  # points around a show's box, so rounding never lets it miss a region one of its glyphs meets


@dataclass
class TextState:
    font: FontInfo | None = None
    size: float = 0.0
    tc: float = 0.0
    tw: float = 0.0
    th: float = 1.0
    tl: float = 0.0
    ts: float = 0.0
    tr: float = 0.0

    def set(self, op: str, value: float) -> None:
        if op == "Tz":
            self.th = value / 100.0
        else:
            setattr(self, {"Tc": "tc", "Tw": "tw", "TL": "tl", "Ts": "ts", "Tr": "tr"}[op], value)


def show(op: str, operands, ts: TextState, text: dict, ctm: Matrix, regions: list[Region], out: list,
         stats) -> None:
    """Handle one show operator: emit it unchanged, or only its surviving glyphs positioned absolutely."""
    if op in ("'", '"'):
        if op == '"' and len(operands) == 3:
            # Set word and character spacing as their own operators, so the show can be rewritten.
            ts.tw, ts.tc = float(operands[0]), float(operands[1])
            out.append(([operands[0]], pikepdf.Operator("Tw")))
            out.append(([operands[1]], pikepdf.Operator("Tc")))
        if not text["dirty"]:
            out.append(([], pikepdf.Operator("T*")))
        text["tlm"] = text["tm"] = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -ts.tl), text["tlm"])
        strings = [operands[-1]] if operands else []
        original = ([strings[0]], pikepdf.Operator("Tj")) if strings else None
    elif op == "TJ":
        strings = list(operands[0]) if operands and isinstance(operands[0], pikepdf.Array) else []
        original = (operands, pikepdf.Operator(op))
    else:
        strings = [operands[0]] if operands else []
        original = (operands, pikepdf.Operator(op))

    font = ts.font
    if font is not None and font.type3:
        _type3(font, strings, ts, text, ctm, regions, stats)
        _emit_unchanged(op, operands, strings, text, out, original, start=text.get("start"))
        return
    if font is None or not font.editable:
        if any(r.kind != "crop" for r in regions):
            stats.raster.add(font.reason if font else "no font")
        _emit_unchanged(op, operands, strings, text, out, original)
        return

    start = text["tm"]
    base = multiply(start, ctm)
    fs, th = ts.size, ts.th
    if not text["dirty"]:
        whole = _kept_whole(strings, font, ts, base, regions)
        if whole is not None:  # what the steps below do for a show no region meets, without its pieces
            adv, shown = whole
            text["tm"] = multiply((1.0, 0.0, 0.0, 1.0, adv, 0.0), start)
            if font.objgen != (0, 0):
                stats.used_codes.setdefault(font.objgen, set()).update(shown)
            out.append(original)
            return
    adv = 0.0
    pieces: list = []  # ("g", code, x, kept) | ("k", number)
    glyphs: list = []  # (index in pieces, code, x, test width)
    for item in strings:
        if not isinstance(item, (bytes, pikepdf.String)):
            n = float(item)
            adv -= n / 1000.0 * fs * th
            pieces.append(("k", n))
            continue
        for code in font.codes(bytes(item)):
            w = font.width(code)
            glyphs.append((len(pieces), code, adv, (w if w >= 100 else _MIN_TEST_WIDTH) / 1000.0 * fs * th))
            pieces.append(("g", code, adv, True))
            adv += (w / 1000.0 * fs + ts.tc + (ts.tw if (code == 32 and not font.two_byte) else 0.0)) * th
    text["tm"] = multiply((1.0, 0.0, 0.0, 1.0, adv, 0.0), start)
    removed = _remove_glyphs(glyphs, pieces, base, ts.ts, fs, regions)
    if font.objgen != (0, 0):
        used = stats.used_codes.setdefault(font.objgen, set())
        used.update(p[1] for p in pieces if p[0] == "g" and p[3])
    if not removed and not text["dirty"]:
        out.append(original)
        return
    stats.glyphs += removed
    text["dirty"] = True
    for run_x, items in _runs(pieces, font):
        m = multiply((1.0, 0.0, 0.0, 1.0, run_x, 0.0), start)
        out.append(([round(v, 5) for v in m], pikepdf.Operator("Tm")))
        out.append(([pikepdf.Array(items)], pikepdf.Operator("TJ")))


def _kept_whole(strings, font: FontInfo, ts: TextState, base: Matrix, regions: list[Region]):
    """(advance, codes shown) of a show whose glyph cores all lie in a box no region meets — the same
    advance (the same sums in the same order) and the same box and test as :func:`show` and
    :func:`_remove_glyphs` compute —, else None: then :func:`show` places and tests every glyph. Any edge
    that is not a finite number (an absurd size or width) gives None."""
    fs, th, tc, tw = ts.size, ts.th, ts.tc, ts.tw
    steps = _steps(font, fs, th, tc, tw)
    adv = 0.0
    shown: list[int] = []
    edges: list[float] = []  # each glyph's core edges, in the order the glyph-by-glyph path meets them
    add_code, add_edge = shown.append, edges.append
    check = 0.0
    for item in strings:
        kind = item.__class__
        if kind is int or kind is Decimal:  # a number (pikepdf gives int and Decimal): as below, sooner
            adv -= float(item) / 1000.0 * fs * th
            continue
        if not ((kind is pikepdf.Object and item._type_code is _STRING) or isinstance(item, (bytes, pikepdf.String))):
            adv -= float(item) / 1000.0 * fs * th
            continue
        for code in font.codes(bytes(item)):
            step = steps.get(code)
            if step is None:
                step = steps[code] = _step(font, code, fs, th, tc, tw)
            a, b = adv + step[0], adv + step[1]
            check += a - b  # a NaN or an infinity anywhere stays in it
            add_edge(a)
            add_edge(b)
            add_code(code)
            adv += step[2]
    if not shown:
        return adv, shown
    if not math.isfinite(check):
        return None
    least, most = min(edges), max(edges)  # every edge is finite here: an infinite one makes ``check`` infinite
    if not (math.isfinite(least) and math.isfinite(most)):
        return None
    y0, y1 = sorted((ts.ts + _CORE_Y[0] * fs, ts.ts + _CORE_Y[1] * fs))
    around = rect_bbox(base, least, y0, most, y1)
    around = (around[0] - _SLACK, around[1] - _SLACK, around[2] + _SLACK, around[3] + _SLACK)
    if all(map(math.isfinite, around)) and not any(meets(around, r.box) for r in regions):
        return adv, shown
    return None


def _steps(font: FontInfo, fs: float, th: float, tc: float, tw: float) -> dict:
    """code -> (left core edge, right core edge, advance) at this size and spacing, relative to the glyph's
    origin, for :func:`_kept_whole`; kept on the font (one per output document) per size and spacing."""
    key = (float(fs).hex(), float(th).hex(), float(tc).hex(), float(tw).hex())  # -0.0 is not 0.0 here
    steps = font.steps.get(key)
    if steps is None:
        if len(font.steps) >= 256:
            font.steps.clear()
        steps = font.steps[key] = {}
    return steps


def _step(font: FontInfo, code: int, fs: float, th: float, tc: float, tw: float) -> tuple[float, float, float]:
    """The terms :func:`show` and :func:`_remove_glyphs` compute for one glyph, computed the same way."""
    w = font.widths.get(code, font.default_width) * font.scale  # FontInfo.width
    test_w = (w if w >= 100 else _MIN_TEST_WIDTH) / 1000.0 * fs * th
    return (_CORE_X[0] * test_w, _CORE_X[1] * test_w,
            (w / 1000.0 * fs + tc + (tw if (code == 32 and not font.two_byte) else 0.0)) * th)


def _remove_glyphs(glyphs: list, pieces: list, base: Matrix, rise: float, fs: float, regions: list[Region]) -> int:
    """Mark each glyph whose core meets a region as not kept; the number marked. One test of the box around
    every core of the show first: a show no region meets (most of a page) is kept whole without a test per
    glyph (each core lies inside that box, so none of them could meet a region either)."""
    if not glyphs:
        return 0
    y0, y1 = sorted((rise + _CORE_Y[0] * fs, rise + _CORE_Y[1] * fs))
    edges = [x + f * w for _, _, x, w in glyphs for f in _CORE_X]
    around = rect_bbox(base, min(edges), y0, max(edges), y1)
    around = (around[0] - _SLACK, around[1] - _SLACK, around[2] + _SLACK, around[3] + _SLACK)
    if all(map(math.isfinite, around)) and not any(meets(around, r.box) for r in regions):
        return 0  # (a box that is not finite, from absurd sizes or widths, is never trusted: every glyph is tested)
    removed = 0
    for index, code, x, test_w in glyphs:
        core = rect_bbox(base, x + _CORE_X[0] * test_w, rise + _CORE_Y[0] * fs,
                         x + _CORE_X[1] * test_w, rise + _CORE_Y[1] * fs)
        if any(meets(core, r.box) for r in regions):
            pieces[index] = ("g", code, x, False)
            removed += 1
    return removed


def _runs(pieces: list, font: FontInfo) -> list[tuple[float, list]]:
    """Consecutive surviving glyphs, with the kerning between them; removed glyphs break a run."""
    runs: list[tuple[float, list]] = []
    current: list | None = None
    codes: list[int] = []

    def flush_codes() -> None:
        if codes and current is not None:
            current.append(pikepdf.String(font.encode(codes)))
            codes.clear()

    for piece in pieces:
        if piece[0] == "k":
            if current is not None:
                flush_codes()
                current.append(piece[1])
            continue
        _, code, x, kept = piece
        if not kept:
            flush_codes()
            current = None
            continue
        if current is None:
            current = []
            runs.append((x, current))
        codes.append(code)
    flush_codes()
    for _, items in runs:
        while items and not isinstance(items[-1], pikepdf.String):
            items.pop()
    return runs


def _type3(font: FontInfo, strings, ts: TextState, text: dict, ctm: Matrix, regions, stats) -> None:
    """Advance past Type 3 glyphs; any of them near a region (by the font's bounding box, since a glyph
    procedure may draw anywhere in it) makes the page rasterised."""
    start = text["tm"]
    text["start"] = start
    base = multiply(start, ctm)
    fs, th = ts.size, ts.th
    adv = 0.0
    # Shown codes, so the font's glyph procedures can be cut to them (fontclean) like any font program.
    used = stats.used_codes.setdefault(font.objgen, set()) if font.objgen != (0, 0) else set()
    for item in strings:
        if not isinstance(item, (bytes, pikepdf.String)):
            adv -= float(item) / 1000.0 * fs * th
            continue
        for code in font.codes(bytes(item)):
            used.add(code)
            w = font.width(code) / 1000.0 * fs * th
            box = rect_bbox(base, adv, ts.ts + font.box_y[0] * fs, adv + max(w, 0.3 * fs), ts.ts + font.box_y[1] * fs)
            if any(r.kind != "crop" and meets(box, r.box) for r in regions):
                stats.raster.add("type3 font")
            adv += (w + (ts.tc + (ts.tw if code == 32 else 0.0)) * th)
    text["tm"] = multiply((1.0, 0.0, 0.0, 1.0, adv, 0.0), start)


def _emit_unchanged(op, operands, strings, text, out, original, start=None) -> None:
    if not text["dirty"]:
        if original is not None:
            out.append(original)
        return
    out.append(([round(v, 5) for v in (start or text["tm"])], pikepdf.Operator("Tm")))
    out.append(([pikepdf.Array(strings)], pikepdf.Operator("TJ")))
