"""Items from what detection found in the words OCR read in pictures (see ``picture_text``).

Each item's boxes are the OCR word boxes on the page; a finding whose words cannot be placed makes the page
one the officer must check (``image_pages``) rather than a finding without a box.
"""

from __future__ import annotations

from .analysis import PersonalData
from .picture_text import PicturesRead, boxes_for

OCR_REASON = "in a picture (read by OCR)"


def picture_items(pictures: PicturesRead, found, part_of) -> list[PersonalData]:
    """``found``: mentions whose ``extra`` indexes ``pictures.pictures``; ``part_of(page, box)``."""
    items = []
    for m in found:
        picture = pictures.pictures[m.extra]
        boxes = boxes_for(picture, m.start, m.end)
        if not boxes:
            pictures.unsure_pages = sorted(set(pictures.unsure_pages) | {picture.page})
            if "a finding could not be placed" not in pictures.reasons:
                pictures.reasons.append("a finding could not be placed")
            continue
        confidence = min(picture.confidence / 100.0, 1.0)
        items.append(PersonalData(type=m.type, text=m.text, page=picture.page, part=part_of(picture.page, boxes[0]),
                                  action=m.action, reason=f"{m.reason}; {OCR_REASON}",
                                  score=round(min(m.score, confidence), 2), boxes=boxes))
    return items
