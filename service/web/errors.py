"""Error pages and JSON errors. No exception text ever reaches a response."""

from __future__ import annotations

import logging

from flask import Flask, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

MESSAGES = {
    400: "The request could not be understood.",
    401: "You need to sign in.",
    403: "You are not allowed to do that.",
    404: "Page not found.",
    405: "That is not allowed here.",
    413: "The file is too large.",
    429: "Too many requests. Try again later.",
    500: "Something went wrong on our side. Nothing was published.",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str | None = None):
    message = message or MESSAGES.get(status, "Error.")
    if wants_json():
        return jsonify(error=message), status
    return render_template("base/error.html", status=status, message=message), status


MAX_JSON_BYTES = 1024 * 1024  # a JSON body (decisions, a reason, a note) is a few kilobytes; uploads are forms
JSON_TOO_LARGE = (f"The request body is larger than the limit of {MAX_JSON_BYTES // (1024 * 1024)} MB for JSON. "
                  "Nothing was changed.")


def bound_json_body():
    """``before_request``: a body that is not a file upload (JSON on the API) is bounded to
    ``MAX_JSON_BYTES``, not the upload limit — refused with 413 before it is read. A body sent without a
    length (chunked) is read no further than the same bound (``request.max_content_length``): Werkzeug
    stops there, and the cut JSON is refused as invalid (400)."""
    if request.mimetype == "multipart/form-data" or not request.path.startswith("/api/"):
        return None  # uploads keep FOIA_MAX_UPLOAD_MB; officer forms have Werkzeug's form-memory bound
    request.max_content_length = MAX_JSON_BYTES
    if request.content_length is not None and request.content_length > MAX_JSON_BYTES:
        return error_response(413, JSON_TOO_LARGE)
    return None


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(exc: CSRFError):
        return error_response(400, "The form had expired or was not sent from this site. "
                                   "Go back, reload the page and try again.")

    @app.errorhandler(413)
    def _too_large(exc):
        if request.max_content_length == MAX_JSON_BYTES:  # a JSON body sent without a length, cut at the bound
            return error_response(413, JSON_TOO_LARGE)
        mb = app.config["MAX_UPLOAD_MB"]
        if "user" not in g:  # refused before the user was loaded: the officer page still shows its header
            from service.web.auth import load_user
            load_user()
        return error_response(413, f"The file is larger than the limit of {mb} MB. Nothing was uploaded.")

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return error_response(exc.code or 500, MESSAGES.get(exc.code or 500))

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unhandled error on %s %s (%s)", request.method, request.path, type(exc).__name__)
        return error_response(500)
