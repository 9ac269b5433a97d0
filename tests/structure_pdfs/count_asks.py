"""How many committed papers make the analysis ask where Part 2 starts (``needs_confirmation`` holds
"part2_start"): run before and after a change to the structure reader, from the repository root:

    .venv/bin/python tests/structure_pdfs/count_asks.py [--all]

A paper that split correctly before must not start asking. Prints the count and the papers that ask.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from redaction import analyse  # noqa: E402

FOLDERS = ["tests/fixtures/pdf", "tests/qa_pdfs", "tests/adversarial"]
# ``--all``: also the structure papers, whose cases are made to ask (tests/structure_pdfs and its markings/)
MORE = ["tests/structure_pdfs", "tests/structure_pdfs/markings"]


def main() -> int:
    folders = FOLDERS + (MORE if "--all" in sys.argv else [])
    paths = sorted(p for folder in folders for p in (ROOT / folder).glob("*.pdf"))
    asks, images = [], []
    for path in paths:
        analysis = analyse(path.read_bytes(), path.name, detect=False)
        if "part2_start" in analysis.structure.needs_confirmation:
            asks.append(path.relative_to(ROOT))
        if "image_pages" in analysis.needs_confirmation:
            images.append(path.relative_to(ROOT))
    print(f"{len(asks)} of {len(paths)} papers ask where Part 2 starts")
    for path in asks:
        print(f"  {path}")
    print(f"{len(images)} of {len(paths)} papers ask to check image pages (a scan?)")
    for path in images:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
