"""The name that signs off a letter or e-mail, in any case: the line after "Yours sincerely" or "Kind
regards" (blank lines between allowed), or a line holding only a name right above a line holding only a
job title ("OLUWASEUN ADEYEMI" / "HEAD OF LEGAL SERVICES", "Declan O'Sullivan" / "Interim Director of
Place"). NER rarely reads a name in capitals, and a signature block gives no sentence around it.

The name line holds nothing but two to four name words (initials and particles allowed) and is a
plausible name ("PUBLIC HEALTH", "Licensing Team" are not).
"""

from __future__ import annotations

import re

from ..vocabulary import JOB_NOUNS, PROFESSIONS
from .base import RuleRecognizer
from .patterns import CAPS_WORD, INITIAL, NAME_WORD, PARTICLE, name_words, plausible_name

_WORD = rf"(?:{NAME_WORD}|{CAPS_WORD})"
_NAME_LINE = re.compile(rf"^[ \t]*(?P<name>(?:{INITIAL}[ \t]+){{0,2}}{_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{_WORD}){{1,3}})"
                        rf"[ \t]*[,.]?[ \t]*$")
_VALEDICTION = re.compile(r"^[ \t]*(?i:yours[ \t]+(?:sincerely|faithfully|truly)|(?:kind|best|warm|many)[ \t]+"
                          r"(?:regards|wishes|thanks)|regards|with[ \t]+(?:thanks|regards|best[ \t]+wishes)|"
                          r"thanks|thank[ \t]+you|best|cheers|signed)[ \t]*[,.!]?[ \t]*$")
_NOUNS = "|".join(map(re.escape, sorted({*JOB_NOUNS, *PROFESSIONS, "leader"}, key=len, reverse=True)))
# a job title alone on its line: words ending in a job noun, or "Head of ..." / "<job> of|for ..."
_JOB_LINE = re.compile(rf"^[ \t]*(?:[\w'’&/-]+[ \t]+){{0,4}}?(?i:{_NOUNS}|head)(?:[ \t]+(?i:of|for|to)[ \t]+[^\n]{{1,60}}?)?"
                       rf"[ \t]*[,.]?[ \t]*$")
_BLANK_LINES_AFTER_VALEDICTION = 3


class SignOffNameRecognizer(RuleRecognizer):
    SCORE = 0.9
    EXPLANATION = "name signing off a letter or e-mail"

    def analyze(self, text, entities, nlp_artifacts=None):
        lines = _lines(text)
        out = []
        for n, (start, line) in enumerate(lines):
            m = _NAME_LINE.match(line)
            if not m or not plausible_name(name_words(m.group("name"))):
                continue
            if _after_valediction(lines, n) or (_starts_block(lines, n) and n + 1 < len(lines)
                                                and _JOB_LINE.match(lines[n + 1][1]) and not _JOB_LINE.match(line)):
                out.append(self.result(start + m.start("name"), start + m.end("name")))
        return out


def _after_valediction(lines, n: int) -> bool:
    for k in range(n - 1, max(-1, n - 2 - _BLANK_LINES_AFTER_VALEDICTION), -1):
        line = lines[k][1]
        if _VALEDICTION.match(line):
            return True
        if line.strip():
            return False
    return False


def _starts_block(lines, n: int) -> bool:
    """The name line opens a block: first in the text, after a blank line or after a label ending in a
    colon ("Report author:"). A line inside a table (the row above it just before) is no signature."""
    return n == 0 or not lines[n - 1][1].strip() or lines[n - 1][1].rstrip().endswith(":")


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out
