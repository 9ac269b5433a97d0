"""Render the labelled papers of this folder to PDF with several producers (run by hand, output committed).

Each ``<split>_<body>_<n>.txt`` (split: tune, holdout, unseen, fresh, tune2, sealed, seventh or eighth; see
README.md) is the labelled source
(format: ../README.md, plus ``|keep:<reason>``,
``%% key: value`` header lines, ``## `` headings, ``| a | b |`` table rows, ``---page---``, and a line ending
in a backslash for a forced line break inside a paragraph, which is how a name is broken at a line end).
The header ``%% producer:`` picks the route to PDF (``%% columns: 2`` sets the Chromium page in
newspaper columns; without it the page is one column, as before):

* ``reportlab``   platypus paragraphs and tables, DejaVu Sans embedded (TrueType subset)
* ``chromium``    the paper as ``.html``, Chromium headless --print-to-pdf
* ``libreoffice`` the paper as flat ODT ``.fodt``, LibreOffice headless --convert-to pdf
* ``libreoffice+ghostscript``  as above, then re-distilled by Ghostscript pdfwrite

The intermediate ``.html`` / ``.fodt`` files are written next to the PDF and committed with it. After
rendering, every labelled text is looked for in ``pdftotext`` output (whitespace and a line-end hyphen
allowed); a label that is missing stops the script.

    .venv/bin/python tests/detect_papers/new/make_papers.py [name ...]   # e.g. unseen_fire_1; none: all
    .venv/bin/python tests/detect_papers/new/make_papers.py seventh     # a split's name: every paper of it
    .venv/bin/python tests/detect_papers/new/make_papers.py fifteenth   # the fifteenth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py sixteenth   # the sixteenth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py seventeenth # the seventeenth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py eighteenth  # the eighteenth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py nineteenth  # the nineteenth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py twentieth   # the twentieth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py twentyfirst # the twenty-first never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py twentysecond # the twenty-second never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py twentythird # the twenty-third never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py twentyfourth # the twenty-fourth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py twentyfifth # the twenty-fifth never-seen split
    .venv/bin/python tests/detect_papers/new/make_papers.py twentysixth # the newest never-seen split

The script only renders and looks for the labels with pdftotext: it never runs a detector, so a never-seen
split (eighth, ..., twentysixth) can be rendered and checked before any engine has read it.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from tests.detect_labels import flexible, parse_new_paper  # noqa: E402

BR = "\u2028"  # a forced line break inside a paragraph


def blocks(plain: str):
    """("h", text) headings, ("p", text) paragraphs, ("t", rows) tables, ("page", "") breaks."""
    out, table = [], []
    for line in plain.split("\n"):
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            out.append(("t", table))
            table = []
        if not line.strip():
            continue
        if line.strip() == "---page---":
            out.append(("page", ""))
        elif line.startswith("## "):
            out.append(("h", line[3:]))
        else:
            out.append(("p", line))
    if table:
        out.append(("t", table))
    return out


# --- HTML for Chromium ------------------------------------------------------------------------------

def to_html(title: str, plain: str, font: str, columns: int = 1) -> str:
    def esc(s):
        return html.escape(s, quote=False).replace(BR, "<br>")
    parts = [f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{esc(title)}</title><style>"
             f"@page {{ size: A4; margin: 20mm; }} body {{ font-family: '{font}'; font-size: 10.5pt; "
             "line-height: 1.35; }} h2 { font-size: 12.5pt; margin: 14pt 0 4pt; } "
             "table { border-collapse: collapse; width: 100%; margin: 6pt 0; } "
             "td, th { border: 0.6pt solid #444; padding: 3pt 5pt; vertical-align: top; font-size: 9.5pt; }"
             + (f" body {{ column-count: {columns}; column-gap: 8mm; }} table, h2 {{ break-inside: avoid; }}"
                if columns > 1 else "")
             + "</style></head><body>"]
    for kind, value in blocks(plain):
        if kind == "h":
            parts.append(f"<h2>{esc(value)}</h2>")
        elif kind == "p":
            parts.append(f"<p>{esc(value)}</p>")
        elif kind == "page":
            parts.append('<div style="break-after: page"></div>')
        else:
            head, *rows = value
            parts.append("<table><tr>" + "".join(f"<th>{esc(c)}</th>" for c in head) + "</tr>")
            parts += ["<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows]
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def chromium_pdf(html_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                        "--no-pdf-header-footer", "--print-to-pdf-no-header", f"--print-to-pdf={pdf_path}",
                        html_path.as_uri()], check=True, capture_output=True, timeout=120)


# --- flat ODT for LibreOffice -----------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'{font}'"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm"/>
  <style:text-properties style:font-name="F" fo:font-size="10.5pt"/></style:style>
 <style:style style:name="H" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.35cm"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="9.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Brk" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="C1" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
  fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
"""


def to_fodt(plain: str, font: str) -> str:
    def esc(s):
        return html.escape(s, quote=False).replace(BR, "<text:line-break/>")
    parts = [FODT_HEAD.replace("{font}", font)]
    brk = False
    for kind, value in blocks(plain):
        style = "Brk" if brk else None
        brk = False
        if kind == "page":
            brk = True
        elif kind == "h":
            parts.append(f'<text:p text:style-name="{style or "H"}">{esc(value)}</text:p>')
        elif kind == "p":
            parts.append(f'<text:p text:style-name="{style or "Standard"}">{esc(value)}</text:p>')
        else:
            ncol = max(len(r) for r in value)
            parts.append(f'<table:table table:name="T{len(parts)}">'
                         f'<table:table-column table:number-columns-repeated="{ncol}"/>')
            for r in value:
                cells = "".join(f'<table:table-cell table:style-name="C1" office:value-type="string">'
                                f'<text:p text:style-name="Cell">{esc(c)}</text:p></table:table-cell>' for c in r)
                parts.append(f"<table:table-row>{cells}</table:table-row>")
            parts.append("</table:table>")
    parts.append("</office:text></office:body></office:document>\n")
    return "\n".join(parts)


def libreoffice_pdf(fodt: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(fodt)],
                       check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / (fodt.stem + ".pdf"), pdf_path)


def ghostscript(pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "gs.pdf"
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                        f"-sOutputFile={out}", str(pdf_path)], check=True, capture_output=True, timeout=120)
        shutil.move(out, pdf_path)


# --- reportlab --------------------------------------------------------------------------------------

def reportlab_pdf(plain: str, pdf_path: Path, title: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    for name, file in (("DejaVu", "DejaVuSans.ttf"), ("DejaVuB", "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, f"/usr/share/fonts/truetype/dejavu/{file}"))
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=10, leading=13.5, spaceAfter=5)
    cell = ParagraphStyle("c", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    head = ParagraphStyle("h", parent=body, fontName="DejaVuB", fontSize=12, spaceBefore=8)

    def para(s, style):
        return Paragraph(html.escape(s, quote=False).replace(BR, "<br/>"), style)

    story = []
    for kind, value in blocks(plain):
        if kind == "h":
            story.append(para(value, head))
        elif kind == "p":
            story.append(para(value, body))
        elif kind == "page":
            story.append(PageBreak())
        else:
            t = Table([[para(c, cell) for c in r] for r in value], repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
    SimpleDocTemplate(str(pdf_path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, title=title,
                      invariant=1).build(story)


# --- the check --------------------------------------------------------------------------------------

def check(pdf_path: Path, labels) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout
    missing = []
    for typ, label_text, _action, _occ in labels:
        if not re.search(flexible(label_text), text):
            missing.append(f"{typ}:{label_text!r}")
    return missing


def render(src: Path) -> None:
    paper = parse_new_paper(src)
    font = paper.meta.get("font", "Liberation Sans")
    pdf = src.with_suffix(".pdf")
    if paper.producer == "reportlab":
        reportlab_pdf(paper.plain, pdf, paper.meta.get("title", src.stem))
    elif paper.producer == "chromium":
        page = src.with_suffix(".html")
        page.write_text(to_html(paper.meta.get("title", src.stem), paper.plain, font,
                                int(paper.meta.get("columns", "1"))), encoding="utf-8")
        chromium_pdf(page, pdf)
    elif paper.producer.startswith("libreoffice"):
        doc = src.with_suffix(".fodt")
        doc.write_text(to_fodt(paper.plain, font), encoding="utf-8")
        libreoffice_pdf(doc, pdf)
        if paper.producer.endswith("+ghostscript"):
            ghostscript(pdf)
    else:
        raise SystemExit(f"{src.name}: unknown producer {paper.producer!r}")
    missing = check(pdf, paper.labels)
    if missing:
        raise SystemExit(f"{src.name}: labels not in the pdftotext text: {missing}")
    print(f"{src.stem}: {paper.producer}, {len(paper.labels)} labels, all in the PDF text")


if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    for path in sorted(HERE.glob("*.txt")):
        if not wanted or path.stem in wanted or path.stem.split("_", 1)[0] in wanted:
            render(path)
