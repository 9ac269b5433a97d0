"""The name that signs off a letter or e-mail, in any case: the line after "Yours sincerely" or "Kind
regards" (blank lines between allowed), or a line holding only a name right above a line holding only a
job title ("OLUWASEUN ADEYEMI" / "HEAD OF LEGAL SERVICES", "Declan O'Sullivan" / "Interim Director of
Place"). NER rarely reads a name in capitals, and a signature block gives no sentence around it.

The name line holds nothing but two to four name words (initials and particles allowed) and is a
plausible name ("PUBLIC HEALTH", "Licensing Team" are not).

A first name alone signs off too (class of cases: e-mails released under FOI, signed informally): on the
line after the valediction ("Kind regards," / "Oluwaseun") or after it on the same line ("Thanks, Tamsin").
The one word must be no ordinary English word ("Regards," / "Reception") unless it is a first name that is
also a word ("Many thanks," / "Grace"), and in no list of non-names ("Regards, / Licensing"). So must the one
word that closes a quoted message after its last sentence ('... if you doubt it. Lys"').
"""

from __future__ import annotations

import re

from ..english_words import is_english_word
from ..vocabulary import JOB_NOUNS, PROFESSIONS, WORD_FIRST_NAMES
from .. import regex_cache
from .base import RuleRecognizer
from .patterns import CAPS_WORD, INITIAL, NAME_WORD, PARTICLE, longest_first, name_words, plausible_name

_WORD = rf"(?:{NAME_WORD}|{CAPS_WORD})"
_NAME_LINE = regex_cache.compile(rf"^[ \t]*(?P<name>(?:{INITIAL}[ \t]+){{0,2}}{_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}{_WORD}){{1,3}})"
                        rf"[ \t]*[,.]?[ \t]*$")
_VALEDICTION = regex_cache.compile(r"^[ \t]*(?i:yours[ \t]+(?:sincerely|faithfully|truly)|(?:kind|best|warm|many)[ \t]+"
                          r"(?:regards|wishes|thanks)|regards|with[ \t]+(?:thanks|regards|best[ \t]+wishes)|"
                          r"thanks|thank[ \t]+you|best|cheers|signed|"
                          # Welsh and Irish: "Diolch" (thanks), "Cofion" (regards), "Yn gywir" (yours sincerely),
                          # "Le meas" (with respect), "Go raibh maith agat" (thank you)
                          r"diolch|cofion(?:[ \t]+gorau)?|yn[ \t]+gywir|le[ \t]+meas|go[ \t]+raibh[ \t]+maith[ \t]+agat)"
                          r"[ \t]*[,.!]?[ \t]*$")
_NOUNS = "|".join(map(re.escape, sorted({*JOB_NOUNS, *PROFESSIONS, "leader"}, key=longest_first)))
# a job title alone on its line: words ending in a job noun, or "Head of ..." / "<job> of|for ..."
_JOB_LINE = regex_cache.compile(rf"^[ \t]*(?:[\w'’&/-]+[ \t]+){{0,4}}?(?i:{_NOUNS}|head)(?:[ \t]+(?i:of|for|to)[ \t]+[^\n]{{1,60}}?)?"
                       rf"[ \t]*[,.]?[ \t]*$")
_BLANK_LINES_AFTER_VALEDICTION = 3
_ONE_NAME_LINE = regex_cache.compile(rf"^[ \t]*(?P<name>{NAME_WORD})[ \t]*[,.]?[ \t]*$")
_VALEDICTION_WORDS = (r"(?i:(?:kind|best|warm|many)[ \t]+(?:regards|wishes|thanks)|regards|with[ \t]+(?:thanks|regards)"
                      r"|thanks|thank[ \t]+you|cheers|diolch|cofion(?:[ \t]+gorau)?|le[ \t]+meas)")
# "Thanks, Tamsin" / "Kind regards, Jo Bell": the valediction and the name on one line
# (inside a quoted message the quote may close after the name: 'Best wishes, Daeze"')
_SIGNED_ON_LINE = regex_cache.compile(rf"^[ \t]*{_VALEDICTION_WORDS}[ \t]*,[ \t]*(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})"
                             rf"[ \t]*[.!]?[ \t]*[\"”]?[ \t]*$")
# 'if you doubt it. Lys"': a quoted message closed by one word after its last sentence, the sender's first name
# ... or after a valediction that follows its last sentence ('he signs the undertaking today. Best wishes, Daeze"')
_SIGNS_QUOTE = regex_cache.compile(rf"[.!?][ \t]+(?:(?P<name>{NAME_WORD})[ \t]*[.!]?[\"”]|{_VALEDICTION_WORDS}[ \t]*,[ \t]*"
                                   rf"(?P<signed>{NAME_WORD})[ \t]*[.!]?[\"”]?)[ \t]*$")


def _a_first_name(word: str) -> bool:
    """One word signing off is a first name: no ordinary word, or a first name that is also a word."""
    return plausible_name([word]) and (word.casefold() in WORD_FIRST_NAMES or not is_english_word(word))


class SignOffNameRecognizer(RuleRecognizer):
    SCORE = 0.9
    EXPLANATION = "name signing off a letter or e-mail"

    def analyze(self, text, entities, nlp_artifacts=None):
        lines = _lines(text)
        out = []
        for n, (start, line) in enumerate(lines):
            signed = _SIGNED_ON_LINE.match(line)
            if signed and (len(signed.group("name").split()) > 1 or _a_first_name(signed.group("name"))) \
                    and plausible_name(signed.group("name").split()):
                out.append(self.result(start + signed.start("name"), start + signed.end("name")))
                continue
            quoted = _SIGNS_QUOTE.search(line)
            group = quoted and ("name" if quoted.group("name") else "signed")
            if quoted and _a_first_name(quoted.group(group)) and "-" not in quoted.group(group):
                out.append(self.result(start + quoted.start(group), start + quoted.end(group)))
                continue
            one = _ONE_NAME_LINE.match(line)
            if one and _after_valediction(lines, n) and _a_first_name(one.group("name")):
                end = start + one.end("name")
                rest = _ONE_NAME_LINE.match(lines[n + 1][1]) if n + 1 < len(lines) else None
                if rest and plausible_name([one.group("name"), rest.group("name")]):
                    end = lines[n + 1][0] + rest.end("name")  # "Ulrike" / "Brandstätter": the name wrapped
                out.append(self.result(start + one.start("name"), end))
                continue
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
