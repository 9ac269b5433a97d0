"""Accounts (issue 15): server-side sessions end for real, user management by CLI and admin page, ids never
reused, sign-in work bounded. Every case runs on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from tests.conftest import PASSWORD, add_user, make_token, post_form, sign_in

NEW_PASSWORD = "a completely new passphrase"


def _db(app):
    return app.extensions["foia.db"].session()


def _signed_in(app, email="officer@example.org", password=PASSWORD):
    c = app.test_client()
    assert sign_in(c, email, password).status_code == 302
    return c


def _replay(app, cookie_value):
    """A fresh browser presenting a cookie saved earlier."""
    c = app.test_client()
    c.set_cookie("foia_session", cookie_value)
    return c


# --- sessions ------------------------------------------------------------------------------------------

def _sign_out(app, c):
    post_form(c, "/sign-out")


def _new_password(app, c):
    from service.domain import users

    with _db(app) as db:
        users.set_password(db, "officer@example.org", NEW_PASSWORD, by=None, actor="cli")
        db.commit()


def _disable(app, c):
    from service.domain import users

    with _db(app) as db:
        users.disable(db, "officer@example.org", by=None, actor="cli")
        db.commit()


def _idle(app, c):
    from service.domain.models import UserSession, utcnow

    with _db(app) as db:
        db.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=61)))
        db.commit()


def _too_old(app, c):
    from service.domain.models import UserSession, utcnow

    with _db(app) as db:  # busy all along, but signed in more than SESSION_HOURS ago
        db.execute(update(UserSession).values(created_at=utcnow() - timedelta(hours=8, minutes=1),
                                              last_seen_at=utcnow()))
        db.commit()


@pytest.mark.parametrize("end", [_sign_out, _new_password, _disable, _idle, _too_old])
def test_a_saved_cookie_opens_nothing_once_the_session_ended(app, officer, end):
    c = _signed_in(app)
    saved = c.get_cookie("foia_session").value
    assert _replay(app, saved).get("/officer/").status_code == 200
    end(app, c)
    r = _replay(app, saved).get("/officer/")
    assert r.status_code == 302 and "/sign-in" in r.headers["Location"]


def test_signing_out_ends_only_that_browser(app, officer):
    first, second = _signed_in(app), _signed_in(app)
    post_form(first, "/sign-out")
    assert first.get("/officer/").status_code == 302
    assert second.get("/officer/").status_code == 200


def test_disabling_revokes_every_api_token_at_once(app, officer):
    token = make_token(app)
    headers = {"Authorization": f"Bearer {token}"}
    c = app.test_client()
    assert c.get("/api/v1/papers/1", headers=headers).status_code == 404  # signed in, no such paper
    _disable(app, None)
    assert c.get("/api/v1/papers/1", headers=headers).status_code == 401
    from service.domain import users

    with _db(app) as db:
        users.enable(db, "officer@example.org", by=None, actor="cli")
        db.commit()
    assert c.get("/api/v1/papers/1", headers=headers).status_code == 401  # old tokens stay revoked
    assert _signed_in(app).get("/officer/").status_code == 200


# --- the command line ------------------------------------------------------------------------------------

@pytest.fixture
def cli(app, monkeypatch):
    """Run ``foia ...`` in-process against the app's database; returns (exit, stdout, stderr)."""
    from service.cli import main

    monkeypatch.setenv("FOIA_ENV", "testing")
    monkeypatch.setenv("FOIA_DATA_DIR", app.config["DATA_DIR"])
    monkeypatch.setenv("FOIA_DATABASE_URL", app.config["DATABASE_URL"])

    def run(*argv, stdin=""):
        import contextlib
        import sys

        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exc:
                code = exc.code
        return code, out.getvalue(), err.getvalue()
    return run


def _user(app, email="officer@example.org"):
    from service.domain.models import User

    with _db(app) as db:
        u = db.scalar(select(User).where(User.email == email))
        return (u.role, u.active) if u else None


@pytest.mark.parametrize("argv, stdin, code, said, state", [
    (("user", "disable", "officer@example.org"), "", 0, "Disabled officer@example.org", ("officer", False)),
    (("user", "disable", "OFFICER@example.org "), "", 0, "Disabled", ("officer", False)),
    (("user", "set-role", "officer@example.org", "admin"), "", 0, "is now admin", ("admin", True)),
    (("user", "set-role", "officer@example.org", "root"), "", 2, "invalid choice", ("officer", True)),
    (("user", "set-password", "officer@example.org", "--password-stdin"), NEW_PASSWORD + "\n", 0,
     "New password set", ("officer", True)),
    (("user", "set-password", "officer@example.org", "--password-stdin"), "short\n", 2,
     "at least 10 characters", ("officer", True)),
    (("user", "disable", "nobody@example.org"), "", 2, "no user with that e-mail address", ("officer", True)),
    (("user", "enable", "officer@example.org"), "", 0, "Enabled officer@example.org", ("officer", True)),
    # no terminal and nothing piped in: a clear refusal, never "internal error (EOFError)"
    (("user", "set-password", "officer@example.org"), "", 2, "no password given", ("officer", True)),
    (("user", "add", "new@example.org"), "", 2, "no password given", ("officer", True)),
    # longer than sign-in reads: the account could never sign in (QA of issue 15)
    (("user", "add", "new@example.org", "--password-stdin"), "p" * 1025 + "\n", 2, "at most 1024",
     ("officer", True)),
])
def test_user_commands(app, officer, cli, argv, stdin, code, said, state):
    status, out, err = cli(*argv, stdin=stdin)
    assert status == code and said in out + err
    assert _user(app) == state


def test_user_list_and_set_password_signs_in_with_the_new_one(app, officer, cli):
    add_user(app, "boss@example.org", role="admin")
    status, out, _ = cli("user", "list")
    assert status == 0 and "boss@example.org" in out and "officer@example.org" in out and "admin" in out
    status, out, _ = cli("user", "list", "--json")
    assert status == 0 and {u["email"] for u in __import__("json").loads(out)} == {"boss@example.org",
                                                                                   "officer@example.org"}
    assert cli("user", "set-password", "officer@example.org", "--password-stdin", stdin=NEW_PASSWORD)[0] == 0
    assert sign_in(app.test_client(), password=PASSWORD).status_code == 401
    assert sign_in(app.test_client(), password=NEW_PASSWORD).status_code == 302


def test_the_last_active_administrator_stays(app, cli):
    add_user(app, "boss@example.org", role="admin")
    for argv in (("user", "disable", "boss@example.org"), ("user", "set-role", "boss@example.org", "officer")):
        status, _, err = cli(*argv)
        assert status == 2 and "last active administrator" in err
    add_user(app, "deputy@example.org", role="admin")
    assert cli("user", "disable", "boss@example.org")[0] == 0


# --- the admin page --------------------------------------------------------------------------------------

def test_officers_cannot_manage_users(app, officer):
    add_user(app, "other@example.org")
    c = _signed_in(app)
    assert c.get("/officer/users").status_code == 403
    assert post_form(c, "/officer/users/2/disable").status_code == 403
    assert _user(app, "other@example.org") == ("officer", True)


@pytest.mark.parametrize("action, data, status, state", [
    ("disable", {}, 303, ("officer", False)),
    ("role", {"role": "admin"}, 303, ("admin", True)),
    ("role", {"role": "root"}, 400, ("officer", True)),
    ("password", {"password": NEW_PASSWORD, "again": NEW_PASSWORD}, 303, ("officer", True)),
    ("password", {"password": NEW_PASSWORD, "again": "something else"}, 400, ("officer", True)),
])
def test_admins_manage_users_on_the_admin_page(app, officer, action, data, status, state):
    add_user(app, "boss@example.org", role="admin")
    victim = _signed_in(app)
    admin = _signed_in(app, "boss@example.org")
    page = admin.get("/officer/users").get_data(as_text=True)
    assert "officer@example.org" in page and "Add a user" in page
    r = post_form(admin, f"/officer/users/1/{action}", data, page="/officer/users")
    assert r.status_code == status
    assert _user(app) == state
    ended = action == "disable" or (action == "password" and r.status_code == 303)
    assert victim.get("/officer/").status_code == (302 if ended else 200)


def test_admin_adds_a_user_and_an_officer_changes_their_own_password(app, officer):
    add_user(app, "boss@example.org", role="admin")
    admin = _signed_in(app, "boss@example.org")
    r = post_form(admin, "/officer/users/add", {"email": "new@example.org", "role": "officer",
                                               "password": NEW_PASSWORD, "again": NEW_PASSWORD},
                  page="/officer/users")
    assert r.status_code == 303 and _user(app, "new@example.org") == ("officer", True)
    me, elsewhere = _signed_in(app), _signed_in(app)
    r = post_form(me, "/officer/account/password", {"current": "wrong one!!", "new": NEW_PASSWORD,
                                                   "again": NEW_PASSWORD}, page="/officer/account/password")
    assert r.status_code == 400
    r = post_form(me, "/officer/account/password", {"current": PASSWORD, "new": NEW_PASSWORD,
                                                   "again": NEW_PASSWORD}, page="/officer/account/password")
    assert r.status_code == 303
    assert me.get("/officer/").status_code == 200          # this browser carries on
    assert elsewhere.get("/officer/").status_code == 302   # every other session ended


# --- sign-in work bounded ------------------------------------------------------------------------------

@pytest.mark.parametrize("limits, attempts, refused_at", [
    # one account tried from many addresses
    ({"SIGN_IN_ACCOUNT_LIMIT": 3}, [("officer@example.org", f"192.0.2.{i}") for i in range(4)], 3),
    # one address trying many accounts
    ({"SIGN_IN_ADDRESS_LIMIT": 3}, [(f"user{i}@example.org", "192.0.2.9") for i in range(4)], 3),
])
def test_sign_in_limits_per_account_and_per_address_compute_no_hash(make_app, monkeypatch, limits, attempts,
                                                                      refused_at):
    app = make_app(**limits)
    add_user(app)
    from service.web import auth

    hashes = []  # each check_password computes one Argon2 hash
    real = auth.check_password
    monkeypatch.setattr(auth, "check_password", lambda *a: hashes.append(1) or real(*a))
    for n, (email, address) in enumerate(attempts):
        c = app.test_client()
        c.environ_base["REMOTE_ADDR"] = address
        r = sign_in(c, email, "wrong password")
        assert r.status_code == (429 if n >= refused_at else 401)
    assert len(hashes) == refused_at  # no hash once the limit is hit


def test_guessing_the_current_password_from_a_session_is_bounded(make_app):
    app = make_app(SIGN_IN_LIMIT=2)
    add_user(app)
    c = _signed_in(app)
    for expected in (400, 400, 429):
        r = post_form(c, "/officer/account/password", {"current": "a wrong guess!", "new": NEW_PASSWORD,
                                                      "again": NEW_PASSWORD}, page="/officer/account/password")
        assert r.status_code == expected


def test_sign_in_refused_when_every_hash_slot_is_busy(make_app):
    app = make_app(SIGN_IN_CONCURRENCY=1, SIGN_IN_QUEUE_S=0)
    add_user(app)
    from service.domain import signin_limits

    with signin_limits.hash_slot(app.config):  # another sign-in holds the only slot
        r = sign_in(app.test_client())
    assert r.status_code == 503 and "busy" in r.get_data(as_text=True)
    assert sign_in(app.test_client()).status_code == 302


# --- ids never reused ----------------------------------------------------------------------------------

def test_a_discarded_papers_id_is_never_given_again(app, officer):
    """The newest paper discarded, the next upload gets a new id: its history holds none of the old one's
    events (SQLite AUTOINCREMENT; PostgreSQL sequences)."""
    from service.domain import audit
    from service.domain.models import AuditEvent, Paper, User

    with _db(app) as db:
        user = db.get(User, 1)
        old = Paper(state="ready", original_name="p.pdf", uploaded_by=user.id)
        db.add(old)
        db.flush()
        audit.record(db, "uploaded", user=user, paper_id=old.id)
        db.commit()
        first = old.id
        audit.record(db, "discarded", user=user, paper_id=first)
        db.delete(old)
        db.commit()
        new = Paper(state="uploaded", original_name="q.pdf", uploaded_by=user.id)
        db.add(new)
        db.commit()
        assert new.id > first
        events = {e.action for e in db.scalars(select(AuditEvent).where(AuditEvent.paper_id == new.id))}
        assert events == set()


def test_migration_0006_keeps_every_row_and_never_reuses_an_old_id(tmp_path):
    """SQLite: the AUTOINCREMENT rebuild copies rows with their ids (parts are not cascaded away with the
    papers table), and the counter starts above every paper id the audit trail names."""
    from sqlalchemy import create_engine, text

    from service.infra.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0005")
    engine = create_engine(url)
    stamp = "'2026-01-01 00:00:00'"
    with engine.begin() as c:
        c.execute(text(f"INSERT INTO users (id, email, password_hash, role, active, created_at) "
                       f"VALUES (1, 'officer@example.org', 'x', 'officer', 1, {stamp})"))
        for i in (1, 2):
            c.execute(text(f"INSERT INTO papers (id, state, original_name, original_size, page_count, created_at, "
                           f"updated_at) VALUES ({i}, 'ready', 'p.pdf', 0, 0, {stamp}, {stamp})"))
        c.execute(text(f"INSERT INTO parts (paper_id, number, state, size, pages, in_file, created_at, updated_at) "
                       f"VALUES (2, 1, 'draft', 0, 0, 1, {stamp}, {stamp})"))
        c.execute(text(f"INSERT INTO audit_events (actor, action, paper_id, details, at) "
                       f"VALUES ('officer', 'discarded', 7, '{{}}', {stamp})"))  # paper 7 was discarded
    upgrade(url)
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM parts")).scalar() == 1
        assert c.execute(text("SELECT count(*) FROM papers")).scalar() == 2
        assert "AUTOINCREMENT" in c.execute(text("SELECT sql FROM sqlite_master WHERE name = 'papers'")).scalar()
        assert c.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        c.execute(text(f"INSERT INTO papers (state, original_name, original_size, page_count, created_at, "
                       f"updated_at) VALUES ('uploaded', 'p.pdf', 0, 0, {stamp}, {stamp})"))
        assert c.execute(text("SELECT max(id) FROM papers")).scalar() == 8
    engine.dispose()


# --- password hashing ----------------------------------------------------------------------------------

def test_production_hashes_keep_argon2_defaults_and_old_hashes_upgrade(app):
    """The suite hashes with cheap parameters (tests/conftest.py); the service itself keeps argon2-cffi's
    (checked in a fresh interpreter), and a hash made with them still signs in and is upgraded."""
    import subprocess
    import sys

    from argon2 import PasswordHasher

    from service.domain.models import User

    made = subprocess.run([sys.executable, "-c", "from service.domain.accounts import hash_password; "
                           "print(hash_password('a long enough password'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert made.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    add_user(app)
    with _db(app) as db:
        user = db.scalar(select(User))
        user.password_hash = PasswordHasher().hash(PASSWORD)  # as stored by a production service
        db.commit()
    assert sign_in(app.test_client()).status_code == 302
    with _db(app) as db:
        assert db.scalar(select(User)).password_hash.startswith("$argon2id$v=19$m=1024,t=1,p=1$")  # upgraded


def test_an_admin_who_makes_themselves_an_officer_lands_on_the_dashboard(app, officer):
    """QA of issue 15: demoting or disabling oneself redirected to the user list, which then answered 403."""
    add_user(app, "boss@example.org", role="admin")
    add_user(app, "deputy@example.org", role="admin")
    admin = _signed_in(app, "boss@example.org")
    r = post_form(admin, "/officer/users/2/role", {"role": "officer"}, page="/officer/users")
    assert r.status_code == 303 and r.headers["Location"].endswith("/officer/")
    assert admin.get("/officer/").status_code == 200 and _user(app, "boss@example.org") == ("officer", True)
    deputy = _signed_in(app, "deputy@example.org")
    r = post_form(deputy, "/officer/users/3/role", {"role": "admin"}, page="/officer/users")
    assert r.headers["Location"].endswith("/officer/users")  # still an administrator: back to the list
