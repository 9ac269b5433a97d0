"""Make the acceptance corpus of issue 11 (tests/adversarial/corpus2/): one paper per class of leak seen on
PDFs nobody here made, each made by the producer that makes it in real life where there is one
(LibreOffice headless, Chromium headless), else reportlab / pikepdf.

Run ``.venv/bin/python -m tests.adversarial.make_corpus2 [case ...]`` from the repository root. It rewrites the PDFs and
``manifest.json`` (per case: class, producer, the values that must be gone, the Part 2 text that must not
be in Part 1, the ordinary text that must stay, and where an officer would put the Part 2 start).
The unseen second batch is made by make_holdout.py. All names and numbers are fictional.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pikepdf

from tests.adversarial import cases_links_images, cases_removal, cases_split, lo_cases

HERE = Path(__file__).resolve().parent / "corpus2"

CASES = {**cases_split.CASES, **lo_cases.CASES, **cases_links_images.CASES, **cases_removal.CASES}


def write(folder: Path, cases: dict, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    for name in names or cases:
        data, meta = cases[name]()
        pikepdf.open(__import__("io").BytesIO(data)).close()  # every case must be a PDF to begin with
        (folder / f"{name}.pdf").write_bytes(data)
        manifest[name] = meta
        print(name, len(data))
    manifest_path.write_text(json.dumps(dict(sorted(manifest.items())), indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write(HERE, CASES, sys.argv[1:])
