"""One to three initials and a surname: "A. Morcombe", "S. J. Rainbird", "M. Oyelaja-Brandt" in a cc list,
a signature line or a payments table. NER trained on news text often reads the surname alone or nothing,
but initials with full stops before a capitalised word that is no English word are a person's name: a list
label ("A. Introduction", "Appendix B. Costs") is followed by an ordinary word or led by the word naming it.

Whether it is a person, and whether the policy keeps them, is decided later like any other candidate.
"""

from __future__ import annotations

import re

from ..english_words import is_english_word
from ..vocabulary import NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_FIRST_WORDS, THING_WORDS
from .base import RuleRecognizer
from .patterns import LOWER, MISSING_GLYPHS, UPPER, name_words, plausible_name

_U, _L = f"[{UPPER}]", f"[{LOWER}]"
_PART = rf"(?:{_U}['’])?(?:Ma?c)?{_U}{_L}{{2,}}"
_SURNAME = rf"{_PART}(?:-(?:[ \t]*\n[ \t]*)?{_PART})?"
_NAME = re.compile(rf"(?<![\w{MISSING_GLYPHS}'’.-])(?P<name>(?:{_U}\.[ \t]?){{1,3}}[ \t]*(?P<surname>{_SURNAME}))"
                   rf"(?![\w{MISSING_GLYPHS}-]|['’](?![sS]\b))")
# the word before that makes the letter a label, not an initial ("Appendix B. Smithfield costs")
_LABEL_BEFORE = re.compile(r"(?<![\w-])(?i:appendix|annex|annexe|section|part|schedule|table|figure|item|option|"
                           r"paragraph|para|chapter|phase|stage|level|grade|category|type|class|block|unit|plan|"
                           r"route|zone|wing|ward|floor|room|flat|plot|no|number)[ \t]*$")
# a capitalised word after the surname makes it part of a longer proper name ("J. Sainsbury Ltd")
_CAPITAL_AFTER = re.compile(r"^[ \t]+(?P<w>[A-Z][\w'’-]*)")
# "J. Bassett and Sons", "R. Penhale & Daughters": a family firm, named after its founder
_FIRM_AFTER = re.compile(r"^\s+(?:and|&)\s+(?:Sons?|Daughters?|Partners|Co\b|Company|Associates)")


def _not_a_surname(parts: list[str]) -> bool:
    """A word from the lists of non-names in any part, or every part an English word ("A. Introduction");
    one part that is no word makes a double-barrelled surname a name ("M. Oyelaja-Brandt")."""
    folded = [p.casefold() for p in parts]
    return (any(f in NOT_NAME_WORDS or f in ORGANISATION_WORDS or f in THING_WORDS or f in PLACE_FIRST_WORDS
                for f in folded) or all(is_english_word(f) for f in folded))


class InitialsNameRecognizer(RuleRecognizer):
    SCORE = 0.85
    EXPLANATION = "initials and surname"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _NAME.finditer(text):
            parts = name_words(m.group("surname"))[0].split("-")
            if _not_a_surname(parts):
                continue
            if _LABEL_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            after = _CAPITAL_AFTER.match(text[m.end():m.end() + 40])
            if after and after.group("w").casefold() in ORGANISATION_WORDS | THING_WORDS:
                continue
            if _FIRM_AFTER.match(text[m.end():m.end() + 40]):
                continue
            if not plausible_name(name_words(m.group("surname"))):
                continue
            out.append(self.result(m.start("name"), m.end("name")))
        return out
