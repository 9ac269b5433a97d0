"""What the structure stage returns: the :class:`Structure` of a paper and its :class:`Exemption` claims."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..dates import iso_or_none
from ..reading_order import Split


@dataclass
class Exemption:
    """One exemption the Part 2 claims (a FOIA section, or a Schedule 12A paragraph) and its dates."""

    section: str
    title: str
    until: date | None = None  # released on this date
    review: date | None = None  # reviewed on this date (stays withheld until an officer acts)
    text: str = ""  # the sentences that say so, as shown to people
    subsection: str | None = None
    act: str = "Freedom of Information Act 2000"  # or the Local Government Act 1972 (Schedule 12A)

    def to_dict(self) -> dict:
        return {"section": self.section, "subsection": self.subsection, "title": self.title,
                "until": iso_or_none(self.until), "review": iso_or_none(self.review), "text": self.text,
                "act": self.act}


@dataclass
class Structure:
    """What the structure stage read (:func:`redaction.structure.read_structure`); the analysis carries it."""

    reference: str | None = None
    title: str | None = None
    deferred: bool | None = None
    deferred_until: date | None = None
    deferral_reason: str | None = None
    part2_form: bool | None = None
    part2_start: tuple[int, float] | None = None  # (1-based page, y in PDF points as the page is displayed)
    part2_x: float | None = None  # x where the heading starts (as displayed): which column, on a page of columns
    part2_split: Split | None = field(default=None, repr=False, compare=False)  # the areas of the heading's page
    part2_referenced: bool = False  # a withheld Part 2 exists but is not in this file
    exemptions: list[Exemption] = field(default_factory=list)
    release_on: date | None = None
    review_on: date | None = None
    part1_pages: list[int] = field(default_factory=list)
    part2_pages: list[int] = field(default_factory=list)
    needs_confirmation: list[str] = field(default_factory=list)  # e.g. ["part2_start"]: fail closed until
    warnings: list[str] = field(default_factory=list)

    @property
    def part2_boundary(self):
        """``(page, y)`` of the Part 2 start; when the analysis drew it, the tuple also carries the Part 2
        rectangles of that page (``part2_areas``) for readers that must follow columns and rotated pages."""
        return self.part2_split.as_start() if self.part2_split is not None else self.part2_start

    @property
    def has_part2(self) -> bool:
        return self.part2_start is not None or self.part2_referenced

    def exemptions_by(self, section: str) -> Exemption:
        return next(ex for ex in self.exemptions if ex.section == section)
