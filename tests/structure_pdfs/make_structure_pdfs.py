"""Write the Part 2 split test papers: one PDF per class of layout or wording (reportlab, pikepdf, and
LibreOffice and Chromium for two-column layouts). Run from the repository root:

    .venv/bin/python tests/structure_pdfs/make_structure_pdfs.py [name ...]

Every line of Part 1 carries a token ``pubNN`` and every line of Part 2 a token ``secNN``, so a test can
check by any reader that Part 1 holds every ``pub`` token and no ``sec`` token. All people and numbers are
fictional. ``cases.json`` (name -> what the analysis must do, and the start an officer confirms when it
asks) is what tests/test_structure_split.py reads.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent
W, H = A4
LEAD = 14.0
FORM_YES = "Is there a Part 2 form - YES"

# name -> (what the analysis must do, the officer's start for a case that asks: (page, y, x) or None)
CASES: dict[str, tuple[str, tuple | None]] = {}
# name -> an officer's (page, y, x) start for a case the analysis settles itself (whole page withheld)
OFFICER_MARKS: dict[str, tuple] = {}


def pub(i: int) -> str:
    return f"Public line pub{i:02d} on the agreed scheme."


def sec(i: int) -> str:
    return f"Withheld line sec{i:02d} on bidder prices."


def front(ref: str = "PCD 4100", form: str | None = None) -> list[str]:
    lines = [f"DMPC Decision - {ref}", "Title Tender for custody healthcare services"]
    return lines + ([form] if form else [])


# --- single column, any orientation ---------------------------------------------------------------------

_CTM = {0: (1, 0, 0, 1, 0, 0), 90: (0, 1, -1, 0, W, 0), 180: (-1, 0, 0, -1, W, H), 270: (0, -1, 1, 0, 0, H)}


def single(lines: list, *, rotate: int = 0, sideways: bool = False) -> tuple[bytes, dict]:
    """Lines top to bottom in the displayed page. An entry ("heading", text) is drawn bold; ("image", text)
    is drawn as a picture of the text. Returns the PDF and, for each, the displayed y an officer would mark."""
    turn = 90 if sideways else rotate
    dw, dh = (H, W) if turn in (90, 270) else (W, H)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.transform(*_CTM[turn])
    y = dh - 60
    marks = {}
    for entry in lines:
        kind, text = entry if isinstance(entry, tuple) else ("text", entry)
        if kind == "image":
            img = _text_image(text)
            c.drawImage(ImageReader(img), 60, y - 30, width=dw - 120, height=34)
            marks["image"] = y + 6  # just above the picture's top edge
            y -= 44
            continue
        c.setFont("Helvetica-Bold" if kind == "heading" else "Helvetica", 10)
        c.drawString(60, y, text)
        if kind == "heading":
            marks["heading"] = y + 10  # above the heading's glyphs, below the line before it
        y -= LEAD
    c.save()
    data = buf.getvalue()
    if rotate:
        data = _with_rotate(data, rotate)
    return data, marks


def _text_image(text: str) -> Image.Image:
    img = Image.new("RGB", (1200, 60), "white")
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 34)
    except OSError:
        font = ImageFont.load_default()
    draw.text((10, 10), text, fill="black", font=font)
    return img


def _with_rotate(data: bytes, rotate: int) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.obj.Rotate = rotate
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


# --- columns (reportlab) --------------------------------------------------------------------------------

def columns(ncols: int, heading_col: int, heading_row: int, rows: int = 16, ref: str = "PCD 4100",
            last_rows: int | None = None) -> bytes:
    """A full-width title, a band of ``ncols`` columns written column by column, then a full-width line.
    The heading "Part 2 – Confidential" sits at ``heading_row`` of column ``heading_col``; the last column
    may be shorter (``last_rows``), ending above the heading."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    left, right, gap = 60.0, W - 60.0, 24.0
    width = (right - left - gap * (ncols - 1)) / ncols
    y0 = H - 60
    c.setFont("Helvetica", 10)
    n = 1
    for text in front(ref):
        c.drawString(left, y0, text + f" pub{n:02d}")
        n += 1
        y0 -= LEAD
    top = y0 - LEAD
    after = False
    k = 1
    for col in range(ncols):
        x = left + col * (width + gap)
        for row in range(last_rows if last_rows and col == ncols - 1 else rows):
            y = top - row * LEAD
            if col == heading_col and row == heading_row:
                c.setFont("Helvetica-Bold", 10)
                c.drawString(x, y, "Part 2 – Confidential")
                c.setFont("Helvetica", 10)
                after = True
                continue
            c.drawString(x, y, f"{'Line sec' if after else 'Line pub'}{n if not after else k:02d} budget")
            if after:
                k += 1
            else:
                n += 1
    c.drawString(left, top - (rows + 1) * LEAD, "Closing full-width line sec99 after every column of the page.")
    c.save()
    return buf.getvalue()


def table_beside_heading() -> bytes:
    """A short Part 2 heading with a two-cell table right under it, written row by row: cells beside each
    other look like columns, the text order says table, so the page's layout is unclear."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = H - 60
    c.setFont("Helvetica", 10)
    for i, text in enumerate(front() + [pub(i) for i in range(3, 9)], 1):
        c.drawString(60, y, text if "pub" in text else f"{text} pub{i:02d}")
        y -= LEAD
    c.showPage()  # page 2: the Part 1 lines above the heading are withheld with the page (and the officer told)
    y = H - 60
    c.setFont("Helvetica", 10)
    for i in range(9, 12):
        c.drawString(60, y, pub(i))
        y -= LEAD
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, y, "Part 2 – Confidential")
    c.setFont("Helvetica", 10)
    for row in range(1, 9):
        y -= LEAD
        c.drawString(60, y, f"Bidder sec{2 * row - 1:02d} name")
        c.drawString(330, y, f"Score sec{2 * row:02d} points")
    c.save()
    return buf.getvalue()


# Words to lengthen a line to a given width (ragged-right text, as a word processor sets it).
_FILLER = "on the agreed scheme for the custody suite and the healthcare contract of the borough".split()


def _fill(token: str, width: float, size: float = 10) -> str:
    """``Line <token>`` lengthened word by word to at most ``width`` points (Helvetica ``size``)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = f"Line {token}"
    for word in _FILLER * 3:
        if stringWidth(f"{text} {word}", "Helvetica", size) > width:
            break
        text = f"{text} {word}"
    return text


def ragged_columns(ncols: int, heading_col: int, heading_row: int, heading: str = "Part 2 – Confidential",
                   rows: int = 14, part2_first: str | None = None, wide_title: bool = False,
                   table_after: bool = False,
                   closing: str = "Closing full-width line sec99 after every column of the page.",
                   ) -> tuple[bytes, dict]:
    """Columns of ragged-right lines: the lines beside the heading are short, the others reach to the column's
    edge, so the gutter seen beside the heading is wider than the real one. ``part2_first`` is the first line
    of Part 2 (withholding wording for a heading no rule knows); ``wide_title`` draws a title across the whole
    page; ``table_after`` puts the band on page 2 and writes a table under the heading row by row (cells, not
    columns). Returns the PDF and the officer's mark on the heading: {"heading": y just above it, "x": just
    left of it}."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    left, right, gap = 60.0, W - 60.0, 24.0
    width = (right - left - gap * (ncols - 1)) / ncols
    y = H - 60
    c.setFont("Helvetica", 10)
    n = 1
    for text in front():
        c.drawString(left, y, text + f" pub{n:02d}")
        n, y = n + 1, y - LEAD
    if table_after:  # the columns on page 2: a page withheld whole leaves page 1 to publish
        c.showPage()
        c.setFont("Helvetica", 10)
        y = H - 60
    if wide_title:
        c.drawString(left, y, _fill("spanning the page", right - left - 40) + f" pub{n:02d}")
        n, y = n + 1, y - LEAD
    top = y - LEAD
    shares = (0.98, 0.62, 0.9, 0.5, 0.96, 0.7)
    # a table starts at the heading: above it, only the first column holds text
    cells = [(col, row) for row in range(rows) for col in range(ncols) if col == 0 or row > heading_row] \
        if table_after else [(col, row) for col in range(ncols) for row in range(rows)]
    after, k, marks = False, 1, {}
    for col, row in cells:
        x, yy = left + col * (width + gap), top - row * LEAD
        if (col, row) == (heading_col, heading_row):
            c.setFont("Helvetica-Bold", 10)
            c.drawString(x, yy, heading)
            c.setFont("Helvetica", 10)
            after, marks = True, {"heading": yy + 10, "x": x - 5}
            continue
        share = 0.45 if abs(row - heading_row) <= 2 else shares[row % len(shares)]
        if after and k == 1 and part2_first:
            text = f"{part2_first} sec01"
        else:
            text = _fill(f"sec{k:02d}" if after else f"pub{n:02d}", share * width)
        c.drawString(x, yy, text)
        k, n = (k + 1, n) if after else (k, n + 1)
    c.drawString(left, top - (rows + 1) * LEAD, closing)
    c.save()
    return buf.getvalue(), marks


# --- columns (LibreOffice) ------------------------------------------------------------------------------

_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties
 fo:margin-bottom="0.1cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties
 fo:font-weight="bold"/></style:style></office:styles>
<office:automatic-styles><style:style style:name="Sect2" style:family="section"><style:section-properties>
<style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
{before}
<text:section text:style-name="Sect2" text:name="Columns">
{inside}
</text:section>
{after}
</office:text></office:body></office:document>
"""


def libreoffice_columns(tmp: Path) -> bytes:
    p = lambda text, style="Standard": f'<text:p text:style-name="{style}">{text}</text:p>'  # noqa: E731
    before = "\n".join(p(t + f" pub0{i}") for i, t in enumerate(front("CAB/2027/031"), 1))
    inside = [p(f"Column line pub{i:02d} on the agreed scheme.") for i in range(3, 14)]
    inside.append(p("5. Part 2 – Confidential facts and advice", "Heading"))
    inside += [p(f"Column line sec{i:02d} on bidder prices.") for i in range(1, 22)]
    after = p("Closing full-width line sec99 after both columns of the page.")
    src = tmp / "lo_two_columns.fodt"
    src.write_text(_FODT.format(before=before, inside="\n".join(inside), after=after), encoding="utf-8")
    profile = tmp / "profile"
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=300)
    return _normalised(tmp / "lo_two_columns.pdf")


def libreoffice_ragged(tmp: Path) -> bytes:
    """LibreOffice columns of wrapped, ragged-right paragraphs (the gutter beside the heading is wider than the
    real one), Part 2 starting in the second column."""
    p = lambda text, style="Standard": f'<text:p text:style-name="{style}">{text}</text:p>'  # noqa: E731
    words = "the board agreed the scheme for the custody suite and the healthcare contract of the borough".split()
    body = lambda token, n: f"Paragraph {token} " + " ".join((words * 4)[:n]) + "."  # noqa: E731
    before = "\n".join(p(t + f" pub0{i}") for i, t in enumerate(front("CAB/2027/032"), 1))
    sizes = (30, 4, 17, 9, 26, 3, 21, 12)
    inside = [p(body(f"pub{i:02d}", n)) for i, n in enumerate(sizes * 2, 3)]
    inside.append(p("5. Part 2 – Confidential facts and advice", "Heading"))
    inside += [p(body(f"sec{i:02d}", n)) for i, n in enumerate(sizes, 1)]
    after = p("Closing full-width line sec99 after both columns of the page, which runs across the gutter.")
    src = tmp / "lo_two_columns_ragged.fodt"
    src.write_text(_FODT.format(before=before, inside="\n".join(inside), after=after), encoding="utf-8")
    profile = tmp / "profile"
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp), str(src)],
                   check=True, capture_output=True, timeout=300)
    return _normalised(tmp / "lo_two_columns_ragged.pdf")


# --- columns (Chromium, CSS) ----------------------------------------------------------------------------

_HTML = """<html><head><style>body{{font-family:'Liberation Sans';font-size:10pt;margin:0}}
.c{{column-count:2;column-gap:1cm}} p{{margin:0 0 3pt 0}} h3{{font-size:10pt;margin:0 0 3pt 0}}
@page{{size:A4;margin:2cm}}</style></head><body>{before}<div class="c">{inside}</div>{after}</body></html>"""


def chromium_columns(tmp: Path) -> bytes:
    """CSS columns printed by Chromium: Part 2 starts in the first column."""
    before = "".join(f"<p>{t} pub0{i}</p>" for i, t in enumerate(front("BD/27/044"), 1))
    inside = "".join(f"<p>Column line pub{i:02d} on the agreed scheme.</p>" for i in range(3, 16))
    inside += "<h3>Part 2 – Confidential facts and advice</h3>"
    inside += "".join(f"<p>Column line sec{i:02d} on bidder prices.</p>" for i in range(1, 24))
    src = tmp / "columns.html"
    src.write_text(_HTML.format(before=before, inside=inside, after="<p>Closing full-width line sec99 after both "
                                                                  "columns.</p>"), encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp / 'chrome'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={tmp / 'columns.pdf'}", src.as_uri()],
                   check=True, capture_output=True, timeout=300)
    return _normalised(tmp / "columns.pdf")


def _normalised(path: Path) -> bytes:
    """Without the producer's dates, ids and checksum, so the bytes are the same on every run."""
    with pikepdf.open(path) as pdf:
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        for key in ("/ID", "/DocChecksum"):
            if key in pdf.trailer:
                del pdf.trailer[key]
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


# --- the cases ------------------------------------------------------------------------------------------

def _body(n1: int, heading, n2: int, form: str | None = None, ref: str = "PCD 4100", middle=()) -> list:
    lines = front(ref, form) + [pub(i) for i in range(1, n1 + 1)] + list(middle)
    lines += [heading] if isinstance(heading, tuple) else [("heading", heading)] if heading else []
    return lines + [sec(i) for i in range(1, n2 + 1)]


def build(tmp: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}

    def add(name: str, expect: str, data_marks, confirm_from: str | None = None):
        data, marks = data_marks
        out[name] = data
        confirm = (1, round(marks[confirm_from], 1), None) if confirm_from else None
        CASES[name] = (expect, confirm)

    # Headings the reader should recognise: numbered, em-dash with another wording, "Part II".
    add("numbered_heading", "split", single(_body(8, "5. Part 2 — confidential facts and advice", 8)))
    add("emdash_other_wording", "split", single(_body(8, "Part 2 — Commercial terms", 1) +
                                               ["This part is exempt until 30/06/2031 under section 43."] +
                                               [sec(i) for i in range(2, 8)]))
    add("other_wording_heading", "split", single(_body(8, "CONFIDENTIAL APPENDIX – NOT FOR PUBLICATION", 8)))
    # Withholding wording with a heading nobody foresaw: the officer confirms where Part 2 starts.
    add("not_for_publication_until", "ask", single(
        _body(8, "Appendix C – Tender evaluation", 1) +
        ["This section is not for publication until 30/06/2031 (FOIA section 43)."] +
        [sec(i) for i in range(2, 8)]), "heading")
    add("exempt_until_section", "ask", single(
        _body(8, "Annex 4: supplier assessment", 1) + ["The annex is exempt until 31 March 2030."] +
        [sec(i) for i in range(2, 8)]), "heading")
    add("schedule_12a", "ask", single(
        _body(8, "Agenda item 7: disposal of the depot", 0, ref="CAB/2027/031") +
        ["By virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972 sec01"] +
        [sec(i) for i in range(2, 8)]), "heading")
    add("confidential_marking", "ask", single(
        _body(8, ("heading", "CONFIDENTIAL"), 0) + ["Bidder scores and the evaluation panel notes sec01"] +
        [sec(i) for i in range(2, 8)]), "heading")
    # A Part 2 heading drawn as a picture on a paper whose form promises a Part 2.
    add("image_heading", "ask", single(
        _body(8, ("image", "PART 2 - CONFIDENTIAL FACTS AND ADVICE"), 1, form=FORM_YES) +
        ["Part 2 is exempt from publication under section 43 until 31/12/2030."] +
        [sec(i) for i in range(2, 8)]), "image")
    # The same with no form: the text only says "Part 2 is exempt …" right under the picture.
    add("image_heading_no_form", "ask", single(
        _body(8, ("image", "PART 2 - CONFIDENTIAL FACTS AND ADVICE"), 1) +
        ["Part 2 is exempt from publication under section 43 until 31/12/2030."] +
        [sec(i) for i in range(2, 8)]), "image")
    # The standard public-access statement alone: no question.
    add("public_access_statement", "none", single(front("PCD 4101") + [pub(i) for i in range(1, 5)] + [
        "Public access to information",
        "Information in this form (Part 1) is subject to the Freedom of Information Act 2000 (FOIA) pub20",
        "and will be made available on the MOPAC website following approval. pub21",
        "Part 1 Deferral: Is the publication of Part 1 of this approval to be deferred? NO",
        "If yes, for what reason: n/a",
        "Until what date: n/a",
        "Part 2 Confidentiality: Only the facts or advice considered as likely to be exempt from disclosure",
        "under the FOIA should be in the separate Part 2 form, together with the legal rationale.",
        "Is there a Part 2 form - NO"] + [pub(i) for i in range(5, 9)]))
    # Part 1 describes the Part 2 found later: no question, the heading splits.
    add("part1_names_part2", "split", single(_body(
        6, "Part 2 – Confidential facts and advice", 6,
        middle=["The bids are set out in Part 2 of this report, which is not for publication. pub30"])))
    # Orientation: /Rotate 90, 180, 270 and a table drawn sideways on an upright page.
    for turn in (90, 180, 270):
        add(f"rotate_{turn}", "split", single(_body(8, "Part 2 – Confidential facts and advice", 8), rotate=turn))
    add("sideways_landscape", "split", single(_body(8, "Part 2 – Confidential facts and advice", 8), sideways=True))
    # Columns.
    out["two_columns_left"] = columns(2, 0, 9)
    CASES["two_columns_left"] = ("split", None)
    out["two_columns_right"] = columns(2, 1, 6)
    CASES["two_columns_right"] = ("split", None)
    out["two_columns_short_right"] = columns(2, 0, 12, last_rows=5)  # nothing beside the heading
    CASES["two_columns_short_right"] = ("split", None)
    out["three_columns_middle"] = columns(3, 1, 8, ref="BD/27/044")
    CASES["three_columns_middle"] = ("split", None)
    # Ragged-right columns: the gutter beside the heading is wider than the real one (long lines further up or
    # down the column must not end the columns, nor be cut off as if they ran across the page).
    data, marks = ragged_columns(3, 1, 0)
    out["three_columns_ragged"], CASES["three_columns_ragged"] = data, ("split", None)
    data, marks = ragged_columns(2, 1, 5)
    out["two_columns_ragged_right"], CASES["two_columns_ragged_right"] = data, ("split", None)
    data, marks = ragged_columns(2, 0, 8, heading="Appendix C – Tender evaluation", wide_title=True,
                                 part2_first="Not for publication until 30/06/2031.")
    out["two_columns_ragged_confirmed"] = data
    CASES["two_columns_ragged_confirmed"] = ("ask", (1, round(marks["heading"], 1), marks["x"]))
    # A lone heading under a title across the page, a table under it: one column at the heading, so it splits
    # there without asking (the table's cells are no band of columns).
    out["table_under_lone_heading"], _ = ragged_columns(2, 0, 0, wide_title=True, table_after=True)
    CASES["table_under_lone_heading"] = ("split", None)
    # The officer's start in the right column, and a short line under both columns: the columns say it is
    # Part 1 (under the first column), the order it is written in says Part 2. Both readings are withheld.
    data, marks = ragged_columns(2, 1, 5, heading="Appendix C – Tender evaluation", closing="Closing sec99.",
                                 part2_first="Not for publication until 30/06/2031.")
    out["two_columns_short_closing"] = data
    CASES["two_columns_short_closing"] = ("ask_order", (1, round(marks["heading"], 1), marks["x"]))
    # A table under the heading and a title across the page above it: unclear, so the whole page goes to
    # Part 2 until the officer marks the start; then the title above stays whole in Part 1.
    data, marks = ragged_columns(2, 0, 3, wide_title=True, table_after=True)
    out["table_under_wide_title"], CASES["table_under_wide_title"] = data, ("ask_whole_page", None)
    OFFICER_MARKS["table_under_wide_title"] = (2, round(marks["heading"], 1), marks["x"])
    # Cells beside the heading that may be columns or a table: the whole page is withheld and the officer asked.
    out["table_beside_heading"] = table_beside_heading()
    CASES["table_beside_heading"] = ("ask_whole_page", None)
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        out["chromium_two_columns"] = chromium_columns(tmp)
        CASES["chromium_two_columns"] = ("split", None)
    if shutil.which("soffice"):
        out["lo_two_columns"] = libreoffice_columns(tmp)
        CASES["lo_two_columns"] = ("split", None)
        out["lo_two_columns_ragged"] = libreoffice_ragged(tmp)
        CASES["lo_two_columns_ragged"] = ("split", None)
    return out


def main(names: list[str]) -> int:
    """Write every paper, or only those named (the others keep their committed bytes); cases.json always."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in build(Path(tmp)).items():
            if names and name not in names:
                continue
            (HERE / f"{name}.pdf").write_bytes(data)
            print(f"wrote tests/structure_pdfs/{name}.pdf  {len(data) // 1024} KB  expect {CASES[name][0]}")
    table = {name: {"expect": expect, "confirm": confirm, **({"officer": list(OFFICER_MARKS[name])}
                                                            if name in OFFICER_MARKS else {})}
             for name, (expect, confirm) in sorted(CASES.items())}
    (HERE / "cases.json").write_text(json.dumps(table, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
