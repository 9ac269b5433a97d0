"""Sign in and sign out, and the signed-in user.

Sessions are server-side (:mod:`service.domain.sessions`): the cookie names a session row, checked on every request,
so signing out, a password change and disabling the account end it for real. Sign-in work is bounded before
any password hash is computed (:mod:`service.domain.signin_limits`).
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from flask import (Blueprint, current_app, flash, g, redirect, render_template, request, session,
                   url_for)

from service.domain import audit, sessions, signin_limits
from service.domain.accounts import check_password, normalise_email
from service.domain.models import User, utcnow
from service.infra.db import db_session

log = logging.getLogger(__name__)

bp = Blueprint("auth", __name__)


def lifetimes() -> dict:
    cfg = current_app.config
    return {"idle": timedelta(minutes=int(cfg["SESSION_IDLE_MIN"])),
            "absolute": timedelta(hours=int(cfg["SESSION_HOURS"]))}


def load_user() -> None:
    """``before_app_request``: put the signed-in user (or None) on ``g.user``."""
    g.user = None
    if session.get("user_id") is None:
        return
    db = db_session()
    user = sessions.user_for(db, session.get("sid"), **lifetimes())
    if user is not None and user.id == session.get("user_id") and session.get("pw") == _password_tag(user):
        g.user = user
    else:
        session.clear()


def _password_tag(user: User) -> str:
    # Belt and braces beside the session row: a hash changed behind the service's back ends the session too.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def begin_session(db, user: User) -> None:
    """A fresh session for ``user`` (nothing from before carries over); commits."""
    secret = sessions.start(db, user)
    db.commit()
    session.clear()
    session.permanent = True
    session["user_id"] = user.id
    session["sid"] = secret
    session["pw"] = _password_tag(user)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if g.get("user"):
        return redirect(url_for("officer.dashboard"))
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("officer/sign_in.html", next=next_url, email="")
    email = normalise_email(request.form.get("email", ""))[:254]
    password = request.form.get("password", "")[:1024]
    cfg = current_app.config
    db = db_session()
    keys = signin_limits.keys_for(email, request.remote_addr or "")
    wait = signin_limits.wait_minutes(db, keys, cfg)
    db.commit()
    if wait:  # refused before any password hash is computed
        log.warning("sign-in throttled")
        return render_template("officer/sign_in.html", next=next_url, email=email,
                               error=f"Too many failed attempts. Try again in {wait} minute"
                                     f"{'s' if wait != 1 else ''}."), 429, {"Retry-After": str(wait * 60)}
    try:
        with signin_limits.hash_slot(cfg):
            user = check_password(db, email, password) if email and password else None
    except signin_limits.Busy:
        log.warning("sign-in refused: every password-hash slot busy")
        return render_template("officer/sign_in.html", next=next_url, email=email,
                               error="The service is busy. Try again in a moment."), 503, {"Retry-After": "5"}
    if user is None:
        signin_limits.record_failure(db, keys)
        db.commit()
        return render_template("officer/sign_in.html", next=next_url, email=email,
                               error="The e-mail address or password is not right."), 401
    signin_limits.clear_after_success(db, keys)
    sessions.purge_expired(db, **lifetimes())
    user.last_sign_in_at = utcnow()
    audit.record(db, "signed in", user=user)
    begin_session(db, user)
    return redirect(next_url or url_for("officer.dashboard"))


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    user = g.get("user")
    db = db_session()
    sessions.end(db, session.get("sid"))  # this browser's session ends on the server, not only its cookie
    if user is not None:
        audit.record(db, "signed out", user=user)
    db.commit()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.sign_in"))


def _safe_next(value: str | None) -> str | None:
    # Only a path inside the officer area: never an absolute URL (open redirect) nor "//host".
    if value and value.startswith("/officer/") and not value.startswith("//") and "\\" not in value:
        return value
    return None
