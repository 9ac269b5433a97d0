"""Benchmark: the public home page while 30 sign-in attempts (30 addresses, wrong passwords) arrive at once,
with the password-hash bound of issue 15 (FOIA_SIGN_IN_CONCURRENCY=2, the default) against no bound (30
hashes at once, the earlier behaviour), and the home page alone as the anchor — all in the same run.

    .venv/bin/python bench/signin.py [--attempts 30] [--rounds 3]

A real threaded server (werkzeug) on a temporary SQLite data folder, behind FOIA_TRUST_PROXY so each attempt
comes from its own X-Forwarded-For address. Prints, per setting: the median and worst home page time, the
sign-in answers (401 wrong password, 503 busy), the wall time of the burst, and nproc. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
import logging  # noqa: E402

from werkzeug.serving import make_server  # noqa: E402

from service.app import create_app  # noqa: E402
from service.infra.migrate import upgrade  # noqa: E402


def start(folder: Path, concurrency: int):
    url = f"sqlite:///{folder / 'foia.db'}"
    upgrade(url)
    app = create_app({"ENV": "testing", "DATA_DIR": str(folder), "DATABASE_URL": url, "SECRET_KEY": "bench",
                      "TRUST_PROXY": True, "SIGN_IN_CONCURRENCY": concurrency, "SIGN_IN_QUEUE_S": 3,
                      "SIGN_IN_ADDRESS_LIMIT": 1000, "SIGN_IN_ACCOUNT_LIMIT": 1000, "SIGN_IN_LIMIT": 1000})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def home_times(base: str, stop: threading.Event, out: list) -> None:
    with requests.Session() as s:
        while not stop.is_set():
            t = time.perf_counter()
            s.get(f"{base}/", timeout=60)
            out.append(time.perf_counter() - t)


def attempt(base: str, n: int) -> int:
    with requests.Session() as s:
        page = s.get(f"{base}/sign-in", headers={"X-Forwarded-For": f"198.51.100.{n}"}).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        r = s.post(f"{base}/sign-in", headers={"X-Forwarded-For": f"198.51.100.{n}"},
                   data={"email": f"user{n}@example.org", "password": "not the password", "csrf_token": token})
        return r.status_code


def measure(base: str, attempts: int) -> tuple[list, list, float]:
    stop, times = threading.Event(), []
    watcher = threading.Thread(target=home_times, args=(base, stop, times))
    watcher.start()
    t = time.perf_counter()
    if attempts:
        with ThreadPoolExecutor(attempts) as pool:
            codes = list(pool.map(lambda n: attempt(base, n), range(attempts)))
    else:
        time.sleep(3)
        codes = []
    wall = time.perf_counter() - t
    stop.set()
    watcher.join()
    return times, codes, wall


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no access line per request
    logging.getLogger("service").setLevel(logging.ERROR)  # nor a warning per refused sign-in
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"nproc={os.cpu_count()} attempts={args.attempts} rounds={args.rounds}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, concurrency, attempts in [("anchor: home page alone", 2, 0),
                                             ("bounded (2 hashes at once)", 2, args.attempts),
                                             ("unbounded (30 at once)", args.attempts, args.attempts)]:
            folder = Path(tmp) / label.split()[0].strip(":")
            folder.mkdir(exist_ok=True)
            server, base = start(folder, concurrency)
            requests.get(f"{base}/", timeout=60)  # warm
            times, codes, walls = [], [], []
            for _ in range(args.rounds):
                t, c, w = measure(base, attempts)
                times += t
                codes += c
                walls.append(w)
            server.shutdown()
            answers = {code: codes.count(code) for code in sorted(set(codes))}
            print(f"{label:30} home page median {statistics.median(times) * 1000:7.1f} ms  "
                  f"worst {max(times) * 1000:7.1f} ms  ({len(times)} requests)  sign-in answers {answers}  "
                  f"burst {statistics.median(walls):5.2f} s")


if __name__ == "__main__":
    main()
