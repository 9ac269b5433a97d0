"""The form's "Public access to information" block: is Part 1 deferred, why and until when; is there a Part 2.

"Part 1 of this approval to be deferred? YES/NO", "If yes, for what reason: …", "Until what date: …",
"Is there a Part 2 form? YES/NO".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..dates import find_dates
from .text import clean

_DEFERRED = re.compile(r"Part\s*(?:1|I)\s+of\s+this\s+(?:approval|decision|form)\s+to\s+be\s+deferred\??"
                       r"[\s:–—-]*(?P<answer>YES|NO)\b", re.IGNORECASE)
_DEFERRED_SHORT = re.compile(r"to\s+be\s+deferred\??[\s:–—-]*(?P<answer>YES|NO)\b", re.IGNORECASE)
_REASON = re.compile(r"If\s+yes,?\s+for\s+what\s+reason\s*:?(?P<reason>.*?)Until\s+what\s+date",
                     re.IGNORECASE | re.DOTALL)
_UNTIL_WHAT_DATE = re.compile(r"Until\s+what\s+date\s*:?[ \t]*(?P<value>[^\n]*)", re.IGNORECASE)
_PART2_FORM = re.compile(r"Is\s+there\s+a\s+Part\s*(?:2|II)\s+form\s*[?:–—-]*\s*(?P<answer>YES|NO)\b",
                         re.IGNORECASE)
_NOT_APPLICABLE = re.compile(r"^\W*(n/?a|none|not\s+applicable|-+)?\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Deferral:
    deferred: bool | None = None  # None: the form does not say
    until: date | None = None
    reason: str | None = None
    warnings: tuple[str, ...] = ()


def read_deferral(text: str) -> Deferral:
    """The Part 1 deferral as the form gives it; a date given wins over a "NO" (fail closed: not published
    before it), an unreadable date is a warning, never a guess."""
    answer = _DEFERRED.search(text) or _DEFERRED_SHORT.search(text)
    deferred = answer.group("answer").upper() == "YES" if answer else None
    until, warnings = _until(text)
    if deferred and until is None:
        warnings.append("Part 1 publication is to be deferred but no date was found: it stays unpublished "
                        "until an officer sets a date")
    if deferred is False and until is not None:
        warnings.append("the form says Part 1 is not deferred but gives a deferral date: the date is used")
        deferred = True
    reason = _reason(text) if deferred is not False else None
    return Deferral(deferred=deferred, until=until, reason=reason, warnings=tuple(warnings))


def read_part2_form(text: str) -> bool | None:
    """The form's answer to "Is there a Part 2 form?" (None: the form does not ask)."""
    m = _PART2_FORM.search(text)
    return m.group("answer").upper() == "YES" if m else None


def _until(text: str) -> tuple[date | None, list[str]]:
    m = _UNTIL_WHAT_DATE.search(text)
    if not m:
        return None, []
    value = m.group("value").strip()
    dates = find_dates(value)
    if dates and dates[0].value:
        return dates[0].value, []
    if dates:
        return None, [f"Part 1 deferral date '{dates[0].text}' is not a valid date (dates are read day first); "
                      "set it by hand"]
    if not _NOT_APPLICABLE.match(value):
        return None, ["Part 1 deferral date could not be read; check it by hand"]
    return None, []


def _reason(text: str) -> str | None:
    m = _REASON.search(text)
    if not m:
        return None
    reason = clean(m.group("reason"))
    return reason if reason and not _NOT_APPLICABLE.match(reason) else None
