"""Are the redacted outputs the same bytes as another tree's? (A speed change must not change them.)

    PYTHONPATH=TREE .venv/bin/python bench/compare_outputs.py OUT.json            # hash this tree's outputs
    .venv/bin/python bench/compare_outputs.py --diff BEFORE.json AFTER.json      # name the papers that differ

Every PDF of tests/fixtures/pdf, tests/qa_pdfs and tests/verification_pdfs is analysed and, when the analysis
marks something "redact" and no officer's decision is needed, redacted with the default decisions. Each
paper's entry is the SHA-256 of Part 1, of Part 2 and of the report (JSON, keys sorted), or what stopped it.
Two fields differ from one run to the next by design and are fixed here: the second half of the trailer's
``/ID`` (blanked in the bytes) and fontTools' ``head.modified`` in each subset TrueType program (its clock
stopped at 0). Run the tree to compare with ``PYTHONPATH`` pointing at it (``git archive COMMIT redaction |
tar -x -C DIR`` gives a tree without touching the repository's worktrees). Not a test: it takes minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ("tests/fixtures/pdf", "tests/qa_pdfs", "tests/verification_pdfs")
_ID = re.compile(rb"/ID\s*\[\s*<[0-9a-fA-F]*>\s*<[0-9a-fA-F]*>\s*\]")


def _digest(data: bytes | None) -> str:
    return hashlib.sha256(_ID.sub(b"/ID[]", data or b"")).hexdigest()


def hashes() -> dict[str, object]:
    import fontTools.ttLib.tables._h_e_a_d as head

    head.timestampNow = lambda: 0  # head.modified: the subset programs' only clock
    from redaction import analyse, redact

    out: dict[str, object] = {}
    for folder in SETS:
        for path in sorted((ROOT / folder).glob("*.pdf")):
            name = f"{folder}/{path.name}"
            data = path.read_bytes()
            try:
                analysis = analyse(data, path.name)
                if not any(item.action == "redact" for item in analysis.personal_data):
                    out[name] = "nothing to redact"
                    continue
                result = redact(data, analysis)
                report = json.dumps(result.report, sort_keys=True, default=str).encode()
                out[name] = [_digest(result.part1), _digest(result.part2), hashlib.sha256(report).hexdigest()]
            except Exception as exc:  # noqa: BLE001 - what stopped a paper is part of what is compared
                out[name] = f"stopped: {type(exc).__name__}"
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path, help="OUT.json, or with --diff BEFORE.json AFTER.json")
    ap.add_argument("--diff", action="store_true")
    args = ap.parse_args()
    if args.diff:
        before, after = (json.loads(p.read_text()) for p in args.paths[:2])
        differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        print(f"{sum(isinstance(v, list) for v in before.values())} redacted; {len(differ)} differ")
        for name in differ:
            print(f"  {name}")
        return 1 if differ else 0
    logging.disable(logging.WARNING)
    found = hashes()
    args.paths[0].write_text(json.dumps(found, indent=1, sort_keys=True))
    print(f"{sum(isinstance(v, list) for v in found.values())} redacted, "
          f"{sum(isinstance(v, str) and v.startswith('stopped') for v in found.values())} stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
