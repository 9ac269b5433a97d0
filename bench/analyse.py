"""Benchmark: pages/s of `redaction.analyse` (structure; detection too when asked) on the 50-page paper.

Comparison measured in the same run: the floor any text-based analysis pays — pypdfium2 opening the file
and reading each page's text in one call (no per-character boxes, no structure).

    .venv/bin/python bench/analyse.py [--detect] [--repeat N]
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redaction import analyse  # noqa: E402


def fifty_page_papers() -> list[Path]:
    found = sorted(Path(p) for p in glob.glob(str(ROOT / "tests/fixtures/pdf/*50*.pdf")))
    if not found:
        sys.exit("no 50-page fixture in tests/fixtures/pdf (run `make fixtures`)")
    return found


def floor(data: bytes) -> int:
    doc = pdfium.PdfDocument(data)
    n = 0
    for page in doc:
        tp = page.get_textpage()
        n += len(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return n


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--detect", action="store_true", help="include personal data detection")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(f"machine: nproc={os.cpu_count()} python={sys.version.split()[0]} pdfium={pdfium.PDFIUM_INFO}")
    print(f"{'paper':45} {'pages':>5} {'analyse p/s':>12} {'floor p/s':>10} {'ratio':>6}")
    for path in fifty_page_papers():
        data = path.read_bytes()
        pages = analyse(data, detect=args.detect).pages
        t_analyse = timed(lambda: analyse(data, detect=args.detect), args.repeat)
        t_floor = timed(lambda: floor(data), args.repeat)
        print(f"{path.name:45} {pages:5d} {pages / t_analyse:12.1f} {pages / t_floor:10.1f} "
              f"{t_analyse / t_floor:5.1f}x")
    print(f"(median of {args.repeat} runs; analyse = load checks + per-char extraction + structure"
          f"{' + detection' if args.detect else ''}; floor = pdfium page text only)")


if __name__ == "__main__":
    main()
