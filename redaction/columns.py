"""Columns beside a Part 2 boundary, in a page's reading frame (see :mod:`redaction.reading_frame`).

A band of lines is split into columns by vertical gutters. The gutters are first seen among the few lines
beside the boundary, then followed up and down the page line by line: a line that only reaches into a gutter
(ragged-right text) narrows it, a line that runs across one ends the band. :func:`doubtful` says when the
band looks like a table rather than columns, so the split can fail closed.
"""

from __future__ import annotations

from .reading_frame import Box, Line

FAR = 1.0e7
_MIN_COLUMN = 60.0  # narrower "columns" are paragraph numbers or table cells, not a column layout


def find_gutters(lines: list[Line], min_gap: float) -> list[tuple[float, float]]:
    spans = sorted((ln.box[0], ln.box[2]) for ln in lines)
    out, reach = [], None
    for x0, x1 in spans:
        if reach is not None and x0 - reach >= min_gap:
            out.append((reach, x0))
        reach = x1 if reach is None else max(reach, x1)
    return out


def crosses(line: Line, gutters: list[tuple[float, float]]) -> bool:
    return any(line.box[0] < g1 - 0.5 and line.box[2] > g0 + 0.5 for g0, g1 in gutters)


def taken_in(line: Line, gutters: list[tuple[float, float]], min_gap: float):
    """The gutters once ``line`` is part of the band, or None when it bridges one. Gutters are first seen
    among the few lines beside the boundary; a ragged-right line of a column (or an outdented one) that
    reaches further into a gutter only shows the gutter is narrower. A line bridges a gutter when it runs
    across it, sits inside it, or leaves less than ``min_gap`` of it clear."""
    out = []
    x0, x1 = line.box[0], line.box[2]
    for g0, g1 in gutters:
        if x1 <= g0 + 0.5 or x0 >= g1 - 0.5:
            out.append((g0, g1))
        elif x0 <= g0 + 0.5 and x1 < g1 - min_gap:
            out.append((x1, g1))  # from the column on the left
        elif x1 >= g1 - 0.5 and x0 > g0 + min_gap:
            out.append((g0, x0))  # from the column on the right
        else:
            return None
    return out


def band_columns(lines: list[Line], seed: list[Line], min_gap: float, gutters=None):
    """Gutters found beside the boundary (or given), the band of lines they run through, and its column
    edges (the gutters narrowed to the lines of the band)."""
    gutters = gutters if gutters is not None else find_gutters(seed, min_gap)
    if not gutters:
        return None
    for ln in seed:
        gutters = taken_in(ln, gutters, min_gap) if gutters else None
    if not gutters:
        return None
    band = list(seed)
    top, bottom = max(ln.box[3] for ln in seed), min(ln.box[1] for ln in seed)
    above = sorted((ln for ln in lines if ln.box[1] >= top - 0.1 and ln not in band), key=lambda ln: ln.box[1])
    below = sorted((ln for ln in lines if ln.box[3] <= bottom + 0.1 and ln not in band), key=lambda ln: -ln.box[3])
    gutters, band_top = _grow(band, above, gutters, min_gap, upwards=True)
    gutters, band_bottom = _grow(band, below, gutters, min_gap, upwards=False)
    for ln in lines:
        if ln not in band and band_bottom < (ln.box[1] + ln.box[3]) / 2 < band_top:
            narrowed = taken_in(ln, gutters, min_gap)
            if narrowed is not None:
                band.append(ln)
                gutters = narrowed
    edges = [(g0 + g1) / 2 for g0, g1 in gutters]
    return band, band_top, band_bottom, edges


def _grow(band: list[Line], lines: list[Line], gutters, min_gap: float, *, upwards: bool):
    """Add ``lines`` (nearest first) to ``band`` while each only narrows the gutters; the band's edge is
    halfway to the first line that closes them (FAR away when none does). Returns (gutters, edge)."""
    for ln in lines:
        narrowed = taken_in(ln, gutters, min_gap)
        if narrowed is None:
            if upwards:
                return gutters, (max(b.box[3] for b in band) + ln.box[1]) / 2
            return gutters, (min(b.box[1] for b in band) + ln.box[3]) / 2
        band.append(ln)
        gutters = narrowed
    return gutters, (FAR if upwards else -FAR)


def seed_lines(near: list[Line], head: Box, min_gap: float) -> list[Line]:
    """The lines beside the boundary to look for gutters in. A line across the page just above the heading
    (a title) or just below it (a closing line) hides the gutters of the band the heading is in, so the
    heading's row with the lines on one side only is tried too: the reading with the most gutters wins, and
    the line across then ends the band as it would further away."""
    own = [Line(head)] if head[2] > head[0] else []
    above = [ln for ln in near if ln.box[1] >= head[3]]
    below = [ln for ln in near if ln.box[3] <= head[1]]
    level = [ln for ln in near if ln not in above and ln not in below]
    # Only when something stands beside the heading in its row: a table under a lone heading is no band.
    options = [near + own] + ([level + below + own, level + above + own] if level else [])
    return max(options, key=lambda seed: len(find_gutters(seed, min_gap)))


def column_of(x: float, edges: list[float]) -> int:
    return sum(1 for e in edges if x > e)


def doubtful(band: list[Line], edges: list[float]) -> str | None:
    cols = [[ln for ln in band if column_of((ln.box[0] + ln.box[2]) / 2, edges) == k] for k in range(len(edges) + 1)]
    if len(edges) > 3 or any(len(c) < 2 for c in cols):
        return "the text beside the Part 2 start does not form columns"
    widths = [max(ln.box[2] for ln in c) - min(ln.box[0] for ln in c) for c in cols]
    if min(widths) < _MIN_COLUMN:
        return "the text beside the Part 2 start does not form columns"
    order = [column_of((ln.box[0] + ln.box[2]) / 2, edges)
             for ln in sorted((ln for ln in band if ln.chars), key=lambda ln: ln.chars[0])]
    switches = sum(1 for a, b in zip(order, order[1:]) if a != b)
    if switches > len(edges) + 1:
        return "the page looks like a table rather than columns"
    return None
