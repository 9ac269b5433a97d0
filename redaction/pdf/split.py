"""Split a paper into Part 1 and Part 2 (pikepdf).

Part 1 is every page before the Part 2 heading plus the part of the heading's page above it; Part 2 is
the heading's page and everything after. On the page where the boundary falls mid-page, each copy gets an
unlabelled region over the other part's area: its glyphs, image pixels and paths are removed from that
copy (not covered), and the copy is clipped to its own area.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

import pikepdf

from ..extract import Document
from .geometry import FAR, Region


@dataclass
class PartSpec:
    number: int  # 1 or 2
    pages: list[int]  # 0-based page indices of the input
    regions: dict[int, list[Region]] = field(default_factory=dict)  # page index -> the other part's area
    clips: dict[int, tuple[float, float]] = field(default_factory=dict)  # page index -> (y_min, y_max) kept


def part_specs(doc: Document, boundary: tuple[int, float] | None) -> list[PartSpec]:
    everything = list(range(len(doc.pages)))
    if boundary is None:
        return [PartSpec(1, everything)]
    page_no, y = boundary
    index = min(max(page_no - 1, 0), len(everything) - 1)
    page = doc.pages[index]
    has_part1 = any(c.box and not c.generated and c.text.strip() and (c.box[1] + c.box[3]) / 2 > y
                    for c in page.chars)
    part1 = PartSpec(1, everything[: index + 1] if has_part1 else everything[:index])
    part2 = PartSpec(2, everything[index:])
    if has_part1:
        part1.regions[index] = [Region((-FAR, -FAR, FAR, y), None, "split")]
        part1.clips[index] = (y, FAR)
    part2.regions[index] = [Region((-FAR, y, FAR, FAR), None, "split")]
    part2.clips[index] = (-FAR, y)
    return [p for p in (part1, part2) if p.pages]


def open_part(data: bytes, pages: list[int]) -> pikepdf.Pdf:
    """A fresh copy of the input holding only ``pages`` (in order)."""
    pdf = pikepdf.open(BytesIO(data))
    keep = set(pages)
    for index in range(len(pdf.pages) - 1, -1, -1):
        if index not in keep:
            del pdf.pages[index]
    return pdf


def clip_instructions(page: pikepdf.Page, keep: tuple[float, float] | None) -> bytes:
    if keep is None:
        return b""
    box = [float(v) for v in page.obj.get("/MediaBox")]
    x0, x1 = min(box[0], box[2]), max(box[0], box[2])
    y0, y1 = max(min(box[1], box[3]), keep[0]), min(max(box[1], box[3]), keep[1])
    return f"{x0:.3f} {y0:.3f} {x1 - x0:.3f} {max(y1 - y0, 0):.3f} re W n\n".encode()
