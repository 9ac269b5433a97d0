"""How a scanned paper came out, judged without the engine's code: what was proposed, what a reader of the
published file can still read, and whether the published scan can be searched.

Reading back: every page of each published part drawn by pdfium at 300 dpi, cleared of specks (a 3-pixel
median) and read by the tesseract CLI, plus the text layer read by poppler's ``pdftotext``. A planted value is
read back when it is in that text allowing OCR's errors (one edit per 8 characters, ``regex`` fuzzy
matching, letters OCR confuses with digits folded together), case, spacing and punctuation aside.

Proposed, two ways (both reported):

* by text: a finding to redact on the item's page whose text holds the planted text (the same tolerance). It
  undercounts a finding whose OCR text differs from the planted one ("Villasefior" for "Villaseñor") and an
  item that came as two findings ("Cathan" + "O Tuathail").
* by box: the judge finds where the item is on the page itself — the ORIGINAL (unredacted) page drawn by pdfium
  at 300 dpi as displayed, read by the tesseract CLI (TSV: every word's box), the item matched to a run of
  consecutive words (accents, case and punctuation aside, confusable letters folded, one edit per 4
  characters; the item most of the run, so a name inside an e-mail address is not the name) and cut to its
  characters' share of each word's box — and maps it to page coordinates (pdfium's device-to-page, /Rotate
  included). The item is proposed when the boxes of the findings to redact on that page cover at least
  ``COVER`` of its area and ``PIECE`` of each word's part of it (every occurrence the judge finds counts; one
  covered suffices, as by text). An item that reading does not find is looked for in other readings of its
  page (``AGAIN``: 400 and 200 dpi, 300 dpi as one block); one none of them finds is judged by text and
  counted in ``unlocated``.
"""

from __future__ import annotations

import ctypes
import io
import subprocess
import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import regex
from PIL import ImageFilter

_CONFUSED = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1", "s": "5", "b": "8", "z": "2"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if c.isalnum()).translate(_CONFUSED)


def fuzzy_in(value: str, text: str) -> bool:
    v, t = fold(value), fold(text)
    if not v:
        return False
    edits = len(v) // 8
    return regex.search(f"(?:{regex.escape(v)}){{e<={edits}}}" if edits else regex.escape(v), t) is not None


def ocr_pages(data: bytes, dpi: int = 300) -> list[str]:
    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for i in range(len(doc)):
            picture = doc[i].render(scale=dpi / 72).to_pil().convert("L").filter(ImageFilter.MedianFilter(3))
            buf = io.BytesIO()
            picture.save(buf, "PNG")
            run = subprocess.run(["tesseract", "stdin", "stdout"], input=buf.getvalue(), capture_output=True,
                                 timeout=300, check=True)
            out.append(run.stdout.decode("utf-8", "replace"))
    finally:
        doc.close()
    return out


def text_layer(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in page coordinates (PDF points, y up)
COVER = 0.8  # share of a planted item's area the findings' boxes must cover
PIECE = 0.5  # and of each word's part of it (an e-mail address proposed without its first word is not proposed)
AGAIN = ((400, None), (200, None), (300, 6))  # other readings (dpi, tesseract --psm) for an item not found
_LOCATE_EDITS = 4  # characters per edit allowed when finding an item in the judge's own reading
_MOST = 0.6  # the item is at least this share of the run of words it is found in
_RUN = 10  # words at most in one run


@dataclass
class Word:
    text: str
    box: Box  # page coordinates


def _plain(text: str) -> str:
    """``fold`` with accents taken off (OCR reads "ñ" as "fi", "ó" as "o")."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return fold(text)


def page_words(data: bytes, dpi: int = 300, psm: int | None = None,
               pages: list[int] | None = None) -> dict[int, list[Word]]:
    """The judge's own reading of each page of ``data`` (1-based page -> words in tesseract's order), each
    word's box in page coordinates. ``pages``: only these (1-based)."""
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(data)
    out: dict[int, list[Word]] = {}
    try:
        for i in range(len(doc)):
            if pages is not None and i + 1 not in pages:
                continue
            page = doc[i]
            picture = page.render(scale=dpi / 72).to_pil().convert("L").filter(ImageFilter.MedianFilter(3))
            width, height = picture.size
            buf = io.BytesIO()
            picture.save(buf, "PNG")
            mode = ["--psm", str(psm)] if psm is not None else []
            run = subprocess.run(["tesseract", "stdin", "stdout", *mode, "tsv"], input=buf.getvalue(),
                                 capture_output=True, timeout=300, check=True)

            def to_page(u: float, v: float) -> tuple[float, float]:
                x, y = ctypes.c_double(), ctypes.c_double()
                pdfium_c.FPDF_DeviceToPage(page.raw, 0, 0, width, height, 0, int(round(u)), int(round(v)),
                                           ctypes.byref(x), ctypes.byref(y))
                return x.value, y.value

            words = []
            for row in run.stdout.decode("utf-8", "replace").splitlines()[1:]:
                f = row.split("\t")
                if len(f) < 12 or f[0] != "5" or not f[11].strip():
                    continue
                left, top, w, h = (int(v) for v in f[6:10])
                words.append((f[11].strip(), (left, top, left + w, top + h)))
            out[i + 1] = [Word(text, _device_box(box, to_page)) for text, box in words]
    finally:
        doc.close()
    return out


def _device_box(box, to_page) -> Box:
    (ax, ay), (bx, by) = to_page(box[0], box[1]), to_page(box[2], box[3])
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def locate(text: str, words: list[Word]) -> list[list[Box]]:
    """Where ``text`` is among ``words`` (one page, in reading order): each occurrence as the boxes of the
    characters it covers in each word of its run (a word's box cut in proportion to its letters; along the
    word's long side, so a word read on a turned page is cut too). The occurrences read with the fewest edits."""
    value = _plain(text)
    if not value:
        return []
    folded = [_plain(w.text) for w in words]
    allowed = max(1, len(value) // _LOCATE_EDITS)
    mail = "@" not in text and not _DOTTED.search(text)  # a name or number: not the one in an address
    found: list[tuple[int, int, int, list[Box]]] = []  # (edits, first word, last word, boxes)
    for i in range(len(words)):
        if not folded[i]:
            continue
        run, ends = "", []  # the words from i on, as long as the item can be most of them
        for j in range(i, min(len(words), i + _RUN)):
            if len(value) < _MOST * len(run + folded[j]):
                break
            run += folded[j]
            ends.append(len(run))
        if not run:
            continue
        cost, begins = _within(value, run, len(folded[i]))
        for j, end in enumerate(ends):
            last_start = end - len(folded[i + j])
            if end == last_start or end < len(value) - allowed:  # punctuation only, or too short
                continue
            t = min(range(last_start + 1, end + 1), key=lambda t: cost[t])  # the match ends in the last word
            if cost[t] <= allowed and not (mail and _in_address(words, i, i + j)):
                found.append((cost[t], i, i + j, _cut(words, folded, i, i + j, begins[t], t)))
    if not found:
        return []
    best = min(e for e, *_ in found)
    out, used = [], set()
    for edits, i, j, boxes in sorted(found, key=lambda f: (f[0], f[2] - f[1])):
        if edits == best and not used & set(range(i, j + 1)):
            used |= set(range(i, j + 1))
            out.append(boxes)
    return out


_DOTTED = regex.compile(r"\w[.@_]\w")


def _in_address(words: list[Word], i: int, j: int) -> bool:
    """Words ``i``..``j`` are (part of) an e-mail address: one holds an "@" or joins letters with a dot
    ("priya.ramanathan"), or the next word starts with "@"."""
    if any("@" in w.text or _DOTTED.search(w.text) for w in words[i:j + 1]):
        return True
    return j + 1 < len(words) and words[j + 1].text.startswith("@")


def _within(value: str, run: str, first_end: int) -> tuple[list[int], list[int]]:
    """Edit distance of ``value`` to the best part of ``run`` starting in its first ``first_end`` characters and
    ending at each position (Sellers' algorithm), and where that part starts."""
    far = len(value) + len(run) + 1
    cost = [0 if t < first_end else far for t in range(len(run) + 1)]
    begins = list(range(len(run) + 1))
    for letter in value:
        row, starts = [cost[0] + 1], [begins[0]]
        for t in range(1, len(run) + 1):
            best, start = cost[t - 1] + (letter != run[t - 1]), begins[t - 1]
            if cost[t] + 1 < best:
                best, start = cost[t] + 1, begins[t]
            if row[t - 1] + 1 < best:
                best, start = row[t - 1] + 1, starts[t - 1]
            row.append(best)
            starts.append(start)
        cost, begins = row, starts
    return cost, begins


def _cut(words: list[Word], folded: list[str], i: int, j: int, start: int, end: int) -> list[Box]:
    boxes, at = [], 0
    for k in range(i, j + 1):
        n = len(folded[k])
        lo, hi = max(start - at, 0), min(end - at, n)
        at += n
        if n == 0 or hi <= lo:
            continue
        x0, y0, x1, y1 = words[k].box
        if x1 - x0 >= y1 - y0:  # a word along x (upright), or one letter: cut across x
            boxes.append((x0 + (x1 - x0) * lo / n, y0, x0 + (x1 - x0) * hi / n, y1))
        else:  # a word running up or down the page: which end it starts at is not known; keep it whole
            boxes.append((x0, y0, x1, y1))
    return boxes


def covered(item: list[Box], findings: list[Box]) -> bool:
    """The findings' boxes cover ``COVER`` of the item's area and ``PIECE`` of each word's part of it."""
    return covered_share(item, findings) >= COVER and all(covered_share([b], findings) >= PIECE for b in item)


def covered_share(item: list[Box], findings: list[Box], step: float = 0.5) -> float:
    """The share of the item's area (the union of its boxes) under the union of the findings' boxes."""
    import numpy as np

    if not item:
        return 0.0
    x0, y0 = min(b[0] for b in item), min(b[1] for b in item)
    x1, y1 = max(b[2] for b in item), max(b[3] for b in item)
    nx, ny = max(1, int(np.ceil((x1 - x0) / step))), max(1, int(np.ceil((y1 - y0) / step)))
    xs = x0 + (np.arange(nx) + 0.5) * step
    ys = y0 + (np.arange(ny) + 0.5) * step

    def mask(boxes):
        m = np.zeros((ny, nx), bool)
        for a, b, c, d in boxes:
            m |= ((ys >= b) & (ys <= d))[:, None] & ((xs >= a) & (xs <= c))[None, :]
        return m

    mine = mask(item)
    area = mine.sum()
    return float((mine & mask(findings)).sum() / area) if area else 0.0


@dataclass
class Judged:
    planted: int = 0
    proposed: int = 0  # by text: a finding's text holds the planted text
    read_back: int = 0  # planted values a reader of the published parts can read (must be 0)
    layer_words: int = 0  # ordinary words found in the text layer
    ordinary_words: int = 0
    missed: list[str] = field(default_factory=list)  # "page:TYPE" of planted items not proposed (no values)
    part2_read_back: int = 0  # Part 2 lines read in Part 1 (must be 0)
    kept: int = 0  # office holders acting in role the manifest says are kept (``kept``)
    kept_redacted: int = 0  # of those, proposed for redaction on their page (should be 0)
    proposed_by_box: int | None = None  # by box: the findings' boxes cover the item where the judge reads it
    missed_by_box: list[str] = field(default_factory=list)
    unlocated: int = 0  # items the judge's own reading did not find (judged by text in proposed_by_box)


def judge(manifest: dict, analysis: dict, part1: bytes | None, part2: bytes | None,
          original: bytes | None = None, words: dict[int, list[Word]] | None = None) -> Judged:
    """``part1`` None: the redaction was refused (nothing published); only what was proposed is judged.
    ``original``: the input, for the judgement by box (else ``proposed_by_box`` stays None); ``words``: the
    judge's reading of it (:func:`page_words`) when already made."""
    out = Judged()
    redacted = [p for p in analysis["personal_data"] if p["action"] == "redact"]
    published = ([part1] if part1 else []) + ([part2] if part2 else [])
    read = ["\n".join(ocr_pages(d)) + "\n" + text_layer(d) for d in published]
    if words is None and original is not None:
        words = page_words(original)
    if words is not None:
        out.proposed_by_box = 0
    again: dict[tuple[int, int | None], dict[int, list[Word]]] = {}  # the other readings made, per page
    for item in manifest["planted"]:
        out.planted += 1
        by_text = any(p["page"] == item["page"] and fuzzy_in(item["text"], p["text"]) for p in redacted)
        if by_text:
            out.proposed += 1
        else:
            out.missed.append(f"{item['page']}:{item['type']}")
        if words is not None:
            places = locate(item["text"], words.get(item["page"], []))
            for dpi, psm in AGAIN if original is not None else ():
                if places:
                    break
                reading = again.setdefault((dpi, psm), {})
                if item["page"] not in reading:
                    reading.update(page_words(original, dpi, psm, pages=[item["page"]]))
                places = locate(item["text"], reading.get(item["page"], []))
            boxes = [tuple(b) for p in redacted if p["page"] == item["page"] for b in p.get("boxes", [])]
            if not places:
                out.unlocated += 1
                by_box = by_text
            else:
                by_box = any(covered(place, boxes) for place in places)
            out.proposed_by_box += by_box
            if not by_box:
                out.missed_by_box.append(f"{item['page']}:{item['type']}")
        if any(fuzzy_in(item["text"], r) for r in read):
            out.read_back += 1
    for item in manifest.get("kept", []):
        out.kept += 1
        out.kept_redacted += any(p["page"] == item["page"] and fuzzy_in(item["text"], p["text"]) for p in redacted)
    layer = fold(text_layer(part1)) if part1 else ""
    for sentence in manifest["ordinary"]:
        for word in sentence.split():
            if len(fold(word)) >= 4:
                out.ordinary_words += 1
                out.layer_words += fold(word) in layer
    part1_read = read[0] if read else ""
    out.part2_read_back = sum(1 for line in manifest.get("part2", []) if fuzzy_in(line, part1_read))
    return out
