"""Stage 1c: the words in pictures on text pages, read by OCR (tesseract), with their boxes on the page.

A signature block pasted as a picture, a screenshot of an e-mail, a scanned letterhead: the name, number
and address are pixels that no text reader sees. Every image drawn on a page at a size where text could
be legible is rendered by pdfium at 300 dpi exactly as the page shows it (its placement matrix, clip,
masks and the page's rotation all applied by the renderer, so a pixel maps back to the page by the crop's
own scale) and read by tesseract. The words go through detection with the paper's text (see
``find_personal_data(extras=...)``); a finding's boxes are the OCR word boxes mapped to page coordinates,
and the engine blanks the image pixels under them.

Fail closed: text read with low confidence, a finding whose words cannot be placed, a picture over the
budget, or tesseract missing asks the officer to check the page (``image_pages``), never silence.
Words lying on the page's own text (the renderer draws text over an image) are the text layer's, not the
picture's, and are left out.
"""

from __future__ import annotations

import hashlib
import io
import logging
import shutil
import subprocess
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from .extract import Box, Document, Page

log = logging.getLogger(__name__)

MIN_LONG, MIN_SHORT = 72.0, 21.6  # points: an image smaller than 1 x 0.3 inch holds no legible line
LARGE_IMAGE_SHARE = 0.25  # a scan-sized picture is the image_pages check's (see redaction.images)
_DPI = 300
_MAX_PIXELS = 16_000_000  # one rendered picture; a larger one is rendered at a lower resolution
MAX_PICTURES = 40  # distinct pictures read per paper; the rest ask the officer (cost stays bounded)
MIN_CONFIDENCE = 60.0  # tesseract's mean word confidence under which a reading is not trusted
_TIMEOUT = 60


@dataclass
class Word:
    text: str
    box: Box  # page coordinates
    line: int
    conf: float


@dataclass
class Picture:
    page: int  # 1-based
    box: Box  # the image's bounds on the page
    words: list[Word]
    text: str = ""  # the words, a line of the picture per line
    spans: list[tuple[int, int]] = field(default_factory=list)  # each word's offsets in ``text``

    @property
    def confidence(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 100.0


@dataclass
class PicturesRead:
    pictures: list[Picture] = field(default_factory=list)
    unsure_pages: list[int] = field(default_factory=list)  # the officer must look at these pictures
    reasons: list[str] = field(default_factory=list)


def candidates(page: Page) -> list[Box]:
    area = page.width * page.height or 1.0
    out = []
    for b in page.images:
        w, h = b[2] - b[0], b[3] - b[1]
        if max(w, h) >= MIN_LONG and min(w, h) >= MIN_SHORT and w * h < LARGE_IMAGE_SHARE * area:
            out.append(b)
    return out


def read_pictures(pdf: pdfium.PdfDocument, doc: Document) -> PicturesRead:
    out = PicturesRead()
    todo = [(page, box) for page in doc.pages for box in candidates(page)]
    if not todo:
        return out
    exe = shutil.which("tesseract")
    if exe is None:
        _unsure(out, {p.number for p, _ in todo}, "tesseract is not installed")
        return out
    cache: dict[str, list] = {}
    for page, box in todo:
        picture, scale = _render(pdf, page, box)
        if picture is None:
            _unsure(out, {page.number}, "a picture could not be rendered")
            continue
        key = hashlib.sha256(picture.tobytes() + repr(picture.size).encode()).hexdigest()
        if key not in cache:
            if len(cache) >= MAX_PICTURES:
                _unsure(out, {page.number}, f"more than {MAX_PICTURES} pictures")
                continue
            cache[key] = _best_reading(exe, picture)
        if cache[key] is None:
            _unsure(out, {page.number}, "OCR failed")
            continue
        words = [Word(t, _to_page(px, box, scale), line, conf) for t, px, line, conf in cache[key]]
        words = [w for w in words if not _on_text(page, w.box)]
        if not words:
            continue
        found = _joined(Picture(page=page.number, box=box, words=words))
        if found.confidence < MIN_CONFIDENCE:
            _unsure(out, {page.number}, "text read with low confidence")
        out.pictures.append(found)
    log.info("pictures read by OCR: %d distinct of %d, %d with words", len(cache), len(todo), len(out.pictures))
    return out


def _unsure(out: PicturesRead, pages: set[int], reason: str) -> None:
    out.unsure_pages = sorted(set(out.unsure_pages) | pages)
    if reason not in out.reasons:
        out.reasons.append(reason)


def _render(pdf: pdfium.PdfDocument, page: Page, box: Box):
    """The page's pixels inside ``box``, unrotated (so pixels map to page coordinates by scale alone)."""
    cx0, cy0, cx1, cy1 = page.crop
    x0, y0, x1, y1 = max(box[0], cx0), max(box[1], cy0), min(box[2], cx1), min(box[3], cy1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None, 0.0
    scale = _DPI / 72
    pixels = (x1 - x0) * (y1 - y0) * scale * scale
    if pixels > _MAX_PIXELS:
        scale *= (_MAX_PIXELS / pixels) ** 0.5
    handle = pdf[page.number - 1]
    try:
        rotation = handle.get_rotation()
        handle.set_rotation(0)
        try:
            bitmap = handle.render(scale=scale, crop=(x0 - cx0, y0 - cy0, cx1 - x1, cy1 - y1), may_draw_forms=True)
        finally:
            handle.set_rotation(rotation)
        return bitmap.to_pil().convert("L"), scale
    except pdfium.PdfiumError:
        return None, 0.0
    finally:
        handle.close()


def _best_reading(exe: str, picture) -> list | None:
    """The picture read upright; when that reading is not confident, turned a quarter each way and half
    (a picture placed on its side), keeping the most confident reading, its boxes turned back."""
    best, best_conf = None, -1.0
    for angle in (0, 90, 270, 180):
        words = _ocr(exe, picture.rotate(angle, expand=True) if angle else picture)
        if words is None:
            return None
        conf = sum(w[3] for w in words) / len(words) if words else 100.0
        if conf > best_conf:
            best, best_conf = [(t, _unturn(b, angle, picture.size), ln, c) for t, b, ln, c in words], conf
        if not words or conf >= MIN_CONFIDENCE:
            break
    return best


def _unturn(box, angle: int, size) -> tuple:
    """A box in the picture turned ``angle`` degrees anticlockwise (PIL, expand) back in the original."""
    w, h = size
    back = {0: lambda u, v: (u, v), 90: lambda u, v: (w - v, u), 270: lambda u, v: (v, h - u),
            180: lambda u, v: (w - u, h - v)}[angle]
    (ax, ay), (bx, by) = back(box[0], box[1]), back(box[2], box[3])
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _ocr(exe: str, picture) -> list | None:
    """Words as (text, pixel box, line number, confidence), or None when tesseract fails."""
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    try:
        done = subprocess.run([exe, "stdin", "stdout", "--dpi", str(_DPI), "tsv"], input=buf.getvalue(),
                              capture_output=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    words = []
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        try:
            left, top, width, height, conf = int(f[6]), int(f[7]), int(f[8]), int(f[9]), float(f[10])
        except ValueError:
            continue
        line = int(f[2]) * 1_000_000 + int(f[3]) * 1000 + int(f[4])  # block, paragraph, line
        words.append((f[11].strip(), (left, top, left + width, top + height), line, conf))
    return words


def _to_page(px, box: Box, scale: float) -> Box:
    x0, top = box[0], box[3]
    return (x0 + px[0] / scale, top - px[3] / scale, x0 + px[2] / scale, top - px[1] / scale)


def _on_text(page: Page, box: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(c.box and c.box[0] - 1 <= cx <= c.box[2] + 1 and c.box[1] - 1 <= cy <= c.box[3] + 1
               for c in page.chars if c.text.strip())


def _joined(picture: Picture) -> Picture:
    parts, spans, pos, line = [], [], 0, None
    for w in picture.words:
        sep = "" if line is None else ("\n" if w.line != line else " ")
        pos += len(sep)
        spans.append((pos, pos + len(w.text)))
        parts.append(sep + w.text)
        pos += len(w.text)
        line = w.line
    picture.text, picture.spans = "".join(parts), spans
    return picture


def boxes_for(picture: Picture, start: int, end: int) -> list[Box]:
    """The page boxes of the words under ``text[start:end]``, one box per line of the picture."""
    lines: dict[int, list[Box]] = {}
    for word, (s, e) in zip(picture.words, picture.spans):
        if s < end and e > start:
            lines.setdefault(word.line, []).append(word.box)
    pad = 1.0  # a point around the letters: anti-aliased edges are blanked too
    return [(min(b[0] for b in bs) - pad, min(b[1] for b in bs) - pad, max(b[2] for b in bs) + pad,
             max(b[3] for b in bs) + pad) for bs in lines.values()]
