"""The paper's reference ("PCD 956", or any scheme after a label, read as written) and its title."""

from __future__ import annotations

import re

from ..extract import Document
from .text import clean

# A line that reaches this share of the page width is full: the title goes on over the next line.
FULL_LINE_SHARE = 0.7
# A title that grew this long has run into the text below it: stop following its lines.
TITLE_MAX_CHARS = 250

_REF = r"(?P<prefix>PCD|DMPCD|MD|DD|ADD|ODD|RMD|LFC)\s?[-–]?\s?(?P<num>\d{1,5})\b(?!-)"
_REF_LABELLED = re.compile(r"(?:Reference(?:\s+code)?|Ref(?:erence)?\s*(?:No\.?|number)?|Decision)\s*"
                           r"(?:[:–—-]\s*)?" + _REF, re.IGNORECASE)
_REF_ANY = re.compile(r"\b" + _REF)
# Any organisation's scheme after a label, read as written: "Decision number: LFC-0712-D", "Reference: DD2456",
# "Report reference: CAB/2027/031", "Decision No. BD/27/044", "Our ref LFB-2210".
_REF_GENERIC = re.compile(r"(?i:\b(?:(?:report\s+|paper\s+|our\s+|decision\s+)?reference(?:\s+(?:code|number|no\.?))?|"
                          r"(?:our\s+)?ref\.?(?:\s+no\.?)?|(?:decision|report|paper)\s+(?:number|no\.?)|"
                          r"decision(?=\s*[:–—-])))\s*[:–—-]?[ \t]*"
                          r"(?P<ref>[A-Z]{2,6}(?:[ /-]?\d{1,5})(?:[/-][A-Z0-9]{1,6})*)(?![\w/])")
_TITLE_LABEL = re.compile(r"^[ \t]*Title\b[ \t:–-]*(?P<title>\S[^\n]*)$", re.MULTILINE | re.IGNORECASE)
# Web-page form: a line that is the reference followed by the title ("PCD 1682 Alpha - Social Media Hub").
_REF_TITLE_LINE = re.compile(r"(?m)^[ \t]*" + _REF + r"[ \t]*[-–—:]?[ \t]*(?P<rest>[A-Za-z][^\n]{3,})$")
_STOP_LABELS = re.compile(r"^\s*(Executive\s+Summary|Recommendations?|Key\s+information|Date|Reference|"
                          r"Decision|Summary|PART\s+(?:I|1|2|II)\b)", re.IGNORECASE)


def read_reference(text: str) -> str | None:
    """The reference: a known scheme after a label, any scheme after a label, a known scheme anywhere."""
    m = _REF_LABELLED.search(text)
    if m:
        return _normalise(m)
    g = _REF_GENERIC.search(text)
    if g:
        known = _REF_ANY.fullmatch(g.group("ref"))
        return _normalise(known) if known else g.group("ref")
    m = _REF_ANY.search(text)
    return _normalise(m) if m else None


def read_title(doc: Document, text: str) -> str | None:
    """The text after a "Title" label, or after the reference on its own line, with the lines it wraps onto."""
    m = _TITLE_LABEL.search(text)
    if m:
        return _follow_wrap(doc, text, m.start("title"), m.end())
    m = _REF_TITLE_LINE.search(text)
    if m:
        return _follow_wrap(doc, text, m.start("rest"), m.end())
    return None


def _normalise(m: re.Match) -> str:
    return f"{m.group('prefix').upper()} {m.group('num')}"


def _follow_wrap(doc: Document, text: str, start: int, end: int) -> str:
    """The title from ``start`` to the end of its line, plus the lines it wraps onto: while a line fills
    the page width and the next line is no label, the next line continues the title."""
    title = text[start:end].strip()
    pos = end
    while _line_is_full(doc, start, pos) and pos < len(text) and len(title) < TITLE_MAX_CHARS:
        nxt_end = text.find("\n", pos + 1)
        nxt_end = len(text) if nxt_end == -1 else nxt_end
        nxt = text[pos + 1: nxt_end].strip()
        if not nxt or _STOP_LABELS.match(nxt) or _REF_ANY.match(nxt):
            break
        title = f"{title} {nxt}"
        start, pos = pos + 1, nxt_end
    return clean(title)


def _line_is_full(doc: Document, start: int, end: int) -> bool:
    refs = [r for r in doc.joined_view.refs[start:end] if r is not None]
    if not refs:
        return False
    p, i = refs[-1]
    box = doc.pages[p].chars[i].box
    return bool(box) and box[2] > FULL_LINE_SHARE * doc.pages[p].width
