"""A surname alone after a job title, where no full name is given: "Principal Planner Okafor visited",
"comments from Licensing Officer Thistlewood.", "Team Leader Haverford's note", "the case officer Mensah
said". The job title is written as a title (capitalised words ending in a job noun or profession) or in
prose after "the" (lower case); the surname is one name word (a particle may lead it: "Project Manager
van der Berg") and the sentence goes on in lower case or ends, so a longer proper name ("Project Manager
Training Programme") or a heading is not read as a person.

The surname may also stand in apposition to the job, between commas or in brackets, with no full name
anywhere in the paper ("the Licensing Officer, Okonkwo, visited", "The Clerk, Blenkinsop, read the
notice", "the duty manager (Ellershaw) refused"). Class of cases: a post named and its holder given by
surname alone. There the word must also be no ordinary English word (english_words), so an apposed
department or place word ("the Licensing Officer, Housing, ...", "the Area Manager, North, ...") stays.

A surname after a role abbreviation in no list ("DCO Fairweather, who agreed", "the TM Ashworth said"):
class of cases, the local abbreviations of posts (Deputy Chief Officer, Team Manager, Custody Team Leader)
that papers write like a rank. Bodies are abbreviated too ("CPS Wessex", "NHS Lanarkshire board"), so the
surname must be no ordinary word and no place word, and a person's verb or a comma must follow it.

Whether the person is kept is the policy's: "Chief Fire Officer Reynolds" is an office written as a
title, and the policy keeps its holder.
"""

from __future__ import annotations

import re

from ..vocabulary import (ABBREVIATIONS, INSTITUTION_PREFIXES, JOB_NOUNS, MONTHS, NOT_NAME_WORDS, ORGANISATION_WORDS,
                          PLACE_FIRST_WORDS, PROFESSIONS, THING_WORDS)
from ..english_words import is_english_word
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import NAME_WORD, PARTICLE, SEP, longest_first

_NOUNS = sorted({*JOB_NOUNS, *PROFESSIONS, "leader", "partner", "steward", "porter", "worker", "keeper",
                 "representative", "designer", "consultant", "architect", "buyer", "editor"}, key=longest_first)
_CAPITAL_NOUN = "(?:" + "|".join(re.escape(n.capitalize()) for n in _NOUNS) + ")"
_LOWER_NOUN = "(?:" + "|".join(map(re.escape, _NOUNS)) + ")"
# up to three capitalised words before the noun ("Principal Planner", "Senior Licensing Enforcement Officer")
_TITLE_CASE = rf"(?:[A-Z][\w&'’/-]*[ \t]+){{0,3}}{_CAPITAL_NOUN}"
# in prose: "the case officer", "our planning enforcement officer", "the Council's licensing officer"
_PROSE = rf"(?:(?<![\w-])(?:[Tt]he|[Oo]ur|[Tt]heir|[Ii]ts|[Yy]our)|['’]s)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}{_LOWER_NOUN}"
_SURNAME = rf"(?:{PARTICLE}{SEP}){{0,2}}{NAME_WORD}"
# the sentence goes on in lower case, or a possessive, punctuation or the line's end follows
_AFTER = r"(?=['’]s?(?![\w])|[ \t]*[,.;:)!?]|[ \t]+[a-z(]|[ \t]*$)"
_JOB_SURNAME = regex_cache.compile(rf"(?:(?<![\w'’-]){_TITLE_CASE}|{_PROSE})[ \t]+(?P<name>{_SURNAME})(?![\w-]){_AFTER}",
                          re.MULTILINE)
# "the Licensing Officer, Okonkwo, ...", "the duty manager (Ellershaw)": the surname apposed to the job and
# closed by punctuation on its line; a table cell's "Centre Manager, / Dagenham" names the post's place
_APPOSED = regex_cache.compile(rf"(?:(?<![\w'’-]){_TITLE_CASE}|{_PROSE})[ \t]*(?P<open>,|\()[ \t]*\n?[ \t]*"
                      rf"(?P<name>{_SURNAME})(?![\w-])(?=[ \t]*[,;.)])")
# "DCO Fairweather, who ...", "TM Ashworth said": a role abbreviation, the surname, then a comma or a verb
_ACTS = ("who", "said", "says", "agreed", "attended", "confirmed", "reported", "advised", "was", "is", "has",
         "had", "will", "would", "noted", "asked", "explained", "wrote", "visited", "met", "reviewed",
         "decided", "approved", "recommended", "replied", "stated", "told", "interviewed", "arrived", "left")
_ABBREVIATED_ROLE = regex_cache.compile(rf"(?<![\w/&.-])(?P<abbr>[A-Z]{{2,5}})[ \t]+(?P<name>{_SURNAME})(?![\w-])"
                               rf"(?=['’]s(?![\w])|[ \t]*[,;)]|[ \t]+(?:{'|'.join(_ACTS)})(?![\w-]))")
# Words no surname is: verbs and auxiliaries that follow a job ("Project Manager Will review"), and nouns
# by their endings ("Licensing Officer Recruitment", "Finance Manager Responsibilities").
_NOT_SURNAMES = frozenset({"will", "may", "can", "must", "shall", "should", "would", "could", "might", "did",
                           "does", "has", "had", "was", "were", "is", "are", "be", "been", "also", "only"})
_NOUN_ENDING = regex_cache.compile(r"(?:tion|sion|ment|ness|ity|ities|ship|ships|ogy|ism|ments|tions|ance|ances|ings|ies)$")


# A job the lists do not hold is still no surname: "Consultant Obstetrician", "Senior Podiatrist".
_JOB_ENDING = regex_cache.compile(r"(?:ician|ologist|iatrist|apist|ntist|ographer|ometrist|ptist|wife|nurse)$")
_PROSE_BEFORE = regex_cache.compile(r"(?<![\w-])[a-z][a-z-]+(?![\w-])")


def _at_line_end(text: str, m: re.Match) -> bool:
    return bool(re.match(r"[ \t]*(?:\n|$)", text[m.end():m.end() + 3]))


class JobSurnameRecognizer(RuleRecognizer):
    # above the name rules' scores: presidio drops a result inside another of a lower or equal score, and
    # "by Principal Planner Okafor" (a label rule's candidate, the job taken as words of the name) must
    # still leave the surname
    SCORE = 0.96
    EXPLANATION = "surname after a job title"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _JOB_SURNAME.finditer(text):
            surname = m.group("name").split()[-1]
            folded = surname.casefold()
            if _at_line_end(text, m) and not _PROSE_BEFORE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                continue  # "Action Lead Due": a table's heading row, not a sentence
            if folded.endswith("s") and (folded[:-1] in NOT_NAME_WORDS or folded[:-1] in _NOUNS):
                continue  # "Specialist Investigators": the plural of a job
            if (_JOB_ENDING.search(folded) or folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or folded in THING_WORDS
                    or folded in _NOT_SURNAMES or folded in MONTHS or _NOUN_ENDING.search(folded)):
                continue
            out.append(self.result(m.start("name"), m.end("name")))
        for m in _APPOSED.finditer(text):
            surname = m.group("name").split()[-1]
            if m.group("open") == "(" and not text.startswith(")", _skip_blanks(text, m.end())):
                continue
            if self._not_a_surname(surname) or all(is_english_word(p) for p in surname.split("-")):
                continue
            out.append(self.result(m.start("name"), m.end("name")))
        for m in _ABBREVIATED_ROLE.finditer(text):
            abbr, surname = m.group("abbr"), m.group("name").split()[-1]
            if abbr in ABBREVIATIONS or abbr in INSTITUTION_PREFIXES or abbr in _NOT_ROLES:
                continue  # a known rank or title is the other rules'; "HMP ..." is a prison
            if (self._not_a_surname(surname) or surname.casefold() in PLACE_FIRST_WORDS
                    or all(is_english_word(p) for p in surname.split("-"))):
                continue
            out.append(self.result(m.start("name"), m.end("name")))
        return out

    @staticmethod
    def _not_a_surname(surname: str) -> bool:
        folded = surname.casefold()
        if folded.endswith("s") and (folded[:-1] in NOT_NAME_WORDS or folded[:-1] in _NOUNS):
            return True
        return bool(_JOB_ENDING.search(folded) or folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS
                    or folded in THING_WORDS or folded in _NOT_SURNAMES or folded in MONTHS
                    or _NOUN_ENDING.search(folded))


# capitals that are words or bodies, not posts ("THE", "NHS Fife, ...", "UK Visas")
_NOT_ROLES = frozenset({"THE", "AND", "FOR", "NHS", "UK", "GB", "EU", "UN", "US", "USA", "CPS", "HM", "BBC", "ITV",
                        "LFB", "MPS", "BTP", "TFL", "DWP", "HMRC", "DVLA", "FOI", "FOIA", "ICO", "CQC", "OFSTED"})


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos
