"""The public pages: the list (newest first, search, filters, pagination) and the decision page (what is
published, what is withheld, why and until when, and what was removed — as counts)."""

import re
from datetime import date, datetime, timedelta, timezone

import pytest

from service.web.public.status import exemption_label, kinds_phrase, part2_status, sections_phrase
from service.domain.models import Part
from tests.public_data import Spec, add, add_many, redaction_counts

T0 = datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)


def text(html: str) -> str:
    """The page as a reader sees it: tags out, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" .", ".").strip()


def titles(html: str) -> list[str]:
    return re.findall(r'<a class="govuk-link" href="/decisions/[^"]+">([^<]+)</a>', html)


@pytest.fixture
def papers(app):
    return add_many(app, [
        Spec("PCD 901", "Custody interpreting contract", published=T0, text="Interpreters for custody suites.",
             part2="withheld", release_on=date(2027, 9, 30)),
        Spec("PCD 902", "Youth violence fund", published=T0 + timedelta(days=400),
             text="Grants to the Riverside Youth Project.", part2="released", release_on=date(2025, 4, 1),
             released_at=datetime(2025, 4, 1, 0, 0, tzinfo=timezone.utc)),
        Spec("PCD 903", "Body worn video renewal", published=T0 + timedelta(days=500), text="Cameras 100% funded_now."),
        Spec("PCD 904", "Estates strategy", published=T0 + timedelta(days=30), part2="review",
             review_on=date(2025, 3, 1)),
        Spec("PCD 905", "Deferred procurement", published=T0 + timedelta(days=600), part1_state="scheduled",
             publish_on=date(2031, 1, 1)),
        Spec("PCD 906", "Draft only", paper_state="ready"),
    ])


def test_list_shows_published_decisions_newest_first(app, papers):
    html = app.test_client().get("/").get_data(as_text=True)
    assert titles(html) == ["Body worn video renewal", "Youth violence fund", "Estates strategy",
                            "Custody interpreting contract"]
    page = text(html)
    assert "4 decisions" in page and "Deferred procurement" not in page and "Draft only" not in page
    assert "Part 2 withheld until 30 September 2027" in page and "Part 2 released" in page
    assert "Part 2 under review" in page


@pytest.mark.parametrize("query, expected", [
    ({"q": "PCD 902"}, ["Youth violence fund"]),                      # reference
    ({"q": "pcd 90"}, ["Body worn video renewal", "Youth violence fund", "Estates strategy",
                       "Custody interpreting contract"]),
    ({"q": "interpreting"}, ["Custody interpreting contract"]),      # title, any case
    ({"q": "riverside"}, ["Youth violence fund"]),                   # text of Part 1
    ({"q": "custody suites"}, ["Custody interpreting contract"]),    # every word must appear
    ({"q": "custody youth"}, []),
    ({"q": "100%"}, ["Body worn video renewal"]),                    # % and _ are no wildcards
    ({"q": "funded_"}, ["Body worn video renewal", "Youth violence fund"]),  # English stems: funded, fund
    ({"q": "%"}, []),                                                # no word to search for: nothing
    ({"q": "procurement"}, []),                                      # a deferred paper is never found
    ({"year": "2025"}, ["Body worn video renewal", "Youth violence fund"]),
    ({"year": "2024"}, ["Estates strategy", "Custody interpreting contract"]),
    ({"year": "1999"}, []),
    ({"year": "last"}, ["Body worn video renewal", "Youth violence fund", "Estates strategy",
                        "Custody interpreting contract"]),               # a bad value is ignored
    ({"part2": "withheld"}, ["Estates strategy", "Custody interpreting contract"]),
    ({"part2": "released"}, ["Youth violence fund"]),
    ({"part2": "none"}, ["Body worn video renewal"]),
    ({"part2": "withheld", "year": "2024", "q": "estates"}, ["Estates strategy"]),
])
def test_search_and_filters(app, papers, query, expected):
    response = app.test_client().get("/", query_string={**query, "sort": "newest"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert titles(html) == expected
    if not expected:
        assert "No published decision matches your search" in html


def test_filters_keep_their_values_and_offer_the_years_published(app, papers):
    html = app.test_client().get("/", query_string={"q": "fund", "year": "2025", "part2": "released"}).get_data(
        as_text=True)
    assert 'value="fund"' in html and '<option value="2025" selected>' in html
    assert re.search(r'value="released" checked', html)
    assert re.findall(r'<option value="(\d+)"', html) == ["2025", "2024"]
    assert "Clear search and filters" in html


def test_search_text_is_escaped(app, papers):
    html = app.test_client().get("/", query_string={"q": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_pagination(app):
    add_many(app, [Spec(f"PCD {100 + n}", f"Decision number {n}", published=T0 + timedelta(days=n))
                   for n in range(45)])
    c = app.test_client()
    first = c.get("/").get_data(as_text=True)
    assert len(titles(first)) == 20 and titles(first)[0] == "Decision number 44"
    assert 'rel="next"' in first and 'href="/?page=2"' in first and 'rel="prev"' not in first
    last = c.get("/?page=3").get_data(as_text=True)
    assert titles(last) == [f"Decision number {n}" for n in range(4, -1, -1)]
    assert 'aria-current="page"' in last and 'rel="prev"' in last and 'rel="next"' not in last
    assert "(page 3 of 3)" in last
    assert c.get("/?page=4").status_code == 404
    assert c.get("/?page=0").status_code == 200  # read as page 1
    filtered = c.get("/?q=number&page=2").get_data(as_text=True)
    assert "45 decisions matching ‘number’" in text(filtered)
    assert 'href="/?q=number&amp;page=3"' in filtered and 'href="/?q=number"' in filtered  # links keep the search
    assert titles(c.get("/?q=number+40").get_data(as_text=True)) == ["Decision number 40"]


def test_no_decisions_yet(app):
    html = app.test_client().get("/").get_data(as_text=True)
    assert "0 decisions" in text(html) and "No published decision matches" in html


# --- the decision page ---------------------------------------------------------------------------------

def test_decision_page_with_part2_withheld(app):
    add(app, Spec("PCD 956", "Contract for custody interpreting", summary="Approval to award the contract.",
                  part2="withheld", release_on=date(2027, 9, 30), text="Jane Hollowell's team.",
                  redactions=redaction_counts({"2": 3, "4": 1}, {"PERSON": 2, "PHONE_NUMBER": 1, "SIGNATURE": 1})))
    response = app.test_client().get("/decisions/pcd-956")
    assert response.status_code == 200
    page = text(response.get_data(as_text=True))
    for expected in ["PCD 956", "Contract for custody interpreting", "Published 1 April 2025",
                     "Approval to award the contract.", "Download Part 1 of PCD 956 (PDF)", "PDF, 1 KB, 1 page",
                     "Withheld under section 43 (commercial interests) until 30 September 2027",
                     "It will be published on this page on 30 September 2027",
                     "4 items were removed from Part 1 before publication: 2 names, 1 phone number and 1 signature",
                     "Section 40(2) (personal information) 4", "Page 2 3", "Page 4 1"]:
        assert expected in page, expected
    assert "Download Part 2" not in page and "part2.pdf" not in response.get_data(as_text=True)


@pytest.mark.parametrize("spec, words", [
    (Spec("PCD 1", "t", part2="withheld", release_on=date(2027, 9, 30)),
     "Withheld under section 43 (commercial interests) until 30 September 2027"),
    (Spec("PCD 2", "t", part2="released", release_on=date(2025, 4, 1),
          released_at=datetime(2025, 3, 31, 23, 0, tzinfo=timezone.utc)), "Released on 1 April 2025"),  # London
    (Spec("PCD 3", "t", part2="review", review_on=date(2025, 3, 1)), "Withheld: under review"),
    (Spec("PCD 4", "t", part2="withheld", review_on=date(2027, 3, 1)),
     "Withheld under section 43 (commercial interests): to be reviewed in March 2027"),
    (Spec("PCD 5", "t", part2="withheld", review_on=date(2027, 3, 15)),
     "Withheld under section 43 (commercial interests): to be reviewed on 15 March 2027"),
    (Spec("PCD 6", "t", part2="held", release_on=date(2025, 1, 1)),
     "Withheld under section 43 (commercial interests) until further notice"),
    (Spec("PCD 7", "t", part2="withheld", release_on=date(2026, 12, 31),
          exemptions=[{"section": "31", "title": "Law enforcement"}, {"section": "43", "title": None}]),
     "Withheld under sections 31 (law enforcement) and 43 (commercial interests) until 31 December 2026"),
    (Spec("PCD 8", "t", part2="withheld", exemptions=[]), "Withheld until further notice"),
    (Spec("PCD 9", "t"), "There is no Part 2: the whole decision is published."),
])
def test_part2_status_in_words(app, spec, words):
    add(app, spec)
    page = text(app.test_client().get(f"/decisions/{spec.reference.lower().replace(' ', '-')}").get_data(
        as_text=True))
    assert words in page


def test_released_part2_can_be_downloaded_and_its_redactions_are_listed(app):
    add(app, Spec("PCD 957", "Youth project", part2="released", release_on=date(2025, 4, 1)))
    html = app.test_client().get("/decisions/pcd-957").get_data(as_text=True)
    assert 'href="/decisions/pcd-957/part2.pdf"' in html
    assert "1 item was removed from Part 2 before publication: 1 name" in text(html)


def test_unknown_and_unpublished_decisions_are_404_in_the_public_style(app, papers):
    c = app.test_client()
    for url in ["/decisions/pcd-999", "/decisions/pcd-905", "/decisions/pcd-906", "/decisions/PCD-901"]:
        response = c.get(url)
        assert response.status_code == 404, url
        html = response.get_data(as_text=True)
        assert "govuk-template" in html and "Page not found" in html and "list of published decisions" in html


SCH12A_1 = "Local Government Act 1972, Schedule 12A paragraph 1: Information relating to any individual"


@pytest.mark.parametrize("exemptions, words", [
    ([{"section": "43", "title": "Commercial interests"}], "Withheld under section 43 (commercial interests) until 30 "
                                                          "September 2027"),
    ([{"section": "Sch12A para 1", "title": SCH12A_1}, {"section": "Sch12A para 2", "title": "x"}],
     "Withheld under Schedule 12A paragraphs 1 and 2 (Local Government Act 1972) until 30 September 2027"),
])
def test_the_part2_exemptions_are_said_once_on_the_decision_page(app, exemptions, words):
    add(app, Spec("PCD 958", "t", part2="withheld", release_on=date(2027, 9, 30), exemptions=exemptions))
    page = text(app.test_client().get("/decisions/pcd-958").get_data(as_text=True))
    assert page.count(words) == 1 and "Sch12A" not in page and "schedule 12a" not in page.lower().replace(
        "schedule 12a paragraph", "")
    assert "Part 2 withheld until 30 September 2027" in page  # the summary row: the short words, linked


@pytest.mark.parametrize("function, value, expected", [
    (exemption_label, "s40(2)", "Section 40(2) (personal information)"),
    (exemption_label, "s43", "Section 43 (commercial interests)"),
    (exemption_label, "s99", "Section 99"),
    (exemption_label, "other", "other"),
    (kinds_phrase, {"PERSON": 3}, "3 names"),
    (kinds_phrase, {"PHONE_NUMBER": 1, "PERSON": 2, "EMAIL_ADDRESS": 2}, "2 e-mail addresses, 2 names and 1 phone number"),
    (kinds_phrase, {}, ""),
    (sections_phrase, [{"section": "40"}], "section 40 (personal information)"),
    (sections_phrase, [{"section": "31"}, {"section": "31"}, {"section": "43"}, {"section": "40"}],
     "sections 31 (law enforcement), 43 (commercial interests) and 40 (personal information)"),
    (sections_phrase, [], ""),
    # Schedule 12A paragraphs: once each, as a paper writes them, never lower-cased "sections Sch12A para 1 (…)"
    (sections_phrase, [{"section": "Sch12A para 1", "title": SCH12A_1}], "Schedule 12A paragraph 1 (Local Government "
                                                                         "Act 1972)"),
    (sections_phrase, [{"section": "Sch12A para 7"}, {"section": "Sch12A para 1", "title": SCH12A_1},
                       {"section": "Sch12A para 2"}, {"section": "Sch12A para 1", "title": SCH12A_1}],
     "Schedule 12A paragraphs 1, 2 and 7 (Local Government Act 1972)"),
    (sections_phrase, [{"section": "43"}, {"section": "Sch12A para 3"}],
     "section 43 (commercial interests) and Schedule 12A paragraph 3 (Local Government Act 1972)"),
])
def test_words(function, value, expected):
    assert function(value) == expected


def test_part2_status_without_a_part2():
    assert part2_status(None).state == "none"
    assert part2_status(Part(number=2, state="held", exemptions=[])).words == "Withheld until further notice"


def test_search_filters_and_years_on_each_database(db_app):
    add_many(db_app, [
        Spec("PCD 901", "Custody interpreting contract", published=T0, part2="withheld", release_on=date(2027, 9, 30)),
        Spec("PCD 902", "Youth fund 100%", published=T0 + timedelta(days=400), part2="released",
             release_on=date(2025, 4, 1)),
        Spec("PCD 903", "Deferred", published=T0, part1_state="scheduled", publish_on=date(2031, 1, 1)),
    ])
    c = db_app.test_client()
    assert titles(c.get("/?q=CUSTODY").get_data(as_text=True)) == ["Custody interpreting contract"]
    assert titles(c.get("/?q=100%25").get_data(as_text=True)) == ["Youth fund 100%"]
    assert titles(c.get("/?q=10_").get_data(as_text=True)) == ["Youth fund 100%"]  # a word's start
    assert titles(c.get("/?q=101").get_data(as_text=True)) == []
    assert titles(c.get("/?year=2025&part2=released").get_data(as_text=True)) == ["Youth fund 100%"]
    assert re.findall(r'<option value="(\d+)"', c.get("/").get_data(as_text=True)) == ["2025", "2024"]
    assert c.get("/api/v1/decisions").json["total"] == 2
