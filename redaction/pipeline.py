"""The analysis pipeline, top to bottom. Each stage is a plain function that never changes its input."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

import pypdfium2 as pdfium

from .analysis import Analysis, assign_ids
from .errors import DamagedPdf
from .extract import Document, extract
from .images import find_image_concerns, part_of
from .link_findings import read_links
from .picture_text import PicturesRead, read_pictures
from .scan_pages import ScansRead, read_scans, with_ocr_text
from .limits import DEFAULT_LIMITS, Limits
from .load import load
from .structure import read_structure

log = logging.getLogger(__name__)


def analyse(data: bytes, filename: str = "paper.pdf", *, limits: Limits = DEFAULT_LIMITS,
            today: date | None = None, detect: bool = True) -> Analysis:
    """Read a paper: structure, Part 1 / Part 2 split, exemptions and personal data with proposed actions.

    Raises :class:`~redaction.errors.InputError` for input that cannot be processed.
    """
    loaded = load(data, limits)                                   # 0. refuse hostile or broken input
    try:
        doc = _extract(loaded.pdfium)                             # 1. characters and boxes
        metadata_title = _metadata_title(loaded.pdfium)           # 1a. the PDF's /Title (a fallback title)
        pictures = read_pictures(loaded.pdfium, doc) if detect else PicturesRead()  # 1c. OCR of pictures
        scans = read_scans(loaded.pdfium, doc) if detect else ScansRead()  # 1d. OCR of pages that are pictures
    finally:
        loaded.close()
    links, cut = read_links(loaded.data) if detect else ([], False)  # 1b. link addresses
    structure = read_structure(with_ocr_text(doc, scans), today=today or date.today(),  # 2. parts, dates
                               metadata_title=metadata_title)
    pictures = _with_scans(pictures, scans)
    personal = _detect(doc, structure, links, pictures, scans) if detect else []  # 3. personal data + policy
    unseen = find_image_concerns(doc, structure.part2_boundary, read=set(scans.read_pages))  # 3b. not shown
    warnings = list(unseen.warnings) + _picture_warnings(pictures, unseen)
    if cut:
        warnings.append("the paper has more links than are read for personal data: check the link addresses "
                        "of the later pages by hand")
    analysis = Analysis(file=filename, pages=len(doc.pages), structure=structure,
                        personal_data=assign_ids(personal + unseen.items), warnings=warnings,
                        image_concerns=unseen.concerns)
    analysis.document = doc
    log.info("analysed %s pages: part2=%s exemptions=%d personal_data=%d warnings=%d", len(doc.pages),
             structure.part2_start is not None, len(structure.exemptions), len(personal),
             len(structure.warnings))
    return analysis


def _extract(pdf: pdfium.PdfDocument) -> Document:
    try:
        return extract(pdf)
    except pdfium.PdfiumError:
        raise DamagedPdf("the PDF is damaged: a page could not be read") from None


def _metadata_title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        return pdf.get_metadata_value("Title") or None
    except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
        return None


def _picture_warnings(pictures: PicturesRead, unseen) -> list[str]:
    """Pictures OCR could not read with confidence (or at all) are the officer's to check: image_pages."""
    if not pictures.unsure_pages:
        return []
    if "image_pages" not in unseen.concerns:
        unseen.concerns.append("image_pages")
    pages = ", ".join(str(p) for p in pictures.unsure_pages)
    return [f"page(s) {pages} have pictures that may hold text OCR could not read with confidence "
            f"({'; '.join(pictures.reasons)}): check them, draw boxes over anything to remove, and confirm"]


def _with_scans(pictures: PicturesRead, scans: ScansRead) -> PicturesRead:
    """The pictures on text pages and the pages read whole, as one list for detection."""
    pages = scans.as_pictures()
    return PicturesRead(pictures=pictures.pictures + pages.pictures,
                        unsure_pages=sorted(set(pictures.unsure_pages) | set(pages.unsure_pages)),
                        reasons=pictures.reasons + [r for r in pages.reasons if r not in pictures.reasons])


def _detect(doc: Document, structure, links, pictures: PicturesRead, scans: ScansRead | None = None) -> list:
    # Imported here, not at the top, so structure-only callers never load the NER model. Never guarded by
    # an ImportError fallback: a broken install must fail, not analyse with no personal data found.
    from .detect import find_personal_data
    from .link_findings import link_items, redacted_names_in_links
    from .picture_findings import (doubt_items, failed_page_items, other_mentions, picture_items, signed_names,
                                   unclear_items)

    def place(page: int, box) -> int:
        return part_of(page, box, structure.part2_boundary)

    found: list = []
    extras = [link.text for link in links] + [p.text for p in pictures.pictures]
    items = find_personal_data(doc, structure, extras=extras, extra_found=found)
    items += link_items(links, [m for m in found if m.extra < len(links)], place)
    items += picture_items(pictures, [replace(m, extra=m.extra - len(links)) for m in found if m.extra >= len(links)],
                           place)
    items += redacted_names_in_links(links, items, place)
    items += signed_names(pictures, items, place)
    items += other_mentions(pictures, items, place)  # one decision covers the paper: a value's other mentions
    if scans is not None:
        items += unclear_items(scans, items, place)
        items += failed_page_items(scans, place)  # pages OCR could not read: proposed whole (fail closed)
    items += doubt_items(pictures, items, place)  # ink OCR did not read; readings that differ (fail closed)
    return items
