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
