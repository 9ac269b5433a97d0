"""Benchmark: wall time of upload (analysis), preview and publish of one paper through the service.

    .venv/bin/python bench/service_publish.py [PAPER.pdf] [--runs N]

Runs the app in-process (Flask test client, SQLite, a temporary data folder) with its real PDF process
pools, as an officer would: upload → analysis → preview → publish. The first upload warms the pools and
loads the NER model in the child process; the figures are of the runs after it. Prints one line per stage
(best and median of N runs) and nproc; then upload → published end to end through the JSON API
(``POST /api/v1/papers``, then ``POST /api/v1/papers/<id>/publish``: analysis, redaction and every
verification check), the figure issue 16 asks under 10 s for a 9-page paper on 2 cores; then the CPU time
of the preview/publish task itself with the stored analysis against analysing the paper again first (the
task before analyses were stored), interleaved.
Not a test: no timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "tests" / "fixtures" / "pdf" / "seed_pcd956.libreoffice.pdf"
PASSWORD = "correct horse battery staple"


def _app(folder: Path):
    from service.app import create_app
    from service.domain.accounts import create_token, create_user
    from service.infra.migrate import upgrade

    config = {"ENV": "testing", "DATA_DIR": str(folder / "data"), "SECRET_KEY": "bench",
              "DATABASE_URL": f"sqlite:///{folder / 'foia.db'}"}
    upgrade(config["DATABASE_URL"])
    app = create_app(config)
    with app.extensions["foia.db"].session() as db:
        create_user(db, "officer@example.org", PASSWORD, "officer")
        app.config["BENCH_TOKEN"] = create_token(db, "officer@example.org", "bench")
        db.commit()
    return app


def _csrf(client, page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(page).get_data(as_text=True))[1]


def _post(client, url: str, page: str, data: dict | None = None, **kw):
    return client.post(url, data={**(data or {}), "csrf_token": _csrf(client, page)}, **kw)


def one_paper(app, client, data: bytes, name: str) -> dict[str, float]:
    worker = app.extensions["foia.worker"]
    start = time.perf_counter()
    r = _post(client, "/officer/upload", "/officer/upload", {"file": (io.BytesIO(data), name)},
              content_type="multipart/form-data")
    worker.drain(600)
    upload = time.perf_counter() - start
    paper_id = int(r.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    review = f"/officer/papers/{paper_id}/review"
    start = time.perf_counter()
    _post(client, f"/officer/papers/{paper_id}/preview", review)
    worker.drain(600)
    preview = time.perf_counter() - start
    state = client.get(f"/officer/papers/{paper_id}/preview").get_data(as_text=True)
    if "Open Part 1" not in state:
        raise SystemExit(f"preview of {name} did not finish (see the preview page)")
    start = time.perf_counter()
    r = _post(client, f"/officer/papers/{paper_id}/publish", f"/officer/papers/{paper_id}/preview")
    publish = time.perf_counter() - start
    if r.status_code != 303:
        raise SystemExit(f"publication of {name} was refused ({r.status_code})")
    return {"upload+analysis": upload, "preview": preview, "publish": publish}


def api_publish(app, client, token: str, data: bytes, name: str) -> dict[str, float]:
    """Upload → published through the JSON API, as a script would: every concern the analysis raises is
    confirmed, every finding keeps its proposed action."""
    auth = {"Authorization": f"Bearer {token}"}
    start = time.perf_counter()
    r = client.post("/api/v1/papers", data={"file": (io.BytesIO(data), name)}, headers=auth,
                    content_type="multipart/form-data")
    if r.status_code != 201:
        raise SystemExit(f"the API upload of {name} answered {r.status_code}")
    uploaded = time.perf_counter() - start
    body = r.get_json()
    decisions = {"confirmed": list(body["analysis"].get("needs_confirmation", []))}
    r = client.post(f"/api/v1/papers/{body['id']}/publish", json=decisions, headers=auth)
    total = time.perf_counter() - start
    if r.status_code != 200:
        raise SystemExit(f"the API publication of {name} answered {r.status_code}: {r.get_json()}")
    return {"upload+analysis": uploaded, "publish": total - uploaded, "upload→published": total}


def _cpu() -> float:
    """CPU seconds of this process and of the children it waited for (pdftotext of the verifier)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def task_cpu(path: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """(CPU, wall) seconds of the preview/publish task in this process, interleaved: with the stored
    analysis (now) and analysing the paper again first (what the task did before), same paper and decisions."""
    from redaction import analyse, redact
    from service.infra import pdftasks

    stored = pdftasks.analyse_pdf(str(path), path.name, 10**9, date.today()).analysis
    data = path.read_bytes()
    out: dict[str, list[tuple[float, float]]] = {"stored analysis": [], "analysed again": []}

    def timed(label, fn):
        cpu, wall = _cpu(), time.perf_counter()
        fn()
        out[label].append((_cpu() - cpu, time.perf_counter() - wall))

    for _ in range(runs):
        timed("stored analysis", lambda: pdftasks.redact_pdf(str(path), stored, 10**9, {}))
        timed("analysed again", lambda: redact(data, analyse(data, path.name)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paper", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = args.paper.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        app = _app(Path(tmp))
        client = app.test_client()
        client.post("/sign-in", data={"email": "officer@example.org", "password": PASSWORD,
                                      "csrf_token": _csrf(client, "/sign-in")})
        one_paper(app, client, data, args.paper.name)  # warm-up: process pools, NER model
        runs = [one_paper(app, client, data, args.paper.name) for _ in range(args.runs)]
        app.extensions["foia.worker"].shutdown()
    api = []
    for _ in range(args.runs):  # a new service each time (a reference is published once); the pools stay warm
        with tempfile.TemporaryDirectory() as tmp:
            app = _app(Path(tmp))
            api.append(api_publish(app, app.test_client(), app.config["BENCH_TOKEN"], data, args.paper.name))
            app.extensions["foia.worker"].shutdown()
    print(f"{args.paper.name}: {len(runs)} runs after one warm-up, nproc={os.cpu_count()}; wall time")
    for stage in runs[0]:
        values = [r[stage] for r in runs]
        print(f"  {stage:16s} best {min(values):6.2f} s   median {statistics.median(values):6.2f} s")
    print("JSON API, upload → published (analysis, redaction, every verification check):")
    for stage in api[0]:
        values = [r[stage] for r in api]
        print(f"  {stage:16s} best {min(values):6.2f} s   median {statistics.median(values):6.2f} s")
    print("preview/publish task alone, in one process (interleaved), median CPU / wall:")
    for label, values in task_cpu(args.paper, args.runs).items():
        cpu, wall = statistics.median(v[0] for v in values), statistics.median(v[1] for v in values)
        print(f"  {label:16s} CPU {cpu:6.2f} s   wall {wall:6.2f} s")


if __name__ == "__main__":
    main()
