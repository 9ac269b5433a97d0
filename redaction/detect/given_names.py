"""English given names and their short forms ("Leonard" ~ "Len", "Lenny"), from the hand-curated list the
`nicknames` package bundles (a CSV inside the wheel: no network, pinned).

Two uses: a short form written alone is the person known in full by the long one ("the pump attendant,
Leonard Gotobed, ... Lenny's duties"), and a known given name before a surname no English word is makes a
name even where the given name is also a word ("Apologies from Reuben Ogunsanya.": "reuben" is a sandwich
in the word index).
"""

from __future__ import annotations

import functools

from nicknames import NickNamer


@functools.lru_cache(maxsize=1)
def _namer() -> NickNamer:
    return NickNamer()


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every given name of the list, long and short forms, folded."""
    names: set[str] = set()
    for long_form, shorts in _namer().nickname_lookup.items():
        names.add(long_form)
        names.update(shorts)
    return frozenset(n.casefold() for n in names)


def is_given_name(word: str) -> bool:
    return word.casefold() in given_names()


@functools.lru_cache(maxsize=4096)
def short_forms(first: str) -> frozenset[str]:
    """The short forms of a given name ("leonard" -> len, lenny, leo, leon, ...), folded; none for a name the
    list does not hold."""
    return frozenset(n.casefold() for n in _namer().nicknames_of(first.casefold()))


# What English and West African usage adds to the start of a given name to make a short form of it: a
# diminutive ending after the name's first letters, the last letter there written once or doubled
# ("Clem|entine" -> "Clemmie", "Bart|holomew" -> "Barty", "Doug|al" -> "Dougie", "Reg|inald" -> "Reggie").
# German, Dutch and Scandinavian usage ends it in "i" ("Ott|oline" -> "Otti", "Steff|anie" -> "Steffi"); Polish
# in "ek" ("Maci|ej" -> "Maciek", "Jar|osław" -> "Jarek", "Tom|asz" -> "Tomek").
_DIMINUTIVE_ENDING = ("", "ie", "y", "ey", "ee", "o", "a", "s", "sy", "sie", "i", "ek")


def is_short_form_of(word: str, first: str) -> bool:
    """``word`` can be written for the given name ``first`` though no list holds it: the name's first three
    or more letters with a diminutive ending ("Clemmie" for Clementine, "Barty" for Bartholomew, "Clem"),
    or its last four or more letters where three or more go before them ("Seun" for Oluwaseun, "Tunde" for
    Babatunde, "Bayo" for Adebayo). Any case; never the name itself."""
    word, first = word.casefold(), first.casefold()
    if len(word) < 3 or word == first or not word.isalpha():
        return False
    if "z" in word and "z" not in first and is_short_form_of(word.replace("z", "s"), first):
        return True  # the s voiced and written z: "Roz" for Rosamund, "Izzy" for Isadora
    if len(word) >= 4 and len(first) - len(word) >= 3 and first.endswith(word):
        return True
    for stem_length in range(len(first) - 1, 1, -1):
        stem = first[:stem_length]
        if word.startswith(stem):
            ending = word[stem_length:]
            doubled = ending[:1] == stem[-1]
            if doubled:
                ending = ending[1:]  # the last letter doubled: "Clem-m-ie", "Reg-g-ie"
            if ending in _DIMINUTIVE_ENDING and len(first) - stem_length >= 2 and (stem_length > 2 or (doubled and ending)):
                # (else a shorter stem may take it: "Macie|k" no, "Maci|ek" yes; two letters only with the second
                # doubled and an ending: "Is-s-y" for Isadora, "Ed-d-y" for Edward)
                return True
    return False
