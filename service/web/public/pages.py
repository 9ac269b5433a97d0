"""The public blueprint at ``/``: find, read and download published decisions.

``/`` lists decisions newest first with search and filters; ``/decisions/<slug>`` shows one decision and
what is withheld, why and until when; ``part1.pdf`` / ``part2.pdf`` download the published files (Part 2
only once released); ``/feed.atom`` and ``/releases.ics`` follow publications and releases; the same
decisions as JSON are :mod:`service.web.api.decisions` (its own blueprint). Every route reads through
:mod:`service.web.public.queries`, so a paper that is not public is a 404 everywhere, and sends
ETag/Last-Modified/Cache-Control (:mod:`service.web.public.http_cache`).
"""

from __future__ import annotations

import hashlib
import logging
import re
from functools import lru_cache
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, abort, current_app, has_request_context, request, send_file, url_for
from markupsafe import Markup, escape

from service.domain.models import utcnow
from service.domain.papers import storage
from service.infra.db import db_session
from service.infra.uk_dates import LONDON

from service.web.public import (feeds, lifecycle_feed, lifecycle_queries, page_html, queries, result_list,
                                withdrawn as public_withdrawn)
from service.web.public.assets import asset_url, send_asset
from service.web.public.http_cache import FILE_MAX_AGE, MISSING_MAX_AGE, conditional, make_etag
from service.web.public.status import part2_status, redaction_summary

log = logging.getLogger(__name__)

bp = Blueprint("public", __name__)


@bp.app_context_processor
def _template_helpers() -> dict:
    return {"asset_url": fixed_asset_url, "fixed_url": fixed_url, "decision_url": decision_url, "slug_url": slug_url,
            "links": links() if has_request_context() else None}


class Links:
    """Every fixed link of the public pages, built once per application root: the layout and the pages read
    them as plain attributes (``links.index``) instead of calling ``url_for`` — or a helper — a dozen times
    per render, and the decision and result links join a prefix built once to the quoted slug."""

    __slots__ = ("index", "feed", "releases", "search_feed", "api_decisions", "css", "mjs", "_decision",
                 "_part1", "_part2", "_json")

    def __init__(self):
        self.index, self.feed, self.releases = url_for("public.index"), url_for("public.feed"), url_for("public.releases")
        self.search_feed = url_for("public.search_feed")
        self.api_decisions = url_for("public_api.decisions")
        self.css, self.mjs = asset_url("public.css"), asset_url("public.mjs")
        self._decision = url_for("public.decision", slug=SLUG_MARK).split(SLUG_MARK)
        self._part1 = url_for("public.download", slug=SLUG_MARK, number=1).split(SLUG_MARK)
        self._part2 = url_for("public.download", slug=SLUG_MARK, number=2).split(SLUG_MARK)
        self._json = url_for("public_api.decision", slug=SLUG_MARK).split(SLUG_MARK)

    @staticmethod
    def _join(parts: list[str], slug: str) -> str:
        return parts[0] + quote(slug, safe=PATH_SAFE) + parts[1]

    def decision(self, slug: str) -> str:
        return self._join(self._decision, slug)

    def part1(self, slug: str) -> str:
        return self._join(self._part1, slug)

    def part2(self, slug: str) -> str:
        return self._join(self._part2, slug)

    def json(self, slug: str) -> str:
        return self._join(self._json, slug)

    def search(self, args: dict) -> str:
        """The Atom feed of a search (``url_for("public.search_feed", **args)``)."""
        return _with_query(self.search_feed, args)


def links() -> Links:
    """The :class:`Links` of the current request's application root (built on first use)."""
    kept = current_app.extensions.setdefault("foia.links", {})
    root = request.script_root
    found = kept.get(root)
    if found is None:
        found = kept[root] = Links()
    return found


def fixed_url(endpoint: str) -> str:
    """``url_for(endpoint)`` of a route without arguments, worked out once per application root: the layout
    has a dozen such links, and building each one again on every page was a visible part of a render."""
    return _fixed(("url", endpoint), lambda: url_for(endpoint))


def decision_url(slug: str) -> str:
    """``url_for("public.decision", slug=slug)`` for the twenty results of a list: the route's prefix is
    built once, the slug quoted as url_for quotes it."""
    prefix = _fixed(("url", "public.decision"), lambda: url_for("public.decision", slug="_"))[:-1]
    return prefix + quote(slug, safe=PATH_SAFE)


def slug_url(endpoint: str, slug: str, **values) -> str:
    """``url_for(endpoint, slug=slug, **values)`` from the route built once per application root (and values),
    the slug quoted as url_for quotes it: the decision page's download and JSON links."""
    key = ("slug", endpoint, *sorted(values.items()))
    template = _fixed(key, lambda: url_for(endpoint, slug=SLUG_MARK, **values))
    return template.replace(SLUG_MARK, quote(slug, safe=PATH_SAFE), 1)


SLUG_MARK = "_slug_"
PATH_SAFE = "!$&'()*+,/:;=@"   # what werkzeug's converter leaves unquoted in a path segment (as url_for)


def index_url(args: dict) -> str:
    """``url_for("public.index", **args)`` with the route built once per application root and the query encoded
    as werkzeug encodes it (the result pages' links)."""
    return _with_query(links().index, args)


def _with_query(base: str, args: dict) -> str:
    query = urlencode([(k, v) for k, v in args.items() if v is not None], safe="!$'()*,/:;?@")
    return f"{base}?{query}" if query else base


def fixed_asset_url(name: str) -> str:
    """:func:`service.web.public.assets.asset_url`, worked out once per application root (the build is fixed)."""
    return _fixed(("asset", name), lambda: asset_url(name))


def _fixed(what: tuple, build) -> str:
    if not has_request_context():
        return build()
    urls = current_app.extensions.setdefault("foia.fixed_urls", {})
    key = (*what, request.script_root)
    url = urls.get(key)
    if url is None:
        url = urls[key] = build()
    return url


PRIVATE_PATHS = ("/officer", "/sign-", "/api/v1/papers")


@bp.after_app_request
def _cache_misses(response: Response) -> Response:
    """A public 404 may be cached briefly (a spike on a not-yet-released Part 2); a 5xx never is."""
    if request.path.startswith(PRIVATE_PATHS):
        return response
    if response.status_code == 404 and "Cache-Control" not in response.headers:
        response.cache_control.public = True
        response.cache_control.max_age = MISSING_MAX_AGE
    elif response.status_code >= 500:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/assets/<path:filename>")
def asset(filename: str):
    return send_asset(filename)


# --- pages ---------------------------------------------------------------------------------------------

@bp.route("/")
def index():
    search = queries.Search.from_args(request.args)
    db = db_session()
    changed, count = data_version(db)

    def render():
        body = index_body(current_app, db, search, (changed, count), links())
        if body is None:
            abort(404)
        return body

    return conditional(render, etag=make_etag(changed, count), last_modified=changed)


def index_body(app, db, search: queries.Search, version: tuple, links: Links) -> str | None:
    """The list page's HTML for ``search`` (None: a page beyond the last). Needs no request context: the
    route and the fast path (:mod:`service.web.public.fast`) both render it."""
    result = queries.find(db, search, version)
    if search.page > result.pages:
        return None
    years = queries.years(db, version)
    return page_html.index(app.jinja_env, links, **index_values(app, result, search, years, links))


def index_values(app, result: queries.ResultPage, search: queries.Search, years: list[int], links: Links) -> dict:
    """What the list page shows besides its links: the values :func:`page_html.index` writes out (and
    ``templates/public/index.html``, the reference, renders: :func:`index_jinja`)."""
    env = app.jinja_env
    return dict(
        result=result, search=search, part2_filters=queries.PART2_FILTERS,
        filter_column=result_list.filter_column(env, tuple(years), search.year, search.part2, search.order,
                                                search.filtered, links.index),
        result_items=result_list.result_items(env, result.decisions, links),
        pagination=_pagination(env, search, result.pages, links))


def _pagination(env, search: queries.Search, pages: int, links: Links):
    """The pagination macro's markup for this search: taken from :func:`_pagination_markup` (rendered once per
    page and number of pages) with each page's link put in place of its mark, escaped as the macro escapes it.
    Calling the macro cost about 150 µs a page; a search with more pages than one (more of them as the archive
    grows) now costs the links alone (issue 16)."""
    if pages <= 1:   # the macro writes only its blank lines
        return _NO_PAGINATION
    if search.per_page == queries.PER_PAGE:   # "page" comes last in the query: the rest is encoded once
        first = _with_query(links.index, search.args(page=1))
        more = f"{first}{'&' if '?' in first else '?'}page="

        def href(m: re.Match) -> str:
            n = m.group(1)
            return str(escape(first if n == "1" else more + n))
    else:
        def href(m: re.Match) -> str:
            return str(escape(_with_query(links.index, search.args(page=int(m.group(1))))))
    return Markup(_PAGE_MARK.sub(href, _pagination_markup(env, search.page, pages)))


_NO_PAGINATION = Markup("\n\n")
# A page's link in the cached markup: private-use characters, which escaping leaves alone and no link holds (its
# query is percent-encoded).
_PAGE_HREF = "\ue002{}\ue003"
_PAGE_MARK = re.compile("\ue002([0-9]+)\ue003")


@lru_cache(maxsize=1024)
def _pagination_markup(env, current: int, pages: int) -> str:
    """The pagination macro (taken from its module, kept by Jinja) for page ``current`` of ``pages``, each link
    a mark holding its page number."""
    return str(env.get_template("public/_pagination.html").module.pagination(current, pages, _PAGE_HREF.format))


def index_jinja(app, links: Links, values: dict) -> str:
    """The list page rendered by ``templates/public/index.html`` (the reference for :func:`page_html.index`)."""
    return app.jinja_env.get_template("public/index.html").render(
        status=part2_status, sorts=queries.SORTS, links=links, **values)


def _reuse_version():
    """The data version under which answers may be reused (None in tests, where it is asked every time)."""
    return reuse_version(current_app, db_session())


def reuse_version(app, db):
    """:func:`_reuse_version` of ``app`` on ``db`` (no request context needed)."""
    seconds = fingerprint_seconds(app)
    return queries.fingerprint(db, seconds) if seconds > 0 else None


def data_version(db):
    """The public data's version (last change, count of public decisions); reused for a second or two
    between requests outside tests."""
    return queries.fingerprint(db, fingerprint_seconds(current_app))


def fingerprint_seconds(app) -> float:
    return float(app.config.get("PUBLIC_FINGERPRINT_SECONDS", 0 if app.testing else 2))


def _decision_or_404(slug: str) -> queries.Decision:
    decision = queries.get(db_session(), slug, _reuse_version())
    if decision is None:
        public_withdrawn.abort_if_withdrawn(slug)  # 410 with the date and reason (service.domain.withdrawal)
        abort(404)
    return decision


def decision_etag(decision: queries.Decision, *extra) -> str:
    """Everything the decision's page shows comes from its three rows: their values are its version."""
    return make_etag(decision.paper, decision.part1, decision.part2, *extra)


def last_changed(decision: queries.Decision):
    """When anything the decision's page (or its JSON) shows last changed: its Last-Modified."""
    return max(t for t in (decision.paper.updated_at, decision.part1.updated_at,
                           decision.part2.updated_at if decision.part2 else None) if t is not None)


@bp.route("/decisions/<slug>")
def decision(slug: str):
    d = _decision_or_404(slug)
    changed = last_changed(d)

    def render():
        return decision_body(current_app, db_session(), d, links())

    return conditional(render, etag=decision_etag(d), last_modified=changed)


def decision_body(app, db, d: queries.Decision, links: Links) -> str:
    """The decision page's HTML (no request context needed: the route and the fast path render it)."""
    values = decision_values(d)
    updates = _updates(db, d)
    if updates:   # a correction's "Updated" rows: the template (rare)
        return decision_jinja(app, links, values, updates)
    return page_html.decision(app.jinja_env, links, **values)


def decision_values(d: queries.Decision) -> dict:
    """What a decision's page shows besides its links and corrections (:func:`page_html.decision` writes it out)."""
    return dict(d=d, paper=d.paper, status=part2_status(d.part2), part1_redactions=redaction_summary(d.part1),
                part2_redactions=redaction_summary(d.part2) if d.part2_public else None)


def decision_jinja(app, links: Links, values: dict, updates: list) -> str:
    """A decision's page rendered by ``templates/public/decision.html`` (the reference for
    :func:`page_html.decision`, and what a decision with corrections is rendered by)."""
    return app.jinja_env.get_template("public/decision.html").render(updates=updates, links=links, **values)


def _updates(db, d: queries.Decision) -> list:
    """The corrections that led to this decision ("Updated on …"): none to look up when it corrects nothing."""
    return lifecycle_queries.updates_of(db, d.paper.id) if d.paper.previous_id is not None else []


@bp.route("/decisions/<slug>/part1.pdf", defaults={"number": 1})
@bp.route("/decisions/<slug>/part2.pdf", defaults={"number": 2})
def download(slug: str, number: int):
    """A published part as an attachment named ``<slug>-part<N>.pdf``; Part 2 is a 404 until released."""
    d = _decision_or_404(slug)
    part = d.part1 if number == 1 else (d.part2 if d.part2_public else None)
    if part is None or not storage().exists(part.file_key):
        if part is not None:
            log.error("published part %s of paper %s has no file", part.id, d.paper.id)
        abort(404)
    etag = hashlib.sha256(f"{part.file_key}:{part.size}".encode()).hexdigest()[:32]
    return send_file(storage().path(part.file_key), mimetype="application/pdf", as_attachment=True,
                     download_name=download_name(d.paper.slug, number), conditional=True, etag=etag,
                     # a corrected version keeps its first publication date: its file is newer than that
                     last_modified=max(t for t in (part.released_at, part.updated_at) if t is not None),
                     max_age=FILE_MAX_AGE)


def download_name(slug: str, number: int) -> str:
    """``pcd-956-part1.pdf``: only lower-case letters, digits and hyphens from the slug."""
    clean = re.sub(r"[^a-z0-9]+", "-", (slug or "").lower()).strip("-")[:80] or "decision"
    return f"{clean}-part{number}.pdf"


# --- feeds ---------------------------------------------------------------------------------------------

def page_url(decision: queries.Decision) -> str:
    return url_for("public.decision", slug=decision.paper.slug, _external=True)


def _host() -> str:
    return request.host.split(":")[0] or "localhost"


@bp.route("/feed.atom")
def feed():
    db = db_session()
    changed, count = data_version(db)

    def render():
        events = lifecycle_feed.merged(queries.recent_events(db), lifecycle_feed.notices(  # withdrawals, updates
            db, lambda slug: url_for("public.decision", slug=slug, _external=True)))
        body = feeds.atom(events, feed_url=url_for("public.feed", _external=True),
                          home_url=url_for("public.index", _external=True), page_url=page_url, host=_host(),
                          fallback_updated=changed or utcnow())
        return Response(body, mimetype="application/atom+xml")

    return conditional(render, etag=make_etag(changed, count, request.host_url), last_modified=changed)


@bp.route("/search.atom")
def search_feed():
    """The Atom feed of one search (words and filters of ``/``): its newest 50 decisions, newest first."""
    search = queries.Search.from_args(request.args)
    db = db_session()
    changed, count = data_version(db)

    def render():
        decisions = queries.matching(db, search)
        home = url_for("public.index", _external=True, **search.args(page=1, sort=None))
        body = feeds.search_atom(decisions, search_words=search_summary(search),
                                 feed_url=url_for("public.search_feed", _external=True,
                                                  **search.args(page=1, sort=None)),
                                 home_url=home, page_url=page_url, host=_host(),
                                 fallback_updated=changed or utcnow())
        return Response(body, mimetype="application/atom+xml")

    return conditional(render, etag=make_etag(changed, count, request.host_url), last_modified=changed)


def search_summary(search: queries.Search) -> str:
    """'‘custody review’, published in 2025, Part 2 withheld' — the search in words, for the feed's title."""
    bits = [f"‘{search.q}’"] if search.q else []
    if search.year:
        bits.append(f"published in {search.year}")
    if search.part2:
        bits.append("no Part 2" if search.part2 == "none" else f"Part 2 {search.part2}")
    return ", ".join(bits) or "all decisions"


@bp.route("/releases.ics")
def releases():
    db = db_session()
    changed, count = data_version(db)
    today = utcnow().astimezone(LONDON).date()

    def render():
        body = feeds.calendar(queries.upcoming_releases(db, today), page_url=page_url, host=_host(),
                              stamp=changed or utcnow())
        response = Response(body, mimetype="text/calendar")
        response.headers["Content-Disposition"] = 'inline; filename="releases.ics"'
        return response

    # The list of *upcoming* releases changes at midnight too, not only when data changes.
    return conditional(render, etag=make_etag(changed, count, today, request.host_url), last_modified=None)
