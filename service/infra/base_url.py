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


def check_base_url(value: str, env: str) -> str:
    """The normalised base URL (no trailing slash), or "" outside production; raises ConfigError."""
    from service.infra.config import PREFIX, ConfigError

    value = value.strip()
    if not value:
        if env == "production":
            raise ConfigError(f"{PREFIX}BASE_URL is required in production (the public address, e.g. "
                              "https://foia.example.org): absolute URLs are never taken from the Host header")
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment \
            or parts.username or parts.password:
        raise ConfigError(f"{PREFIX}BASE_URL must be an http(s) address such as https://foia.example.org "
                          "(an optional path, no query)")
    try:
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        raise ConfigError(f"{PREFIX}BASE_URL has an invalid port") from None
    return f"{parts.scheme}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


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
