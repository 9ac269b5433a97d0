"""Stage 2: the paper's structure — reference, title, Part 1 deferral, Part 2 boundary and exemptions.

Everything is read from the document's joined text view (see :mod:`redaction.extract`), so headings broken
over lines or hyphenated at a line end are still found; positions map back to page characters, which
gives the Part 2 boundary as a page and a y coordinate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import foia
from .dates import find_dates
from .extract import Document
from .reading_order import Split, heading_split
from .running_marks import running_marking
from .withheld import WITHHOLDS, withholding_outside

# --- reference and title -------------------------------------------------------------------------------

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
_STOP_LABELS = re.compile(r"^\s*(Executive\s+Summary|Recommendations?|Key\s+information|Date|Reference|"
                          r"Decision|Summary|PART\s+(?:I|1|2|II)\b)", re.IGNORECASE)

# --- Part 1 deferral and the Part 2 form -------------------------------------------------------------

_DEFERRED = re.compile(r"Part\s*(?:1|I)\s+of\s+this\s+(?:approval|decision|form)\s+to\s+be\s+deferred\??"
                       r"[\s:–—-]*(?P<answer>YES|NO)\b", re.IGNORECASE)
_DEFERRED_SHORT = re.compile(r"to\s+be\s+deferred\??[\s:–—-]*(?P<answer>YES|NO)\b", re.IGNORECASE)
_REASON = re.compile(r"If\s+yes,?\s+for\s+what\s+reason\s*:?(?P<reason>.*?)Until\s+what\s+date",
                     re.IGNORECASE | re.DOTALL)
_UNTIL_WHAT_DATE = re.compile(r"Until\s+what\s+date\s*:?[ \t]*(?P<value>[^\n]*)", re.IGNORECASE)
_PART2_FORM = re.compile(r"Is\s+there\s+a\s+Part\s*(?:2|II)\s+form\s*[?:–—-]*\s*(?P<answer>YES|NO)\b",
                         re.IGNORECASE)
_NOT_APPLICABLE = re.compile(r"^\W*(n/?a|none|not\s+applicable|-+)?\W*$", re.IGNORECASE)

# --- Part 2 boundary -----------------------------------------------------------------------------------

# A heading starts a line (never a bullet) with "Part 2" and a dash or colon, or runs straight into its
# meaning ("PART 2 CONFIDENTIAL FACTS AND ADVICE"); "Part 2 Confidentiality:" in the form is not one.
# A heading may be numbered ("5. Part 2 — …", "B) Part II: …", "Section 5 – Part 2 …").
_NUMBERING = r"(?:(?:\d{1,2}[.)]?|[A-H][.)]|[IVX]{1,4}[.)])[ \t]+|Section[ \t]+\d{1,2}[ \t]*[-–—:.]?[ \t]*)?"
_PART2_HEADING = re.compile(r"(?im)^[ \t#]*" + _NUMBERING + r"Part\s*(?:2|II|Two)\b(?:\s*[-–—:.]|\s+(?=(?:"
                            r"confidential|not\s+for|exempt|restricted|closed)\b))")
# Other wordings of a heading that starts a withheld section: a short line that is only that heading.
_OTHER_HEADING = re.compile(
    r"(?im)^[ \t#]*" + _NUMBERING + r"(?:(?:Part\s*B|Appendix\s+\w{1,3}|Annex\s+\w{1,3})\s*[-–—:.]\s*)?"
    r"(?:(?:Confidential|Exempt|Restricted|Closed)\s+(?:facts|information|appendix|annex|report|section|part|"
    r"advice|session|business)|Not\s+for\s+publication|Exempt\s+from\s+(?:publication|disclosure)|"
    r"Private\s+and\s+confidential)\b[^\n]{0,100}$")
_PART2_MEANING = re.compile(
    r"not\s+suitable\s+for|not\s+for\s+(?:\w+\s+){0,2}publication|exempt\s+from\s+(?:publication|disclosure)|"
    r"will\s+not\s+be\s+published|(?<!non-)(?<!non\s)confidential\s+(?:facts|information|section|report|annex|"
    r"appendix)|exempt\s+information|Schedule\s+12A|OFFICIAL[\s-]*SENSITIVE|restricted\s+(?:section|information)|"
    r"private\s+and\s+confidential",
    re.IGNORECASE,
)
# "Part 2 – Confidential" (the rest of the heading on the next line, or nowhere).
_MEANING_FIRST = re.compile(r"[ \t]*(?:confidential|not\s+for|exempt|restricted|closed|private)\b", re.IGNORECASE)
# A line that starts like a Part 2 heading but says nothing the reader recognises: the officer confirms.
_PART2_LOOKALIKE = re.compile(r"(?im)^[ \t#]*" + _NUMBERING + r"Part\s*(?:2|II|Two)\s*[-–—:]")
# A withheld Part 2 mentioned in the text of a paper that does not contain it (web-page form).
_PART2_REFERENCE = re.compile(r"Part\s*(?:2|II)\s+(?:is|are|will\s+be)\s+(?:not\s+suitable|exempt|withheld|"
                              r"not\s+for\s+publication|confidential)", re.IGNORECASE)

# --- exemptions ----------------------------------------------------------------------------------------

_SECTION = re.compile(
    r"(?P<lead>\b(?:FOIA|FoI|FOI\s+Act)\s+)?\b(?:sections?|secs?\.?|ss?\.?)\s*(?P<num>\d{2}A?)(?!\d)"
    r"(?P<sub>(?:\s?\(\d+\))?(?:\s?\([a-z]\))?)"
    r"(?P<more>(?:\s*(?:,|and|&|or)\s*(?:sections?|secs?\.?|ss?\.?)?\s*\d{2}(?!\d)(?:\s?\(\d+\))?(?:\s?\([a-z]\))?)*)",
    re.IGNORECASE,
)
# "paragraph 3 of Schedule 12A", "paragraphs 3 and 5 of Part 1 of Schedule 12A", "Schedule 12A, paragraph 3".
_SCHEDULE_12A = re.compile(
    r"(?i:\bparagraphs?\s+(?P<a>\d(?:\s*(?:,|and|&|or)\s*\d)*)\s+of\s+(?:Part\s+(?:1|I)\s+of\s+)?Schedule\s+12\s?A"
    r"|\bSchedule\s+12\s?A\b[\s,(]*(?:\w+\s+){0,6}?(?:paragraphs?|paras?\.?)\s+(?P<b>\d(?:\s*(?:,|and|&|or)\s*\d)*))")
_MORE_NUM = re.compile(r"(\d{2})(?!\d)(\s?\(\d+\))?")
_FOIA_CONTEXT = re.compile(r"\bFOIA\b|\bFOI\b|Freedom\s+of\s+Information|\bexempt|\bexemption", re.IGNORECASE)
# Inside a Part 2 notice, "Sections 31(1)(a) and 40(2) apply" is a claim even without the word FOIA.
_NOTICE_CONTEXT = re.compile(r"\bappl(?:y|ies|ied)\b|\bengaged\b|\bwithh(?:e|o)ld|\breview|\bconfidential",
                             re.IGNORECASE)
_OTHER_ACT = re.compile(r"\s*(?:\(\w+\)\s*)*of\s+the\s+(?!Freedom\s+of\s+Information)(?:[A-Z][\w()]*[ \t,]+){1,8}?"
                        r"Act\b")
_NOT_A_CLAIM = re.compile(r"by\s+virtue\s+of\s*$|not\s+exempt\s+information\s+by\s+virtue\s+of\s*$", re.IGNORECASE)
_EXEMPTION_WORDS = re.compile(r"exempt|withheld|withhold|confidential|publication|publish|disclos|release|"
                              r"review|FOIA|Freedom\s+of\s+Information|closed", re.IGNORECASE)
_UNTIL_BEFORE = re.compile(r"(?:\buntil\s*:?|\b(?:released|published|disclosed|made\s+public)\s*(?:on|after|from|:)"
                           r"|\bno\s+earlier\s+than|\brelease\s+date\s*:?|\bexpir(?:es|y)(?:\s+(?:on|date))?\s*:?)"
                           r"\s*(?:at\s+least\s+)?(?:the\s+)?(?P<end>end\s+of\s+)?$", re.IGNORECASE)
_REVIEW_BEFORE = re.compile(r"\breview(?:ed)?\s*(?:date)?\s*(?:is\s+)?(?:due\s+)?(?:in|on|by|at|after|from|:)?"
                            r"\s*(?:the\s+)?(?P<end>end\s+of\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])[.;](?=\s)|\n\s*\n")
# For the short text shown to people: a line break before a capital letter also ends a sentence.
_DISPLAY_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Za-z])[.;:](?=\s)|\n(?=\s*[(•-])|(?<![a-z0-9])\n(?=\s*[A-Z])")


@dataclass
class Exemption:
    section: str
    title: str
    until: date | None = None
    review: date | None = None
    text: str = ""
    subsection: str | None = None
    act: str = "Freedom of Information Act 2000"  # or the Local Government Act 1972 (Schedule 12A)

    def to_dict(self) -> dict:
        return {"section": self.section, "subsection": self.subsection, "title": self.title,
                "until": _iso(self.until), "review": _iso(self.review), "text": self.text, "act": self.act}


@dataclass
class Structure:
    reference: str | None = None
    title: str | None = None
    deferred: bool | None = None
    deferred_until: date | None = None
    deferral_reason: str | None = None
    part2_form: bool | None = None
    part2_start: tuple[int, float] | None = None  # (1-based page, y in PDF points as the page is displayed)
    part2_x: float | None = None  # x where the heading starts (as displayed): which column, on a page of columns
    part2_split: Split | None = field(default=None, repr=False, compare=False)  # the areas of the heading's page
    part2_referenced: bool = False  # a withheld Part 2 exists but is not in this file
    exemptions: list[Exemption] = field(default_factory=list)
    release_on: date | None = None
    review_on: date | None = None
    part1_pages: list[int] = field(default_factory=list)
    part2_pages: list[int] = field(default_factory=list)
    needs_confirmation: list[str] = field(default_factory=list)  # e.g. ["part2_start"]: fail closed until
    warnings: list[str] = field(default_factory=list)

    @property
    def part2_boundary(self):
        """``(page, y)`` of the Part 2 start; when the analysis drew it, the tuple also carries the Part 2
        rectangles of that page (``part2_areas``) for readers that must follow columns and rotated pages."""
        return self.part2_split.as_start() if self.part2_split is not None else self.part2_start

    @property
    def has_part2(self) -> bool:
        return self.part2_start is not None or self.part2_referenced

    def exemptions_by(self, section: str) -> Exemption:
        return next(ex for ex in self.exemptions if ex.section == section)


def read_structure(doc: Document, *, today: date | None = None) -> Structure:
    """Read the structure of a paper. Never raises on odd content: problems become warnings."""
    view = doc.joined_view
    text = view.text
    s = Structure()
    s.reference = _reference(text)
    s.title = _title(doc, text)
    _deferral(text, s)
    heading = _part2_heading(text)
    if heading is not None:
        s.part2_start, s.part2_x, layout_warning = _boundary(doc, heading, s)
        notice = text[heading:]
        if layout_warning:
            s.warnings.append(layout_warning)
            s.needs_confirmation.append("part2_start")
    else:
        notice = ""
        reference = _PART2_REFERENCE.search(text)
        s.part2_referenced = bool(reference)
        if reference:
            _picture_above(doc, reference.start(), s)
        lookalike = _PART2_LOOKALIKE.search(text)
        if lookalike:
            page = (view.page_of(lookalike.start()) or 0) + 1
            s.warnings.append(f"a line on page {page} starts like a Part 2 heading but was not recognised: "
                              "confirm where Part 2 starts, or that there is none")
            s.needs_confirmation.append("part2_start")
    _withholding(doc, text, heading, s)
    _exemptions(notice or (text if s.part2_referenced else ""), s, in_notice=bool(notice))
    s.part1_pages, s.part2_pages = _part_pages(doc, s.part2_split)
    _check_form(s, _pictured_pages(doc))
    _check_dates(s, today)
    return s


def read_part2_after(doc: Document, split: Split, *, part2_form: bool | None = None) -> Structure:
    """The Part 2 an officer's start marks: its exemptions and dates read, with the same reader as a heading's
    notice, from the text after the start (the first Part 2 character in reading order), and the form
    checks made again against it."""
    view = doc.joined_view
    start = next((i for i, r in enumerate(view.refs) if r is not None and doc.pages[r[0]].chars[r[1]].box
                  and doc.pages[r[0]].chars[r[1]].text.strip()
                  and split.part_of(r[0], doc.pages[r[0]].chars[r[1]].box) == 2), None)
    s = Structure(part2_form=part2_form, part2_start=(split.page_index + 1, split.y), part2_x=split.x,
                  part2_split=split)
    if start is not None:
        _exemptions(view.text[start:], s, in_notice=True)
    s.part1_pages, s.part2_pages = _part_pages(doc, split)
    _check_form(s)
    return s


# --- helpers -------------------------------------------------------------------------------------------

def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _normalise_ref(m: re.Match) -> str:
    return f"{m.group('prefix').upper()} {m.group('num')}"


def _reference(text: str) -> str | None:
    m = _REF_LABELLED.search(text)
    if m:
        return _normalise_ref(m)
    g = _REF_GENERIC.search(text)
    if g:
        known = _REF_ANY.fullmatch(g.group("ref"))
        return _normalise_ref(known) if known else g.group("ref")
    m = _REF_ANY.search(text)
    return _normalise_ref(m) if m else None


def _title(doc: Document, text: str) -> str | None:
    m = _TITLE_LABEL.search(text)
    if m:
        return _follow_wrap(doc, text, m.start("title"), m.end())
    # Web-page form: a line that is the reference followed by the title ("PCD 1682 Alpha - Social Media Hub").
    for lm in re.finditer(r"(?m)^[ \t]*" + _REF + r"[ \t]*[-–—:]?[ \t]*(?P<rest>[A-Za-z][^\n]{3,})$", text):
        return _follow_wrap(doc, text, lm.start("rest"), lm.end())
    return None


def _follow_wrap(doc: Document, text: str, start: int, end: int) -> str:
    """The title from ``start`` to the end of its line, plus the lines it wraps onto: while a line fills
    the page width and the next line is no label, the next line continues the title."""
    title = text[start:end].strip()
    pos = end
    while _line_is_full(doc, start, pos) and pos < len(text) and len(title) < 250:
        nxt_end = text.find("\n", pos + 1)
        nxt_end = len(text) if nxt_end == -1 else nxt_end
        nxt = text[pos + 1: nxt_end].strip()
        if not nxt or _STOP_LABELS.match(nxt) or _REF_ANY.match(nxt):
            break
        title = f"{title} {nxt}"
        start, pos = pos + 1, nxt_end
    return _clean(title)


def _line_is_full(doc: Document, start: int, end: int) -> bool:
    view = doc.joined_view
    refs = [r for r in view.refs[start:end] if r is not None]
    if not refs:
        return False
    p, i = refs[-1]
    box = doc.pages[p].chars[i].box
    return bool(box) and box[2] > 0.7 * doc.pages[p].width


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" \t:–-")


def _deferral(text: str, s: Structure) -> None:
    m = _DEFERRED.search(text) or _DEFERRED_SHORT.search(text)
    if m:
        s.deferred = m.group("answer").upper() == "YES"
    rm = _REASON.search(text)
    if rm:
        reason = _clean(rm.group("reason"))
        if reason and not _NOT_APPLICABLE.match(reason):
            s.deferral_reason = reason
    um = _UNTIL_WHAT_DATE.search(text)
    if um:
        value = um.group("value").strip()
        dates = find_dates(value)
        if dates and dates[0].value:
            s.deferred_until = dates[0].value
        elif dates:
            s.warnings.append(f"Part 1 deferral date '{dates[0].text}' is not a valid date (dates are read "
                              "day first); set it by hand")
        elif not _NOT_APPLICABLE.match(value):
            s.warnings.append("Part 1 deferral date could not be read; check it by hand")
    if s.deferred and s.deferred_until is None:
        s.warnings.append("Part 1 publication is to be deferred but no date was found: it stays unpublished "
                          "until an officer sets a date")
    if s.deferred is False and s.deferred_until is not None:
        s.warnings.append("the form says Part 1 is not deferred but gives a deferral date: the date is used")
        s.deferred = True
    if s.deferred is False:
        s.deferral_reason = None
    pm = _PART2_FORM.search(text)
    if pm:
        s.part2_form = pm.group("answer").upper() == "YES"


def _part2_heading(text: str) -> int | None:
    for m in _PART2_HEADING.finditer(text):
        window = text[m.end(): m.end() + 320]
        if _PART2_MEANING.search(window) or WITHHOLDS.search(window) or _MEANING_FIRST.match(window):
            return m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t#"))
    for m in _OTHER_HEADING.finditer(text):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t#"))
        if text[start].isupper() or text[start].isdigit():
            if _after_sentence_end(text, m.start()):
                return start
    return None


def _after_sentence_end(text: str, pos: int) -> bool:
    """A heading starts after a finished sentence, a blank line or a page break, never mid-sentence."""
    before = text[max(0, pos - 200): pos].rstrip()
    return not before or before[-1] in ".:;!?)" or text[max(0, pos - 3): pos].count("\n") >= 2 or \
        before.split("\n")[-1].strip().isupper()


def _picture_above(doc: Document, pos: int, s: Structure) -> None:
    """"Part 2 is exempt …" under a wide picture on its page may be the body of a Part 2 whose heading is
    that picture, not a Part 2 withheld elsewhere: the officer confirms."""
    ref = next((r for r in doc.joined_view.refs[pos:] if r is not None), None)
    if ref is None:
        return
    page = doc.pages[ref[0]]
    box = page.chars[ref[1]].box
    if box and any(b[2] - b[0] >= 0.5 * min(page.width, page.height) and b[1] >= box[3] - 1 for b in page.images):
        s.warnings.append(f"page {page.number} mentions a withheld Part 2 just below a wide picture, which may be "
                          "its heading: confirm where Part 2 starts, or that it is not in this file")
        s.needs_confirmation.append("part2_start")


def _withholding(doc: Document, text: str, heading: int | None, s: Structure) -> None:
    """Fail closed: wording that withholds part of the paper outside the Part 2 found needs a confirmation."""
    found = withholding_outside(text, len(text) if heading is None else heading,
                                has_part2=heading is not None or s.part2_referenced)
    # A running header such as "OFFICIAL-SENSITIVE" on every page classifies the paper; it marks no section.
    found = [pos for pos in found if not running_marking(doc, text, pos)]
    if not found:
        return
    pages = sorted({(doc.joined_view.page_of(pos) or 0) + 1 for pos in found})
    where = ", ".join(str(p) for p in pages[:5])
    s.warnings.append(f"page{'s' if len(pages) > 1 else ''} {where} say{'' if len(pages) > 1 else 's'} part of the "
                      "paper is withheld (not for publication, exempt or confidential) outside "
                      f"{'the Part 2 found' if heading is not None else 'any recognised Part 2'}: confirm where "
                      "Part 2 starts, or that there is none")
    if "part2_start" not in s.needs_confirmation:
        s.needs_confirmation.append("part2_start")


def _boundary(doc: Document, pos: int, s: Structure) -> tuple[tuple[int, float], float | None, str | None]:
    """Page and y of the Part 2 heading (between its first line and the content above it in its column),
    the x where it starts, and why the whole page was withheld when its layout was unclear."""
    ref = next(r for r in doc.joined_view.refs[pos:] if r is not None)
    split = heading_split(doc, *ref)
    s.part2_split = split
    return (doc.pages[split.page_index].number, split.y), split.x, split.warning


def _part_pages(doc: Document, split: Split | None) -> tuple[list[int], list[int]]:
    everything = [p.number for p in doc.pages]
    if split is None:
        return everything, []
    index = split.page_index
    has_part1 = any(c.box and not c.generated and c.text.strip() and split.part_of(index, c.box) == 1
                    for c in doc.pages[index].chars)
    return everything[:index + 1] if has_part1 else everything[:index], everything[index:]


def _sentence_bounds(text: str, start: int, end: int, ends: re.Pattern = _SENTENCE_END) -> tuple[int, int]:
    left = 0
    for m in ends.finditer(text, max(0, start - 400), start):
        left = m.end()
    m = ends.search(text, end)
    right = m.end() if m else len(text)
    return left, right


def _display(text: str, start: int, end: int) -> str:
    left, right = _sentence_bounds(text, start, end, _DISPLAY_END)
    return _clean(text[left:right])[:300]


def _exemptions(notice: str, s: Structure, *, in_notice: bool = False) -> None:
    if not notice:
        return
    found: dict[str, Exemption] = {}
    positions: list[tuple[int, int, str]] = []  # (start, end, section)
    for m in _SECTION.finditer(notice):
        if _NOT_A_CLAIM.search(notice[max(0, m.start() - 40): m.start()]):
            continue
        nums = [(m.group("num").upper(), _sub(m.group("sub")))]
        nums += [(n, _sub(sub)) for n, sub in _MORE_NUM.findall(m.group("more") or "")]
        left, right = _sentence_bounds(notice, m.start(), m.end())
        sentence = notice[left:right]
        for num, sub in nums:
            if num not in foia.SECTIONS:
                continue
            after = notice[m.end(): m.end() + 60].lower()
            titled = any(k in after for k in foia.KEYWORDS.get(num, ())) or foia.SECTIONS[num].lower() in after
            # In a Part 2 notice, "(NOT FOR PUBLICATION until … under section 43)" claims the section too.
            context = _FOIA_CONTEXT.search(sentence) or (in_notice and (_NOTICE_CONTEXT.search(sentence)
                                                                        or WITHHOLDS.search(sentence)))
            if not (m.group("lead") or context or titled):
                continue
            if _OTHER_ACT.match(notice, m.end()) and not m.group("lead"):
                continue  # "section 40 of the Data Protection Act 2018" is not a FOIA exemption
            ex = found.setdefault(num, Exemption(section=num, title=foia.SECTIONS[num],
                                                 text=_display(notice, m.start(), m.end())))
            ex.subsection = ex.subsection or sub
            positions.append((m.start(), m.end(), num))
    _schedule_12a(notice, found, positions, in_notice)
    s.exemptions = list(found.values())
    _exemption_dates(notice, s, positions)


def _schedule_12a(notice: str, found: dict, positions: list, in_notice: bool) -> None:
    """Exempt information under the Local Government Act 1972, Schedule 12A, by paragraph."""
    for m in _SCHEDULE_12A.finditer(notice):
        left, right = _sentence_bounds(notice, m.start(), m.end())
        if not (in_notice or _FOIA_CONTEXT.search(notice[left:right])):
            continue
        if _NOT_A_CLAIM.search(notice[max(0, m.start() - 45): m.start()]) and \
                re.search(r"\bnot\s+exempt", notice[max(0, m.start() - 45): m.start()], re.IGNORECASE):
            continue  # "not exempt information by virtue of paragraph 3 …" is no claim
        for paragraph in re.findall(r"\d", m.group("a") or m.group("b")):
            if paragraph not in foia.SCHEDULE_12A:
                continue
            section = foia.schedule_12a_section(paragraph)
            found.setdefault(section, Exemption(
                section=section, title=f"{foia.SCHEDULE_12A_ACT}, Schedule 12A paragraph {paragraph}: "
                f"{foia.SCHEDULE_12A[paragraph]}", text=_display(notice, m.start(), m.end()),
                act=foia.SCHEDULE_12A_ACT))
            positions.append((m.start(), m.end(), section))


def _sub(sub: str) -> str | None:
    """The subsection only: "(1)" of "31(1)(a)" (the paragraph letter is not part of the exemption's name)."""
    m = re.match(r"\s?\(\d+\)", sub or "")
    return m.group(0).strip() if m else None


def _exemption_dates(notice: str, s: Structure, positions: list[tuple[int, int, str]]) -> None:
    general_until: list[tuple[date, str]] = []
    general_review: list[tuple[date, str]] = []
    last_end = {"until": 0, "review": 0}
    for d in find_dates(notice):
        before = notice[max(0, d.start - 60): d.start]
        kind = "until" if _UNTIL_BEFORE.search(before) else "review" if _REVIEW_BEFORE.search(before) else None
        if kind is None:
            continue
        left, right = _sentence_bounds(notice, d.start, d.end)
        sentence = notice[left:right]
        if not _EXEMPTION_WORDS.search(sentence):
            continue
        shown = _display(notice, d.start, d.end)
        if d.value is None:
            s.warnings.append(f"Part 2 {kind} date '{d.text}' is not a valid date (dates are read day first); "
                              "set it by hand")
            continue
        value = d.value
        end_of = (_UNTIL_BEFORE if kind == "until" else _REVIEW_BEFORE).search(before).group("end")
        if d.month_only and end_of:
            value = date(value.year + value.month // 12, value.month % 12 + 1, 1)
        own = {sec for a, b, sec in positions if left <= a and b <= right}
        if not own:
            # "Section 31 …: … exempt until A. Section 43 …: … exempt until B." — a date with no section
            # in its sentence belongs to the sections named since the previous date of its kind.
            own = {sec for a, _, sec in positions if last_end[kind] <= a < d.start}
        last_end[kind] = d.end
        targets = [s.exemptions_by(sec) for sec in sorted(own)]
        if not targets:
            (general_until if kind == "until" else general_review).append((value, shown))
            continue
        for ex in targets:
            _set_date(ex, kind, value, shown)
    for ex in s.exemptions:
        if ex.until is None and general_until:
            _set_date(ex, "until", max(v for v, _ in general_until), general_until[-1][1])
        if ex.review is None and general_review:
            _set_date(ex, "review", min(v for v, _ in general_review), general_review[0][1])
    if not s.exemptions and (general_until or general_review):
        s.warnings.append("Part 2 gives a date but names no FOIA section; check the exemption by hand")
        s.release_on = max((v for v, _ in general_until), default=None)
        s.review_on = min((v for v, _ in general_review), default=None)
        return
    untils = [ex.until for ex in s.exemptions]
    s.release_on = max(untils) if untils and all(untils) else None
    reviews = [ex.review for ex in s.exemptions if ex.review]
    s.review_on = min(reviews) if reviews else None


def _set_date(ex: Exemption, kind: str, value: date, sentence: str) -> None:
    if kind == "until":
        ex.until = max(ex.until, value) if ex.until else value
    else:
        ex.review = min(ex.review, value) if ex.review else value
    if sentence and sentence not in ex.text:
        ex.text = f"{ex.text} {sentence}".strip() if ex.text else sentence


def _pictured_pages(doc: Document) -> list[int]:
    """Pages with a large image: a tenth of the page, or a banner half as wide as the page."""
    return [p.number for p in doc.pages if any((b[2] - b[0]) * (b[3] - b[1]) >= 0.1 * p.width * p.height
                                               or max(b[2] - b[0], b[3] - b[1]) >= 0.5 * min(p.width, p.height)
                                               for b in p.images)]


def _check_form(s: Structure, pictured: list[int] = ()) -> None:
    if s.part2_form is True and s.part2_start is None:
        # A Part 2 the form promises but the text does not show (a heading drawn as an image, say) must not
        # be published as Part 1, even when the text also mentions a Part 2 withheld elsewhere.
        s.warnings.append("the form says there is a Part 2 but none was found in the paper: confirm there is "
                          "none, or mark where it starts")
        if pictured:
            s.warnings.append(f"page{'s' if len(pictured) > 1 else ''} {', '.join(map(str, pictured[:5]))} "
                              "carr" + ("y" if len(pictured) > 1 else "ies") + " large images: a Part 2 heading "
                              "drawn as a picture cannot be read")
        if "part2_start" not in s.needs_confirmation:
            s.needs_confirmation.append("part2_start")
    if s.part2_form is False and s.part2_start is not None:
        s.warnings.append("the form says there is no Part 2 but the paper contains one: the Part 2 found is "
                          "withheld")
    if s.has_part2 and not s.exemptions:
        s.warnings.append("Part 2 names no FOIA exemption; check it by hand")
    if s.has_part2 and s.exemptions and s.release_on is None and s.review_on is None:
        s.warnings.append("Part 2 gives no release or review date: it stays withheld until an officer acts")


def _check_dates(s: Structure, today: date | None) -> None:
    if today is None:
        return
    if s.release_on and s.release_on <= today:
        s.warnings.append(f"the Part 2 exemption expired on {s.release_on.isoformat()}: Part 2 will be "
                          "released when the paper is published")
    if s.deferred_until and s.deferred_until <= today:
        s.warnings.append(f"the Part 1 deferral date {s.deferred_until.isoformat()} has passed: Part 1 will be "
                          "published at once")

