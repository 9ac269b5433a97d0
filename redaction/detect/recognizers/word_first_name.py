"""A first name that is also a word or a month, then a surname that is no ordinary word: "June Hartwell-
Pryce", "April Penhaligon", "Hope Adeyemi", "May Fotheringham", "Will Castellano". NER trained on news text
reads the first word as the word ("in June", "hope") and misses the person, and the surname beside a
redacted word-name would otherwise be left readable with its first name ("June" left beside the redaction).

Class of cases: a word first name (vocabulary.WORD_FIRST_NAMES: months, virtues, flowers, days, words like
Will, Mark, Robin) followed, on the same line or the next, by one capitalised word (or particles and a
word) that is not an ordinary English word (english_words: the spaCy model's word index) and in no list of
non-names. "June Figures", "April Budget", "Will Members", "Grace Period", "Hope Street" stay words: the
second word is an ordinary word or a non-name word. A surname that is also a word ("June Baker") is left to
NER and the other rules. Whether the person is kept is the policy's, as for any name.
"""

from __future__ import annotations

import re

from ..english_words import is_english_word
from ..vocabulary import (ABBREVIATIONS, MONTHS, NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_FIRST_WORDS,
                          THING_WORDS, WEEKDAYS, WORD_FIRST_NAMES)
from .base import RuleRecognizer
from .patterns import MISSING_GLYPHS, NAME_WORD, PARTICLE, SEP, name_words, plausible_name

_FIRST = "(?:" + "|".join(sorted((re.escape(w.capitalize()) for w in WORD_FIRST_NAMES), key=len, reverse=True)) + ")"
_NAME = re.compile(rf"(?<![\w{MISSING_GLYPHS}'’.&/-])(?P<name>(?P<first>{_FIRST}){SEP}"
                   rf"(?P<surname>(?:{PARTICLE}{SEP}){{0,2}}{NAME_WORD}))"
                   rf"(?![\w{MISSING_GLYPHS}-]|['’](?![sS]\b))")
# the capitalised words that run on after the surname ("April Penhaligon Trust" is an organisation)
_RUN_ON = re.compile(rf"^(?:[ \t]+[A-Z][\w'’-]*){{1,2}}")
# a month after a figure or a word of time is the date ("By April Wolverhampton will ...", "3 June
# Okehampton"); "from", "to" and "of" are left out: "a letter from April Penhaligon"
_DATE_BEFORE = re.compile(r"(?:\d|(?<![\w-])(?i:in|on|since|until|till|during|by|early|late|mid|end|before|after|"
                          r"last|next|this|each|every))[ \t\n,]*$")


def _ordinary(word: str) -> bool:
    folded = word.casefold()
    return (folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or folded in THING_WORDS
            or folded in PLACE_FIRST_WORDS or folded in MONTHS or folded in WEEKDAYS or folded in WORD_FIRST_NAMES
            or word in ABBREVIATIONS or is_english_word(word))


class WordFirstNameRecognizer(RuleRecognizer):
    SCORE = 0.86  # above NER's 0.85: NER's shorter guess ("Penhaligon") must not hide the first name
    EXPLANATION = "word or month as a first name, then a surname"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _NAME.finditer(text):
            if m.group("first").casefold() in MONTHS and _DATE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            surname = name_words(m.group("surname"))[-1]
            parts = surname.replace("’", "'").split("-")
            # every part of the surname an ordinary word ("Rose Garden", "June Cross-Border"): a word
            if all(_ordinary(p.split("'")[-1]) for p in parts):
                continue
            run = _RUN_ON.match(text, m.end())
            words = name_words(m.group("name")) + (run.group(0).split() if run else [])
            if not plausible_name(words):  # "May Fotheringham Trust", "June Okonjo Lecture"
                continue
            out.append(self.result(m.start("name"), m.end("name")))
        return out
