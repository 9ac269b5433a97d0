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
get_loose_box = bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)  # (page, i, &FS_RECTF)

# A gap between two glyphs pdfium reads one after the other with nothing between them that is a word's space
# pdfium did not write: this share of the glyphs' height (pdfium's loose box, ascent to descent) wider than
# the usual gap around it (see missed_word_breaks). pdfium leaves out a space drawn as its own text object
# (Chromium draws every glyph so) and infers a space only past half a letter's width, which a condensed
# font's space does not reach: "ST AUBYN" read "STAUBYN", and a short removed value ("ST AUBYN") is then not
# found as a word. The verifier's own rule (the engine's extraction has another).
WORD_GAP = 0.1


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """pdfium's text of a page (``get_text_range``), with a space where it ran two words together
    (:data:`WORD_GAP`). More spaces only make more matches: a value is still found across one space between
    any two of its characters."""
    text = textpage.get_text_range()
    breaks = missed_word_breaks(textpage, text)
    if not breaks:
        return text
    # get_text_range gives one UTF-16 unit per character index: a surrogate pair is one character of text
    raw, out, at, low = handle(textpage), [], 0, 0
    for i in sorted(breaks):
        low += sum(1 for k in range(at, i + 1) if 0xDC00 <= get_unicode(raw, k) <= 0xDFFF)
        at = i + 1
        out.append(i + 1 - low)
    pieces, start = [], 0
    for pos in out:
        pieces.append(text[start:pos])
        pieces.append(" ")
        start = pos
    pieces.append(text[start:])
    return "".join(pieces)


def missed_word_breaks(textpage: pdfium.PdfTextPage, text: str | None = None) -> list[int]:
    """The character indices after which pdfium ran two words of a line together: two drawn glyphs, read one
    after the other, level with each other (or one above the other, for text turned a quarter), apart by more
    than :data:`WORD_GAP` of their height beyond the usual gap around them: the median gap of their run (the
    glyphs read one after the other with nothing between), or of their line when the run has fewer than
    three gaps (letter-spacing and synthetic small capitals widen every gap of a word alike).
    ``text``: the page's ``get_text_range``, read for the characters when it has one per index."""
    raw, rect = handle(textpage), pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    count = textpage.count_chars()
    if text is None or len(text) != count:  # a surrogate pair is one character of text, two indices
        text = None
    lines: list[list[list[tuple[int, float, float]]]] = [[[]]]  # line -> run -> (first glyph, gap, height)
    run = lines[-1][-1]
    prev = False
    x0 = y0 = x1 = y1 = 0.0  # the glyph before
    for i in range(count):
        code = ord(text[i]) if text is not None else get_unicode(raw, i)
        if code <= 0x20 or not get_loose_box(raw, i, rect_ref):  # pdfium generates only these (and "\x02")
            if code in (0x0D, 0x0A):
                lines.append([[]])
                run = lines[-1][-1]
            elif run:
                run = []
                lines[-1].append(run)
            prev = False
            continue
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        if prev:
            # level: the two glyphs share half the smaller one's height; one above the other: half its width
            if 2 * (min(y1, top) - max(y0, bottom)) >= min(y1 - y0, top - bottom) \
                    and 2 * (min(x1, right) - max(x0, left)) < min(x1 - x0, right - left):
                run.append((i - 1, max(left - x1, x0 - right), max(y1 - y0, top - bottom)))
            elif 2 * (min(x1, right) - max(x0, left)) >= min(x1 - x0, right - left) \
                    and 2 * (min(y1, top) - max(y0, bottom)) < min(y1 - y0, top - bottom):
                run.append((i - 1, max(bottom - y1, y0 - top), max(x1 - x0, right - left)))
        x0, y0, x1, y1, prev = left, bottom, right, top, True
    out = []
    for runs in lines:
        line_usual = None
        for run in runs:
            # the usual gap is never below nothing: a gap no wider than WORD_GAP of its size is no break
            if not any(size > 0 and gap > WORD_GAP * size for _, gap, size in run):
                continue
            if len(run) >= 3:
                usual = _median([g for _, g, _ in run])
            else:
                if line_usual is None:
                    line_usual = _median([g for r in runs for _, g, _ in r])
                usual = line_usual
            usual = max(usual, 0.0)
            out += [i for i, gap, size in run if size > 0 and gap - usual > WORD_GAP * size]
    return out


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


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
