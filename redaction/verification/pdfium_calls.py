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


def bare(function, restype):
    """``function`` called without ctypes' per-argument conversion (its caller passes C values)."""
    fn = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    fn.restype, fn.argtypes = restype, None
    return fn


get_unicode = bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)  # (page, i) -> code point
is_generated = bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)  # (page, i) -> 1, 0 or -1
get_char_box = bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)  # (page, i, &left, &right, &bottom, &top)


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


class Opened:
    """One PDF opened by pdfium for several of the verifier's readings of it (the input: its text, the Part 2
    side of the boundary, the written order of the boundary page, its pictures), each page loaded once.
    Used like a ``PdfDocument`` (``len``, ``[index]``); the readings leave the pages open, the owner closes
    everything with :meth:`close`."""

    _KEEP = 64  # text pages kept loaded at most (a text page holds every character's data)

    def __init__(self, data: bytes):
        self.doc = pdfium.PdfDocument(data)
        self._pages: dict[int, pdfium.PdfPage] = {}
        self._texts: dict[int, pdfium.PdfTextPage] = {}

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, index: int) -> pdfium.PdfPage:
        if not 0 <= index < len(self.doc):
            raise IndexError(index)
        page = self._pages.get(index)
        if page is None:
            page = self._pages[index] = self.doc[index]
        return page

    def textpage(self, index: int):
        """The page's text page, loaded once for every reading and closed by :meth:`close` (the reader's
        ``close`` of it does nothing); past :data:`_KEEP` pages, a new one the reader closes."""
        textpage = self._texts.get(index)
        if textpage is None:
            textpage = self[index].get_textpage()
            if len(self._texts) >= self._KEEP:
                return textpage
            self._texts[index] = textpage
        return _Borrowed(textpage)

    def close(self) -> None:
        for textpage in self._texts.values():
            textpage.close()
        self._texts.clear()
        for page in self._pages.values():
            page.close()
        self._pages.clear()
        self.doc.close()


def textpage_of(pdf, index: int, page=None):
    """Page ``index``'s text page: an :class:`Opened`'s shared one, else a new one of ``page`` (the page
    ``pdf[index]`` the reader holds, loaded when not given); the reader closes it."""
    if isinstance(pdf, Opened):
        return pdf.textpage(index)
    return (pdf[index] if page is None else page).get_textpage()


def opened(data) -> tuple:
    """(the document to read, whether the caller opened it and closes it): ``data`` is the file's bytes or
    an :class:`Opened` shared by the caller's caller."""
    if isinstance(data, Opened):
        return data, False
    return pdfium.PdfDocument(data), True


class OutputPages:
    """An output opened once by pdfium for the checks that read it with pdfium: ``text-pdfium`` reads every
    page's text (:meth:`text`); the pages ``keep`` names — (0-based index, the page's text) -> bool: the
    pages ``boxes-empty`` and ``detection`` read again — stay loaded, with their text pages, for those
    checks (:meth:`page`, :meth:`textpage`), at most ``_KEEP`` of them; every other page is closed at once.
    A page closed or never read is loaded again when asked for. The owner closes everything (:meth:`close`)."""

    _KEEP = 64  # pages kept loaded at most (a text page holds every character's data)

    def __init__(self, doc: pdfium.PdfDocument, keep=None):
        self.doc = doc
        self.keep = keep
        self._pages: dict[int, pdfium.PdfPage] = {}
        self._texts: dict[int, pdfium.PdfTextPage] = {}

    def __len__(self) -> int:
        return len(self.doc)

    def page(self, index: int) -> pdfium.PdfPage:
        page = self._pages.get(index)
        if page is None:
            page = self._pages[index] = self.doc[index]
        return page

    def textpage(self, index: int) -> pdfium.PdfTextPage:
        textpage = self._texts.get(index)
        if textpage is None:
            textpage = self._texts[index] = self.page(index).get_textpage()
        return textpage

    def text(self, index: int) -> str:
        """pdfium's text of the page (``get_text_range``), the page kept loaded only when ``keep`` says so."""
        text = self.textpage(index).get_text_range()
        if self.keep is None or len(self._texts) > self._KEEP or not self.keep(index, text):
            self.release(index)
        return text

    def release(self, index: int) -> None:
        textpage = self._texts.pop(index, None)
        if textpage is not None:
            textpage.close()
        page = self._pages.pop(index, None)
        if page is not None:
            page.close()

    def close(self) -> None:
        for index in list(self._pages):
            self.release(index)
        self.doc.close()


class _Borrowed:
    """A page or text page of :class:`OutputPages` handed to code that closes what it reads (the engine's
    extraction, for ``detection``): every attribute is the object's own, ``close`` leaves it open."""

    def __init__(self, obj, textpage=None):
        self._obj, self._textpage = obj, textpage

    def __getattr__(self, name):
        return getattr(self._obj, name)

    def get_textpage(self):
        return _Borrowed(self._textpage)

    def close(self) -> None:
        return None


class Lent:
    """:class:`OutputPages` as a read-only ``PdfDocument`` (``len``, ``[index]``) whose pages and text pages are
    the kept ones: reading through it loads nothing again, closing what it gives closes nothing."""

    def __init__(self, pages: OutputPages):
        self.pages = pages

    def __len__(self) -> int:
        return len(self.pages)

    def __getitem__(self, index: int):
        if not 0 <= index < len(self.pages):
            raise IndexError(index)
        return _Borrowed(self.pages.page(index), self.pages.textpage(index))
