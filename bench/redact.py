"""Benchmark: CPU time of redact + verify (every check) against PyMuPDF redacting the same paper, measured
interleaved in the same run.

    .venv/bin/python bench/redact.py [PAPER.pdf ...] [--rounds N] [--baseline COMMIT]

The anchor is what a plain PyMuPDF script does with the same paper: every text the analysis marks "redact"
searched on every page (``page.search_for``), a redaction annotation on each hit, ``apply_redactions`` and
``save(garbage=4)`` (``pip install pymupdf``, the ``bench`` extra; only this benchmark imports it). It
proves nothing: no second reader, no check of images, fonts, links or metadata, no Part 2. A second,
cheaper PyMuPDF row searches each page only for the texts the analysis found on it (less than ``redact``
does, which removes every mention of a value wherever it is); the ratios are to the first.

Each round runs the anchor, then ``redact`` with the analysis in memory (as ``foia redact`` does), then
``redact`` with the analysis read back from its JSON (as the service publishes: the characters are read
again), so machine load falls on all three alike. CPU is user + system time of this process and of the
children it waited for (pdftotext, tesseract). Prints the median of each and the ratio of the medians per
paper, the floor of any content-stream redaction (pikepdf parsing, re-serialising and saving every content
stream), and nproc. With ``--baseline COMMIT`` this benchmark runs on the library of that commit (checked out
in a temporary git worktree, run with this virtualenv) before each run on this tree's, interleaved.
Not a test: no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
DEFAULT = [FIXTURES / "long_50_pages.chromium.pdf", FIXTURES / "long_50_pages.reportlab.pdf",
           FIXTURES / "seed_pcd956.libreoffice.pdf"]  # the 50-page paper (two producers) and a 9-page one


def cpu() -> float:
    """CPU seconds of this process and of the children it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(fn) -> tuple[float, float]:
    """(CPU, wall) seconds of ``fn()``."""
    c, w = cpu(), time.perf_counter()
    fn()
    return cpu() - c, time.perf_counter() - w


def pymupdf_redaction(data: bytes, texts: list[str], on_page: dict[int, set[str]] | None = None) -> bytes:
    """``on_page``: search each page only for the texts found on it (1-based page -> texts)."""
    import pymupdf

    doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        for number, page in enumerate(doc, 1):
            for text in (texts if on_page is None else sorted(on_page.get(number, ()))):
                for rect in page.search_for(text):
                    page.add_redact_annot(rect, fill=(0, 0, 0))
            page.apply_redactions()
        return doc.tobytes(garbage=4)
    finally:
        doc.close()


def floor(data: bytes) -> None:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(page.obj)))
        pdf.save(io.BytesIO())


def bench(path: Path, rounds: int) -> None:
    from redaction import Analysis, analyse, redact

    data = path.read_bytes()
    analysis = analyse(data, path.name)
    stored = analysis.to_dict()
    texts = sorted({p.text for p in analysis.personal_data if p.action == "redact"})
    on_page: dict[int, set[str]] = {}
    for p in analysis.personal_data:
        if p.action == "redact":
            on_page.setdefault(p.page, set()).add(p.text)
    runs = {
        "PyMuPDF (anchor)": lambda: pymupdf_redaction(data, texts),
        "  items' pages only": lambda: pymupdf_redaction(data, texts, on_page),
        "redact + verify": lambda: redact(data, analysis),
        "  stored analysis": lambda: redact(data, Analysis.from_dict(stored)),
    }
    for fn in runs.values():  # warm-up: imports, the NER model, pdfminer's CMaps
        fn()
    times: dict[str, list[tuple[float, float]]] = {label: [] for label in runs}
    for _ in range(rounds):
        for label, fn in runs.items():
            times[label].append(measured(fn))
    pages = analysis.pages
    f = min(measured(lambda: floor(data))[0] for _ in range(3))
    anchor = statistics.median(c for c, _ in times["PyMuPDF (anchor)"])
    print(f"{path.name}: {pages} pages, {len(texts)} texts to redact "
          f"({sum(p.action == 'redact' for p in analysis.personal_data)} items); median of {rounds} rounds")
    for label, values in times.items():
        c = statistics.median(v[0] for v in values)
        w = statistics.median(v[1] for v in values)
        print(f"  {label:20s} CPU {c:7.3f} s  wall {w:7.3f} s  {pages / c:7.1f} pages/CPU-s  "
              f"{c / anchor:5.1f}x anchor CPU")
    print(f"  floor (pikepdf parse+unparse+save every content stream) CPU {f:.3f} s", flush=True)


def main(paths: list[Path], rounds: int) -> None:
    logging.disable(logging.WARNING)  # fontTools and pdfminer warn about odd fonts of the fixtures
    print(f"nproc {os.cpu_count()}")
    try:
        import pymupdf  # noqa: F401
    except ImportError:
        raise SystemExit("the anchor needs PyMuPDF: .venv/bin/pip install -c requirements/constraints.txt "
                         "'.[bench]'") from None
    for path in paths:
        bench(path, rounds)


def baseline(commit: str, paths: list[Path], rounds: int, alternations: int = 2) -> None:
    """This benchmark on the library at ``commit`` and on this tree's, alternately, ``alternations`` times."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], check=True,
                       capture_output=True)
        try:
            for n in range(1, alternations + 1):
                for label, root in ((f"baseline {commit}", tree), ("this tree", ROOT)):
                    print(f"--- round {n}: {label}", flush=True)
                    subprocess.run([sys.executable, __file__, "--library", str(root), "--rounds", str(rounds),
                                    *map(str, paths)], cwd=root, check=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("papers", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (the median is printed)")
    ap.add_argument("--baseline", metavar="COMMIT", help="also run this benchmark at COMMIT, interleaved")
    ap.add_argument("--library", type=Path, default=ROOT, help=argparse.SUPPRESS)  # the tree imported
    args = ap.parse_args()
    sys.path.insert(0, str(args.library.resolve()))
    papers = [p.resolve() for p in args.papers] or DEFAULT
    if args.baseline:
        baseline(args.baseline, papers, args.rounds)
    else:
        main(papers, args.rounds)
