"""Every byte of the file, decompressed: each stream (content, fonts, images, colour profiles, anything) and
every string object. An image or font program is binary: only long values and phone digits are looked
for in it (short values turn up in random bytes); every other stream is text.

=================  =========================================================================================
raw-streams        a removed value is in any decompressed stream or string of the file (image samples and
                   font programs included)
metadata           a value of the input's Info or XMP metadata is in the file and not in its visible text
=================  =========================================================================================
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import pikepdf

from .matcher import Matcher
from .structure import direct

_XMP_TEXT = re.compile(rb">([^<>]{3,})<")


@dataclass
class Blob:
    data: bytes
    binary: bool


def font_programs(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    found = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and str(obj.get("/Type", "")) == "/FontDescriptor":
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                program = obj.get(key)
                if isinstance(program, pikepdf.Stream) and program.is_indirect:
                    found.add(program.objgen)
    return found


def decoded(stream: pikepdf.Stream) -> bytes:
    """The stream's bytes with every filter pikepdf can undo without a lossy decoder undone; a JPEG or
    JPEG 2000 image stays as its file bytes (its segments are read by the image check)."""
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        pass
    raw = stream.read_raw_bytes()
    filters = stream.get("/Filter")
    first = filters[0] if isinstance(filters, pikepdf.Array) and len(filters) else filters
    if str(first) == "/FlateDecode":
        try:
            return zlib.decompressobj().decompress(raw)
        except zlib.error:
            return raw
    return raw


def blobs(pdf: pikepdf.Pdf) -> tuple[list[Blob], list[str]]:
    """Every stream's bytes and every string object's text."""
    fonts = font_programs(pdf)
    out: list[Blob] = []
    strings: list[str] = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            binary = str(obj.get("/Subtype", "")) == "/Image" or obj.objgen in fonts \
                or "/N" in obj and "/Alternate" in obj
            out.append(Blob(decoded(obj), binary))
        collect_strings(obj, strings, 0)
    return out, strings


def collect_strings(obj, out: list[str], depth: int) -> None:
    if depth > 16:
        return
    if isinstance(obj, pikepdf.String):
        out.append(_string_text(obj))
    elif isinstance(obj, pikepdf.Array):
        for v in obj:
            if isinstance(v, pikepdf.String) or direct(v):
                collect_strings(v, out, depth + 1)
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for k in obj.keys():
            v = obj.get(k)
            if isinstance(v, pikepdf.String) or direct(v):
                collect_strings(v, out, depth + 1)


def _string_text(s: pikepdf.String) -> str:
    raw = bytes(s)
    texts = [str(s), raw.decode("latin-1")]
    if raw.startswith(b"\xfe\xff"):
        texts.append(raw[2:].decode("utf-16-be", "ignore"))
    return "\n".join(texts)


def text_forms(data: bytes) -> list[str]:
    """A byte string read the ways a producer may have written text into it."""
    forms = [data.decode("latin-1")]
    if not data[:65536].isascii():  # a byte above 127
        forms.append(data.decode("utf-8", "ignore"))
    if b"\x00" in data[:65536]:
        forms += [data.decode("utf-16-be", "ignore"), data.decode("utf-16-le", "ignore"),
                  data[1:].decode("utf-16-be", "ignore")]
    return forms


def leaks(blob_list: list[Blob], strings: list[str], matcher: Matcher) -> bool:
    if matcher.empty:
        return False
    for blob in blob_list:
        if blob.binary:
            if matcher.search_binary(blob.data):
                return True
        elif any(matcher.search(t) for t in text_forms(blob.data)):
            return True
    return bool(strings) and matcher.search("\n".join(strings))


def input_metadata(pdf: pikepdf.Pdf) -> list[str]:
    """The text values of the input's Info dictionary and of every XMP packet."""
    values: list[str] = []
    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary):
        values += [str(v) for _, v in info.items() if isinstance(v, pikepdf.String)]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and str(obj.get("/Subtype", "")) == "/XML":
            try:
                data = obj.read_bytes()
            except pikepdf.PdfError:
                continue
            values += [m.group(1).decode("utf-8", "replace") for m in _XMP_TEXT.finditer(data)]
    return [v.strip() for v in values if len(v.strip()) >= 4 and not v.strip().startswith("uuid:")]
