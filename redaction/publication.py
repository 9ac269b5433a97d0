"""What publication will make public, from an analysis and the officer's decisions: the publication plan.

One function, :func:`plan`, says where Part 2 starts (or that there is none, or that the paper only refers
to one), the dates (Part 1's deferral, Part 2's release and review dates), the exemptions Part 2 claims and
the redaction counts of each part. :func:`redaction.redact` puts it in its report (``report["publication"]``)
and the service stores and shows it (review page, preview, redaction schedule, approval, publication)
without working any of it out again.

It reads the JSON forms (the "Analysis JSON" and the officer's decisions JSON, as stored by the service and
read by ``foia redact --decisions``), missing fields read as absent, so a stored analysis of an older
version still has a plan. Nothing here opens a PDF.

Redaction counts (the public pages' "N items were removed"): one per *item an officer approved for
redaction* — each finding whose final action is redact (the officer's decision, else the proposal) and
each area an officer drew — counted in the part, on the page of that part and under the type and exemption
of the item; never the number of boxes or regions drawn for it. Texts to redact everywhere are counted
apart (``texts``: how many texts were chosen; where they occur is known only after redaction). Never values.

Part 2 starts part-way down its first page: an item is in Part 2 when it is on a later page, or on that
page with the top of its first box (``y1``) at or below the start line (PDF y grows upwards); an item
without a box on that page is in Part 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .dates import iso_or_none
from .policy import DEFAULT_EXEMPTION

DATES = ("deferred_until", "release_on", "review_on")
AREA = "AREA"  # the type of an area an officer drew (``decisions.boxes``)


def empty_counts() -> dict:
    """The redaction counts of a part with nothing removed (the shape the service stores on each part)."""
    return {"total": 0, "by_type": {}, "by_exemption": {}, "by_page": {}}


def _no_redactions() -> dict:
    return {"part1": empty_counts(), "part2": empty_counts(), "total": 0}


@dataclass(frozen=True)
class PublicationPlan:
    """What publication will do (the defaults: no Part 2, no dates, nothing redacted). Dates are ``date``
    objects; :meth:`to_dict` gives the JSON form."""

    has_part2: bool = False                # a Part 2 in the file, split off and withheld
    part2_referenced: bool = False         # a Part 2 the paper names but that is not in the file (withheld)
    part2_start: dict | None = None        # {"page", "y"[, "x"]} as analysed or as the officer set it
    part2_start_by: str | None = None      # "analysis" or "officer" (None without a Part 2 in the file)
    deferred_until: date | None = None     # Part 1's deferral date (published at once when None)
    release_on: date | None = None         # Part 2 released automatically then
    review_on: date | None = None          # Part 2 goes to the review queue then
    exemptions: list[dict] = field(default_factory=list)  # {"section", "title", "until", "review"}
    redactions: dict = field(default_factory=_no_redactions)  # the redaction counts

    def part_of(self, page: int, top: float | None) -> tuple[int, int]:
        """(part, page of that part) of something on ``page`` of the paper whose box's top edge is ``top``
        (``y1`` of ``[x0, y0, x1, y1]``; None when it has no box)."""
        start = self.part2_start if self.has_part2 else None
        in_part2 = bool(start) and (page > start["page"] or (page == start["page"] and top is not None
                                                              and top <= start["y"]))
        return (2, page - start["page"] + 1) if in_part2 else (1, page)

    def to_dict(self) -> dict:
        return {"has_part2": self.has_part2, "part2_referenced": self.part2_referenced,
                "part2_start": self.part2_start, "part2_start_by": self.part2_start_by,
                **{name: iso_or_none(getattr(self, name)) for name in DATES},
                "exemptions": [dict(e) for e in self.exemptions], "redactions": self.redactions}

    @classmethod
    def from_dict(cls, data: dict) -> "PublicationPlan":
        """The plan back from :meth:`to_dict` (as a redaction report carries it)."""
        return cls(has_part2=bool(data["has_part2"]), part2_referenced=bool(data.get("part2_referenced")),
                   part2_start=data.get("part2_start"), part2_start_by=data.get("part2_start_by"),
                   **{name: _day(data.get(name)) for name in DATES},
                   exemptions=list(data.get("exemptions") or []),
                   redactions=data.get("redactions") or _no_redactions())


def plan(analysis: dict, decisions: dict | None = None, *, officer_part2: dict | None = None) -> PublicationPlan:
    """The publication plan of ``analysis`` (its JSON) with the officer's ``decisions`` (their JSON).

    ``officer_part2``: a redaction report's ``part2`` (:mod:`redaction.officer_part2`). When the officer set
    where Part 2 starts, it holds the exemptions and dates read from the text after that start; those are
    used, except for a date the officer set by hand.
    """
    a, d = analysis or {}, decisions or {}
    part1, part2 = a.get("part1") or {}, a.get("part2")
    has_part2 = part2 is not None and part2.get("in_file", True) and part2.get("start") is not None
    if "part2_start" in d:
        has_part2 = d["part2_start"] is not None
    # Part 2 named in the paper ("exempt by section 43(2)") but not in the file: it is still withheld.
    referenced = part2 is not None and part2.get("in_file") is False and not has_part2
    start = d.get("part2_start", (part2 or {}).get("start")) if has_part2 else None
    dates = {"deferred_until": d.get("deferred_until", part1.get("deferred_until")),
             "release_on": d.get("release_on", (part2 or {}).get("release_on")),
             "review_on": d.get("review_on", (part2 or {}).get("review_on"))}
    read = officer_part2 if (officer_part2 or {}).get("start_by") == "officer" and has_part2 else None
    if read is not None:
        for name in ("release_on", "review_on"):
            if d.get(name) is None:  # the review form posts an empty date as null: no date of the officer's
                dates[name] = read.get(name)
    exemptions = [{k: e.get(k) for k in ("section", "title", "until", "review")}
                  for e in (read or part2 or {}).get("exemptions") or []]
    out = PublicationPlan(has_part2=has_part2, part2_referenced=referenced,
                          part2_start=dict(start) if start else None,
                          part2_start_by=("officer" if "part2_start" in d else "analysis") if has_part2 else None,
                          **{name: _day(value) for name, value in dates.items()}, exemptions=exemptions)
    _count(out, a, d)
    return out


def _count(out: PublicationPlan, a: dict, d: dict) -> None:
    counts = out.redactions

    def add(page: int, box, kind: str, exemption: str) -> None:
        number, page_in_part = out.part_of(page, box[3] if box else None)
        bucket = counts[f"part{number}"]
        bucket["total"] += 1
        for name, key in (("by_type", kind), ("by_exemption", exemption), ("by_page", str(page_in_part))):
            bucket[name][key] = bucket[name].get(key, 0) + 1
        counts["total"] += 1

    items = d.get("items") or {}
    for item in a.get("personal_data") or []:
        if items.get(item.get("id"), item.get("action")) == "redact":
            add(int(item["page"]), (item.get("boxes") or [None])[0], item["type"],
                item.get("exemption", DEFAULT_EXEMPTION))
    for box in d.get("boxes") or []:
        add(int(box["page"]), box["box"], AREA, box.get("exemption", DEFAULT_EXEMPTION))
    counts["part1"]["texts"] = counts["part2"]["texts"] = len(d.get("redact_texts") or [])


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if value else None
