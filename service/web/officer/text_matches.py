"""Where the officer's "redact everywhere" texts are in the paper, and the lines of text on each page, for
the review page: the matches are drawn on the page images with a count, and a Part 2 start can be chosen
as a line of text instead of a position in points.

Found the way redaction finds them (:mod:`redaction.pdf.matching`: whole words, any case, across line
breaks) on the extracted text, in a PDF worker process; results are cached next to the page images, keyed
by the texts, so a page view costs one read of a small JSON file.
"""

from __future__ import annotations

import hashlib
import json
import logging

from service.domain.papers import storage
from service.infra import pdfwork

log = logging.getLogger(__name__)

MAX_LINES_PER_PAGE = 120
LINE_WORDS = 8  # the start of each line shown in the Part 2 chooser


def for_paper(paper, texts: list[str]) -> dict:
    """``{text: {"count": matches, "pages": [...], "boxes": {page: [[x0, y0, x1, y1], ...]}}}``; empty when the
    paper's file cannot be read (the page then simply shows no matches)."""
    if not texts or not paper.original_key:
        return {}
    found = _cached(paper, "matches", texts)
    if not found:
        return {}
    out = {}
    for text in texts:
        boxes: dict[int, list] = {}
        found_here = found.get(text, [])
        for match in found_here:  # one match: its boxes (one per line it sits on)
            for page, box in match:
                boxes.setdefault(page, []).append(box)
        out[text] = {"count": len(found_here), "pages": sorted(boxes), "boxes": boxes}
    return out


def page_lines(paper) -> dict[int, list]:
    """``{page: [{"y": top of the line + 1, "x": left, "text": first words}, ...]}`` (upright pages only)."""
    if not paper.original_key:
        return {}
    found = _cached(paper, "lines", [])
    return {int(k): v for k, v in (found or {}).items()}


def _cached(paper, kind: str, texts: list[str]):
    key = hashlib.sha256(json.dumps([kind, str(paper.analysed_at), texts]).encode()).hexdigest()[:16]
    path = storage().path(f"cache/paper-{paper.id}/{kind}-{key}.json")
    if path.is_file():
        try:
            return json.loads(path.read_text())
        except (OSError, ValueError):
            pass
    result = pdfwork.run("quick", find_in_pdf, str(storage().path(paper.original_key)), kind, texts)
    if not isinstance(result, dict):  # a Failure: shown as no matches, logged without any text
        log.warning("text matches of paper %s not found: %s", paper.id, getattr(result, "code", "error"))
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(result))
    tmp.replace(path)
    return result


def find_in_pdf(path: str, kind: str, texts: list[str]) -> dict:
    """Worker process: every match of each text (one box per line it sits on, 1-based pages), or the lines
    of text of each upright page."""
    import pypdfium2 as pdfium

    from redaction.extract import extract
    from redaction.pdf.matching import value_pattern
    from redaction.pdf.plan import line_boxes
    from redaction.reading_frame import lines_of, same_row, turn_of

    pdf = pdfium.PdfDocument(path)
    try:
        doc = extract(pdf)
    finally:
        pdf.close()
    if kind == "lines":
        out: dict = {}
        for number, page in enumerate(doc.pages, start=1):
            if turn_of(page) != 0:
                continue
            pieces, previous = [], None
            for line in lines_of(page, 0):
                text = "".join(c.text for c in page.chars[line.chars[0]:line.chars[-1] + 1])
                pieces.append((list(line.box), text, previous is not None and same_row(previous, line)))
                previous = line
            out[number] = printed_lines(pieces)[:MAX_LINES_PER_PAGE]
        return out
    view = doc.joined_view
    matches: dict = {}
    for text in texts:
        matches[text] = [_merged(line_boxes(doc.boxes(view.char_refs(m.start(), m.end()))))
                         for m in value_pattern(text).finditer(view.text)]
    return matches


def printed_lines(pieces: list) -> list[dict]:
    """Pieces of text in reading order (box, text, whether the reader put it on the previous piece's row) as
    the printed lines an officer recognises: "1", ".", "1", ". This proposal" of a numbered paragraph are
    one line "1.1. This proposal …" (a full stop sits lower than the digits, so centres alone split it)."""
    rows: list[dict] = []
    for box, text, same in pieces:
        words = text.split()
        if not words:
            continue
        last = rows[-1] if rows else None
        overlap = last and min(box[3], last["top"]) - max(box[1], last["bottom"])
        if last and (same or overlap > 0.3 * min(box[3] - box[1], last["top"] - last["bottom"]) > 0) \
                and box[0] >= last["right"] - 1:
            touching = box[0] - last["right"] < 0.2 * (last["top"] - last["bottom"])  # closer than a space
            joined = last["text"] + ("" if touching else " ") + " ".join(words)
            last["text"] = " ".join(joined.split()[:LINE_WORDS])
            last["top"], last["bottom"] = max(last["top"], box[3]), min(last["bottom"], box[1])
            last["right"] = box[2]
        else:
            rows.append({"text": " ".join(words[:LINE_WORDS]), "x": round(box[0], 1), "top": box[3],
                         "bottom": box[1], "right": box[2]})
    return [{"y": round(r["top"] + 1, 1), "x": r["x"], "text": r["text"]} for r in rows]


def _merged(boxes: list) -> list:
    """A match's boxes as (1-based page, box), one per line: the boxes of spaces (no height) dropped, the
    pieces on one line joined."""
    out: list = []
    for page, box in boxes:
        if box[3] - box[1] <= 0 or box[2] - box[0] <= 0:
            continue
        for i, (p, b) in enumerate(out):
            if p == page + 1 and min(b[3], box[3]) - max(b[1], box[1]) > 0:
                out[i] = (p, [min(b[0], box[0]), min(b[1], box[1]), max(b[2], box[2]), max(b[3], box[3])])
                break
        else:
            out.append((page + 1, list(box)))
    return [(p, [round(v, 1) for v in b]) for p, b in out]
