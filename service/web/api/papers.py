"""The officers' JSON API for papers at ``/api/v1/``: bearer tokens (``foia token create EMAIL``), JSON errors.

``POST /papers`` (multipart ``file``) → 201 ``{"id", "analysis"}`` for papers analysed within the request
(up to ``papers.API_SYNC_PAGES`` pages), else 202 ``{"id", "state", "status"}`` and the analysis runs in the
background (``GET /papers/<id>`` until ``state`` is ``ready``); either has ``"same_file_as": [{"id", "state",
"slug", "url"}]`` when the same file (SHA-256) was uploaded before (accepted all the same).
``POST /papers/<id>/publish`` takes optional
decisions JSON (the shape of :mod:`redaction.decisions`) and, optionally, "title" and "reference" (checked as
the review form's); any other key is refused (422, naming it).
"""

from __future__ import annotations

import logging

from flask import current_app, g, jsonify, request, url_for

from service.domain import approval, audit, background_publish, decision_log, limits, papers, publishing, versions
from service.domain.models import Paper
from service.domain.validation import DecisionsInvalid, check_decisions, refusal_restores, split_publish_body
from service.infra.db import db_session
from service.web.api.blueprint import bp, paper_route
from service.web.errors import error_response

log = logging.getLogger(__name__)

BEING_PUBLISHED = ("the paper is being published (an officer chose Publish on the web); GET /api/v1/papers/<id> "
                   "until publish_job.state is no longer \"running\"")

def paper_json(paper: Paper) -> dict:
    body = {"id": paper.id, "state": paper.state, "reference": paper.reference, "title": paper.title,
            "pages": paper.page_count, "error": paper.error, "analysis": paper.analysis,
            "decisions": paper.decisions or {}}
    if paper.state == "published":
        body.update(publishing.publish_response(paper))
    req = approval.latest(db_session(), paper)
    body["approval"] = approval.to_json(req, paper)
    if req is not None and approval.is_current(req, paper):
        body["state"] = "awaiting_approval"
    body.update(versions.lifecycle_fields(paper))  # version, corrects, note, withdrawn (service.domain.versions)
    job = background_publish.state(paper)  # an officer's Publish on the web, run in the background
    body["publish_job"] = {k: job.get(k) for k in ("state", "error", "at", "ended")} if job else None
    return body


@bp.route("/papers", methods=["POST"])
def upload():
    file = request.files.get("file")
    if file is None:
        return error_response(400, "send the PDF as the multipart form field \"file\"")
    db = db_session()
    try:
        limits.check_upload_slot(db, g.api_user, current_app.config)  # FOIA_UPLOADS_IN_FLIGHT
    except limits.TooManyUploads as exc:
        return error_response(429, exc.message)
    try:
        paper = papers.accept_upload(db, g.api_user, file.filename, file.read(), actor="api")
    except papers.UploadError as exc:
        return error_response(413 if exc.code == "too_large" else 400, exc.message)
    try:  # counted again once stored: uploads sent in parallel cannot all pass the first count
        limits.keep_within_limit(db, paper, g.api_user, current_app.config, actor="api")
    except limits.TooManyUploads as exc:
        return error_response(429, exc.message)
    if paper.page_count > papers.API_SYNC_PAGES:
        current_app.extensions["foia.worker"].submit(papers.analyse_paper, paper.id)
        return jsonify(id=paper.id, state="analysing", status=url_for("api.get_paper", paper_id=paper.id),
                       **_same_file(db, paper)), 202
    papers.analyse_paper(paper.id)
    db.refresh(paper)
    if paper.state == "failed":
        return error_response(422, paper.error)
    return jsonify(id=paper.id, analysis=paper.analysis, **_same_file(db, paper)), 201


def _same_file(db, paper: Paper) -> dict:
    """``{"same_file_as": [{"id", "state", "slug", "url"}, …]}`` when earlier papers were uploaded from the
    same file (SHA-256), else nothing (the response as before). A warning: the upload is accepted."""
    others = papers.same_file_as(db, paper)
    if not others:
        return {}
    return {"same_file_as": [{"id": o.id, "state": o.state, "slug": o.slug,
                              "url": url_for("api.get_paper", paper_id=o.id)} for o in others]}


@bp.route("/papers/<int:paper_id>")
@paper_route
def get_paper(paper: Paper):
    return jsonify(paper_json(paper))


@bp.route("/papers/<int:paper_id>/analyse", methods=["POST"])
@paper_route
def analyse_again(paper: Paper):
    """Analyse a ready paper again; its decisions follow their items by content (``carried_over`` in the
    analysis lists decisions that found no item and items that are new; both need confirming)."""
    if background_publish.running(paper):
        return error_response(409, BEING_PUBLISHED)
    if not papers.analyse_again(db_session(), paper, g.api_user, actor="api"):
        return error_response(409, "only a paper that is ready (analysed, not published) can be analysed again")
    if paper.page_count > papers.API_SYNC_PAGES:
        current_app.extensions["foia.worker"].submit(papers.analyse_paper, paper.id)
        return jsonify(id=paper.id, state="analysing",
                       status=url_for("api.get_paper", paper_id=paper.id)), 202
    papers.analyse_paper(paper.id)
    db_session().refresh(paper)
    return jsonify(paper_json(paper)), 200


@bp.route("/papers/<int:paper_id>/publish", methods=["POST"])
@paper_route(body="the body must be a JSON object of decisions (or empty)", empty=None)
def publish(paper: Paper, data: dict | None):
    db = db_session()
    if background_publish.running(paper):  # an officer's Publish on the web is under way: nothing is changed
        return error_response(409, BEING_PUBLISHED)
    kept_before = None
    fields: dict = {}
    if data is not None:  # decisions sent (an empty body publishes with the decisions saved before)
        try:  # the one validation of decisions (service.domain.validation): 422 with every problem, nothing saved
            data, fields = split_publish_body(data)  # unknown keys refused; "title", "reference" as the form's
            if fields and not data:  # only a title or reference sent: the decisions saved before stand
                data = dict(paper.decisions or {})
            check_decisions(paper, data)
        except DecisionsInvalid as exc:
            return jsonify(error=exc.message, problems=exc.problems), 422
        if paper.state == "ready":
            kept_before = refusal_restores(paper)  # a refused publish keeps the decisions (and title) it had
            for name, value in fields.items():
                setattr(paper, name, value)
            decision_log.record(paper, data, g.api_user)  # who decided each redaction (redaction schedule)
            paper.decisions = data
            audit.record(db, "decisions saved", user=g.api_user, actor="api", paper_id=paper.id,
                         kept=sum(v == "keep" for v in data.get("items", {}).values()),
                         redacted=sum(v == "redact" for v in data.get("items", {}).values()),
                         texts=len(data.get("redact_texts", [])), boxes=len(data.get("boxes", [])),
                         **({"fields": sorted(fields)} if fields else {}))
            db.commit()
    try:  # FOIA_APPROVAL=two-person: 202 {"state": "awaiting_approval"}, see service/web/officer/approval.py
        body, status = approval.publish_or_request(db, paper, g.api_user, actor="api")
    except (publishing.PublishError, approval.ApprovalError) as exc:
        if kept_before is not None:
            kept_before(db, g.api_user)
        return error_response(exc.status, exc.message)
    except Exception:  # failed (500): a refused publish saves nothing, whatever refused it
        if kept_before is not None:
            try:
                kept_before(db, g.api_user)
            except Exception:  # the database itself failing: the 500 below still answers
                log.exception("could not put back paper %s's earlier decisions after a failed publish", paper.id)
        raise
    return jsonify(body), status
