"""Where an image's pixels lie on the page: which pixels a region covers, which part of the image a clip
shows (as a pixel rectangle to crop to, and, for a turned or skewed image, the pixels outside the clip
inside that rectangle), and the same areas at a mask's own resolution."""

from __future__ import annotations

import math

import numpy as np

from .geometry import Box, Matrix, Region, invert, meets, rect_bbox


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


def visible_fraction(placement: Matrix, visible: Box | None) -> tuple[float, float, float, float] | None:
    """The part of the image's unit square (u0, v0, u1, v1) inside ``visible``; None when nothing shows."""
    if visible is None:
        return 0.0, 0.0, 1.0, 1.0
    inv = invert(placement)
    if inv is None:
        return None
    big = 1.0e6
    u0, v0, u1, v1 = rect_bbox(inv, max(visible[0], -big), max(visible[1], -big), min(visible[2], big),
                               min(visible[3], big))
    u0, v0, u1, v1 = max(u0, 0.0), max(v0, 0.0), min(u1, 1.0), min(v1, 1.0)
    if u1 <= u0 or v1 <= v0:
        return None
    return u0, v0, u1, v1


def skewed(m: Matrix) -> bool:
    scale = max(abs(v) for v in m[:4]) or 1.0
    straight = abs(m[1]) + abs(m[2]) <= 1e-6 * scale or abs(m[0]) + abs(m[3]) <= 1e-6 * scale
    return not straight


def hidden_pixels(placement: Matrix, visible: Box, width: int, height: int):
    """A (height, width) boolean array: True for the pixels wholly outside ``visible`` (in user space)."""
    a, b, c, d, e, f = placement
    u = (np.arange(width) + 0.5) / width
    v = 1.0 - (np.arange(height) + 0.5) / height
    x = a * u[None, :] + c * v[:, None] + e
    y = b * u[None, :] + d * v[:, None] + f
    mx = 0.5 * (abs(a) / width + abs(c) / height)  # half a pixel: a pixel partly shown is kept
    my = 0.5 * (abs(b) / width + abs(d) / height)
    return (x < visible[0] - mx) | (x > visible[2] + mx) | (y < visible[1] - my) | (y > visible[3] + my)


def pixel_crop(area, width: int, height: int) -> tuple[int, int, int, int]:
    u0, v0, u1, v1 = area
    eps = 1e-6  # float noise must not add a row of hidden pixels
    px0, px1 = math.floor(u0 * width + eps), math.ceil(u1 * width - eps)
    py0, py1 = math.floor((1.0 - v1) * height + eps), math.ceil((1.0 - v0) * height - eps)
    px0, py0 = min(max(px0, 0), width - 1), min(max(py0, 0), height - 1)
    return px0, py0, max(px1, px0 + 1), max(py1, py0 + 1)


def scale_crop(crop, w: int, h: int, sw: int, sh: int) -> tuple[int, int, int, int]:
    px0, py0, px1, py1 = crop
    x0, y0 = math.floor(px0 * sw / w + 1e-6), math.floor(py0 * sh / h + 1e-6)
    return x0, y0, max(math.ceil(px1 * sw / w - 1e-6), x0 + 1), max(math.ceil(py1 * sh / h - 1e-6), y0 + 1)


def scale_rects(rects, w: int, h: int, sw: int, sh: int) -> tuple:
    return tuple((math.floor(a * sw / w), math.floor(b * sh / h), math.ceil(c * sw / w), math.ceil(d * sh / h), k)
                 for a, b, c, d, k in rects)
