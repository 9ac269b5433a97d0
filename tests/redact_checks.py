"""Independent checks on a redacted PDF for the tests: three ways of reading it, none of them the
engine's own verification (pypdfium2 text, pdfminer.six text, every decompressed stream and string)."""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
from pdfminer.high_level import extract_text


def squash(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def pdfium_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def pdfminer_text(data: bytes) -> str:
    return extract_text(io.BytesIO(data))


def raw_text(data: bytes) -> str:
    parts = [data.decode("latin-1")]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    parts.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:
                    pass
            parts.append(str(obj) if isinstance(obj, pikepdf.String) else "")
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
                parts.append(repr(obj))
    return "\n".join(parts)


def readers(data: bytes) -> dict[str, str]:
    return {"pdfium": pdfium_text(data), "pdfminer": pdfminer_text(data), "raw": raw_text(data)}


def leaked(data: bytes, values: list[str]) -> list[tuple[str, str]]:
    """(reader, value) for every value some reader still finds."""
    found = []
    for reader, text in readers(data).items():
        flat = squash(text)
        found += [(reader, v) for v in values if squash(v) in flat]
    return found
