"""What the officer is warned about once the paper is read: the form's answers against what was found, and
dates already past. Each check takes what it compares as arguments and returns warnings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .part2_boundary import PAGES_NAMED


@dataclass(frozen=True)
class FormCheck:
    warnings: tuple[str, ...] = ()
    confirm: bool = False  # the officer confirms where Part 2 starts before anything is published


def check_form(*, part2_form: bool | None, part2_in_file: bool, has_part2: bool, exemptions: int,
               release_on: date | None, review_on: date | None, pictured: Sequence[int] = ()) -> FormCheck:
    """The form's "Is there a Part 2 form?" against the Part 2 found, and a Part 2 without exemption or date.

    ``exemptions``: how many the Part 2 claims; ``pictured``: pages with large images (see
    :func:`.part2_boundary.pictured_pages`)."""
    warnings: list[str] = []
    confirm = False
    if part2_form is True and not part2_in_file:
        # A Part 2 the form promises but the text does not show (a heading drawn as an image, say) must not
        # be published as Part 1, even when the text also mentions a Part 2 withheld elsewhere.
        warnings.append("the form says there is a Part 2 but none was found in the paper: confirm there is "
                        "none, or mark where it starts")
        if pictured:
            warnings.append(f"page{'s' if len(pictured) > 1 else ''} {', '.join(map(str, pictured[:PAGES_NAMED]))} "
                            "carr" + ("y" if len(pictured) > 1 else "ies") + " large images: a Part 2 heading "
                            "drawn as a picture cannot be read")
        confirm = True
    if part2_form is False and part2_in_file:
        warnings.append("the form says there is no Part 2 but the paper contains one: the Part 2 found is "
                        "withheld")
    if has_part2 and not exemptions:
        warnings.append("Part 2 names no FOIA exemption; check it by hand")
    if has_part2 and exemptions and release_on is None and review_on is None:
        warnings.append("Part 2 gives no release or review date: it stays withheld until an officer acts")
    return FormCheck(tuple(warnings), confirm)


def check_dates_past(*, release_on: date | None, deferred_until: date | None, today: date | None) -> tuple[str, ...]:
    """Dates already past on ``today`` (None: not checked): what happens at publication."""
    if today is None:
        return ()
    warnings = []
    if release_on and release_on <= today:
        warnings.append(f"the Part 2 exemption expired on {release_on.isoformat()}: Part 2 will be "
                        "released when the paper is published")
    if deferred_until and deferred_until <= today:
        warnings.append(f"the Part 1 deferral date {deferred_until.isoformat()} has passed: Part 1 will be "
                        "published at once")
    return tuple(warnings)
