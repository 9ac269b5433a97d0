"""Who decided each redaction and when, for the officers' redaction schedule.

The decisions JSON (:mod:`redaction.decisions`) says *what* an officer decided; this log, kept beside it
on the paper (``papers.decision_log``, officers only), says *who* and *when*, per decision:

``{"items": {finding id: {"action", "by", "email", "at"}}, "texts": {key: {...}}, "boxes": {key: {...}}}``

:func:`record` is called wherever decisions are saved (the review form, the API's publish body) with the
decisions about to be stored: every item, text or box that is new or changed is stamped with the officer
and the time; what stayed the same keeps its earlier stamp. Texts are keyed by a hash, so the log never
holds a redacted value the decisions do not already hold.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from service.domain.models import Paper, User, utcnow


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def box_key(box: dict) -> str:
    return json.dumps([box.get("page"), box.get("box"), box.get("exemption")], separators=(",", ":"))


def _stamp(user: User, at: datetime, **extra) -> dict:
    return {"by": user.id, "email": user.email, "at": at.isoformat(), **extra}


def record(paper: Paper, new: dict, user: User, at: datetime | None = None) -> None:
    """Stamp what ``new`` changes against the paper's current decisions (call before storing ``new``)."""
    at = at or utcnow()
    old = paper.decisions or {}
    log = {k: dict(v) for k, v in (paper.decision_log or {}).items()}
    items, texts, boxes = (log.setdefault(k, {}) for k in ("items", "texts", "boxes"))
    old_items, new_items = old.get("items") or {}, new.get("items") or {}
    for item_id in set(old_items) | set(new_items):
        if old_items.get(item_id) != new_items.get(item_id):
            # back to the proposal (no entry in new) is a decision too: the officer chose it
            items[item_id] = _stamp(user, at, action=new_items.get(item_id, "proposal"))
    old_texts = set(old.get("redact_texts") or [])
    for text in new.get("redact_texts") or []:
        if text not in old_texts:
            texts[text_key(text)] = _stamp(user, at)
    old_boxes = {box_key(b) for b in old.get("boxes") or []}
    for box in new.get("boxes") or []:
        if box_key(box) not in old_boxes:
            boxes[box_key(box)] = _stamp(user, at)
    paper.decision_log = log


def stamp_for(paper: Paper, kind: str, key: str) -> dict | None:
    return ((paper.decision_log or {}).get(kind) or {}).get(key)
