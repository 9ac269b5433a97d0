"""Names after "by" in prose: "supported by Ines Carvalho-Duarte of MOPAC Digital", "represented by
Marcus Beattie-Henderson, has been told". NER misses hyphenated and unfamiliar names, and often reads a
name and the body after it as one organisation; "by" + a full name that ends the phrase is a person.

The name must be whole: every word a possible name word (not "Sutton Council", "Rape Crisis South
London", "Transport for London") and the next word not capitalised (a longer proper name goes on)."""

from __future__ import annotations

import re

from .base import RuleRecognizer
from .patterns import FULL_NAME, SEP, name_words, plausible_name

_BY_NAME = re.compile(rf"(?<![\w-])[Bb]y{SEP}(?P<name>{FULL_NAME})(?=[ \t\n]*(?:[,.;:)]|$|[a-z(]))")


class AgentNameRecognizer(RuleRecognizer):
    SCORE = 0.85
    EXPLANATION = "name after 'by' in prose"

    def analyze(self, text, entities, nlp_artifacts=None):
        return [self.result(m.start("name"), m.end("name")) for m in _BY_NAME.finditer(text)
                if plausible_name(name_words(m.group("name")))]
