"""Approval in the JSON API (bearer token; logic in :mod:`service.domain.approval`, the officers' pages are
:mod:`service.web.officer.approval`):

``POST /api/v1/papers/<id>/approve`` (optional ``{"request": <id>}``: the request the approver looked at),
``POST /api/v1/papers/<id>/return`` (``{"note": "…"}``) and ``GET /api/v1/papers/<id>/approval/part<n>.pdf``.
Asking for approval is the ordinary publish route when ``FOIA_APPROVAL=two-person``.
"""

from __future__ import annotations

from flask import g

from service.domain import approval
from service.domain.models import Paper
from service.infra.db import db_session
from service.web.api.blueprint import BadBody, bp as api_bp, paper_or_none, paper_route
from service.web.approval_files import send_waiting_file
from service.web.errors import error_response

APPROVE_BODY = "the body must be empty or a JSON object such as {\"request\": 12}"
RETURN_BODY = "the body must be a JSON object such as {\"note\": \"…\"}"


@api_bp.route("/papers/<int:paper_id>/approve", methods=["POST"])
@paper_route(body=APPROVE_BODY, empty={})
def api_approve(paper: Paper, data: dict):
    if not isinstance(data.get("request", 0), int):
        raise BadBody(APPROVE_BODY)
    try:
        body = approval.approve(db_session(), paper, g.api_user, actor="api", request_id=data.get("request"))
    except approval.ApprovalError as exc:
        return error_response(exc.status, exc.message)
    return body, 200


@api_bp.route("/papers/<int:paper_id>/return", methods=["POST"])
@paper_route(body=RETURN_BODY, empty={})
def api_send_back(paper: Paper, data: dict):
    if not isinstance(data.get("note", ""), str) or not isinstance(data.get("request", 0), int):
        raise BadBody(RETURN_BODY)
    try:
        req = approval.send_back(db_session(), paper, g.api_user, actor="api", note=data.get("note", ""),
                                 request_id=data.get("request"))
    except approval.ApprovalError as exc:
        return error_response(exc.status, exc.message)
    return {"id": paper.id, "state": paper.state, "approval": approval.to_json(req, paper)}, 200


@api_bp.route("/papers/<int:paper_id>/approval/part<int:number>.pdf")
def api_approval_file(paper_id: int, number: int):
    paper = paper_or_none(paper_id)
    response = send_waiting_file(paper, number) if paper is not None else None
    if response is None:
        return error_response(404, "no file of this paper is waiting for approval")
    response.headers["Cache-Control"] = "no-store"  # a Part 2 not public yet: never kept (as officer pages)
    return response
