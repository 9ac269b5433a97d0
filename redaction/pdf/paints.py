"""What a tiling pattern's cell or a soft mask's group draws, for the content editor to decide whether it
can leave it as it is.

Text drawn inside a tiling-pattern cell or a soft-mask group (``/SMask`` in an ExtGState, with a ``/G``
form) is not page text: pdfium does not extract it, the engine's glyph editing does not reach it, yet a
viewer shows it and poppler's pdftotext prints it. Images there are not blanked by the image editor. So:

* ``"text"`` — the cell or group shows text, or holds something unreadable: the page is made a picture;
* ``"image"`` — it paints an image: the page is made a picture only if something is removed from it;
* ``None`` — paths and shadings only (gradients, hatching, transparency ramps): kept as they are.

Shading patterns (``/PatternType 2``) draw no text and are always kept.

For ``"text"`` drawn directly in the cell or group (not in a nested form), the content editor first tries
to read it (:meth:`PaintCheck.own_text`: fonts with a ``/ToUnicode`` map or a standard encoding); text
that holds a removed value is then deleted from the stream (:meth:`PaintCheck.strip_text`), text that holds
none is left, and text it cannot read still makes the page a picture.
"""

from __future__ import annotations

import pikepdf

_TEXT_OPS = {"BT", "Tj", "TJ", "'", '"', "d0", "d1"}
_SHOW_OPS = {"Tj", "TJ", "'", '"'}
_STANDARD = {"/WinAnsiEncoding", "/StandardEncoding", "/MacRomanEncoding", "/PDFDocEncoding"}
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

    def forget(self, stream) -> None:
        """After a stream is rewritten: judge it again when met next."""
        self._cache.clear()

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


def own_text(stream) -> str | None:
    """The text a cell or group shows itself, or None when it draws text some other way (nested forms,
    Type 3 glyphs) or in a font whose codes cannot be read as text."""
    from .fontclean import read_tounicode

    try:
        ops = pikepdf.parse_content_stream(stream)
    except pikepdf.PdfError:
        return None
    resources = stream.get("/Resources")
    resources = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
    parts: list[str] = []
    decode = None
    for inst in ops:
        if isinstance(inst, pikepdf.ContentStreamInlineImage):
            continue
        op = str(inst.operator)
        if op == "Do" or op in ("d0", "d1"):
            inner = _lookup(resources, "/XObject", inst.operands[0]) if op == "Do" and inst.operands else None
            if not (isinstance(inner, pikepdf.Stream) and str(inner.get("/Subtype", "")) == "/Image"):
                return None
        elif op == "Tf" and inst.operands:
            decode = _decoder(_lookup(resources, "/Font", inst.operands[0]), read_tounicode)
        elif op in _SHOW_OPS:
            if decode is None:
                return None
            for item in inst.operands:
                items = list(item) if isinstance(item, pikepdf.Array) else [item]
                parts += [decode(bytes(x)) for x in items if isinstance(x, pikepdf.String)]
            parts.append(" ")
    return "".join(parts)


def _decoder(font, read_tounicode):
    if not isinstance(font, pikepdf.Dictionary) or str(font.get("/Subtype", "")) == "/Type3":
        return None
    two_byte = str(font.get("/Subtype", "")) == "/Type0"
    if isinstance(font.get("/ToUnicode"), pikepdf.Stream):
        mapping = read_tounicode(font.ToUnicode)
        if not mapping:
            return None
        if two_byte:
            return lambda b: "".join(mapping.get((b[i] << 8) | b[i + 1], "\ufffd") for i in range(0, len(b) - 1, 2))
        return lambda b: "".join(mapping.get(c, "\ufffd") for c in b)
    encoding = font.get("/Encoding")
    if not two_byte and (encoding is None or str(encoding) in _STANDARD):
        return lambda b: b.decode("cp1252", "replace")
    return None


def strip_text(stream) -> int:
    """Delete every text-showing operator of a cell or group; returns how many went."""
    ops = pikepdf.parse_content_stream(stream)
    kept = [i for i in ops if isinstance(i, pikepdf.ContentStreamInlineImage) or str(i.operator) not in _SHOW_OPS]
    stream.write(pikepdf.unparse_content_stream(kept))
    return len(ops) - len(kept)


def painted_stream(obj):
    """The stream a pattern or an ExtGState's soft mask draws with."""
    if isinstance(obj, pikepdf.Stream):
        return obj
    mask = obj.get("/SMask") if isinstance(obj, pikepdf.Dictionary) else None
    group = mask.get("/G") if isinstance(mask, pikepdf.Dictionary) else None
    return group if isinstance(group, pikepdf.Stream) else None


def _lookup(resources, category: str, name):
    group = resources.get(category)
    return group.get(str(name)) if isinstance(group, pikepdf.Dictionary) else None
