"""Every image: decoded, and its metadata read.

=================  =========================================================================================
images             an image stream cannot be decoded (it cannot be proved clean), or a removed or metadata
                   value is in its metadata (JPEG APPn / COM segments, EXIF, XMP, ICC text, JPEG 2000 boxes,
                   what the decoder reports) or its decoded samples
image-metadata     an image still carries a metadata segment: EXIF, XMP, IPTC or a comment (the photographer's
                   name, a phone number, an address) — whatever it says, it was copied from the input
=================  =========================================================================================

JFIF (APP0) and Adobe (APP14) segments describe the pixels and are allowed; an ICC profile (APP2) is
allowed but its text tags are checked.
"""

from __future__ import annotations

import struct

import pikepdf
from pikepdf import PdfImage

from .matcher import Matcher
from .result import fail
from .streams import decoded, text_forms

_ALLOWED_APP = {0xE0, 0xEE}  # JFIF, Adobe
_ICC_APP = 0xE2
_JP2_METADATA_BOXES = {b"xml ", b"uuid", b"uinf", b"url "}


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, payload) of every segment before the image data."""
    out: list[tuple[int, bytes]] = []
    i = 2 if data[:2] == b"\xff\xd8" else 0
    if not i:
        return out
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            break
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        out.append((marker, data[i + 4:i + 2 + length]))
        if marker == 0xDA:  # start of scan: the rest is entropy-coded data (and perhaps trailing bytes)
            break
        i += 2 + length
    return out


def jp2_boxes(data: bytes) -> list[tuple[bytes, bytes]]:
    out, i = [], 0
    while i + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[i:i + 8])
        header = 8
        if size == 1 and i + 16 <= len(data):
            size, header = struct.unpack(">Q", data[i + 8:i + 16])[0], 16
        elif size == 0:
            size = len(data) - i
        if size < header:
            break
        out.append((kind, data[i + header:i + size]))
        i += size
    return out


def icc_text(profile: bytes) -> str:
    """The text of an ICC profile's tags (desc, cprt, dmnd, dmdd...), ASCII and UTF-16 alike."""
    texts = []
    if len(profile) < 132:
        return ""
    count = struct.unpack(">I", profile[128:132])[0]
    for n in range(min(count, 256)):
        entry = profile[132 + 12 * n:144 + 12 * n]
        if len(entry) < 12:
            break
        _sig, offset, size = struct.unpack(">4sII", entry)
        texts += text_forms(profile[offset:offset + size])
    return "\n".join(texts)


def check_images(pdf: pikepdf.Pdf, part: int, values: Matcher, hidden: Matcher) -> None:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and "/N" in obj and "/Subtype" not in obj:  # an ICC colour space
            text = icc_text(decoded(obj))
            if text and (values.search(text) or hidden.search(text)):
                fail("images", part)
            continue
        if not isinstance(obj, pikepdf.Stream) or str(obj.get("/Subtype", "")) != "/Image":
            continue
        data = decoded(obj)
        texts, metadata_found = _metadata_texts(data)
        if metadata_found:
            fail("image-metadata", part)
        try:
            image = PdfImage(obj).as_pil_image()
        except Exception:  # noqa: BLE001 - an image that cannot be decoded cannot be proved clean
            fail("images", part)
        for key, value in image.info.items():
            if key in ("exif", "xmp", "comment", "photoshop", "XML:com.adobe.xmp"):
                fail("image-metadata", part)
            if isinstance(value, bytes):
                texts += text_forms(value)
                if key == "icc_profile":
                    texts.append(icc_text(value))
            elif isinstance(value, str):
                texts.append(value)
        text = "\n".join(texts)
        if text and (values.search(text) or hidden.search(text)):
            fail("images", part)
        if values.search_binary(image.tobytes()):
            fail("images", part)


def _metadata_texts(data: bytes) -> tuple[list[str], bool]:
    """Texts to scan from the image file's own segments or boxes, and whether a metadata one is there."""
    texts: list[str] = []
    found = False
    if data[:2] == b"\xff\xd8":
        for marker, payload in jpeg_segments(data):
            if marker == 0xFE or (0xE0 <= marker <= 0xEF and marker not in _ALLOWED_APP):
                if marker == _ICC_APP and payload.startswith(b"ICC_PROFILE\x00"):
                    texts.append(icc_text(payload[14:]))
                    continue
                found = True
                texts += text_forms(payload)
    elif data[4:8] == b"jP  " or data[:4] == b"\xff\x4f\xff\x51":
        for kind, payload in _walk_jp2(data):
            if kind in _JP2_METADATA_BOXES:
                found = True
                texts += text_forms(payload)
    return texts, found


def _walk_jp2(data: bytes) -> list[tuple[bytes, bytes]]:
    out = []
    for kind, payload in jp2_boxes(data):
        out.append((kind, payload))
        if kind in (b"jp2h", b"res ", b"uinf"):
            out += jp2_boxes(payload)
    return out
