"""Every byte of the file, decompressed: each stream (content, fonts, images, colour profiles, anything) and
every string object. An image, a font program, a font's code tables (``/CIDToGIDMap``, ``/CIDSet``), a
colour profile or a cross-reference stream (the saver's offsets) is binary: only long values and phone
digits are looked for in it (short values turn up in random bytes); every other stream is text.

A CMap (a font's ``/ToUnicode`` or ``/Encoding``) is read as a reader extracts from it: each text one code
maps to, and everything but its tables' well-formed entries, with every value; the whole of it, read every
way, with the long values and phone digits only (its table's codes and texts read in a row spell short
words by chance: ``<0052> <006F> <0053>`` reads "R o S"). Names and dictionary keys are read one at a time
with every value (a font, a resource, a colourant or a tag named after the person), all of them in a row
with the long values only; a standard glyph name (``/R``, ``/Eta``) is extracted as its one character and
is not read as a word. An object stream (the objects the walk reads one by one, written in a row) is read
with every value but without its names (``/Differences [82 /R /o /s]`` reads "R o s"), and whole with the
long values.

=================  =========================================================================================
raw-streams        a removed value is in any decompressed stream, string or name of the file (image samples
                   and font programs included)
metadata           a value of the input's Info or XMP metadata is in the file and not in its visible text
=================  =========================================================================================
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import pikepdf
from fontTools import agl

from .cmaps import cmap_text
from .matcher import Matcher, collapse, words
from .structure import direct

_XMP_TEXT = re.compile(rb">([^<>]{3,})<")


@dataclass
class Blob:
    data: bytes
    binary: bool
    page: bool = False  # a page's own content stream: the text readers read its text
    cmap: bool = False  # a CMap: its mapped texts and its other text with every value, the rest with long ones
    objects: bool = False  # an object stream: its text but names with every value, all of it with long ones
    names: tuple[str, ...] = ()  # names and keys, each read on its own with every value


def font_tables(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """Streams read as numbers, never as text: a font's ``/CIDToGIDMap`` (glyph ids) and ``/CIDSet`` (bits),
    a colour profile (an ``/ICCBased`` space's stream, an output intent's ``/DestOutputProfile``)."""
    found: set[tuple[int, int]] = set()
    for obj in pdf.objects:
        _tables(obj, found, 0)
    return found


def _tables(obj, found: set, depth: int) -> None:
    """The tables ``obj`` and the direct objects it holds name (a page's colour spaces are direct)."""
    if depth > 16:
        return
    tables, held = [], []
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        tables = [obj.get(key) for key in ("/CIDToGIDMap", "/CIDSet", "/DestOutputProfile")]
        held = [obj.get(k) for k in obj.keys()]
    elif isinstance(obj, pikepdf.Array):
        if len(obj) == 2 and str(obj[0]) == "/ICCBased":
            tables = [obj[1]]
        held = list(obj)
    found |= {t.objgen for t in tables if isinstance(t, pikepdf.Stream) and t.is_indirect}
    for value in held:
        if isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
            _tables(value, found, depth + 1)


def cmap_streams(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """A font's ``/ToUnicode`` or ``/Encoding`` stream, a CMap's ``/UseCMap``, any stream typed ``/CMap``."""
    found = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and str(obj.get("/Type", "")) == "/CMap" and obj.is_indirect:
            found.add(obj.objgen)
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            for key in ("/ToUnicode", "/Encoding", "/UseCMap"):
                cmap = obj.get(key)
                if isinstance(cmap, pikepdf.Stream) and cmap.is_indirect:
                    found.add(cmap.objgen)
    return found


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
    """Every stream's bytes and every string object's text, the trailer's included (``pdf.objects`` does not
    hold the trailer: a key a producer added there is written into every output that keeps it)."""
    fonts = font_programs(pdf) | font_tables(pdf)
    cmaps = cmap_streams(pdf) - fonts
    out: list[Blob] = []
    strings: list[str] = []
    names: list[str] = []
    for key in pdf.trailer.keys():
        value = pdf.trailer.get(key)
        if key == "/ID":  # the file identifier, bytes the save computes: read like binary data
            ids = [bytes(v) for v in value if isinstance(v, pikepdf.String)] if isinstance(value, pikepdf.Array) else []
            out.append(Blob(b"\n".join(ids), True))
        elif isinstance(value, pikepdf.String) or direct(value):
            collect_strings(value, strings, 1)
    contents = _page_contents(pdf)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            binary = str(obj.get("/Subtype", "")) == "/Image" or obj.objgen in fonts \
                or "/N" in obj and "/Alternate" in obj or str(obj.get("/Type", "")) == "/XRef"
            out.append(Blob(decoded(obj), binary, obj.objgen in contents, cmap=not binary and obj.objgen in cmaps,
                            objects=str(obj.get("/Type", "")) == "/ObjStm"))
        collect_strings(obj, strings, 0, names)
    if names:  # dictionary keys and name values: in a row like binary data, each on its own as text
        words = tuple(sorted({n for n in names if n.lstrip("/") not in agl.AGL2UV}))
        out.append(Blob("\n".join(names).encode("latin-1", "replace"), True, names=words))
    return out, strings


def _page_contents(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    found = set()
    for page in pdf.pages:
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, pikepdf.Array) else [contents]:
            if isinstance(stream, pikepdf.Stream) and stream.is_indirect:
                found.add(stream.objgen)
    return found


def collect_strings(obj, out: list[str], depth: int, names: list[str] | None = None) -> None:
    """The text of every string held in ``obj``; with ``names``, every name and dictionary key too (pikepdf
    gives them with their ``#xx`` escapes undone)."""
    if depth > 16:
        return
    if isinstance(obj, pikepdf.String):
        out.append(_string_text(obj))
    elif isinstance(obj, pikepdf.Name):
        if names is not None:
            names.append(str(obj))
    elif isinstance(obj, pikepdf.Array):
        for v in obj:
            if isinstance(v, (pikepdf.String, pikepdf.Name)) or direct(v):
                collect_strings(v, out, depth + 1, names)
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for k in obj.keys():
            if names is not None:
                names.append(k)
            v = obj.get(k)
            if isinstance(v, (pikepdf.String, pikepdf.Name)) or direct(v):
                collect_strings(v, out, depth + 1, names)


def _string_text(s: pikepdf.String) -> str:
    raw = bytes(s)
    texts = [str(s), raw.decode("latin-1")]
    if raw.startswith(b"\xfe\xff"):
        texts.append(raw[2:].decode("utf-16-be", "ignore"))
    return "\n".join(texts)


_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_NAME = re.compile(rb"/[^\s/\[\]<>(){}%]*")  # a name token: read one at a time (see ``Blob.names``)
_HEX_STRING = re.compile(rb"(?<!<)<([0-9A-Fa-f\s]{2,})>(?!>)")
_OCTAL = re.compile(rb"\\([0-7]{1,3})")


def _hex_text(match: re.Match) -> bytes:
    raw = re.sub(rb"\s", b"", match.group(1))
    raw = bytes.fromhex((raw + b"0" * (len(raw) % 2)).decode())
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "ignore").encode("latin-1", "replace")
    return raw


def text_forms(data: bytes, strings: bool = True) -> list[str]:
    """A byte string read the ways a producer may have written text into it: as it is; a name's ``#20``
    escapes undone (``/Jane#20Doe BMC``); a content stream's hex strings and octal escapes undone
    (``<4A616E65> Tj``, ``(\\112ane) Tj``: text a reader does not extract, in a Type 3 glyph or a form no page
    draws, is found in the bytes only so; ``strings`` False for a page's own content, whose text the text
    readers read: a CID font's hex glyph codes there are many and say nothing)."""
    forms = [data.decode("latin-1")]
    if b"#" in data and _NAME_ESCAPE.search(data):
        forms.append(_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data).decode("latin-1"))
    if strings and ((b"<" in data and _HEX_STRING.search(data)) or (b"\\" in data and _OCTAL.search(data))):
        strings = _HEX_STRING.sub(_hex_text, data)
        strings = _OCTAL.sub(lambda m: bytes([int(m.group(1), 8) & 0xFF]), strings)
        forms.append(strings.decode("latin-1"))
    if not data[:65536].isascii():  # a byte above 127
        forms.append(data.decode("utf-8", "ignore"))
    if b"\x00" in data[:65536]:
        forms += [data.decode("utf-16-be", "ignore"), data.decode("utf-16-le", "ignore"),
                  data[1:].decode("utf-16-be", "ignore")]
    return forms


def leaks(blob_list: list[Blob], strings: list[str], matcher: Matcher, folded: list | None = None) -> bool:
    """Whether ``matcher`` finds a value in what :func:`readings` reads of the streams and strings; ``folded``:
    those readings already made (the raw-streams and metadata checks of one output share them)."""
    if matcher.empty:
        return False
    for anywhere, flat in readings(blob_list, strings) if folded is None else folded:
        if matcher.search_folded(flat) if anywhere else matcher.search_long_folded(flat):
            return True
    return False


def readings(blob_list: list[Blob], strings: list[str]) -> list[tuple[bool, str]]:
    """Every text the streams and strings are read as, folded once (``collapse``), each with whether every
    value is looked for in it (True) or only the long ones and phone digits (binary data, a CMap's or an
    object stream's bytes read whole: ``Matcher.search_long``)."""
    texts: list[tuple[bool, str]] = []
    for blob in blob_list:
        if blob.binary:
            texts.append((False, blob.data.decode("latin-1")))  # Matcher.search_binary
            if blob.names:
                texts.append((True, apart(blob.names)))
        elif blob.cmap:
            rest, mapped = cmap_text(blob.data)
            texts += [(False, t) for t in text_forms(blob.data)] + [(True, t) for t in text_forms(rest)]
            if mapped:
                texts.append((True, apart(mapped)))
        elif blob.objects:
            texts += [(False, t) for t in text_forms(blob.data)] \
                + [(True, t) for t in text_forms(_NAME.sub(b" ", blob.data))]
        else:
            texts += [(True, t) for t in text_forms(blob.data, not blob.page)]
    if strings:
        texts.append((True, "\n".join(strings)))
    return [(anywhere, collapse(t)) for anywhere, t in texts]


def apart(texts) -> str:
    """``texts`` in one text that no value is found across: a word character no value holds (the micro
    sign, folded to Greek mu) stands between each two, where a newline would leave one space (the matcher
    allows one between a value's letters: names ``/R`` ``/o`` ``/s`` would read "R o s")."""
    return " \u00b5 ".join(texts)


def part2_in_bytes(blob_list: list[Blob], strings: list[str], grams: set) -> bool:
    """Part 2 text written anywhere but in what a page shows: a dictionary's string (a page's ``/Group``, a
    font, the trailer), a form no page draws, a Type 3 glyph. ``grams``: Part 2's word sequences that Part 1's
    own text does not show. Binary streams (images, font programs) are not read as words, nor a page's own
    content (the text readers read its text). Each text's words
    are compared only where one starts a sequence (a 50-page paper's streams are read in a few ms)."""
    if not grams:
        return False
    starts: dict[str, list[tuple[str, ...]]] = {}
    for gram in grams:
        starts.setdefault(gram[0], []).append(gram)
    texts = [t for blob in blob_list if not blob.binary and not blob.page for t in text_forms(blob.data)]
    texts.append("\n".join(strings))
    for text in texts:
        w = words(text)
        if starts.keys().isdisjoint(w):
            continue
        for i, word in enumerate(w):
            for gram in starts.get(word, ()):
                if tuple(w[i:i + len(gram)]) == gram:
                    return True
    return False


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
