"""The report's Part 2 when an officer's decision sets where it starts.

The analysis read the exemptions and dates from the Part 2 it recognised; when it recognised none (a heading
drawn as a picture, a wording nobody foresaw) and the officer marks the start, its ``part2`` is null and its
warning "the form says there is a Part 2 but none was found" no longer holds. The report then reads the
Part 2 after the officer's start with the same reader (:func:`redaction.structure.read_part2_after`), so the
service stores the exemptions and the release date the paper gives. Fields are only added, never renamed.
"""

from __future__ import annotations

from .extract import Document
from .reading_order import Split
from .structure import read_part2_after

# Warnings of the form checks, made again against the officer's Part 2 (their beginnings).
_FORM_WARNINGS = ("the form says there is a Part 2 but none was found", "a Part 2 heading drawn as a picture",
                  "Part 2 names no FOIA exemption", "Part 2 gives no release or review date",
                  "the form says there is no Part 2 but the paper contains one",
                  "Part 2 gives a date but names no FOIA section",
                  # the officer's start is the confirmation these asked for
                  "confirm where Part 2 starts, or that there is none",
                  "confirm where Part 2 starts, or that it is not in this file")


def apply_officer_part2(report: dict, doc: Document, boundary: Split | None) -> None:
    """Replace ``report["part2"]`` (and the stale form warnings) by the reading after the officer's start."""
    if boundary is None:
        return
    s = read_part2_after(doc, boundary, part2_form=report.get("part2_form"))
    start = {"page": boundary.page_index + 1, "y": round(boundary.y, 1)}
    if boundary.x is not None:
        start["x"] = round(boundary.x, 1)
    before = report.get("part2") or {}
    part2 = {"start": start, "pages": s.part2_pages, "in_file": True,
             "exemptions": [ex.to_dict() for ex in s.exemptions],
             "release_on": s.release_on.isoformat() if s.release_on else None,
             "review_on": s.review_on.isoformat() if s.review_on else None,
             "start_by": "officer"}
    if not (s.exemptions or s.release_on or s.review_on) and before.get("exemptions"):
        # The officer moved the start below the notice the analysis read: what it said still applies.
        part2.update({k: before.get(k) for k in ("exemptions", "release_on", "review_on")})
        s.warnings = [w for w in s.warnings if "names no FOIA exemption" not in w]
    report["part2"] = part2
    kept = [w for w in report.get("warnings", []) if not any(mark in w for mark in _FORM_WARNINGS)]
    report["warnings"] = kept + [w for w in s.warnings if w not in kept]
