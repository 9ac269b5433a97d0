"""The one validation of an officer's decisions, for the API and the review form alike.

:meth:`redaction.decisions.Decisions.from_dict` checks the shape (and that numbers are finite); this adds
what only the paper knows, so nothing unusable is ever stored or published:

* item ids must be findings of the paper's analysis (a mistyped id would silently decide nothing);
* boxes and the Part 2 start must be on a page of the paper and inside it (page sizes as displayed, with
  ``EDGE`` points of slack for a box drawn to the edge); numbers must be finite — ``NaN``, ``Infinity``
  and ``1e309`` (which JSON readers turn into infinity) are refused;
* dates must fall within ``EARLIEST_DATE`` and ``MAX_YEARS_AHEAD`` years from today (``9999-12-31`` is a
  typing slip, not an exemption);
* counts and lengths are bounded (texts, boxes, exemption labels).

:func:`check_decisions` raises :class:`DecisionsInvalid` (an ``InputError``: the API answers 422 with every
problem, the form shows them) and returns the built :class:`Decisions` otherwise.
"""

from __future__ import annotations

import math
from datetime import date

from flask.json.provider import DefaultJSONProvider

from redaction.decisions import Decisions
from redaction.errors import InputError

EARLIEST_DATE = date(2000, 1, 1)  # the Freedom of Information Act 2000
MAX_YEARS_AHEAD = 100             # the longest closure periods of public records
EDGE = 2.0                        # points of slack at a page's edge
MAX_TEXTS = 200
MAX_TEXT_CHARS = 500
MAX_BOXES = 500
MAX_LABEL_CHARS = 32
MAX_DEPTH = 6                     # the deepest real shape: boxes → entry → box → number is 4
DATE_FIELDS = ("deferred_until", "release_on", "review_on")
# The keys of the Decisions JSON (redaction.decisions) and the public fields a publish request may also set.
DECISION_KEYS = ("items", "redact_texts", "boxes", "part2_start", "confirmed", *DATE_FIELDS)
PUBLIC_FIELD_CHARS = {"title": 500, "reference": 64}  # as the review form's fields


class DecisionsInvalid(InputError):
    """Decisions that cannot be used for this paper; ``problems`` lists each, user-safe."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def check_decisions(paper, data: dict, today: date | None = None) -> Decisions:
    """Validate ``data`` (the Decisions JSON shape) against ``paper``; raises :class:`DecisionsInvalid`."""
    if not isinstance(data, dict):
        raise DecisionsInvalid(["the decisions must be a JSON object"])
    problems: list[str] = []
    _non_finite(data, "decisions", problems)
    if problems:
        raise DecisionsInvalid(problems[:20])
    try:
        decisions = Decisions.from_dict(data)
    except InputError as exc:
        raise DecisionsInvalid([exc.message]) from None
    known = {f.get("id") for f in (paper.analysis or {}).get("personal_data", [])}
    unknown = [i for i in decisions.items if i not in known]
    if unknown:
        problems.append(f"decisions.items names {len(unknown)} unknown item id(s), not findings of this "
                        f"paper (first: {unknown[0][:40]!r})")
    if len(decisions.redact_texts) > MAX_TEXTS:
        problems.append(f"decisions.redact_texts has more than {MAX_TEXTS} texts")
    if any(len(t) > MAX_TEXT_CHARS for t in decisions.redact_texts):
        problems.append(f"each text to redact has at most {MAX_TEXT_CHARS} characters")
    if len(decisions.boxes) > MAX_BOXES:
        problems.append(f"decisions.boxes has more than {MAX_BOXES} boxes")
    for n, box in enumerate(decisions.boxes[:MAX_BOXES], 1):
        where = _on_page(paper, box.page, f"box {n}", problems)
        if where and not _inside(box.box, where):
            problems.append(f"box {n} is outside page {box.page} ({where[0]:g} × {where[1]:g} points)")
        if not 0 < len(box.exemption) <= MAX_LABEL_CHARS or not box.exemption.isprintable():
            problems.append(f"box {n}'s exemption is a short label such as \"s40(2)\"")
    if decisions.moves_part2 and decisions.part2_start is not None:
        page, y = decisions.part2_start
        where = _on_page(paper, page, "the Part 2 start", problems)
        if where and not -EDGE <= y <= where[1] + EDGE:
            problems.append(f"the Part 2 start's y must be from 0 to {where[1]:g} points on page {page}")
        if where and decisions.part2_x is not None and not -EDGE <= decisions.part2_x <= where[0] + EDGE:
            problems.append(f"the Part 2 start's x must be from 0 to {where[0]:g} points on page {page}")
    today = today or date.today()
    latest = _years_after(today, MAX_YEARS_AHEAD)
    for name in DATE_FIELDS:
        value = getattr(decisions, name)
        if isinstance(value, date) and not EARLIEST_DATE <= value <= latest:
            problems.append(f"decisions.{name} must be between {EARLIEST_DATE.isoformat()} and "
                            f"{latest.isoformat()}")
    if problems:
        raise DecisionsInvalid(problems)
    return decisions


def split_publish_body(data: dict) -> tuple[dict, dict]:
    """A publish request's body as (decisions, public fields): unknown keys are refused (a mistyped
    "itemz" would otherwise publish every proposal as it stands), and "title" and "reference" are checked
    as the review form checks them (text on one line, at most 500 and 64 characters; the title not empty;
    a reference of null or "" removes it). Raises :class:`DecisionsInvalid` naming every problem."""
    problems: list[str] = []
    unknown = [k for k in data if k not in DECISION_KEYS and k not in PUBLIC_FIELD_CHARS]
    if unknown:
        names = ", ".join(repr(str(k)[:40]) for k in unknown[:10]) + (" …" if len(unknown) > 10 else "")
        problems.append(f"unknown key(s) in the body: {names}; it takes {', '.join(DECISION_KEYS)}, title "
                        "and reference")
    fields: dict = {}
    for name, longest in PUBLIC_FIELD_CHARS.items():
        if name not in data:
            continue
        value = data[name]
        if value is None and name == "reference":
            fields[name] = None
            continue
        if not isinstance(value, str):
            problems.append(f"{name} must be text")
            continue
        value = " ".join(value.split())  # one line: a line break would reach page titles, feeds and e-mail
        if len(value) > longest:
            problems.append(f"{name} has at most {longest} characters")
        elif not value and name == "title":
            problems.append("title must not be empty")
        else:
            fields[name] = value or None
    if problems:
        raise DecisionsInvalid(problems)
    return {k: v for k, v in data.items() if k not in PUBLIC_FIELD_CHARS}, fields


def _non_finite(value, path: str, problems: list[str], depth: int = 0) -> None:
    """Every float in the JSON must be finite (json reads NaN, Infinity and 1e309 as floats), and nothing
    nests deeper than decisions do (a deep structure under an unknown key would be stored and passed on)."""
    if depth > MAX_DEPTH:
        problems.append(f"the decisions nest more than {MAX_DEPTH} levels deep (decisions have at most 4)")
        return
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(f"{path} must be a finite number")
    elif isinstance(value, dict):
        for key, item in value.items():
            _non_finite(item, f"{path}.{key}", problems, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value[:MAX_BOXES + 1]):
            _non_finite(item, f"{path}[{i}]", problems, depth + 1)
    elif isinstance(value, str) and path.endswith(("box", "y", "x", "page")) and value.strip().lower() in (
            "nan", "inf", "-inf", "infinity", "-infinity", "+inf"):
        problems.append(f"{path} must be a finite number")


def _on_page(paper, page: int, what: str, problems: list[str]) -> tuple[float, float] | None:
    """The (width, height) of a 1-based page of the paper, or None with a problem added."""
    count = int(paper.page_count or 0)
    if not 1 <= page <= count:
        problems.append(f"{what} is on page {page}, but the paper has {count} page(s)")
        return None
    sizes = paper.page_sizes or []
    if len(sizes) < page:
        return None  # sizes unknown (an old upload): the page number is all that can be checked
    width, height = (float(v) for v in sizes[page - 1])
    return width, height


def _inside(box, size: tuple[float, float]) -> bool:
    x0, y0, x1, y1 = box
    width, height = size
    # Page sizes are as displayed: a page turned a quarter shows height × width.
    return any(-EDGE <= x0 and -EDGE <= y0 and x1 <= w + EDGE and y1 <= h + EDGE
               for w, h in ((width, height), (height, width)))


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def refusal_restores(paper):
    """Before decisions sent with a publish request are saved: a function that puts the paper's earlier
    decisions (and their log) back when the publication is then refused — a refused publish saves nothing
    (the refusal itself stays in the audit trail). Call it with ``(db, user)``; it commits."""
    import copy

    from service.domain import audit

    saved = {name: copy.deepcopy(getattr(paper, name)) for name in ("decisions", "decision_log", "title", "reference")
             if hasattr(paper, name)}

    def restore(db, user) -> None:
        db.rollback()
        db.refresh(paper)
        if paper.state != "ready":  # it was published or sent for approval before the failure: keep what was used
            return
        for name, value in saved.items():
            setattr(paper, name, value)
        audit.record(db, "decisions not kept", user=user, actor="api", paper_id=paper.id,
                     reason="publication refused")
        db.commit()
    return restore


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, with a body nested past Python's recursion limit read as invalid JSON (400), not a
    ``RecursionError`` (500) — for every route that reads JSON (``app.json``)."""

    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("the JSON nests too deep") from None
