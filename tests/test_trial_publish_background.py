"""Found by trying the service as a new officer (trial of 30 November 2026): publishing a scanned paper held the
request for the whole redaction (7 to 24 s, OCR read again) with nothing on the screen. Publish on such a paper
is now a job on the analyses' worker; the preview page shows its progress and how it ended. Papers that
redact quickly publish within the request as before, and the API's publish keeps its contract.

The worker is stood in for by a list (the job is run by the test, at the moment the test chooses), so the
"running" state can be looked at; the job itself is the real one."""

import copy
from datetime import timedelta

import pytest

from service.domain import background_publish
from service.domain.models import Paper, utcnow
from tests.conftest import make_token, post_form
from tests.test_service_flow import paper_row, review_form, upload


@pytest.fixture
def held_jobs(app, monkeypatch):
    """Background publications are held here instead of running; other jobs run as usual."""
    worker = app.extensions["foia.worker"]
    held, submit = [], worker.submit

    def hold(job, *args):
        if job is background_publish.publish_job:
            held.append(args)
            return None
        return submit(job, *args)
    monkeypatch.setattr(worker, "submit", hold)
    return held


def as_scanned(app, paper_id: int = 1) -> None:
    """Mark the paper's findings as read by OCR, as a scanned page's are (no tesseract needed here)."""
    with app.extensions["foia.db"].session() as db:
        paper = db.get(Paper, paper_id)
        analysis = copy.deepcopy(paper.analysis)
        for f in analysis["personal_data"]:
            f.update(source="ocr", confidence=0.9)
        paper.analysis = analysis
        db.commit()


def previewed(client, app) -> None:
    assert post_form(client, "/officer/papers/1/review", review_form(client, then="preview"),
                     page="/officer/papers/1/review").status_code == 303
    app.extensions["foia.worker"].drain()
    assert "Publish</button>" in client.get("/officer/papers/1/preview").get_data(as_text=True)


def run_held(app, held) -> None:
    with app.app_context():
        for args in held:
            background_publish.publish_job(*args)
    held.clear()


def test_a_scanned_paper_is_published_in_the_background_with_its_progress_shown(client, app, small_pdf,
                                                                                 held_jobs):
    upload(client, app, small_pdf)
    as_scanned(app)
    previewed(client, app)
    r = post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/preview")
    assert r.status_code == 303 and r.headers["Location"].endswith("/officer/papers/1/preview")
    assert len(held_jobs) == 1 and paper_row(app).state == "ready"

    html = client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert 'data-wait-for="publish"' in html and 'role="status"' in html and "progress.js" in html
    assert "Publish</button>" not in html and "Preview again" not in html  # nothing to click twice
    assert client.get("/officer/papers/1/status.json").json["publish"] == "running"
    # the decisions cannot change under the job: the review page sends the officer to the progress
    assert client.get("/officer/papers/1/review").headers["Location"].endswith("/officer/papers/1/preview")
    r = post_form(client, "/officer/papers/1/review", {"title": "Another title"}, page="/officer/papers/1/preview")
    assert r.status_code == 303 and paper_row(app).title != "Another title"
    assert "being published" in client.get("/officer/papers/1/preview").get_data(as_text=True)
    # nor through the API, which says why
    auth = {"Authorization": f"Bearer {make_token(app)}"}
    r = client.post("/api/v1/papers/1/publish", headers=auth, json={})
    assert r.status_code == 409 and "being published" in r.json["error"]
    assert client.get("/api/v1/papers/1", headers=auth).json["publish_job"]["state"] == "running"

    run_held(app, held_jobs)
    paper = paper_row(app)
    assert paper.state == "published" and paper.part(1).state == "published"
    assert client.get("/officer/papers/1/status.json").json["publish"] == "done"
    assert client.get("/officer/papers/1/preview").headers["Location"].endswith("/officer/papers/1")
    assert client.get(f"/decisions/{paper.slug}").status_code == 200
    assert client.get("/api/v1/papers/1", headers=auth).json["publish_job"]["state"] == "done"


def test_a_refused_background_publication_says_why_and_publishes_nothing(client, app, small_pdf, held_jobs):
    upload(client, app, small_pdf)
    as_scanned(app)
    previewed(client, app)
    post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/preview")
    with app.extensions["foia.db"].session() as db:  # the title names a redacted person (saved by a script)
        db.get(Paper, 1).title = "Funding agreed with Jane Hollowell"
        db.commit()
    run_held(app, held_jobs)
    assert paper_row(app).state == "ready" and not paper_row(app).parts
    html = client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert "Not published" in html and "contain(s) text chosen for redaction" in html
    assert "Jane Hollowell" not in html.split("<h1>")[1].split("</h1>")[1]  # the reason names no value
    assert client.get("/officer/papers/1/status.json").json["publish"] == "failed"
    assert client.get("/officer/papers/1/review").status_code == 200  # the officer can edit again


def test_a_job_left_running_by_a_stopped_process_reads_as_stopped(client, app, small_pdf, held_jobs):
    upload(client, app, small_pdf)
    as_scanned(app)
    previewed(client, app)
    post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/preview")
    held_jobs.clear()  # the process stopped: the job never runs
    paper = paper_row(app)
    assert background_publish.running(paper)
    later = utcnow() + background_publish.STALE + timedelta(minutes=1)
    assert background_publish.state(paper, now=later)["error"] == background_publish.STOPPED
    with app.extensions["foia.db"].session() as db:
        p = db.get(Paper, 1)
        p.preview = {**p.preview, "publish": {**p.preview["publish"], "at": (utcnow() - timedelta(hours=1)).isoformat()}}
        db.commit()
    html = client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert background_publish.STOPPED in html and "Publish</button>" in html  # publish again


def test_a_quick_paper_is_still_published_within_the_request(client, app, small_pdf, held_jobs):
    upload(client, app, small_pdf)
    previewed(client, app)
    assert not background_publish.slow(paper_row(app))
    r = post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/preview")
    assert r.headers["Location"].endswith("/officer/papers/1/published") and not held_jobs
    assert paper_row(app).state == "published"


def scanned_pdf() -> bytes:
    """One page that is only a picture of typed text (as a scanner makes it): a name and a phone number."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSerif.ttf", 28)
    except OSError:
        font = ImageFont.load_default(size=28)
    for n, line in enumerate(["Licensing Sub-Committee - LIC 2026/118",
                              "Title: Review of a premises licence",
                              "A neighbour, Mrs Beatrix Lumley, can be contacted on 0117 496 0823."]):
        draw.text((110, 120 + 60 * n), line, fill=0, font=font)
    out = io.BytesIO()
    img.save(out, "PDF", resolution=150.0)
    return out.getvalue()


@pytest.mark.slow
def test_a_real_scanned_page_is_published_by_a_job(client, app, redact_available, held_jobs):
    """Not a stand-in: the preview of a page that is a picture records its pictures, so Publish is a job."""
    import shutil

    from tests.conftest import need
    need(shutil.which("tesseract") is not None, "tesseract is not installed")
    upload(client, app, scanned_pdf(), "scan.pdf")
    previewed(client, app)
    paper = paper_row(app)
    assert paper.preview["pictures"] >= 1 and background_publish.slow(paper)
    post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/preview")
    assert len(held_jobs) == 1
    run_held(app, held_jobs)
    assert paper_row(app).state == "published"
