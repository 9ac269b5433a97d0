"""Lines written out of reading order beside a Part 2 start (in a page's reading frame).

An officer's start on a page read as one column: a line above the start that the producer wrote after the
first line under it is read after the start by any reader that follows the text as written — a column beside
the start that ends higher up, a box placed out of order. It goes to Part 2 with everything right of it in
its row (the rest of that column's row), so no reading of the page publishes it in Part 1.
"""

from __future__ import annotations

from .columns import FAR
from .reading_frame import Box, Line


def _inside(areas: list[Box], box: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in areas)


def late_lines(lines: list[Line], part1: list[Box], part2: list[Box], x: float | None) -> list[Line]:
    """Lines in ``part1`` that the producer started writing after the first line under the start (the
    topmost line of ``part2``, right of ``x`` when given)."""
    under = [ln for ln in lines if ln.chars and _inside(part2, ln.box) and (x is None or ln.box[2] >= x)]
    if not under:
        return []
    first = max(under, key=lambda ln: ln.box[3]).chars[0]
    return [ln for ln in lines if ln.chars and ln.chars[0] > first and _inside(part1, ln.box)]


def withhold_late(lines: list[Line], part1: list[Box], part2: list[Box], x: float | None):
    """The Part 1 and Part 2 areas with the late lines' rows moved to Part 2, and how many lines moved."""
    late = late_lines(lines, part1, part2, x)
    for hole in holes_for(late):
        part1 = subtract(part1, hole)
    return part1, part2 + holes_for(late), len(late)


def holes_for(late: list[Line]) -> list[Box]:
    """The Part 2 rectangle for each late line: its row from its left edge to the right of the page."""
    return [(ln.box[0] - 2.0, ln.box[1] - 1.0, FAR, ln.box[3] + 1.0) for ln in late]


def subtract(areas: list[Box], hole: Box) -> list[Box]:
    """``areas`` without ``hole`` (each rectangle cut into at most four around it)."""
    out = []
    for a in areas:
        if hole[0] >= a[2] or hole[2] <= a[0] or hole[1] >= a[3] or hole[3] <= a[1]:
            out.append(a)
            continue
        out += [(a[0], a[1], a[2], hole[1]), (a[0], hole[3], a[2], a[3]),
                (a[0], max(a[1], hole[1]), hole[0], min(a[3], hole[3])),
                (hole[2], max(a[1], hole[1]), a[2], min(a[3], hole[3]))]
    return [r for r in out if r[2] > r[0] and r[3] > r[1]]
