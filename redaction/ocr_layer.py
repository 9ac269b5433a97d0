"""Stage 3c: an invisible text layer on every output page that was a picture (a scan), so the published
scan can be searched, copied and read aloud by a screen reader.

The layer is made by OCR of the *redacted* output page — rendered by pdfium from the bytes just written,
boxes burned in — never from the original's words: what the boxes hide was never read, so it cannot be in
the layer. Words lying on the page's own text (the boxes' labels) or touching a removed region are left out.
A page OCR cannot read confidently (read with low mean confidence: the officer was asked to check it,
``image_pages``) gets no layer, and a word read with low confidence is left out: misread words would help no
search and mislead a screen reader. A coarse picture (a 96 dpi screenshot) is judged by its reading, not its
resolution.

How the words are laid: one ``BT … ET`` per page in render mode 3 (invisible), standard Helvetica (no font
program is embedded, so nothing of the layer can carry glyph outlines), a line at a time at the line's
height, each word placed at its left edge and stretched with ``Tz`` to its box's width — the technique of
OCRmyPDF's hOCR renderer and of tesseract's own text-only PDF. We write the layer ourselves from
tesseract's TSV rather than merging tesseract's ``textonly_pdf`` page: that page embeds a glyphless font
program and is sized by the image's dpi, so it would have to be rescaled under the page's rotation and crop,
and its font would be one more program for the verifier's font checks; the TSV is the same reading.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace

import pikepdf
import pypdfium2 as pdfium

from .extract import Box, Document, extract
from .ocr_tesseract import MIN_CONFIDENCE, executable, mean_confidence, read_many
from .pdf.boxes import text_width
from .pdf.part import PartOutput
from .pdf.save import save
from .picture_text import Word, on_text, render_area, to_page
from .scan_clean import clean_for_ocr
from .scan_pages import MAX_PAGE_PIXELS, SCAN_DPI

log = logging.getLogger(__name__)

LAYER_FONT = "/FOcrLayer"
MIN_WORD_CONFIDENCE = 30.0  # a word read with less is noise (a speck, the edge of a box), not text


def add_text_layers(out: PartOutput, scanned: set[int]) -> tuple[PartOutput, list[dict]]:
    """``out`` with an invisible text layer on each page whose input page (0-based) is in ``scanned`` and
    that was not rasterised (a rasterised page has its own layer). Returns the new output and, per page
    given a layer, {"part", "page", "part_page", "words"} (counts only)."""
    rasterised = {r["part_page"] - 1 for r in out.rasterised}
    todo = [i for i, src in enumerate(out.pages) if src in scanned and i not in rasterised]
    exe = executable()
    if not todo or exe is None:  # without tesseract the verifier refuses the pictures anyway
        return out, []
    words = _read(out, todo, exe)
    if not any(words.values()):
        return out, []
    with pikepdf.open(io.BytesIO(out.data)) as pdf:
        font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                    BaseFont=pikepdf.Name.Helvetica,
                                                    Encoding=pikepdf.Name.WinAnsiEncoding))
        for index, page_words in words.items():
            if not page_words:
                continue
            page = pdf.pages[index]
            resources = page.obj.get("/Resources")
            if not isinstance(resources, pikepdf.Dictionary):
                resources = page.obj.Resources = pikepdf.Dictionary()
            fonts = resources.get("/Font")
            if not isinstance(fonts, pikepdf.Dictionary):
                fonts = resources.Font = pikepdf.Dictionary()
            fonts[LAYER_FONT] = font
            page.contents_add(pdf.make_stream(layer_instructions(page_words)), prepend=False)
        data = save(pdf)
    report = [{"part": out.number, "page": out.pages[i] + 1, "part_page": i + 1, "words": len(w)}
              for i, w in words.items() if w]
    log.info("part %d: text layer on %d scanned pages (%d words)", out.number, len(report),
             sum(r["words"] for r in report))
    return replace(out, data=data), report


def _read(out: PartOutput, todo: list[int], exe: str) -> dict[int, list[tuple[Word, int]]]:
    doc = pdfium.PdfDocument(out.data)
    try:
        pages: Document = extract(doc)
        scales: dict[int, float] = {}

        def jobs():
            for index in todo:
                page = pages.pages[index]
                # (a coarse picture is read too — a 96 dpi screenshot of a page reads cleanly; whether its words
                # are laid is the reading's confidence's to say, below, not its resolution's)
                crop = page.crop or (0, 0, page.width, page.height)
                picture, scale = render_area(doc, page, crop, SCAN_DPI, MAX_PAGE_PIXELS, mode="RGB")
                if picture is None:
                    continue
                scales[index] = scale
                yield index, clean_for_ocr(picture, scale * 72).ocr, (360 - page.rotation) % 360  # as analysed

        found: dict[int, list[tuple[Word, int]]] = {}
        for index, read in read_many(exe, jobs()):
            page = pages.pages[index]
            crop = page.crop or (0, 0, page.width, page.height)
            removed = [r.box for r in out.regions[index]]
            kept = []
            for w in read or []:
                box = to_page(w.box, crop, scales[index])
                if w.conf < MIN_WORD_CONFIDENCE or not any(c.isalnum() for c in w.text):
                    continue
                if on_text(page, box) or any(_meets(_grown(box, w.angle), r) for r in removed):
                    continue
                kept.append((Word(w.text, box, w.line, w.conf), w.angle))
            if mean_confidence([w for w in read or [] if sum(c.isalnum() for c in w.text) >= 2]) < MIN_CONFIDENCE:
                continue  # read with low confidence (the page asked the officer): no layer of misread words
            found[index] = kept
        return found
    finally:
        doc.close()


# Per reading angle (degrees anticlockwise the picture was turned to read it): the text matrix's rotation
# part (the direction the text runs in page space, and its "up"), for text read upright, on its side or upside down.
_TURNS = {0: (1, 0, 0, 1), 90: (0, -1, 1, 0), 270: (0, 1, -1, 0), 180: (-1, 0, 0, -1)}


def layer_instructions(words: list[tuple[Word, int]]) -> bytes:
    """Content-stream instructions drawing ``words`` invisibly (render mode 3), inside q/Q; each word runs
    the way it was read (a page scanned on its side has its words running up or down the page)."""
    lines: dict[tuple[int, int], list[Word]] = {}
    for w, angle in words:
        lines.setdefault((w.line, angle), []).append(w)
    out = ["q", "BT", "3 Tr"]
    for (_, angle), line in lines.items():
        a, b, c, d = _TURNS.get(angle, _TURNS[0])
        across = [_across(w.box, angle) for w in line]  # (low, high) of each word across its line
        band = (min(x for x, _ in across), max(y for _, y in across))
        # a skewed scan's line climbs across the page: its band is far taller than any word, and letters sized
        # by it would reach into the next line (its redaction boxes): each word then sized by its own box
        skewed = band[1] - band[0] > _SKEWED * max(y - x for x, y in across)
        for w, own in zip(line, across):
            low, high = own if skewed else band
            size = max((high - low) / 0.93, 1.0)  # a line's box runs from the descenders to the ascenders
            text = w.text + " "  # a space after each word: readers copy words apart
            natural = text_width(text, size)
            along = (w.box[2] - w.box[0]) if angle in (0, 180) else (w.box[3] - w.box[1])
            if natural <= 0:
                continue
            stretch = max(10.0, min(1000.0, (along + text_width(" ", size)) / natural * 100.0))
            x, y = _origin(w.box, angle, low, high, size)
            literal = text.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(") \
                .replace(b")", b"\\)").decode("latin-1")
            out.append(f"{LAYER_FONT} {size:.2f} Tf {stretch:.1f} Tz {a} {b} {c} {d} {x:.2f} {y:.2f} Tm ({literal}) Tj")
    out += ["ET", "Q"]
    return "\n".join(out).encode("latin-1")


_SKEWED = 1.5  # a line's band this many times its tallest word: the line is skewed


def _across(box: Box, angle: int) -> tuple[float, float]:
    """The word's extent across its line, measured from the line's "down" side."""
    if angle == 0:
        return box[1], box[3]
    if angle == 180:
        return -box[3], -box[1]
    if angle == 90:  # read by turning the picture anticlockwise: the text runs down the page, "up" is +x
        return box[0], box[2]
    return -box[2], -box[0]  # 270: the text runs up the page, "up" is -x


def _origin(box: Box, angle: int, low: float, high: float, size: float) -> tuple[float, float]:
    base = low + 0.2 * size  # the baseline, across the line
    if angle == 0:
        return box[0], base
    if angle == 180:
        return box[2], -base
    if angle == 90:
        return base, box[3]
    return -base, box[1]


def _grown(box: Box, angle: int) -> Box:
    """The word with room for its glyphs' own boxes (a comma's tail, an accent): a fifth of its thickness
    across its line, a point along it."""
    if angle in (0, 180):
        mx, my = 1.0, 0.2 * (box[3] - box[1])
    else:
        mx, my = 0.2 * (box[2] - box[0]), 1.0
    return box[0] - mx, box[1] - my, box[2] + mx, box[3] + my


def _meets(box: Box, region: Box) -> bool:
    """Any part of the word lies in the region (a removed area holds no word of the layer, not even a letter)."""
    return box[0] < region[2] and region[0] < box[2] and box[1] < region[3] and region[1] < box[3]
