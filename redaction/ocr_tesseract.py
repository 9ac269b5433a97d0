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
from dataclasses import dataclass

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


def read_words(exe: str, picture, dpi: int = 300) -> list[PixelWord] | None:
    """Words of ``picture`` (a PIL image), or None when tesseract fails or times out."""
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    try:
        done = subprocess.run([exe, "stdin", "stdout", "--dpi", str(dpi), "tsv"], input=buf.getvalue(),
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


def best_reading(exe: str, picture, first_angle: int = 0, dpi: int = 300) -> list[PixelWord] | None:
    """The picture read at ``first_angle`` (degrees anticlockwise, PIL's sense); when that reading is not
    confident, turned each other quarter too, keeping the most confident reading with its boxes turned
    back into the unturned picture. None when tesseract fails."""
    best, best_conf = None, -1.0
    angles = [first_angle % 360] + [a for a in (0, 90, 270, 180) if a != first_angle % 360]
    for angle in angles:
        words = read_words(exe, picture.rotate(angle, expand=True) if angle else picture, dpi)
        if words is None:
            return None
        conf = mean_confidence(words)
        if conf > best_conf:
            best = [PixelWord(w.text, unturn(w.box, angle, picture.size), w.line, w.conf, angle) for w in words]
            best_conf = conf
        if not words or conf >= MIN_CONFIDENCE:
            break
    return best


def unturn(box, angle: int, size) -> tuple[int, int, int, int]:
    """A box in the picture turned ``angle`` degrees anticlockwise (PIL, expand) back in the original."""
    w, h = size
    back = {0: lambda u, v: (u, v), 90: lambda u, v: (w - v, u), 270: lambda u, v: (v, h - u),
            180: lambda u, v: (w - u, h - v)}[angle]
    (ax, ay), (bx, by) = back(box[0], box[1]), back(box[2], box[3])
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def read_many(exe: str, jobs, *, max_workers: int | None = None):
    """``jobs``: an iterable of (key, picture, first_angle); yields (key, words or None) as each finishes,
    in the order given, with one tesseract per core. Pictures are made lazily, a few ahead of the readers,
    so a long scan never holds every page's pixels at once."""
    n = max_workers or workers()
    with ThreadPoolExecutor(max_workers=n) as pool:
        pending = []
        for key, picture, angle in jobs:
            pending.append((key, pool.submit(best_reading, exe, picture, angle)))
            while len(pending) > 2 * n:
                k, fut = pending.pop(0)
                yield k, fut.result()
        for k, fut in pending:
            yield k, fut.result()
