"""Build one output (Part 1 or Part 2): edit every page, rasterise the ones that cannot be edited safely,
draw the labelled boxes, prune fonts, sanitise and save a fresh file."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pikepdf
import pypdfium2 as pdfium

from ..extract import Document
from .boxes import LABEL_FONT, box_instructions, label_font
from .content import ContentEditor, NeedsRaster
from .fontclean import clean_fonts
from .geometry import Box, Region, meets, outside_of
from .optional import hidden_predicate
from .rasterize import rasterize
from .sanitize import push_inherited, sanitize
from .save import save
from .split import PartSpec, clip_instructions, open_part

log = logging.getLogger(__name__)


@dataclass
class PartOutput:
    number: int
    data: bytes
    pages: list[int]  # 0-based input page of each output page
    regions: list[list[Region]]  # per output page, everything removed from it
    removed: list[dict] = field(default_factory=list)
    rasterised: list[dict] = field(default_factory=list)
    sanitized: dict = field(default_factory=dict)


def build_part(data: bytes, source: pdfium.PdfDocument, doc: Document, spec: PartSpec,
               redactions: dict[int, list[Region]], leaks, shared: dict | None = None) -> PartOutput:
    """``shared``: what the parts of one redaction may share (parsed ToUnicode maps), a dict the caller
    keeps for the parts of one input and no longer."""
    pdf = open_part(data, spec.pages)
    push_inherited(pdf)
    editor = ContentEditor(pdf, hidden_predicate(pdf), leaks=leaks)
    label = None
    used_codes: dict[tuple[int, int], set[int]] = {}
    out = PartOutput(spec.number, b"", list(spec.pages), [])
    for out_index, src_index in enumerate(spec.pages):
        page = pdf.pages[out_index]
        regions = redactions.get(src_index, []) + spec.regions.get(src_index, [])
        everything = regions + outside_of(_crop_box(page))
        out.regions.append(regions)
        counts = {"glyphs": 0, "images": 0, "paths": 0, "hidden": 0}
        try:
            ops, resources, stats = editor.edit_page(page, everything)
            content = b"q\n" + clip_instructions(page, spec.clips.get(src_index)) \
                + pikepdf.unparse_content_stream(ops) + b"\nQ\n"
            for key, codes in stats.used_codes.items():
                used_codes.setdefault(key, set()).update(codes)
            counts = {"glyphs": stats.glyphs, "images": stats.images_removed + stats.images_blanked,
                      "paths": stats.paths, "hidden": stats.hidden}
        except NeedsRaster as exc:
            log.info("part %d page %d rasterised: %s", spec.number, src_index + 1, exc)
            words = surviving_words(doc, src_index, everything)
            content, resources = rasterize(pdf, page, source[src_index], everything, words)
            out.rasterised.append({"page": src_index + 1, "part_page": out_index + 1, "reason": str(exc)})
        other = spec.regions.get(src_index, [])
        own = [r for r in regions if not any(_mostly_in(r.box, o.box) for o in other)]
        boxes, uses_label = box_instructions(own)
        if uses_label:
            label = label or label_font(pdf)
            fonts = resources.get("/Font", pikepdf.Dictionary())
            fonts[LABEL_FONT] = label
            resources.Font = fonts
        page.obj.Contents = pdf.make_stream(content.rstrip() + b"\n" + boxes)
        page.obj.Resources = resources
        out.removed.append(_page_report(src_index, out_index, redactions.get(src_index, []), spec, counts))
    fonts = clean_fonts(pdf, used_codes, None if shared is None else shared.setdefault("tounicode", {}))
    out.sanitized = sanitize(pdf, out.regions, leaks)
    out.sanitized["fonts"] = fonts
    out.data = save(pdf)
    pdf.close()
    return out


def _crop_box(page: pikepdf.Page) -> Box:
    box = [float(v) for v in page.obj.get("/CropBox", page.obj.MediaBox)]
    media = [float(v) for v in page.obj.MediaBox]
    x0 = max(min(box[0], box[2]), min(media[0], media[2]))
    y0 = max(min(box[1], box[3]), min(media[1], media[3]))
    x1 = min(max(box[0], box[2]), max(media[0], media[2]))
    y1 = min(max(box[1], box[3]), max(media[1], media[3]))
    return x0, y0, x1, y1


def _page_report(src_index: int, out_index: int, regions: list[Region], spec: PartSpec, counts: dict) -> dict:
    other = spec.regions.get(src_index, [])
    mine = [r for r in regions if not any(_mostly_in(r.box, o.box) for o in other)]
    by_type: dict[str, int] = {}
    by_exemption: dict[str, int] = {}
    for r in mine:
        by_type[r.type or "BOX"] = by_type.get(r.type or "BOX", 0) + 1
        by_exemption[r.label or ""] = by_exemption.get(r.label or "", 0) + 1
    return {"page": src_index + 1, "part_page": out_index + 1, "by_type": by_type, "by_exemption": by_exemption,
            **counts}


def _mostly_in(a: Box, b: Box) -> bool:
    cx, cy = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2
    return b[0] <= cx <= b[2] and b[1] <= cy <= b[3]


def surviving_words(doc: Document, page_index: int, regions: list[Region]) -> list[tuple[str, Box]]:
    """Words of the original page whose characters all lie outside every region (for a text layer)."""
    words: list[tuple[str, Box]] = []
    text, box = "", None
    for ch in doc.pages[page_index].chars + (None,):
        usable = ch is not None and ch.box is not None and not ch.generated and ch.text.strip() \
            and ch.text.isprintable()
        if usable:
            core = _core(ch.box)
            if any(meets(core, r.box) for r in regions):
                usable = False
                text, box = "", None
                continue
            text += ch.text
            box = ch.box if box is None else (min(box[0], ch.box[0]), min(box[1], ch.box[1]),
                                              max(box[2], ch.box[2]), max(box[3], ch.box[3]))
            continue
        if text and box:
            words.append((text, box))
        text, box = "", None
    return words


def _core(box: Box) -> Box:
    w, h = box[2] - box[0], box[3] - box[1]
    return box[0] + 0.15 * w, box[1] + 0.1 * h, box[2] - 0.15 * w, box[3] - 0.1 * h
