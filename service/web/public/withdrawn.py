"""410 Gone for a withdrawn decision: its page, its downloads and its JSON say when and why it was
withdrawn, and nothing else of it (no title, summary or file). Cached like the other public pages, with
validators, so a cache that still holds the decision revalidates within :data:`PAGE_MAX_AGE` seconds and
gets this answer.
"""

from __future__ import annotations

from flask import Response, abort, jsonify, render_template

from service.infra.db import db_session
from service.infra.uk_dates import uk_date
from service.web.public import lifecycle_queries
from service.web.public.http_cache import conditional, make_etag


def notice(w: lifecycle_queries.Withdrawn) -> str:
    return f"This decision was withdrawn on {uk_date(w.withdrawn_on)}"


def abort_if_withdrawn(slug: str) -> None:
    """Raise a 410 page when ``slug`` names a withdrawn decision (else return: the caller answers 404)."""
    w = lifecycle_queries.withdrawn(db_session(), slug)
    if w is None:
        return
    def render():
        return Response(render_template("public/withdrawn.html", w=w, notice=notice(w)), status=410,
                        mimetype="text/html")

    response = conditional(render,
                           etag=make_etag("withdrawn", w.slug, w.withdrawn_at), last_modified=w.withdrawn_at)
    abort(response)


def json_if_withdrawn(slug: str):
    """The 410 JSON answer for a withdrawn decision, or None."""
    w = lifecycle_queries.withdrawn(db_session(), slug)
    if w is None:
        return None
    body = {"error": notice(w), "slug": w.slug, "reference": w.reference, "state": "withdrawn",
            "withdrawn_on": w.withdrawn_on.isoformat(), "reason": w.reason}

    def render():
        response = jsonify(body)
        response.status_code = 410
        return response

    return conditional(render, etag=make_etag("withdrawn", w.slug, w.withdrawn_at), last_modified=w.withdrawn_at)
