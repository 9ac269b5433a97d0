"""The values a paper redacts, for checking the public words officers write about it after publication
(a withdrawal reason, a correction note): like the title and summary, they must not bring back what the
files had removed.

Values come from the paper's analysis and decisions: each finding whose final action is redact, and each
text the officer redacts everywhere. A correction is checked against every earlier version too, so a name
redacted in version 1 cannot reappear in the note of version 2.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from redaction.pdf.matching import contains

from .models import Paper

MAX_VERSIONS = 100  # a chain of corrections is short; the bound only stops a cycle in bad data


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
    if not text:
        return False
    return any(contains(text, value) for version in versions_of(db, paper) for value in redacted_values(version))
