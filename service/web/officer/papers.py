"""The officers' paper pages: the dashboard, upload, progress, page images, audit trail and discard.

Upload → progress (analysis in the background) → review (decisions) → preview → publish, and the audit
trail of each paper.
"""

from __future__ import annotations

import logging

from flask import abort, current_app, flash, g, jsonify, redirect, render_template, request, send_file, url_for
from sqlalchemy import select

from service.domain import background_publish, limits, papers
from service.domain.models import LIFECYCLE_STATES, AuditEvent, Paper
from service.infra.db import db_session
from service.web.officer.blueprint import bp, paper_or_404

log = logging.getLogger(__name__)

@bp.route("/")
def dashboard():
    rows = db_session().scalars(select(Paper).order_by(Paper.created_at.desc()).limit(200)).all()
    return render_template("officer/dashboard.html", papers=rows)


@bp.route("/upload", methods=["GET", "POST"])
def upload():
    if request.method == "GET":
        return render_template("officer/upload.html")
    file = request.files.get("file")
    if file is None or not file.filename:
        return render_template("officer/upload.html", error="Choose a PDF file to upload."), 400
    db = db_session()
    try:
        limits.check_upload_slot(db, g.user, current_app.config)  # FOIA_UPLOADS_IN_FLIGHT
    except limits.TooManyUploads as exc:
        return render_template("officer/upload.html", error=exc.message), 429
    try:
        paper = papers.accept_upload(db, g.user, file.filename, file.read(), actor="officer")
    except papers.UploadError as exc:
        return render_template("officer/upload.html", error=exc.message), 400
    try:  # counted again once stored: uploads sent in parallel cannot all pass the first count
        limits.keep_within_limit(db, paper, g.user, current_app.config, actor="officer")
    except limits.TooManyUploads as exc:
        return render_template("officer/upload.html", error=exc.message), 429
    current_app.extensions["foia.worker"].submit(papers.analyse_paper, paper.id)
    return redirect(url_for("officer.paper", paper_id=paper.id), code=303)


@bp.route("/papers/<int:paper_id>")
def paper(paper_id: int):
    p = paper_or_404(paper_id)
    if p.state in ("uploaded", "analysing"):
        return render_template("officer/progress.html", paper=p)
    if p.state == "failed":
        return render_template("officer/failed.html", paper=p)
    if p.state in ("published", *LIFECYCLE_STATES):  # withdrawn and superseded papers too
        return redirect(url_for("officer.published", paper_id=p.id))
    return redirect(url_for("officer.review", paper_id=p.id))


@bp.route("/papers/<int:paper_id>/status.json")
def status(paper_id: int):
    p = paper_or_404(paper_id)
    return jsonify(id=p.id, state=p.state, error=p.error, pages=p.page_count,
                   preview=(p.preview or {}).get("state"),
                   publish=(background_publish.state(p) or {}).get("state"),
                   url=url_for("officer.paper", paper_id=p.id))


@bp.route("/papers/<int:paper_id>/pages/<int:number>.png")
def page_image(paper_id: int, number: int):
    p = paper_or_404(paper_id)
    if not p.original_key or not 1 <= number <= p.page_count:
        abort(404)
    path = papers.page_image(p, number)
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype="image/png", max_age=0)


@bp.route("/papers/<int:paper_id>/audit")
def audit_log(paper_id: int):
    p = paper_or_404(paper_id)
    events = db_session().scalars(select(AuditEvent).where(AuditEvent.paper_id == p.id)
                                  .order_by(AuditEvent.at, AuditEvent.id)).all()
    return render_template("officer/audit.html", paper=p, events=events)


@bp.route("/papers/<int:paper_id>/discard", methods=["POST"])
def discard(paper_id: int):
    p = paper_or_404(paper_id)
    if p.state in ("published", *LIFECYCLE_STATES):  # a withdrawn paper's record stays
        abort(409)
    papers.discard(db_session(), p, g.user, "officer")
    flash("The paper was discarded.")
    return redirect(url_for("officer.dashboard"), code=303)
