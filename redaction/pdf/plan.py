"""What to remove, page by page: the regions of an analysis and an officer's decisions.

Sources, in order: personal data items whose action (the officer's decision, else the analysis's) is
"redact", by their boxes; every other mention of a redacted item's text, so one decision covers the whole
paper; texts the officer asked to remove everywhere; and the officer's own boxes. A mention the officer
explicitly kept is left alone, and its text is not held against the output by verification.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..analysis import Analysis
from ..decisions import Decisions
from ..extract import Document
from ..link_findings import LINK_REASON
from ..policy import DEFAULT_EXEMPTION
from .geometry import Box, Region, meets, pad, union
from .matching import normalise, value_pattern

log = logging.getLogger(__name__)

_PAD = 0.75  # points around the glyph boxes, so the black box covers ink that pdfium's tight box misses


@dataclass(frozen=True)
class Target:
    page: int  # 0-based
    box: Box
    type: str
    exemption: str


@dataclass
class Plan:
    targets: list[Target] = field(default_factory=list)
    values: list[str] = field(default_factory=list)  # must not survive anywhere (verification)
    kept: list[str] = field(default_factory=list)  # texts of mentions the officer or policy kept
    texts_not_found: int = 0  # officer's texts to redact that occur nowhere in the text layer

    def regions(self, page: int) -> list[Region]:
        return [Region(t.box, t.exemption, "redaction", t.type) for t in self.targets if t.page == page]


def plan_redactions(doc: Document, analysis: Analysis, decisions: Decisions,
                    pictured: dict[str, list[tuple[int, Box]]] | None = None) -> Plan:
    """``pictured``: officer texts -> their mentions in pictures, (0-based page, box), read by OCR
    (:func:`redaction.picture_search.texts_in_pictures`); the text layer's mentions are found here."""
    plan = Plan()
    redacted, kept = [], []
    for item in analysis.personal_data:
        action = decisions.items.get(item.id, item.action)
        (redacted if action == "redact" else kept).append(item)
    kept_boxes = [(i.page - 1, tuple(b)) for i in kept for b in i.boxes]
    for item in redacted:
        if item.reason.endswith(LINK_REASON):  # the link is dropped for its value (see values); its words stay
            continue
        boxes = [tuple(b) for b in item.boxes] or [b for p, b in _find(doc, item.text) if p == item.page - 1]
        for box in boxes:
            _add(plan, Target(item.page - 1, pad(box, _PAD), item.type, item.exemption))
    by_text: dict[str, tuple[str, str]] = {}
    for item in redacted:
        by_text.setdefault(normalise(item.text).casefold(), (item.type, item.exemption))
    for text in decisions.redact_texts:
        by_text.setdefault(normalise(text).casefold(), ("TEXT", DEFAULT_EXEMPTION))
    officer_texts = {normalise(t).casefold() for t in decisions.redact_texts}
    in_pictures: dict[str, list[tuple[int, Box]]] = {}
    for text, boxes in (pictured or {}).items():
        in_pictures.setdefault(normalise(text).casefold(), []).extend(boxes)
    for text, (kind, exemption) in by_text.items():
        found = _find(doc, text) + (in_pictures.get(text, []) if text in officer_texts else [])
        if not found and text in officer_texts:
            plan.texts_not_found += 1
        for page, box in found:
            if any(p == page and meets(box, b) for p, b in kept_boxes):
                continue
            _add(plan, Target(page, pad(box, _PAD), kind, exemption))
    for extra in decisions.boxes:
        if 1 <= extra.page <= len(doc.pages):
            _add(plan, Target(extra.page - 1, tuple(extra.box), "BOX", extra.exemption))
    kept_texts = {normalise(i.text).casefold() for i in kept}
    # a bracketed placeholder ("[signature image]", "[unclear: …]" read by OCR) names no text to look for
    plan.values = [t for t in by_text if t not in kept_texts and any(c.isalnum() for c in t)
                   and not (t.startswith("[") and t.endswith("]"))]
    plan.kept = sorted(kept_texts)
    log.info("redaction plan: %d regions, %d values, %d kept", len(plan.targets), len(plan.values), len(kept))
    return plan


def _add(plan: Plan, target: Target) -> None:
    """Add a region; one that meets a region already planned on the same line is merged into it, so a
    mention found both by detection and by the spread counts (and is drawn) once."""
    for i, t in enumerate(plan.targets):
        if t.page == target.page and meets(t.box, target.box) and _same_line(t.box, target.box, any_gap=True):
            plan.targets[i] = Target(t.page, union(t.box, target.box), t.type, t.exemption)
            return
    plan.targets.append(target)


def _find(doc: Document, text: str) -> list[tuple[int, Box]]:
    """Every whole-word, case-insensitive mention of ``text``: one box per line it sits on."""
    view = doc.joined_view
    out: list[tuple[int, Box]] = []
    for m in value_pattern(text).finditer(view.text):
        out.extend(line_boxes(doc.boxes(view.char_refs(m.start(), m.end()))))
    return out


def line_boxes(char_boxes: list[tuple[int, Box]]) -> list[tuple[int, Box]]:
    """Merge consecutive character boxes on one line — or in one column, for text turned 90° — so a word
    is one box (glyph-by-glyph boxes would trace its letters' shape)."""
    out: list[tuple[int, Box]] = []
    for page, box in char_boxes:
        if box[2] - box[0] <= 0 and box[3] - box[1] <= 0:
            continue
        if out and out[-1][0] == page and (_same_line(out[-1][1], box) or _same_column(out[-1][1], box)):
            out[-1] = (page, union(out[-1][1], box))
        else:
            out.append((page, box))
    return out


def _same_column(a: Box, b: Box) -> bool:
    """b continues a's run of text drawn upwards or downwards (a rotated table heading, a side label)."""
    overlap = min(a[2], b[2]) - max(a[0], b[0])
    width = max(min(a[2] - a[0], b[2] - b[0]), 0.1)
    gap = max(b[1] - a[3], a[1] - b[3])
    return overlap >= 0.5 * width and gap <= 1.5 * width and not _same_line(a, b, any_gap=True)


def _same_line(a: Box, b: Box, any_gap: bool = False) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    height = max(min(a[3] - a[1], b[3] - b[1]), 0.1)
    if any_gap:
        return overlap >= 0.5 * height
    gap = b[0] - a[2]
    return overlap >= 0.5 * height and -0.5 * height <= gap <= 1.5 * height and b[2] > a[2]
