"""The second never-seen scan set (tests/scans/never_seen2/): seven scanned and mixed papers from bodies,
wording, people, fonts, layouts and faults that no earlier set used, committed before any engine (OCR,
detection, redaction) read them. It is measured once (``bench/ocr.py --never-seen2``) and never tuned on.

Three producers write the papers: Chromium prints HTML in URW fonts (a licensing hearing notice, a police FOI
reply that is then photographed), reportlab draws the others (a tribunal letter, a disciplinary outcome with a
table of attendees, a two-column board paper, a text page with an e-mail thread as a picture) and LibreOffice
Writer prints a housing association's letter that is then faxed (when ``soffice`` is missing, Chromium prints
the same HTML and the manifest says so). Rasterised by poppler's ``pdftoppm`` or by pdfium. Faults: speckle,
grey paper, skew, JPEG (make_scans.py), and new here: a phone photo (perspective, uneven light), a fax
(binarised), small print (8 pt), mid-grey print, a name in a table cell, a number followed by ``ext. 4412``.

    .venv/bin/python -m tests.scans.make_never_seen2     # writes tests/scans/never_seen2/*.pdf and manifest.json

The manifest has the keys bench/ocr.py and judge.py read (``dpi``, ``noise``, ``planted``, ``ordinary``,
``part2``) plus ``kept`` (office holders acting in their role, which a redaction should leave), ``producer``
and ``degradation``. Every planted and kept value is checked against the source of the page it names: the
text of the source PDF before it was rasterised (read with pdfium's text API, so a value a layout broke over
two lines fails), or the words drawn as pixels (a screenshot, a fax header, a signature). No character of a
source PDF may come nearer than 10 mm to the edge of its page. All people are fictional; every number is
from Ofcom's drama ranges.
"""

from __future__ import annotations

import html
import io
import json
import random
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle)

from tests.scans.make_scans import _as_pdf, _jpeg, _render, _scan

OUT = Path(__file__).parent / "never_seen2"
FONTS = Path("/usr/share/fonts")
_TTF = {
    "DVSans": FONTS / "truetype/dejavu/DejaVuSans.ttf",
    "DVSans-Bold": FONTS / "truetype/dejavu/DejaVuSans-Bold.ttf",
    "DVSansCond": FONTS / "truetype/dejavu/DejaVuSansCondensed.ttf",
    "DVSansCond-Bold": FONTS / "truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    "Narrow": FONTS / "truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "Narrow-Bold": FONTS / "truetype/liberation/LiberationSansNarrow-Bold.ttf",
    "LibSerif": FONTS / "truetype/liberation/LiberationSerif-Regular.ttf",
    "LibSerif-Bold": FONTS / "truetype/liberation/LiberationSerif-Bold.ttf",
    "LibMono": FONTS / "truetype/liberation/LiberationMono-Regular.ttf",
}
_OTF = {  # PIL only (reportlab cannot embed CFF fonts)
    "hand": FONTS / "opentype/urw-base35/Z003-MediumItalic.otf",
    "gothic": FONTS / "opentype/urw-base35/URWGothic-Book.otf",
    "nimbus": FONTS / "opentype/urw-base35/NimbusSans-Regular.otf",
    "nimbus-bold": FONTS / "opentype/urw-base35/NimbusSans-Bold.otf",
}
EDGE = 10 * mm  # no source character nearer the page's edge than this


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\ufffe", "").replace("\x02", "")
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Paper:
    """What one paper says, page by page, and what was planted in it (value, type, page)."""

    planted: list[tuple[str, str, int]] = field(default_factory=list)
    kept: list[tuple[str, str, int, str]] = field(default_factory=list)  # value, type, page, role
    ordinary: list[str] = field(default_factory=list)
    part2: list[str] = field(default_factory=list)
    source: dict[int, str] = field(default_factory=dict)  # text of the source PDF's page, read by pdfium
    pixels: dict[int, list[str]] = field(default_factory=dict)  # words drawn as pixels on the page

    def draw(self, page: int, *texts: str) -> None:
        self.pixels.setdefault(page, []).extend(texts)

    def read_source(self, data: bytes, first_page: int = 1) -> None:
        """The source PDF's text, page by page (before rasterising); and no character runs off the margin."""
        doc = pdfium.PdfDocument(data)
        try:
            for i in range(len(doc)):
                page = doc[i]
                width, height = page.get_size()
                text = page.get_textpage()
                for k in range(text.count_chars()):
                    if text.get_text_range(k, 1).isspace():
                        continue
                    left, bottom, right, top = text.get_charbox(k)
                    if left < EDGE or bottom < EDGE or right > width - EDGE or top > height - EDGE:
                        raise AssertionError(f"page {first_page + i}: {text.get_text_range(k, 1)!r} runs off "
                                             f"the margin at ({left:.0f}, {bottom:.0f}, {right:.0f}, {top:.0f})")
                self.source[first_page + i] = self.source.get(first_page + i, "") + " " + text.get_text_range()
        finally:
            doc.close()

    def _on(self, page: int) -> list[str]:
        return [_norm(self.source.get(page, ""))] + [_norm(t) for t in self.pixels.get(page, [])]

    def check(self, name: str) -> None:
        """Every planted and kept value is written, unbroken, on the page the manifest names."""
        for value, _, page, *_ in [*self.planted, *self.kept]:
            if not any(_norm(value) in text for text in self._on(page)):
                raise AssertionError(f"{name}: {value!r} is not written on page {page}")
        everything = [t for page in {*self.source, *self.pixels} for t in self._on(page)]
        for sentence in [*self.ordinary, *self.part2]:
            if not any(_norm(sentence) in t for t in everything):
                raise AssertionError(f"{name}: sentence not in the paper: {sentence!r}")


# --- producers and rasterisers --------------------------------------------------------------------------------

_UNBROKEN: list[str] = []  # the values of the paper being written: no layout may break them over two lines


def _unbroken(paper: Paper) -> None:
    _UNBROKEN[:] = [v for v, *_ in [*paper.planted, *paper.kept]]


def _e(text: str) -> str:
    """HTML-escaped, every planted or kept value in a span that does not wrap."""
    out = html.escape(text, quote=False)
    for value in sorted(_UNBROKEN, key=len, reverse=True):
        v = html.escape(value, quote=False)
        if v in out:
            out = out.replace(v, f'<span style="white-space: nowrap">{v}</span>')
    return out


def _p(text: str) -> str:
    """reportlab Paragraph markup: escaped, and the spaces of a planted value made non-breaking."""
    out = html.escape(text, quote=False)
    for value in sorted(_UNBROKEN, key=len, reverse=True):
        v = html.escape(value, quote=False)
        if v in out:
            out = out.replace(v, v.replace(" ", "&nbsp;"))
    return out


def _html_doc(pages: list[str], css: str, margin: str = "20mm") -> str:
    body = "".join(f'<section style="break-after: page">{p}</section>' for p in pages)
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>@page {{ size: A4; margin: {margin} }} "
            f"{css}</style></head><body>{body}</body></html>")


def _chromium(doc: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "paper.html", Path(tmp) / "paper.pdf"
        source.write_text(doc, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={target}", source.as_uri()],
                       capture_output=True, timeout=180, check=True)
        return target.read_bytes()


def _libreoffice(doc: str) -> bytes:
    """LibreOffice Writer opens the HTML as a text document and exports it to PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "letter.html"
        source.write_text(doc, encoding="utf-8")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "pdf:writer_pdf_Export", "--infilter=HTML (StarWriter)", "--outdir", tmp, str(source)],
                       capture_output=True, timeout=300, check=True)
        return (Path(tmp) / "letter.pdf").read_bytes()


def _pdftoppm(data: bytes, dpi: int) -> list[Image.Image]:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "in.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "in.pdf", "page"], cwd=tmp, check=True,
                       capture_output=True, timeout=180)
        return [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("page-*.png"))]


def _register_fonts() -> None:
    for name, path in _TTF.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _lines(c: canvas.Canvas, lines: list[tuple], x: float, y: float) -> float:
    """One line per entry (text, font, size[, grey]); a line past the right margin is an error here."""
    for text, font, size, *grey in lines:
        if text:
            if x + pdfmetrics.stringWidth(text, font, size) > A4[0] - 40:
                raise ValueError(f"line too long for the page: {text!r}")
            c.setFont(font, size)
            c.setFillGray(grey[0] if grey else 0)
            c.drawString(x, y, text)
        y -= size * 1.5
    c.setFillGray(0)
    return y


def _pdf_pages(*parts: bytes) -> bytes:
    import pikepdf

    first = pikepdf.open(io.BytesIO(parts[0]))
    for more in parts[1:]:
        first.pages.extend(pikepdf.open(io.BytesIO(more)).pages)
    out = io.BytesIO()
    first.save(out, deterministic_id=True)
    return out.getvalue()


def _photographed(image: Image.Image, rng: random.Random, *, skew: float) -> Image.Image:
    """A phone photo of a sheet on a desk: tilted, a little keystoned (the top further away), light falling
    off from the top left to a shadow at the bottom right, and soft."""
    w, h = image.size
    image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=255, expand=False)
    k = int(w * 0.018)  # the top edge is further away: map a wider quad at the top onto the frame
    image = image.transform((w, h), Image.QUAD, (-k, -k // 2, -k // 3, h, w + k // 3, h, w + k, -k // 2),
                            resample=Image.BICUBIC, fillcolor=120)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1.0 - 0.30 * (xx / w * 0.45 + yy / h * 0.55) ** 1.6  # 1.0 top left, about 0.70 bottom right
    light -= 0.06 * np.exp(-((xx - 0.8 * w) ** 2 + (yy - 0.15 * h) ** 2) / (2 * (0.12 * w) ** 2))  # a hand's shadow
    pixels = np.asarray(image, dtype=np.float32) * 0.9 + 12
    pixels = pixels * light + np.random.default_rng(rng.randrange(2**32)).normal(0, 4, (h, w)).astype(np.float32)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    return image.filter(ImageFilter.GaussianBlur(0.8))


def _faxed(image: Image.Image, rng: random.Random) -> Image.Image:
    """A fax: a soft, slightly dirty picture cut to black and white at a fixed threshold, with a line of
    dropped pixels where the paper slipped."""
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    px = image.load()
    w, h = image.size
    for _ in range(w * h // 900):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((0, 90, 255))
    bw = image.point(lambda v: 0 if v < 150 else 255, "L")
    d = ImageDraw.Draw(bw)
    slip = int(h * 0.61)
    d.line((0, slip, w, slip), fill=255, width=1)
    return bw.convert("1")


def _bilevel_pdf(pictures: list[Image.Image]) -> bytes:
    """Each black-and-white picture as a whole A4 page (a fax server's PDF), compressed losslessly."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for im in pictures:
        c.drawImage(ImageReader(im.convert("L")), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


# --- 1. District council licensing hearing notice: Chromium (C059), 300 dpi, small print, ext. 4412 ----------


def licensing() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "brackenmoor.example.gov.uk"
    applicant = ("Kwesi Oduro-Fairweather", "0113 496 0815", "k.oduro-fairweather@lanterntap.example.co.uk")
    objector = ("Maëlle Tremblay-Hughes", "07700 900248")
    officer = ("Cathán Ó Tuathail", "01632 960417", f"cathan.otuathail@{dom}")
    support = ("Devika Subramanyam-Lowe", "0117 496 0934")
    chair = "Rosalind Vandenbroucke"
    p.ordinary = ["The premises would open until midnight on Fridays and Saturdays and close at eleven on other days.",
                  "Residents in Tanner's Yard are worried about noise from the rear smoking area."]
    page1 = [
        "Brackenmoor District Council",
        "Licensing Act 2003 - Notice of hearing",
        "Application for a premises licence: The Lantern Tap, 4 Cooper's Row, Brackenmoor",
        f"The applicant, {applicant[0]}, seeks a licence to sell alcohol and to play recorded music.",
        p.ordinary[0],
        "One relevant representation was received during the consultation period.",
        f"The representation was made by {objector[0]}, who lives near the premises and may be reached on "
        f"{objector[1]}.",
        p.ordinary[1],
        f"The hearing will be chaired by the Chair of the Licensing Sub-Committee, Councillor {chair}.",
        "Date of hearing: Thursday 16 January 2031 at 10.00am, Committee Room 3, Brackenmoor Town Hall.",
    ]
    page2 = [
        "Procedure at the hearing",
        "Each party will have equal time, normally ten minutes, to address the Sub-Committee.",
        "The Sub-Committee may take into account documentary evidence submitted before the hearing.",
        f"The applicant's agent asked that papers be sent to {applicant[2]}, telephone {applicant[1]}.",
        f"Contact: {officer[0]}, Senior Licensing Officer, {officer[1]} ext. 4412, {officer[2]}",
        f"Representations summarised by {support[0]}, Licensing Support, telephone {support[1]}. "
        "This notice is given under regulation 6 of the Licensing Act 2003 (Hearings) Regulations 2005.",
    ]
    p.planted = [(applicant[0], "PERSON", 1), (objector[0], "PERSON", 1), (objector[1], "PHONE_NUMBER", 1),
                 (applicant[2], "EMAIL_ADDRESS", 2), (applicant[1], "PHONE_NUMBER", 2),
                 (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2), (officer[2], "EMAIL_ADDRESS", 2),
                 (support[0], "PERSON", 2), (support[1], "PHONE_NUMBER", 2)]
    p.kept = [(chair, "PERSON", 1, "Chair of the Licensing Sub-Committee, chairing the hearing")]
    _unbroken(p)
    css = ("body { font-family: 'C059'; font-size: 11.5pt; line-height: 1.5 } h1 { font-size: 16pt; margin: 2mm 0 }"
           " .crest { font-family: 'URW Gothic'; font-size: 13pt; letter-spacing: 2px; text-transform: uppercase;"
           " border-bottom: 3px double #000; padding-bottom: 3px } .when { border: 1.5px solid #000; padding: 8px }"
           " .small { font-size: 8pt; line-height: 1.3; border-top: 1px solid #000; margin-top: 14mm;"
           " padding-top: 4px } .contact { margin-top: 9mm }")
    html1 = (f"<div class=crest>{_e(page1[0])}</div><h1>{_e(page1[1])}</h1><p><b>{_e(page1[2])}</b></p>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1[3:9]) + f"<p class=when>{_e(page1[9])}</p>")
    html2 = (f"<h2>{_e(page2[0])}</h2>" + "".join(f"<p>{_e(t)}</p>" for t in page2[1:4])
             + f"<p class=contact>{_e(page2[4])}</p><p class=small>{_e(page2[5])}</p>")
    source = _chromium(_html_doc([html1, html2], css))
    p.read_source(source)
    rng = random.Random(6201)
    pages = _pdftoppm(source, 300)
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=0.3), 55) for im in pages]), p


# --- 2. NHS mental health tribunal letter: reportlab (DejaVu Sans), 150 dpi noisy, a mid-grey cc line --------


def tribunal() -> tuple[bytes, Paper]:
    _register_fonts()
    p = Paper()
    dom = "fenwold.example.nhs.uk"
    patient = "Tadhg de Búrca"
    admin = ("Temitope Fairbrother-Ncube", "0121 496 0708", f"temitope.fairbrother-ncube@{dom}")
    relative = ("Sinéad van der Zande", "07700 900155")
    advocate = ("Ravinder K. Sohal", "+44 117 496 0561")
    solicitor = ("Jonah Abernathy-Osei", "j.abernathy-osei@holtlaw.example.co.uk")
    judge = "Hilary Trelawny-Bassett"
    f, fb = "DVSans", "DVSans-Bold"
    p.ordinary = ["The hearing will take place by video link from the ward's quiet room.",
                  "You may bring a friend or relative to the hearing for support."]
    page1 = [
        ("Fenwold Partnership NHS Foundation Trust", fb, 13), ("Mental Health Act Office", f, 10.5),
        ("Ashby Lodge, Fenwold FN4 2QT", f, 10), ("", f, 10),
        ("Private and confidential", fb, 10.5), (f"Mr {patient}", f, 10.5), ("Rowan Ward", f, 10.5),
        ("", f, 10), ("Date: 4 December 2030", f, 10.5), ("", f, 10),
        ("Your application to the First-tier Tribunal (Mental Health)", fb, 11), ("", f, 10),
        ("The Tribunal has listed your application for 8 January 2031 at 2pm.", f, 10.5),
        (p.ordinary[0], f, 10.5),
        (p.ordinary[1], f, 10.5), ("", f, 10),
        (f"The hearing will be chaired by Tribunal Judge {judge}.", f, 10.5), ("", f, 10),
        (f"If you have questions, please contact {admin[0]},", f, 10.5),
        (f"Mental Health Act Administrator, on {admin[1]} or at", f, 10.5),
        (admin[2], f, 10.5),
    ]
    page2 = [
        ("Your nearest relative and your advocate", fb, 11), ("", f, 10),
        (f"We have told your nearest relative, {relative[0]}, about the hearing.", f, 10.5),
        (f"She asked us to use her mobile, {relative[1]}, and not the home number.", f, 10.5),
        ("", f, 10),
        (f"Your Independent Mental Health Advocate is {advocate[0]}, who can be", f, 10.5),
        (f"reached on {advocate[1]} (Monday to Thursday).", f, 10.5), ("", f, 10),
        ("Yours sincerely,", f, 10.5), ("", f, 10), ("Mental Health Act Office", fb, 10.5), ("", f, 10),
        (f"cc: {solicitor[0]}, Holt & Partners, solicitor for the patient,", f, 9.5, 0.5),
        (solicitor[1], f, 9.5, 0.5),
    ]
    p.planted = [(patient, "PERSON", 1), (admin[0], "PERSON", 1), (admin[1], "PHONE_NUMBER", 1),
                 (admin[2], "EMAIL_ADDRESS", 1),
                 (relative[0], "PERSON", 2), (relative[1], "PHONE_NUMBER", 2),
                 (advocate[0], "PERSON", 2), (advocate[1], "PHONE_NUMBER", 2),
                 (solicitor[0], "PERSON", 2), (solicitor[1], "EMAIL_ADDRESS", 2)]
    p.kept = [(judge, "PERSON", 1, "Tribunal Judge, chairing the hearing")]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setLineWidth(2)
    c.line(64, 800, 531, 800)
    _lines(c, page1, 64, 780)
    c.showPage()
    _lines(c, page2, 64, 780)
    c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    rng = random.Random(6202)
    pages = _render(buf.getvalue(), 150)
    return _as_pdf([_jpeg(_scan(im, rng, noise=True, skew=0.7 if n == 0 else -0.5), 55)
                    for n, im in enumerate(pages)]), p


# --- 3. Police FOI reply: Chromium (Nimbus Sans), 200 dpi, photographed: tilt, keystone, uneven light --------


def police_photo() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "wyvernshire.example.police.uk"
    requester = ("Ferdinand N'Diaye-Costa", "f.ndiaye-costa@inbox.example.com")
    officer = ("Haruto Brennan-Moss", "0161 496 0293", f"foi.brennan-moss@{dom}")
    detective = ("Caoimhe Ní Fhlannagáin", "020 7946 0762")
    reviewer = ("Jorge Villaseñor", "+44 161 496 0850")
    chief = "Winifred Adeyinka-Haig"
    p.ordinary = ["We hold some of the information you asked for and it is set out in the table below.",
                  "The number of recorded thefts of catalytic converters fell in each of the last three years."]
    page1 = [
        "Wyvernshire Constabulary - Information Management Unit",
        "Freedom of Information request FOI/2030/1184",
        f"Dear {requester[0]},",
        "Thank you for your request of 2 November 2030 about vehicle crime in the Hollins district.",
        p.ordinary[0],
        p.ordinary[1],
        "Recorded thefts of catalytic converters: 2027-28: 211; 2028-29: 174; 2029-30: 139.",
        f"The figures were compiled by {detective[0]}, Detective Constable, Acquisitive Crime Team, who "
        f"may be contacted on {detective[1]}.",
        f"The Chief Constable, {chief}, has approved the release of these figures.",
        f"We sent this reply to {requester[1]} on 27 November 2030.",
    ]
    page2 = [
        "Your right to a review",
        "If you are not satisfied you may ask for an internal review within 40 working days.",
        f"Reviews are carried out by {reviewer[0]}, Information Rights Manager, {reviewer[1]}.",
        f"Yours sincerely, {officer[0]}, Disclosure Officer, {officer[1]}, {officer[2]}",
    ]
    p.planted = [(requester[0], "PERSON", 1), (requester[1], "EMAIL_ADDRESS", 1),
                 (detective[0], "PERSON", 1), (detective[1], "PHONE_NUMBER", 1),
                 (reviewer[0], "PERSON", 2), (reviewer[1], "PHONE_NUMBER", 2),
                 (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2), (officer[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(chief, "PERSON", 1, "Chief Constable, approving the release")]
    _unbroken(p)
    css = ("body { font-family: 'Nimbus Sans'; font-size: 11pt; line-height: 1.45 } .unit { font-weight: bold;"
           " font-size: 12pt } .ref { font-size: 13pt; font-weight: bold; margin: 6mm 0 } h3 { margin-top: 8mm }")
    html1 = (f"<p class=unit>{_e(page1[0])}</p><p class=ref>{_e(page1[1])}</p>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1[2:]))
    html2 = (f"<h3>{_e(page2[0])}</h3>" + "".join(f"<p>{_e(t)}</p>" for t in page2[1:3])
             + "<p style='margin-top: 12mm'>" + _e(page2[3]).replace(", ", ",<br>", 1) + "</p>")
    source = _chromium(_html_doc([html1, html2], css, margin="24mm"))
    p.read_source(source)
    rng = random.Random(6203)
    pages = _pdftoppm(source, 200)
    return _as_pdf([_jpeg(_photographed(im, rng, skew=2.6 if n == 0 else -1.9), 60)
                    for n, im in enumerate(pages)]), p


# --- 4. Fire authority disciplinary outcome: reportlab platypus table of attendees, grey contact column -----


def fire_table() -> tuple[bytes, Paper]:
    _register_fonts()
    p = Paper()
    dom = "cfrs.example.gov.uk"
    acfo = "Leopold Oshodi-Marsh"
    employee = "Mateusz Grabowski-Reid"
    hr = ("Carys ap Rhys-Whitlow", "0161 496 0127", f"carys.aprhys-whitlow@{dom}")
    rep = ("Shona MacKinnon-Nunes", "07700 900612")
    notes = "Henrietta J. Okorocha"
    appeal = ("Yusuf Al-Hariri-Dunn", "0117 496 0476", f"people.appeals@{dom}")
    p.ordinary = ["The panel found that the allegation of falsifying training records was proven.",
                  "The sanction is a final written warning which will remain on file for eighteen months."]
    body = ParagraphStyle("body", fontName="Narrow", fontSize=11.5, leading=16, spaceAfter=7)
    head = ParagraphStyle("head", parent=body, fontName="Narrow-Bold", fontSize=15, leading=19)
    cell = ParagraphStyle("cell", parent=body, fontSize=10.5, leading=13, spaceAfter=0)
    grey = ParagraphStyle("grey", parent=cell, textColor=colors.Color(0.5, 0.5, 0.5))
    rows = [("Name", "Role at the hearing", "Contact"),
            (f"ACFO {acfo}", "Chair of the panel (Assistant Chief Fire Officer)", "-"),
            (employee, "Employee", "-"),
            (hr[0], "HR Business Partner, adviser to the panel", f"{hr[1]} {hr[2]}"),
            (rep[0], "FBU representative", rep[1]),
            (notes, "Note-taker", "-")]
    p.planted = [(employee, "PERSON", 1), (hr[0], "PERSON", 1), (hr[1], "PHONE_NUMBER", 1),
                 (hr[2], "EMAIL_ADDRESS", 1), (rep[0], "PERSON", 1), (rep[1], "PHONE_NUMBER", 1),
                 (notes, "PERSON", 1), (employee, "PERSON", 2),
                 (appeal[0], "PERSON", 2), (appeal[1], "PHONE_NUMBER", 2), (appeal[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(acfo, "PERSON", 1, "Assistant Chief Fire Officer, chairing the panel"),
              (acfo, "PERSON", 2, "Assistant Chief Fire Officer, signing the outcome")]
    _unbroken(p)
    table = Table([[Paragraph(_p(a), cell if i else head.clone("th", fontSize=10.5, leading=13)),
                    Paragraph(_p(b), cell if i else head.clone("th2", fontSize=10.5, leading=13)),
                    Paragraph(_p(c), grey if i else head.clone("th3", fontSize=10.5, leading=13))]
                   for i, (a, b, c) in enumerate(rows)], colWidths=[48 * mm, 58 * mm, 64 * mm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    story = [Paragraph("Calderbrook Fire and Rescue Service", head),
             Paragraph("Outcome of a disciplinary hearing held on 19 November 2030 (ref. CFRS/HR/2030/37)", body),
             Spacer(1, 4 * mm), table, Spacer(1, 6 * mm),
             Paragraph("The hearing considered one allegation of gross misconduct.", body),
             Paragraph(p.ordinary[0], body), Paragraph(p.ordinary[1], body),
             Paragraph("The panel took into account the employee's previous good record and his apology.", body),
             Paragraph("Right of appeal", head.clone("h2", fontSize=13)),
             Paragraph(_p(f"{employee} may appeal against this outcome within ten working days of receiving it. "
                          f"Appeals are heard by {appeal[0]}, Head of People, who can be contacted on {appeal[1]} "
                          f"or at {appeal[2]}."), body),
             Paragraph("Any appeal must set out the grounds in writing and include any new evidence.", body),
             Spacer(1, 10 * mm),
             Paragraph(_p(f"Signed: {acfo}, Assistant Chief Fire Officer, Chair of the panel"), body)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
                      bottomMargin=20 * mm, invariant=1).build(_break_before(story, 9))
    p.read_source(buf.getvalue())
    rng = random.Random(6204)
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=-0.9), 55) for im in _render(buf.getvalue(), 200)]), p


def _break_before(story: list, index: int) -> list:
    return story[:index] + [PageBreak()] + story[index:]


# --- 5. Housing association complaint letter: LibreOffice Writer, faxed (binarised, 200 dpi) ---------------


def housing_fax() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "thornleigh-homes.example.org.uk"
    tenant = "Precious Ndlovu-Thornton"
    officer = ("Iestyn Vaughan-Roberts", "0117 496 0291", f"iestyn.vaughan-roberts@{dom}")
    surveyor = ("Kofi A. Mensah-Larkin", "07700 900583")
    councillor = ("Ágota Szabó-Pennington", "agota.szabo@webmail.example.net")
    ceo = "Marguerite Okafor-Lindsay"
    p.ordinary = ["We have decided to uphold your complaint about the repairs to your bathroom ceiling.",
                  "A payment of two hundred and fifty pounds will be made to your rent account within ten days."]
    page1 = [
        "Thornleigh Homes", "Customer Resolution Team, 12 Quarry Street, Bristol",
        f"Dear {tenant},", "Stage 2 complaint reference TH-C-30-0917",
        "Thank you for speaking to us about your complaint on 18 November.",
        p.ordinary[0],
        f"Our surveyor, {surveyor[0]}, inspected the ceiling on 21 November and found that the leak from the "
        f"flat above had not been traced. You can call him directly on {surveyor[1]}.",
        p.ordinary[1],
        f"Your ward councillor, {councillor[0]}, wrote to us on your behalf from {councillor[1]}; we have sent "
        "her a copy of this letter with your agreement.",
    ]
    page2 = [
        "If you are not satisfied with this response you may refer your complaint to the Housing Ombudsman.",
        f"Please contact {officer[0]}, Complaints Resolution Officer, on {officer[1]} or at {officer[2]} if you "
        "have any questions about this letter.",
        f"This response has been approved by our Chief Executive, {ceo}.",
        "Yours sincerely,", "Customer Resolution Team",
    ]
    fax_lines = {n: f"04/12/2030 14:32  FROM: THORNLEIGH HOMES CRT  DIRECT {officer[1]}  P.0{n}/02"
                 for n in (1, 2)}  # sent from the officer's own line: the fax header carries his number
    p.draw(1, fax_lines[1])
    p.draw(2, fax_lines[2])
    p.planted = [(officer[1], "PHONE_NUMBER", 1), (tenant, "PERSON", 1), (surveyor[0], "PERSON", 1),
                 (surveyor[1], "PHONE_NUMBER", 1), (councillor[0], "PERSON", 1), (councillor[1], "EMAIL_ADDRESS", 1),
                 (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2), (officer[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(ceo, "PERSON", 2, "Chief Executive, approving the response")]
    _unbroken(p)
    css = ("body { font-family: 'Liberation Sans', sans-serif; font-size: 12pt } p { margin: 0 0 9pt 0 }"
           " .org { font-size: 20pt; font-weight: bold } .addr { font-size: 10pt }")
    html1 = (f"<p class=org>{_e(page1[0])}</p><p class=addr>{_e(page1[1])}</p><p>&nbsp;</p>"
             f"<p>{_e(page1[2])}</p><p><b>{_e(page1[3])}</b></p>" + "".join(f"<p>{_e(t)}</p>" for t in page1[4:]))
    html2 = "".join(f"<p>{_e(t)}</p>" for t in page2[:3]) + f"<p>&nbsp;</p><p>{_e(page2[3])}</p>" \
        f"<p>&nbsp;</p><p>&nbsp;</p><p><b>{_e(page2[4])}</b></p>"
    if shutil.which("soffice"):
        html_pages = (f"<div>{html1}</div><p style='page-break-before: always'></p><div>{html2}</div>")
        doc = (f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head>"
               f"<body>{html_pages}</body></html>")
        source, producer = _libreoffice(doc), "LibreOffice Writer"
    else:
        source, producer = _chromium(_html_doc([html1, html2], css, margin="22mm")), "Chromium"
    p.read_source(source)
    rng = random.Random(6205)
    pages = _pdftoppm(source, 200)
    if len(pages) != 2:
        raise AssertionError(f"the letter should be two pages, not {len(pages)}")
    faxed = []
    head = ImageFont.truetype(str(_TTF["LibMono"]), 22)
    for n, im in enumerate(pages, start=1):
        im = _scan(im, rng, noise=False, skew=0.4 if n == 1 else 0.0)
        d = ImageDraw.Draw(im)
        d.rectangle((0, 0, im.width, 58), fill=255)
        d.text((90, 22), fax_lines[n], font=head, fill=0)
        faxed.append(_faxed(im, rng))
    _housing_producer[0] = producer
    return _bilevel_pdf(faxed), p


_housing_producer = ["LibreOffice Writer"]


# --- 6. Standards decision: reportlab text page with an e-mail thread screenshot; scanned signature page -----


def _email_thread(messages: list[tuple[str, str, str, list[str]]]) -> Image.Image:
    """A web mail client's conversation view (colour): a toolbar, then each message's header and body."""
    bold = ImageFont.truetype(str(_OTF["nimbus-bold"]), 21)
    regular = ImageFont.truetype(str(_OTF["nimbus"]), 21)
    small = ImageFont.truetype(str(_OTF["nimbus"]), 18)
    height = 60 + sum(96 + 30 * len(body) for *_, body in messages)
    im = Image.new("RGB", (1120, height), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, 1120, 48), fill=(0, 99, 177))
    d.text((18, 12), "RE: Complaint about Cllr conduct at the planning meeting", font=bold, fill=(255, 255, 255))
    y = 60
    for sender, to, when, body in messages:
        d.ellipse((16, y + 4, 56, y + 44), fill=(120, 86, 160))
        d.text((70, y), sender, font=bold, fill=(30, 30, 30))
        d.text((70, y + 28), f"To: {to}", font=small, fill=(96, 96, 96))
        d.text((900, y), when, font=small, fill=(96, 96, 96))
        y += 64
        for line in body:
            d.text((70, y), line, font=regular, fill=(20, 20, 20))
            y += 30
        d.line((16, y + 14, 1104, y + 14), fill=(220, 220, 220), width=2)
        y += 32
    return im


def council_mixed() -> tuple[bytes, Paper]:
    _register_fonts()
    p = Paper()
    dom = "marlhaven.example.gov.uk"
    mo = "Sunita Kulkarni-Dale"
    complainant = ("Tobias Asamoah-Lund", "t.asamoah-lund@freemail.example.com", "07700 900374")
    councillor = "Llinos Prys-Davenport"
    clerk = ("Anneliese Rautio", f"anneliese.rautio@{dom}", "+44 20 7946 0183")
    witness = ("Fergal Ó Séaghdha", "0161 496 0544")
    p.ordinary = ["The Monitoring Officer decided that no further action should be taken on the complaint.",
                  "Councillors are reminded to declare an interest before a planning item is discussed."]
    text1 = [
        ("Marlhaven Borough Council", "LibSerif-Bold", 15),
        ("Code of conduct: decision on assessment of complaint MBC/SC/2030/12", "LibSerif-Bold", 11.5),
        ("", "LibSerif", 9),
        (f"The complaint, made by {complainant[0]}, concerns remarks by Councillor {councillor}", "LibSerif", 11),
        ("at the planning committee on 7 October 2030.", "LibSerif", 11),
        (p.ordinary[0], "LibSerif", 11),
        (p.ordinary[1], "LibSerif", 11),
        ("The exchange of e-mails below was supplied by the complainant and is reproduced as received.",
         "LibSerif", 11),
    ]
    messages = [
        (f"{complainant[0]} <{complainant[1]}>", f"Standards <standards@{dom}>", "Tue 08/10/2030 09:14",
         ["I want to complain about what was said to me at last night's meeting.",
          f"Please ring me on {complainant[2]} after 5pm."]),
        (f"{clerk[0]} <{clerk[1]}>", complainant[0], "Wed 09/10/2030 11:02",
         ["Thank you. I have passed this to the Monitoring Officer.",
          f"{witness[0]}, who clerked the meeting ({witness[1]}), has the audio.",
          f"{clerk[0]} | Standards Officer | {clerk[2]}"]),
    ]
    p.draw(1, *[line for msg in messages for line in (msg[0], msg[1], *msg[3])])
    annex = [("Decision", "LibSerif-Bold", 13), ("", "LibSerif", 10),
             ("Having consulted the Independent Person, I have decided that the complaint does not", "LibSerif", 11.5),
             ("merit investigation. The remarks were made in debate on a planning application.", "LibSerif", 11.5),
             ("", "LibSerif", 11.5), ("", "LibSerif", 11.5), ("", "LibSerif", 11.5),
             (f"{mo}", "LibSerif-Bold", 11.5), ("Monitoring Officer, Marlhaven Borough Council", "LibSerif", 11.5),
             ("Date: 2 December 2030", "LibSerif", 11.5)]
    p.planted = [(complainant[0], "PERSON", 1), (councillor, "PERSON", 1), (complainant[1], "EMAIL_ADDRESS", 1),
                 (complainant[2], "PHONE_NUMBER", 1), (clerk[0], "PERSON", 1), (clerk[1], "EMAIL_ADDRESS", 1),
                 (clerk[2], "PHONE_NUMBER", 1), (witness[0], "PERSON", 1), (witness[1], "PHONE_NUMBER", 1)]
    p.kept = [(mo, "PERSON", 2, "Monitoring Officer, signing the decision")]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, text1, 60, 785)
    shot = _email_thread(messages)
    width = 470
    height = width * shot.height / shot.width
    c.drawImage(ImageReader(io.BytesIO(_jpeg(shot, 70))), 60, y - height, width=width, height=height)
    c.setFont("LibSerif", 11)
    c.drawString(60, y - height - 26, "The Monitoring Officer's decision and signature follow on the next page.")
    c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    a = io.BytesIO()
    ac = canvas.Canvas(a, pagesize=A4, invariant=1)
    _lines(ac, annex, 72, 770)
    ac.showPage()
    ac.save()
    p.read_source(a.getvalue(), first_page=2)
    page = _render(a.getvalue(), 200)[0]
    d = ImageDraw.Draw(page)  # the signature, in a hand, above the printed name (the name is in the source)
    d.text((215, 400), "S. Kulkarni-Dale", font=ImageFont.truetype(str(_OTF["hand"]), 64), fill=25)
    d.line((205, 492, 760, 478), fill=40, width=3)  # the pen's run-out under the signature
    page = _scan(page, random.Random(6206), noise=True, skew=1.2)
    return _pdf_pages(buf.getvalue(), _as_pdf([_jpeg(page, 50)])), p


# --- 7. Two-column board paper: reportlab platypus frames (DejaVu Sans Condensed), 300 dpi, JPEG 45 ---------


def board() -> tuple[bytes, Paper]:
    _register_fonts()
    p = Paper()
    dom = "rmt.example.org.uk"
    chair = "Philippa Oyewumi-Strand"
    director = "Augustin Lefèvre-Carr"
    curator = ("Mairéad Ní Dhuibhir", "0113 496 0642", f"m.nidhuibhir@{dom}")
    lender = ("Cornelius van Heerden", "+44 7700 900419")
    registrar = ("Bethan Lloyd-Ifeanyi", "020 7946 0486", f"registrar.lloyd-ifeanyi@{dom}")
    donor = ("Ruairí Whitmore-D'Arcy", "rwdarcy@postbox.example.org")
    p.ordinary = ["The Board approved a three-year loan of the Lydgate tapestries to the Cathedral Library.",
                  "Conservation work on the two smaller panels will be finished before they travel."]
    p.part2 = ["The insurance valuation of the tapestries has risen by a third since the last survey.",
               "The lender has asked that the valuation is not disclosed while the sale of another piece is pending."]
    body = ParagraphStyle("b", fontName="DVSansCond", fontSize=10, leading=13.5, spaceAfter=6)
    head = ParagraphStyle("h", fontName="DVSansCond-Bold", fontSize=11, leading=14, spaceBefore=4, spaceAfter=4)
    note = ParagraphStyle("n", parent=body, fontSize=8, leading=10, alignment=0)
    p.planted = [(curator[0], "PERSON", 1), (curator[1], "PHONE_NUMBER", 1), (curator[2], "EMAIL_ADDRESS", 1),
                 (lender[0], "PERSON", 1), (lender[1], "PHONE_NUMBER", 1),
                 (registrar[0], "PERSON", 1), (registrar[1], "PHONE_NUMBER", 1), (registrar[2], "EMAIL_ADDRESS", 1),
                 (donor[0], "PERSON", 2), (donor[1], "EMAIL_ADDRESS", 2)]
    p.kept = [(chair, "PERSON", 1, "Chair of the Board of Trustees, presenting"),
              (director, "PERSON", 2, "Director, signing the paper")]
    _unbroken(p)
    story = [
        Paragraph("Purpose", head),
        Paragraph(_p(f"This paper, presented by the Chair of Trustees, Dame {chair}, asks the Board to approve a loan "
                     "of the Lydgate tapestries and to note the conservation plan."), body),
        Paragraph("Decision", head), Paragraph(p.ordinary[0], body),
        Paragraph("The loan supports the Trust's aim of showing more of the collection outside Ravensford and "
                  "brings the tapestries back to the building they were made for.", body),
        Paragraph("Conservation", head), Paragraph(p.ordinary[1], body),
        Paragraph(_p(f"The conservation plan was prepared by {curator[0]}, Curator of Textiles ({curator[1]}, "
                     f"{curator[2]}), with the Cathedral's own conservator."), body),
        FrameBreak(),
        Paragraph("Loan terms", head),
        Paragraph("The Cathedral Library will meet transport, display and environmental monitoring costs. The "
                  "cases will be checked by the Trust's registrar before installation.", body),
        Paragraph(_p(f"Two panels belong to a private lender, {lender[0]}, who has agreed to the loan; he asked "
                     f"to be contacted through the registrar rather than on {lender[1]}."), body),
        Paragraph("Risks", head),
        Paragraph("The main risks are light damage, handling in transit and a change in humidity. Each is scored "
                  "low after the measures in the conservation plan.", body),
        Paragraph(_p(f"1. Courier arrangements: {registrar[0]}, Registrar, {registrar[1]}, {registrar[2]}."), note),
        Paragraph("2. Environmental standard: PAS 198 bands for textiles.", note),
    ]
    page2 = [
        Paragraph("Acknowledgement", head),
        Paragraph(_p(f"The smallest panel was given to the Trust in 1987; the donor's family, represented by "
                     f"{donor[0]} ({donor[1]}), has been told of the loan."), body),
        Paragraph("Part 2 - Confidential", head),
        Paragraph("FOIA Sec 43 Commercial interests: exempt until 30/06/2034.", body),
        Paragraph(p.part2[0], body), Paragraph(p.part2[1], body),
        Paragraph(_p(f"Signed: {director}, Director"), body),
    ]

    def banner(c: canvas.Canvas, doc) -> None:
        c.saveState()
        if doc.page == 1:
            c.setFont("DVSansCond-Bold", 16)
            c.drawString(20 * mm, A4[1] - 24 * mm, "Ravensford Museums Trust - Board of Trustees")
            c.setFont("DVSansCond", 10.5)
            c.drawString(20 * mm, A4[1] - 30 * mm, "Paper RMT/B/2030/22 - Loan of the Lydgate tapestries - "
                                                   "Open session")
            c.setLineWidth(1.5)
            c.line(20 * mm, A4[1] - 33 * mm, A4[0] - 20 * mm, A4[1] - 33 * mm)
        c.setFont("DVSansCond", 8)
        c.drawRightString(A4[0] - 20 * mm, 14 * mm, f"Page {doc.page} of 2")
        c.restoreState()

    gap, width = 8 * mm, (A4[0] - 40 * mm - 8 * mm) / 2
    first = [Frame(20 * mm, 22 * mm, width, A4[1] - 60 * mm, id="l1"),
             Frame(20 * mm + width + gap, 22 * mm, width, A4[1] - 60 * mm, id="r1")]
    later = [Frame(20 * mm, 22 * mm, width, A4[1] - 44 * mm, id="l2"),
             Frame(20 * mm + width + gap, 22 * mm, width, A4[1] - 44 * mm, id="r2")]
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate("first", first, onPage=banner), PageTemplate("later", later, onPage=banner)])
    doc.build([NextPageTemplate("later"), *story, PageBreak(), *page2])
    p.read_source(buf.getvalue())
    rng = random.Random(6207)
    pages = _render(buf.getvalue(), 300)
    if len(pages) != 2:
        raise AssertionError(f"the board paper should be two pages, not {len(pages)}")
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=0.0), 45) for im in pages]), p


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "licensing300": (licensing, 300, False, "Chromium (C059 and URW Gothic), pdftoppm",
                     "300 dpi, skew 0.3 degrees, JPEG 55; 8 pt small print; a number followed by 'ext. 4412'"),
    "tribunal150_noisy": (tribunal, 150, True, "reportlab (DejaVu Sans letter), pdfium",
                          "150 dpi, speckle, blur, grey paper, skew 0.7 and -0.5 degrees, JPEG 55; "
                          "a cc line in mid-grey 9.5 pt"),
    "police_photo": (police_photo, 200, False, "Chromium (Nimbus Sans), pdftoppm",
                     "photographed: 200 dpi, tilted 2.6 and -1.9 degrees, keystoned, light falling off to a "
                     "shadow at the bottom right, blur, JPEG 60"),
    "fire_table": (fire_table, 200, False, "reportlab platypus (Liberation Sans Narrow, table of attendees), pdfium",
                   "200 dpi, skew -0.9 degrees, JPEG 55; names in table cells, the contact column in mid-grey"),
    "housing_fax": (housing_fax, 200, True, "LibreOffice Writer (HTML letter), pdftoppm",
                    "faxed: 200 dpi, speckle, cut to black and white, a dropped scan line; a fax header line "
                    "in small print carrying the officer's direct number on both pages"),
    "council_mixed": (council_mixed, 200, True, "reportlab text page with an e-mail thread screenshot; scanned page",
                      "page 1 text layer plus a colour screenshot of an e-mail thread (names, numbers, e-mails as "
                      "pixels); page 2 200 dpi speckled scan, skew 1.2 degrees, with a signature in a hand"),
    "board300_jpeg45": (board, 300, False, "reportlab platypus (two columns, DejaVu Sans Condensed), pdfium",
                        "300 dpi, JPEG 45; 8 pt footnotes; Part 2"),
}


def make_never_seen2(out: Path = OUT, only: list[str] | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, (make, dpi, noise, producer, degradation) in PAPERS.items():
        if only and name not in only:
            continue
        data, paper = make()
        paper.check(name)
        if name == "housing_fax":
            producer = producer.replace("LibreOffice Writer", _housing_producer[0])
        (out / f"{name}.pdf").write_bytes(data)
        manifest[name] = manifest_entry(paper, dpi, noise, producer, degradation)
    if not only:
        write_manifest(out, manifest)
    return manifest


def manifest_entry(paper: "Paper", dpi: int, noise: bool, producer: str, degradation: str) -> dict:
    """A paper's row of manifest.json (shared by the later sets' generators)."""
    return {
        "dpi": dpi, "noise": noise, "part2": paper.part2,
        "planted": [{"text": t, "type": k, "page": n} for t, k, n in paper.planted],
        "ordinary": paper.ordinary,
        "kept": [{"text": t, "type": k, "page": n, "role": r} for t, k, n, r in paper.kept],
        "producer": producer, "degradation": degradation,
    }


def write_manifest(out: Path, manifest: dict) -> None:
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    make_never_seen2(only=sys.argv[1:] or None)
