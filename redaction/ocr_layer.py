"""Stage 3c: an invisible text layer on every output page that was a picture (a scan), so the published
scan can be searched, copied and read aloud by a screen reader.

The layer is made by OCR of the *redacted* output page — rendered by pdfium from the bytes just written,
boxes burned in — never from the original's words: what the boxes hide was never read, so it cannot be in
the layer. Words lying on the page's own text (the boxes' labels) or inside a removed region are left out.

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
from .ocr_tesseract import executable, read_many
from .pdf.boxes import text_width
from .pdf.part import PartOutput
from .pdf.save import save
from .picture_text import Word, on_text, render_area, to_page
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


def _read(out: PartOutput, todo: list[int], exe: str) -> dict[int, list[Word]]:
    doc = pdfium.PdfDocument(out.data)
    try:
        pages: Document = extract(doc)
        scales: dict[int, float] = {}

        def jobs():
            for index in todo:
                page = pages.pages[index]
                crop = page.crop or (0, 0, page.width, page.height)
                picture, scale = render_area(doc, page, crop, SCAN_DPI, MAX_PAGE_PIXELS)
                if picture is None:
                    continue
                scales[index] = scale
                yield index, picture, (360 - page.rotation) % 360

        found: dict[int, list[Word]] = {}
        for index, read in read_many(exe, jobs()):
            page = pages.pages[index]
            crop = page.crop or (0, 0, page.width, page.height)
            removed = [r.box for r in out.regions[index]]
            kept = []
            for w in read or []:
                box = to_page(w.box, crop, scales[index])
                if w.conf < MIN_WORD_CONFIDENCE or not any(c.isalnum() for c in w.text):
                    continue
                if on_text(page, box) or any(_inside(box, r) for r in removed):
                    continue
                kept.append(Word(w.text, box, w.line, w.conf))
            found[index] = kept
        return found
    finally:
        doc.close()


def layer_instructions(words: list[Word]) -> bytes:
    """Content-stream instructions drawing ``words`` invisibly (render mode 3), inside q/Q."""
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    out = ["q", "BT", "3 Tr"]
    for line in lines.values():
        bottom = min(w.box[1] for w in line)
        height = max(w.box[3] for w in line) - bottom
        size = max(height / 0.93, 1.0)  # a line's box runs from the descenders to the ascenders
        baseline = bottom + 0.2 * size
        for w in line:
            text = w.text + " "  # a space after each word: readers copy words apart
            natural = text_width(text, size)
            if natural <= 0:
                continue
            stretch = max(10.0, min(1000.0, (w.box[2] - w.box[0] + text_width(" ", size)) / natural * 100.0))
            literal = text.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(") \
                .replace(b")", b"\\)").decode("latin-1")
            out.append(f"{LAYER_FONT} {size:.2f} Tf {stretch:.1f} Tz 1 0 0 1 {w.box[0]:.2f} {baseline:.2f} Tm "
                       f"({literal}) Tj")
    out += ["ET", "Q"]
    return "\n".join(out).encode("latin-1")



def _inside(box: Box, region: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] <= cx <= region[2] and region[1] <= cy <= region[3]
