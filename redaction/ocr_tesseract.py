"""Tesseract, called as a program: one picture in, its words with pixel boxes, line numbers and confidences out.

The tesseract CLI (Debian ``tesseract-ocr`` with ``tesseract-ocr-eng``) is called directly with its TSV
output rather than through pytesseract or OCRmyPDF: TSV is the one output that carries every word's box and
confidence (what detection, the officer's prompt and the text layer need), pytesseract would only wrap
this same call, and OCRmyPDF brings a pipeline of its own (and pins of pikepdf and pdfminer) around a step
that is one subprocess here. Each call runs single-threaded (``OMP_THREAD_LIMIT=1``); pictures are read in
parallel, one tesseract per core, which is how OCRmyPDF gets its throughput too.

Nothing here touches the network or a file: pictures go in on stdin, the TSV comes back on stdout.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from PIL import Image

_BICUBIC = Image.BICUBIC

MIN_CONFIDENCE = 60.0  # tesseract's mean word confidence under which a reading is not trusted
TIMEOUT = 60  # seconds for one picture
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


@dataclass(frozen=True)
class PixelWord:
    text: str
    box: tuple[int, int, int, int]  # pixels, (left, top, right, bottom), row 0 at the top
    line: int  # block * 1e6 + paragraph * 1e3 + line: words of one line share it
    conf: float  # 0..100
    angle: int = 0  # degrees anticlockwise the picture was turned to read the word upright


def executable() -> str | None:
    return shutil.which("tesseract")


def workers() -> int:
    """Tesseract processes at once: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def read_words(exe: str, picture, dpi: int = 300, psm: int | None = None) -> list[PixelWord] | None:
    """Words of ``picture`` (a PIL image), or None when tesseract fails or times out. ``psm``: tesseract's
    page segmentation mode (None: its default, automatic)."""
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    mode = ["--psm", str(psm)] if psm is not None else []
    try:
        done = subprocess.run([exe, "stdin", "stdout", "--dpi", str(dpi), *mode, "tsv"], input=buf.getvalue(),
                              capture_output=True, timeout=TIMEOUT, check=False, env=_ENV)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[PixelWord]:
    words = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        try:
            left, top, width, height, conf = int(f[6]), int(f[7]), int(f[8]), int(f[9]), float(f[10])
            line = int(f[2]) * 1_000_000 + int(f[3]) * 1000 + int(f[4])  # block, paragraph, line
        except ValueError:
            continue
        words.append(PixelWord(f[11].strip(), (left, top, left + width, top + height), line, conf))
    return words


def mean_confidence(words: list[PixelWord]) -> float:
    return sum(w.conf for w in words) / len(words) if words else 100.0


def best_reading(exe: str, picture, first_angle: int = 0, dpi: int = 300,
                 second_look: bool = False) -> list[PixelWord] | None:
    """The picture read at ``first_angle`` (degrees anticlockwise, PIL's sense); when that reading is not
    confident, read the way tesseract's orientation detection says it stands (:func:`orientation`) and, when
    that is not confident either (or detection says nothing), each other quarter turn too, keeping the reading
    with the most confidently read text (:func:`content`) with its boxes turned back into the unturned
    picture; a picture turned further off level than tesseract follows is read level too (:func:`straightened`).
    A page upside down reads as confident-looking fragments when turned a quarter (a few words, each
    read well), so a reading is judged by how much it reads well, not by its mean. ``second_look``: lines read
    with a weak word are read again other ways (:func:`look_again`). None when tesseract fails or times out."""
    first = first_angle % 360
    words = read_words(exe, picture.rotate(first, expand=True) if first else picture, dpi)
    if words is None:
        return None
    readings = [(first, words)]
    if words and mean_confidence(words) < MIN_CONFIDENCE:
        detected = orientation(exe, picture)
        rest = [a for a in (0, 90, 270, 180) if a != first]
        if detected is not None and detected != first:
            rest = [detected] + [a for a in rest if a != detected]
        for angle in rest:
            words = read_words(exe, picture.rotate(angle, expand=True) if angle else picture, dpi)
            if words is None:
                return None
            readings.append((angle, words))
            if angle == detected and words and mean_confidence(words) >= MIN_CONFIDENCE:
                break
    best_angle, best = max(readings, key=lambda r: content(r[1]))
    upright = picture.rotate(best_angle, expand=True) if best_angle else picture
    best, upright, turn = straightened(exe, upright, best, dpi)
    best_conf = mean_confidence(best)
    if second_look and best_conf >= MIN_CONFIDENCE:
        best = look_again(exe, upright, best, dpi)
    if turn:
        best = [replace(w, box=_unskew(w.box, turn, upright.size)) for w in best]
    return [PixelWord(w.text, unturn(w.box, best_angle, picture.size), w.line, w.conf, best_angle) for w in best]


# --- a page turned off square -------------------------------------------------------------------------------
# Tesseract follows a line of print a few degrees off level, but a page turned further (a slip scanned with the
# lid open, a photo taken askew) comes out in pieces: a heading cut into two lines at the middle, the end of a
# line read as another line and garbled, an address at the foot read as noise. So a page whose rows of ink lie
# more than TURNED_SKEW off level is read straightened too, and the reading with more letters and digits read
# confidently is kept (:func:`letters_read_well`): a page it does not help keeps its first reading. Not
# :func:`content`: a line read in pieces adds a word's worth of confidence for each garbled piece.
TURNED_SKEW = 3.0  # degrees: a page turned more than this is read straightened too (less: tesseract copes)
_MAX_TURN = 12.0  # degrees looked at either way (more is a page placed on the glass crosswise: OSD's business)


def straightened(exe: str, picture, words: list[PixelWord], dpi: int = 300):
    """(words, picture, angle): ``words`` of ``picture`` as they are (angle 0), or, when the picture's rows
    of ink lie ``TURNED_SKEW`` degrees or more off level and the picture turned level reads more text well,
    that reading, the turned picture and the angle it was turned by (anticlockwise, PIL, about its centre,
    no expand: :func:`_unskew` puts a box back). Tesseract failing keeps the first reading."""
    if not words:
        return words, picture, 0.0
    angle = turn_angle(picture)
    if abs(angle) < TURNED_SKEW:
        return words, picture, 0.0
    level = picture.rotate(angle, resample=_BICUBIC, fillcolor=_white(picture))
    straight = read_words(exe, level, dpi)
    if not straight or letters_read_well(straight) <= letters_read_well(words):
        return words, picture, 0.0
    return straight, level, angle


def letters_read_well(words: list[PixelWord]) -> int:
    """Letters and digits of the words read with ``WEAK_WORD`` confidence or more."""
    return sum(letters_and_digits(w) for w in words if w.conf >= WEAK_WORD)


def turn_angle(picture, limit: float = _MAX_TURN) -> float:
    """Degrees to turn ``picture`` anticlockwise so its rows of text lie level, looked for up to ``limit``
    either way: every half degree, then every tenth around the best (:func:`skew_angle`'s measure)."""
    ink = _ink_small(picture)
    # ties go to the smaller turn: a picture without rows of ink (blank, a single mark) is level
    steps = [a / 2 for a in range(int(-limit * 2), int(limit * 2) + 1)]
    coarse = max((_sharpness(ink, a), -abs(a), a) for a in steps)[2]
    return max((_sharpness(ink, coarse + t / 10), -abs(coarse + t / 10), coarse + t / 10) for t in range(-4, 5))[2]


def _white(picture):
    return {"L": 255, "1": 1, "LA": (255, 255), "RGBA": (255, 255, 255, 255)}.get(picture.mode, (255, 255, 255))


def _ink_small(picture):
    import numpy as np
    from PIL import Image

    small = picture.convert("L").resize((max(1, picture.width // 4), max(1, picture.height // 4)))
    return Image.fromarray(((np.asarray(small) < 128) * 255).astype("uint8"))


def _sharpness(ink, angle: float) -> float:
    """How sharply the rows of ink change from row to row with ``ink`` turned ``angle`` degrees."""
    import numpy as np
    from PIL import Image

    rows = (np.asarray(ink.rotate(angle, resample=Image.NEAREST)) > 0).sum(axis=1).astype(float)
    return float(((rows[1:] - rows[:-1]) ** 2).sum())


def content(words: list[PixelWord]) -> float:
    """How much of a reading is read well: the confidence of its words of two letters or digits or more,
    added up (a reading the wrong way up reads few such words, and those poorly)."""
    return sum(w.conf for w in words if sum(c.isalnum() for c in w.text) >= 2)


_OSD_TIMEOUT = 30


def orientation(exe: str, picture) -> int | None:
    """Degrees anticlockwise (PIL's sense) to turn ``picture`` so its text stands upright, by tesseract's
    orientation detection (``--psm 0``) on a copy at most 1600 pixels high; None when it cannot tell (too
    little text, a failure, a timeout)."""
    small = picture
    if max(picture.size) > 1600:
        f = 1600 / max(picture.size)
        small = picture.resize((max(1, int(picture.width * f)), max(1, int(picture.height * f))))
    buf = io.BytesIO()
    small.save(buf, "PNG")
    try:
        done = subprocess.run([exe, "stdin", "stdout", "--psm", "0"], input=buf.getvalue(), capture_output=True,
                              timeout=_OSD_TIMEOUT, check=False, env=_ENV)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_osd(done.stdout.decode("utf-8", "replace")) if done.returncode == 0 else None


def parse_osd(text: str) -> int | None:
    """The anticlockwise turn of tesseract's OSD report ("Rotate: 90" is a quarter turn clockwise)."""
    for row in text.splitlines():
        key, _, value = row.partition(":")
        if key.strip() == "Rotate":
            try:
                clockwise = int(value.strip())
            except ValueError:
                return None
            return (360 - clockwise) % 360 if clockwise in (0, 90, 180, 270) else None
    return None


# --- a second look at weak lines --------------------------------------------------------------------------
# A noisy, skewed scan of 150 dpi is read well on most lines, but a line here and there comes out with a
# garbled word ("Ottilie cae," for "Ottilie Brackenbury,") — which reading garbles which line changes with
# the slightest change to the pixels. So a page with such lines is read twice more — straightened (its skew
# measured from the rows of ink) and as one block of text (--psm 6) — and each weak line is taken from the
# reading that read the same line most confidently. Tuned on the committed scans and sets generated for it.
WEAK_WORD = 80.0  # a line with a word of 3+ letters or digits read with less confidence is read again
_WEAK_LETTER = 50.0  # ... or a word of one or two (a domain's "a uk" for "org.uk") with less than this
_MIN_SKEW = 0.3  # degrees: less is not worth straightening
_MAX_SKEW = 4.0
_MIN_ADDED = 70.0  # a line only another reading found is added when read at least this confidently
_ADDED_LINE = 999_000_000  # line numbers of added lines (tesseract's are block * 1e6 + ...; no clash)
_BETTER_BY = 3.0  # a line's confidence must gain this much for the other reading to be taken


def look_again(exe: str, picture, words: list[PixelWord], dpi: int = 300) -> list[PixelWord]:
    """``words`` (a reading of ``picture``) with each weak line replaced by the same line of another reading
    of it when that line is read more confidently. Tesseract failing here keeps the first reading."""
    if not any(_weak(line) for line in words_by_line(words).values()):
        return words
    others = []
    angle = skew_angle(picture)
    if abs(angle) >= _MIN_SKEW:
        straight = read_words(exe, picture.rotate(angle, resample=_BICUBIC, fillcolor=255), dpi)
        if straight:
            others.append([replace(w, box=_unskew(w.box, angle, picture.size)) for w in straight])
    block = read_words(exe, picture, dpi, psm=6)
    if block:
        others.append(block)
    return merge_lines(words, others)


def merge_lines(words: list[PixelWord], others: list[list[PixelWord]], first_added: int = _ADDED_LINE) -> list[PixelWord]:
    """Each weak line of ``words`` replaced by the most confident line of ``others`` lying where it lies
    (the same stretch of the picture); the line keeps its number and place in the reading. A confident line of
    ``others`` at a height where ``words`` has no line (the first reading lost it) is added in its place
    from top to bottom."""
    other_lines = [line for reading in others for line in words_by_line(reading).values()]
    chosen: list[tuple[int, list[PixelWord]]] = []
    for number, line in words_by_line(words).items():
        best, score = line, _score(line)
        if _weak(line):
            for candidate in other_lines:
                if _same_place(line, candidate) and _score(candidate) > score + _BETTER_BY:
                    best, score = candidate, _score(candidate)
        chosen.append((number, best))
    added = 0
    for candidate in other_lines:  # a line the first reading dropped altogether (its layout analysis lost it)
        if _score(candidate) < _MIN_ADDED or sum(letters_and_digits(w) >= 2 for w in candidate) < 2 \
                or any(_same_height(candidate, line) for _, line in chosen):
            continue
        added += 1
        centre = (_span(candidate)[1] + _span(candidate)[3]) / 2
        at = next((i for i, (_, line) in enumerate(chosen) if (_span(line)[1] + _span(line)[3]) / 2 > centre),
                  len(chosen))
        chosen.insert(at, (first_added + added, candidate))
    return [replace(w, line=number) for number, line in chosen for w in line]


def skew_angle(picture) -> float:
    """Degrees to turn ``picture`` anticlockwise (PIL) so its rows of text lie level: the angle whose rows
    of ink change most sharply from row to row (a projection profile, on a quarter-size copy)."""
    import numpy as np
    from PIL import Image

    small = picture.convert("L").resize((max(1, picture.width // 4), max(1, picture.height // 4)))
    ink = Image.fromarray(((np.asarray(small) < 128) * 255).astype("uint8"))
    best, angle = -1.0, 0.0
    for tenth in range(int(-_MAX_SKEW * 10), int(_MAX_SKEW * 10) + 1, 2):
        rows = (np.asarray(ink.rotate(tenth / 10, resample=Image.NEAREST)) > 0).sum(axis=1).astype(float)
        sharp = float(((rows[1:] - rows[:-1]) ** 2).sum())
        if sharp > best:
            best, angle = sharp, tenth / 10
    return angle


def _unskew(box, angle: float, size) -> tuple[int, int, int, int]:
    """A box of the picture turned ``angle`` degrees anticlockwise about its centre (PIL, no expand) back in
    the unturned picture: the box around its turned-back corners."""
    import math

    cx, cy = size[0] / 2, size[1] / 2
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        u, v = x - cx, y - cy
        xs.append(cx + u * c - v * s)
        ys.append(cy + u * s + v * c)
    return (int(math.floor(min(xs))), int(math.floor(min(ys))), int(math.ceil(max(xs))), int(math.ceil(max(ys))))


def words_by_line(words: list[PixelWord]) -> dict[int, list[PixelWord]]:
    """The words of a reading by the line tesseract put them on."""
    lines: dict[int, list[PixelWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return lines


def letters_and_digits(word: PixelWord) -> int:
    """How many letters and digits a word read holds (what a reading is scored on)."""
    return sum(c.isalnum() for c in word.text)


def _weak(line: list[PixelWord]) -> bool:
    return any(letters_and_digits(w) >= 3 and w.conf < WEAK_WORD or letters_and_digits(w) and w.conf < _WEAK_LETTER for w in line)


def _score(line: list[PixelWord]) -> float:
    """Confidence of the line's letters and digits (each word weighted by how many it has)."""
    real = [(w.conf, letters_and_digits(w)) for w in line if letters_and_digits(w)]
    return sum(c * n for c, n in real) / sum(n for _, n in real) if real else 0.0


def _same_place(a: list[PixelWord], b: list[PixelWord]) -> bool:
    """``b`` reads the line ``a`` read: at its height, over (nearly) all of it — never a part of it only, so
    no word of the line is lost — and not over twice its width (a garbled word's box may be short)."""
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = _span(a), _span(b)
    overlap_x = min(ax1, bx1) - max(ax0, bx0)
    height = min(ay1 - ay0, by1 - by0)
    return (overlap_x >= 0.9 * (ax1 - ax0) and bx1 - bx0 <= 2 * (ax1 - ax0)
            and abs((ay0 + ay1) - (by0 + by1)) / 2 <= 0.5 * max(height, 1))


def _same_height(a: list[PixelWord], b: list[PixelWord]) -> bool:
    """Two lines at one height of the picture (the same line, or one another reading already gave)."""
    (_, ay0, _, ay1), (_, by0, _, by1) = _span(a), _span(b)
    return abs((ay0 + ay1) - (by0 + by1)) / 2 < 0.5 * max(min(ay1 - ay0, by1 - by0), 1)


def _span(line: list[PixelWord]) -> tuple[int, int, int, int]:
    return (min(w.box[0] for w in line), min(w.box[1] for w in line), max(w.box[2] for w in line),
            max(w.box[3] for w in line))


def unturn(box, angle: int, size) -> tuple[int, int, int, int]:
    """A box in the picture turned ``angle`` degrees anticlockwise (PIL, expand) back in the original."""
    w, h = size
    back = {0: lambda u, v: (u, v), 90: lambda u, v: (w - v, u), 270: lambda u, v: (v, h - u),
            180: lambda u, v: (w - u, h - v)}[angle]
    (ax, ay), (bx, by) = back(box[0], box[1]), back(box[2], box[3])
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def read_many(exe: str, jobs, *, max_workers: int | None = None, second_look: bool = False, reader=None):
    """``jobs``: an iterable of (key, picture, first_angle[, second_look]); yields (key, words or None) as
    each finishes, in the order given, with one tesseract per core. Pictures are made lazily, a few ahead of
    the readers, so a long scan never holds every page's pixels at once. ``reader``: called as
    ``best_reading`` is (its result yielded instead), e.g. ``ocr_checked.checked_reading``."""
    n = max_workers or workers()
    read = reader or best_reading
    with ThreadPoolExecutor(max_workers=n) as pool:
        pending = []
        for key, picture, angle, *look in jobs:  # a fourth item: this picture's second_look
            pending.append((key, pool.submit(read, exe, picture, angle,
                                             second_look=look[0] if look else second_look)))
            while len(pending) > 2 * n:
                k, fut = pending.pop(0)
                yield k, fut.result()
        for k, fut in pending:
            yield k, fut.result()
