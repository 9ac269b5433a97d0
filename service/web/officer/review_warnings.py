"""What the review and preview pages ask an officer to check, in plain English with dates as "1 April 2025".

The analysis's own warnings are shown as sentences with their ISO dates written out; its two warnings about
dates that have passed are replaced by checks of the dates that will be used now (the officer's, when set),
so a warning goes away once a new date is chosen. The cross-checks: Part 2 released before Part 1 is
published, a review date before a release date, dates already passed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from redaction.publication import PublicationPlan

from service.web.officer.form_errors import sentence, uk_day

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Replaced by date_checks (they describe the analysed dates, which the officer may have changed).
_DATE_WARNINGS = ("the Part 2 exemption expired on ", "the Part 1 deferral date ")
_NO_PART2_DATE = "Part 2 gives no release or review date"
_NO_PART1_DATE = "Part 1 publication is to be deferred but no date was found"


def plain(message: str) -> str:
    """An analysis warning as a sentence, ISO dates written the UK way."""
    def day(m: re.Match) -> str:
        try:
            return uk_day(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]
    return sentence(_ISO.sub(day, message))


def analysis_warnings(analysis: dict, plan: PublicationPlan | None = None) -> list[str]:
    """The analysis's warnings for the officer; those about a missing date go once the officer gives one."""
    settled = []
    if plan is not None and (plan.release_on or plan.review_on):
        settled.append(_NO_PART2_DATE)
    if plan is not None and plan.deferred_until:
        settled.append(_NO_PART1_DATE)
    return [plain(w) for w in analysis.get("warnings") or []
            if not w.startswith(_DATE_WARNINGS) and not w.startswith(tuple(settled))]


def date_checks(plan: PublicationPlan, due: date) -> list[str]:
    """Cross-checks of the dates publication will use. ``due``: the latest date already due for release."""
    out = []
    part1, release, review = plan.deferred_until, plan.release_on, plan.review_on
    if part1 and part1 <= due:
        out.append(f"The Part 1 publication date, {uk_day(part1)}, has passed: Part 1 will be published as soon "
                   "as you publish the paper.")
    if plan.has_part2 and release:
        if part1 and release < part1:
            out.append(f"Part 2 would be released on {uk_day(release)}, before Part 1 is published on "
                       f"{uk_day(part1)}. Part 2 is normally released on or after Part 1's date: check both "
                       "dates.")
        elif release <= due and not review:
            out.append(f"The Part 2 exemption ended on {uk_day(release)}: Part 2 will be released as soon as "
                       "you publish the paper. Set a later release date to keep it withheld.")
        if review and review > release:
            out.append(f"The review date, {uk_day(review)}, is after the release date, {uk_day(release)}: Part 2 "
                       "will already be public when it is reviewed.")
    if plan.has_part2 and review and review <= due:
        out.append(f"The review date, {uk_day(review)}, has passed: Part 2 goes to the review queue as soon as "
                   "you publish the paper.")
    return out


# A stopped preview's verification check, in words (the check's own name stays, for support).
_PART2_CHECKS = ("part2-order", "part2-ngrams")
_FAILED_CHECK = re.compile(r"Verification failed: ([a-z0-9-]+(?:, [a-z0-9-]+)*) \(part (\d)(?:, page (\d+))?\)",
                           re.IGNORECASE)


def preview_failure(error: str | None, code: str | None) -> str | None:
    """What a preview stopped by verification means for the officer ("Part 1 would hold text of Part 2 on
    page 1 …"), or None when the stored message already reads as a sentence."""
    m = _FAILED_CHECK.search(error or "")
    if code != "leak" or not m:
        return None
    checks, part, page = m[1].lower().split(", "), m[2], m[3]
    where = f"page {page} of Part {part}" if page else f"Part {part}"
    if any(c in _PART2_CHECKS for c in checks):
        return (f"Part {part} would hold text of Part 2 ({where}): check where Part 2 starts "
                "(the blue line), then preview again.")
    if page:
        return (f"A redacted value could still be read in Part {part}, page {page}: check the redactions on that "
                "page (or draw a box over it), then preview again.")
    # A check of the whole file (its streams, metadata, fonts, images): no page to point at (trial, 30 Nov 2026:
    # "Verification failed: raw-streams (part 1)" came with no words at all).
    return (f"A redacted value could still be found inside the file of Part {part} (in its data, not on a "
            "page). A very short value — a first name or initials of two or three letters — can occur there by "
            "chance: check the short values you chose to redact, then preview again. If it stops again, ask "
            "for support and give them the check named below.")


def with_posted_dates(plan: PublicationPlan, values: dict) -> PublicationPlan:
    """The plan with the dates and Part 2 choice an officer just posted (a page with errors shows them in
    the fields, so its warnings must be about them, not about the saved ones). A date that is not a valid
    date keeps the saved one (its field has its own error). Only the page's checks read it: never stored."""
    out = {}
    for name in ("deferred_until", "release_on", "review_on"):
        raw = (values.get(name) or "").strip()
        try:
            out[name] = date.fromisoformat(raw) if raw else None
        except ValueError:
            pass
    if values.get("part2_mode") == "none":
        out["has_part2"] = False
    elif values.get("part2_mode") == "custom":
        out["has_part2"] = True
    return replace(plan, **out)
