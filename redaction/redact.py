"""The redaction pipeline, top to bottom. Each stage is a plain function that never changes its input.

    0. load       refuse hostile or broken input (the same checks as analysis)
    1. plan       what to remove: personal data to redact, officer's texts and boxes, every mention
    2. split      Part 1 / Part 2 pages and the other part's area on a mid-page boundary
    3. build      per part: edit content streams (glyphs, images, paths), rasterise what cannot be edited,
                  draw labelled boxes, prune fonts, sanitise, save a fresh file
    4. verify     independent checks (redaction/verification): three text readers, every byte, images,
                  links, fonts, word tokens, Part 2 word sequences, boxes, detection again: fail closed
    5. report     the analysis plus what was removed (counts, never values), the verification and the
                  publication plan (``report["publication"]``, :mod:`redaction.publication`: Part 2's start, the
                  dates, the exemptions and the redaction counts the service stores)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .analysis import Analysis
from .decisions import Decisions
from .errors import DamagedPdf, DecisionNeeded, EmptyPart, InputError
from .extract import Document, extract
from .limits import DEFAULT_LIMITS, Limits
from .load import load
from .ocr_layer import add_text_layers
from .officer_part2 import apply_officer_part2
from .pdf.matching import contains
from .pdf.part import PartOutput, build_part
from .pdf.plan import Plan, plan_redactions
from .pdf.sanitize import metadata_values
from .pdf.split import part_specs
from .publication import plan as publication_plan
from .picture_search import texts_in_pictures
from .reading_order import SPLIT_WARNINGS, Split, point_split
from .scan_pages import is_scan
from .verify import Expectations, verify

log = logging.getLogger(__name__)


@dataclass
class RedactionResult:
    part1: bytes
    part2: bytes | None
    report: dict


def redact(data: bytes, analysis: Analysis, decisions: Decisions | None = None, *,
           limits: Limits = DEFAULT_LIMITS, detect: bool = True) -> RedactionResult:
    """Split and redact ``data`` as ``analysis`` and ``decisions`` say, and prove the outputs clean.

    Raises :class:`~redaction.errors.InputError` for input that cannot be processed and
    :class:`~redaction.errors.LeakDetected` (naming the failed check, never the value) when an output
    still holds something removed or withheld.
    """
    if not isinstance(analysis, Analysis):
        raise InputError("redaction needs the analysis of the same paper")
    decisions = decisions or Decisions()
    _check_confirmed(analysis, decisions)
    unknown = sorted(set(decisions.items) - {item.id for item in analysis.personal_data})
    if unknown:  # a stale or mistyped id must not look like a removal that happened
        raise InputError(f"unknown item id(s) in the decisions: {', '.join(unknown[:5])}")
    loaded = load(data, limits)                                              # 0. load
    try:
        doc = _document(loaded, analysis)
        pictured = texts_in_pictures(loaded.pdfium, doc, decisions.redact_texts)  # officer texts in scans
        plan = plan_redactions(doc, analysis, decisions, pictured)           # 1. plan
        boundary = _boundary(analysis, decisions, doc)
        specs = part_specs(doc, boundary)                                    # 2. split
        redactions = {p: plan.regions(p) for p in range(len(doc.pages))}
        leaks = _leak_test(plan)
        # The loaded bytes, not the upload: hidden layers are gone from them and form answers drawn in.
        shared: dict = {}  # what the parts of this paper share: ToUnicode maps parsed once
        outputs = [build_part(loaded.data, loaded.pdfium, doc, spec, redactions, leaks, shared)  # 3.
                   for spec in specs]
        prepared = loaded.prepared
    finally:
        loaded.close()
    _check_parts(outputs, specs)
    outputs, layers = _text_layers(outputs, doc)                            # 3c. scans searchable again
    expect = Expectations(values=plan.values, kept=plan.kept,                # 4. verify
                          metadata=_metadata(data), detect=detect, source=data,
                          boundary=boundary.as_start() if boundary else None)
    checks = verify(outputs, expect)
    part1 = next((o for o in outputs if o.number == 1), None)
    part2 = next((o for o in outputs if o.number == 2), None)
    report = _report(analysis, plan, outputs, boundary, checks, decisions.moves_part2)  # 5. report
    if decisions.moves_part2:  # the Part 2 the officer marked: its exemptions and dates, read from its text
        apply_officer_part2(report, doc, boundary)
    report["publication"] = publication_plan(analysis.to_dict(), decisions.to_dict(),
                                             officer_part2=report.get("part2")).to_dict()
    _report_prepared(report, prepared)
    report["text_layers"] = layers
    log.info("redacted %d pages into %d parts: %d regions, %d rasterised", len(doc.pages), len(outputs),
             len(plan.targets), sum(len(o.rasterised) for o in outputs))
    return RedactionResult(part1=part1.data if part1 else b"", part2=part2.data if part2 else None,
                           report=report)


_UNCONFIRMED = {
    # Fail closed: an unrecognised Part 2 would otherwise be published inside Part 1 ...
    "part2_start": "the paper may have a Part 2 that was not recognised: confirm where Part 2 starts (or that "
                   "there is none) before publishing",
    # ... and text inside images (a scan, a drawn signature) cannot be read, so nothing in it was found.
    "image_pages": "some pages are images whose text cannot be read: check them, draw boxes over any personal "
                   "data, and confirm before publishing",
    # ... and after the paper was analysed again, a decision that matched no item is applied to nothing.
    "findings_changed": "the paper was analysed again and its findings changed: check the decisions that could "
                        "not be carried over and the new findings: publishing needs an officer's confirmation",
}


def _check_confirmed(analysis: Analysis, decisions: Decisions) -> None:
    for concern in analysis.needs_confirmation:
        if not decisions.settles(concern):
            raise DecisionNeeded(_UNCONFIRMED.get(concern, "the analysis needs an officer's confirmation"))


def _document(loaded, analysis: Analysis) -> Document:
    doc = analysis.document
    if doc is None:
        doc = extract(loaded.pdfium)
    if len(doc.pages) != loaded.page_count or analysis.pages != loaded.page_count:
        raise InputError("the analysis is of a different paper (page counts differ)")
    return doc


def _boundary(analysis: Analysis, decisions: Decisions, doc: Document) -> Split | None:
    """Where Part 2 starts, as areas of its page: the officer's start, or the heading the analysis found."""
    s = analysis.structure
    if decisions.moves_part2:
        if decisions.part2_start is None:
            return None
        (page, y), x = decisions.part2_start, decisions.part2_x
    elif s.part2_start is None:
        return None
    elif s.part2_split is not None and analysis.document is doc:
        return s.part2_split
    else:
        (page, y), x = s.part2_start, s.part2_x
    if not 1 <= page <= len(doc.pages):
        raise InputError("the Part 2 start is not on a page of this paper")
    # A start drawn through a line moves to just above it (cutting through glyphs would drop the line from
    # both parts); on a page of columns it applies to the column at x (the first one when none is given).
    return point_split(doc, int(page) - 1, float(y), None if x is None else float(x))


def _text_layers(outputs: list[PartOutput], doc: Document) -> tuple[list[PartOutput], list[dict]]:
    """An invisible text layer on each output page that was a picture, read from its redacted pixels."""
    scanned = {i for i, page in enumerate(doc.pages) if is_scan(page)}
    if not scanned:
        return outputs, []
    done = [add_text_layers(o, scanned) for o in outputs]
    return [o for o, _ in done], [r for _, layer in done for r in layer]


def _check_parts(outputs: list[PartOutput], specs: list) -> None:
    """Never an empty or unreadable part: each one reopens with all its pages and shows something."""
    import io

    import pikepdf
    import pypdfium2 as pdfium

    if not any(spec.number == 1 and spec.pages for spec in specs):
        raise EmptyPart("part 1 would have no pages (the whole paper is Part 2): nothing to publish; check where "
                        "Part 2 starts")
    for out, spec in zip(outputs, specs):
        what = f"part {out.number}"
        if not spec.pages or not out.data:
            raise EmptyPart(f"{what} would have no pages: check where Part 2 starts")
        try:
            with pikepdf.open(io.BytesIO(out.data)) as pdf:
                count = len(pdf.pages)
            doc = pdfium.PdfDocument(out.data)
        except (pikepdf.PdfError, pdfium.PdfiumError):
            raise EmptyPart(f"{what} could not be read back after it was written") from None
        try:
            shown = any(_shows_something(doc[i]) for i in range(len(doc)))
        finally:
            doc.close()
        if count != len(spec.pages):
            raise EmptyPart(f"{what} lost pages when it was written")
        if not shown:
            raise EmptyPart(f"{what} would be blank (no text, images or drawing): check where Part 2 starts")


def _shows_something(page) -> bool:
    import pypdfium2.raw as pdfium_c

    try:
        textpage = page.get_textpage()
        try:
            if textpage.get_text_range().strip():
                return True
        finally:
            textpage.close()
        kinds = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING)
        return any(True for _ in page.get_objects(filter=kinds, max_depth=4))
    finally:
        page.close()


def _leak_test(plan: Plan):
    values = list(plan.values)
    return lambda text: any(contains(text, v) for v in values)


def _metadata(data: bytes) -> list[str]:
    import io

    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return metadata_values(pdf)
    except pikepdf.PdfError:
        raise DamagedPdf("the PDF is damaged and cannot be read") from None


def _report_prepared(report: dict, prepared: dict) -> None:
    """Hidden layers deleted and form answers flattened before anything read the paper (counts only)."""
    report["flattened"] = {"hidden_optional_content": prepared.get("hidden_optional_content", 0),
                           **{f"form_{k}": v for k, v in prepared.get("form_fields", {}).items()}}
    lost = prepared.get("form_fields", {}).get("not_drawn", 0)
    if lost:
        report["warnings"].append(f"{lost} filled form field(s) have no appearance that could be drawn: their "
                                  "answers are not in the output; check the original paper")


def _report(analysis: Analysis, plan: Plan, outputs: list[PartOutput], boundary, checks: list[str],
            moved: bool = False) -> dict:
    report = analysis.to_dict()
    if moved:  # the analysis's split was replaced by the officer's: what it said of its own split is not true
        report["warnings"] = [w for w in report["warnings"] if not any(m in w for m in SPLIT_WARNINGS)]
    start = None
    if boundary:
        start = {"page": boundary.page_index + 1, "y": round(boundary.y, 1)}
        if boundary.x is not None:
            start["x"] = round(boundary.x, 1)
        if boundary.warning:
            report["warnings"].append(boundary.warning)
    report["split"] = {"part2_start": start, "columns": boundary.columns if boundary else None,
                       "part1_pages": [p + 1 for o in outputs if o.number == 1 for p in o.pages],
                       "part2_pages": [p + 1 for o in outputs if o.number == 2 for p in o.pages]}
    report["removed"] = {f"part{o.number}": [r for r in o.removed if r["by_type"] or r["glyphs"] or r["images"]
                                             or r["paths"] or r["hidden"]] for o in outputs}
    report["sanitized"] = {f"part{o.number}": o.sanitized for o in outputs}
    report["rasterised_pages"] = [dict(part=o.number, **r) for o in outputs for r in o.rasterised]
    report["verification"] = {"passed": True, "checks": checks}
    if plan.texts_not_found:  # never the texts themselves: they are what the officer wants removed
        report["warnings"].append(f"{plan.texts_not_found} of the texts to redact everywhere were not found in "
                                  "the paper's text or in the pictures OCR read (check the spelling)")
    return report
