"""A show no region meets is kept whole by one pass (redaction/pdf/text.py ``_kept_whole``): the same
operators, the same text matrix after it, the same codes counted as used as the glyph-by-glyph path, on
random shows, fonts, sizes, spacings and regions (some meeting the show, some absurd sizes and widths)."""

from __future__ import annotations

import random

import pikepdf
import pytest

from redaction.pdf import text as text_mod
from redaction.pdf.content import PageStats
from redaction.pdf.fonts import FontInfo
from redaction.pdf.geometry import Region, outside_of
from redaction.pdf.text import TextState, show


def _case(rng: random.Random):
    two = rng.random() < 0.3
    widths = {c: rng.choice([0.0, 50.0, 250.0, 500.0, 722.0, 1e308, float("nan")] if rng.random() < 0.05
                            else [0.0, 50.0, 250.0, 500.0, 722.0]) for c in range(0, 300)}
    font = FontInfo(editable=True, two_byte=two, widths=widths, default_width=rng.choice([0.0, 600.0]),
                    objgen=rng.choice([(0, 0), (7, 0)]))
    ts = TextState(font=font, size=rng.choice([1.0, 9.5, 12.0, -10.0, 1e300]), tc=rng.uniform(-1, 2),
                   tw=rng.uniform(-1, 3), th=rng.choice([1.0, 0.8, -1.0]), ts=rng.uniform(-3, 3))
    items = []
    for _ in range(rng.randint(0, 6)):
        if rng.random() < 0.4:
            items.append(rng.choice([-250, 120, 3.5, 0]))
        else:
            n = rng.randint(0, 8) * (2 if two else 1)
            items.append(pikepdf.String(bytes(rng.choice([32, 65, 66, 120, 0, 1]) for _ in range(n))))
    op = rng.choice(["TJ", "Tj", "'"])
    operands = [pikepdf.Array(items)] if op == "TJ" else [items[-1] if items and not isinstance(
        items[-1], (int, float)) else pikepdf.String(b"AB")]
    tm = (1.0, 0.0, 0.0, 1.0, rng.uniform(0, 600), rng.uniform(0, 800))
    ctm = rng.choice([(1.0, 0.0, 0.0, 1.0, 0.0, 0.0), (0.0, 1.0, -1.0, 0.0, 612.0, 0.0), (2.0, 0.0, 0.0, 2.0, 5.0, 5.0)])
    regions = outside_of((0.0, 0.0, 612.0, 792.0))
    for _ in range(rng.randint(0, 3)):
        x, y = rng.uniform(-50, 700), rng.uniform(-50, 900)
        regions.append(Region((x, y, x + rng.uniform(1, 200), y + rng.uniform(1, 40)), "s40(2)"))
    return op, operands, ts, tm, ctm, regions


def _run(op, operands, ts, tm, ctm, regions):
    text = {"tm": tm, "tlm": tm, "dirty": False}
    out: list = []
    stats = PageStats()
    show(op, operands, ts, text, ctm, regions, out, stats)
    return [(list(map(repr, o)), repr(p)) for o, p in out], text["tm"], text["dirty"], stats.glyphs, \
        {k: sorted(v) for k, v in stats.used_codes.items()}


@pytest.mark.parametrize("seed", range(400))
def test_kept_whole_is_the_glyph_by_glyph_result(seed, monkeypatch):
    case = _case(random.Random(seed))
    fast = _run(*case)
    monkeypatch.setattr(text_mod, "_kept_whole", lambda *a: None)
    slow = _run(*case)
    assert repr(fast) == repr(slow)  # repr: NaN equal to NaN
