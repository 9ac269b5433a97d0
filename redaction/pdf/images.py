"""Blank the pixels of an image that lie under a region, in a new image object.

The new image holds only decoded, blanked pixels (re-encoded as JPEG when the source was JPEG, Flate
otherwise), so nothing of the original data stream survives: no JPEG coefficients of the removed area,
no EXIF, no ``/Metadata``. A soft mask is blanked too (made opaque under a box), because a signature
saved as a PNG with transparency carries its shape in the mask. Raises :class:`ImageNotEditable` when the
image cannot be decoded (JBIG2, JPX without a codec, exotic colour spaces) or is a stencil mask; the caller rasterises the page.
"""

from __future__ import annotations

import io
import logging
import math
import zlib

import pikepdf
from PIL import Image, ImageDraw

from .geometry import Matrix, Region, invert, meets, rect_bbox

log = logging.getLogger(__name__)


class ImageNotEditable(Exception):
    pass


def pixel_rects(placement: Matrix, width: int, height: int, regions: list[Region]) -> list[tuple]:
    """Pixel rectangles (x0, y0, x1, y1; row 0 at the top) under each region, padded by one pixel."""
    inv = invert(placement)
    if inv is None:
        return []
    out = []
    for region in regions:
        x0, y0, x1, y1 = region.box
        big = 1.0e6
        u0, v0, u1, v1 = rect_bbox(inv, max(x0, -big), max(y0, -big), min(x1, big), min(y1, big))
        if not meets((u0, v0, u1, v1), (0.0, 0.0, 1.0, 1.0), eps=0.0):
            continue
        px0 = max(0, math.floor(u0 * width) - 1)
        px1 = min(width, math.ceil(u1 * width) + 1)
        py0 = max(0, math.floor((1.0 - v1) * height) - 1)
        py1 = min(height, math.ceil((1.0 - v0) * height) + 1)
        if px1 > px0 and py1 > py0:
            out.append((px0, py0, px1, py1, region.draws_box))
    return out


def blank_image(pdf: pikepdf.Pdf, image: pikepdf.Object, placement: Matrix,
                regions: list[Region]) -> pikepdf.Stream | None:
    """A new image stream with the pixels under ``regions`` blanked; None when no pixel is affected."""
    try:
        pdfimage = pikepdf.PdfImage(image) if isinstance(image, pikepdf.Stream) else image
        w, h = int(pdfimage.width), int(pdfimage.height)
        rects = pixel_rects(placement, w, h, regions)
        if not rects:
            return None
        if pdfimage.image_mask:  # a 1-bit stencil (often scanned text): rasterise the page instead
            raise ImageNotEditable("stencil mask")
        pil = pdfimage.as_pil_image()
    except ImageNotEditable:
        raise
    except Exception as exc:  # pikepdf raises many types for undecodable images
        raise ImageNotEditable(type(exc).__name__) from None
    pil = _normalise_mode(pil)
    draw = ImageDraw.Draw(pil)
    for px0, py0, px1, py1, black in rects:
        # Under a labelled box the pixels go black (the box is drawn over them anyway); under removed
        # content without a box (the other part of a split page, outside the CropBox) they go white.
        fill = 0 if black else (255 if pil.mode == "L" else (255, 255, 255))
        draw.rectangle((px0, py0, px1 - 1, py1 - 1), fill=fill)
    stream = _encode(pdf, pil, jpeg=_is_jpeg(image))
    smask = image.get("/SMask") if isinstance(image, pikepdf.Stream) else None
    if isinstance(smask, pikepdf.Stream):
        stream.SMask = _blank_smask(pdf, smask, rects, placement, regions)
    for key in ("/Interpolate", "/Intent"):
        if isinstance(image, pikepdf.Stream) and key in image:
            stream[key] = image[key]
    return stream


def _normalise_mode(pil: Image.Image) -> Image.Image:
    if pil.mode in ("L", "RGB"):
        return pil.copy()
    if pil.mode == "1":
        return pil.convert("L")
    try:
        return pil.convert("RGB")
    except (ValueError, OSError):
        raise ImageNotEditable("colour mode") from None


def _is_jpeg(image: pikepdf.Object) -> bool:
    if not isinstance(image, pikepdf.Stream):
        return False
    f = image.get("/Filter")
    names = [str(x) for x in f] if isinstance(f, pikepdf.Array) else [str(f)]
    return "/DCTDecode" in names


def _encode(pdf: pikepdf.Pdf, pil: Image.Image, *, jpeg: bool) -> pikepdf.Stream:
    colorspace = pikepdf.Name.DeviceGray if pil.mode == "L" else pikepdf.Name.DeviceRGB
    if jpeg:
        buf = io.BytesIO()
        pil.save(buf, format="JPEG", quality=90)
        data, filt = buf.getvalue(), pikepdf.Name.DCTDecode
    else:
        data, filt = zlib.compress(pil.tobytes(), 6), pikepdf.Name.FlateDecode
    return pikepdf.Stream(pdf, data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                          Width=pil.width, Height=pil.height, ColorSpace=colorspace,
                          BitsPerComponent=8, Filter=filt)


def _blank_smask(pdf: pikepdf.Pdf, smask: pikepdf.Stream, rects, placement, regions) -> pikepdf.Stream:
    try:
        mask = pikepdf.PdfImage(smask).as_pil_image().convert("L")
    except Exception:
        raise ImageNotEditable("soft mask") from None
    rects = pixel_rects(placement, mask.width, mask.height, regions)
    draw = ImageDraw.Draw(mask)
    for px0, py0, px1, py1, black in rects:
        draw.rectangle((px0, py0, px1 - 1, py1 - 1), fill=255 if black else 0)
    return pikepdf.Stream(pdf, zlib.compress(mask.tobytes(), 6), Type=pikepdf.Name.XObject,
                          Subtype=pikepdf.Name.Image, Width=mask.width, Height=mask.height,
                          ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8,
                          Filter=pikepdf.Name.FlateDecode)
