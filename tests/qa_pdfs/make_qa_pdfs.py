"""Generate the QA papers of tests/qa_pdfs/: decision papers made the way real producers make them.

Run with a Python that has python-docx, pikepdf, fonttools and Pillow (e.g. a throwaway venv:
``python -m venv /tmp/v && /tmp/v/bin/pip install python-docx pikepdf fonttools pillow``), with LibreOffice
(soffice), Debian's chromium and poppler-utils (pdftoppm) on the PATH:

    /tmp/v/bin/python tests/qa_pdfs/make_qa_pdfs.py [CASE ...]

It rewrites the PDFs beside this script. Every name and number is fictional (Ofcom drama ranges); the
README lists what each case tests and what `foia redact` did with it.
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pikepdf
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from pikepdf import Array, Dictionary, Name, Stream
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent

# ---------------------------------------- docx ----------------------------------------
HEADER_NAME = "Lucinda Barraclough-Fenn"
FOOTER_PHONE = "020 7946 0891"
BOLD_NAME = "Rowena Castellanos-Hart"
TABLE_ROWS = [
    ("Priya Venkataraman", "Project manager", "020 7946 0412", "priya.venkataraman@met.example.police.uk"),
    ("Tobias Wrenfield", "Technical lead", "07700 900417", "tobias.wrenfield@met.example.police.uk"),
]
FOOTNOTE = "Advice given by Ignatius Holloway-Brandt (07700 900562) on 3 March 2027."
TEXTBOX = "Contact: Maud Ellingham, 020 7946 0733"
MAILTO_NAME = "Ivor Pendleton"
MAILTO = "ivor.pendleton@mopac.example.london.gov.uk"
COLUMN_NAME = "Declan Mulhearn"
PART2_NAME = "Gareth Inchbald"
JUSTIFIED = ("The custody telephony system records every call made from a custody suite and is relied on by the "
             "Independent Office for Police Conduct when complaints are investigated. The existing platform is out "
             "of support from December 2027 and spare parts are no longer manufactured, so a replacement is needed "
             "before the end of the next financial year.")


def _hyperlink(paragraph, url: str, text: str) -> None:
    r_id = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                                    is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    u = OxmlElement("w:u")
    u.set(qn("w:val"), "single")
    rpr.append(u)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _textbox(paragraph, text: str) -> None:
    """A VML text box (what Word writes for a legacy text box), anchored to ``paragraph``."""
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<w:pict><v:shape id="tb1" type="#_x0000_t202" '
        'style="position:absolute;margin-left:280pt;margin-top:0;width:190pt;height:40pt;z-index:1" '
        'strokecolor="black"><v:textbox><w:txbxContent><w:p><w:r><w:t>'
        + text + '</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    paragraph._p.append(parse_xml(xml))


def _columns(section, n: int) -> None:
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), "360")


def _footnote_ref(paragraph) -> None:
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    run.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")
    run.append(ref)
    paragraph._p.append(run)


FOOTNOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _add_footnotes_part(path: Path, text: str) -> None:
    """python-docx cannot write footnotes: add word/footnotes.xml, its relationship and content type."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.'
                                    b'org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                                    b"</Relationships>")
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", FOOTNOTES_XML % text)
    tmp.replace(path)


def word_paper(path: Path) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(11)
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = f"OFFICIAL – prepared by {HEADER_NAME}"
    sec.footer.paragraphs[0].text = f"MOPAC decision PCD 2041 – queries to {FOOTER_PHONE}"

    doc.add_heading("MOPAC MAYOR OF LONDON OFFICE FOR POLICING AND CRIME", level=1)
    doc.add_heading("DMPC Decision – PCD 2041", level=2)
    doc.add_paragraph("Title: Replacement of Custody Telephony")
    doc.add_heading("Executive Summary:", level=3)
    p = doc.add_paragraph(JUSTIFIED)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_heading("Recommendation:", level=3)
    doc.add_paragraph("The Deputy Mayor for Policing and Crime is recommended to approve £1.2m for the replacement.")
    doc.add_heading("Deputy Mayor for Policing and Crime", level=3)
    doc.add_paragraph("The above request has my approval.")
    doc.add_paragraph("Date 02/03/2027")
    doc.add_paragraph("Is the publication of Part 1 of this approval to be deferred? NO")
    doc.add_paragraph("Is there a Part 2 form – YES")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading("PART I - NON-CONFIDENTIAL FACTS AND ADVICE TO THE DMPC", level=2)
    doc.add_heading("1. Introduction and background", level=3)
    p = doc.add_paragraph("1.1. The project is led by Detective Inspector ")
    p.add_run(BOLD_NAME).bold = True
    p.add_run(", who reports to the Custody Command board every month.")
    _footnote_ref(p)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p = doc.add_paragraph("1.2. " + JUSTIFIED)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for item in ("Twenty-two custody suites are in scope.",
                 "Calls are kept for six years under the retention schedule.",
                 "The new platform is hosted in the MPS data centre."):
        doc.add_paragraph(item, style="List Bullet")
    p = doc.add_paragraph("1.3. The project team:")
    _textbox(p, TEXTBOX)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Name", "Role", "Telephone", "E-mail")):
        cell.text = text
    for row in TABLE_ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    p = doc.add_paragraph("Questions about the procurement go to ")
    _hyperlink(p, "mailto:" + MAILTO, MAILTO_NAME)
    p.add_run(" in the MOPAC commercial team.")

    two = doc.add_section(WD_SECTION.CONTINUOUS)
    _columns(two, 2)
    doc.add_heading("2. Issues for consideration", level=3)
    for i in range(3):
        p = doc.add_paragraph(f"2.{i + 1}. " + JUSTIFIED + (f" The site survey was done by Sergeant {COLUMN_NAME}."
                                                          if i == 1 else ""))
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    one = doc.add_section(WD_SECTION.NEW_PAGE)
    _columns(one, 1)
    doc.add_heading("PART 2 – CONFIDENTIAL FACTS AND ADVICE TO THE DMPC", level=2)
    doc.add_paragraph("FOIA Sec 43 Commercial interests The paper will be exempt until 01/04/2028 in accordance "
                      "with MPS policy pending review.")
    doc.add_paragraph(f"The preferred supplier's bid was £1,184,000. Its account manager is {PART2_NAME}.")
    doc.save(path)
    _add_footnotes_part(path, FOOTNOTE)


def convert(docx: Path, out_pdf: Path, filter_opts: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = "pdf" if filter_opts is None else "pdf:writer_pdf_Export:" + filter_opts
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", target,
                        "--outdir", tmp, str(docx)], check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / (docx.stem + ".pdf"), out_pdf)


PDFA2 = '{"SelectPdfVersion":{"type":"long","value":"2"}}'
TAGGED = '{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


# ---------------------------------------- numbered ----------------------------------------
def numbered(path: Path):
    """Phone numbers at the end of a line or cell, followed by a line that starts with a digit."""
    doc = Document()
    doc.styles["Normal"].font.name = "Liberation Serif"
    doc.add_heading("DMPC Decision – PCD 2103", 1)
    doc.add_paragraph("Title: Custody Nurse Contract Extension")
    doc.add_paragraph("Is the publication of Part 1 of this approval to be deferred? NO")
    doc.add_paragraph("Is there a Part 2 form – NO")
    doc.add_paragraph("1. The contract is managed by Wilhelmina Crabtree-Osei, telephone 020 7946 0571")
    doc.add_paragraph("2. The custody nurse service is provided in all twenty-two suites.")
    doc.add_paragraph("Duty officer mobile: 07700 900264")
    doc.add_paragraph("3 The extension runs to March 2028.")
    t = doc.add_table(rows=2, cols=2); t.style = "Table Grid"
    t.rows[0].cells[0].text = "Clinical lead"; t.rows[0].cells[1].text = "Ambrose Tillingham"
    t.rows[1].cells[0].text = "Telephone"; t.rows[1].cells[1].text = "020 7946 0838"
    doc.add_paragraph("4. The cost is met from the custody budget.")
    doc.add_paragraph("Contact: 020 7946 0912")
    doc.add_paragraph("2027 budget figures are set out below.")
    doc.save(path.with_suffix(".docx"))
    convert(path.with_suffix(".docx"), path)


def overrun(path: Path):
    """A header name above a heading, and a table whose name cells sit left of capitalised role cells."""
    doc = Document()
    doc.styles["Normal"].font.name = "Liberation Serif"
    doc.sections[0].header.paragraphs[0].text = "OFFICIAL – prepared by Lucinda Barraclough-Fenn"
    doc.add_heading("DMPC Decision – PCD 2104", 1)
    doc.add_paragraph("Title: Custody Staffing Review")
    doc.add_paragraph("Is the publication of Part 1 of this approval to be deferred? NO")
    doc.add_paragraph("Is there a Part 2 form – NO")
    doc.add_paragraph("1. The review visited every suite. The custody staff consulted were:")
    t = doc.add_table(rows=3, cols=3); t.style = "Table Grid"
    for r, (n, role) in enumerate([("Barnaby Blenkinsop", "Custody officer"), ("Cecily Cattermole", "Detention officer"),
                                    ("Dorian Drinkwater", "Custody sergeant")]):
        t.rows[r].cells[0].text = n; t.rows[r].cells[1].text = role; t.rows[r].cells[2].text = "Brixton"
    doc.add_paragraph("2. Custody Command accepted every recommendation.")
    doc.save(path.with_suffix(".docx"))
    convert(path.with_suffix(".docx"), path)


# ---------------------------------------- html ----------------------------------------
FONTS = "/usr/share/fonts/truetype"
SIGNATURE_IMAGE_NAME = "Hermione Blackwood-Tate"
SPACED_NAME = "Cornelius Abernethy"        # letter-spacing (Tc) and word-spacing (Tw)
SHADOW_NAME = "Philippa Strathearn"        # text-shadow: the glyphs are drawn twice
SVG_NAME = "Barnaby Fitzwilliam"           # SVG <text>
SMALLCAPS_NAME = "Octavia Pemberton"       # font-variant: small-caps
LIGATURE_NAME = "Jefferson Giffard"        # ff / ffi ligatures in a name
RTL_NAME = "יוסף כהן"                      # a Hebrew name in an English sentence
COLUMN_NAME = "Rosalind Featherstonehaugh"
ROTATED_NAME = "Leopold Vanderbilt-Moss"
ROTATED_PHONE = "020 7946 0652"
TABLE_EMAIL = "c.okonkwo-reyes@met.example.police.uk"
TABLE_NAME = "Chidi Okonkwo-Reyes"
TABLE_PHONE = "07700 900733"
PART2_NAME = "Sebastian Kettlewell"


def signature_png(text: str) -> bytes:
    font = ImageFont.truetype(f"{FONTS}/dejavu/DejaVuSerif-BoldItalic.ttf" if Path(
        f"{FONTS}/dejavu/DejaVuSerif-BoldItalic.ttf").exists() else f"{FONTS}/dejavu/DejaVuSerif.ttf", 40)
    img = Image.new("RGB", (620, 80), "white")
    ImageDraw.Draw(img).text((10, 15), text, fill=(20, 30, 110), font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


FILLER = ("The Violence Reduction Unit commissions youth outreach in the twelve boroughs with the highest rates of "
          "knife crime. Providers are paid by results and report every quarter on referrals, engagement and "
          "re-offending, and the unit publishes a summary of the evaluation each year.")


def html() -> str:
    sig = base64.b64encode(signature_png(SIGNATURE_IMAGE_NAME)).decode()
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
@font-face {{ font-family: WebSerif; src: url(file://{FONTS}/dejavu/DejaVuSerif.ttf); }}
@font-face {{ font-family: WebSans; src: url(file://{FONTS}/liberation/LiberationSans-Regular.ttf); }}
@page {{ size: A4; margin: 18mm; }}
body {{ font-family: WebSerif, serif; font-size: 10.5pt; line-height: 1.35; }}
h1, h2 {{ font-family: WebSans, sans-serif; }}
.cols {{ column-count: 2; column-gap: 8mm; text-align: justify; }}
.spaced {{ letter-spacing: 0.12em; word-spacing: 0.5em; }}
.shadow {{ text-shadow: 1px 1px 2px #888; }}
.sc {{ font-variant: small-caps; }}
.lig {{ font-variant-ligatures: common-ligatures discretionary-ligatures; font-family: WebSans; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ border: 1px solid #444; padding: 3px; }}
.landscape {{ break-before: page; height: 240mm; position: relative; }}
.landscape table {{ position: absolute; width: 230mm; top: 110mm; left: -55mm; transform: rotate(-90deg); }}
.p2 {{ break-before: page; }}
</style></head><body>
<h1>MOPAC MAYOR OF LONDON OFFICE FOR POLICING AND CRIME</h1>
<h2>DMPC Decision – PCD 2077</h2>
<p>Title: Violence Reduction Unit Youth Outreach Grants 2027/28</p>
<h2>Executive Summary:</h2>
<p>{FILLER}</p>
<h2>Recommendation:</h2>
<p>The Deputy Mayor for Policing and Crime is recommended to approve grants of £2.4m.</p>
<p>Signature</p>
<p><img src="data:image/png;base64,{sig}" style="width:62mm"></p>
<p>Date 14/02/2027</p>
<p>Is the publication of Part 1 of this approval to be deferred? NO</p>
<p>Is there a Part 2 form – YES</p>
<h2 style="break-before: page">PART I - NON-CONFIDENTIAL FACTS AND ADVICE TO THE DMPC</h2>
<div class="cols">
<p>1.1. {FILLER} The evaluation is led by Dr {COLUMN_NAME}, an independent researcher.</p>
<p>1.2. {FILLER}</p>
<p class="spaced">1.3. The grant agreements were negotiated by {SPACED_NAME} of the commercial team.</p>
<p>1.4. Feedback from young people was collected by <span class="shadow">{SHADOW_NAME}</span>, youth worker.</p>
<p>1.5. The unit's data analyst is <span class="sc">{SMALLCAPS_NAME}</span>, based at New Scotland Yard.</p>
<p class="lig">1.6. The efficient office staffing was reviewed by {LIGATURE_NAME} with official figures.</p>
<p>1.7. Interpretation for the family of <span dir="rtl" lang="he">{RTL_NAME}</span> was arranged by the unit.</p>
</div>
<svg width="160mm" height="14mm"><text x="0" y="30" font-family="WebSans" font-size="14">Case worker: {SVG_NAME}</text></svg>
<table><tr><th>Contact</th><th>Telephone</th><th>E-mail</th></tr>
<tr><td>{TABLE_NAME}</td><td>{TABLE_PHONE}</td><td>{TABLE_EMAIL}</td></tr></table>
<div class="landscape"><table><tr><th>Borough</th><th>Provider</th><th>Lead worker</th><th>Telephone</th><th>Grant</th></tr>
<tr><td>Lambeth</td><td>Southbank Youth Trust</td><td>{ROTATED_NAME}</td><td>{ROTATED_PHONE}</td><td>£310,000</td></tr>
<tr><td>Newham</td><td>East Side Futures</td><td>not yet appointed</td><td>none</td><td>£285,000</td></tr></table></div>
<div class="p2"><h2>PART 2 – CONFIDENTIAL FACTS AND ADVICE TO THE DMPC</h2>
<p>FOIA Sec 43 Commercial interests The paper will be exempt until 01/04/2028 in accordance with MPS policy pending review.</p>
<p>Two providers were found to have overstated outcomes; the referral was made by {PART2_NAME}.</p></div>
</body></html>"""


def print_pdf(html_text: str, out_pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "paper.html"
        src.write_text(html_text, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--allow-file-access-from-files", f"--user-data-dir={tmp}/profile",
                        f"--print-to-pdf={out_pdf}", src.as_uri()], check=True, capture_output=True, timeout=120)


# ---------------------------------------- scan ----------------------------------------
def scanned(src_pdf: Path, out_pdf: Path, dpi: int = 100, pages=None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src_pdf), f"{tmp}/p"], check=True)
        ims = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("p-*.png"))]
        ims[0].save(out_pdf, "PDF", resolution=dpi, save_all=True, append_images=ims[1:])


# ---------------------------------------- ocr ----------------------------------------
def ocr_scan(src_pdf: Path, out_pdf: Path, dpi: int = 100) -> None:
    src = pikepdf.open(src_pdf)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src_pdf), f"{tmp}/p"], check=True)
        pngs = sorted(Path(tmp).glob("p-*.png"))
        for page, png in zip(src.pages, pngs):
            im = Image.open(png).convert("L")
            buf = io.BytesIO(); im.save(buf, "JPEG", quality=60)
            img = Stream(src, buf.getvalue())
            img.update(Dictionary(Type=Name.XObject, Subtype=Name.Image, Width=im.width, Height=im.height,
                                  ColorSpace=Name.DeviceGray, BitsPerComponent=8, Filter=Name.DCTDecode))
            res = page.obj.Resources = src.make_indirect(Dictionary({k: v for k, v in page.obj.Resources.items()}))
            res.XObject = Dictionary({k: v for k, v in res.XObject.items()}) if '/XObject' in res else Dictionary()
            res.XObject.ScanImg = src.make_indirect(img)
            w, h = float(page.mediabox[2]), float(page.mediabox[3])
            old = page.obj.Contents
            olds = [old] if isinstance(old, pikepdf.Stream) else list(old)
            data = b"\n".join(s.read_bytes() for s in olds)
            # the visible page is the picture; the original text is kept invisible (render mode 3), paths dropped
            # by clipping them to nothing is not possible, so the text layer is drawn with 3 Tr set in every BT
            data = data.replace(b"BT", b"BT 3 Tr")
            new = b"q %f 0 0 %f 0 0 cm /ScanImg Do Q\nq 0 0 0 0 re W n\nQ\n" % (w, h)
            # keep text only: drop painting of paths by setting a zero clip around the original content except text
            page.obj.Contents = Stream(src, new + b"q\n" + data + b"\nQ\n")
    src.save(out_pdf)


# ---------------------------------------- pike ----------------------------------------
TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
A4 = [0, 0, 595, 842]


def _head(y0: float = 780, x0: float = 60) -> str:
    """The usual first lines of a decision paper, in Helvetica (/F1), as content-stream operators."""
    lines = [
        (14, "MOPAC MAYOR OF LONDON OFFICE FOR POLICING AND CRIME"),
        (12, "DMPC Decision \x96 PCD 2090"),
        (11, "Title: Automatic Number Plate Recognition Camera Renewal"),
        (11, "The Deputy Mayor is asked to approve \xa3640,000 to renew forty ANPR cameras on the strategic road"),
        (11, "network, replacing units that are beyond their supported life and no longer meet the standard."),
        (11, "Is the publication of Part 1 of this approval to be deferred? NO"),
        (11, "Is there a Part 2 form \x96 NO"),
    ]
    out, y = [], y0
    for size, text in lines:
        out.append(f"BT /F1 {size} Tf 1 0 0 1 {x0} {y} Tm ({_esc(text)}) Tj ET")
        y -= size + 10
    return "\n".join(out) + "\n"


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _new(page_box=A4, extra_resources: dict | None = None) -> tuple[pikepdf.Pdf, dict]:
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                        Encoding=Name.WinAnsiEncoding))
    res = Dictionary(Font=Dictionary(F1=font))
    for k, v in (extra_resources or {}).items():
        res[k] = v
    return pdf, res


def _add_page(pdf, res, contents, box=A4, **attrs):
    streams = [Stream(pdf, c.encode("latin-1") if isinstance(c, str) else c) for c in contents]
    page = Dictionary(Type=Name.Page, MediaBox=Array(box), Resources=res,
                      Contents=streams[0] if len(streams) == 1 else Array([pdf.make_indirect(s) for s in streams]))
    for k, v in attrs.items():
        page["/" + k] = v
    pdf.pages.append(pikepdf.Page(page))


def _save(pdf, path: Path, **kw) -> None:
    pdf.save(path, deterministic_id=True, **kw)


# --- cases -------------------------------------------------------------------------------------------------

def split_contents(path: Path) -> None:
    """/Contents is an array of streams and one text object (and a q/Q pair) runs across three of them."""
    pdf, res = _new()
    s1 = _head() + "q BT /F1 11 Tf 1 0 0 1 60 560 Tm (Report author: Detective Sergeant ) Tj\n"
    s2 = "(Edmund Hargreave) Tj ( telephone ) Tj\n"
    s3 = "(020 7946 0555.) Tj ET Q\nBT /F1 11 Tf 60 530 Td (The cameras are maintained under the existing contract.) Tj ET\n"
    _add_page(pdf, res, [s1, s2, s3])
    _save(pdf, path)


def _signature_gray(text: str, w=300, h=40) -> Image.Image:
    img = Image.new("L", (w, h), 235)
    ImageDraw.Draw(img).text((6, 6), text, fill=20, font=ImageFont.truetype(TTF, 22))
    return img


def inline_image(path: Path) -> None:
    """Inline images (BI/ID/EI): a signature as pixels, and a grey highlight drawn under a name."""
    pdf, res = _new()
    sig = _signature_gray("Wilfred Ashdown-Pryce")
    sig_hex = sig.tobytes().hex().encode() + b">"
    hl = Image.new("L", (60, 4), 200).tobytes()
    # binary inline data whose bytes include " EI " to trip naive parsers
    hl = hl[:20] + b" EI " + hl[24:]
    body = _head().encode("latin-1")
    body += b"BT /F1 11 Tf 1 0 0 1 60 560 Tm (Signature) Tj ET\n"
    body += (b"q 200 0 0 27 60 525 cm BI /W 300 /H 40 /BPC 8 /CS /G /F /AHx ID\n" + sig_hex + b"\nEI Q\n")
    body += (b"q 180 0 0 14 198 486 cm BI /W 60 /H 4 /BPC 8 /CS /G ID\n" + hl + b"\nEI Q\n")
    body += b"BT /F1 11 Tf 1 0 0 1 60 490 Tm (Signed for the MPS by Wilfred Ashdown-Pryce, Chief Inspector.) Tj ET\n"
    body += b"BT /F1 11 Tf 1 0 0 1 60 460 Tm (The cameras are maintained under the existing contract.) Tj ET\n"
    _add_page(pdf, res, [body])
    _save(pdf, path)


def rotate_90(path: Path) -> None:
    """A page with /Rotate 90 (a landscape page stored portrait), text drawn in its unrotated space."""
    pdf, res = _new()
    body = _head() + ("BT /F1 11 Tf 1 0 0 1 60 560 Tm (Report author: Inspector Marguerite Oyelaran, telephone "
                      "07700 900341.) Tj ET\nBT /F1 11 Tf 1 0 0 1 60 530 Tm (The cameras are maintained under the "
                      "existing contract.) Tj ET\n")
    _add_page(pdf, res, [body], Rotate=90)
    _save(pdf, path)


def mediabox_origin(path: Path) -> None:
    """MediaBox that does not start at 0,0 (cropped scans and imposed pages have these), CropBox inside it."""
    pdf, res = _new()
    dx, dy = 100, 200
    body = f"1 0 0 1 {dx} {dy} cm\n" + _head() + ("BT /F1 11 Tf 1 0 0 1 60 560 Tm (Report author: Sergeant Ptolemy "
                                                   "Fairbrother, telephone 020 7946 0277.) Tj ET\nBT /F1 11 Tf 1 0 0 1 "
                                                   "60 530 Tm (The cameras are maintained under the existing contract.)"
                                                   " Tj ET\n")
    box = [dx, dy, dx + 595, dy + 842]
    _add_page(pdf, res, [body], box=box, CropBox=Array([dx + 20, dy + 20, dx + 575, dy + 822]))
    _save(pdf, path)


def nested_forms(path: Path) -> None:
    """Form XObjects three deep, each with its own /Matrix and cm; the outer form drawn twice."""
    pdf, res = _new()
    fonts = res.Font
    inner = Stream(pdf, b"BT /F1 10 Tf 0 0 Td (Contact: Araminta Polglase, 07700 900888) Tj ET")
    inner.update(Dictionary(Type=Name.XObject, Subtype=Name.Form, BBox=[0, -5, 400, 15],
                            Resources=Dictionary(Font=fonts)))
    inner = pdf.make_indirect(inner)
    mid = Stream(pdf, b"q 1.1 0 0 1.1 5 0 cm /Fi Do Q BT /F1 9 Tf 0 20 Td (Middle form text) Tj ET")
    mid.update(Dictionary(Type=Name.XObject, Subtype=Name.Form, BBox=[0, -5, 500, 40], Matrix=[1, 0, 0, 1, 10, 0],
                          Resources=Dictionary(Font=fonts, XObject=Dictionary(Fi=inner))))
    mid = pdf.make_indirect(mid)
    outer = Stream(pdf, b"q 1 0 0 1 0 0 cm /Fm Do Q")
    outer.update(Dictionary(Type=Name.XObject, Subtype=Name.Form, BBox=[0, -5, 520, 45],
                            Matrix=[0.9, 0, 0, 0.9, 0, 0],
                            Resources=Dictionary(XObject=Dictionary(Fm=mid))))
    outer = pdf.make_indirect(outer)
    res.XObject = Dictionary(Fo=outer)
    body = _head() + ("q 1 0 0 1 60 540 cm /Fo Do Q\nq 1 0 0 1 60 420 cm /Fo Do Q\n"
                      "BT /F1 11 Tf 1 0 0 1 60 380 Tm (The cameras are maintained under the existing contract.) Tj ET\n")
    _add_page(pdf, res, [body])
    _save(pdf, path)


def _cmap_stream(pdf, code_to_cid: dict[int, int]):
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def",
             "/CMapName /QA-OneByte def", "/CMapType 1 def",
             "1 begincodespacerange", "<00> <FF>", "endcodespacerange", f"{len(code_to_cid)} begincidchar"]
    lines += [f"<{c:02X}> {cid}" for c, cid in sorted(code_to_cid.items())]
    lines += ["endcidchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    s = Stream(pdf, "\n".join(lines).encode())
    s.update(Dictionary(Type=Name.CMap, CMapName=Name("/QA-OneByte"),
                        CIDSystemInfo=Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0)))
    return pdf.make_indirect(s)


def _subset_keep_gids(ttf: str, codes: set[int]) -> bytes:
    from fontTools import subset
    opts = subset.Options()
    opts.retain_gids = True
    opts.notdef_outline = True
    font = subset.load_font(ttf, opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=codes)
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


def type0_custom_cmap(path: Path) -> None:
    """A Type0 font whose /Encoding is an embedded one-byte CMap (not Identity-H): codes are ASCII bytes,
    CIDs are DejaVu glyph ids. Text in the raw stream is readable ASCII; widths come from /W by CID."""
    from fontTools.ttLib import TTFont
    tt = TTFont(TTF)
    cmap = tt.getBestCmap()
    order = tt.getGlyphOrder()
    gid = {n: i for i, n in enumerate(order)}
    hmtx = tt["hmtx"]
    upm = tt["head"].unitsPerEm
    code_to_cid, widths, tounicode = {}, {}, []
    for code in range(32, 127):
        name = cmap.get(code)
        if name is None:
            continue
        cid = gid[name]
        code_to_cid[code] = cid
        widths[cid] = round(hmtx[name][0] * 1000 / upm)
        tounicode.append(f"<{code:02X}> <{code:04X}>")
    pdf = pikepdf.new()
    font_bytes = _subset_keep_gids(TTF, set(code_to_cid))
    fontfile = Stream(pdf, font_bytes)
    fontfile.Length1 = len(font_bytes)
    desc = pdf.make_indirect(Dictionary(Type=Name.FontDescriptor, FontName=Name("/DejaVuSans"), Flags=32,
                                        FontBBox=[-1021, -463, 1793, 1232], ItalicAngle=0, Ascent=928,
                                        Descent=-236, CapHeight=729, StemV=80, FontFile2=pdf.make_indirect(fontfile)))
    w = Array()
    for cid in sorted(widths):
        w.append(cid)
        w.append(Array([widths[cid]]))
    cidfont = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/DejaVuSans"),
                                           CIDSystemInfo=Dictionary(Registry="Adobe", Ordering="Identity",
                                                                    Supplement=0),
                                           FontDescriptor=desc, DW=600, W=w, CIDToGIDMap=Name.Identity))
    tu = "\n".join(["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                    "/CMapName /QA-UCS def", "/CMapType 2 def", "1 begincodespacerange", "<00> <FF>",
                    "endcodespacerange", f"{len(tounicode)} beginbfchar", *tounicode, "endbfchar", "endcmap",
                    "CMapName currentdict /CMap defineresource pop", "end", "end"])
    font0 = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/DejaVuSans"),
                                         Encoding=_cmap_stream(pdf, code_to_cid), DescendantFonts=[cidfont],
                                         ToUnicode=pdf.make_indirect(Stream(pdf, tu.encode()))))
    helv = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                        Encoding=Name.WinAnsiEncoding))
    res = Dictionary(Font=Dictionary(F1=helv, F2=font0))
    body = _head() + ("BT /F2 11 Tf 1 0 0 1 60 560 Tm (Report author: Detective Constable Isadora Quennell, telephone "
                      "020 7946 0919.) Tj ET\nBT /F2 11 Tf 1 0 0 1 60 530 Tm (The cameras are maintained under the "
                      "existing contract with the supplier.) Tj ET\n")
    _add_page(pdf, res, [body])
    _save(pdf, path)


def scaling_and_rise(path: Path) -> None:
    """Horizontal scaling (Tz), text rise (Ts), character and word spacing (Tc/Tw) inside one line."""
    pdf, res = _new()
    body = _head() + ("BT /F1 11 Tf 1 0 0 1 60 560 Tm (Report author: ) Tj 70 Tz 0.4 Tc 2 Tw (Sergeant Bartholomew "
                      "Quigley-Ness) Tj 100 Tz 0 Tc 0 Tw (, telephone ) Tj 3 Ts (07700 ) Tj -2 Ts (900) Tj 0 Ts "
                      "( 214.) Tj ET\nBT /F1 11 Tf 1 0 0 1 60 530 Tm 85 Tz (The cameras are maintained under the "
                      "existing contract with the supplier.) Tj ET\n")
    _add_page(pdf, res, [body])
    _save(pdf, path)


def pattern_and_clip(path: Path) -> None:
    """Text filled with a tiling pattern, and text used as a clipping path (Tr 7) that a grey rectangle shows."""
    pdf, res = _new()
    tile = Stream(pdf, b"0 0 0.5 rg 0 0 2 2 re f 0.3 0 0 rg 2 2 2 2 re f")
    tile.update(Dictionary(Type=Name.Pattern, PatternType=1, PaintType=1, TilingType=1, BBox=[0, 0, 4, 4],
                           XStep=4, YStep=4, Resources=Dictionary()))
    res.Pattern = Dictionary(P1=pdf.make_indirect(tile))
    body = _head() + (
        "q /Pattern cs /P1 scn BT /F1 12 Tf 1 0 0 1 60 560 Tm (Report author: Inspector Cordelia Vantongeren, "
        "telephone 020 7946 0166.) Tj ET Q\n"
        "q BT /F1 12 Tf 7 Tr 1 0 0 1 60 520 Tm (Reviewed by Superintendent Lysander Whitcombe-Hale.) Tj ET "
        "0.2 g 50 510 520 30 re f Q\n"
        "BT /F1 11 Tf 1 0 0 1 60 480 Tm (The cameras are maintained under the existing contract.) Tj ET\n")
    _add_page(pdf, res, [body])
    _save(pdf, path)


def annotations(path: Path) -> None:
    """The name in an annotation's /Contents, /T (author) and a FreeText appearance; name also in the text."""
    pdf, res = _new()
    body = _head() + ("BT /F1 11 Tf 1 0 0 1 60 560 Tm (Report author: Sergeant Evangeline Trelawney, telephone "
                      "020 7946 0388.) Tj ET\nBT /F1 11 Tf 1 0 0 1 60 530 Tm (The cameras are maintained under the "
                      "existing contract.) Tj ET\n")
    _add_page(pdf, res, [body])
    page = pdf.pages[0]
    ap = Stream(pdf, b"BT /F1 9 Tf 2 4 Td (Ask Evangeline Trelawney) Tj ET")
    ap.update(Dictionary(Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, 150, 16],
                         Resources=Dictionary(Font=res.Font)))
    a1 = Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=[400, 700, 420, 720],
                    Contents=pikepdf.String("Check figures with Evangeline Trelawney 020 7946 0388"),
                    T=pikepdf.String("Evangeline Trelawney"), M="D:20270301120000Z")
    a2 = Dictionary(Type=Name.Annot, Subtype=Name.FreeText, Rect=[380, 600, 530, 616],
                    Contents=pikepdf.String("Ask Evangeline Trelawney"), DA=pikepdf.String("/F1 9 Tf 0 g"),
                    T=pikepdf.String("Evangeline Trelawney"), AP=Dictionary(N=pdf.make_indirect(ap)))
    page.Annots = Array([pdf.make_indirect(a1), pdf.make_indirect(a2)])
    _save(pdf, path)


def _base_for_saves(path: Path) -> pikepdf.Pdf:
    pdf, res = _new()
    body = _head() + ("BT /F1 11 Tf 1 0 0 1 60 560 Tm (Report author: Constable Florentyna Haverstock, telephone "
                      "07700 900651.) Tj ET\nBT /F1 11 Tf 1 0 0 1 60 530 Tm (The cameras are maintained under the "
                      "existing contract.) Tj ET\n")
    _add_page(pdf, res, [body])
    return pdf


def object_streams(path: Path) -> None:
    _save(_base_for_saves(path), path, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def linearized(path: Path) -> None:
    _save(_base_for_saves(path), path, linearize=True)


def pdf20(path: Path) -> None:
    pdf = _base_for_saves(path)
    pdf.save(path, deterministic_id=True, force_version="2.0")


CASES = [split_contents, inline_image, rotate_90, mediabox_origin, nested_forms, type0_custom_cmap,
         scaling_and_rise, pattern_and_clip, annotations, object_streams, linearized, pdf20]



# ---------------------------------------- main ----------------------------------------

def _docx_pdf(make, out: Path, filter_opts: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / (out.stem + ".docx")
        make(docx)
        convert(docx, out, filter_opts)


def _word_paper(path: Path) -> None:
    _docx_pdf(word_paper, path)


def _word_tagged(path: Path) -> None:
    _docx_pdf(word_paper, path, TAGGED)


def _word_pdfa2(path: Path) -> None:
    _docx_pdf(word_paper, path, PDFA2)


def _html_css(path: Path) -> None:
    print_pdf(html(), path)


def _scanned(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "word.pdf"
        _word_paper(src)
        scanned(src, path, 60)


def _scanned_page1(path: Path) -> None:
    """A text paper whose first page (the signed front sheet) was scanned back in as a picture."""
    with tempfile.TemporaryDirectory() as tmp:
        src, scan = Path(tmp) / "word.pdf", Path(tmp) / "scan.pdf"
        _word_paper(src)
        scanned(src, scan, 60)
        text, pic = pikepdf.open(src), pikepdf.open(scan)
        out = pikepdf.new()
        out.pages.append(pic.pages[0])
        out.pages.extend(text.pages[1:])
        out.save(path, deterministic_id=True)


def _ocr_scan(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "word.pdf"
        _word_paper(src)
        ocr_scan(src, path, 72)


def _numbered(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        numbered(Path(tmp) / path.name)
        shutil.move(Path(tmp) / path.name, path)


def _overrun(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        overrun(Path(tmp) / path.name)
        shutil.move(Path(tmp) / path.name, path)


MAKERS = {
    "word_paper": _word_paper, "word_tagged": _word_tagged, "word_pdfa2": _word_pdfa2,
    "phone_before_number": _numbered, "name_overrun_table": _overrun,
    "html_css": _html_css, "scanned": _scanned, "scanned_page1": _scanned_page1, "ocr_scan": _ocr_scan,
    **{case.__name__: case for case in CASES},
}


def main(names: list[str]) -> None:
    for name in names or MAKERS:
        MAKERS[name](HERE / f"{name}.pdf")
        print(name, (HERE / f"{name}.pdf").stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
