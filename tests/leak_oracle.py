"""An independent leak oracle for redacted PDFs, used only by the tests (it never imports ``redaction``).

Given an output PDF, the values that must be gone and the Part 2 text that must not be in Part 1, it reads
the file every way we know and reports each finding as ``Leak(reader, what)`` — ``what`` names the class
("value 0", "part2 n-gram", "font glyphs") and never the value itself:

- text: pdfium (pypdfium2), pdfminer.six, poppler ``pdftotext``;
- bytes: every object (strings decoded as PDF text, UTF-16 and URI escapes), every stream decompressed,
  images' raw (still encoded) bytes, JPEG metadata segments (APPn, COM), embedded font programs;
- images: ``pdfimages -all`` files, their bytes and their pixels (tesseract OCR); every picture stream in
  the file (thumbnails and unused images too) decoded by pikepdf and read by tesseract;
- pixels: every page rendered by pdfium and read by tesseract (text drawn as outlines, patterns, masks);
- links: every URI decoded (percent, ``+``, ``mailto:`` display names, ``tel:`` in any phone form);
- fonts: a subset font that still maps a character only the removed values used.

A value is matched after folding case and dropping everything but letters and digits; a phone number also
by its national significant number (``07700 900987`` == ``+44 7700 900987`` == ``tel:0044-7700-900987``).
Part 2 text is matched by word n-grams, so a reading order that splits lines does not hide it.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, unquote_plus

import pikepdf
import pypdfium2 as pdfium
from pdfminer.high_level import extract_text

NGRAM = 5
OCR_MIN_SIDE = 60  # smaller pictures hold no readable line of text


@dataclass(frozen=True)
class Leak:
    reader: str
    what: str

    def __str__(self) -> str:
        return f"{self.what} found by {self.reader}"


def squash(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def value_forms(value: str) -> list[str]:
    """The squashed forms a value can take: itself, and for a phone number its national significant number."""
    forms = [squash(value)]
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 9 and len(digits) >= len(squash(value)) - 1:
        nsn = digits[2:] if digits.startswith("44") else digits.lstrip("0")
        forms.append(nsn)
    return [f for f in forms if f]


# --- readers ------------------------------------------------------------------------------------------


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


def extracted_images(data: bytes, ocr: bool = True) -> dict[str, list[str]]:
    """``pdfimages -all``: every image as a file; its bytes, and (when tesseract is there) its pixels read."""
    out: dict[str, list[str]] = {"pdfimages files": [], "pdfimages OCR": []}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(data)
        subprocess.run(["pdfimages", "-q", "-all", str(src), str(Path(tmp) / "img")], capture_output=True,
                       timeout=300)
        for path in sorted(Path(tmp).glob("img-*")):
            out["pdfimages files"] += _decode_variants(path.read_bytes())
            if ocr and shutil.which("tesseract") and path.suffix in (".png", ".jpg", ".ppm", ".pbm", ".pgm",
                                                                      ".tif", ".jp2"):
                out["pdfimages OCR"].append(_ocr(path))
    return out


def rendered_ocr(data: bytes, scale: float = 2.5) -> str:
    """Every page drawn by pdfium and read back by tesseract: what a reader of the published page sees,
    whatever the drawing is made of (glyphs, outlines, patterns, masks, pictures)."""
    if not shutil.which("tesseract"):
        return ""
    doc = pdfium.PdfDocument(data)
    texts = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(len(doc)):
                png = Path(tmp) / f"page{i}.png"
                doc[i].render(scale=scale).to_pil().convert("L").save(png)
                run = subprocess.run(["tesseract", str(png), "stdout"], capture_output=True, timeout=300)
                texts.append(run.stdout.decode("utf-8", "replace"))
    finally:
        doc.close()
    return "\n".join(texts)


def image_object_ocr(data: bytes) -> list[str]:
    """Every stream that is a picture (image XObjects, page thumbnails, used or not) decoded by pikepdf and
    read by tesseract — pdfimages only sees pictures a page draws."""
    if not shutil.which("tesseract"):
        return []
    texts = []
    with pikepdf.open(io.BytesIO(data)) as pdf, tempfile.TemporaryDirectory() as tmp:
        drawn = _page_resources_images(pdf)  # pdfimages already reads these
        for n, obj in enumerate(pdf.objects):
            if not isinstance(obj, pikepdf.Stream) or "/Width" not in obj or "/Height" not in obj:
                continue
            if obj.objgen in drawn:
                continue
            if obj.get("/ImageMask") or int(obj.Width) < OCR_MIN_SIDE or int(obj.Height) < OCR_MIN_SIDE:
                continue
            if "/Subtype" not in obj:  # a /Thumb has no type; this copy of the file is never saved
                obj.Subtype = pikepdf.Name.Image
            try:
                image = pikepdf.PdfImage(obj).as_pil_image()
            except Exception:  # a codec Pillow lacks: pdfimages and the byte scan still look at it
                continue
            path = Path(tmp) / f"obj{n}.png"
            image.convert("RGB").save(path)
            texts.append(_ocr(path))
    return texts


def _page_resources_images(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()

    def walk(resources, depth: int) -> None:
        xobjects = resources.get("/XObject") if resources is not None else None
        for _, xobj in (xobjects.items() if xobjects is not None else []):
            if xobj.objgen in seen or depth > 10:
                continue
            seen.add(xobj.objgen)
            if xobj.get("/Subtype") == "/Form":
                walk(xobj.get("/Resources"), depth + 1)
    for page in pdf.pages:
        walk(page.obj.get("/Resources"), 0)
    return seen


def _ocr(path: Path) -> str:
    from PIL import Image

    try:
        with Image.open(path) as im:
            if min(im.size) < OCR_MIN_SIDE:
                return ""
            if max(im.size) < 1200 or max(im.size) > 2400:  # small pictures read better enlarged; a
                scale = (1200 if max(im.size) < 1200 else 2400) / max(im.size)  # page scan needs no more
                im = im.convert("RGB").resize((int(im.width * scale), int(im.height * scale)))
            png = path.with_suffix(".ocr.png")
            im.convert("RGB").save(png)
    except OSError:
        return ""
    run = subprocess.run(["tesseract", str(png), "stdout"], capture_output=True, timeout=120)
    return run.stdout.decode("utf-8", "replace")


# --- fonts ----------------------------------------------------------------------------------------------


def subset_font_chars(data: bytes) -> set[str]:
    """Characters every embedded subset font still maps (its ToUnicode and its own cmap)."""
    chars: set[str] = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
                continue
            if not re.match(r"^/[A-Z]{6}\+", str(obj.get("/BaseFont", ""))):
                continue
            tounicode = obj.get("/ToUnicode")
            if isinstance(tounicode, pikepdf.Stream):
                chars |= _cmap_chars(tounicode.read_bytes())
            chars |= _program_chars(obj, codes_are_chars=not isinstance(tounicode, pikepdf.Stream))
    return chars


def _cmap_chars(cmap: bytes) -> set[str]:
    text = cmap.decode("latin-1")
    chars: set[str] = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for _, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            chars |= set(_utf16(dst))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = _utf16(dst)
            if len(first) == 1:
                chars |= {chr(ord(first) + k) for k in range(int(hi, 16) - int(lo, 16) + 1)}
        for lo, _, arr in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[(.*?)\]", block, re.S):
            for dst in re.findall(r"<([0-9A-Fa-f]+)>", arr):
                chars |= set(_utf16(dst))
    return chars


def _utf16(hexstr: str) -> str:
    try:
        return bytes.fromhex(hexstr).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


def _program_chars(font: pikepdf.Dictionary, codes_are_chars: bool) -> set[str]:
    """Characters named by the font program itself (a TrueType/OpenType Unicode cmap, CFF glyph names, and
    with no ToUnicode map a symbol or Mac cmap whose codes readers take as the characters)."""
    from fontTools.agl import toUnicode
    from fontTools.ttLib import TTFont

    descendants = font.get("/DescendantFonts")
    target = descendants[0] if descendants is not None and len(descendants) else font
    desc = target.get("/FontDescriptor")
    if desc is None:
        return set()
    chars: set[str] = set()
    for key in ("/FontFile2", "/FontFile3"):
        stream = desc.get(key)
        if stream is None:
            continue
        blob = stream.read_bytes()
        try:
            if key == "/FontFile2" or blob[:4] == b"OTTO":
                tt = TTFont(io.BytesIO(blob), lazy=True)
                cmap = tt["cmap"].getBestCmap() if "cmap" in tt else None
                chars |= {chr(c) for c in (cmap or {}) if c >= 0x20 and not 0xF000 <= c <= 0xF0FF}
                if codes_are_chars and "cmap" in tt:
                    for table in tt["cmap"].tables:
                        if (table.platformID, table.platEncID) == (3, 0):
                            chars |= {bytes([c & 0xFF]).decode("cp1252", "ignore") for c in table.cmap}
                        elif (table.platformID, table.platEncID) == (1, 0):
                            chars |= {bytes([c & 0xFF]).decode("mac_roman") for c in table.cmap}
                if "post" in tt and tt["post"].formatType == 2.0:
                    chars |= {toUnicode(n) for n in tt.getGlyphOrder()} - {""}
            else:
                from fontTools.cffLib import CFFFontSet

                cff = CFFFontSet()
                cff.decompile(io.BytesIO(blob), None)
                for name in cff.keys():
                    top = cff[name]
                    if not hasattr(top, "ROS"):  # CID-keyed fonts name glyphs by number
                        chars |= {toUnicode(n) for n in top.charset} - {""}
        except Exception:  # a font fontTools cannot parse: its bytes are still scanned as text
            continue
    return {c for ch in chars for c in ch}


# --- the oracle -------------------------------------------------------------------------------------------


def texts(data: bytes, ocr: bool = True) -> dict[str, list[str]]:
    found = {"pdfium": [pdfium_text(data)], "pdfminer": [pdfminer_text(data)], "pdftotext": [poppler_text(data)]}
    found.update(object_bytes(data))
    found.update(extracted_images(data, ocr=ocr))
    if ocr:
        found["rendered page OCR"] = [rendered_ocr(data)]
        found["image objects OCR"] = image_object_ocr(data)
    return found


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def part2_ngrams(part2_text: list[str], n: int = NGRAM) -> set[str]:
    grams = set()
    for sentence in part2_text:
        w = words(sentence)
        grams |= {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}
        if len(w) < n and w:
            grams.add(" ".join(w))
    return grams


def leaks(data: bytes, values: list[str], part2_text: list[str] = (), ocr: bool = True) -> list[Leak]:
    """Every (reader, class) where a removed value or a Part 2 word sequence is still in ``data``."""
    found: list[Leak] = []
    by_reader = texts(data, ocr=ocr)
    grams = part2_ngrams(list(part2_text))
    for reader, chunks in by_reader.items():
        flat = "\n".join(squash(c) for c in chunks)
        for i, value in enumerate(values):
            if any(form in flat for form in value_forms(value)):
                found.append(Leak(reader, f"value {i}"))
        if grams:
            joined = " " + " ".join(" ".join(words(c)) for c in chunks) + " "
            if any(f" {g} " in joined for g in grams):
                found.append(Leak(reader, "part2 n-gram"))
    found += font_leaks(data, values, by_reader)
    return found


def font_leaks(data: bytes, values: list[str], by_reader: dict[str, list[str]] | None = None) -> list[Leak]:
    """A subset font that still maps a character used only by removed text (the subset spells it)."""
    by_reader = by_reader or {"pdfium": [pdfium_text(data)], "pdfminer": [pdfminer_text(data)]}
    shown = set("".join(by_reader["pdfium"] + by_reader["pdfminer"] + by_reader.get("pdftotext", [])))
    removed_only = {c for v in values for c in v if c.isalpha()} - shown
    return [Leak("font programs", "font glyphs of removed text")] if removed_only & subset_font_chars(data) else []


# --- the outputs themselves ---------------------------------------------------------------------------------


def part_problems(data: bytes | None, label: str) -> list[str]:
    """A part must be a non-empty PDF that pikepdf and pdfium reopen, with at least one page."""
    if not data:
        return [f"{label} is empty"]
    problems = []
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) == 0:
                problems.append(f"{label} has no page (pikepdf)")
    except pikepdf.PdfError:
        problems.append(f"{label} does not reopen (pikepdf)")
    try:
        doc = pdfium.PdfDocument(data)
        if len(doc) == 0:
            problems.append(f"{label} has no page (pdfium)")
        doc.close()
    except pdfium.PdfiumError:
        problems.append(f"{label} does not reopen (pdfium)")
    return problems
