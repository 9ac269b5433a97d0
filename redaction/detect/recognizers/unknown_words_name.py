"""Two capitalised words that are neither English words nor words of the lists of non-names, standing alone:
a given name and a surname NER trained on news text did not know ("Apologies from Reuben Ogunsanya.", "a
restraint of Jovan Petrović by", a table's cell "Ezenwachi, Chidinma" written surname first, "Yevgenia Tkachuk (Search and Rescue Mission Coordinator)"; class of cases,
the ninth evaluation set).

A given name of the list (given_names) that the word index holds as a noun at most ("Reuben", "Charity")
may stand first, and a job's abbreviation may stand before the pair ("HCA Milly Oakenfold"). Otherwise both words must be unknown as English (the word index bundled with the pinned spaCy model): "Gurnard Ledge",
"Trewhella Marine", "Catchpole Drain" end in a word, so they are places or firms, not names. A capitalised word
right before or after makes the pair part of a longer proper name ("Merthyr Tydfil Council"), which is left to
NER and the other rules. The score is below NER's, so a reading by NER or another rule wins where they overlap.
"""

from __future__ import annotations

import re

from ..english_words import is_english_word, is_more_than_a_noun
from ..given_names import is_given_name
from ..vocabulary import (NOT_NAME_WORDS, ORGANISATION_WORDS, PLACE_ENDINGS, PLACE_FIRST_WORDS, POST_NOMINALS,
                          THING_WORDS, TITLE_WORDS, WORD_FIRST_NAMES)
from ...spans import overlaps_any
from .base import RuleRecognizer
from .patterns import CAPS_WORD, LOWER, NAME_PARTICLES, SURNAME_CAPS_PARTICLE, UPPER, plausible_name

_U, _L = f"[{UPPER}]", f"[{LOWER}]"
_WORD = rf"{_U}{_L}+(?:['’]{_U}?{_L}+)?(?:-{_U}{_L}+)?"
_PAIR = re.compile(rf"(?<![\w'’.-])(?P<first>{_WORD})[ \t]*\n?[ \t]*(?P<last>{_WORD})(?![\w'’-])")
# ... or written surname first, alone on its line (a table's name cell): "Ezenwachi, Chidinma"
# ("TE RANGIHAU, Ngaio": a surname in capitals, its particles too; the Māori "Te" as well)
# (a middle initial may follow, and a dash before the row's next field: "WARFAA, Hodan C. - 0117 ...")
# (a surname in small letters' particles first too: "de Barra, Sadhbh", "van der Poel, Anouk")
_SMALL_PARTICLE = "(?:" + "|".join(sorted((p for p in NAME_PARTICLES if p[:1].islower()), key=lambda p: (-len(p), p))) + ")"
_SURNAME_FIRST_LINE = re.compile(rf"(?:^|(?<=\n))[ \t]*(?P<last>(?:{SURNAME_CAPS_PARTICLE}[ \t]+){{0,2}}{CAPS_WORD}|"
                                 rf"(?:{_SMALL_PARTICLE}[ \t]+){{0,2}}{_WORD}),"
                                 rf"[ \t]*(?P<first>{_WORD})(?P<initial>[ \t]+[{UPPER}]\.)?[ \t]*(?=\n|$|[-–][ \t])")
_NEXT_WORD = re.compile(rf"[ \t]+(?P<w>{_WORD})(?![\w'’-])")  # the run goes on, on its line
# a Sikh name: given name(s), "Singh" or "Kaur", and the family name (a line may break before it)
_SIKH_NAME = re.compile(rf"(?<![\w'’.-]){_WORD}(?:[ \t]+{_WORD})?[ \t]+(?:Singh|Kaur)"
                        rf"(?:[ \t]*\n?[ \t]*(?P<surname>{_WORD}))?(?![\w'’-])")
_POST_NOMINAL_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(sorted(map(re.escape, POST_NOMINALS), key=len, reverse=True))})"
                                 r"(?:[ \t,;.)]|$)")
_WORD_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*(?P<w>[\w'’-]+)")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \t]*\Z")
_WORD_LINE_BEFORE = re.compile(r"(?P<w>[A-Z][\w'’-]*)[ \t]*\n[ \t]*\Z")  # a given name ends the line above
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]*\Z")  # on the same line: the line above may be another cell
_CAPITAL_AFTER = re.compile(r"^[ \t]*(?:['’]s[ \t]+)?[A-Z]")
_FIRM_AFTER = re.compile(r"^[ \t]*(?:(?:&|\+)[ \t]*[A-Z]|and[ \t]+(?:Co\b|Sons?\b|Partners\b|Associates\b))")
_LISTS = NOT_NAME_WORDS | ORGANISATION_WORDS | THING_WORDS | PLACE_FIRST_WORDS | PLACE_ENDINGS | TITLE_WORDS
_NOT_FIRST = NOT_NAME_WORDS | PLACE_FIRST_WORDS | PLACE_ENDINGS | TITLE_WORDS  # a given name may be "Charity"
# an abbreviation of a job right before the name ("HCA Milly Oakenfold", "ANP Tirzah Lomax")
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w/])[A-Z]{2,5}[ \t]+$")


def _capital_before(text: str, start: int) -> bool:
    """A capitalised word right before on the same line (not a job's abbreviation, "HCA Milly Oakenfold"): the
    words are part of a longer proper name."""
    before = text[max(0, start - 30):start]
    return bool(_CAPITAL_BEFORE.search(before)) and not _ABBREVIATION_BEFORE.search(before)


def _given_name(word: str) -> bool:
    """A given name of the list that is no ordinary word beyond a noun: "Reuben" (a sandwich), "Jude", "Charity",
    "Dolores"; not "Grant" or "Frank" (verbs, adjectives)."""
    return (word.casefold() not in _NOT_FIRST and "-" not in word and is_given_name(word)
            and not is_more_than_a_noun(word))


def _unknown(word: str) -> bool:
    parts = word.split("-")
    return (word.casefold() not in _LISTS and not any(p.casefold() in _LISTS for p in parts)
            and not any(is_english_word(p) for p in parts))


def _no_word_surname(word: str) -> bool:
    """No part a word of the lists, and one part at least no English word ("Maduekwe-Prys", "Okonkwo-Eze")."""
    parts = word.split("-")
    return (word.casefold() not in _LISTS and not any(p.casefold() in _LISTS for p in parts)
            and not all(is_english_word(p) for p in parts))


class UnknownWordsNameRecognizer(RuleRecognizer):
    SCORE = 0.7  # below NER's 0.85: where NER or a rule reads the same words, their reading is kept
    EXPLANATION = "two capitalised words that are no English words"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = self._surname_first(text)
        first_written = [(r.start, r.end) for r in out]
        pos = 0
        while m := _PAIR.search(text, pos):
            if overlaps_any(m.start(), m.end(), first_written):
                pos = m.start("last")  # "Okonkwo-Eze, Nnenna" / "Brackwater": the cell below is not the name's
            elif self._a_name(text, m):
                out.append(self.result(m.start(), m.end()))
                pos = m.end()
            elif run := self._a_longer_name(text, m):
                out.append(self.result(m.start(), run))
                pos = run
            else:
                pos = m.start("last")  # the second word may start the next pair ("Chemistry" / "Dolores Pellingham")
        taken = [(r.start, r.end) for r in out]
        for m in _SIKH_NAME.finditer(text):
            if not overlaps_any(m.start(), m.end(), taken) and self._a_sikh_name(text, m):
                out.append(self.result(m.start(), m.end()))
                taken.append((m.start(), m.end()))
        return out

    def _surname_first(self, text: str) -> list:
        """"Ezenwachi, Chidinma" alone on its line (a table's name cell): both words no English word, or the
        given name one of the list ("Rural" / "Affairs, Benedikt" is an office's line end, not a surname)."""
        out = []
        for m in _SURNAME_FIRST_LINE.finditer(text):
            first, last = m.group("first"), m.group("last").split()[-1]
            # ("Ashford, Kent": a town and its county; a given name that is also a place or word is no evidence)
            # (after a surname in capitals that is no word the given name may be one: "PROBERT-OWUSU, Aneurin W.")
            if (plausible_name([first, last]) and _no_word_surname(last)
                    and (_unknown(first) or _given_name(first) or (last.isupper() and first.casefold() not in _LISTS))
                    and first.casefold() not in WORD_FIRST_NAMES):
                out.append(self.result(m.start("last"), m.end("initial") if m.group("initial") else m.end("first")))
        return out

    @staticmethod
    def _a_sikh_name(text: str, m: re.Match) -> bool:
        """"Gurbaksh Pal Singh" / "Birdi", "Jaspreet Kaur Minhas": "Singh" or "Kaur" after a given name no
        English word is (a second given name may be one: "Pal"), then the family name if one follows."""
        words = m.group(0).split()
        if not (_unknown(words[0]) or _given_name(words[0])) or not plausible_name(words):
            return False
        if m.group("surname") and not _unknown(m.group("surname")):
            return False
        return not _capital_before(text, m.start())

    @staticmethod
    def _a_longer_name(text: str, m: re.Match) -> int | None:
        """Three or four words on one line none of which is an English word or a word of the lists: a given
        name and a father's and grandfather's name ("Hamza Jimcaale Elmi"), or two given names and a surname
        ("Nnamdi Chukwuebuka Okafor"; the second may be a given name of the list: "Peigi Anna Moireasdan"). The end of the run, or None."""
        first = m.group("first")
        if ("\n" in text[m.end("first"):m.start("last")] or first in NAME_PARTICLES
                or not (_unknown(first) or _given_name(first))):
            return None
        words, end = [first, m.group("last")], m.end()
        while len(words) < 4 and (more := _NEXT_WORD.match(text, end)):
            words.append(more.group("w"))
            end = more.end()
        # a middle word may be a given name of the list ("Peigi Anna Moireasdan"), the last must be no word
        if (len(words) < 3 or not all(_unknown(w) or _given_name(w) for w in words[1:-1]) or not _unknown(words[-1])
                or not plausible_name(words)):
            return None
        before = text[max(0, m.start() - 30):m.start()]
        if (_capital_before(text, m.start()) or _INITIAL_BEFORE.search(before)
                or ((above := _WORD_LINE_BEFORE.search(before)) and _given_name(above.group("w")))):
            return None  # "S. Mac Giolla Chatáin", "Kevin" / "Trịnh Minh Khoa": a longer name, read by other rules
        if ((_CAPITAL_AFTER.match(text[end:end + 4]) and not _POST_NOMINAL_AFTER.match(text, end))
                or _FIRM_AFTER.match(text[end:end + 30])):
            return None  # five capitalised words or more: a longer proper name ("Parminder Kaur Jhutti DL" is one)
        if (below := _WORD_NEXT_LINE.match(text, end)) and below.group("w").casefold() in _LISTS:
            return None  # "Brantwood Elsie Marchmont" / "Wing": a ward's name wrapped in its cell
        return end

    @staticmethod
    def _a_name(text: str, m: re.Match) -> bool:
        first, last = m.group("first"), m.group("last")
        if not (_unknown(last) and ((_unknown(first) and plausible_name([first, last]))
                                    or (_given_name(first) and plausible_name([last])))):
            return False
        if _capital_before(text, m.start()):
            return False  # "Mrs Pauline Brindle" is read by the title rule; "Port of X Y" by NER
        # "Pemberton Okonjo & Co", "Okonjo Ltd": a firm
        return not (_CAPITAL_AFTER.match(text[m.end():m.end() + 4]) or _FIRM_AFTER.match(text[m.end():m.end() + 30]))
