"""Finding a removed value, or a Part 2 line, in text read by OCR: tolerant of OCR's errors.

OCR reads "Okafor" as "0kafor", "Bell" as "Be11", drops a letter or splits a word. The exact matcher
(:mod:`.matcher`) would call such a reading clean, so text from OCR is matched again here:

* values: both sides folded as the exact matcher folds them, then letters OCR confuses with digits mapped to
  one class (o/0, i/l/1/|, s/5, b/8, z/2), and each value of 8 or more letters and digits allowed one edit
  (insertion, deletion or substitution) per 8 characters, at most 3, by the ``regex`` module's fuzzy
  matching (never in an initial or the value's first letter); "rn" and "vv" are folded to "m" and "w" on
  both sides; shorter values must match exactly after the folding (a short value with an edit allowed would
  match ordinary words). A value under 12 characters needs word boundaries, as in the exact matcher.
* Part 2 lines: a line of 6 words or more leaks when half or more of its three-word sequences (and at least
  two) are in the text, after the same folding — a line OCR misreads a word of still has most of them.

Like the rest of the verifier it shares no code with the engine.
"""

from __future__ import annotations

import regex

from .matcher import collapse

_CONFUSED = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1", "!": "1", "s": "5", "b": "8", "z": "2"})
_MIN_FUZZY = 8  # letters and digits: a value this long tolerates edits
_PER_EDIT = 8
_MAX_EDITS = 3
_BOUNDED = 12  # shorter values must stand as whole words
_MIN_LINE_WORDS = 6
_SHINGLE = 3


_CONFUSED_PAIRS = (("rn", "m"), ("vv", "w"))  # letter pairs OCR reads as one letter (and back)


def ocr_fold(text: str) -> str:
    folded = collapse(text)
    for pair, letter in _CONFUSED_PAIRS:
        folded = folded.replace(pair, letter)
    return folded.translate(_CONFUSED)


class FuzzyMatcher:
    """``search(text)``: whether any value is in ``text`` (OCR output) allowing OCR's errors."""

    def __init__(self, values: list[str]):
        folded = sorted({tuple(ocr_fold(v).split()) for v in values if ocr_fold(v).strip()},
                        key=lambda words: len("".join(words)), reverse=True)
        self._patterns = [self._pattern(words) for words in folded]
        self.empty = not self._patterns

    @staticmethod
    def _pattern(words: tuple[str, ...]) -> regex.Pattern:
        """The value's letters with optional spaces between them; the edits OCR may make are allowed in the
        words of two letters or more, never in an initial nor the value's first letter: an edit there turns
        one person into another ("J Abernethy" is not "Julian Abernethy", whose "J" starts another word)."""
        value = "".join(words)
        edits = 0 if len(value) < _MIN_FUZZY else min(_MAX_EDITS, len(value) // _PER_EDIT)
        letters = " ?".join(regex.escape(c) for c in value)
        if edits:
            pieces, run = [], []
            for index, word in enumerate(words):
                exact = word[0] if index == 0 or len(word) == 1 else ""
                rest = word[len(exact):]
                if exact:
                    if run:
                        pieces.append(f"(?:{' ?'.join(run)}){{e<={edits}}}")
                        run = []
                    pieces.append(regex.escape(exact))
                run += [regex.escape(c) for c in rest]
            if run:
                pieces.append(f"(?:{' ?'.join(run)}){{e<={edits}}}")
            letters = " ?".join(pieces)
        core = f"(?:{letters})"
        if len(value) < _BOUNDED:
            core = f"(?<![^ ]){core}(?![^ ])"
        return regex.compile(core)

    def search(self, text: str) -> bool:
        flat = ocr_fold(text)
        return any(p.search(flat) for p in self._patterns)


def part2_lines(text: str) -> list[str]:
    """The lines of ``text`` long enough to be matched as Part 2 sentences."""
    return [line for line in text.splitlines() if len(collapse(line).split()) >= _MIN_LINE_WORDS]


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = ocr_fold(text).split()
    return {tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


class LineMatcher:
    """``search(text)``: whether most of any one line is in ``text`` (OCR output)."""

    def __init__(self, lines: list[str], own: str = ""):
        self._given: tuple[list[str], str] | None = (lines, own)
        self._built: list[set] = []

    @property
    def _lines(self) -> list[set]:
        """Built on first use: most redactions have no picture to read, and then no line is looked for."""
        if self._given is not None:
            lines, own = self._given
            mine = _shingles(own)
            for line in lines:
                grams = _shingles(line)
                if len(grams) >= _MIN_LINE_WORDS - _SHINGLE + 1 and not grams <= mine:
                    self._built.append(grams - mine)
            self._given = None
        return self._built

    @property
    def empty(self) -> bool:
        return not self._lines

    def search(self, text: str) -> bool:
        found = _shingles(text)
        return any(len(g & found) >= max(2, len(g) / 2) for g in self._lines)
