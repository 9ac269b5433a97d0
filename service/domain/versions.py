"""Corrected versions: a new PDF for a published decision, reviewed like any paper, then put in its place.

``start_correction`` stores the corrected PDF as a new paper (``previous_id`` → the published version,
``version`` one more, the officer's public ``version_note``) and queues its analysis; it then goes through
the same review, preview and verification as any paper. When it is published
(:func:`service.domain.publishing.publish` calls :func:`check_publishable` first and :func:`take_place` instead of
giving a new slug), in the same transaction:

- the previous version becomes ``superseded`` with a guarded update (``WHERE state = 'published'``: a
  withdrawal or another correction published meanwhile makes this one refuse, nothing half-done), its
  parts are taken down and its scheduled releases cancelled (:mod:`service.domain.retiring`): its files are no
  longer served;
- the new version takes the slug, so ``/decisions/<slug>`` and its downloads serve the new files. A
  Part 1 that was already public stays public with its first publication date (the list keeps its order);
  a Part 2 that was already released keeps its first release date when the corrected Part 2 is due too
  (released here by the release clock's own rule and guarded update, so the page does not say "Released
  on" the correction's date and the feed announces no second release); the page says "Updated on …" with
  the note, and the feed has an update entry.

Both versions keep their files, analysis, decisions and history for the officers (:func:`history`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from datetime import time

from flask import current_app, has_app_context
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from service.domain.release import TRANSITIONS, last_due_date

from service.domain import audit, papers
from service.domain.models import AuditEvent, Paper, Part, User
from service.domain.public_words import plain_line
from service.domain.redacted_text import QUOTE_WORDS, holds_redacted_text, quotes_withheld_text, versions_of
from service.domain.retiring import retire_parts

log = logging.getLogger(__name__)

MIN_NOTE, MAX_NOTE = 10, 1000
WITHHELD_NOTE = ("The note quotes words from a part of this decision that is still withheld, and the note is "
                 f"public. Write it in your own words (fewer than {QUOTE_WORDS} words in a row from the paper).")
OPEN_STATES = ("uploaded", "analysing", "ready", "failed")
DONE_STATES = ("published", "superseded", "withdrawn")


class VersionError(Exception):
    """A correction refused; ``str()`` is user-safe. ``status`` is the HTTP status, ``code`` a short name."""

    def __init__(self, message: str, status: int = 422, code: str = "refused"):
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


def clean_note(note: object) -> str:
    text = plain_line(note) if isinstance(note, str) else ""
    if len(text) < MIN_NOTE:
        raise VersionError("Say what was corrected in a few words (the note is shown on the public page as "
                           "\"Updated on …\").", 400, "note")
    if len(text) > MAX_NOTE:
        raise VersionError(f"Keep the note under {MAX_NOTE} characters.", 400, "note")
    return text


def open_correction(db: Session, paper: Paper) -> Paper | None:
    """A correction of ``paper`` not yet published (being analysed, reviewed, or failed)."""
    return db.scalar(select(Paper).where(Paper.previous_id == paper.id, Paper.state.in_(OPEN_STATES))
                     .order_by(Paper.id.desc()).limit(1))


def start_correction(db: Session, previous: Paper, user: User, filename: str | None, data: bytes,
                     note: object, *, actor: str) -> Paper:
    """Store a corrected PDF of a published decision as its next version. Raises :class:`VersionError`
    (or :class:`service.domain.papers.UploadError` for a bad file). The caller queues the analysis."""
    text = clean_note(note)
    if previous.state != "published":
        raise VersionError("Only a published decision can be corrected.", 409, "not_published")
    existing = open_correction(db, previous)
    if existing is not None and existing.state != "failed":  # a failed upload may simply be tried again
        raise VersionError(f"A correction of this decision is already under way (paper {existing.id}): "
                           "publish or discard it first.", 409, "open_correction")
    if holds_redacted_text(db, previous, text):
        raise VersionError("The note contains text that was redacted from this decision, and the note is "
                           "public. Write it without that text.", 422, "leak")
    if quotes_withheld_text(previous, text):
        raise VersionError(WITHHELD_NOTE, 422, "withheld")
    paper = papers.accept_upload(db, user, filename, data, actor=actor)
    try:
        paper.previous_id = previous.id
        paper.version = (previous.version or 1) + 1
        paper.version_note = text
        paper.summary = previous.summary  # the officer's own words; the title and reference come from the file
        # (or, when the file has none, from the version it corrects: service.domain.papers.analyse_paper)
        audit.record(db, "correction started", user=user, actor=actor, paper_id=paper.id,
                     corrects=previous.id, version=paper.version)
        audit.record(db, "correction uploaded", user=user, actor=actor, paper_id=previous.id,
                     correction=paper.id, version=paper.version)
        db.commit()
    except BaseException:
        db.rollback()
        papers.discard(db, paper, user, actor)
        raise
    log.info("paper %s is version %s of paper %s", paper.id, paper.version, previous.id)
    return paper


def set_note(db: Session, paper: Paper, note: object, user: User, *, actor: str) -> None:
    """Change the public note of a correction that is not yet published."""
    if paper.previous_id is None:
        raise VersionError("This paper is not a correction of a published decision.", 409, "not_correction")
    if paper.state not in OPEN_STATES:
        raise VersionError("The note of a published version cannot be changed.", 409, "published")
    text = clean_note(note)
    if holds_redacted_text(db, paper, text):
        raise VersionError("The note contains text that was redacted from this decision, and the note is "
                           "public. Write it without that text.", 422, "leak")
    paper.version_note = text
    audit.record(db, "correction note changed", user=user, actor=actor, paper_id=paper.id)
    db.commit()


def check_publishable(db: Session, paper: Paper) -> VersionError | None:
    """Before redacting a correction: the version it replaces must still be public, and the note must hold
    nothing this paper or an earlier version redacts. None when publication may go ahead."""
    if paper.previous_id is None:
        return None
    previous = db.get(Paper, paper.previous_id)
    if previous is None or previous.state != "published":
        return VersionError("Nothing was published: the decision this paper corrects is no longer published "
                            "(it was withdrawn, or replaced by another correction).", 409, "not_current")
    if not paper.version_note:
        return VersionError("Nothing was published: give the note saying what was corrected.", 422, "note")
    if holds_redacted_text(db, paper, paper.version_note):
        return VersionError("Nothing was published: the note saying what was corrected contains text chosen "
                            "for redaction; change the note first.", 422, "leak")
    if quotes_withheld_text(previous, paper.version_note):
        return VersionError(f"Nothing was published: {WITHHELD_NOTE}", 422, "withheld")
    return None


def take_place(db: Session, paper: Paper, user: User, *, now: datetime, actor: str) -> None:
    """Inside the publishing transaction, after the new parts are added: supersede the previous version and
    give this one its slug. Raises :class:`VersionError` (the caller rolls back) when it is no longer public."""
    previous = db.get(Paper, paper.previous_id)
    slug = previous.slug if previous is not None else None
    old_part1 = previous.part(1) if previous is not None else None
    first_public = old_part1.released_at if old_part1 is not None and old_part1.state == "published" else None
    old_part2 = previous.part(2) if previous is not None else None
    first_release = old_part2.released_at if old_part2 is not None and old_part2.state == "released" else None
    file_time = _after_http_second(now, old_part1, old_part2)
    claimed = db.execute(update(Paper).where(Paper.id == paper.previous_id, Paper.state == "published")
                         .values(state="superseded", slug=None, superseded_at=now, updated_at=now)
                         .execution_options(synchronize_session=False))
    if claimed.rowcount != 1 or not slug:
        raise VersionError("Nothing was published: the decision this paper corrects is no longer published "
                           "(it was withdrawn, or replaced by another correction).", 409, "not_current")
    counts = retire_parts(db, previous.id, "superseded", now=now, actor=actor, user_id=user.id)
    db.flush()  # the slug is free before this paper takes it (a unique column)
    paper.slug = slug
    part1 = paper.part(1)
    if first_public is not None and part1 is not None:
        # The decision was public: the corrected Part 1 replaces it now, keeping the first publication date.
        part1.state, part1.publish_on, part1.released_at = "published", None, first_public
        part1.updated_at = file_time
    if first_release is not None:
        _keep_release_date(db, paper, first_release, now=now, file_time=file_time, actor=actor, user_id=user.id)
    audit.record(db, "superseded", user=user, actor=actor, paper_id=previous.id, by=paper.id,
                 version=paper.version, **counts)
    audit.record(db, "correction published", user=user, actor=actor, paper_id=paper.id, replaces=previous.id,
                 version=paper.version, slug=slug)
    db.expire(previous)


def _after_http_second(now: datetime, *old_parts: Part | None) -> datetime:
    """When the replacement files count as modified: ``now``, or the first whole second after the old files'
    Last-Modified when that is not earlier. HTTP dates have whole seconds, so a correction published within
    the second of the old file would otherwise answer 304 to a cache holding the old file."""
    times = [t for part in old_parts if part is not None for t in (part.released_at, part.updated_at) if t]
    if not times:
        return now
    floor = max(times).replace(microsecond=0) + timedelta(seconds=1)
    return max(now, floor)


def _release_time() -> time:
    return current_app.config.get("RELEASE_TIME_OF_DAY", time(0, 0)) if has_app_context() else time(0, 0)


def _keep_release_date(db: Session, paper: Paper, first_release: datetime, *, now: datetime, file_time: datetime,
                       actor: str, user_id: int | None) -> None:
    """The earlier version's Part 2 was public: when the corrected Part 2 is due for release by the clock's
    rule (:data:`service.domain.release.TRANSITIONS`), release it now with the first release date. A corrected
    Part 2 that is not due (a later date, a review) stays withheld: a correction may withhold it again."""
    release = next(t for t in TRANSITIONS if t.number == 2 and t.new == "released")
    db.flush()  # the new parts are rows before the guarded update
    rows = db.execute(update(Part).where(Part.paper_id == paper.id, Part.number == release.number,
                                         Part.state == release.old, release.due(last_due_date(now, _release_time())))
                      .values(state=release.new, released_at=first_release, updated_at=file_time)
                      .returning(Part.id).execution_options(synchronize_session=False)).all()
    if rows:
        db.execute(insert(AuditEvent), [
            {"at": now, "user_id": user_id, "actor": actor, "action": release.action, "paper_id": paper.id,
             "details": {"part_id": part_id, "state": release.new, "first_released": first_release.isoformat()}}
            for (part_id,) in rows])
        part2 = paper.part(2)
        if part2 is not None:
            db.expire(part2)


def history(db: Session, paper: Paper) -> list[Paper]:
    """Every published version of this paper's decision, newest first (later corrections, this one, earlier
    ones); a correction still in review is :func:`open_correction`."""
    later = []
    current = paper
    for _ in range(100):
        newer = db.scalar(select(Paper).where(Paper.previous_id == current.id, Paper.state.in_(DONE_STATES))
                          .order_by(Paper.id.desc()).limit(1))
        if newer is None:
            break
        later.append(newer)
        current = newer
    return list(reversed(later)) + versions_of(db, paper)


def public_updates(db: Session, paper: Paper) -> list[dict]:
    """The public history of a published decision: each correction's date and note, newest first."""
    return [{"on": v.published_at, "note": v.version_note, "version": v.version}
            for v in versions_of(db, paper) if v.previous_id is not None and v.published_at is not None]


def lifecycle_fields(paper: Paper) -> dict:
    """Fields for the officers' API view of a paper: its version and whether it was withdrawn."""
    return {"version": paper.version or 1, "corrects": paper.previous_id, "version_note": paper.version_note,
            "superseded_at": paper.superseded_at.isoformat() if paper.superseded_at else None,
            "withdrawn": {"at": paper.withdrawn_at.isoformat(), "reason": paper.withdrawn_reason}
            if paper.withdrawn_at else None}
