"""The file's structure: one revision, and nothing but pages, their content, fonts, images and plain links.

=================  =========================================================================================
single-revision    the file has more than one revision (an incremental update) or cannot be opened
structure          the catalog, a page or any object still holds metadata, annotations other than plain URI
                   links, forms, embedded files, JavaScript, actions, outlines, a structure tree or layers
=================  =========================================================================================
"""

from __future__ import annotations

import io

import pikepdf

from .result import fail

_FORBIDDEN_KEYS = {"/Metadata", "/PieceInfo", "/AcroForm", "/EmbeddedFile", "/EmbeddedFiles", "/JavaScript",
                   "/JS", "/OpenAction", "/AA", "/Outlines", "/Dests", "/StructTreeRoot", "/OCProperties",
                   "/Thumb", "/ActualText", "/Alt", "/RichMedia", "/Launch", "/AF", "/Names", "/Info"}


def single_revision(data: bytes, part: int, keep: bool = False) -> pikepdf.Pdf | None:
    """``keep``: return the file as opened here (the caller's later checks read it; the caller closes it)."""
    if data.count(b"%%EOF") != 1 or data.count(b"startxref") != 1:
        fail("single-revision", part)
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        fail("single-revision", part)
    try:
        if "/Prev" in pdf.trailer:
            fail("single-revision", part)
    except BaseException:
        pdf.close()
        raise
    if keep:
        return pdf
    pdf.close()
    return None


_TRAILER_KEYS = {"/Root", "/Size", "/ID", "/Type", "/W", "/Index", "/Length", "/Filter", "/DecodeParms"}


def structure(pdf: pikepdf.Pdf, part: int) -> None:
    if "/Info" in pdf.trailer or any(k not in _TRAILER_KEYS for k in pdf.trailer.keys()):
        fail("structure", part)  # the trailer holds the catalog and the file's own bookkeeping, nothing else
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            if _forbidden(obj, 0):
                fail("structure", part)
            if str(obj.get("/Type", "")) == "/Annot" and (str(obj.get("/Subtype", "")) != "/Link"
                                                          or "/AP" in obj or "/Popup" in obj):
                fail("structure", part)
            if str(obj.get("/Subtype", "")) == "/XML" or str(obj.get("/Type", "")) == "/Filespec":
                fail("structure", part)


def _forbidden(obj, depth: int) -> bool:
    if depth > 16:
        return False
    if isinstance(obj, pikepdf.Array):
        return any(_forbidden(v, depth + 1) for v in obj if direct(v))
    if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        return False
    if any(k in _FORBIDDEN_KEYS for k in obj.keys()):
        return True
    return any(_forbidden(obj.get(k), depth + 1) for k in obj.keys() if direct(obj.get(k)))


def direct(value) -> bool:
    """A dictionary or array held inside its parent (indirect objects are visited on their own)."""
    return isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect
