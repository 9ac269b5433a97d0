"""The publication plan (issue 17): one library call says what will be published — where Part 2 starts, the
dates, the exemptions and the redaction counts — and the service stores and shows its result without
working any of it out again. The library's rules are a table; the service's pages, preview, redaction
schedule, approval and publication are shown to follow whatever plan the library gives them."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from redaction import publication
from redaction.decisions import Decisions
from redaction.publication import PublicationPlan, plan

from service.domain import publishing
from service.domain.models import Paper
from tests.conftest import add_user, make_token, part2_paper, post_form
from tests.test_service_flow import paper_row, upload

# --- the library's rules -----------------------------------------------------------------------------

def finding(fid: str, page: int, top: float, kind: str = "PERSON", action: str = "redact", **extra) -> dict:
    return {"id": fid, "type": kind, "text": "x", "page": page, "part": 1, "action": action, "reason": "",
            "score": 1.0, "boxes": [[72.0, top - 12, 150.0, top]], **extra}


PART2 = {"start": {"page": 2, "y": 500.0}, "pages": [2, 3], "in_file": True, "release_on": "2030-04-01",
         "review_on": None, "exemptions": [{"section": "43", "title": "Commercial interests", "until": "2030-04-01",
                                            "review": None, "text": "exempt until 01/04/2030"}]}
FINDINGS = [finding("a", 1, 700), finding("b", 2, 600, "PHONE_NUMBER"), finding("c", 2, 400),
            finding("d", 3, 300, "EMAIL_ADDRESS", exemption="s31"), finding("e", 1, 650, action="keep")]


def analysis(part2=PART2, deferred_until=None, personal_data=FINDINGS) -> dict:
    return {"file": "paper.pdf", "pages": 3, "part1": {"pages": [1, 2], "deferred_until": deferred_until},
            "part2": part2, "personal_data": personal_data, "needs_confirmation": [], "warnings": []}


OFFICER_READ = {"start_by": "officer", "start": {"page": 3, "y": 200.0}, "release_on": "2031-06-30",
                "review_on": None, "exemptions": [{"section": "31", "title": "Law enforcement",
                                                   "until": "2031-06-30", "review": None, "text": "t"}]}

# (name, analysis, decisions, officer_part2, expected fields)
RULES = [
    ("as analysed", analysis(), {}, None,
     {"has_part2": True, "part2_referenced": False, "part2_start": {"page": 2, "y": 500.0},
      "part2_start_by": "analysis", "release_on": date(2030, 4, 1), "review_on": None, "deferred_until": None}),
    ("no Part 2 in the paper", analysis(part2=None, deferred_until="2026-01-31"), {}, None,
     {"has_part2": False, "part2_referenced": False, "part2_start": None, "part2_start_by": None,
      "deferred_until": date(2026, 1, 31), "release_on": None}),
    ("the officer says there is none", analysis(), {"part2_start": None}, None,
     {"has_part2": False, "part2_referenced": False, "part2_start": None}),
    ("referred to only", analysis(part2={**PART2, "start": None, "in_file": False, "pages": []}), {}, None,
     {"has_part2": False, "part2_referenced": True, "release_on": date(2030, 4, 1)}),
    ("the officer's dates win", analysis(), {"release_on": "2032-01-31", "review_on": None,
                                             "deferred_until": "2027-05-01"}, None,
     {"release_on": date(2032, 1, 31), "review_on": None, "deferred_until": date(2027, 5, 1)}),
    ("an officer's start: dates read after it", analysis(), {"part2_start": {"page": 3, "y": 200.0}}, OFFICER_READ,
     {"part2_start": {"page": 3, "y": 200.0}, "part2_start_by": "officer", "release_on": date(2031, 6, 30),
      "exemptions": [{"section": "31", "title": "Law enforcement", "until": "2031-06-30", "review": None}]}),
    ("an officer's start and date", analysis(), {"part2_start": {"page": 3, "y": 200.0}, "release_on": "2033-03-03"},
     OFFICER_READ, {"release_on": date(2033, 3, 3)}),
    ("a report's Part 2 read by the analysis is not the officer's", analysis(), {}, {**OFFICER_READ, "start_by": None},
     {"release_on": date(2030, 4, 1), "exemptions": [{"section": "43", "title": "Commercial interests",
                                                      "until": "2030-04-01", "review": None}]}),
]


@pytest.mark.parametrize("name, a, d, read, expected", RULES, ids=[r[0] for r in RULES])
def test_the_plan_of_an_analysis_and_the_officers_decisions(name, a, d, read, expected):
    got = plan(a, d, officer_part2=read)
    assert {k: getattr(got, k) for k in expected} == expected
    assert PublicationPlan.from_dict(got.to_dict()) == got  # what a report carries reads back the same


# (decisions, expected counts): one per item an officer approved for redaction, never per box
COUNTS = [
    ({}, {"part1": {"total": 2, "by_type": {"PERSON": 1, "PHONE_NUMBER": 1}, "by_exemption": {"s40(2)": 2},
                    "by_page": {"1": 1, "2": 1}, "texts": 0},
          "part2": {"total": 2, "by_type": {"PERSON": 1, "EMAIL_ADDRESS": 1},
                    "by_exemption": {"s40(2)": 1, "s31": 1}, "by_page": {"1": 1, "2": 1}, "texts": 0}, "total": 4}),
    ({"items": {"a": "keep", "e": "redact"}, "redact_texts": ["Nightjar", "Swiftvial"],
      "boxes": [{"page": 3, "box": [10, 10, 50, 50]}, {"page": 1, "box": [10, 10, 50, 50], "exemption": "s43"}]},
     {"part1": {"total": 3, "by_type": {"PERSON": 1, "PHONE_NUMBER": 1, "AREA": 1},
                "by_exemption": {"s40(2)": 2, "s43": 1}, "by_page": {"1": 2, "2": 1}, "texts": 2},
      "part2": {"total": 3, "by_type": {"PERSON": 1, "EMAIL_ADDRESS": 1, "AREA": 1},
                "by_exemption": {"s40(2)": 2, "s31": 1}, "by_page": {"1": 1, "2": 2}, "texts": 2}, "total": 6}),
    ({"part2_start": None}, {"part1": {"total": 4, "by_type": {"PERSON": 2, "PHONE_NUMBER": 1, "EMAIL_ADDRESS": 1},
                                       "by_exemption": {"s40(2)": 3, "s31": 1}, "by_page": {"1": 1, "2": 2, "3": 1},
                                       "texts": 0},
                             "part2": {"total": 0, "by_type": {}, "by_exemption": {}, "by_page": {}, "texts": 0},
                             "total": 4}),
]


@pytest.mark.parametrize("decisions, expected", COUNTS)
def test_the_redaction_counts(decisions, expected):
    assert plan(analysis(), decisions).redactions == expected


@pytest.mark.parametrize("data", [
    {}, {"part2_start": None}, {"part2_start": {"page": 2, "y": 300.5, "x": 320.0}, "release_on": None},
    {"items": {"a": "keep"}, "redact_texts": ["Nightjar"], "boxes": [{"page": 1, "box": [1, 2, 3, 4]}],
     "confirmed": ["image_pages"], "deferred_until": "2026-01-31"},
])
def test_decisions_read_back_give_the_same_plan(data):
    """redact() plans from its Decisions object; the service from the JSON it stored: one plan."""
    assert plan(analysis(), Decisions.from_dict(data).to_dict()) == plan(analysis(), data)


# --- the service follows the library's plan ---------------------------------------------------------------

EMPTY = publication.empty_counts()
FAKE_PLANS = {
    "part 2 from the top of page 1": PublicationPlan(
        has_part2=True, part2_referenced=False, part2_start={"page": 1, "y": 10000.0}, part2_start_by="officer",
        deferred_until=date(2090, 2, 28), release_on=date(2091, 3, 1), review_on=None,
        exemptions=[{"section": "31", "title": "Law enforcement", "until": "2091-03-01", "review": None}],
        redactions={"part1": {**EMPTY, "total": 7, "by_type": {"PERSON": 7}, "texts": 0},
                    "part2": {**EMPTY, "total": 2, "by_type": {"AREA": 2}, "texts": 0}, "total": 9}),
    "no part 2": PublicationPlan(
        has_part2=False, part2_referenced=False, part2_start=None, part2_start_by=None,
        deferred_until=None, release_on=date(2092, 5, 6), review_on=date(2093, 1, 1), exemptions=[],
        redactions={"part1": {**EMPTY, "total": 1, "by_type": {"SIGNATURE": 1}, "texts": 0},
                    "part2": {**EMPTY, "texts": 0}, "total": 1}),
}


@pytest.fixture(params=sorted(FAKE_PLANS))
def fake(request, monkeypatch):
    """The library's plan replaced by a fixed one: whatever the service shows must be it."""
    chosen = FAKE_PLANS[request.param]
    monkeypatch.setattr(publication, "plan", lambda analysis, decisions=None, officer_part2=None: chosen)
    return chosen


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def test_the_review_page_shows_the_librarys_plan(client, app, part2_pdf, fake):
    upload(client, app, part2_pdf)
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    for name in ("deferred_until", "release_on", "review_on"):
        assert f'id="{name}" name="{name}" type="date" value="{_day(getattr(fake, name))}"' in html
    assert ('class="part2-line"' in html) is fake.has_part2


def test_the_preview_page_shows_the_librarys_plan_then_the_previews(client, app, part2_pdf, fake):
    upload(client, app, part2_pdf)
    with app.extensions["foia.db"].session() as db:
        paper = db.get(Paper, 1)
        stored = FAKE_PLANS["no part 2" if fake.has_part2 else "part 2 from the top of page 1"]
        paper.preview = {"state": "ready", "decisions_hash": publishing.decisions_hash(paper.decisions),
                         "part1_pages": 1, "part2_pages": 1, "part1_size": 10, "part2_size": 10,
                         "redactions": stored.redactions, "publication": stored.to_dict()}
        db.commit()
    html = client.get("/officer/papers/1/preview").get_data(as_text=True)
    # the preview is of these decisions: its own plan (the redaction's report), not a new one
    scheduled = "Scheduled: published on 28 February 2090" in html
    assert scheduled is (stored.deferred_until is not None)
    from service.domain.redaction_words import to_remove_phrase  # each part's counts in words
    assert f"{to_remove_phrase(stored.redactions['part1'])}." in html
    with app.extensions["foia.db"].session() as db:
        db.get(Paper, 1).preview = {**db.get(Paper, 1).preview, "decisions_hash": "older"}
        db.commit()
    html = client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert ("Scheduled: published on 28 February 2090" in html) is (fake.deferred_until is not None)


def test_the_redaction_schedule_places_entries_by_the_librarys_plan(client, app, part2_pdf, fake):
    upload(client, app, part2_pdf)
    text = client.get("/officer/papers/1/redactions.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        assert (int(row["Part"]), int(row["Page of part"])) == fake.part_of(int(row["Page"]), 0.0)


def _report_says(monkeypatch, chosen: PublicationPlan) -> None:
    """The real redaction (files verified), its report's plan replaced by ``chosen``; the library's plan
    itself must not be asked again."""
    real = publishing._redact

    def redacted(paper):
        result = real(paper)
        result.report["publication"] = chosen.to_dict()
        return result

    def never(*args, **kwargs):
        raise AssertionError("publication worked out the plan again")

    monkeypatch.setattr(publishing, "_redact", redacted)
    monkeypatch.setattr(publication, "plan", never)


def _assert_stored(app, chosen: PublicationPlan, paper_id: int = 1) -> None:
    paper = paper_row(app, paper_id)
    p1, p2 = paper.part(1), paper.part(2)
    assert p1.publish_on == chosen.deferred_until and p1.redactions == chosen.redactions["part1"]
    assert p1.state == ("scheduled" if chosen.deferred_until else "published")
    assert p2.release_on == chosen.release_on and p2.review_on == chosen.review_on
    assert p2.exemptions == chosen.exemptions and p2.redactions == chosen.redactions["part2"]


@pytest.mark.parametrize("name", sorted(FAKE_PLANS))
def test_publication_stores_the_redaction_reports_plan(client, app, redact_available, monkeypatch, name):
    chosen = FAKE_PLANS[name]
    upload(client, app, part2_paper())
    _report_says(monkeypatch, chosen)
    assert post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review").status_code == 303
    _assert_stored(app, chosen)


@pytest.mark.parametrize("name", sorted(FAKE_PLANS))
def test_an_approved_publication_stores_the_librarys_plan(make_app, redact_available, monkeypatch, name):
    chosen = FAKE_PLANS[name]
    app = make_app(APPROVAL="two-person")
    tokens = {}
    for email in ("asker@example.org", "approver@example.org"):
        add_user(app, email)
        tokens[email] = make_token(app, email)
    client = app.test_client()

    def call(who, method, url, **kwargs):
        return client.open(url, method=method, headers={"Authorization": f"Bearer {tokens[who]}"}, **kwargs)

    r = call("asker@example.org", "POST", "/api/v1/papers",
             data={"file": (io.BytesIO(part2_paper()), "paper.pdf")}, content_type="multipart/form-data")
    assert r.status_code == 201, r.json
    paper = r.json["id"]
    asked = call("asker@example.org", "POST", f"/api/v1/papers/{paper}/publish", json={})
    assert asked.status_code == 202, asked.json
    # the approved files keep the report's Part 2 only: the plan is the library's for the same analysis,
    # decisions and Part 2 (the request is bound to them)
    seen = []
    monkeypatch.setattr(publication, "plan",
                        lambda analysis, decisions=None, officer_part2=None: seen.append(officer_part2) or chosen)
    r = call("approver@example.org", "POST", f"/api/v1/papers/{paper}/approve",
             json={"request": asked.json["approval"]["request"]})
    assert r.status_code == 200, r.json
    assert r.json["part1"]["publish_on"] == (chosen.deferred_until.isoformat() if chosen.deferred_until else None)
    assert r.json["part2"]["release_on"] == chosen.release_on.isoformat()
    assert seen
    _assert_stored(app, chosen, paper)


def test_a_preview_stores_the_redactions_own_plan(client, app, redact_available):
    """The real library end to end: the preview keeps the plan redact() reported, which is the plan of the
    analysis and the officer's decisions."""
    upload(client, app, part2_paper())
    assert post_form(client, "/officer/papers/1/preview", page="/officer/papers/1/preview").status_code == 303
    app.extensions["foia.worker"].drain()
    paper = paper_row(app)
    assert paper.preview["state"] == "ready", paper.preview
    expected = plan(paper.analysis, paper.decisions or {}).to_dict()
    assert paper.preview["publication"] == expected
    assert paper.preview["redactions"] == expected["redactions"] and expected["redactions"]["total"] >= 1
