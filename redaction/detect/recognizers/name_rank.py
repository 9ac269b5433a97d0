"""A full name followed by a rank: "Mike West, Det Supt", "Jane Okafor (DCI)"."""

from __future__ import annotations

from .. import regex_cache
from .base import RuleRecognizer
from .patterns import FULL_NAME, RANK, rank_in_context

_NAME_RANK = regex_cache.compile(rf"(?<![\w'’-])(?P<name>{FULL_NAME})[ \t]*(?:,|\()[ \t]*\n?[ \t]*(?P<rank>{RANK})(?![\w])")


class NameRankRecognizer(RuleRecognizer):
    SCORE = 0.95
    EXPLANATION = "name followed by a police rank"

    def analyze(self, text, entities, nlp_artifacts=None):
        # (read in the paper's context, as before a name: "Radomir Zelenko, Commissioner." in a paper of no force
        # whose rank that is is another body's post)
        return [self.result(m.start("name"), m.end("name"), rank=rank_in_context(text, m.start("rank"), m.group("rank")))
                for m in _NAME_RANK.finditer(text)]
