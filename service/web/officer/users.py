"""Officers' own account page and the administrators' user pages (routes on the officer blueprint).

``/officer/account/password``: any signed-in officer changes their own password (their other sessions end).
``/officer/users``: administrators only — list users, add one, disable, enable, change the role, set a new
password (:mod:`service.domain.users` does the work; officers get 403). Every action is a POST with the CSRF token
and is recorded in the audit trail without passwords.
"""

from __future__ import annotations

import logging
from functools import wraps

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for

from service.domain import audit, signin_limits, users
from service.domain.accounts import AccountError, check_password, create_user
from service.domain.models import ROLES
from service.infra.db import db_session
from service.web.auth import begin_session
from service.web.officer.blueprint import bp

log = logging.getLogger(__name__)


def _sentence(exc: Exception) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


@bp.route("/account/password", methods=["GET", "POST"])
def change_password():
    """An officer's own new password: every other session of theirs ends; this browser gets a new one."""
    if request.method == "GET":
        return render_template("officer/account_password.html")
    user = g.user
    db = db_session()
    current = request.form.get("current", "")[:1024]
    new, again = request.form.get("new", "")[:2048], request.form.get("again", "")[:2048]
    error = None
    # The same bounds as signing in: a stolen session cannot guess the current password at hashing speed.
    keys = signin_limits.keys_for(user.email, request.remote_addr or "")
    wait = signin_limits.wait_minutes(db, keys, current_app.config)
    if wait:
        db.commit()
        return render_template("officer/account_password.html",
                               error=f"Too many wrong passwords. Try again in {wait} minute"
                                     f"{'s' if wait != 1 else ''}."), 429
    try:
        with signin_limits.hash_slot(current_app.config):
            if check_password(db, user.email, current) is None:
                error = "Your current password is not right."
                signin_limits.record_failure(db, keys)
                db.commit()
    except signin_limits.Busy:
        return render_template("officer/account_password.html",
                               error="The service is busy. Try again in a moment."), 503
    if error is None and new != again:
        error = "The new passwords do not match."
    if error is None:
        try:
            users.set_password(db, user.email, new, by=user, actor="officer")
        except AccountError as exc:
            error = _sentence(exc)
    if error:
        db.rollback()
        return render_template("officer/account_password.html", error=error), 400
    begin_session(db, user)
    flash("Your password is changed. Every other session of yours has ended.")
    return redirect(url_for("officer.dashboard"), code=303)


def admin_only(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.user.role != "admin":
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def _page(error: str | None = None, status: int = 200):
    rows = users.list_users(db_session())
    return render_template("officer/admin_users.html", users=rows, roles=ROLES, error=error), status


@bp.route("/users")
@admin_only
def user_list():
    return _page()


@bp.route("/users/add", methods=["POST"])
@admin_only
def user_add():
    db = db_session()
    password, again = request.form.get("password", "")[:2048], request.form.get("again", "")[:2048]
    if password != again:
        return _page("The passwords do not match.", 400)
    try:
        users.check_password_rules(password)
        user = create_user(db, request.form.get("email", "")[:254], password, request.form.get("role", ""))
    except AccountError as exc:
        db.rollback()
        return _page(_sentence(exc), 400)
    audit.record(db, "user added", user=g.user, actor="officer", target_user=user.id, role=user.role)
    db.commit()
    flash(f"{user.email} can now sign in as {user.role}.")
    return redirect(url_for("officer.user_list"), code=303)


ACTIONS = {
    "disable": (lambda db, email, form: users.disable(db, email, by=g.user, actor="officer"),
                "{email} is disabled: their sessions and API tokens have ended."),
    "enable": (lambda db, email, form: users.enable(db, email, by=g.user, actor="officer"),
               "{email} can sign in again (make new API tokens: the old ones stay revoked)."),
    "role": (lambda db, email, form: users.set_role(db, email, form.get("role", ""), by=g.user, actor="officer"),
             "{email} is now {role}."),
    "password": (lambda db, email, form: _set_password(db, email, form),
                 "{email} has a new password; their sessions have ended."),
}


def _set_password(db, email: str, form):
    if form.get("password", "")[:2048] != form.get("again", "")[:2048]:
        raise AccountError("the passwords do not match")
    return users.set_password(db, email, form.get("password", "")[:2048], by=g.user, actor="officer")


@bp.route("/users/<int:user_id>/<action>", methods=["POST"])
@admin_only
def user_change(user_id: int, action: str):
    from service.domain.models import User

    if action not in ACTIONS:
        abort(404)
    db = db_session()
    target = db.get(User, user_id)
    if target is None:
        abort(404)
    change, message = ACTIONS[action]
    try:
        user = change(db, target.email, request.form)
    except AccountError as exc:
        db.rollback()
        return _page(_sentence(exc), 400)
    email, role, myself = user.email, user.role, user.id == g.user.id
    db.commit()
    if myself and action == "password":  # their own sessions ended with it: keep this browser signed in
        begin_session(db, user)
    flash(message.format(email=email, role=role))
    if myself and (role != "admin" or action == "disable"):  # no longer an administrator: the list is 403
        return redirect(url_for("officer.dashboard"), code=303)
    return redirect(url_for("officer.user_list"), code=303)
