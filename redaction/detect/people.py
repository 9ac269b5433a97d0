"""From raw name candidates (NER and rules) to people, and from people to every mention of them.

Candidates are cut back to the words of a name (see ``candidates``). Candidates that share a surname (and
a compatible first name) are one person; the policy decides once per person, and that decision spreads to
every other way the paper names them (see ``spread``), including a name written as an e-mail's local part
("mike.west@...").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from presidio_analyzer import RecognizerResult

from ..policy import Decision, Policy
from ..spans import overlaps_any
from .candidates import Name, clean, prefer_rules, role_names, roster_names, word_first_name
from .english_words import is_english_word, is_word_or_its_form
from .given_names import is_given_name
from .recognizers.base import REASON_KEY, WHOLE_CELL_KEY
from .recognizers.patterns import (ALL_RANKS, CAPS_WORD, END, FULL_NAME, JOINED_PARTICLE, NAME_WORD, PARTICLE, PORTFOLIO, ROLE_TAIL, SEP, SURNAME_CAPS_PARTICLE, TITLE, UPPER, name_words,
                                  plausible_name)
from .spread import name_key, spread, titled_surnames, words_pattern
from .vocabulary import (ABBREVIATIONS, JOB_NOUNS, MONTHS, NAME_PARTICLES, NOT_NAME_WORDS, ORGANISATION_WORDS,
                         OTHER_RANKS, PLACE_ENDINGS, PLACE_FIRST_WORDS, PLACE_STARTS, POLICE_RANKS, POST_NOMINALS,
                         PROFESSIONS, THING_WORDS, TITLE_WORDS)

_PARTICLES = frozenset(p.casefold() for p in NAME_PARTICLES)
# Labels that say the line holds a person's post ("Position: Deputy Mayor for Policing and Crime").
_POST_LABEL = r"(?:(?i:position|role|post|job[ \t]+title|title|designation|office)[ \t]*[:\t]?[ \t]*)"
# A portfolio in brackets after an office: "the Assistant Chief Constable (Operations), Jo Bell".
_TITLE_ONLY = re.compile(rf"^[ \t]*(?:{TITLE})[ \t]+$")
_NAME_FIELD = re.compile(r"^[ \t]*(?i:name)[ \t]*[:\t ]")
_NAME_CELL = re.compile(r"^[ \t]*(?i:name)[ \t]*:?[ \t]*$")  # a "Name" label alone in its cell
# "Signed: Cllr " before a typed name: the office may be on the line below it
_SIGNED_FIELD = re.compile(rf"^[ \t]*(?i:signed|signature)[ \t]*[:\t][ \t]*(?:{TITLE}[ \t]+)?$")
# Capitalised words in a row, where a name from an e-mail address is looked for.
_NAME_RUN = re.compile(rf"(?<![\w'’-])(?:{NAME_WORD}|{CAPS_WORD})(?:{SEP}(?:{PARTICLE}|{NAME_WORD}|{CAPS_WORD}))+{END}")


@dataclass
class Mention:
    type: str
    start: int
    end: int
    score: float
    decision: Decision | None = None


@dataclass
class Person:
    surname: str  # folded, particles included ("ní bhriain")
    first: str | None  # folded first name, or an initial, or None
    names: set[str] = field(default_factory=set)  # full names as written
    surname_forms: set[str] = field(default_factory=set)
    ranks: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)  # roster roles written beside the name
    score: float = 0.0
    mentions: list[Mention] = field(default_factory=list)
    decision: Decision | None = None


def _within_cells(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """The results, less any that runs across the edge of a table's surname or given-name cell (a given name
    and a double-barrelled surname read across "Sidebotham-Ross" / "Antonia"): the header says what each cell is."""
    cells = [(r.start, r.end) for r in results if (r.recognition_metadata or {}).get(WHOLE_CELL_KEY)]
    if not cells:
        return results
    return [r for r in results if (r.recognition_metadata or {}).get(WHOLE_CELL_KEY) or r.entity_type != "PERSON"
            or not any(r.start < end and start < r.end and not (start <= r.start and r.end <= end)
                       for start, end in cells)]


def resolve_people(text: str, results: list[RecognizerResult], policy: Policy) -> list[Mention]:
    """Every mention of every person, each with its policy decision; the other results as mentions."""
    others = [Mention(r.entity_type, r.start, r.end, r.score,
                      policy.for_type(r.entity_type, (r.recognition_metadata or {}).get(REASON_KEY)))
              for r in results if r.entity_type != "PERSON" and not _signed_in_role(text, r, policy)
              and not _typed_name(text, r)]
    taken = [(m.start, m.end) for m in others]
    names = [n for r in _within_cells(results) if r.entity_type == "PERSON"
             if (n := clean(text, r)) and not overlaps_any(n.start, n.end, taken)]
    # a name typed on a signature line with the signer's office after it is a name: the policy decides
    names += [Name(start, end, name_words(text[start:end]), None, 0.9, True) for r in results
              if (span := _typed_name(text, r) or (_signed_in_role(text, r, policy) and _typed_name(text, r, any_role=True)))
              for start, end in [span]]
    names += [n for n in roster_names(text, policy, words_pattern) + role_names(text, policy)
              if not overlaps_any(n.start, n.end, taken)]
    # A lone word NER calls a person is not enough on its own, but it confirms a known surname.
    lone = {(r.start, r.end) for r in results if r.entity_type == "PERSON"
            and (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) == "SpacyRecognizer"
            and " " not in text[r.start:r.end].strip()}
    people = _group(prefer_rules(names))
    people = [p for p in people if not _named_after_another(p, people)]
    for person in people:
        _bare_rank_of_a_post(person)
    _roles_beside(text, people, policy)
    for email in (m for m in others if m.type == "EMAIL_ADDRESS"):
        _person_from_email(text, text[email.start:email.end], people)
    for person in people:
        _wrapped_full_names(text, person)
    for person in people:
        person.decision = policy.for_person(person.names or {person.surname}, person.ranks, person.roles)
        for m in person.mentions:
            m.decision = person.decision
    firsts = Counter(p.first for p in people if p.first and p.names)
    shared = {f for f, n in firsts.items() if n > 1 and not _one_long_name(text, [p for p in people if p.first == f
                                                                                  and p.names])}
    taken += [(m.start, m.end) for p in people for m in p.mentions]
    titled = titled_surnames(text)
    mentions: list[Mention] = []
    # first names of people redacted and known in full, each the only one in the paper with it
    lone_firsts = frozenset(p.first for p in people if p.names and p.first and len(p.first) > 2
                            and p.first not in shared and p.decision is not None and p.decision.action == "redact")
    for person in people:
        for start, end in spread(text, person, taken, lone, shared, titled, lone_firsts, frozenset(firsts)):
            person.mentions.append(Mention("PERSON", start, end, person.score or 0.85, person.decision))
        mentions.extend(person.mentions)
    found = _with_bracketed_names(text, _without_overlaps(others + [_with_word_first_name(text, m) for m in mentions]))
    return _with_adjacent_name_words(text, found, people)


# words that are never the rest of a name beside one
_NOT_NAME_PARTS = (TITLE_WORDS | ORGANISATION_WORDS | THING_WORDS | PLACE_ENDINGS | PLACE_STARTS | PLACE_FIRST_WORDS
                   | MONTHS | frozenset(w.casefold() for w in POST_NOMINALS) | frozenset(a.casefold() for a in ABBREVIATIONS)
                   | frozenset(w.casefold() for phrase in (*PROFESSIONS, *JOB_NOUNS, *POLICE_RANKS, *OTHER_RANKS)
                               for w in phrase.split()))
# a capitalised word right before or after a name, on its line ("Gustavo Henrique Barbosa| Lacerda",
# "Abdiwali |Hersi Dualeh"); or a surname of a person redacted on the next line ("Nia Wyn" / "Trahaearn")
# (a surname with a lower-case particle joined to it: "Maryam bint Khalid al-Suwaidi", "Noor ul-Ain Bhutta")
_WORD_AFTER_NAME = re.compile(rf"[ \t]+(?P<w>{JOINED_PARTICLE}?[A-Z][\w'’-]*[^\W\d_])(?![\w'’-])")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w'’.-])(?P<w>[A-Z][\w'’-]*[^\W\d_])[ \t]+$")
_INITIALS_BEFORE = re.compile(r"(?<![\w'’.-])(?P<i>[A-Z]\.(?:[ \t]?[A-Z]\.)?)[ \t]+$")
_INITIALS_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?P<i>[A-Z]\.(?:[ \t]?[A-Z]\.)?)[ \t]*\n[ \t]*$")
MONTHS_AS_WRITTEN = frozenset(m.capitalize() for m in MONTHS)
_CAPS_SURNAME_STARTS_LINE = re.compile(rf"(?:^|(?<=\n))[ \t]*(?P<w>[{UPPER}]{{3,}}(?:-[{UPPER}]{{2,}})?)[ \t]+$")
_CAPS_PARTICLE_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<w>{SURNAME_CAPS_PARTICLE})"
                                   rf"(?:[ \t]+|[ \t]*\n[ \t]*)$")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")
_WORD_REST_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*(?P<w>[^\W\d_A-Z][\w'’-]*)(?![\w'’-])")
_LAST_WORD = re.compile(r"[\w'’-]+$")
_NAME_WORD_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*(?P<w>[A-Z][\w'’-]*[^\W\d_])(?![\w'’-])")


def _given_name_before_month(word: str, name: str) -> bool:
    """"Ruth April Delacourt": a name that starts with a month another reading took for the given name has the
    real given name before it, a given name of the list ("Kit August Thornbury")."""
    folded = word.casefold()
    return (name.split()[0] in MONTHS_AS_WRITTEN and is_given_name(word)
            and folded not in _NOT_NAME_PARTS and folded not in NOT_NAME_WORDS)


def _caps_surname(word: str) -> bool:
    """A word in capitals that may be a surname written first: no English word, abbreviation or word of the
    lists of things, places, titles and ranks, and read as a word, with two vowels ("LUONG", "LAU" yes;
    "HMRC", "NOTICE", and a job's abbreviation before a name, "ANP Heath Villanueva", "TSO", "DDO" no)."""
    folded = word.casefold()
    return (word not in ABBREVIATIONS and folded not in _NOT_NAME_PARTS and folded not in NOT_NAME_WORDS
            and sum(c in "AEIOUY" for c in word) >= 2 and not is_word_or_its_form(folded))


def _with_adjacent_name_words(text: str, mentions: list[Mention], people: list[Person]) -> list[Mention]:
    """A redacted name is not left beside a part of it another reading cut off: a name of four or more words
    ("Gustavo Henrique Barbosa Lacerda", "Maryam bint Yusuf Al-Sayegh"), a second given name ("Rhodri Wyn
    Gwalchmai"). On the name's line, a capitalised word (not in capitals, not a possessive) joins it when it is a
    redacted person's given name or surname, or no English word and no place, organisation, title or rank word,
    and when no other capitalised word stands beyond it (that would be the next cell's name: "Ebony Carrowmore
    Dunhaven Academy"). On the next line only a redacted person's surname that is no English word joins it. A
    lone initial on the line above joins it too ("T." / "Mulrennan", a narrow cell)."""
    redacted_words = {w.casefold() for p in people if p.decision is not None and p.decision.action == "redact"
                      for name in p.names for w in re.findall(r"[^\W\d_][\w'’-]*", name) if len(w) > 2}
    redacted_surnames = {part for p in people if p.decision is not None and p.decision.action == "redact"
                         for part in (p.surname or "").split() if len(part) > 2}
    redacted_names = {part for p in people if p.decision is not None and p.decision.action == "redact"
                      for part in (p.surname, p.first) if part and len(part) > 2}
    redacted_keys = {name_key(w) for p in people if p.decision is not None and p.decision.action == "redact"
                     for name in p.names | p.surname_forms for w in name.split() if len(w) > 3}
    kept_words = {w.casefold() for p in people if p.decision is not None and p.decision.action != "redact"
                  for name in p.names for w in re.findall(r"[^\W\d_][\w'’-]*", name)}
    taken = [(m.start, m.end) for m in mentions]

    def joins(word: str, same_line: bool) -> bool:
        folded = word.casefold()
        if folded in kept_words or folded in NOT_NAME_WORDS or folded in _NOT_NAME_PARTS:
            return False
        if word.endswith(("'s", "’s")):
            return False  # "the Agency's Rhodri Wyn Gwalchmai"
        if folded in redacted_words and (folded in redacted_names or not is_word_or_its_form(folded)):
            return True
        return same_line and not word.isupper() and not is_word_or_its_form(folded)

    out = []
    for m in mentions:
        if m.type != "PERSON" or not _redacted(m):
            out.append(m)
            continue
        start, end = m.start, m.end
        while ((after := _WORD_AFTER_NAME.match(text, end)) and joins(after.group("w"), True)
               and not overlaps_any(after.start("w"), after.end("w"), taken)):
            if not _CAPITAL_NEXT.match(text, after.end("w")):
                end = after.end("w")
                continue
            # "Ebony Carrowmore Dunhaven Academy": a capitalised word beyond it is the next cell's; two name
            # words that end the name all the same ("Kevin Trinh| Minh Khoa, made ...") join together
            second = _WORD_AFTER_NAME.match(text, after.end("w"))
            if not (second and joins(second.group("w"), True) and not _CAPITAL_NEXT.match(text, second.end("w"))
                    and not overlaps_any(second.start("w"), second.end("w"), taken)):
                break
            end = second.end("w")
        while ((after := _NAME_WORD_NEXT_LINE.match(text, end)) and after.group("w").casefold() in redacted_surnames
               and after.group("w").casefold() not in text[start:end].casefold()
               and joins(after.group("w"), False) and not is_word_or_its_form(after.group("w").casefold())
               and not overlaps_any(after.start("w"), after.end("w"), taken)):
            end = after.end("w")
        while ((before := _WORD_BEFORE_NAME.search(text, max(0, start - 40), start))
               and (joins(before.group("w"), True) or _given_name_before_month(before.group("w"), text[start:end]))
               and not _CAPITAL_BEFORE.search(text, max(0, before.start("w") - 40), before.start("w"))
               and not overlaps_any(before.start("w"), before.end("w"), taken)):
            start = before.start("w")
        if ((before := _CAPS_SURNAME_STARTS_LINE.search(text, max(0, start - 40), start))
                and _caps_surname(before.group("w")) and not overlaps_any(before.start("w"), before.end("w"), taken)):
            start = before.start("w")  # "LUONG Thi Hong": a surname in capitals written first on its line
        if ((particle := _CAPS_PARTICLE_BEFORE.search(text, max(0, start - 12), start)) and text[start:end].split()[0].isupper()
                and not overlaps_any(particle.start("w"), particle.end("w"), taken)):
            start = particle.start("w")  # "LE" / "MARQUAND-OBI, Kehinde": a narrow cell wraps after the particle
        if ((rest := _WORD_REST_NEXT_LINE.match(text, end)) and (last := _LAST_WORD.search(text, start, end))
                and name_key(last.group(0) + rest.group("w")) in redacted_keys
                and not overlaps_any(rest.start("w"), rest.end("w"), taken)):
            end = rest.end("w")  # "C. Devlin-Achter" / "berg": a narrow cell wraps inside a redacted surname
        if (initials := _INITIALS_LINE_BEFORE.search(text, max(0, start - 12), start)) and not overlaps_any(
                initials.start("i"), initials.end("i"), taken):
            start = initials.start("i")  # "T." / "Mulrennan": a narrow cell wraps after the initial
        if ((initial := _INITIALS_BEFORE.search(text, max(0, start - 10), start)) and initial.group("i") != "M."
                and not overlaps_any(initial.start("i"), initial.end("i"), taken)):  # "M." may be Monsieur
            start = initial.start("i")  # "Ms B. Oyebanjo-Thorne": the surname spread, its initial beside it
        if (given := _given_after_comma(text, start, end, redacted_words)) is not None:
            end = given  # "Glenesk, O. (DC)", "TSOI, Wai-Kuen (trading as ...)": written surname first
        out.append(m if (start, end) == (m.start, m.end) else
                   Mention(m.type, start, end, m.score, m.decision))
    grown = [m for m in out if m.type == "PERSON" and _redacted(m)]
    return [m for m in out if not (m.type == "PERSON" and _redacted(m) and any(
        g is not m and g.start <= m.start and m.end <= g.end for g in grown))]


# a surname written first at the start of a line or cell (a title before it at most), then a comma and its
# initials or given name, and nothing more on the line but a bracket ("Dr BRUNTSFIELD, A.", "Glenesk, O. (DC)")
_LINE_START_BEFORE = re.compile(r"(?:^|(?<=\n))[ \t]*(?:[A-Z][a-z]{0,3}\.?[ \t]+)?$")
# ends the line (or a bracket follows): spread.py's _COMMA_THEN_GIVEN takes the given name anywhere
# (a middle initial may follow the given name, "PROBERT-OWUSU, Aneurin W."; a dash may end the line's name, "WARFAA,
# Hodan C. - 0117 ...")
_COMMA_THEN_GIVEN_AT_LINE_END = re.compile(r",[ \t]*\n?[ \t]*(?P<g>[A-Z]\.(?:[ \t]?[A-Z]\.)*|[A-Z][\w'’-]*[^\W\d_]"
                                           r"(?:[ \t]+[A-Z][\w'’-]*[^\W\d_])?(?:[ \t]+[A-Z]\.)*)"
                                           r"(?=[ \t]*(?:\(|\n|$|[-–][ \t]))")


# ... initials after the comma whatever follows them ("Loveday-Obi, T. under delegated powers")
_COMMA_THEN_INITIALS = re.compile(r",[ \t]*(?P<g>[A-Z]\.(?:[ \t]?[A-Z]\.)*)(?![\w'’-])")


def _given_after_comma(text: str, start: int, end: int, redacted_words: set[str]) -> int | None:
    """The end of the initials or given name after a redacted surname written first on its line, or None.
    Initials always belong to it; a given name when the surname is in capitals ("TSOI, Wai-Kuen"), or the
    word is a redacted person's name or no English word and no place, organisation, title or rank word."""
    written = text[start:end].split()
    one_surname = all(re.fullmatch(PARTICLE, w) for w in written[:-1])  # "Ní Chathasaigh", "van der Berg"
    if ("," in text[start:end] or "." in text[start:end] or not _LINE_START_BEFORE.search(text, max(0, start - 12), start)
            or (len(written) > 1 and not written[-1].isupper() and not one_surname)):
        return None  # "B. Verbrugh, R." / "Songhirst": a list of two names wrapped, not one written surname first
    hit = _COMMA_THEN_GIVEN_AT_LINE_END.match(text, end) or _COMMA_THEN_INITIALS.match(text, end)
    if hit is None:
        return None
    given = hit.group("g")
    if given.endswith("."):
        return hit.end("g")
    surname = written[-1]
    words = [w.casefold() for w in given.split() if not re.fullmatch(r"[A-Z]\.", w)]
    if any(w in _NOT_NAME_PARTS or w in NOT_NAME_WORDS for w in words) and not surname.isupper():
        return None
    if (surname.isupper() and len(surname) > 1) or all(
            w in redacted_words or not is_word_or_its_form(w) for w in words):
        return hit.end("g")
    return None


# a surname, a comma and one given name filling a cell ("PAWLAK-THORNE," / "Wojciech")
_SURNAME_COMMA_GIVEN = re.compile(r"(?<![^\n])[^\W\d_][\w'’-]*,[ \t]*\n?[ \t]*[^\W\d_][\w'’-]*(?=[ \t]*(?:\n|$))")


def _with_bracketed_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name redacted and another name in brackets right after it, redacted too, are one finding, brackets
    and all: 'Zhang, Wei (David)' (nothing of the pair is left between them). A short name in quotes
    ('Chidinma Nwabueze ("Chi")') stays a finding of its own."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        pair = last is not None and m.type == last.type == "PERSON" and _redacted(last) and _redacted(m)
        if pair and re.fullmatch(r"[ \t]*\(", text[last.end:m.start]) and text[m.end:m.end + 1] == ")":
            out[-1] = Mention(last.type, last.start, m.end + 1, max(last.score, m.score), last.decision)
            continue
        if pair and _SURNAME_COMMA_GIVEN.fullmatch(text, last.start, m.end):
            # "Sandhu-Hayer," / "Gurvinder" alone in a cell: one name written surname first
            out[-1] = Mention(last.type, last.start, m.end, max(last.score, m.score), last.decision)
            continue
        out.append(m)
    return out


def _redacted(m: Mention) -> bool:
    return m.decision is not None and m.decision.action == "redact"


# A month or ordinary word right before a surname is the person's first name ("June Hartley", "Will
# Bright"), unless the words before make it a date ("in June Hartley said", "3 June Hartley").
_WORD_FIRST_NAME = re.compile(r"(?P<w>[A-Z][a-z]+)[ \t]*\n?[ \t]*$")


def _with_word_first_name(text: str, m: Mention) -> Mention:
    if m.type != "PERSON" or m.decision is None or m.decision.action != "redact":
        return m
    hit = _WORD_FIRST_NAME.search(text[max(0, m.start - 20):m.start])
    if not hit:
        return m
    start = m.start - len(hit.group(0))
    if hit.group("w") == text[m.start:m.end].split()[0]:
        return m  # "Bryony" / "Bryony Pinchbeck-Lund": a message signed, then the signature block
    if not word_first_name(text, start, hit.group("w"), text[m.start:m.end].split()[0]):
        return m
    return Mention(m.type, start, m.end, m.score, m.decision)


# --- people --------------------------------------------------------------------------------------------

_SURNAME_IN_CAPITALS = re.compile(r"[^\W\d_a-z]{2,}(?:[-'’][^\W\d_a-z]{2,})?")


def split_name(words: list[str]) -> tuple[str | None, str]:
    """(first name, surname), folded; particles belong to the surname ("Siobhán Ní Bhriain" ->
    ("siobhán", "ní bhriain")), so "Ms Ní Bhriain" is the same person."""
    if len(words) == 2 and _SURNAME_IN_CAPITALS.fullmatch(words[0]) and not words[1].isupper():
        return words[1].casefold(), words[0].casefold()  # "ZHANG Wei", "OKAFOR Chidi": the surname first
    i = len(words) - 1
    while i > 0 and words[i - 1].casefold() in _PARTICLES:
        i -= 1
    surname = " ".join(w.casefold() for w in words[i:])
    first = words[0].casefold().rstrip(".") if i > 0 else None
    return first, surname


def _group(names: list[Name]) -> list[Person]:
    people: list[Person] = []
    # Full names first, so "Mr West" finds the Mike West named earlier or later.
    for n in sorted(names, key=lambda n: len(n.words) < 2):
        first, surname = split_name(n.words)
        if n.given:  # "his daughter, Wren": known by the given name alone, which is how she is named again
            person = next((p for p in people if p.first == surname and len(p.first) > 1), None)
            if person is None:
                person = Person(surname=surname, first=surname)
                people.append(person)
            person.names.add(n.words[0])
            person.score = max(person.score, n.score)
            person.mentions.append(Mention("PERSON", n.start, n.end, n.score))
            continue
        person = _find(people, surname, first)
        if person is None:
            person = Person(surname=surname, first=first)
            people.append(person)
        if first and (person.first is None or len(person.first) == 1):
            person.first = first
        if first:
            person.names.add(" ".join(n.words))
        person.surname_forms.add(" ".join(n.words[len(n.words) - len(surname.split()):]))
        if n.rank:
            person.ranks.add(n.rank)
        person.score = max(person.score, n.score)
        person.mentions.append(Mention("PERSON", n.start, n.end, n.score))
    return people


def _bare_rank_of_a_post(person: Person) -> None:
    """"The Transport Commissioner, Jo Bell" and later "Commissioner Bell": the bare word is short for the
    post the paper named, not the police chief rank of the same word."""
    for post in [r for r in person.ranks if " " in r and r not in ALL_RANKS.values()]:
        person.ranks.discard(post.rsplit(" ", 1)[1])


def _named_after_another(person: Person, people: list[Person]) -> bool:
    """"Lindqvist Law", "Okafor Court": another person's surname, then a word that names a firm or a place,
    is a thing named after them ("Jonas Lindqvist of Lindqvist Law"), not a person called Lindqvist."""
    if not person.first or person.surname not in THING_WORDS | ORGANISATION_WORDS:
        return False
    return any(other is not person and name_key(other.surname) == name_key(person.first) for other in people)


def _find(people: list[Person], surname: str, first: str | None) -> Person | None:
    same = [p for p in people if name_key(p.surname) == name_key(surname)]
    if not same and first and len(first) > 1:
        # "Calum A." signing a message is the Calum Auld named in full (and the other way round)
        key = name_key(surname)
        same = [p for p in people if p.first and name_key(p.first) == name_key(first) and (
            (len(key) == 1 and name_key(p.surname).startswith(key))
            or (len(name_key(p.surname)) == 1 and key.startswith(name_key(p.surname))))]
    if not same and first and len(first) > 1:
        # "Tiago Medeiros da Trindade" and "TRINDADE, Tiago": the particle written in one and not the other
        same = [p for p in people if p.first and name_key(p.first) == name_key(first)
                and name_key(_without_particles(p.surname)) == name_key(_without_particles(surname))]
    if first is None:
        return same[0] if len(same) == 1 else None
    first = name_key(first) or first
    for p in same:
        known = name_key(p.first) if p.first else None
        if known is None or known == first or (len(first) == 1 and known[0] == first) or (
                len(known) == 1 and first[0] == known):
            return p
    return None


def _without_particles(surname: str) -> str:
    words = surname.split()
    while len(words) > 1 and words[0] in _PARTICLES:
        words = words[1:]
    return " ".join(words)


# how far before a name its office is looked for: a long one with its body ("Cabinet Member for Adult Social Care
# and Health of Hailsham Cross District Council, Cllr ")
# letters of an office are no office when a name in capitals goes on after them: "(MP Logistics Ltd)", "MSP Freight"
_NO_FIRM_AFTER = r"(?![ \t]+[A-Z][a-z])"
_ROLE_REACH = 120


def _roles_beside(text: str, people: list[Person], policy: Policy) -> None:
    """A roster role written with the name: in apposition ("The Deputy Mayor for Policing and Crime, Kaya
    Brennan," / "Sophie Linden (Past staff), Deputy Mayor, Policing and Crime"), on the next line of a
    signature block ("Name: Tamsin Achebe-Ward" / "Position: Deputy Mayor for Policing and Crime"), or as
    the heading right above a "Name" field (a signature table headed "Mayor of London")."""
    role = policy.role_pattern()
    if not role:
        return
    # an office with a place or subject needs the comma ("the Mayor of Sutton, Jo Bell"); a fixed one
    # may stand right before the name as a title ("Chief Fire Officer Dan Daly", "PCC Sam Doyle")
    fixed = policy.role_pattern(templates=False) or "(?!)"
    before = re.compile(rf"(?<![\w-])(?:(?P<role>{role}){ROLE_TAIL}{PORTFOLIO}?\s*[,:(–]\s*|(?P<fixed>{fixed})[ \t]+)"
                        rf"(?:(?:the\s+)?(?:{TITLE}|M\.|Deputy)\s+)?$")  # "M." for Monsieur; a States "Deputy"
    # ... also after a short first entry in the brackets: "(Chair; Portfolio Holder for Environment, ...)"
    after = re.compile(rf"^\s*(?:\([^)\n]{{1,30}}\)\s*)?(?:[,(–]|[ \t]+-)\s*(?:[A-Z][\w-]*(?:[ \t]+[\w-]+)?;\s*)?"
                       rf"(?:the\s+)?(?P<role>{role})(?![\w]|['’]s\b){_NO_FIRM_AFTER}")
    # a table row read as one line: the name starts the line and the office follows ("Jo Bell Leader of ...")
    row = re.compile(rf"^[ \t]+(?P<role>{role})(?![\w]|['’]s\b)")
    # ... or after the cell of the body they sit for ("Cllr Jo Bell Ouseford City Council Portfolio Holder for ...")
    row_via_body = re.compile(rf"^(?P<body>(?:[ \t]+[A-Z][\w'’&-]*){{1,4}}?)[ \t]+(?P<role>{role})(?![\w]|['’]s\b)")
    post_nominal = "|".join(map(re.escape, policy.after_name or {}))
    # letters of honours may come between ("Dame Jo Bell DBE MP")
    # (the letters may start the next line: "Cadwaladr Nancarrow-Okello" / "MP wrote to the Tribunal")
    after_name = re.compile(rf"^(?:[ \t]+(?:{_HONOURS}))*(?:[ \t]+|[ \t]*\n[ \t]*)(?P<role>{post_nominal})(?![\w]|['’]s\b){_NO_FIRM_AFTER}") if post_nominal else None
    # (a signature block read on into the text after it: "London Fire Commissioner. This decision was ...")
    # (or a table's role cell, the body after a comma: "Portfolio Holder for Transport, Cumberland Council")
    post_line = re.compile(rf"^[ \t]*{_POST_LABEL}?(?:(?i:the)[ \t]+)?(?P<role>{role})[ \t]*"
                           rf"(?:\.?[ \t]*$|\.[ \t]+[A-Z]|,[ \t]+[A-Z][^\n.]*$)")
    for person in people:
        for m in person.mentions:
            hit = (before.search(text[max(0, m.start - _ROLE_REACH):m.start]) or after.match(text[m.end:m.end + 80])
                   or (after_name and after_name.match(text[m.end:m.end + 10]))
                   or (_starts_row(text, m) and (row.match(text[m.end:m.end + 80])
                                                 or _after_body_cell(row_via_body, text[m.end:m.end + 120]))))
            if not hit and _alone_on_line(text, m):
                prev_line, line, next_line = _lines_around(text, m.start)
                hit = post_line.match(next_line)
                if not hit and _NAME_FIELD.match(line):
                    hit = post_line.match(prev_line)
                if not hit and _NAME_CELL.match(prev_line):
                    # the cells as lines: "Mayor of London" / "Name" / "Julian Abernethy"
                    line_start = text.rfind("\n", 0, m.start) + 1
                    hit = post_line.match(_lines_around(text, max(0, line_start - 1))[0])
            if (hit and hit.re is after and _NEXT_NAME_AFTER_ROLE.match(
                    text, m.end + hit.end())):
                # "Councillor Thora Sclater, the Leader of the Council, Councillor Fionnlagh Gunn-Matheson": an
                # office between two names of a list is the next one's (the office before a name, in apposition);
                # read as the first one's it would keep a name the policy redacts
                hit = None
            if hit and hit.re is before and (_ends_longer_title(text, max(0, m.start - _ROLE_REACH), hit)
                                             or _HEADER_LABEL_BEFORE.search(text[max(0, m.start - _ROLE_REACH):m.start])):
                hit = None
            if hit:
                written = hit.groupdict().get("fixed") or hit.group("role")
                person.roles.add(policy.role_of(written) or " ".join(written.split()))


# after an office: a comma, then a title and a name ("..., the Leader of the Council, Councillor Fionnlagh ...")
_NEXT_NAME_AFTER_ROLE = re.compile(rf"[ \t]*,\s*(?:{TITLE})\.?\s+[A-Z]")
# "To: Cllr Jo Bell, Cabinet Member for Culture" / "Cc: Sam Kerr <...>": a mail header's label starts the
# next person's line; the office on the line above is the other person's
_HEADER_LABEL_BEFORE = re.compile(r"\n[ \t]*(?i:cc|bcc|to|from|sent|subject|date)[ \t]*:[ \t]*$")
_HONOURS = "|".join(sorted(map(re.escape, POST_NOMINALS - {"MP", "MSP", "MS", "MEP", "AM"}), key=len, reverse=True))
_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w-])(?!(?:The|A|An)\b)[A-Z][\w'’&-]*[ \t]*\n?[ \t]*$")


# Offices the policy keeps whose word also ends ordinary job titles ("Team Leader", "Project Leader"); any
# other office keeps its qualifier ("the Town Mayor,", "the Maritime Minister,"). Capitalised words that
# make "Leader" the office all the same ("the Opposition Leader, Jo Bell").
_JOB_TAIL_OFFICES = frozenset({"Leader"})
_COUNCIL_WORDS = frozenset({"District", "Borough", "Council", "County", "City", "Town", "Parish", "Authority"})
_CIVIC_QUALIFIERS = frozenset({"Opposition", "Council", "Deputy", "Elected", "Acting", "Interim", "Former",
                               "Majority", "Minority", "Party", "Labour", "Conservative", "Liberal", "Green"})


def _ends_longer_title(text: str, base: int, hit: re.Match) -> bool:
    """"Clinical Team Leader Jo Bell": an office written as a title ("Leader") that ends a longer job title
    is that job's last word, not the office (``hit`` was searched in the text from ``base``).

    So is a one-word office in apposition after a job's other words ("the Team Leader, Jo Bell", "the
    Project Leader (Jo Bell)"): class of cases, a job title whose last word is also an office the policy
    keeps ("Leader"). A political qualifier before it leaves the office ("the Opposition Leader, Jo Bell")."""
    if hit.group("fixed"):
        at = base + hit.start("fixed")
        return bool(_CAPITAL_WORD_BEFORE.search(text[max(0, at - 40):at]))
    role = hit.group("role")
    if not role or " ".join(role.split()) not in _JOB_TAIL_OFFICES:
        return False
    at = base + hit.start("role")
    word = _CAPITAL_WORD_BEFORE.search(text[max(0, at - 40):at])
    if not word:
        return False
    qualifier = word.group(0).split()[0]
    # "The District's Leader", "the Council's Leader": the council's own office
    return qualifier not in _CIVIC_QUALIFIERS and qualifier.rstrip("'’s").rstrip("'’") not in _COUNCIL_WORDS


# "Rhiannon Tippett-Vaughan (Chair).", "Jo Bell, Chair of the Sub-Committee": a typed name, then the office
_TYPED_NAME = re.compile(rf"(?:{TITLE}[ \t]+)?(?P<name>{FULL_NAME})[ \t]*(?:,|\()[ \t]*(?:the[ \t]+)?[A-Za-z][a-z]")
_INITIALS_TYPED = re.compile(rf"(?:[{UPPER}]\.[ \t]?){{1,3}}[ \t]*[{UPPER}][\w'’-]+(?:[ \t]+[{UPPER}][\w'’-]+)?")
_TYPED_ALONE = re.compile(rf"[ \t]*(?:{TITLE}[ \t]+)?(?P<name>{FULL_NAME})[ \t]*")


def _typed_name(text: str, r: RecognizerResult, any_role: bool = False) -> tuple[int, int] | None:
    """The name on a signature line, where what is signed is a typed full name with the signer's office
    after it (or, ``any_role``, alone, the office on the next line); a squiggle or initials ("K Brennan")
    stay a signature."""
    if r.entity_type != "SIGNATURE":
        return None
    m = (_TYPED_ALONE.fullmatch if any_role else _TYPED_NAME.match)(text, r.start, r.end)
    if not m:
        return None
    words = name_words(m.group("name"))
    if not plausible_name(words):
        return None
    if len(words[0]) < 2 or words[0].endswith("."):
        # initials with full stops and a surname no word is ("Signed: B. Eckersley, Chair") are typed, as a
        # full name is; a bare initial ("K Brennan") or initials above the office on the next line stay a
        # signature
        if any_role or not _INITIALS_TYPED.fullmatch(m.group("name")) or is_english_word(words[-1]):
            return None
    return m.start("name"), m.end("name")


def _signed_in_role(text: str, r: RecognizerResult, policy: Policy) -> bool:
    """"Signed: Jo Bell, Chief Fire Officer, 3 May 2027": a typed name with a kept office is the office
    holder acting in role, found as a name (with the role beside it), not a signature to redact."""
    role = policy.role_pattern()
    if r.entity_type != "SIGNATURE" or not role:
        return False
    if re.match(rf"(?:{TITLE}[ \t]+)?{FULL_NAME}[ \t]*,[ \t]*(?:the[ \t]+)?(?:{role})(?![\w])", text[r.start:r.end]):
        return True
    # "Signed: Cllr Jo Bell" / "Leader of the Council": the office alone on the next line
    line_end = text.find("\n", r.end)
    next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    next_line = text[line_end + 1:len(text) if next_end < 0 else next_end] if line_end >= 0 else ""
    # (a typed full name: initials or a squiggle above an office stay a signature, "A Bell" / "Commissioner")
    return bool(_typed_name(text, r, any_role=True)
                and not text[r.end:len(text) if line_end < 0 else line_end].strip()
                and re.fullmatch(rf"[ \t]*(?:(?i:the)[ \t]+)?(?:{role})[ \t]*\.?[ \t]*", next_line))


def _alone_on_line(text: str, m: Mention) -> bool:
    """The name ends its line and only a field label, a title (or nothing) comes before it on that line."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    rest = text[m.end:len(text) if line_end < 0 else line_end]
    head = text[line_start:m.start]
    return not rest.strip(" \t.,") and (not head.strip() or bool(_NAME_FIELD.match(head) or _TITLE_ONLY.match(head)
                                                                   or _SIGNED_FIELD.match(head)))


def _after_body_cell(row_via_body: re.Pattern, after: str) -> re.Match | None:
    """The office in a table row read as one line after the cell of the body the person sits for: the
    capitalised words between the name and the office end in an organisation word ("City Council")."""
    hit = row_via_body.match(after)
    return hit if hit and hit.group("body").split()[-1].casefold() in ORGANISATION_WORDS else None


def _starts_row(text: str, m: Mention) -> bool:
    """The name starts its line, after nothing or a title ("Cllr Jo Bell Leader of the Council")."""
    head = text[text.rfind("\n", 0, m.start) + 1:m.start]
    return not head.strip() or bool(_TITLE_ONLY.match(head))


def _lines_around(text: str, pos: int) -> tuple[str, str, str]:
    """The line holding ``pos`` and the lines just before and after it."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    prev_start = text.rfind("\n", 0, max(0, start - 1)) + 1
    next_end = text.find("\n", end + 1)
    next_end = len(text) if next_end < 0 else next_end
    before = text[prev_start:start - 1] if start else ""
    after = text[end + 1:next_end] if end < len(text) else ""
    return before, text[start:end], after


def _person_from_email(text: str, address: str, people: list[Person]) -> None:
    """"jane.okafor@..." names Jane Okafor: her name elsewhere in the paper is found even if NER missed it,
    as the paper writes it ("siobhan.nibhriain@..." is "Siobhán Ní Bhriain")."""
    local = address.split("@")[0]
    # one dot between the names: a hyphen after it is the surname's ("jo.nakamura-bell@")
    parts = local.split(".") if local.count(".") == 1 else re.split(r"[._-]", local)
    if (len(parts) == 2 and len(parts[0]) == 1 and parts[0].isalpha() and len(parts[1]) > 3
            and parts[1].replace("-", "").isalpha()):
        # "e.tshabalala-moore@...": an initial and the surname; the paper may write the given name in full
        # ("Ebenezer Tshabalala-Moore", a spreadsheet's row) — then that is the name
        _add_written(people, _written_name_of_initial(text, parts[0].casefold(), parts[1].casefold()))
        before = _given_name_before_address(text, address, parts[0].casefold(), parts[1])
        if before is not None:
            # the given name alone before the address: the person written in full elsewhere ("Tomasz Kwiatek",
            # then "Tomek (t.kwiatek@...)": a short form), or one the paper names only so
            known = _find(people, parts[1].casefold(), parts[0].casefold())
            if known is not None and known.first and known.first[0] == parts[0].casefold():
                known.mentions.append(Mention("PERSON", *before[2], 0.8))
            else:
                _add_written(people, before)
        return
    if len(parts) == 1 and len(local) > 3 and local.isalpha() and not is_english_word(local):
        # "marisol@westfoldfoodshare...": a given name alone; on the address's own line (a spreadsheet row, a
        # contact line) the same given name before a surname that is no word is that person
        _add_written(people, _given_and_surname_on_line(text, address, local.casefold()))
        return
    if len(parts) != 2 or not all(len(p) > 1 and p.replace("-", "").isalpha() and not p.startswith("-")
                                  and not p.endswith("-") for p in parts):
        return
    first, surname = parts[0].casefold(), parts[1].casefold()
    if "-" in first:
        return
    if surname in NOT_NAME_WORDS or first in NOT_NAME_WORDS:
        return
    written = _written_name(text, first, surname) or _misread_given_name(text, first, surname)
    wrapped = _wrapped_names(text, first, surname)
    known = _find(people, surname, first) or _one_barrel(people, surname, first) or _contracted(people, surname, first)
    if known is not None:
        # "Ms Wróblewska" or "C. Blackwood" found, "lucja.wroblewska@..." gives the first name: the full
        # name (and the first name alone where it acts, "Cressida said") is then the same person
        if known.first is None or len(known.first) == 1:
            known.first = (written[0] if written else parts[0]).casefold()
            known.names.add(" ".join(written) if written else " ".join([parts[0].title(), *sorted(
                known.surname_forms or {surname.title()})[:1]]))
        known.mentions.extend(Mention("PERSON", s, e, 0.8) for s, e in wrapped)
        return
    if not written and not wrapped and any(p.first == first and p.names for p in people):
        # "iolo.cefnbryngwyn@..." (the farm's name after the given name) and Iolo Prydderch named in full: a
        # name written nowhere is no second Iolo, who would make "Iolo" alone nobody's
        return
    if written:
        first_written, surname_written = written[0], written[1:]
    else:
        first_written, surname_written = parts[0].title(), [parts[1].title()]
    people.append(Person(surname=" ".join(surname_written).casefold(), first=first_written.casefold(),
                         surname_forms={" ".join(surname_written)},
                         names={" ".join([first_written, *surname_written])}, score=0.8,
                         mentions=[Mention("PERSON", s, e, 0.8) for s, e in wrapped]))


def _one_long_name(text: str, namesakes: list[Person]) -> bool:
    """Two people found with one given name are one person when the paper writes a name holding both their
    surnames after it: "Maryam bint Yusuf" and "Maryam Al-Sayegh" are "Maryam bint Yusuf Al-Sayegh"."""
    if len(namesakes) != 2 or not all(p.surname for p in namesakes):
        return False
    first = namesakes[0].first
    for one, other in (namesakes, namesakes[::-1]):
        pattern = (words_pattern([first]) + r"[ \t]+\n?[ \t]*" + words_pattern(one.surname.split())
                   + r"[ \t]+\n?[ \t]*" + words_pattern(other.surname.split()))
        if re.search(pattern, text):
            return True
    return False


def _contracted(people: list[Person], surname: str, first: str) -> Person | None:
    """"imelda.rthrfrd@" for Imelda Rutherford, "prvn.ulyttkhtri@" for Parveen Ulyatt-Khatri: an address may
    drop letters (vowels, a hyphen) of both names; each part, its letters in order and its first letter the
    same, is then the one person known in full with those names."""
    key, first_key = name_key(surname).replace("-", ""), name_key(first)
    found = [p for p in people if p.names and p.first and len(p.first) > 2
             and _letters_in_order(first_key, name_key(p.first))
             and (_letters_in_order(key, name_key(p.surname).replace("-", "").replace(" ", ""))
                  or _barrels_initials(key, p.surname.casefold()))]
    return found[0] if len(found) == 1 else None


def _barrels_initials(short: str, surname: str) -> bool:
    """"ko" for Kamara-Ormesher: the first letters of a surname of two parts or more."""
    parts = [part for part in re.split(r"[- ]+", surname) if part]
    return len(parts) > 1 and short == "".join(part[0] for part in parts)


def _letters_in_order(short: str, full: str) -> bool:
    """``short`` is ``full`` with letters left out, the first kept, at least three letters and half of them."""
    if len(short) < 3 or short[0] != full[:1] or 2 * len(short) < len(full):
        return False
    rest = iter(full)
    return all(letter in rest for letter in short)


def _one_barrel(people: list[Person], surname: str, first: str) -> Person | None:
    """"anselm.desouza@" for Anselm de Souza-Prentice: an address may keep one part of a double-barrelled
    surname; the same first name and that part are the same person."""
    key, first_key = name_key(surname), name_key(first)
    for p in people:
        if p.first and name_key(p.first) == first_key and "-" in p.surname and any(
                name_key(part) == key for part in p.surname.split("-")):
            return p
    return None


# A narrow table cell wraps a name inside a word, with no hyphen ("Cordelia" / "Amankw" / "ah"): between
# two letters a line break may stand, between the first name and the surname any space or one break.
_IN_WORD_BREAK = r"(?:[ \t]*\n[ \t]*)?"
# ... and the address drops the name's apostrophe and hyphen ("callum.okeeffenwosu@" for "O'Keeff" / "e-Nwosu")
_BETWEEN_LETTERS = rf"['’-]?{_IN_WORD_BREAK}"


def _wrapped_names(text: str, first: str, surname: str) -> list[tuple[int, int]]:
    """The spans where the paper writes the e-mail's first name and surname with a break inside a word."""
    def letters(word: str) -> str:
        return _BETWEEN_LETTERS.join(f"(?i:{re.escape(c)})" for c in word)
    pattern = rf"(?<![\w.@'’-]){letters(first)}[ \t]*\n?[ \t]*{letters(surname)}(?![\w.@'’-])"
    out = []
    for m in re.finditer(pattern, text):
        words = m.group(0).split()
        if len(words) > 2:  # a break inside a word: the plain case is found as a written name
            out.append((m.start(), m.end()))
    return out


def _wrapped_full_names(text: str, person: Person) -> None:
    """A narrow table cell wraps a name inside a word ("Cllr Penrose M" / "aguire-Okafor"): every person
    known by a full name is looked for wrapped so too, not only one named by an e-mail address."""
    taken = [(m.start, m.end) for m in person.mentions]
    for name in sorted(person.names):
        words = name.split()
        if len(words) != 2 or len(words[0]) < 3:
            continue
        letters = "".join(c for c in words[1] if c.isalpha())
        for start, end in _wrapped_names(text, words[0].casefold(), letters.casefold()):
            if not overlaps_any(start, end, taken):
                person.mentions.append(Mention("PERSON", start, end, 0.8))
                taken.append((start, end))


def _written_name(text: str, first: str, surname: str) -> list[str] | None:
    """The words of the paper that spell the e-mail's name, accents and particles aside."""
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        for i in range(len(words) - 1):
            if _ocr_folded(name_key(words[i])) != _ocr_folded(first):
                continue
            for j in range(i + 2, len(words) + 1):
                if name_key("".join(words[i + 1:j])) == name_key(surname):
                    return words[i:j]
    return None


def _add_written(people: list[Person], found: tuple | None) -> None:
    """A person an address names, with the mention where the paper writes the name: (given name, surname,
    (start, end)). The mention is taken as written (a row may run on into the organisation's name, which the
    spread would take for a thing named after the person: the address says it is the person)."""
    if not found or _find(people, found[1].casefold(), found[0].casefold()) is not None:
        return
    given, surname, (start, end) = found
    people.append(Person(surname=surname.casefold(), first=given.casefold(), surname_forms={surname},
                         names={f"{given} {surname}"}, score=0.8, mentions=[Mention("PERSON", start, end, 0.8)]))


def _given_and_surname_on_line(text: str, address: str, given: str) -> tuple | None:
    """The given name of a one-word address, before a surname no English word is, on the address's line:
    (given name, surname, (start, end))."""
    at = text.find(address)
    if at < 0:
        return None
    line_start = text.rfind("\n", 0, at) + 1
    for m in re.finditer(r"(?<![\w'’-])(?P<given>[A-Z][a-z]+)[ \t]+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])",
                         text[line_start:at]):
        if name_key(m.group("given")) == name_key(given) and not is_english_word(m.group("surname")):
            return m.group("given"), m.group("surname"), (line_start + m.start(), line_start + m.end())
    return None


def _misread_given_name(text: str, first: str, surname: str) -> list[str] | None:
    """The given name as OCR misread its capital ("lestyn Vaughan-Roberts" beside
    "iestyn.vaughan-roberts@..."): a word in small letters that folds to the address's given name, right
    before the surname as written."""
    for m in re.finditer(r"(?<![\w'’-])(?P<given>[^\W\d_]{3,})[ \t]+(?P<surname>[A-Z][\w'’-]+)", text):
        if (_ocr_folded(name_key(m.group("given"))) == _ocr_folded(first)
                and name_key(m.group("surname")) == name_key(surname)):
            return [m.group("given"), m.group("surname")]
    return None


def _ocr_folded(key: str) -> str:
    """A name's key with the letters OCR takes for each other made one ("lestyn" read for "Iestyn"): the
    address beside it spells the name right, the surname must match as well."""
    return key.replace("l", "i").replace("1", "i")


def _written_name_of_initial(text: str, initial: str, surname: str) -> tuple | None:
    """A given name starting with ``initial``, no English word, written right before the e-mail's surname:
    (given name, surname, (start, end))."""
    for m in _NAME_RUN.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        for i in range(1, len(words)):
            if name_key(words[i].group(0)) != name_key(surname):
                continue
            given = words[i - 1].group(0)
            if (len(given) > 2 and given[0].casefold() == initial and given[1:].islower()
                    and not is_english_word(given)):
                return given, words[i].group(0), (m.start() + words[i - 1].start(), m.start() + words[i].end())
    return None


# a given name alone, then the person's address in brackets: "Tomasz (t.kwiatek@..., 0048 ...)"
_GIVEN_BEFORE_BRACKET = re.compile(r"(?<![\w'’.-])(?P<given>[A-Z][^\W\d_]{2,})[ \t]*\([ \t]*$")


def _given_name_before_address(text: str, address: str, initial: str, surname: str) -> tuple | None:
    """An address of an initial and a surname in brackets right after a given name with that initial, no
    English word: the person the address names, written by the given name alone."""
    at = text.find(address)
    hit = _GIVEN_BEFORE_BRACKET.search(text, max(0, at - 40), at) if at >= 0 else None
    if hit is None:
        return None
    given = hit.group("given")
    folded = given.casefold()
    if (folded[0] != initial or is_word_or_its_form(folded) or folded in NOT_NAME_WORDS or folded in TITLE_WORDS
            or folded in _NOT_NAME_PARTS):
        return None
    return given, surname.title(), (hit.start("given"), hit.end("given"))


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: signatures, e-mails and phones win over names inside them."""
    rank = {"SIGNATURE": 0, "EMAIL_ADDRESS": 1, "PHONE_NUMBER": 2, "PERSON": 3}
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (rank.get(m.type, 9), -(m.end - m.start), m.start)):
        if not overlaps_any(m.start, m.end, [(o.start, o.end) for o in out]):
            out.append(m)
    return sorted(out, key=lambda m: m.start)
