"""Names after a form's field label: "Report author: Mike West", "Decision by: Sophie Linden", "Contact:\tJo Bell",
"Report by DSU Mike West" (a rank between label and name is left to the titled-name recognizer)."""

from __future__ import annotations

import re

from .base import RuleRecognizer
from .patterns import NAME, RANK, SEP, TITLE, LABEL, rank_name

# "Report by Mike West" needs no colon; any other label does ("Officer Safety Training" is no label), or
# a tab (a table cell). The label is a whole word: "AUTHORITY" does not start with the label "Author".
_LABELLED = re.compile(
    rf"(?:^|(?<=[\s(|]))(?:(?i:{LABEL})(?<=[Bb][Yy])[ \t]*[:\-–]?|(?i:{LABEL})[ \t]*(?:[:\-–]|\t))(?!\w)"
    rf"[ \t]*(?:\n[ \t]*)?(?:(?P<title>{RANK}|{TITLE}){SEP})?(?P<name>{NAME})", re.MULTILINE)


class FieldLabelNameRecognizer(RuleRecognizer):
    SCORE = 0.9
    EXPLANATION = "name after a field label"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _LABELLED.finditer(text):
            rank = rank_name(m.group("title")) if m.group("title") else None
            out.append(self.result(m.start("name"), m.end("name"), rank=rank))
        return out
