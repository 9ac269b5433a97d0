"""Conditional responses for the public pages: ETag, Last-Modified and Cache-Control, so a browser or a
CDN can revalidate cheaply (304) and carry a spike.

The ETag is worked out *before* rendering from what the page shows (a data fingerprint), the request's
path and query, and the build (templates and assets): an unchanged page costs one small query, not a
render. Cache lifetimes are short for pages, so a Part 2 release shows within minutes everywhere.

The same ETag also names the rendered body on the server: a full (non-304) response for a page already
rendered for this data version is the stored bytes (:class:`RenderCache`, per application and process,
bounded in bytes, least recently used first out). A new data version gives new ETags, so nothing stale is
ever served and nothing needs to be cleared.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable

from flask import Response, current_app, request

from service.web.public.assets import assets_version  # the CSS/JS build
from service.web.public.cache_ages import (ASSET_MAX_AGE, FILE_MAX_AGE,  # noqa: F401 (for the routes)
                                           MISSING_MAX_AGE, PAGE_MAX_AGE)

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def build_version(template_root: str) -> str:
    """A hash of the public templates and built assets: any deployment that changes a page changes it."""
    digest = hashlib.sha256()
    root = Path(template_root)
    for path in sorted([*root.glob("public/*.html"), *root.glob("base/*.html")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(assets_version().encode())
    return digest.hexdigest()[:12]


def make_etag(*parts: object) -> str:
    return etag_of(current_app.template_folder, request.full_path, *parts)


def etag_of(template_folder: str, full_path: str, *parts: object) -> str:
    """:func:`make_etag` with the template folder and the request's ``full_path`` given (no request context)."""
    digest = hashlib.sha256()
    digest.update(build_version(template_folder).encode())
    for part in (full_path, *parts):
        digest.update(b"\x00" + str(part).encode())
    return digest.hexdigest()[:32]


def http_time(value: datetime | None) -> datetime | None:
    # HTTP dates have whole seconds; comparing with If-Modified-Since needs the same precision.
    return value.astimezone(timezone.utc).replace(microsecond=0) if value else None


def not_modified(etag: str, last_modified: datetime | None) -> bool:
    if request.if_none_match:  # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        return request.if_none_match.contains_weak(etag)
    since = request.if_modified_since
    last = http_time(last_modified)
    return bool(since and last and last <= since)


RENDER_CACHE_MB = 32        # rendered bodies kept per process (PUBLIC_RENDER_CACHE_MB; 0: none)


class RenderCache:
    """Rendered 200 responses by ETag: (body, content type, extra headers), least recently used out first."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[str, tuple[bytes, str, tuple]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bytes, str, tuple] | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: str, response: Response) -> None:
        headers = tuple((k, v) for k, v in response.headers.items() if k not in ("Content-Type", "Content-Length"))
        self.put_body(key, response.get_data(), response.content_type, headers)

    def put_body(self, key: str, body: bytes, content_type: str, headers: tuple = ()) -> None:
        if len(body) > self.max_bytes // 8:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = (body, content_type, headers)
            self.size += len(body)
            while self.size > self.max_bytes and self._items:
                _, (old, _, _) = self._items.popitem(last=False)
                self.size -= len(old)


def render_cache(app=None) -> RenderCache | None:
    app = app or current_app._get_current_object()
    cache = app.extensions.get("foia.render_cache")
    if cache is None:
        megabytes = float(app.config.get("PUBLIC_RENDER_CACHE_MB", RENDER_CACHE_MB))
        cache = app.extensions["foia.render_cache"] = RenderCache(int(megabytes * 1024 * 1024))
    return cache if cache.max_bytes > 0 else None


def conditional(render: Callable[[], Response | str], *, etag: str, last_modified: datetime | None,
                max_age: int = PAGE_MAX_AGE) -> Response:
    """304 when the client's copy is current, else the body rendered for this ETag (``render()`` the first
    time); both with the caching headers. Only 200 responses are kept."""
    if request.method in ("GET", "HEAD") and not_modified(etag, last_modified):
        response = Response(status=304)
        return with_cache_headers(response, etag=etag, last_modified=last_modified, max_age=max_age)
    cache = render_cache() if request.method in ("GET", "HEAD") else None
    kept = cache.get(etag) if cache is not None else None
    if kept is not None:
        body, content_type, headers = kept
        response = Response(body, content_type=content_type)
        response.headers.extend(headers)
    else:
        result = render()
        response = result if isinstance(result, Response) else Response(result, mimetype="text/html")
        if cache is not None and response.status_code == 200 and not response.direct_passthrough:
            cache.put(etag, response)  # before the caching headers: those are set afresh on every answer
    return with_cache_headers(response, etag=etag, last_modified=last_modified, max_age=max_age)


def with_cache_headers(response: Response, *, etag: str | None, last_modified: datetime | None,
                       max_age: int) -> Response:
    if etag:
        response.set_etag(etag)
    if last_modified:
        response.last_modified = http_time(last_modified)
    response.cache_control.public = True
    response.cache_control.max_age = max_age
    return response
