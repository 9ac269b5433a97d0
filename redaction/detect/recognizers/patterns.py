"""Regular-expression pieces the name recognizers share: name words, ranks, titles, line-break tolerant
separators. A name in a PDF may be broken over two lines, so words are separated by spaces or one break.

Letters are Unicode-aware: "Siobhán", "Wiśniewski", "Ó Súilleabháin" are names in UK papers. A font that
cannot draw a letter leaves a box or replacement glyph in the text ("Wi■niewski" from a standard Type 1
font); inside a word it counts as a lower-case letter, so the whole name is found and removed.
"""

from __future__ import annotations

import re
import unicodedata

from ..vocabulary import (ABBREVIATIONS, COMMANDER_QUALIFIERS, FIELD_LABELS, NAME_PARTICLES, NOT_NAME_WORDS,
                          ORGANISATION_WORDS, OTHER_RANKS, PLACE_FIRST_WORDS, POLICE_RANKS, RANK_PREFIXES,
                          THING_WORDS, TITLES, WORD_FIRST_NAMES)


def longest_first(word: str) -> tuple[int, str]:
    """Sort key for an alternation: longer words first ("Deputy Assistant Commissioner" before "Assistant
    Commissioner"), then in a fixed order, so a pattern built from a set is the same text in every process
    (a set's order changes with the process's string hashing) and its compiled form can be kept
    (:mod:`..regex_cache`)."""
    return -len(word), word


def _latin(predicate) -> str:
    """The Latin-1, Latin Extended-A/B and Latin Extended Additional letters (Vietnamese "ồ", "ễ"; Welsh "ŵ",
    "ẁ") for which ``predicate`` holds, for a character class."""
    return "".join(re.escape(c) for c in (*map(chr, range(0xC0, 0x250)), *map(chr, range(0x1E00, 0x1F00)))
                   if unicodedata.category(c).startswith("L") and predicate(c))


# Glyphs a PDF text layer gives for a letter its font could not draw (pdfium: U+25A0, U+FFFD).
MISSING_GLYPHS = "\u25a0\u25a1\ufffd"
UPPER = "A-Z" + _latin(str.isupper)
LOWER = "a-z" + _latin(str.islower) + MISSING_GLYPHS
_U, _L = f"[{UPPER}]", f"[{LOWER}]"

# One line break at most between words: a blank line ends the name.
SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# A name ends where no letter, digit or hyphen follows; a possessive "'s" may ("Ms O'Neill's team").
END = rf"(?![\w{MISSING_GLYPHS}-]|['’](?![sS]\b))"
# "Mike", "McNulty", "Comer-Schwartz", "O'Brien", "D’Souza", "Wiśniewski", "MacDonald"
# "el-Masri", "al-Hashimi", "d'Souza": a lower-case Arabic or French particle joined to the surname.
JOINED_PARTICLE = r"(?:(?:al|el|ul|ud|ad|ar|as|ash|at|az|abu|bin|ibn|d)[-'’])"
_JOINED_PARTICLE = JOINED_PARTICLE
# A line-end hyphen of a double-barrelled name the joined view kept ("Achebe-" / "Ward"): a hyphen may
# be followed by one line break before the capital.
_HYPHEN = r"(?:-(?:[ \t]*\n[ \t]*)?|['’])"
# "Ji-ho", "Seo-yeon", "Xiao-mei": a short given name whose second part is written in lower case.
_LOWER_JOINED = rf"{_U}{_L}{{1,3}}-{_L}{{2,5}}(?![\w{MISSING_GLYPHS}-])"
# An Irish surname after a particle may take an eclipsing or prefixed letter: "Mac an tSaoir", "Ó hAodha".
_IRISH_PREFIX = rf"(?:[tnh]-?(?={_U}{_L}))"  # also "Mac an t-Saoir", as Scottish Gaelic writes it
# Scottish Gaelic surnames written joined, with two inner capitals: "MacGillEathain", "NicIllFhinnein",
# and lenited after "Nic" ("NicGhillEathain", "MacGhilleMhoire")
_GAELIC_JOINED = rf"(?<=[MN])(?:ac|ic)(?:Gh?ill|Ill)e?{_U}{_L}+"
GAELIC_JOINED_SURNAME = rf"[MN]{_GAELIC_JOINED}"  # the whole word, for recognizers with their own word shapes
# The part after a hyphen is written as a first part may be: "Hanvey-McGurk", "Ward-O'Neill"
_AFTER_HYPHEN = rf"(?:{_U}['’]{_U}{_L}+|{_U}(?:{_L}{{0,2}}{_U})?{_L}+)"
NAME_WORD = (rf"(?:{_LOWER_JOINED}|(?:{_U}['’]{_U}{_L}+|(?:{_JOINED_PARTICLE}|{_IRISH_PREFIX})?{_U}(?:{_L}+|{_L}{{0,2}}{_U}{_L}+|{_GAELIC_JOINED}))(?:{_HYPHEN}{_AFTER_HYPHEN})*"
             rf"(?:-{_L}+-{_U}{_L}+)?)")
# "WEST", "O'BRIEN", "COMER-SCHWARTZ", "WIŚNIEWSKI"
# ... and "McDONALD", "MacLEOD" as some papers print a surname in capitals
CAPS_WORD = rf"(?:(?:{_U}['’]?{_U}{{2,}}|Ma?c{_U}{{2,}})(?:-{_U}{{2,}})*)"
# "J", "J." and initials written together, "J.P." or "R.M.K."
INITIAL = rf"(?:(?:{_U}\.){{2,3}}|{_U}\.-{_U}\.|{_U}\.?)"  # ... and French compound initials, "J.-P.", "M.-L."
# "Ní", "Ó", "de", "van der": the small words inside a surname.
# A name in capitals writes them in capitals too ("SIOBHAN NÍ BHRIAIN", "FRANCESCA DE LA CRUZ"), except the
# ones that are also words in a heading ("AN", "DO", "TEN").
CAPS_PARTICLES = frozenset(p.upper() for p in NAME_PARTICLES) - {"AN", "DO", "TEN", "DES", "AF", "AV", "ZU"}
# ... and before a surname written first in capitals, the Māori "Te" too ("TE RANGIHAU, Ngaio"), and the Irish
# "Giolla" after "Mac" or "Nic" ("MAC GIOLLA PHÁDRAIG, Conleth"; written in full it may end the name: "Tadhg Mac Giolla")
SURNAME_CAPS_PARTICLES = CAPS_PARTICLES | {"TE", "GIOLLA", "GHIOLLA"}
SURNAME_CAPS_PARTICLE = "(?:" + "|".join(sorted(map(re.escape, SURNAME_CAPS_PARTICLES), key=lambda p: (-len(p), p))) + ")"
# "O hEadhra", "O nDálaigh": an "Ó" whose accent OCR (or a typist) dropped, only before a prefixed surname
_BARE_O = rf"O(?=[ \t]+[hnt]{_U}{_L})"
PARTICLE = "(?:" + "|".join(sorted(map(re.escape, NAME_PARTICLES | CAPS_PARTICLES), key=longest_first)) + f"|{_BARE_O})"
_CAPS_PARTICLE = "(?:" + "|".join(sorted(map(re.escape, CAPS_PARTICLES), key=longest_first)) + ")"
# Two to four words in capitals, particles in capitals inside: "DECLAN O'SULLIVAN", "SIOBHAN NÍ BHRIAIN"
_CAPS_NAME = rf"(?:{CAPS_WORD}{SEP}(?:(?:{CAPS_WORD}|{_CAPS_PARTICLE}){SEP}){{0,2}}{CAPS_WORD}{END})"
_SURNAME = rf"(?:{PARTICLE}{SEP}){{0,2}}(?:{NAME_WORD}|{CAPS_WORD})"
# Initials and up to three words; the last may be written in capitals ("Mike WEST") and follow particles,
# or the whole name may be ("KATHERINE O'BRIEN-WALSH").
NAME = (rf"(?:{INITIAL}{SEP}){{0,2}}(?:{_CAPS_NAME}|(?:{NAME_WORD}{SEP}){{0,2}}"
        rf"{_SURNAME}{END})")
# A full name: at least two words.
FULL_NAME = (rf"(?:{_CAPS_NAME}|(?:{NAME_WORD}|{INITIAL}){SEP}(?:{NAME_WORD}{SEP})?"
             rf"{_SURNAME}{END})")


def _alternation(words) -> str:
    """Longest first, so "Deputy Assistant Commissioner" wins over "Assistant Commissioner"; dots after
    abbreviations are optional ("Det. Supt.")."""
    parts = []
    for w in sorted(set(words), key=longest_first):
        parts.append(r"\.?\s+".join(re.escape(p) for p in w.split()) + r"\.?")
    return "(?:" + "|".join(parts) + ")"


ALL_RANKS = {**POLICE_RANKS, **OTHER_RANKS}
_PREFIX = "(?:" + "|".join(re.escape(p) if p.endswith("/") else re.escape(p) + r"\.?\s+"
                           for p in sorted(RANK_PREFIXES, key=longest_first)) + ")"
# A rank as written, with a temporary or acting prefix: "T/DCI", "A/Supt", "Acting Commander".
RANK = rf"(?:{_PREFIX}?{_alternation(ALL_RANKS)})"
TITLE = _alternation(TITLES)
LABEL = _alternation(FIELD_LABELS)
_STRIP_PREFIX = re.compile(rf"^{_PREFIX}")


def rank_name(written: str) -> str | None:
    """The full rank name of a rank as written ("Det. Supt." -> "Detective Superintendent", "T/DCI" ->
    "Detective Chief Inspector", "Group Commander" -> "Group Commander")."""
    key = " ".join(_STRIP_PREFIX.sub("", written.strip()).replace(".", " ").split())
    return ALL_RANKS.get(key)


_WORD_BEFORE = re.compile(rf"(?<![\w.:])({_U}[\w/]*)[ \t]+$")


_LIEUTENANT_BEFORE = re.compile(r"(?<![\w-])(?:Lt|Lieut|Lieutenant)\.?[ \t]+\Z")


# the Commissioner ranks written out are a police force's (the Metropolitan and City of London forces; "DAC" is theirs
# alone) only in a paper about
# police: "the Deputy Commissioner" of a language, information or children's commissioner is no chief officer
_COMMISSIONER_RANKS = frozenset({"Commissioner", "Deputy Commissioner", "Assistant Commissioner",
                                 "Deputy Assistant Commissioner"})
_POLICE_PAPER = re.compile(r"(?<![\w-])(?:[Pp]olice|POLICE|Constabulary|Metropolitan|MPS|MOPAC|Scotland Yard)(?![\w-])")
# ... not counting a police and crime commissioner, whom a paper of any body may name ("the Police and Crime
# Commissioner for Cleveland wrote in support")
_PCC = re.compile(r"(?<![\w-])(?:Deputy[ \t]+)?Police(?:,[ \t]*Fire)?[ \t]+(?:and|&)[ \t]+Crime[ \t]+Commissioners?(?![\w-])",
                  re.IGNORECASE)


def rank_in_context(text: str, start: int, written: str) -> str | None:
    """The rank written at ``text[start:]``: a bare "Commander" or "Commissioner" right after another
    capitalised word that is not a qualifier ("Regional Commander", "Ops Commander", "Transport
    Commissioner") is that post, not the police chief rank; a Commissioner rank in a paper that never
    mentions police is another body's post."""
    rank = rank_name(written)
    if rank in _COMMISSIONER_RANKS and "ommissioner" in written and not _POLICE_PAPER.search(_PCC.sub(" ", text)):
        return f"{rank} (not a police force's)"
    if rank not in ("Commander", "Commissioner") or _STRIP_PREFIX.match(written):
        return rank
    if rank == "Commander" and _LIEUTENANT_BEFORE.search(text[max(0, start - 14):start]):
        return "Lieutenant Commander"  # "Lt Cdr Jo Bell RN": a naval officer, not the police chief rank
    before = _WORD_BEFORE.search(text[max(0, start - 40):start])
    if before and before.group(1) not in COMMANDER_QUALIFIERS and before.group(1) not in TITLES:
        return f"{before.group(1)} {rank}"
    return rank


# The rest of an office's subject written as a list ("Minister for Crime" + ", Policing and Fire"): only
# a list that ends in "and X", so a name after a comma is never taken for part of the office.
# Each item may be several words ("Housing, Communities and Local Government"). The office may also be
# placed with a lower-case phrase a {place} cannot match ("Chief Fire Officer of the neighbouring Vale
# service,", "Commissioner for the neighbouring area,"): "of/for/in the" and up to five words, no possessive.
# prose wraps anywhere in the list: one line break may stand for a space ("Young People" / "and The Promise")
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# (an item may hold "the" or "of": "Keeping the Promise", "and the Welsh Language")
_ITEM = rf"(?:the{_GAP})?[A-Z][\w'’&-]*(?:{_GAP}(?:(?:the|of){_GAP})?[A-Z][\w'’&-]*){{0,3}}"
# ... or with the body it sits on: "Lead Member for Adult Social Care at Kingsmere Borough Council,"
_QUALIFIER = (r"(?:\s+(?:of|for|in)\s+the(?:\s+(?![\w-]*['’]s\b)[\w'’&-]+){1,5}?"
              # ("at the London Borough of Aldwick,")
              r"|\s+at\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’&-]*){0,4}"
              # ... "Cabinet Member for Adult Social Care and Health of Hailsham Cross District Council,"
              r"|\s+of\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,4}?\s+"
              r"(?:Council|Authority|Board|Assembly|Parliament|Government|States)(?![\w-]))")
# a portfolio in brackets after an office, also on the next line: "Minister of State for Health" / "(Secondary Care)"
PORTFOLIO = r"(?:[ \t]*\n?[ \t]*\([A-Z][\w'’&, -]{0,40}\))"
ROLE_TAIL = rf"(?:(?:[ \t]*,{_GAP}{_ITEM})+{_GAP}(?:and|&){_GAP}{_ITEM})?{_QUALIFIER}?"


def name_words(written: str) -> list[str]:
    """The words of a name as written: a double-barrelled name broken at its hyphen over a line
    ("Achebe-" / "Ward") is one word."""
    return re.sub(r"-[ \t]*\n[ \t]*", "-", written).split()


def plausible_name(words: list[str]) -> bool:
    """Every word could be part of a person's name: no form word, organisation word, rank or letters after
    a name ("Sutton Council", "Rape Crisis", "Gideon Marchetti MRICS" are not whole names), and it does not
    start with a place ("Tower Hamlets")."""
    if words[0].casefold() in PLACE_FIRST_WORDS:
        return False
    if len(words) > 1 and words[0].casefold() in WORD_FIRST_NAMES:
        words = words[1:]  # "April Morgan": a month or word as a first name
    return all(w.casefold() not in NOT_NAME_WORDS and w.casefold() not in ORGANISATION_WORDS
               and w not in ABBREVIATIONS for w in words) and words[-1].casefold() not in THING_WORDS
