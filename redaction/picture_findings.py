"""Items from what detection found in the words OCR read in pictures (see ``picture_text``, ``scan_pages``).

Each item's boxes are the OCR word boxes on the page; it carries ``source: "ocr"`` and the confidence OCR
gave the words it covers. A finding whose words cannot be placed makes the page one the officer must check
(``image_pages``) rather than a finding without a box. Words a scanned page shows that OCR read with very
low confidence (and no finding covers) are proposed as ``UNCLEAR_TEXT`` items for the officer to check:
redacted by default when the guess could be personal data (a capital, a digit, an "@"), kept otherwise.
A line of two or three capitalised words right under a scribble (a signature block) is proposed as a name.
Every other mention, in the words OCR read, of an item proposed for redaction anywhere in the paper is proposed
too (``other_mentions``): one decision covers the whole paper, as the redaction plan spreads a value over the
text layer; the verifier holds a removed value against every page, the invisible text layer of a scan included.
"""

from __future__ import annotations

import re

from .analysis import PersonalData
from .extract import Box
from .picture_text import PicturesRead, boxes_for
from .scan_pages import ScansRead
from .spans import overlaps

OCR_REASON = "in a picture (read by OCR)"
UNCLEAR_REASON = "read by OCR with low confidence: check the page image"


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
        confs = [w.conf for w, (s, e) in zip(picture.words, picture.spans) if overlaps(s, e, m.start, m.end)]
        confidence = min(min(confs, default=picture.confidence) / 100.0, 1.0)
        items.append(PersonalData(type=m.type, text=m.text, page=picture.page, part=part_of(picture.page, boxes[0]),
                                  action=m.action, reason=f"{m.reason}; {OCR_REASON}",
                                  score=round(min(m.score, max(confidence, 0.01)), 2), boxes=boxes,
                                  source="ocr", confidence=round(max(confidence, 0.0), 2)))
    return items


MENTION_REASON = "another mention of a value proposed for redaction elsewhere in the paper"
_NOT_SPREAD = {"UNCLEAR_TEXT", "SIGNATURE"}


def other_mentions(pictures: PicturesRead, items: list[PersonalData], part_of) -> list[PersonalData]:
    """Each mention, in a picture's words, of the text of an item proposed for redaction (found in the text
    layer or in any picture) that no item covers yet: the plan spreads a redacted value over the text layer
    (``redaction.pdf.plan``), not over pixels, and a name found in one sentence of a scan but standing in a
    table, a heading or another picture elsewhere would otherwise stay in the pixels and in the published text
    layer (the verifier refuses the paper). Found as the officer's texts to redact everywhere are (the same
    tolerance of OCR's slips as the verifier's OCR check: ``picture_search.spans``); no OCR is run again."""
    from .picture_search import fold, spans

    texts: dict[str, PersonalData] = {}
    for item in items:
        text = item.text.strip()
        if (item.action != "redact" or item.type in _NOT_SPREAD or (text.startswith("[") and text.endswith("]"))
                or not fold(text)[0].replace(" ", "")):
            continue
        texts.setdefault(fold(text)[0], item)
    taken: dict[int, list[Box]] = {}
    for item in items:
        taken.setdefault(item.page, []).extend(tuple(b) for b in item.boxes)
    out = []
    for picture in pictures.pictures:
        for item in texts.values():
            for start, end in spans(picture.text, item.text):
                boxes = boxes_for(picture, start, end)
                if not boxes or all(_inside_share(b, taken.get(picture.page, [])) >= _TAKEN_SHARE for b in boxes):
                    continue
                confs = [w.conf for w, (s, e) in zip(picture.words, picture.spans) if overlaps(s, e, start, end)]
                confidence = min(min(confs, default=picture.confidence) / 100.0, 1.0)
                out.append(PersonalData(type=item.type, text=picture.text[start:end], page=picture.page,
                                        part=part_of(picture.page, boxes[0]), action="redact",
                                        reason=f"{MENTION_REASON} (page {item.page}); {OCR_REASON}",
                                        score=round(min(item.score, max(confidence, 0.01)), 2), boxes=boxes,
                                        exemption=item.exemption, source="ocr",
                                        confidence=round(max(confidence, 0.0), 2)))
                taken.setdefault(picture.page, []).extend(boxes)
    return out


def unclear_items(scans: ScansRead, items: list[PersonalData], part_of) -> list[PersonalData]:
    """Low-confidence words on scanned pages read with confidence overall, that no finding covers."""
    unsure = set(scans.unsure_pages)
    taken: dict[int, list[Box]] = {}
    for item in items:
        taken.setdefault(item.page, []).extend(tuple(b) for b in item.boxes)
    out = []
    for scan in scans.pages:
        if scan.page in unsure:  # the whole page is the officer's already
            continue
        for run in scan.unclear:
            box = (min(w.box[0] for w in run) - 1.0, min(w.box[1] for w in run) - 1.0,
                   max(w.box[2] for w in run) + 1.0, max(w.box[3] for w in run) + 1.0)
            if any(_meets(box, b) for b in taken.get(scan.page, [])):
                continue
            name = _name_before(scan.words, run)
            if name is not None:  # "Ottilie cae": a first name and a surname OCR could not read
                run = [name] + run
                box = (min(box[0], name.box[0] - 1.0), min(box[1], name.box[1] - 1.0), box[2],
                       max(box[3], name.box[3] + 1.0))
            guess = " ".join(w.text for w in run)
            risky = any(c.isdigit() or c == "@" for c in guess) or any(w.text[:1].isupper() for w in run)
            confidence = min(w.conf for w in run) / 100.0
            out.append(PersonalData(type="UNCLEAR_TEXT", text=f"[unclear: {guess}]", page=scan.page,
                                    part=part_of(scan.page, box), action="redact" if risky else "keep",
                                    reason=UNCLEAR_REASON, score=round(confidence, 2), boxes=[box],
                                    source="ocr", confidence=round(confidence, 2)))
    return out


def _name_before(words, run):
    """The capitalised word right before an unclear run on its line (a first name), if any."""
    at = next((i for i, w in enumerate(words) if w is run[0]), None)
    if not at:
        return None
    before = words[at - 1]
    if before.line == run[0].line and _NAME_WORD.fullmatch(before.text) and before.conf >= UNCLEAR_CONFIDENCE_NAME:
        return before
    return None


UNCLEAR_CONFIDENCE_NAME = 60.0  # a first name read this well before an unclear word joins its proposal
SIGNED_REASON = "a name under a signature (in a picture, read by OCR)"
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['\u2019-][A-Za-z][a-z]+)*")
_SCRIBBLE_CONFIDENCE = 50.0


def signed_names(pictures: PicturesRead, items: list[PersonalData], part_of) -> list[PersonalData]:
    """A signature block photographed or scanned: a scribble (a line OCR reads as low-confidence marks)
    with a line of two or three capitalised words right below it is a signature and the signer's name —
    proposed for redaction when detection did not already find it (a bare name line has no context)."""
    taken: dict[int, list[Box]] = {}
    for item in items:
        taken.setdefault(item.page, []).extend(tuple(b) for b in item.boxes)
    out = []
    for picture in pictures.pictures:
        lines: dict[int, list] = {}
        for word, span in zip(picture.words, picture.spans):
            lines.setdefault(word.line, []).append((word, span))
        ordered = list(lines.values())
        for above, line in zip(ordered, ordered[1:]):
            words = [w for w, _ in line]
            if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w.text) for w in words):
                continue
            if sum(w.conf for w, _ in above) / len(above) >= _SCRIBBLE_CONFIDENCE:
                continue
            box = (min(w.box[0] for w in words) - 1.0, min(w.box[1] for w in words) - 1.0,
                   max(w.box[2] for w in words) + 1.0, max(w.box[3] for w in words) + 1.0)
            if any(_meets(box, b) for b in taken.get(picture.page, [])):
                continue
            confidence = min(w.conf for w in words) / 100.0
            out.append(PersonalData(type="PERSON", text=" ".join(w.text for w in words), page=picture.page,
                                    part=part_of(picture.page, box), action="redact", reason=SIGNED_REASON,
                                    score=round(min(0.8, confidence), 2), boxes=[box], source="ocr",
                                    confidence=round(confidence, 2)))
    return out


def _meets(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


FAILED_REASON = ("OCR could not read this page (it failed or timed out): the whole page is proposed for "
                 "redaction; check the page image")


def failed_page_items(scans, part_of) -> list[PersonalData]:
    """Each scanned page OCR could not read at all (``ScansRead.failed``) proposed for redaction whole: what
    was never read was never looked for, so it is never published on the officer's confirmation alone."""
    return [PersonalData(type="UNCLEAR_TEXT", text="[page OCR could not read]", page=page,
                         part=part_of(page, box), action="redact", reason=FAILED_REASON, score=0.0,
                         boxes=[box], source="ocr", confidence=0.0)
            for page, box in sorted(scans.failed.items())]


UNREAD_REASON = "ink OCR did not read (a line of print no word covers): check the page image"
DIFFER_REASON = "two readings by OCR differ here: check the page image"
UNREAD_PAGE_REASON = "ink OCR did not read"
_TAKEN_SHARE = 0.7  # a region this much inside findings' boxes is proposed already


def doubt_items(pictures: PicturesRead, items: list[PersonalData], part_of) -> list[PersonalData]:
    """The fail-closed proposals of pictures read with confidence: each text-like region of ink that no word
    OCR read covers (``ink_regions``) and each weak line two readings read otherwise on a token that could
    be personal data (``ocr_disagree``), unless a finding covers it already. Both are redacted by default
    (what they hold is not known); unread ink also makes its page one the officer confirms (``image_pages``:
    ``pictures.unsure_pages`` gains it), since what OCR never read was never looked for."""
    unsure = set(pictures.unsure_pages)
    taken: dict[int, list[Box]] = {}
    for item in items:
        taken.setdefault(item.page, []).extend(tuple(b) for b in item.boxes)
    out, unread_pages = [], set()
    for picture in pictures.pictures:
        if picture.page in unsure:  # the whole page is the officer's already
            continue
        for box in picture.unread:
            if _inside_share(box, taken.get(picture.page, [])) >= _TAKEN_SHARE:
                continue
            unread_pages.add(picture.page)
            out.append(PersonalData(type="UNCLEAR_TEXT", text="[ink OCR did not read]", page=picture.page,
                                    part=part_of(picture.page, box), action="redact", reason=UNREAD_REASON,
                                    score=0.0, boxes=[box], source="ocr", confidence=0.0))
            taken.setdefault(picture.page, []).append(box)
        for doubt in picture.doubts:
            if _inside_share(doubt.box, taken.get(picture.page, [])) >= _TAKEN_SHARE:
                continue
            confidence = round(max(min(doubt.conf / 100.0, 1.0), 0.0), 2)
            out.append(PersonalData(type="UNCLEAR_TEXT", text=f"[read two ways: {doubt.first} / {doubt.second}]",
                                    page=picture.page, part=part_of(picture.page, doubt.box), action="redact",
                                    reason=DIFFER_REASON, score=confidence, boxes=[doubt.box], source="ocr",
                                    confidence=confidence))
            taken.setdefault(picture.page, []).append(doubt.box)
    if unread_pages:
        pictures.unsure_pages = sorted(unsure | unread_pages)
        if UNREAD_PAGE_REASON not in pictures.reasons:
            pictures.reasons.append(UNREAD_PAGE_REASON)
    return out


def _inside_share(box: Box, others: list[Box]) -> float:
    """The share of ``box``'s area that lies inside ``others`` (their overlaps with it added, at most 1)."""
    area = max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)
    if area <= 0:
        return 1.0
    inside = sum(max(min(box[2], b[2]) - max(box[0], b[0]), 0.0) * max(min(box[3], b[3]) - max(box[1], b[1]), 0.0)
                 for b in others)
    return min(inside / area, 1.0)
