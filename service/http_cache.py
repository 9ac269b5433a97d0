"""Conditional responses for the public pages: ETag, Last-Modified and Cache-Control, so a browser or a
CDN can revalidate cheaply (304) and carry a spike.

The ETag is worked out *before* rendering from what the page shows (a data fingerprint), the request's
path and query, and the build (templates and assets): an unchanged page costs one small query, not a
render. Cache lifetimes are short for pages, so a Part 2 release shows within minutes everywhere.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable

from flask import Response, current_app, request

log = logging.getLogger(__name__)

PAGE_MAX_AGE = 300          # pages, feeds, API: five minutes
FILE_MAX_AGE = 3600         # published PDFs (a file never changes under its key)
ASSET_MAX_AGE = 31536000    # versioned assets (?v=<hash>)
MISSING_MAX_AGE = 60        # a 404 (e.g. a Part 2 not yet released) is retried soon


@lru_cache(maxsize=1)
def build_version(template_root: str) -> str:
    """A hash of the public templates and built assets: any deployment that changes a page changes it."""
    digest = hashlib.sha256()
    root = Path(template_root)
    for path in sorted([*root.glob("public/*.html"), *root.glob("base/*.html")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    from .public_assets import assets_version  # the CSS/JS build

    digest.update(assets_version().encode())
    return digest.hexdigest()[:12]


def make_etag(*parts: object) -> str:
    digest = hashlib.sha256()
    digest.update(build_version(current_app.template_folder).encode())
    for part in (request.full_path, *parts):
        digest.update(b"\x00" + str(part).encode())
    return digest.hexdigest()[:32]


def _http_time(value: datetime | None) -> datetime | None:
    # HTTP dates have whole seconds; comparing with If-Modified-Since needs the same precision.
    return value.astimezone(timezone.utc).replace(microsecond=0) if value else None


def not_modified(etag: str, last_modified: datetime | None) -> bool:
    if request.if_none_match:  # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        return request.if_none_match.contains_weak(etag)
    since = request.if_modified_since
    last = _http_time(last_modified)
    return bool(since and last and last <= since)


def conditional(render: Callable[[], Response | str], *, etag: str, last_modified: datetime | None,
                max_age: int = PAGE_MAX_AGE) -> Response:
    """304 when the client's copy is current, else ``render()``; both with the caching headers."""
    if request.method in ("GET", "HEAD") and not_modified(etag, last_modified):
        response = Response(status=304)
    else:
        result = render()
        response = result if isinstance(result, Response) else Response(result, mimetype="text/html")
    return with_cache_headers(response, etag=etag, last_modified=last_modified, max_age=max_age)


def with_cache_headers(response: Response, *, etag: str | None, last_modified: datetime | None,
                       max_age: int) -> Response:
    if etag:
        response.set_etag(etag)
    if last_modified:
        response.last_modified = _http_time(last_modified)
    response.cache_control.public = True
    response.cache_control.max_age = max_age
    return response
