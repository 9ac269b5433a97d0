"""The verifier's own per-character pdfium calls, without ctypes' per-argument conversion.

pypdfium2 declares ``argtypes`` on every raw function, so each call converts every argument again: for the
character loops of the checks (a call or three per character of a page) that conversion costs three to four
times the C call. These are the same C functions, called with ``argtypes`` None: the text page is passed as
a ``c_void_p``, an index as an ``int`` and the box as ``byref`` doubles, which ctypes passes as they are.
The verifier's own copy (it shares no code with the engine's extraction)."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def _bare(function, restype):
    bare = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    bare.restype, bare.argtypes = restype, None
    return bare


get_unicode = _bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)  # (page, i) -> code point
is_generated = _bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)  # (page, i) -> 1, 0 or -1
get_char_box = _bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)  # (page, i, &left, &right, &bottom, &top)


def handle(textpage: pdfium.PdfTextPage) -> ctypes.c_void_p:
    """The text page as the bare functions take it (valid while ``textpage`` is open)."""
    return ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)


class BoxOut:
    """Four doubles a ``get_char_box`` call fills: ``args`` to pass, ``box()`` as (left, bottom, right, top)."""

    __slots__ = ("left", "right", "bottom", "top", "args")

    def __init__(self):
        self.left, self.right, self.bottom, self.top = (ctypes.c_double() for _ in range(4))
        self.args = tuple(ctypes.byref(v) for v in (self.left, self.right, self.bottom, self.top))

    def box(self) -> tuple[float, float, float, float]:
        return self.left.value, self.bottom.value, self.right.value, self.top.value
