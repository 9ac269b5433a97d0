"""Second-officer approval (FOIA_APPROVAL=two-person) end to end through the API and the officer pages, on
SQLite and PostgreSQL: nothing is published on one officer's word, the approver gets exactly the files that
are published, any change after the request needs a new one, and a paper can be returned with a note."""

from __future__ import annotations

import hashlib
import io

import pytest

from tests.conftest import BACKENDS, _app_on, add_user, make_token, need, part2_paper, post_form, sign_in
from tests.textpdf import text_pdf

ASKER, APPROVER = "asker@example.org", "approver@example.org"


@pytest.fixture(scope="module", params=BACKENDS)
def two(request, tmp_path_factory):
    """Two officers with API tokens on one app with two-person approval (shared by the module: each test
    uploads papers of its own); ``two(who, method, url)``."""
    try:
        from redaction.redact import redact  # noqa: F401
    except ImportError:
        need(False, "redaction.redact is not available yet")
    with _app_on(request.param, tmp_path_factory.mktemp("approval"), APPROVAL="two-person") as app:
        tokens = {}
        for email in (ASKER, APPROVER):
            add_user(app, email)
            tokens[email] = make_token(app, email)
        client = app.test_client()

        def call(who: str, method: str, url: str, **kwargs):
            return client.open(url, method=method, headers={"Authorization": f"Bearer {tokens[who]}"}, **kwargs)

        call.app = app
        yield call


REFERENCES = iter(range(9100, 9999))


def small_paper() -> tuple[bytes, str]:
    """A one-page paper with a reference of its own (a published reference is not published again)."""
    n = next(REFERENCES)
    return text_pdf(f"Decision – PCD {n}\n"
                    "Title: Funding for the Riverside Youth Project\n"
                    "The project lead, Jane Hollowell, can be reached on 020 7946 0123.\n"
                    "Part 1 of this approval to be deferred? NO\n"
                    "Is there a Part 2 form? NO\n"), f"pcd-{n}"


def upload(two, data: bytes) -> int:
    r = two(ASKER, "POST", "/api/v1/papers", data={"file": (io.BytesIO(data), "paper.pdf")},
            content_type="multipart/form-data")
    assert r.status_code == 201, r.json
    return r.json["id"]


def ask(two, paper: int, who: str = ASKER, **decisions) -> dict:
    r = two(who, "POST", f"/api/v1/papers/{paper}/publish", json=decisions)
    assert r.status_code == 202, r.json
    assert r.json["state"] == "awaiting_approval"
    return r.json["approval"]


def events(app, paper: int) -> list[str]:
    from sqlalchemy import select

    from service.domain.models import AuditEvent

    with app.extensions["foia.db"].session() as db:
        return list(db.scalars(select(AuditEvent.action).where(AuditEvent.paper_id == paper).order_by(AuditEvent.id)))


def test_publishing_waits_for_another_officer_who_gets_exactly_the_published_files(two):
    paper = upload(two, part2_paper(until="01/04/2030"))
    request = ask(two, paper)
    assert request["current"] and set(request["files"]) == {"part1", "part2"}
    got = two(ASKER, "GET", f"/api/v1/papers/{paper}").json
    assert got["state"] == "awaiting_approval" and got["approval"]["requested_by"] == ASKER
    client = two.app.test_client()
    assert client.get("/decisions/pcd-912").status_code == 404  # nothing public on one officer's word

    files = {}
    for n in (1, 2):
        r = two(APPROVER, "GET", f"/api/v1/papers/{paper}/approval/part{n}.pdf")
        assert r.status_code == 200 and r.mimetype == "application/pdf"
        assert r.headers["Cache-Control"] == "no-store"  # a Part 2 not public yet is never kept by a cache
        files[n] = r.data
        assert hashlib.sha256(r.data).hexdigest() == request["files"][f"part{n}"]["sha256"]
        assert b"Hollowell" not in r.data

    refused = two(ASKER, "POST", f"/api/v1/papers/{paper}/approve")
    assert refused.status_code == 403 and "another officer" in refused.json["error"]
    r = two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve", json={"request": request["request"]})
    assert r.status_code == 200, r.json
    assert r.json["slug"] == "pcd-912" and r.json["part1"]["state"] == "published"
    assert r.json["part2"]["state"] == "withheld"
    public = client.get("/decisions/pcd-912/part1.pdf")
    assert public.status_code == 200 and public.data == files[1]  # the very bytes approved
    from service.domain.models import Paper

    with two.app.extensions["foia.db"].session() as db:
        stored = db.get(Paper, paper)
        assert two.app.extensions["foia.storage"].read(stored.part(2).file_key) == files[2]
    again = two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve")
    assert again.status_code == 409
    assert two(APPROVER, "GET", f"/api/v1/papers/{paper}").json["approval"]["state"] == "approved"
    assert events(two.app, paper)[-3:] == ["approval requested", "publication approved", "published"]
    # the redaction schedule names who accepted the proposals (the officer who asked) and who approved
    # (QA of issue 14: it named the approver alone, as if they had decided)
    rows = two(ASKER, "GET", f"/api/v1/papers/{paper}/redactions").json["redactions"]
    assert rows and {r["decided_by"] for r in rows} == {
        f"{ASKER} (the service's proposal, accepted when publication was asked for; approved by {APPROVER})"}
    twin = upload(two, part2_paper(until="01/04/2030"))  # the same decision again: refused before anyone is asked
    refused = two(ASKER, "POST", f"/api/v1/papers/{twin}/publish")
    assert refused.status_code == 409 and two(ASKER, "GET", f"/api/v1/papers/{twin}").json["approval"] is None


def _change_decisions(two, paper):
    from service.domain.models import Paper

    with two.app.extensions["foia.db"].session() as db:  # what the review form saves
        p = db.get(Paper, paper)
        p.decisions = {**(p.decisions or {}), "redact_texts": ["Riverside Youth"]}
        db.commit()


def _change_title(two, paper):
    client = two.app.test_client()
    sign_in(client, APPROVER)
    page = f"/officer/papers/{paper}/review"
    reference = two(APPROVER, "GET", f"/api/v1/papers/{paper}").json["reference"]
    r = post_form(client, page, {"title": "Funding for the youth project", "reference": reference,
                                 "part2_mode": "analysed"}, page=page)
    assert r.status_code == 303


def _analyse_again(two, paper):
    r = two(APPROVER, "POST", f"/api/v1/papers/{paper}/analyse")
    assert r.status_code == 200 and r.json["state"] == "ready"


@pytest.mark.parametrize("change", [_change_decisions, _change_title, _analyse_again],
                         ids=["decisions", "details", "new-analysis"])
def test_any_change_after_the_request_needs_a_new_approval(two, change):
    data, slug = small_paper()
    paper = upload(two, data)
    first = ask(two, paper)
    change(two, paper)
    got = two(APPROVER, "GET", f"/api/v1/papers/{paper}").json
    assert got["state"] == "ready" and got["approval"]["current"] is False
    r = two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve")
    assert r.status_code == 409 and "asked for again" in r.json["error"]
    assert two.app.test_client().get(f"/decisions/{slug}").status_code == 404
    approver = two.app.test_client()
    sign_in(approver, APPROVER)
    page = approver.get(f"/officer/papers/{paper}/review").get_data(as_text=True)
    # the out-of-date files are not offered as "exactly the files that will be published" (they may be gone)
    assert "will not be published" in page and "exactly the files" not in page
    assert "/approval/part1.pdf" not in page and "Approve and publish" not in page
    second = ask(two, paper)  # asking again replaces the old request
    assert second["request"] != first["request"]
    stale = two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve", json={"request": first["request"]})
    assert stale.status_code == 409 and "newer request" in stale.json["error"]
    assert two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve").status_code == 200


def test_a_change_saved_while_the_approval_runs_is_not_published_past(two, monkeypatch):
    """The decisions were checked, then saved by another officer while the approved files were read back:
    the approval went on and published, and the paper's decisions no longer said what was published."""
    from service.domain import approval
    from service.domain.models import Paper

    data, slug = small_paper()
    paper = upload(two, data)
    ask(two, paper)
    read_back = approval._verified_files

    def and_meanwhile(db, *args):
        files = read_back(db, *args)
        with two.app.extensions["foia.db"].session() as other:
            row = other.get(Paper, paper)
            row.decisions = {**(row.decisions or {}), "deferred_until": "2030-01-01"}
            other.commit()
        return files

    monkeypatch.setattr(approval, "_verified_files", and_meanwhile)
    r = two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve")
    assert r.status_code == 409 and "asked for again" in r.json["error"]
    got = two(APPROVER, "GET", f"/api/v1/papers/{paper}").json
    assert got["state"] == "ready" and got["approval"]["state"] == "awaiting"
    assert two.app.test_client().get(f"/decisions/{slug}").status_code == 404


def test_files_changed_on_disk_are_never_published(two):
    data, slug = small_paper()
    paper = upload(two, data)
    ask(two, paper)
    from service.domain.models import ApprovalRequest

    with two.app.extensions["foia.db"].session() as db:
        req = db.query(ApprovalRequest).filter_by(paper_id=paper, state="awaiting").one()
        two.app.extensions["foia.storage"].write(req.files["1"]["key"], b"%PDF-1.7 something else")
    r = two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve")
    assert r.status_code == 409 and "nothing was published" in r.json["error"]
    got = two(APPROVER, "GET", f"/api/v1/papers/{paper}").json
    assert got["state"] == "ready" and got["approval"]["state"] == "failed"
    assert "approval stopped" in events(two.app, paper)


@pytest.mark.parametrize("who, note, status, state", [
    (APPROVER, "Page 1: the project lead's name is still there.", 200, "returned"),
    (APPROVER, "", 400, "awaiting"),          # returning needs a note
    (APPROVER, "x" * 2001, 400, "awaiting"),
    (ASKER, "", 200, "withdrawn"),            # the asker may withdraw without one
])
def test_return_with_a_note_or_withdraw(two, who, note, status, state):
    data, slug = small_paper()
    paper = upload(two, data)
    ask(two, paper)
    r = two(who, "POST", f"/api/v1/papers/{paper}/return", json={"note": note})
    assert r.status_code == status, r.json
    got = two(ASKER, "GET", f"/api/v1/papers/{paper}").json["approval"]
    assert got["state"] == state
    if state == "returned":
        assert got["note"] == note and got["decided_by"] == APPROVER
        assert "Hollowell" not in str(events(two.app, paper))  # the note stays off the trail
        assert two(APPROVER, "POST", f"/api/v1/papers/{paper}/approve").status_code == 409


def test_publish_is_refused_without_approval_even_by_direct_call(two):
    from service.domain import publishing
    from service.domain.models import Paper, User

    paper = upload(two, small_paper()[0])
    with two.app.test_request_context(), two.app.extensions["foia.db"].session() as db:
        with pytest.raises(publishing.PublishError) as refused:
            publishing.publish(db, db.get(Paper, paper), db.query(User).first(), actor="api")
    assert refused.value.code == "approval_needed"


def test_officer_pages_ask_and_approve(two):
    data, slug = small_paper()
    paper = upload(two, data)
    asker, approver = two.app.test_client(), two.app.test_client()
    sign_in(asker, ASKER)
    sign_in(approver, APPROVER)
    preview = f"/officer/papers/{paper}/preview"
    r = post_form(asker, f"/officer/papers/{paper}/publish", page=preview)
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/officer/papers/{paper}/review#approval")
    mine = asker.get(f"/officer/papers/{paper}/review").get_data(as_text=True)
    assert "another officer must approve it" in mine and "Approve and publish" not in mine
    page = approver.get(f"/officer/papers/{paper}/review").get_data(as_text=True)
    assert "Approve and publish" in page and f"/officer/papers/{paper}/approval/part1.pdf" in page
    assert approver.get(f"/officer/papers/{paper}/approval/part1.pdf").status_code == 200
    own = post_form(asker, f"/officer/papers/{paper}/approve", page=preview)
    assert own.status_code == 403 and "another officer" in own.get_data(as_text=True)
    r = post_form(approver, f"/officer/papers/{paper}/approve", page=preview)
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/officer/papers/{paper}/published")
    done = asker.get(r.headers["Location"]).get_data(as_text=True)
    assert f"asked for by {ASKER}" in done and f"approved by {APPROVER}" in done
    assert two.app.test_client().get(f"/decisions/{slug}").status_code == 200


def test_returned_on_the_review_page_the_asker_reads_the_note(two):
    data, slug = small_paper()
    paper = upload(two, data)
    ask(two, paper)
    asker, approver = two.app.test_client(), two.app.test_client()
    sign_in(asker, ASKER)
    sign_in(approver, APPROVER)
    review = f"/officer/papers/{paper}/review"
    refused = post_form(approver, f"/officer/papers/{paper}/return", {"note": " "}, page=review)
    assert refused.status_code == 400 and "Say what needs changing" in refused.get_data(as_text=True)
    r = post_form(approver, f"/officer/papers/{paper}/return", {"note": "Check the signature on page 1."},
                  page=review)
    assert r.status_code == 303
    page = asker.get(review).get_data(as_text=True)
    assert "Returned without approval" in page and "Check the signature on page 1." in page
    assert "Returned" in asker.get("/officer/").get_data(as_text=True)
    assert two.app.test_client().get(f"/decisions/{slug}").status_code == 404


def test_release_now_takes_two_officers(two):
    """An early release is a publication: the first officer's Release now only asks; the same officer asking
    again releases nothing; another officer's Release now releases (the usual guarded change)."""
    from datetime import date, timedelta

    from tests.release_helpers import part, publish_parts

    ids = publish_parts(two.app, part2={"release_on": date.today() + timedelta(days=30)}, reference="PCD 9990")[0]
    asker, approver = two.app.test_client(), two.app.test_client()
    sign_in(asker, ASKER)
    sign_in(approver, APPROVER)
    url, page = f"/officer/releases/parts/{ids[2]}/release", "/officer/releases/"
    for client in (asker, asker):
        r = post_form(client, url, {"state": "withheld", "reason": ""}, page=page)
        assert r.status_code == 303 and part(two.app, ids[2]).state == "withheld"
    assert "another officer must also choose Release now" in asker.get(page).get_data(as_text=True)
    r = post_form(approver, url, {"state": "withheld", "reason": ""}, page=page)
    assert r.status_code == 303 and part(two.app, ids[2]).state == "released"
    assert events(two.app, ids["paper"]) == ["early release asked", "early release asked",
                                             "part 2 released by an officer"]
