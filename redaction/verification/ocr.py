"""What the pictures say: every image read by tesseract, and every page that draws patterns, shadings or
soft masks rendered by pdfium and read too (text there is drawn, not written: no text reader sees it).

=================  =========================================================================================
ocr                tesseract reads a removed value in an image (all its pixels, cropped-away ones too) or in
                   a rendered page with patterns or soft masks — exactly or allowing OCR's errors
                   (:mod:`.ocr_match`); or, in Part 1, most of a Part 2 line (the caller's Part 2 sentences,
                   the input's Part 2 text, and the verifier's own OCR of the input's Part 2 pictures); or
                   there are such pictures and tesseract is not installed (what cannot be read cannot be
                   proved clean). In a part from which values were removed, a band of print-like ink no
                   word of the reading covers (:mod:`.ocr_ink`; filled areas such as redaction boxes set
                   aside) is read again alone and checked too; a band still unread fails (``FAIL_ON_UNREAD``).
                   A picture printed in colour is also read in other projections of its colours
                   (:mod:`.ocr_colour`: grey erases red print on a green of its lightness)
=================  =========================================================================================

A page-sized picture (a scan, a rasterised page) is read at about 300 dpi on an A4 page whatever its own
resolution (a 150 dpi scan is enlarged: tesseract misses small text below that); pictures are read in
parallel, one tesseract per core.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pikepdf
import pypdfium2 as pdfium
from PIL import ImageFilter
from pikepdf import PdfImage

from .matcher import Matcher
from .ocr_colour import printed_in_colour, projections
from .ocr_ink import unread_bands
from .ocr_match import FuzzyMatcher, LineMatcher
from .pdfium_calls import opened
from .result import fail

_MIN_SIDE = 24  # pixels: smaller images hold no readable word
_TARGET = 2000  # pixels on the long side: enough for body text, bounded cost for a page scan
_PAGE_SIDE = 1500  # a picture this long or longer may be a whole page: read at about 300 dpi (A4)
_PAGE_TARGET = 3500
_PAGE_SCALE = 2.5  # pdfium render scale for a page (180 dpi)
_PART2_SCALE = 300 / 72  # the input's Part 2 pictures
_TIMEOUT = 120  # seconds for one picture
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
# On. It was off while it refused every redacted noisy tuning scan: the unread bands there were the engine's
# solid boxes (with their blurred, JPEG-ringed edges and the speckle beside them) on lines whose words were
# read; the verifier now finds filled areas itself (.ocr_ink.filled_areas) and sets them aside.
FAIL_ON_UNREAD = True
_MAX_BANDS = 20  # unread bands of one picture read again alone (more left unread fail the check)
_MAX_PIXELS = 16_000_000  # a rendered page never exceeds this (pages may be up to 5,000 points a side)


def _bounded(scale: float, page) -> float:
    width, height = page.get_size()
    area = max(width, 1.0) * max(height, 1.0) * scale * scale
    return scale if area <= _MAX_PIXELS else scale * (_MAX_PIXELS / area) ** 0.5


@dataclass
class OcrExpectations:
    """What no picture of an output may show (built once per redaction, see :func:`expectations`)."""

    values: Matcher
    fuzzy: FuzzyMatcher
    part2: LineMatcher | None = None  # Part 2 lines: only Part 1 is checked against them
    grams: set = field(default_factory=set)  # the verifier's Part 2 word sequences (.tokens)
    pictured: LineMatcher | None = None  # the lines of the input's Part 2 pictures only (for Part 1's text)

    @property
    def empty(self) -> bool:
        return self.values.empty and (self.part2 is None or self.part2.empty) and not self.grams


def expectations(values: list[str], matcher: Matcher, part2_lines: list[str], part1_text: str,
                 grams: set, pictured: str = "") -> OcrExpectations:
    lines = LineMatcher(part2_lines, part1_text) if part2_lines else None
    own = LineMatcher(pictured.splitlines(), part1_text) if pictured.strip() else None
    return OcrExpectations(matcher, FuzzyMatcher(values), lines, grams, own)


def check_part2_text(texts: dict[str, list[str]], expect: OcrExpectations | None, part: int) -> bool:
    """Part 1's text (a scan's text layer, say) holding most of a line of the input's Part 2 pictures fails
    ``part2-ngrams``: the engine's split did not remove it. Returns whether the check ran."""
    if part != 1 or expect is None or expect.pictured is None or expect.pictured.empty:
        return False
    for pages in texts.values():
        for number, text in enumerate(pages, 1):
            if expect.pictured.search(text):
                fail("part2-ngrams", part, number)
    return True


def check_ocr(data: bytes, pdf: pikepdf.Pdf, part: int, values) -> None:
    """``values``: an :class:`OcrExpectations` (or a plain :class:`Matcher`: values only, exactly)."""
    expect = values if isinstance(values, OcrExpectations) else OcrExpectations(values, FuzzyMatcher([]))
    if expect.empty:
        return
    images = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream)
              and str(obj.get("/Subtype", "")) == "/Image" and "/ImageMask" not in obj
              and int(obj.get("/Width", 0)) >= _MIN_SIDE and int(obj.get("/Height", 0)) >= _MIN_SIDE]
    drawn = [i for i, page in enumerate(pdf.pages) if _paints(page.obj.get("/Resources"), 0)]
    if not images and not drawn:
        return
    exe = shutil.which("tesseract")
    if exe is None:
        fail("ocr", part, reason="tesseract is not installed and the output holds pictures")
    pictures: list[tuple[int | None, object]] = []
    coloured: list[tuple[int | None, object]] = []  # other projections of pictures printed in colour (.ocr_colour)
    for obj in images:
        try:
            image = PdfImage(obj).as_pil_image()
            pictures.append((None, _scaled(image)))
        except Exception:  # noqa: BLE001 - the images check fails it; nothing to read here
            continue
        coloured += _in_colour(None, image)
    if drawn:
        doc = pdfium.PdfDocument(data)
        try:
            for index in drawn:
                rendered = doc[index].render(scale=_bounded(_PAGE_SCALE, doc[index])).to_pil()
                pictures.append((index + 1, rendered))
                coloured += _in_colour(index + 1, rendered)
        finally:
            doc.close()
    unread = []
    # grey can erase print that differs from its background in hue (red on green): a picture printed in colour is
    # read in other projections of its colours too, and their text searched as the grey reading's (stricter only)
    for page, text in (_read_all(exe, pictures, part, unread=unread if not expect.values.empty else None)
                       + _read_all(exe, coloured, part)):
        if expect.values.search(text) or expect.fuzzy.search(text):
            fail("ocr", part, page)
        if part == 1 and _shows_part2(text, expect):
            fail("ocr", part, page, reason="Part 2 text is read in a picture of Part 1")
    if unread and FAIL_ON_UNREAD:
        fail("ocr", part, unread[0], reason="a picture shows print OCR cannot read: it cannot be checked for "
             "the removed values (redact it, or replace the picture with a clearer one)")


def _in_colour(page: int | None, picture) -> list[tuple[int | None, object]]:
    """The picture's other projections (:func:`.ocr_colour.projections`), scaled as the grey one is, when it
    is printed in colour; else none."""
    try:
        if not printed_in_colour(picture):
            return []
        return [(page, _scaled(p)) for p in projections(picture)]
    except (OSError, ValueError):  # a picture PIL cannot convert: its grey reading stands
        return []


def _shows_part2(text: str, expect: OcrExpectations) -> bool:
    if expect.part2 is not None and expect.part2.search(text):
        return True
    if expect.grams:
        from .tokens import ngrams

        return any(expect.grams & ngrams(text, n) for n in {len(g) for g in expect.grams})
    return False


class InputPictures:
    """The verifier's own reading of the input's pictured pages (:func:`_pictured`), shared by
    :func:`input_pictured_text` and :func:`input_part2_text`: each page rendered at 300 dpi and read by tesseract
    (TSV: every word with its line and pixel box) at most once per verification, read in parallel as asked
    for. Nothing of the engine's OCR is used."""

    def __init__(self, data: bytes, shared=None):
        self.data = data
        self.shared = shared  # the input the verifier opened once (pdfium_calls.Opened), if any
        self.exe = shutil.which("tesseract")
        self._pictured: list[int] | None = None
        self._rotated: set[int] = set()
        self._words: dict[int, list] = {}  # page index -> [((block, par, line), word, (x0, y0, x1, y1))]
        self.readings = 0  # tesseract readings made (each input picture at most once)

    def pictured(self) -> list[int]:
        """The 0-based indices of the input's pages that are pictures."""
        if self._pictured is None:
            doc, own = self.document()
            try:
                self._pictured = [index for index in range(len(doc)) if _pictured(doc[index])]
                self._rotated = {index for index in self._pictured if doc[index].get_rotation() % 360}
            finally:
                if own:
                    doc.close()
        return self._pictured

    def document(self) -> tuple:
        """(the input as pdfium reads it, whether the caller closes it): the shared one when there is one."""
        return opened(self.shared if self.shared is not None else self.data)

    def rotated(self, index: int) -> bool:
        self.pictured()
        return index in self._rotated

    def words(self, indices) -> dict[int, list]:
        """Each pictured page's words (read now unless read before in this verification)."""
        wanted = [i for i in indices if i in set(self.pictured())]
        todo = [i for i in wanted if i not in self._words]
        if todo and self.exe is not None:
            doc, own = self.document()
            try:
                pictures = [(index, doc[index].render(scale=_bounded(_PART2_SCALE, doc[index])).to_pil().convert("L"))
                            for index in todo]
            finally:
                if own:
                    doc.close()
            for (index, _), words in zip(pictures, _read_words_all(self.exe, pictures)):
                self._words[index] = words
            self.readings += len(pictures)
        return {i: self._words[i] for i in wanted if i in self._words}


def _inputs(source) -> InputPictures:
    return source if isinstance(source, InputPictures) else InputPictures(source)


def input_part2_text(source, boundary: tuple[int, float] | None) -> tuple[str, str]:
    """The verifier's own OCR of the input's Part 2 pictures: every page from the boundary page on that draws
    an image, the boundary page cut at the start (an unrotated page; a turned one counts only after the
    start): its words below the start are Part 2's, those above Part 1's. Returns (Part 2 text, Part 1's
    pictured text: the pages before and the boundary page above the start, so what both parts show — a running
    header, a repeated paragraph — is not taken for Part 2's own). What the text readers see of Part 2 is in
    the source already. ``source``: the input's bytes, or its :class:`InputPictures` (read once, shared)."""
    if not boundary:
        return "", ""
    pictures = _inputs(source)
    if pictures.exe is None:
        return "", ""
    first, y = int(boundary[0]) - 1, float(boundary[1])
    first = max(first, 0)
    later = [i for i in pictures.pictured() if i >= first]
    if not later:
        return "", ""
    before = [i for i in pictures.pictured() if i < first]
    if first in later and pictures.rotated(first):
        later.remove(first)
    words = pictures.words(before + later)
    part2, above = [], [_text_of(words.get(i, [])) for i in before]
    for index in later:
        page_words = words.get(index, [])
        if index == first:
            doc, own = pictures.document()
            try:
                height = doc[index].get_size()[1]
            finally:
                if own:
                    doc.close()
            cut = int(round((height - y) * _PART2_SCALE))
            # a word belongs below the start when its middle is: the picture was once cut there and each half
            # read alone (the same page read twice more); one reading of the whole page, split by its boxes
            below = [w for w in page_words if (w[2][1] + w[2][3]) / 2 >= cut]
            above.append(_text_of([w for w in page_words if (w[2][1] + w[2][3]) / 2 < cut]))
            page_words = below
        part2.append(_text_of(page_words))
    return "\n".join(part2), "\n".join(above)


def input_pictured_text(source) -> str:
    """The verifier's own OCR of every input page that draws a picture (a scan, a screenshot), for the
    ``tokens`` check: the words a scanned page shows outside its removed values, which no text reader sees.
    ``source``: the input's bytes, or its :class:`InputPictures` (read once, shared)."""
    pictures = _inputs(source)
    if pictures.exe is None:
        return ""
    words = pictures.words(pictures.pictured())
    return "\n".join(_text_of(words[i]) for i in pictures.pictured() if i in words)


def _pictured(page) -> bool:
    """A page that is a picture: an image over a quarter of it, or images and almost no text."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    images = [obj.get_bounds() for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4)]
    if not images:
        return False
    if any((b[2] - b[0]) * (b[3] - b[1]) >= 0.25 * width * height for b in images):
        return True
    textpage = page.get_textpage()
    try:
        return len(textpage.get_text_range().split()) < 5
    finally:
        textpage.close()


def _read_all(exe: str, pictures: list, part: int, unread: list | None = None) -> list[tuple[int | None, str]]:
    """Each picture's text. ``unread``: when given, the pages (or None) of pictures showing print-like ink
    no word read covers (:mod:`.ocr_ink`) are appended to it."""
    if not pictures:
        return []
    def read(item):
        if unread is None:
            return _read(exe, item[1], part), False
        picture = item[1]
        text, boxes = _read_boxes(exe, picture, part)
        bands = unread_bands(picture, boxes)
        for x0, y0, x1, y1 in bands[:_MAX_BANDS]:  # each unread band read again alone, as one line
            pad = max(6, (y1 - y0) // 3)
            left, top = max(0, x0 - pad), max(0, y0 - pad)
            more, found = _read_boxes(exe, picture.crop((left, top, min(picture.width, x1 + pad),
                                                         min(picture.height, y1 + pad))), part, psm=7)
            text += "\n\n" + more
            boxes += [(b[0] + left, b[1] + top, b[2] + left, b[3] + top) for b in found]
        return text, bool(bands) and bool(unread_bands(picture, boxes))
    with ThreadPoolExecutor(max_workers=_cores()) as pool:
        texts = list(pool.map(read, pictures))
    if unread is not None:
        unread.extend(page for (page, _), (_, blind) in zip(pictures, texts) if blind)
    return [(page, text) for (page, _), (text, _) in zip(pictures, texts)]


def _paints(resources, depth: int) -> bool:
    """Patterns, shadings or soft masks anywhere in the page's resources (forms included)."""
    if not isinstance(resources, pikepdf.Dictionary) or depth > 8:
        return False
    if "/Pattern" in resources or "/Shading" in resources:
        return True
    states = resources.get("/ExtGState")
    if isinstance(states, pikepdf.Dictionary) and any(
            isinstance(s, pikepdf.Dictionary) and isinstance(s.get("/SMask"), pikepdf.Dictionary)
            for _, s in states.items()):
        return True
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, pikepdf.Dictionary):
        for _, x in xobjects.items():
            if isinstance(x, pikepdf.Stream) and str(x.get("/Subtype", "")) == "/Form" \
                    and _paints(x.get("/Resources"), depth + 1):
                return True
    return False


def _scaled(picture):
    """Grey, at a size tesseract reads well; a page-sized picture also cleared of specks (median filter)."""
    picture = picture.convert("L")
    side = max(picture.size)
    target = _PAGE_TARGET if side >= _PAGE_SIDE else _TARGET
    if side < target / 2 or side > target * 1.5 or (side >= _PAGE_SIDE and side < _PAGE_TARGET * 0.8):
        factor = target / side
        picture = picture.resize((max(1, int(picture.width * factor)), max(1, int(picture.height * factor))))
    if side >= _PAGE_SIDE:
        picture = picture.filter(ImageFilter.MedianFilter(3))
    return picture


def _read_words(exe: str, picture, part: int, psm: int | None = None) -> list:
    """Every word tesseract reads in the picture, from one TSV reading, in its order: ((block, paragraph,
    line), text, (x0, y0, x1, y1) in pixels)."""
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    try:
        mode = ["--psm", str(psm)] if psm is not None else []
        done = subprocess.run([exe, "stdin", "stdout", *mode, "tsv"], input=buf.getvalue(), capture_output=True,
                              timeout=_TIMEOUT, check=False, env=_ENV)
    except (OSError, subprocess.TimeoutExpired):
        fail("ocr", part)
    if done.returncode != 0:
        fail("ocr", part)
    words = []
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        try:
            left, top, width, height = int(f[6]), int(f[7]), int(f[8]), int(f[9])
            box = (left, top, left + width, top + height)
        except ValueError:
            box = None
        words.append(((f[2], f[3], f[4]), f[11].strip(), box))
    return words


def _text_of(words: list) -> str:
    """The words as tesseract's text output lays them out: a line per line, a blank line between paragraphs."""
    lines: dict[tuple[str, str, str], list[str]] = {}
    for key, word, _ in words:
        lines.setdefault(key, []).append(word)
    text, previous = [], None
    for (block, par, _), line in lines.items():
        if previous is not None and previous != (block, par):
            text.append("")
        text.append(" ".join(line))
        previous = (block, par)
    return "\n".join(text)


def _read_words_all(exe: str, pictures: list) -> list[list]:
    """Each picture's words (:func:`_read_words`), one tesseract per core."""
    with ThreadPoolExecutor(max_workers=_cores()) as pool:
        return list(pool.map(lambda item: _read_words(exe, item[1], 0), pictures))


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _read_boxes(exe: str, picture, part: int, psm: int | None = None) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The picture's text (a line per line, a blank line between paragraphs, as tesseract's text output) and
    the pixel box of every word read, from one TSV reading."""
    words = _read_words(exe, picture, part, psm)
    return _text_of(words), [box for _, _, box in words if box is not None]


def _read(exe: str, picture, part: int) -> str:
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    try:
        done = subprocess.run([exe, "stdin", "stdout"], input=buf.getvalue(), capture_output=True,
                              timeout=_TIMEOUT, check=False, env=_ENV)
    except (OSError, subprocess.TimeoutExpired):
        fail("ocr", part)
    if done.returncode != 0:
        fail("ocr", part)
    return done.stdout.decode("utf-8", "replace")
