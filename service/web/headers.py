"""Security headers on every response (``setdefault``: a blueprint may set its own first)."""

from __future__ import annotations

from flask import Flask, Response

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def fixed(app: Flask) -> list[tuple[str, str]]:
    """The headers every response carries, in order (also sent by the public fast path, which runs
    without Flask: :mod:`service.web.public.fast`)."""
    found = [("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
             ("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY")]
    if app.config.get("SECURE_COOKIES"):
        found.append(("Strict-Transport-Security", "max-age=31536000"))
    return found


def register(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        h = response.headers
        for name, value in fixed(app):
            h.setdefault(name, value)
        return response
