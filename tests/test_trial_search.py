"""Found by trying the public search as a new user (trial of 30 November 2026): a table of contacts, every
cell redacted, gave a snippet of "s40(2) s40(2) s40(2) s40…" — the labels of the boxes as the published text
reads them. A run of labels is said once, on both backends, on the page and in the JSON."""

import io
import re

import pytest

from service.domain.search_index import collapse_markers, highlighted
from tests.public_data import Spec, add

CONTACTS = ("Emergency planning contacts. Name Role Phone E-mail Duty Officer Resilience Lead Comms Officer "
            "Highways. The Chief Executive, Dr , will review the list annually. "
            + " ".join(["s40(2)"] * 13))


@pytest.mark.parametrize("raw, said", [
    ("annually. s40(2) s40(2) s40(2) s40…", "annually. s40(2)…"),
    ("s40(2) s43 s40(2), s31(1)(a) and", "s40(2) s43 s31(1)(a) and"),
    ("under the s40(2) exemption", "under the s40(2) exemption"),
    ("as40(2) s40(2)", "as40(2) s40(2)"),              # not a label: a word ending in one
    ("PCD s40 (2019) s40(2)", "PCD s40 (2019) s40(2)"),  # "(2019)" is not a label's bracket
])
def test_a_run_of_labels_is_said_once(raw, said):
    assert collapse_markers(raw) == said


def test_a_highlight_inside_a_run_stays():
    assert str(highlighted("s40(2) s40(2) \ue000annually\ue001 s40(2) s40(2)")) == \
        's40(2) <mark class="app-highlight">annually</mark> s40(2)'


def test_search_snippets_say_a_run_of_labels_once(app):
    add(app, Spec("AUD 2026/009", "Emergency Planning Contacts Review", summary=None, text=CONTACTS))
    client = app.test_client()
    html = client.get("/?q=annually").get_data(as_text=True)
    snippet = re.search(r'<p class="govuk-body-s app-result__snippet">(.*?)</p>', html, re.S).group(1)
    assert '<mark class="app-highlight">annually</mark>' in snippet
    assert snippet.count("s40") <= 1, snippet  # PostgreSQL's headline may stop before the labels
    api = client.get("/api/v1/decisions?q=annually").json["decisions"][0]["snippet_html"]
    assert api.count("s40") <= 1, api


def test_a_released_part2_is_found_by_the_search(app, officer):
    """A Part 2 released at publication (its exemption ended) was downloadable but never found: its text was
    not stored, so the index had nothing to hold once it was released. A withheld one is still not found."""
    from tests.conftest import make_token, part2_paper

    client = app.test_client()
    auth = {"Authorization": f"Bearer {make_token(app)}"}
    for number, (reference, until) in enumerate([("PCD 913", "01/04/2025"), ("PCD 914", "01/04/2030")], 1):
        r = client.post("/api/v1/papers", headers=auth, data={"file": (io.BytesIO(part2_paper(until, reference=reference)),
                                                                       "p.pdf")}, content_type="multipart/form-data")
        assert r.status_code == 201
        r = client.post(f"/api/v1/papers/{number}/publish", headers=auth, json={})
        assert r.status_code == 200, r.json
    html = client.get("/?q=Northgate").get_data(as_text=True)
    assert "PCD 913" in html and "PCD 914" not in html  # released: found; withheld until 2030: not
    assert "Pelling" not in html  # the redacted name is in neither the snippet nor anywhere else
    assert "PCD 914" not in client.get("/?q=Pelling").get_data(as_text=True)
