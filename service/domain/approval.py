"""Second-officer approval (``FOIA_APPROVAL=two-person``): nothing is published on one officer's word.

Publishing then *asks for approval* instead: the verified redaction is made now, its files are stored with
their SHA-256 digests and a fingerprint of what was reviewed (decisions, analysis, original file, reference,
title and summary), and the paper waits. Another officer opens exactly those files and approves — then
exactly those bytes are published, after their digests are checked — or returns the paper with a note.
Any change after the request (decisions saved, a new analysis, a new upload or edited details) makes it
out of date: approval is refused until the paper is asked for again. The requester cannot approve
(403); they may withdraw their own request.

Each decision is one guarded ``UPDATE approval_requests … WHERE id = :id AND state = 'awaiting'`` in the
transaction that publishes, so a double click or two approvers at once publish once; at most one request
per paper is awaiting (a partial unique index).
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from datetime import datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.domain import audit, notifications, publish_guard, publishing, versions
from service.domain.models import ApprovalRequest, Paper, User, utcnow
from service.domain.papers import storage
from service.infra import pdftasks, pdfwork

log = logging.getLogger(__name__)

MAX_NOTE = 2000
AWAITING = "awaiting"


class ApprovalError(Exception):
    """The approval step cannot be taken; ``message`` is user-safe, ``status`` the HTTP status."""

    def __init__(self, message: str, status: int = 409, code: str = "refused"):
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


def required() -> bool:
    return current_app.config.get("APPROVAL") == "two-person"


def fingerprint(paper: Paper) -> str:
    """What the approver approves besides the files: any change to these needs a new approval."""
    reviewed = {"decisions": paper.decisions or {}, "analysis": paper.analysis or {},
                "analysed_at": paper.analysed_at.isoformat() if paper.analysed_at else None,
                "original": paper.original_key, "reference": paper.reference, "title": paper.title,
                "summary": paper.summary}
    return hashlib.sha256(json.dumps(reviewed, sort_keys=True, default=str).encode()).hexdigest()


def awaiting(db: Session, paper: Paper) -> ApprovalRequest | None:
    return db.scalar(select(ApprovalRequest).where(ApprovalRequest.paper_id == paper.id,
                                                   ApprovalRequest.state == AWAITING))


def latest(db: Session, paper: Paper) -> ApprovalRequest | None:
    return db.scalar(select(ApprovalRequest).where(ApprovalRequest.paper_id == paper.id)
                     .order_by(ApprovalRequest.id.desc()).limit(1))


def is_current(req: ApprovalRequest, paper: Paper) -> bool:
    return req.state == AWAITING and paper.state == "ready" and req.fingerprint == fingerprint(paper)


def publish_or_request(db: Session, paper: Paper, user: User, *, actor: str) -> tuple[dict, int]:
    """What "Publish" does: publish (200), or with two-person approval ask for it (202)."""
    if not required():
        return publishing.publish(db, paper, user, actor=actor), 200
    return request(db, paper, user, actor=actor), 202


# --- asking ----------------------------------------------------------------------------------------------

def request(db: Session, paper: Paper, user: User, *, actor: str, now: datetime | None = None) -> dict:
    """Make and verify the files now, store them and ask the other officers. Replaces an earlier request."""
    now = now or utcnow()
    if paper.state == "published":
        raise ApprovalError("This paper is already published.", 409, "published")
    if paper.state != "ready":
        raise ApprovalError("This paper is not ready to publish yet.", 409, "not_ready")
    # What publication would refuse before redacting, refused before asking anyone (publishing.publish).
    twin = publish_guard.published_twin(db, paper)
    if twin is not None:
        raise ApprovalError(publish_guard.refusal(twin), 409, "already_published")
    refused = versions.check_publishable(db, paper)
    if refused is not None:
        raise ApprovalError(refused.message, refused.status, refused.code)
    exposed = publishing.public_fields_with_redacted_text(paper)
    if exposed:
        raise ApprovalError(f"Nothing was sent for approval: the {' and the '.join(exposed)} contain(s) text "
                            "chosen for redaction; edit it on the review page first.", 422, "leak")
    result = publishing.redact_paper(paper)
    if isinstance(result, pdftasks.Failure):
        audit.record(db, "approval request stopped", user=user, actor=actor, paper_id=paper.id, code=result.code)
        db.commit()
        raise ApprovalError(f"Nothing was sent for approval: {_sentence(result.message)}", 422, result.code)

    store = storage()
    folder = f"previews/paper-{paper.id}/approval-{secrets.token_hex(8)}"
    files = {"1": _stored(store, f"{folder}/part1.pdf", result.part1, result.part1_pages)}
    if result.part2 is not None:
        files["2"] = _stored(store, f"{folder}/part2.pdf", result.part2, result.part2_pages)
    try:
        replaced = db.execute(update(ApprovalRequest)
                              .where(ApprovalRequest.paper_id == paper.id, ApprovalRequest.state == AWAITING)
                              .values(state="superseded", decided_at=now)
                              .returning(ApprovalRequest.id, ApprovalRequest.folder)).all()
        req = ApprovalRequest(paper_id=paper.id, state=AWAITING, fingerprint=fingerprint(paper), folder=folder,
                              files=files, part2_read=(result.report or {}).get("part2"),
                              part1_text=result.part1_text, requested_by=user.id, requested_at=now)
        db.add(req)
        db.flush()
        audit.record(db, "approval requested", user=user, actor=actor, paper_id=paper.id, request=req.id,
                     replaced=[r.id for r in replaced],
                     sha256={n: f["sha256"][:16] for n, f in files.items()})
        notifications.approval_closed(db, [r.id for r in replaced])
        notifications.approval_requested(db, current_app.config, paper, req, user)
        db.commit()
    except IntegrityError:  # another request was made at the same moment: it stands, this one goes
        db.rollback()
        store.delete_folder(folder)
        raise ApprovalError("Another officer asked for approval of this paper at the same moment. "
                            "Look at it again.", 409, "conflict")
    except BaseException:
        db.rollback()
        store.delete_folder(folder)
        raise
    for old in replaced:
        store.delete_folder(old.folder)
    log.info("paper %s: approval request %s by user %s", paper.id, req.id, user.id)
    return {"id": paper.id, "state": "awaiting_approval", "approval": to_json(req, paper)}


def _stored(store, key: str, data: bytes, pages: int) -> dict:
    store.write(key, data)
    return {"key": key, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "pages": pages}


# --- deciding --------------------------------------------------------------------------------------------

def approve(db: Session, paper: Paper, user: User, *, actor: str, request_id: int | None = None,
            now: datetime | None = None) -> dict:
    """Approve the awaiting request and publish its stored files; returns the publish response."""
    now = now or utcnow()
    req = _awaiting_for(db, paper, request_id)
    if req.requested_by == user.id:
        raise ApprovalError("You asked for this approval: another officer must approve it.", 403, "same_officer")
    if req.fingerprint != fingerprint(paper):
        raise ApprovalError("The paper changed after approval was asked for (decisions, analysis or details). "
                            "It must be asked for again, so that the files approved are the files published.",
                            409, "out_of_date")
    if publishing.public_fields_with_redacted_text(paper):  # cannot differ from the request's: fail closed
        raise ApprovalError("The paper's details contain text chosen for redaction; it was not published.",
                            422, "leak")
    approved = _verified_files(db, req, user, actor, now)
    decided = db.execute(update(ApprovalRequest)
                         .where(ApprovalRequest.id == req.id, ApprovalRequest.state == AWAITING,
                                ApprovalRequest.requested_by.is_distinct_from(user.id))
                         .values(state="approved", decided_by=user.id, decided_at=now))
    if decided.rowcount != 1:
        db.rollback()
        raise ApprovalError("This request was decided meanwhile (approved, returned or replaced). Look at the "
                            "paper again.", 409, "decided")
    # A change saved while the files were read back: read the paper again under a lock (PostgreSQL's row
    # lock; SQLite's write lock is held since the update above), so it is refused here, not published past.
    db.execute(select(Paper).where(Paper.id == paper.id).with_for_update()
               .execution_options(populate_existing=True)).scalar_one()
    if req.fingerprint != fingerprint(paper) or paper.state != "ready":
        db.rollback()
        raise ApprovalError("The paper changed while it was being approved. It must be asked for again, so "
                            "that the files approved are the files published.", 409, "out_of_date")
    audit.record(db, "publication approved", user=user, actor=actor, paper_id=paper.id, request=req.id,
                 requested_by=req.requested_by)
    notifications.approval_closed(db, [req.id])
    notifications.approval_decided(db, current_app.config, paper, req, "approved")
    try:  # publish commits the approval with the publication, or neither
        body = publishing.publish(db, paper, user, actor=actor, now=now, approved=approved)
    except publishing.PublishError as exc:
        db.rollback()
        raise ApprovalError(exc.message, exc.status, exc.code) from None
    except BaseException:
        db.rollback()
        raise
    log.info("paper %s: approval request %s approved by user %s and published", paper.id, req.id, user.id)
    return body


def send_back(db: Session, paper: Paper, user: User, *, actor: str, note: str, request_id: int | None = None,
              now: datetime | None = None) -> ApprovalRequest:
    """Return the paper to review with a note (another officer), or withdraw one's own request."""
    now = now or utcnow()
    req = _awaiting_for(db, paper, request_id)
    own = req.requested_by == user.id
    note = (note or "").strip()
    if not own and len(note) < 3:
        raise ApprovalError("Say what needs changing: the note goes to the officer who asked.", 400, "note_needed")
    if len(note) > MAX_NOTE:
        raise ApprovalError(f"Keep the note under {MAX_NOTE} characters.", 400, "note_too_long")
    state = "withdrawn" if own else "returned"
    decided = db.execute(update(ApprovalRequest)
                         .where(ApprovalRequest.id == req.id, ApprovalRequest.state == AWAITING)
                         .values(state=state, decided_by=user.id, decided_at=now, note=note or None))
    if decided.rowcount != 1:
        db.rollback()
        raise ApprovalError("This request was decided meanwhile. Look at the paper again.", 409, "decided")
    # The note may quote the paper: it stays with the request (officers only), the trail has its length.
    audit.record(db, f"approval {state}", user=user, actor=actor, paper_id=paper.id, request=req.id,
                 note_chars=len(note))
    notifications.approval_closed(db, [req.id])
    if not own:
        notifications.approval_decided(db, current_app.config, paper, req, "returned")
    db.commit()
    storage().delete_folder(req.folder)
    db.refresh(req)
    return req


def _awaiting_for(db: Session, paper: Paper, request_id: int | None) -> ApprovalRequest:
    if paper.state == "published":
        raise ApprovalError("This paper is already published.", 409, "published")
    req = awaiting(db, paper)
    if req is None:
        raise ApprovalError("Nothing about this paper is waiting for approval.", 409, "not_awaiting")
    if request_id is not None and req.id != request_id:
        raise ApprovalError("A newer request replaced the one you looked at. Look at the paper again.", 409,
                            "replaced")
    return req


def _verified_files(db: Session, req: ApprovalRequest, user: User, actor: str,
                    now: datetime) -> pdftasks.Redacted:
    """The stored files, read back and checked against the digests taken when they were verified."""
    store = storage()
    data = {}
    for number, meta in req.files.items():
        try:
            content = store.read(meta["key"])
        except OSError:
            content = None
        if content is None or hashlib.sha256(content).hexdigest() != meta["sha256"]:
            _fail(db, req, user, actor, now)
        data[number] = content
    part2_text = None
    if data.get("2") is not None:  # read in the PDF process; unreadable: stored later by `foia backfill-search`
        try:
            read = pdfwork.run("quick", pdftasks.text_of, data["2"])
        except Exception:  # the reader's error: publication goes on, the text is filled later
            read = None
        part2_text = read if isinstance(read, str) else None
    return pdftasks.Redacted(part1=data["1"], part2=data.get("2"), report={"part2": req.part2_read},
                             part1_pages=req.files["1"]["pages"],
                             part2_pages=req.files["2"]["pages"] if "2" in req.files else 0,
                             part1_text=req.part1_text or "", part2_text=part2_text)


def _fail(db: Session, req: ApprovalRequest, user: User, actor: str, now: datetime):
    db.execute(update(ApprovalRequest).where(ApprovalRequest.id == req.id, ApprovalRequest.state == AWAITING)
               .values(state="failed", decided_at=now))
    audit.record(db, "approval stopped", user=user, actor=actor, paper_id=req.paper_id, request=req.id,
                 code="digest")
    db.commit()
    log.error("paper %s: approval request %s files missing or changed on disk; not published",
              req.paper_id, req.id)
    raise ApprovalError("The files waiting for approval are missing or changed since they were checked; "
                        "nothing was published. Ask for approval again.", 409, "digest")


# --- reading ---------------------------------------------------------------------------------------------

def file_path(req: ApprovalRequest | None, number: int) -> Path | None:
    meta = (req.files or {}).get(str(number)) if req is not None and req.state == AWAITING else None
    if meta is None or not storage().exists(meta["key"]):
        return None
    return storage().path(meta["key"])


def to_json(req: ApprovalRequest | None, paper: Paper) -> dict | None:
    if req is None:
        return None
    return {"request": req.id, "state": req.state, "current": is_current(req, paper),
            "requested_by": req.requester.email if req.requester else None,
            "requested_at": req.requested_at.isoformat(),
            "decided_by": req.decider.email if req.decider else None,
            "decided_at": req.decided_at.isoformat() if req.decided_at else None,
            "note": req.note,
            "files": {f"part{n}": {k: meta[k] for k in ("sha256", "size", "pages")}
                      for n, meta in sorted(req.files.items())} if req.state == AWAITING else None}


def _sentence(message: str) -> str:
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith(".") else message + "."
