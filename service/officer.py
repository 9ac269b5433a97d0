"""The officers' pages at ``/officer/``: every route here needs a signed-in officer (one ``before_request``).

Upload → progress (analysis in the background) → review (decisions) → preview → publish, and the audit
trail of each paper.
"""

from __future__ import annotations

import logging

from flask import (Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request,
                   send_file, url_for)
from sqlalchemy import select

from . import limits, papers
from .db import db_session
from .models import LIFECYCLE_STATES, AuditEvent, Paper

log = logging.getLogger(__name__)

bp = Blueprint("officer", __name__)


@bp.before_request
def require_officer():
    """The one gate for every officer route: signed in, with an officer or admin role."""
    user = g.get("user")
    if user is None:
        if request.method == "GET" and not request.path.endswith(".json"):
            return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
        abort(401)
    if user.role not in ("officer", "admin"):
        abort(403)


@bp.after_request
def no_store(response):
    # Officer pages show personal data under review: never cached by a browser or proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


def _paper(paper_id: int) -> Paper:
    paper = db_session().get(Paper, paper_id)
    if paper is None:
        abort(404)
    return paper


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
    p = _paper(paper_id)
    if p.state in ("uploaded", "analysing"):
        return render_template("officer/progress.html", paper=p)
    if p.state == "failed":
        return render_template("officer/failed.html", paper=p)
    if p.state in ("published", *LIFECYCLE_STATES):  # withdrawn and superseded papers too
        return redirect(url_for("officer.published", paper_id=p.id))
    return redirect(url_for("officer.review", paper_id=p.id))


@bp.route("/papers/<int:paper_id>/status.json")
def status(paper_id: int):
    p = _paper(paper_id)
    return jsonify(id=p.id, state=p.state, error=p.error, pages=p.page_count,
                   preview=(p.preview or {}).get("state"),
                   url=url_for("officer.paper", paper_id=p.id))


@bp.route("/papers/<int:paper_id>/pages/<int:number>.png")
def page_image(paper_id: int, number: int):
    p = _paper(paper_id)
    if not p.original_key or not 1 <= number <= p.page_count:
        abort(404)
    path = papers.page_image(p, number)
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype="image/png", max_age=0)


@bp.route("/papers/<int:paper_id>/audit")
def audit_log(paper_id: int):
    p = _paper(paper_id)
    events = db_session().scalars(select(AuditEvent).where(AuditEvent.paper_id == p.id)
                                  .order_by(AuditEvent.at, AuditEvent.id)).all()
    return render_template("officer/audit.html", paper=p, events=events)


@bp.route("/papers/<int:paper_id>/discard", methods=["POST"])
def discard(paper_id: int):
    p = _paper(paper_id)
    if p.state in ("published", *LIFECYCLE_STATES):  # a withdrawn paper's record stays
        abort(409)
    papers.discard(db_session(), p, g.user, "officer")
    flash("The paper was discarded.")
    return redirect(url_for("officer.dashboard"), code=303)


from . import review  # noqa: E402,F401  (registers the review, preview and publish routes on bp)
from . import user_pages  # noqa: E402,F401  (own password; administrators' user pages)
from . import officer_lifecycle  # noqa: E402,F401  (withdraw, correct, redaction schedule)
