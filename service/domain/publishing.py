"""Preview and publication: redact with the officer's decisions, verify (fail closed), store, schedule.

``redaction.redact`` does the removal and the verification; a ``LeakDetected`` (or any refusal) stops
publication with the library's user-safe reason, and nothing is stored. On success Part 1 is published
now or scheduled for its deferral date, Part 2 is stored withheld with its release/review dates, and
``service.domain.release.release_due`` releases at once whatever is already due.

Where Part 2 starts, the dates, the exemptions and the redaction counts are the library's publication plan
(:mod:`redaction.publication`): the redaction report's ``publication`` is what is stored, and the pages
before publication show :func:`publication_plan`. Nothing here works any of them out again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from datetime import datetime

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction import publication
from redaction.dates import iso_or_none
from redaction.publication import PublicationPlan

from service.domain.release import release_due

from service.domain import audit, publish_guard
from service.infra import pdftasks, pdfwork
from service.domain.slugs import slug_base, slugify  # noqa: F401 (publishing.slugify: used by callers too)
from service.domain import search_index, versions
from service.domain.models import Paper, Part, User, utcnow
from service.domain.papers import storage
from service.domain.redacted_text import mentions
from service.infra.db import get_db

log = logging.getLogger(__name__)


class PublishError(Exception):
    """Publication refused or stopped; ``str()`` is user-safe."""

    def __init__(self, message: str, status: int = 422, code: str = "refused"):
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


def decisions_hash(decisions: dict | None) -> str:
    return hashlib.sha256(json.dumps(decisions or {}, sort_keys=True).encode()).hexdigest()[:16]


def publication_plan(paper: Paper, officer_part2: dict | None = None) -> PublicationPlan:
    """What publication will do with this paper's analysis and the officer's decisions, as the library says
    (:func:`redaction.publication.plan`): where Part 2 starts, the dates, the exemptions, the redaction counts.
    ``officer_part2``: a redaction report's Part 2 (read after an officer's start)."""
    return publication.plan(paper.analysis or {}, paper.decisions or {}, officer_part2=officer_part2)


def reported_plan(paper: Paper, result: pdftasks.Redacted) -> PublicationPlan:
    """The plan of the redaction that made ``result``: its report's ``publication``. Files an approval request
    stored carry only the report's Part 2: the plan is the library's for the same analysis and decisions
    (the request is bound to them, :func:`service.domain.approval.fingerprint`) and that Part 2."""
    report = result.report or {}
    if report.get("publication"):
        return PublicationPlan.from_dict(report["publication"])
    return publication_plan(paper, report.get("part2"))


def _redact(paper: Paper) -> pdftasks.Redacted | pdftasks.Failure:
    """Redact with the stored analysis (never a new one: the decisions were made on its findings)."""
    max_bytes = int(current_app.config["MAX_UPLOAD_MB"]) * 1024 * 1024
    if not paper.analysis:
        return pdftasks.Failure("not_analysed", "the paper has no analysis; analyse it again")
    try:
        return pdfwork.run("heavy", pdftasks.redact_pdf, str(storage().path(paper.original_key)),
                           paper.analysis, max_bytes, paper.decisions or {})
    except Exception as exc:  # never the text: it could quote the document
        log.error("redaction of paper %s failed: %s", paper.id, type(exc).__name__)
        return pdftasks.Failure("internal", "the paper could not be redacted because of an error on our side")


def redact_paper(paper: Paper) -> pdftasks.Redacted | pdftasks.Failure:
    """The verified redaction publication would make now (for an approval request to store)."""
    return _redact(paper)


# --- preview -------------------------------------------------------------------------------------------

def preview_key(paper_id: int, number: int) -> str:
    return f"previews/paper-{paper_id}/part{number}.pdf"


def start_preview(db: Session, paper: Paper, user: User) -> None:
    paper.preview = {"state": "running", "decisions_hash": decisions_hash(paper.decisions)}
    audit.record(db, "preview requested", user=user, paper_id=paper.id)
    db.commit()
    current_app.extensions["foia.worker"].submit(preview_paper, paper.id)


def preview_paper(paper_id: int) -> None:
    """Background job: run the redaction to the preview store (officers only)."""
    store = storage()
    with get_db().session() as db:
        paper = db.get(Paper, paper_id)
        if paper is None or paper.state != "ready":
            return
        wanted = decisions_hash(paper.decisions)
        analysed_at = paper.analysed_at
        started = time.monotonic()
        result = _redact(paper)
        seconds = round(time.monotonic() - started, 1)
        db.refresh(paper)
        if paper.state != "ready" or paper.analysed_at != analysed_at:
            return  # analysed again meanwhile: this preview shows findings that are no longer reviewed
        if isinstance(result, pdftasks.Failure):
            paper.preview = {"state": "failed", "decisions_hash": wanted, "error": _sentence(result.message),
                             "code": result.code}
            audit.record(db, "preview stopped", actor="system", paper_id=paper.id, code=result.code)
            db.commit()
            return
        plan = reported_plan(paper, result)
        store.write(preview_key(paper.id, 1), result.part1)
        store.delete(preview_key(paper.id, 2))
        if result.part2 is not None:
            store.write(preview_key(paper.id, 2), result.part2)
        paper.preview = {"state": "ready", "decisions_hash": wanted, "part1_pages": result.part1_pages,
                         "part2_pages": result.part2_pages if result.part2 else None,
                         "part1_size": len(result.part1), "part2_size": len(result.part2 or b""),
                         "redactions": plan.redactions, "publication": plan.to_dict(), "seconds": seconds,
                         # pages read again by OCR when published: such a paper is published by a job
                         # (service.domain.background_publish.slow)
                         "pictures": len((result.report or {}).get("text_layers") or [])
                         + len((result.report or {}).get("rasterised_pages") or [])}
        audit.record(db, "preview made", actor="system", paper_id=paper.id,
                     part2=result.part2 is not None)
        db.commit()


# --- publish -------------------------------------------------------------------------------------------

def publish(db: Session, paper: Paper, user: User, *, actor: str, now: datetime | None = None,
            approved: pdftasks.Redacted | None = None) -> dict:
    """Redact, verify, store and schedule; returns the API's publish response. Raises PublishError.

    ``approved``: the verified files a second officer approved (:mod:`service.domain.approval`), published as they
    are. With ``FOIA_APPROVAL=two-person`` nothing else is published: one officer's word is not enough.
    """
    now = now or utcnow()
    if paper.state == "published":
        raise PublishError("This paper is already published.", 409, "published")
    if paper.state != "ready":
        raise PublishError("This paper is not ready to publish yet.", 409, "not_ready")
    twin = publish_guard.published_twin(db, paper)  # the same decision again: a correction is a new version
    if twin is not None:
        raise PublishError(publish_guard.refusal(twin), 409, "already_published")
    if approved is None and current_app.config.get("APPROVAL") == "two-person":
        raise PublishError("Publication needs a second officer's approval: ask for it first.", 409,
                           "approval_needed")
    exposed = public_fields_with_redacted_text(paper)
    if exposed:  # the page, feed and API show these fields: the one rule applies to them too
        audit.record(db, "publication stopped", user=user, actor=actor, paper_id=paper.id, code="leak",
                     fields=exposed)
        db.commit()
        raise PublishError(f"Nothing was published: the {' and the '.join(exposed)} contain(s) text chosen for "
                           "redaction; edit it on the review page first.", 422, "leak")
    refused = versions.check_publishable(db, paper)  # a corrected version of a published decision
    if refused is not None:
        raise PublishError(refused.message, refused.status, refused.code)
    result = approved or _redact(paper)
    if isinstance(result, pdftasks.Failure):
        audit.record(db, "publication stopped", user=user, actor=actor, paper_id=paper.id, code=result.code)
        db.commit()
        status = 503 if result.code == "stopping" else 422  # a stop (SIGTERM): publish again once it is back
        raise PublishError(f"Nothing was published: {_sentence(result.message)}", status, result.code)

    plan = reported_plan(paper, result)  # what the library says is published: stored as it is
    store = storage()
    keys = [store.new_key("parts")]
    store.write(keys[0], result.part1)
    counts, exemptions = plan.redactions, plan.exemptions
    try:
        paper.parts.append(Part(number=1, state="scheduled" if plan.deferred_until else "draft",
                                file_key=keys[0], size=len(result.part1), pages=result.part1_pages,
                                publish_on=plan.deferred_until, redactions=counts["part1"],
                                text=result.part1_text))
        if result.part2 is not None:
            keys.append(store.new_key("parts"))
            store.write(keys[1], result.part2)
            paper.parts.append(Part(number=2, state="withheld", file_key=keys[1], size=len(result.part2),
                                    pages=result.part2_pages, release_on=plan.release_on,
                                    review_on=plan.review_on, exemptions=exemptions,
                                    redactions=counts["part2"],
                                    # read in the PDF process (never PDFium in the web process);
                                    # searched only once released (service.domain.search_index)
                                    text=result.part2_text))
        elif plan.part2_referenced:  # recorded without a file: never downloadable, see service.domain.release
            paper.parts.append(Part(number=2, state="withheld", in_file=False, size=0, pages=0,
                                    release_on=plan.release_on, review_on=plan.review_on,
                                    exemptions=exemptions))
        if not plan.deferred_until:
            paper.parts[0].state = "published"
            paper.parts[0].released_at = now
        if paper.previous_id is not None:  # a correction takes its decision's slug and place (service.domain.versions)
            versions.take_place(db, paper, user, now=now, actor=actor)
        else:
            paper.slug = unique_slug(db, paper)
        paper.state = "published"
        paper.published_at = now
        paper.published_by = user.id
        audit.record(db, "published", user=user, actor=actor, paper_id=paper.id, slug=paper.slug,
                     part1=paper.parts[0].state, part2=result.part2 is not None,
                     publish_on=iso_or_none(plan.deferred_until), release_on=iso_or_none(plan.release_on),
                     review_on=iso_or_none(plan.review_on), redactions=counts["total"])
        search_index.sync(db, [paper.id, paper.previous_id])  # in the same transaction (issue 16)
        db.commit()
    except BaseException as exc:
        db.rollback()
        for key in keys:
            store.delete(key)
        if isinstance(exc, versions.VersionError):  # replaced or withdrawn meanwhile: refused, nothing stored
            raise PublishError(exc.message, exc.status, exc.code) from None
        raise
    release_due(now, session=db, release_time=current_app.config["RELEASE_TIME_OF_DAY"], actor=actor)
    db.refresh(paper)
    store.delete_folder(f"previews/paper-{paper.id}")
    log.info("paper %s published as %s", paper.id, paper.slug)
    return publish_response(paper)


def publish_response(paper: Paper) -> dict:
    p1, p2 = paper.part(1), paper.part(2)
    return {
        "slug": paper.slug,
        "part1": {"state": p1.state, "publish_on": iso_or_none(p1.publish_on)} if p1 else None,
        "part2": {"state": p2.state, "release_on": iso_or_none(p2.release_on), "review_on": iso_or_none(p2.review_on)}
        if p2 else None,
    }


def public_fields_with_redacted_text(paper: Paper) -> list[str]:
    """Names of the public fields (reference, title, summary) holding a value that is being redacted: an
    officer's text to redact everywhere, or a finding whose action is redact. Never the values."""
    decisions = paper.decisions or {}
    overrides = decisions.get("items", {})
    values = list(decisions.get("redact_texts", []))
    values += [f["text"] for f in (paper.analysis or {}).get("personal_data", [])
               if overrides.get(f["id"], f["action"]) == "redact" and not f["text"].startswith("[")]
    fields = {"reference": paper.reference, "title": paper.title, "summary": paper.summary}
    # compared as a reader reads them (apostrophes, accents, punctuation, number spacing): service.domain.redacted_text
    return [name for name, text in fields.items() if text and mentions(text, [v for v in values if v])]


def unique_slug(db: Session, paper: Paper) -> str:
    base = slug_base(paper)
    slug, n = base, 2
    while db.scalar(select(Paper.id).where(Paper.slug == slug, Paper.id != paper.id)) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _sentence(message: str) -> str:
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith(".") else message + "."
