"""The ``api`` blueprint at ``/api/v1/`` (officers' scripts) and its one gate: a valid bearer token.

Each route module of the officers' API adds its routes to :data:`bp` (``from service.web.api.blueprint import
bp``) and is imported by :mod:`service.web.api`. Errors are ``{"error": …}`` with one exact 4xx status: a
route raises an :class:`ApiError` (or returns ``error_response``). A route about one paper is decorated with
:func:`paper_route`: it gets the paper (404 ``no such paper`` first) and, when it reads one, the JSON object
sent (400 otherwise). The public JSON of published decisions is another blueprint
(:mod:`service.web.api.decisions`), without a token.
"""

from __future__ import annotations

import functools

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


class ApiError(Exception):
    """A refusal: the route answers ``{"error": message}`` with ``status``. ``message`` is user-safe."""

    status = 400

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class NoSuchPaper(ApiError):
    status = 404

    def __init__(self):
        super().__init__("no such paper")


class BadBody(ApiError):
    """The request body is not the JSON object the route reads (400, with what to send)."""

    status = 400


@bp.errorhandler(ApiError)
def _refused(exc: ApiError):
    return error_response(exc.status, exc.message)


REQUIRED = object()  # paper_route(empty=…): an empty body is refused like any other non-object


def json_object(refusal: str, empty=REQUIRED):
    """The JSON object of the request body; ``empty`` when there is no body (unless REQUIRED). Raises
    :class:`BadBody` with ``refusal`` for anything else (not JSON, not an object, no body when required)."""
    if empty is not REQUIRED and not request.get_data():
        return dict(empty) if isinstance(empty, dict) else empty
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise BadBody(refusal)
    return data


def paper_route(view=None, *, body: str | None = None, empty=REQUIRED):
    """Decorator of a route with ``<int:paper_id>``: the view is called with the :class:`Paper` instead
    (404 ``{"error": "no such paper"}`` when there is none) and, given ``body`` (the 400 message), with
    ``data=``: the JSON object sent (``empty`` when the body is empty, if given). 404 comes before 400."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(paper_id: int, **kwargs):
            paper = paper_or_none(paper_id)
            if paper is None:
                raise NoSuchPaper()
            if body is not None:
                kwargs["data"] = json_object(body, empty)
            return fn(paper, **kwargs)
        return run
    return wrap(view) if view is not None else wrap
