"""Stage 3: personal data in a paper, each item with its policy decision, reason and glyph boxes.

    find_personal_data(doc, structure) -> list[PersonalData]

The document's joined view (words hyphenated at a line end joined again) goes through the one presidio
engine of the process (see ``engine``); names are resolved into people and the policy decides once per
person (see ``people``); each item is mapped back to exactly its glyphs (see ``boxes``). Table cells
are read as lines of their own (see ``layout``), so no item runs from one cell into the next.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis import PersonalData, assign_ids
from ..extract import Document
from ..policy import Policy, load_policy
from .boxes import pieces
from .layout import cell_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExtraMention:
    """A mention found in one of the extra texts (a link's address, the words OCR read in a picture)."""
    extra: int  # index into the extras
    type: str
    start: int  # offsets in that extra text
    end: int
    text: str
    score: float
    action: str
    reason: str


def find_personal_data(doc: Document, structure, *, policy: Policy | None = None,
                       policy_file: str | os.PathLike | None = None, ner: bool = True,
                       extras: Sequence[str] = (), extra_found: list[ExtraMention] | None = None,
                       ) -> list[PersonalData]:
    """Every phone number, e-mail address, signature and person's name in ``doc``, with the action the
    policy proposes ("redact" or "keep") and why. ``policy`` (or ``policy_file``) overrides the policy
    file of the environment; ``ner=False`` uses rules only.

    ``extras`` are texts the text layer does not show (link addresses, OCR of pictures): they are read in
    the same pass after the paper's text, so a person found there spreads to the paper's mentions of them
    and the other way round; what is found in them is appended to ``extra_found``."""
    policy = policy or load_policy(policy_file)
    view = doc.joined_view
    # detection reads table cells as lines; the text keeps its length, so offsets are the view's
    text = cell_text(doc, view)
    starts, full = [], text
    for extra in extras:
        full += "\n\n"  # a paragraph apart: no mention runs from one text into the next
        starts.append(len(full))
        full += extra
    mentions = find_in_text(full, policy=policy, ner=ner)
    if extras:
        _collect_extras([m for m in mentions if m.end > len(text)], full, starts, extra_found)
        mentions = [m for m in mentions if m.end <= len(text)]
    part2_start = getattr(structure, "part2_boundary", getattr(structure, "part2_start", None))
    items: list[PersonalData] = []
    for m in mentions:
        text = _as_written(doc, view, m.start, m.end, m.type)
        for piece in pieces(doc, view, m.start, m.end, part2_start):
            items.append(PersonalData(type=m.type, text=text, page=piece.page_index + 1, part=piece.part,
                                      action=m.decision.action, reason=m.decision.reason, score=m.score,
                                      boxes=piece.boxes, exemption=policy.exemption))
    items.sort(key=lambda p: (p.page, -p.boxes[0][3] if p.boxes else 0, p.boxes[0][0] if p.boxes else 0))
    assign_ids(items)  # from each item's content and place, never its rank (see analysis.stable_id)
    log.info("personal data: %s", dict(Counter((i.type, i.action) for i in items)))
    return items


def _collect_extras(mentions, full: str, starts: list[int], out: list[ExtraMention] | None) -> None:
    if out is None:
        return
    for m in mentions:
        index = max((i for i, s in enumerate(starts) if s <= m.start), default=None)
        if index is None:
            continue
        end = starts[index + 1] - 2 if index + 1 < len(starts) else len(full)
        if m.end > end:
            continue
        out.append(ExtraMention(extra=index, type=m.type, start=m.start - starts[index], end=m.end - starts[index],
                                text=" ".join(full[m.start:m.end].split()), score=m.score,
                                action=m.decision.action, reason=m.decision.reason))


def find_in_text(text: str, *, policy: Policy | None = None, ner: bool = True) -> list:
    """The mentions (type, start, end, score, decision) of personal data in plain text, in text order."""
    from .engine import ENTITIES, get_engine  # noqa: PLC0415 - spaCy loads only when detection runs
    from .people import resolve_people  # noqa: PLC0415

    results = get_engine(ner=ner).analyze(text=text, language="en", entities=ENTITIES)
    return resolve_people(text, results, policy or load_policy())


def _as_written(doc: Document, view, start: int, end: int, entity_type: str) -> str:
    """The item's text on one line: a name broken over a line reads "Mike West"; an e-mail address is
    read from the page itself, so a hyphen at a line end that belongs to it is kept."""
    if entity_type == "EMAIL_ADDRESS":
        chars = [doc.pages[p].chars[i] for p, i in view.char_refs(start, end)]
        printed = "".join(c.text for c in chars if not c.generated and not c.text.isspace())
        return printed.replace("\x02", "-")  # pdfium's mark for a hyphen at a line end
    return " ".join(view.text[start:end].split())
