"""The verifier's own look at print whose contrast is in colour rather than lightness (independent of the
engine's ``colour_text``: its own measures, written here).

The verifier reads pictures in grey, and grey can erase print: red on a green of the same lightness turns into
one flat grey, so a removed value printed that way would be read by nobody and the check would pass. So a
picture whose print is mostly coloured (:func:`printed_in_colour`) is also read in other projections of its
colours (:func:`projections`): each pixel's brightest and darkest channel, and the colours' first two principal
components. Their text is searched as the grey reading's is: a value read in any of them fails the check. They
only add text to search, so they can only make the check stricter.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

_SMALL = 3  # looked at on a copy this many times smaller
_INK = 40  # grey levels under the brightest pixel around (within 9 of the small copy): ink
_CHROMA = 60  # grey levels between an ink pixel's channels: coloured
_SHARE = 0.3  # this share of the ink coloured: the picture is printed in colour


def printed_in_colour(picture: Image.Image) -> bool:
    """Whether much of the picture's ink (pixels well under the paper around them in their darkest channel)
    is coloured."""
    if picture.mode in ("1", "L", "LA", "I", "F", "I;16"):
        return False
    w, h = picture.size
    small = np.asarray(picture.convert("RGB").resize((max(1, w // _SMALL), max(1, h // _SMALL)), Image.BOX),
                       dtype=np.int16)
    low = small.min(axis=2)
    around = np.asarray(Image.fromarray(low.astype(np.uint8)).filter(ImageFilter.MaxFilter(9)), dtype=np.int16)
    ink = low <= around - _INK
    if not ink.any():
        return False
    return float(((small.max(axis=2) - low)[ink] >= _CHROMA).mean()) >= _SHARE


def projections(picture: Image.Image) -> list[Image.Image]:
    """Grey pictures of the colours: brightest channel, darkest channel, first and second principal
    components (each stretched to the full range and turned so that most of the picture is light)."""
    rgb = np.asarray(picture.convert("RGB"))
    out = [Image.fromarray(rgb.max(axis=2)), Image.fromarray(rgb.min(axis=2))]
    a = rgb.astype(np.float32)
    flat = a.reshape(-1, 3)
    sample = flat[:: max(1, len(flat) // 100_000)]
    centre = sample.mean(axis=0)
    _, axes = np.linalg.eigh(np.cov((sample - centre).T))
    for k in (2, 1):
        p = (a - centre) @ axes[:, k]
        lo, hi = np.percentile(p[::5, ::5], (0.5, 99.5))
        if hi - lo < 1.0:
            continue
        g = np.clip((p - lo) * (255.0 / (hi - lo)), 0, 255)
        if np.median(g[::5, ::5]) < 128:
            g = 255 - g
        out.append(Image.fromarray(g.astype(np.uint8)))
    return out
