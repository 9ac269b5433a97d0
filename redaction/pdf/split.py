"""Split a paper into Part 1 and Part 2 (pikepdf).

Part 1 is every page before the Part 2 heading plus what comes before the heading on its page in reading
order; Part 2 is the rest of that page and everything after (see :mod:`redaction.reading_order`: rotated
pages and columns). On the page where the boundary falls mid-page, each copy gets unlabelled regions over the
other part's area: its glyphs, image pixels and paths are removed from that copy (not covered), and the copy
is clipped to its own area.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

import pikepdf

from ..extract import Document
from ..reading_order import Split
from .geometry import Box, Region


@dataclass
class PartSpec:
    number: int  # 1 or 2
    pages: list[int]  # 0-based page indices of the input
    regions: dict[int, list[Region]] = field(default_factory=dict)  # page index -> the other part's area
    clips: dict[int, list[Box]] = field(default_factory=dict)  # page index -> this part's area (rectangles)


def part_specs(doc: Document, split: Split | None) -> list[PartSpec]:
    """Part 1 and Part 2 pages, and on the boundary page each part's area as rectangles (unrotated page
    coordinates): the other part's rectangles are removed from each copy and each copy is clipped to its own."""
    everything = list(range(len(doc.pages)))
    if split is None:
        return [PartSpec(1, everything)]
    index = min(max(split.page_index, 0), len(everything) - 1)
    page = doc.pages[index]
    has_part1 = bool(split.part1) and any(c.box and not c.generated and c.text.strip()
                                          and split.part_of(index, c.box) == 1 for c in page.chars)
    if not has_part1 and bool(split.part1) and not any(c.box and c.text.strip() for c in page.chars):
        # a page that is a picture (a scan): its text is pixels, so Part 1's area holds what the image shows
        has_part1 = any(_meets(img, area) for img in page.images for area in split.part1)
    part1 = PartSpec(1, everything[: index + 1] if has_part1 else everything[:index])
    part2 = PartSpec(2, everything[index:])
    if has_part1:
        part1.regions[index] = [Region(box, None, "split") for box in split.part2]
        part1.clips[index] = list(split.part1)
    part2.regions[index] = [Region(box, None, "split") for box in split.part1]
    part2.clips[index] = list(split.part2)
    return [p for p in (part1, part2) if p.pages]


def _meets(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def open_part(data: bytes, pages: list[int]) -> pikepdf.Pdf:
    """A fresh copy of the input holding only ``pages`` (in order)."""
    pdf = pikepdf.open(BytesIO(data))
    keep = set(pages)
    for index in range(len(pdf.pages) - 1, -1, -1):
        if index not in keep:
            del pdf.pages[index]
    return pdf


def clip_instructions(page: pikepdf.Page, keep: list[Box] | None) -> bytes:
    """A clip to the union of ``keep`` (every rectangle drawn the same way: the non-zero rule unites them)."""
    if keep is None:
        return b""
    box = [float(v) for v in page.obj.get("/MediaBox")]
    mx0, mx1 = min(box[0], box[2]), max(box[0], box[2])
    my0, my1 = min(box[1], box[3]), max(box[1], box[3])
    path = []
    for k in keep:
        x0, y0, x1, y1 = max(mx0, k[0]), max(my0, k[1]), min(mx1, k[2]), min(my1, k[3])
        if x1 > x0 and y1 > y0:
            path.append(f"{x0:.3f} {y0:.3f} {x1 - x0:.3f} {y1 - y0:.3f} re")
    if not path:
        path.append(f"{mx0:.3f} {my0:.3f} 0 0 re")
    return ("\n".join(path) + " W n\n").encode()
