"""The ``officer`` blueprint at ``/officer/`` and its one gate: every route needs a signed-in officer.

Each page module of this package adds its routes to :data:`bp` (``from service.web.officer.blueprint import
bp``) and is imported by :mod:`service.web.officer` — the one way to add an officer page.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, redirect, request, url_for

from service.domain.models import Paper
from service.domain.slugs import paper_name
from service.infra.db import db_session

bp = Blueprint("officer", __name__)
bp.add_app_template_global(paper_name)  # what officer pages call a paper: never "None", never empty


@bp.before_request
def require_officer():
    """The one gate for every officer route: signed in, with an officer or admin role."""
    user = g.get("user")
    if user is None:
        if request.method == "GET" and not request.path.endswith(".json"):
            return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
        abort(401)
    if user.role not in ("officer", "admin"):
        abort(403)


@bp.after_request
def no_store(response):
    # Officer pages show personal data under review: never cached by a browser or proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


def paper_or_404(paper_id: int) -> Paper:
    """The paper of an officer route's ``paper_id``, or 404 (officers see papers in every state)."""
    paper = db_session().get(Paper, paper_id)
    if paper is None:
        abort(404)
    return paper
