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
