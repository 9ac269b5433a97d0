"""Where Part 2 begins on a page, in reading order as the page is displayed.

Every decision here is made in the page's reading frame (see :mod:`redaction.reading_frame`: /Rotate and
sideways text applied). In that frame Part 2 is everything after the boundary in reading order:

- one column at the boundary: everything below it;
- columns (a band of lines split by vertical gutters): the rest of the boundary's column, every later
  column of the band, and everything below the band.

The result is a partition of the page into two unions of rectangles in unrotated page coordinates, which
the split removes from each part. When the layout cannot be read with confidence (gutters that look like a
table, text the producer wrote after the heading that sits above it) the whole page goes to Part 2 and the
split says why: withholding Part 1 text is recoverable, publishing Part 2 is not. An officer's start in a
column on such a page withholds what follows it under either reading (columns or rows) instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from .extract import Document, Page
from .columns import FAR, band_columns, column_of, crosses, doubtful, find_gutters, seed_lines
from .reading_frame import Box, Line, from_frame, lines_of, origin, same_row, to_frame, turn_of
from .written_order import withhold_late



@dataclass(frozen=True)
class Split:
    """The boundary page cut into the Part 1 and Part 2 areas (unrotated page coordinates)."""

    page_index: int  # 0-based
    part1: tuple[Box, ...]
    part2: tuple[Box, ...]
    y: float  # the boundary in the reading frame as displayed (points from the bottom)
    x: float | None = None
    columns: int = 1
    warning: str | None = None  # the layout was unclear: the whole page went to Part 2
    turn: int = 0  # the reading frame: degrees the page is turned to read it

    def as_start(self) -> "Start":
        return Start(self.page_index + 1, self.y, self.part2, self.x, self.turn)

    def part_of(self, page_index: int, box: Box) -> int:
        if page_index != self.page_index:
            return 2 if page_index > self.page_index else 1
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return 2 if any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in self.part2) else 1


class Start(tuple):
    """``(page, y)`` as readers of the boundary always took it, carrying the Part 2 rectangles of that page
    (unrotated page coordinates) for readers that must follow columns and rotated pages."""

    part2_areas: tuple[Box, ...]
    x: float | None  # displayed coordinates, when the start names its column
    turn: int  # the reading frame the y (and x) are measured in

    def __new__(cls, page: int, y: float, areas: tuple[Box, ...], x: float | None = None, turn: int = 0):
        obj = super().__new__(cls, (page, y))
        obj.part2_areas, obj.x, obj.turn = areas, x, turn
        return obj


_NO_X = ("page {page}: the page has columns and the Part 2 start names none (no x was given): it is taken to "
         "start in the first column, so the rest of that column and every later column are withheld — Part 1 "
         "text among them when Part 2 starts in a later column. To start Part 2 in its own column, give the left "
         "edge of its first line as x (points from the left of the page as displayed): "
         '"part2_start": {{"page": {page}, "y": {y}, "x": <left edge>}}')
# Words of the warnings above that describe one split only: a report drops them from the analysis when the
# officer's start replaced the analysis's split.
SPLIT_WARNINGS = ("the whole page is withheld as Part 2", "the Part 2 start names none",
                  "Part 2 is taken as everything below the start", "above the Part 2 start were written after it")


# --- the boundary --------------------------------------------------------------------------------------

def heading_split(doc: Document, page_index: int, char_index: int) -> Split:
    """The split at a recognised heading: its first line starts Part 2."""
    page = doc.pages[page_index]
    turn = turn_of(page)
    lines = lines_of(page, turn)
    line = next((ln for ln in lines if char_index in ln.chars),
                next((ln for ln in lines if ln.chars[0] >= char_index), None))
    if line is None:
        return _whole_page(page_index, page, turn, "the Part 2 heading has no readable position")
    # The heading's first line: the segments of its row up to pdfium's next line break.
    end = next((i for i in range(line.chars[0], len(page.chars)) if page.chars[i].text in ("\r", "\n")),
               len(page.chars))
    row = [ln for ln in lines if line.chars[0] <= ln.chars[0] < end and same_row(ln, line)] or [line]
    head = (min(ln.box[0] for ln in row), min(ln.box[1] for ln in row),
            max(ln.box[2] for ln in row), max(ln.box[3] for ln in row))
    others = [ln for ln in lines if ln not in row]
    return _split(page_index, page, turn, lines, head, others, line.box[0], after=line.chars[0])


def point_split(doc: Document, page_index: int, y: float, x: float | None = None) -> Split:
    """The split at an officer's (y, x) in displayed coordinates: the line through y goes to Part 2."""
    page = doc.pages[page_index]
    turn = turn_of(page)
    ox, oy = origin(page, turn)
    fy, fx = y + oy, (None if x is None else x + ox)
    lines = lines_of(page, turn)
    through = [ln for ln in lines if ln.box[1] < fy < ln.box[3] and (fx is None or ln.box[2] >= fx)]
    top = max((ln.box[3] for ln in through), default=fy - 0.5)
    head = (fx if fx is not None else -FAR, fy - 0.5, fx if fx is not None else -FAR, top)
    return _split(page_index, page, turn, lines, head, lines, fx, after=None, given=fy if not through else None)


def _split(page_index: int, page: Page, turn: int, lines: list[Line], head: Box, others: list[Line],
           x: float | None, *, after: int | None, given: float | None = None) -> Split:
    heights = sorted(ln.box[3] - ln.box[1] for ln in lines) or [10.0]
    h = heights[len(heights) // 2]
    min_gap = max(8.0, 1.2 * h)
    near = [ln for ln in others if ln.box[3] >= head[1] - 2.5 * h and ln.box[1] <= head[3] + 2.5 * h]
    seed = seed_lines(near, head, min_gap)
    found = band_columns(lines, seed, min_gap) if seed else None
    split = _areas(page_index, page, turn, lines, head, x, found, given)
    if after is not None and found is None and _late(split, lines, head, after):
        # Text written after the heading sits above it: perhaps a column beside it that ends higher up.
        # Gutters are then looked for among all the page's narrow lines; the result must pass every check.
        widest = max((ln.box[2] for ln in lines), default=0) - min((ln.box[0] for ln in lines), default=0)
        narrow = [ln for ln in lines if ln.box[2] - ln.box[0] <= 0.55 * widest] + seed
        gutters = [g for g in find_gutters(narrow, min_gap) if not crosses(Line(head), [g])]
        found = band_columns(lines, seed, min_gap, gutters) if gutters else None
        if found is not None:
            split = _areas(page_index, page, turn, lines, head, x, found, given)
    if isinstance(split, str) and after is None and x is not None:
        return _either_way(page_index, page, turn, lines, head, x, given, split, found)
    if isinstance(split, str):
        return _whole_page(page_index, page, turn, split)
    if after is not None and _late(split, lines, head, after):
        return _whole_page(page_index, page, turn, "text that comes after the Part 2 heading sits above it "
                                                   "on the page (unusual reading order)")
    first = _first_of_part2(page, split, lines, found, x) if after is None and x is not None else None
    if first is not None and _late(split, lines, head, first):
        # An officer's start in a column: text written after the column's first Part 2 line lies in a Part 1
        # area (a short closing line under the columns, say). The columns are not the whole story.
        return _either_way(page_index, page, turn, lines, head, x, given, "the order the text is written in "
                           "disagrees with the columns", found)
    if after is None and split.columns == 1:
        split = _withhold_late(page, split, lines, x)
    if x is None and split.columns > 1:
        return Split(split.page_index, split.part1, split.part2, split.y, None, split.columns,
                     _NO_X.format(page=page.number, y=split.y), split.turn)
    return split


def _withhold_late(page: Page, split: Split, lines: list[Line], x: float | None) -> Split:
    """An officer's start on a page read as one column: lines above it written after it go to Part 2."""
    part1, part2, late = withhold_late(lines, [to_frame(split.turn, r) for r in split.part1],
                                       [to_frame(split.turn, r) for r in split.part2], x)
    if not late:
        return split
    made = _made(split.page_index, page, split.turn, part1, part2, split.y + origin(page, split.turn)[1], x, 1)
    return Split(made.page_index, made.part1, made.part2, made.y, made.x, 1,
                 f"page {page.number}: {late} line(s) above the Part 2 start were written after it (a column "
                 "beside it, or text placed out of order): they are withheld as Part 2 with the rest of their row "
                 "to the right — check them", split.turn)


def _either_way(page_index: int, page: Page, turn: int, lines: list[Line], head: Box, x: float,
                given: float | None, doubt: str, found) -> Split:
    """An officer's start at (x, y) on a page read either as columns or as a table: Part 2 is what follows
    it under both readings — everything below y, and above it everything right of the gutter after x up to
    the line that runs across the gutters above (a title across the page precedes the start either way)."""
    _, band_top, _, edges = found
    y = given if given is not None else _above_heading(head, lines, -FAR, FAR)
    right = min((e for e in edges if e > x), default=FAR)
    top = max(band_top, y)
    part2 = [(-FAR, -FAR, FAR, y), (right, y, FAR, top)]
    part1 = [(-FAR, y, right, top), (-FAR, top, FAR, FAR)]
    made = _made(page_index, page, turn, part1, part2, y, x, 1)
    return Split(made.page_index, made.part1, made.part2, made.y, made.x, 1,
                 f"page {page.number}: {doubt}; Part 2 is taken as everything below the start and everything "
                 "in the columns to the right of it", turn)


def _first_of_part2(page: Page, split: Split, lines: list[Line], found, x: float) -> int | None:
    """The first character written of the topmost line under the start in its column (None: no columns or
    no line there)."""
    if found is None or split.columns < 2:
        return None
    _, _, band_bottom, edges = found
    k = column_of(x + 0.5, edges)
    x0, x1 = edges[k - 1] if k > 0 else -FAR, edges[k] if k < len(edges) else FAR
    y = split.y + origin(page, split.turn)[1]
    under = [ln for ln in lines if ln.chars and x0 <= (ln.box[0] + ln.box[2]) / 2 <= x1
             and band_bottom < (ln.box[1] + ln.box[3]) / 2 < y]
    return max(under, key=lambda ln: ln.box[3]).chars[0] if under else None


def _late(split, lines: list[Line], head: Box, after: int) -> bool:
    """Whether text the producer wrote after the heading lies in the Part 1 area (reading order disagrees)."""
    if isinstance(split, str):
        return False
    part1 = [to_frame(split.turn, r) for r in split.part1]
    return any(i > after and _in_any(part1, ln.box) and not same_row(ln, Line(head))
               for ln in lines for i in ln.chars)


def _areas(page_index: int, page: Page, turn: int, lines: list[Line], head: Box, x: float | None, found,
           given: float | None):
    """The split for the columns ``found`` (None: one column), or why the columns are doubtful."""
    if found is None:
        x0, x1, band_top, band_bottom, edges, k = -FAR, FAR, FAR, -FAR, [], 0
    else:
        band, band_top, band_bottom, edges = found
        doubt = doubtful(band, edges)
        if doubt:
            return doubt
        k = 0 if x is None else column_of(x + 0.5, edges)
        x0 = edges[k - 1] if k > 0 else -FAR
        x1 = edges[k] if k < len(edges) else FAR
    y = given if given is not None else _above_heading(head, lines, x0, x1)
    part2 = [(x0, band_bottom, x1, y)]
    part1 = [(x0, y, x1, band_top)]
    if edges:
        if k < len(edges):
            part2.append((x1, band_bottom, FAR, band_top))
        if k > 0:
            part1.append((-FAR, band_bottom, x0, band_top))
        if band_bottom > -FAR:
            part2.append((-FAR, -FAR, FAR, band_bottom))
        if band_top < FAR:
            part1.append((-FAR, band_top, FAR, FAR))
    else:
        part2, part1 = [(-FAR, -FAR, FAR, y)], [(-FAR, y, FAR, FAR)]
    return _made(page_index, page, turn, part1, part2, y, x, len(edges) + 1)


def _in_any(areas: list[Box], box: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in areas)


def _above_heading(head: Box, lines: list[Line], x0: float, x1: float) -> float:
    """Between the heading's first line and the line above it in the same column (as before: half the gap,
    at most 6 points)."""
    top = head[3]
    above = [ln.box[1] for ln in lines if ln.box[1] > top - 0.5 and ln.box[1] > head[1] + 1
             and ln.box[0] < x1 and ln.box[2] > x0]
    gap = (min(above) - top) if above else 12.0
    return top + max(0.5, min(gap / 2, 6.0))


def _made(page_index, page, turn, part1, part2, y, x, columns) -> Split:
    ox, oy = origin(page, turn)
    return Split(page_index, tuple(from_frame(turn, r) for r in part1 if r[2] > r[0] and r[3] > r[1]),
                 tuple(from_frame(turn, r) for r in part2 if r[2] > r[0] and r[3] > r[1]),
                 round(y - oy, 1), None if x is None else round(x - ox, 1), columns, turn=turn)


def _whole_page(page_index: int, page: Page, turn: int, why: str) -> Split:
    ox, oy = origin(page, turn)
    top = to_frame(turn, page.crop)[3] if page.crop else FAR
    return Split(page_index, (), ((-FAR, -FAR, FAR, FAR),), round(top - oy, 1), None, 1,
                 f"page {page.number}: {why}; the whole page is withheld as Part 2 — check it, or mark where "
                 "Part 2 starts")
