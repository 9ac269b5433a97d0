"""The redaction schedule of a paper: every redaction, with where it is, why, who decided and when, and the
redacted text — for officers only (the National Archives' guidance asks for such a record). The public
page keeps its counts; this schedule is never public, never cached and its texts are never logged.

One entry per redaction:

- each finding whose final action is redact (part, page, type, exemption, the detection's reason);
- each text the officer redacts everywhere, once per page it occurs on (found by reading the original);
- each box the officer drew, with the text under it when the page has any.

"Decided by" is the officer who last set that decision (:mod:`service.domain.decision_log`); a proposal of the
service left as it was is decided by the officer who published the paper, when it was published.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.policy import DEFAULT_EXEMPTION

from service.domain import decision_log, publishing
from service.domain.models import ApprovalRequest, Paper, User
from service.domain.papers import storage
from service.infra import pdfwork
from service.infra.pdftasks import Failure
from service.infra.schedule_pdf import locate

log = logging.getLogger(__name__)

COLUMNS = ("No.", "Part", "Page", "Page of part", "Type", "Exemption", "Reason", "Decided by", "Decided at",
           "Redacted text")
TYPE_NAMES = {"PERSON": "Name", "PHONE_NUMBER": "Phone number", "EMAIL_ADDRESS": "E-mail address",
              "SIGNATURE": "Signature", "TEXT": "Text redacted everywhere", "AREA": "Area drawn by an officer"}


class ScheduleError(Exception):
    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class Entry:
    part: int | None          # 1 or 2; None when a text to redact was found on no page
    page: int | None          # page of the uploaded paper
    page_in_part: int | None
    kind: str
    exemption: str
    reason: str
    decided_by: str
    decided_at: datetime | None
    text: str

    @property
    def kind_name(self) -> str:
        return TYPE_NAMES.get(self.kind, self.kind.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Schedule:
    paper: Paper
    entries: list[Entry]
    published: bool

    @property
    def by_part(self) -> dict:
        counts: dict = {}
        for e in self.entries:
            counts[e.part] = counts.get(e.part, 0) + 1
        return counts


def build(db: Session, paper: Paper) -> Schedule:
    """The schedule of ``paper`` from its analysis, decisions and original file. Raises ScheduleError."""
    if not paper.analysis:
        raise ScheduleError("This paper has no analysis yet, so there is no schedule of redactions.")
    # the library's plan places each entry in its part, as it places the redaction counts
    where = publishing.publication_plan(paper).part_of
    decisions = paper.decisions or {}
    publisher = _publisher(db, paper)

    def decided(stamp: dict | None) -> tuple[str, datetime | None]:
        if stamp:
            return stamp.get("email") or f"user {stamp.get('by')}", datetime.fromisoformat(stamp["at"])
        return publisher

    entries: list[Entry] = []
    items = decisions.get("items") or {}
    for item in paper.analysis.get("personal_data", []):
        final = items.get(item.get("id"), item.get("action"))
        if final != "redact":
            continue
        box = (item.get("boxes") or [None])[0]
        part, page_in_part = where(int(item["page"]), box[3] if box else None)
        reason = item.get("reason") or ""
        if item.get("action") != "redact":
            reason = f"officer's decision (the service proposed to keep it: {reason})" if reason else \
                "officer's decision"
        by, at = decided(decision_log.stamp_for(paper, "items", item["id"]))
        entries.append(Entry(part, int(item["page"]), page_in_part, item["type"],
                             item.get("exemption") or DEFAULT_EXEMPTION, reason, by, at, item.get("text") or ""))
    texts = [t for t in decisions.get("redact_texts") or [] if t]
    boxes = list(decisions.get("boxes") or [])
    located = _locate(paper, texts, boxes)
    for text, hits in zip(texts, located["texts"]):
        by, at = decided(decision_log.stamp_for(paper, "texts", decision_log.text_key(text)))
        pages = sorted({(page, top) for page, top in hits})
        if not pages:
            entries.append(Entry(None, None, None, "TEXT", DEFAULT_EXEMPTION, "officer's text to redact everywhere "
                                 "(not found on any page by this schedule's search)", by, at, text))
        for page, top in pages:
            part, page_in_part = where(page, top)
            entries.append(Entry(part, page, page_in_part, "TEXT", DEFAULT_EXEMPTION,
                                 "officer's text to redact everywhere it occurs", by, at, text))
    for box, under in zip(boxes, located["boxes"]):
        part, page_in_part = where(int(box["page"]), box["box"][3])
        by, at = decided(decision_log.stamp_for(paper, "boxes", decision_log.box_key(box)))
        entries.append(Entry(part, int(box["page"]), page_in_part, "AREA", box.get("exemption") or DEFAULT_EXEMPTION,
                             "area marked by an officer", by, at, under))
    entries.sort(key=lambda e: (e.page is None, e.page or 0, e.part or 0))
    return Schedule(paper, entries, paper.published_at is not None)


def _publisher(db: Session, paper: Paper) -> tuple[str, datetime | None]:
    if paper.published_at is None:
        return "not yet decided (the paper is not published)", None
    approved = db.scalar(select(ApprovalRequest).where(ApprovalRequest.paper_id == paper.id,
                                                       ApprovalRequest.state == "approved")
                         .order_by(ApprovalRequest.id.desc()).limit(1))
    if approved is not None:  # two-person approval: the officer who asked accepted them, another approved
        asker, approver = _email(db, approved.requested_by), _email(db, approved.decided_by)
        return (f"{asker} (the service's proposal, accepted when publication was asked for; approved by "
                f"{approver})", approved.requested_at)
    return f"{_email(db, paper.published_by)} (the service's proposal, accepted at publication)", paper.published_at


def _email(db: Session, user_id: int | None) -> str:
    user = db.get(User, user_id) if user_id else None
    return user.email if user else "an officer whose account was removed"


def _locate(paper: Paper, texts: list[str], boxes: list[dict]) -> dict:
    if not texts and not boxes:
        return {"texts": [], "boxes": []}
    if not paper.original_key or not storage().exists(paper.original_key):
        raise ScheduleError("The original file of this paper is missing, so the schedule cannot be made.")
    result = pdfwork.run("quick", locate, str(storage().path(paper.original_key)), texts, boxes)
    if isinstance(result, Failure):
        log.error("redaction schedule of paper %s: reading the original failed (%s)", paper.id, result.code)
        raise ScheduleError("The original file could not be read to make the schedule.", 500)
    return result


def _cell(value) -> str:
    """A spreadsheet cell: never a formula (OWASP CSV injection), so a leading = + - @ is quoted."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(schedule: Schedule) -> str:
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheet programs read the file as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for n, e in enumerate(schedule.entries, 1):
        writer.writerow([_cell(v) for v in (n, e.part or "", e.page or "", e.page_in_part or "", e.kind_name,
                                            e.exemption, e.reason, e.decided_by,
                                            e.decided_at.isoformat(timespec="seconds") if e.decided_at else "",
                                            e.text)])
    return out.getvalue()


def file_name(paper: Paper, extension: str) -> str:
    base = publishing.slugify(paper.slug or paper.reference or "") or f"paper-{paper.id}"
    return f"redaction-schedule-{base}-v{paper.version or 1}.{extension}"


def to_json(schedule: Schedule) -> dict:
    return {"paper": schedule.paper.id, "version": schedule.paper.version or 1,
            "published": schedule.published, "total": len(schedule.entries),
            "redactions": [{"part": e.part, "page": e.page, "page_in_part": e.page_in_part, "type": e.kind,
                            "exemption": e.exemption, "reason": e.reason, "decided_by": e.decided_by,
                            "decided_at": e.decided_at.isoformat() if e.decided_at else None, "text": e.text}
                           for e in schedule.entries]}
