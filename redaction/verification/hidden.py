"""Text the input's Part 1 holds but does not show, read by the verifier itself (pdfium's text page and its
own rendering of the page; no engine code).

``part2-ngrams`` excuses a Part 2 sequence that Part 1's own text also holds (a running header, a phrase the
summary repeats). A copy of Part 2 that Part 1 holds but nobody sees — text in render mode 3 or 7, white on
white, clipped away, under an opaque shape, outside its form's box, a fraction of a point high — would be
excused the same way and published with it. A character counts as shown only when its text object is
painted (render mode not 3 or 7, unless it lies on a picture: a scan's own text layer), its box is at least
:data:`MIN_SIZE` points, and the page as rendered has contrast inside its box (a glyph's strokes against what
is behind them, or the scan's print under its text layer). A sequence is excused only when the
shown text holds it; one that only the hidden text holds is checked in Part 1's output like any other.

Only pages that hold an excused sequence are rendered (usually none).
"""

from __future__ import annotations

import ctypes
from functools import partial

import numpy as np
import pypdfium2.raw as pdfium_c

from .pdfium_calls import BoxOut, bare, get_char_box, get_unicode, handle, is_generated, opened, textpage_of

MIN_SIZE = 1.0  # points: a glyph box smaller than this both ways is not read by anyone
CONTRAST = 48  # grey levels between the darkest and lightest pixel of a shown glyph's box
SCALE = 2.0  # pixels per point of the verifier's rendering
_INVISIBLE_MODES = {3, 7}  # FPDF_TEXTRENDERMODE_INVISIBLE, FPDF_TEXTRENDERMODE_CLIP

_get_text_object = bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)  # (text page, i) -> object or None
_get_render_mode = bare(pdfium_c.FPDFTextObj_GetTextRenderMode, ctypes.c_int)  # (object) -> mode
_max, _min = np.maximum.reduce, np.minimum.reduce  # over every pixel (axis None)
_page_to_device = bare(pdfium_c.FPDF_PageToDevice, ctypes.c_int)  # (page, 0, 0, w, h, 0, x, y, &dx, &dy)


def hidden_excused(data, boundary, excused: set, ngrams) -> set:
    """The sequences of ``excused`` (Part 2 sequences Part 1's text holds) that Part 1 holds only as text it
    does not show. ``data``: the input's bytes or a shared :class:`~.pdfium_calls.Opened`; ``boundary``:
    (page, y) 1-based with optional ``part2_areas``; ``ngrams(text, n)``: word sequences of a text."""
    if not excused or not boundary:
        return set()
    sizes = {len(g) for g in excused}
    last = int(boundary[0]) - 1
    pdf, own = opened(data)
    out = set()
    try:
        for index in range(min(last + 1, len(pdf))):
            page = pdf[index]
            try:
                shown, hidden = _page_text(pdf, page, index, boundary if index == last else None, excused,
                                           sizes, ngrams)
            finally:
                if own:
                    page.close()
            if hidden:
                held = {g for n in sizes for g in ngrams(hidden, n)} & excused
                out |= held - {g for n in sizes for g in ngrams(shown, n)}
    finally:
        if own:
            pdf.close()
    return out


def _page_text(pdf, page, index: int, boundary, excused: set, sizes: set, ngrams) -> tuple[str, str]:
    """(shown text, hidden text) of the page's Part 1 side; ("", "") when its text holds no excused sequence
    (the page is then not rendered)."""
    textpage = textpage_of(pdf, index, page)
    try:
        raw = handle(textpage)
        count = textpage.count_chars()
        if boundary is None:
            # A page above the boundary page is all Part 1: its text is its characters whatever their boxes, so
            # the codes alone say whether it holds an excused sequence (most pages do not: no box is read)
            text = _text(list(map(partial(get_unicode, raw), range(count))))
            if not excused & {g for n in sizes for g in ngrams(text, n)}:
                return "", ""
            chars, boxes = list(text), _boxes(raw, count)
        else:
            chars, boxes = _part1_chars(raw, count, boundary)
            text = "".join(c if c is not None else "\n" for c in chars)
            if not excused & {g for n in sizes for g in ngrams(text, n)}:
                return "", ""
        shown_at = _Shown(page, raw)
        shown, hidden = [], []
        side = shown
        for i, ch in enumerate(chars):
            if ch is None:
                shown.append("\n")
                hidden.append("\n")
                continue
            if boxes[i] is not None:  # a generated space or line break follows the glyph before it
                side = shown if shown_at(i, boxes[i]) else hidden
                (hidden if side is shown else shown).append(" ")
            side.append(ch)
        return "".join(shown), "".join(hidden)
    finally:
        textpage.close()


def _text(codes: list[int]) -> str:
    """The characters of pdfium's codes, a code that is no character (0, past Unicode) read as a space."""
    if codes and (min(codes) <= 0 or max(codes) >= 0x110000):
        return "".join(chr(code) if 0 < code < 0x110000 else " " for code in codes)
    return "".join(map(chr, codes))


def _boxes(raw, count: int) -> list:
    """Each character's box (left, bottom, right, top), None for one pdfium generated or cannot place."""
    boxes = []
    out = BoxOut()
    for i in range(count):
        boxes.append(out.box() if not is_generated(raw, i) and get_char_box(raw, i, *out.args) else None)
    return boxes


def _part1_chars(raw, count: int, boundary) -> tuple[list, list]:
    """(characters, boxes) of the boundary page, None for each character on Part 2's side of it."""
    chars, boxes = [], []
    out = BoxOut()
    areas = getattr(boundary, "part2_areas", None)
    for i in range(count):
        code = get_unicode(raw, i)
        box = None
        if not is_generated(raw, i) and get_char_box(raw, i, *out.args):
            box = out.box()
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            if (any(a[0] <= cx <= a[2] and a[1] <= cy <= a[3] for a in areas) if areas is not None
                    else cy < float(boundary[1])):
                chars.append(None)  # Part 2's side of the boundary page
                boxes.append(None)
                continue
        chars.append(chr(code) if 0 < code < 0x110000 else " ")
        boxes.append(box)
    return chars, boxes


def _render(page) -> np.ndarray:
    """The page rendered in grey (:data:`SCALE` pixels a point, no annotations), one row of pixels a row."""
    bitmap = page.render(scale=SCALE, grayscale=True, draw_annots=False)
    if bitmap.n_channels == 1:  # pdfium's grey bitmap (FPDFBitmap_Gray): its bytes copied, no image made of them
        return np.array(bitmap.to_numpy())
    return np.asarray(bitmap.to_pil().convert("L"))


class _Shown:
    """Whether a character of a page is shown (see the module's docstring): the page rendered once, its
    pictures listed once, and per character pdfium's own calls (the text object's render mode, the box's
    corners in the rendering's pixels) without ctypes' per-argument conversion (see :mod:`.pdfium_calls`)."""

    def __init__(self, page, textpage):
        self.grey = _render(page)
        self.pictures = _image_boxes(page)
        self.page = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
        self.textpage = textpage
        self.height, self.width = self.grey.shape
        self.dx, self.dy = ctypes.c_int(), ctypes.c_int()
        self.out = ctypes.byref(self.dx), ctypes.byref(self.dy)
        self.x, self.y = ctypes.c_double(), ctypes.c_double()  # the point passed, set for each call
        self.modes: dict[int | None, int] = {}  # text object -> its render mode

    def mode(self, i: int) -> int | None:
        obj = _get_text_object(self.textpage, i)
        mode = self.modes.get(obj, -1)
        if mode == -1:
            mode = self.modes[obj] = _get_render_mode(ctypes.c_void_p(obj)) if obj else None
        return mode

    def device(self, x: float, y: float) -> tuple[int, int]:
        self.x.value, self.y.value = x, y
        _page_to_device(self.page, 0, 0, self.width, self.height, 0, self.x, self.y, *self.out)
        return self.dx.value, self.dy.value

    def __call__(self, i: int, box) -> bool:
        left, bottom, right, top = box
        if right - left < MIN_SIZE and top - bottom < MIN_SIZE:
            return False
        if self.mode(i) in _INVISIBLE_MODES:
            # A scan's own text layer: invisible text over a picture that shows the print (its contrast is
            # checked below). Invisible text anywhere else is shown to nobody.
            cx, cy = (left + right) / 2, (bottom + top) / 2
            if not any(p[0] <= cx <= p[2] and p[1] <= cy <= p[3] for p in self.pictures):
                return False
        ax, ay = self.device(left, bottom)
        bx, by = self.device(right, top)
        x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
        y0, y1 = (ay, by) if ay <= by else (by, ay)
        x0, y0 = max(0, x0), max(0, y0)
        x1, y1 = min(self.width, x1 + 1), min(self.height, y1 + 1)
        if x1 <= x0 or y1 <= y0:
            return False  # outside the page as rendered
        pixels = self.grey[y0:y1, x0:x1]
        return int(_max(pixels, None)) - int(_min(pixels, None)) >= CONTRAST  # ndarray.max without its wrapper


def _image_boxes(page) -> list[tuple[float, float, float, float]]:
    """The bounds of every picture drawn on the page (forms' pictures too), in page space."""
    try:
        return [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=8)]
    except Exception:  # pdfium could not list them: no picture excuses invisible text
        return []
