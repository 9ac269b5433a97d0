"""Re-encode every image an output keeps from its decoded samples, cropped to what is visible.

Nothing of an image's original data stream reaches an output: no JPEG segment (EXIF, XMP, COM, ICC or any
other APPn — the photographer's name and phone travel there), no bytes after the image data, no
``/Metadata``, and no pixel a clip path hides (LibreOffice crops a picture by clipping it, and
``pdfimages`` gives the whole picture back). The samples are decoded (:mod:`.samples`), the pixels under
a region are blanked, the array is cropped to the visible area and written again: as JPEG when the source
was a plain grey or RGB JPEG, otherwise as Flate. The colour space (ICCBased, Indexed, Cal*, Lab,
Separation, DeviceN, CMYK), ``/Decode``, a colour-key or stencil ``/Mask`` and an ``/SMask`` are kept —
the masks cropped and blanked like the image — so nothing is flattened to RGB or loses transparency.

An image whose data cannot be decoded (JBIG2 without jbig2dec, an unknown filter, a named inline colour
space, short data) raises :class:`ImageNotEditable`; the caller rasterises the page instead of passing it on.
"""

from __future__ import annotations

import io
import logging
import zlib
from dataclasses import dataclass

import pikepdf
from PIL import Image

from .geometry import Box, Matrix, Region
from .image_area import hidden_pixels, pixel_crop, pixel_rects, scale_crop, scale_rects, skewed, visible_fraction
from .samples import ImageNotEditable, Samples, decode_samples, strip_jpeg_segments

log = logging.getLogger(__name__)

__all__ = ["ImageNotEditable", "ImageRebuilder", "Rebuilt", "pixel_rects"]

_KEEP_NUMBERS = ("/Decode", "/Matte")
_KEEP_FLAGS = ("/Interpolate", "/Intent", "/ImageMask")


@dataclass
class Rebuilt:
    stream: pikepdf.Stream
    matrix: Matrix | None  # where the cropped image sits in the original's unit square; None: all of it


def _guarded(build, *args, **kwargs) -> pikepdf.Stream:
    """Any failure to decode or re-encode (odd data numpy or Pillow rejects) makes the page a picture
    rather than a crash or a pass-through."""
    try:
        return build(*args, **kwargs)
    except ImageNotEditable:
        raise
    except Exception as exc:  # noqa: BLE001 - fail closed on whatever the decoders raise
        raise ImageNotEditable(f"re-encoding ({type(exc).__name__})") from None


def _refuse_inline_images(stream: pikepdf.Stream) -> None:
    """An inline image in a content stream the walk does not rewrite (a pattern cell, a Type3 glyph, a
    soft-mask group) cannot be re-encoded in place: the page is rasterised instead."""
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError:
        raise ImageNotEditable("unreadable content") from None
    if b"ID" not in data:
        return
    try:
        ops = pikepdf.parse_content_stream(stream)
    except pikepdf.PdfError:
        raise ImageNotEditable("unparsable content") from None
    if any(isinstance(op, pikepdf.ContentStreamInlineImage) for op in ops):
        raise ImageNotEditable("inline image outside the page content")


class ImageRebuilder:
    """Rebuilds images into one output document; identical results are shared (a logo on every page)."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self._cache: dict = {}
        self._made: set = set()  # objgens of the streams written here: already clean

    def sweep(self, resources: pikepdf.Object, limit: int = 200_000) -> None:
        """Re-encode in place every image reachable from ``resources`` that the content walk did not
        rebuild: inside tiling patterns, soft-mask groups, Type3 glyphs. Raises :class:`ImageNotEditable`
        for one that cannot be decoded (the page is then rasterised)."""
        stack, seen = [(resources, "")], set()
        while stack:
            obj, via = stack.pop()
            limit -= 1
            if limit < 0:
                raise ImageNotEditable("too many objects")
            if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
                continue
            if obj.is_indirect:
                if obj.objgen in seen or obj.objgen in self._made:
                    continue
                seen.add(obj.objgen)
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                self._replace(obj)
                continue
            if isinstance(obj, pikepdf.Stream) and (via == "/CharProcs" or "/PatternType" in obj
                                                    or obj.get("/Subtype") == "/Form"):
                _refuse_inline_images(obj)
            if isinstance(obj, pikepdf.Array):
                stack.extend((v, via) for v in obj)
            else:
                inside = via == "/CharProcs" and not isinstance(obj, pikepdf.Stream)  # the glyph procedures
                stack.extend((v, via if inside else k) for k, v in obj.items() if k not in ("/Parent", "/P"))

    def _replace(self, image: pikepdf.Stream) -> None:
        w, h = int(image.get("/Width", 0)), int(image.get("/Height", 0))
        if w <= 0 or h <= 0:
            raise ImageNotEditable("image size")
        new = _guarded(self._build, image, (0, 0, w, h), (), mask_role=None)
        image.write(new.read_raw_bytes(), filter=new.Filter)
        for key in list(image.keys()):
            if key not in new and key != "/Length":
                del image[key]
        for key, value in new.items():
            if key not in ("/Length", "/Filter"):
                image[key] = value
        self._made.add(image.objgen)

    def rebuild(self, image, placement: Matrix, regions: list[Region], visible: Box | None) -> Rebuilt | None:
        """The image as drawn at ``placement`` with ``regions`` blanked and only ``visible`` kept; None when
        none of it shows. ``image`` is an image XObject or a :class:`pikepdf.PdfInlineImage`."""
        area = visible_fraction(placement, visible)
        if area is None:
            return None
        stream, _keep = _as_stream(image)  # _keep holds an inline image's temporary document open
        width, height = int(stream.get("/Width", 0)), int(stream.get("/Height", 0))
        if width <= 0 or height <= 0:
            raise ImageNotEditable("image size")
        crop = pixel_crop(area, width, height)
        rects = tuple(pixel_rects(placement, width, height, regions))
        outside = (placement, visible) if visible is not None and skewed(placement) else None
        key = (stream.objgen, crop, rects, outside) if stream.objgen != (0, 0) and not isinstance(
            image, pikepdf.PdfInlineImage) else None
        if key is not None and key in self._cache:
            return self._cache[key]
        new = _guarded(self._build, stream, crop, rects, mask_role=None, outside=outside)
        matrix = None
        if crop != (0, 0, width, height):
            px0, py0, px1, py1 = crop
            u0, u1, v0, v1 = px0 / width, px1 / width, 1.0 - py1 / height, 1.0 - py0 / height
            matrix = (u1 - u0, 0.0, 0.0, v1 - v0, u0, v0)
        result = Rebuilt(self.pdf.make_indirect(new), matrix)
        self._made.add(result.stream.objgen)
        if key is not None:
            self._cache[key] = result
        return result

    def _build(self, stream: pikepdf.Stream, crop, rects, mask_role: str | None, outside=None) -> pikepdf.Stream:
        samples = decode_samples(stream)
        width, height = samples.width, samples.height
        for px0, py0, px1, py1, black in rects:
            samples.fill((px0, py0, px1, py1), _blank_value(stream, samples, black, mask_role))
        if outside is not None:  # a rotated or skewed image: the crop is a box, the visible part is not
            samples.fill_where(hidden_pixels(*outside, width, height), _blank_value(stream, samples, False,
                                                                                     mask_role))
        samples = samples.crop(crop)
        new = self._encode(samples, jpeg=samples.jpeg and "/Mask" not in stream and mask_role is None)
        if "/ColorSpace" in stream and not samples.image_mask:
            new.ColorSpace = stream.ColorSpace
        elif not samples.image_mask:  # JPX may leave it to the codestream; Flate may not
            new.ColorSpace = pikepdf.Name({1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}[samples.components])
        for key in _KEEP_NUMBERS:
            if key == "/Decode" and samples.decode_applied:
                continue
            value = stream.get(key)
            if isinstance(value, pikepdf.Array):
                new[key] = pikepdf.Array([float(v) for v in value])
        for key in _KEEP_FLAGS:
            if key in stream and isinstance(stream[key], (bool, pikepdf.Name)):
                new[key] = stream[key]
        mask = stream.get("/Mask")
        if isinstance(mask, pikepdf.Array):  # colour key: sample ranges, unchanged since samples are
            new.Mask = pikepdf.Array([int(v) for v in mask])
        for key, role in (("/Mask", "stencil"), ("/SMask", "soft")):
            sub = stream.get(key)
            if isinstance(sub, pikepdf.Stream) and mask_role is None:
                sw, sh = int(sub.get("/Width", 0)), int(sub.get("/Height", 0))
                if sw <= 0 or sh <= 0:
                    raise ImageNotEditable("mask size")
                new[key] = self.pdf.make_indirect(self._build(
                    sub, scale_crop(crop, width, height, sw, sh), scale_rects(rects, width, height, sw, sh),
                    role, outside))
                self._made.add(new[key].objgen)
        return new

    def _encode(self, samples: Samples, *, jpeg: bool) -> pikepdf.Stream:
        if jpeg:
            mode = {1: "L", 3: "RGB"}[samples.components]
            pil = Image.frombytes(mode, (samples.width, samples.height), samples.pack())  # no .info: no COM
            buf = io.BytesIO()
            pil.save(buf, format="JPEG", quality=90)
            data, filt = strip_jpeg_segments(buf.getvalue()), pikepdf.Name.DCTDecode
        else:
            data, filt = zlib.compress(samples.pack(), 6), pikepdf.Name.FlateDecode
        return pikepdf.Stream(self.pdf, data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                              Width=samples.width, Height=samples.height, BitsPerComponent=samples.bpc,
                              Filter=filt)


def _as_stream(image) -> tuple[pikepdf.Stream, object]:
    if isinstance(image, pikepdf.Stream):
        return image, None
    if isinstance(image, pikepdf.PdfInlineImage):
        cs = image.obj.get("/ColorSpace")
        if isinstance(cs, pikepdf.Name) and str(cs) not in ("/DeviceGray", "/DeviceRGB", "/DeviceCMYK"):
            raise ImageNotEditable("named inline colour space")
        try:
            pdfimage = image._convert_to_pdfimage()
            return pdfimage.obj, pdfimage
        except Exception as exc:  # pikepdf raises many types for a malformed inline image
            raise ImageNotEditable(f"inline image ({type(exc).__name__})") from None
    raise ImageNotEditable("not an image")


def _blank_value(stream: pikepdf.Stream, samples: Samples, black: bool, mask_role: str | None) -> int:
    """The sample value written under a region. Under a labelled box the box hides the pixels; elsewhere
    (the other part, outside the CropBox) they are clipped away. Masks go opaque under a box and
    transparent elsewhere, so no shape survives; a stencil paints nothing there."""
    top = (1 << samples.bpc) - 1
    decode = stream.get("/Decode")
    inverted = isinstance(decode, pikepdf.Array) and len(decode) >= 2 and float(decode[0]) > float(decode[1])
    if samples.image_mask:  # a stencil paints where the (decoded) sample is 0
        return 0 if inverted else top
    if mask_role == "soft":
        opaque = black
        return (top if opaque else 0) if not inverted else (0 if opaque else top)
    if mask_role == "stencil":  # /Mask stream: 1 masks the pixel out
        return 0 if (black != inverted) else top
    return 0
