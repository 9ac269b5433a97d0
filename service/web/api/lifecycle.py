"""API routes after publication (bearer token, JSON errors), registered on the API blueprint:

- ``POST /api/v1/papers/<id>/withdraw`` ``{"reason": "…"}`` → 200 ``{"slug", "reference", "state":
  "withdrawn", "withdrawn_on", "reason", "notice"}`` (:mod:`service.domain.withdrawal`);
- ``POST /api/v1/papers/<id>/versions`` (multipart ``file`` and ``note``) → 201 ``{"id", "version",
  "corrects", "analysis"}`` — a corrected PDF as the next version of a published decision, then reviewed
  and published with ``POST /api/v1/papers/<new id>/publish`` like any paper (202 while a long paper is
  analysed in the background); ``GET`` lists the decision's versions (:mod:`service.domain.versions`);
- ``PUT /api/v1/papers/<id>/note`` ``{"note": "…"}`` changes a correction's public note before publication;
- ``GET /api/v1/papers/<id>/redactions`` (JSON) and ``/redactions.csv``: the redaction schedule, with the
  redacted texts — for officers only (:mod:`service.domain.redaction_schedule`).
"""

from __future__ import annotations

from flask import Response, current_app, g, jsonify, request, url_for

from service.domain import audit, papers, redaction_schedule, versions, withdrawal
from service.domain.models import Paper
from service.infra.db import db_session
from service.web.api.blueprint import bp, paper_route
from service.web.errors import error_response


def version_json(paper: Paper) -> dict:
    return {"id": paper.id, "version": paper.version or 1, "state": paper.state, "slug": paper.slug,
            "corrects": paper.previous_id, "note": paper.version_note,
            "published_at": paper.published_at.isoformat() if paper.published_at else None,
            "superseded_at": paper.superseded_at.isoformat() if paper.superseded_at else None,
            "withdrawn_at": paper.withdrawn_at.isoformat() if paper.withdrawn_at else None}


@bp.route("/papers/<int:paper_id>/withdraw", methods=["POST"])
@paper_route(body='send a JSON object {"reason": "…"}: the reason is shown on the public page')
def withdraw(paper: Paper, data: dict):
    try:
        body = withdrawal.withdraw(db_session(), paper, g.api_user, data.get("reason"), actor="api")
    except withdrawal.WithdrawError as exc:
        return error_response(exc.status, exc.message)
    return jsonify(body), 200


@bp.route("/papers/<int:paper_id>/versions", methods=["GET", "POST"])
@paper_route
def paper_versions(paper: Paper):
    db = db_session()
    if request.method == "GET":
        draft = versions.open_correction(db, paper)
        return jsonify(versions=[version_json(v) for v in versions.history(db, paper)],
                       open_correction=version_json(draft) if draft else None)
    file = request.files.get("file")
    if file is None:
        return error_response(400, "send the corrected PDF as the multipart form field \"file\" and the note "
                                   "saying what was corrected as the field \"note\"")
    try:
        draft = versions.start_correction(db, paper, g.api_user, file.filename, file.read(),
                                          request.form.get("note"), actor="api")
    except versions.VersionError as exc:
        return error_response(exc.status, exc.message)
    except papers.UploadError as exc:
        return error_response(413 if exc.code == "too_large" else 400, exc.message)
    if draft.page_count > papers.API_SYNC_PAGES:
        current_app.extensions["foia.worker"].submit(papers.analyse_paper, draft.id)
        return jsonify(id=draft.id, version=draft.version, corrects=paper.id, state="analysing",
                       status=url_for("api.get_paper", paper_id=draft.id)), 202
    papers.analyse_paper(draft.id)
    db.refresh(draft)
    if draft.state == "failed":
        return error_response(422, draft.error)
    return jsonify(id=draft.id, version=draft.version, corrects=paper.id, analysis=draft.analysis), 201


@bp.route("/papers/<int:paper_id>/note", methods=["PUT", "POST"])
@paper_route(body='send a JSON object {"note": "…"}')
def correction_note(paper: Paper, data: dict):
    try:
        versions.set_note(db_session(), paper, data.get("note"), g.api_user, actor="api")
    except versions.VersionError as exc:
        return error_response(exc.status, exc.message)
    return jsonify(version_json(paper)), 200


@bp.route("/papers/<int:paper_id>/redactions")
@bp.route("/papers/<int:paper_id>/redactions.csv", endpoint="redactions_csv")
@paper_route
def redactions(paper: Paper):
    as_csv = request.path.endswith(".csv")
    db = db_session()
    try:
        schedule = redaction_schedule.build(db, paper)
    except redaction_schedule.ScheduleError as exc:
        return error_response(exc.status, exc.message)
    audit.record(db, "redaction schedule downloaded", user=g.api_user, actor="api", paper_id=paper.id,
                 format="csv" if as_csv else "json", redactions=len(schedule.entries))
    db.commit()
    if as_csv:
        response = Response(redaction_schedule.to_csv(schedule), mimetype="text/csv")
        response.headers["Content-Disposition"] = \
            f'attachment; filename="{redaction_schedule.file_name(paper, "csv")}"'
    else:
        response = jsonify(redaction_schedule.to_json(schedule))
    response.headers["Cache-Control"] = "no-store"  # the redacted texts: never kept by a cache
    return response
