"""Withheld means unreachable: every URL rule in the app, filled in with every paper in every state, asked
by an anonymous visitor, never serves a draft, an original, a preview, a deferred Part 1 or an unreleased
Part 2 — not the file, not its text, not its title.

The papers are made through the real path (upload → background analysis → preview → publish with
redaction and verification; the release sweep; an officer's hold); only an upload the worker has not
picked up yet and a Part 1 still in draft are set up directly, as no request leaves them so for long.
"""

from __future__ import annotations

import io
import itertools
import re
from contextlib import ExitStack
from datetime import date, datetime, timezone
from urllib.parse import quote

import pytest
from sqlalchemy import select

from service.domain.part_actions import Officer, hold
from service.domain.release import release_due
from service.domain.models import Paper
from tests.conftest import BACKENDS, _app_on, add_user, need, post_form, sign_in
from tests.public_data import Spec, add
from tests.textpdf import text_pdf


def paper_pdf(ref: str, title: str, marker: str, *, until: str | None = "01/04/2030",
              deferred: str | None = None) -> bytes:
    """A MOPAC-shaped paper; ``marker`` words appear only in its Part 2 (or its Part 1 when deferred)."""
    deferral = f"YES\nIf yes, for what reason: contract not yet signed\nUntil what date: {deferred}" if deferred else "NO"
    text = (f"Decision – {ref}\nTitle: {title}\nExecutive Summary\n"
            f"The contract manager, Jane Hollowell, can be reached on 020 7946 0123.\n"
            f"Part 1 of this approval to be deferred? {deferral}\n")
    if until is None:
        return text_pdf(text + "Is there a Part 2 form? NO\n")
    return text_pdf(text + "Is there a Part 2 form? YES\n---page---\nPart 2 – Confidential facts and advice\n"
                    "The information in this form is not suitable for publication.\n"
                    f"It is exempt under section 43 (commercial interests) until {until}.\n"
                    f"The bid {marker} was priced at 1.2 million pounds.\nContact Tom Pelling on 07700 900123.\n")


PAPERS = {  # key: (reference, title, Part 2 marker, until, deferred, publish?)
    "withheld": ("PCD 801", "Interpreting contract", "Quokkavale", "01/04/2030", None, True),
    "released": ("PCD 802", "Youth fund", "Marmotbridge", "01/04/2025", None, True),
    "no_part2": ("PCD 803", "Body worn video", None, None, None, True),
    "deferred": ("PCD 804", "Wombatfield deferred procurement", "Wombatfield", "01/04/2030", "31/12/2030", True),
    "review": ("PCD 805", "Estates review", "Axolotlham", "01/04/2030", None, True),
    "held": ("PCD 806", "Held contract", "Pangolinford", "01/04/2030", None, True),
    "analysed": ("PCD 807", "Tapirgate analysed only", "Tapirgate", "01/04/2030", None, False),
}


@pytest.fixture(scope="module", params=BACKENDS)
def world(request, tmp_path_factory):
    try:
        from redaction.redact import redact  # noqa: F401
    except ImportError:
        need(False, "redaction.redact is not available yet")
    stack = ExitStack()  # the app on each database, closed (and its PostgreSQL schema dropped) at the end
    app = stack.enter_context(_app_on(request.param, tmp_path_factory.mktemp("unreachable")))
    add_user(app)
    officer = app.test_client()
    sign_in(officer)
    ids = {}
    for key, (ref, title, marker, until, deferred, publish) in PAPERS.items():
        pdf = paper_pdf(ref, title, marker, until=until, deferred=deferred)
        post_form(officer, "/officer/upload", {"file": (io.BytesIO(pdf), f"{ref}.pdf")}, page="/officer/upload",
                  content_type="multipart/form-data")
        app.extensions["foia.worker"].drain()
        with app.extensions["foia.db"].session() as db:
            ids[key] = db.scalar(select(Paper.id).order_by(Paper.id.desc()))
        if publish:
            r = post_form(officer, f"/officer/papers/{ids[key]}/publish", page=f"/officer/papers/{ids[key]}/review")
            assert r.status_code == 303, r.get_data(as_text=True)
    # the analysed paper gets a preview on disk (officers only)
    post_form(officer, f"/officer/papers/{ids['analysed']}/preview", page=f"/officer/papers/{ids['analysed']}/review")
    app.extensions["foia.worker"].drain()

    now = datetime.now(timezone.utc)
    with app.extensions["foia.db"].session() as db:
        review = db.get(Paper, ids["review"]).part(2)
        review.release_on, review.review_on = None, date(2025, 3, 1)  # "to be reviewed in March 2025"
        db.commit()
        release_due(now, session=db)  # → review
        hold(db, db.get(Paper, ids["held"]).part(2), "withheld", Officer(user_id=1), now,
             reason="legal advice awaited")
        db.commit()
    # states no request leaves a paper in for long: an upload not yet analysed, a Part 1 still in draft
    uploaded = add(app, Spec("PCD 808", "Capybarton not yet analysed", paper_state="uploaded",
                             text="Capybarton", part2_text="Capybarton"))
    draft = add(app, Spec("PCD 809", "Okapiwick draft part", part1_state="draft", text="Okapiwick",
                          part2="withheld", part2_text="Okapiwick", release_on=date(2030, 1, 1)))
    ids.update(uploaded=uploaded["id"], draft=draft["id"])
    yield app, ids
    stack.close()


def _states(app, ids) -> dict:
    with app.extensions["foia.db"].session() as db:
        return {key: (db.get(Paper, pid).state, *[p.state for p in db.get(Paper, pid).parts])
                for key, pid in ids.items()}


def test_the_papers_are_in_every_state(world):
    app, ids = world
    assert _states(app, ids) == {
        "withheld": ("published", "published", "withheld"), "released": ("published", "published", "released"),
        "no_part2": ("published", "published"), "deferred": ("published", "scheduled", "withheld"),
        "review": ("published", "published", "review"), "held": ("published", "published", "held"),
        "analysed": ("ready",), "uploaded": ("uploaded",), "draft": ("published", "draft", "withheld"),
    }


def _secrets(app, ids) -> tuple[dict[str, bytes], dict[str, bytes], dict[str, bytes]]:
    """(files that must never be served, words that must never appear, public files that must be served)."""
    store = app.extensions["foia.storage"]
    never, words, public = {}, {}, {}
    with app.extensions["foia.db"].session() as db:
        for paper in db.scalars(select(Paper)):
            if paper.original_key:
                never[f"original of paper {paper.id}"] = store.read(paper.original_key)
            for part in paper.parts:
                visible = paper.part(1).state == "published" and (
                    part.number == 1 or part.state == "released")
                (public if visible else never)[f"part {part.number} of {paper.reference}"] = store.read(part.file_key)
    for path in (store.root / "previews").rglob("*.pdf"):
        never[f"preview {path.name}"] = path.read_bytes()
    assert any(k.startswith("preview") for k in never), "the preview was not made"
    for key in ("withheld", "deferred", "review", "held", "analysed"):
        words[f"Part 2 marker of {key}"] = PAPERS[key][2].encode()
    for title in ("Wombatfield", "Tapirgate", "Capybarton", "Okapiwick"):
        words[f"title of {title}"] = title.encode()
    words["a redacted phone number"] = b"020 7946 0123"
    words["a redacted phone number (Part 2)"] = b"07700 900123"
    return never, words, public


def _candidates(app, ids) -> dict[str, list[str]]:
    store = app.extensions["foia.storage"]
    with app.extensions["foia.db"].session() as db:
        papers = list(db.scalars(select(Paper)))
        slugs = [p.slug for p in papers if p.slug] + [f"pcd-{n}" for n in range(801, 810)]
        keys = [p.original_key for p in papers] + [part.file_key for p in papers for part in p.parts]
        part_ids = [part.id for p in papers for part in p.parts]
    keys += [str(p.relative_to(store.root)) for p in store.root.rglob("*") if p.is_file()]
    files = keys + [f"../files/{k}" for k in keys] + [f"..%2F..%2Ffiles%2F{quote(k, safe='')}" for k in keys]
    return {"slug": slugs, "paper_id": [str(i) for i in ids.values()], "part_id": [str(i) for i in part_ids],
            "number": ["1", "2"], "filename": files + ["public.css", "officer.css"]}


def public_urls(app, ids) -> list[str]:
    """Every GET rule, with every value for each of its arguments; list pages with every search."""
    values = _candidates(app, ids)
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        unknown = set(rule.arguments) - set(values) - set(rule.defaults or {})
        assert not unknown, f"{rule.rule}: add candidate values for {unknown} to this test"
        names = [a for a in rule.arguments if a not in (rule.defaults or {})]
        for combo in itertools.product(*(values[n] for n in names)):
            path = rule.rule
            for name, value in zip(names, combo):
                path = path.replace(f"<{_converter(rule, name)}{name}>", value)
            urls.append(path)
    searches = [f"q={PAPERS[k][2]}" for k in ("withheld", "deferred", "analysed")] + [
        "q=Capybarton", "q=Okapiwick", "q=Wombatfield", "part2=withheld", "part2=released", "part2=none",
        "year=2025", "year=2026", "per_page=100"]
    urls += [f"{base}?{s}" for base in ("/", "/api/v1/decisions") for s in searches]
    return urls


def _converter(rule, name: str) -> str:
    converter = rule._converters[name]
    kind = {"IntegerConverter": "int:", "PathConverter": "path:"}.get(type(converter).__name__, "")
    return kind


def test_every_public_url_serves_nothing_withheld(world):
    app, ids = world
    never, words, public = _secrets(app, ids)
    anonymous = app.test_client()
    served_public = set()
    urls = public_urls(app, ids)
    assert len(urls) > 100
    for url in urls:
        for method in (anonymous.get, anonymous.head):
            response = method(url)
            body = response.get_data()
            searched = url.partition("q=")[2].encode()
            if searched and method == anonymous.get:  # the search box shows what was searched for ...
                assert re.search(rb"\s0 decisions\s", body) or b'"total":0' in body, f"{url} found something"
                body = body.replace(searched, b"")
            for name, data in never.items():
                assert data not in body, f"{url} served the {name}"
            for name, word in words.items():
                assert word not in body, f"{url} showed the {name}"
            for name, data in public.items():
                if body == data:
                    served_public.add(name)
    # the walk does reach the files that are public, so the checks above can fail
    assert served_public == set(public), set(public) - served_public
    assert public and "part 2 of PCD 802" in public


def test_unreleased_part2_and_unpublished_pages_are_404(world):
    app, ids = world
    c = app.test_client()
    for slug in ("pcd-801", "pcd-805", "pcd-806", "pcd-804", "pcd-809"):
        assert c.get(f"/decisions/{slug}/part2.pdf").status_code == 404, slug
    for slug in ("pcd-804", "pcd-809"):  # deferred or draft Part 1: the whole paper is not there
        for url in (f"/decisions/{slug}", f"/decisions/{slug}/part1.pdf", f"/api/v1/decisions/{slug}"):
            assert c.get(url).status_code == 404, url
    assert c.get("/decisions/pcd-802/part2.pdf").status_code == 200
    page = c.get("/decisions/pcd-806").get_data(as_text=True)
    assert "Withheld under section 43 (commercial interests) until further notice" in page
    assert "Withheld: under review" in c.get("/decisions/pcd-805").get_data(as_text=True)


def test_a_withheld_part2_becomes_reachable_only_when_released(world):
    app, ids = world
    c = app.test_client()
    with app.extensions["foia.db"].session() as db:
        part = db.get(Paper, ids["withheld"]).part(2)
        part.release_on = date(2025, 1, 1)
        db.commit()
        assert c.get("/decisions/pcd-801/part2.pdf").status_code == 404  # due, but not yet swept
        release_due(datetime.now(timezone.utc), session=db)
        data = app.extensions["foia.storage"].read(part.file_key)
    response = c.get("/decisions/pcd-801/part2.pdf")
    assert response.status_code == 200 and response.data == data
    with app.extensions["foia.db"].session() as db:  # leave the module's world as it was
        part = db.get(Paper, ids["withheld"]).part(2)
        part.state, part.released_at, part.release_on = "withheld", None, date(2030, 4, 1)
        db.commit()
