"""E-mail to officers through a real SMTP server on 127.0.0.1 (aiosmtpd), on SQLite and PostgreSQL, with an
injected clock (the sweep is called directly; nothing sleeps): the daily digest, releases, reviews, failed
releases and approval requests; retries with backoff; each message sent once; no personal data; no password
in the logs."""

from __future__ import annotations

import email
import email.policy
import io
import logging
import socket
import threading
from datetime import timedelta

import pytest

from service.jobs.release_clock import ReleaseScheduler, mail_sweep_for
from service.domain.release import release_due
from service.infra.config import parse_time
from tests.conftest import BACKENDS, _app_on, add_user, make_token, need
from tests.release_helpers import Clock, d, database, publish_parts, utc

OFFICERS = ("one@example.org", "two@example.org")


class Inbox:
    """The aiosmtpd handler: keeps what it accepts; ``replies`` are answered to the next DATA commands."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.replies: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.replies:
                return self.replies.pop(0)
            message = email.message_from_bytes(envelope.content, policy=email.policy.default)
            message["X-Envelope-To"] = ",".join(envelope.rcpt_tos)
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def subjects(self) -> list[str]:
        return sorted(str(m["Subject"]) for m in self.messages)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def smtp_server():
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        need(False, "aiosmtpd is not installed")
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), server_hostname="localhost")
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def inbox(smtp_server):
    _, box = smtp_server
    box.messages.clear()
    box.replies.clear()
    return box


@pytest.fixture(scope="module", params=BACKENDS)
def shared_app(request, tmp_path_factory, smtp_server):
    """One app per database for the module (two officers with API tokens, two-person approval); each test
    starts from no papers and an empty outbox (:func:`mail_app`)."""
    controller, _ = smtp_server
    with _app_on(request.param, tmp_path_factory.mktemp("mail"), SMTP_URL=f"smtp://127.0.0.1:{controller.port}",
                 MAIL_FROM="foi@example.org", APPROVAL="two-person") as app:
        for address in OFFICERS:
            add_user(app, address)
        app.tokens = {who: make_token(app, who) for who in OFFICERS}
        yield app


@pytest.fixture
def mail_app(shared_app):
    """``mail_app(**settings)``: the shared app, emptied, with these settings for the mail sweep."""
    from service.domain.models import ApprovalRequest, AuditEvent, OutboxMessage, Paper, Part

    with database(shared_app).session() as db:
        for model in (OutboxMessage, ApprovalRequest, AuditEvent, Part, Paper):
            db.query(model).delete()
        db.commit()

    def make(**settings):
        config = dict(shared_app.config, **settings)
        config["DIGEST_TIME_OF_DAY"] = parse_time(config["DIGEST_TIME"])
        shared_app.mail_config = config
        return shared_app
    return make


def sweep(app, now):
    return mail_sweep_for(app.mail_config, database(app)).sweep(now)


def not_digests(inbox) -> list:
    return [m for m in inbox.messages if "Daily digest" not in m["Subject"]]


def outbox(app) -> list:
    from service.domain.models import OutboxMessage

    with database(app).session() as db:
        return list(db.query(OutboxMessage).order_by(OutboxMessage.id))


# --- what the clock brings -------------------------------------------------------------------------------

NOW = utc(2026, 3, 10, 12, 0)   # London is on GMT: 12:00


@pytest.mark.parametrize("part1, part2, release, subject", [
    (None, {"release_on": d("2026-03-10")}, True, "[FOIA] Released: Part 2 of PCD 1 – Title of PCD 1"),
    ({"state": "scheduled", "publish_on": d("2026-03-10")}, None, True,
     "[FOIA] Published: Part 1 of PCD 1 – Title of PCD 1"),
    (None, {"release_on": d("2026-04-01"), "review_on": d("2026-03-10")}, True,
     "[FOIA] Due for review: Part 2 of PCD 1 – Title of PCD 1"),
    (None, {"release_on": d("2026-03-10")}, False,      # due at 00:00, still withheld at noon: it failed
     "[FOIA] Release failed: Part 2 of PCD 1 – Title of PCD 1"),
], ids=["part2-released", "part1-published", "review-due", "release-failed"])
def test_a_message_to_every_officer_when_the_clock_acts_or_fails(mail_app, inbox, part1, part2, release, subject):
    app = mail_app(DIGEST_TIME="23:00")  # no digest in this test
    publish_parts(app, part1=part1, part2=part2)
    if release:
        with database(app).session() as db:
            assert release_due(NOW, session=db)
    result = sweep(app, NOW)
    assert result.sent == 2 and result.queued == 2
    assert [str(m["To"]) for m in inbox.messages] == list(OFFICERS)
    assert inbox.subjects() == [subject, subject]
    message = inbox.messages[0]
    assert message["From"] == "foi@example.org" and message["Auto-Submitted"] == "auto-generated"
    assert "http://127.0.0.1:8000/" in message.get_content()
    for later in (NOW, NOW + timedelta(minutes=1), NOW + timedelta(hours=3)):  # exactly once
        assert sweep(app, later).queued == 0
    assert len(inbox.messages) == 2


def test_one_message_per_sweep_however_many_parts_it_released(mail_app, inbox):
    app = mail_app(DIGEST_TIME="23:00")
    publish_parts(app, part2={"release_on": d("2026-03-09")}, count=3)
    with database(app).session() as db:
        assert len(release_due(NOW, session=db)) == 3
    assert sweep(app, NOW).sent == 2
    assert inbox.subjects() == ["[FOIA] Released: 3 parts"] * 2
    body = inbox.messages[0].get_content()
    assert [line for line in body.splitlines() if line.startswith("- ")] == [
        f"- Part 2 of PCD 1-{n} – Title of PCD 1-{n} was released: http://127.0.0.1:8000/decisions/pcd-1-{n}"
        for n in range(3)]
    publish_parts(app, part2={"release_on": d("2026-03-10")}, reference="PCD 9")  # a later sweep: its own message
    with database(app).session() as db:
        release_due(NOW + timedelta(minutes=1), session=db)
    assert sweep(app, NOW + timedelta(minutes=1)).sent == 2
    assert sweep(app, NOW + timedelta(minutes=2)).queued == 0 and len(inbox.messages) == 4


def test_the_daily_digest_goes_once_a_day_from_its_time(mail_app, inbox):
    app = mail_app(DIGEST_TIME="07:00", UPCOMING_DAYS=14)
    publish_parts(app, part2={"release_on": d("2026-03-20")}, reference="PCD 20")
    publish_parts(app, part2={"release_on": d("2026-06-01")}, reference="PCD 60")  # beyond the window
    before = utc(2026, 3, 10, 6, 59)
    assert sweep(app, before).queued == 0 and inbox.messages == []
    at = utc(2026, 3, 10, 7, 0)
    assert sweep(app, at).sent == 2
    body = inbox.messages[0].get_content()
    assert inbox.subjects() == ["[FOIA] Daily digest, 10 March 2026"] * 2
    assert "20 March 2026: Part 2 released – PCD 20 – Title of PCD 20" in body
    assert "PCD 60" not in body and "/officer/releases/" in body
    assert sweep(app, at + timedelta(hours=5)).queued == 0          # once a day
    assert sweep(app, at + timedelta(days=1)).sent == 2             # and the next day again
    assert len(inbox.messages) == 4


def test_no_digest_when_nothing_is_due(mail_app, inbox):
    app = mail_app()
    publish_parts(app, part2={"release_on": d("2027-01-01")})
    assert sweep(app, utc(2026, 3, 10, 9, 0)).queued == 0 and inbox.messages == []


def test_the_scheduler_sends_after_its_release_sweep(mail_app, inbox):
    app = mail_app(DIGEST_TIME="23:00")
    publish_parts(app, part2={"release_on": d("2026-03-10")})
    rs = ReleaseScheduler(database(app), clock=Clock(NOW),
                          after_sweep=mail_sweep_for(app.mail_config, database(app)))
    assert rs.sweep()
    assert inbox.subjects() == ["[FOIA] Released: Part 2 of PCD 1 – Title of PCD 1"] * 2


# --- approval ---------------------------------------------------------------------------------------------

def test_approval_request_and_decision_mail_the_right_officers_without_personal_data(mail_app, inbox, small_pdf,
                                                                                     redact_available):
    app = mail_app(DIGEST_TIME="23:00")
    tokens = app.tokens
    client = app.test_client()

    def call(who, method, url, **kwargs):
        return client.open(url, method=method, headers={"Authorization": f"Bearer {tokens[who]}"}, **kwargs)

    r = call(OFFICERS[0], "POST", "/api/v1/papers", data={"file": (io.BytesIO(small_pdf), "p.pdf")},
             content_type="multipart/form-data")
    paper = r.json["id"]
    assert call(OFFICERS[0], "POST", f"/api/v1/papers/{paper}/publish").status_code == 202
    queued = outbox(app)  # queued with the request, sent by the scheduler: the request never waits on SMTP
    assert [(m.kind, m.recipient, m.state) for m in queued] == [("approval_requested", OFFICERS[1], "pending")]
    assert inbox.messages == []
    now = queued[0].next_attempt_at  # the clock of the request (queued "now"); the sweep's clock is injected
    sweep(app, now)
    (asked,) = not_digests(inbox)
    assert asked["To"] == OFFICERS[1]
    assert asked["Subject"] == "[FOIA] Approval asked: PCD 911 – Funding for the Riverside Youth Project"
    assert f"http://127.0.0.1:8000/officer/papers/{paper}/review#approval" in asked.get_content()
    assert call(OFFICERS[1], "POST", f"/api/v1/papers/{paper}/approve").status_code == 200
    sweep(app, now + timedelta(minutes=5))
    approved = not_digests(inbox)[1]
    assert approved["To"] == OFFICERS[0] and approved["Subject"].startswith("[FOIA] Approved: PCD 911")
    for message in inbox.messages:
        text = message.as_string()
        assert "Hollowell" not in text and "7946" not in text


def test_an_approval_request_closed_before_the_sweep_is_not_announced(mail_app, inbox, small_pdf, redact_available):
    """Asked, then approved (or returned, or asked again) within the same minute: the approver was mailed
    "approval asked" for a paper already published."""
    app = mail_app(DIGEST_TIME="23:00")
    client = app.test_client()

    def call(who, url, **kwargs):
        return client.post(url, headers={"Authorization": f"Bearer {app.tokens[who]}"}, **kwargs)

    paper = call(OFFICERS[0], "/api/v1/papers", data={"file": (io.BytesIO(small_pdf), "p.pdf")},
                 content_type="multipart/form-data").json["id"]
    assert call(OFFICERS[0], f"/api/v1/papers/{paper}/publish").status_code == 202
    assert call(OFFICERS[0], f"/api/v1/papers/{paper}/publish").status_code == 202  # asked again: replaced
    assert [m.kind for m in outbox(app)] == ["approval_requested"]
    assert call(OFFICERS[1], f"/api/v1/papers/{paper}/return", json={"note": "Check page 2"}).status_code == 200
    assert [m.kind for m in outbox(app)] == ["approval_returned"]
    assert call(OFFICERS[0], f"/api/v1/papers/{paper}/publish").status_code == 202
    sweep(app, outbox(app)[-1].next_attempt_at)  # this one goes before the decision
    assert call(OFFICERS[1], f"/api/v1/papers/{paper}/approve").status_code == 200
    # the sweep's clock is the request's real "now": after 23:00 it also brings the day's digest, not asked here
    assert sorted((m.kind, m.state) for m in outbox(app) if m.kind != "digest") == [
        ("approval_approved", "pending"), ("approval_requested", "sent"), ("approval_returned", "sent")]


def test_a_withdrawal_mails_the_other_officers_without_the_reason(mail_app, inbox):
    """QA of issue 14: officers heard of releases and approvals but not of a withdrawal. The other officers
    get one message (once, however often it is asked) with links, never the reason's words."""
    app = mail_app(DIGEST_TIME="23:00")
    (made,) = publish_parts(app, part2={"release_on": d("2027-04-01")})
    client = app.test_client()
    reason = "Published in error: Part 2 of PCD 1 was meant to stay withheld."

    def withdraw():
        return client.post(f"/api/v1/papers/{made['paper']}/withdraw", json={"reason": reason},
                           headers={"Authorization": f"Bearer {app.tokens[OFFICERS[0]]}"})

    assert withdraw().status_code == 200
    assert withdraw().status_code == 409
    queued = outbox(app)
    assert [(m.kind, m.recipient) for m in queued] == [("withdrawn", OFFICERS[1])]
    sweep(app, queued[0].next_attempt_at)
    (message,) = not_digests(inbox)
    assert message["Subject"] == "[FOIA] Withdrawn: PCD 1 – Title of PCD 1"
    body = message.get_content()
    assert "http://127.0.0.1:8000/decisions/pcd-1" in body and "1 scheduled publication or release was cancelled" in body
    assert "meant to stay withheld" not in message.as_string()


def test_a_title_holding_redacted_text_is_left_out():
    from service.domain.models import Paper
    from service.domain.notifications import label

    paper = Paper(id=5, reference="PCD 5", title="Complaint about Jane Hollowell",
                  analysis={"personal_data": [{"id": "p1-a", "text": "Jane Hollowell", "action": "redact"}]},
                  decisions={})
    assert label(paper) == "PCD 5"
    paper.decisions = {"items": {"p1-a": "keep"}}
    assert label(paper) == "PCD 5 – Complaint about Jane Hollowell"


# --- sending: retries, once, logs ----------------------------------------------------------------------------

@pytest.mark.parametrize("replies, states, sent_after_retry", [
    (["451 4.3.0 Try again later"], ["pending"], True),       # temporary: retried after a minute
    (["554 5.7.1 Rejected"], ["failed"], False),              # permanent: not retried
    ([], ["sent"], False),
])
def test_failures_are_retried_with_backoff(mail_app, inbox, replies, states, sent_after_retry):
    from service.domain import notifications

    app = mail_app(DIGEST_TIME="23:00")
    with database(app).session() as db:
        notifications.enqueue(db, app.mail_config, "test", "k", notifications.officers(db)[:1], "Hello", "Body",
                              NOW)
        db.commit()
    inbox.replies.extend(replies)
    sweep(app, NOW)
    assert [m.state for m in outbox(app)] == states
    assert sweep(app, NOW + timedelta(seconds=59)).sent == 0      # the backoff: 1 minute after the 1st try
    retried = sweep(app, NOW + timedelta(minutes=1))
    assert retried.sent == (1 if sent_after_retry else 0)
    assert len(inbox.messages) == (1 if sent_after_retry or not replies else 0)
    row = outbox(app)[0]
    assert row.attempts == (2 if sent_after_retry else 1)


def test_an_unreachable_server_is_retried_then_given_up_and_logged_without_the_password(mail_app, caplog):
    from service.domain import notifications

    port = free_port()  # nothing listens there
    app = mail_app(SMTP_URL=f"smtps://mailer:s3cret-pass@127.0.0.1:{port}", DIGEST_TIME="23:00")
    with database(app).session() as db:
        notifications.enqueue(db, app.mail_config, "test", "k", notifications.officers(db)[:1], "Hello", "Body",
                              NOW)
        db.commit()
    now, waits = NOW, []
    with caplog.at_level(logging.INFO):
        for _ in range(notifications.MAX_ATTEMPTS):
            sweep(app, now)
            row = outbox(app)[0]
            if row.state == "failed":
                break
            waits.append(row.next_attempt_at - now)
            now = row.next_attempt_at
    assert row.state == "failed" and row.attempts == notifications.MAX_ATTEMPTS
    assert waits[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)] and max(waits) == timedelta(hours=1)
    assert f"smtps://127.0.0.1:{port}" in caplog.text
    assert "s3cret" not in caplog.text and "mailer:" not in caplog.text and OFFICERS[0] not in caplog.text


def test_a_failing_server_stops_the_round_so_the_release_sweep_never_waits_long(mail_app, inbox):
    from service.domain import notifications

    app = mail_app(SMTP_URL=f"smtp://127.0.0.1:{free_port()}", DIGEST_TIME="23:00")  # nothing listens there
    with database(app).session() as db:
        for n in range(3):
            notifications.enqueue(db, app.mail_config, "test", f"k{n}", notifications.officers(db)[:1], "S", "B", NOW)
        db.commit()
    result = sweep(app, NOW)
    assert result.retried == 1 and [m.attempts for m in outbox(app)] == [1, 0, 0]


def test_two_senders_at_once_send_each_message_once(mail_app, inbox):
    from service.domain import notifications

    app = mail_app(DIGEST_TIME="23:00")
    with database(app).session() as db:
        for n in range(15):
            notifications.enqueue(db, app.mail_config, "test", f"k{n}", notifications.officers(db), f"M{n}", "Body",
                                  NOW)
        db.commit()
    senders = [mail_sweep_for(app.mail_config, database(app)) for _ in range(2)]
    start = threading.Barrier(2)

    def run(sender):
        start.wait()
        sender.send_due(NOW)

    threads = [threading.Thread(target=run, args=(s,)) for s in senders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    ids = [m["Message-ID"] for m in inbox.messages]
    assert len(ids) == 30 and len(set(ids)) == 30
    assert {m.state for m in outbox(app)} == {"sent"}


def test_a_subject_typed_over_several_lines_is_sent_on_one_line(mail_app, inbox):
    """A title saved with a line break (a crafted form post) made a header no message could carry: its row
    was claimed, crashed the round and was claimed again every 15 minutes, never sent nor failed."""
    from service.domain import notifications

    app = mail_app(DIGEST_TIME="23:00")
    with database(app).session() as db:
        notifications.enqueue(db, app.mail_config, "test", "k", notifications.officers(db)[:1],
                              "Approval asked: PCD 7 – Grant\r\nto the Trust", "Body", NOW)
        db.commit()
    assert sweep(app, NOW).sent == 1
    assert inbox.subjects() == ["[FOIA] Approval asked: PCD 7 – Grant to the Trust"]


def test_a_row_no_message_can_be_made_of_fails_at_once_and_the_others_go(mail_app, inbox, caplog):
    from service.domain import notifications
    from service.domain.models import OutboxMessage

    app = mail_app(DIGEST_TIME="23:00")
    with database(app).session() as db:
        users = notifications.officers(db)
        notifications.enqueue(db, app.mail_config, "test", "good", users[:1], "Fine", "Body", NOW)
        db.add(OutboxMessage(kind="test", dedupe_key="bad", user_id=users[1].id, recipient=users[1].email,
                             subject="Broken\nBcc: someone@example.org", body="Body", state="pending",
                             attempts=0, next_attempt_at=NOW - timedelta(seconds=1), created_at=NOW))
        db.commit()
    with caplog.at_level(logging.INFO):
        result = sweep(app, NOW)
    assert (result.sent, result.failed) == (1, 1)
    assert {m.dedupe_key: m.state for m in outbox(app)} == {"bad": "failed", "good:u%d" % users[0].id: "sent"}
    assert "no valid message can be made" in caplog.text and "Bcc" not in caplog.text
    assert sweep(app, NOW + notifications.LEASE * 2).sent == 0 and len(inbox.messages) == 1  # never again


def test_a_from_address_with_a_name_gives_the_message_id_its_domain(mail_app, inbox):
    from service.domain import notifications

    app = mail_app(DIGEST_TIME="23:00", MAIL_FROM="FOI publication <foi@council.example.org>")
    with database(app).session() as db:
        notifications.enqueue(db, app.mail_config, "test", "k", notifications.officers(db)[:1], "S", "B", NOW)
        db.commit()
    assert sweep(app, NOW).sent == 1
    message = inbox.messages[0]
    assert message["From"].addresses[0].addr_spec == "foi@council.example.org"
    assert str(message["Message-ID"]).endswith("@council.example.org>")


def test_nothing_is_queued_without_a_mail_server(mail_app):
    from service.domain import notifications

    app = mail_app(SMTP_URL="")
    with database(app).session() as db:
        assert notifications.enqueue(db, app.mail_config, "t", "k", notifications.officers(db), "S", "B") == 0
    assert mail_sweep_for(app.mail_config, database(app)) is None


@pytest.mark.parametrize("settings, message", [
    ({"SMTP_URL": "http://mail.example.org"}, "scheme"),
    ({"SMTP_URL": "smtp://user:pw@mail.example.org"}, "unencrypted"),
    ({"SMTP_URL": "smtp://"}, "host"),
    ({"SMTP_URL": "smtp://mail.example.org:99999"}, "URL"),
    ({"SMTP_URL": "smtps://mail.example.org"}, "MAIL_FROM"),
    ({"SMTP_URL": "smtps://mail.example.org", "MAIL_FROM": "foi@"}, "MAIL_FROM: not an address"),
    ({"SMTP_URL": "smtps://mail.example.org", "MAIL_FROM": "foi@example.org\nBcc: x@example.org"},
     "MAIL_FROM: one address on one line"),
    ({"SMTP_URL": "smtps://mail.example.org", "MAIL_FROM": "a@example.org, b@example.org"}, "MAIL_FROM"),
    ({"SMTP_URL": "smtps://mail.example.org", "MAIL_FROM": "f@x.org", "SMTP_CA_FILE": "/nonexistent.pem"},
     "SMTP_CA_FILE"),
    ({"APPROVAL": "three-person"}, "APPROVAL"),
    ({"DIGEST_TIME": "7am"}, "DIGEST_TIME"),
])
def test_bad_settings_stop_the_start_with_a_clear_message(tmp_path, settings, message):
    from service.infra.config import ConfigError, load_config

    with pytest.raises(ConfigError) as refused:
        load_config({"ENV": "testing", "DATA_DIR": str(tmp_path), **settings}, environ={})
    assert message in str(refused.value) and "pw" not in str(refused.value)


@pytest.mark.parametrize("url, safe, user", [
    ("smtp://127.0.0.1:2525", "smtp://127.0.0.1:2525", ""),
    ("smtps://mailer:p%40ss@mail.example.org", "smtps://mail.example.org:465", "mailer"),
    ("smtp+starttls://m@mail.example.org", "smtp+starttls://mail.example.org:587", "m"),
])
def test_smtp_urls(url, safe, user):
    from service.infra.mail import parse_smtp_url

    server = parse_smtp_url(url)
    assert server.safe() == safe and server.username == user
    assert "p@ss" not in repr(server) and (server.password == "p@ss") == ("%40" in url)
