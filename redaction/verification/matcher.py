"""The verifier's own way of finding a removed value in text (it never uses the engine's matcher).

Text and values are folded the same way: NFKC, case-folded, accents stripped, every run of characters that
are not letters or digits collapsed to one space. A value matches as whole words, with at most one space
allowed between any two of its characters (a reader that splits "Qui st" or a hyphen at a line end), and
with no word boundary needed for long values (a reader that runs words together, "MrOliverQuist").

A value that is a phone number (digits and phone punctuation only, 9 digits or more) is also matched by its
significant digits: the number without its national "0" or its "+44"/"0044" prefix, found inside any run
of digits in the text whatever the separators ("+44 (0)20 7946 0456", "tel:+442079460456", "020-7946-0456").

Binary data (image samples, font programs) is matched only against long values and phone digits: a short
value would be found in random bytes by chance.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_WORD = re.compile(r"[\W_]+")
_ACCENTS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_PHONE_CHARS = re.compile(r"[\d\s()+.\-/]+")
_DIGIT_RUN = re.compile(r"\d+(?: \d+)*")
_LONG = 10  # letters and digits: a value this long needs no word boundary
_BINARY_MIN = 6  # letters and digits: shorter values are not looked for in binary data
_TREE_MAX = 200  # characters: longer values are matched by the plain alternation
_RECENT_MAX = 1 << 16  # characters: longer texts are folded each time (the cache stays under 10 MB)


# A letter a producer wrote byte-swapped into its ToUnicode map (Ghostscript's "ff" ligature as <66006600>,
# which every reader gives as U+6600 U+6600): the verifier reads each such code point as its letter wherever it
# stands (more matches can only refuse more), by its own table, not the engine's rule.
_BYTE_SWAPPED = {(c << 8): chr(c) for c in range(0x41, 0x7B) if chr(c).isalpha()}


def fold(text: str) -> str:
    if text.isascii():  # NFKC and NFD leave ASCII as it is, and it has no accents: the same result, faster
        return text.lower()
    text = unicodedata.normalize("NFKC", text.translate(_BYTE_SWAPPED)).casefold()
    return unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", text)))


def collapse(text: str) -> str:
    """Folded text as words separated by single spaces."""
    return _collapse_recent(text) if len(text) <= _RECENT_MAX else _collapse(text)


@lru_cache(maxsize=64)
def _collapse_recent(text: str) -> str:
    """Every check reads the same page texts and streams again: each is folded once."""
    return _collapse(text)


def _collapse(text: str) -> str:
    if text.isascii():  # the same result by a table: every ASCII character but a letter or digit is a gap
        return " ".join(text.encode("ascii").translate(_ASCII_BYTES).decode("ascii").split())
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        if _SWAPPED.search(text) is not None:  # else translating by _BYTE_SWAPPED leaves the text as it is
            text = text.translate(_BYTE_SWAPPED)
        if _NOT_SIMPLE.search(text) is None:  # Latin-1, punctuation, bullets (a page's text, mostly): by table
            return " ".join(_simple_folded(text).split())
        return _NOT_WORD.sub(" ", fold(text)).strip()
    return " ".join(_latin1_folded(raw).split())  # every stream and binary blob read as Latin-1


def _simple_folded(text: str) -> str:
    """``text.translate(_SIMPLE)`` for a text of Latin-1 and ``_EXTRA`` characters: its Latin-1 runs by
    :func:`_latin1_folded`, each ``_EXTRA`` character (a page's quotes, dashes, bullets: a few) by ``_SIMPLE``
    (``str.translate`` by a dict took a millisecond per 5,000 characters of a page's text)."""
    parts = _EXTRA_SPLIT.split(text)  # Latin-1 runs at the even places, one _EXTRA character between each two
    return "".join(_latin1_folded(part.encode("latin-1")) if i % 2 == 0 else _SIMPLE[ord(part)]
                   for i, part in enumerate(parts))


def _latin1_folded(raw: bytes) -> str:
    """``raw.decode("latin-1").translate(_LATIN1)``, by a byte table (``str.translate`` looks each character up
    in a dict: a font program read as text took a millisecond per 30 kB): every Latin-1 character folds to one
    Latin-1 character but the few of ``_LATIN1_WIDE``, which the table leaves as they are and which no other
    character folds to (checked when the tables are built); each is then replaced by its folding."""
    flat = raw.translate(_LATIN1_BYTES).decode("latin-1")
    for ch, folded in _LATIN1_WIDE:
        if ch in flat:
            flat = flat.replace(ch, folded)
    return flat


def _latin1_table() -> dict[int, str]:
    """Each Latin-1 character folded on its own, its gaps as spaces. Folding Latin-1 text a character at a
    time gives the same as folding it whole: no Latin-1 character's NFKC form starts with a combining mark
    (nothing composes across two characters), case folding has no context, and every mark its NFD form
    has is one of those ``_ACCENTS`` strips (nothing is left to compose again)."""
    return {c: _NOT_WORD.sub(" ", fold(chr(c))) or "" for c in range(256)}


_LATIN1 = _latin1_table()


def _byte_tables() -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """(the byte table of :func:`_latin1_folded`, the characters it leaves to replace and their foldings)."""
    wide = {c: v for c, v in _LATIN1.items() if not (len(v) == 1 and ord(v) < 256)}
    table = bytes(c if c in wide else ord(v) for c, v in sorted(_LATIN1.items()))
    marks = {chr(c) for c in wide}
    if len(table) != 256 or any(chr(table[c]) in marks for c in range(256) if c not in wide) \
            or any(marks & set(v) for v in wide.values()):
        raise RuntimeError("a Latin-1 character folds to one the byte table replaces")  # never the same result
    return table, tuple((chr(c), v) for c, v in sorted(wide.items()))


_LATIN1_BYTES, _LATIN1_WIDE = _byte_tables()
# ASCII text lowered, every character but a letter or digit a gap (bytes above 127 never reach it)
_ASCII_BYTES = bytes((ord(chr(c).lower()) if chr(c).isalnum() else 32) if c < 128 else c for c in range(256))

# Characters beyond Latin-1 that page texts hold (General Punctuation: dashes, quotes, bullets, spaces, the
# ellipsis; the euro and trade mark signs, ticks, boxes, arrows, U+FFFD and U+FFFE) with the same property:
# none of them composes with, reorders against or decomposes to anything its neighbours' folding meets, so a
# text of these and Latin-1 folds a character at a time exactly as it folds whole (checked on every pair of
# them and on random strings: tests/test_verify_matcher.py).
_EXTRA = [c for c in range(0x2000, 0x2070) if unicodedata.category(chr(c)) != "Cn"] + [
    0x20AC, 0x2122, 0x2713, 0x2714, 0x2610, 0x2611, 0x25CF, 0x25AA, 0x25A0, 0x2192, 0xFFFD, 0xFFFE, 0xF0B7]
_SIMPLE = {**_LATIN1, **{c: _NOT_WORD.sub(" ", fold(chr(c))) or "" for c in _EXTRA}}
_NOT_SIMPLE = re.compile("[^\x00-\xff" + "".join(re.escape(chr(c)) for c in _EXTRA) + "]")
_EXTRA_SPLIT = re.compile("([" + "".join(re.escape(chr(c)) for c in _EXTRA) + "])")
_SWAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _BYTE_SWAPPED) + "]")


def words(text: str) -> list[str]:
    return collapse(text).split()


def squash(text: str) -> str:
    return collapse(text).replace(" ", "")


def phone_key(value: str) -> str | None:
    """The significant digits of a phone number value, or None when the value is not one."""
    if not _PHONE_CHARS.fullmatch(value.strip()):
        return None
    digits = re.sub(r"\D", "", value)
    key = national(digits).lstrip("0")
    return key if len(key) >= 8 else None


def national(digits: str) -> str:
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and len(digits) >= 11:
        digits = digits[2:]
    return "0" + digits.lstrip("0")


def _body(squashed: str) -> str:
    return " ?".join(re.escape(c) for c in squashed)


class Matcher:
    """Finds any of ``values`` in a text (``search``) or in binary data decoded as text (``search_binary``)."""

    def __init__(self, values: list[str]):
        squashed = sorted({squash(v) for v in values if squash(v)}, key=len, reverse=True)
        self.keys = sorted({k for k in (phone_key(v) for v in values) if k})
        self.empty = not squashed and not self.keys
        self._text = self._pattern(squashed)
        # A phone number's significant digits inside a run of digits, whatever groups the run is cut into.
        self._any = _tree_patterns(squashed, self.keys)
        self._binary = _tree_patterns([s for s in squashed if len(s) >= _BINARY_MIN], self.keys)
        # A short value (it is matched as whole words) whose letters and digits a reader may have run together
        # with the words around it ("MorwennaSTAUBYN"): the caller reads such a page again (run_together).
        short = [s for s in squashed if len(s) < _LONG]
        self._short = re.compile("|".join(re.escape(s) for s in short)) if short else None

    @staticmethod
    def _pattern(squashed: list[str], anywhere: list[str] = ()) -> re.Pattern | None:
        long = [_body(s) for s in squashed if len(s) >= _LONG] + list(anywhere)
        short = [_body(s) for s in squashed if len(s) < _LONG]
        alts = []
        if long:
            alts.append(f"(?:{'|'.join(long)})")
        if short:
            alts.append(f"(?<![^ ])(?:{'|'.join(short)})(?![^ ])")
        return re.compile("|".join(alts)) if alts else None

    def search(self, text: str) -> bool:
        if not self._any:
            return False
        return self.search_folded(collapse(text))

    def search_folded(self, flat: str) -> bool:
        """:meth:`search` in a text already folded (``collapse``)."""
        return any(p.search(flat) is not None for p in self._any)

    def run_together(self, text: str) -> bool:
        """A value shorter than ``_LONG`` is in ``text`` with every space taken out: :meth:`search` can miss it
        only because a reader wrote no space between it and the words around it."""
        return self._short is not None and self._short.search(squash(text)) is not None

    def search_binary(self, data: bytes) -> bool:
        return self.search_long(data.decode("latin-1"))

    def search_long(self, text: str) -> bool:
        """Only the values of ``_BINARY_MIN`` letters and digits or more, and phone digits: for text whose
        words are not text a reader shows (a table of codes, binary data read as text)."""
        if not self._binary:
            return False
        return self.search_long_folded(collapse(text))

    def search_long_folded(self, flat: str) -> bool:
        """:meth:`search_long` in a text already folded (``collapse``)."""
        return any(p.search(flat) is not None for p in self._binary)

    def spans(self, flat: str) -> list[tuple[int, int]]:
        """Where values occur in an already collapsed text (a phone number by the fewest groups of digits
        that hold it, never the neighbouring numbers of the same run)."""
        out = [m.span() for m in self._text.finditer(flat)] if self._text is not None else []
        for run in _DIGIT_RUN.finditer(flat):
            digits = run.group().replace(" ", "")
            if any(k in digits for k in self.keys):
                out += _phone_spans(run, self.keys)
        return sorted(out)


def _tree_patterns(squashed: list[str], keys: list[str]) -> tuple[re.Pattern, ...]:
    """The pattern of :meth:`Matcher._pattern` (values and phone digits, as whole words or anywhere) written
    as trees of their shared beginnings, one for the values found anywhere and one for those found as whole
    words: a text holds a value where the long alternation finds one exactly when one of these finds one,
    and each tries only the branch that starts with the letter at hand (re skips to the letters that can
    start a value), so a paper with a hundred values stays a quick pass over every stream. Used where only
    whether a value is there counts, never where it is."""
    long = [s for s in squashed if len(s) >= _LONG] + list(keys)
    short = [s for s in squashed if len(s) < _LONG]
    if not long and not short:
        return ()
    if max(map(len, long + short)) > _TREE_MAX:  # a nesting this deep is not for re: the plain alternation
        return (Matcher._pattern(squashed, [_body(k) for k in keys]),)
    out = []
    if long:
        out.append(re.compile(_tree(long, bounded=False)))
    if short:
        out.append(re.compile(f"(?<![^ ]){_tree(short, bounded=True)}(?![^ ])"))
    return tuple(out)


def _tree(words: list[str], bounded: bool) -> str:
    root: dict = {}
    for word in words:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}  # a value ends here
    return _choices(root, bounded)


def _choices(node: dict, bounded: bool) -> str:
    alts = [_branch(c, child, bounded) for c, child in node.items() if c]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _branch(c: str, node: dict, bounded: bool) -> str:
    """``c`` and what may follow it, a space allowed between any two letters. Where a value ends, an
    unbounded match is found already; a bounded one may still go on to a longer value."""
    out = re.escape(c)
    while True:
        nexts = [k for k in node if k]
        if not nexts or ("" in node and not bounded):
            return out
        if "" in node:
            return f"{out}(?: ?{_choices(node, bounded)})?"
        if len(nexts) > 1:
            return f"{out} ?{_choices(node, bounded)}"
        out += " ?" + re.escape(nexts[0])
        node = node[nexts[0]]


def _phone_spans(run: re.Match, keys: list[str]) -> list[tuple[int, int]]:
    groups = [(m.start() + run.start(), m.end() + run.start(), m.group()) for m in re.finditer(r"\d+", run.group())]
    out = []
    for key in keys:
        best = None
        for i in range(len(groups)):
            joined = ""
            for j in range(i, len(groups)):
                joined += groups[j][2]
                if key in joined:
                    if best is None or j - i < best[1] - best[0]:
                        best = (i, j)
                    break
        if best is not None:
            out.append((groups[best[0]][0], groups[best[1]][1]))
    return out
