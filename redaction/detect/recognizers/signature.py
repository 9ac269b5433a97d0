"""Signatures: what is written on a "Signature" or "Signed" line, before the label ("Splue hunden.
Signature") or after it ("Signed: J Smith"), or alone between a bare label and the next "Date" line:

    Signature
    Ranaluciterd.
    Date 9/3/2021

Signatures are always redacted: an OCR'd squiggle is as identifying as a name.
"""

from __future__ import annotations

import re

from ..vocabulary import NOT_NAME_WORDS
from .base import RuleRecognizer

_LABEL = r"(?:Signature|SIGNATURE|Signed|SIGNED)"
_BEFORE = re.compile(rf"^[ \t]*(?P<sig>\S.*?)[ \t]+{_LABEL}[ \t]*:?[ \t]*$")
# "Signed" needs a colon or a tab before what follows: "Signed decision document" is a heading.
# A dotted line for the pen may stand between the label and the typed name ("Signed ………… Jo Bell Date ……").
_AFTER = re.compile(r"^[ \t]*(?:(?:Signature|SIGNATURE)(?:[ \t]*[:\-–\t]|[ \t])|(?:Signed|SIGNED)(?:[ \t]+by)?"
                    r"[ \t]*(?:[:\t]|[ \t]*[.…_]{3,}))[ \t.…_]*(?P<sig>[^\s.…_].*?)[ \t.…_]*(?:\bDate\b.*)?$")
_ALONE = re.compile(rf"^[ \t]*{_LABEL}[ \t]*:?[ \t]*$")
_DATE_LINE = re.compile(r"^[ \t]*Date\b", re.IGNORECASE)
_BLANK_SIGNATURE = re.compile(r"^[\s._\-–…:]*(?:n/?a)?[\s._\-–…:]*$", re.IGNORECASE)
_MAX_LINES_TO_DATE = 3
_MAX_WRITTEN_WORDS = 3


class SignatureRecognizer(RuleRecognizer):
    ENTITY = "SIGNATURE"
    SCORE = 0.9
    EXPLANATION = "signature"

    def analyze(self, text, entities, nlp_artifacts=None):
        lines = _lines(text)
        out = []
        for n, (start, line) in enumerate(lines):
            for rule in (_AFTER, _BEFORE):
                m = rule.match(line)
                if m and rule is _BEFORE and _is_prose(m.group("sig")):
                    continue  # "I have decided to close the site. Signed:" / next line: the label ends prose
                if m and _is_signature(m.group("sig")):
                    out.append(self.result(start + m.start("sig"), start + m.start("sig") + _signature_length(m.group("sig"))))
                    if rule is _AFTER:
                        out.extend(self._written_above(lines[:n], m.group("sig")))
                    break
            else:
                if _ALONE.match(line):
                    out.extend(self._between_label_and_date(lines[n + 1:]))
                elif _signs_the_name_beside(lines, n):
                    lead = len(line) - len(line.lstrip())
                    out.append(self.result(start + lead, start + len(line.rstrip())))
        return out

    def _written_above(self, before, sig: str):
        """The signer's first name (or whole name) written by hand on the line right above "Signed: Jo
        Bell" is the signature itself ("Jo" / "Signed: Jo Bell"): redacted with it."""
        if not before:
            return []
        start, line = before[-1]
        words = _name_tokens(line)
        if not words or len(words) > _MAX_WRITTEN_WORDS or line.strip().endswith(":"):
            return []
        if not set(words) <= set(_name_tokens(sig)) or all(w in NOT_NAME_WORDS for w in words):
            return []
        lead = len(line) - len(line.lstrip())
        return [self.result(start + lead, start + len(line.rstrip()))]

    def _between_label_and_date(self, following):
        found = []
        for start, line in [(s, ln) for s, ln in following if ln.strip()][:_MAX_LINES_TO_DATE + 1]:
            if _DATE_LINE.match(line):
                return found
            if _is_signature(line):
                lead = len(line) - len(line.lstrip())
                found.append(self.result(start + lead, start + len(line.rstrip())))
        return []  # no "Date" line close below: the lines are not a signature block


# a name alone on its line, as a hand signs it: initials and a surname ("S. Kulkarni-Dale"; OCR reads a script
# "I." as "1." or "|.")
_SIGNED_NAME = re.compile(r"^[ \t]*(?P<first>[A-Z1|]\.(?:[ \t]?[A-Z]\.)?)[ \t]*(?P<surname>[A-Z][\w'’-]+)[ \t]*$")


def _signs_the_name_beside(lines: list[tuple[int, str]], n: int) -> bool:
    """A name alone on its line right above or below the same person's typed name ("S. Kulkarni-Dale" in ink
    over "Sunita Kulkarni-Dale, Monitoring Officer" on a scanned page, read by OCR): the handwriting is the
    signature, redacted even where the policy keeps the person. The typed line must differ and start with a
    given name of the same initial before the same surname."""
    m = _SIGNED_NAME.match(lines[n][1])
    if not m:
        return False
    for k in (_beside(lines, n, -1), _beside(lines, n, 1)):
        if k is not None:
            typed = re.match(r"[ \t]*(?P<first>[A-Z][a-z]+)[ \t]+(?P<surname>[A-Z][\w'’-]+)", lines[k][1])
            if (typed and typed.group("surname") == m.group("surname") and lines[k][1].strip() != lines[n][1].strip()
                    and typed.group("first")[0] == m.group("first")[0].replace("1", "I").replace("|", "I")):
                return True
    return False


def _beside(lines: list[tuple[int, str]], n: int, step: int) -> int | None:
    """The next line up or down, past one scrap of ink OCR read as a short string ("re")."""
    k = n + step
    if 0 <= k < len(lines) and len(lines[k][1].strip()) <= 3:
        k += step
    return k if 0 <= k < len(lines) else None


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


# what follows a typed signature on its line: a date after a comma, or the next sentence ("Signed: E. Bell, 2
# October 2033. Noted by the Cabinet Member: ..."); a full stop after an initial ("E. Bell") ends nothing
_AFTER_SIGNATURE = re.compile(r",[ \t]*(?:\d|(?:on|dated)\b)|(?<=[a-z0-9]{2})\.[ \t]+(?=[A-Z])|;")


def _signature_length(sig: str) -> int:
    cut = _AFTER_SIGNATURE.search(sig)
    return cut.start() if cut and cut.start() > 0 else len(sig)


def _is_signature(sig: str) -> bool:
    if _BLANK_SIGNATURE.match(sig) or not re.search(r"[A-Za-z]", sig) or sig.rstrip().endswith(":"):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", sig)
    return not all(w.lower() in NOT_NAME_WORDS for w in words)


def _name_tokens(text: str) -> list[str]:
    """The words of a line, folded, with punctuation an OCR reader leaves around a written word dropped."""
    return [w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", text)]


def _is_prose(sig: str) -> bool:
    """A sentence of ordinary words before the label, not a squiggle: several words, most in lower case."""
    words = re.findall(r"[^\W\d_][\w'’-]*", sig)
    return len(words) > 5 and sum(w.islower() for w in words) > len(words) / 2
