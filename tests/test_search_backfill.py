"""``foia backfill-search``: parts published before their search text was stored (Part 2 before commit f164568)
get it from their stored files, on both databases. Released ones are found at once, withheld ones once
released; the command is idempotent, batched, reports counts only, and a file it cannot read is named (by
paper and part) while the others are filled and nothing else changes."""

from __future__ import annotations

import contextlib
import io
import logging
from datetime import datetime, timezone

import pytest
from sqlalchemy import select, update

from service.domain import search_index
from service.domain.models import Paper, Part
from tests.conftest import make_token, part2_paper

PERSONAL = ("Pelling", "07700", "Hollowell", "7946")


@pytest.fixture
def cli(app, monkeypatch):
    """Run ``foia ...`` in-process against the app's database and data folder: (exit, stdout, stderr)."""
    from service.cli import main

    monkeypatch.setenv("FOIA_ENV", "testing")
    monkeypatch.setenv("FOIA_DATA_DIR", app.config["DATA_DIR"])
    monkeypatch.setenv("FOIA_DATABASE_URL", app.config["DATABASE_URL"])

    def run(*argv):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exc:
                code = exc.code
        for personal in PERSONAL:  # counts, ids and slugs only: never the papers' words
            assert personal not in out.getvalue() + err.getvalue()
        return code, out.getvalue(), err.getvalue()
    return run


def _db(app):
    return app.extensions["foia.db"].session()


def _publish(app, papers: list[tuple[str, str]]) -> None:
    client = app.test_client()
    auth = {"Authorization": f"Bearer {make_token(app)}"}
    for number, (reference, until) in enumerate(papers, 1):
        r = client.post("/api/v1/papers", headers=auth, data={"file": (io.BytesIO(part2_paper(until, reference=reference)),
                                                                       "p.pdf")}, content_type="multipart/form-data")
        assert r.status_code == 201, r.json
        r = client.post(f"/api/v1/papers/{number}/publish", headers=auth, json={})
        assert r.status_code == 200, r.json


def _as_before_the_change(app, *, part1_too: tuple[str, ...] = ()) -> None:
    """What a database published before f164568 holds: no Part 2 text (and, for ``part1_too``, no Part 1
    text either), the index rebuilt from that."""
    with _db(app) as db:
        db.execute(update(Part).where(Part.number == 2).values(text=None))
        if part1_too:
            ids = db.scalars(select(Paper.id).where(Paper.reference.in_(part1_too))).all()
            db.execute(update(Part).where(Part.number == 1, Part.paper_id.in_(ids)).values(text=None))
        search_index.rebuild(db)
        db.commit()


def _found(app, words: str) -> str:
    return app.test_client().get(f"/?q={words}").get_data(as_text=True)


def _texts(app) -> dict[tuple[str, int], str | None]:
    with _db(app) as db:
        return {(ref, n): t for ref, n, t in db.execute(select(Paper.reference, Part.number, Part.text)
                                                          .join(Part, Part.paper_id == Paper.id))}


def test_released_part2s_published_before_are_found_after_the_backfill(app, officer, redact_available, cli, caplog):
    caplog.set_level(logging.DEBUG)
    _publish(app, [("PCD 913", "01/04/2025"), ("PCD 914", "01/04/2030")])
    expected = _texts(app)  # what publication stores today
    assert expected[("PCD 913", 2)] and "Northgate" in expected[("PCD 913", 2)]
    _as_before_the_change(app, part1_too=("PCD 914",))
    assert "PCD 913" not in _found(app, "Northgate")  # the bug: released, downloadable, not searchable

    code, out, err = cli("backfill-search", "--dry-run")
    assert code == 0 and "3 part(s) to fill" in out and "Dry run" in out, (out, err)
    assert _texts(app)[("PCD 913", 2)] is None

    code, out, err = cli("backfill-search", "--batch-size", "1")
    assert code == 0, (out, err)
    assert "Filled 3 part(s) (part 1 published: 1, part 2 released: 1, part 2 withheld: 1)" in out, out
    assert _texts(app) == expected  # the same text publication stores, Part 1 and Part 2
    html = _found(app, "Northgate")
    assert "PCD 913" in html and "PCD 914" not in html  # released: found; withheld until 2030: not yet
    assert "Pelling" not in html
    assert "PCD 914" in _found(app, "custody")          # its Part 1 text is back in the index

    code, out, err = cli("backfill-search")  # idempotent: nothing more to do, nothing changed
    assert (code, out.strip()) == (0, "Search text: nothing to fill; every published part has its text.")

    from service.domain.release import release_due

    with _db(app) as db:  # the withheld one, released by the sweep on its date, is found
        release_due(datetime(2030, 4, 1, 0, 0, tzinfo=timezone.utc), session=db)
    assert "PCD 914" in _found(app, "Northgate")
    for personal in PERSONAL:
        assert personal not in caplog.text


def test_an_unreadable_file_is_named_and_the_others_are_filled(app, officer, redact_available, cli):
    _publish(app, [("PCD 913", "01/04/2025"), ("PCD 915", "01/04/2025"), ("PCD 916", "01/04/2025")])
    _as_before_the_change(app)
    store = app.extensions["foia.storage"]
    with _db(app) as db:
        keys = dict(db.execute(select(Paper.reference, Part.file_key).join(Part, Part.paper_id == Paper.id)
                               .where(Part.number == 2)).all())
        ids = dict(db.execute(select(Paper.reference, Paper.id)).all())
    missing, damaged = store.path(keys["PCD 913"]), store.path(keys["PCD 916"])
    kept = missing.read_bytes()
    missing.rename(missing.with_suffix(".away"))
    good = damaged.read_bytes()
    damaged.write_bytes(b"%PDF-1.7\nnot a pdf at all\n")

    code, out, err = cli("backfill-search", "--batch-size", "2")
    assert code == 1, (out, err)
    assert "Filled 1 part(s) (part 2 released: 1)" in out
    assert "2 part(s) could not be read" in err
    assert f"paper {ids['PCD 913']} (pcd-913) part 2: the stored file is missing" in err
    assert f"paper {ids['PCD 916']} (pcd-916) part 2: the stored file cannot be read" in err
    assert "Traceback" not in err
    texts = _texts(app)
    assert texts[("PCD 913", 2)] is None and texts[("PCD 916", 2)] is None and texts[("PCD 915", 2)]
    assert "PCD 915" in _found(app, "Northgate") and "PCD 913" not in _found(app, "Northgate")
    assert app.test_client().get("/decisions/pcd-915/part2.pdf").status_code == 200  # nothing else moved

    missing.with_suffix(".away").rename(missing)  # restored from backup: a re-run fills what is left
    damaged.write_bytes(good)
    code, out, err = cli("backfill-search")
    assert code == 0 and "Filled 2 part(s)" in out, (out, err)
    assert all(_found(app, "Northgate").count(ref) for ref in ("PCD 913", "PCD 915", "PCD 916"))
    assert kept == missing.read_bytes()


def test_a_part_changed_meanwhile_is_not_overwritten(app, officer, redact_available):
    """The guarded write: a part that got its text (or another file) between the read and the write is left."""
    from service.domain.search_backfill import backfill

    _publish(app, [("PCD 913", "01/04/2025")])
    _as_before_the_change(app)

    def read_and_race(key):
        with _db(app) as other:  # a correction or a second backfill got there first
            other.execute(update(Part).where(Part.file_key == key).values(text="written meanwhile"))
            other.commit()
        return "the backfill's reading"

    with _db(app) as db:
        report = backfill(db, read_and_race)
    assert (report.total, report.skipped) == (0, 1)
    assert _texts(app)[("PCD 913", 2)] == "written meanwhile"


def test_withdrawn_papers_are_left_alone_and_serve_reports_what_is_pending(app, officer, redact_available, cli):
    from service.cli.backfill import pending_notice
    from service.domain.search_backfill import pending

    _publish(app, [("PCD 913", "01/04/2025"), ("PCD 915", "01/04/2030")])
    _as_before_the_change(app)
    with _db(app) as db:
        db.execute(update(Paper).where(Paper.reference == "PCD 913").values(state="withdrawn"))
        db.commit()
        assert pending(db) == {"part 2 withheld": 1}
        assert pending_notice(db).startswith("Search: 1 published part(s) have no search text yet")
    code, out, err = cli("migrate")
    assert code == 0 and "run `foia backfill-search`" in out
    code, out, err = cli("backfill-search")
    assert code == 0 and "Filled 1 part(s) (part 2 withheld: 1)" in out, (out, err)
    assert _texts(app)[("PCD 913", 2)] is None
    with _db(app) as db:
        assert pending(db) == {} and pending_notice(db) is None
    code, out, err = cli("migrate")
    assert "backfill" not in out
