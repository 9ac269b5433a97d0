"""Officer pages after publication, on the officer blueprint (its gate and ``no-store`` apply):

- ``POST /officer/papers/<id>/withdraw`` — withdraw a published decision with a public reason;
- ``POST /officer/papers/<id>/versions`` — upload a corrected PDF as its next version (then the usual
  progress, review, preview and publish pages of the new paper);
- ``POST /officer/papers/<id>/note`` — change a correction's public note before it is published;
- ``GET /officer/papers/<id>/redactions`` (printable page) and ``/redactions.csv`` — the redaction schedule.

The actions sit on the paper's published page (``officer/published.html`` → ``officer/_lifecycle.html``).
"""

from __future__ import annotations

from flask import Response, current_app, flash, g, redirect, render_template, request, url_for

from service.domain import audit, papers, redaction_schedule, versions, withdrawal
from service.domain.models import Paper, utcnow
from service.infra.db import db_session
from service.web.officer.blueprint import bp, paper_or_404


@bp.app_context_processor
def _lifecycle_helpers() -> dict:
    def paper_lifecycle(paper) -> dict:
        db = db_session()
        return {"history": versions.history(db, paper), "open_correction": versions.open_correction(db, paper)}

    def corrected_version(paper):
        """The version a correction replaces (None for a first version)."""
        return db_session().get(Paper, paper.previous_id) if paper.previous_id else None

    return {"paper_lifecycle": paper_lifecycle, "corrected_version": corrected_version}


def _published_page(paper, error: str, status: int, form: str, field: str | None = None):
    """The published page again with the refusal shown the GOV.UK way: a summary linking to ``field`` (the
    input's id) and the message beside that input; a refusal about the paper's state (it changed meanwhile)
    names no field."""
    return render_template("officer/published.html", paper=paper, error=error, error_form=form,
                           error_field=field, form=request.form), status


# The correction's refusals that are about the note (the others are about the file or the paper's state).
NOTE_CODES = ("note", "leak", "withheld")


@bp.route("/papers/<int:paper_id>/withdraw", methods=["POST"])
def withdraw(paper_id: int):
    paper = paper_or_404(paper_id)
    if request.form.get("confirm") != "1":
        return _published_page(paper, "Tick the box to confirm that the decision and its files leave the "
                                      "public site.", 400, "withdraw", "withdraw-confirm")
    try:
        result = withdrawal.withdraw(db_session(), paper, g.user, request.form.get("reason", ""), actor="officer")
    except withdrawal.WithdrawError as exc:  # 409: the paper's state, not the reason
        return _published_page(paper, exc.message, exc.status, "withdraw",
                               None if exc.status == 409 else "withdraw-reason")
    flash(f"{result['notice']}. Its public page now says so, and its files are no longer served.")
    return redirect(url_for("officer.published", paper_id=paper.id), code=303)


@bp.route("/papers/<int:paper_id>/versions", methods=["POST"])
def correct(paper_id: int):
    paper = paper_or_404(paper_id)
    file = request.files.get("file")
    if file is None or not file.filename:
        return _published_page(paper, "Choose the corrected PDF to upload.", 400, "correct", "correct-file")
    db = db_session()
    try:
        draft = versions.start_correction(db, paper, g.user, file.filename, file.read(),
                                          request.form.get("note", ""), actor="officer")
    except versions.VersionError as exc:
        return _published_page(paper, exc.message, exc.status, "correct",
                               "correct-note" if exc.code in NOTE_CODES else None)
    except papers.UploadError as exc:
        return _published_page(paper, exc.message, 400, "correct", "correct-file")
    current_app.extensions["foia.worker"].submit(papers.analyse_paper, draft.id)
    flash(f"Version {draft.version} is being analysed. Review it as any paper; when you publish it, it "
          "replaces the published version.")
    return redirect(url_for("officer.paper", paper_id=draft.id), code=303)


@bp.route("/papers/<int:paper_id>/note", methods=["POST"])
def correction_note(paper_id: int):
    paper = paper_or_404(paper_id)
    try:
        versions.set_note(db_session(), paper, request.form.get("note", ""), g.user, actor="officer")
    except versions.VersionError as exc:
        flash(exc.message, "error")
    else:
        flash("The note is saved.")
    return redirect(url_for("officer.paper", paper_id=paper.id), code=303)


@bp.route("/papers/<int:paper_id>/redactions")
@bp.route("/papers/<int:paper_id>/redactions.csv", endpoint="redactions_csv")
def redactions(paper_id: int):
    paper = paper_or_404(paper_id)
    as_csv = request.path.endswith(".csv")
    db = db_session()
    try:
        schedule = redaction_schedule.build(db, paper)
    except redaction_schedule.ScheduleError as exc:
        return render_template("base/error.html", status=exc.status, message=exc.message), exc.status
    audit.record(db, "redaction schedule downloaded", user=g.user, actor="officer", paper_id=paper.id,
                 format="csv" if as_csv else "page", redactions=len(schedule.entries))
    db.commit()
    if not as_csv:
        return render_template("officer/redaction_schedule.html", paper=paper, schedule=schedule, now=utcnow())
    response = Response(redaction_schedule.to_csv(schedule), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{redaction_schedule.file_name(paper, "csv")}"'
    return response
