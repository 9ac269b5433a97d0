"""Security headers on every response (``setdefault``: a blueprint may set its own first)."""

from __future__ import annotations

from flask import Flask, Response

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def register(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        h = response.headers
        h.setdefault("Content-Security-Policy", CSP)
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "same-origin")
        h.setdefault("X-Frame-Options", "DENY")
        if app.config.get("SECURE_COOKIES"):
            h.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
