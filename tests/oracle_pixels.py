"""Pixel readers of the leak oracle (tests/leak_oracle.py): ``pdfimages -all`` files, every picture stream
of the file and every rendered page, read back by tesseract. Never imports ``redaction``. The tools are
required (a missing one raises): an oracle that silently reads less would pass leaks."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from tests.oracle_readers import _decode_variants

OCR_MIN_SIDE = 60  # smaller pictures hold no readable line of text


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
            if ocr and path.suffix in (".png", ".jpg", ".ppm", ".pbm", ".pgm",
                                                                      ".tif", ".jp2"):
                out["pdfimages OCR"].append(_ocr(path))
    return out


def rendered_ocr(data: bytes, scale: float = 2.5) -> str:
    """Every page drawn by pdfium and read back by tesseract: what a reader of the published page sees,
    whatever the drawing is made of (glyphs, outlines, patterns, masks, pictures)."""
    doc = pdfium.PdfDocument(data)
    texts = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(len(doc)):
                png = Path(tmp) / f"page{i}.png"
                doc[i].render(scale=scale).to_pil().convert("L").save(png)
                texts.append(_tesseract(png, timeout=300))
    finally:
        doc.close()
    return "\n".join(texts)


def image_object_ocr(data: bytes) -> list[str]:
    """Every stream that is a picture (image XObjects, page thumbnails, used or not) decoded by pikepdf and
    read by tesseract — pdfimages only sees pictures a page draws."""
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
    return _tesseract(png, timeout=120)


# What tesseract read from each picture, by the picture's bytes, for the life of the test process. The oracle reads
# the same pixels many times (a page or a picture no redaction touched is the same in many outputs and cases:
# ~15% of its tesseract runs in the OCR-heavy files); the same bytes give the same reading, so tesseract reads each
# picture once. A run that fails is not kept.
_READ: dict[bytes, str] = {}


def _tesseract(png: Path, timeout: float) -> str:
    import hashlib

    key = hashlib.sha256(png.read_bytes()).digest()
    if key not in _READ:
        run = subprocess.run(["tesseract", str(png), "stdout"], capture_output=True, timeout=timeout)
        text = run.stdout.decode("utf-8", "replace")
        if run.returncode != 0:
            return text
        _READ[key] = text
    return _READ[key]
