"""A full name with the person's job written after it: in apposition ("MOPAC Legal (Kwabena
Adjei-Mensah, Senior Lawyer) advises", "by June Hartley, an independent analyst"), in a table row read
as one line ("Nadia el-Masri Detective Superintendent 07700 900…", "Amos Otieno Non-executive Director
Yes"), with the letters of an elected office ("Hamza Siddiqui MP wrote"), or as the subject of a verb
only a person does ("April Stone attended"). NER misses many names with
no sentence around them; a job after a name says a person is meant.

The name must be whole and plausible (no organisation, place or form word: "Sutton Council, Policy
Officer" is not a name), and the job ends in a job noun or profession, or is a rank or "Head of".
"""

from __future__ import annotations

import re

from ..vocabulary import JOB_NOUNS, JOB_WORDS, PROFESSIONS
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import FULL_NAME, RANK, TITLE, longest_first, name_words, plausible_name

_NOUN = "(?i:" + "|".join(map(re.escape, sorted({*JOB_NOUNS, *PROFESSIONS}, key=longest_first))) + ")s?"
# up to four words of the job before its noun ("Senior Evaluation Officer", "Non-executive Director")
_JOB = rf"(?:(?:[\w'’&/-]+[ \t]+){{0,4}}?{_NOUN}(?![\w-])|(?i:head[ \t]+of)[ \t]+[A-Z]|{RANK}(?![\w-]))"
# ... or what only a person is in the case ("Bartholomew Spry, resident", "Jo Bell, a parent"); not a party a
# firm or club may be as well ("Clwb Rygbi Major Oak, applicant", "landlord", "licensee", "objector")
_PARTY = ("resident", "parent", "carer", "householder", "neighbour", "witness", "volunteer", "patient",
          "homeowner", "crofter", "pupil", "student", "grandparent", "guardian")
_PARTY_NOUN = ("(?:(?i:local|joint|former|private|lead|first|second|key|independent)[ \t]+)?(?:"
               + "|".join(_PARTY) + r")s?(?![\w-])")
_APPOSITION = regex_cache.compile(rf"(?<![\w'’-])(?P<name>{FULL_NAME})[ \t]*,[ \t]*\n?[ \t]*(?:(?i:an?|the)[ \t]+)?"
                                  rf"(?:{_JOB}|{_PARTY_NOUN})")
# ... or in brackets after it, with a panel's or committee's roles ("Lachlan Swift (independent member)",
# "Ann Bell (chair)")
_PANEL_ROLE = r"(?i:member|chair|vice-?chair|chairing|chairperson|clerk|secretary|observer|lay|minute-taker)"
_BRACKETED = regex_cache.compile(rf"(?<![\w'’-])(?P<name>{FULL_NAME})[ \t]*\([ \t]*(?:(?i:an?|the)[ \t]+)?"
                        rf"(?:{_JOB}|(?:[\w'’&/-]+[ \t]+){{0,3}}?{_PANEL_ROLE}(?![\w-]))")
_ROW = regex_cache.compile(rf"^[ \t]*(?P<name>{FULL_NAME})[ \t]+{_JOB}", re.MULTILINE)
# A name as the subject of a verb only a person does ("April Stone attended", "Will Bright said").
_VERBS = ("said", "says", "attended", "explained", "confirmed", "agreed", "asked", "advised", "wrote", "told",
          "presented", "chaired", "noted", "reported", "stated", "signed", "thanked", "apologised", "resigned",
          "joined", "retired", "declared", "welcomed", "introduced herself", "introduced himself")
# ... also in the future ("Hope Achterberg will attend", "Jo Bell is to chair").
_WILL_VERBS = ("attend", "report", "present", "chair", "lead", "write", "advise", "brief", "speak", "sign",
               "reply", "respond", "confirm", "explain", "join", "update", "liaise", "contact")
_ACTING = regex_cache.compile(rf"(?<![\w'’-])(?P<name>{FULL_NAME})[ \t]+(?:(?:has[ \t]+|had[ \t]+)?(?:"
                     + "|".join(map(re.escape, _VERBS)) + r")|(?:will|would|is[ \t]+to|was[ \t]+to)[ \t]+(?:"
                     + "|".join(_WILL_VERBS) + r"))(?![\w-])")
# An elected office written after the name as letters ("MP", "MSP"): the policy decides whether it keeps.
_ELECTED = regex_cache.compile(rf"(?<![\w'’-])(?P<name>{FULL_NAME})[ \t]+(?:MP|MSP|MS|MLA|AM)(?![\w])")


class NameJobRecognizer(RuleRecognizer):
    SCORE = 0.85
    EXPLANATION = "name followed by the person's job"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for rule in (_APPOSITION, _BRACKETED, _ROW, _ELECTED, _ACTING):
            for m in _matches(rule, text):
                if rule is _ROW and _TITLED_LATER.search(text, m.end(), _line_end(text, m.end())):
                    continue  # "Tissue Viability Nurse Specialist 7 1.0 Sister Jo Bell": the row's person is titled

                end = _plausible_end(m.group("name"))
                if rule is _BRACKETED and (end != len(m.group("name")) or _has_job_word(m.group("name"))):
                    continue  # "Local Pension Board (...)", "Officers Carys Bell (Head of ...)": not a name whole
                if end:
                    out.append(self.result(m.start("name"), m.start("name") + end))
        return out




def _has_job_word(name: str) -> bool:
    return any(w.casefold() in JOB_WORDS or w.casefold().removesuffix("s") in JOB_WORDS for w in name.split())


# A title or rank and a capitalised word later on a row: the row names its person there, so the words
# that start it are a job title ("Tissue Viability Nurse Specialist ... Sister Jo Bell").
_TITLED_LATER = regex_cache.compile(rf"(?<![\w/-])(?:{TITLE}|{RANK})[ \t]+[A-Z]")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _matches(rule: re.Pattern, text: str):
    """A table row is one line: its name never starts on the line above ("Contacts" / "Jo Bell Officer")."""
    if rule is not _ROW:
        yield from rule.finditer(text)
        return
    pos = 0
    for line in text.split("\n"):
        yield from rule.finditer(text, pos, pos + len(line))
        pos += len(line) + 1


def _plausible_end(name: str) -> int | None:
    """Where the name ends: "Nadia el-Masri Detective" (the job's first word taken as a name word) is cut
    back to "Nadia el-Masri"; None if fewer than two plausible words lead it."""
    spans = [(w.start(), w.end()) for w in re.finditer(r"\S+(?:-[ \t]*\n[ \t]*\S+)*", name)]
    for n in range(len(spans), 1, -1):
        if plausible_name(name_words(name[:spans[n - 1][1]])):
            return spans[n - 1][1]
    return None
