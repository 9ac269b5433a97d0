"""Word-level checks that do not depend on a whole value being read back in one piece.

=================  =========================================================================================
tokens             a distinctive word of a removed value (a surname, the local part of an address, a group
                   of a phone number's digits) is on an output page, though the input's kept text (its text
                   with every removed value cut out) never has that word
part2-ngrams       Part 1 holds a sequence of 8 words of Part 2's text that Part 1's own text (the input above
                   the boundary) does not hold, or 6 words of a distinctive Part 2 line (a figure, a name).
                   Part 2 is the engine's area and the verifier's own reading order (poppler) together;
                   Part 1's own text only what both put in Part 1, and only text it shows (.hidden)
=================  =========================================================================================
"""

from __future__ import annotations

from collections import Counter

from .matcher import collapse, words
from .result import fail
from .source import Source

N = 8  # words: long enough that ordinary phrases shared by both parts rarely make a sequence this long
SHORT = 6  # words of one distinctive line (8 words would miss a short line)


def distinctive(values: list[str], source: Source, pictured: str = "") -> set[str]:
    """The words of the removed values that the input's kept text never has. ``pictured``: the verifier's own
    OCR of the input's pictures (scanned pages), whose words no text reader sees: there a word counts as kept
    only when the pictures show it more often than the removed values that hold it are read in them ("FOI
    2030/1184" above "foi.brennan-moss@…": "foi" is kept, "brennan" is not) — a count, so a value the OCR
    misreads leaves its other words counted against it, never excused."""
    kept = {w for text in source.kept for w in text.split()}
    kept |= _shown_beyond_values(values, pictured)
    out = set()
    for value in values:
        if "@" in value:  # an address: its domain names the organisation, not the person
            value = value.rsplit("@", 1)[0]
        for word in words(value):
            letters = sum(c.isalpha() for c in word)
            if (letters >= 3 or (not letters and len(word) >= 4)) and word not in kept:
                out.add(word)
    return out


def _shown_beyond_values(values: list[str], pictured: str) -> set[str]:
    if not pictured.strip():
        return set()
    flat = " " + collapse(pictured) + " "
    shown = Counter(flat.split())
    held = Counter()
    for value in values:
        folded = collapse(value)
        if not folded:
            continue
        read = max(1, flat.count(" " + folded + " "))  # each time the pictures show the whole value
        for word in folded.split():
            held[word] += read
    return {w for w, n in shown.items() if n > held.get(w, 0) and w in held}


def check_tokens(texts: dict[str, list[str]], tokens: set[str], part: int) -> None:
    if not tokens:
        return
    for pages in texts.values():
        for number, text in enumerate(pages, 1):
            if tokens & set(words(text)):
                fail("tokens", part, number)


def ngrams(text: str, n: int = N) -> set[tuple[str, ...]]:
    w = words(text)
    return set(zip(*(w[i:] for i in range(n))))  # every run of n words, as tuples (made by zip, in C)


def distinctive_line(line: str) -> bool:
    """A line worth a shorter check: it holds a figure or a capitalised word past its first."""
    w = line.split()
    return any(any(c.isdigit() for c in t) for t in w) or any(t[:1].isupper() for t in w[1:])


def part2_ngrams(source: Source) -> set[tuple[str, ...]]:
    """Sequences of Part 2 (the input below the boundary, by the engine's areas and by the verifier's own
    reading order) that Part 1's own text does not hold. (Not the Part 2 output's text: its redaction labels
    make sequences that Part 1's text, read before redaction, cannot hold.) Part 1's own text is what both
    readings put in Part 1: a line they disagree on is never excused."""
    return part2_sets(source)[0]


def part2_excused(source: Source) -> set[tuple[str, ...]]:
    """The sequences :func:`part2_ngrams` leaves out because Part 1's own text holds them too."""
    return part2_sets(source)[1]


def part2_sets(source: Source) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """(:func:`part2_ngrams`, :func:`part2_excused`), each text's sequences made once for both."""
    own = ngrams(source.part1) | ngrams(source.order_part1)
    both = ngrams(source.part2) | ngrams(source.order_part2)
    grams, excused = both - own, both & own
    short_own = ngrams(source.part1, SHORT) | ngrams(source.order_part1, SHORT)
    for line in source.order_lines2:
        if distinctive_line(line):
            short = ngrams(line, SHORT)
            grams |= short - short_own
            excused |= short & short_own
    return grams, excused


def check_part2(texts: dict[str, list[str]], grams: set[tuple[str, ...]], part: int) -> None:
    if not grams:
        return
    sizes = {len(g) for g in grams}
    for pages in texts.values():
        for number, text in enumerate(pages, 1):
            if any(grams & ngrams(text, n) for n in sizes):
                fail("part2-ngrams", part, number)
