"""Benchmark: requests/s and latency (p50, p99) of the public site with 5,000 published decisions.

gunicorn (gthread workers, one per core) serves the app on 127.0.0.1 from a temporary data folder
(SQLite); a bounded load generator of N client threads (default 50), each on its own keep-alive
connection, asks for `/`, a repeated search, new searches, decision pages (random among all 5,000) and
Part 1 downloads for a fixed time each. Comparison measured in the same run: the same requests
revalidated with If-None-Match, answered 304 from the ETag without rendering or sending the file (what a
browser or CDN does).

Loopback only; the client shares the machine's cores with the server, so the figures are a floor.

    .venv/bin/python bench/public.py [--decisions 5000] [--clients 50] [--seconds 8]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert  # noqa: E402

from service.migrate import upgrade  # noqa: E402
from service.models import Paper, Part  # noqa: E402
from service.storage import Storage  # noqa: E402
from tests.textpdf import text_pdf  # noqa: E402

WORDS = ("funding policing contract youth violence custody estates station officers training review "
         "community safety mayor budget procurement partnership victims services interpreting video").split()
EXEMPT = [{"section": "43", "title": "Commercial interests", "until": None, "review": None}]


def populate(data_dir: Path, url: str, n: int) -> list[str]:
    """n published decisions (a third with Part 2 withheld, a third released), each with its own file."""
    upgrade(url)
    store = Storage(data_dir / "files")
    rng = random.Random(7)
    pdf = text_pdf("\n".join(" ".join(rng.choices(WORDS, k=14)) for _ in range(40)))
    t0 = datetime(2020, 1, 1, 9, 0, tzinfo=timezone.utc)
    papers, parts, slugs = [], [], []
    for i in range(1, n + 1):
        when = t0 + timedelta(hours=9 * i)
        slug = f"pcd-{1000 + i}"
        slugs.append(slug)
        papers.append(dict(id=i, slug=slug, reference=f"PCD {1000 + i}", state="published",
                           title=" ".join(rng.choices(WORDS, k=5)).capitalize(),
                           summary=" ".join(rng.choices(WORDS, k=30)).capitalize() + ".",
                           original_name="paper.pdf", published_at=when, created_at=when, updated_at=when))
        key = store.new_key("parts")
        path = store.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)  # no fsync: set-up speed only
        counts = {"total": 3, "by_type": {"PERSON": 2, "PHONE_NUMBER": 1}, "by_exemption": {"s40(2)": 3},
                  "by_page": {"1": 2, "3": 1}, "texts": 0}
        parts.append(dict(paper_id=i, number=1, state="published", file_key=key, size=len(pdf), pages=1,
                          released_at=when, redactions=counts, created_at=when, updated_at=when,
                          text=" ".join(rng.choices(WORDS, k=300)), exemptions=None, release_on=None))
        if i % 3:
            released = i % 3 == 1
            parts.append(dict(paper_id=i, number=2, state="released" if released else "withheld",
                              file_key=key, size=len(pdf), pages=1, exemptions=EXEMPT,
                              release_on=date(2021, 1, 1) if released else date(2031, 1, 1),
                              released_at=when if released else None, redactions=counts,
                              created_at=when, updated_at=when, text=None))
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(insert(Paper), papers)
        conn.execute(insert(Part), parts)
    engine.dispose()
    return slugs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(data_dir: Path, url: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "FOIA_DATA_DIR": str(data_dir), "FOIA_DATABASE_URL": url, "FOIA_ENV": "production",
           "FOIA_SECRET_KEY": secrets.token_hex(32), "FOIA_SECURE_COOKIES": "false"}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
                             "--workers", str(workers), "--worker-class", "gthread", "--threads", "8",
                             "--keep-alive", "30", "--log-level", "warning", "service.app:create_app()"],
                            cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("gunicorn did not start")


def load(port: int, paths, clients: int, seconds: float, etags: dict | None = None) -> dict:
    """``clients`` threads for ``seconds``; each request path from ``paths()``; returns the figures."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        rng = random.Random(i)
        start.wait()
        while time.monotonic() < stop_at[0]:
            path = paths(rng)
            headers = {"If-None-Match": etags[path]} if etags is not None else {}
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            latencies[i].append(time.perf_counter() - t)
            with lock:
                statuses[response.status] = statuses.get(response.status, 0) + 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    stop_at[0] = time.monotonic() + seconds
    began = time.monotonic()
    start.wait()
    for t in threads:
        t.join(seconds + 60)
    elapsed = time.monotonic() - began
    all_lat = sorted(x for lat in latencies for x in lat)
    if not all_lat:
        return {"rps": 0.0, "p50": float("nan"), "p99": float("nan"), "n": 0, "errors": sum(errors),
                "statuses": statuses}
    return {"rps": len(all_lat) / elapsed, "p50": statistics.median(all_lat) * 1000,
            "p99": all_lat[min(len(all_lat) - 1, int(len(all_lat) * 0.99))] * 1000, "n": len(all_lat),
            "errors": sum(errors), "statuses": statuses}


def fetch_etags(port: int, paths: list[str]) -> dict[str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    out = {}
    for path in paths:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        out[path] = response.getheader("ETag")
    conn.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    failures = 0
    cores = os.cpu_count() or 1
    tmp = Path(tempfile.mkdtemp(prefix="foia-bench-public-"))
    url = f"sqlite:///{tmp / 'foia.db'}"
    t = time.perf_counter()
    slugs = populate(tmp, url, args.decisions)
    print(f"{args.decisions} published decisions made in {time.perf_counter() - t:.1f} s")
    port = free_port()
    server = start_gunicorn(tmp, url, port, workers=cores)
    try:
        sample = random.Random(1).sample(slugs, min(300, len(slugs)))  # for the 304 run: known ETags
        scenarios = [
            ("/ (newest 20)", lambda r: "/", ["/"]),
            ("/?q=custody+review (same search)", lambda r: "/?q=custody+review", ["/?q=custody+review"]),
            ("/?q=<word>+<number> (each new)", lambda r: f"/?q={r.choice(WORDS)}+{r.randrange(10**6)}",
             [f"/?q={w}+{n}" for w in WORDS for n in (1, 2)]),
            ("/decisions/<slug>", lambda r: f"/decisions/{r.choice(slugs)}",
             [f"/decisions/{s}" for s in sample]),
            ("/decisions/<slug>/part1.pdf", lambda r: f"/decisions/{r.choice(slugs)}/part1.pdf",
             [f"/decisions/{s}/part1.pdf" for s in sample]),
        ]
        print(f"nproc={cores}  server: gunicorn gthread, {cores} workers x 8 threads, 127.0.0.1  "
              f"clients: {args.clients} threads (keep-alive), {args.seconds:.0f} s per row, SQLite")
        print(f"{'request':34} {'mode':18} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9}  statuses")
        failures = 0
        for label, paths, known in scenarios:
            for mode in ("full response", "If-None-Match 304"):
                if mode == "full response":
                    figures = load(port, paths, args.clients, args.seconds)
                else:
                    etags = fetch_etags(port, known)
                    figures = load(port, lambda r, known=known: r.choice(known), args.clients, args.seconds,
                                   etags=etags)
                statuses = ",".join(f"{k}:{v}" for k, v in sorted(figures["statuses"].items()))
                if figures["errors"]:
                    statuses += f" errors:{figures['errors']}"
                failures += figures["errors"] + sum(n for code, n in figures["statuses"].items()
                                                    if code not in (200, 304))
                print(f"{label:34} {mode:18} {figures['rps']:8.0f} {figures['p50']:8.1f} {figures['p99']:8.1f} "
                      f"{figures['n']:9d}  {statuses}", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"FAILED: {failures} requests were not answered 200/304", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
