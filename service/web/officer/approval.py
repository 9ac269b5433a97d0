"""Approval routes on the officers' review page (logic in :mod:`service.domain.approval`; the same actions
in the JSON API are :mod:`service.web.api.approval`).

Officer pages (behind the officer gate): ``POST /officer/papers/<id>/approve``, ``POST …/return`` (note),
``GET …/approval/part<n>.pdf`` (the files waiting for approval). Asking for approval is the ordinary publish
route when ``FOIA_APPROVAL=two-person``.
"""

from __future__ import annotations

import logging

from flask import abort, flash, g, redirect, request, url_for

from service.domain import approval
from service.domain.models import Paper
from service.infra.db import db_session
from service.web.approval_files import send_waiting_file
from service.web.officer.blueprint import bp as officer_bp, paper_or_404
from service.web.officer.review import render_review_page

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

@officer_bp.route("/papers/<int:paper_id>/approve", methods=["POST"])
def approve(paper_id: int):
    paper = paper_or_404(paper_id)
    try:
        approval.approve(db_session(), paper, g.user, actor="officer", request_id=_form_id())
    except approval.ApprovalError as exc:
        return _back(paper, exc)
    flash("You approved the paper: it is published as approved.")
    return redirect(url_for("officer.published", paper_id=paper.id), code=303)


@officer_bp.route("/papers/<int:paper_id>/return", methods=["POST"])
def send_back(paper_id: int):
    paper = paper_or_404(paper_id)
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
    paper = paper_or_404(paper_id)
    return send_waiting_file(paper, number) or abort(404)


def _form_id() -> int | None:
    value = request.form.get("request", "").strip()
    return int(value) if value.isdigit() else None


def _back(paper: Paper, exc: approval.ApprovalError):
    """The review page with the reason, under the refusal's status (403 for approving one's own request)."""
    return render_review_page(paper, exc.message), exc.status
