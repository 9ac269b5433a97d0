"""Sentences of the joined text: where one starts and ends, and the short text shown to people."""

from __future__ import annotations

import re

# A claim's sentence is looked for this far back: a long notice sentence, never the whole paper.
SENTENCE_LOOKBACK = 400
# What is shown to people of one sentence (an exemption's text): a table cell, not a page.
SHOWN_MAX_CHARS = 300

SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])[.;](?=\s)|\n\s*\n")
# For the short text shown to people: a line break before a capital letter also ends a sentence.
DISPLAY_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])[.;:](?=\s)|\n(?=\s*[(•-])|(?<![a-z0-9])\n(?=\s*[A-Z])")


def clean(s: str) -> str:
    """One line, single spaces, no label punctuation at either end."""
    return re.sub(r"\s+", " ", s).strip(" \t:–-")


def sentence_bounds(text: str, start: int, end: int, ends: re.Pattern = SENTENCE_END) -> tuple[int, int]:
    """``(left, right)`` of the sentence around ``text[start:end]``."""
    left = 0
    for m in ends.finditer(text, max(0, start - SENTENCE_LOOKBACK), start):
        left = m.end()
    m = ends.search(text, end)
    right = m.end() if m else len(text)
    return left, right


def shown(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` as shown to people (short, one line)."""
    left, right = sentence_bounds(text, start, end, DISPLAY_END)
    return clean(text[left:right])[:SHOWN_MAX_CHARS]
