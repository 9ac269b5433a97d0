"""Matrices, boxes and the regions a page's content is removed from.

A :class:`Region` is an axis-aligned box in the page's default user space. A labelled region is a
redaction: its content goes and a black box with the label is drawn over it. An unlabelled region is
content that must not be in this output at all (the other part of a split page, anything outside the
CropBox): its content goes and nothing is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
FAR = 1.0e7  # "to the edge of the world" for unbounded regions


@dataclass(frozen=True)
class Region:
    box: Box
    label: str | None = None  # exemption label, e.g. "s40(2)"; None: removed without a box
    kind: str = "redaction"  # redaction | split | crop
    type: str = ""  # PERSON, PHONE_NUMBER, ... for the report (never the value)

    @property
    def draws_box(self) -> bool:
        return self.kind == "redaction"


def multiply(a: Matrix, b: Matrix) -> Matrix:
    """``a`` then ``b`` (PDF row-vector convention: ``a × b``)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def invert(m: Matrix) -> Matrix | None:
    det = m[0] * m[3] - m[1] * m[2]
    if abs(det) < 1e-12:
        return None
    a, b, c, d = m[3] / det, -m[1] / det, -m[2] / det, m[0] / det
    return (a, b, c, d, -(m[4] * a + m[5] * c), -(m[4] * b + m[5] * d))


def rect_bbox(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
    """Bounding box of the rectangle after transformation by ``m``."""
    pts = (apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1))
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def points_bbox(points: list[tuple[float, float]]) -> Box | None:
    if not points:
        return None
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def meets(a: Box, b: Box, eps: float = 0.01) -> bool:
    """True when the boxes overlap with a positive area (touching edges do not count)."""
    return a[0] < b[2] - eps and b[0] < a[2] - eps and a[1] < b[3] - eps and b[1] < a[3] - eps


def inside(inner: Box, outer: Box, tolerance: float = 0.5) -> bool:
    return (inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)


def union(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def pad(box: Box, d: float) -> Box:
    return box[0] - d, box[1] - d, box[2] + d, box[3] + d


def outside_of(keep: Box, kind: str = "crop") -> list[Region]:
    """Four unbounded regions around ``keep``: everything not inside it."""
    x0, y0, x1, y1 = keep
    return [Region((-FAR, -FAR, FAR, y0), None, kind), Region((-FAR, y1, FAR, FAR), None, kind),
            Region((-FAR, y0, x0, y1), None, kind), Region((x1, y0, FAR, y1), None, kind)]
