"""The officer's job through the app: sign in, upload, review, preview, publish, history."""

import io
import json
import re
from datetime import date

import pytest
from sqlalchemy import select

from redaction.decisions import Decisions
from service.domain.models import AuditEvent, Paper, SignInFailure
from tests.conftest import PASSWORD, part2_paper, post_form, sign_in


def upload(client, app, pdf: bytes, name: str = "paper.pdf"):
    response = post_form(client, "/officer/upload", {"file": (io.BytesIO(pdf), name)}, page="/officer/upload",
                         content_type="multipart/form-data")
    app.extensions["foia.worker"].drain()
    return response


def paper_row(app, paper_id: int = 1) -> Paper:
    with app.extensions["foia.db"].session() as db:
        paper = db.get(Paper, paper_id)
        paper.parts  # load while the session is open
        return paper


def audit_actions(app, paper_id: int = 1) -> list[str]:
    with app.extensions["foia.db"].session() as db:
        return [e.action for e in db.scalars(select(AuditEvent).where(AuditEvent.paper_id == paper_id)
                                             .order_by(AuditEvent.id))]


# --- signing in ----------------------------------------------------------------------------------------

def test_sign_in_and_out(app, officer):
    c = app.test_client()
    assert c.get("/officer/").status_code == 302
    response = sign_in(c)
    assert response.status_code == 302 and response.headers["Location"].endswith("/officer/")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Papers" in c.get("/officer/").get_data(as_text=True)
    assert post_form(c, "/sign-out").status_code == 302
    assert c.get("/officer/").status_code == 302


def test_sign_in_returns_to_the_page_asked_for_but_never_off_site(app, officer):
    c = app.test_client()
    assert "next=/officer/upload" in c.get("/officer/upload").headers["Location"]
    for target, expected in [("/officer/upload", "/officer/upload"), ("https://evil.example/", "/officer/"),
                             ("//evil.example/officer/", "/officer/")]:
        c = app.test_client()
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/sign-in").get_data(as_text=True))[1]
        r = c.post("/sign-in", data={"email": "officer@example.org", "password": PASSWORD, "csrf_token": token,
                                     "next": target})
        assert r.headers["Location"] == expected


@pytest.mark.parametrize("email, password", [("officer@example.org", "wrong password"),
                                             ("nobody@example.org", PASSWORD), ("", "")])
def test_wrong_credentials_are_refused_without_saying_which(app, officer, email, password):
    r = sign_in(app.test_client(), email, password)
    assert r.status_code == 401 and "is not right" in r.get_data(as_text=True)


def test_sign_in_is_throttled_per_account_and_address(make_app):
    app = make_app(SIGN_IN_LIMIT=3)
    from tests.conftest import add_user

    add_user(app)
    c = app.test_client()
    for _ in range(3):
        assert sign_in(c, password="wrong password").status_code == 401
    throttled = sign_in(c)  # even the right password is refused while throttled
    assert throttled.status_code == 429 and "Try again in 15 minutes" in throttled.get_data(as_text=True)
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.7"  # the same account from another address
    assert sign_in(elsewhere).status_code == 302
    with app.extensions["foia.db"].session() as db:
        assert db.scalar(select(SignInFailure).limit(1)).key != "officer@example.org"  # hashed key


def test_a_good_sign_in_clears_earlier_failures(app, officer):
    c = app.test_client()
    for _ in range(2):
        sign_in(c, password="wrong password")
    assert sign_in(c).status_code == 302
    from service.domain.signin_limits import keys_for

    keys = keys_for("officer@example.org", "127.0.0.1")
    with app.extensions["foia.db"].session() as db:
        # the account's failures are forgotten; the address's stay counted (service/domain/signin_limits.py)
        assert {f.key for f in db.scalars(select(SignInFailure))} == {keys.address}


# --- upload and analysis -------------------------------------------------------------------------------

def test_upload_analyses_in_the_background_and_opens_the_review(client, app, small_pdf):
    r = upload(client, app, small_pdf)
    assert r.status_code == 303 and r.headers["Location"].endswith("/officer/papers/1")
    assert client.get("/officer/papers/1/status.json").json["state"] == "ready"
    page = client.get("/officer/papers/1", follow_redirects=True).get_data(as_text=True)
    assert "Funding for the Riverside Youth Project" in page
    assert "Jane Hollowell" in page and "UK phone number" in page
    assert page.count('<li class="finding-group') == 2
    image = client.get("/officer/papers/1/pages/1.png")
    assert image.status_code == 200 and image.data.startswith(b"\x89PNG")
    assert image.headers["Cache-Control"] == "no-store"
    assert audit_actions(app) == ["uploaded", "analysed"]


def test_progress_page_while_analysing(client, app, small_pdf):
    with app.extensions["foia.db"].session() as db:
        db.add(Paper(state="analysing", original_name="big.pdf", page_count=300))
        db.commit()
    page = client.get("/officer/papers/1").get_data(as_text=True)
    assert "Analysing big.pdf" in page and "progress.js" in page and 'http-equiv="refresh"' in page


@pytest.mark.parametrize("data, name, message", [
    (b"", "empty.pdf", "Choose a PDF file"),
    (b"GIF89a not a pdf", "image.pdf", "not a PDF"),
    (b"%PDF-1.7\n this is not really a pdf", "broken.pdf", "damaged"),
])
def test_bad_uploads_get_a_clear_message_and_leave_nothing(client, app, data, name, message):
    r = upload(client, app, data, name)
    assert r.status_code == 400 and message in r.get_data(as_text=True)
    with app.extensions["foia.db"].session() as db:
        assert db.scalars(select(Paper)).all() == []
    files = app.extensions["foia.storage"].root
    assert not [p for p in files.rglob("*") if p.is_file()]


def test_oversized_upload_is_refused_with_the_limit(make_app, small_pdf):
    app = make_app(MAX_UPLOAD_MB=1)
    from tests.conftest import add_user

    add_user(app)
    c = app.test_client()
    sign_in(c)
    r = upload(c, app, small_pdf + b"\0" * (1024 * 1024 + 100 * 1024))
    assert r.status_code == 413 and "limit of 1 MB" in r.get_data(as_text=True)
    assert not [p for p in app.extensions["foia.storage"].root.rglob("*") if p.is_file()]


# --- review ----------------------------------------------------------------------------------------------

def review_form(client, paper_id: int = 1, **changes) -> dict:
    """The review form's current values (as a browser would post them), with ``changes`` applied."""
    html = client.get(f"/officer/papers/{paper_id}/review").get_data(as_text=True)
    form = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*checked', html):
        form[name] = value
    for name in ("reference", "title", "deferred_until", "release_on", "review_on", "part2_page", "part2_y"):
        m = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html)
        form[name] = m[1] if m else ""
    form["redact_texts"] = re.search(r'name="redact_texts"[^>]*>([^<]*)</textarea>', html)[1]
    form.update(changes)
    return form


def test_review_decisions_are_saved_in_the_decisions_shape(client, app, part2_pdf):
    upload(client, app, part2_pdf)
    analysis = paper_row(app).analysis
    name = next(p for p in analysis["personal_data"] if p["text"] == "Jane Hollowell")
    form = review_form(client, **{f"item-{name['id']}": "keep", "add_text": "Northgate Ltd",
                                  "box_page": "1", "box_x0": "60", "box_y0": "700", "box_x1": "200",
                                  "box_y1": "720", "release_on": "2031-05-01", "then": "save",
                                  "title": "Interpreting contract"})
    r = post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    assert r.status_code == 303, r.get_data(as_text=True)
    paper = paper_row(app)
    d = paper.decisions
    assert d["items"] == {name["id"]: "keep"}
    assert d["redact_texts"] == ["Northgate Ltd"]
    assert d["boxes"] == [{"page": 1, "box": [60.0, 700.0, 200.0, 720.0], "exemption": "s40(2)"}]
    assert d["release_on"] == "2031-05-01" and "part2_start" not in d
    assert paper.title == "Interpreting contract"
    Decisions.from_dict(d)  # the one shared shape
    page = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert 'rect class="extra"' in page and "Northgate Ltd" in page
    # The history shows the change without the text itself.
    history = client.get("/officer/papers/1/audit").get_data(as_text=True)
    assert "Decisions saved" in history and "Northgate" not in history and "Hollowell" not in history


def test_review_moves_part2_and_removes_a_box(client, app, part2_pdf):
    upload(client, app, part2_pdf)
    form = review_form(client, part2_mode="custom", part2_page="2", part2_y="500",
                       **{"add_box": "1,10,10,50,50"})
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    d = paper_row(app).decisions
    assert d["part2_start"] == {"page": 2, "y": 500.0} and len(d["boxes"]) == 1
    # On a page in columns the officer gives the left edge of Part 2's first line too; it is kept.
    form = review_form(client, part2_mode="custom", part2_page="2", part2_y="500", part2_x="310.25")
    post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    assert paper_row(app).decisions["part2_start"] == {"page": 2, "y": 500.0, "x": 310.2}
    assert 'name="part2_x" inputmode="decimal" size="6" value="310.2"' in client.get(
        "/officer/papers/1/review").get_data(as_text=True)
    form = review_form(client, part2_mode="none", **{"remove-box-0": "1"})
    post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    d = paper_row(app).decisions
    assert d["part2_start"] is None and d["boxes"] == []


@pytest.mark.parametrize("changes, message", [
    ({"part2_mode": "custom", "part2_page": "9", "part2_y": "100"}, "Enter a page from 1 to 2"),
    ({"part2_mode": "custom", "part2_page": "1", "part2_y": "100", "part2_x": "left"},
     "Enter the left edge of Part 2&#39;s first line in points from the left"),
    ({"box_page": "1", "box_x0": "a", "box_y0": "1", "box_x1": "2", "box_y1": "3"},
     "Enter the left edge of the box as a number"),
    ({"box_page": "5", "box_x0": "1", "box_y0": "1", "box_x1": "20", "box_y1": "30"},
     "The box must be on a page from 1 to 2"),
    ({"release_on": "01/04/2030"}, "Enter the release date as a date, for example 1 April 2025"),
])
def test_bad_review_input_is_explained(client, app, part2_pdf, changes, message):
    upload(client, app, part2_pdf)
    r = post_form(client, "/officer/papers/1/review", review_form(client, **changes),
                  page="/officer/papers/1/review")
    assert r.status_code == 400 and message in r.get_data(as_text=True)
    assert not paper_row(app).decisions  # nothing saved


def test_every_error_is_listed_and_every_input_kept(client, app, part2_pdf):
    """One bad field never throws away the rest: the summary links to each field, the fields are marked,
    and the choices, texts and summary come back as posted (issue 18)."""
    upload(client, app, part2_pdf)
    name = next(p for p in paper_row(app).analysis["personal_data"] if p["text"] == "Jane Hollowell")
    form = review_form(client, **{f"item-{name['id']}": "keep", "add_text": "Operation Nightjar",
                                  "summary": "Interpreting services for custody suites", "part2_mode": "custom",
                                  "part2_page": "0", "part2_y": "lots", "release_on": "next spring",
                                  "add_box": "1,10,10,200,40"})
    r = post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and not paper_row(app).decisions
    summary = html[html.index('id="error-summary"'):html.index("</ul>", html.index('id="error-summary"'))]
    assert re.findall(r'href="#([a-z0-9_]+)"', summary) == ["part2_page", "part2_y", "release_on"]
    assert "Enter the release date as a date, for example 1 April 2025" in summary
    for field in ("part2_page", "part2_y", "release_on"):
        assert re.search(rf'<input id="{field}"[^>]*aria-describedby="{field}-error" aria-invalid="true"', html)
        assert f'id="{field}-error"' in html
    assert re.search(rf'name="item-{name["id"]}" value="keep" checked', html)  # the choice kept
    for kept in ('value="Operation Nightjar"', "Interpreting services for custody suites</textarea>",
                 'value="next spring"', 'value="lots"', 'name="add_box" value="1,10,10,200,40"',
                 'name="part2_mode" value="custom" checked'):
        assert kept in html, kept


def test_a_title_holding_redacted_text_is_refused_on_save_not_only_at_publish(client, app, part2_pdf):
    upload(client, app, part2_pdf)
    form = review_form(client, title="Interpreting contract with Northgate Ltd", add_text="Northgate Ltd",
                       then="preview")
    r = post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and '<a href="#title">The title contains text you chose to redact' in html
    assert paper_row(app).preview is None  # no preview says "ready" for a paper publication would refuse
    assert "<strong>Northgate Ltd</strong>: 1 match" in html  # the text not saved yet is drawn and counted


@pytest.mark.parametrize("typed", ["Interpreting\r\nservices contract", "Interpreting \n\n services\tcontract"])
def test_a_title_is_kept_on_one_line(client, app, part2_pdf, typed):
    """A line break in a title would reach page titles, feeds and e-mail subjects: the form keeps one line."""
    upload(client, app, part2_pdf)
    form = review_form(client, title=typed, reference="PCD\n956")
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    row = paper_row(app)
    assert (row.title, row.reference) == ("Interpreting services contract", "PCD 956")


def test_discard_removes_the_files(client, app, small_pdf):
    upload(client, app, small_pdf)
    client.get("/officer/papers/1/pages/1.png")
    assert post_form(client, "/officer/papers/1/discard").status_code == 303
    assert not [p for p in app.extensions["foia.storage"].root.rglob("*") if p.is_file()]
    assert audit_actions(app)[-1] == "discarded"


# --- preview and publish (needs redaction.redact) --------------------------------------------------------

def test_preview_then_publish_with_part2_withheld(client, app, redact_available):
    upload(client, app, part2_paper(until="01/04/2030"))
    name = next(p for p in paper_row(app).analysis["personal_data"] if p["text"] == "Jane Hollowell")
    form = review_form(client, **{f"item-{name['id']}": "keep", "add_text": "Northgate Ltd", "then": "preview"})
    r = post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    assert r.status_code == 303 and r.headers["Location"].endswith("/officer/papers/1/preview")
    app.extensions["foia.worker"].drain()
    preview = client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert "Open Part 1" in preview and "Open Part 2" in preview and ">Publish<" in preview, preview
    part1 = client.get("/officer/papers/1/preview/part1.pdf")
    assert part1.status_code == 200 and part1.data.startswith(b"%PDF")
    r = post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/preview")
    assert r.status_code == 303, r.get_data(as_text=True)
    paper = paper_row(app)
    assert paper.slug == "pcd-912" and paper.state == "published"
    p1, p2 = paper.part(1), paper.part(2)
    assert p1.state == "published" and p1.pages == 1 and p1.size > 0
    assert "Jane Hollowell" in p1.text and "020 7946 0123" not in p1.text and "Northgate" not in p1.text
    assert p2.state == "withheld" and p2.release_on == date(2030, 4, 1)
    assert p2.exemptions[0]["section"] == "43"
    assert json.dumps(p1.redactions).count("Hollowell") == 0 and p1.redactions["total"] >= 1
    assert not app.extensions["foia.storage"].exists("previews/paper-1/part1.pdf")
    page = client.get("/officer/papers/1/published").get_data(as_text=True)
    assert "/decisions/pcd-912" in page and "Withheld" in page
    assert audit_actions(app) == ["uploaded", "analysed", "decisions saved", "preview requested", "preview made",
                                  "published"]


def test_publish_with_a_past_date_releases_part2_at_once(client, app, redact_available):
    upload(client, app, part2_paper(until="01/04/2025"))
    r = post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review")
    assert r.status_code == 303, r.get_data(as_text=True)
    paper = paper_row(app)
    assert paper.part(2).state == "released" and paper.part(2).released_at is not None
    assert audit_actions(app)[-1] == "part 2 released"


def test_deferred_part1_is_scheduled(client, app, redact_available):
    upload(client, app, part2_paper(deferred="31/12/2030"))
    post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review")
    part1 = paper_row(app).part(1)
    assert part1.state == "scheduled" and part1.publish_on == date(2030, 12, 31)


def test_a_leak_found_at_publication_stops_it_with_the_reason(client, app, small_pdf, monkeypatch):
    from service.infra import pdftasks

    upload(client, app, small_pdf)
    monkeypatch.setattr("service.domain.publishing._redact", lambda paper: pdftasks.Failure(
        "leak", "a redacted value is still in the text layer of Part 1 (check: text)"))
    r = post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review")
    assert r.status_code == 303 and r.headers["Location"].endswith("/officer/papers/1/preview")
    body = client.get(r.headers["Location"]).get_data(as_text=True)  # the preview, reloadable (no 405)
    assert "Nothing was published: A redacted value is still in the text layer" in body
    assert "You changed the decisions since this preview" not in body
    assert "Nothing was published" not in client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert client.get("/officer/papers/1/publish").status_code == 303  # a reload of the address
    paper = paper_row(app)
    assert paper.state == "ready" and paper.slug is None and paper.parts == []
    assert [p.parent.name for p in app.extensions["foia.storage"].root.rglob("*.pdf")] == ["originals"]
    assert audit_actions(app)[-1] == "publication stopped"


def test_papers_left_by_a_dead_process_are_analysed_again(app, officer, small_pdf):
    from datetime import timedelta

    from service.domain.models import User, utcnow
    from service.domain.papers import accept_upload, resume_pending

    with app.test_request_context(), app.extensions["foia.db"].session() as db:
        paper = accept_upload(db, db.get(User, 1), "p.pdf", small_pdf, actor="officer")
        paper.state, paper.updated_at = "analysing", utcnow() - timedelta(hours=1)
        db.commit()
    assert resume_pending(app) == 1
    app.extensions["foia.worker"].drain()
    assert paper_row(app).state == "ready"


def test_a_save_racing_a_publication_writes_nothing(client, app, part2_pdf, monkeypatch):
    """The form was read while the paper was ready; it is published before the save takes the row: the
    save is refused and the published paper keeps the decisions it was published with."""
    from service.web.officer import review

    upload(client, app, part2_pdf)
    before = paper_row(app).decisions
    form = review_form(client, title="A title typed meanwhile")
    read = review.review_form.read

    def read_then_publish(paper, *args, **kwargs):
        draft = read(paper, *args, **kwargs)
        with app.extensions["foia.db"].session() as other:  # another request publishes meanwhile
            other.get(Paper, paper.id).state = "published"
            other.commit()
        return draft

    monkeypatch.setattr(review.review_form, "read", read_then_publish)
    r = post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    assert r.status_code == 303
    row = paper_row(app)
    assert row.state == "published" and row.decisions == before and row.title != "A title typed meanwhile"


# --- a paper with no title and no reference (a new user's trial) ------------------------------------------

UNTITLED = ("Executive Summary\n"
            "The project lead, Jane Hollowell, can be reached on 020 7946 0123.\n"
            "Part 1 of this approval to be deferred? NO\n"
            "Is there a Part 2 form? NO\n")


@pytest.mark.parametrize("url, page_title, heading", [
    ("/officer/papers/1/review", "Review paper.pdf", "paper-1"),
    ("/officer/papers/1/preview", "Preview paper.pdf", "Preview: paper-1"),
    ("/officer/papers/1/published", "Published paper-1", "paper-1 is published"),
    ("/decisions/paper-1", "paper-1", "paper-1"),
])
def test_a_paper_with_no_title_or_reference_is_called_by_its_slug_everywhere(client, app, redact_available,
                                                                             url, page_title, heading):
    from tests.textpdf import text_pdf

    upload(client, app, text_pdf(UNTITLED))
    assert (paper_row(app).title, paper_row(app).reference) == (None, None)
    review = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert 'id="no-title"' in review and "/decisions/paper-1" in review  # the fallback, said before publishing
    if url.endswith("/preview"):
        post_form(client, "/officer/papers/1/review", review_form(client, then="preview"), page="/officer/papers/1/review")
        app.extensions["foia.worker"].drain()
    elif not url.endswith("/review"):
        assert post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review").status_code == 303
    html = client.get(url).get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", html, re.S)[1]
    h1 = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1])).strip()
    assert title.startswith(page_title) and h1 == heading, (title, h1)
    assert "None" not in title and "None" not in h1 and "Untitled" not in html
    if url.startswith("/decisions/"):
        index = client.get("/").get_data(as_text=True)
        assert '<a class="govuk-link" href="/decisions/paper-1">paper-1</a>' in index
        feed = client.get("/feed.atom").get_data(as_text=True)
        assert "Published: paper-1" in feed and "None" not in feed


@pytest.mark.parametrize("second, notice", [
    ("same", True),          # byte for byte: the review page links the earlier paper
    ("other", False),        # the same paper, another file (a re-save): the same-reference notice instead
])
def test_the_same_file_uploaded_twice_is_noticed_on_the_review_page(client, app, part2_pdf, second, notice):
    upload(client, app, part2_pdf)
    r = upload(client, app, part2_pdf if second == "same" else part2_paper(until="02/04/2030"))
    assert r.status_code == 303 and paper_row(app, 2).state == "ready"   # accepted all the same
    page = client.get("/officer/papers/2/review").get_data(as_text=True)
    assert ('id="same-file"' in page) is notice
    if notice:
        assert 'This file was uploaded before' in page and 'href="/officer/papers/1"' in page


@pytest.mark.parametrize("url", ["/officer/", "/officer/upload", "/officer/papers/1/review", "/officer/account/password"])
def test_officer_pages_name_an_icon_that_is_served(client, app, small_pdf, url):
    """Every officer page had a console 404 for /favicon.ico."""
    upload(client, app, small_pdf)
    html = client.get(url, follow_redirects=True).get_data(as_text=True)
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html)[1]
    assert icon == "/static/favicon.svg"
    for path in (icon, "/favicon.ico"):
        r = client.get(path)
        assert r.status_code == 200 and r.mimetype == "image/svg+xml" and r.data.startswith(b"<svg"), path
