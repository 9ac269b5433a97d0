"""The public pages' fast paths give exactly what the slower general ones give (issue 16): links built from
a route made once per application root, and the public statements run on the DBAPI cursor (public_rows.run)."""

from __future__ import annotations

import pytest
from flask import url_for

from service.web.public import pages as public
from service.web.public import queries as public_queries
from service.infra.db import db_session
from service.domain.public_rows import run
from tests.public_data import Spec, add_many

LINKS = [  # (endpoint, slug, values)
    ("public.download", "pcd-956", {"number": 1}),
    ("public.download", "pcd-956", {"number": 2}),
    ("public_api.decision", "pcd-956", {}),
    ("public.decision", "a b/c", {}),
    ("public_api.decision", "ref-ü-7", {}),
]

SEARCHES = [  # query-string arguments of a result page link
    {},
    {"q": "custody review", "page": 3},
    {"q": "PCD 90*", "year": 2025, "part2": "withheld", "sort": "oldest", "page": 2},
    {"q": "‘quoted’ & <odd> +signs/slash?", "per_page": 50},
    {"q": None, "year": 2024},
]


@pytest.mark.parametrize("endpoint, slug, values", LINKS)
def test_slug_links_are_those_of_url_for(app, endpoint, slug, values):
    with app.test_request_context("/"):
        assert public.slug_url(endpoint, slug, **values) == url_for(endpoint, slug=slug, **values)
        assert public.slug_url(endpoint, slug, **values) == url_for(endpoint, slug=slug, **values)  # kept


@pytest.mark.parametrize("slug", ["pcd-956", "a b/c", "ref-ü-7"])
def test_result_links_are_those_of_url_for(app, slug):
    with app.test_request_context("/"):
        assert public.decision_url(slug) == url_for("public.decision", slug=slug)


@pytest.mark.parametrize("args", SEARCHES)
def test_result_page_links_are_those_of_url_for(app, args):
    with app.test_request_context("/"):
        assert public.index_url(args) == url_for("public.index", **args)


def test_a_root_path_is_kept_apart(app):
    with app.test_request_context("/", base_url="http://localhost/archive"):
        assert public.slug_url("public.download", "pcd-1", number=1) == "/archive/decisions/pcd-1/part1.pdf"
        assert public.index_url({"page": 2}) == "/archive/?page=2"
    with app.test_request_context("/"):
        assert public.slug_url("public.download", "pcd-1", number=1) == "/decisions/pcd-1/part1.pdf"


STATEMENTS = [
    ("by slug", public_queries._BY_SLUG, {"slug": "pcd-956"}),
    ("first page", public_queries._FIRST_PAGE, {"limit": 20}),
    ("years", public_queries._YEARS, None),
    ("count", public_queries._PUBLIC_COUNT, None),
    ("papers version", public_queries._PAPERS_VERSION, None),
    ("parts version", public_queries._PARTS_VERSION, None),
]


@pytest.fixture
def published(app):
    add_many(app, [Spec("PCD 956", "Custody interpreting contract", part2="withheld"),
                   Spec("PCD 957", "Estates strategy", part2="released"), Spec("PCD 958", "Youth fund")])


@pytest.mark.parametrize("name, statement, params", STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_run_gives_what_execute_gives(app, published, name, statement, params):
    with app.test_request_context("/"):
        db = db_session()
        expected = [tuple(row) for row in db.execute(statement, params or {}).all()]
        assert expected, name
        assert run(db, statement, params) == expected
        assert run(db, statement, params) == expected  # compiled once, run again


FAST_URLS = ["/", "/?q=custody", "/?q=custody+contract&sort=oldest", "/?q=PCD+95&part2=withheld", "/?year=2025",
             "/?q=nothing+matches+this", "/?q=the", "/?page=1&per_page=2", "/decisions/pcd-956", "/decisions/pcd-957",
             "/decisions/pcd-958"]


def _answer(client, url, method="GET"):
    response = client.open(url, method=method)
    return response.status_code, list(response.headers.items()), response.get_data()


@pytest.mark.parametrize("url", FAST_URLS)
def test_the_flask_free_path_answers_what_flask_answers(app, published, url, caplog):
    """service.web.public.fast: the same status, headers (in order) and bytes as the routes, for GET and HEAD."""
    client = app.test_client()
    client.get("/")   # the first request of an application root builds its links (through Flask)
    app.config["PUBLIC_FAST_PATH"] = False
    flask_answer, flask_head = _answer(client, url), _answer(client, url, method="HEAD")
    app.config["PUBLIC_FAST_PATH"] = True
    with caplog.at_level("INFO", logger="service.access"):
        fast_answer, fast_head = _answer(client, url), _answer(client, url, method="HEAD")
    assert fast_answer == flask_answer and fast_answer[0] == 200
    assert fast_head == flask_head and fast_head[2] == b""
    assert "(fast path)" in caplog.text and "public." in caplog.text


@pytest.mark.parametrize("url, headers, status", [
    ("/decisions/pcd-999", {}, 404),                       # not public: Flask answers
    ("/decisions/PCD-956", {}, 404),                       # not a plain slug: Flask answers
    ("/?page=9", {}, 404),                                  # beyond the last page
    ("/decisions/pcd-956", {"cookie": "x"}, 200),          # a cookie: Flask (officers)
    ("/decisions/pcd-956?x=1", {}, 200),                    # a query on a decision page: Flask
])
def test_what_the_fast_path_leaves_to_flask(app, published, url, headers, status, caplog):
    client = app.test_client()
    client.get("/")
    headers = dict(headers)
    if headers.get("cookie"):
        client.set_cookie("foia_session", headers.pop("cookie"))
    with caplog.at_level("INFO", logger="service.access"):
        response = client.get(url, headers=headers)
    assert response.status_code == status
    assert "(fast path)" not in caplog.text


def test_a_conditional_request_is_answered_by_flask(app, published):
    client = app.test_client()
    client.get("/")
    etag = client.get("/decisions/pcd-956").headers["ETag"]
    assert client.get("/decisions/pcd-956", headers={"If-None-Match": etag}).status_code == 304


def _decisions():
    """Decisions in every Part 2 state, with and without reference, summary (short, long) and snippet."""
    from datetime import date, datetime, timezone
    from markupsafe import Markup
    from service.domain.public_rows import PaperRow, PartRow
    when = datetime(2025, 3, 31, 23, 30, tzinfo=timezone.utc)   # 1 April in London (BST? no: GMT+0 → 31 March)
    exempt = [{"section": "43", "title": "Commercial interests", "until": None, "review": None}]

    def part(number, state, **kw):
        values = dict(id=number, number=number, state=state, file_key="k", in_file=True, size=1, pages=1,
                      publish_on=None, release_on=None, review_on=None, released_at=when, exemptions=exempt,
                      redactions=None, updated_at=when)
        values.update(kw)
        return PartRow(**values)

    long_summary = "A <b>long</b> & winding summary " * 12
    part2s = [None, part(2, "withheld", release_on=date(2031, 1, 1), released_at=None),
              part(2, "released"), part(2, "withheld", review_on=date(2026, 3, 1), released_at=None),
              part(2, "held", released_at=None), part(2, "released", in_file=False)]
    out = []
    for i, p2 in enumerate(part2s):
        for reference, title, summary, snippet in [
                ("PCD <9>", "Custody & \"interpreting\"", "Short.", Markup('a <mark class="app-highlight">b</mark> &amp;')),
                (None, None, long_summary, None), ("PCD 1", "T", None, None)]:
            paper = PaperRow(id=i, slug=f"pcd-{i} x/ü", reference=reference, title=title, summary=summary,
                             state="published", published_at=when, updated_at=when)
            out.append(public_queries.Decision(paper, part(1, "published"), p2, snippet=snippet))
    return out


def test_the_result_list_in_python_is_the_jinja_macro(app):
    """service.web.public.result_list writes what templates/public/_result.html's macro writes."""
    from service.web.public.result_list import result_items
    from service.web.public.status import part2_status
    with app.test_request_context("/"):
        links = public.links()
        macro = app.jinja_env.get_template("public/_result.html").module.result
        for d in _decisions():
            assert str(result_items(app.jinja_env, [d], links)) == str(macro(d, links, part2_status)), d
        both = _decisions()[:3]
        assert str(result_items(app.jinja_env, both, links)) == "".join(str(macro(d, links, part2_status))
                                                                      for d in both)


@pytest.mark.parametrize("years, selected", [((2026, 2025, 2024), 2025), ((2025,), None), ((), None)])
def test_year_options_are_those_of_the_jinja_loop(app, years, selected):
    from service.web.public.result_list import year_options
    loop = app.jinja_env.from_string('{% for y in years %}<option value="{{ y }}"{% if selected == y %} selected'
                                     '{% endif %}>{{ y }}</option>{% endfor %}')
    assert str(year_options(years, selected)) == loop.render(years=years, selected=selected)
