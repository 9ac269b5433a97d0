"""Stage 1c: the words in pictures on text pages, read by OCR (tesseract), with their boxes on the page.

A signature block pasted as a picture, a screenshot of an e-mail, a scanned letterhead: the name, number
and address are pixels that no text reader sees. Every image drawn on a page at a size where text could
be legible is rendered by pdfium at 300 dpi exactly as the page shows it (its placement matrix, clip,
masks and the page's rotation all applied by the renderer, so a pixel maps back to the page by the crop's
own scale) and read by tesseract. The words go through detection with the paper's text (see
``find_personal_data(extras=...)``); a finding's boxes are the OCR word boxes mapped to page coordinates,
and the engine blanks the image pixels under them.

Fail closed: text read with low confidence, a finding whose words cannot be placed, a picture over the
budget, or tesseract missing asks the officer to check the page (``image_pages``), never silence.
Words lying on the page's own text (the renderer draws text over an image) are the text layer's, not the
picture's, and are left out.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from .colour_text import read_in_colour
from .extract import Box, Document, Page
from .ocr_checked import CheckedReading, with_doubts
from .ocr_tesseract import MIN_CONFIDENCE, best_reading, executable
from .detect.english_words import is_english_word
from .detect.layout import ALWAYS_CELL_GAP, MIN_CELL_GAP, TIMES_NARROWEST
from .digit_boxes import regroup_digits
from .spans import overlaps

log = logging.getLogger(__name__)

MIN_LONG, MIN_SHORT = 72.0, 21.6  # points: an image smaller than 1 x 0.3 inch holds no legible line
LARGE_IMAGE_SHARE = 0.25  # a scan-sized picture is the image_pages check's (see redaction.images)
_DPI = 300
_MAX_PIXELS = 16_000_000  # one rendered picture; a larger one is rendered at a lower resolution
MAX_PICTURES = 40  # distinct pictures read per paper; the rest ask the officer (cost stays bounded)


@dataclass
class Word:
    text: str
    box: Box  # page coordinates
    line: int
    conf: float


@dataclass(frozen=True)
class Doubt:
    """A region of a weak line two readings read otherwise (page coordinates), and what each read."""
    box: Box
    first: str
    second: str
    conf: float


@dataclass
class Picture:
    page: int  # 1-based
    box: Box  # the image's bounds on the page
    words: list[Word]
    text: str = ""  # the words, a line of the picture per line
    spans: list[tuple[int, int]] = field(default_factory=list)  # each word's offsets in ``text``
    unread: list[Box] = field(default_factory=list)  # text-like ink no word read covers (ink_regions)
    doubts: list[Doubt] = field(default_factory=list)  # weak lines two readings read otherwise (ocr_disagree)

    @property
    def confidence(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 100.0


@dataclass
class PicturesRead:
    pictures: list[Picture] = field(default_factory=list)
    unsure_pages: list[int] = field(default_factory=list)  # the officer must look at these pictures
    reasons: list[str] = field(default_factory=list)


def candidates(page: Page) -> list[Box]:
    area = page.width * page.height or 1.0
    out = []
    for b in page.images:
        w, h = b[2] - b[0], b[3] - b[1]
        if max(w, h) >= MIN_LONG and min(w, h) >= MIN_SHORT and w * h < LARGE_IMAGE_SHARE * area:
            out.append(b)
    return out


def read_pictures(pdf: pdfium.PdfDocument, doc: Document) -> PicturesRead:
    out = PicturesRead()
    todo = [(page, box) for page in doc.pages for box in candidates(page)]
    if not todo:
        return out
    exe = executable()
    if exe is None:
        _unsure(out, {p.number for p, _ in todo}, "tesseract is not installed")
        return out
    cache: dict[str, CheckedReading | None] = {}
    for page, box in todo:
        colour, scale = render_area(pdf, page, box, mode="RGB")
        if colour is None:
            _unsure(out, {page.number}, "a picture could not be rendered")
            continue
        picture = colour.convert("L")
        key = hashlib.sha256(colour.tobytes() + repr(colour.size).encode()).hexdigest()
        if key not in cache:
            if len(cache) >= MAX_PICTURES:
                _unsure(out, {page.number}, f"more than {MAX_PICTURES} pictures")
                continue
            words = best_reading(exe, picture)
            if words is not None:  # print differing from its background in hue: its colour planes read too
                words = read_in_colour(colour, words, lambda plane: best_reading(exe, plane))
            cache[key] = None if words is None else with_doubts(exe, picture, words)
        reading = cache[key]
        if reading is None:
            _unsure(out, {page.number}, "OCR failed")
            continue
        words = [Word(w.text, to_page(w.box, box, scale), w.line, w.conf) for w in reading.words]
        words = mend_words([w for w in words if not on_text(page, w.box)])
        unread = unread_on_page(page, reading, box, scale)
        if not words and not unread:
            continue
        found = joined(Picture(page=page.number, box=box, words=words, unread=unread,
                               doubts=doubts_on_page(page, reading, box, scale)))
        if found.confidence < MIN_CONFIDENCE:
            _unsure(out, {page.number}, "text read with low confidence")
        out.pictures.append(found)
    log.info("pictures read by OCR: %d distinct of %d, %d with words", len(cache), len(todo), len(out.pictures))
    return out


def unread_on_page(page: Page, reading: CheckedReading, box: Box, scale: float) -> list[Box]:
    """The reading's unread ink regions on the page, less those the page's own text layer lies on (drawn
    over the picture: the text readers read it)."""
    regions = [to_page(r, box, scale) for r in reading.unread]
    return [r for r in regions if _chars_inside(page, r) < 3 and not on_text(page, r)]


def doubts_on_page(page: Page, reading: CheckedReading, box: Box, scale: float) -> list[Doubt]:
    placed = [Doubt(to_page(d.box, box, scale), d.first, d.second, d.conf) for d in reading.disagree]
    return [d for d in placed if not on_text(page, d.box)]


def _chars_inside(page: Page, box: Box) -> int:
    return sum(1 for c in page.chars if c.box and c.text.strip() and box[0] <= (c.box[0] + c.box[2]) / 2 <= box[2]
               and box[1] <= (c.box[1] + c.box[3]) / 2 <= box[3])


def _unsure(out: PicturesRead, pages: set[int], reason: str) -> None:
    out.unsure_pages = sorted(set(out.unsure_pages) | pages)
    if reason not in out.reasons:
        out.reasons.append(reason)


def render_area(pdf: pdfium.PdfDocument, page: Page, box: Box, dpi: int = _DPI, max_pixels: int = _MAX_PIXELS,
                mode: str = "L"):
    """The page's pixels inside ``box``, unrotated (so pixels map to page coordinates by scale alone), in
    PIL ``mode`` (grey unless asked)."""
    cx0, cy0, cx1, cy1 = page.crop
    x0, y0, x1, y1 = max(box[0], cx0), max(box[1], cy0), min(box[2], cx1), min(box[3], cy1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None, 0.0
    scale = dpi / 72
    pixels = (x1 - x0) * (y1 - y0) * scale * scale
    if pixels > max_pixels:
        scale *= (max_pixels / pixels) ** 0.5
    handle = pdf[page.number - 1]
    try:
        rotation = handle.get_rotation()
        handle.set_rotation(0)
        try:
            bitmap = handle.render(scale=scale, crop=(x0 - cx0, y0 - cy0, cx1 - x1, cy1 - y1), may_draw_forms=True)
        finally:
            handle.set_rotation(rotation)
        return bitmap.to_pil().convert(mode), scale
    except pdfium.PdfiumError:
        return None, 0.0
    finally:
        handle.close()


def to_page(px, box: Box, scale: float) -> Box:
    """A pixel box of a picture rendered from ``box`` at ``scale`` (row 0 at the top) in page coordinates."""
    x0, top = box[0], box[3]
    return (x0 + px[0] / scale, top - px[3] / scale, x0 + px[2] / scale, top - px[1] / scale)


def on_text(page: Page, box: Box) -> bool:
    """The box's centre lies on a character of the page's own text layer."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(c.box and c.box[0] - 1 <= cx <= c.box[2] + 1 and c.box[1] - 1 <= cy <= c.box[3] + 1
               for c in page.chars if c.text.strip())


def joined(picture: Picture) -> Picture:
    """Fill in ``text`` (a line of the picture per line) and each word's span in it."""
    parts, spans, pos, line = [], [], 0, None
    for w in picture.words:
        sep = "" if line is None else ("\n" if w.line != line else " ")
        pos += len(sep)
        spans.append((pos, pos + len(w.text)))
        parts.append(sep + w.text)
        pos += len(w.text)
        line = w.line
    picture.text, picture.spans = "".join(parts), spans
    return picture


def boxes_for(picture: Picture, start: int, end: int) -> list[Box]:
    """The page boxes of the words under ``text[start:end]``, one box per line of the picture."""
    lines: dict[int, list[Box]] = {}
    for word, (s, e) in zip(picture.words, picture.spans):
        if overlaps(s, e, start, end):
            lines.setdefault(word.line, []).append(word.box)
    pad = 1.0  # a point around the letters: anti-aliased edges are blanked too
    return [(min(b[0] for b in bs) - pad, min(b[1] for b in bs) - pad, max(b[2] for b in bs) + pad,
             max(b[3] for b in bs) + pad) for bs in lines.values()]


_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1"})
_NUMBERISH = re.compile(r"[(+]?[0-9OoDlI|]{2,}[).,:;]?")


def mend_words(words: list[Word]) -> list[Word]:
    """OCR's usual slips put right before detection: digits written one to a box read as one number
    (:func:`~redaction.digit_boxes.regroup_digits`), digits read as letters in a number ("O20 7946 0412"),
    and an e-mail address split at its punctuation (:func:`mend_addresses`)."""
    return split_cells(mend_addresses(mend_hyphens([_digits(w) for w in regroup_digits(rejoin_cut_lines(words))])))


_CUT_ROW = 0.5  # of the lower word's height: two pieces overlapping this much stand on one row
_CUT_GAP = 0.6  # of the taller piece's height: pieces this close are one line cut by a false column
_CUT_WORD = 0.35  # of the taller piece's height: pieces this close may be one word cut in two


def _height(w: Word) -> float:
    return max(w.box[3] - w.box[1], 0.1)


def _runs(words: list[Word]) -> list[list[Word]]:
    runs: list[list[Word]] = []
    for w in words:
        if runs and runs[-1][-1].line == w.line:
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def rejoin_cut_lines(words: list[Word]) -> list[Word]:
    """Lines tesseract cut at a false column boundary put together again. A page that slipped in the feeder
    (a band of lines stretched) or an uneven scan can make tesseract see a gutter where there is none: each
    line of the band is read as two lines in two blocks, the right-hand pieces after all the left-hand ones,
    and words are cut in two at the boundary ("Ha" ... "verstock"). A line whose first word starts right where
    another line's last word ends, on the same row (closer than a word space goes), continues that line: its
    words follow it, and the two pieces become one word when they are that close and are no two English words
    (a name cut in two, "Communi" + "ty"), so detection reads the line as printed."""
    runs = _runs(words)
    if len(runs) < 2:
        return words
    taken: set[int] = set()
    follows: dict[int, int] = {}  # run index -> the run that continues it
    for i, a in enumerate(runs):
        last = a[-1]
        for j, b in enumerate(runs):
            if j == i or j in taken:
                continue
            first = b[0]
            h = max(_height(last), _height(first))
            overlap = min(last.box[3], first.box[3]) - max(last.box[1], first.box[1])
            gap = first.box[0] - last.box[2]
            if overlap >= _CUT_ROW * min(_height(last), _height(first)) and -0.1 * h <= gap <= _CUT_GAP * h \
                    and not any(w is not last and w.box[0] >= last.box[2] - 0.1 * h
                                and min(w.box[3], last.box[3]) - max(w.box[1], last.box[1]) > 0 for w in a):
                follows[i] = j
                taken.add(j)
                break
    if not follows:
        return words
    out: list[Word] = []
    done: set[int] = set()
    for i in range(len(runs)):
        if i in done or i in taken:
            continue
        row = list(runs[i])
        k = i
        done.add(k)
        while k in follows and follows[k] not in done:
            k = follows[k]
            done.add(k)
            nxt = [Word(w.text, w.box, row[-1].line, w.conf) for w in runs[k]]
            a, b = row[-1], nxt[0]
            gap = b.box[0] - a.box[2]
            if gap <= _CUT_WORD * max(_height(a), _height(b)) and _cut_word(a.text, b.text):
                row[-1] = Word(a.text + b.text, (a.box[0], min(a.box[1], b.box[1]), b.box[2], max(a.box[3], b.box[3])),
                               a.line, min(a.conf, b.conf))
                nxt = nxt[1:]
            row.extend(nxt)
        out.extend(row)
    for k in range(len(runs)):  # a run only reached as a continuation of a chain already placed
        if k not in done:
            out.extend(runs[k])
    return out


_CUT_PIECE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")  # letters (a hyphen or apostrophe inside)


def _cut_word(left: str, right: str) -> bool:
    """``left`` + ``right`` read as one word: the joined word is English, or one piece is no word (a name
    or a word cut at a letter) — and both are letters (a number or an address is not put together here)."""
    pieces = [left.lstrip("(\"'\u2018\u201c"), right.rstrip(".,;:)\"'\u2019\u201d")]
    if not all(_CUT_PIECE.fullmatch(p) for p in pieces) or right[:1].isupper():
        return False
    joined = "".join(pieces)
    return is_english_word(joined) or not all(is_english_word(p) for p in pieces)


def split_cells(words: list[Word]) -> list[Word]:
    """A table row OCR read as one line has its cells as lines again, as the text layer's cells are
    (``redaction.detect.layout``, whose measures this uses): where the gap between two words of a line is
    several times the narrow gaps of the line, or wider than justification goes, the words after it start a
    new line. Detection then never reads a name running on into the next cell ("Ann Lee Saltmarsh Homes")."""
    out: list[Word] = []
    for run in _runs(words):
        if len(run) < 2:
            out.extend(run)
            continue
        gaps = [max(b.box[0] - a.box[2], 0.0) / max(_height(a), _height(b)) for a, b in zip(run, run[1:])]
        narrowest = sorted(gaps)[len(gaps) // 4]
        line = run[0].line
        part = 0
        out.append(run[0])
        for w, g in zip(run[1:], gaps):
            if g >= ALWAYS_CELL_GAP or (g >= MIN_CELL_GAP and g >= TIMES_NARROWEST * narrowest):
                part += 1
            out.append(w if not part else Word(w.text, w.box, _CELL_LINE * part + line, w.conf))
    return out


_CELL_LINE = 10 ** 12  # line numbers of a row's later cells: beyond tesseract's block/paragraph/line numbers


_NAME_PART = re.compile(r"[A-Z][a-z\u00c0-\u024f'\u2019]+")


def mend_hyphens(words: list[Word]) -> list[Word]:
    """A double-barrelled surname OCR read with a stray hyphen or space ("Lowther- -Adeyemi", "Lowther -
    Adeyemi", "Lowther- Adeyemi") is one word again ("Lowther-Adeyemi"), so detection finds the whole
    name: two capitalised parts on one line with only hyphens and spaces between them."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        run = [words[i]]
        j = i + 1
        while j < len(words) and words[j].line == words[i].line and set(words[j].text) <= {"-"}:
            run.append(words[j])
            j += 1
        nxt = words[j] if j < len(words) and words[j].line == words[i].line else None
        left = words[i].text.rstrip("-")
        right = nxt.text.lstrip("-") if nxt else ""
        hyphens = words[i].text.endswith("-") + (nxt is not None and nxt.text.startswith("-")) \
            + sum(len(w.text) for w in run[1:])
        # one hyphen between spaces may be a dash ("Jo Bell - Chair"): then the part after it is no word
        if nxt and hyphens and _NAME_PART.fullmatch(left) and _NAME_PART.fullmatch(right.rstrip(".,;:)")) \
                and (hyphens > 1 or not is_english_word(right.rstrip(".,;:)"))):
            parts = run + [nxt]
            boxes = [w.box for w in parts]
            out.append(Word(f"{left}-{right}", (min(b[0] for b in boxes), min(b[1] for b in boxes),
                                                max(b[2] for b in boxes), max(b[3] for b in boxes)),
                            words[i].line, min(w.conf for w in parts)))
            i = j + 1
            continue
        out.append(words[i])
        i += 1
    return out


def _digits(word: Word) -> Word:
    """A word of digits with a letter OCR confuses with a digit (O/o/D for 0, l/I/| for 1) among them is a
    number: the letters become digits. A word with fewer than two real digits is left alone ("Ol", "Io")."""
    text = word.text
    if not _NUMBERISH.fullmatch(text) or sum(c.isdigit() for c in text) < 2 or text.isdigit():
        return word
    return Word(text.translate(_DIGIT_LOOKALIKES), word.box, word.line, word.conf)


_QUOTES = str.maketrans("", "", "\u201c\u201d\u2018\u2019\"'`")
_ADDRESS_PIECE = re.compile(r"[a-z0-9._%+-]+@?[a-z0-9.-]*|@[a-z0-9.-]*")


def mend_addresses(words: list[Word]) -> list[Word]:
    """OCR splits an e-mail address at its punctuation ("jo. bell @council- example. gov.uk"): the pieces
    around an "@" on one line are joined again into one word (a missing dot between two domain pieces put
    back), with the union of their boxes and the lowest confidence, so detection sees one address."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        if "@" not in words[i].text:
            out.append(words[i])
            i += 1
            continue
        start = i
        while start > 0 and _joins(words[start - 1], words[start], before_at=True) and out and out[-1] is words[start - 1]:
            start -= 1
            out.pop()
        end = i
        while end + 1 < len(words) and _joins(_merged(words[start:end + 1]), words[end + 1], before_at=False):
            end += 1
        out.append(_merged(words[start:end + 1]))
        i = end + 1
    return out


def _touching(a: Word, b: Word) -> bool:
    """``b`` starts right after ``a`` on the same row of print, though OCR put them on lines of their own
    ("jo." read apart from "bell@..." by a wider gap): they overlap in height by half and the gap between
    them is at most a letter's height."""
    height = min(a.box[3] - a.box[1], b.box[3] - b.box[1])
    overlap = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    gap = b.box[0] - a.box[2]
    return height > 0 and overlap >= height / 2 and -height / 4 <= gap <= height


def _piece(text: str) -> str:
    return text.translate(_QUOTES)


def _joins(a: Word, b: Word, *, before_at: bool) -> bool:
    """Whether ``b`` continues the address ``a`` is part of (same line, address characters only)."""
    if a.line != b.line and not (before_at and _touching(a, b)):
        return False
    left, right = _piece(a.text), _piece(b.text).rstrip(".,;:)")
    if before_at:  # "(Jo." "Bell@...": an opening bracket and capitals OCR read are still the address's
        left, right = left.lstrip("(<[").casefold(), right.casefold()
    if not _ADDRESS_PIECE.fullmatch(left.rstrip(".,;:)")) or not right or not _ADDRESS_PIECE.fullmatch(right):
        return False
    if before_at:  # "jo." "bell@..." / "jo" "@council"
        return left[-1:] in "._-" or right.startswith("@") or right.startswith(".")
    if left.endswith((".", "-", "@", "_")) or right.startswith(("@", ".", "-")):
        return "@" in left or "@" in right or "." in left
    domain = left.split("@")[-1]
    if "@" in left and "." in domain and len(domain.rsplit(".", 1)[-1]) <= 1 and right.isalpha() \
            and len(right) <= 4:  # "example.a uk": a label cut short, the domain's end on after a space
        return True
    return "@" in left and "." not in domain  # "council" "example.gov.uk": a dot was lost


def _merged(parts: list[Word]) -> Word:
    if len(parts) == 1:
        return _dotted(parts[0])
    text = _piece(parts[0].text)
    for prev, word in zip(parts, parts[1:]):
        piece = _piece(word.text)
        label, first = text.rsplit(".", 1)[-1], piece.split(".")[0]
        if "@" in text and 0 < len(label) <= 2 and first != label and first.startswith(label) \
                and "." in text.split("@")[-1]:  # "example.o" "org.uk": the next label's start read twice
            text = text[:-len(label)]
        if not (text.endswith((".", "-", "@", "_")) or piece.startswith(("@", ".", "-"))) and "@" in text:
            text += "."
        if text[-1:] in ".-" and piece[:1] == text[-1:]:  # "wyvern-" "-fire": the line-end mark read twice
            piece = piece[1:]
        text += piece
    boxes = [w.box for w in parts]
    return _dotted(Word(text, (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                               max(b[3] for b in boxes)), parts[0].line, min(w.conf for w in parts)))


def _dotted(word: Word) -> Word:
    """A dot OCR read as a colon or comma inside an address's domain ("council:example.gov.uk") put back."""
    local, at, domain = word.text.partition("@")
    if not at:
        return word
    return Word(local + at + re.sub(r"[:;,](?=[a-z0-9])", ".", domain), word.box, word.line, word.conf)
