"""The structure stage as a list of readers, top to bottom: each reads the paper's text (or the results
above it, passed as arguments) and returns values; :class:`.Structure` is made once, at the end."""

from __future__ import annotations

from datetime import date

from ..extract import Document
from ..reading_order import Split
from .checks import check_dates_past, check_form
from .deferral import read_deferral, read_part2_form
from .exemption_dates import read_dates
from .exemptions import read_claims
from .model import Structure
from .part2_boundary import part_pages, pictured_pages, read_boundary, withholding_elsewhere
from .reference_title import (read_first_heading, read_labelled_code, read_metadata_title, read_reference,
                              read_title, reference_in_title)

# What the officer confirms before anything is published when the split is unclear (see Decisions.settles).
CONFIRM_PART2_START = "part2_start"


def read_structure(doc: Document, *, today: date | None = None, metadata_title: str | None = None) -> Structure:
    """Read the structure of a paper. Never raises on odd content: problems become warnings.

    ``metadata_title`` is the PDF's /Title: the title when the text has none (then the first heading of page 1),
    and where a reference is looked for after a known scheme anywhere, any scheme after a label and a labelled code on
    the first page; last, in page 1's first heading."""
    text = doc.joined_view.text
    from_metadata = read_metadata_title(metadata_title)
    reference = (read_reference(text) or read_labelled_code(_first_page(doc))
                 or reference_in_title(from_metadata))
    title = read_title(doc, text) or from_metadata
    heading = read_first_heading(doc) if reference is None or title is None else None
    # last, a code in page 1's first heading: "Cabinet Report CAB 2026/041" (a council report, no label)
    reference = reference or reference_in_title(heading)
    title = title or heading
    deferral = read_deferral(text)
    part2_form = read_part2_form(text)
    boundary = read_boundary(doc, text)
    withholding = withholding_elsewhere(doc, text, boundary)
    notice = boundary.notice(text)
    dated = read_dates(notice, read_claims(notice, in_notice=boundary.heading is not None))
    part1_pages, part2_pages = part_pages(doc, boundary.split)
    form = check_form(part2_form=part2_form, part2_in_file=boundary.start is not None,
                      has_part2=boundary.start is not None or boundary.referenced,
                      exemptions=len(dated.exemptions), release_on=dated.release_on, review_on=dated.review_on,
                      pictured=pictured_pages(doc))
    past = check_dates_past(release_on=dated.release_on, deferred_until=deferral.until, today=today)
    return Structure(
        reference=reference, title=title,
        deferred=deferral.deferred, deferred_until=deferral.until, deferral_reason=deferral.reason,
        part2_form=part2_form, part2_start=boundary.start, part2_x=boundary.x, part2_split=boundary.split,
        part2_referenced=boundary.referenced,
        exemptions=list(dated.exemptions), release_on=dated.release_on, review_on=dated.review_on,
        part1_pages=part1_pages, part2_pages=part2_pages,
        needs_confirmation=_confirm(boundary.confirm, bool(withholding), form.confirm),
        warnings=[*deferral.warnings, *boundary.warnings, *withholding, *dated.warnings, *form.warnings, *past],
    )


def read_part2_after(doc: Document, split: Split, *, part2_form: bool | None = None) -> Structure:
    """The Part 2 an officer's start marks: its exemptions and dates read, with the same reader as a heading's
    notice, from the text after the start (the first Part 2 character in reading order), and the form
    checks made again against it."""
    view = doc.joined_view
    start = next((i for i, r in enumerate(view.refs) if r is not None and doc.pages[r[0]].chars[r[1]].box
                  and doc.pages[r[0]].chars[r[1]].text.strip()
                  and split.part_of(r[0], doc.pages[r[0]].chars[r[1]].box) == 2), None)
    notice = view.text[start:] if start is not None else ""
    dated = read_dates(notice, read_claims(notice, in_notice=True))
    part1_pages, part2_pages = part_pages(doc, split)
    form = check_form(part2_form=part2_form, part2_in_file=True, has_part2=True, exemptions=len(dated.exemptions),
                      release_on=dated.release_on, review_on=dated.review_on)
    return Structure(
        part2_form=part2_form, part2_start=(split.page_index + 1, split.y), part2_x=split.x, part2_split=split,
        exemptions=list(dated.exemptions), release_on=dated.release_on, review_on=dated.review_on,
        part1_pages=part1_pages, part2_pages=part2_pages,
        needs_confirmation=_confirm(form.confirm), warnings=[*dated.warnings, *form.warnings],
    )


def _first_page(doc: Document) -> str:
    """The first page's text as written (no word joined over a line end), lines separated by a newline."""
    if not doc.pages:
        return ""
    return "\n".join(doc.pages[0].text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _confirm(*asked: bool) -> list[str]:
    return [CONFIRM_PART2_START] if any(asked) else []
