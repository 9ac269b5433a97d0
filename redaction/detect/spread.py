"""From one person to every other mention of them in the paper: the full name in any case ("Mike WEST"),
rank or title + surname ("Mr West", "Ms O'Neill's team"), the bare surname where the text says it is the
person ("Okafor said"), and the first name alone where it is the subject of a verb ("Priya has asked").

A surname can also be a place ("Harrow and Brent") and a first name an ordinary word ("Will", "Grace"),
so bare forms need more than a capital letter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..spans import overlaps_any
from .english_words import is_only_a_verb_form, is_word_or_its_form
from .given_names import is_short_form_of, short_forms
from .recognizers.patterns import CAPS_WORD, END, NAME_WORD, PARTICLE, RANK, SEP, TITLE, UPPER
from .vocabulary import (COMMON_WORD_FIRST_NAMES, INSTITUTION_PREFIXES, MONTHS, NAME_PARTICLES, NOT_NAME_WORDS,
                         ORGANISATION_WORDS, PROFESSIONS, SENTENCE_OPENERS, THING_WORDS, TITLE_WORDS)

# A name alone, followed by one of these, is the person speaking or acting ("Okafor said").
_ACTS = ("is", "was", "has", "had", "will", "would", "can", "could", "should", "may", "must", "said", "says",
         "stated", "noted", "explained", "presented", "confirmed", "agreed", "asked", "reported", "recommended",
         "leads", "led", "chairs", "chaired", "attended", "wrote", "prepared", "approved", "signed", "and his",
         "and her", "who", "herself", "himself", "told", "advised", "added", "argued", "believes", "thinks",
         "wants", "met", "visited", "raised", "proposed", "requested", "suggested", "emailed", "called",
         "joined", "left", "manages", "managed", "runs", "ran", "oversees", "oversaw", "reviewed", "sent",
         "recorded", "covers", "covered", "gave", "spoke", "replied", "declined", "decided", "described",
         "accepted", "refused", "denied", "admitted", "received", "completed", "contacted", "phoned")
# The person acted on: "asked Jo to leave", "reports to Jo." (the first name of a person found in full).
_ACTED_ON_BEFORE = re.compile(r"(?<![\w-])(?:(?:asked|told|invited|thanked|allowed|instructed|urged|helped|"
                              r"required|reminded)|(?:reports|reported|spoke|wrote|replied|talked|referred)"
                              r"[ \t]+to)[ \t]*\n?[ \t]*$")
_ACTED_ON_AFTER = re.compile(r"^(?:[ \t]+to[ \t]+[a-z]|[ \t]*[.,;)])")
# A first name that is also a word ("Faith", "Miles") is the person only where it starts a clause and a
# verb a person does follows: "Faith will report", "Miles recorded"; never "3 miles", "Hope will be".
_AUXILIARIES = ("is", "was", "has", "had", "will", "would", "can", "could", "should", "may", "must")
_CLAUSE_START = re.compile(r"(?:[.;:!?][ \t]*\n?[ \t]*|\n[ \t]*)$")
_AUXILIARY_VERB = re.compile(r"^[ \t]+(?:" + "|".join(_AUXILIARIES) + r")[ \t]+(?!be\b|been\b|not\b)[a-z]{3,}")
_ACTS_STRICT = tuple(a for a in _ACTS if a not in _AUXILIARIES and a not in ('who', 'and his', 'and her'))
_ACTS_AFTER = re.compile(r"^(?:['’]s\b|\s+(?:" + "|".join(_ACTS) + r")\b)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s*$")
_WORD_AFTER = re.compile(r"\s*([^\W\d_][\w'’-]*)")
_POSSESSED = re.compile(r"['’]s?[ \t]+([A-Z][\w'’-]*)")
# Any rank, title or role abbreviation, listed or not ("SIO Raman", "CSM Okafor"): only the surname of a
# person already found elsewhere is taken after one, so an unknown abbreviation is enough.
# (not an institution's letters: "HMP Haverigg" is a prison)
_ABBREVIATION = (r"(?:[TA]/)?(?!(?:" + "|".join(sorted(INSTITUTION_PREFIXES, key=len, reverse=True))
                 + r")(?![\w/]))[A-Z]{2,5}(?![\w/])")
# A job written as a title before a surname ("Charge Nurse Bell", "Surveyor Bell"): the profession, capitalised.
_JOB_TITLE = "(?:" + "|".join(re.escape(p.capitalize()) for p in sorted(PROFESSIONS, key=len, reverse=True)) + ")"
_TITLED = re.compile(rf"(?<![\w/])(?:{RANK}|{TITLE}|{_ABBREVIATION}|{_JOB_TITLE}){SEP}(?:(?P<m>{NAME_WORD}|{PARTICLE}){SEP})?"
                     rf"(?P<s>(?:{PARTICLE}{SEP})?(?:{NAME_WORD}|{CAPS_WORD})){END}")


@dataclass(frozen=True)
class Titled:
    """A rank or title + surname in the text ("Mr West", "DCI Raman", "Ms Ní Bhriain")."""
    start: int
    end: int
    keys: tuple[str, ...]  # the surname's key, and with the word before it ("ní bhriain" as well as "bhriain")
    starts: tuple[int, ...]


def titled_surnames(text: str) -> list[Titled]:
    """Every rank or title + name in the text, found once per document (the rank alternation is large)."""
    out = []
    for m in _TITLED.finditer(text):
        keys, starts = [name_key(m.group("s"))], [m.start("s")]
        if m.group("m"):
            keys.append(name_key(m.group("m") + m.group("s")))
            starts.append(m.start("m"))
        out.append(Titled(m.start("s"), m.end("s"), tuple(keys), tuple(starts)))
        if m.group("m") and "\n" in text[m.end("m"):m.start("s")]:
            # "Matron Okafor-Leyland" / "Community Staff Nurse": the surname ends the line, the word on
            # the next line is the next cell's
            out.append(Titled(m.start("m"), m.end("m"), (name_key(m.group("m")),), (m.start("m"),)))
    return out


def name_key(name: str) -> str:
    """Names compare without case, accents, spaces, hyphens or apostrophes: "Ní Bhriain" ~ "nibhriain"."""
    plain = unicodedata.normalize("NFKD", name.casefold().translate(_UNDECOMPOSED))
    return "".join(c for c in plain if c.isalnum() and c.isascii())


# Letters that carry no accent to strip but are written without one in e-mail addresses ("Łukasiewicz").
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
                               "ħ": "h", "ŧ": "t", "ŀ": "l"})


def spread(text: str, person, taken: list[tuple[int, int]], lone: set[tuple[int, int]],
           shared_first_names: set[str], titled: list[Titled],
           lone_first_names: frozenset[str] = frozenset(),
           first_names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The spans of the person's other mentions that overlap nothing already ``taken`` (which grows).
    ``lone_first_names``: the first names of the people redacted and known in full, each held by one;
    ``first_names``: every first name of the paper's people."""
    found = [(m.start(), m.end()) for name in person.names for m in re.finditer(words_pattern(name.split()), text)
             if not names_a_thing(text, m.start(), m.end())]
    key = name_key(person.surname)
    found += [(_with_first_name(text, t, person) if t.keys.index(key) == 0 else t.starts[t.keys.index(key)], t.end)
              for t in titled if key in t.keys]
    surname = words_pattern(person.surname.split())
    if person.names and len(person.surname) > 2 and person.surname not in NOT_NAME_WORDS:
        distinct = _no_word(person.surname)
        unknown = not distinct and _unknown_surname(person)
        found += [(m.start(), m.end()) for m in re.finditer(surname, text)
                  if (distinct or (m.start(), m.end()) in lone or _ACTS_AFTER.match(text[m.end():m.end() + 20])
                      or (unknown and _not_a_place_here(text, m)))
                  and stands_alone(text, m)]
    found += _full_names_of_surname(text, person)
    found += _surname_first(text, person, surname)
    found += _initial_and_surname(text, person, surname)
    found += _barrels_initials(text, person)
    found += _initials_alone(text, person)
    found += _short_signatures(text, person)
    if (_first_name_spreads(person, shared_first_names) and not is_word_or_its_form(person.first)
            and person.first.casefold() not in TITLE_WORDS  # "Cllr Tippett-Vaughan" read whole
            and _written_as_a_name(text, person.first)):
        # a first name no word is, held by one person redacted in full: wherever it stands alone it is them
        # ("declines to reinstate Jago.", "\"Lorcan, with respect", "... the lateral. Tadej\""), except after
        # a word of place ("in Jordan", "at Chester")
        found += [(m.start(), m.end()) for m in re.finditer(words_pattern([person.first]), text)
                  if not _PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()]) and _alone_in_its_line(text, m)]
    elif _first_name_spreads(person, shared_first_names):
        found += [(m.start(), m.end()) for m in re.finditer(words_pattern([person.first]), text)
                  if ((_ACTS_AFTER.match(text[m.end():m.end() + 20]) or _acted_on(text, m)) and stands_alone(text, m))
                  or named_mid_sentence(text, m) or named_alone(text, m) or _done_by(text, m) or signs_off(text, m)
                  or _greets_the_addressee(text, m, person.first)]
    elif _first_name_spreads(person, shared_first_names, word_names=True):
        found += [(m.start(), m.end()) for m in re.finditer(words_pattern([person.first]), text)
                  if ((m.start() == 0 or _CLAUSE_START.search(text[max(0, m.start() - 4):m.start()]))
                      and _acts_strictly(text, m.end()) and stands_alone(text, m))
                  or (person.first not in MONTHS and (named_mid_sentence(text, m) or named_alone(text, m)
                                                      or (_acted_on(text, m) and stands_alone(text, m))
                                                      or _done_by(text, m)
                                                      or _greets_the_addressee(text, m, person.first)))]
    if _first_name_spreads(person, shared_first_names) or _first_name_spreads(person, shared_first_names, True):
        found += _short_forms_alone(text, person.first, first_names)
    if person.names and person.first and len(person.first) > 2 and person.first not in shared_first_names:
        # the first name signing off a message: "Regards, Beatrix." / "Many thanks,\nJo"
        found += [(m.start(), m.end()) for m in re.finditer(words_pattern([person.first]), text)
                  if _VALEDICTION_BEFORE.search(text[max(0, m.start() - 30):m.start()])
                  and re.match(r"[ \t]*(?:[.,!\"”’]|\n|$)", text[m.end():m.end() + 2])]
    if person.first in lone_first_names:
        found += _paired_first_names(text, person.first, lone_first_names - {person.first})
    out = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):  # the longest at a place first
        if not overlaps_any(start, end, taken):
            out.append((start, end))
            taken.append((start, end))
    return out


def _initials_alone(text: str, person) -> list[tuple[int, int]]:
    """A redacted person's initials standing alone, as a message is signed or a party is called ("K. A." and
    "K.A.T." for Kit August Thornbury, "Ll.T." for Llinos Treharne, "W. S-A" for Wilfred Sandoval-Achebe, "R.Ó D."
    for Róisín Ó Dálaigh): two letters at least, with full stops or a hyphen between barrels, no capitalised word
    after them (that would be a name of its own, "K. A. Smith")."""
    if not (person.names and person.decision is not None and person.decision.action == "redact"):
        return []
    out = []
    for name in person.names:
        words = [w for w in name.split() if w[:1].isupper()]
        if len(words) < 2 or any(w.endswith(".") for w in words):
            continue
        # a particle is written whole ("R.Ó D."), a hyphenated surname as its barrels' letters ("S-A")
        tokens = [(re.escape(w), True) if re.fullmatch(PARTICLE, w) else
                  (r"\.?-".join(re.escape(_first_letter(part)) for part in w.split("-") if part), "-" in w) for w in words]
        for pattern in (tokens, [tokens[0], tokens[-1]] if len(tokens) > 2 else None):
            if not pattern:
                continue
            # each initial with a full stop, or a hyphenated barrel's letters after a space ("W. S-A")
            body = r"[ \t]?".join(t + (r"\.?" if loose else r"\.") for t, loose in pattern)
            for m in re.finditer(rf"(?<![\w.’'-]){body}(?![\w-])(?![ \t]+[A-Z][a-z])", text):
                if not _LABELLED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    out.append((m.start(), m.end()))
    return out


def _short_signatures(text: str, person) -> list[tuple[int, int]]:
    """A redacted person known in full, signing a message with their given name or its initial and their
    surname shortened as people write it: a barrel's letters ("Perry A-O", "J N-O", "L. H-N." for Jasper
    Nightingale-Obi or Lucian Hargreaves-Nakamura), the letters around an apostrophe ("F. O'H." for Fintan
    O'Halloran), the particles' small letters ("Shona vdW" for Shona van der Westhuizen, "HtB" for Henrike ten
    Brink), or the given name in full and the surname's initial ("June H."). Only where a message ends: the end of
    a line or of a quotation after it, nothing but a full stop or comma between."""
    if not (person.names and person.decision is not None and person.decision.action == "redact"):
        return []
    out = []
    for name in person.names:
        if "," in name:  # written surname first ("Thorogood, Wednesday"): read in the order of a name
            surname_part, _, given_part = name.partition(",")
            name = f"{given_part.strip()} {surname_part.strip()}"
        words = name.split()
        if len(words) < 2 or not words[0][:1].isupper() or words[0].endswith(".") or re.fullmatch(PARTICLE, words[0]):
            continue
        given, surname = words[0], words[1:]
        letters = _surname_letters(surname)
        if letters is None:
            continue
        first = re.escape(_first_letter(given))
        # the given name, or a short form of it a list holds ("Maggie T-S" for Marguerite Tregarthen-Sayle)
        givens = "|".join(_escaped_word(g) for g in [given, *sorted(short_forms(given.casefold()))])
        forms = [rf"{_escaped_word(given)}{SEP}{re.escape(surname[-1][0])}\.",  # "June H."
                 rf"(?:{givens}|{first}\.?){SEP}{letters}\.?" if letters else None]
        if letters and letters[:1].islower():
            forms.append(rf"{first}{letters}")  # "HtB": the initial and the particle's letter run together
        for form in filter(None, forms):
            for m in re.finditer(rf"(?<![\w.’'-]){form}(?=[.,]?[ \t]*(?:[\"”’)]|\n|$))", text):
                out.append((m.start(), m.end()))
        # the initials run together, no stops ("AW" for Athelstan Wolstenholme, "RPL" for Rosamund Pettifer-Lowe),
        # only as the last sentence of a line after another: letters alone elsewhere are an abbreviation's
        run = _first_letter(given)[0] + "".join(part[0] for part in surname[-1].split("-") if part)
        if run.isupper():
            for m in re.finditer(rf"(?<![\w.’'-]){re.escape(run)}(?=[ \t]*[\"”’)]?[ \t]*(?:\n|$))", text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                if re.search(r"\w[^\n]*[.!?][ \t]+$", text[line_start:m.start()]):
                    out.append((m.start(), m.end()))
    return out


def _surname_letters(surname: list[str]) -> str | None:
    """The pattern of a surname's short form ("A-O", "O'H", "vdW", "tB"), "" when it has none beyond its initial,
    None for a surname that is no name's (a particle alone)."""
    main = [w for w in surname if not re.fullmatch(PARTICLE, w)]
    if not main:
        return None
    last = main[-1]
    particles = [w for w in surname if re.fullmatch(PARTICLE, w) and w[:1].islower()]
    if "-" in last and all(part[:1].isupper() for part in last.split("-")):
        return r"\.?-".join(re.escape(part[0]) for part in last.split("-"))
    if re.match(r"[A-Z]['’][A-Z]", last):
        return rf"{re.escape(last[0])}['’]{re.escape(last[2])}"
    if particles:
        return "".join(re.escape(p[0]) for p in particles) + re.escape(last[0])
    return ""


def _escaped_word(word: str) -> str:
    return rf"(?=[{UPPER}])(?i:{re.escape(word)})"


# a word that makes the letters after it a label ("Appendix J.B.", "Table K.A.")
_LABELLED_BEFORE = re.compile(r"(?<![\w-])(?i:appendix|annex|annexe|section|part|schedule|table|figure|item|"
                              r"option|paragraph|para|plan|grade|class|type|form|ref)\.?[ \t]*$")


def _first_letter(word: str) -> str:
    """A word's initial as written: the Welsh digraphs keep both letters ("Llinos" -> "Ll")."""
    return word[:2] if word[:2] in ("Ll", "Ff") and word[2:3].islower() else word[:1]


def _barrels_initials(text: str, person) -> list[tuple[int, int]]:
    """A double-barrelled surname written as its barrels' initials after a title ("Dr K-R's scripts" for Dr
    Evadne Kiplagat-Ruddock): a redacted person known in full."""
    barrels = person.surname.split("-")
    if not (person.names and person.decision is not None and person.decision.action == "redact"
            and len(barrels) == 2 and all(len(b) > 1 and b[0].isalpha() for b in barrels)):
        return []
    letters = rf"{re.escape(barrels[0][0].upper())}-{re.escape(barrels[1][0].upper())}"
    return [(m.start("i"), m.end("i")) for m in re.finditer(rf"(?<![\w/])(?:{TITLE})\.?[ \t]+(?P<i>{letters})(?![\w-])", text)]


def _initial_and_surname(text: str, person, surname: str) -> list[tuple[int, int]]:
    """The person's initial before their surname ("A. Le" / "Cornu-Baptista" for Aurélie Le Cornu-Baptista,
    a table's name cell): the person, whatever the next line (the next cell: "Committee clerk") starts with;
    a capitalised word after it on its own line still makes it a thing's name ("A. Cooper Trust")."""
    if not (person.names and person.first and person.first[0].isalpha() and len(person.surname) > 2
            and person.surname not in NOT_NAME_WORDS and _no_word(person.surname)):
        return []
    initial = re.escape(person.first[0].upper())
    out = []
    for m in re.finditer(rf"(?<![\w'’.-]){initial}\.{SEP}{surname}", text):
        line_end = text.find("\n", m.end())
        if _alone_between("", text[m.end():line_end if line_end >= 0 else len(text)]):
            out.append((m.start(), m.end()))
    return out


_COMMA_THEN_GIVEN = re.compile(r",[ \t]*\n?[ \t]*(?P<g>[A-Z]\.(?:[ \t]?[A-Z]\.)*|[^\W\d_][\w'’-]*[^\W\d_])(?![\w'’-])")


def _surname_first(text: str, person, surname: str) -> list[tuple[int, int]]:
    """The person written surname first, with their given name or its initial after a comma ("Pettigrew, M."
    / "PETTIGREW, Maud" for Maud Pettigrew), wherever it stands: a cell's word before it is no part of it."""
    if not (person.names and person.first and len(person.surname) > 2):
        return []
    out = []
    for m in re.finditer(surname, text):
        hit = _COMMA_THEN_GIVEN.match(text, m.end())
        if hit is None:
            continue
        given = hit.group("g")
        if (given.endswith(".") and given[0].casefold() == person.first[0]) or given.casefold() == person.first:
            out.append((m.start(), hit.end()))
    return out


def _short_forms_alone(text: str, first: str, first_names: frozenset[str]) -> list[tuple[int, int]]:
    """A short form of the person's given name, alone, where nobody else in the paper is called by it: "Leonard
    Gotobed, ... Lenny's duties are covered". One no word is stands anywhere alone on its line; one that is a
    word ("Bill", "Sandy") only where it names someone mid-sentence or acts."""
    out = []
    for short in (short_forms(first) | _written_short_forms(text, first)) - first_names:
        if len(short) < 3 or short in NOT_NAME_WORDS or short in TITLE_WORDS:
            continue
        word = is_word_or_its_form(short)
        for m in re.finditer(words_pattern([short]), text):
            if not text[m.start() + 1:m.end()].islower():
                continue  # "LEN" in capitals is an abbreviation
            if word:
                if (named_mid_sentence(text, m) or signs_off(text, m) or _greets_the_addressee(text, m, first)
                        or ((_ACTS_AFTER.match(text[m.end():m.end() + 20]) or _acts_strictly(text, m.end()))
                            and stands_alone(text, m))):
                    out.append((m.start(), m.end()))
            elif not _PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()]) and (
                    _alone_in_its_line(text, m) or _greets_the_addressee(text, m, first)):
                out.append((m.start(), m.end()))
    return out


def _greets_the_addressee(text: str, m: re.Match, first: str) -> bool:
    """"To: Fashola-Brent, Olamide" ... "Ola - 35mm today": a message's first word, a comma or a dash after it,
    is a short form of the given name of the person the message went to."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    return bool(not text[line_start:m.start()].strip(" \t\"“‘'") and _ADDRESSEE_AFTER.match(text[m.end():m.end() + 3])
                and re.search(rf"(?im)(?:^|[ \t])(?:To|Dear|Hi|Hello)\b[^\n]*(?<![\w-]){re.escape(first)}(?![\w-])",
                              text[max(0, m.start() - 400):m.start()]))


def _written_short_forms(text: str, first: str) -> frozenset[str]:
    """Short forms of the given name no list holds, as the paper writes them ("Clementine ... Clemmie",
    "Oluwaseun ... Seun", "Rosalind ... Ros"), folded; one that is also a word ("Ros", "Tam") is taken only
    where a word would not stand (``_short_forms_alone``)."""
    return frozenset(word.casefold() for word in set(_CAPITALISED.findall(text)) if is_short_form_of(word, first))


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?![\w-])")


# Words before a capitalised word that make it a thing's or a place's, not a person's ("the Ruby", "in Hope").
_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?i:the|a|an|this|these|those|its|our|their|your|my|every|each|any|"
                                r"no|some|of|in|at|on|near|via|into|outside|across|towards?|since|until|during|"
                                r"last|next)[ \t]*$")
# words that are capitalised as a month or a season is, never as a name there
_TIME_WORDS = MONTHS | frozenset({"spring", "summer", "autumn", "winter"})
_PLACE_OR_THING_WORDS = THING_WORDS | ORGANISATION_WORDS  # (THING_WORDS holds PLACE_ENDINGS)


def _line_of(text: str, m: re.Match) -> tuple[int, int]:
    """Where the match's line starts and ends."""
    line_end = text.find("\n", m.end())
    return text.rfind("\n", 0, m.start()) + 1, len(text) if line_end < 0 else line_end


def named_mid_sentence(text: str, m: re.Match) -> bool:
    """A first name that is also a word, written with its capital in the middle of a sentence, alone on its
    line ("explained that Primrose has", "cc: ... Tkachuk; Gwydion (Yarmouth lifeboat)"): only a name is
    capitalised there. Not at a sentence's or clause's start, after an article or a preposition ("the Ruby", "in Hope"),
    before a number ("Summer 2032"), in a title-case line (a heading) or as a month or season."""
    word = text[m.start():m.end()]
    if not (word[:1].isupper() and word[1:].islower()) or word.casefold() in _TIME_WORDS:
        return False
    line_start, line_end = _line_of(text, m)
    before = text[line_start:m.start()].rstrip()
    if not before or before[-1] in ".!?:\"“'‘" or _DETERMINER_BEFORE.search(before):
        return False
    if before[-1] == ";" and not re.search(r"[A-Z][\w'’-]*[)]?;$", before):
        return False  # "The will was read; Will has": a clause starts; "Tkachuk; Gwydion": a list of names
    if re.match(r"[ \t]*\d", text[m.end():m.end() + 3]):
        return False
    line = text[line_start:line_end]
    in_brackets = before[-1] == "(" and text[m.end():m.end() + 1] == ")"  # "Advice Centre (Saffron)"
    if _in_title_case(line) and not in_brackets:
        return False
    return _alone_in_its_line(text, m)


_ADDRESSEE_AFTER = re.compile(r",|[ \t]+[-–—][ \t]")
_ADDRESSED = re.compile(r",[ \t]+(?:[a-z]+[ \t]+){0,3}you\b")
_GREETING_BEFORE = re.compile(r"(?<![\w-])(?:Dear|Hello|Hi|Morning|Afternoon|Thanks|Thank you)[ \t]*,?[ \t]*$")


def named_alone(text: str, m: re.Match) -> bool:
    """A first name that is also a word where only a name stands: alone on its line (a message signed
    "Bryony"), greeted ("Thanks Bryony.") or addressed ("Tuppence, can you do the checks?")."""
    word = text[m.start():m.end()]
    if not (word[:1].isupper() and word[1:].islower()) or word.casefold() in _TIME_WORDS:
        return False
    line_start, line_end = _line_of(text, m)
    line = text[line_start:line_end]
    if line.strip(" \t.,") == word:
        return True
    if (not text[line_start:m.start()].strip() and _ADDRESSEE_AFTER.match(text[m.end():m.end() + 3])
            and re.search(rf"(?m)^[ \t]*(?:To|Dear|Hi|Hello)\b[^\n]*(?<![\w-]){re.escape(word)}(?![\w-])",
                          text[max(0, m.start() - 400):m.start()])):
        return True  # "To: Szczepaniak, Wit" ... "Wit, the Orangery was booked twice" / "Wei - two of": the addressee
    if _GREETING_BEFORE.search(text[line_start:m.start()]) and re.match(r"[ \t]*(?:[.,!]|$|\n)", text[m.end():m.end() + 2]):
        return True
    return bool(_ADDRESSED.match(text[m.end():m.end() + 40]))


_FUNCTION_WORDS = frozenset({"with", "from", "into", "onto", "under", "over", "upon", "about", "after", "before",
                             "between", "within", "without", "through", "their", "this", "that", "these", "those"})


def signs_off(text: str, m: re.Match) -> bool:
    """A first name that is also a word, capitalised, standing as the last sentence of its line after
    another sentence: a message signed off ("... or 07700 900508. Tam")."""
    word = text[m.start():m.end()]
    line_start, line_end = _line_of(text, m)
    return (word[:1].isupper() and word[1:].islower() and word.casefold() not in _TIME_WORDS
            and re.search(r"\w[^\n]*[.!?][ \t]+$", text[line_start:m.start()]) is not None
            and re.fullmatch(r"[ \t]*[.!]?[ \t]*[\"”’']?[ \t]*", text[m.end():line_end]) is not None)  # (a quote closed)


def _in_title_case(line: str) -> bool:
    """A heading in title case ("Support for Hope and Recovery"): two or more capitalised words and no word
    of four letters or more in small letters but a function word."""
    words = re.findall(r"[^\W\d_]{4,}", line)
    lower = [w for w in words if w.islower() and w not in _FUNCTION_WORDS]
    return not lower and sum(w[0].isupper() for w in words) > 1


def _unknown_surname(person) -> bool:
    """A surname no English word (the word index holds many places: "leeds", "preston") nor a word of the
    lists of places and things is: alone, it is the person ("inspectors Castrogiovanni and ...")."""
    surname = person.surname
    return (len(surname) > 3 and surname.isalpha() and not is_word_or_its_form(surname)
            and surname not in _PLACE_OR_THING_WORDS)


_THING_WORD_AFTER = re.compile(r"^[ \t]+([a-z]+)")
# "Oldroyd & Sons", "J. Gillibrand and Daughters": a firm named after a family
_FIRM_AFTER = re.compile(r"^\s*(?:(?:&|\+)\s*[A-Z]|and\s+(?:Co\b|Sons?\b|Daughters?\b|Partners\b|Associates\b))")


def _not_a_place_here(text: str, m: re.Match) -> bool:
    """Not after a word of place ("at Fenwick"), nor before a lower-case word of a place or thing ("Fenwick
    pumping station", "Okafor depot")."""
    if _PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return False
    after = _THING_WORD_AFTER.match(text[m.end():m.end() + 20])
    word = after.group(1) if after else ""
    if word in _PLACE_OR_THING_WORDS or (len(word) > 3 and word.endswith("ing")):
        return False
    return True


def _with_first_name(text: str, t: Titled, person) -> int:
    """Where a titled surname starts: "ANP Heath Villanueva" takes the word between the title and the surname
    as the person's first name (a word like "Heath" too) when the person has no other first name, or this
    one; "Mr Villanueva" starts at the surname."""
    if len(t.starts) < 2:
        return t.starts[0]
    first = text[t.starts[1]:t.starts[0]].split()[0]
    folded = first.casefold()
    if not first[:1].isupper() or folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or folded in _PARTICLES:
        return t.starts[0]
    if person.first and name_key(person.first) != name_key(first) and not (
            len(person.first) == 1 and name_key(first).startswith(person.first)):
        return t.starts[0]
    return t.starts[1]


def _no_word(surname: str) -> bool:
    """A surname no English word or place is: double-barrelled, with a particle, or with letters beyond
    ASCII ("ventura-blackwood", "van der berg", "wiśniewski"). Where it stands alone, it is the person."""
    return "-" in surname or " " in surname or not surname.isascii()


_AND_NAME_AFTER = re.compile(r"^[ \t]*\n?[ \t]*(?:and|&)[ \t]*\n?[ \t]*(?P<w>[^\W\d_][\w'’-]*)")
_NAME_AND_BEFORE = re.compile(r"(?P<w>[^\W\d_][\w'’-]*)[ \t]*\n?[ \t]*(?:and|&)[ \t]*\n?[ \t]*$")


def _paired_first_names(text: str, first: str, partners: frozenset[str]) -> list[tuple[int, int]]:
    """First names alone joined by "and" ("Tegan and Kai", siblings named in full before): where the other
    is also the first name of someone redacted and named in full, both are those people, a word used as a
    first name ("Liberty and Kai") too."""
    out = []
    keys = {name_key(p) for p in partners}
    for m in re.finditer(words_pattern([first]), text):
        after = _AND_NAME_AFTER.match(text[m.end():m.end() + 40])
        before = _NAME_AND_BEFORE.search(text[max(0, m.start() - 40):m.start()])
        paired = (after and name_key(after.group("w")) in keys and after.group("w")[0].isupper()) or (
            before and name_key(before.group("w")) in keys and before.group("w")[0].isupper())
        # no capitalised word right after it on its line ("Tegan and Kai Hollowell" is the full name; a
        # heading "Tegan and Kai" ends its line)
        if paired and not re.match(r"[ \t]+[A-Z]|['’]s?[ \t]+[A-Z]", text[m.end():m.end() + 4]):
            out.append((m.start(), m.end()))
    return out


def _full_names_of_surname(text: str, person) -> list[tuple[int, int]]:
    """A person known by surname only ("CTL Brannagh", "Ms Okafor") or with an initial ("J. Okafor") is
    also named in full where a first name stands before that surname ("(full name Jo Okafor)")."""
    if person.decision is None or person.decision.action != "redact" or (person.first and len(person.first) > 1):
        return []
    if len(person.surname) < 4 or person.surname in NOT_NAME_WORDS:
        return []
    surname = words_pattern(person.surname.split())
    out = []
    for m in re.finditer(rf"(?<![\w'’-])(?P<first>{NAME_WORD}){SEP}(?={surname})", text):
        first = m.group("first")
        folded = first.casefold()
        if person.first and folded[0] != person.first[0]:
            continue
        if folded in NOT_NAME_WORDS or folded in ORGANISATION_WORDS or folded in THING_WORDS or folded in _PARTICLES:
            continue
        whole = re.match(surname, text[m.end():])
        if whole and not names_a_thing(text, m.start(), m.end() + whole.end()):
            out.append((m.start(), m.end() + whole.end()))
    return out


_PLACE_BEFORE = re.compile(r"(?<![\w-])(?i:in|at|near|via|outside|across|towards?)[ \t]*\n?[ \t]*$")
_VALEDICTION_BEFORE = re.compile(r"(?<![\w-])(?i:regards|thanks|wishes|sincerely|faithfully|cheers|diolch|cofion|gorau|"
                                 r"gywir|meas)[ \t]*,?[ \t]*\n?[ \t]*$")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])[Tt]he[ \t]*\n?[ \t]*$")
_THING_AFTER = re.compile(r"^(?:[ \t]+[A-Z][\w'’-]*){1,3}")


def names_a_thing(text: str, start: int, end: int) -> bool:
    """The words at ``start:end`` are part of a place or thing's name, not a mention of the person:
    "the Cooper Lane depot", "The Ian George Imaging Suite" (an article before), "Ian George Imaging
    Suite" (capitalised words after that end in an organisation word)."""
    if _ARTICLE_BEFORE.search(text[max(0, start - 6):start]):
        return True
    after = _THING_AFTER.match(text[end:end + 60])
    if after:
        last = after.group(0).split()[-1].casefold()
        return last in ORGANISATION_WORDS or last in THING_WORDS
    return False


def _first_name_spreads(person, shared_first_names: set[str], word_names: bool = False) -> bool:
    """Only the first name of someone redacted, known with their full name, that no one else in the paper
    shares and that is not also an ordinary word (``word_names``: only one that is)."""
    first = person.first
    return bool(person.names and first and len(first) > 2 and not first.endswith(".")
                and person.decision is not None and person.decision.action == "redact"
                and first not in shared_first_names and (first in COMMON_WORD_FIRST_NAMES) == word_names
                and (first not in NOT_NAME_WORDS or word_names))  # "June has asked": a month, at a clause start


def _written_as_a_name(text: str, first: str) -> bool:
    """The first name is written somewhere as a name is, a capital then small letters ("Jago"), not only in
    a heading or code in capitals ("OOCD SCRUTINY")."""
    return re.search(rf"(?<![\w-]){re.escape(first[:1].upper() + first[1:])}(?![\w-])", text) is not None


def _done_by(text: str, m: re.Match) -> bool:
    """The name ends a sentence after "by" ("Minutes by Merle.", "checked by Summer,"): who did it."""
    word = text[m.start():m.end()]
    return (word[:1].isupper() and word[1:].islower() and word.casefold() not in _TIME_WORDS
            and re.search(r"(?<![\w-])by[ \t]+$", text[max(0, m.start() - 6):m.start()]) is not None
            and re.match(r"[ \t]*(?:[.,;)]|\n|$)", text[m.end():m.end() + 2]) is not None)


def _acted_on(text: str, m: re.Match) -> bool:
    return bool(_ACTED_ON_BEFORE.search(text[max(0, m.start() - 20):m.start()])
                and _ACTED_ON_AFTER.match(text[m.end():m.end() + 8]))


def _acts_strictly(text: str, end: int) -> bool:
    after = text[end:end + 30]
    if re.match(r"^[ \t]+(?:" + "|".join(_ACTS_STRICT) + r")\b", after) or _AUXILIARY_VERB.match(after):
        return True
    verb = re.match(r"^[ \t]+([a-z]{3,})\b", after)
    return bool(verb and is_only_a_verb_form(verb.group(1)))  # "Tansy copied the e-mail", "Harmony explains"


def stands_alone(text: str, m: re.Match) -> bool:
    """A bare name counts as the person when it is not part of a longer proper name: no capitalised word
    right before it ("Daniel Marsh", "City Hall") or after it ("West Midlands", "Marsh Foundation")."""
    return _alone_between(text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 30])


def _alone_in_its_line(text: str, m: re.Match) -> bool:
    """As ``stands_alone``, the words around read on the name's own line only: a first name signing off a
    message ("... ext. 4418? Morven" / "Released e-mail 2") ends its line, whatever the next line starts with."""
    line_start, line_end = _line_of(text, m)
    return _alone_between(text[max(line_start, m.start() - 30):m.start()], text[m.end():min(line_end, m.end() + 30)])


# verbs that start a sentence before the person they are done to ("Ring Kwabena on ...", "Ask Jo")
_IMPERATIVES = frozenset({"ring", "phone", "call", "email", "e-mail", "text", "contact", "ask", "tell", "thank"})


def _alone_between(before_text: str, after_text: str) -> bool:
    before = _WORD_BEFORE.search(before_text)
    if before and before.group(1).casefold() in _IMPERATIVES:
        before = None
    after = _WORD_AFTER.match(after_text)
    possessed = _POSSESSED.match(after_text)
    if possessed and possessed.group(1).casefold() in _PLACE_OR_THING_WORDS:
        return False  # "Cook's Yard", "Bell's Hospital": a place named after someone
    if _FIRM_AFTER.match(after_text):
        return False  # "Oldroyd & Sons", "Pignatelli and Sons"
    if before and before.group(1)[0].isupper() and not _opens_a_question_or_thanks(before_text, before):
        return False
    return not (after and (after.group(1)[0].isupper() or after.group(1).casefold() in ORGANISATION_WORDS))


_SENTENCE_START = re.compile(r"(?:^|[.?!:;>\"“”(][ \t]*)$")


def _opens_a_question_or_thanks(before_text: str, before: re.Match) -> bool:
    """The capitalised word before the name opens a question or a thanks ("Can Priscilla confirm", "Thanks
    Osian"): it starts its sentence or line, which is why it has its capital."""
    return (before.group(1).casefold() in SENTENCE_OPENERS
            and _SENTENCE_START.search(before_text[:before.start(1)].rstrip(" \t")) is not None)


def words_pattern(words: list[str]) -> str:
    """The words in any case that starts with a capital ("McNulty", "MCNULTY"; a particle as written: "de
    Souza"), one line break allowed between them; a possessive may follow ("O'Neill's")."""
    out = ""
    words = [part for w in words for part in _initials(w)]
    for i, w in enumerate(words):
        if i:  # after an initial the next may follow with no space ("J.P. Okafor" is "J. P. Okafor")
            out += rf"(?:{SEP}|(?<=\.))" if _INITIAL.match(words[i - 1]) else SEP
        if _INITIAL.match(w):
            out += rf"{re.escape(w[0])}\.?"
        else:
            # a particle, or a word led by a joined one ("ud-Din", "el-Masri"), is matched as written
            lower = w.casefold() in _PARTICLES or w[:1].islower()
            out += rf"(?i:{_escaped(w)})" if lower else rf"(?=[{UPPER}])(?i:{_escaped(w)})"
    return r"(?<![\w'’-])" + out + END


_INITIAL = re.compile(r"^[A-Z]\.?$")


def _initials(word: str) -> list[str]:
    """"J.P." is the initials "J." and "P."; any other word is itself."""
    return re.findall(r"[A-Z]\.", word) if re.fullmatch(r"(?:[A-Z]\.){2,3}", word) else [word]


def _escaped(word: str) -> str:
    """The word as a pattern; a hyphen inside it may end a line ("Achebe-" / "Ward")."""
    return r"-(?:[ \t]*\n[ \t]*)?".join(map(re.escape, word.split("-")))


_PARTICLES = frozenset(p.casefold() for p in NAME_PARTICLES)
