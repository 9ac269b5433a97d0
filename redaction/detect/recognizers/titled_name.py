"""Names after a police rank or a title: "DSU Mike WEST", "DAC Graham McNulty", "Mr West", "Dr J. Smith",
"T/DCI Gareth Lloyd-Evans", "PCSO Nadia Farouk", "Group Commander Owain Pritchard" (a fire rank).

The rank or title stays outside the result (it is not personal data, and the policy needs it)."""

from __future__ import annotations

import re

from ..vocabulary import STREET_WORDS
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import FULL_NAME, NAME, NAME_WORD, PARTICLE, RANK, SEP, TITLE, plausible_name, rank_in_context

_TITLED = regex_cache.compile(rf"(?<![\w/&-])(?P<titles>(?:{RANK}|{TITLE})(?:{SEP}(?:{RANK}|{TITLE}))*){SEP}"
                     rf"(?P<name>{NAME})")
_ONE_TITLE = regex_cache.compile(rf"{RANK}|{TITLE}")
# A surname after a rank or role abbreviation not in the lists ("SIO Raman said", "FLO Okafor explained"):
# only where a verb only a person does follows, since "RAF Northolt" or "HMP Belmarsh" is a place.
_ACTS = ("said", "says", "attended", "explained", "confirmed", "agreed", "asked", "advised", "wrote", "told",
         "presented", "reported", "stated", "noted", "was the", "is the", "has asked", "has agreed",
         "has confirmed", "led", "leads", "chaired", "briefed", "signed", "requested", "recommended")
_ABBREVIATION_ACTS = regex_cache.compile(rf"(?<![\w/&-])(?:[TA]/)?[A-Z]{{2,4}}[ \t]+(?P<name>{NAME_WORD})"
                                rf"(?=[ \t]+(?:{'|'.join(map(re.escape, _ACTS))})(?![\w-]))")
# "The Deputy Commissioner, Simon Faraday, ..." - a rank in apposition; a full name must follow.
_RANK_COMMA = regex_cache.compile(rf"(?<![\w/&-])(?P<titles>{RANK})(?:[ \t]*\([A-Z][\w'’&, -]{{0,40}}\))?[ \t]*,{SEP}"
                         rf"(?P<name>{FULL_NAME})")


# A plural title before a list of names: "Cllrs Pettigrew and Ahmadi-Sloane", "Drs Quist, Varga and Obi".
_PLURAL_TITLE = r"(?:Cllrs|Councillors|Drs|Messrs|Profs|Mmes)\.?"
_LISTED = rf"(?:{PARTICLE}[ \t]+)?{NAME_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{NAME_WORD})?"
_PLURAL_LIST = regex_cache.compile(rf"(?<![\w-]){_PLURAL_TITLE}[ \t]+(?P<list>{_LISTED}(?:[ \t]*,[ \t]*{_LISTED})*"
                          rf"[ \t]*,?[ \t]+(?:and|&)[ \t]+{_LISTED})(?![\w'’-])")


_WELSH_COUNTY = regex_cache.compile(r"(?<![\w-])(?i:Cyngor)[ \t]+Sir[ \t]*\n?[ \t]*\Z")


class TitledNameRecognizer(RuleRecognizer):
    SCORE = 0.95
    EXPLANATION = "name after a police rank or a title"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in [*_TITLED.finditer(text), *_RANK_COMMA.finditer(text)]:
            if _WELSH_COUNTY.search(text[max(0, m.start("name") - 14):m.start("name")]):
                continue  # "Cyngor Sir Mechain": a Welsh county council ("Sir" is "county"), not Sir Mechain
            if _a_street(text, m):
                continue  # "Lady Godiva Lane", "41 Lady Margaret Road": a street named after a titled person
            out.append(self.result(m.start("name"), m.end("name"), rank=titles_rank(text, m)))
        for m in _PLURAL_LIST.finditer(text):
            base = m.start("list")
            for item in re.finditer(_LISTED, m.group("list")):
                if item.group(0) not in ("and",) and plausible_name(item.group(0).split()):
                    out.append(self.result(base + item.start(), base + item.end()))
        for m in _ABBREVIATION_ACTS.finditer(text):
            if plausible_name([m.group("name")]):
                out.append(self.result(m.start("name"), m.end("name"), score=0.8))
        return out


# Titles streets are named with ("Lady Margaret Road", "King Edward Street", "Sir Thomas Lane"). "Mrs Penny
# Lane" stays a name: streets are not named "Mrs ...".
_STREET_TITLES = frozenset({"lady", "lord", "sir", "king", "queen", "prince", "princess", "duke", "duchess", "earl",
                            "bishop", "st", "st.", "saint", "dame"})
_PERSON_ACTS = regex_cache.compile(rf"[ \t]*,?[ \t]+(?:{'|'.join(map(re.escape, _ACTS))})(?![\w-])")
_NUMBER_BEFORE = regex_cache.compile(r"(?:\d+[A-Za-z]?,?|[ABCM]\d+,?)[ \t]+\Z")  # "41 ", "C217, ": a house or road number


def _a_street(text: str, m: re.Match) -> bool:
    words = m.group("name").split()
    if len(words) < 2 or words[-1].casefold() not in STREET_WORDS or _PERSON_ACTS.match(text, m.end()):
        return False  # "Lady Penelope Lane said": a person does what a street does not
    last_title = _ONE_TITLE.findall(m.group("titles"))[-1:] if m.groupdict().get("titles") else []
    return bool((last_title and last_title[0].casefold() in _STREET_TITLES)
                or _NUMBER_BEFORE.search(text[max(0, m.start() - 12):m.start()]))


def titles_rank(text: str, m: re.Match) -> str | None:
    """The last rank among the titles before the name ("Sir" and "Dr" say nothing about rank)."""
    rank = None
    base = m.start("titles")
    for t in _ONE_TITLE.finditer(m.group("titles")):
        rank = rank_in_context(text, base + t.start(), t.group(0)) or rank
    return rank
