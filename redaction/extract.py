"""Stage 1: text, characters and their boxes, per page (pypdfium2).

Every character pdfium reads from a page becomes a :class:`Char` with its tight box in PDF user space
(points, origin bottom-left, ``[x0, y0, x1, y1]``). Characters pdfium *generates* (line breaks, spaces it
infers between words) are kept, with ``box=None``, so the page text reads naturally.

Later stages search a :class:`TextView` of the whole document instead of raw page text: pages are joined,
each character is NFKC-normalised (ligatures become letters, no-break spaces become spaces) and, when
asked, a word hyphenated at the end of a line is joined again. Every view character keeps a reference to
the page character it came from, so a match in the view maps back to exactly the glyphs to remove.
"""

from __future__ import annotations

import ctypes
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]
CharRef = tuple[int, int]  # (page index, char index), both 0-based

# Soft hyphens and hyphens pdfium may report at a line end.
_HYPHENS = {"-", "\u00ad", "\u2010", "\u2011", "\x02"}


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    box: Box | None
    generated: bool = False


BLANK_PAGE_SEGMENTS = 12  # two framed rectangles and a rule; a letter drawn as outlines alone has more


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    chars: tuple[Char, ...]
    images: tuple[Box, ...] = ()  # bounds of every image drawn on the page (forms included)
    rotation: int = 0  # /Rotate: degrees clockwise the page is turned when displayed (boxes are not)
    crop: Box | None = None  # the CropBox in user space, (x0, y0, x1, y1)
    path_segments: int = 0  # vector path segments, counted only on a page with no text and no image

    @property
    def blank(self) -> bool:
        """Nothing to read: no character, no image and at most a few lines of drawing (a rule, a frame).
        Not a scan: a page that is only an image, or text drawn as outlines, is never blank."""
        return not self.chars and not self.images and self.path_segments <= BLANK_PAGE_SEGMENTS

    @cached_property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


@dataclass(frozen=True)
class TextView:
    """Searchable text of a whole document with a map back to page characters."""

    text: str
    refs: tuple[CharRef | None, ...]  # one per character of ``text``; None for separators

    def char_refs(self, start: int, end: int) -> list[CharRef]:
        """Page characters behind ``text[start:end]``, including glyphs the view dropped in between
        (a line-end hyphen inside a joined word), excluding pdfium's generated characters."""
        mapped = [r for r in self.refs[start:end] if r is not None]
        if not mapped:
            return []
        out: list[CharRef] = []
        for page_index in sorted({p for p, _ in mapped}):
            idx = [i for p, i in mapped if p == page_index]
            out.extend((page_index, i) for i in range(min(idx), max(idx) + 1))
        return out

    def page_of(self, pos: int) -> int | None:
        """0-based page index of the view position, looking forward to the nearest mapped char."""
        for ref in self.refs[pos:]:
            if ref is not None:
                return ref[0]
        return None


@dataclass(frozen=True)
class Document:
    pages: tuple[Page, ...]

    def boxes(self, refs: list[CharRef]) -> list[tuple[int, Box]]:
        """(page index, box) of each referenced character that has a box."""
        out = []
        for p, i in refs:
            ch = self.pages[p].chars[i]
            if ch.box is not None and not ch.generated:
                out.append((p, ch.box))
        return out

    @cached_property
    def view(self) -> TextView:
        return build_view(self, dehyphenate=False)

    @cached_property
    def joined_view(self) -> TextView:
        """The view with words hyphenated at a line end joined again ("exam-\\nple" -> "example")."""
        return build_view(self, dehyphenate=True)


def extract(pdf: pdfium.PdfDocument, only: Sequence[int] | None = None) -> Document:
    """Read every page's characters and boxes (or only the 0-based pages ``only``, in that order: the
    document then holds just those). The pdfium document is not changed."""
    pages = []
    for index in (range(len(pdf)) if only is None else only):
        page = pdf[index]
        try:
            width, height = page.get_size()
            rotation = page.get_rotation() % 360
            crop = page.get_cropbox()
            textpage = page.get_textpage()
            try:
                chars = _page_chars(textpage)
            finally:
                textpage.close()
            images = tuple(tuple(obj.get_bounds()) for obj in
                           page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4))
            segments = _path_segments(page) if not chars and not images else 0
        finally:
            page.close()
        pages.append(Page(number=index + 1, width=width, height=height, chars=chars, images=images,
                          rotation=rotation, crop=tuple(crop), path_segments=segments))
    return Document(pages=tuple(pages))


def _path_segments(page) -> int:
    """Segments of the vector paths drawn on a page (counted only where it has no text and no image): text
    converted to outlines, or a drawn signature, is many segments; a rule or a frame is a handful."""
    total = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING), max_depth=4):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_SHADING:
            total += 1000  # a shading may paint anything: never a blank page
            continue
        total += max(pdfium_c.FPDFPath_CountSegments(obj.raw), 0)
    return total


def _bare(function, restype):
    """A pdfium function called without ctypes' per-argument conversion (``argtypes`` None): the callers pass
    the text page as a ``c_void_p``, indices as ``int`` and ``byref`` doubles, which ctypes passes as they are.
    The same C function, three to four times cheaper per call than pypdfium2's declared binding."""
    bare = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    bare.restype, bare.argtypes = restype, None
    return bare


_GET_UNICODE = _bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_IS_GENERATED = _bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_GET_CHAR_BOX = _bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_GET_LOOSE_BOX = _bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_GET_MATRIX = _bare(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_GET_FONT_SIZE = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_GET_ORIGIN = _bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)

# A word break pdfium did not mark: the room between one glyph's advance and the next glyph on the same line
# is wider than the room its neighbours leave by this share of the font's em. pdftotext breaks a word at
# 0.1 em; the narrowest word spaces are about 0.19 em (Open Sans Condensed Light), kerning and rounding leave
# under 0.05 em and a ligature pdfium splits into equal thirds ("ffi") about 0.06 em. Letter-spacing widens
# every gap of a word alike, so a gap is measured against its neighbours' (:func:`_typical_gaps`).
WORD_GAP_EM = 0.1


def _page_chars(textpage: pdfium.PdfTextPage) -> tuple[Char, ...]:
    raw = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box_args = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    get_unicode, is_generated, get_box = _GET_UNICODE, _IS_GENERATED, _GET_CHAR_BOX
    chars = []
    pending_high = None
    for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
        code = get_unicode(raw, i)
        generated = is_generated(raw, i) == 1
        if 0xD800 <= code <= 0xDBFF:  # pdfium reports astral characters as surrogate pairs
            pending_high = code
            chars.append(Char("", None, True))
            continue
        if pending_high is not None and 0xDC00 <= code <= 0xDFFF:
            text = chr(0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00))
        else:
            text = chr(code) if code else ""
        pending_high = None
        box = None
        if not generated and get_box(raw, i, *box_args):
            box = (left.value, bottom.value, right.value, top.value)
        chars.append(Char(text, box, generated))
    return _with_word_breaks(raw, chars)


def _with_word_breaks(raw: ctypes.c_void_p, chars: list[Char]) -> tuple[Char, ...]:
    """The characters with a generated space where pdfium missed a word break.

    pdfium leaves out a text object with an empty box, so a space glyph a producer draws on its own (Chromium
    writes every glyph as its own ``Tj``) is never read; pdfium then infers a space from the gap to the next
    glyph, but against a threshold of a quarter to half a *letter's* width, which a condensed font's narrow
    space (Open Sans Condensed Light: 0.19 em) does not reach: "ST AUBYN" read "STAUBYN". Here two glyphs
    pdfium reads one after the other, with nothing between them, on the same line and in the same direction,
    are two words when the room between the first one's advance (its loose box) and the second is wider
    than the room the glyphs around them leave (:func:`_typical_gaps`) by :data:`WORD_GAP_EM` of the font
    size."""
    firsts, gaps, heights, turns, runs, lines = _glyph_gaps(raw, chars)
    # a cheap bound first: pdfium's loose box is the font's ascent to descent, under two ems
    candidates = [k for k, gap in enumerate(gaps) if gap > 0.5 * WORD_GAP_EM * heights[k]]
    if not candidates:
        return tuple(chars)
    typical = _typical_gaps(gaps, runs, lines, candidates)
    breaks = {firsts[k] for k in candidates
              if gaps[k] - typical[k] > 0.5 * WORD_GAP_EM * heights[k]
              and _word_gap(raw, firsts[k], gaps[k] - typical[k], turns[k])}
    if not breaks:
        return tuple(chars)
    out: list[Char] = []
    for k, ch in enumerate(chars):
        out.append(ch)
        if k in breaks:
            out.append(Char(" ", None, True))
    return tuple(out)


def _glyph_gaps(raw: ctypes.c_void_p, chars: list[Char]):
    """Each glyph followed by another that pdfium reads with nothing generated between them: the first one's
    index (the second one follows it), the room from its advance to the second glyph along their run's
    direction (:func:`_direction` of the run's first glyph: :func:`_word_gap` checks both glyphs'), its loose
    box's height across it, the direction, and the numbers of their run (glyphs read one after the other
    with nothing between) and of their line (pdfium's, up to a line break)."""
    loose, m = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    loose_ref, m_ref = ctypes.byref(loose), ctypes.byref(m)
    get_loose, get_matrix = _GET_LOOSE_BOX, _GET_MATRIX
    firsts: list[int] = []
    gaps: list[float] = []
    heights: list[float] = []
    turns: list[int] = []
    runs: list[int] = []
    lines: list[int] = []
    run = line = 0
    a = None  # loose box of the glyph before, when nothing came between
    turn = None
    for i, ch in enumerate(chars):
        if ch.box is None or ch.generated or not ch.text.strip():
            if ch.text in ("\r", "\n"):
                line += 1
            if a is not None:
                a = None
                run += 1
            continue
        if not get_loose(raw, i, loose_ref):
            a = None
            run += 1
            continue
        b = loose.left, loose.bottom, loose.right, loose.top
        if a is None:  # a run starts: its direction
            turn = _direction(m.a, m.b) if get_matrix(raw, i, m_ref) else None
        elif turn == 0:
            firsts.append(i - 1)
            gaps.append(b[0] - a[2])
            heights.append(a[3] - a[1])
            turns.append(0)
            runs.append(run)
            lines.append(line)
        elif turn is not None:
            firsts.append(i - 1)
            gaps.append((b[0] - a[2], b[1] - a[3], a[0] - b[2], a[1] - b[3])[turn])
            heights.append(a[3] - a[1] if turn == 2 else a[2] - a[0])
            turns.append(turn)
            runs.append(run)
            lines.append(line)
        a = b
    return firsts, gaps, heights, turns, runs, lines


def _direction(a: float, b: float) -> int | None:
    """The way a glyph whose matrix starts ``a b`` advances in page space, in quarter turns counter-clockwise
    (0: left to right), or None for text at another angle."""
    if abs(b) <= 0.02 * abs(a):
        return 0 if a > 0 else 2
    if abs(a) <= 0.02 * abs(b):
        return 1 if b > 0 else 3
    return None


def _typical_gaps(gaps: list[float], runs: list[int], lines: list[int], wanted: list[int]) -> dict[int, float]:
    """For each gap ``wanted`` (an index of ``gaps``): the room the glyphs around it leave, the lower median
    of the gaps of its run, or of its line when the run has fewer than three (and never below nothing).
    Letter-spacing widens every gap of a word alike; a word's space stands out from them."""
    def span(keys: list[int], k: int) -> list[float]:  # the gaps beside k with the same key (contiguous)
        lo = hi = k
        while lo > 0 and keys[lo - 1] == keys[k]:
            lo -= 1
        while hi + 1 < len(keys) and keys[hi + 1] == keys[k]:
            hi += 1
        return gaps[lo:hi + 1]

    out: dict[int, float] = {}
    known: dict[tuple[str, int], float] = {}  # a run's or a line's, once
    for k in wanted:
        key = ("run", runs[k])
        if key not in known:
            around = span(runs, k)
            if len(around) < 3:
                key = ("line", lines[k])
                around = span(lines, k) if key not in known else []
            known.setdefault(key, max(_lower_median(around), 0.0) if around else 0.0)
        out[k] = known[key]
    return out


def _lower_median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def _em_and_direction(raw: ctypes.c_void_p, i: int) -> tuple[float, int | None]:
    """Glyph ``i``'s font size in page space (the font size times the text and page matrices' scale) and
    its :func:`_direction`."""
    m = pdfium_c.FS_MATRIX()
    if not _GET_MATRIX(raw, i, ctypes.byref(m)):
        return 0.0, None
    return _GET_FONT_SIZE(raw, i) * abs(m.a * m.d - m.b * m.c) ** 0.5, _direction(m.a, m.b)


def _word_gap(raw: ctypes.c_void_p, i: int, room: float, turn: int) -> bool:
    """The gap between glyphs ``i`` and ``i + 1``, ``room`` wider than its neighbours' in direction ``turn``,
    is a word's space (see :func:`_with_word_breaks`)."""
    j = i + 1
    (em_i, turn_i), (em_j, turn_j) = _em_and_direction(raw, i), _em_and_direction(raw, j)
    em = max(em_i, em_j)
    if not (turn_i == turn_j == turn and em > 0 and room > WORD_GAP_EM * em):
        return False
    loose = pdfium_c.FS_RECTF()
    if not _GET_LOOSE_BOX(raw, i, ctypes.byref(loose)):
        return False
    advance = loose.right - loose.left if turn in (0, 2) else loose.top - loose.bottom
    if advance <= 0.05 * em:  # a glyph with no width (a font whose widths are missing): no measure
        return False
    x0, y0, x1, y1 = (ctypes.c_double() for _ in range(4))
    if not (_GET_ORIGIN(raw, i, ctypes.byref(x0), ctypes.byref(y0))
            and _GET_ORIGIN(raw, j, ctypes.byref(x1), ctypes.byref(y1))):
        return False
    across = y1.value - y0.value if turn in (0, 2) else x1.value - x0.value
    return abs(across) <= 0.25 * em  # on the same line: not a superscript, not the next line


def build_view(doc: Document, *, dehyphenate: bool) -> TextView:
    parts: list[str] = []
    refs: list[CharRef | None] = []
    for p, page in enumerate(doc.pages):
        if p:
            parts.append("\n\n")
            refs.extend((None, None))
        chars = page.chars
        n = len(chars)
        i = 0
        while i < n:
            ch = chars[i]
            t = ch.text
            if t == "\r":
                i += 1
                continue
            if dehyphenate and t in _HYPHENS and _joins_word(chars, i, parts):
                # Drop the hyphen and the line break that follows it; the next word continues.
                i += 1
                while i < n and chars[i].text in ("\r", "\n", " ") and chars[i].generated:
                    i += 1
                continue
            if t == "\x02":
                # pdfium's mark for a hyphen it saw at a line end; it also drops the line break after it.
                nxt = chars[i + 1].text if i + 1 < n else ""
                if dehyphenate and (nxt.islower() or nxt.isdigit()):
                    i += 1  # "Intelli-|gence" reads "Intelligence"
                    continue
                parts.append("-")
                refs.append((p, i))
                if not dehyphenate:  # restore the line break the page has
                    parts.append("\n")
                    refs.append(None)
                i += 1
                continue
            if not t or t.isascii():
                norm = t
            elif len(t) == 1 and _byte_swapped(t) and _beside_a_letter(chars, i):
                norm = chr(ord(t) >> 8)  # "O昀昀icer" is "Officer": see _byte_swapped
            else:
                norm = unicodedata.normalize("NFKC", t)
            for c in norm:
                parts.append(c)
                refs.append(None if ch.generated and c in "\r\n " else (p, i))
            i += 1
    return TextView(text="".join(parts), refs=tuple(refs))


def _byte_swapped(t: str) -> bool:
    """A letter a producer wrote into its ToUnicode map in the wrong byte order: some Ghostscript output maps
    the "ff" and "fi" ligatures to <66006600> and <66006900>, the UTF-16LE bytes of the letters, which every
    reader then reads as the CJK characters U+6600 and U+6900 ("O昀昀icer", "Gri昀昀椀ths"). A code point whose
    low byte is zero and whose high byte is an ASCII letter, inside a Latin word, is that letter."""
    code = ord(t)
    return code & 0xFF == 0 and 0x41 <= code >> 8 <= 0x7A and chr(code >> 8).isalpha()


def _beside_a_letter(chars: tuple[Char, ...], i: int) -> bool:
    """The character before or after (past others written the same wrong way) is an ASCII letter."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(chars) and len(chars[j].text) == 1 and _byte_swapped(chars[j].text):
            j += step
        if 0 <= j < len(chars) and chars[j].text.isascii() and chars[j].text.isalpha():
            return True
    return False


def _joins_word(chars: tuple[Char, ...], i: int, before: list[str]) -> bool:
    """True when the hyphen at ``i`` ends a line and splits a word: letters before it, a line break
    after it, and a lower-case letter (or a digit in an address) starting the next line."""
    if not before or not (before[-1].isalnum()):
        return False
    j = i + 1
    saw_break = False
    while j < len(chars) and chars[j].text in ("\r", "\n", " "):
        saw_break = saw_break or chars[j].text in ("\r", "\n")
        j += 1
    if not saw_break or j >= len(chars):
        return False
    nxt = chars[j].text
    return nxt.islower() or nxt.isdigit()
