"""The list page and a decision's page written in Python (service/web/public/page_html.py, issue 16) are byte for
byte what their Jinja templates render, for searches and decisions in every state."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

import pytest

from service.domain.public_rows import PaperRow, PartRow
from service.infra.db import db_session
from service.web.public import page_html
from service.web.public import pages as public
from service.web.public import queries as public_queries
from tests.public_data import Spec, add_many, redaction_counts

WHEN = datetime(2025, 4, 1, 9, 30, tzinfo=timezone.utc)
COUNTS = {"total": 3, "by_type": {"PERSON": 2, "PHONE_NUMBER": 1}, "by_exemption": {"s40(2)": 2, "s43": 1},
          "by_page": {"1": 2, "3": 1}, "texts": 1}
ONE = {"total": 1, "by_type": {"SIGNATURE": 1}, "by_exemption": {"Sch12A para 3": 1}, "by_page": {"2": 1}, "texts": 0}


def _decisions():
    """Decisions in every combination the page tells apart (values with characters to escape)."""
    for ref, title, summary, state, in_file, release_on, review_on, counts in itertools.product(
            ["PCD <9> & ‘x’", None], ["Custody & <b>interpreting</b>", "A long title about custody & interpreting contracts " * 3, None], ["A “summary” <i>of</i> " * 12, None],
            [None, "withheld", "released", "review", "held"], [True, False], [date(2031, 1, 1), None],
            [None, date(2027, 3, 1)], [COUNTS, ONE, None, {"total": 0, "texts": 2}, {}]):
        if review_on and (release_on or state != "withheld"):
            continue
        paper = PaperRow(1, "pcd-9 x/ü", ref, title, summary, "published", WHEN, WHEN, None)
        part1 = PartRow(1, 1, "published", "k", True, 12345, 1, None, None, None, WHEN, None, counts, WHEN)
        part2 = None if state is None else PartRow(
            2, 2, state, "k", in_file, 2_000_000, 3, None, release_on, review_on,
            WHEN if state == "released" else None, [{"section": "43", "title": "Commercial interests"}],
            COUNTS if counts is ONE else counts, WHEN)
        yield public_queries.Decision(paper, part1, part2)


def test_a_decision_page_in_python_is_the_template(app):
    with app.test_request_context("/"):
        links = public.links()
        checked = 0
        for d in _decisions():
            values = public.decision_values(d)
            assert page_html.decision(app.jinja_env, links, **values) == public.decision_jinja(app, links, values, []), d
            checked += 1
        assert checked > 500


@pytest.fixture
def archive(app):
    specs = [Spec(f"PCD {900 + i}", f"Custody contract {i} & <b>co</b>", published=WHEN.replace(year=2024 + i % 2),
                  summary=None if i % 4 == 0 else "Interpreting “services” " * (i % 3 + 1),
                  part2=[None, "withheld", "released", "review"][i % 4],
                  release_on=date(2031, 1, 1) if i % 4 == 1 else None,
                  released_at=WHEN if i % 4 == 2 else None,
                  redactions=redaction_counts({"1": i % 3})) for i in range(45)]
    add_many(app, specs)


SEARCHES = [dict(q=q, year=year, part2=part2, page=page, sort=sort)
            for q, year, part2, page, sort in itertools.product(
                ["", "custody", "nothing matches 999", "<b>&‘x’", "PCD 90*"], [None, 2025],
                [None, "withheld", "none", "released"], [1, 2, 3], [None, "oldest"])]


def test_the_list_page_in_python_is_the_template(app, archive):
    with app.test_request_context("/"):
        links = public.links()
        db = db_session()
        years = public_queries.years(db)
        checked = set()
        for args in SEARCHES:
            search = public_queries.Search.from_args({k: v for k, v in args.items() if v})
            result = public_queries.find(db, search)
            if search.page > result.pages:
                continue
            values = public.index_values(app, result, search, years, links)
            assert page_html.index(app.jinja_env, links, **values) == public.index_jinja(app, links, values), args
            checked.add((bool(search.q), result.pages > 1, bool(result.decisions), search.filtered))
        assert len(checked) >= 6   # with and without words, results, several pages, filters


@pytest.mark.parametrize("pages", [0, 1])
def test_no_pagination_is_what_the_macro_writes(app, pages):
    macro = app.jinja_env.get_template("public/_pagination.html").module.pagination
    assert str(public._NO_PAGINATION) == str(macro(1, pages, lambda n: f"/?page={n}"))


def test_the_pagination_is_what_the_macro_writes(app):
    """The pagination is the macro's markup kept per page and number of pages, with each page's link put in its
    place: the same bytes as calling the macro, for every page of small and large results and links to escape."""
    macro = app.jinja_env.get_template("public/_pagination.html").module.pagination
    with app.test_request_context("/"):
        links = public.links()
        cases = [(current, pages) for pages in range(2, 9) for current in range(1, pages + 2)]
        cases += [(1, 50), (25, 50), (49, 50), (50, 50), (1, 1000), (999, 1000), (7, 10**6)]
        for q, year, sort, per_page in [("custody", None, None, 20), ("<b>&‘x’ \"q\"", 2025, "oldest", 20),
                                        ("PCD 90*", None, "newest", 20), ("", None, None, 20), ("", 2024, None, 50),
                                        ("custody", None, "relevance", 7)]:
            for current, pages in cases:
                search = public_queries.Search(q=q, year=year, sort=sort, page=current, per_page=per_page)
                expected = macro(current, pages, lambda n: public._with_query(links.index, search.args(page=n)))
                assert str(public._pagination(app.jinja_env, search, pages, links)) == str(expected), (q, current, pages)
        assert "&amp;" in str(public._pagination(app.jinja_env, public_queries.Search(q="a&b", page=2), 3, links))


def test_the_layout_pieces_are_split_at_each_block(app):
    with app.test_request_context("/"):
        pieces = page_html.layout(app.jinja_env, public.links())
    assert len(pieces) == 6 and pieces[0].startswith("<!doctype html>") and pieces[-1].rstrip().endswith("</html>")
    assert "<title>" in pieces[0] and pieces[1].startswith(" – Decision papers</title>")
