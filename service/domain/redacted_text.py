"""The values a paper redacts, for checking the public words officers write about it after publication
(a withdrawal reason, a correction note): like the title and summary, they must not bring back what the
files had removed.

Values come from the paper's analysis and decisions: each finding whose final action is redact, and each
text the officer redacts everywhere. A correction is checked against every earlier version too, so a name
redacted in version 1 cannot reappear in the note of version 2.

An officer types these words, so they are compared the way a reader recognises a value, not only as the PDF
wrote it (:func:`mentions`): accents, case, apostrophes, hyphens and other punctuation are folded
("Patrick O’Halloran" is "Patrick O'Halloran"; "Splue hunden" is the signature "Splue hunden."), and a run
of digits is found whatever its spacing or dashes ("07700-900-678" or "+44 7700 900678" for "07700 900678").
Refusing a harmless reason costs a rewording; letting a redacted value through publishes it.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy.orm import Session

from redaction.pdf.matching import contains, normalise

from service.domain.models import Paper
from service.domain.public_words import plain_line

MAX_VERSIONS = 100  # a chain of corrections is short; the bound only stops a cycle in bad data
MIN_NUMBER_DIGITS = 6  # a run of this many digits in a value (a phone number) is also found by its digits alone
_NUMBER = re.compile(r"\+?\d(?:[\s().\-/\u2010-\u2015\u2212]*\d)*")


def _words(text: str) -> str:
    """Letters and digits in lower case without accents, every other run of characters one space, with a
    space each side (so a value is found as whole words)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", plain_line(text)) if not unicodedata.combining(c))
    return " " + " ".join(re.sub(r"[\W_]+", " ", plain.casefold()).split()) + " "


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:] if digits.startswith("44") and len(digits) > 10 else digits  # +44 → national


def _numbers(text: str) -> list[str]:
    return [d for m in _NUMBER.finditer(normalise(text)) if len(d := _digits(m.group())) >= MIN_NUMBER_DIGITS]


def mentions(text: str, values: list[str]) -> bool:
    """Whether ``text`` (typed by an officer) mentions any of ``values`` (see the module's docstring)."""
    if not text:
        return False
    words, numbers = _words(text), _numbers(text)
    for value in values:
        if not value:
            continue
        folded = _words(value)
        if (folded.strip() and folded in words) or contains(text, value):
            return True
        if any(d in n for d in _numbers(value) for n in numbers):
            return True
    return False


def redacted_values(paper: Paper) -> list[str]:
    """Every value this paper redacts (officers only: never logged, never shown publicly)."""
    decisions = paper.decisions or {}
    overrides = decisions.get("items", {})
    values = [t for t in decisions.get("redact_texts", []) if t]
    values += [f["text"] for f in (paper.analysis or {}).get("personal_data", [])
               if overrides.get(f.get("id"), f.get("action")) == "redact" and f.get("text")
               and not f["text"].startswith("[")]  # "[picture]"-style placeholders are not text
    return values


def versions_of(db: Session, paper: Paper) -> list[Paper]:
    """``paper`` and every earlier version it corrects, newest first."""
    chain, seen = [paper], {paper.id}
    while chain[-1].previous_id is not None and len(chain) < MAX_VERSIONS:
        earlier = db.get(Paper, chain[-1].previous_id)
        if earlier is None or earlier.id in seen:
            break
        chain.append(earlier)
        seen.add(earlier.id)
    return chain


def holds_redacted_text(db: Session, paper: Paper, text: str) -> bool:
    """Whether ``text`` contains a value redacted from ``paper`` or any earlier version of it."""
    return mentions(text, [value for version in versions_of(db, paper) for value in redacted_values(version)])
