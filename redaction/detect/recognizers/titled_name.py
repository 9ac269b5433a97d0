"""Names after a police rank or a title: "DSU Mike WEST", "DAC Graham McNulty", "Mr West", "Dr J. Smith",
"T/DCI Gareth Lloyd-Evans", "PCSO Nadia Farouk", "Group Commander Owain Pritchard" (a fire rank).

The rank or title stays outside the result (it is not personal data, and the policy needs it)."""

from __future__ import annotations

import re

from .base import RuleRecognizer
from .patterns import FULL_NAME, NAME, RANK, SEP, TITLE, rank_in_context

_TITLED = re.compile(rf"(?<![\w/&-])(?P<titles>(?:{RANK}|{TITLE})(?:{SEP}(?:{RANK}|{TITLE}))*){SEP}"
                     rf"(?P<name>{NAME})")
_ONE_TITLE = re.compile(rf"{RANK}|{TITLE}")
# "The Deputy Commissioner, Simon Faraday, ..." - a rank in apposition; a full name must follow.
_RANK_COMMA = re.compile(rf"(?<![\w/&-])(?P<titles>{RANK})[ \t]*,{SEP}(?P<name>{FULL_NAME})")


class TitledNameRecognizer(RuleRecognizer):
    SCORE = 0.95
    EXPLANATION = "name after a police rank or a title"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in [*_TITLED.finditer(text), *_RANK_COMMA.finditer(text)]:
            out.append(self.result(m.start("name"), m.end("name"), rank=titles_rank(text, m)))
        return out


def titles_rank(text: str, m: re.Match) -> str | None:
    """The last rank among the titles before the name ("Sir" and "Dr" say nothing about rank)."""
    rank = None
    base = m.start("titles")
    for t in _ONE_TITLE.finditer(m.group("titles")):
        rank = rank_in_context(text, base + t.start(), t.group(0)) or rank
    return rank
