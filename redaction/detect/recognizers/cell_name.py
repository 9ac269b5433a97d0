"""A name alone in a table cell, beside a cell that says a person is meant: a job title ("Custody
sergeant", "Lead worker"), a rank, or a phone number or e-mail address. Tables of staff give no title or
cue before a name and NER often misses a name with no sentence around it.

Detection reads table cells as lines (see ``layout``), so a cell is a line here: the name line must hold
nothing but two or three name words, and the line before or after it is the neighbouring cell.
"""

from __future__ import annotations

import re

from ..english_words import is_more_than_a_noun
from ..given_names import is_given_name
from ..english_words import is_word_or_its_form
from ..vocabulary import (ABBREVIATIONS, JOB_NOUNS, NOT_NAME_WORDS, ORGANISATION_WORDS, THING_WORDS, WEEKDAYS,
                          WORD_FIRST_NAMES)
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import (CAPS_WORD, NAME_PARTICLES, NAME_WORD, PARTICLE, RANK, SURNAME_CAPS_PARTICLE, UPPER, name_words,
                       plausible_name)

_WORDS = rf"(?:{NAME_WORD}|{CAPS_WORD})(?:[ \t]+(?:{PARTICLE}[ \t]+)?(?:{NAME_WORD}|{CAPS_WORD})){{1,2}}"
_NAME_LINE = regex_cache.compile(rf"^[ \t]*(?P<name>{_WORDS})[ \t]*$", re.MULTILINE)
# A job cell: a few words ending in a job noun ("Custody officer", "Lead worker"), or a rank.
_JOB_CELL = regex_cache.compile(rf"^[ \t]*(?:(?:[\w'’&/-]+[ \t]+){{0,3}}(?i:{'|'.join(map(re.escape, JOB_NOUNS))})s?"
                       rf"|(?:{RANK}))[ \t]*$")
_CONTACT_CELL = regex_cache.compile(r"^[ \t]*(?:(?:\+44|0)[\d ()-]{9,16}\d|[\w.'’+-]+@[\w-]+(?:\.[\w-]+)+)[ \t]*$")


# A narrow cell wraps a name word by word ("Rutendo" / "Mavhunga"): two lines of one name word each, with
# a job cell just above or a phone number or address just below (the row's next cells).
# (the first may be a surname in capitals, a table's "Surname" column before its "Given name": "KEIGWIN" / "Morwenna")
# (... with a particle in capitals before it: "LO BIANCO" / "Tancredi")
_WRAPPED_NAME = regex_cache.compile(
    rf"^[ \t]*(?P<name>(?P<first>(?:{NAME_WORD}|(?:{SURNAME_CAPS_PARTICLE}[ \t]+)?{CAPS_WORD}))[ \t]*\n[ \t]*"
    rf"(?P<second>{NAME_WORD}))[ \t]*$", re.MULTILINE)
# The header row of a table that gives the surname and the given name columns apart: its rows' two cells are
# two items, not one name a narrow cell wrapped.
# (the header's cells on one line or two: "Surname Forename(s) Telephone")
_SURNAME_COLUMNS = regex_cache.compile(
    r"^[ \t]*(?i:surname|family[ \t]+name|last[ \t]+name)[ \t]*\n?[ \t]*"
    r"(?i:given[ \t]+names?|forenames?|first[ \t]+names?|christian[ \t]+names?)(?:\(s\))?(?!\w)", re.MULTILINE)
_TABLE_REACH = 3000  # characters back from a row to its table's header
_STATUS_CELL = regex_cache.compile(r"^[ \t]*[A-Za-z][a-z]+(?:[ \t]+[a-z]+)?[ \t]*$")  # "Approved", "Not required"
_HAS_CONTACT = regex_cache.compile(r"(?:\+\d{1,3}|\(?0)[\d \t()-]{8,16}\d|[\w.'’+-]+@[\w-]+\.[\w.-]+")


# "Surname, Given" alone in a cell ("Parry, Sarah"): a list of people sorted by surname
_SURNAME_FIRST_LINE = regex_cache.compile(rf"^[ \t]*(?P<name>{NAME_WORD},[ \t]+(?P<given>{NAME_WORD}))[ \t]*$", re.MULTILINE)

# a surname in capitals a narrow cell wraps inside ("QUISPE-ALDERT" / "ON")
_CAPS_WRAPPED = rf"[{UPPER}][{UPPER}'’-]{{2,}}\n[{UPPER}'’-]+(?=,)"
# ... or written so in quotes in prose, as on a ballot paper ('will show "HEATH, Zizi"')
_CAPS_SURNAME_FIRST_QUOTED = regex_cache.compile(
    rf"[\"“](?P<name>(?P<surname>(?:{PARTICLE}[ \t]+){{0,2}}{CAPS_WORD}),[ \t]+(?P<given>{NAME_WORD}(?:[ \t]+{NAME_WORD})?))[\"”]")

# "PAWLAK-THORNE, Wojciech", "Ó CEARBHALLÁIN, Siobhán", "TRINDADE, Tiago Medeiros da", "Appellant: OLADIPO-
# STANHOPE, Olufemi": a surname in capitals, a comma, the given names, alone in a cell (a list of parties)
_CAPS_SURNAME_FIRST_LINE = regex_cache.compile(
    rf"^[ \t]*(?:[A-Z][a-z]+:[ \t]*)?(?P<name>(?P<surname>(?:{PARTICLE}[ \t]+){{0,2}}(?:{_CAPS_WRAPPED}|{CAPS_WORD}(?:[ \t]+{CAPS_WORD})?)),"
    rf"(?:[ \t]+|[ \t]*\n[ \t]*)(?P<given>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}"
    rf"(?:[ \t]+(?:da|de|dos|das|do|van|von|bin|ben|ten|ter|den|der|del|della|di|du|le|la)){{0,2}}))[ \t]*$",
    re.MULTILINE)

# the end of a place's name ("Northumberland", "Wiltshire", "Hexham"), never a given name's
_PLACE_END = regex_cache.compile(r"(?:shire|land|ton|ham|ford|bury|by|wick|field|pool|mouth|chester|cester|ington|ley|worth|"
                        r"borough|bridge|minster|stead|thorpe|dale|port|combe|caster|ness|holme|ey)$")


def _row_of_a_person(surname: str, given: str, before: str, after: str) -> bool:
    """"Polwhele, April", "Turay, Fatmata" in a row of contacts: a surname no English word is, a given name
    that is a listed one (a month or word too) or no word at all and no place's ending, beside a job's cell or a
    telephone number or address ("Hexham, Northumberland" beside an address is a place: it ends like one)."""
    folded = given.casefold()
    if not given[1:].islower() or not _unknown_word(surname):
        return False
    if not (is_given_name(given) or folded in WORD_FIRST_NAMES or (_unknown_word(given) and not _PLACE_END.search(folded))):
        return False
    return any(rule.match(cell) for rule in (_JOB_CELL, _CONTACT_CELL) for cell in (before, after))


def _unknown_word(word: str) -> bool:
    parts = [p for p in re.split(r"[-'’ ]", word) if p]
    return not any(is_word_or_its_form(p.casefold()) or p.casefold() in ORGANISATION_WORDS or p.casefold() in THING_WORDS
                   for p in parts)


# "C. Baker", "J. Xu", "N. Bouzid-Harland": an initial and a surname alone in a cell (the initial with its
# point or a space: "LCRCA" is no initial and a surname)
_INITIAL_NAME_LINE = regex_cache.compile(
    rf"^[ \t]*(?P<name>(?:(?:[{UPPER}]\.){{1,3}}[ \t]*|[{UPPER}][ \t]+)(?:{PARTICLE}[ \t]+)?(?P<surname>{NAME_WORD}|{CAPS_WORD}))[ \t]*$", re.MULTILINE)

# a neighbouring cell: a few words, no sentence
_SHORT_CELL = regex_cache.compile(r"^[ \t]*\S+(?:[ \t]+\S+){0,5}[ \t]*$(?<![.:;])")


def _given_name_first(name: str) -> bool:
    words = [w for w in name.split() if not re.fullmatch(PARTICLE, w)]  # "Morgan Le Roux"
    return (len(words) == 2 and is_given_name(words[0]) and words[0][1:].islower()
            and (words[0].casefold() in WORD_FIRST_NAMES or not is_more_than_a_noun(words[0])))


def _caps_surname_first(surname: str, given: str) -> bool:
    """No word of the surname in capitals is an abbreviation or a word of an organisation or thing ("NHS,
    Trust"), and each given name is listed, a name a word can be ("Hope") or no word ("Wojciech")."""
    caps = [w.casefold() for w in re.split(r"[ \t-]+", surname) if w.casefold() not in NAME_PARTICLES]
    if any(w.upper() in ABBREVIATIONS or w in ORGANISATION_WORDS or w in THING_WORDS for w in caps):
        return False
    givens = [w for w in given.split() if w[:1].isupper()]
    return all(w.casefold() in WORD_FIRST_NAMES or is_given_name(w) or not is_word_or_its_form(w.casefold())
               for w in givens)


def _cells_beside(text: str, m: re.Match) -> tuple[str, str]:
    """The lines before and after the match's line: the row's neighbouring cells."""
    before = text[text.rfind("\n", 0, max(0, m.start() - 1)) + 1:max(0, m.start() - 1)]
    after_end = text.find("\n", m.end() + 1)
    return before, text[m.end() + 1:len(text) if after_end < 0 else after_end]


# A row of a table with its surname and given-name columns apart: the surname cell (in capitals or not, after its
# particle) and the given-name cell below it, whatever the row's other cells hold ("OKONEDO" / "Zennor" /
# "Mobility assistant", "Thorogood" / "Wednesday" / "case investigator")
# (a saint's "ST" or "St" before it, an Arabic article joined to it in capitals: "ST AUBYN", "AL-RASHID")
_SURNAME_CELL = regex_cache.compile(rf"[ \t]*(?:(?:{SURNAME_CAPS_PARTICLE}|{PARTICLE}|ST|St\.?|SAINT|Saint)[ \t]+){{0,2}}"
                                    rf"(?:(?:AL|EL|AD|AS|AN|AR|AT|AZ|BIN|ABU)-)?(?:{CAPS_WORD}|{NAME_WORD})[ \t]*")
_GIVEN_CELL = regex_cache.compile(rf"[ \t]*{NAME_WORD}(?:[ \t]+{NAME_WORD})?[ \t]*")
_TABLE_LINES = 60  # a table's rows read after its header, at most


def _surname_column_rows(text: str) -> list[tuple[int, int, str]]:
    """The surname and given-name cells of the rows under a "Surname" / "Given name" header, until the table
    ends (a line of prose: a sentence's stop or more than six words)."""
    out = []
    for header in _SURNAME_COLUMNS.finditer(text):
        starts, pos = [], text.find("\n", header.end()) + 1
        while 0 < pos < len(text) and len(starts) < _TABLE_LINES:
            end = text.find("\n", pos)
            line = text[pos:len(text) if end < 0 else end]
            if len(line.split()) > 6 or line.rstrip().endswith((".", ":")):
                break
            lead = len(line) - len(line.lstrip(" \t"))  # the cell's text, without the spaces round it
            starts.append((pos + lead, pos + len(line.rstrip(" \t"))))
            if end < 0:
                break
            pos = end + 1
        i = 0
        while i + 1 < len(starts):
            (a0, a1), (b0, b1) = starts[i], starts[i + 1]
            if _a_name_row(text[a0:a1], text[b0:b1]):
                out += [(a0, a1, "surname"), (b0, b1, "given")]
                i += 2
            else:
                i += 1
    return out


def _a_name_row(surname: str, given: str) -> bool:
    """A surname cell no job, organisation or thing word is, over a given name that is a listed one, a name a
    word or day can be ("Wednesday", "Hope"), or no English word ("Oluwaseyi")."""
    if not (_SURNAME_CELL.fullmatch(surname) and _GIVEN_CELL.fullmatch(given)):
        return False
    last = surname.split()[-1].casefold()
    if (last in ORGANISATION_WORDS or last in THING_WORDS or last.upper() in ABBREVIATIONS
            or any(last == job.casefold() for job in JOB_NOUNS)):
        return False
    parts = [p for p in re.split(r"[-'’]", surname.split()[-1]) if p]
    if not surname.strip().isupper() and all(is_word_or_its_form(p.casefold()) for p in parts):
        # "Dispatcher" / "Revenue": a cell of words, not a surname (in capitals, "BAKER" may be one; a barrel no
        # word is makes it one: "Sidebotham-Ross")
        return False
    first = given.split()[0]
    folded = first.casefold()
    return (first[1:].islower() or first[1:] == "") and (
        is_given_name(first) or folded in WORD_FIRST_NAMES or folded in WEEKDAYS or not is_more_than_a_noun(folded)
        ) and (folded in WORD_FIRST_NAMES or folded in WEEKDAYS
               or not (folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or folded in THING_WORDS))


class CellNameRecognizer(RuleRecognizer):
    SCORE = 0.8
    EXPLANATION = "name in a table cell beside a job title or contact number"

    def analyze(self, text, entities, nlp_artifacts=None):
        # (above the other rules: a name read across two of these cells must not hide them)
        out = [self.result(start, end, score=0.95, whole_cell=cell) for start, end, cell in _surname_column_rows(text)]
        for m in _NAME_LINE.finditer(text):
            if not plausible_name(name_words(m.group("name"))):
                continue
            before = text[text.rfind("\n", 0, max(0, m.start() - 1)) + 1:max(0, m.start() - 1)]
            after_end = text.find("\n", m.end() + 1)
            after = text[m.end() + 1:len(text) if after_end < 0 else after_end]
            # a word shared with the job cell is the unit's ("Custody Command" above "Custody officer")
            words = {w.casefold() for w in m.group("name").split()}
            if any((_JOB_CELL.match(cell) or _CONTACT_CELL.match(cell)) and not words & set(cell.casefold().split())
                   for cell in (before, after)):
                out.append(self.result(m.start("name"), m.end("name")))
            elif _given_name_first(m.group("name")) and any(_SHORT_CELL.match(cell) for cell in (before, after)):
                # "Jude Winter" / "Adult adoptee": a listed given name that is no ordinary word beyond a noun,
                # alone in its cell beside another short cell, is a name whatever the cell beside says
                out.append(self.result(m.start("name"), m.end("name")))
        for m in _SURNAME_FIRST_LINE.finditer(text):
            # the given name listed, no ordinary word beyond a noun and no word or place a name can also be
            # ("Parry, Sarah"; not "Ashford, Kent", "Bank, Grace")
            given = m.group("given")
            before, after = _cells_beside(text, m)
            if (is_given_name(given) and given[1:].islower() and given.casefold() not in WORD_FIRST_NAMES
                    and not is_more_than_a_noun(given)):
                if any(_SHORT_CELL.match(cell) for cell in (before, after)):
                    out.append(self.result(m.start("name"), m.end("name")))
            elif _row_of_a_person(m.group("name").split(",")[0], given, before, after):
                out.append(self.result(m.start("name"), m.end("name")))
        for m in _INITIAL_NAME_LINE.finditer(text):
            # a surname no word is beside any short cell; one that is a word ("Baker", not "A. Introduction")
            # only beside a job cell or a contact
            surname = m.group("surname").casefold()
            if surname in ORGANISATION_WORDS or surname in THING_WORDS:
                continue
            before, after = _cells_beside(text, m)
            beside = (_JOB_CELL, _CONTACT_CELL) if is_word_or_its_form(surname) else (_SHORT_CELL,)
            if any(rule.match(cell) for rule in beside for cell in (before, after)):
                # above NER's score: NER's reading of the same span is dropped as a lettered heading
                out.append(self.result(m.start("name"), m.end("name"), score=0.9))
        for m in [*_CAPS_SURNAME_FIRST_LINE.finditer(text), *_CAPS_SURNAME_FIRST_QUOTED.finditer(text)]:
            if _caps_surname_first(m.group("surname"), m.group("given")):
                out.append(self.result(m.start("name"), m.end("name"), score=0.9))
        for m in _overlapping(_WRAPPED_NAME, text):
            surname = m.group("first").split()[-1]  # after its particle ("LO BIANCO")
            words = [surname, m.group("second")]
            if not plausible_name(words) or (surname.isupper() and (surname in ABBREVIATIONS or len(surname) < 4
                                                                    or is_word_or_its_form(surname.casefold()))):
                continue  # "NOTE" / "Approved", "FOI" / "Team": a heading or an abbreviation, not a surname
            above = text[:m.start()].rstrip("\n").rsplit("\n", 1)[-1]
            below = text[m.end():].lstrip("\n").split("\n", 2)
            # the row's next cell, or the one after a short status cell ("Rutendo" / "Mavhunga" / "Approved" /
            # "(020) 7946 0622")
            contact_below = _HAS_CONTACT.search(below[0]) or (
                len(below) > 1 and _STATUS_CELL.match(below[0]) and _HAS_CONTACT.search(below[1]))
            if _JOB_CELL.match(above) or contact_below:
                # above NER's score: presidio keeps one of two equal spans, and NER's would be cut at the break
                if _SURNAME_COLUMNS.search(text, max(0, m.start() - _TABLE_REACH), m.start()):
                    out.append(self.result(m.start("first"), m.end("first"), score=0.9))
                    out.append(self.result(m.start("second"), m.end("second"), score=0.9))
                else:
                    out.append(self.result(m.start("name"), m.end("name"), score=0.9))
        return out


def _overlapping(rule: re.Pattern, text: str):
    """Every match, also one starting on the last line of the one before ("Officer" / "Jo" / "Bell")."""
    pos = 0
    while (m := rule.search(text, pos)):
        yield m
        pos = text.find("\n", m.start()) + 1
        if pos == 0:
            return
