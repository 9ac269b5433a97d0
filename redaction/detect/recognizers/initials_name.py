"""One to three initials and a surname: "A. Morcombe", "S. J. Rainbird", "M. Oyelaja-Brandt" in a cc list,
a signature line or a payments table. NER trained on news text often reads the surname alone or nothing,
but initials with full stops before a capitalised word that is no English word are a person's name: a list
label ("A. Introduction", "Appendix B. Costs") is followed by an ordinary word or led by the word naming it.

Whether it is a person, and whether the policy keeps them, is decided later like any other candidate.
"""

from __future__ import annotations

import re

from ..english_words import is_english_word, is_word_or_its_form
from ..vocabulary import (NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_FIRST_WORDS, THING_WORDS, TITLE_WORDS,
                          WORD_FIRST_NAMES)
from .base import RuleRecognizer
from .patterns import LOWER, MISSING_GLYPHS, RANK, UPPER, name_words, plausible_name

_U, _L = f"[{UPPER}]", f"[{LOWER}]"
_PART = rf"(?:{_U}['’])?(?:(?:Ma?c|Nic)(?:Gill|Ill|Gille|Ille)?)?{_U}{_L}{{2,}}"  # "M. NicIllFhinnein"
_SURNAME = rf"{_PART}(?:-(?:[ \t]*\n[ \t]*)?{_PART})?"
# a cell may wrap between the initial and the surname ("R." / "Songhurst"), and a particle may lead the surname
# ("I. ap Gwilym", "H. van der Spuy")
_PARTICLE = (r"(?:(?:ap|ab|[Vv]an(?:[ \t]+(?:der|den|de))?|von|[Dd]e(?:[ \t]+la)?|di|da|del|della|du|dos|das|[Ll]e|la|Ní|"
             r"(?:Mac|Nic)[ \t]+Gh?iolla|Nic|Ó|Mac[ \t]+(?:an|Ille|Gille))[ \t]+)")
_NAME = re.compile(rf"(?<![\w{MISSING_GLYPHS}'’.-])(?P<name>(?:{_U}\.[ \t]?){{1,3}}(?:[ \t]*\n)?[ \t]*{_PARTICLE}?"
                   rf"(?P<surname>{_SURNAME}))"
                   rf"(?![\w{MISSING_GLYPHS}-]|['’](?![sS]\b))")
# ... or written surname first, the initials after a comma, at the start of a line or cell ("Hughes-Obi, T.",
# "Ní Chathasaigh, N.", "Van der Merwe-Obi, K.")
# (two surnames, Portuguese or Ghanaian style, the first no English word: "Figueiredo Pinto, O.")
_SURNAME_FIRST = re.compile(rf"(?:^|(?<=\n))[ \t]*(?P<name>{_PARTICLE}?(?P<surname>{_SURNAME})(?:[ \t]+(?P<second>{_SURNAME}))?,"
                            rf"[ \t]*(?:{_U}\.[ \t]?){{1,3}})(?P<rest>[^\n]*)")
_RANK_BEFORE = re.compile(rf"(?:{RANK})[ \t]*$")
# a second surname after the first, Spanish-style ("M. Fuentes Iribarren"): taken when no English word
_SECOND_SURNAME = re.compile(rf"^[ \t]+(?P<second>{_SURNAME})(?![\w{MISSING_GLYPHS}-]|['’](?![sS]\b))")
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
    return _listed(parts) or all(is_english_word(p.casefold()) for p in parts)


# a word of signing right before the initials: what follows is who signed ("Signed J. Bell", "approved by A. Cook")
_SIGNED_BEFORE = re.compile(r"(?<![\w-])(?i:signed|countersigned|initialled|approved|authorised|authorized)"
                            r"(?:[ \t]+by)?[ \t]*:?[ \t]*$")


def _listed(parts: list[str]) -> bool:
    """A part is a word of the lists of non-names ("Introduction" is not: "Trust", "Lane", "Canary" are)."""
    folded = [p.casefold() for p in parts]
    return any(f in NOT_NAME_WORDS or f in ORGANISATION_WORDS or f in THING_WORDS or f in PLACE_FIRST_WORDS
               for f in folded)


def _second_surname(word: str, after: str) -> bool:
    """The capitalised word after "M. Fuentes" is a second surname when it (or one part of it) is no English
    word, no word of the lists of non-names, and no capitalised word follows it ("M. Fuentes Iribarren",
    "M. Théophile Garnier-Dubost"; not "J. Cole Harbour Road")."""
    parts = name_words(word)[0].split("-")
    return not _not_a_surname(parts) and not _CAPITAL_AFTER.match(after)


_GIVEN_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<given>{_U}{_L}+(?:-{_U}{_L}+)?)[ \t]+$")


def _a_given_name(word: str) -> bool:
    """A capitalised word before the initials that is a given name: no ordinary word (or a word used as a
    first name, "Hope A. Bell"), and no word of the lists of non-names, a title or a rank."""
    folded = word.casefold()
    if folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or folded in THING_WORDS or folded in PLACE_FIRST_WORDS:
        return False
    if folded in TITLE_WORDS:
        return False
    return folded in WORD_FIRST_NAMES or not is_english_word(word)


class InitialsNameRecognizer(RuleRecognizer):
    SCORE = 0.86  # above NER's 0.85: on the same span the rule's finding, not NER's guess, is kept
    EXPLANATION = "initials and surname"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _SURNAME_FIRST.finditer(text):
            # alone on its line (a cell) a surname that is a word is one ("Baker, M."); with more on the line
            # ("Loveday-Obi, T. under delegated powers") it must be no English word
            parts = name_words(m.group("surname"))[0].split("-")
            if _listed(parts) or (m.group("rest").strip() and _not_a_surname(parts)):
                continue
            if m.group("second") and (_listed(second := name_words(m.group("second"))[0].split("-"))
                                      or any(is_english_word(p.casefold()) for p in parts)):
                continue  # "Smith Hall, A." is no name written surname first
            out.append(self.result(m.start("name"), m.start("name") + len(m.group("name").rstrip())))
        for m in _NAME.finditer(text):
            end = m.end("name")
            second = _SECOND_SURNAME.match(text[end:end + 40])
            if second and _second_surname(second.group("second"), text[end + second.end():end + second.end() + 40]):
                end += second.end()  # "M. Fuentes Iribarren": the two surnames together, one need be no word
            elif _not_a_surname(parts := name_words(m.group("surname"))[0].split("-")) and not (
                    _SIGNED_BEFORE.search(text[max(0, m.start() - 20):m.start()]) and not _listed(parts)):
                continue  # ... but "Signed J. Bell": after a word of signing, a surname that is a word is one
            if _LABEL_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            if "\n" in text[m.start():m.start("surname")] and is_word_or_its_form(m.group("surname")):
                continue  # "Calum A." / "Released e-mail 3": the next line's word, not a surname
            after = _CAPITAL_AFTER.match(text[end:end + 40])
            if after and after.group("w").casefold() in ORGANISATION_WORDS | THING_WORDS:
                continue
            if _FIRM_AFTER.match(text[end:end + 40]):
                continue
            if not plausible_name(name_words(text[m.start("surname"):end])):
                continue
            start = m.start("name")
            given = _GIVEN_BEFORE.search(text[max(0, start - 30):start])
            if given and _a_given_name(given.group("given")):
                start -= len(given.group(0))  # "Henrietta J. Okorocha": the given name before a middle initial
            elif end > m.end("name") and m.group("name").startswith("M. ") and not _RANK_BEFORE.search(text[max(0, start - 30):start]):
                # "M. Anselme Boisvert-Lacoste": Monsieur, a title, before a given name and a surname; after
                # a rank ("Det Supt M. Fuentes Iribarren") the letter is an initial
                start = m.start("surname")
            out.append(self.result(start, end))
        return out
