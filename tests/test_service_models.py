"""Models on every database: accounts, tokens, slugs and the release function (exactly once)."""

from datetime import date, datetime, time, timezone

import pytest
from sqlalchemy import select

from service.domain.release import last_due_date, release_due
from service.domain.accounts import AccountError, check_password, create_token, create_user, user_for_token
from service.domain.models import ApiToken, AuditEvent, Paper, Part, User
from service.domain.publishing import slugify, unique_slug


def _session(app):
    return app.extensions["foia.db"].session()


def test_passwords_are_argon2_hashed_and_checked(db_app):
    with _session(db_app) as db:
        create_user(db, "Officer@Example.org", "a long enough password")
        db.commit()
        user = db.scalar(select(User))
        assert user.email == "officer@example.org"
        assert user.password_hash.startswith("$argon2id$") and "a long enough" not in user.password_hash
        assert check_password(db, "OFFICER@example.org", "a long enough password").id == user.id
        assert check_password(db, "officer@example.org", "wrong password!!") is None
        assert check_password(db, "nobody@example.org", "a long enough password") is None


@pytest.mark.parametrize("email, password, role, message", [
    ("not-an-email", "a long enough password", "officer", "not an e-mail"),
    ("a@example.org", "short", "officer", "at least"),
    ("a@example.org", "a long enough password", "superuser", "role must be"),
])
def test_bad_accounts_are_refused(db_app, email, password, role, message):
    with _session(db_app) as db, pytest.raises(AccountError, match=message):
        create_user(db, email, password, role)


def test_only_a_hash_of_a_token_is_stored(db_app):
    with _session(db_app) as db:
        create_user(db, "a@example.org", "a long enough password")
        token = create_token(db, "a@example.org")
        db.commit()
        stored = db.scalar(select(ApiToken))
        assert token.startswith("foia_") and token not in stored.token_hash and len(stored.token_hash) == 64
        assert user_for_token(db, token).email == "a@example.org"
        assert user_for_token(db, token + "x") is None
        stored.revoked_at = datetime.now(timezone.utc)
        assert user_for_token(db, token) is None


@pytest.mark.parametrize("text, slug", [
    ("PCD 911", "pcd-911"), ("DMPCD 2019-12", "dmpcd-2019-12"), ("  PCD–1802 ", "pcd-1802"),
    ("<script>", "script"), ("", ""),
])
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_slugs_are_unique(db_app):
    with _session(db_app) as db:
        papers = [Paper(reference="PCD 911", state="ready") for _ in range(3)]
        db.add_all(papers)
        db.flush()
        for p in papers:
            p.slug = unique_slug(db, p)
            db.flush()
        assert [p.slug for p in papers] == ["pcd-911", "pcd-911-2", "pcd-911-3"]


@pytest.mark.parametrize("now, release_time, expected", [
    # 1 April 2025 00:00 London (BST from 30 March) is 31 March 23:00 UTC.
    (datetime(2025, 3, 31, 22, 59, tzinfo=timezone.utc), time(0, 0), date(2025, 3, 31)),
    (datetime(2025, 3, 31, 23, 0, tzinfo=timezone.utc), time(0, 0), date(2025, 4, 1)),
    # In winter London is UTC.
    (datetime(2025, 1, 10, 23, 59, tzinfo=timezone.utc), time(0, 0), date(2025, 1, 10)),
    (datetime(2025, 1, 10, 8, 59, tzinfo=timezone.utc), time(9, 0), date(2025, 1, 9)),
    (datetime(2025, 1, 10, 9, 0, tzinfo=timezone.utc), time(9, 0), date(2025, 1, 10)),
])
def test_last_due_date_in_london(now, release_time, expected):
    assert last_due_date(now, release_time) == expected


def _published(db, **part2):
    paper = Paper(reference="PCD 1", state="published", slug="pcd-1")
    paper.parts.append(Part(number=1, state="published"))
    paper.parts.append(Part(number=2, state="withheld", **part2))
    db.add(paper)
    db.commit()
    return paper


@pytest.mark.parametrize("part2, now, state", [
    ({"release_on": date(2025, 4, 1)}, datetime(2025, 3, 31, 22, 59, tzinfo=timezone.utc), "withheld"),
    ({"release_on": date(2025, 4, 1)}, datetime(2025, 3, 31, 23, 0, tzinfo=timezone.utc), "released"),
    ({"review_on": date(2025, 4, 1)}, datetime(2025, 4, 2, tzinfo=timezone.utc), "review"),
    ({}, datetime(2099, 1, 1, tzinfo=timezone.utc), "withheld"),
])
def test_release_due_moves_due_parts_once_with_an_audit_event(db_app, part2, now, state):
    with _session(db_app) as db:
        paper = _published(db, **part2)
        first = release_due(now, session=db)
        second = release_due(now, session=db)
        part = db.get(Part, paper.part(2).id)
        db.refresh(part)
        assert part.state == state
        assert second == []
        events = db.scalars(select(AuditEvent).where(AuditEvent.paper_id == paper.id)).all()
        assert len(events) == len(first) == (0 if state == "withheld" else 1)
        if state == "released":
            assert part.released_at == now


def test_deferred_part1_is_published_on_its_date(db_app):
    with _session(db_app) as db:
        paper = Paper(reference="PCD 2", state="published", slug="pcd-2")
        paper.parts.append(Part(number=1, state="scheduled", publish_on=date(2030, 1, 31)))
        db.add(paper)
        db.commit()
        assert release_due(datetime(2030, 1, 30, 12, tzinfo=timezone.utc), session=db) == []
        assert len(release_due(datetime(2030, 1, 31, 0, 1, tzinfo=timezone.utc), session=db)) == 1
        db.refresh(paper.parts[0])
        assert paper.parts[0].state == "published"
