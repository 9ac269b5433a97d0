"""The review form: what the officer posted, read into the Decisions JSON shape with every problem collected
field by field (never only the first), and the posted values kept so a page with errors shows them again.

Field names are the review page's (``item-<id>``, ``group-<key>``, ``part2_page``, ``release_on`` …). What
is valid is decided by :class:`redaction.decisions.Decisions` (one validation for the API and the form):
this module calls it per field through :class:`service.web.officer.form_errors.FormErrors` so each refusal lands on
the field it is about, worded for an officer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from redaction.decisions import CONFIRMABLE, Decisions
from redaction.errors import InputError
from redaction.policy import DEFAULT_EXEMPTION
from redaction.publication import PublicationPlan

from service.domain import publishing
from service.domain.validation import check_decisions
from service.web.officer.form_errors import FormErrors, date_message
from service.web.officer.review_groups import group_key

MAX_TEXTS = 200
MAX_BOXES = 500
TEXT_FIELDS = {"title": 500, "reference": 64, "summary": 5000}
ONE_LINE_FIELDS = ("title", "reference")  # a line break there would reach page titles, feeds and e-mail subjects


def _one_line(value: str) -> str:
    return " ".join(value.split())
DATE_FIELDS = {"deferred_until": "the Part 1 publication date", "release_on": "the release date",
               "review_on": "the review date"}
RAW_FIELDS = ("reference", "title", "summary", "add_text", "redact_texts", "part2_mode", "part2_page",
              "part2_y", "part2_x", "box_page", "box_x0", "box_y0", "box_x1", "box_y1", *DATE_FIELDS)
PUBLIC_FIELD_WORDS = {"reference": "reference", "title": "title", "summary": "summary"}


@dataclass
class Draft:
    """One submission of the review form: the decisions when valid, and everything as posted."""

    decisions: dict | None
    fields: dict
    errors: FormErrors
    values: dict  # raw posted text of every input, shown again when there are errors
    finals: dict  # item id -> "keep" | "redact" as posted (group choices applied)
    groups: dict = field(default_factory=dict)  # group key -> "keep" | "redact" | "each" as posted
    added_boxes: list = field(default_factory=list)  # "page,x0,y0,x1,y1" drawn on the page, kept as posted
    removed_boxes: set = field(default_factory=set)
    confirmed: list = field(default_factory=list)


def read(paper, form, bulk: tuple[str, str] | None = None) -> Draft:
    """Read the posted form; ``bulk`` = (action, finding type) sets every finding of that type."""
    errors = FormErrors()
    analysis = paper.analysis or {}
    findings = analysis.get("personal_data", [])
    values = {name: form.get(name, "") for name in RAW_FIELDS}
    groups = {key: form.get(f"group-{key}") for key in {group_key(f) for f in findings}}
    finals, items = {}, {}
    for f in findings:
        chosen = groups.get(group_key(f))
        value = chosen if chosen in ("keep", "redact") else form.get(f"item-{f['id']}")
        if bulk and f["type"] == bulk[1]:
            value = bulk[0]
        finals[f["id"]] = value if value in ("keep", "redact") else f["action"]
        if finals[f["id"]] != f["action"]:
            items[f["id"]] = finals[f["id"]]
    if bulk:
        for f in findings:
            if f["type"] == bulk[1]:
                groups[group_key(f)] = bulk[0]

    texts = [t.strip() for t in values["redact_texts"].splitlines() if t.strip()]
    if values["add_text"].strip():
        texts.append(values["add_text"].strip())
    texts = list(dict.fromkeys(texts))[:MAX_TEXTS]

    removed = {i for i, _ in enumerate((paper.decisions or {}).get("boxes", [])) if form.get(f"remove-box-{i}") == "1"}
    boxes = [b for i, b in enumerate((paper.decisions or {}).get("boxes", [])) if i not in removed]
    added = [raw for raw in form.getlist("add_box") if raw.strip()]
    for raw in added:  # "page,x0,y0,x1,y1" from the drawing script
        box = errors.collect("new-boxes", None, _box, paper, raw.split(","), "drawn box")
        if box:
            boxes.append(box)
    typed = [values[k].strip() for k in ("box_page", "box_x0", "box_y0", "box_x1", "box_y1")]
    if any(typed[1:]):
        box = _typed_box(paper, typed, errors)
        if box:
            boxes.append(box)

    decisions: dict = {"items": items, "redact_texts": texts, "boxes": boxes[:MAX_BOXES]}
    mode = values["part2_mode"] or "analysed"
    line = form.get("part2_line", "").split("|")
    if len(line) == 3 and all(_number(v) is not None for v in line):  # a line of text chosen for the start
        mode = values["part2_mode"] = "custom"
        values["part2_page"], values["part2_y"], values["part2_x"] = line
    if mode == "none":
        decisions["part2_start"] = None
    elif mode == "custom":
        start = _part2_start(paper, values, errors)
        if start:
            decisions["part2_start"] = start
    for name, words in DATE_FIELDS.items():
        value = values[name].strip() or None
        if errors.collect(name, date_message(words), Decisions.from_dict, {name: value}) is not None:
            decisions[name] = value
    confirmed = [c for c in CONFIRMABLE if form.get(f"confirm_{c}") == "1"]
    decisions["confirmed"] = confirmed
    if not errors:
        errors.collect("decisions", None, check_decisions, paper, decisions)  # the one validation, as the API's
    fields = {k: _one_line(values[k]) if k in ONE_LINE_FIELDS else values[k].strip()
              for k in TEXT_FIELDS}
    fields = {k: v[:TEXT_FIELDS[k]] for k, v in fields.items()}
    if not errors:
        public_field_errors(paper, decisions, fields, errors)
    return Draft(decisions=None if errors else decisions, fields=fields, errors=errors, values=values,
                 finals=finals, groups=groups, added_boxes=added, removed_boxes=removed, confirmed=confirmed)


def public_field_errors(paper, decisions: dict, fields: dict, errors: FormErrors) -> None:
    """The reference, title and summary are published as they are: none may hold text being redacted
    (the same check publication makes, run here so the preview never says "ready" for a paper publication
    would refuse)."""
    probe = SimpleNamespace(decisions=decisions, analysis=paper.analysis,
                            reference=fields["reference"] or None, title=fields["title"] or paper.title,
                            summary=fields["summary"] or None)
    for name in publishing.public_fields_with_redacted_text(probe):
        errors.add(name, f"The {PUBLIC_FIELD_WORDS[name]} contains text you chose to redact. It is published "
                         f"as it is: remove that text from the {PUBLIC_FIELD_WORDS[name]}, or keep the finding "
                         "(or delete the text from the texts to redact everywhere)")


# What the officer ticks for each concern of the analysis (its needs_confirmation), as the form error says it.
UNCONFIRMED = {
    "part2_start": "Check where Part 2 starts and tick \"I have checked where Part 2 starts\" (or choose where it "
                   "starts, or that there is none) before the preview",
    "image_pages": "Check the pages that are images and tick \"I have checked the pages that are images\" before "
                   "the preview",
    "findings_changed": "Check the new findings and the decisions not carried over and tick \"I have checked the "
                        "findings\" before the preview",
}


def unconfirmed_errors(paper, decisions: dict, errors: FormErrors) -> None:
    """A preview of decisions that leave a concern of the analysis unsettled would only fail with "confirm
    where Part 2 starts": refused at submit instead, on the confirmation boxes (field ``confirm``)."""
    settled = Decisions.from_dict(decisions)
    for concern in (paper.analysis or {}).get("needs_confirmation") or []:
        if not settled.settles(concern):
            errors.add("confirm", UNCONFIRMED.get(concern, "Tick the boxes under Confirm before publishing "
                                                           "before the preview"))


def paper_problems(paper) -> FormErrors:
    """The checks of the saved paper that stop publication, for the preview page."""
    errors = FormErrors()
    fields = {"reference": paper.reference or "", "title": paper.title or "", "summary": paper.summary or ""}
    public_field_errors(paper, paper.decisions or {}, fields, errors)
    return errors


def values_of(paper, plan: PublicationPlan) -> dict:
    """The review inputs' values as stored (what a GET of the page shows)."""
    d = paper.decisions or {}
    analysed = ((paper.analysis or {}).get("part2") or {}).get("start") or {}
    start = d.get("part2_start") or analysed
    mode = "analysed" if "part2_start" not in d else ("none" if d["part2_start"] is None else "custom")
    return {"reference": paper.reference or "", "title": paper.title or "", "summary": paper.summary or "",
            "add_text": "", "redact_texts": "\n".join(d.get("redact_texts", [])), "part2_mode": mode,
            "part2_page": start.get("page", ""), "part2_y": start.get("y", ""),
            "part2_x": (d.get("part2_start") or {}).get("x") if (d.get("part2_start") or {}).get("x") is not None else "",
            **{k: "" for k in ("box_page", "box_x0", "box_y0", "box_x1", "box_y1")},
            **{k: getattr(plan, k).isoformat() if getattr(plan, k) else "" for k in DATE_FIELDS}}


def _part2_start(paper, values: dict, errors: FormErrors) -> dict | None:
    page = _number(values["part2_page"])
    y = _number(values["part2_y"])
    if page is None or page != int(page):
        errors.add("part2_page", f"Enter the page Part 2 starts on as a whole number, for example {paper.page_count}")
    elif not 1 <= page <= paper.page_count:
        errors.add("part2_page", f"Enter a page from 1 to {paper.page_count}: the paper has {paper.page_count} pages")
    if y is None:
        errors.add("part2_y", "Enter where Part 2 starts in points from the bottom of the page, for example 400")
    x = None
    if values["part2_x"].strip():
        x = _number(values["part2_x"])
        if x is None:
            errors.add("part2_x", "Enter the left edge of Part 2's first line in points from the left, for "
                                  "example 300, or leave it empty")
    if "part2_page" in errors.fields or "part2_y" in errors.fields or "part2_x" in errors.fields:
        return None
    start = {"page": int(page), "y": round(y, 1)}
    if x is not None:
        start["x"] = round(x, 1)
    return start


def _typed_box(paper, typed: list[str], errors: FormErrors) -> dict | None:
    names = ("box_page", "box_x0", "box_y0", "box_x1", "box_y1")
    words = ("the page", "the left edge", "the bottom edge", "the right edge", "the top edge")
    for name, word, value in zip(names, words, typed):
        if _number(value) is None:
            errors.add(name, f"Enter {word} of the box as a number, for example {72 if name != 'box_page' else 1}")
    if any(n in errors.fields for n in names):
        return None
    return errors.collect("box_page", None, _box, paper, typed, "box")


def _box(paper, values: list[str], what: str) -> dict:
    if len(values) != 5 or any(_number(v) is None for v in values):
        raise InputError(f"The {what} needs a page and four numbers")
    page = _number(values[0])
    x0, y0, x1, y1 = (_number(v) for v in values[1:])
    if page != int(page) or not 1 <= page <= paper.page_count:
        raise InputError(f"The {what} must be on a page from 1 to {paper.page_count}")
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        raise InputError(f"The {what} is too small: make it at least 1 point wide and high")
    return {"page": int(page), "box": [round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1)],
            "exemption": DEFAULT_EXEMPTION}


def _number(value) -> float | None:
    try:
        number = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None
