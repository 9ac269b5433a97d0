"""Stage 0: accept or refuse the input, before any real work.

Checks, cheapest first: size, the ``%PDF-`` header, that qpdf can open it without a password, the page
count, and that no stream decompresses into a bomb. Returns the bytes and an open pdfium document.
Raises :class:`~redaction.errors.InputError` subclasses with user-safe messages; never writes anything.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from io import BytesIO

import pikepdf
import pypdfium2 as pdfium

from .errors import DamagedPdf, EmptyFile, EncryptedPdf, NotAPdf, PdfBomb, TooLarge
from .limits import DEFAULT_LIMITS, Limits

log = logging.getLogger(__name__)


@dataclass
class LoadedPdf:
    data: bytes
    pdfium: pdfium.PdfDocument
    page_count: int

    def close(self) -> None:
        self.pdfium.close()


def load(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadedPdf:
    if not data:
        raise EmptyFile("the file is empty")
    if len(data) > limits.max_bytes:
        raise TooLarge(f"the file is larger than the limit of {limits.max_bytes // (1024 * 1024)} MB")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf("the file is not a PDF")
    _check_with_qpdf(data, limits)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPdf("the PDF is encrypted; upload a copy without a password") from None
        raise DamagedPdf("the PDF is damaged and cannot be read") from None
    count = len(doc)
    if count == 0:
        doc.close()
        raise DamagedPdf("the PDF has no pages")
    return LoadedPdf(data=data, pdfium=doc, page_count=count)


def _check_with_qpdf(data: bytes, limits: Limits) -> None:
    try:
        with pikepdf.open(BytesIO(data)) as pdf:
            # Opened without a password: at most owner-only "permissions" encryption, which a full
            # rewrite drops. A user password raises PasswordError below.
            pages = len(pdf.pages)
            if pages > limits.max_pages:
                raise TooLarge(f"the PDF has more than {limits.max_pages} pages")
            _check_streams(pdf, limits)
    except pikepdf.PasswordError:
        raise EncryptedPdf("the PDF is encrypted; upload a copy without a password") from None
    except pikepdf.PdfError:
        raise DamagedPdf("the PDF is damaged and cannot be read") from None


def _check_streams(pdf: pikepdf.Pdf, limits: Limits) -> None:
    """Measure every Flate stream's decompressed size with a cap, so a bomb is refused before pdfium or
    qpdf ever expands it in memory."""
    total = 0
    count = 0
    for obj in pdf.objects:
        count += 1
        if count > limits.max_objects:
            raise PdfBomb("the PDF has too many objects")
        if not isinstance(obj, pikepdf.Stream):
            continue
        filters = obj.get("/Filter")
        first = filters[0] if isinstance(filters, pikepdf.Array) and len(filters) else filters
        try:
            raw = obj.read_raw_bytes()
        except pikepdf.PdfError:
            raise DamagedPdf("the PDF is damaged and cannot be read") from None
        if first == pikepdf.Name.FlateDecode:
            budget = max(limits.max_decompressed_bytes - total, 0)
            size = _inflated_size(raw, min(budget + 1, max(len(raw), 1) * limits.max_stream_ratio + 1))
            if size > budget or size > max(len(raw), 1) * limits.max_stream_ratio:
                log.warning("refused a PDF bomb: stream %s inflates past the limit", obj.objgen)
                raise PdfBomb("the PDF contains a compressed stream that expands far beyond a normal paper "
                              "(a decompression bomb)")
            total += size
        else:
            total += len(raw)
        if total > limits.max_decompressed_bytes:
            raise PdfBomb("the PDF expands beyond the size limit when decompressed")


def _inflated_size(raw: bytes, cap: int) -> int:
    """Decompressed size of a zlib stream, stopping once ``cap`` is reached."""
    d = zlib.decompressobj()
    size = 0
    chunk = raw
    try:
        while chunk and size < cap:
            out = d.decompress(chunk, min(cap - size, 1 << 20))
            size += len(out)
            chunk = d.unconsumed_tail
        if size < cap:
            size += len(d.flush())
    except zlib.error:
        return size  # damaged streams are judged by pdfium later; their partial size still counts
    return size
