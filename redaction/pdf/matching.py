"""Finding a value in extracted text the way a reader of the text would: case-insensitive, whole words,
across line breaks, odd spacing and a hyphen at a line end. Used to find every mention to remove and by
verification to prove none is left."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Between two characters of a value an extractor may put spaces, line breaks, soft hyphens or pdfium's
# line-end hyphen mark (U+0002), or a hyphen that ends a line.
_GAP = r"(?:[\s\u00ad\x02]|-(?=[ \t]*\r?\n))*"


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def value_pattern(value: str) -> re.Pattern:
    chars = [c for c in normalise(value) if not c.isspace()]
    body = _GAP.join(re.escape(c) for c in chars)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)


def any_pattern(values: list[str]) -> re.Pattern | None:
    """One pattern for many values (a single pass over a text instead of one per value)."""
    bodies = []
    for value in values:
        chars = [c for c in normalise(value) if not c.isspace()]
        if chars:
            bodies.append(_GAP.join(re.escape(c) for c in chars))
    if not bodies:
        return None
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(sorted(bodies, key=len, reverse=True))})(?![^\W_])",
                      re.IGNORECASE)


def contains(text: str, value: str) -> bool:
    return value_pattern(value).search(text) is not None


def squash(text: str) -> str:
    """Letters and digits only, case-folded: for spotting long sentences whatever the line breaks."""
    return "".join(c for c in normalise(text).casefold() if c.isalnum())
