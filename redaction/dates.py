"""UK dates, day first, always.

``01/04/2025`` is 1 April 2025. Written dates (``1st April 2025``, ``30 September 2027``), month-only dates
(``March 2027`` means the 1st) and ISO dates are read too. A date that cannot be a real day-first date
(``13/25/2025``, ``31/02/2026``) is reported as a problem and never re-read month first — which is why the
numeric forms are parsed here instead of by ``dateutil`` (its ``dayfirst=True`` silently swaps day and
month when the day-first reading is impossible).

Release times are 00:00 Europe/London on the date unless configured otherwise; :func:`london_midnight_utc`
turns a date into the UTC instant, right across BST/GMT changes (``zoneinfo`` with the ``tzdata`` package).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from .spans import overlaps_any

LONDON = ZoneInfo("Europe/London")


def iso_or_none(value: date | datetime | None) -> str | None:
    """``value`` as an ISO 8601 string, or None when there is none (JSON fields, audit details)."""
    return value.isoformat() if value else None


_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:\s*(?:st|nd|rd|th))?"
_YEAR = r"(?P<year>\d{4})"

_PATTERNS = [
    # 01/04/2025, 9/3/2021, 01.04.2025, 01-04-2025, 01/04/25
    ("numeric", re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})\s?([/.\-])\s?(?P<month>\d{1,2})\s?\2\s?"
                           r"(?P<year>\d{4}|\d{2})(?![\d/])")),
    ("iso", re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")),
    # 1st April 2025, 30 September 2027, 1 April, 2025, 1st of April 2025
    ("dmy", re.compile(r"(?<!\d)" + _DAY + r"\s*(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)",
                       re.IGNORECASE)),
    # April 1st, 2025 (month written out: unambiguous)
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE)),
    # March 2027 (month only: the 1st)
    ("month", re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE)),
]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: date | None  # None when the text looks like a date but is not a real day-first date
    month_only: bool = False
    problem: str | None = None


def find_dates(text: str) -> list[DateMatch]:
    """Every date-like expression in ``text``, in order, without overlaps (longest form wins)."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if overlaps_any(m.start(), m.end(), taken):
                continue
            found.append(_to_match(kind, m))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_uk_date(text: str) -> date:
    """Parse one date (day first). Raises ``ValueError`` with a reason for anything else."""
    matches = [m for m in find_dates(text) if m.start == 0 and m.end == len(text.strip())]
    if not matches:
        raise ValueError("not a date")
    m = matches[0]
    if m.value is None:
        raise ValueError(m.problem or "not a valid date")
    return m.value


def _to_match(kind: str, m: re.Match) -> DateMatch:
    g = m.groupdict()
    month_only = kind == "month"
    year = int(g["year"])
    if len(g["year"]) == 2:
        year += 2000
    month = int(g["month"]) if g["month"].isdigit() else _MONTHS[g["month"].lower().rstrip(".")]
    day = 1 if month_only else int(g["day"])
    try:
        value = date(year, month, day)
        problem = None
    except ValueError:
        value = None
        problem = "impossible date (dates are read day first)"
    return DateMatch(m.start(), m.end(), m.group(0), value, month_only, problem)


def london_midnight_utc(day: date, at: time = time(0, 0)) -> datetime:
    """The UTC instant of ``at`` (default 00:00) Europe/London on ``day``."""
    return datetime.combine(day, at, tzinfo=LONDON).astimezone(timezone.utc)
