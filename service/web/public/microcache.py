"""A micro-cache in front of the public pages: the same URL asked again is answered from the last complete
response, without running Flask, a query or a template, for as long as the public data is unchanged.

An entry is served only while the public data version (``public_queries.fingerprint``) is the one it was
made under, and for at most ``PUBLIC_MICROCACHE_SECONDS`` (default 60; 0 turns it off, as in tests). The
version is the pages' own: each process asks it again at most every ``PUBLIC_FINGERPRINT_SECONDS`` (2 s
by default), so a publication, a release or a withdrawal shows within those 2 s — the staleness the
pages' ETags already accept — and the calendar's "upcoming" list within a minute of midnight. What a
reverse proxy's micro-cache would do, built in for deployments without one.

Only anonymous ``GET``/``HEAD`` requests for the public pages, feeds and JSON are kept (never downloads,
officer pages, the officer API, sign-in or health checks; never a request with a cookie or an
``Authorization`` header, never a response that sets a cookie), and only ``200`` responses, filled from an
unconditional render so that clients that only revalidate fill it too. The key is the scheme, host, path
and query. ``If-None-Match`` is answered 304 from the kept ETag. Each answer is still counted in the
request metrics and the access log, under the endpoint that made it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from service.domain.public_rows import reader
from service.web.public import fast as public_fast, queries as public_queries
from service.web.public.fast import observe as _observe

PAGES = ("/decisions/", "/api/v1/decisions")
EXACT = ("/", "/feed.atom", "/search.atom", "/releases.ics")
MAX_ENTRIES = 4096
MAX_BODY = 512 * 1024
HOP_BY_HOP = ("content-length",)
CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_RANGE")


def cacheable(environ) -> bool:
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("HTTP_COOKIE") or environ.get("HTTP_AUTHORIZATION"):
        return False
    path = environ.get("PATH_INFO") or "/"
    if path in EXACT:
        return True
    return path.startswith(PAGES) and not path.endswith(".pdf")


class PublicMicroCache:
    """WSGI middleware: ``PublicMicroCache(app.wsgi_app, seconds, version)``; ``version()`` is the current
    data version: an entry made under another one is never served."""

    def __init__(self, app, seconds: float, version=lambda: None):
        self.app = app
        self.seconds = float(seconds)
        self.version = version
        self._items: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        if self.seconds <= 0 or not cacheable(environ):
            return self.app(environ, start_response)
        started = time.perf_counter()
        key = "|".join((environ.get("wsgi.url_scheme", ""), environ.get("HTTP_HOST", ""),
                        environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", ""),
                        environ.get("QUERY_STRING", "")))
        version = self.version()
        with self._lock:
            entry = self._items.get(key)
            if entry is not None and (time.monotonic() - entry[0] >= self.seconds or entry[6] != version):
                del self._items[key]
                entry = None
        hit = entry is not None
        if entry is None:
            # Filled from an unconditional request, so that clients that only revalidate fill it too.
            plain = {k: v for k, v in environ.items() if k not in CONDITIONAL}
            status, headers, body = self._render(plain)
            entry = self._keep(key, plain, status, headers, body, version)
            if entry is None:  # not kept (an error, a cookie, too large): answer the request itself
                if any(k in environ for k in CONDITIONAL):
                    return self.app(environ, start_response)
                start_response(status, headers)
                return [body]
        _, status, headers, body, etag, endpoint, _ = entry
        if etag and etag in (environ.get("HTTP_IF_NONE_MATCH") or ""):
            status, body = "304 NOT MODIFIED", b""
            headers = [(k, v) for k, v in headers if k.lower() not in ("content-type", "content-length")]
        elif environ.get("HTTP_IF_MODIFIED_SINCE") or environ.get("HTTP_RANGE"):
            return self.app(environ, start_response)  # rare: let the page work it out
        else:
            headers = [*headers, ("Content-Length", str(len(body)))]
        start_response(status, headers)
        if hit:  # a fill was counted by the page itself
            _observe(environ, endpoint, status, started)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]

    def _render(self, environ) -> tuple[str, list, bytes]:
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers)
            return lambda data: None

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return captured.get("status", "500 INTERNAL SERVER ERROR"), captured.get("headers", []), body

    def _keep(self, key: str, environ, status: str, headers: list, body: bytes, version):
        names = {k.lower() for k, _ in headers}
        if not (status.startswith("200") and "set-cookie" not in names and len(body) <= MAX_BODY
                and environ["REQUEST_METHOD"] == "GET"):
            return None
        etag = next((v for k, v in headers if k.lower() == "etag"), None)
        rule = getattr(environ.get("werkzeug.request"), "url_rule", None)
        endpoint = rule.endpoint if rule is not None else environ.get("foia.endpoint", "unmatched")
        kept = [(k, v) for k, v in headers if k.lower() not in HOP_BY_HOP]
        entry = (time.monotonic(), status, kept, body, etag, endpoint, version)
        with self._lock:
            self._items[key] = entry
            while len(self._items) > MAX_ENTRIES:
                self._items.popitem(last=False)
        return entry


def wrap(flask_app):
    """``flask_app.wsgi_app`` behind the micro-cache (off in tests unless ``PUBLIC_MICROCACHE_SECONDS`` is
    set). Entries live up to that many seconds (default 60) *and* only while the public data version
    (``public_queries.fingerprint``, refreshed at most every ``PUBLIC_FINGERPRINT_SECONDS``) is unchanged:
    a publication, release or withdrawal shows as soon as the version is asked again."""
    cfg = flask_app.config
    inner = public_fast.wrap(flask_app, flask_app.wsgi_app)  # first renders of the common pages without Flask
    seconds = float(cfg.get("PUBLIC_MICROCACHE_SECONDS", 0 if flask_app.testing else 60))
    if seconds <= 0:
        return inner
    max_age = float(cfg.get("PUBLIC_FINGERPRINT_SECONDS", 0 if flask_app.testing else 2))

    def version():
        database = flask_app.extensions["foia.db"]
        known = public_queries.fresh_fingerprint(str(database.engine.url), max_age)
        if known is not None:
            return known
        with reader(database.engine) as db:   # a plain connection: no ORM session (issue 16)
            return public_queries.fingerprint(db, max_age)

    return PublicMicroCache(inner, seconds, version)
