"""What a tiling pattern's cell or a soft mask's group draws, for the content editor to decide whether it
can leave it as it is.

Text drawn inside a tiling-pattern cell or a soft-mask group (``/SMask`` in an ExtGState, with a ``/G``
form) is not page text: pdfium does not extract it, the engine's glyph editing does not reach it, yet a
viewer shows it and poppler's pdftotext prints it. Images there are not blanked by the image editor. So:

* ``"text"`` — the cell or group shows text, or holds something unreadable: the page is made a picture;
* ``"image"`` — it paints an image: the page is made a picture only if something is removed from it;
* ``None`` — paths and shadings only (gradients, hatching, transparency ramps): kept as they are.

Shading patterns (``/PatternType 2``) draw no text and are always kept.
"""

from __future__ import annotations

import pikepdf

_TEXT_OPS = {"BT", "Tj", "TJ", "'", '"', "d0", "d1"}
_MAX_DEPTH = 8


class PaintCheck:
    def __init__(self) -> None:
        self._cache: dict = {}

    def pattern(self, pattern) -> str | None:
        if not isinstance(pattern, (pikepdf.Dictionary, pikepdf.Stream)):
            return None
        try:
            kind = int(pattern.get("/PatternType", 0))
        except (TypeError, ValueError):
            return "text"
        if kind != 1:
            return None
        return self._stream(pattern, 0)

    def soft_mask(self, state) -> str | None:
        mask = state.get("/SMask") if isinstance(state, pikepdf.Dictionary) else None
        if not isinstance(mask, pikepdf.Dictionary):
            return None  # /None or absent
        group = mask.get("/G")
        if not isinstance(group, pikepdf.Stream):
            return "text"  # a mask we cannot read
        return self._stream(group, 0)

    def _stream(self, stream, depth: int) -> str | None:
        key = stream.objgen
        if key != (0, 0) and key in self._cache:
            return self._cache[key]
        result = self._scan(stream, depth)
        if key != (0, 0):
            self._cache[key] = result
        return result

    def _scan(self, stream, depth: int) -> str | None:
        if depth > _MAX_DEPTH or not isinstance(stream, pikepdf.Stream):
            return "text"
        try:
            ops = pikepdf.parse_content_stream(stream)
        except pikepdf.PdfError:
            return "text"
        resources = stream.get("/Resources")
        resources = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
        found: str | None = None
        for inst in ops:
            if isinstance(inst, pikepdf.ContentStreamInlineImage):
                found = "image"
                continue
            op = str(inst.operator)
            if op in _TEXT_OPS:
                return "text"
            inner = None
            if op == "Do" and inst.operands:
                inner = _lookup(resources, "/XObject", inst.operands[0])
                if isinstance(inner, pikepdf.Stream) and str(inner.get("/Subtype", "")) == "/Image":
                    found = "image"
                    continue
                inner = self._stream(inner, depth + 1) if isinstance(inner, pikepdf.Stream) else None
            elif op in ("scn", "SCN") and inst.operands and isinstance(inst.operands[-1], pikepdf.Name):
                inner = self.pattern(_lookup(resources, "/Pattern", inst.operands[-1]))
            elif op == "gs" and inst.operands:
                inner = self.soft_mask(_lookup(resources, "/ExtGState", inst.operands[0]))
            if inner == "text":
                return "text"
            found = found or inner
        return found


def _lookup(resources, category: str, name):
    group = resources.get(category)
    return group.get(str(name)) if isinstance(group, pikepdf.Dictionary) else None
