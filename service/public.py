"""The public blueprint at ``/`` (public pages are built on this by the public-pages work)."""

from __future__ import annotations

from flask import Blueprint, jsonify

bp = Blueprint("public", __name__)


@bp.route("/healthz")
def healthz():
    """Liveness: the process answers. (Readiness — database, storage — is a separate check.)"""
    return jsonify(status="ok")
