"""From a span of the document text to the page, part and boxes of exactly its glyphs.

Glyph boxes on one line are merged into one box per line, so the redaction step removes those glyphs and
nothing else; an item that runs onto the next page becomes one piece per page."""

from __future__ import annotations

from dataclasses import dataclass

from ..extract import Box, Document, TextView


@dataclass(frozen=True)
class Piece:
    page_index: int
    boxes: list[Box]
    part: int


def pieces(doc: Document, view: TextView, start: int, end: int, part2_start) -> list[Piece]:
    by_page: dict[int, list[Box]] = {}
    for page_index, box in doc.boxes(view.char_refs(start, end)):
        by_page.setdefault(page_index, []).append(box)
    return [Piece(p, merge_lines(boxes), part_of(p, boxes[0], part2_start)) for p, boxes in by_page.items()]


def merge_lines(boxes: list[Box]) -> list[Box]:
    """One box per line: consecutive glyph boxes that share a line are merged; a glyph that does not
    overlap the current line vertically, or steps back to the left, starts a new one."""
    lines: list[list[float]] = []
    for x0, y0, x1, y1 in boxes:
        if lines:
            cur = lines[-1]
            mid = (y0 + y1) / 2
            if cur[1] <= mid <= cur[3] and x0 >= cur[0] - 0.5:
                cur[0], cur[1] = min(cur[0], x0), min(cur[1], y0)
                cur[2], cur[3] = max(cur[2], x1), max(cur[3], y1)
                continue
        lines.append([x0, y0, x1, y1])
    return [tuple(b) for b in lines]


def part_of(page_index: int, box: Box, part2_start) -> int:
    """Part 2 starts at (page, y): below y on that page, and every later page."""
    if part2_start is None:
        return 1
    page, y = part2_start
    page_number = page_index + 1
    if page_number > page:
        return 2
    areas = getattr(part2_start, "part2_areas", None)  # columns, rotated pages: the split's rectangles
    if page_number == page and areas is not None:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return 2 if any(a[0] <= cx <= a[2] and a[1] <= cy <= a[3] for a in areas) else 1
    if page_number == page and (box[1] + box[3]) / 2 < y:
        return 2
    return 1
