"""Review, preview and publish routes of the officer blueprint (protected by its ``before_request``).

The review page is one form whose fields map onto the Decisions JSON shape of
:mod:`redaction.decisions` (the same shape the API accepts): keep/redact per finding, texts to redact
everywhere, extra boxes, the Part 2 boundary and the service-level dates. Without JavaScript everything
works through the form; the small static script only adds drawing boxes on the page images.
"""

from __future__ import annotations

import logging
from datetime import date

from flask import (abort, current_app, flash, g, redirect, render_template, request, send_file, session,
                   url_for)

from sqlalchemy import select, update

from redaction.errors import InputError
from redaction.publication import PublicationPlan
from service.domain.release import last_due_date

from service.domain import (approval, audit, background_publish, decision_log, papers, publish_guard, publishing,
                            redacted_text, redaction_words, versions)
from service.domain.models import LIFECYCLE_STATES, Paper, utcnow
from service.domain.papers import storage
from service.infra import pdftasks
from service.infra.db import db_session
from service.infra.uk_dates import uk_date
from service.web.officer import review_form, review_groups, review_warnings, text_matches
from service.web.officer.blueprint import bp, paper_or_404

log = logging.getLogger(__name__)

PUBLISHING_NOW = ("Nothing was changed: the paper is being published with the decisions you previewed. Wait for "
                  "the publication to end.")


@bp.route("/papers/<int:paper_id>/review", methods=["GET", "POST"])
def review(paper_id: int):
    paper = paper_or_404(paper_id)
    if paper.state != "ready":
        return redirect(url_for("officer.paper", paper_id=paper.id))
    if background_publish.running(paper):  # the job publishes the decisions it was started with
        if request.method == "POST":
            flash(PUBLISHING_NOW)
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    if request.method == "GET":
        return _render_review(paper)
    then = request.form.get("then", "save")
    bulk = tuple(then.split(":")[1:3]) if then.startswith("bulk:") and then.count(":") == 2 else None
    draft = review_form.read(paper, request.form, bulk)
    if then == "preview" and not draft.errors:  # the preview would fail for want of a confirmation: say so now
        review_form.unconfirmed_errors(paper, draft.decisions, draft.errors)
        if draft.errors:
            draft.decisions = None
    if draft.errors:  # nothing saved; every value as posted is shown again with the errors
        return _render_review(paper, draft=draft), 400
    decisions, fields = draft.decisions, draft.fields
    if not _hold_while_ready(paper):
        flash("Nothing was saved: the paper was published or changed while you were editing it.")
        return redirect(url_for("officer.paper", paper_id=paper.id), code=303)
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
    if bulk:
        flash(f"Your decisions are saved: every {review_groups.type_words(bulk[1])} is set to {bulk[0]}.")
    else:
        flash("Your decisions are saved.")
    # to the top, where the message is (an anchor further down scrolled it out of view)
    return redirect(url_for("officer.review", paper_id=paper.id), code=303)


def render_review_page(paper, error: str | None = None):
    """The review page, for other officer routes that refuse with a reason (approval)."""
    return _render_review(paper, error)


def _render_review(paper, error: str | None = None, draft: review_form.Draft | None = None):
    analysis = paper.analysis or {}
    decisions = paper.decisions or {}
    items = decisions.get("items", {})
    finals = draft.finals if draft else {}
    findings = [dict(f, final=finals.get(f["id"]) or items.get(f["id"], f["action"]))
                for f in analysis.get("personal_data", [])]
    plan = publishing.publication_plan(paper)
    by_page: dict[int, list] = {}
    for f in findings:
        by_page.setdefault(f["page"], []).append(f)
    values = draft.values if draft else review_form.values_of(paper, plan)
    checked = review_warnings.with_posted_dates(plan, values) if draft else plan  # the dates in the fields
    texts = [t.strip() for t in values["redact_texts"].splitlines() if t.strip()]
    if draft and values["add_text"].strip():  # not saved yet (the page has errors): drawn all the same
        texts = list(dict.fromkeys([*texts, values["add_text"].strip()]))
    return render_template("officer/review.html", paper=paper, analysis=analysis, decisions=decisions,
                           findings=findings, by_page=by_page, plan=plan, error=error,
                           sizes=paper.page_sizes or [], part2_mode=values["part2_mode"] or "analysed",
                           same_reference=_same_reference(paper), same_file=papers.same_file_as(db_session(), paper),
                           policy_changed=policy_changed(paper),
                           v=values, draft=draft, errors=draft.errors if draft else review_form.FormErrors(),
                           groups=review_groups.group(findings), bulk_types=review_groups.types_present(findings),
                           pages_words=review_groups.pages_words, type_words=review_groups.type_words,
                           confirmed=draft.confirmed if draft else (decisions.get("confirmed") or []),
                           warnings=review_warnings.analysis_warnings(analysis, checked),
                           date_checks=review_warnings.date_checks(checked, _due_day()),
                           matches=text_matches.for_paper(paper, texts), lines=text_matches.page_lines(paper))


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
    # a correction shares its reference with the versions it corrects by design: those are not "another paper"
    own = {v.id for v in redacted_text.versions_of(db_session(), paper)}
    others = db_session().scalars(select(Paper).where(Paper.id.not_in(own), Paper.reference.is_not(None))
                                  .order_by(Paper.id))
    return [p for p in others if publishing.slugify(p.reference) == key]


def decisions_from_form(paper, form) -> tuple[dict, dict]:
    """The Decisions JSON and the paper's public fields from the review form; raises ``InputError`` with
    every problem (the page itself shows them field by field through :mod:`service.web.officer.review_form`)."""
    draft = review_form.read(paper, form)
    if draft.errors:
        raise InputError(" ".join(e.message for e in draft.errors.items))
    return draft.decisions, draft.fields


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
    paper = paper_or_404(paper_id)
    if background_publish.running(paper):
        flash(PUBLISHING_NOW)
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    if papers.analyse_again(db_session(), paper, g.user, actor="officer"):
        current_app.extensions["foia.worker"].submit(papers.analyse_paper, paper.id)
    return redirect(url_for("officer.paper", paper_id=paper.id), code=303)


def _hold_while_ready(paper: Paper) -> bool:
    """Take the paper's row for this save with a guarded update: a paper published (or approved) since the
    form was read is never written to, and nothing else changes it until the save commits."""
    db = db_session()
    held = db.execute(update(Paper).where(Paper.id == paper.id, Paper.state == "ready")
                      .values(updated_at=utcnow()).execution_options(synchronize_session=False))
    if held.rowcount == 1:
        return True
    db.rollback()
    return False


@bp.route("/papers/<int:paper_id>/preview", methods=["GET", "POST"])
def preview(paper_id: int):
    paper = paper_or_404(paper_id)
    if paper.state != "ready":
        return redirect(url_for("officer.paper", paper_id=paper.id))
    if request.method == "POST":
        if background_publish.running(paper):
            flash(PUBLISHING_NOW)
        else:
            publishing.start_preview(db_session(), paper, g.user)
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    pv = paper.preview or {}
    current = pv.get("decisions_hash") == publishing.decisions_hash(paper.decisions)
    # the redaction's own plan once the preview is of these decisions (its Part 2 read after an officer's
    # start gives its dates); before that, the library's plan of the analysis and decisions
    plan = (PublicationPlan.from_dict(pv["publication"]) if current and pv.get("publication")
            else publishing.publication_plan(paper))
    return render_template("officer/preview.html", paper=paper, preview=pv, current=current,
                           plan=plan, today=_due_day(), error=session.pop("publish_error", None),
                           problems=_publish_problems(paper),
                           failure=review_warnings.preview_failure(pv.get("error"), pv.get("code")),
                           publish_job=background_publish.state(paper),
                           publishing_now=background_publish.running(paper),
                           date_checks=review_warnings.date_checks(plan, _due_day()),
                           to_remove=redaction_words.to_remove_phrase)


def _publish_problems(paper) -> review_form.FormErrors:
    """Every check publication makes before redacting, run for the preview page: it never offers Publish
    for a paper publication would refuse (each problem links to the review field that settles it)."""
    problems = review_form.paper_problems(paper)
    twin = publish_guard.published_twin(db_session(), paper)
    if twin is not None:
        problems.add("reference", publish_guard.refusal(twin).removeprefix("Nothing was published: "))
    refused = versions.check_publishable(db_session(), paper)
    if refused is not None:
        problems.add("version-note", refused.message.removeprefix("Nothing was published: "))
    return problems


@bp.get("/papers/<int:paper_id>/publish")
def publish_page(paper_id: int):
    """Publishing is a POST; a reload or a bookmark of its address shows the preview (never a 405)."""
    return redirect(url_for("officer.preview", paper_id=paper_or_404(paper_id).id), code=303)


@bp.route("/papers/<int:paper_id>/preview/part<int:number>.pdf")
def preview_file(paper_id: int, number: int):
    paper = paper_or_404(paper_id)
    key = publishing.preview_key(paper.id, number)
    if number not in (1, 2) or not storage().exists(key):
        abort(404)
    return send_file(storage().path(key), mimetype="application/pdf", max_age=0,
                     download_name=f"preview-{paper.id}-part{number}.pdf")


@bp.route("/papers/<int:paper_id>/publish", methods=["POST"])
def publish(paper_id: int):
    paper = paper_or_404(paper_id)
    if paper.state == "ready" and background_publish.running(paper):  # a second click, another tab
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    if paper.state == "ready" and background_publish.slow(paper):
        # scanned pages, long papers: a job, and the preview page shows its progress (never a held request)
        background_publish.start(db_session(), paper, g.user)
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    try:
        result, status = approval.publish_or_request(db_session(), paper, g.user, actor="officer")
    except (publishing.PublishError, approval.ApprovalError) as exc:
        # shown once by the preview page, which can then be reloaded (post, redirect, get)
        session["publish_error"] = exc.message
        return redirect(url_for("officer.preview", paper_id=paper.id), code=303)
    if status == 202:  # FOIA_APPROVAL=two-person: another officer approves on the review page
        flash("Approval is asked for: another officer must approve the paper before it is published.")
        return redirect(url_for("officer.review", paper_id=paper.id) + "#approval", code=303)
    part1 = result["part1"]
    flash(f"Part 1 is scheduled for publication on {uk_date(date.fromisoformat(part1['publish_on']))}."
          if part1["state"] == "scheduled" else "The paper is published.")
    return redirect(url_for("officer.published", paper_id=paper.id), code=303)


@bp.route("/papers/<int:paper_id>/published")
def published(paper_id: int):
    paper = paper_or_404(paper_id)
    if paper.state not in ("published", *LIFECYCLE_STATES):  # withdrawn, superseded: the same page
        return redirect(url_for("officer.paper", paper_id=paper.id))
    return render_template("officer/published.html", paper=paper)


@bp.route("/papers/<int:paper_id>/parts/part<int:number>.pdf")
def part_file(paper_id: int, number: int):
    paper = paper_or_404(paper_id)
    part = paper.part(number)
    if part is None or not storage().exists(part.file_key):
        abort(404)
    return send_file(storage().path(part.file_key), mimetype="application/pdf", max_age=0,
                     download_name=f"{paper.slug}-part{number}.pdf")


def _due_day() -> date:
    """The latest date already due for release (London, at the release time): a Part 2 dated on or before
    it is released the moment the paper is published."""
    return last_due_date(utcnow(), current_app.config["RELEASE_TIME_OF_DAY"])
