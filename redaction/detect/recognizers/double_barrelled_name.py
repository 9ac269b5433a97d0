"""A given name and a double-barrelled surname: "Hollis Ferreira-Gant", "Halvard Greenbank-Oduya",
"Callum O'Keeffe-Nwosu", "Tuesday Abara-Lindqvist". NER trained on news text misses many whose parts are
uncommon, but two capitalised parts joined by a hyphen after a capitalised given name are a person's name
wherever they stand: places and bodies joined by a hyphen are written with "the" or in lower case
("the Anglo-French route", "Stoke-on-Trent"), and a word from the lists of non-names rules the candidate out.

The name may be broken over a line between the words or after the hyphen ("Hollis" / "Ferreira-Gant").
Whether it is a person, and whether the policy keeps them, is decided later like any other candidate.
"""

from __future__ import annotations

import re

from ..english_words import is_word_or_its_form
from ..given_names import is_given_name
from ..vocabulary import (NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_FIRST_WORDS, SENTENCE_OPENERS, THING_WORDS,
                          WEEKDAYS, WORD_FIRST_NAMES)
from .base import RuleRecognizer
from .patterns import GAELIC_JOINED_SURNAME, LOWER, MISSING_GLYPHS, SEP, UPPER, name_words, plausible_name

_U, _L = f"[{UPPER}]", f"[{LOWER}]"
# one part of the surname: "Okafor", "O'Keeffe", "McAllister", "NicLeòid"
_PART = rf"(?:{GAELIC_JOINED_SURNAME}|(?:{_U}['’])?(?:Ma?c|Nic)?{_U}{_L}{{2,}})"  # ... "MacIlleMhoire-Sethi"
# (a Korean given name keeps its second syllable in lower case: "Jun-seo")
_GIVEN = rf"{_U}{_L}{{2,}}(?:-{_L}{{2,}})?"
# the second part may be a two-letter surname: "Fairclough-Ng", "Hartley-Xu"
_DOUBLE = rf"{_PART}-(?:[ \t]*\n[ \t]*)?(?:{_PART}|{_U}{_L})"
_NAME = re.compile(rf"(?<![\w{MISSING_GLYPHS}'’.-])(?P<name>(?P<given>{_GIVEN}){SEP}(?P<surname>{_DOUBLE}))"
                   rf"(?![\w{MISSING_GLYPHS}-]|['’](?![sS]\b))")
# ... and a double-barrelled given name before a surname: "Lily-Rose Penhallow", "Anna-Maria Ostrowska"
_GIVEN_DOUBLE = re.compile(rf"(?<![\w{MISSING_GLYPHS}'’.-])(?P<name>(?P<given>{_U}{_L}{{2,}}-{_U}{_L}{{2,}}){SEP}"
                           rf"(?P<surname>{_PART}(?:-{_PART})?))(?![\w{MISSING_GLYPHS}-]|['’](?![sS]\b))")
# "the", "a", "our" before the words make them a thing ("the Anglo-Irish agreement")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?i:the|a|an|our|their|its|this|that)[ \t]*\n?[ \t]*$")
# a day or month before the words is a date ("on Tuesday", "3 May"), not a given name
_DATE_BEFORE = re.compile(r"(?:\d|(?<![\w-])(?i:on|in|by|from|until|since|before|after|next|last|every|each))"
                          r"[ \t\n,]*$")


def _not_a_name_word(word: str) -> bool:
    folded = word.casefold()
    return folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or folded in THING_WORDS


class DoubleBarrelledNameRecognizer(RuleRecognizer):
    SCORE = 0.9  # above NER's: a longer NER guess around the name ("Quintero Matron Beatrix ...") must not drop it
    EXPLANATION = "given name and double-barrelled surname"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _NAME.finditer(text):
            given = m.group("given")
            parts = name_words(m.group("surname"))[0].split("-")
            folded = given.casefold()
            # a thing's word may start a surname ("Park-Ellwood", "Wood-Robinson", "Green-Armytage"), never end it
            if (folded in PLACE_FIRST_WORDS or _not_a_name_word(parts[-1])
                    or any(p.casefold() in NOT_NAME_WORDS or p.casefold() in ORGANISATION_WORDS for p in parts)):
                continue
            if _ARTICLE_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
                continue
            if folded in SENTENCE_OPENERS and folded not in WORD_FIRST_NAMES:
                continue  # "Has Nakamura-Lowe replied?", "Thanks Ashworth-Tembo": the sentence's first word
            if folded in WORD_FIRST_NAMES or folded in WEEKDAYS:
                # "Tuesday Abara-Lindqvist", "May Okonjo-Hart": a word as a given name, unless a date is meant
                if _DATE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                    continue
            elif _not_a_name_word(given):
                continue
            if not plausible_name(name_words(m.group("name"))):
                continue
            out.append(self.result(m.start("name"), m.end("name")))
        for m in _GIVEN_DOUBLE.finditer(text):
            # one half of the given name a known given name, no word of the lists, and a surname no English
            # word is ("Rose-Marie Garden" is no name; "the Mary-Kate Olsen case" still is not read as a thing)
            givens = m.group("given").split("-")
            surnames = m.group("surname").split("-")
            if (not any(is_given_name(g) for g in givens) or any(_not_a_name_word(w) for w in givens + surnames)
                    or any(g.casefold() in PLACE_FIRST_WORDS for g in givens)
                    or any(is_word_or_its_form(w.casefold()) for w in surnames)
                    or _ARTICLE_BEFORE.search(text[max(0, m.start() - 8):m.start()])
                    or not plausible_name(name_words(m.group("name")))):
                continue
            out.append(self.result(m.start("name"), m.end("name")))
        return out
