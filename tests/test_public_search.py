"""Full-text search (issue 16): the index holds exactly what is public and follows every change of it;
results are ranked, sorted on request, carry an escaped snippet with the matches marked, and each search
has its own Atom feed. Every test runs on SQLite (FTS5) and PostgreSQL (tsvector + GIN)."""

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone

import pytest
from alembic import command
from sqlalchemy import select, update

from service.domain.part_actions import Officer, release_now
from service.domain.release import release_due
from service.domain import search_index
from service.infra.migrate import alembic_config, upgrade
from service.domain.models import Paper, Part
from tests.public_data import Spec, add, add_many

ATOM = "{http://www.w3.org/2005/Atom}"
T0 = datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)


def titles(html: str) -> list[str]:
    return re.findall(r'<a class="govuk-link" href="/decisions/[^"]+">([^<]+)</a>', html)


def indexed(app) -> set[int]:
    with app.extensions["foia.db"].session() as db:
        return search_index.indexed_ids(db)


@pytest.fixture
def site(app):
    made = add_many(app, [
        Spec("PCD 801", "Custody interpreting contract", published=T0, summary="Interpreters.",
             text="Interpreting services for custody suites across the force. Custody custody."),
        Spec("PCD 802", "Estates strategy", published=T0 + timedelta(days=10), summary="Buildings.",
             text="A review of police stations; custody is mentioned once."),
        Spec("PCD 803", "Youth fund", published=T0 + timedelta(days=20), text="Grants for youth clubs.",
             part2="withheld", release_on=date(2099, 1, 1)),
        Spec("PCD 804", "Deferred custody plan", published=T0, part1_state="scheduled",
             publish_on=date(2099, 1, 1), text="Custody plan not yet public."),
        Spec("PCD 805", "Draft custody paper", paper_state="ready", text="Custody draft."),
    ])
    return {spec["slug"] or f"draft-{spec['id']}": spec["id"] for spec in made}


def set_part2_text(app, paper_id: int, text: str) -> None:
    with app.extensions["foia.db"].session() as db:
        db.execute(update(Part).where(Part.paper_id == paper_id, Part.number == 2).values(text=text))
        db.commit()


def test_the_index_holds_only_public_decisions(app, site):
    assert indexed(app) == {site["pcd-801"], site["pcd-802"], site["pcd-803"]}


@pytest.mark.parametrize("query, expected", [
    ({"q": "custody"}, ["Custody interpreting contract", "Estates strategy"]),   # title and text beat text
    ({"q": "custody", "sort": "relevance"}, ["Custody interpreting contract", "Estates strategy"]),
    ({"q": "custody", "sort": "newest"}, ["Estates strategy", "Custody interpreting contract"]),
    ({"q": "custody", "sort": "oldest"}, ["Custody interpreting contract", "Estates strategy"]),
    ({"q": "custody", "sort": "sideways"}, ["Custody interpreting contract", "Estates strategy"]),  # ignored
    ({"q": "interpreters"}, ["Custody interpreting contract"]),          # stemmed: interpreters ~ interpreting
    ({"q": "stat*"}, ["Estates strategy"]),                             # a word's start, asked for (stations)
    ({"q": "stat"}, []),                                                # otherwise whole words
    ({"q": "the custody of suites"}, ["Custody interpreting contract"]),  # stop words dropped, all words needed
    ({"q": "plan"}, []),                                                # deferred: not public, not indexed
    ({"q": "draft"}, []),
    ({"q": "the"}, []),                                                 # nothing left to search for
    ({"sort": "relevance"}, ["Youth fund", "Estates strategy", "Custody interpreting contract"]),  # no words: newest
])
def test_ranked_search_and_sort(app, site, query, expected):
    response = app.test_client().get("/", query_string=query)
    assert response.status_code == 200
    assert titles(response.get_data(as_text=True)) == expected


def test_snippet_marks_matches_and_escapes_the_text(app):
    add(app, Spec("PCD 811", "Safety", text="Before <script>alert(1)</script> the custody \ue000review\ue001 & after."))
    html = app.test_client().get("/?q=custody").get_data(as_text=True)
    snippet = re.search(r'<p class="govuk-body-s app-result__snippet">(.*?)</p>', html, re.S).group(1)
    assert '<mark class="app-highlight">custody</mark>' in snippet
    # text is never markup: escaped (FTS5) or its tags dropped by the parser (PostgreSQL), never raw
    assert "alert(1)" in snippet and "<script" not in snippet and "<script>alert" not in html
    assert "&amp; after" in snippet
    assert snippet.count("<mark") == 1  # the markers in the text were removed before indexing: no forged highlight
    api = app.test_client().get("/api/v1/decisions?q=custody").json
    assert '<mark class="app-highlight">custody</mark>' in api["decisions"][0]["snippet_html"]
    assert "snippet_html" not in app.test_client().get("/api/v1/decisions").json["decisions"][0]


@pytest.mark.parametrize("how", ["sweep", "officer"])
def test_publication_and_release_reach_the_index_in_the_same_transaction(app, site, how):
    set_part2_text(app, site["pcd-803"], "Confidential tender prices from Harbourside Ltd.")
    c = app.test_client()
    assert titles(c.get("/?q=harbourside").get_data(as_text=True)) == []   # withheld: not indexed
    with app.extensions["foia.db"].session() as db:
        part2 = db.scalars(select(Part).where(Part.paper_id == site["pcd-803"], Part.number == 2)).one()
        deferred = db.scalars(select(Part).where(Part.paper_id == site["pcd-804"], Part.number == 1)).one()
        if how == "sweep":
            db.execute(update(Part).where(Part.id.in_([part2.id, deferred.id]))
                       .values(release_on=date(2025, 1, 1), publish_on=date(2025, 1, 1)))
            db.commit()
            release_due(datetime(2025, 6, 1, tzinfo=timezone.utc), session=db)
        else:
            now = datetime(2025, 6, 1, tzinfo=timezone.utc)
            release_now(db, part2, "withheld", Officer(None), now)
            release_now(db, deferred, "scheduled", Officer(None), now)
    assert titles(c.get("/?q=harbourside").get_data(as_text=True)) == ["Youth fund"]
    assert titles(c.get("/?q=plan").get_data(as_text=True)) == ["Deferred custody plan"]
    assert site["pcd-804"] in indexed(app)


def test_withdrawal_drops_the_entry(app, site):
    with app.extensions["foia.db"].session() as db:
        search_index.remove(db, site["pcd-801"])
        db.commit()
    assert site["pcd-801"] not in indexed(app)
    with app.extensions["foia.db"].session() as db:  # any change that ends publication, then sync
        db.execute(update(Paper).where(Paper.id == site["pcd-802"]).values(state="withdrawn"))
        search_index.sync(db, [site["pcd-802"]])
        db.commit()
    assert indexed(app) == {site["pcd-803"]}
    assert titles(app.test_client().get("/?q=custody").get_data(as_text=True)) == []


def test_a_stale_entry_never_shows(app, site):
    """A path that forgets to sync cannot leak: searches still join the one definition of public."""
    with app.extensions["foia.db"].session() as db:
        db.execute(update(Paper).where(Paper.id == site["pcd-801"]).values(state="withdrawn"))
        db.commit()
    assert site["pcd-801"] in indexed(app)
    assert titles(app.test_client().get("/?q=interpreting").get_data(as_text=True)) == []


def test_each_search_has_an_atom_feed(app, site):
    c = app.test_client()
    html = c.get("/?q=custody&sort=oldest").get_data(as_text=True)
    assert 'href="/search.atom?q=custody"' in html
    response = c.get("/search.atom?q=custody")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert feed.findtext(f"{ATOM}title") == "Decision papers: ‘custody’"
    entries = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}id")) for e in feed.findall(f"{ATOM}entry")]
    assert entries == [("PCD 802 – Estates strategy", "tag:localhost,2024-03-11:pcd-802/published"),
                       ("PCD 801 – Custody interpreting contract", "tag:localhost,2024-03-01:pcd-801/published")]
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/search.atom?q=custody"
    again = c.get("/search.atom?q=custody", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert ET.fromstring(c.get("/search.atom?q=plan").data).findall(f"{ATOM}entry") == []  # deferred


def test_the_migration_fills_the_index_from_what_is_public(app, site):
    url = app.config["DATABASE_URL"]
    app.extensions["foia.db"].dispose()
    command.downgrade(alembic_config(url), "0006")
    upgrade(url)
    assert indexed(app) == {site["pcd-801"], site["pcd-802"], site["pcd-803"]}
    with app.extensions["foia.db"].session() as db:
        assert search_index.rebuild(db) == 3


def test_the_micro_cache_answers_a_repeated_page_for_a_moment(make_app, monkeypatch):
    """With PUBLIC_MICROCACHE_SECONDS, the same anonymous URL is served from the last response (no render),
    revalidated 304 from its ETag, until the data version is asked again and has moved; signed-in requests
    always pass."""
    from service.web.public import microcache as public_microcache
    from service.web.public import queries as public_queries

    clock = [100.0]
    monkeypatch.setattr(public_microcache.time, "monotonic", lambda: clock[0])
    app = make_app(PUBLIC_MICROCACHE_SECONDS=60, PUBLIC_FINGERPRINT_SECONDS=2)
    add(app, Spec("PCD 821", "Custody review"))
    c = app.test_client(use_cookies=False)
    first = c.get("/?q=custody")
    assert first.status_code == 200 and "Custody review" in first.get_data(as_text=True)
    add(app, Spec("PCD 822", "Custody contract"))
    monkeypatch.setattr(public_queries, "find", lambda *a, **k: pytest.fail("rendered within the window"))
    again = c.get("/?q=custody")
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    assert c.get("/?q=custody", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    assert c.head("/?q=custody").data == b""
    monkeypatch.undo()
    monkeypatch.setattr(public_microcache.time, "monotonic", lambda: clock[0])
    fresh = c.get("/?q=contract", headers={"If-None-Match": '"old"'})  # a client that only revalidates
    assert fresh.status_code == 200 and "Custody contract" in fresh.get_data(as_text=True)
    monkeypatch.setattr(public_queries, "find", lambda *a, **k: pytest.fail("rendered within the window"))
    assert c.get("/?q=contract", headers={"If-None-Match": fresh.headers["ETag"]}).status_code == 304
    monkeypatch.undo()
    monkeypatch.setattr(public_microcache.time, "monotonic", lambda: clock[0])
    clock[0] += 2.5  # the data version is asked again: it has moved, so the kept page is not served
    assert "Custody contract" in c.get("/?q=custody").get_data(as_text=True)
    add(app, Spec("PCD 823", "Custody estates"))
    clock[0] += 2.5
    assert "Custody estates" in c.get("/?q=custody", headers={"Cookie": "foia_session=x"}).get_data(as_text=True)
    assert public_microcache.cacheable({"REQUEST_METHOD": "GET", "PATH_INFO": "/decisions/pcd-821/part1.pdf"}) is False
    assert public_microcache.cacheable({"REQUEST_METHOD": "GET", "PATH_INFO": "/officer/"}) is False
    assert public_microcache.cacheable({"REQUEST_METHOD": "POST", "PATH_INFO": "/"}) is False


def test_a_decision_kept_under_the_data_version_changes_with_it(make_app, monkeypatch):
    from service.web.public import queries as public_queries

    clock = [500.0]
    monkeypatch.setattr(public_queries.time, "monotonic", lambda: clock[0])
    app = make_app(PUBLIC_FINGERPRINT_SECONDS=2)
    made = add(app, Spec("PCD 831", "Harbour lease", part2="withheld", release_on=date(2025, 1, 1)))
    c = app.test_client()
    assert "Withheld under section 43" in c.get("/decisions/pcd-831").get_data(as_text=True)
    with app.extensions["foia.db"].session() as db:
        release_due(datetime(2025, 6, 1, tzinfo=timezone.utc), session=db)
    assert "Withheld under section 43" in c.get("/decisions/pcd-831").get_data(as_text=True)  # within 2 s
    clock[0] += 2.5
    page = c.get("/decisions/pcd-831").get_data(as_text=True)
    assert "Released on 1 June 2025" in page and made["id"] in indexed(app)


@pytest.mark.parametrize("query", [
    {"q": "custody", "sort": "newest"},
    {"q": "custody", "sort": "oldest"},
    {"q": "custody", "sort": "newest", "part2": "none"},
    {"q": "youth", "sort": "oldest", "year": "2024"},
    {"q": "custody", "sort": "newest", "per_page": "1", "page": "2"},
])
def test_walking_the_list_finds_what_gathering_the_matches_finds(app, site, monkeypatch, query):
    """When most decisions match, newest/oldest walk the public list testing each with one index seek;
    the page (order, filters, paging, snippets) is the one gathering every match first gives."""
    from service.web.public import queries as public_queries

    walked_with = []
    real = search_index.matches_paper
    monkeypatch.setattr(search_index, "matches_paper", lambda dialect: walked_with.append(dialect) or real(dialect))
    search = public_queries.Search.from_args(query, allow_per_page=True)
    with app.extensions["foia.db"].session() as db:
        gathered = public_queries.find(db, search)
        assert not walked_with
        monkeypatch.setattr(public_queries, "SEEK_COST_IN_MATCHES", 0)   # walking always looks cheaper
        walked = public_queries.find(db, search)
    assert walked_with
    assert gathered.decisions and gathered.total == walked.total
    assert [(d.paper.id, d.snippet) for d in walked.decisions] == [(d.paper.id, d.snippet) for d in gathered.decisions]


@pytest.mark.parametrize("filters", [{}, {"part2": "none"}])
def test_a_relevance_page_is_the_slice_of_the_whole_ranking(app, filters):
    """Relevance orders the ranked window on rank, date and id alone and reads only the page's rows whole
    (issue 16): every page, filtered or not, is the slice of the whole ranking, equal ranks newest first."""
    from service.web.public import queries as public_queries

    specs = [Spec(f"PCD {900 + i}", f"Custody note {i}", published=T0 + timedelta(days=i),
                  text="custody custody" if i % 4 == 0 else "custody") for i in range(11)]
    specs.append(Spec("PCD 950", "Estates", published=T0, text="Nothing to find."))
    ids = {spec["slug"]: spec["id"] for spec in add_many(app, specs)}
    with app.extensions["foia.db"].session() as db:
        whole = public_queries.find(db, public_queries.Search(q="custody", per_page=100, **filters))
        pages = [public_queries.find(db, public_queries.Search(q="custody", per_page=4, page=p, **filters))
                 for p in (1, 2, 3)]
    order = [d.paper.id for d in whole.decisions]
    assert len(order) == 11 and ids["pcd-950"] not in order and whole.total == 11
    assert [d.paper.id for page in pages for d in page.decisions] == order
    assert all(page.total == 11 for page in pages)
    # the papers saying "custody" twice rank first; equal ranks are newest first
    twice = [ids[f"pcd-{900 + i}"] for i in (8, 4, 0)]
    assert order[:3] == twice
    assert order[3:] == [ids[f"pcd-{900 + i}"] for i in range(10, -1, -1) if i % 4]


@pytest.mark.parametrize("filters", [{}, {"part2": "none"}])
def test_a_relevance_page_reads_only_its_candidates_and_a_stale_one_changes_nothing(app, filters, monkeypatch):
    """A relevance page joins to the public rows only the window's entries ranked as well as its last row
    (fifth pass, issue 16); an entry among them that is no longer public (a path forgot to sync) makes it
    rank from the whole window instead: every page stays the slice of the public ranking."""
    from service.web.public import queries as public_queries

    specs = [Spec(f"PCD {700 + i}", f"Note {i}", published=T0 + timedelta(days=i),   # ten distinct ranks
                  text=" ".join(["custody"] * (10 - i) + ["other"] * i)) for i in range(10)]
    ids = {spec["slug"]: spec["id"] for spec in add_many(app, specs)}

    def pages(per_page: int, count: int):
        with app.extensions["foia.db"].session() as db:
            return [public_queries.find(db, public_queries.Search(q="custody", per_page=per_page, page=p, **filters))
                    for p in range(1, count + 1)]

    whole_calls = []
    real = public_queries._ranked_page_whole
    monkeypatch.setattr(public_queries, "_ranked_page_whole",
                        lambda *a, **k: whole_calls.append(a) or real(*a, **k))
    monkeypatch.setattr(public_queries, "_whole_page", lambda dialect: public_queries._ranked_page_whole(dialect))
    [whole] = pages(100, 1)
    order = [d.paper.id for d in whole.decisions]
    assert order == [ids[f"pcd-{700 + i}"] for i in range(10)] and whole.total == 10
    assert [d.paper.id for page in pages(3, 4) for d in page.decisions] == order
    assert not whole_calls   # no stale entry: the candidates were enough

    stale = order[0]           # the best-ranked decision stops being public without a sync
    with app.extensions["foia.db"].session() as db:
        db.execute(update(Paper).where(Paper.id == stale).values(state="withdrawn"))
        db.commit()
    assert stale in indexed(app)
    public_order = [i for i in order if i != stale]
    [whole] = pages(100, 1)
    assert [d.paper.id for d in whole.decisions] == public_order
    got = pages(3, 3)
    assert [d.paper.id for page in got for d in page.decisions] == public_order
    # unfiltered, the first page's candidates held the stale entry; filters rank public rows only
    assert bool(whole_calls) == (not filters)
    assert all(page.total in (9, 10) for page in got)   # read off the window (its entries, or its public rows)
