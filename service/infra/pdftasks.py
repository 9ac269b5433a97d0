"""PDF work that runs in child processes (see :mod:`service.infra.pdfwork`).

PDFium is not thread-safe — not even across different documents — and a hostile PDF may crash it, so the
web process never calls it: these top-level functions run in a process pool and return plain data. They
never raise library errors across the process boundary; a refused input comes back as
``Failure(code, message)`` with the library's user-safe message.
"""

from __future__ import annotations

import io
import logging
import os
from dataclasses import dataclass
from datetime import date

log = logging.getLogger(__name__)


@dataclass
class Failure:
    code: str
    message: str


@dataclass
class Checked:
    page_count: int
    page_sizes: list[list[float]]


@dataclass
class Analysed:
    analysis: dict
    page_sizes: list[list[float]]
    decisions: dict | None = None  # an analysis made again: the earlier decisions, carried over by content


@dataclass
class Redacted:
    part1: bytes
    part2: bytes | None
    report: dict
    part1_pages: int
    part2_pages: int
    part1_text: str
    part2_text: str | None = None  # Part 2's redacted text (stored at publication, searched once released)


def check_pdf(data: bytes, max_bytes: int) -> Checked | Failure:
    """Refuse what the library refuses (not a PDF, encrypted, damaged, too large, a bomb)."""
    from redaction.errors import RedactionError
    from redaction.limits import Limits
    from redaction.load import load

    try:
        loaded = load(data, Limits(max_bytes=max_bytes))
    except RedactionError as exc:
        return Failure(exc.code, exc.message)
    try:
        sizes = [[round(w, 2), round(h, 2)] for w, h in (loaded.pdfium[i].get_size()
                                                          for i in range(loaded.page_count))]
        return Checked(loaded.page_count, sizes)
    finally:
        loaded.close()


def analyse_pdf(path: str, filename: str, max_bytes: int, today: date, previous: dict | None = None,
                decisions: dict | None = None) -> Analysed | Failure:
    """Analyse a paper. Given the ``previous`` analysis and the ``decisions`` made on it (the paper is
    analysed again), the decisions are carried over to the new findings by content (``redaction.carry``)."""
    from redaction import analyse
    from redaction.carry import carry_over
    from redaction.errors import RedactionError
    from redaction.limits import Limits

    with open(path, "rb") as fh:
        data = fh.read()
    try:
        analysis = analyse(data, filename, limits=Limits(max_bytes=max_bytes), today=today)
    except RedactionError as exc:
        return Failure(exc.code, exc.message)
    carried = carry_over(previous, decisions, analysis).decisions if previous is not None else None
    sizes = [[round(p.width, 2), round(p.height, 2)] for p in analysis.document.pages]
    return Analysed({**analysis.to_dict(), "policy_digest": policy_fingerprint()}, sizes, carried)


def policy_fingerprint() -> str | None:
    """A short digest of the publication policy file in force (``FOIA_POLICY_FILE`` or the default), kept
    with the analysis: the review page tells the officer when the policy changed since (publication
    still uses the findings they reviewed; "Analyse again" applies the new policy)."""
    import hashlib
    import os

    from redaction.policy import DEFAULT_POLICY_FILE, POLICY_ENV

    try:
        with open(os.environ.get(POLICY_ENV) or DEFAULT_POLICY_FILE, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()[:16]
    except OSError:
        return None


def render_pages(path: str, out_paths: dict[int, str], dpi: int, max_pixels: int | None = None) -> int:
    """Render the given 1-based pages to PNG files (atomic writes); returns how many were written.

    ``max_pixels``: a page whose image at ``dpi`` would have more pixels is rendered smaller, to that budget
    (a 14,400-point page at 96 dpi would be 19,200 × 19,200 pixels: 32 s and 2.5 GB for one picture)."""
    import os
    import tempfile

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        for number, out in out_paths.items():
            page = pdf[number - 1]
            image = page.render(scale=page_scale(page.get_size(), dpi, max_pixels)).to_pil()
            page.close()
            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=False)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(out), prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(buf.getvalue())
            os.replace(tmp, out)
    finally:
        pdf.close()
    return len(out_paths)


def page_scale(size: tuple[float, float], dpi: int, max_pixels: int | None) -> float:
    """Points → pixels at ``dpi``, lowered so that the image has at most ``max_pixels`` pixels."""
    import math

    scale = dpi / 72
    width, height = (max(1.0, float(v)) for v in size)
    if max_pixels and width * height * scale * scale > max_pixels:
        scale = math.sqrt(max_pixels / (width * height))
    return scale


def redact_pdf(path: str, analysis: dict, max_bytes: int, decisions: dict | None) -> Redacted | Failure:
    """Redact with the analysis stored at upload and the officer's decisions made on it.

    Detection does not run again: the decisions name the findings of ``analysis`` and must apply to
    exactly those (a policy or model change since would otherwise move them onto other items). Only the
    characters are read again (extraction, for the boxes of every mention). ``redaction.redact`` verifies
    its outputs and raises ``LeakDetected`` when anything removed or withheld survives; that comes back as
    ``Failure("leak", message)`` and nothing is published.
    """
    from redaction import Analysis
    from redaction.decisions import Decisions
    from redaction.errors import RedactionError
    from redaction.limits import Limits

    try:
        from redaction.redact import redact
    except ImportError:
        return Failure("unavailable", "the redaction engine is not installed in this build; "
                                      "nothing was published")
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        result = redact(data, Analysis.from_dict(analysis), Decisions.from_dict(decisions),
                        limits=Limits(max_bytes=max_bytes))
    except RedactionError as exc:
        return Failure(exc.code, exc.message)
    part1_pages, part1_text = _pages_and_text(result.part1)
    part2_pages, part2_text = _pages_and_text(result.part2) if result.part2 else (0, None)
    return Redacted(result.part1, result.part2, _jsonable(result.report), part1_pages, part2_pages,
                    part1_text, part2_text)


def warm(kind: str) -> dict:
    """Load in this child what its first task would load (:func:`service.infra.pdfwork.warm`): for the heavy
    pool, the analysis and redaction of a small page made here (the detector and its language model, the
    readers of the verifier, ``pdftotext``); for the quick pool, the PDF readers. Returns what was loaded;
    a failure is logged (by its kind only) and the child works as a cold one would."""
    loaded = []
    try:
        import pikepdf  # noqa: F401 - what every task of both pools reads with
        import pypdfium2  # noqa: F401

        loaded.append("readers")
        if kind == "heavy":
            from redaction import analyse, redact

            data = _warm_up_page()
            redact(data, analyse(data, "warm-up.pdf"))
            loaded.append("analysis and redaction")
    except Exception as exc:  # noqa: BLE001 - warming is a courtesy: the real task reports its own failure
        log.info("warming the %s PDF process stopped: %s", kind, type(exc).__name__)
    return {"pid": os.getpid(), "kind": kind, "loaded": loaded}


def _warm_up_page() -> bytes:
    """One page of text with a phone number to remove (a drama number: no real person's)."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    content = (b"BT /F1 12 Tf 72 720 Td (Decision paper: warming the reader up) Tj "
               b"0 -16 Td (Call the office on 020 7946 0000.) Tj ET")
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(content))
    pdf.pages.append(pikepdf.Page(page))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def loaded_here() -> dict:
    """What this child has loaded (for the test of :func:`service.infra.pdfwork.warm`)."""
    import sys

    engine = sys.modules.get("redaction.detect.engine")
    return {"pid": os.getpid(), "redaction": "redaction.redact" in sys.modules,
            "verifier": "redaction.verify" in sys.modules,
            "engine": bool(engine is not None and engine._engines.get(True) is not None)}


def text_of(data: bytes) -> str:
    """Plain text of one of our outputs in memory (a redacted Part 2: what the search indexes once released)."""
    return _pages_and_text(data)[1]


def stored_text(path: str) -> str:
    """Plain text of one of our stored outputs (a redacted part), for :mod:`service.domain.redacted_text`."""
    with open(path, "rb") as fh:
        return _pages_and_text(fh.read())[1]


def stored_text_or_failure(path: str) -> str | Failure:
    """:func:`stored_text`, or a ``Failure`` naming why the file cannot be read (``foia backfill-search``)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return Failure("unreadable", f"cannot open the file ({exc.strerror or type(exc).__name__})")
    try:
        return _pages_and_text(data)[1]
    except Exception as exc:  # pypdfium2's PdfiumError and the like: the reader's own words, no content
        return Failure("damaged", f"the PDF reader refused it ({type(exc).__name__}: {str(exc)[:120]})")


def _pages_and_text(data: bytes) -> tuple[int, str]:
    """Page count and plain text of a *redacted* output (what the public search indexes)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return len(pdf), "\n\n".join(texts)
    finally:
        pdf.close()


def _jsonable(report) -> dict:
    import json

    return json.loads(json.dumps(report if isinstance(report, dict) else {}, default=str))
