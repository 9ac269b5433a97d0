"""Names after "by" in prose, or after "from" following what a person sends ("a letter from Jo Bell"): "supported by Ines Carvalho-Duarte of MOPAC Digital", "represented by
Marcus Beattie-Henderson, has been told". NER misses hyphenated and unfamiliar names, and often reads a
name and the body after it as one organisation; "by" + a full name that ends the phrase is a person.

The name must be whole: every word a possible name word (not "Sutton Council", "Rape Crisis South
London", "Transport for London") and the next word not capitalised (a longer proper name goes on)."""

from __future__ import annotations

from .. import regex_cache
from .base import RuleRecognizer
from .patterns import FULL_NAME, SEP, name_words, plausible_name

# ... and after what a person sends: "a letter from Jo Bell dated", "an objection from Jo Bell, who lives"
_FROM = (r"(?i:letters?|e-?mails?|messages?|calls?|comments?|objections?|complaints?|representations?|statements?|"
         r"evidence|responses?|repl(?:y|ies)|advice|submissions?|correspondence|referrals?|requests?)[ \t]+from")
_BY_NAME = regex_cache.compile(rf"(?<![\w-])(?:[Bb]y|{_FROM}){SEP}(?P<name>{FULL_NAME})(?=[ \t\n]*(?:[,.;:)]|$|[a-z(]))")


class AgentNameRecognizer(RuleRecognizer):
    SCORE = 0.85
    EXPLANATION = "name after 'by' in prose"

    def analyze(self, text, entities, nlp_artifacts=None):
        return [self.result(m.start("name"), m.end("name")) for m in _BY_NAME.finditer(text)
                if plausible_name(name_words(m.group("name")))]
