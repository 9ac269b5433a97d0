"""Word-level checks that do not depend on a whole value being read back in one piece.

=================  =========================================================================================
tokens             a distinctive word of a removed value (a surname, the local part of an address, a group
                   of a phone number's digits) is on an output page, though the input's kept text (its text
                   with every removed value cut out) never has that word
part2-ngrams       Part 1 holds a sequence of 8 words of Part 2's text that Part 1's own text (the input above
                   the boundary) does not hold
=================  =========================================================================================
"""

from __future__ import annotations

from .matcher import words
from .result import fail
from .source import Source

N = 8  # words: long enough that ordinary phrases shared by both parts rarely make a sequence this long


def distinctive(values: list[str], source: Source) -> set[str]:
    kept = {w for text in source.kept for w in text.split()}
    out = set()
    for value in values:
        if "@" in value:  # an address: its domain names the organisation, not the person
            value = value.rsplit("@", 1)[0]
        for word in words(value):
            letters = sum(c.isalpha() for c in word)
            if (letters >= 3 or (not letters and len(word) >= 4)) and word not in kept:
                out.add(word)
    return out


def check_tokens(texts: dict[str, list[str]], tokens: set[str], part: int) -> None:
    if not tokens:
        return
    for pages in texts.values():
        for number, text in enumerate(pages, 1):
            if tokens & set(words(text)):
                fail("tokens", part, number)


def ngrams(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + N]) for i in range(len(w) - N + 1)}


def part2_ngrams(source: Source) -> set[tuple[str, ...]]:
    """Sequences of Part 2 (the input below the boundary) that Part 1's own text does not hold. (Not the
    Part 2 output's text: its redaction labels make sequences that Part 1's text, read before redaction,
    cannot hold.)"""
    return ngrams(source.part2) - ngrams(source.part1)


def check_part2(texts: dict[str, list[str]], grams: set[tuple[str, ...]], part: int) -> None:
    if not grams:
        return
    for pages in texts.values():
        for number, text in enumerate(pages, 1):
            if grams & ngrams(text):
                fail("part2-ngrams", part, number)
