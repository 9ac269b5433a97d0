"""``foia backfill-search``: store the search text of parts published before it was kept, and index them.

Parts published before 30 November 2026 keep no Part 2 text, so a released Part 2 of that time is not found
by the public search (:mod:`service.domain.search_backfill`). Run it once after upgrading, with the service
running or not; running it again does nothing more (or retries what could not be read). Prints counts only.

Exit status: 0 when every part has its text; 1 when some files could not be read (each named by paper id,
slug and part number; nothing else changed, run again once they are fixed); 2 on bad usage or settings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from service.cli.common import fail, migrated_database

EXIT_SOME_UNREAD = 1


def add_backfill_commands(sub) -> None:
    p = sub.add_parser("backfill-search",
                       help="store the search text of parts published before it was kept (once after upgrading)")
    p.add_argument("--batch-size", type=int, default=100, metavar="N",
                   help="parts read and committed together (default 100)")
    p.add_argument("--dry-run", action="store_true", help="count what would be filled; change nothing")
    p.set_defaults(func=backfill_search)


def _counts(filled: dict[str, int]) -> str:
    return ", ".join(f"{label}: {n}" for label, n in sorted(filled.items()))


def pending_notice(session) -> str | None:
    """One line for ``foia serve`` / ``foia migrate`` when parts are waiting for their search text."""
    from service.domain.search_backfill import pending

    missing = pending(session)
    if not missing:
        return None
    return (f"Search: {sum(missing.values())} published part(s) have no search text yet ({_counts(missing)}); "
            "run `foia backfill-search` once to make them searchable.")


def backfill_search(args: argparse.Namespace) -> int:
    from service.domain import audit
    from service.domain.search_backfill import backfill, file_reader, pending
    from service.infra.storage import Storage

    if args.batch_size < 1:
        fail("--batch-size must be at least 1")
    cfg, db = migrated_database()
    try:
        with db.session() as session:
            missing = pending(session)
            session.commit()
            if not missing:
                print("Search text: nothing to fill; every published part has its text.")
                return 0
            total = sum(missing.values())
            print(f"Search text: {total} part(s) to fill ({_counts(missing)}).")
            if args.dry_run:
                print("Dry run: nothing read, nothing changed.")
                return 0
            sys.stdout.flush()

            def progress(report):
                print(f"  {report.total + len(report.problems) + report.skipped} of {total} looked at",
                      file=sys.stderr, flush=True)

            report = backfill(session, file_reader(Storage(Path(cfg["DATA_DIR"]) / "files")),
                              batch=args.batch_size, progress=progress if total > args.batch_size else None)
            audit.record(session, "search text backfilled", actor="cli", filled=report.filled,
                         indexed=report.indexed, unread=len(report.problems), skipped=report.skipped)
            session.commit()
    finally:
        db.dispose()
    print(f"Filled {report.total} part(s)" + (f" ({_counts(report.filled)})" if report.filled else "")
          + f"; {report.indexed} decision(s) re-indexed for search (withheld parts are searched once released).")
    if report.skipped:
        print(f"{report.skipped} part(s) were changed by someone else meanwhile and left as they are.")
    if report.problems:
        print(f"foia: error: {len(report.problems)} part(s) could not be read; they still have no search text "
              "and nothing else changed. Fix or restore the file(s), then run `foia backfill-search` again:",
              file=sys.stderr)
        for p in report.problems:
            print(f"  paper {p.paper_id} ({p.slug or 'no slug'}) part {p.number}: {p.reason}", file=sys.stderr)
        return EXIT_SOME_UNREAD
    return 0
