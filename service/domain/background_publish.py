"""Publication in the background for papers whose redaction is slow (scanned pages read by OCR, long papers).

The officer's *Publish* (or, with ``FOIA_APPROVAL=two-person``, *Ask for approval*) on such a paper is a job
on the same worker as analyses and previews: the request answers at once and the preview page shows the
progress, as the upload's progress page does, instead of a request held for the whole redaction. The job
runs exactly what the request ran (:func:`service.domain.approval.publish_or_request`), so every check,
refusal and outcome is the same; its state is kept beside the preview's (``paper.preview["publish"]``):

``running`` → ``done`` (published or scheduled: the paper's state says which) | ``asked`` (approval asked
for) | ``failed`` (``error``: the user-safe reason; nothing was published).

A job whose process stopped leaves ``running`` behind: after :data:`STALE` it reads as ``failed`` (nothing
was published — publication is one transaction — so the officer can publish again). The JSON API keeps its
contract: ``POST /api/v1/papers/<id>/publish`` still answers when the work is done.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask import current_app

from service.domain import approval, audit, papers, publishing
from service.domain.models import Paper, User, utcnow
from service.infra.db import get_db

log = logging.getLogger(__name__)

STALE = timedelta(minutes=20)  # beyond the PDF workers' own limit (service.infra.pdfwork.TIMEOUT, 15 minutes)
STOPPED = "The publication did not finish (the service was restarted). Nothing was published: publish again."


def slow(paper: Paper) -> bool:
    """Whether publishing ``paper`` is slow enough to be a job: its preview's redaction had pictures to read
    (scanned pages given a text layer, pages made into pictures: the verifier reads them again by OCR), a
    finding was read by OCR, or it is longer than the API analyses in a request. Never how long the preview
    took: the same paper must publish the same way on a busy machine and an idle one."""
    if (paper.preview or {}).get("pictures"):
        return True
    if (paper.page_count or 0) > papers.API_SYNC_PAGES:
        return True
    return any(f.get("source") == "ocr" for f in (paper.analysis or {}).get("personal_data") or [])


def state(paper: Paper, now: datetime | None = None) -> dict | None:
    """The publication job's state (``None``: none asked for since the last preview); a job left running
    by a stopped process reads as failed."""
    job = (paper.preview or {}).get("publish")
    if not job:
        return None
    if job.get("state") == "running" and paper.state == "ready":
        started = datetime.fromisoformat(job["at"])
        if (now or utcnow()) - started > STALE:
            return {**job, "state": "failed", "error": STOPPED}
    return job


def running(paper: Paper) -> bool:
    job = state(paper)
    return bool(job) and job["state"] == "running" and paper.state == "ready"


def start(db, paper: Paper, user: User) -> None:
    """Record the request and hand it to the worker. The caller checked that none is running."""
    _set(paper, {"state": "running", "at": utcnow().isoformat(), "by": user.id,
                 "decisions_hash": publishing.decisions_hash(paper.decisions)})
    audit.record(db, "publication started in the background", user=user, paper_id=paper.id)
    db.commit()
    current_app.extensions["foia.worker"].submit(publish_job, paper.id, user.id)


def publish_job(paper_id: int, user_id: int) -> None:
    """Background job: publish (or ask for approval) as the officer's request would have, and record how it
    ended. Decisions changed since the request (they cannot be saved while it runs) stop it."""
    with get_db().session() as db:
        paper, user = db.get(Paper, paper_id), db.get(User, user_id)
        job = (paper.preview or {}).get("publish") if paper is not None else None
        if paper is None or user is None or not job or job.get("state") != "running":
            return
        if job.get("decisions_hash") != publishing.decisions_hash(paper.decisions):
            _end(db, paper, "failed", error="Nothing was published: the decisions changed after Publish was "
                                            "chosen. Preview the paper again.")
            return
        try:
            _, status = approval.publish_or_request(db, paper, user, actor="officer")
        except (publishing.PublishError, approval.ApprovalError) as exc:
            db.rollback()
            db.refresh(paper)
            _end(db, paper, "failed", error=exc.message)
            return
        except Exception as exc:  # never the text: it could quote the document
            log.error("background publication of paper %s failed: %s", paper_id, type(exc).__name__)
            db.rollback()
            db.refresh(paper)
            _end(db, paper, "failed", error="Nothing was published: the paper could not be published because "
                                            "of an error on our side. Try again; if it happens again, tell "
                                            "the service's administrators.")
            return
        db.refresh(paper)
        _end(db, paper, "asked" if status == 202 else "done")


def _end(db, paper: Paper, outcome: str, error: str | None = None) -> None:
    job = dict((paper.preview or {}).get("publish") or {})
    job.update(state=outcome, ended=utcnow().isoformat())
    if error:
        job["error"] = error
    _set(paper, job)
    db.commit()


def _set(paper: Paper, job: dict) -> None:
    paper.preview = {**(paper.preview or {}), "publish": job}  # a new dict: the JSON column sees the change
