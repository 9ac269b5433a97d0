"""Approval routes: on the officers' review page and in the JSON API (logic in :mod:`service.approval`).

Officer pages (behind the officer gate): ``POST /officer/papers/<id>/approve``, ``POST …/return`` (note),
``GET …/approval/part<n>.pdf`` (the files waiting for approval). API (bearer token):
``POST /api/v1/papers/<id>/approve`` (optional ``{"request": <id>}``: the request the approver looked at),
``POST /api/v1/papers/<id>/return`` (``{"note": "…"}``) and ``GET /api/v1/papers/<id>/approval/part<n>.pdf``.
Asking for approval is the ordinary publish route when ``FOIA_APPROVAL=two-person``.
"""

from __future__ import annotations

import logging

from flask import abort, flash, g, redirect, request, send_file, url_for

from . import approval
from .api import bp as api_bp
from .db import db_session
from .errors import error_response
from .models import Paper
from .officer import bp as officer_bp

log = logging.getLogger(__name__)


@officer_bp.app_template_global()
def approval_for(paper) -> dict:
    """What the review and preview pages show about approval: the request, whether it is still current and
    whether the signed-in officer asked for it."""
    req = approval.latest(db_session(), paper)
    return {"on": approval.required(), "request": req,
            "current": req is not None and approval.is_current(req, paper),
            "mine": req is not None and g.get("user") is not None and req.requested_by == g.user.id}


# --- officer pages ---------------------------------------------------------------------------------------

def officer_paper(paper_id: int) -> Paper:
    paper = db_session().get(Paper, paper_id)
    if paper is None:
        abort(404)
    return paper


@officer_bp.route("/papers/<int:paper_id>/approve", methods=["POST"])
def approve(paper_id: int):
    paper = officer_paper(paper_id)
    try:
        approval.approve(db_session(), paper, g.user, actor="officer", request_id=_form_id())
    except approval.ApprovalError as exc:
        return _back(paper, exc)
    flash("You approved the paper: it is published as approved.")
    return redirect(url_for("officer.published", paper_id=paper.id), code=303)


@officer_bp.route("/papers/<int:paper_id>/return", methods=["POST"])
def send_back(paper_id: int):
    paper = officer_paper(paper_id)
    try:
        req = approval.send_back(db_session(), paper, g.user, actor="officer", note=request.form.get("note", ""),
                                 request_id=_form_id())
    except approval.ApprovalError as exc:
        return _back(paper, exc)
    flash("You withdrew your request for approval." if req.state == "withdrawn"
          else "The paper is returned with your note; nothing was published.")
    return redirect(url_for("officer.review", paper_id=paper.id) + "#approval", code=303)


@officer_bp.route("/papers/<int:paper_id>/approval/part<int:number>.pdf")
def approval_file(paper_id: int, number: int):
    paper = officer_paper(paper_id)
    return _send(paper, number) or abort(404)


def _form_id() -> int | None:
    value = request.form.get("request", "").strip()
    return int(value) if value.isdigit() else None


def _back(paper: Paper, exc: approval.ApprovalError):
    """The review page with the reason, under the refusal's status (403 for approving one's own request)."""
    from .review import render_review_page

    return render_review_page(paper, exc.message), exc.status


def _send(paper: Paper, number: int):
    path = approval.file_path(approval.awaiting(db_session(), paper), number)
    if path is None:
        return None
    return send_file(path, mimetype="application/pdf", max_age=0,
                     download_name=f"approval-{paper.id}-part{number}.pdf")


# --- API -------------------------------------------------------------------------------------------------

def _api_paper(paper_id: int) -> Paper | None:
    return db_session().get(Paper, paper_id)


def _json_body() -> dict | None:
    if not request.get_data():
        return {}
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else None


@api_bp.route("/papers/<int:paper_id>/approve", methods=["POST"])
def api_approve(paper_id: int):
    paper, data = _api_paper(paper_id), _json_body()
    if paper is None:
        return error_response(404, "no such paper")
    if data is None or not isinstance(data.get("request", 0), int):
        return error_response(400, "the body must be empty or a JSON object such as {\"request\": 12}")
    try:
        body = approval.approve(db_session(), paper, g.api_user, actor="api", request_id=data.get("request"))
    except approval.ApprovalError as exc:
        return error_response(exc.status, exc.message)
    return body, 200


@api_bp.route("/papers/<int:paper_id>/return", methods=["POST"])
def api_send_back(paper_id: int):
    paper, data = _api_paper(paper_id), _json_body()
    if paper is None:
        return error_response(404, "no such paper")
    if data is None or not isinstance(data.get("note", ""), str) or not isinstance(data.get("request", 0), int):
        return error_response(400, "the body must be a JSON object such as {\"note\": \"…\"}")
    try:
        req = approval.send_back(db_session(), paper, g.api_user, actor="api", note=data.get("note", ""),
                                 request_id=data.get("request"))
    except approval.ApprovalError as exc:
        return error_response(exc.status, exc.message)
    return {"id": paper.id, "state": paper.state, "approval": approval.to_json(req, paper)}, 200


@api_bp.route("/papers/<int:paper_id>/approval/part<int:number>.pdf")
def api_approval_file(paper_id: int, number: int):
    paper = _api_paper(paper_id)
    response = _send(paper, number) if paper is not None else None
    if response is None:
        return error_response(404, "no file of this paper is waiting for approval")
    response.headers["Cache-Control"] = "no-store"  # a Part 2 not public yet: never kept (as officer pages)
    return response
