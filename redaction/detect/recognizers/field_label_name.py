"""Names after a form's field label: "Report author: Mike West", "Decision by: Sophie Linden", "Contact:\tJo Bell",
"Report by DSU Mike West" (a rank between label and name is left to the titled-name recognizer), a table
row read as one line ("Report author Siobhán Ní Bhriain"), and a full name after any short label on a
contact line ("Out of hours: Ines Carvalho-Duarte, m. 07700 900678", "Programme office: Olamide Sutton,
Mob: ..."): there, First + Surname is a person even when the surname is also a place."""

from __future__ import annotations

import re

from .. import regex_cache
from .base import RuleRecognizer
from ..vocabulary import JOB_WORDS
from .patterns import FULL_NAME, LABEL, NAME, RANK, SEP, TITLE, name_words, plausible_name, rank_in_context

# "Report by Mike West" needs no colon; any other label does ("Officer Safety Training" is no label), or
# a tab (a table cell). The label is a whole word: "AUTHORITY" does not start with the label "Author".
_LABELLED = regex_cache.compile(
    rf"(?:^|(?<=[\s(|]))(?:(?i:{LABEL})(?<=[Bb][Yy])[ \t]*[:\-–]?|(?i:{LABEL})[ \t]*(?:[:\-–]|\t))(?!\w)"
    rf"[ \t]*(?:\n[ \t]*)?(?:(?P<title>{RANK}|{TITLE}){SEP})?(?P<name>{NAME})", re.MULTILINE)
# A table row "Label | Name" extracted as one line: the label starts the line, the full name ends it.
_ROW = regex_cache.compile(rf"^[ \t]*(?i:{LABEL})[ \t]+(?:(?P<title>{RANK}|{TITLE})[ \t]+)?(?P<name>{FULL_NAME})[ \t]*$",
                  re.MULTILINE)
# ... or read as cells on lines of their own (table cells are lines to detection): "Name" / "Julian Abernethy"
_CELL_BELOW = regex_cache.compile(rf"^[ \t]*(?i:{LABEL})[ \t]*:?[ \t]*\n[ \t]*(?P<line>[^\n]+?)[ \t]*$", re.MULTILINE)
_NAME_CELL = regex_cache.compile(rf"(?:(?P<title>{RANK}|{TITLE})[ \t]+)?(?P<name>{FULL_NAME})")
# Any short label ending in a colon at a line start, then a full name that ends at a comma, bracket,
# semicolon or the line end: a contact line. Labels that introduce places or subjects do not count.
_CONTACT = regex_cache.compile(rf"^[ \t]*(?P<label>[A-Z][\w'’&/-]*(?:[ \t]+[\w'’&/-]+){{0,3}})[ \t]*:[ \t]*"
                      rf"(?P<name>{FULL_NAME})(?=[ \t]*(?:[,;(–]|\.?[ \t]*$))", re.MULTILINE)
# Labels that introduce a place anywhere in them, or a subject as their last word ("Wards affected",
# "Project title", "Lead Member"), not a person; "Programme office", "Out of hours" do introduce one.
_PLACE_LABEL = regex_cache.compile(r"(?i)\b(?:wards?|boroughs?|location|venue|address|site|premises|area|region|route)\b")
_SUBJECT_LABEL = regex_cache.compile(
    r"(?i)\b(?:title|subject|re|ref|reference|project|programme|operation|op|decision|recommendation|date|"
    r"time|period|status|budget|cost|funding|supplier|provider|organisation|company|body|department|"
    r"directorate|service|scheme|policy|document|attachment|appendix|annex|part|section|member|heading|"
    r"topic|theme|purpose|summary|outcome|category|type|classification|exemption|line|affected)$")




class FieldLabelNameRecognizer(RuleRecognizer):
    SCORE = 0.9
    EXPLANATION = "name after a field label"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        # the name fills the cell below the label
        cells_below = [c for m in _CELL_BELOW.finditer(text)
                       if (c := _NAME_CELL.fullmatch(text, m.start("line"), m.end("line")))]
        for m in [*_LABELLED.finditer(text), *_ROW.finditer(text), *cells_below]:
            if len(m.group("name").split()) > 1 and any(w.casefold() in JOB_WORDS for w in m.group("name").split()):
                continue  # "Seizing officer: Border Force Officer" / "Hamish ...": a post, the name after it
            rank = rank_in_context(text, m.start("title"), m.group("title")) if m.group("title") else None
            out.append(self.result(m.start("name"), m.end("name"), rank=rank))
        for m in _CONTACT.finditer(text):
            label = m.group("label")
            # the field ends at its line end: "Case worker: Barnaby Fitzwilliam" + "Contact" (a cell below)
            name = m.group("name").split("\n")[0].rstrip()
            # ("Seizing officer: Border Force Officer" / "Hamish ...": a post, not the name)
            if not (_PLACE_LABEL.search(label) or _SUBJECT_LABEL.search(label)) and len(name.split()) > 1 and (
                    plausible_name(name_words(name))) and not any(w.casefold() in JOB_WORDS for w in name.split()):
                out.append(self.result(m.start("name"), m.start("name") + len(name), score=0.85))
        return out
