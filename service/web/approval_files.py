"""The files waiting for a second officer's approval, sent to the officers' page and to the API alike."""

from __future__ import annotations

from flask import send_file

from service.domain import approval
from service.domain.models import Paper
from service.infra.db import db_session


def send_waiting_file(paper: Paper, number: int):
    """The file of Part ``number`` waiting for approval, never cached, or None when there is none."""
    path = approval.file_path(approval.awaiting(db_session(), paper), number)
    if path is None:
        return None
    return send_file(path, mimetype="application/pdf", max_age=0,
                     download_name=f"approval-{paper.id}-part{number}.pdf")
