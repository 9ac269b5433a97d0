"""An image's samples decoded from its PDF stream into an array, and packed back.

Only filters the engine can decode itself are accepted: the general ones qpdf decodes (Flate with
predictors, LZW, RunLength, ASCIIHex, ASCII85), DCT (JPEG, through Pillow), JPX when Pillow can read it,
and CCITT fax and JBIG2 scans (when pikepdf has a decoder), decoded to their appearance. Anything else —
Crypt, an unknown filter, JBIG2 without jbig2dec — or data shorter than the image raises
:class:`ImageNotEditable`. Bytes past the last row are dropped: they are not pixels, and can carry anything.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
import pikepdf
from PIL import Image

_GENERAL = {"/FlateDecode", "/LZWDecode", "/RunLengthDecode", "/ASCIIHexDecode", "/ASCII85Decode",
            "/Fl", "/LZW", "/RL", "/AHx", "/A85"}
_JPEG = {"/DCTDecode", "/DCT"}
_JPX = {"/JPXDecode"}
_BILEVEL = {"/CCITTFaxDecode", "/CCF", "/JBIG2Decode"}  # through pikepdf (JBIG2 only with jbig2dec)
_COMPONENTS = {"/DeviceGray": 1, "/G": 1, "/DeviceRGB": 3, "/RGB": 3, "/DeviceCMYK": 4, "/CMYK": 4,
               "/CalGray": 1, "/CalRGB": 3, "/Lab": 3, "/Indexed": 1, "/I": 1, "/Separation": 1}
_MAX_PIXELS = 200_000_000


class ImageNotEditable(Exception):
    pass


@dataclass
class Samples:
    width: int
    height: int
    components: int
    bpc: int
    values: np.ndarray  # (height, width * components) sample values
    image_mask: bool = False
    jpeg: bool = False  # decoded from a grey or RGB JPEG (may be written as JPEG again)
    decode_applied: bool = False  # the samples are the appearance: the /Decode array is already applied

    def fill(self, rect: tuple[int, int, int, int], value: int) -> None:
        x0, y0, x1, y1 = rect
        c = self.components
        self.values[max(y0, 0):max(y1, 0), max(x0, 0) * c:max(x1, 0) * c] = value

    def fill_where(self, hidden: np.ndarray, value: int) -> None:
        """Set every component of the pixels where ``hidden`` (height, width) is True."""
        self.values.reshape(self.height, self.width, self.components)[hidden] = value

    def crop(self, rect: tuple[int, int, int, int]) -> "Samples":
        x0, y0, x1, y1 = rect
        x1, y1 = min(x1, self.width), min(y1, self.height)
        c = self.components
        values = np.ascontiguousarray(self.values[y0:y1, x0 * c:x1 * c])
        return Samples(x1 - x0, y1 - y0, c, self.bpc, values, self.image_mask, self.jpeg, self.decode_applied)

    def pack(self) -> bytes:
        if self.bpc == 8:
            return self.values.astype(np.uint8).tobytes()
        if self.bpc == 16:
            return self.values.astype(">u2").tobytes()
        bits = self.bpc
        shifts = np.arange(bits - 1, -1, -1, dtype=np.uint8)
        unpacked = ((self.values[:, :, None].astype(np.uint8) >> shifts) & 1).reshape(self.height, -1)
        return np.packbits(unpacked, axis=1).tobytes()  # each row padded to a whole byte, as PDF wants


def components(stream: pikepdf.Stream) -> int:
    if stream.get("/ImageMask") is True:
        return 1
    cs = stream.get("/ColorSpace")
    if isinstance(cs, pikepdf.Name):
        n = _COMPONENTS.get(str(cs))
    elif isinstance(cs, pikepdf.Array) and len(cs) >= 1:
        family = str(cs[0])
        if family in ("/ICCBased",) and len(cs) >= 2 and isinstance(cs[1], pikepdf.Stream):
            n = int(cs[1].get("/N", 0))
        elif family == "/DeviceN" and len(cs) >= 2 and isinstance(cs[1], pikepdf.Array):
            n = len(cs[1])
        else:
            n = _COMPONENTS.get(family)
    else:
        n = None
    if not n or n > 32:
        raise ImageNotEditable("colour space")
    return n


def decode_samples(stream: pikepdf.Stream) -> Samples:
    width, height = int(stream.get("/Width", 0)), int(stream.get("/Height", 0))
    if width <= 0 or height <= 0 or width * height > _MAX_PIXELS:
        raise ImageNotEditable("image size")
    image_mask = stream.get("/ImageMask") is True
    filters = stream.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)] if filters else []
    if names and names[-1] in _JPEG and all(n in _GENERAL for n in names[:-1]):
        return _from_pil(stream, _pil(stream, names, "jpeg"), width, height, image_mask)
    if names and names[-1] in _JPX and len(names) == 1 and int(stream.get("/SMaskInData", 0)) == 0:
        samples = _from_pil(stream, _pil(stream, names, "jpx"), width, height, image_mask)
        samples.jpeg, samples.decode_applied = False, True  # a JPX image's /Decode is ignored by readers
        return samples
    if names and names[-1] in _BILEVEL and len(names) == 1:
        return _bilevel(stream, width, height, image_mask)
    if not all(n in _GENERAL for n in names):
        raise ImageNotEditable("filter " + ",".join(n for n in names if n not in _GENERAL)[:40])
    bpc = 1 if image_mask else int(stream.get("/BitsPerComponent", 0))
    if bpc not in (1, 2, 4, 8, 16):
        raise ImageNotEditable("bits per component")
    n = components(stream)
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError:
        raise ImageNotEditable("undecodable data") from None
    return Samples(width, height, n, bpc, _unpack(data, width, height, n, bpc), image_mask)


def _pil(stream: pikepdf.Stream, names: list[str], kind: str) -> Image.Image:
    try:
        if len(names) == 1:
            data = stream.read_raw_bytes()
        else:  # [general..., DCT]: undo the general filters only
            scratch = pikepdf.new()  # held: a stream dies with its document
            outer = pikepdf.Stream(scratch, stream.read_raw_bytes())
            outer.Filter = pikepdf.Array([pikepdf.Name(n) for n in names[:-1]])
            if isinstance(stream.get("/DecodeParms"), pikepdf.Array):
                outer.DecodeParms = pikepdf.Array(list(stream.DecodeParms)[:-1])
            data = outer.read_bytes()
        pil = Image.open(io.BytesIO(data))
        pil.load()
    except Exception as exc:  # Pillow and pikepdf raise many types for bad data
        raise ImageNotEditable(f"{kind} data ({type(exc).__name__})") from None
    return pil


def _from_pil(stream, pil: Image.Image, width: int, height: int, image_mask: bool) -> Samples:
    if image_mask or pil.size != (width, height):
        raise ImageNotEditable("JPEG size or stencil")
    bands = {"L": 1, "RGB": 3, "CMYK": 4}.get(pil.mode)
    if bands is None:
        raise ImageNotEditable("JPEG colour mode")
    if "/ColorSpace" in stream and components(stream) != bands:
        raise ImageNotEditable("JPEG components")
    values = np.frombuffer(pil.tobytes(), dtype=np.uint8).reshape(height, width * bands).copy()
    if pil.mode == "CMYK" and "adobe" in pil.info:
        # Pillow inverts Adobe CMYK JPEGs; a PDF reader does not (the /Decode array does), so the samples
        # the PDF means are the inverted ones.
        values = 255 - values
    return Samples(width, height, bands, 8, values, False, jpeg=bands in (1, 3))


def _bilevel(stream: pikepdf.Stream, width: int, height: int, image_mask: bool) -> Samples:
    """A fax or JBIG2 scan, decoded by pikepdf to its appearance (BlackIs1 and /Decode applied); a
    JBIG2 global symbol dictionary is applied here, so nothing shared with other pages is written."""
    if image_mask or int(stream.get("/BitsPerComponent", 1)) != 1 or components(stream) != 1 \
            or str(stream.get("/ColorSpace")) not in ("/DeviceGray", "/G"):
        raise ImageNotEditable("bilevel image as a stencil or in a colour space")
    try:
        pil = pikepdf.PdfImage(stream).as_pil_image()
        pil.load()
    except Exception as exc:  # a missing decoder (jbig2dec) or bad data
        raise ImageNotEditable(f"bilevel data ({type(exc).__name__})") from None
    if pil.size != (width, height):
        raise ImageNotEditable("bilevel size")
    packed = pil.convert("1").tobytes()  # 1 = white, rows padded to a byte: DeviceGray without /Decode
    return Samples(width, height, 1, 1, _unpack(packed, width, height, 1, 1), decode_applied=True)


def _unpack(data: bytes, width: int, height: int, n: int, bpc: int) -> np.ndarray:
    stride = math.ceil(width * n * bpc / 8)
    if len(data) < stride * height:
        raise ImageNotEditable("image data too short")
    rows = np.frombuffer(data, dtype=np.uint8, count=stride * height).reshape(height, stride)
    if bpc == 8:
        return rows[:, :width * n].copy()
    if bpc == 16:
        return rows.view(">u2")[:, :width * n].astype(np.uint16)
    bits = np.unpackbits(rows, axis=1)[:, :width * n * bpc].reshape(height, width * n, bpc)
    weights = (1 << np.arange(bpc - 1, -1, -1)).astype(np.uint8)
    return (bits * weights).sum(axis=2).astype(np.uint8)


def strip_jpeg_segments(data: bytes) -> bytes:
    """The JPEG without any APPn (JFIF, EXIF, XMP, ICC, Adobe...) or COM segment."""
    if data[:2] != b"\xff\xd8":
        raise ImageNotEditable("JPEG encoder output")
    out, i = bytearray(b"\xff\xd8"), 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise ImageNotEditable("JPEG structure")
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the entropy-coded data and the end follow
            out += data[i:]
            return bytes(out)
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE):
            out += data[i:i + 2 + length]
        i += 2 + length
    raise ImageNotEditable("JPEG structure")
