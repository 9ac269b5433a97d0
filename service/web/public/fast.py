"""A Flask-free way in for the two public pages whose first render is the common cost (issue 16): a decision
page (``/decisions/<slug>``) and the list with its searches (``/``), asked anonymously.

Flask's own work per request — the request context, the session, the before/after hooks and the template
context processors — cost as much as the page itself. This WSGI layer sits just inside the micro-cache
(:mod:`service.web.public.microcache`) and answers those requests with the same functions the routes use
(:func:`pages.decision_body`, :func:`pages.index_body`, the same queries, ETags and rendered-body cache) and
the same headers (caching, security, ``Vary: Cookie``), byte for byte (``tests/test_public_fast_paths.py``).

Anything else goes to Flask unchanged: another path or method, a cookie or an ``Authorization`` header (an
officer), a conditional request (``If-None-Match``, ``If-Modified-Since``, ``Range``), a decision that is not
public (404, or 410 when withdrawn), a page beyond the last (404), a slug that is not plain lower-case
letters, digits and hyphens, the first request of an application root (its links are built by Flask), and
any error (Flask answers it, with its error page and log). ``PUBLIC_FAST_PATH = False`` turns it off. Each
answer is counted in the request metrics and the access log under the route's endpoint, as Flask would.
"""

from __future__ import annotations

import logging
import re
import time

from werkzeug.http import http_date
from werkzeug.wrappers import Request

from service.domain.public_rows import reader
from service.web import headers as security_headers
from service.web.metrics import METHODS, REQUEST_LATENCY, access_log
from service.web.public import pages, queries
from service.web.public.cache_ages import PAGE_MAX_AGE
from service.web.public.http_cache import build_version, http_time, etag_of, render_cache

log = logging.getLogger(__name__)

SLUG = re.compile(r"/decisions/([a-z0-9][a-z0-9-]{0,199})\Z")
AVOID = ("HTTP_COOKIE", "HTTP_AUTHORIZATION", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_RANGE",
         "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE", "HTTP_IF_RANGE")
CONTENT_TYPE = "text/html; charset=utf-8"
CACHE_CONTROL = f"public, max-age={PAGE_MAX_AGE}"


class FastPublic:
    """WSGI middleware: ``FastPublic(flask_app, next_app)``; ``next_app`` (Flask) answers what this does not."""

    def __init__(self, flask_app, next_app):
        self.flask = flask_app
        self.next = next_app
        self._versioned = False

    def _build_version(self) -> None:
        """The pages' build version reads the app's assets folder (``current_app``): worked out once, in the app's
        context. Without it the first public page of a fresh process failed here with "Working outside of
        application context" (a logged traceback, Flask answering instead; new-user trial, 30 Nov 2026)."""
        if not self._versioned:
            with self.flask.app_context():
                build_version(self.flask.template_folder)
            self._versioned = True

    def __call__(self, environ, start_response):
        page = self._page(environ)
        if page is None:
            return self.next(environ, start_response)
        started = time.perf_counter()
        try:
            self._build_version()
            answer = page(environ)
        except Exception:  # noqa: BLE001 - Flask answers it again, with its own error handling and log
            log.warning("public fast path failed; answered by Flask", exc_info=True)
            answer = None
        if answer is None:
            return self.next(environ, start_response)
        endpoint, body, etag, last_modified = answer
        headers = [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(body))), ("ETag", f'"{etag}"')]
        if last_modified is not None:
            headers.append(("Last-Modified", http_date(http_time(last_modified))))
        headers.append(("Cache-Control", CACHE_CONTROL))
        headers += security_headers.fixed(self.flask)
        headers.append(("Vary", "Cookie"))   # as Flask sends it (the session is looked at on every request)
        environ["foia.endpoint"] = endpoint  # for the micro-cache's own metrics
        start_response("200 OK", headers)
        observe(environ, endpoint, "200 OK", started, how="fast path")
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

    def _page(self, environ):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or any(k in environ for k in AVOID):
            return None
        if not self.flask.config.get("PUBLIC_FAST_PATH", True):
            return None
        path = environ.get("PATH_INFO") or "/"
        if path == "/":
            return self._index
        if path.startswith("/decisions/") and not environ.get("QUERY_STRING") and SLUG.match(path):
            return self._decision
        return None

    def _links(self, request: Request):
        return self.flask.extensions.get("foia.links", {}).get(request.script_root)

    def _decision(self, environ):
        request = Request(environ)
        links = self._links(request)
        if links is None:
            return None
        slug = SLUG.match(request.path).group(1)
        with reader(self.flask.extensions["foia.db"].engine) as db:
            d = queries.get(db, slug, pages.reuse_version(self.flask, db))
            if d is None:
                return None   # 404, or 410 for a withdrawn decision: Flask says which
            etag = etag_of(self.flask.template_folder, request.full_path, d.paper, d.part1, d.part2)
            body = self._body(etag, lambda: pages.decision_body(self.flask, db, d, links))
        return "public.decision", body, etag, pages.last_changed(d)

    def _index(self, environ):
        request = Request(environ)
        links = self._links(request)
        if links is None:
            return None
        search = queries.Search.from_args(request.args)
        with reader(self.flask.extensions["foia.db"].engine) as db:
            changed, count = queries.fingerprint(db, pages.fingerprint_seconds(self.flask))
            etag = etag_of(self.flask.template_folder, request.full_path, changed, count)
            body = self._body(etag, lambda: pages.index_body(self.flask, db, search, (changed, count), links))
        return None if body is None else ("public.index", body, etag, changed)

    def _body(self, etag: str, render) -> bytes | None:
        cache = render_cache(self.flask)
        kept = cache.get(etag) if cache is not None else None
        if kept is not None:
            return kept[0]
        html = render()
        if html is None:
            return None
        body = html.encode()
        if cache is not None:
            cache.put_body(etag, body, CONTENT_TYPE)
        return body


def observe(environ, endpoint: str, status: str, started: float, how: str = "micro-cache") -> None:
    elapsed = time.perf_counter() - started
    method = environ["REQUEST_METHOD"] if environ["REQUEST_METHOD"] in METHODS else "OTHER"
    code = int(status.split(" ", 1)[0])
    REQUEST_LATENCY.labels(method, endpoint, str(code)).observe(elapsed)
    fields = {"method": method, "endpoint": endpoint, "status": code, "ms": round(elapsed * 1000, 1)}
    if how == "micro-cache":
        fields["cached"] = True
    access_log.info("request %s %s %d %.1f ms (%s)", method, endpoint, code, elapsed * 1000, how,
                    extra={"fields": fields})


def wrap(flask_app, next_app):
    return FastPublic(flask_app, next_app)
