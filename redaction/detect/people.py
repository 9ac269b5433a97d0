"""From raw name candidates (NER and rules) to people, and from people to every mention of them.

A candidate is cut back to the words of a name (no rank, no "Project", no possessive) and dropped when it
is not a person: an organisation named after one ("The Ben Kinsella Trust", "St Giles Trust"), a form word
("Tick"), a lone word NER guessed. Candidates that share a surname (and a compatible first name) are one
person; the policy decides once per person, and that decision spreads to every other way the paper names
them: the full name in any case, "Mike WEST", title or rank + surname ("Mr West"), and a name written as
an e-mail's local part ("mike.west@...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presidio_analyzer import RecognizerResult

from ..policy import Decision, Policy
from .recognizers.base import RANK_KEY
from .recognizers.patterns import CAPS_WORD, INITIAL, NAME_WORD, RANK, SEP, TITLE, rank_name
from .vocabulary import ABBREVIATIONS, NOT_NAME_WORDS, ORGANISATION_PREFIXES, ORGANISATION_WORDS

_LEADING_TITLES = re.compile(rf"^(?:(?P<t>{RANK}|{TITLE})(?:{SEP}|$))+")
_ONE_TITLE = re.compile(rf"{RANK}|{TITLE}")
_WORD = re.compile(rf"{INITIAL}(?=\s|$)|{NAME_WORD}|{CAPS_WORD}")
_IS_NAME_WORD = re.compile(rf"^(?:{NAME_WORD})$")
_IS_CAPS_WORD = re.compile(rf"^(?:{CAPS_WORD})$")
_IS_INITIAL = re.compile(rf"^{INITIAL}$")
_NEXT_WORD = re.compile(r"^(?:['’]s?)?[ \t\n]*([A-Za-z][\w'’]*)")
_PREV_WORD = re.compile(r"([A-Za-z][\w.'’]*)[ \t\n]*$")
_RULE_RECOGNIZERS = ("TitledNameRecognizer", "FieldLabelNameRecognizer", "NameRankRecognizer",
                     "RoleNounNameRecognizer")
# A known surname alone, followed by one of these, is the person speaking or acting ("Okafor said").
_ACTS = ("is", "was", "has", "had", "will", "would", "can", "could", "should", "may", "must", "said", "says",
         "stated", "noted", "explained", "presented", "confirmed", "agreed", "asked", "reported", "recommended",
         "leads", "led", "chairs", "chaired", "attended", "wrote", "prepared", "approved", "signed", "and his",
         "and her", "who", "herself", "himself")
_ACTS_AFTER = re.compile(r"^(?:['’]s\b|\s+(?:" + "|".join(_ACTS) + r")\b)")


@dataclass
class Mention:
    type: str
    start: int
    end: int
    score: float
    decision: Decision | None = None


@dataclass
class Person:
    surname: str  # folded
    first: str | None  # folded first name, or an initial, or None
    names: set[str] = field(default_factory=set)  # full names as written
    surname_forms: set[str] = field(default_factory=set)
    ranks: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)  # roster roles written beside the name
    score: float = 0.0
    mentions: list[Mention] = field(default_factory=list)
    decision: Decision | None = None


@dataclass
class _Name:
    start: int
    end: int
    words: list[str]
    rank: str | None
    score: float
    from_rule: bool


def resolve_people(text: str, results: list[RecognizerResult], policy: Policy) -> list[Mention]:
    """Every mention of every person, each with its policy decision; the other results as mentions."""
    others = [Mention(r.entity_type, r.start, r.end, r.score, policy.for_type(r.entity_type))
              for r in results if r.entity_type != "PERSON"]
    taken = [(m.start, m.end) for m in others]
    names = [n for r in results if r.entity_type == "PERSON"
             if (n := _clean(text, r)) and not _overlaps(n.start, n.end, taken)]
    names += [n for n in _roster_names(text, policy) if not _overlaps(n.start, n.end, taken)]
    # A lone word NER calls a person is not enough on its own, but it confirms a known surname.
    lone = {(r.start, r.end) for r in results if r.entity_type == "PERSON"
            and (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) == "SpacyRecognizer"
            and " " not in text[r.start:r.end].strip()}
    people = _group(_prefer_rules(names))
    _roles_beside(text, people, policy)
    for email in (m for m in others if m.type == "EMAIL_ADDRESS"):
        _person_from_email(text[email.start:email.end], people)
    mentions: list[Mention] = []
    for person in people:
        person.decision = policy.for_person(person.names or {person.surname}, person.ranks, person.roles)
        for m in person.mentions:
            m.decision = person.decision
    for person in people:
        _spread(text, person, taken + [(m.start, m.end) for p in people for m in p.mentions], lone)
        mentions.extend(person.mentions)
    return _without_overlaps(others + mentions)


# --- candidates ----------------------------------------------------------------------------------------

def _clean(text: str, r: RecognizerResult) -> _Name | None:
    meta = r.recognition_metadata or {}
    from_rule = meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) in _RULE_RECOGNIZERS
    start, end = r.start, r.end
    rank = meta.get(RANK_KEY)
    lead = _LEADING_TITLES.match(text[start:end])
    if lead:  # NER often takes "DSU Mike West" whole: the rank stays outside the name
        for t in _ONE_TITLE.finditer(lead.group(0)):
            rank = rank_name(t.group(0)) or rank
        start += lead.end()
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    if not words or re.search(r"\d", text[start:end]):
        return None
    # Keep the run of name words: "Grant Agreements" loses both, "Mike West Project" keeps two.
    kept = []
    for s, e, w in words:
        if w.casefold() in NOT_NAME_WORDS or w.casefold() in ORGANISATION_WORDS or w in ABBREVIATIONS:
            if kept:
                break
            if not from_rule:  # NER read a phrase ("Officer Safety Training"), not a name
                return None
            continue
        kept.append((s, e, w))
    if not kept or not _is_organisation_free(text, words, kept):
        return None
    start, end = kept[0][0], kept[-1][1]
    plain = [w for _, _, w in kept]
    if not from_rule:
        # NER alone: two words at least, not all capitals ("SMH NCLCC"), not just initials.
        if len(plain) < 2 or all(_IS_CAPS_WORD.match(w) or _IS_INITIAL.match(w) for w in plain):
            return None
    elif not any(_IS_NAME_WORD.match(w) or _IS_CAPS_WORD.match(w) for w in plain):
        return None
    return _Name(start, end, plain, rank, r.score, from_rule)


def _roster_names(text: str, policy: Policy) -> list[_Name]:
    """The office holders of the roster wherever the paper names them (NER misses some names, e.g.
    hyphenated ones, and an office holder must never be redacted for want of a rank beside the name)."""
    out = []
    for folded in policy.office_holders:
        for m in re.finditer(_words_pattern(folded.split()), text):
            out.append(_Name(m.start(), m.end(), m.group(0).split(), None, 0.95, True))
    return out


def _is_organisation_free(text: str, words, kept) -> bool:
    """False for "The Ben Kinsella Trust", "the Stephen Lawrence Centre", "St Giles Trust"."""
    if any(w.casefold() in ORGANISATION_WORDS for _, _, w in words[1:]):
        return False
    nxt = _NEXT_WORD.match(text[kept[-1][1]:kept[-1][1] + 40])
    if nxt and nxt.group(1).casefold() in ORGANISATION_WORDS:
        return False
    prev = _PREV_WORD.search(text[max(0, kept[0][0] - 12):kept[0][0]])
    return not (prev and prev.group(1).casefold() in ORGANISATION_PREFIXES)


def _prefer_rules(names: list[_Name]) -> list[_Name]:
    """Where NER and a rule found the same words, keep one candidate carrying the rule's rank."""
    names.sort(key=lambda n: (n.start, -(n.end - n.start), not n.from_rule))
    out: list[_Name] = []
    for n in names:
        if out and n.start < out[-1].end:
            prev = out[-1]
            prev.rank = prev.rank or n.rank
            prev.score = max(prev.score, n.score)
            if n.end > prev.end and n.from_rule and not prev.from_rule:
                out[-1] = n
            continue
        out.append(n)
    return out


# --- people --------------------------------------------------------------------------------------------

def _group(names: list[_Name]) -> list[Person]:
    people: list[Person] = []
    # Full names first, so "Mr West" finds the Mike West named earlier or later.
    for n in sorted(names, key=lambda n: len(n.words) < 2):
        surname = n.words[-1].casefold()
        first = n.words[0].casefold().rstrip(".") if len(n.words) >= 2 else None
        person = _find(people, surname, first)
        if person is None:
            person = Person(surname=surname, first=first)
            people.append(person)
        if first and (person.first is None or len(person.first) == 1):
            person.first = first
        if len(n.words) >= 2:
            person.names.add(" ".join(n.words))
        person.surname_forms.add(n.words[-1])
        if n.rank:
            person.ranks.add(n.rank)
        person.score = max(person.score, n.score)
        person.mentions.append(Mention("PERSON", n.start, n.end, n.score))
    return people


def _find(people: list[Person], surname: str, first: str | None) -> Person | None:
    same = [p for p in people if p.surname == surname]
    if first is None:
        return same[0] if len(same) == 1 else None
    for p in same:
        if p.first is None or p.first == first or (len(first) == 1 and p.first[0] == first) or (
                len(p.first) == 1 and first[0] == p.first):
            return p
    return None


def _roles_beside(text: str, people: list[Person], policy: Policy) -> None:
    """"The Deputy Mayor for Policing and Crime, Kaya Brennan," / "Sophie Linden (Past staff), Deputy
    Mayor, Policing and Crime": a roster role in apposition to the name."""
    role = policy.role_pattern()
    if not role:
        return
    before = re.compile(rf"(?P<role>{role})\s*[,:]\s*(?:{TITLE}\s+)?$")
    after = re.compile(rf"^\s*(?:\([^)\n]{{1,30}}\)\s*)?[,(]\s*(?:the\s+)?(?P<role>{role})(?![\w])")
    for person in people:
        for m in person.mentions:
            hit = before.search(text[max(0, m.start - 80):m.start]) or after.match(text[m.end:m.end + 80])
            if hit:
                person.roles.add(policy.roles[" ".join(hit.group("role").split())])


def _person_from_email(address: str, people: list[Person]) -> None:
    """"jane.okafor@..." names Jane Okafor: her name elsewhere in the paper is found even if NER missed it."""
    parts = re.split(r"[._-]", address.split("@")[0])
    if len(parts) != 2 or not all(len(p) > 1 and p.isalpha() for p in parts):
        return
    first, surname = parts[0].casefold(), parts[1].casefold()
    if surname in NOT_NAME_WORDS or first in NOT_NAME_WORDS or _find(people, surname, first):
        return
    people.append(Person(surname=surname, first=first, surname_forms={parts[1].title()},
                         names={f"{parts[0].title()} {parts[1].title()}"}, score=0.8))


def _spread(text: str, person: Person, taken: list[tuple[int, int]], lone: set[tuple[int, int]]) -> None:
    """Add every other mention of the person: full names in any case, rank or title + surname, and the
    bare surname where NER also took it for a person or a verb says so ("Okafor said"): a surname can
    also be a place ("Harrow and Brent")."""
    patterns = [_words_pattern(name.split()) for name in person.names]
    found = [(m.start(), m.end()) for p in patterns for m in re.finditer(p, text)]
    surname = _words_pattern([person.surname])
    found += [(m.start("s"), m.end("s")) for m in
              re.finditer(rf"(?<![\w/])(?:{RANK}|{TITLE}){SEP}(?:{NAME_WORD}{SEP})?(?P<s>{surname})", text)]
    if person.names and len(person.surname) > 2 and person.surname not in NOT_NAME_WORDS:
        found += [(m.start(), m.end()) for m in re.finditer(surname, text)
                  if ((m.start(), m.end()) in lone or _ACTS_AFTER.match(text[m.end():m.end() + 20]))
                  and _stands_alone(text, m)]
    for start, end in sorted(found):
        if not _overlaps(start, end, taken):
            person.mentions.append(Mention("PERSON", start, end, person.score or 0.85, person.decision))
            taken.append((start, end))


def _stands_alone(text: str, m: re.Match) -> bool:
    """A bare surname counts as the person when it is not part of a longer proper name: no capitalised
    word right before it ("Daniel Marsh", "City Hall") or after it ("West Midlands", "Marsh Foundation")."""
    before = re.search(r"([A-Za-z][\w'’-]*)\s*$", text[max(0, m.start() - 30):m.start()])
    after = re.match(r"\s*([A-Za-z][\w'’-]*)", text[m.end():m.end() + 30])
    if before and before.group(1)[0].isupper():
        return False
    return not (after and (after.group(1)[0].isupper() or after.group(1).casefold() in ORGANISATION_WORDS))


def _words_pattern(words: list[str]) -> str:
    """The words in any case that starts with a capital ("McNulty", "MCNULTY"), one line break allowed
    between them."""
    alts = [rf"(?=[A-Z])(?i:{re.escape(w)})" for w in words]
    return r"(?<![\w'’-])" + SEP.join(alts) + r"(?![\w'’-])"


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: signatures, e-mails and phones win over names inside them."""
    rank = {"SIGNATURE": 0, "EMAIL_ADDRESS": 1, "PHONE_NUMBER": 2, "PERSON": 3}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (rank.get(m.type, 9), -(m.end - m.start), m.start)):
        if not _overlaps(m.start, m.end, [(o.start, o.end) for o in out]):
            out.append(m)
    return sorted(out, key=lambda m: m.start)
