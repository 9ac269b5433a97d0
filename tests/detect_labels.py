"""The label grammar of the evaluation papers, shared by tests/detect_eval.py and the generator scripts
(which must run without importing redaction).

Inline labels: ``[[PERSON:Mike West]]``, ``[[PERSON:Sadiq Khan|keep:Mayor of London]]`` (the policy reason
after "keep:"), ``[[PHONE_NUMBER:...]]``, ``[[EMAIL_ADDRESS:...]]``, ``[[SIGNATURE:...]]``; a label's
action defaults to "redact". A label is (type, text, action, occurrence): the n-th occurrence of its text
in the plain text of the paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LABEL = re.compile(r"\[\[(?P<type>[A-Z_]+):(?P<text>[^\]|]+?)"
                   r"(?:\|(?P<action>keep|redact)(?::(?P<reason>[^\]]+))?)?\]\]", re.S)
BR = "\u2028"  # new set: a line ending in a backslash is a forced line break inside the paragraph


def strip_labels(source: str) -> tuple[str, list[tuple[str, str, str, int]]]:
    """The plain text and its labels."""
    out, labels, last = [], [], 0
    for m in LABEL.finditer(source):
        out.append(source[last:m.start()])
        text = m.group("text")
        labels.append((m.group("type"), text, m.group("action") or "redact", count("".join(out), text)))
        out.append(text)
        last = m.end()
    out.append(source[last:])
    return "".join(out), labels


def count(text: str, needle: str) -> int:
    return len(re.findall(re.escape(needle), text))


@dataclass
class NewPaper:
    """A labelled source of the new set: header fields, plain text as rendered, labels, keep reasons."""
    name: str
    meta: dict[str, str]
    plain: str
    labels: list[tuple[str, str, str, int]]
    reasons: list[str]

    @property
    def producer(self) -> str:
        return self.meta["producer"]

    @property
    def split(self) -> str:
        return self.name.split("_", 1)[0]


def parse_new_paper(path: Path) -> NewPaper:
    """``%% key: value`` header lines, then the text; a backslash at a line end joins the next line
    after a forced line break (how a name broken at a line end is written)."""
    meta, lines = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("%% "):
            key, _, value = line[3:].partition(":")
            meta[key.strip()] = value.strip()
        else:
            lines.append(line)
    source = re.sub(r"\\\n", BR, "\n".join(lines))
    plain, _ = strip_labels(source)
    labels, reasons, before = [], [], ""
    for m in LABEL.finditer(source):
        before = strip_labels(source[:m.start()])[0].replace(BR, "\n")
        text = m.group("text").replace(BR, "\n")
        # the n-th match of the pattern the locator uses, so that "Ann Lee" after "Ann\nLee" is the second
        labels.append((m.group("type"), text, m.group("action") or "redact",
                       len(re.findall(flexible(text), before))))
        reasons.append(m.group("reason") or "")
    return NewPaper(path.stem, meta, plain, labels, reasons)


def flexible(label_text: str, missing_glyphs: str = "") -> str:
    """A pattern for the label's words with any whitespace between them; a line break (and a line-end
    hyphen the reader dropped) may fall inside an e-mail address or number, and after a line-end hyphen
    the break may be dropped with it ("Hart-" "ley")."""
    out = ""
    words = label_text.split()
    for i, w in enumerate(words):
        if i:
            out += r"\s*" if words[i - 1].endswith("-") else r"\s+"
        out += r"\n?".join(_char(c, missing_glyphs) for c in w)
    return out


def _char(c: str, missing_glyphs: str) -> str:
    """A hyphen may be dropped at a line end; a letter outside a standard font's encoding may be drawn as
    a box or replacement glyph ("Wi■niewski" in a Helvetica PDF)."""
    if c == "-":
        return "-?"
    if missing_glyphs and not c.isascii() and c.isalpha():
        return f"(?:{re.escape(c)}|[{missing_glyphs}])"
    return re.escape(c)
