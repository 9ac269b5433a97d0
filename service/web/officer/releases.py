"""The officers' releases page at ``/officer/releases/``: what the clock will do next, and acting first.

Lists the releases, publications and reviews due within ``UPCOMING_DAYS`` days, the review queue, held
parts and Part 2s with no date, with three actions per part: release now, extend (new date and reason)
and hold (reason). Every action is a guarded state change with its audit event
(:mod:`service.domain.part_actions`).

This blueprint is nested inside the officer blueprint, so the officer gate (``require_officer``) and the
``no-store`` header apply to every route here exactly as to the rest of ``/officer/``.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for

from redaction.dates import parse_uk_date
from scheduler import heartbeat
from service.domain import part_actions as actions
from service.domain.release import last_due_date
from service.domain.upcoming import in_state, undated, upcoming

from service.domain import approval, early_release
from service.domain.models import Part, utcnow
from service.infra.db import db_session
from service.web.officer.blueprint import bp as officer_bp

log = logging.getLogger(__name__)

bp = Blueprint("releases", __name__)

LATER_DAYS = 200 * 366  # "later": every dated part past the upcoming window


@bp.route("/")
def index():
    return _render()


@bp.route("/parts/<int:part_id>/release", methods=["POST"])
def release(part_id: int):
    if approval.required() and not _second_officer_confirms(part_id):
        return redirect(url_for(".index"), code=303)
    return _act(part_id, lambda db, part, seen, who, now: actions.release_now(
        db, part, seen, who, now, request.form.get("reason", "")),
        "{name} is public now.")


def _second_officer_confirms(part_id: int) -> bool:
    """Two-person approval: the first *Release now* only asks (see :mod:`service.domain.early_release`)."""
    db = db_session()
    part = db.get(Part, part_id)
    if part is None or part.paper is None or part.paper.state != "published":
        abort(404)
    if early_release.second_officer_confirms(db, part, request.form.get("state", ""), g.user, utcnow()):
        return True
    db.commit()
    flash(f"You asked to make {_name(part)} public now. With two-person approval another officer must also "
          "choose Release now for it within 24 hours.")
    return False


@bp.route("/parts/<int:part_id>/extend", methods=["POST"])
def extend(part_id: int):
    def do(db, part, seen, who, now):
        actions.extend(db, part, seen, who, now, new_date=_form_date(request.form.get("new_date", "")),
                       kind=request.form.get("kind", "release"), reason=request.form.get("reason", ""),
                       release_time=current_app.config["RELEASE_TIME_OF_DAY"])
    return _act(part_id, do, "{name} now waits until {date}.")


@bp.route("/parts/<int:part_id>/hold", methods=["POST"])
def hold(part_id: int):
    return _act(part_id, lambda db, part, seen, who, now: actions.hold(
        db, part, seen, who, now, request.form.get("reason", "")),
        "{name} is held: it stays withheld until an officer acts.")


def _act(part_id: int, action, message: str):
    db = db_session()
    part = db.get(Part, part_id)
    if part is None or part.paper is None or part.paper.state != "published":
        abort(404)
    seen = request.form.get("state", "")
    try:
        action(db, part, seen, actions.Officer(g.user.id), utcnow())
    except actions.ActionRefused as exc:
        db.rollback()
        return _render(error=exc.message, status=exc.status, failed_part=part_id)
    flash(message.format(name=_name(part), date=_next_date_text(part)))
    return redirect(url_for(".index"), code=303)


def _form_date(value: str) -> date:
    """``2026-04-01`` (a date field) or ``01/04/2026`` (typed, day first)."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parse_uk_date(value)
    except ValueError:
        raise actions.ActionRefused("Enter the new date as a day, month and year, for example 01/04/2026.") \
            from None


def _name(part: Part) -> str:
    return f"Part {part.number} of {part.paper.reference or part.paper.title or f'paper {part.paper_id}'}"


def _next_date_text(part: Part) -> str:
    day = part.publish_on if part.number == 1 else (part.review_on or part.release_on)
    return f"{day.day} {day:%B %Y}, {current_app.config['RELEASE_TIME']} London time" if day else "an officer acts"


def _render(error: str | None = None, status: int = 200, failed_part: int | None = None):
    cfg = current_app.config
    release_time = cfg["RELEASE_TIME_OF_DAY"]
    now = utcnow()
    db = db_session()
    days = int(cfg["UPCOMING_DAYS"])
    # Everything dated, split at the window, so a part extended beyond it never drops out of sight.
    window_end = last_due_date(now, release_time) + timedelta(days=days)
    dated = upcoming(db, now, LATER_DAYS, release_time)
    beat = heartbeat.read(cfg["DATA_DIR"])
    page = render_template(
        "officer/releases.html", days=days, error=error, failed_part=failed_part, form=request.form,
        upcoming=[u for u in dated if u.day <= window_end], later=[u for u in dated if u.day > window_end],
        review=in_state(db, "review"),
        held=in_state(db, "held"), undated=undated(db),
        min_date=(last_due_date(now, release_time) + timedelta(days=1)).isoformat(),
        release_time=release_time.strftime("%H:%M"), beat=beat,
        beat_fresh=heartbeat.is_fresh(cfg["DATA_DIR"], now), scheduler_here=cfg["SCHEDULER"] == "on")
    return page, status


# Nested once, at import (as officer.py imports review): the officer gate covers /officer/releases/.
officer_bp.register_blueprint(bp, url_prefix="/releases")
