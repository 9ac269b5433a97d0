"""Benchmark: requests/s and latency (p50, p99) of the public site, against the framework's ceiling.

gunicorn (gthread workers, one per core, 8 threads) serves the app on 127.0.0.1 from a temporary data
folder (SQLite); a bounded load generator of N client threads (default 50), each on its own keep-alive
connection, asks for one kind of request for a fixed time per row.

``--mode pages`` (default; 5,000 published decisions): `/`, a repeated search, new searches, decision pages
(random among all, and among 300 already seen) and Part 1 downloads. Anchors measured in the same run under
the same gunicorn settings: a minimal Flask app (one route returning a short string; the framework's
ceiling), measured right before each full-response row, and the same requests revalidated with
If-None-Match (304 from the ETag, what a browser or CDN does).

``--mode search``: the same archive built at 1,000 and at 20,000 decisions (bulk inserts, one shared file),
both servers up at once and measured row by row in turn, so load on the machine hits both alike: new
(uncached) searches of each kind, and the ratio of throughput at 20,000 to that at 1,000.

Loopback only; the client shares the machine's cores with the server, so the figures are a floor.

    .venv/bin/python bench/public.py [--mode pages|search] [--decisions 5000] [--sizes 1000,20000]
                                     [--clients 50] [--seconds 8] [--baseline /path/to/other/checkout]
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
from itertools import accumulate
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from service.domain import search_index  # noqa: E402
from service.infra.migrate import upgrade  # noqa: E402
from service.domain.models import Paper, Part  # noqa: E402
from service.infra.storage import Storage  # noqa: E402
from tests.textpdf import text_pdf  # noqa: E402

WORDS = ("funding policing contract youth violence custody estates station officers training review "
         "community safety mayor budget procurement partnership victims services interpreting video").split()
EXEMPT = [{"section": "43", "title": "Commercial interests", "until": None, "review": None}]


def vocabulary(n: int = 5000) -> list[str]:
    """n made-up words, most frequent first (text is drawn from them with Zipf's law, like real prose)."""
    rng = random.Random(11)
    onsets, vowels, codas = "b c d f g h k l m n p r s t v w".split(), "a e i o u ai ea ou".split(), "n r s t l m nd st".split()
    words: list[str] = list(WORDS)
    seen = set(words)
    while len(words) < n:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(1, 3))) + rng.choice(codas)
        if word not in seen and word not in search_index.STOP_WORDS:
            seen.add(word)
            words.append(word)
    return words


VOCABULARY = vocabulary()
ZIPF = list(accumulate(1 / rank for rank in range(1, len(VOCABULARY) + 1)))


def prose(rng: random.Random, k: int) -> str:
    return " ".join(rng.choices(VOCABULARY, cum_weights=ZIPF, k=k))


def populate(data_dir: Path, url: str, n: int, *, shared_file: bool = False) -> list[str]:
    """n published decisions (a third with Part 2 withheld, a third released), each with its own file
    (``shared_file``: one file for all, to build a large archive quickly), and the search index."""
    upgrade(url)
    store = Storage(data_dir / "files")
    rng = random.Random(7)
    pdf = text_pdf("\n".join(" ".join(rng.choices(WORDS, k=14)) for _ in range(40)))
    shared_key = None
    t0 = datetime(2020, 1, 1, 9, 0, tzinfo=timezone.utc)
    papers, parts, slugs = [], [], []
    for i in range(1, n + 1):
        when = t0 + timedelta(hours=9 * i)
        slug = f"pcd-{1000 + i}"
        slugs.append(slug)
        papers.append(dict(id=i, slug=slug, reference=f"PCD {1000 + i}", state="published",
                           title=prose(rng, 5).capitalize(),
                           summary=prose(rng, 30).capitalize() + ".",
                           original_name="paper.pdf", published_at=when, created_at=when, updated_at=when))
        key = shared_key or store.new_key("parts")
        if key != shared_key:
            path = store.path(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pdf)  # no fsync: set-up speed only
            shared_key = key if shared_file else None
        counts = {"total": 3, "by_type": {"PERSON": 2, "PHONE_NUMBER": 1}, "by_exemption": {"s40(2)": 3},
                  "by_page": {"1": 2, "3": 1}, "texts": 0}
        parts.append(dict(paper_id=i, number=1, state="published", file_key=key, size=len(pdf), pages=1,
                          released_at=when, redactions=counts, created_at=when, updated_at=when,
                          text=prose(rng, 300), exemptions=None, release_on=None))
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
    with Session(engine) as db:
        search_index.rebuild(db)
        db.commit()
    engine.dispose()
    return slugs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


MINIMAL_APP = "bench.minimal_flask:app"   # the anchor: a minimal Flask app under the same settings


def start_gunicorn(data_dir: Path, url: str, port: int, workers: int,
                   app: str = "service.app:create_app()", root: Path = ROOT) -> subprocess.Popen:
    env = {**os.environ, "FOIA_DATA_DIR": str(data_dir), "FOIA_DATABASE_URL": url, "FOIA_ENV": "production",
           "FOIA_SECRET_KEY": secrets.token_hex(32), "FOIA_SECURE_COOKIES": "false", "FOIA_SCHEDULER": "off",
           "FOIA_BASE_URL": f"http://127.0.0.1:{port}"}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
                             "--workers", str(workers), "--worker-class", "gthread", "--threads", "8",
                             "--keep-alive", "30", "--log-level", "warning", app],
                            cwd=root, env=env, start_new_session=True)
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


def server_cpu(server: subprocess.Popen | None) -> float:
    """CPU seconds (user + system) used so far by the gunicorn master and its workers (Linux /proc)."""
    if server is None:
        return 0.0
    pids = [server.pid]
    try:
        pids += [int(p) for p in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]
    except OSError:
        return 0.0
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])   # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def load(port: int, paths, clients: int, seconds: float, etags: dict | None = None,
         server: subprocess.Popen | None = None) -> dict:
    """``clients`` threads for ``seconds``; each request path from ``paths()``; returns the figures, with
    the ``server``'s CPU time per request (steadier than requests/s when other work shares the machine)."""
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
    cpu_before = server_cpu(server)
    start.wait()
    for t in threads:
        t.join(seconds + 60)
    elapsed = time.monotonic() - began
    cpu = server_cpu(server) - cpu_before
    all_lat = sorted(x for lat in latencies for x in lat)
    if not all_lat:
        return {"rps": 0.0, "p50": float("nan"), "p99": float("nan"), "n": 0, "errors": sum(errors),
                "statuses": statuses, "cpu_ms": float("nan")}
    return {"rps": len(all_lat) / elapsed, "p50": statistics.median(all_lat) * 1000,
            "p99": all_lat[min(len(all_lat) - 1, int(len(all_lat) * 0.99))] * 1000, "n": len(all_lat),
            "errors": sum(errors), "statuses": statuses,
            "cpu_ms": cpu / len(all_lat) * 1000 if server is not None else float("nan")}


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


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def row(label: str, mode: str, figures: dict, note: str = "") -> int:
    """Print one row; returns the number of requests not answered 200/304."""
    statuses = ",".join(f"{k}:{v}" for k, v in sorted(figures["statuses"].items()))
    if figures["errors"]:
        statuses += f" errors:{figures['errors']}"
    print(f"{label:38} {mode:20} {figures['rps']:8.0f} {figures['p50']:8.1f} {figures['p99']:8.1f} "
          f"{figures.get('cpu_ms', float('nan')):8.2f} {figures['n']:9d}  {statuses}{note}", flush=True)
    return figures["errors"] + sum(n for code, n in figures["statuses"].items() if code not in (200, 304))


HEADER = (f"{'request':38} {'mode':20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms':>8} {'requests':>9}  "
          "statuses   (CPU ms: the server's CPU time per request)")


def pages(args, cores: int) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="foia-bench-public-"))
    url = f"sqlite:///{tmp / 'foia.db'}"
    t = time.perf_counter()
    slugs = populate(tmp, url, args.decisions)
    print(f"{args.decisions} published decisions made in {time.perf_counter() - t:.1f} s")
    port, anchor_port = free_port(), free_port()
    server = start_gunicorn(tmp, url, port, workers=cores)
    anchor = start_gunicorn(tmp, url, anchor_port, workers=cores, app=MINIMAL_APP)
    baseline = None
    if args.baseline:   # another checkout's code on the same archive, measured right after this code's row
        baseline_port = free_port()
        baseline = start_gunicorn(tmp, url, baseline_port, workers=cores, root=Path(args.baseline))
    failures = 0
    summary = []
    try:
        sample = random.Random(1).sample(slugs, min(300, len(slugs)))  # seen before: known ETags
        scenarios = [
            ("/ (newest 20)", lambda r: "/", ["/"]),
            ("/?q=custody+review (same search)", lambda r: "/?q=custody+review", ["/?q=custody+review"]),
            ("/?q=<word>+<number> (each new)", lambda r: f"/?q={r.choice(WORDS)}+{r.randrange(10**6)}",
             [f"/?q={w}+{n}" for w in WORDS for n in (1, 2)]),
            ("/decisions/<slug> (random of all)", lambda r: f"/decisions/{r.choice(slugs)}",
             [f"/decisions/{s}" for s in sample]),
            ("/decisions/<slug> (random of 300)", lambda r: f"/decisions/{r.choice(sample)}",
             [f"/decisions/{s}" for s in sample]),
            ("/decisions/<slug>/part1.pdf", lambda r: f"/decisions/{r.choice(slugs)}/part1.pdf",
             [f"/decisions/{s}/part1.pdf" for s in sample]),
        ]
        print(f"nproc={cores}  server: gunicorn gthread, {cores} workers x 8 threads, 127.0.0.1  "
              f"clients: {args.clients} threads (keep-alive), {args.seconds:.0f} s per row, SQLite")
        print(f"anchor: {MINIMAL_APP} under the same gunicorn settings, measured before each full-response row")
        print(HEADER)
        load(port, lambda r: "/", args.clients, 1.0)          # warm-up (templates compiled, pools filled):
        load(anchor_port, lambda r: "/", args.clients, 1.0)   # not measured
        if baseline is not None:
            load(baseline_port, lambda r: "/", args.clients, 1.0)
        for label, paths, known in scenarios:
            ceiling = load(anchor_port, lambda r: "/", args.clients, args.seconds, server=anchor)
            failures += row("  anchor: minimal Flask /", "full response", ceiling)
            figures = load(port, paths, args.clients, args.seconds, server=server)
            ratio = figures["rps"] / ceiling["rps"] if ceiling["rps"] else float("nan")
            cpu_ratio = ceiling["cpu_ms"] / figures["cpu_ms"] if figures["cpu_ms"] else float("nan")
            failures += row(label, "full response", figures,
                            f"  = {ratio:.0%} of the anchor (CPU per request: {cpu_ratio:.0%})")
            summary.append((label, ratio, figures["p99"], cpu_ratio))
            if baseline is not None:
                if label.startswith("/?q=<word>"):
                    load(baseline_port, paths, args.clients, 1.0)   # its first search pages: not measured
                before = load(baseline_port, paths, args.clients, args.seconds, server=baseline)
                ratio = before["rps"] / ceiling["rps"] if ceiling["rps"] else float("nan")
                cpu_ratio = ceiling["cpu_ms"] / before["cpu_ms"] if before["cpu_ms"] else float("nan")
                failures += row("  baseline: " + label, "full response", before,
                                f"  = {ratio:.0%} of the anchor (CPU per request: {cpu_ratio:.0%})")
                summary.append(("  baseline: " + label, ratio, before["p99"], cpu_ratio))
            etags = fetch_etags(port, known)
            figures = load(port, lambda r, known=known: r.choice(known), args.clients, args.seconds, etags=etags,
                           server=server)
            failures += row(label, "If-None-Match 304", figures)
    finally:
        stop(server)
        stop(anchor)
        if baseline is not None:
            stop(baseline)
        shutil.rmtree(tmp, ignore_errors=True)
    print("\nfull responses against the minimal-Flask anchor measured just before (target: >= 50%, p99 < 100 ms):")
    for label, ratio, p99, cpu_ratio in summary:
        print(f"  {label:38} {ratio:6.0%} of the anchor, p99 {p99:.0f} ms; "
              f"the anchor's CPU per request is {cpu_ratio:.0%} of this one's")
    return failures


def search(args, cores: int) -> int:
    sizes = [int(n) for n in args.sizes.split(",")]
    servers, tmps = {}, []
    failures = 0
    try:
        for n in sizes:
            tmp = Path(tempfile.mkdtemp(prefix=f"foia-bench-search-{n}-"))
            tmps.append(tmp)
            url = f"sqlite:///{tmp / 'foia.db'}"
            t = time.perf_counter()
            populate(tmp, url, n, shared_file=True)
            print(f"{n} published decisions (and their index) made in {time.perf_counter() - t:.1f} s")
            port = free_port()
            servers[n] = (port, start_gunicorn(tmp, url, port, workers=cores))
            if args.baseline:
                port = free_port()
                servers[f"baseline {n}"] = (port, start_gunicorn(tmp, url, port, workers=cores,
                                                                 root=Path(args.baseline)))
        common = VOCABULARY[:20]
        kinds = [
            ("/?q=<word>+<number>", lambda r: f"/?q={r.choice(WORDS)}+{r.randrange(10**6)}"),
            ("/?q=<word>+<word> (any two words)",
             lambda r: f"/?q={r.choice(VOCABULARY)}+{r.choice(VOCABULARY)}&n={r.randrange(10**9)}"),
            ("/?q=<common word>&sort=newest", lambda r: f"/?q={r.choice(common)}&sort=newest&n={r.randrange(10**9)}"),
            ("/?q=<common word> (relevance)", lambda r: f"/?q={r.choice(common)}&n={r.randrange(10**9)}"),
        ]
        print(f"nproc={cores}  server: gunicorn gthread, {cores} workers x 8 threads, 127.0.0.1  "
              f"clients: {args.clients} threads (keep-alive), {args.seconds:.0f} s per row, SQLite FTS5; "
              f"every request a new search (uncached; &n= makes each URL new)")
        print(HEADER)
        for key in servers:   # warm-up: templates compiled, pools filled (not measured)
            load(servers[key][0], lambda r: "/?q=custody", args.clients, 1.0)
        for label, paths in kinds:
            for who in (("", "baseline ") if args.baseline else ("",)):
                rates, cpus = {}, {}
                for n in sizes:
                    port, server = servers[f"{who}{n}" if who else n]
                    figures = load(port, paths, args.clients, args.seconds, server=server)
                    failures += row(f"{who}{label} @ {n:,}", "full response", figures)
                    rates[n] = figures["rps"]
                    cpus[n] = figures["cpu_ms"]
                first, last = sizes[0], sizes[-1]
                print(f"  -> {who}throughput at {last:,} = {rates[last] / rates[first]:.2f} x that at {first:,} "
                      f"(target: >= 0.5); CPU per request at {first:,} = {cpus[first] / cpus[last]:.2f} x that at "
                      f"{last:,}", flush=True)
    finally:
        for _, server in servers.values():
            stop(server)
        for tmp in tmps:
            shutil.rmtree(tmp, ignore_errors=True)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("pages", "search"), default="pages")
    parser.add_argument("--decisions", type=int, default=5000)
    parser.add_argument("--sizes", default="1000,20000", help="archive sizes for --mode search")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--baseline", help="another checkout (e.g. /work/main) served on the same archive and "
                        "measured right after this code, row by row (same-run before/after)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    failures = pages(args, cores) if args.mode == "pages" else search(args, cores)
    if failures:
        print(f"FAILED: {failures} requests were not answered 200/304", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
