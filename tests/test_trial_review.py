"""Found by trying the service as a new officer (trial of 30 November 2026): the review page's words.

A group of mentions of one name — one typed, one read by OCR in a picture — said its reason twice
("person's name; person's name; in a picture (read by OCR)") and then "read by OCR" again in its tag.
Pure functions and the template: no PDF."""

import copy
import io
import re

from service.domain.models import Paper
from service.web.officer.review_groups import group, reason_parts
from tests.conftest import post_form
from tests.textpdf import text_pdf


def mention(id_, page, reason, source=None, confidence=None):
    f = {"id": id_, "type": "PERSON", "text": "Fenella Achterberg", "page": page, "part": 1, "final": "redact",
         "action": "redact", "reason": reason, "exemption": "s40(2)"}
    if source:
        f.update(source=source, confidence=confidence)
    return f


def test_a_group_says_each_reason_once_and_ocr_only_in_its_tag():
    groups = group([mention("a", 1, "person's name"),
                    mention("b", 2, "person's name; in a picture (read by OCR)", "ocr", 0.92),
                    mention("c", 2, "person's name; in a picture (read by OCR)", "ocr", 0.81)])
    assert len(groups) == 1
    g = groups[0]
    assert g["reasons"] == ["person's name"]
    assert g["ocr"] is True and g["ocr_confidence"] == 0.81  # the least sure mention


def test_reasons_of_typed_mentions_are_kept_whole_and_in_order():
    assert reason_parts([{"reason": "person's name"}, {"reason": "a redacted name; in a link's address (not "
                                                                 "shown on the page)"}]) == [
        "person's name", "a redacted name", "in a link's address (not shown on the page)"]
    g = group([mention("a", 1, "person's name")])[0]
    assert g["ocr"] is False and g["ocr_confidence"] is None and g["reasons"] == ["person's name"]


def test_the_review_page_shows_the_reason_once(client, app):
    """The real page: a one-page paper whose name is found twice, the second mention marked as read by OCR
    (as a scanned page's would be) — one reason, one OCR tag, and "1 page", not "1 pages"."""
    post_form(client, "/officer/upload", {"file": (io.BytesIO(text_pdf(PAPER)), "p.pdf")}, page="/officer/upload",
              content_type="multipart/form-data")
    app.extensions["foia.worker"].drain()
    with app.extensions["foia.db"].session() as db:
        paper = db.get(Paper, 1)
        analysis = copy.deepcopy(paper.analysis)
        people = [f for f in analysis["personal_data"] if f["text"] == "Fenella Achterberg"]
        assert len(people) == 2
        people[1].update(source="ocr", confidence=0.92, reason=people[1]["reason"] + "; in a picture (read by OCR)")
        paper.analysis = analysis
        db.commit()
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    why = re.findall(r'<p class="hint why">(.*?)</p>', html, re.S)
    group_why = [w for w in why if "read by OCR" in w]
    assert len(group_why) == 1
    assert group_why[0].count("person&#39;s name") == 1 and group_why[0].count("read by OCR") == 1
    assert "92% confidence" in group_why[0]
    assert "· 1 page</span>" in html


PAPER = ("Licensing Sub-Committee - LIC 2026/112\n"
         "Title: Review of a premises licence\n"
         "The Licensing Officer, Fenella Achterberg, visited on 2 October 2026.\n"
         "Signed for the council by Fenella Achterberg, Licensing Officer.\n")


def test_a_correction_is_not_warned_about_sharing_its_own_reference(client, app):
    """A correction has its decision's reference by design; the review page said "Another paper has this
    reference … discard one of them: publishing both makes two public decisions" of the version it corrects.
    A paper that is not a version of it is still warned about."""
    from tests.conftest import make_token
    from tests.textpdf import text_pdf as pdf

    auth = {"Authorization": f"Bearer {make_token(app)}"}
    paper = pdf("Decision – PCD 911\nTitle: Funding for the Riverside Youth Project\n"
                "The project lead, Jane Hollowell, can be reached on 020 7946 0123.\nIs there a Part 2 form? NO\n")
    corrected = paper.replace(b"Riverside", b"Riversyde")
    assert client.post("/api/v1/papers", headers=auth, data={"file": (io.BytesIO(paper), "v1.pdf")},
                       content_type="multipart/form-data").status_code == 201
    assert client.post("/api/v1/papers/1/publish", headers=auth, json={}).status_code == 200
    r = client.post("/api/v1/papers/1/versions", headers=auth, content_type="multipart/form-data",
                    data={"file": (io.BytesIO(pdf("Decision – PCD 911\nTitle: Funding for the Riverside Youth "
                                                  "Project (corrected)\nIs there a Part 2 form? NO\n")), "v2.pdf"),
                          "note": "The amount was corrected."})
    assert r.status_code == 201, r.json
    html = client.get(f"/officer/papers/{r.json['id']}/review").get_data(as_text=True)
    assert "Version 2: a correction" in html and "Another paper has this reference" not in html
    assert client.post("/api/v1/papers", headers=auth, data={"file": (io.BytesIO(corrected), "again.pdf")},
                       content_type="multipart/form-data").status_code == 201
    html = client.get("/officer/papers/3/review").get_data(as_text=True)
    assert "Another paper has this reference" in html


def test_a_paper_without_lines_of_text_offers_no_empty_list_of_lines(client, app, monkeypatch):
    """A scanned page has no text lines to choose Part 2's start from: the page showed an empty list."""
    from service.web.officer import text_matches

    post_form(client, "/officer/upload", {"file": (io.BytesIO(text_pdf(PAPER)), "p.pdf")}, page="/officer/upload",
              content_type="multipart/form-data")
    app.extensions["foia.worker"].drain()
    assert 'id="part2_line"' in client.get("/officer/papers/1/review").get_data(as_text=True)
    monkeypatch.setattr(text_matches, "page_lines", lambda paper: {1: []})  # as for a page that is a picture
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert 'id="part2_line"' not in html and 'name="part2_page"' in html  # the page and height still can be given
