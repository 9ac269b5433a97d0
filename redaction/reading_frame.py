"""The reading frame of a page: the page turned so that its text runs left to right and lines go down.

pdfium reports character boxes in the page's own (unrotated) coordinates; a reader sees the page turned by
``/Rotate``, and a landscape table may be drawn sideways on an upright page. Boxes are turned into the frame
(``to_frame``) to reason about reading order, and back (``from_frame``) to act on the page. Quarter turns
only, so a rectangle stays a rectangle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract import Page

Box = tuple[float, float, float, float]


@dataclass
class Line:
    """A run of characters on one row, in pdfium's order: its box in the frame and its character indices."""

    box: Box  # reading frame
    chars: list[int] = field(default_factory=list)


def turn_of(page: Page) -> int:
    """Degrees (clockwise) that make the page's text read left to right: /Rotate, or a quarter turn more
    when most of the text runs up or down the displayed page (a landscape table drawn sideways)."""
    votes = {0: 0, 90: 0, 180: 0, 270: 0}
    prev = None
    for ch in page.chars:
        if not (ch.box and ch.text.strip()) or ch.generated:
            prev = None if ch.text in ("\r", "\n") else prev
            continue
        if prev is not None:
            dx = (ch.box[0] + ch.box[2] - prev[0] - prev[2]) / 2
            dy = (ch.box[1] + ch.box[3] - prev[1] - prev[3]) / 2
            size = max(ch.box[2] - ch.box[0], ch.box[3] - ch.box[1], 1.0)
            if max(abs(dx), abs(dy)) <= 2 * size:
                if abs(dx) > 2 * abs(dy):
                    votes[0 if dx > 0 else 180] += 1
                elif abs(dy) > 2 * abs(dx):
                    votes[90 if dy > 0 else 270] += 1
        prev = ch.box
    base = page.rotation % 360
    across = (base + 90) % 360, (base + 270) % 360
    along = votes[base] + votes[(base + 180) % 360]  # right to left scripts still read across the page
    best = max(across, key=lambda t: votes[t])
    return best if votes[best] > 2 * max(along, 5) else base


def to_frame(turn: int, box: Box) -> Box:
    x0, y0, x1, y1 = box
    if turn == 90:
        return y0, -x1, y1, -x0
    if turn == 180:
        return -x1, -y1, -x0, -y0
    if turn == 270:
        return -y1, x0, -y0, x1
    return box


def from_frame(turn: int, box: Box) -> Box:
    return to_frame((360 - turn) % 360, box)


def origin(page: Page, turn: int) -> tuple[float, float]:
    """Shift from frame to displayed coordinates: none on an upright page (user space, as before)."""
    if turn == 0 or page.crop is None:
        return 0.0, 0.0
    f = to_frame(turn, page.crop)
    return f[0], f[1]


def lines_of(page: Page, turn: int) -> list[Line]:
    lines: list[Line] = []
    cur: Line | None = None
    for i, ch in enumerate(page.chars):
        if ch.text in ("\r", "\n"):
            cur = None
            continue
        if not ch.box or ch.generated or not ch.text.strip():
            continue
        b = to_frame(turn, ch.box)
        h = max(b[3] - b[1], 1.0)
        if cur is not None:
            c = cur.box
            same_row = c[1] - 0.3 * h <= (b[1] + b[3]) / 2 <= c[3] + 0.3 * h
            if same_row and -h <= b[0] - c[2] <= 2.5 * h:
                cur.box = (min(c[0], b[0]), min(c[1], b[1]), max(c[2], b[2]), max(c[3], b[3]))
                cur.chars.append(i)
                continue
        cur = Line(b, [i])
        lines.append(cur)
    return lines


def same_row(a: Line, b: Line) -> bool:
    ca, cb = (a.box[1] + a.box[3]) / 2, (b.box[1] + b.box[3]) / 2
    return abs(ca - cb) <= 0.4 * max(b.box[3] - b.box[1], 1.0)
