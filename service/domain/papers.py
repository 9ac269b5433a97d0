"""Upload and analysis: a checked upload becomes a Paper; its analysis runs in the background.

Upload checks run before anything is stored, so a refused file leaves nothing behind. The analysis job
claims the paper with a guarded update (``uploaded → analysing``), so two processes never analyse the
same paper; a failure leaves a user-safe message on the paper and removes the stored original.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from service.domain import audit
from service.domain.models import Paper, User, utcnow
from service.infra import pdftasks, pdfwork
from service.infra.db import get_db
from service.infra.storage import Storage
from service.infra.uk_dates import LONDON

log = logging.getLogger(__name__)

API_SYNC_PAGES = 40  # the API analyses papers up to this size within the request


class UploadError(Exception):
    """A refused upload; ``str()`` is user-safe."""

    def __init__(self, message: str, code: str = "bad_input"):
        super().__init__(message)
        self.message = message
        self.code = code


def storage() -> Storage:
    return current_app.extensions["foia.storage"]


def display_name(filename: str | None) -> str:
    """The upload's own name, for officers' eyes only: no folders, no control characters, ≤ 120 chars."""
    name = unicodedata.normalize("NFKC", filename or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")
    return (name or "paper.pdf")[:120]


def accept_upload(db: Session, user: User, filename: str | None, data: bytes, *, actor: str) -> Paper:
    """Check and store an upload; raises :class:`UploadError`. Commits."""
    cfg = current_app.config
    max_bytes = int(cfg["MAX_UPLOAD_MB"]) * 1024 * 1024
    if not data:
        raise UploadError("The file is empty. Choose a PDF file.", "empty")
    if len(data) > max_bytes:
        raise UploadError(f"The file is larger than the limit of {cfg['MAX_UPLOAD_MB']} MB.", "too_large")
    if not data[:1024].lstrip().startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise UploadError("The file is not a PDF. Choose a PDF file.", "not_pdf")
    checked = pdfwork.run("quick", pdftasks.check_pdf, data, max_bytes)
    if isinstance(checked, pdftasks.Failure):
        raise UploadError(_sentence(checked.message), checked.code)
    store = storage()
    key = store.new_key("originals")
    store.write(key, data)
    try:
        paper = Paper(state="uploaded", original_key=key, original_name=display_name(filename),
                      original_size=len(data), original_sha256=hashlib.sha256(data).hexdigest(),
                      page_count=checked.page_count, page_sizes=checked.page_sizes, uploaded_by=user.id)
        db.add(paper)
        db.flush()
        audit.record(db, "uploaded", user=user, actor=actor, paper_id=paper.id, pages=checked.page_count,
                     bytes=len(data))
        db.commit()
    except BaseException:
        db.rollback()
        store.delete(key)
        raise
    log.info("paper %s uploaded: %d pages", paper.id, checked.page_count)
    return paper


def same_file_as(db: Session, paper: Paper) -> list[Paper]:
    """Other papers uploaded from exactly this file (the same SHA-256), oldest first: the same PDF uploaded
    twice would otherwise be published under two slugs without anyone noticing. A notice, never a refusal."""
    if not paper.original_sha256:
        return []
    return list(db.scalars(select(Paper).where(Paper.original_sha256 == paper.original_sha256,
                                               Paper.id != paper.id).order_by(Paper.id)))


def analyse_paper(paper_id: int) -> None:
    """Background job (also run inline by the API for small papers)."""
    db_ = get_db()
    store = storage()
    with db_.session() as db:
        claimed = db.execute(update(Paper).where(Paper.id == paper_id, Paper.state == "uploaded")
                             .values(state="analysing", updated_at=utcnow()))
        db.commit()
        if claimed.rowcount != 1:
            return
        paper = db.get(Paper, paper_id)
        today = paper.created_at.astimezone(LONDON).date()
        max_bytes = int(current_app.config["MAX_UPLOAD_MB"]) * 1024 * 1024
        previous = paper.analysis or None  # analysed again: carry the decisions over by content
        try:
            result = pdfwork.run("heavy", pdftasks.analyse_pdf, str(store.path(paper.original_key)),
                                 paper.original_name, max_bytes, today, previous, paper.decisions or {})
        except Exception as exc:  # never the exception's text: it could quote the document
            log.error("analysis of paper %s failed: %s", paper_id, type(exc).__name__)
            result = pdftasks.Failure("internal", "the paper could not be analysed because of an error "
                                                  "on our side")
        if db.scalar(select(Paper.state).where(Paper.id == paper_id)) != "analysing":
            db.rollback()
            return  # published or discarded meanwhile: this analysis is not wanted
        if isinstance(result, pdftasks.Failure) and result.code == "stopping":
            paper.state = "uploaded"  # the process is stopping: resumed on the next start (resume_pending)
            audit.record(db, "analysis interrupted", actor="system", paper_id=paper.id)
            db.commit()
            log.warning("paper %s: analysis interrupted by a stop; it resumes on the next start", paper.id)
            return
        if isinstance(result, pdftasks.Failure):
            if previous is not None:  # the earlier analysis and decisions stay as they were
                paper.state = "ready"
                audit.record(db, "analysis again failed", actor="system", paper_id=paper.id, code=result.code)
                db.commit()
                return
            _fail(db, store, paper, result)
            return
        a = result.analysis
        paper.analysis = a
        paper.page_sizes = result.page_sizes
        if previous is not None:
            _carried(db, store, paper, a, result.decisions or {})
        else:
            paper.reference = (a.get("reference") or "")[:64] or None
            paper.title = (a.get("title") or "")[:500] or None
            if paper.previous_id is not None:  # a correction: what its file does not say, the version it
                earlier = db.get(Paper, paper.previous_id)  # corrects said (an officer may have typed it)
                if earlier is not None:
                    paper.reference = paper.reference or earlier.reference
                    paper.title = paper.title or earlier.title
            paper.decisions = paper.decisions or {}
        paper.state = "ready"
        paper.analysed_at = utcnow()
        audit.record(db, "analysed", actor="system", paper_id=paper.id, pages=a.get("pages"),
                     personal_data=len(a.get("personal_data", [])), part2=a.get("part2") is not None,
                     warnings=len(a.get("warnings", [])))
        try:
            db.commit()
        except StaleDataError:  # discarded between the check above and this write: nothing to keep
            db.rollback()
            log.info("paper %s was discarded during its analysis", paper_id)
            return
        log.info("paper %s analysed: %d findings", paper.id, len(a.get("personal_data", [])))


def _carried(db: Session, store: Storage, paper: Paper, analysis: dict, decisions: dict) -> None:
    """A paper analysed again: the decisions carried over (see ``redaction.carry``); the officer's title,
    reference and summary stay; the preview, made from the earlier findings, is gone."""
    carried = analysis.get("carried_over") or {}
    paper.decisions = decisions
    paper.preview = None
    store.delete_folder(f"previews/paper-{paper.id}")
    audit.record(db, "analysed again", actor="system", paper_id=paper.id, matched=carried.get("matched", 0),
                 unmatched=len(carried.get("unmatched", [])), new=len(carried.get("new", [])))


def analyse_again(db: Session, paper: Paper, user: User, *, actor: str) -> bool:
    """Queue a ready paper for a new analysis (a changed policy or engine) that keeps its decisions: they
    follow their items by content, and what cannot be matched goes back to the officer. Commits; False
    when the paper is not ready (analysing, published, failed)."""
    claimed = db.execute(update(Paper).where(Paper.id == paper.id, Paper.state == "ready")
                         .values(state="uploaded", updated_at=utcnow()))
    if claimed.rowcount != 1:
        db.rollback()
        return False
    audit.record(db, "analysis again requested", user=user, actor=actor, paper_id=paper.id)
    db.commit()
    return True


def _fail(db: Session, store: Storage, paper: Paper, failure: pdftasks.Failure) -> None:
    store.delete(paper.original_key)
    paper.original_key = None
    paper.state = "failed"
    paper.error = _sentence(failure.message)[:500]
    audit.record(db, "analysis failed", actor="system", paper_id=paper.id, code=failure.code)
    db.commit()
    log.warning("paper %s analysis failed: %s", paper.id, failure.code)


STALE_ANALYSIS = timedelta(minutes=30)  # far beyond a 500-page analysis: its process must have died


def resume_pending(app) -> int:
    """Queue papers left ``uploaded`` — or ``analysing`` by a process that died — for analysis."""
    with app.extensions["foia.db"].session() as db:
        db.execute(update(Paper).where(Paper.state == "analysing", Paper.updated_at < utcnow() - STALE_ANALYSIS)
                   .values(state="uploaded", updated_at=utcnow()))
        db.commit()
        ids = db.scalars(select(Paper.id).where(Paper.state == "uploaded")).all()
    for paper_id in ids:
        app.extensions["foia.worker"].submit(analyse_paper, paper_id)
    return len(ids)


def page_image(paper: Paper, number: int) -> Path:
    """The PNG of one page of the original (officers only), rendered once and kept in the cache."""
    store = storage()
    dpi = int(current_app.config["RENDER_DPI"])
    path = store.path(f"cache/paper-{paper.id}/page-{number}-{dpi}.png")
    if not path.is_file():
        pdfwork.run("quick", pdftasks.render_pages, str(store.path(paper.original_key)),
                    {number: str(path)}, dpi, int(current_app.config["MAX_PAGE_PIXELS"]))
    return path


def discard(db: Session, paper: Paper, user: User, actor: str) -> None:
    """Remove an unpublished paper's files and row; the audit trail keeps the event."""
    store = storage()
    store.delete(paper.original_key)
    store.delete_folder(f"cache/paper-{paper.id}")
    store.delete_folder(f"previews/paper-{paper.id}")
    audit.record(db, "discarded", user=user, actor=actor, paper_id=paper.id, state=paper.state)
    db.delete(paper)
    db.commit()


def _sentence(message: str) -> str:
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith(".") else message + "."


def london_now() -> datetime:
    return datetime.now(LONDON)
