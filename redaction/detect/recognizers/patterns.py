"""Regular-expression pieces the name recognizers share: name words, ranks, titles, line-break tolerant
separators. A name in a PDF may be broken over two lines, so words are separated by spaces or one break."""

from __future__ import annotations

import re

from ..vocabulary import FIELD_LABELS, POLICE_RANKS, TITLES

# One line break at most between words: a blank line ends the name.
SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# "Mike", "McNulty", "Comer-Schwartz", "O'Brien", "D’Souza"
NAME_WORD = r"(?:[A-Z]['’][A-Z][a-z]+|[A-Z](?:[a-z]+|[a-z]{0,2}[A-Z][a-z]+)(?:[-'’][A-Z][a-z]+)*)"
# "WEST", "O'BRIEN", "COMER-SCHWARTZ"
CAPS_WORD = r"(?:[A-Z]['’]?[A-Z]{2,}(?:-[A-Z]{2,})*)"
INITIAL = r"(?:[A-Z]\.?)"
# Initials and up to three words; the last may be written in capitals ("Mike WEST").
NAME = (rf"(?:{INITIAL}{SEP}){{0,2}}(?:{NAME_WORD}{SEP}){{0,2}}(?:{NAME_WORD}|{CAPS_WORD})"
        rf"(?![\w'’-])")
# A full name: at least two words.
FULL_NAME = rf"(?:{NAME_WORD}|{INITIAL}){SEP}(?:{NAME_WORD}{SEP})?(?:{NAME_WORD}|{CAPS_WORD})(?![\w'’-])"


def _alternation(words) -> str:
    """Longest first, so "Deputy Assistant Commissioner" wins over "Assistant Commissioner"; dots after
    abbreviations are optional ("Det. Supt.")."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        parts.append(r"\.?\s+".join(re.escape(p) for p in w.split()) + r"\.?")
    return "(?:" + "|".join(parts) + ")"


RANK = _alternation(POLICE_RANKS)
TITLE = _alternation(TITLES)
LABEL = _alternation(FIELD_LABELS)


def rank_name(written: str) -> str | None:
    """The full rank name of a rank as written ("Det. Supt." -> "Detective Superintendent")."""
    key = " ".join(written.replace(".", " ").split())
    return POLICE_RANKS.get(key)
