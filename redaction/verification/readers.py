"""Three text readers of different families, each called directly (never through the engine's extraction):
pdfium (pypdfium2's text page), pdfminer.six (its own parser and font handling; its content lexer run
ahead by :mod:`.pslex`, which gives exactly pdfminer's tokens in half the time) and poppler's pdftotext
(a separate process). Each returns one string per page; a reader that cannot read the file, or finds
another page count, fails its check: what cannot be read cannot be proved clean."""

from __future__ import annotations

import io
import logging
import shutil
import subprocess

import pypdfium2 as pdfium
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage

from .pdfium_calls import OutputPages
from .pslex import FastInterpreter
from .result import fail

_POPPLER_TIMEOUT = 120  # seconds; a paper of hundreds of pages takes a few

# pdfminer.six logs every token, object and operator it parses at DEBUG: two logging calls per token cost a
# sixth of this reader's time even with DEBUG off, and with DEBUG on they would write the paper's text
# (the personal data being removed) into the logs. Their DEBUG records are dropped before any call is made.
_PDFMINER_CHATTY = ("psparser", "pdfinterp", "pdfparser", "pdfdocument", "pdfpage", "cmapdb", "pdffont",
                    "encodingdb", "converter", "lzw")


def _drop(*args, **kwargs) -> None:
    return None


for _name in _PDFMINER_CHATTY:
    setattr(logging.getLogger(f"pdfminer.{_name}"), "debug", _drop)  # noqa: B010 - an instance attribute


def open_pdfium(data: bytes, part: int) -> pdfium.PdfDocument:
    """The output opened once by pdfium for every check that reads it with pdfium (text, boxes, detection);
    a file pdfium cannot open fails ``text-pdfium``. The caller closes it."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        fail("text-pdfium", part)


def pdfium_pages(data: bytes | pdfium.PdfDocument | OutputPages, part: int) -> list[str]:
    """pdfium's text of each page; ``data`` is the file or the document already opened from it (an
    :class:`OutputPages` keeps the pages later checks read again loaded)."""
    if isinstance(data, OutputPages):
        return [data.text(i) for i in range(len(data))]
    pdf = data if isinstance(data, pdfium.PdfDocument) else open_pdfium(data, part)
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return out
    finally:
        if pdf is not data:
            pdf.close()


class _GlyphText(PDFTextDevice):
    """pdfminer's own parser, fonts, encodings and ToUnicode maps; of each glyph shown only its text is
    kept, in the order drawn (form XObjects where they are used), exactly what a TextConverter without
    layout analysis writes, without building a positioned layout object per glyph: the checks match
    across any spacing and never use pdfminer's geometry."""

    def __init__(self, manager: PDFResourceManager):
        super().__init__(manager)
        self.chunks: list[str] = []
        self.read: dict = {}  # font -> {string shown: its text}: pdfminer's decoding of a string, kept

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        font = textstate.font
        assert font is not None  # as pdfminer's own devices: a failure fails the check
        add = self.chunks.append
        known = self.read.get(font)
        if known is None:
            known = self.read[font] = {}
        for obj in seq:
            if isinstance(obj, bytes):
                text = known.get(obj)
                if text is None:
                    text = known[obj] = "".join(self._glyphs(font, obj))
                add(text)

    @staticmethod
    def _glyphs(font, string: bytes):
        for cid in font.decode(string):
            try:
                yield font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                yield f"(cid:{cid})"  # what pdfminer writes for a code it cannot map

    def take(self) -> str:
        text, self.chunks = "".join(self.chunks) + "\f", []
        return text


def pdfminer_pages(data: bytes, part: int) -> list[str]:
    """No layout analysis: the checks match across any spacing, and layout analysis would only cost time.
    One resource manager, interpreter and device for the whole file (fonts and CMaps are read once)."""
    manager = PDFResourceManager()
    device = _GlyphText(manager)
    interpreter = FastInterpreter(manager, device)  # pdfminer's interpreter, its lexer run ahead (pslex)
    pages = []
    try:
        for page in PDFPage.get_pages(io.BytesIO(data)):
            interpreter.process_page(page)
            pages.append(device.take())
    except Exception:  # noqa: BLE001 - any parser failure means the file cannot be proved clean
        fail("text-pdfminer", part)
    return pages


def poppler_pages(data: bytes, part: int) -> list[str]:
    """pdftotext's text per page (pages end with a form feed). A missing pdftotext fails the check: the
    library never publishes on two readers when it was built to need three."""
    exe = shutil.which("pdftotext")
    if exe is None:
        fail("text-poppler", part, reason="pdftotext (poppler-utils) is not installed")
    try:
        done = subprocess.run([exe, "-q", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True,
                              timeout=_POPPLER_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        fail("text-poppler", part)
    if done.returncode != 0:
        fail("text-poppler", part)
    text = done.stdout.decode("utf-8", "replace")
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def read_all(data: bytes, part: int, document: pdfium.PdfDocument | OutputPages | None = None) \
        -> dict[str, list[str]]:
    """Every reader's pages, by check name; the page counts must agree. ``document``: the output already
    opened by pdfium (read from it instead of parsing the file again)."""
    texts = {"text-pdfium": pdfium_pages(data if document is None else document, part),
             "text-pdfminer": pdfminer_pages(data, part),
             "text-poppler": poppler_pages(data, part)}
    count = len(texts["text-pdfium"])
    for check, pages in texts.items():
        if len(pages) != count:
            fail(check, part)
    return texts
