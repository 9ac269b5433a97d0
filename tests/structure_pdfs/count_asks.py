"""How many committed papers make the analysis ask where Part 2 starts (``needs_confirmation`` holds
"part2_start"): run before and after a change to the structure reader, from the repository root:

    .venv/bin/python tests/structure_pdfs/count_asks.py

A paper that split correctly before must not start asking. Prints the count and the papers that ask.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from redaction import analyse  # noqa: E402

FOLDERS = ["tests/fixtures/pdf", "tests/qa_pdfs", "tests/adversarial"]


def main() -> int:
    paths = sorted(p for folder in FOLDERS for p in (ROOT / folder).glob("*.pdf"))
    asks = []
    for path in paths:
        analysis = analyse(path.read_bytes(), path.name, detect=False)
        if "part2_start" in analysis.structure.needs_confirmation:
            asks.append(path.relative_to(ROOT))
    print(f"{len(asks)} of {len(paths)} papers ask where Part 2 starts")
    for path in asks:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
