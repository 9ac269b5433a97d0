"""Absolute URLs from ``FOIA_BASE_URL``, never from the request's Host header.

Feeds, the public JSON and calendar entries carry absolute URLs and are cached by browsers and proxies: a
forged ``Host:`` header must not put another site's address into them (cache poisoning, phishing links).
With ``FOIA_BASE_URL`` set (required when ``FOIA_ENV=production``), a small WSGI middleware gives every
request the configured scheme, host, port and path prefix before Flask sees it, so ``url_for(...,
_external=True)``, ``request.host_url`` and cache keys all use the configured address. In development and
testing without it, the request's own host is used (a laptop's ``127.0.0.1:8000``).
"""

from __future__ import annotations

from urllib.parse import urlsplit


class BaseUrlMiddleware:
    """Overwrite the request's scheme, host and script root with the configured base URL."""

    def __init__(self, app, base_url: str):
        self.app = app
        parts = urlsplit(base_url)
        self.scheme = parts.scheme
        self.host = parts.netloc
        self.server_name = parts.hostname
        self.port = str(parts.port or (443 if parts.scheme == "https" else 80))
        self.prefix = parts.path.rstrip("/")

    def __call__(self, environ, start_response):
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.host
        environ["SERVER_NAME"] = self.server_name
        environ["SERVER_PORT"] = self.port
        if self.prefix:
            path = environ.get("PATH_INFO", "")
            if path.startswith(self.prefix + "/") or path == self.prefix:  # a proxy that keeps the prefix
                environ["PATH_INFO"] = path[len(self.prefix):] or "/"
            environ["SCRIPT_NAME"] = self.prefix
        return self.app(environ, start_response)


def wrap(wsgi_app, cfg: dict):
    """The app behind the middleware when ``BASE_URL`` is set (wrap *inside* ProxyFix, which runs first)."""
    return BaseUrlMiddleware(wsgi_app, cfg["BASE_URL"]) if cfg.get("BASE_URL") else wsgi_app
