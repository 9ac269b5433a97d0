"""Stage 3b: what the text layer cannot show — pages that are pictures, and signatures drawn as images.

Text detection only sees text. A scanned page (one large image) or a page with no readable text may hold
names and numbers no reader can find, so it is reported and must be confirmed by an officer (who checks the
page image and draws boxes) before anything is published. An image beside a "Signature" or "Signed"
label is a drawn signature: it is proposed for redaction like any signature (its pixels are blanked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis import PersonalData, assign_ids
from .extract import Box, Document, Page

# An image covering this share of the page is a scan or a picture of text, not a logo or a signature.
LARGE_IMAGE_SHARE = 0.25
# A page with fewer visible characters than this has no real text layer.
MIN_TEXT_CHARS = 20
_SIGNATURE_LABEL = re.compile(r"\b(?:Signature|Signed)\b", re.IGNORECASE)
# How far from its label a signature image may be, in points (a signature line sits beside or above it).
_NEAR_X, _NEAR_Y = 220.0, 90.0
# The largest a drawn signature is, in points: a screenshot or a photo near the word is no signature.
_MAX_SIGNATURE_W, _MAX_SIGNATURE_H = 320.0, 160.0


@dataclass
class ImageFindings:
    items: list[PersonalData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)


def find_image_concerns(doc: Document, part2_start: tuple[int, float] | None,
                        read: set[int] = frozenset()) -> ImageFindings:
    """``read``: pages that are pictures which OCR read whole with confidence (redaction.scan_pages): their
    personal data is proposed like the text's, so they are no longer the officer's to box by hand."""
    out = ImageFindings()
    unreadable = []
    for page in doc.pages:
        area = page.width * page.height or 1.0
        large = [b for b in page.images if _area(b) >= LARGE_IMAGE_SHARE * area]
        visible = sum(1 for c in page.chars if c.box and c.text.strip())
        if (large or (visible < MIN_TEXT_CHARS and not page.blank)) and page.number not in read:  # blank: no scan
            unreadable.append(page.number)
        labels = _signature_labels(page)
        for box in page.images:
            if _area(box) >= LARGE_IMAGE_SHARE * area or not any(_near(box, label) for label in labels):
                continue
            if box[2] - box[0] > _MAX_SIGNATURE_W or box[3] - box[1] > _MAX_SIGNATURE_H:
                continue  # a screenshot of an e-mail thread above "... decision and signature follow"
            if _text_inside(page, box) >= 3:
                continue  # a background behind text (a shaded cell), not a drawn signature
            out.items.append(PersonalData(
                type="SIGNATURE", text="[signature image]", page=page.number,
                part=part_of(page.number, box, part2_start), action="redact",
                reason="signature (an image beside a signature label)", score=0.8, boxes=[box]))
    assign_ids(out.items)  # the pipeline gives them ids again beside the text items; stable either way
    if unreadable:
        pages = ", ".join(str(p) for p in unreadable)
        out.warnings.append(f"page(s) {pages} are images or have no readable text (a scan?): personal data in "
                            "them cannot be found automatically; check the page images, draw boxes over "
                            "anything to remove, and confirm")
        out.concerns.append("image_pages")
    return out


def _area(b: Box) -> float:
    return max(b[2] - b[0], 0.0) * max(b[3] - b[1], 0.0)


def _text_inside(page: Page, box: Box) -> int:
    return sum(1 for c in page.chars if c.box and c.text.strip()
               and box[0] <= (c.box[0] + c.box[2]) / 2 <= box[2] and box[1] <= (c.box[1] + c.box[3]) / 2 <= box[3])


def _signature_labels(page: Page) -> list[Box]:
    text = "".join(c.text for c in page.chars)
    labels = []
    for m in _SIGNATURE_LABEL.finditer(text):
        if not _a_label(text, m):
            continue
        boxes = [c.box for c in page.chars[m.start():m.end()] if c.box]
        if boxes:
            labels.append((min(b[0] for b in boxes), min(b[1] for b in boxes),
                           max(b[2] for b in boxes), max(b[3] for b in boxes)))
    return labels


def _a_label(text: str, m: re.Match) -> bool:
    """The word labels a signature line ("Signature:", "Signed", "Signed ..... Date", a short line), not a word
    in a sentence ("The decision and signature follow on the next page")."""
    line_start = max(text.rfind("\n", 0, m.start()), text.rfind("\r", 0, m.start())) + 1
    ends = [i for i in (text.find("\n", m.end()), text.find("\r", m.end())) if i >= 0]
    line = text[line_start:min(ends) if ends else len(text)]
    after = text[m.end():min(ends) if ends else len(text)].lstrip()
    return (not text[line_start:m.start()].strip() or after[:1] in (":", "", ".", "_", "…", "-", "–")
            or len(line.split()) <= 6)


def _near(image: Box, label: Box) -> bool:
    dx = max(label[0] - image[2], image[0] - label[2], 0.0)
    dy = max(label[1] - image[3], image[1] - label[3], 0.0)
    return dx <= _NEAR_X and dy <= _NEAR_Y


def part_of(page: int, box: Box, part2_start: tuple[int, float] | None) -> int:
    if part2_start is None:
        return 1
    p2_page, y = part2_start
    if page != p2_page:
        return 2 if page > p2_page else 1
    areas = getattr(part2_start, "part2_areas", None)  # columns, rotated pages: the split's rectangles
    if areas is not None:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return 2 if any(a[0] <= cx <= a[2] and a[1] <= cy <= a[3] for a in areas) else 1
    return 2 if (box[1] + box[3]) / 2 < y else 1
