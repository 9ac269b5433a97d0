"""Replace a page the engine cannot edit safely by a picture of it with the removed areas burned in.

The page is rendered by pdfium from the original, with page rotation taken out so the image lies in the
page's user space; every region is painted over in the pixels (black under a redaction box, white for
content that belongs to the other part or lies outside the CropBox) before the image is encoded, so
nothing under a box survives in the picture. The text that survives is laid over the picture as an
invisible text layer (render mode 3, Helvetica, one word at a time, stretched to the word's box), so the
page can still be searched and read aloud. The page keeps its size, boxes and rotation.
"""

from __future__ import annotations

import logging
import zlib

import pikepdf
import pypdfium2 as pdfium
from PIL import ImageDraw

from .boxes import text_width
from .geometry import Box, Region

log = logging.getLogger(__name__)

DPI = 150
# A page may be up to 5,000 points a side (limits.max_page_points): at 150 dpi that is a 10,400-pixel square,
# over 300 MB of RGB. Larger pages are rendered at the resolution that keeps to this many pixels.
MAX_PIXELS = 16_000_000
RASTER_FONT = "/FRasterText"


def bounded_scale(width: float, height: float, dpi: float = DPI, max_pixels: int = MAX_PIXELS) -> float:
    """Render scale for a ``width`` × ``height`` point page: ``dpi``, or less to keep to ``max_pixels``."""
    scale = dpi / 72.0
    area = max(width, 1.0) * max(height, 1.0) * scale * scale
    return scale if area <= max_pixels else scale * (max_pixels / area) ** 0.5


def rasterize(pdf: pikepdf.Pdf, page: pikepdf.Page, source: pdfium.PdfPage, regions: list[Region],
              words: list[tuple[str, Box]]) -> tuple[bytes, pikepdf.Dictionary]:
    """Content and resources for the picture of ``source`` with ``regions`` burned in."""
    crop = [float(v) for v in page.obj.get("/CropBox", page.obj.MediaBox)]
    cx0, cy0, cx1, cy1 = min(crop[0], crop[2]), min(crop[1], crop[3]), max(crop[0], crop[2]), max(crop[1], crop[3])
    scale = bounded_scale(*source.get_size())
    rotation = source.get_rotation()
    source.set_rotation(0)
    try:
        bitmap = source.render(scale=scale, may_draw_forms=False, draw_annots=False)
        image = bitmap.to_pil().convert("RGB")
    finally:
        source.set_rotation(rotation)
    sx = image.width / max(cx1 - cx0, 1e-6)
    sy = image.height / max(cy1 - cy0, 1e-6)
    draw = ImageDraw.Draw(image)
    for r in regions:
        x0, y0, x1, y1 = r.box
        px0, px1 = (max(x0, cx0) - cx0) * sx - 1, (min(x1, cx1) - cx0) * sx + 1
        py0, py1 = (cy1 - min(y1, cy1)) * sy - 1, (cy1 - max(y0, cy0)) * sy + 1
        if px1 > px0 and py1 > py0:
            draw.rectangle((px0, py0, px1, py1), fill=(0, 0, 0) if r.draws_box else (255, 255, 255))
    xobject = pdf.make_indirect(pikepdf.Stream(
        pdf, zlib.compress(image.tobytes(), 6), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
        Width=image.width, Height=image.height, ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8,
        Filter=pikepdf.Name.FlateDecode))
    lines = ["q", f"{cx1 - cx0:.3f} 0 0 {cy1 - cy0:.3f} {cx0:.3f} {cy0:.3f} cm", "/ImRaster Do", "Q"]
    lines += _invisible_text(words)
    resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(ImRaster=xobject))
    if words:
        resources.Font = pikepdf.Dictionary({RASTER_FONT: pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding))})
    return "\n".join(lines).encode("latin-1"), resources


def _invisible_text(words: list[tuple[str, Box]]) -> list[str]:
    if not words:
        return []
    # q/Q: text state (3 Tr, Tz) is graphics state and must not reach what is drawn after the layer.
    lines = ["q", "BT", "3 Tr"]
    for text, (x0, y0, x1, y1) in words:
        encoded = text.encode("cp1252", "replace")
        size = max(y1 - y0, 1.0)
        natural = text_width(text, size)
        if natural <= 0:
            continue
        stretch = max(1.0, min(1000.0, (x1 - x0) / natural * 100.0))
        literal = encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").decode("latin-1")
        lines.append(f"{RASTER_FONT} {size:.2f} Tf {stretch:.2f} Tz 1 0 0 1 {x0:.3f} {y0:.3f} Tm ({literal}) Tj")
    lines += ["ET", "Q"]
    return lines
