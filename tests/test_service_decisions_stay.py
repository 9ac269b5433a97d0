"""Decisions stay with the person through the service: preview and publication use the analysis stored at
upload (detection never runs again), and a paper analysed again after a policy or engine change carries
the officer's decisions over by content and tells the officer what changed.

PDF work runs in this process here (``pdfwork.run`` inline) so a policy file set for the test, and a
stand-in for an older detection model, reach the analysis.
"""

from __future__ import annotations

import copy

import pytest

from redaction.analysis import PersonalData
from tests.conftest import post_form
from tests.test_service_flow import audit_actions, paper_row, review_form, upload
from tests.textpdf import text_pdf

PAPER = text_pdf("Decision – PCD 913\n"
                 "Title: Custody interpreting services\n"
                 "Executive Summary\n"
                 "The panel was chaired by Marion Keble-Oduya and Commander Ruth Nwosu attended.\n"
                 "The contract manager, Jane Hollowell, can be reached on 020 7946 0123.\n"
                 "Part 1 of this approval to be deferred? NO\n"
                 "Is there a Part 2 form? NO\n")
ROSTER = '\n[[office_holders]]\nrole = "Chair of the Police and Crime Panel"\nnames = ["Marion Keble-Oduya"]\n'


@pytest.fixture
def inline(monkeypatch):
    """PDF work in this process; counts the analyses (detection runs) made."""
    from redaction import pipeline
    from service.infra import pdfwork

    runs = []
    real = pipeline._detect
    monkeypatch.setattr(pdfwork, "run", lambda kind, fn, *args: fn(*args))
    monkeypatch.setattr(pipeline, "_detect",
                        lambda doc, structure, *more: runs.append(1) or real(doc, structure, *more))
    return runs


def policy_file(tmp_path, change: str) -> str:
    from redaction.policy import DEFAULT_POLICY_FILE

    text = DEFAULT_POLICY_FILE.read_text(encoding="utf-8")
    if change == "roster":      # Marion Keble-Oduya, named above Jane Hollowell, becomes an office holder
        text += ROSTER
    elif change == "ranks":     # Commander is no longer a chief officer rank: Ruth Nwosu would be redacted
        assert '    "Commander",\n' in text
        text = text.replace('    "Commander",\n', "")
    path = tmp_path / f"policy-{change}.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def finding(app, text: str) -> dict:
    return next(p for p in paper_row(app).analysis["personal_data"] if p["text"] == text)


def keep_hollowell(client, app) -> str:
    hollowell = finding(app, "Jane Hollowell")["id"]
    form = review_form(client, **{f"item-{hollowell}": "keep", "then": "save"})
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    return hollowell


def publish(client):
    return post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/preview")


@pytest.mark.parametrize("change", ["roster", "ranks"])
def test_a_policy_change_between_review_and_publish_moves_no_decision(client, app, inline, tmp_path,
                                                                      monkeypatch, redact_available, change):
    upload(client, app, PAPER)
    assert len(inline) == 1
    keep_hollowell(client, app)
    stored = copy.deepcopy(paper_row(app).analysis)
    assert 'id="policy-changed"' not in client.get("/officer/papers/1/review").get_data(as_text=True)
    monkeypatch.setenv("FOIA_POLICY_FILE", policy_file(tmp_path, change))
    # the officer is told the policy changed since the analysis they are reviewing
    assert 'id="policy-changed"' in client.get("/officer/papers/1/review").get_data(as_text=True)
    assert post_form(client, "/officer/papers/1/preview", page="/officer/papers/1/preview").status_code == 303
    app.extensions["foia.worker"].drain()
    assert "Open Part 1" in client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert publish(client).status_code == 303
    assert len(inline) == 1  # neither preview nor publication analysed the paper again
    paper = paper_row(app)
    assert paper.analysis == stored
    text = paper.part(1).text
    # what the officer saw and decided is what was published: Hollowell kept, Keble-Oduya redacted (as
    # proposed at review), Nwosu kept (as proposed at review), the phone number redacted
    assert "Jane Hollowell" in text and "Keble-Oduya" not in text and "Ruth Nwosu" in text
    assert "7946" not in text


def older_model(monkeypatch):
    """An engine that missed Marion Keble-Oduya (the upgrade after review finds her)."""
    from redaction import pipeline

    current = pipeline._detect

    def missed(doc, structure, *more) -> list[PersonalData]:
        return [p for p in current(doc, structure, *more) if "Keble" not in p.text]

    monkeypatch.setattr(pipeline, "_detect", missed)
    return lambda: monkeypatch.setattr(pipeline, "_detect", current)


@pytest.mark.parametrize("change, tags, expect_in_text, expect_removed", [
    # the policy now keeps Keble-Oduya (named above Hollowell): Hollowell's keep stays on Hollowell
    ("roster", ["changed"], ["Jane Hollowell", "Marion Keble-Oduya", "Ruth Nwosu"], ["7946"]),
    # Commander is no longer kept: Nwosu's proposal is now redact; Hollowell's keep stays
    ("ranks", ["changed"], ["Jane Hollowell"], ["Keble", "Nwosu", "7946"]),
    # an engine upgrade finds Keble-Oduya above Hollowell: new, redacted by default; Hollowell kept
    ("upgrade", ["new"], ["Jane Hollowell", "Ruth Nwosu"], ["Keble", "7946"]),
])
def test_analysed_again_decisions_follow_the_person_and_the_officer_is_told(
        client, app, inline, tmp_path, monkeypatch, redact_available, change, tags, expect_in_text,
        expect_removed):
    restore = older_model(monkeypatch) if change == "upgrade" else None
    upload(client, app, PAPER)
    hollowell = keep_hollowell(client, app)
    if restore:
        restore()
    else:
        monkeypatch.setenv("FOIA_POLICY_FILE", policy_file(tmp_path, change))
    r = post_form(client, "/officer/papers/1/analyse-again", page="/officer/papers/1/review")
    assert r.status_code == 303
    app.extensions["foia.worker"].drain()
    paper = paper_row(app)
    assert paper.state == "ready" and len(inline) == 2
    assert paper.decisions["items"] == {hollowell: "keep"}  # the same item, the same (stable) id
    assert 'id="policy-changed"' not in client.get("/officer/papers/1/review").get_data(as_text=True)
    carried = paper.analysis["carried_over"]
    assert carried["unmatched"] == [] and "findings_changed" in paper.analysis["needs_confirmation"]
    page = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert "The paper was analysed again" in page
    for tag in tags:
        assert f'<span class="tag">{tag}</span>' in page
    # publication waits for the officer to look at what changed
    refused = publish(client)  # refused: the preview page says why (post, redirect, get)
    assert refused.status_code == 303 and "confirmation" in client.get(refused.headers["Location"]).get_data(
        as_text=True)
    form = review_form(client, confirm_findings_changed="1", then="save")
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    assert publish(client).status_code == 303
    text = paper_row(app).part(1).text
    for value in expect_in_text:
        assert value in text
    for value in expect_removed:
        assert value not in text
    assert audit_actions(app)[2:5] == ["decisions saved", "analysis again requested", "analysed again"]


def test_a_decision_that_finds_no_item_goes_back_to_the_officer(client, app, inline, monkeypatch,
                                                                 redact_available):
    upload(client, app, PAPER)
    keep_hollowell(client, app)
    with app.extensions["foia.db"].session() as db:  # an earlier analysis named the item differently
        from service.domain.models import Paper

        paper = db.get(Paper, 1)
        analysis = copy.deepcopy(paper.analysis)
        for p in analysis["personal_data"]:
            if p["text"] == "Jane Hollowell":
                p["boxes"] = [[60.0, 100.0, 120.0, 110.0]]  # somewhere else on the page
        paper.analysis = analysis
        db.commit()
    post_form(client, "/officer/papers/1/analyse-again", page="/officer/papers/1/review")
    app.extensions["foia.worker"].drain()
    paper = paper_row(app)
    assert paper.decisions["items"] == {}  # applied to nothing else
    assert [u["text"] for u in paper.analysis["carried_over"]["unmatched"]] == ["Jane Hollowell"]
    page = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert "were <strong>not applied</strong>" in page and "Jane Hollowell" in page


def test_the_api_analyses_again_and_returns_the_carried_decisions(app, api_token, inline):
    import io

    c = app.test_client()
    auth = {"Authorization": f"Bearer {api_token}"}
    created = c.post("/api/v1/papers", data={"file": (io.BytesIO(PAPER), "p.pdf")}, headers=auth)
    assert created.status_code == 201
    hollowell = next(p["id"] for p in created.json["analysis"]["personal_data"] if p["text"] == "Jane Hollowell")
    with app.extensions["foia.db"].session() as db:
        from service.domain.models import Paper

        db.get(Paper, 1).decisions = {"items": {hollowell: "keep"}}
        db.commit()
    again = c.post("/api/v1/papers/1/analyse", headers=auth)
    assert again.status_code == 200, again.json
    assert again.json["decisions"]["items"] == {hollowell: "keep"}
    assert again.json["analysis"]["carried_over"]["unmatched"] == []
    assert c.post("/api/v1/papers/99/analyse", headers=auth).status_code == 404


def test_analysed_again_in_the_pdf_process_with_nothing_changed(client, app, redact_available):
    """Through the real process pool: the same findings, the same ids, nothing for the officer to confirm."""
    upload(client, app, PAPER)
    hollowell = keep_hollowell(client, app)
    before = paper_row(app).analysis
    post_form(client, "/officer/papers/1/analyse-again", page="/officer/papers/1/review")
    app.extensions["foia.worker"].drain()
    paper = paper_row(app)
    assert paper.state == "ready" and paper.decisions["items"] == {hollowell: "keep"}
    assert [p["id"] for p in paper.analysis["personal_data"]] == [p["id"] for p in before["personal_data"]]
    assert paper.analysis["carried_over"] == {"unmatched": [], "new": [], "changed": [],
                                              "matched": len(before["personal_data"])}
    assert "findings_changed" not in paper.analysis["needs_confirmation"]
    assert publish(client).status_code == 303 and "Jane Hollowell" in paper_row(app).part(1).text


def test_a_paper_stored_before_the_upgrade_publishes_with_its_own_rank_ids(client, app, inline,
                                                                           redact_available):
    """Papers analysed by an older release keep their stored analysis (ids by rank, "p1-3") and the
    decisions made on it: publication uses exactly that pair, so nothing moves."""
    upload(client, app, PAPER)
    with app.extensions["foia.db"].session() as db:
        from service.domain.models import Paper

        paper = db.get(Paper, 1)
        analysis = copy.deepcopy(paper.analysis)
        for n, p in enumerate(analysis["personal_data"], 1):
            p["id"] = f"p{p['page']}-{n}"
        analysis.pop("policy_digest", None)
        paper.analysis = analysis
        paper.decisions = {"items": {finding_in(analysis, "Jane Hollowell"): "keep"}}
        db.commit()
    assert publish(client).status_code == 303 and len(inline) == 1
    text = paper_row(app).part(1).text
    assert "Jane Hollowell" in text and "Keble" not in text and "7946" not in text


def finding_in(analysis: dict, text: str) -> str:
    return next(p["id"] for p in analysis["personal_data"] if p["text"] == text)
