"""The public JSON API: ``GET /api/v1/decisions`` (paginated, same search and filters as ``/``) and
``GET /api/v1/decisions/<slug>``. No token needed; nothing here is more than the public pages show.

Pagination: ``page`` (from 1) and ``per_page`` (1–100, default 20); the body carries ``total``, ``pages``
and ``links`` (``self``, ``first``, ``last``, ``prev``, ``next``) and the same links go in a ``Link`` header.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for

from redaction.dates import iso_or_none

from service.infra.db import db_session
from service.web.errors import error_response
from service.web.public import lifecycle_queries, queries, withdrawn as public_withdrawn
from service.web.public.http_cache import conditional, make_etag
from service.web.public.pages import data_version, decision_etag, download_name, last_changed
from service.web.public.status import part2_status, released_on, sections_phrase

bp = Blueprint("public_api", __name__)

PUBLIC_STATES = {"withheld": "withheld", "held": "withheld", "review": "review", "released": "released"}


def decision_json(d: queries.Decision) -> dict:
    paper, p1, p2 = d.paper, d.part1, d.part2
    body = {
        "slug": paper.slug,
        "reference": paper.reference,
        "title": paper.title,
        "summary": paper.summary,
        "published_on": d.published_on.isoformat(),
        "url": url_for("public.decision", slug=paper.slug, _external=True),
        "part1": {"url": url_for("public.download", slug=paper.slug, number=1, _external=True),
                  "file_name": download_name(paper.slug, 1), "size": p1.size, "pages": p1.pages,
                  "redactions": _counts(p1)},
        "part2": None,
    }
    if d.snippet is not None:  # a text search: where the words were found, matches in <mark>, HTML-escaped
        body["snippet_html"] = str(d.snippet)
    if p2 is not None:
        status = part2_status(p2)
        part2 = {"state": PUBLIC_STATES.get(p2.state, "withheld"), "status": status.words,
                 "in_file": p2.in_file,  # false: named in the paper, never downloadable here
                 "exemptions": [{"section": e.get("section"), "title": e.get("title")}
                                for e in (p2.exemptions or [])],
                 "exempt_under": sections_phrase(p2.exemptions) or None,
                 "release_on": iso_or_none(p2.release_on) if p2.state == "withheld" else None,
                 "review_on": iso_or_none(p2.review_on) if p2.state == "withheld" else None}
        if d.part2_public:
            # the London date, as the page says (released_at.date() was the UTC date: a day early in summer)
            part2.update(released_on=iso_or_none(released_on(p2)),
                         # added fields: what it was withheld until and how it came out, as the page says
                         withheld_until=iso_or_none(p2.release_on), history=status.history or None,
                         url=url_for("public.download", slug=paper.slug, number=2, _external=True),
                         file_name=download_name(paper.slug, 2), size=p2.size, pages=p2.pages,
                         redactions=_counts(p2))
        body["part2"] = part2
    return body


def _counts(part) -> dict:
    counts = part.redactions or {}
    return {"total": int(counts.get("total") or 0), "by_exemption": counts.get("by_exemption") or {},
            "by_page": counts.get("by_page") or {}, "by_type": counts.get("by_type") or {}}


@bp.route("/api/v1/decisions")
def decisions():
    search = queries.Search.from_args(request.args, allow_per_page=True)
    db = db_session()
    changed, count = data_version(db)

    def render():
        result = queries.find(db, search, (changed, count))
        if search.page > result.pages:
            pages = "is 1 page" if result.pages == 1 else f"are {result.pages} pages"
            response, status = error_response(404, f"page {search.page} does not exist: there {pages}")
            response.status_code = status
            return response
        links = _links(search, result.pages)
        response = jsonify(decisions=[decision_json(d) for d in result.decisions], total=result.total,
                           page=search.page, per_page=search.per_page, pages=result.pages, links=links)
        response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items()
                                             if url and rel != "self")
        return response

    response = conditional(render, etag=make_etag(changed, count, request.host_url), last_modified=changed)
    if response.status_code == 404:
        response.cache_control.max_age = 60
    return response


def _links(search: queries.Search, pages: int) -> dict:
    def link(page: int) -> str:
        return url_for("public_api.decisions", _external=True, **search.args(page=page))

    return {"self": link(search.page), "first": link(1), "last": link(pages),
            "prev": link(search.page - 1) if search.page > 1 else None,
            "next": link(search.page + 1) if search.page < pages else None}


@bp.route("/api/v1/decisions/<slug>")
def decision(slug: str):
    d = queries.get(db_session(), slug)
    if d is None:
        gone = public_withdrawn.json_if_withdrawn(slug)  # 410: withdrawn, with the date and reason
        return gone if gone is not None else error_response(404, "no published decision has that slug")
    changed = last_changed(d)
    def render():  # with the corrections that led to this version ("updated on …", newest first)
        updates = [{"on": u.on.isoformat(), "note": u.note, "version": u.version}
                   for u in (lifecycle_queries.updates_of(db_session(), d.paper.id)
                             if d.paper.previous_id is not None else [])]
        return jsonify({**decision_json(d), "updates": updates})

    return conditional(render, etag=decision_etag(d, request.host_url),
                       last_modified=changed)
