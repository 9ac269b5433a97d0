"""Stage 1d: pages that are pictures (a scanned annex, a photographed letter) read whole by OCR.

A page is a picture when an image covers a quarter of it or more, or when it shows almost no text (a scan,
text drawn as outlines). Each such page is rendered by pdfium at 300 dpi exactly as it is drawn — every
image's placement matrix, clip and masks applied by the renderer, the page's ``/Rotate`` taken out so a
pixel maps back to page coordinates by scale alone — cleaned for OCR (:mod:`redaction.scan_clean`: paper
flattened, dark bands inverted, faint print thresholded, rules, watermark strokes and stains whitened) and read
by tesseract in the displayed orientation first (when that reading is not confident: the way tesseract's
orientation detection says the page stands, then each other quarter turn, keeping what reads best). Pages are read in
parallel, one tesseract per core, within a page budget (``MAX_SCAN_PAGES``) and a pixel budget per page
(``MAX_PAGE_PIXELS``: a larger page is rendered at a lower resolution).

Each page read becomes a :class:`~redaction.picture_text.Picture` covering the page, so its words go through
the same detection as pictures on text pages, and its words are laid into a copy of the document
(:func:`with_ocr_text`) so the structure stage reads a scanned paper's reference, Part 2 heading and dates.

Fail closed: a page over the budget, a failed reading, a page scanned at under 100 dpi, or a page read with
low mean confidence asks the officer (``image_pages``); its findings are still proposed. A page OCR could not
read at all (tesseract failed or timed out, or the page could not be rendered) is also proposed for redaction
whole (``ScansRead.failed``, ``picture_findings.failed_page_items``): confirming the page does not publish print
nobody read. On a page read with confidence, single words read with very low confidence are
returned as unclear regions, proposed to the officer to check (:mod:`redaction.picture_findings`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

import pypdfium2 as pdfium
from PIL import ImageFilter

from .extract import Box, Char, Document, Page
from .colour_text import is_colour, read_in_colour
from .ocr_checked import CheckedReading, with_doubts
from .ocr_tesseract import MIN_CONFIDENCE, best_reading, content, executable, mean_confidence, read_many
from .scan_clean import Cleaned, clean_for_ocr
from .picture_text import (Doubt, Picture, PicturesRead, Word, doubts_on_page, joined, mend_words, on_text,
                           render_area, to_page, unread_on_page)

log = logging.getLogger(__name__)

LARGE_IMAGE_SHARE = 0.25  # the same share as redaction.images: an image this large makes the page a scan
MIN_TEXT_CHARS = 20  # fewer visible characters than this: the page has no real text layer
SCAN_DPI = 300
MAX_PAGE_PIXELS = 16_000_000  # about A3 at 300 dpi
MAX_SCAN_PAGES = 200  # pages read per paper; the rest ask the officer
MIN_SCAN_DPI = 100  # a scan coarser than this is read unreliably (names come out garbled): the officer checks it
SECOND_LOOK_DPI = 250  # a scan coarser than this has its weak lines read again (ocr_tesseract.look_again)
UNCLEAR_CONFIDENCE = 35.0  # a word read with less is an unclear region the officer checks
_MIN_UNCLEAR_CHARS = 3  # letters or digits: a shorter low-confidence word is a speck, not a word


@dataclass
class ScanPage:
    page: int  # 1-based
    words: list[Word]
    confidence: float
    unclear: list[list[Word]] = field(default_factory=list)  # runs of low-confidence words, one per line
    unread: list[Box] = field(default_factory=list)  # text-like ink no word read covers (ink_regions)
    doubts: list[Doubt] = field(default_factory=list)  # weak lines two readings read otherwise (ocr_disagree)


@dataclass
class ScansRead:
    pages: list[ScanPage] = field(default_factory=list)
    unsure_pages: list[int] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    failed: dict[int, Box] = field(default_factory=dict)  # pages OCR could not read at all: page -> page box

    @property
    def read_pages(self) -> list[int]:
        """Pages read whole with confidence: no longer the officer's to box by hand."""
        unsure = set(self.unsure_pages)
        return [p.page for p in self.pages if p.page not in unsure]

    def as_pictures(self) -> PicturesRead:
        """Each page read as one picture covering the page, for detection."""
        out = PicturesRead(unsure_pages=list(self.unsure_pages), reasons=list(self.reasons))
        out.pictures = [joined(Picture(page=p.page, box=_page_box(p.words) if p.words else p.unread[0],
                                       words=list(p.words), unread=list(p.unread), doubts=list(p.doubts)))
                        for p in self.pages if p.words or p.unread]
        return out


def is_scan(page: Page) -> bool:
    area = page.width * page.height or 1.0
    large = any(_area(b) >= LARGE_IMAGE_SHARE * area for b in page.images)
    visible = sum(1 for c in page.chars if c.box and c.text.strip())
    return large or (visible < MIN_TEXT_CHARS and not page.blank)


def read_scans(pdf: pdfium.PdfDocument, doc: Document) -> ScansRead:
    out = ScansRead()
    todo = [page for page in doc.pages if is_scan(page)]
    if not todo:
        return out
    exe = executable()
    if exe is None:
        _unsure(out, [p.number for p in todo], "tesseract is not installed")
        return out
    if len(todo) > MAX_SCAN_PAGES:
        _unsure(out, [p.number for p in todo[MAX_SCAN_PAGES:]], f"more than {MAX_SCAN_PAGES} scanned pages")
        todo = todo[:MAX_SCAN_PAGES]
    scales: dict[int, float] = {}

    def jobs():
        for page in todo:
            crop = page.crop or (0, 0, page.width, page.height)
            picture, scale = render_area(pdf, page, crop, SCAN_DPI, MAX_PAGE_PIXELS, mode="RGB")
            if picture is None:
                _failed(out, page, "a page could not be rendered")
                continue
            scales[page.number] = scale
            coarse = scan_dpi(pdf, page)
            if coarse is not None and coarse < MIN_SCAN_DPI:
                _unsure(out, [page.number], f"scanned at under {MIN_SCAN_DPI} dpi")
            # the displayed orientation first; a coarse scan's weak lines read again other ways
            look = coarse is not None and coarse < SECOND_LOOK_DPI
            cleaned = clean_for_ocr(picture, scale * 72)
            if cleaned.steps:  # read too when a step changed the page (read_cleaned)
                cleaned = replace(cleaned, plain=despeckle(picture.convert("L")))
            if is_colour(picture):  # its colour planes read too when the grey reading is weak (read_cleaned)
                cleaned = replace(cleaned, colour=picture, dpi=scale * 72)
            yield page, cleaned, (360 - page.rotation) % 360, look

    for page, reading in read_many(exe, jobs(), reader=read_cleaned):
        if reading is None:  # failed or timed out: never published unread (the page is proposed whole)
            _failed(out, page, "OCR failed or timed out")
            continue
        crop = page.crop or (0, 0, page.width, page.height)
        scale = scales[page.number]
        placed = [Word(w.text, to_page(w.box, crop, scale), w.line, w.conf) for w in reading.words]
        placed = mend_words([w for w in placed if not on_text(page, w.box)  # the text layer reads itself
                             and not _speck(w)])
        scan = ScanPage(page.number, placed, _confidence(placed), _unclear(placed),
                        unread_on_page(page, reading, crop, scale), doubts_on_page(page, reading, crop, scale))
        if placed and scan.confidence < MIN_CONFIDENCE:
            _unsure(out, [page.number], "text read with low confidence")
        out.pages.append(scan)
    log.info("scanned pages read by OCR: %d of %d, %d unsure", len(out.pages), len(todo), len(out.unsure_pages))
    return out


def read_cleaned(exe: str, cleaned: Cleaned, first_angle: int = 0, dpi: int = 300,
                 second_look: bool = False) -> CheckedReading | None:
    """The cleaned copy read by tesseract (``cleaned.ocr``); the ink it leaves unread and the weak lines a
    second reading reads otherwise looked for in the copy that only reveals print (``cleaned.revealed``), so
    a mark the cleaning took out is still looked at. None when tesseract fails or times out."""
    words = best_reading(exe, cleaned.ocr, first_angle, dpi, second_look=second_look)
    if words is None:
        return None
    if cleaned.plain is not None:
        # a cleaning step can cost a scan it was not made for its print (qa_pdfs/scanned.pdf lost five names to
        # it): the page as drawn is read too, and the reading that reads more text well is kept
        plain = best_reading(exe, cleaned.plain, first_angle, dpi, second_look=second_look)
        if plain is None:
            return None
        if content(plain) > content(words):
            words = plain
    if cleaned.colour is not None:
        # print that differs from its background in hue more than in lightness (red on green, blue entries on a
        # red form) can vanish in grey: each colour plane, cleaned as the page was, is read too (colour_text)
        def read_plane(plane):
            return best_reading(exe, clean_for_ocr(plane, cleaned.dpi).ocr, first_angle, dpi, second_look=second_look)

        words = read_in_colour(cleaned.colour, words, read_plane)
    return with_doubts(exe, cleaned.revealed, words, first_angle, dpi)


def scan_dpi(pdf: pdfium.PdfDocument, page: Page) -> float | None:
    """The resolution of the page's largest picture as drawn (its pixels over its size on the page)."""
    import pypdfium2.raw as pdfium_c

    handle = pdf[page.number - 1]
    best, dpi = 0.0, None
    try:
        for obj in handle.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
            x0, y0, x1, y1 = obj.get_bounds()
            try:
                w, h = obj.get_px_size()
            except pdfium.PdfiumError:
                continue
            if (x1 - x0) * (y1 - y0) > best and min(x1 - x0, y1 - y0) > 0:
                best = (x1 - x0) * (y1 - y0)
                dpi = min(max(w, h) / max(x1 - x0, y1 - y0), min(w, h) / min(x1 - x0, y1 - y0)) * 72
    finally:
        handle.close()
    return dpi


def despeckle(picture):
    """A 3-pixel median filter: a scanner's dust and toner specks go, strokes at 300 dpi stay (tesseract
    reads a noisy 150 dpi scan far better after it: mean confidence 80 -> 91 on the tuning scans)."""
    return picture.filter(ImageFilter.MedianFilter(3))


def with_ocr_text(doc: Document, scans: ScansRead) -> Document:
    """A copy of ``doc`` whose pages without a text layer hold the words OCR read, one character per
    letter (each a slice of its word's box), words separated by spaces and lines by line breaks — so the
    structure stage reads a scanned paper as it reads text. Pages with their own text are left as they are."""
    by_page = {p.page: p for p in scans.pages if p.words}
    if not by_page:
        return doc
    pages = []
    for page in doc.pages:
        scan = by_page.get(page.number)
        if scan is None or sum(1 for c in page.chars if c.box and c.text.strip()) >= MIN_TEXT_CHARS:
            pages.append(page)
            continue
        pages.append(replace(page, chars=_chars(scan.words)))
    return Document(pages=tuple(pages))


def _chars(words: list[Word]) -> tuple[Char, ...]:
    chars: list[Char] = []
    line = None
    for w in words:
        if line is not None:
            chars.extend([Char("\r", None, True), Char("\n", None, True)] if w.line != line else [Char(" ", None, True)])
        line = w.line
        x0, y0, x1, y1 = w.box
        step = (x1 - x0) / max(len(w.text), 1)
        chars.extend(Char(c, (x0 + i * step, y0, x0 + (i + 1) * step, y1)) for i, c in enumerate(w.text))
    return tuple(chars)


SPECK_CONFIDENCE = 50.0


def _speck(word: Word) -> bool:
    """A mark read with low confidence and no letter, digit or "@" in it ("_", "~", "." of a speck of dust):
    it would only stand between detection and a name ("_ Signed: Bartholomew Linnane _"). An "@" read on its
    own is an address's, whatever its confidence."""
    return word.conf < SPECK_CONFIDENCE and not any(c.isalnum() or c == "@" for c in word.text)


def _confidence(words: list[Word]) -> float:
    """Mean confidence of the words with two letters or digits (specks read as '.' or '~' say nothing)."""
    real = [w for w in words if sum(c.isalnum() for c in w.text) >= 2]
    return mean_confidence(real)  # type: ignore[arg-type]


def _unclear(words: list[Word]) -> list[list[Word]]:
    runs: list[list[Word]] = []
    for w in words:
        if w.conf >= UNCLEAR_CONFIDENCE or sum(c.isalnum() for c in w.text) < _MIN_UNCLEAR_CHARS:
            continue
        if runs and runs[-1][-1].line == w.line and words.index(runs[-1][-1]) == words.index(w) - 1:
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs



def _page_box(words: list[Word]) -> Box:
    return (min(w.box[0] for w in words), min(w.box[1] for w in words), max(w.box[2] for w in words),
            max(w.box[3] for w in words))


def _area(b: Box) -> float:
    return max(b[2] - b[0], 0.0) * max(b[3] - b[1], 0.0)


def _failed(out: ScansRead, page: Page, reason: str) -> None:
    """A page OCR could not read: the officer's, and proposed for redaction whole (fail closed)."""
    out.failed[page.number] = page.crop or (0, 0, page.width, page.height)
    _unsure(out, [page.number], reason)


def _unsure(out: ScansRead, pages: list[int], reason: str) -> None:
    out.unsure_pages = sorted(set(out.unsure_pages) | set(pages))
    if reason not in out.reasons:
        out.reasons.append(reason)
