"""The officers' releases page: what is due in the next days, the review queue, held and undated parts,
and release now / extend / hold as guarded changes with their reasons in the audit trail."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from scheduler import heartbeat
from service.domain.release import last_due_date
from service.domain.models import utcnow
from tests.conftest import post_form, sign_in
from tests.release_helpers import events, part, publish_parts

PAGE = "/officer/releases/"


def today():
    return last_due_date(utcnow())


def section(html: str, heading_id: str) -> str:
    """The HTML from one section's heading to the next heading of the same level."""
    match = re.search(rf'<h2 id="{heading_id}">(.*?)(?=<h2 |\Z)', html, re.S)
    return match.group(1) if match else ""


@pytest.fixture
def parts(app):
    t = today()
    return {
        "soon": publish_parts(app, part2={"release_on": t + timedelta(days=3)}, reference="PCD 101")[0],
        "far": publish_parts(app, part2={"release_on": t + timedelta(days=20)}, reference="PCD 102")[0],
        "review_soon": publish_parts(app, part2={"review_on": t + timedelta(days=5)}, reference="PCD 103")[0],
        "deferred": publish_parts(app, part1={"state": "scheduled", "publish_on": t + timedelta(days=1)},
                                  reference="PCD 104")[0],
        "queued": publish_parts(app, part2={"state": "review", "review_on": t}, reference="PCD 105")[0],
        "held": publish_parts(app, part2={"state": "held"}, reference="PCD 106")[0],
        "undated": publish_parts(app, part2={}, reference="PCD 107")[0],
    }


def test_page_lists_what_is_coming_and_what_waits_for_an_officer(client, parts):
    html = client.get(PAGE).get_data(as_text=True)
    upcoming = section(html, "upcoming")
    assert "Due in the next 14 days" in upcoming
    assert upcoming.index("PCD 104") < upcoming.index("PCD 101") < upcoming.index("PCD 103")  # soonest first
    assert "PCD 102" not in upcoming                  # 20 days away: not yet, but listed as later
    assert "PCD 102" in section(html, "later") and 'href="#later"' in upcoming
    assert "Will be published" in upcoming and "Will be released" in upcoming
    assert "Will go to the review queue" in upcoming
    assert "PCD 105" in section(html, "review") and "PCD 106" in section(html, "held")
    assert "PCD 107" in section(html, "undated")
    assert "The release scheduler is not running" in html   # no heartbeat in this data folder


def test_upcoming_days_is_configurable(make_app):
    app = make_app(UPCOMING_DAYS=30)
    from tests.conftest import add_user

    add_user(app)
    publish_parts(app, part2={"release_on": today() + timedelta(days=20)}, reference="PCD 102")
    c = app.test_client()
    sign_in(c)
    html = c.get(PAGE).get_data(as_text=True)
    assert "Due in the next 30 days" in html and "PCD 102" in section(html, "upcoming")


def test_fresh_heartbeat_shows_when_the_scheduler_last_ran(client, app):
    now = utcnow()
    heartbeat.beat(app.config["DATA_DIR"], mode="process", started_at=now, now=now, changed=0, planned=0)
    html = client.get(PAGE).get_data(as_text=True)
    assert "The release scheduler last ran" in html and "not running" not in html


def _act(client, part_id: int, action: str, **form):
    return post_form(client, f"/officer/releases/parts/{part_id}/{action}", form, page=PAGE)


@pytest.mark.parametrize("key, number, state, action", [
    ("soon", 2, "released", "part 2 released by an officer"),
    ("queued", 2, "released", "part 2 released by an officer"),
    ("held", 2, "released", "part 2 released by an officer"),
    ("deferred", 1, "published", "part 1 published by an officer"),
])
def test_release_now(client, app, parts, key, number, state, action):
    ids = parts[key]
    start = part(app, ids[number]).state
    r = _act(client, ids[number], "release", state=start, reason="")
    assert r.status_code == 303
    p = part(app, ids[number])
    assert p.state == state and p.released_at is not None
    [event] = events(app, ids["paper"])
    assert event.action == action and event.user_id is not None and event.details["from"] == start
    assert "is public now" in client.get(PAGE).get_data(as_text=True)


def test_extend_records_the_new_date_and_reason(client, app, parts):
    ids = parts["soon"]
    old = part(app, ids[2]).release_on
    new = today() + timedelta(days=40)
    r = _act(client, ids[2], "extend", state="withheld", new_date=new.isoformat(), kind="release",
             reason="Contract signing moved to the spring")
    assert r.status_code == 303
    p = part(app, ids[2])
    assert (p.state, p.release_on, p.review_on) == ("withheld", new, None)
    [event] = events(app, ids["paper"])
    assert event.action == "part 2 extended"
    assert event.details == {"part_id": ids[2], "from": "withheld", "state": "withheld",
                             "old_release_on": old.isoformat(), "old_review_on": None,
                             "new_date": new.isoformat(), "kind": "release",
                             "reason": "Contract signing moved to the spring"}
    history = client.get(f"/officer/papers/{ids['paper']}/audit").get_data(as_text=True)
    assert "Contract signing moved to the spring" in history


def test_extend_from_the_review_queue_to_a_new_review_date_typed_day_first(client, app, parts):
    ids = parts["queued"]
    new = today() + timedelta(days=90)
    r = _act(client, ids[2], "extend", state="review", new_date=new.strftime("%d/%m/%Y"), kind="review",
             reason="Investigation still open")
    assert r.status_code == 303
    p = part(app, ids[2])
    assert (p.state, p.release_on, p.review_on) == ("withheld", None, new)


def test_extend_a_deferred_part1(client, app, parts):
    ids = parts["deferred"]
    new = today() + timedelta(days=10)
    assert _act(client, ids[1], "extend", state="scheduled", new_date=new.isoformat(), reason="Board asked").status_code == 303
    assert (part(app, ids[1]).state, part(app, ids[1]).publish_on) == ("scheduled", new)


@pytest.mark.parametrize("new_date, reason, message", [
    ("today", "A good reason", "Choose a date after today"),
    ("yesterday", "A good reason", "Choose a date after today"),
    ("31/02/2031", "A good reason", "Enter the new date"),
    ("next week", "A good reason", "Enter the new date"),
    ("future", "", "Give a reason"),
    ("future", "x" * 501, "under 500 characters"),
    ("far", "A good reason", "within 50 years"),
])
def test_extend_refuses_bad_input(client, app, parts, new_date, reason, message):
    t = today()
    value = {"today": t.isoformat(), "yesterday": (t - timedelta(days=1)).isoformat(),
             "future": (t + timedelta(days=9)).isoformat(), "far": t.replace(year=t.year + 60).isoformat()
             }.get(new_date, new_date)
    ids = parts["soon"]
    r = _act(client, ids[2], "extend", state="withheld", new_date=value, kind="release", reason=reason)
    page = r.get_data(as_text=True)
    assert r.status_code == 400 and message in page
    assert not reason or reason in page                   # what the officer typed is kept
    assert part(app, ids[2]).release_on == t + timedelta(days=3) and events(app, ids["paper"]) == []


def test_hold_keeps_part2_withheld_with_a_reason(client, app, parts):
    ids = parts["soon"]
    assert _act(client, ids[2], "hold", state="withheld", reason="").status_code == 400
    r = _act(client, ids[2], "hold", state="withheld", reason="Awaiting legal advice")
    assert r.status_code == 303 and part(app, ids[2]).state == "held"
    [event] = events(app, ids["paper"])
    assert event.action == "part 2 held" and event.details["reason"] == "Awaiting legal advice"
    assert "PCD 101" in section(client.get(PAGE).get_data(as_text=True), "held")


@pytest.mark.parametrize("key, number, action, seen", [
    ("deferred", 1, "hold", "scheduled"),     # Part 1 cannot be held
    ("held", 2, "hold", "held"),              # already held
    ("soon", 2, "release", "released"),       # a state the form never shows
])
def test_actions_not_allowed_from_a_state_are_refused(client, app, parts, key, number, action, seen):
    ids = parts[key]
    before = part(app, ids[number]).state
    r = _act(client, ids[number], action, state=seen, reason="A good reason")
    assert r.status_code == 409 and part(app, ids[number]).state == before and events(app, ids["paper"]) == []


def test_a_stale_page_changes_nothing(client, app, parts):
    """The scheduler (or another officer) released the part after the page was shown."""
    ids = parts["soon"]
    assert _act(client, ids[2], "release", state="withheld").status_code == 303
    r = _act(client, ids[2], "hold", state="withheld", reason="Too late")
    assert r.status_code == 409 and "changed since the page was shown" in r.get_data(as_text=True)
    assert part(app, ids[2]).state == "released" and len(events(app, ids["paper"])) == 1


def test_unknown_parts_and_missing_csrf(client, app, parts):
    assert _act(client, 9999, "release", state="withheld").status_code == 404
    r = client.post(f"/officer/releases/parts/{parts['soon'][2]}/release", data={"state": "withheld"})
    assert r.status_code == 400 and part(app, parts["soon"][2]).state == "withheld"


def test_anonymous_visitors_are_refused(app, parts):
    anonymous = app.test_client()
    r = anonymous.get(PAGE)
    assert r.status_code == 302 and "/sign-in" in r.headers["Location"]
    token = re.search(r'name="csrf_token" value="([^"]+)"', anonymous.get("/sign-in").get_data(as_text=True))[1]
    r = anonymous.post(f"/officer/releases/parts/{parts['soon'][2]}/release",
                       data={"state": "withheld", "csrf_token": token})
    assert r.status_code == 401 and part(app, parts["soon"][2]).state == "withheld"


def test_page_is_not_cached(client):
    assert client.get(PAGE).headers["Cache-Control"] == "no-store"
