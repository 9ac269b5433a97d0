"""The review form without JavaScript (issue 18): a group's one choice covers every mention, bulk buttons save
every finding of a type, a line of text sets the Part 2 start, chosen texts are counted where they occur, and
Discard is on the page of every unpublished paper."""

import io
import re

from service.domain.models import Paper
from tests.conftest import post_form
from tests.test_service_flow import review_form
from tests.textpdf import text_pdf

PAPER = ("Decision – PCD 918\n"
         "Title: Interpreting services for custody suites\n"
         "The contract manager, Jane Hollowell, can be reached on 020 7946 0123.\n"
         "Is there a Part 2 form? YES\n"
         "---page---\n"
         "The budget was confirmed by Jane Hollowell on 020 7946 0456.\n"
         "---page---\n"
         "Part 2 – Confidential facts and advice\n"
         "It is exempt under section 43 (commercial interests) until 01/04/2030.\n"
         "The bid from Northgate Ltd was priced at 1.2 million pounds.\n")


def decisions(app) -> dict:
    with app.extensions["foia.db"].session() as db:
        return db.get(Paper, 1).decisions


def test_groups_bulk_part2_line_matches_and_discard_without_script(client, app):
    post_form(client, "/officer/upload", {"file": (io.BytesIO(text_pdf(PAPER)), "p.pdf")}, page="/officer/upload",
              content_type="multipart/form-data")
    app.extensions["foia.worker"].drain()
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert 'id="discard"' in html and "Discard the paper" in html
    key = re.search(r'name="group-([0-9a-f]+)" value="keep"', html)[1]
    names = re.findall(r'name="item-(p\d-[0-9a-f]+)" value="keep"', html[html.index(f'data-group="{key}"'):])[:2]

    # one choice for the person covers both mentions, whatever the single mentions say
    form = review_form(client, **{f"group-{key}": "keep", f"item-{names[0]}": "redact"})
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    assert sorted(decisions(app)["items"]) == sorted(names)

    # a bulk button saves the whole form with every phone number set to keep
    form = review_form(client, then="bulk:keep:PHONE_NUMBER", add_text="Northgate Ltd")
    r = post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    assert r.status_code == 303 and not r.headers["Location"].endswith("#decisions")  # the message stays in view
    d = decisions(app)
    assert list(d["items"].values()).count("keep") == 4 and d["redact_texts"] == ["Northgate Ltd"]
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert "every phone number is set to keep" in html
    assert "1 match on page 3" in html and html.count('<rect class="text-match"') == 1

    # the Part 2 start chosen as a line of text
    option = re.search(r'<option value="(3\|[\d.]+\|[\d.]+)">Page 3: Part 2', html)[1]
    form = review_form(client, part2_line=option)
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    start = decisions(app)["part2_start"]
    assert start["page"] == 3 and f"3|{start['y']}|{start['x']}" == option

    assert post_form(client, "/officer/papers/1/discard", page="/officer/papers/1/review").status_code == 303
    assert client.get("/officer/papers/1/review").status_code == 404


def test_discard_while_the_analysis_runs_abandons_it(client, app, small_pdf, monkeypatch):
    """Discard works in every unpublished state: pressed while the paper is analysed, the paper goes at once
    and the analysis, when it ends, writes nothing and raises nothing."""
    from service.domain import papers
    from service.infra import pdftasks

    run = papers.pdfwork.run

    def discard_meanwhile(kind, task, *args, **kwargs):
        if task is pdftasks.analyse_pdf:  # the background analysis (the upload's own check passes through)
            assert 'id="discard"' in client.get("/officer/papers/1").get_data(as_text=True)  # offered while analysing
            assert post_form(client, "/officer/papers/1/discard", page="/officer/papers/1").status_code == 303
        return run(kind, task, *args, **kwargs)

    # patched before the upload: the worker thread starts the analysis as soon as the paper is stored
    monkeypatch.setattr(papers.pdfwork, "run", discard_meanwhile)
    upload_only = post_form(client, "/officer/upload", {"file": (io.BytesIO(small_pdf), "p.pdf")},
                            page="/officer/upload", content_type="multipart/form-data")
    assert upload_only.status_code == 303
    app.extensions["foia.worker"].drain()
    assert client.get("/officer/papers/1").status_code == 404
    with app.extensions["foia.db"].session() as db:
        assert db.get(Paper, 1) is None
