"""Backup and restore as docs/deploy.md tells it: dump the database first, then copy the files; restore both
into a fresh database and data folder; `foia migrate`; the fresh instance serves the same public pages.

PostgreSQL uses pg_dump/pg_restore (custom format), SQLite its online ``.backup``; the commands here are
the ones in the guide, run as the operator would run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import ExitStack
from datetime import date, datetime, timezone

import pytest

from tests.conftest import need
from tests.production_helpers import ROOT, fresh_database, libpq_url
from tests.public_data import Spec, add

STATES = [
    Spec("PCD 11", "No Part 2", published=datetime(2025, 3, 3, 10, tzinfo=timezone.utc)),
    Spec("PCD 12", "Part 2 withheld", part2="withheld", release_on=date(2031, 3, 1),
         published=datetime(2025, 3, 4, 10, tzinfo=timezone.utc)),
    Spec("PCD 13", "Part 2 released", part2="released", release_on=date(2025, 4, 1),
         published=datetime(2025, 3, 5, 10, tzinfo=timezone.utc),
         released_at=datetime(2025, 4, 1, tzinfo=timezone.utc)),
    Spec("PCD 14", "Part 2 under review", part2="review", review_on=date(2025, 6, 1),
         published=datetime(2025, 3, 6, 10, tzinfo=timezone.utc)),
    Spec("PCD 15", "Part 1 deferred", part1_state="scheduled", publish_on=date(2031, 5, 1),
         published=datetime(2025, 3, 7, 10, tzinfo=timezone.utc)),
]


def _app(data_dir, url):
    from service.app import create_app
    from service.infra.migrate import upgrade

    data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(url)
    return create_app({"ENV": "testing", "DATA_DIR": str(data_dir), "DATABASE_URL": url, "SECRET_KEY": "k" * 64})


def _public_pages(app, slugs) -> dict[str, tuple[int, bytes]]:
    client = app.test_client()
    urls = ["/", "/?part2=withheld", "/?q=Part", "/feed.atom", "/releases.ics", "/api/v1/decisions"]
    for slug in slugs:
        urls += [f"/decisions/{slug}", f"/decisions/{slug}/part1.pdf", f"/decisions/{slug}/part2.pdf"]
    return {url: (r.status_code, r.data) for url in urls for r in [client.get(url)]}


def _sh(*args: str, **kwargs) -> None:
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, **kwargs)
    assert done.returncode == 0, f"{args[0]}: {done.stderr[-2000:]}"


def _backup_and_restore(kind: str, src_url: str, dst_url: str, src_data, dst_data, backups) -> None:
    backups.mkdir()
    if kind == "postgresql":
        _sh("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={backups / 'foia.dump'}",
            libpq_url(src_url))
    else:
        _sh("sqlite3", str(src_data / "foia.db"), f".backup '{backups / 'foia.db'}'")
    # Files after the dump: every file the dump refers to already exists (files are written before the
    # rows that name them are committed, and a published file is never changed in place).
    _sh("tar", "-C", str(src_data), "-cf", str(backups / "files.tar"), "files")

    dst_data.mkdir()
    if kind == "postgresql":
        _sh("pg_restore", "--no-owner", "--no-privileges", f"--dbname={libpq_url(dst_url)}",
            str(backups / "foia.dump"))
    else:
        shutil.copy(backups / "foia.db", dst_data / "foia.db")
    _sh("tar", "-C", str(dst_data), "-xf", str(backups / "files.tar"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOIA_")}
    env.update(FOIA_ENV="testing", FOIA_DATA_DIR=str(dst_data), FOIA_DATABASE_URL=dst_url)
    _sh(sys.executable, "-m", "service.cli", "migrate", cwd=ROOT, env=env)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_backup_restored_into_a_fresh_instance_serves_the_same_public_pages(tmp_path, kind):
    need(shutil.which("tar") is not None, "tar is not installed")
    with ExitStack() as stack:
        if kind == "postgresql":
            base = os.environ.get("FOIA_TEST_DATABASE_URL")
            need(base is not None, "FOIA_TEST_DATABASE_URL is not set")
            need(bool(shutil.which("pg_dump") and shutil.which("pg_restore")),
                 "pg_dump/pg_restore are not installed (Debian: postgresql-client)")
            src_url = stack.enter_context(fresh_database(base, "backup_src"))
            dst_url = stack.enter_context(fresh_database(base, "backup_dst"))
        else:
            need(shutil.which("sqlite3") is not None, "the sqlite3 command is not installed (Debian: sqlite3)")
            src_url = f"sqlite:///{tmp_path / 'src' / 'foia.db'}"
            dst_url = f"sqlite:///{tmp_path / 'restored' / 'foia.db'}"

        source = _app(tmp_path / "src", src_url)
        slugs = [add(source, spec)["slug"] for spec in STATES]
        before = _public_pages(source, slugs)
        source.extensions["foia.db"].dispose()

        _backup_and_restore(kind, src_url, dst_url, tmp_path / "src", tmp_path / "restored", tmp_path / "backups")

        restored = _app(tmp_path / "restored", dst_url)
        try:
            after = _public_pages(restored, slugs)
        finally:
            restored.extensions["foia.db"].dispose()
    assert {url: status for url, (status, _) in after.items()} == {url: status for url, (status, _) in before.items()}
    assert [url for url in before if before[url] != after[url]] == []
    assert before["/decisions/pcd-13/part2.pdf"][0] == 200 and before["/decisions/pcd-12/part2.pdf"][0] == 404
