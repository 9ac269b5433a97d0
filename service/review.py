"""Review, preview and publish routes of the officer blueprint (protected by its ``before_request``).

The review page is one form whose fields map onto the Decisions JSON shape of
:mod:`redaction.decisions` (the same shape the API accepts): keep/redact per finding, texts to redact
everywhere, extra boxes, the Part 2 boundary and the service-level dates. Without JavaScript everything
works through the form; the small static script only adds drawing boxes on the page images.
"""

from __future__ import annotations

import logging
from datetime import date

from flask import abort, current_app, flash, g, redirect, render_template, request, send_file, url_for

from sqlalchemy import select

from redaction.decisions import CONFIRMABLE, Decisions
from redaction.errors import InputError
from scheduler.release import last_due_date

from . import approval, audit, decision_log, papers, pdftasks, publishing
from .db import db_session
from .filters import uk_date
from .models import LIFECYCLE_STATES, Paper, utcnow
from .officer import _paper, bp
from .papers import storage

log = logging.getLogger(__name__)

MAX_TEXTS = 200
MAX_BOXES = 500


@bp.route("/papers/<int:paper_id>/review", methods=["GET", "POST"])
def review(paper_id: int):
    paper = _paper(paper_id)
    if paper.state != "ready":
        return redirect(url_for("officer.paper", paper_id=paper.id))
    if request.method == "GET":
        return _render_review(paper)
    try:
        decisions, fields = decisions_from_form(paper, request.form)
    except InputError as exc:
        return _render_review(paper, error=exc.message), 400
    changes = _describe_changes(paper.decisions or {}, decisions, paper)
    paper.title = fields["title"] or paper.title
    paper.reference = fields["reference"] or None
    paper.summary = fields["summary"] or None
    decision_log.record(paper, decisions, g.user)  # who decided each redaction (redaction schedule)
    paper.decisions = decisions
    audit.record(db_session(), "decisions saved", user=g.user, paper_id=paper.id, **changes)
    db_session().commit()
    if request.form.get("then") == "preview":
        publishing.start_preview(db_session(), paper, g.user)
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    flash("Your decisions are saved.")
    return redirect(url_for("officer.review", paper_id=paper.id) + "#decisions", code=303)


def render_review_page(paper, error: str | None = None):
    """The review page, for other officer routes that refuse with a reason (approval)."""
    return _render_review(paper, error)


def _render_review(paper, error: str | None = None):
    analysis = paper.analysis or {}
    decisions = paper.decisions or {}
    items = decisions.get("items", {})
    findings = [dict(f, final=items.get(f["id"], f["action"])) for f in analysis.get("personal_data", [])]
    plan = publishing.effective(paper)
    by_page: dict[int, list] = {}
    for f in findings:
        by_page.setdefault(f["page"], []).append(f)
    return render_template("officer/review.html", paper=paper, analysis=analysis, decisions=decisions,
                           findings=findings, by_page=by_page, plan=plan, error=error,
                           sizes=paper.page_sizes or [], part2_mode=_part2_mode(decisions),
                           same_reference=_same_reference(paper), policy_changed=policy_changed(paper))


def policy_changed(paper) -> bool:
    """Whether the publication policy file changed since the paper was analysed (older analyses did not
    record it: never claimed)."""
    recorded = (paper.analysis or {}).get("policy_digest")
    return bool(recorded) and recorded != pdftasks.policy_fingerprint()


def _same_reference(paper) -> list:
    """Other papers with this paper's reference (spacing and case aside): an upload of the same paper twice
    would otherwise be published as a second decision (``pcd-956-2``) without anyone noticing."""
    key = publishing.slugify(paper.reference or "")
    if not key:
        return []
    others = db_session().scalars(select(Paper).where(Paper.id != paper.id, Paper.reference.is_not(None))
                                  .order_by(Paper.id))
    return [p for p in others if publishing.slugify(p.reference) == key]


def _part2_mode(decisions: dict) -> str:
    if "part2_start" not in decisions:
        return "analysed"
    return "none" if decisions["part2_start"] is None else "custom"


def decisions_from_form(paper, form) -> tuple[dict, dict]:
    """The Decisions JSON from the review form, validated by ``Decisions.from_dict``."""
    analysis = paper.analysis or {}
    findings = {f["id"]: f for f in analysis.get("personal_data", [])}
    items = {}
    for item_id, finding in findings.items():
        value = form.get(f"item-{item_id}")
        if value in ("keep", "redact") and value != finding["action"]:
            items[item_id] = value
    texts = [t.strip() for t in form.get("redact_texts", "").splitlines() if t.strip()]
    extra = form.get("add_text", "").strip()
    if extra:
        texts.append(extra)
    texts = list(dict.fromkeys(texts))[:MAX_TEXTS]
    boxes = [b for i, b in enumerate((paper.decisions or {}).get("boxes", []))
             if form.get(f"remove-box-{i}") != "1"]
    for raw in form.getlist("add_box"):  # "page,x0,y0,x1,y1" from the drawing script
        boxes.append(_box(paper, raw.split(",")))
    if any(form.get(k, "").strip() for k in ("box_x0", "box_y0", "box_x1", "box_y1")):
        boxes.append(_box(paper, [form.get(k, "") for k in ("box_page", "box_x0", "box_y0", "box_x1",
                                                                "box_y1")]))
    decisions: dict = {"items": items, "redact_texts": texts, "boxes": boxes[:MAX_BOXES]}
    mode = form.get("part2_mode", "analysed")
    if mode == "none":
        decisions["part2_start"] = None
    elif mode == "custom":
        page, y = _number(form.get("part2_page"), "Part 2 page"), _number(form.get("part2_y"), "Part 2 position")
        if not 1 <= page <= paper.page_count:
            raise InputError(f"Part 2 must start on a page from 1 to {paper.page_count}")
        start = {"page": int(page), "y": round(y, 1)}
        if form.get("part2_x", "").strip():  # on a page in columns: the left edge of Part 2's first line
            start["x"] = round(_number(form.get("part2_x"), "Part 2 position from the left"), 1)
        decisions["part2_start"] = start
    for name in ("deferred_until", "release_on", "review_on"):
        decisions[name] = form.get(name, "").strip() or None
    # What the analysis could not settle and the officer has checked (redaction refuses until then).
    decisions["confirmed"] = [c for c in CONFIRMABLE if form.get(f"confirm_{c}") == "1"]
    Decisions.from_dict(decisions)  # raises InputError with a user-safe message
    fields = {k: form.get(k, "").strip()[:limit] for k, limit in (("title", 500), ("reference", 64),
                                                                     ("summary", 5000))}
    return decisions, fields


def _box(paper, values: list[str]) -> dict:
    if len(values) != 5:
        raise InputError("a box needs a page and four coordinates")
    page = int(_number(values[0], "box page"))
    x0, y0, x1, y1 = (_number(v, "box coordinate") for v in values[1:])
    if not 1 <= page <= paper.page_count:
        raise InputError(f"the box's page must be from 1 to {paper.page_count}")
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    if x1 - x0 < 1 or y1 - y0 < 1:
        raise InputError("the box is too small")
    return {"page": page, "box": [round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1)],
            "exemption": "s40(2)"}


def _number(value, what: str) -> float:
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        raise InputError(f"the {what} must be a number") from None


def _describe_changes(old: dict, new: dict, paper) -> dict:
    """Audit details for saved decisions: counts and dates, never the texts themselves."""
    items = new.get("items", {})
    return {"kept": sum(v == "keep" for v in items.values()),
            "redacted": sum(v == "redact" for v in items.values()),
            "texts": len(new.get("redact_texts", [])), "boxes": len(new.get("boxes", [])),
            "part2": "as analysed" if "part2_start" not in new else
                     ("none" if new["part2_start"] is None else f"page {new['part2_start']['page']}"),
            **{k: new.get(k) for k in ("deferred_until", "release_on", "review_on")}}


@bp.route("/papers/<int:paper_id>/analyse-again", methods=["POST"])
def analyse_again(paper_id: int):
    """Analyse a ready paper again (e.g. after a policy change); decisions follow their items by content."""
    paper = _paper(paper_id)
    if papers.analyse_again(db_session(), paper, g.user, actor="officer"):
        current_app.extensions["foia.worker"].submit(papers.analyse_paper, paper.id)
    return redirect(url_for("officer.paper", paper_id=paper.id), code=303)


@bp.route("/papers/<int:paper_id>/preview", methods=["GET", "POST"])
def preview(paper_id: int):
    paper = _paper(paper_id)
    if paper.state != "ready":
        return redirect(url_for("officer.paper", paper_id=paper.id))
    if request.method == "POST":
        publishing.start_preview(db_session(), paper, g.user)
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    pv = paper.preview or {}
    current = pv.get("decisions_hash") == publishing.decisions_hash(paper.decisions)
    return render_template("officer/preview.html", paper=paper, preview=pv, current=current,
                           plan=publishing.effective(paper), today=_due_day())


@bp.route("/papers/<int:paper_id>/preview/part<int:number>.pdf")
def preview_file(paper_id: int, number: int):
    paper = _paper(paper_id)
    key = publishing.preview_key(paper.id, number)
    if number not in (1, 2) or not storage().exists(key):
        abort(404)
    return send_file(storage().path(key), mimetype="application/pdf", max_age=0,
                     download_name=f"preview-{paper.id}-part{number}.pdf")


@bp.route("/papers/<int:paper_id>/publish", methods=["POST"])
def publish(paper_id: int):
    paper = _paper(paper_id)
    try:
        result, status = approval.publish_or_request(db_session(), paper, g.user, actor="officer")
    except (publishing.PublishError, approval.ApprovalError) as exc:
        return render_template("officer/preview.html", paper=paper, preview=paper.preview or {},
                               current=False, plan=publishing.effective(paper), error=exc.message,
                               today=_due_day()), exc.status
    if status == 202:  # FOIA_APPROVAL=two-person: another officer approves on the review page
        flash("Approval is asked for: another officer must approve the paper before it is published.")
        return redirect(url_for("officer.review", paper_id=paper.id) + "#approval", code=303)
    part1 = result["part1"]
    flash(f"Part 1 is scheduled for publication on {uk_date(date.fromisoformat(part1['publish_on']))}."
          if part1["state"] == "scheduled" else "The paper is published.")
    return redirect(url_for("officer.published", paper_id=paper.id), code=303)


@bp.route("/papers/<int:paper_id>/published")
def published(paper_id: int):
    paper = _paper(paper_id)
    if paper.state not in ("published", *LIFECYCLE_STATES):  # withdrawn, superseded: the same page
        return redirect(url_for("officer.paper", paper_id=paper.id))
    return render_template("officer/published.html", paper=paper)


@bp.route("/papers/<int:paper_id>/parts/part<int:number>.pdf")
def part_file(paper_id: int, number: int):
    paper = _paper(paper_id)
    part = paper.part(number)
    if part is None or not storage().exists(part.file_key):
        abort(404)
    return send_file(storage().path(part.file_key), mimetype="application/pdf", max_age=0,
                     download_name=f"{paper.slug}-part{number}.pdf")


def _due_day() -> date:
    """The latest date already due for release (London, at the release time): a Part 2 dated on or before
    it is released the moment the paper is published."""
    return last_due_date(utcnow(), current_app.config["RELEASE_TIME_OF_DAY"])
