"""Stage 0: accept or refuse the input, before any real work.

Checks, cheapest first: size, the ``%PDF-`` header, that qpdf can open it without a password, the page
count, and that no stream decompresses into a bomb. Returns the bytes and an open pdfium document.
Raises :class:`~redaction.errors.InputError` subclasses with user-safe messages; never writes anything.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass, field
from io import BytesIO

import pikepdf
import pypdfium2 as pdfium

from .errors import DamagedPdf, EmptyFile, EncryptedPdf, NotAPdf, PdfBomb, TooLarge
from .limits import DEFAULT_LIMITS, Limits
from .pdf.save import save
from .pdf.shown import show_only_what_is_shown

log = logging.getLogger(__name__)


@dataclass
class LoadedPdf:
    data: bytes
    pdfium: pdfium.PdfDocument
    page_count: int
    # What was rewritten so that every stage sees what a viewer shows (hidden layers, form fields).
    prepared: dict = field(default_factory=dict)

    def close(self) -> None:
        self.pdfium.close()


def load(data: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadedPdf:
    if not data:
        raise EmptyFile("the file is empty")
    if len(data) > limits.max_bytes:
        raise TooLarge(f"the file is larger than the limit of {limits.max_bytes // (1024 * 1024)} MB")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf("the file is not a PDF")
    data, prepared = _check_with_qpdf(data, limits)
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
    _check_page_sizes(doc, count, limits)
    return LoadedPdf(data=data, pdfium=doc, page_count=count, prepared=prepared)


def _check_page_sizes(doc, count: int, limits: Limits) -> None:
    """Refuse a page larger than ``limits.max_page_points`` on either side (before anything renders it)."""
    for index in range(count):
        try:
            width, height = doc.get_page_size(index)
        except pdfium.PdfiumError:  # a page object pdfium cannot read (found by tests/test_fuzz_pipeline.py)
            doc.close()
            raise DamagedPdf("the PDF is damaged and cannot be read") from None
        if max(width, height) > limits.max_page_points:
            doc.close()
            cm = limits.max_page_points / 72 * 2.54
            raise TooLarge(f"page {index + 1} is {max(width, height):.0f} points across, larger than the "
                           f"limit of {limits.max_page_points:.0f} points ({cm:.0f} cm)")


def _check_with_qpdf(data: bytes, limits: Limits) -> tuple[bytes, dict]:
    """Check the file, then make it hold only what a viewer shows (the bytes every later stage reads)."""
    try:
        with pikepdf.open(BytesIO(data)) as pdf:
            # Opened without a password: at most owner-only "permissions" encryption, which a full
            # rewrite drops. A user password raises PasswordError below.
            pages = len(pdf.pages)
            if pages > limits.max_pages:
                raise TooLarge(f"the PDF has more than {limits.max_pages} pages")
            _check_streams(pdf, limits)
            prepared = show_only_what_is_shown(pdf)
            return (save(pdf) if prepared else data), prepared
    except pikepdf.PasswordError:
        raise EncryptedPdf("the PDF is encrypted; upload a copy without a password") from None
    except (pikepdf.PdfError, RuntimeError):  # qpdf's runtime errors too ("/Count is wrong after flattening
        # pages tree", found by tests/test_fuzz_pipeline.py): a damaged file, refused
        raise DamagedPdf("the PDF is damaged and cannot be read") from None


def _check_streams(pdf: pikepdf.Pdf, limits: Limits) -> None:
    """Measure every Flate stream's decompressed size with a cap, so a bomb is refused before pdfium or
    qpdf ever expands it in memory. Chains of Flate filters (the usual bomb) are inflated layer by
    layer, streaming, so memory stays small whatever the file claims."""
    total = 0
    for count, obj in enumerate(pdf.objects, 1):
        if count > limits.max_objects:
            raise PdfBomb("the PDF has too many objects")
        if not isinstance(obj, pikepdf.Stream):
            continue
        try:
            raw = obj.read_raw_bytes()
        except pikepdf.PdfError:
            raise DamagedPdf("the PDF is damaged and cannot be read") from None
        layers = _leading_flate_layers(obj.get("/Filter"))
        if layers:
            budget = max(limits.max_decompressed_bytes - total, 0)
            cap = min(budget, max(len(raw), 1024) * limits.max_stream_ratio)
            size = _inflated_size(raw, layers, cap)
            if size > cap:
                log.info("refused a PDF bomb: stream %s inflates past the limit", obj.objgen)
                raise PdfBomb("the PDF contains a compressed stream that expands far beyond a normal paper "
                              "(a decompression bomb)")
            total += size
        else:
            total += len(raw)
        if total > limits.max_decompressed_bytes:
            raise PdfBomb("the PDF expands beyond the size limit when decompressed")


def _leading_flate_layers(filters) -> int:
    if filters is None:
        return 0
    names = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    n = 0
    for name in names:
        if name != pikepdf.Name.FlateDecode:
            break
        n += 1
    return n


def _inflated_size(raw: bytes, layers: int, cap: int) -> int:
    """Size after ``layers`` rounds of zlib inflation, streaming; stops just past ``cap``."""
    chunks = iter([raw])
    for _ in range(layers):
        chunks = _inflate(chunks, cap)
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > cap:
            break
    return size


def _inflate(chunks, cap: int):
    d = zlib.decompressobj()
    produced = 0
    try:
        for data in chunks:
            while data:
                out = d.decompress(data, 1 << 20)
                produced += len(out)
                yield out
                if produced > cap:
                    return
                data = d.unconsumed_tail
        yield d.flush()
    except zlib.error:
        return  # a damaged stream is judged by the readers later; what it produced still counts
