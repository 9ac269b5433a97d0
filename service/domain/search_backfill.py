"""Fill the search text of parts published before it was stored (``foia backfill-search``).

Part 1's redacted text has always been stored at publication; Part 2's only since 30 November 2026 (commit
f164568). A Part 2 published before then has none, so once released it is downloadable but no word of it is
found by the public search; a Part 2 still withheld would be released the same way. This reads the text of
each such part from its stored, redacted file — the same reading publication makes (``pdftasks.stored_text``)
— stores it, and brings the search index in line (:func:`service.domain.search_index.sync`), which adds only
what is public: a withheld Part 2's text is stored but not indexed until its release.

Which parts: those of papers in state ``published`` (a withdrawn or superseded version is never searched)
with a stored file and no text (``text IS NULL``); Part 1 and Part 2 alike.

Safe to run again and beside the service: each part is written only while it still has no text and the same
file (a guarded UPDATE), so a re-run, a second run at once or a correction published meanwhile is never
overwritten; parts are taken in batches by id, each batch committed with its index entries. A part whose
file is missing or cannot be read keeps no text (nothing else changes), is reported by paper id, part
number and reason — never its content — and the others go on; running again retries it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import and_, func, select, update
from sqlalchemy.orm import Session

from service.domain import search_index
from service.domain.models import Paper, Part

log = logging.getLogger(__name__)

BATCH = 100


@dataclass
class Problem:
    paper_id: int
    slug: str | None
    number: int
    reason: str


@dataclass
class Report:
    """Counts only: what was filled, by part and state; what could not be read."""

    filled: dict[str, int] = field(default_factory=dict)   # "part 2 released" → count
    indexed: int = 0                                        # papers whose index entry was refreshed
    skipped: int = 0                                        # changed by someone else meanwhile
    problems: list[Problem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.filled.values())


def _missing():
    """The parts this fills: of a published paper, with a stored file, without text."""
    return (select(Part.id, Part.paper_id, Part.number, Part.state, Part.file_key, Paper.slug)
            .join(Paper, Paper.id == Part.paper_id)
            .where(Paper.state == "published", Part.text.is_(None), Part.in_file.is_(True),
                   Part.file_key.is_not(None)))


def pending(session: Session) -> dict[str, int]:
    """How many parts have no search text, by ``"part N <state>"`` (empty when nothing is missing)."""
    rows = session.execute(select(Part.number, Part.state, func.count())
                           .join(Paper, Paper.id == Part.paper_id)
                           .where(Paper.state == "published", Part.text.is_(None), Part.in_file.is_(True),
                                  Part.file_key.is_not(None))
                           .group_by(Part.number, Part.state)).all()
    return {f"part {number} {state}": int(n) for number, state, n in sorted(rows)}


def backfill(session: Session, read_text: Callable[[str], str | tuple[str, str]], *, batch: int = BATCH,
             dry_run: bool = False, progress: Callable[[Report], None] | None = None) -> Report:
    """Store the text of every part :func:`pending` counts and refresh the index entries of their papers.

    ``read_text(file_key)`` returns the part's text, or ``(code, reason)`` when the file cannot be read
    (reasons are shown to the operator: file names and library messages, never the document's content).
    Commits after each batch; ``dry_run`` reads nothing and changes nothing (the report counts what would be
    filled, with no problems)."""
    report = Report()
    last_id = 0
    while True:
        rows = session.execute(_missing().where(Part.id > last_id).order_by(Part.id).limit(max(1, batch))).all()
        session.commit()  # no transaction stays open while files are read
        if not rows:
            break
        last_id = rows[-1].id
        done: list[int] = []
        for row in rows:
            label = f"part {row.number} {row.state}"
            if dry_run:
                report.filled[label] = report.filled.get(label, 0) + 1
                continue
            text = read_text(row.file_key)
            if isinstance(text, tuple):
                report.problems.append(Problem(row.paper_id, row.slug, row.number, text[1]))
                log.warning("search backfill: paper %s part %s not read (%s)", row.paper_id, row.number, text[0])
                continue
            changed = session.execute(
                update(Part).where(and_(Part.id == row.id, Part.text.is_(None), Part.file_key == row.file_key))
                .values(text=text)).rowcount
            if changed:
                report.filled[label] = report.filled.get(label, 0) + 1
                done.append(row.paper_id)
            else:
                report.skipped += 1
        if done:
            search_index.sync(session, done)
            report.indexed += len(set(done))
        session.commit()
        if progress is not None:
            progress(report)
    log.info("search backfill: %s part(s) filled, %s paper(s) re-indexed, %s not read, %s changed meanwhile",
             report.total, report.indexed, len(report.problems), report.skipped)
    return report


def file_reader(storage, run=None) -> Callable[[str], str | tuple[str, str]]:
    """``read_text`` for :func:`backfill`: the stored file read in the PDF process pool (a file that crashes
    or hangs the reader fails alone)."""
    from service.infra import pdftasks, pdfwork

    run = run or pdfwork.run

    def read(key: str) -> str | tuple[str, str]:
        try:
            path = storage.path(key)
        except Exception:  # a malformed key in the row: reported, not raised
            return ("bad_key", "the part's storage key is not valid")
        if not path.is_file():
            return ("missing", f"the stored file is missing ({key})")
        result = run("quick", pdftasks.stored_text_or_failure, str(path))
        if isinstance(result, pdftasks.Failure):
            return (result.code, f"the stored file cannot be read ({key}): {result.message}")
        return result

    return read
