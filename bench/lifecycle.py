"""Benchmark: what withdrawal, corrections and the redaction schedule cost, each against an anchor measured
in the same run on the same database or file.

    .venv/bin/python bench/lifecycle.py [--papers 5000] [--database-url URL]

Prints, with nproc:

- withdrawing one decision out of ``--papers`` public ones (guarded update of the paper and its parts, audit
  events, the search index entry) — anchor: ``release_due`` releasing one due part (one guarded update);
- the public lists' data version (``public_queries.fingerprint``, behind every ETag) with the withdrawal
  term — anchor: the withdrawal term alone (``lifecycle_queries.last_withdrawal``), so its share shows;
- the redaction schedule's PDF reading (every page searched for 20 texts to redact everywhere, text under
  10 boxes) on the 50-page fixture — anchor: pdfium reading every page's text once.

Without ``--database-url`` a temporary SQLite file is used. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from service.domain.release import release_due  # noqa: E402
from service.web.public import lifecycle_queries  # noqa: E402
from service.web.public import queries as public_queries
from service.infra.db import Database  # noqa: E402
from service.infra.migrate import upgrade  # noqa: E402
from service.domain.models import Paper, Part, User  # noqa: E402
from service.infra.schedule_pdf import locate  # noqa: E402
from service.domain.withdrawal import withdraw  # noqa: E402

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
LONG = ROOT / "tests" / "fixtures" / "pdf" / "long_50_pages.reportlab.pdf"


def populate(db: Database, papers: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(User), [{"id": 1, "email": "bench@example.org", "password_hash": "x", "role": "officer",
                                     "active": True, "created_at": NOW}])
        conn.execute(insert(Paper), [{"id": i, "reference": f"PCD {i}", "title": f"Paper {i}", "slug": f"pcd-{i}",
                                      "state": "published", "original_name": "p.pdf", "original_size": 0,
                                      "page_count": 2, "created_at": NOW, "updated_at": NOW, "published_at": NOW,
                                      "version": 1}
                                     for i in range(1, papers + 1)])
        conn.execute(insert(Part), [{"paper_id": i, "number": 1, "state": "published", "size": 0, "pages": 1,
                                     "released_at": NOW - timedelta(days=i % 900), "created_at": NOW,
                                     "updated_at": NOW} for i in range(1, papers + 1)])
        conn.execute(insert(Part), [{"paper_id": i, "number": 2, "state": "withheld", "size": 0, "pages": 1,
                                     "release_on": date(2026, 11, 30) if i % 2 else date(2030, 1, 1),
                                     "created_at": NOW, "updated_at": NOW} for i in range(1, papers + 1)])


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.2f} ms"


def run(url: str, papers: int, rounds: int = 40) -> None:
    upgrade(url)
    db = Database(url)
    populate(db, papers)
    if db.engine.dialect.name == "postgresql":  # as autovacuum would after a bulk load
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    withdrawing, releasing = [], []
    with db.session() as s:
        user = s.get(User, 1)
        for n in range(rounds):  # interleaved: withdraw paper 2n+1, release the due Part 2 of paper 2n+3
            paper = s.get(Paper, 2 * n + 1)
            start = time.perf_counter()
            withdraw(s, paper, user, "Published in error by the benchmark.", actor="bench", now=NOW)
            withdrawing.append(time.perf_counter() - start)
            part_id = s.get(Paper, 2 * n + 3).part(2).id
            start = time.perf_counter()
            release_due(NOW, session=s, part_ids=[part_id])
            releasing.append(time.perf_counter() - start)
        versions, terms = [], []
        for _ in range(rounds):
            start = time.perf_counter()
            public_queries.fingerprint(s)
            versions.append(time.perf_counter() - start)
            start = time.perf_counter()
            lifecycle_queries.last_withdrawal(s)
            terms.append(time.perf_counter() - start)
    db.dispose()
    print(f"  withdraw one of {papers:,} decisions: {median_ms(withdrawing)} "
          f"(anchor: release_due of one due part {median_ms(releasing)})")
    print(f"  public data version (fingerprint): {median_ms(versions)} "
          f"(of which the withdrawal term alone: {median_ms(terms)})")


def schedule_pdf(rounds: int = 5) -> None:
    import pypdfium2 as pdfium

    texts = [f"Operation Nightjar {n}" for n in range(19)] + ["the"]
    boxes = [{"page": p, "box": [72, 500, 300, 560]} for p in range(1, 11)]
    reading, scheduling = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        pdf = pdfium.PdfDocument(str(LONG))
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        pdf.close()
        reading.append(time.perf_counter() - start)
        start = time.perf_counter()
        locate(str(LONG), texts, boxes)
        scheduling.append(time.perf_counter() - start)
    ratio = statistics.median(scheduling) / statistics.median(reading)
    print(f"  schedule PDF reading, 50 pages, 20 texts, 10 boxes: {median_ms(scheduling)} "
          f"(anchor: pdfium page text once {median_ms(reading)}; {ratio:.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=5000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    print(f"nproc {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        print(url.split("://")[0])
        run(url, args.papers)
    schedule_pdf()


if __name__ == "__main__":
    main()
