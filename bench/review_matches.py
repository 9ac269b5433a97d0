"""Benchmark: what the review page's "redact everywhere" matches and lines of text cost (issue 18).

    .venv/bin/python bench/review_matches.py [PAPER.pdf] [--runs N]

``service.web.officer.text_matches.find_in_pdf`` runs in a PDF worker the first time a paper's review page is shown with
a given list of texts (then its JSON is cached). Measured in this process, interleaved with its anchor:
rendering every page of the same paper to PNG at 96 dpi (RENDER_DPI), which the review page does once per paper anyway.
Prints best and median of N runs of each, their ratio, and nproc. Not a test: no timing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "tests" / "fixtures" / "pdf" / "seed_pcd956.libreoffice.pdf"
TEXTS = ["Operation Nightjar", "Mike West", "Metropolitan Police Service"]


def main() -> None:
    import pypdfium2 as pdfium

    from service.infra.pdftasks import render_pages
    from service.web.officer.text_matches import find_in_pdf

    parser = argparse.ArgumentParser()
    parser.add_argument("paper", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pages = len(pdfium.PdfDocument(args.paper))
    out = tempfile.mkdtemp()
    timings: dict[str, list[float]] = {"render all pages (anchor)": [], "lines of text": [], "matches of 3 texts": []}
    jobs = {"render all pages (anchor)": lambda: render_pages(args.paper, {n: f"{out}/p{n}.png" for n in range(1, pages + 1)}, 96),
            "lines of text": lambda: find_in_pdf(args.paper, "lines", []),
            "matches of 3 texts": lambda: find_in_pdf(args.paper, "matches", TEXTS)}
    for job in jobs.values():  # warm imports
        job()
    for _ in range(args.runs):
        for name, job in jobs.items():  # interleaved: the machine's load hits all alike
            start = time.perf_counter()
            job()
            timings[name].append(time.perf_counter() - start)
    anchor = statistics.median(timings["render all pages (anchor)"])
    print(f"paper: {Path(args.paper).name}, {pages} pages; nproc {os.cpu_count()}; {args.runs} runs")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:28s} best {min(values) * 1000:7.1f} ms  median {median * 1000:7.1f} ms  "
              f"{median / anchor:5.2f}x the anchor")


if __name__ == "__main__":
    main()
