"""Sign in and sign out, the signed-in user, and the throttle on failed sign-ins.

The throttle counts failures per account *and* address (a hash of both, kept in the database so every
instance sees it): after ``SIGN_IN_LIMIT`` failures within ``SIGN_IN_WINDOW_MIN`` minutes that pair is
refused, without checking the password, until the oldest failure leaves the window.
"""

from __future__ import annotations

import hashlib
import logging
import math
from datetime import timedelta

from flask import (Blueprint, current_app, flash, g, redirect, render_template, request, session,
                   url_for)
from sqlalchemy import delete, func, select

from . import audit
from .accounts import check_password, normalise_email
from .db import db_session
from .models import SignInFailure, User, utcnow

log = logging.getLogger(__name__)

bp = Blueprint("auth", __name__)


def load_user() -> None:
    """``before_app_request``: put the signed-in user (or None) on ``g.user``."""
    g.user = None
    user_id = session.get("user_id")
    if user_id is not None:
        user = db_session().get(User, user_id)
        if user is not None and user.active and session.get("pw") == _password_tag(user):
            g.user = user
        else:
            session.clear()


def _password_tag(user: User) -> str:
    # Changing the password (or disabling the account) ends every session made before it.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    if g.get("user"):
        return redirect(url_for("officer.dashboard"))
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("officer/sign_in.html", next=next_url, email="")
    email = normalise_email(request.form.get("email", ""))[:254]
    password = request.form.get("password", "")[:1024]
    db = db_session()
    key = _throttle_key(email, request.remote_addr or "")
    wait = _throttled_for(db, key)
    if wait:
        log.warning("sign-in throttled")
        return render_template("officer/sign_in.html", next=next_url, email=email,
                               error=f"Too many failed attempts. Try again in {wait} minute"
                                     f"{'s' if wait != 1 else ''}."), 429
    user = check_password(db, email, password) if email and password else None
    if user is None:
        db.add(SignInFailure(key=key))
        db.commit()
        return render_template("officer/sign_in.html", next=next_url, email=email,
                               error="The e-mail address or password is not right."), 401
    db.execute(delete(SignInFailure).where(SignInFailure.key == key))
    user.last_sign_in_at = utcnow()
    audit.record(db, "signed in", user=user)
    db.commit()
    session.clear()  # a new session on sign-in: nothing from before carries over
    session.permanent = True
    session["user_id"] = user.id
    session["pw"] = _password_tag(user)
    return redirect(next_url or url_for("officer.dashboard"))


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    user = g.get("user")
    if user is not None:
        db = db_session()
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


def _throttle_key(email: str, address: str) -> str:
    return hashlib.sha256(f"{email}|{address}".encode()).hexdigest()


def _throttled_for(db, key: str) -> int:
    """Minutes to wait before this account+address may try again (0: may try now)."""
    cfg = current_app.config
    window = timedelta(minutes=cfg["SIGN_IN_WINDOW_MIN"])
    since = utcnow() - window
    db.execute(delete(SignInFailure).where(SignInFailure.at < since))
    count, oldest = db.execute(select(func.count(), func.min(SignInFailure.at))
                               .where(SignInFailure.key == key, SignInFailure.at >= since)).one()
    if count < cfg["SIGN_IN_LIMIT"]:
        return 0
    return max(1, math.ceil((oldest + window - utcnow()).total_seconds() / 60))
