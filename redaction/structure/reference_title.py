"""The paper's reference ("PCD 956", or any scheme after a label, read as written) and its title."""

from __future__ import annotations

import re
from statistics import median, median_low

from ..extract import Char, Document
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


# A labelled reference on the first page in any scheme, as written: "Our ref: FMP-C-2033-041", "case SDP-2033-058",
# "request FOI 2033-1187" (the label FOI is part of it), "Record number: 2033/0419". Read only when none of the
# above is found. The code has a digit, and a letter, a separator or four digits (not after "Case"); a line break
# after a hyphen inside it ("FOI 2033-\n1187") is a wrapped line.
_LABEL_CODE = re.compile(
    r"(?i:\b(?:(?:our\s+)?ref(?:erence)?(?:\s+(?:no\.?|number))?|(?P<case>case)(?:\s+(?:no\.?|number|ref(?:erence)?))?|"
    r"(?:decision|record|request|report|paper|file)\s+(?:number|no\.?|ref(?:erence)?)|(?P<foi>foi))(?![\w-]))"
    r"[ \t]*[:.–—]?[ \t]*(?(foi)[/-]?)"
    r"(?P<code>[A-Z0-9]{1,12}(?:(?:[/-]|-[ \t]*\n[ \t]*)[A-Z0-9]{1,12}){0,6})(?![\w/-])")
# A code in a document title, unlabelled: letters, then parts with a digit after / or - ("TS/2033/0419"), the
# first part may follow a space ("Cabinet Report CAB 2026/041", a council's heading; a number alone is no code, nor
# is a statutory instrument cited in a title, "SI 2026/123").
_TITLE_CODE = re.compile(r"(?<![\w/-])(?!S?SI )[A-Z]{2,6}(?:[/-][A-Z0-9]{1,6}|[ ]\d{1,5}(?=[/-]\d))(?:[/-][A-Z0-9]{1,6}){0,5}"
                         r"(?![\w/-])")
# Titles a PDF maker writes by itself: a file name, "Microsoft Word - …", "Untitled".
_MADE_UP_TITLE = re.compile(r"(?i)^(?:microsoft\s+\w+\s*-|untitled\b|document\s*\d*$|slide\s*\d*$)|"
                            r"\.(?:docx?|odt|rtf|pdf|xlsx?|pptx?|html?|txt)$")
METADATA_TITLE_MAX_CHARS = 500


def read_labelled_code(first_page: str) -> str | None:
    """A reference in any scheme after a label on the first page (see ``_LABEL_CODE``), as written, or None."""
    for m in _LABEL_CODE.finditer(first_page):
        code = re.sub(r"-[ \t]*\n[ \t]*", "-", m.group("code"))
        if not _is_code(code, digits_alone=not m.group("case")):
            continue
        if m.group("foi"):  # the label is part of the reference: "FOI 2033-1187", "FOI/2032/0917"
            written = re.sub(r"-[ \t]*\n[ \t]*", "-", m.group(0))
            return re.sub(r"^(FOI)[ \t]*[:.–—]?[ \t]*", r"\1 ", written, flags=re.I).replace(" /", "/").replace(" -", "-")
        return code
    return None


def _is_code(code: str, *, digits_alone: bool = True) -> bool:
    """A code has a digit, and a letter or a separator, or (``digits_alone``) four digits: "Our reference:
    260417" is the paper's, "Case 4117" one of the cases it lists."""
    digits = sum(c.isdigit() for c in code)
    return bool(digits) and (any(c.isalpha() for c in code) or "/" in code or "-" in code
                             or (digits_alone and digits >= 4))


# The first heading: a line among the first few of page 1 drawn this much larger than the page's text.
HEADING_SCALE = 1.15
HEADING_LINES = 8
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[ivx]+\.)\s")
# Lines that name or address a person, never a title: "Claimant: Ms T. …", "Dear …", "To: …".
_PARTY_LINE = re.compile(r"^\s*(?:Claimant|Respondent|Appellant|Applicant|Defendant|Complainant|Dear|To|From|"
                         r"Attn|For the attention of)\b", re.IGNORECASE)


def read_first_heading(doc: Document) -> str | None:
    """The first heading of page 1, with the lines it wraps onto: the first of its first lines whose letters
    are at least ``HEADING_SCALE`` times as tall as the page's usual line's (lower case against lower case, capitals and
    digits against capitals and digits, so a line in capitals is no heading for that alone). Not a numbered
    section heading ("1. Summary") or a label. A fallback when no title is written after a label and the
    PDF names none."""
    if not doc.pages or not doc.pages[0].chars:
        return None
    lines = _lines(doc.pages[0].chars)
    # the page's size is its usual line's: the median over lines, so a long heading weighs as one line
    per_line = [_heights(line) for line in lines]
    page_low = median_low([h[0] for h in per_line if h[0]] or [0.0])
    page_tall = median_low([h[1] for h in per_line if h[1]] or [0.0])
    if not page_low and not page_tall:
        return None
    title: list[str] = []
    for line in lines[:HEADING_LINES]:
        text = " ".join("".join(c.text for c in line).split())
        low, tall = _heights(line)
        large = (low and page_low and low >= HEADING_SCALE * page_low) or (
            not low and tall and page_tall and tall >= HEADING_SCALE * page_tall)
        if large and text and not (not title and (_NUMBERED.match(text) or _STOP_LABELS.match(text))):
            if _PARTY_LINE.match(text):
                return None
            if title and title[-1].endswith("-") and text[:1].isalnum() and not text[:1].isupper():
                title[-1] += text  # "FOI 2033-" / "1187": a code wrapped at its hyphen
                continue
            title.append(text)
            if sum(map(len, title)) >= TITLE_MAX_CHARS:
                break
        elif title:
            break
    heading = clean(" ".join(title))[:TITLE_MAX_CHARS] if title else ""
    return heading if len(heading.split()) >= 2 else None


def _lines(chars: tuple[Char, ...]) -> list[list[Char]]:
    lines: list[list[Char]] = [[]]
    for c in chars:
        if c.text in ("\r", "\n"):
            if lines[-1]:
                lines.append([])
        else:
            lines[-1].append(c)
    return [line for line in lines if line]


def _heights(chars) -> tuple[float, float]:
    """Median heights of the lower-case letters and of the capitals and digits (0 when there are none)."""
    low = [c.box[3] - c.box[1] for c in chars if c.box and c.text.isalpha() and c.text.islower()]
    tall = [c.box[3] - c.box[1] for c in chars if c.box and (c.text.isdigit() or c.text.isalpha() and c.text.isupper())]
    return (median(low) if low else 0.0), (median(tall) if tall else 0.0)


def read_metadata_title(title: str | None) -> str | None:
    """The PDF's /Title as a title, on one line, unless it is empty or one a PDF maker writes by itself."""
    title = " ".join((title or "").split())
    if len(title) < 4 or not any(c.isalpha() for c in title) or _MADE_UP_TITLE.search(title):
        return None
    return title[:METADATA_TITLE_MAX_CHARS]


def reference_in_title(title: str | None) -> str | None:
    """A reference written in a document title: after a label, else an unlabelled code ("TS/2033/0419")."""
    if not title:
        return None
    labelled = read_labelled_code(title)
    if labelled:
        return labelled
    for m in _TITLE_CODE.finditer(title):
        if any(c.isdigit() for c in m.group(0)):
            return m.group(0)
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
