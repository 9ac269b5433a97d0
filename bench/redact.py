"""Benchmark: pages per second for redact + verify on a 50-page paper, against a floor measured in the
same run: pikepdf parsing and re-serialising every content stream and saving (what any content-stream
redaction pays before doing anything).

    .venv/bin/python bench/redact.py [PAPER.pdf ...] [--baseline COMMIT]

Prints one line per paper and producer, and nproc. With ``--baseline COMMIT`` the same benchmark of that
commit (checked out in a temporary git worktree, run with this virtualenv) runs before each of this tree's
runs, interleaved, so the new cost is printed next to the old one measured on the same machine at the same
time. Not a test: no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redaction import analyse, redact  # noqa: E402

DEFAULT = sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*50*.pdf"))


def floor(data: bytes) -> float:
    start = time.perf_counter()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(page.obj)))
        pdf.save(io.BytesIO())
    return time.perf_counter() - start


def best(fn, runs: int = 2) -> float:
    return min(fn() for _ in range(runs))


def main(paths: list[Path]) -> None:
    print(f"nproc {os.cpu_count()}")
    for path in paths:
        data = path.read_bytes()
        analysis = analyse(data, path.name)
        pages = analysis.pages
        items = sum(p.action == "redact" for p in analysis.personal_data)
        f = best(lambda: floor(data))

        def run(detect: bool) -> float:
            t = time.perf_counter()
            redact(data, analysis, detect=detect)
            return time.perf_counter() - t
        full = best(lambda: run(True), 1)
        no_detect = best(lambda: run(False), 1)
        print(f"{path.name}: {pages} pages, {items} items to redact | floor (pikepdf parse+unparse+save) "
              f"{pages / f:.1f} pages/s | redact+verify {pages / full:.1f} pages/s ({full:.2f} s; "
              f"{full / f:.1f}x floor) | without detection re-run {pages / no_detect:.1f} pages/s")


def baseline(commit: str, paths: list[Path], rounds: int) -> None:
    """This benchmark at ``commit`` and at this tree, alternately, ``rounds`` times."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], check=True,
                       capture_output=True)
        try:
            for n in range(1, rounds + 1):
                for label, root in ((f"baseline {commit}", tree), ("this tree", ROOT)):
                    print(f"--- round {n}: {label}", flush=True)
                    subprocess.run([sys.executable, str(root / "bench" / "redact.py"), *map(str, paths)],
                                   cwd=root, check=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("papers", nargs="*", type=Path)
    ap.add_argument("--baseline", metavar="COMMIT", help="also run this benchmark at COMMIT, interleaved")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    papers = [p.resolve() for p in args.papers] or DEFAULT
    if args.baseline:
        baseline(args.baseline, papers, args.rounds)
    else:
        main(papers)
