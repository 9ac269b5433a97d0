"""Part 2 in the verifier's own reading order: poppler's flows, blocks and lines of the input's boundary page
(``pdftotext -bbox-layout``), not the engine's rectangles.

The start line is the first line poppler reads at or below the boundary (right of its x when one is given);
every line poppler reads after it on that page is Part 2, every line before it Part 1. The engine's split may
withhold more than this reading (a line here in Part 1, there in Part 2 is safe), never less:

=================  =========================================================================================
part2-order        a line that two of the verifier's three readings put after the Part 2 start lies in the
                   engine's Part 1 area: poppler's order, pdfminer's layout order (LAParams) and the order
                   the producer wrote the text in (pdfium's character indices)
=================  =========================================================================================

No one reader is a judge of columns: poppler reads some two-column pages row by row (narrow ragged gutters),
pdfminer others (columns of equal height), and a producer may write a page in any order. Two readings that
agree are taken as the page's order; the engine may withhold more than they do, never less.

Coordinates: poppler reports boxes on the page as displayed (``/Rotate`` applied, origin top left, media
box); they are turned back to unrotated user space here, by this module's own arithmetic.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium

from .pdfium_calls import BoxOut, Opened, get_char_box, get_unicode, handle, opened, textpage_of
from .result import fail

_TIMEOUT = 60


@dataclass
class PLine:
    box: tuple[float, float, float, float]  # poppler's displayed coordinates: x0, top, x1, bottom
    text: str


@dataclass
class Reading:
    part1: list[str]  # the boundary page's lines before the start, in poppler's order
    part2: list[str]  # the start line and every later line of the page
    agreed1: list[str]  # the lines of part1 the engine also left in Part 1
    disputed: int  # lines read after the start that the engine left in Part 1


def poppler_lines(data: bytes, page: int) -> list[PLine]:
    """pdftotext's lines of one page (1-based) in its reading order; a failure fails ``part2-order``."""
    exe = shutil.which("pdftotext")
    if exe is None:
        fail("part2-order", 0, page, "pdftotext (poppler-utils) is not installed")
    try:
        done = subprocess.run([exe, "-q", "-bbox-layout", "-enc", "UTF-8", "-f", str(page), "-l", str(page),
                               "-", "-"], input=data, capture_output=True, timeout=_TIMEOUT, check=False)
        root = ET.fromstring(done.stdout)
    except (OSError, subprocess.TimeoutExpired, ET.ParseError):
        fail("part2-order", 0, page)
    if done.returncode != 0:
        fail("part2-order", 0, page)
    out = []
    for line in root.iter():
        if not line.tag.endswith("}line") and line.tag != "line":
            continue
        words = [w.text or "" for w in line if w.tag.endswith("word")]
        box = tuple(float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))
        out.append(PLine(box, " ".join(words)))
    return out


def page_geometry(data: bytes, page: int) -> tuple[int, tuple, tuple]:
    """The page's /Rotate, media box and crop box (user space, normalised)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        p = pdf.pages[page - 1]
        rotate = int(p.obj.get("/Rotate", 0)) % 360
        media = _norm([float(v) for v in p.mediabox])
        crop = _norm([float(v) for v in p.cropbox])  # pikepdf: inherited, or the media box
    return rotate, media, crop


def _norm(b):
    return min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3])


def to_user(rotate: int, media, px: float, py: float) -> tuple[float, float]:
    """A point of poppler's displayed page (origin top left) in unrotated user space."""
    x0, y0, x1, y1 = media
    return {0: (x0 + px, y1 - py), 90: (x0 + py, y0 + px),
            180: (x1 - px, y0 + py), 270: (x1 - py, y1 - px)}[rotate]


def from_user(rotate: int, media, ux: float, uy: float) -> tuple[float, float]:
    x0, y0, x1, y1 = media
    return {0: (ux - x0, y1 - uy), 90: (uy - y0, ux - x0),
            180: (x1 - ux, uy - y0), 270: (y1 - uy, x1 - ux)}[rotate]


def start_in_user(rotate: int, crop, y: float, x: float) -> tuple[float, float]:
    """A boundary point as the split reports it (displayed coordinates: user space on an upright page, else
    measured from the crop box's corner that is bottom left as displayed) in user space."""
    if rotate == 0:
        return x, y
    cx0, cy0, cx1, cy1 = crop
    return {90: (cx1 - y, cy0 + x), 180: (cx1 - x, cy1 - y), 270: (cx0 + y, cy1 - x)}[rotate]


def read_order(data: bytes, page: int, y: float, x: float | None, turn: int | None, part2_areas,
               shared: Opened | None = None) -> Reading | None:
    """The boundary page read in poppler's order (Part 1 and Part 2 text) and each line compared with the
    engine's Part 2 areas (votes of the three readings); None when the engine reads the page sideways (text
    drawn across a page not turned by /Rotate): the boundary cannot be placed without the engine's frame.
    ``shared``: ``data`` already opened by pdfium."""
    rotate, media, crop = page_geometry(data, page)
    if turn is not None and turn % 360 != rotate:
        return None
    lines = poppler_lines(data, page)
    sy, sx = _start_point(rotate, media, crop, y, x)
    below = [i for i, ln in enumerate(lines) if (ln.box[1] + ln.box[3]) / 2 > sy
             and (sx is None or ln.box[2] >= sx)]
    if not below:
        start = len(lines)
    else:
        top = min(lines[i].box[1] for i in below)
        height = min(lines[i].box[3] - lines[i].box[1] for i in below) or 1.0
        start = min(i for i in below if lines[i].box[1] <= top + 0.5 * height)  # the row's first in order
    in_part2 = [_engine_part2(rotate, media, ln, y, part2_areas) for ln in lines]
    written = _written_at(data if shared is None else shared, page, rotate, media, lines) if start < len(lines) \
        else []
    layout = _layout_rank(data, page, lines) if start < len(lines) else []
    late = []
    for i in range(len(lines)):
        if i == start or in_part2[i] or start >= len(lines):
            continue
        votes = (i > start) + _after(written[i], written[start]) + _after(layout[i], layout[start])
        if votes >= 2:
            late.append(i)
    return Reading(part1=[ln.text for ln in lines[:start]], part2=[ln.text for ln in lines[start:]],
                   agreed1=[ln.text for ln, p2 in zip(lines[:start], in_part2) if not p2],
                   disputed=len(late) + (0 if start >= len(lines) or in_part2[start] else 1))


def _after(a, b) -> bool:
    """``a`` comes after ``b`` in a reading; a line a reader did not place counts as after (fail closed)."""
    return a is None or b is None or a > b


def _layout_rank(data: bytes, page: int, lines: list[PLine]) -> list[int | None]:
    """For each poppler line, the rank in pdfminer's layout order of the pdfminer line under its centre.
    pdfminer reports the page as displayed with y up; poppler with y down: same x, y = height - y."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    from .pslex import FastInterpreter  # pdfminer's interpreter, its lexer run ahead: the same objects

    ranked = []
    try:  # what pdfminer's extract_pages does, with that interpreter
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = FastInterpreter(manager, device)
        for pdf_page in PDFPage.get_pages(io.BytesIO(data), pagenos=[page - 1]):
            interpreter.process_page(pdf_page)
            lt_page = device.get_result()
            height = lt_page.bbox[3] - lt_page.bbox[1]
            for box in lt_page:
                if isinstance(box, LTTextContainer):
                    ranked += [(height - ln.y1, ln.x0, height - ln.y0, ln.x1) for ln in box
                               if isinstance(ln, LTTextLine)]
    except Exception:  # noqa: BLE001 - a reading that fails places nothing: every line counts as after
        return [None] * len(lines)
    out: list[int | None] = []
    for ln in lines:
        cx, cy = (ln.box[0] + ln.box[2]) / 2, (ln.box[1] + ln.box[3]) / 2
        out.append(next((k for k, (t, x0, b, x1) in enumerate(ranked)
                         if t - 1 <= cy <= b + 1 and x0 - 1 <= cx <= x1 + 1), None))
    return out


def _written_at(data, page: int, rotate: int, media, lines: list[PLine]) -> list[int | None]:
    """For each poppler line, the index of its first character in pdfium's (content stream) order; None when
    pdfium finds none of its characters there (then it cannot excuse the line)."""
    boxes = []
    for ln in lines:
        (ax, ay), (bx, by) = (to_user(rotate, media, ln.box[0], ln.box[1]),
                              to_user(rotate, media, ln.box[2], ln.box[3]))
        boxes.append((min(ax, bx) - 1, min(ay, by) - 1, max(ax, bx) + 1, max(ay, by) + 1))
    first: list[int | None] = [None] * len(lines)
    pdf, own = opened(data)
    textpage = None
    try:
        textpage = textpage_of(pdf, page - 1)
        raw, out = handle(textpage), BoxOut()
        for i in range(textpage.count_chars()):
            if chr(get_unicode(raw, i) or 32).isspace():
                continue
            if not get_char_box(raw, i, *out.args):  # as pypdfium2's get_charbox: a box pdfium cannot give
                raise pdfium.PdfiumError("Failed to get charbox.")
            box = out.box()
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            k = next((k for k, b in enumerate(boxes) if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]), None)
            if k is not None and first[k] is None:
                first[k] = i
    finally:
        if textpage is not None:
            textpage.close()
        if own:
            pdf.close()
    return first


def _start_point(rotate, media, crop, y, x):
    """The boundary in poppler's displayed coordinates: (top, x or None)."""
    ux, uy = start_in_user(rotate, crop, y, 0.0 if x is None else x)
    px, py = from_user(rotate, media, ux, uy)
    return py, (None if x is None else px)


def _engine_part2(rotate, media, line: PLine, y: float, areas) -> bool:
    cx, cy = to_user(rotate, media, (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2)
    if areas is None:
        return cy < y
    return any(a[0] <= cx <= a[2] and a[1] <= cy <= a[3] for a in areas)
