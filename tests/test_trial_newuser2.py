"""Found by trying the service as a new officer (trial of 30 November 2026, second batch): the public page of a
released Part 2, the preview's counts, the errors of the withdraw and correct forms, old corrections without
their reference."""

import re
from datetime import date, datetime, timezone

import pytest

from service.web.public.status import part2_status
from service.domain.models import Part
from tests.public_data import Spec, add

S43 = [{"section": "43", "title": "Commercial interests", "until": "2025-04-01", "review": None}]
S12A = [{"section": "Sch12A para 3", "title": None, "until": "2025-04-01", "review": None}]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", ".").strip()


def at_london_midnight(day: date) -> datetime:
    """00:00 in London on ``day`` as UTC (BST in summer: 23:00 the day before)."""
    from redaction.dates import london_midnight_utc
    return london_midnight_utc(day)


# --- 1. a released Part 2 says what it was withheld under and until when --------------------------------

@pytest.mark.parametrize("exemptions, release_on, review_on, released_at, history", [
    # the clock released it on its date (00:00 London: 23:00 UTC the day before in summer)
    (S43, date(2025, 4, 1), None, at_london_midnight(date(2025, 4, 1)),
     "Withheld under section 43 (commercial interests) until 1 April 2025; released automatically on 1 April 2025"),
    (S43, date(2025, 6, 1), None, at_london_midnight(date(2025, 6, 1)),
     "Withheld under section 43 (commercial interests) until 1 June 2025; released automatically on 1 June 2025"),
    # an officer released it before its date
    (S43, date(2027, 9, 30), None, datetime(2026, 2, 3, 10, 0, tzinfo=timezone.utc),
     "Withheld under section 43 (commercial interests) until 30 September 2027; released early on 3 February 2026"),
    # the date had passed when the paper was published: released at publication
    (S43, date(2025, 4, 1), None, datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc),
     "Withheld under section 43 (commercial interests) until 1 April 2025; released on 30 November 2026"),
    # a review, then an officer's release
    (S43, None, date(2027, 3, 1), datetime(2027, 3, 9, 12, 0, tzinfo=timezone.utc),
     "Withheld under section 43 (commercial interests), to be reviewed in March 2027; "
     "released after review on 9 March 2027"),
    (S12A, date(2025, 4, 1), None, at_london_midnight(date(2025, 4, 1)),
     "Withheld under Schedule 12A paragraph 3 (Local Government Act 1972) until 1 April 2025; "
     "released automatically on 1 April 2025"),
    ([], None, None, datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc), "Withheld; released on 5 January 2026"),
])
def test_a_released_part2_says_under_what_and_until_when_it_was_withheld(exemptions, release_on, review_on,
                                                                       released_at, history):
    part = Part(number=2, state="released", in_file=True, release_on=release_on, review_on=review_on,
                released_at=released_at, exemptions=exemptions)
    status = part2_status(part)
    assert status.history == history
    assert status.words.startswith("Released on ")  # the tag, the feed and the JSON status are unchanged


def test_withheld_parts_have_no_history():
    for state in ("withheld", "review", "held"):
        assert part2_status(Part(number=2, state=state, in_file=True, release_on=date(2027, 1, 1),
                                 exemptions=S43)).history == ""


def test_the_public_page_and_json_of_a_released_part2(app):
    add(app, Spec("CAB 41", "Disposal of the former Elmfield Depot", part2="released",
                  release_on=date(2025, 6, 1), released_at=at_london_midnight(date(2025, 6, 1)), exemptions=S43))
    client = app.test_client()
    html = client.get("/decisions/cab-41").get_data(as_text=True)
    said = text(html)
    assert "Released on 1 June 2025" in said
    assert ("Withheld under section 43 (commercial interests) until 1 June 2025; released automatically on "
            "1 June 2025.") in said
    assert "Part 2 (exempt information)" in said and "confidential facts and advice" not in said
    part2 = client.get("/api/v1/decisions/cab-41").json["part2"]
    assert part2["released_on"] == "2025-06-01"  # the London date (was the UTC date, 31 May)
    assert part2["withheld_until"] == "2025-06-01"
    assert part2["history"].startswith("Withheld under section 43 (commercial interests) until 1 June 2025")
    assert part2["exempt_under"] == "section 43 (commercial interests)"


@pytest.mark.parametrize("reference, title, crumb", [
    ("PCD 956", "Contract for custody interpreting", "PCD 956"),
    (None, "Disposal of the former Elmfield Depot", "Disposal of the former Elmfield Depot"),
    (None, "A very long title " * 8, ("A very long title " * 8)[:70]),
])
def test_the_breadcrumb_names_the_decision_not_its_slug(app, reference, title, crumb):
    from service.domain.models import Paper

    made = add(app, Spec(reference or "PAPER 7", title))
    if reference is None:  # a paper with no reference: its slug is made up (paper-<id>)
        with app.extensions["foia.db"].session() as db:
            paper = db.get(Paper, made["id"])
            paper.reference, paper.slug = None, f"paper-{made['id']}"
            db.commit()
        slug = f"paper-{made['id']}"
    else:
        slug = made["slug"]
    html = app.test_client().get(f"/decisions/{slug}").get_data(as_text=True)
    trail = text(re.search(r'<nav class="govuk-breadcrumbs".*?</nav>', html, re.S).group(0))
    assert crumb.strip() in trail and slug not in trail, trail
    assert len(trail) < 120


# --- 2. the preview says what each part loses, in words -------------------------------------------------

@pytest.mark.parametrize("counts, said", [
    ({"total": 6, "by_type": {"PERSON": 3, "PHONE_NUMBER": 2, "EMAIL_ADDRESS": 1}, "texts": 0},
     "6 items will be removed: 3 names, 2 phone numbers and 1 e-mail address"),
    ({"total": 1, "by_type": {"SIGNATURE": 1}, "texts": 2},
     "1 item will be removed: 1 signature, and 2 chosen texts wherever they occur"),
    ({"total": 2, "by_type": {"AREA": 1, "PERSON": 1}, "texts": 1},
     "2 items will be removed: 1 marked area and 1 name, and 1 chosen text wherever it occurs"),
    ({"total": 0, "by_type": {}, "texts": 1}, "1 chosen text will be removed wherever it occurs"),
    ({"total": 0, "by_type": {}, "texts": 0}, "Nothing will be removed"),
    (None, "Nothing will be removed"),
])
def test_what_a_part_loses_in_words(counts, said):
    from service.domain.redaction_words import to_remove_phrase

    assert to_remove_phrase(counts) == said


def test_the_preview_gives_each_parts_count_in_words(client, app, part2_pdf):
    """The preview said "6 redactions of findings and boxes" for Part 1 and nothing for Part 2."""
    from service.domain import publishing
    from service.domain.models import Paper
    from tests.test_service_flow import upload

    upload(client, app, part2_pdf)
    with app.extensions["foia.db"].session() as db:
        paper = db.get(Paper, 1)
        counts = {"part1": {"total": 6, "by_type": {"PERSON": 3, "PHONE_NUMBER": 2, "EMAIL_ADDRESS": 1},
                            "by_exemption": {"s40(2)": 6}, "by_page": {"1": 6}, "texts": 1},
                  "part2": {"total": 2, "by_type": {"PERSON": 1, "PHONE_NUMBER": 1}, "by_exemption": {"s40(2)": 2},
                            "by_page": {"1": 2}, "texts": 1}, "total": 8}
        paper.preview = {"state": "ready", "decisions_hash": publishing.decisions_hash(paper.decisions),
                         "part1_pages": 1, "part2_pages": 1, "part1_size": 10, "part2_size": 10,
                         "redactions": counts}
        db.commit()
    said = text(client.get("/officer/papers/1/preview").get_data(as_text=True))
    assert ("6 items will be removed: 3 names, 2 phone numbers and 1 e-mail address, and 1 chosen text wherever "
            "it occurs.") in said
    assert "2 items will be removed: 1 name and 1 phone number, and 1 chosen text wherever it occurs." in said
    assert "findings and boxes" not in said


# --- 3. the withdraw and correct forms follow the GOV.UK error pattern ----------------------------------

REASON = "The decision was published in error and is withdrawn."


@pytest.mark.parametrize("action, data, field, message", [
    ("withdraw", {"reason": REASON}, "withdraw-confirm", "Tick the box to confirm"),
    ("withdraw", {"reason": "wrong", "confirm": "1"}, "withdraw-reason", "Give the reason for withdrawing"),
    ("versions", {"note": "The number of homes is corrected."}, "correct-file", "Choose the corrected PDF"),
    ("versions", {"note": "typo", "file": "pdf"}, "correct-note", "Say what was corrected in a few words"),
    ("versions", {"note": "The number of homes is corrected.", "file": "docx"}, "correct-file",
     "The file is not a PDF"),
])
def test_a_refused_withdrawal_or_correction_links_to_its_field(client, app, action, data, field, message):
    """The error summary was a paragraph naming no field; now it links to the field, which carries the message
    (aria-describedby), aria-invalid and the page title starts with 'Error:'. What was typed is kept."""
    import io

    from tests.conftest import post_form
    from tests.textpdf import text_pdf

    made = add(app, Spec("CAB 41", "Disposal of the former Elmfield Depot"))
    page = f"/officer/papers/{made['id']}/published"
    if "file" in data:
        content = text_pdf("Cabinet report\nThe site will be leased.\n") if data["file"] == "pdf" else \
            b"PK\x03\x04" + b"\x00" * 200
        data = {**data, "file": (io.BytesIO(content), "corrected.pdf")}
    r = post_form(client, f"/officer/papers/{made['id']}/{action}", data, page=page,
                  content_type="multipart/form-data")
    assert r.status_code in (400, 422), r.status_code
    html = r.get_data(as_text=True)
    summary = re.search(r'<div class="error-summary"[^>]*>.*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in summary and f'<a href="#{field}">{message}' in summary, summary
    assert f'<p class="error-message" id="{field}-error"><span class="visually-hidden">Error:</span> {message}' in html
    control = re.search(rf'<(?:input|textarea)[^>]*id="{field}"[^>]*>', html).group(0)
    assert f'aria-describedby="{field}-error"' in control and 'aria-invalid="true"' in control, control
    assert re.search(r"<title>\s*Error: ", html)
    assert html.count('aria-invalid="true"') == 1  # only the field the message is about
    if action == "withdraw":
        assert data["reason"] in html  # kept
    with app.extensions["foia.db"].session() as db:  # nothing happened
        from service.domain.models import Paper
        assert db.get(Paper, made["id"]).state == "published"
        assert db.query(Paper).count() == 1


def test_a_refusal_about_the_papers_state_names_no_field(client, app):
    from tests.conftest import post_form

    made = add(app, Spec("CAB 42", "Disposal of the former Elmfield Depot"))
    page = f"/officer/papers/{made['id']}/published"
    token_page = client.get(page).get_data(as_text=True)
    assert post_form(client, f"/officer/papers/{made['id']}/withdraw", {"reason": REASON, "confirm": "1"},
                     page=page).status_code == 303
    r = client.post(f"/officer/papers/{made['id']}/withdraw", data={"reason": REASON, "confirm": "1",
                    "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', token_page).group(1)})
    assert r.status_code == 409
    html = r.get_data(as_text=True)
    summary = re.search(r'<div class="error-summary"[^>]*>.*?</div>', html, re.S).group(0)
    assert "This decision is already withdrawn." in summary and "<a href" not in summary
    assert 'aria-invalid="true"' not in html


# --- 4. old corrections take the reference of the version they correct (migration 0009) ----------------

@pytest.fixture(params=["sqlite", "postgresql"])
def at_0008(request, tmp_path):
    """A database migrated to 0008 (before the data fix), on each backend: its URL."""
    import os
    import uuid

    from sqlalchemy import create_engine, text as sql

    from service.infra.migrate import upgrade
    from tests.conftest import need

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'foia.db'}"
        upgrade(url, "0008")
        yield url
        return
    base = os.environ.get("FOIA_TEST_DATABASE_URL")
    need(bool(base), "FOIA_TEST_DATABASE_URL is not set")
    schema = f"foia_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(sql(f'CREATE SCHEMA "{schema}"'))
    try:
        url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
        upgrade(url, "0008")
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(sql(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _migration_0009():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "migrations" / "versions" / "0009_correction_reference.py"
    spec = importlib.util.spec_from_file_location("migration_0009", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_old_corrections_take_the_reference_of_the_version_they_correct(at_0008, tmp_path):
    """Corrections published before 279c672 took no reference from the version they corrected: the data fix
    fills them (a chain too), leaves a correction's own reference and one whose previous has none, refreshes
    the search entry and the row's updated_at, records an audit event, and changes nothing when run again."""
    from sqlalchemy import select, text as sql
    from sqlalchemy.orm import Session

    from service.app import create_app
    from service.domain import search_index
    from service.domain.models import AuditEvent, Paper, Part
    from service.infra.db import make_engine
    from service.infra.migrate import upgrade

    old = datetime(2026, 10, 1, 9, 0, tzinfo=timezone.utc)
    engine = make_engine(at_0008)

    def paper(reference, state, previous=None, slug=None, version=1, public=False):
        p = Paper(reference=reference, title="Disposal of the former Elmfield Depot", state=state, slug=slug,
                  original_name="p.pdf", original_size=1, page_count=1, previous_id=previous, version=version,
                  created_at=old, updated_at=old, published_at=old if state != "ready" else None)
        if public:
            p.parts.append(Part(number=1, state="published", released_at=old, size=1, pages=1, text="Cabinet report",
                                created_at=old, updated_at=old))
        return p

    with Session(engine) as db:
        v1 = paper("CAB 2026/041", "superseded")
        db.add(v1)
        db.flush()
        v2 = paper(None, "superseded", v1.id, version=2)
        db.add(v2)
        db.flush()
        v3 = paper("", "published", v2.id, slug="cab-2026-041", version=3, public=True)
        own = paper("PCD 1", "published", slug="pcd-1", public=True)
        nothing = paper(None, "superseded")
        db.add_all([v3, own, nothing])
        db.flush()
        kept = paper("PCD 1A", "ready", own.id, version=2)
        none_before = paper(None, "published", nothing.id, slug="paper-5", version=2, public=True)
        db.add_all([kept, none_before])
        db.flush()
        search_index.sync(db, [v3.id, own.id, none_before.id])
        db.commit()
        ids = {"v1": v1.id, "v2": v2.id, "v3": v3.id, "own": own.id, "kept": kept.id, "none": none_before.id}

    upgrade(at_0008)  # 0009

    with Session(engine) as db:
        reference = {name: db.get(Paper, i).reference for name, i in ids.items()}
        assert reference == {"v1": "CAB 2026/041", "v2": "CAB 2026/041", "v3": "CAB 2026/041", "own": "PCD 1",
                             "kept": "PCD 1A", "none": None}
        assert db.get(Paper, ids["v3"]).updated_at > old and db.get(Paper, ids["own"]).updated_at == old
        events = db.execute(select(AuditEvent.paper_id, AuditEvent.actor, AuditEvent.details)
                            .order_by(AuditEvent.paper_id)).all()
        assert [(e.paper_id, e.actor, e.details["from_paper"]) for e in events] == [
            (ids["v2"], "migration", ids["v1"]), (ids["v3"], "migration", ids["v2"])]
        if engine.dialect.name == "sqlite":
            indexed = db.execute(sql("SELECT reference FROM search_fts WHERE rowid = :id"), {"id": ids["v3"]})
        else:
            indexed = db.execute(sql("SELECT reference FROM search_documents WHERE paper_id = :id"), {"id": ids["v3"]})
        assert indexed.scalar_one() == "CAB 2026/041"
    with engine.begin() as connection:  # again: nothing to do
        assert _migration_0009().fill(connection) == []
    app = create_app({"ENV": "testing", "DATA_DIR": str(tmp_path / "data"), "SECRET_KEY": "t", "DATABASE_URL": at_0008})
    try:
        client = app.test_client()
        assert client.get("/api/v1/decisions/cab-2026-041").json["reference"] == "CAB 2026/041"
        # found by its reference ("2026/041" is one word to PostgreSQL's parser, not two: search by "CAB")
        found = client.get("/api/v1/decisions", query_string={"q": "CAB"}).json["decisions"]
        assert [d["slug"] for d in found] == ["cab-2026-041"]
    finally:
        from tests.conftest import _close
        _close(app)
    engine.dispose()
