"""Three text readers of different families, each called directly (never through the engine's extraction):
pdfium (pypdfium2's text page), pdfminer.six (its own parser and font handling) and poppler's pdftotext
(a separate process). Each returns one string per page; a reader that cannot read the file, or finds
another page count, fails its check: what cannot be read cannot be proved clean."""

from __future__ import annotations

import io
import shutil
import subprocess

import pypdfium2 as pdfium
from pdfminer.converter import TextConverter
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from .result import fail

_POPPLER_TIMEOUT = 120  # seconds; a paper of hundreds of pages takes a few


def pdfium_pages(data: bytes, part: int) -> list[str]:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        fail("text-pdfium", part)
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
        pdf.close()


def pdfminer_pages(data: bytes, part: int) -> list[str]:
    """No layout analysis: the checks match across any spacing, and layout analysis would only cost time."""
    manager = PDFResourceManager()
    pages = []
    try:
        for page in PDFPage.get_pages(io.BytesIO(data)):
            buf = io.StringIO()
            device = TextConverter(manager, buf, laparams=None)
            try:
                PDFPageInterpreter(manager, device).process_page(page)
            finally:
                device.close()
            pages.append(buf.getvalue())
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


def read_all(data: bytes, part: int) -> dict[str, list[str]]:
    """Every reader's pages, by check name; the page counts must agree."""
    texts = {"text-pdfium": pdfium_pages(data, part), "text-pdfminer": pdfminer_pages(data, part),
             "text-poppler": poppler_pages(data, part)}
    count = len(texts["text-pdfium"])
    for check, pages in texts.items():
        if len(pages) != count:
            fail(check, part)
    return texts
