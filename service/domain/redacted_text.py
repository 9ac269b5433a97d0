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

The same words may not quote what is still withheld either (:func:`quotes_withheld_text`): a run of
``QUOTE_WORDS`` words found in a part that is not public (a withheld Part 2, a deferred Part 1) and not in
what is public (the published parts, the reference, title and summary) is a quotation. When a withheld part
cannot be read, only words too short to quote anything (fewer than ``QUOTE_WORDS``) are accepted.
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


QUOTE_WORDS = 6  # this many words in a row from a withheld part (and nowhere public) quote it


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _words(text).split()
    return {tuple(words[i:i + QUOTE_WORDS]) for i in range(len(words) - QUOTE_WORDS + 1)}


def _part_text(part) -> str | None:
    """The part's redacted text (Part 1's is stored; Part 2's is read from its file); None if unreadable."""
    if part.text is not None:
        return part.text
    if not part.in_file or not part.file_key:
        return ""  # a Part 2 named by the paper but not in the file: nothing stored, nothing to quote
    from service.infra import pdftasks
    from service.infra import pdfwork
    from service.domain.papers import storage

    store = storage()
    if not store.exists(part.file_key):
        return None
    result = pdfwork.run("quick", pdftasks.stored_text, str(store.path(part.file_key)))
    return result if isinstance(result, str) else None


def quotes_withheld_text(paper: Paper, text: str) -> bool:
    """Whether ``text`` (public words about ``paper``) quotes a part of it that is not public: a withheld or
    held Part 2, or a Part 1 not yet published. Unreadable withheld text: any ``text`` long enough to quote."""
    runs = _runs(text)
    if not runs:
        return False
    public = {1: ("published",), 2: ("released",)}
    withheld: set[tuple[str, ...]] = set()
    seen = " ".join(v for v in (paper.reference, paper.title, paper.summary) if v)
    for part in paper.parts:
        if part.state in public.get(part.number, ()):
            seen += "\n" + (part.text or "")
            continue
        body = _part_text(part)
        if body is None:
            return True  # cannot tell: fail closed
        withheld |= _runs(body)
    return bool((runs & withheld) - _runs(seen))
