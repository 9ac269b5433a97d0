"""Print the acceptance corpus results as a table: case, class, producer, what the analysis asked, the
outcome (clean / refused: <message> / LEAK: <class> by <readers> / error) and lost ordinary text.

Run ``.venv/bin/python -m tests.adversarial.report_corpus2`` (``FOIA_HOLDOUT=1`` for the holdout batch).
It uses the same CLI calls, officer decisions and oracle as tests/test_redact_adversarial2.py; it never
prints a removed value, only its class.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from tests import leak_oracle as oracle
from tests.test_redact_adversarial2 import FOLDER, MANIFEST, _analyse, _run, lines_lost, officer_decisions


def outcome(name: str, tmp: Path) -> tuple[str, str, str]:
    meta, paper = MANIFEST[name], FOLDER / f"{name}.pdf"
    rc, analysis, err = _analyse(paper)
    asked = ",".join(analysis.get("needs_confirmation", [])) or "-"
    if rc == 0:
        rc, err = _run(paper, tmp / name, officer_decisions(meta, analysis.get("needs_confirmation", [])))
    if rc != 0:
        kind = "refused" if rc == 2 else "error"
        return asked, f"{kind}: {err.strip().removeprefix('foia: error: ')[:90]}", "-"
    parts = {n: (tmp / name / f"part{n}.pdf") for n in (1, 2)}
    part1 = parts[1].read_bytes()
    problems = oracle.part_problems(part1, "part1")
    found = oracle.leaks(part1, meta["values"], meta["part2"])
    if parts[2].exists():
        found += [oracle.Leak(x.reader, f"{x.what} (part2)") for x in oracle.leaks(parts[2].read_bytes(),
                                                                                   meta["values"])]
    elif meta["part2"]:
        problems.append("no part2")
    text = oracle.squash(oracle.pdfium_text(part1))
    lost = [f"sentence {i}" for i, s in enumerate(meta["ordinary"]) if oracle.squash(s) not in text]
    lost += [f"line {i}" for i in lines_lost(meta, paper.read_bytes(), part1)]
    by_class = defaultdict(set)
    for leak in found:
        by_class[_kind(leak.what, meta["values"])].add(leak.reader)
    if found or problems:
        result = "LEAK: " + "; ".join(f"{w} by {', '.join(sorted(r))}" for w, r in sorted(by_class.items()))
        result += ("; " if found and problems else "") + "; ".join(problems)
    else:
        result = "clean"
    return asked, result, ", ".join(lost) or "-"


def _kind(what: str, values: list[str]) -> str:
    """'value 2' -> 'phone' (never the value itself)."""
    if not what.startswith("value "):
        return what
    value = values[int(what.split()[1].split(" ")[0])]
    kind = "e-mail" if "@" in value else "phone" if sum(c.isdigit() for c in value) > 6 else (
        "name" if " " in value else "name token")
    return kind + (" (part2)" if "(part2)" in what else "")


def main() -> None:
    print("| case | class | producer | asked | outcome | ordinary lost |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name in sys.argv[1:] or sorted(MANIFEST):
            meta = MANIFEST[name]
            asked, result, lost = outcome(name, Path(tmp))
            print(f"| {name} | {meta['class']} | {meta['producer']} | {asked} | {result} | {lost} |", flush=True)


if __name__ == "__main__":
    main()
