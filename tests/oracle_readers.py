"""Readers of the leak oracle (tests/leak_oracle.py): three text extractors of three families, and every
object of the file as text — strings decoded, streams decompressed, images' raw and decoded bytes, JPEG
metadata segments, font programs and link URIs with their escapes undone. Never imports ``redaction``."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import tempfile
import zlib
from pathlib import Path
from urllib.parse import unquote, unquote_plus

import pikepdf
import pypdfium2 as pdfium
from pdfminer.high_level import extract_text


def pdfium_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def pdfminer_text(data: bytes) -> str:
    return extract_text(io.BytesIO(data))


def poppler_text(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        run = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(src), "-"], capture_output=True, timeout=120)
        return run.stdout.decode("utf-8", "replace")


def _decode_variants(raw: bytes) -> list[str]:
    texts = [raw.decode("latin-1")]
    if raw.count(b"\x00") > len(raw) // 8:  # UTF-16 text (XMP, /ActualText, Windows EXIF tags)
        texts += [raw.decode("utf-16-be", "ignore"), raw[1:].decode("utf-16-be", "ignore")]
    return texts


def _uri_forms(text: str) -> list[str]:
    if "%" not in text and "+" not in text:
        return []
    once = unquote_plus(text)
    return [once, unquote_plus(once), unquote(text)]


def object_bytes(data: bytes) -> dict[str, list[str]]:
    """Every object of the file: strings, names and dictionaries as text, streams raw and decoded."""
    found: dict[str, list[str]] = {"bytes": [data.decode("latin-1")], "image bytes": [], "jpeg segments": [],
                                   "font programs": [], "links": []}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            _walk(obj, found["bytes"], depth=0)
            if not isinstance(obj, pikepdf.Stream):
                continue
            raw = obj.read_raw_bytes()
            decoded = _decoded(obj, raw)
            is_image = obj.get("/Subtype") == "/Image"
            bucket = found["image bytes"] if is_image else found["bytes"]
            for part in (raw, decoded):
                bucket += _decode_variants(part)
                bucket += _uri_forms(part.decode("latin-1")) if len(part) < 200_000 else []
            if is_image and decoded[:2] == b"\xff\xd8":
                found["jpeg segments"] += [s.decode("latin-1") for s in jpeg_segments(decoded)]
                found["jpeg segments"] += [s.decode("utf-16-le", "ignore") for s in jpeg_segments(decoded)]
            if any(k in obj for k in ("/Length1", "/Length2", "/Length3")) or obj.get("/Subtype") in (
                    "/Type1C", "/CIDFontType0C", "/OpenType"):
                found["font programs"] += _decode_variants(decoded)
        found["links"] = [u for uri in link_uris(pdf) for u in [uri, *_uri_forms(uri)]]
    return found


def _decoded(stream: pikepdf.Stream, raw: bytes) -> bytes:
    """The stream with every general filter undone; an image's own codec (DCT, JPX...) is left on, so a
    JPEG comes back as the JPEG file with its segments."""
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        pass
    filters = stream.get("/Filter")
    filters = [filters] if isinstance(filters, pikepdf.Name) else list(filters or [])
    data = raw
    for name in filters:
        try:
            if name == "/ASCII85Decode":
                data = base64.a85decode(data.strip().removesuffix(b"~>"), adobe=False)
            elif name == "/ASCIIHexDecode":
                data = bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">")[0]).decode())
            elif name == "/FlateDecode":
                data = zlib.decompressobj().decompress(data)
            else:
                break
        except (ValueError, zlib.error):
            return b""
    return data


def _walk(obj, out: list[str], depth: int) -> None:
    if depth > 12:
        return
    if isinstance(obj, pikepdf.String):
        text = str(obj)
        out.append(text)
        out += _uri_forms(text)
        out.append(bytes(obj).decode("latin-1"))
    elif isinstance(obj, pikepdf.Name):
        out.append(str(obj))
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            if not getattr(item, "is_indirect", False):
                _walk(item, out, depth + 1)
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for key in obj.keys():
            out.append(key)
            item = obj.get(key)
            if item is not None and not getattr(item, "is_indirect", False):
                _walk(item, out, depth + 1)


def jpeg_segments(jpeg: bytes) -> list[bytes]:
    """The APPn and COM segments of a JPEG (everything before the scan that is not pixels)."""
    segments, i = [], 2
    while i + 4 <= len(jpeg) and jpeg[i] == 0xFF:
        marker = jpeg[i + 1]
        if marker == 0xDA:  # start of scan: the pixels follow
            break
        length = int.from_bytes(jpeg[i + 2:i + 4], "big")
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            segments.append(jpeg[i + 4:i + 2 + length])
        i += 2 + length
    return segments


def link_uris(pdf: pikepdf.Pdf) -> list[str]:
    uris = []
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action.URI))
            if "/Contents" in annot:
                uris.append(str(annot.Contents))
    return uris
