"""What the pictures say: every image read by tesseract, and every page that draws patterns, shadings or
soft masks rendered by pdfium and read too (text there is drawn, not written: no text reader sees it).

=================  =========================================================================================
ocr                tesseract reads a removed value in an image (all its pixels, cropped-away ones too) or in
                   a rendered page with patterns or soft masks; or there are such pictures and tesseract is
                   not installed (what cannot be read cannot be proved clean)
=================  =========================================================================================
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pikepdf
import pypdfium2 as pdfium
from pikepdf import PdfImage

from .matcher import Matcher
from .result import fail

_MIN_SIDE = 24  # pixels: smaller images hold no readable word
_TARGET = 2000  # pixels on the long side: enough for body text, bounded cost for a page scan
_PAGE_SCALE = 2.5  # pdfium render scale for a page (180 dpi)
_TIMEOUT = 120  # seconds for one picture


def check_ocr(data: bytes, pdf: pikepdf.Pdf, part: int, values: Matcher) -> None:
    if values.empty:
        return
    images = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
              and str(obj.get("/Subtype", "")) == "/Image" and "/ImageMask" not in obj
              and int(obj.get("/Width", 0)) >= _MIN_SIDE and int(obj.get("/Height", 0)) >= _MIN_SIDE]
    drawn = [i for i, page in enumerate(pdf.pages) if _paints(page.obj.get("/Resources"), 0)]
    if not images and not drawn:
        return
    exe = shutil.which("tesseract")
    if exe is None:
        fail("ocr", part, reason="tesseract is not installed and the output holds pictures")
    for obj in images:
        try:
            picture = PdfImage(obj).as_pil_image()
        except Exception:  # noqa: BLE001 - the images check fails it; nothing to read here
            continue
        if values.search(_read(exe, _scaled(picture), part)):
            fail("ocr", part)
    if drawn:
        doc = pdfium.PdfDocument(data)
        try:
            for index in drawn:
                picture = doc[index].render(scale=_PAGE_SCALE).to_pil()
                if values.search(_read(exe, picture, part)):
                    fail("ocr", part, index + 1)
        finally:
            doc.close()


def _paints(resources, depth: int) -> bool:
    """Patterns, shadings or soft masks anywhere in the page's resources (forms included)."""
    if not isinstance(resources, pikepdf.Dictionary) or depth > 8:
        return False
    if "/Pattern" in resources or "/Shading" in resources:
        return True
    states = resources.get("/ExtGState")
    if isinstance(states, pikepdf.Dictionary) and any(
            isinstance(s, pikepdf.Dictionary) and isinstance(s.get("/SMask"), pikepdf.Dictionary)
            for _, s in states.items()):
        return True
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, pikepdf.Dictionary):
        for _, x in xobjects.items():
            if isinstance(x, pikepdf.Stream) and str(x.get("/Subtype", "")) == "/Form" \
                    and _paints(x.get("/Resources"), depth + 1):
                return True
    return False


def _scaled(picture):
    picture = picture.convert("L")
    side = max(picture.size)
    if side < _TARGET / 2 or side > _TARGET * 1.5:
        factor = _TARGET / side
        picture = picture.resize((max(1, int(picture.width * factor)), max(1, int(picture.height * factor))))
    return picture


def _read(exe: str, picture, part: int) -> str:
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    try:
        done = subprocess.run([exe, "stdin", "stdout"], input=buf.getvalue(), capture_output=True,
                              timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        fail("ocr", part)
    if done.returncode != 0:
        fail("ocr", part)
    return done.stdout.decode("utf-8", "replace")
