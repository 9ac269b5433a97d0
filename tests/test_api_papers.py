"""The JSON API with bearer tokens, on SQLite and PostgreSQL: upload, read, publish, errors."""

import io

import pytest

from tests.conftest import add_user, make_token, part2_paper


@pytest.fixture
def api(db_app):
    add_user(db_app)
    token = make_token(db_app)
    client = db_app.test_client()

    def call(method: str, url: str, **kwargs):
        headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
        return client.open(url, method=method, headers=headers, **kwargs)

    call.app = db_app
    return call


def post_paper(api, data: bytes, name: str = "paper.pdf"):
    return api("POST", "/api/v1/papers", data={"file": (io.BytesIO(data), name)},
               content_type="multipart/form-data")


def test_upload_returns_the_analysis(api, small_pdf):
    r = post_paper(api, small_pdf)
    assert r.status_code == 201, r.json
    assert set(r.json) == {"id", "analysis"}
    a = r.json["analysis"]
    assert a["reference"] == "PCD 911" and a["pages"] == 1 and a["part2"] is None
    assert {p["type"] for p in a["personal_data"]} == {"PERSON", "PHONE_NUMBER"}
    got = api("GET", f"/api/v1/papers/{r.json['id']}")
    assert got.status_code == 200 and got.json["state"] == "ready" and got.json["analysis"] == a


def test_large_papers_are_analysed_in_the_background(api, monkeypatch, small_pdf):
    monkeypatch.setattr("service.domain.papers.API_SYNC_PAGES", 0)
    r = post_paper(api, small_pdf)
    assert r.status_code == 202 and r.json["state"] == "analysing" and r.json["status"] == "/api/v1/papers/1"
    api.app.extensions["foia.worker"].drain()
    assert api("GET", "/api/v1/papers/1").json["state"] == "ready"


@pytest.mark.parametrize("data, name, status, message", [
    (b"", "a.pdf", 400, "empty"),
    (b"hello", "a.txt", 400, "not a PDF"),
    (b"%PDF-1.4 garbage", "a.pdf", 400, "damaged"),
])
def test_bad_uploads_are_json_errors(api, data, name, status, message):
    r = post_paper(api, data, name)
    assert r.status_code == status and message in r.json["error"] and set(r.json) == {"error"}


def test_missing_file_field_and_unknown_paper(api):
    r = api("POST", "/api/v1/papers", data={"other": "x"})
    assert r.status_code == 400 and "file" in r.json["error"]
    for method, url in [("GET", "/api/v1/papers/99"), ("POST", "/api/v1/papers/99/publish")]:
        r = api(method, url)
        assert r.status_code == 404 and r.json == {"error": "no such paper"}


@pytest.mark.parametrize("body, message", [
    ("[1, 2]", "JSON object"), ("not json", "JSON object"),
    ('{"items": {"p1-1": "maybe"}}', "keep"), ('{"release_on": "01/04/2030"}', "YYYY-MM-DD"),
    ('{"part2_start": {"page": "x"}}', "part2_start"),
])
def test_bad_decisions_are_refused(api, small_pdf, body, message):
    post_paper(api, small_pdf)
    r = api("POST", "/api/v1/papers/1/publish", data=body, content_type="application/json")
    # not a JSON object: 400; decisions that cannot be used: 422 (service.domain.validation)
    assert r.status_code == (400 if message == "JSON object" else 422) and message in r.json["error"]


def test_publish_with_decisions(api, redact_available):
    r = post_paper(api, part2_paper(until="01/04/2030"))
    assert r.status_code == 201
    a = r.json["analysis"]
    name = next(p for p in a["personal_data"] if p["text"] == "Jane Hollowell")
    r = api("POST", "/api/v1/papers/1/publish", json={"items": {name["id"]: "keep"},
                                                      "redact_texts": ["Northgate Ltd"],
                                                      "review_on": "2029-06-01"})
    assert r.status_code == 200, r.json
    assert r.json == {"slug": "pcd-912", "part1": {"state": "published", "publish_on": None},
                      "part2": {"state": "withheld", "release_on": "2030-04-01", "review_on": "2029-06-01"}}
    again = api("POST", "/api/v1/papers/1/publish")
    assert again.status_code == 409 and "already published" in again.json["error"]
    got = api("GET", "/api/v1/papers/1").json
    assert got["state"] == "published" and got["slug"] == "pcd-912" and got["decisions"]["redact_texts"]


def test_publish_without_part2_and_past_release(api, redact_available, small_pdf):
    post_paper(api, small_pdf)
    r = api("POST", "/api/v1/papers/1/publish")
    assert r.status_code == 200 and r.json["part2"] is None and r.json["slug"] == "pcd-911"
    post_paper(api, part2_paper(until="01/04/2025"))
    r = api("POST", "/api/v1/papers/2/publish")
    assert r.json["part2"]["state"] == "released" and r.json["slug"] == "pcd-912"


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer foia_wrong", "Basic Zm9vOmJhcg==", "Token foia_x"])
def test_a_valid_token_is_required(db_app, header):
    headers = {"Authorization": header} if header else {}
    r = db_app.test_client().get("/api/v1/papers/1", headers=headers)
    assert r.status_code == 401 and "token" in r.json["error"] and "Bearer" in r.headers["WWW-Authenticate"]


@pytest.mark.slow
def test_publish_waits_for_an_officer_to_confirm_image_pages(api):
    from pathlib import Path

    data = (Path(__file__).parent / "qa_pdfs" / "scanned.pdf").read_bytes()
    r = post_paper(api, data)
    assert r.status_code == 201 and r.json["analysis"]["needs_confirmation"] == ["image_pages"]
    paper = r.json["id"]
    refused = api("POST", f"/api/v1/papers/{paper}/publish", json={})
    assert refused.status_code == 422 and "confirm" in refused.json["error"], refused.json
    ok = api("POST", f"/api/v1/papers/{paper}/publish", json={"confirmed": ["image_pages"]})
    assert ok.status_code == 200, ok.json
    assert ok.json["part1"]["state"] == "published"


@pytest.mark.parametrize("decisions, field", [
    ({"redact_texts": ["Riverside"]}, "title"),          # an officer's text to redact everywhere
    ({"redact_texts": ["PCD 911"]}, "reference"),
])
def test_a_redacted_text_in_a_public_field_stops_publication(api, small_pdf, decisions, field):
    r = post_paper(api, small_pdf)
    refused = api("POST", f"/api/v1/papers/{r.json['id']}/publish", json=decisions)
    assert refused.status_code == 422, refused.json
    assert field in refused.json["error"] and "Riverside" not in refused.json["error"]
    assert api("GET", f"/api/v1/papers/{r.json['id']}").json["state"] == "ready"


def test_unknown_item_ids_are_refused(api, small_pdf):
    r = post_paper(api, small_pdf)
    refused = api("POST", f"/api/v1/papers/{r.json['id']}/publish", json={"items": {"zz-9": "redact"}})
    assert refused.status_code == 422 and "unknown item id" in refused.json["error"].lower(), refused.json


def test_revoked_tokens_stop_working(api):
    from service.domain.accounts import revoke_tokens

    assert api("GET", "/api/v1/papers/999").status_code == 404  # the token works
    with api.app.extensions["foia.db"].session() as db:
        assert revoke_tokens(db, "officer@example.org") == 1
        db.commit()
    assert api("GET", "/api/v1/papers/999").status_code == 401


# Every route about one paper: 404 {"error": "no such paper"} first, whatever the body (service.web.api.blueprint's
# paper_route), then 400 with the route's own words when the body is not the JSON object it reads.
PAPER_ROUTES = [("GET", ""), ("POST", "/analyse"), ("POST", "/publish"), ("POST", "/approve"), ("POST", "/return"),
                ("POST", "/withdraw"), ("GET", "/versions"), ("POST", "/versions"), ("PUT", "/note"),
                ("GET", "/redactions"), ("GET", "/redactions.csv")]


@pytest.mark.parametrize("method, path", PAPER_ROUTES)
def test_every_paper_route_answers_404_for_an_unknown_paper(api, method, path):
    r = api(method, f"/api/v1/papers/99{path}", data="[1, 2]", content_type="application/json")
    assert r.status_code == 404 and r.json == {"error": "no such paper"}


BAD_BODIES = [
    ("/publish", "[1, 2]", "the body must be a JSON object of decisions (or empty)"),
    ("/publish", "not json", "the body must be a JSON object of decisions (or empty)"),
    ("/approve", "[1, 2]", 'the body must be empty or a JSON object such as {"request": 12}'),
    ("/approve", '{"request": "twelve"}', 'the body must be empty or a JSON object such as {"request": 12}'),
    ("/return", "[1, 2]", 'the body must be a JSON object such as {"note": "…"}'),
    ("/return", '{"note": 5}', 'the body must be a JSON object such as {"note": "…"}'),
    ("/withdraw", "", 'send a JSON object {"reason": "…"}: the reason is shown on the public page'),
    ("/withdraw", '"a reason"', 'send a JSON object {"reason": "…"}: the reason is shown on the public page'),
    ("/note", "not json", 'send a JSON object {"note": "…"}'),
]


@pytest.mark.parametrize("path, body, message", BAD_BODIES)
def test_a_body_that_is_not_the_json_object_a_route_reads_is_400(api, small_pdf, path, body, message):
    post_paper(api, small_pdf)
    r = api("PUT" if path == "/note" else "POST", f"/api/v1/papers/1{path}", data=body,
            content_type="application/json")
    assert r.status_code == 400 and r.json == {"error": message}


@pytest.mark.parametrize("body, problems", [
    ({"itemz": {}}, ["unknown key(s) in the body: 'itemz'"]),                  # a typo published every proposal
    ({"items": {}, "Title": "x", "redact_text": []}, ["'Title', 'redact_text'"]),
    ({"title": ""}, ["title must not be empty"]),
    ({"title": 7}, ["title must be text"]),
    ({"title": "x" * 501}, ["title has at most 500 characters"]),
    ({"reference": "R" * 65}, ["reference has at most 64 characters"]),
    ({"reference": ["PCD 1"], "wat": 1}, ["unknown key(s) in the body: 'wat'", "reference must be text"]),
])
def test_a_publish_body_with_unknown_keys_or_bad_fields_is_refused_naming_them(api, small_pdf, body, problems):
    paper = post_paper(api, small_pdf).json["id"]
    refused = api("POST", f"/api/v1/papers/{paper}/publish", json=body)
    assert refused.status_code == 422, refused.json
    for problem in problems:
        assert problem in refused.json["error"] and any(problem in p for p in refused.json["problems"])
    got = api("GET", f"/api/v1/papers/{paper}").json
    assert got["state"] == "ready" and (got["title"], got["reference"]) == (
        "Funding for the Riverside Youth Project", "PCD 911")  # nothing saved


@pytest.mark.parametrize("body, title, reference, slug", [
    ({"title": "Youth  project\nfunding", "reference": "PCD 911/A"}, "Youth project funding", "PCD 911/A",
     "pcd-911-a"),                                                         # one line, as the review form
    ({"title": "Youth project funding"}, "Youth project funding", "PCD 911", "pcd-911"),
    ({"reference": None, "items": {}}, "Funding for the Riverside Youth Project", None,
     "funding-for-the-riverside-youth-project"),                          # null removes the reference
])
def test_publish_sets_the_title_and_reference(api, redact_available, small_pdf, body, title, reference, slug):
    paper = post_paper(api, small_pdf).json["id"]
    r = api("POST", f"/api/v1/papers/{paper}/publish", json=body)
    assert r.status_code == 200 and r.json["slug"] == slug, r.json
    assert set(r.json) == {"slug", "part1", "part2"}  # the response as before
    got = api("GET", f"/api/v1/papers/{paper}").json
    assert (got["title"], got["reference"]) == (title, reference)


def test_a_refused_publish_keeps_the_title_it_had(api, small_pdf):
    paper = post_paper(api, small_pdf).json["id"]
    refused = api("POST", f"/api/v1/papers/{paper}/publish",
                  json={"title": "Grant to Jane Hollowell", "reference": "PCD 911-B"})  # a name being redacted
    assert refused.status_code == 422 and "title" in refused.json["error"]
    assert "Hollowell" not in refused.json["error"]
    got = api("GET", f"/api/v1/papers/{paper}").json
    assert (got["state"], got["title"], got["reference"]) == ("ready", "Funding for the Riverside Youth Project",
                                                               "PCD 911")


@pytest.mark.parametrize("uploads, same_as", [
    (["a"], None),                    # the response as before
    (["a", "b"], None),               # another file
    (["a", "a"], [1]),                # the same file again: accepted, with a warning naming the first
    (["a", "b", "a", "a"], [1, 3]),
])
def test_the_same_file_uploaded_again_is_accepted_with_a_warning(api, small_pdf, uploads, same_as):
    files = {"a": small_pdf, "b": part2_paper()}
    for r in [post_paper(api, files[f]) for f in uploads]:
        assert r.status_code == 201, r.json
    if same_as is None:
        assert set(r.json) == {"id", "analysis"}
    else:
        assert [o["id"] for o in r.json["same_file_as"]] == same_as
        assert r.json["same_file_as"][0] == {"id": 1, "state": "ready", "slug": None, "url": "/api/v1/papers/1"}
