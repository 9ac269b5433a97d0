"""Prove an output clean after it is written, or stop publication (fail closed).

Every output is read back from its bytes, independently of how it was made:

=================  =========================================================================================
check              fails when
=================  =========================================================================================
single-revision    the file has more than one revision (an incremental update) or cannot be opened
structure          the catalog, a page or any object still holds metadata, annotations other than plain URI
                   links, forms, embedded files, JavaScript, actions, outlines, a structure tree or layers
text-pdfium        pypdfium2's text of a page holds a removed value, or (Part 1) a sentence of Part 2
text-pdfminer      the same with pdfminer.six, a second, independent parser
raw-streams        a removed value is in any decompressed stream or string of the file
metadata           a value of the input's Info or XMP metadata is in the file and not in its visible text
boxes-empty        pypdfium2 finds any character under a redaction box other than the box's label
detection          detection, run again on the output, finds a removed value or anything under a box
=================  =========================================================================================

:class:`~redaction.errors.LeakDetected` names the check, the part and the page; never the value.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

import pikepdf
import pypdfium2 as pdfium
from pdfminer.converter import TextConverter
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from .errors import LeakDetected
from .extract import Document, extract
from .pdf.matching import any_pattern, contains, normalise, squash

log = logging.getLogger(__name__)

CHECKS = ["single-revision", "structure", "text-pdfium", "text-pdfminer", "raw-streams", "metadata",
          "boxes-empty", "detection"]
_FORBIDDEN_KEYS = {"/Metadata", "/PieceInfo", "/AcroForm", "/EmbeddedFile", "/EmbeddedFiles", "/JavaScript",
                   "/JS", "/OpenAction", "/AA", "/Outlines", "/Dests", "/StructTreeRoot", "/OCProperties",
                   "/Thumb", "/ActualText", "/Alt", "/RichMedia", "/Launch", "/AF", "/Names", "/Info"}
_MIN_SENTENCE = 30  # letters and digits; shorter lines are too common to prove anything


@dataclass
class Expectations:
    values: list[str]  # removed everywhere
    kept: list[str] = field(default_factory=list)  # texts deliberately kept (detection may see them)
    part2: list[str] = field(default_factory=list)  # distinctive Part 2 sentences, never in Part 1
    metadata: list[str] = field(default_factory=list)  # the input's metadata values
    detect: bool = True


def verify(outputs, expect: Expectations) -> list[str]:
    """Run every check on every output; return the names of the checks passed."""
    ran: list[str] = []
    for out in outputs:
        for name in _check_output(out, expect):
            if name not in ran:
                ran.append(name)
    log.info("verification passed: %d outputs, checks %s", len(outputs), ",".join(ran))
    return [c for c in CHECKS if c in ran]


def _fail(check: str, part: int, page: int | None = None) -> None:
    where = f"part {part}" + (f", page {page}" if page else "")
    log.error("verification failed: %s (%s)", check, where)
    raise LeakDetected(f"verification failed: {check} ({where}); nothing was published", [check])


def _check_output(out, expect: Expectations) -> list[str]:
    part = out.number
    _single_revision(out.data, part)
    with pikepdf.open(io.BytesIO(out.data)) as pdf:
        _structure(pdf, part)
        raw = _raw_texts(pdf)
    pdfium_pages, doc = _pdfium_text(out.data)
    miner_pages = _pdfminer_text(out.data, len(pdfium_pages))
    part2 = [squash(s) for s in expect.part2] if part == 1 else []
    values = any_pattern(expect.values)
    for check, pages in (("text-pdfium", pdfium_pages), ("text-pdfminer", miner_pages)):
        for number, text in enumerate(pages, 1):
            if values is not None and values.search(text):
                _fail(check, part, number)
            flat = squash(text)
            if any(s in flat for s in part2):
                _fail(check, part, number)
    for text in raw:
        if values is not None and values.search(text):
            _fail("raw-streams", part)
    visible = squash(" ".join(pdfium_pages))
    hidden_meta = any_pattern([m for m in expect.metadata if squash(m) and squash(m) not in visible])
    for text in raw + pdfium_pages + miner_pages:
        if hidden_meta is not None and hidden_meta.search(text):
            _fail("metadata", part)
    _boxes_empty(doc, out, part)
    checks = ["single-revision", "structure", "text-pdfium", "text-pdfminer", "raw-streams", "metadata",
              "boxes-empty"]
    if expect.detect:
        _detection(doc, out, expect, part)
        checks.append("detection")
    return checks


def _single_revision(data: bytes, part: int) -> None:
    if data.count(b"%%EOF") != 1 or data.count(b"startxref") != 1:
        _fail("single-revision", part)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if "/Prev" in pdf.trailer:
                _fail("single-revision", part)
    except pikepdf.PdfError:
        _fail("single-revision", part)


def _structure(pdf: pikepdf.Pdf, part: int) -> None:
    if "/Info" in pdf.trailer:
        _fail("structure", part)
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            if _forbidden(obj, 0):
                _fail("structure", part)
            if str(obj.get("/Type", "")) == "/Annot" and (str(obj.get("/Subtype", "")) != "/Link"
                                                          or "/AP" in obj or "/Popup" in obj):
                _fail("structure", part)
            if str(obj.get("/Subtype", "")) == "/XML" or str(obj.get("/Type", "")) == "/Filespec":
                _fail("structure", part)


def _forbidden(obj, depth: int) -> bool:
    if depth > 16:
        return False
    if isinstance(obj, pikepdf.Array):
        return any(_forbidden(v, depth + 1) for v in obj if _direct(v))
    if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        return False
    if any(k in _FORBIDDEN_KEYS for k in obj.keys()):
        return True
    return any(_forbidden(obj.get(k), depth + 1) for k in obj.keys() if _direct(obj.get(k)))


def _direct(value) -> bool:
    """A dictionary or array held inside its parent (indirect objects are visited on their own)."""
    return isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect


def _raw_texts(pdf: pikepdf.Pdf) -> list[str]:
    """Every decompressed stream (except image samples) and every string object, as text."""
    texts: list[str] = []
    strings: list[str] = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            if str(obj.get("/Subtype", "")) == "/Image":
                continue
            try:
                data = obj.read_bytes()
            except pikepdf.PdfError:
                data = obj.read_raw_bytes()
            texts.append(data.decode("latin-1"))
            if data.startswith(b"\xfe\xff"):
                texts.append(data.decode("utf-16-be", "ignore"))
            elif any(b > 127 for b in data[:4096]):
                texts.append(data.decode("utf-8", "ignore"))
        _strings(obj, strings, 0)
    if strings:
        texts.append("\n".join(strings))
    return texts


def _strings(obj, out: list[str], depth: int) -> None:
    if depth > 16:
        return
    if isinstance(obj, pikepdf.String):
        out.append(str(obj))
    elif isinstance(obj, pikepdf.Array):
        for v in obj:
            if isinstance(v, pikepdf.String) or _direct(v):
                _strings(v, out, depth + 1)
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for k in obj.keys():
            v = obj.get(k)
            if isinstance(v, pikepdf.String) or _direct(v):
                _strings(v, out, depth + 1)


def _pdfium_text(data: bytes) -> tuple[list[str], Document]:
    pdf = pdfium.PdfDocument(data)
    try:
        doc = extract(pdf)
    finally:
        pdf.close()
    return [normalise(p.text) for p in doc.pages], doc


def _pdfminer_text(data: bytes, count: int) -> list[str]:
    """Each page's text by pdfminer.six, in one pass over the document (no layout analysis: the checks
    match across any spacing, and layout analysis would only cost time)."""
    manager = PDFResourceManager()
    pages = []
    for page in PDFPage.get_pages(io.BytesIO(data)):
        buf = io.StringIO()
        device = TextConverter(manager, buf, laparams=None)
        try:
            PDFPageInterpreter(manager, device).process_page(page)
        finally:
            device.close()
        pages.append(normalise(buf.getvalue()))
    if len(pages) != count:
        raise LeakDetected("verification failed: text-pdfminer (page count differs); nothing was published",
                           ["text-pdfminer"])
    return pages


def _boxes_empty(doc: Document, out, part: int) -> None:
    for number, (page, regions) in enumerate(zip(doc.pages, out.regions), 1):
        boxes = [r for r in regions if r.draws_box]
        if not boxes:
            continue
        labels = sorted({r.label for r in boxes if r.label}, key=len, reverse=True)
        under = []
        for ch in page.chars:
            if ch.generated or ch.box is None or not ch.text.strip():
                continue
            cx, cy = (ch.box[0] + ch.box[2]) / 2, (ch.box[1] + ch.box[3]) / 2
            if any(r.box[0] <= cx <= r.box[2] and r.box[1] <= cy <= r.box[3] for r in boxes):
                under.append(ch.text)
        rest = "".join(under)
        for label in labels:
            rest = rest.replace(label, "")
        if rest.strip():
            _fail("boxes-empty", part, number)


def _detection(doc: Document, out, expect: Expectations, part: int) -> None:
    """Run detection on the output (a missing detection module fails loudly, it is never skipped).

    Fails on a finding that holds a removed value, or that lies under a
    redaction box: something removed is readable again. A finding that is neither was not decided on
    by the officer (often a word whose context changed once its neighbour was removed): logged, counted.
    """
    from .detect import find_personal_data
    from .pdf.geometry import meets
    from .structure import read_structure

    new = 0
    for item in find_personal_data(doc, read_structure(doc)):
        if item.action != "redact" or re.fullmatch(r"[\W_]*", item.text):
            continue
        text = normalise(item.text)
        regions = out.regions[item.page - 1] if item.page - 1 < len(out.regions) else []
        if any(contains(text, v) for v in expect.values) or any(
                r.draws_box and meets(tuple(b), r.box) for b in item.boxes for r in regions):
            _fail("detection", part, item.page)
        new += 1
    if new:
        log.info("detection on part %d found %d items not decided on in the analysis", part, new)


def part2_sentences(doc: Document, boundary: tuple[int, float]) -> list[str]:
    """Lines of Part 2 long enough to be distinctive and not also found in Part 1 (running headers,
    repeated boilerplate), to prove Part 1 holds none of them."""
    page_no, y = boundary
    part1, part2 = [], []
    for index, page in enumerate(doc.pages):
        for text, cy in _lines(page):
            in_part2 = index > page_no - 1 or (index == page_no - 1 and cy is not None and cy < y)
            (part2 if in_part2 else part1).append(text)
    seen = squash(" ".join(part1))
    out = []
    for line in part2:
        flat = squash(line)
        if len(flat) >= _MIN_SENTENCE and flat not in seen and line not in out:
            out.append(line)
    return out


def _lines(page) -> list[tuple[str, float | None]]:
    lines, text, ys = [], [], []
    for ch in page.chars:
        if ch.text in ("\r", "\n"):
            if text:
                lines.append(("".join(text), sum(ys) / len(ys) if ys else None))
            text, ys = [], []
            continue
        text.append(ch.text)
        if ch.box is not None and not ch.generated:
            ys.append((ch.box[1] + ch.box[3]) / 2)
    if text:
        lines.append(("".join(text), sum(ys) / len(ys) if ys else None))
    return lines
