"""The Atom feed, the iCalendar of upcoming releases and the public JSON API: what they carry, and that
nothing withheld or unpublished is in them."""

import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from service.infra.uk_dates import LONDON
from tests.public_data import Spec, add_many

ATOM = "{http://www.w3.org/2005/Atom}"
T0 = datetime(2025, 1, 6, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def today():
    """London's date when the test starts: read per test, never at import (a run that crosses midnight saw
    yesterday's date in the papers and today's in the service)."""
    return datetime.now(LONDON).date()


@pytest.fixture
def papers(app, today):
    TODAY = today  # noqa: N806 - the date the specs are written against
    return add_many(app, [
        Spec("PCD 956", "Custody interpreting contract", published=T0, part2="withheld",
             release_on=TODAY + timedelta(days=400), summary="Award of the interpreting contract."),
        Spec("PCD 957", "Youth fund", published=T0 + timedelta(days=1), part2="released",
             release_on=date(2025, 4, 1), released_at=datetime(2025, 4, 1, 0, 0, tzinfo=timezone.utc)),
        Spec("PCD 958", "Estates review", published=T0 + timedelta(days=2), part2="withheld",
             release_on=TODAY + timedelta(days=30)),
        Spec("PCD 959", "Released today", published=T0 + timedelta(days=3), part2="withheld", release_on=TODAY),
        Spec("PCD 960", "Overdue but held", published=T0 + timedelta(days=4), part2="held",
             release_on=TODAY + timedelta(days=5)),
        Spec("PCD 961", "Under review", published=T0 + timedelta(days=5), part2="review", review_on=date(2025, 1, 1)),
        Spec("PCD 962", "Secret deferred paper", published=T0 + timedelta(days=6), part1_state="scheduled",
             publish_on=TODAY + timedelta(days=10), part2="withheld", release_on=TODAY + timedelta(days=20)),
        Spec("PCD 963", "Unpublished upload", paper_state="ready"),
    ])


def test_atom_feed_lists_publications_and_releases(app, papers):
    response = app.test_client().get("/feed.atom")
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    entries = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}id"), e.find(f"{ATOM}link").get("href"))
               for e in feed.findall(f"{ATOM}entry")]
    titles = [t for t, _, _ in entries]
    assert titles[0] == "Part 2 released: PCD 957 – Youth fund"  # 1 April 2025 is the newest event
    assert "Published: PCD 961 – Under review" in titles and "Published: PCD 956 – Custody interpreting contract" in titles
    assert len(titles) == 7 and not any("Secret deferred" in t or "Unpublished" in t for t in titles)
    assert ("Part 2 released: PCD 957 – Youth fund", "tag:localhost,2025-01-07:pcd-957/released",
            "http://localhost/decisions/pcd-957") in entries
    assert feed.findtext(f"{ATOM}updated").startswith("2025-04-01T00:00:00")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/feed.atom"
    assert b"PCD 962" not in response.data


def test_ics_lists_upcoming_releases_only(app, papers, today):
    TODAY = today  # noqa: N806
    response = app.test_client().get("/releases.ics")
    assert response.mimetype == "text/calendar"
    cal = Calendar.from_ical(response.data)
    events = [(str(e["summary"]), e.decoded("dtstart"), str(e["uid"])) for e in cal.walk("VEVENT")]
    assert events == [
        ("Part 2 of PCD 959 due for release", TODAY, "part2-release-pcd-959@localhost"),
        ("Part 2 of PCD 958 due for release", TODAY + timedelta(days=30), "part2-release-pcd-958@localhost"),
        ("Part 2 of PCD 956 due for release", TODAY + timedelta(days=400), "part2-release-pcd-956@localhost"),
    ]  # not the held one, not the deferred paper's, not the released or reviewed ones
    event = cal.walk("VEVENT")[0]
    assert event.decoded("dtend") == TODAY + timedelta(days=1)
    assert "http://localhost/decisions/pcd-959" in str(event["description"])
    assert b"PCD 962" not in response.data


def test_api_lists_decisions_with_pagination_links(app, papers):
    c = app.test_client()
    body = c.get("/api/v1/decisions?per_page=2").json
    assert [d["reference"] for d in body["decisions"]] == ["PCD 961", "PCD 960"]
    assert (body["total"], body["pages"], body["page"], body["per_page"]) == (6, 3, 1, 2)
    assert body["links"]["next"] == "http://localhost/api/v1/decisions?page=2&per_page=2"
    assert body["links"]["prev"] is None and body["links"]["last"].endswith("page=3&per_page=2")
    last = c.get(body["links"]["last"])
    assert [d["reference"] for d in last.json["decisions"]] == ["PCD 957", "PCD 956"]
    assert 'rel="prev"' in last.headers["Link"] and 'rel="next"' not in last.headers["Link"]
    missing = c.get("/api/v1/decisions?page=9&per_page=2")
    assert missing.status_code == 404 and missing.json == {"error": "page 9 does not exist: there are 3 pages"}
    assert c.get("/api/v1/decisions?per_page=1000").json["per_page"] == 100
    assert c.get("/api/v1/decisions?per_page=-3").json["per_page"] == 1


@pytest.mark.parametrize("query, refs", [
    ("q=youth", ["PCD 957"]),
    ("part2=released", ["PCD 957"]),
    ("part2=withheld&q=interpreting", ["PCD 956"]),
    ("year=2024", []),
])
def test_api_uses_the_same_search_and_filters(app, papers, query, refs):
    body = app.test_client().get(f"/api/v1/decisions?{query}").json
    assert [d["reference"] for d in body["decisions"]] == refs


def test_api_decision_says_what_is_withheld_and_links_only_public_files(app, papers, today):
    TODAY = today  # noqa: N806
    c = app.test_client()
    withheld = c.get("/api/v1/decisions/pcd-956").json
    assert withheld["part1"] == {"url": "http://localhost/decisions/pcd-956/part1.pdf",
                                 "file_name": "pcd-956-part1.pdf", "size": withheld["part1"]["size"], "pages": 1,
                                 "redactions": {"total": 2, "by_exemption": {"s40(2)": 2}, "by_page": {"1": 2},
                                                "by_type": {"PERSON": 1, "PHONE_NUMBER": 1}}}
    assert withheld["part2"] == {
        "state": "withheld", "in_file": True, "exempt_under": "section 43 (commercial interests)",
        "status": f"Withheld under section 43 (commercial interests) until "
                  f"{(TODAY + timedelta(days=400)).day} {TODAY + timedelta(days=400):%B %Y}",
        "exemptions": [{"section": "43", "title": "Commercial interests"}],
        "release_on": (TODAY + timedelta(days=400)).isoformat(), "review_on": None}
    released = c.get("/api/v1/decisions/pcd-957").json["part2"]
    assert released["state"] == "released" and released["released_on"] == "2025-04-01"
    assert released["url"] == "http://localhost/decisions/pcd-957/part2.pdf"
    held = c.get("/api/v1/decisions/pcd-960").json["part2"]
    assert held["state"] == "withheld" and "url" not in held and "until further notice" in held["status"]
    for slug in ("pcd-962", "pcd-963"):
        assert c.get(f"/api/v1/decisions/{slug}").status_code == 404


def test_api_never_exposes_internal_fields(app, papers):
    raw = app.test_client().get("/api/v1/decisions?per_page=100").get_data(as_text=True)
    for field in ("file_key", "original", "analysis", "decisions\":{", "Part 1 facts and advice", "parts/"):
        assert field not in raw
