"""Small scanned pages whose print differs from its background in colour rather than lightness (issue 13), for
tests/test_scan_colour.py: ``python -m tests.scans.make_colour`` writes tests/scans/colour/*.pdf and
manifest.json. Fictional people; numbers from Ofcom's drama ranges; e-mails on example domains.

- ``red_on_green``: a slide-like page, a white band of black print over a green panel holding red print of the
  same luminance (0.299 R + 0.587 G + 0.114 B within a grey level): grey conversion makes the red print vanish;
  stored as a JPEG (quality 75, chroma subsampled), 200 dpi.
- ``blue_on_red_form``: a pink carbonless copy: a red pre-printed form (labels, boxes) darker in grey than the
  faint, grainy blue entries written on it, shifted off their boxes; JPEG, 200 dpi.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).parent / "colour"
DPI = 200
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SIZE = (int(7.5 * DPI), int(6 * DPI))  # a 7.5 x 6 inch picture

GREEN = (46, 139, 87)
RED = (216, 58, 58)  # luminance 105.2, GREEN's 105.2


def _lum(c) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def _pdf(picture: Image.Image) -> bytes:
    """The picture as a one-page PDF, stored as a JPEG (chroma subsampled), placed at ``DPI``."""
    jpeg = io.BytesIO()
    picture.save(jpeg, "JPEG", quality=75, subsampling=2)
    page = Image.open(io.BytesIO(jpeg.getvalue()))
    out = io.BytesIO()
    page.save(out, "PDF", resolution=DPI)
    return out.getvalue()


def red_on_green() -> tuple[bytes, dict]:
    assert abs(_lum(RED) - _lum(GREEN)) < 1.0
    name, phone, email = "Philippa Wexcombe-Aird", "0113 496 0731", "p.wexcombe@harrowgate.example.org"
    img = Image.new("RGB", SIZE, (255, 255, 255))
    d = ImageDraw.Draw(img)
    body = ImageFont.truetype(FONT, 40)
    d.text((80, 70), "Harrowgate Cycling Forum: partners", font=ImageFont.truetype(FONT, 50), fill=(0, 0, 0))
    d.text((80, 160), "Bike libraries are open in four town centres.", font=body, fill=(0, 0, 0))
    d.rectangle((40, 290, SIZE[0] - 40, SIZE[1] - 60), fill=GREEN)
    for i, line in enumerate([f"Partner lead: {name}", f"Telephone: {phone}", f"E-mail: {email}",
                              "Loans run for four weeks at a time."]):
        d.text((90, 350 + 120 * i), line, font=body, fill=RED)
    return _pdf(img), {"planted": [name, phone, email], "ordinary": ["Bike libraries are open"]}


def blue_on_red_form() -> tuple[bytes, dict]:
    name, phone, email = "Evangeline Troutbeck", "0161 496 0284", "e.troutbeck@calderbrook.example.com"
    rng = np.random.default_rng(1304)
    w, h = SIZE
    pre = Image.new("L", SIZE, 0)  # how much red pre-print ink, 0..255
    ent = Image.new("L", SIZE, 0)  # how much blue entry ink
    dp, de = ImageDraw.Draw(pre), ImageDraw.Draw(ent)
    label, entry = ImageFont.truetype(FONT, 30), ImageFont.truetype(FONT, 32)
    dp.text((60, 50), "CALDERBROOK COUNCIL - NOTICE OF INSPECTION", font=ImageFont.truetype(FONT, 40), fill=255)
    rows = [("Name of occupier", name), ("Occupier's telephone", phone), ("Occupier's e-mail", email),
            ("Premises", "Unit 7, Mill Street")]
    for i, (text, value) in enumerate(rows):
        y = 170 + 200 * i
        dp.text((60, y + 50), text, font=label, fill=255)
        dp.rectangle((440, y, w - 50, y + 150), outline=255, width=3)
        de.text((440 + 20, y + 100), value, font=entry, fill=255)  # shifted off the box's line
    pre_a = np.asarray(pre, dtype=np.float32)[..., None] / 255
    grain = np.asarray(Image.fromarray((rng.random((h, w)) * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7)),
                       dtype=np.float32) / 255
    ent_a = np.asarray(ent.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32) / 255
    ent_a = (ent_a * np.clip(0.36 * (0.55 + 0.8 * grain), 0, 1))[..., None]  # a light hand, grainy
    paper = np.array((250, 221, 228), dtype=np.float32)
    out = paper * (1 - pre_a * (1 - np.array((168, 34, 52), dtype=np.float32) / 255))
    out = out * (1 - ent_a * (1 - np.array((64, 62, 160), dtype=np.float32) / 255))
    out = out + rng.normal(0, 3, out.shape)
    img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB").filter(ImageFilter.GaussianBlur(0.5))
    return _pdf(img), {"planted": [name, phone, email], "ordinary": ["NOTICE OF INSPECTION"]}


PAPERS = {"red_on_green": red_on_green, "blue_on_red_form": blue_on_red_form}


def make(out: Path = OUT) -> dict:
    random.seed(13)
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, maker in PAPERS.items():
        data, about = maker()
        (out / f"{name}.pdf").write_bytes(data)
        manifest[name] = about
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


if __name__ == "__main__":
    make()
