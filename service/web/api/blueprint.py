"""The ``api`` blueprint at ``/api/v1/`` (officers' scripts) and its one gate: a valid bearer token.

Each route module of the officers' API adds its routes to :data:`bp` (``from service.web.api.blueprint import
bp``) and is imported by :mod:`service.web.api`. Errors are ``{"error": …}`` with one exact 4xx status. The
public JSON of published decisions is another blueprint (:mod:`service.web.api.decisions`), without a token.
"""

from __future__ import annotations

from flask import Blueprint, g, request

from service.domain.accounts import user_for_token
from service.domain.models import Paper
from service.infra.db import db_session
from service.web.errors import error_response

bp = Blueprint("api", __name__)


@bp.before_request
def require_token():
    """The one gate for every API route here: a valid ``Authorization: Bearer foia_…`` header."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    user = user_for_token(db_session(), token.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        response, status = error_response(401, "a valid API token is needed (Authorization: Bearer …)")
        response.headers["WWW-Authenticate"] = 'Bearer realm="foia"'
        return response, status
    db_session().commit()  # last_used_at
    g.api_user = user


def paper_or_none(paper_id: int) -> Paper | None:
    """The paper of an API route's ``paper_id`` (the route answers 404 ``{"error"}`` for None)."""
    return db_session().get(Paper, paper_id)
