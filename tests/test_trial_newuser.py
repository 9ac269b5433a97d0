"""Found by trying the service as a new officer (trial of 30 November 2026, fictional NHS FOI reply with e-mails)."""

import pytest

from service.web.officer.review_warnings import preview_failure


@pytest.mark.parametrize("error, words", [
    # A check of the whole file names no page: the preview said nothing but the check's name.
    ("Verification failed: raw-streams (part 1); nothing was published. Change your decisions and try again.",
     "A redacted value could still be found inside the file of Part 1 (in its data, not on a page)"),
    ("Verification failed: metadata (part 2); nothing was published.",
     "A redacted value could still be found inside the file of Part 2"),
    ("Verification failed: part2-ngrams (part 1); nothing was published.",
     "Part 1 would hold text of Part 2 (Part 1): check where Part 2 starts"),
    ("Verification failed: text-pdfium (part 1, page 2); nothing was published.",
     "A redacted value could still be read in Part 1, page 2"),
])
def test_a_preview_stopped_by_a_whole_file_check_says_what_to_check(error, words):
    said = preview_failure(error, "leak")
    assert said and said.startswith(words), said


def test_a_reference_already_published_is_not_offered_as_publishable_twice(app, officer, redact_available):
    """The review page of a second upload of a published decision said "Publishing both makes two public
    decisions", but publishing it is refused (a correction is a new version): it now says so and where to go."""
    import io
    import re

    from tests.conftest import make_token, part2_paper, sign_in

    client = app.test_client()
    auth = {"Authorization": f"Bearer {make_token(app)}"}
    for _ in range(2):
        r = client.post("/api/v1/papers", headers=auth, data={"file": (io.BytesIO(part2_paper("01/04/2030")), "p.pdf")},
                        content_type="multipart/form-data")
        assert r.status_code == 201, r.json
    html = None
    sign_in(client)
    html = client.get("/officer/papers/2/review").get_data(as_text=True)
    assert "Publishing both makes two public decisions" in html  # neither published yet: either may go
    assert client.post("/api/v1/papers/1/publish", headers=auth, json={}).status_code == 200
    html = client.get("/officer/papers/2/review").get_data(as_text=True)
    said = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Publishing both makes two public decisions" not in said
    assert "A decision with this reference is already published, so this paper cannot be published beside it" in said
    assert 'href="/officer/papers/1"' in html
    assert client.post("/api/v1/papers/2/publish", headers=auth, json={}).status_code == 409  # as the page says


def test_the_first_public_page_of_a_fresh_process_is_answered_by_the_fast_path(app, caplog):
    """The first public page after a start failed in the fast path ("Working outside of application context",
    logged with a traceback) because the build version reads the app's assets folder; Flask answered instead."""
    import logging

    from service.web.public.http_cache import build_version

    from tests.public_data import Spec, add

    add(app, Spec("CAB 2026/041", "Disposal of the former Elmfield Depot", summary=None, text="Cabinet report"))
    client = app.test_client()
    assert client.get("/sign-in").status_code == 200  # an officer signs in first (the layout's links are built)
    assert "foia.links" in app.extensions
    build_version.cache_clear()  # as in a process that has not served a public page yet
    caplog.set_level(logging.INFO)
    response = app.test_client().get("/")  # a member of the public: no cookie
    assert response.status_code == 200
    assert "public fast path failed" not in caplog.text
    assert "(fast path)" in caplog.text


def test_a_correction_keeps_the_reference_the_officer_typed_when_its_file_has_none(app, officer, redact_available):
    """A council cabinet report's reference was not read from the file ("Cabinet Report CAB 2026/041"); the
    officer typed it. Its correction came back with no reference, and once published the public page and the
    JSON lost "CAB 2026/041". What the corrected file does not say is taken from the version it corrects."""
    import io

    from service.domain.models import Paper
    from tests.conftest import make_token
    from tests.textpdf import text_pdf

    def paper(homes: int) -> bytes:
        return text_pdf("London Borough of Wexham\nCabinet report\n"
                        "Title: Disposal of the former Elmfield Depot\n"
                        f"The site will be leased for {homes} affordable homes.\n"
                        "Report author: Daniel Okonkwo-Reeve, 020 7946 0418.\n")

    client = app.test_client()
    auth = {"Authorization": f"Bearer {make_token(app)}"}
    r = client.post("/api/v1/papers", headers=auth, data={"file": (io.BytesIO(paper(64)), "cab.pdf")},
                    content_type="multipart/form-data")
    assert r.status_code == 201 and not r.json["analysis"]["reference"]
    first = r.json["id"]
    with app.extensions["foia.db"].session() as db:  # typed on the review page
        db.get(Paper, first).reference = "CAB 2026/041"
        db.commit()
    slug = client.post(f"/api/v1/papers/{first}/publish", headers=auth, json={}).json["slug"]
    assert slug == "cab-2026-041"
    r = client.post(f"/api/v1/papers/{first}/versions", headers=auth, content_type="multipart/form-data",
                    data={"file": (io.BytesIO(paper(66)), "cab2.pdf"), "note": "The number of homes is corrected."})
    assert r.status_code == 201, r.json
    with app.extensions["foia.db"].session() as db:
        corrected = db.get(Paper, r.json["id"])
        assert (corrected.reference, corrected.title) == ("CAB 2026/041", "Disposal of the former Elmfield Depot")
    assert client.post(f"/api/v1/papers/{r.json['id']}/publish", headers=auth, json={}).status_code == 200
    assert client.get(f"/api/v1/decisions/{slug}").json["reference"] == "CAB 2026/041"
    assert "Reference" in client.get(f"/decisions/{slug}").get_data(as_text=True)


@pytest.mark.parametrize("name, content, said", [
    ("empty.pdf", b"", "The file is empty. Choose a PDF file."),
    ("word.pdf", b"PK\x03\x04" + b"\x00" * 200, "The file is not a PDF. Choose a PDF file."),
    ("cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "The PDF is damaged and cannot be read."),
])
def test_a_refused_upload_names_the_field_and_leaves_nothing_behind(app, client, name, content, said):
    """A refused file: the GOV.UK error pattern (summary linking to the field, the field described by the
    message, 'Error:' in the title) and no paper, file or folder left behind."""
    import io
    from pathlib import Path

    from tests.conftest import post_form

    r = post_form(client, "/officer/upload", {"file": (io.BytesIO(content), name)}, page="/officer/upload",
                  content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 400
    assert f'<a href="#file">{said}</a>' in html
    assert '<p class="error-message" id="file-error"><span class="visually-hidden">Error:</span> ' + said in html
    assert 'aria-describedby="file-hint file-error"' in html and 'aria-invalid="true"' in html
    assert "<title>Error: Upload a paper" in html
    files = Path(app.config["DATA_DIR"]) / "files"
    assert not [p for p in files.rglob("*") if p.is_file()]
    assert "No papers yet" in client.get("/officer/").get_data(as_text=True)
