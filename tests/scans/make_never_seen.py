"""The never-seen scan set (tests/scans/never_seen/): six scanned and mixed papers from bodies, writers, fonts,
layouts and scanners that no earlier set used, committed before any engine (OCR, detection, redaction) read
them. It is measured once (``bench/ocr.py --never-seen``) and never tuned on.

Two producers write the papers: Chromium prints HTML (two columns, a table of attendees, a notice with a page
turned on its side) and the pages are rasterised by poppler's ``pdftoppm``; reportlab draws the others (a
coroner's letter with a signature block, an ethics committee decision, a misconduct outcome with a screenshot)
and pdfium rasterises them. Then a scanner's faults from make_scans.py: speckle, grey paper, skew, JPEG.

    .venv/bin/python -m tests.scans.make_never_seen     # writes tests/scans/never_seen/*.pdf and manifest.json

Each manifest entry has the keys bench/ocr.py and judge.py read (``dpi``, ``noise``, ``planted``,
``ordinary``, ``part2``) plus ``kept``: office holders named while acting in their role (the Chief Fire
Officer, the Mayor, a coroner signing a letter), which a redaction should leave; the judge does not read
``kept`` yet. Every planted and kept value is checked here against the words drawn on its page (the source
text, not a reading of the pictures). All people are fictional; the numbers come from Ofcom's drama ranges.
"""

from __future__ import annotations

import html
import io
import json
import random
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.scans.make_scans import _as_pdf, _jpeg, _render, _scan, _sideways_pdf

OUT = Path(__file__).parent / "never_seen"
FONTS = Path("/usr/share/fonts/truetype")
_TTF = {
    "LibSerif": FONTS / "liberation/LiberationSerif-Regular.ttf",
    "LibSerif-Bold": FONTS / "liberation/LiberationSerif-Bold.ttf",
    "LibSerif-Italic": FONTS / "liberation/LiberationSerif-Italic.ttf",
    "LibSans": FONTS / "liberation/LiberationSans-Regular.ttf",
    "LibSans-Bold": FONTS / "liberation/LiberationSans-Bold.ttf",
    "SerifCond": FONTS / "dejavu/DejaVuSerifCondensed.ttf",
    "SerifCond-Bold": FONTS / "dejavu/DejaVuSerifCondensed-Bold.ttf",
    "Mono": FONTS / "dejavu/DejaVuSansMono.ttf",
    "Mono-Bold": FONTS / "dejavu/DejaVuSansMono-Bold.ttf",
}


@dataclass
class Paper:
    """What one paper says, page by page, and what was planted in it (value, type, page)."""

    planted: list[tuple[str, str, int]] = field(default_factory=list)
    kept: list[tuple[str, str, int, str]] = field(default_factory=list)  # value, type, page, role
    ordinary: list[str] = field(default_factory=list)
    part2: list[str] = field(default_factory=list)
    page_words: dict[int, list[str]] = field(default_factory=dict)  # source text per page, pixels included

    def say(self, page: int, *texts: str) -> None:
        self.page_words.setdefault(page, []).extend(texts)

    def check(self, name: str) -> None:
        """Every planted and kept value is written on the page the manifest names (in the source text)."""
        for value, _, page, *_ in [*self.planted, *self.kept]:
            if not any(value in text for text in self.page_words.get(page, [])):
                raise AssertionError(f"{name}: {value!r} is not written on page {page}")
        everything = " ".join(t for texts in self.page_words.values() for t in texts)
        for sentence in [*self.ordinary, *self.part2]:
            if sentence not in everything:
                raise AssertionError(f"{name}: sentence not in the paper: {sentence!r}")


# --- producers ---------------------------------------------------------------------------------------------


def _chromium_pdf(page_html: list[str], css: str) -> bytes:
    """Chromium (headless) prints the pages, each on its own sheet, to a PDF."""
    body = "".join(f'<section style="break-after: page">{p}</section>' for p in page_html)
    doc = f"<!doctype html><html><head><meta charset='utf-8'><style>@page {{ size: A4; margin: 20mm }} {css}" \
          f"</style></head><body>{body}</body></html>"
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "paper.html", Path(tmp) / "paper.pdf"
        source.write_text(doc, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={target}", source.as_uri()],
                       capture_output=True, timeout=180, check=True)
        return target.read_bytes()


def _pdftoppm(data: bytes, dpi: int) -> list[Image.Image]:
    """poppler rasterises each page in grey at ``dpi``."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "in.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "in.pdf", "page"], cwd=tmp, check=True,
                       capture_output=True, timeout=180)
        return [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("page-*.png"))]


def _register_fonts() -> None:
    for name, path in _TTF.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


_UNBROKEN: list[str] = []  # the values of the paper being written: Chromium must not break them over two lines


def _e(text: str) -> str:
    out = html.escape(text, quote=False)
    for value in sorted(_UNBROKEN, key=len, reverse=True):
        v = html.escape(value, quote=False)
        out = out.replace(v, f'<span style="white-space: nowrap">{v}</span>') if v in out else out
    return out


def _unbroken(paper: Paper) -> None:
    _UNBROKEN[:] = [v for v, *_ in [*paper.planted, *paper.kept]]


# --- 1. Ambulance trust board decision: Chromium, two columns, 300 dpi clean, pdftoppm ------------------------


def ambulance() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "nvas.example.nhs.uk"
    a = ("Siobhán O'Driscoll", "0161 496 0384", f"siobhan.odriscoll@{dom}")
    b = ("Jean-Baptiste Okonkwo", "07700 900468", f"jb.okonkwo@{dom}")
    c = ("Zoë Abernethy-Kaur", "+44 161 496 0927")
    d = ("Rhodri ap Gwilym", "0113 496 0152", f"rhodri.apgwilym@{dom}")
    ceo = "Helena Marchbanks"
    p.ordinary = ["The Board agreed to move the Hartfield station to the former bus depot on Mill Lane.",
                  "Response times in the eastern villages are expected to improve by about two minutes."]
    p.part2 = ["The landlord of the bus depot has offered a rent-free period of eighteen months.",
               "Two other sites were rejected on price and the figures remain under negotiation."]
    page1 = [
        "Northvale Ambulance Service NHS Trust",
        "Board decision NVAS/BD/2030/07: relocating the Hartfield ambulance station",
        "Open session",
        p.ordinary[0], p.ordinary[1],
        f"The Chief Executive, Dr {ceo}, presented the paper to the Board on 9 October.",
        f"The business case was written by {a[0]}, Head of Fleet and Estates, telephone {a[1]}, "
        f"e-mail {a[2]}.",
        f"Staff side views were gathered by {b[0]}, Unison branch secretary, on {b[1]} or {b[2]}.",
        "The move needs planning consent for a wash bay and a second vehicle exit onto the main road.",
        "Is there a Part 2 form - YES",
    ]
    page2 = [
        "Clinical safety review",
        f"The review was led by {c[0]}, Consultant Paramedic, who can be contacted on {c[1]}.",
        "No clinical risk was found that the new site would not reduce.",
        f"Questions from the public: {d[0]}, Patient Experience Officer, {d[1]}, {d[2]}",
        "Part 2 - Confidential facts and advice",
        "FOIA Sec 43 Commercial interests: exempt until 31/03/2033.",
        p.part2[0], p.part2[1],
    ]
    p.say(1, *page1)
    p.say(2, *page2)
    p.planted = [(a[0], "PERSON", 1), (a[1], "PHONE_NUMBER", 1), (a[2], "EMAIL_ADDRESS", 1),
                 (b[0], "PERSON", 1), (b[1], "PHONE_NUMBER", 1), (b[2], "EMAIL_ADDRESS", 1),
                 (c[0], "PERSON", 2), (c[1], "PHONE_NUMBER", 2),
                 (d[0], "PERSON", 2), (d[1], "PHONE_NUMBER", 2), (d[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(ceo, "PERSON", 1, "Chief Executive, presenting the paper")]
    _unbroken(p)
    css = ("body { font-family: 'Liberation Sans'; font-size: 10.5pt; line-height: 1.45 }"
           " .cols { column-count: 2; column-gap: 9mm; text-align: left } h1 { font-size: 15pt }"
           " .org { font-size: 10pt; letter-spacing: 1px; border-bottom: 2px solid #000 }")
    html1 = (f"<div class=org>{_e(page1[0])}</div><h1>{_e(page1[1])}</h1><h3>{_e(page1[2])}</h3><div class=cols>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1[3:]) + "</div>")
    html2 = (f"<h3>{_e(page2[0])}</h3><div class=cols>" + "".join(f"<p>{_e(t)}</p>" for t in page2[1:4])
             + f"</div><h3>{_e(page2[4])}</h3>" + "".join(f"<p>{_e(t)}</p>" for t in page2[5:]))
    rng = random.Random(6101)
    pages = _pdftoppm(_chromium_pdf([html1, html2], css), 300)
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=0.0), 55) for im in pages]), p


# --- 2. Parish council minutes: Chromium, table of attendees, 150 dpi noisy, pdftoppm -------------------------


def parish() -> tuple[bytes, Paper]:
    p = Paper()
    chair, vice = "Bernadette Quigley-Mensah", "Ifor Pritchard-Loewe"
    clerk = ("Aoife D'Souza", "0117 496 0652", "aoife.dsouza@oakhurst-pc.example.org.uk")
    r1 = ("Lucjan Wiśniewski", "07700 900731")
    r2 = ("Marie-Claude Fenwick", "mc.fenwick@postbox.example.net")
    warden = ("Ngozi Harcourt-Bell", "0121 496 0389", "ngozi.hb@postbox.example.net")
    p.ordinary = ["The precept for the coming year was set at the same level as this year.",
                  "The Council resolved to buy a second defibrillator for the village hall."]
    rows = [(f"Cllr {chair}", "Chair of the Council", "-"),
            (f"Cllr {vice}", "Vice-Chair", "-"),
            (clerk[0], "Parish Clerk and RFO", f"{clerk[1]} {clerk[2]}"),
            (r1[0], "Resident (item 5)", r1[1]),
            (r2[0], "Resident (item 6)", r2[1])]
    items1 = [
        "Item 4. Finance. " + p.ordinary[0],
        "Item 5. A resident asked about the state of the footpath by the school; the Clerk will write to the "
        "highways authority.",
        "Item 6. A resident asked for a bench at the bus stop on Church Road. Agreed in principle.",
        "Item 7. " + p.ordinary[1],
    ]
    items2 = [
        "Item 8. Allotments. There are eleven names on the waiting list and two plots are vacant.",
        f"Enquiries to the allotments warden, {warden[0]}, on {warden[1]} or {warden[2]}.",
        "Item 9. Date of next meeting: Monday 11 November 2030 at 7.30pm in the village hall.",
        f"Signed as a true record: {chair}, Chair",
    ]
    p.say(1, *[" ".join(r) for r in rows], *items1)
    p.say(2, *items2)
    p.planted = [(clerk[0], "PERSON", 1), (clerk[1], "PHONE_NUMBER", 1), (clerk[2], "EMAIL_ADDRESS", 1),
                 (r1[0], "PERSON", 1), (r1[1], "PHONE_NUMBER", 1),
                 (r2[0], "PERSON", 1), (r2[1], "EMAIL_ADDRESS", 1),
                 (warden[0], "PERSON", 2), (warden[1], "PHONE_NUMBER", 2), (warden[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(chair, "PERSON", 1, "Chair of the Council, attending"), (vice, "PERSON", 1, "Vice-Chair, attending"),
              (chair, "PERSON", 2, "Chair of the Council, signing the minutes")]
    _unbroken(p)
    css = ("body { font-family: 'Liberation Serif'; font-size: 12pt } h1 { font-size: 17pt; text-align: center }"
           " table { border-collapse: collapse; width: 100%; margin: 6mm 0 } td, th { border: 1px solid #222;"
           " padding: 4px 7px; vertical-align: top; text-align: left }")
    table = "<table><tr><th>Present and in attendance</th><th>Capacity</th><th>Contact</th></tr>" + "".join(
        f"<tr><td>{_e(n)}</td><td>{_e(c)}</td><td>{_e(k)}</td></tr>" for n, c, k in rows) + "</table>"
    html1 = ("<h1>Little Oakhurst Parish Council</h1><p style='text-align:center'>Minutes of the ordinary meeting "
             "held on Monday 14 October 2030</p>" + table + "".join(f"<p>{_e(t)}</p>" for t in items1))
    html2 = "".join(f"<p>{_e(t)}</p>" for t in items2)
    rng = random.Random(6102)
    pages = _pdftoppm(_chromium_pdf([html1, html2], css), 150)
    return _as_pdf([_jpeg(_scan(im, rng, noise=True, skew=0.0), 50) for im in pages]), p


# --- 3. Coroner's letter: reportlab serif, signature block, 300 dpi skewed 2.4 degrees, pdfium ------------------


def _scribble(c: canvas.Canvas, x: float, y: float, seed: int) -> None:
    rng = random.Random(seed)
    c.setLineWidth(1.3)
    path = c.beginPath()
    path.moveTo(x, y)
    for i in range(9):
        path.curveTo(x + 8 + 14 * i, y + 18 * rng.random(), x + 12 + 14 * i, y - 10 * rng.random(),
                     x + 16 + 14 * i, y + 4 * rng.random())
    c.drawPath(path, stroke=1, fill=0)


def _lines(c: canvas.Canvas, lines: list[tuple[str, str, float]], x: float, y: float) -> float:
    """Draw one line per entry; a line that would run past the right margin (40 pt) is an error here."""
    for text, font, size in lines:
        if text:
            if x + pdfmetrics.stringWidth(text, font, size) > A4[0] - 40:
                raise ValueError(f"line too long for the page: {text!r}")
            c.setFont(font, size)
            c.drawString(x, y, text)
        y -= size * 1.5
    return y


def coroner() -> tuple[bytes, Paper]:
    _register_fonts()
    p = Paper()
    family = "Oluwaseun Halloran-Pryce"
    deceased = "Cathal Mac Giolla Bhríde"
    officer = ("Ewa Kowalczyk-Byrne", "0121 496 0473", "ewa.kowalczyk-byrne@westmarch-coroner.example.gov.uk")
    pathologist = ("Ingrid Solberg-Adeyemi", "020 7946 0519")
    solicitor = ("Desmond St. John-Ambrose", "07700 900906", "dstjohn@ambrose-law.example.co.uk")
    coroner_name = "Anselm Verity-Nakamura"
    p.ordinary = ["The inquest will resume on 12 February 2031 at 10am in Court 2.",
                  "Family members may ask questions of each witness through the coroner."]
    page1 = [
        ("HM Coroner for the Westmarch Area", "LibSerif-Bold", 16),
        ("Coroner's Court, Castle Street, Westmarch", "LibSerif", 11), ("", "LibSerif", 11),
        ("Our ref: WM/INQ/2030/118", "LibSerif", 11), ("Date: 21 November 2030", "LibSerif", 11),
        ("", "LibSerif", 11),
        (f"Dear {family},", "LibSerif", 12), ("", "LibSerif", 12),
        (f"Inquest touching the death of {deceased}", "LibSerif-Bold", 12), ("", "LibSerif", 12),
        ("I write to confirm the arrangements for the resumed inquest.", "LibSerif", 12),
        (p.ordinary[0], "LibSerif", 12),
        (p.ordinary[1], "LibSerif", 12), ("", "LibSerif", 12),
        (f"Your coroner's officer is {officer[0]}, who can be reached on {officer[1]}", "LibSerif", 12),
        (f"or at {officer[2]}.", "LibSerif", 12),
        ("Please tell the officer if you need an interpreter or a quiet room.", "LibSerif", 12),
    ]
    page2 = [
        (f"The post-mortem report was prepared by Dr {pathologist[0]}, consultant", "LibSerif", 12),
        (f"pathologist (telephone {pathologist[1]}), and will be read at the hearing.", "LibSerif", 12),
        ("", "LibSerif", 12),
        ("Yours sincerely,", "LibSerif", 12),
    ]
    sign_block = [(f"Dr {coroner_name}", "LibSerif-Bold", 12), ("HM Senior Coroner for the Westmarch Area",
                                                                "LibSerif", 12)]
    cc = [("", "LibSerif", 11), (f"cc: {solicitor[0]}, solicitor for the family, {solicitor[1]},", "LibSerif", 11),
          (f"{solicitor[2]}", "LibSerif", 11)]
    p.say(1, *[t for t, _, _ in page1])
    p.say(2, *[t for t, _, _ in page2 + sign_block + cc], coroner_name)
    p.planted = [(family, "PERSON", 1), (deceased, "PERSON", 1),
                 (officer[0], "PERSON", 1), (officer[1], "PHONE_NUMBER", 1), (officer[2], "EMAIL_ADDRESS", 1),
                 (pathologist[0], "PERSON", 2), (pathologist[1], "PHONE_NUMBER", 2),
                 (solicitor[0], "PERSON", 2), (solicitor[1], "PHONE_NUMBER", 2), (solicitor[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(coroner_name, "PERSON", 2, "HM Senior Coroner, signing in role")]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _lines(c, page1, 72, 775)
    c.showPage()
    y = _lines(c, page2, 72, 775)
    c.setFont("LibSerif-Italic", 20)  # the signature: a name written in an italic hand over a scribble
    c.drawString(80, y - 20, coroner_name.split("-")[0])
    _scribble(c, 170, y - 18, 6103)
    y = _lines(c, sign_block, 72, y - 52)
    _lines(c, cc, 72, y)
    c.showPage()
    c.save()
    rng = random.Random(6103)
    pages = _render(buf.getvalue(), 300)
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=2.4 if n == 0 else -1.8), 55)
                    for n, im in enumerate(pages)]), p


# --- 4. University ethics committee: reportlab condensed serif, 200 dpi, JPEG quality 40, pdfium --------------


def university() -> tuple[bytes, Paper]:
    _register_fonts()
    p = Paper()
    dom = "kingsbridge.example.ac.uk"
    applicant = ("Adaeze Nwachukwu-Lindqvist", "0113 496 0287", f"a.nwachukwu-lindqvist@{dom}")
    admin = ("Tomás Ó hUiginn", "0113 496 0795", f"tomas.ohuiginn@{dom}")
    student = ("Kirsty-Ann McAlister", "07700 900594")
    participant = ("Beatriz Gonçalves-Whitlock", "+44 7700 900377")
    vc = "Gideon Ashworth-Blake"
    p.ordinary = ["The committee approved the study subject to a revised participant information sheet.",
                  "Data will be held on university servers and deleted five years after the study ends."]
    p.part2 = ["The ward manager reported two incidents of staff falling asleep while driving home.",
               "The funder's draft terms include a confidentiality clause on interim findings."]
    f, fb = "SerifCond", "SerifCond-Bold"
    page1 = [
        ("Kingsbridge University - Research Ethics Committee", fb, 14), ("", f, 10),
        ("Decision KU/REC/2030/044", fb, 12),
        ("Study: night shift sleep patterns among ward staff", f, 11), ("", f, 10),
        (p.ordinary[0], f, 11), (p.ordinary[1], f, 11), ("", f, 10),
        (f"Applicant: Professor {applicant[0]}, School of Health Sciences,", f, 11),
        (f"telephone {applicant[1]}, e-mail {applicant[2]}", f, 11), ("", f, 10),
        (f"Research administrator: {admin[0]} - {admin[1]} -", f, 11), (admin[2], f, 11), ("", f, 10),
        ("The decision was reported to Senate by the Vice-Chancellor,", f, 11), (f"Professor Sir {vc}.", f, 11),
    ]
    page2 = [
        ("Lay and student views", fb, 12),
        (f"Comments were collected by {student[0]}, Students' Union Welfare Officer,", f, 11),
        (f"mobile {student[1]}.", f, 11), ("", f, 10),
        (f"A participant in the pilot, {participant[0]}, withdrew her complaint on", f, 11),
        (f"3 October; she asked to be called on {participant[1]} about the outcome.", f, 11), ("", f, 10),
        ("Part 2 - Exempt information", fb, 12),
        ("FOIA Sec 41 Information provided in confidence: exempt until 01/09/2035.", f, 11),
        (p.part2[0], f, 11), (p.part2[1], f, 11),
    ]
    p.say(1, *[t for t, _, _ in page1])
    p.say(2, *[t for t, _, _ in page2])
    p.planted = [(applicant[0], "PERSON", 1), (applicant[1], "PHONE_NUMBER", 1), (applicant[2], "EMAIL_ADDRESS", 1),
                 (admin[0], "PERSON", 1), (admin[1], "PHONE_NUMBER", 1), (admin[2], "EMAIL_ADDRESS", 1),
                 (student[0], "PERSON", 2), (student[1], "PHONE_NUMBER", 2),
                 (participant[0], "PERSON", 2), (participant[1], "PHONE_NUMBER", 2)]
    p.kept = [(vc, "PERSON", 1, "Vice-Chancellor, reporting to Senate")]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in (page1, page2):
        _lines(c, lines, 56, 790)
        c.showPage()
    c.save()
    rng = random.Random(6104)
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=0.0), 40) for im in _render(buf.getvalue(), 200)]), p


# --- 5. Fire authority decision notice: Chromium narrow sans, 300 dpi, page 2 sideways (/Rotate 90) -----------


def fire() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "pvfra.example.gov.uk"
    cfo, mayor = "Marcus Delacroix-Heaney", "Ruth Ekwueme-Saunders"
    author = ("Niamh O'Sullivan-Grey", "0161 496 0746", f"niamh.osullivan-grey@{dom}")
    adviser = ("Lwazi Dlamini", "+44 7700 900382")
    analyst = ("Gráinne Fitzpatrick", "020 7946 0638", f"grainne.fitzpatrick@{dom}")
    crew = ("Piotr Nowak-Elliott", "07700 900829")
    p.ordinary = ["The retained crew at Scarbeck will merge with the wholetime crew at Aldersgate from January.",
                  "No firefighter posts will be lost and cover times stay within the agreed standard."]
    page1 = [
        "Pennine Vale Fire and Rescue Authority",
        "Decision notice PVFRA 2030/19: Scarbeck retained duty crew",
        f"Decision taken by the Chief Fire Officer, {cfo}, under delegated powers on 2 December 2030.",
        p.ordinary[0], p.ordinary[1],
        f"Report author: {author[0]}, Group Manager, {author[1]}, {author[2]}",
        f"Equality impact assessment: {adviser[0]}, Inclusion Adviser, {adviser[1]}.",
        "Call-in: this decision may be called in by any three members of the Authority within five working days.",
    ]
    page2 = [
        "Consultation responses",
        "Forty-two responses were received, most of them from Scarbeck and the two nearest villages.",
        f"Responses were analysed by {analyst[0]}, {analyst[1]}, {analyst[2]}.",
        f"The Mayor, Councillor {mayor}, opened the public meeting in Scarbeck.",
        f"A letter from the Scarbeck crew was signed by watch manager {crew[0]}, {crew[1]}.",
    ]
    p.say(1, *page1)
    p.say(2, *page2)
    p.planted = [(author[0], "PERSON", 1), (author[1], "PHONE_NUMBER", 1), (author[2], "EMAIL_ADDRESS", 1),
                 (adviser[0], "PERSON", 1), (adviser[1], "PHONE_NUMBER", 1),
                 (analyst[0], "PERSON", 2), (analyst[1], "PHONE_NUMBER", 2), (analyst[2], "EMAIL_ADDRESS", 2),
                 (crew[0], "PERSON", 2), (crew[1], "PHONE_NUMBER", 2)]
    p.kept = [(cfo, "PERSON", 1, "Chief Fire Officer, taking the decision"),
              (mayor, "PERSON", 2, "the Mayor, opening the meeting")]
    _unbroken(p)
    css = ("body { font-family: 'Liberation Sans Narrow'; font-size: 12.5pt; line-height: 1.5 }"
           " h1 { font-size: 18pt; border-top: 4px solid #000; border-bottom: 1px solid #000; padding: 4px 0 }"
           " .box { border: 1px solid #000; padding: 6px 10px; margin-top: 8mm }")
    html1 = (f"<p><b>{_e(page1[0])}</b></p><h1>{_e(page1[1])}</h1>" + "".join(f"<p>{_e(t)}</p>" for t in page1[2:7])
             + f"<div class=box>{_e(page1[7])}</div>")
    html2 = f"<h2>{_e(page2[0])}</h2>" + "".join(f"<p>{_e(t)}</p>" for t in page2[1:])
    rng = random.Random(6105)
    pages = _pdftoppm(_chromium_pdf([html1, html2], css), 300)
    pictures = []
    for n, im in enumerate(pages):
        im = _scan(im, rng, noise=False, skew=0.5 if n == 0 else 0.0)
        if n == 1:
            im = im.rotate(90, expand=True)  # fed into the scanner on its side; /Rotate 90 shows it upright
        pictures.append(_jpeg(im, 50))
    return _sideways_pdf(pictures), p


# --- 6. Police misconduct outcome: a text page with a screenshot, and a scanned annex with a signature photo ---


def _case_screenshot(fields: list[tuple[str, str]]) -> Image.Image:
    """A case management system's window (colour): a blue title bar, a tab strip and labelled fields."""
    label = ImageFont.truetype(str(_TTF["LibSans-Bold"]), 24)
    value = ImageFont.truetype(str(_TTF["LibSans"]), 24)
    im = Image.new("RGB", (1040, 120 + 50 * len(fields)), (246, 247, 250))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, 1040, 46), fill=(32, 72, 140))
    d.text((16, 9), "PSD Case Manager - HPS/PSD/2030/061", font=value, fill=(255, 255, 255))
    d.rectangle((0, 46, 1040, 88), fill=(222, 226, 234))
    d.text((20, 54), "Summary    Parties    Documents    History", font=value, fill=(60, 60, 60))
    for i, (name, text) in enumerate(fields):
        y = 104 + 50 * i
        d.text((24, y), name, font=label, fill=(70, 70, 80))
        d.text((290, y), text, font=value, fill=(15, 15, 15))
    return im


def _signature_card(name: str, date: str, seed: int) -> Image.Image:
    """A phone photo of the signed foot of a statement: an italic 'hand', a scribble, the name printed below."""
    rng = random.Random(seed)
    im = Image.new("L", (1100, 380), 228)
    d = ImageDraw.Draw(im)
    d.text((70, 40), name.split()[0], font=ImageFont.truetype(str(_TTF["LibSerif-Italic"]), 60), fill=35)
    points = [(330 + 12 * i, 90 + int(30 * rng.random() - 15)) for i in range(35)]
    d.line(points, fill=30, width=4)
    d.line((60, 150, 820, 150), fill=70, width=2)
    d.text((60, 172), f"Signed: {name}", font=ImageFont.truetype(str(_TTF["Mono"]), 38), fill=30)
    d.text((60, 240), f"Date: {date}", font=ImageFont.truetype(str(_TTF["Mono"]), 34), fill=45)
    shade = Image.linear_gradient("L").resize(im.size)  # light falls from the top
    im = Image.blend(im, Image.eval(shade, lambda v: 235 - v // 4), 0.3)
    return im.rotate(-2.2, resample=Image.BICUBIC, fillcolor=200, expand=True).filter(ImageFilter.GaussianBlur(0.9))


def police_mixed() -> tuple[bytes, Paper]:
    _register_fonts()
    p = Paper()
    chair = "Hamish Ferreira-Stone"
    subject = "Dafydd Llewellyn-Marsh"
    complainant = ("Émilie Laurent-Achebe", "07700 900863", "emilie.laurent-achebe@mailbox.example.net")
    handler = ("Oisín Mulcahy", "0161 496 0571")
    witness = ("Agnieszka Zielińska-Hart", "0117 496 0248", "a.zielinska-hart@postbox.example.net")
    p.ordinary = ["The panel directed that the officer be dismissed without notice.",
                  "The witness saw the officer leave the custody suite at about nine in the evening."]
    text1 = [
        ("Office of the Police and Crime Commissioner for Harrowmere", "LibSans-Bold", 13),
        ("Misconduct hearing outcome - case HPS/PSD/2030/061", "LibSans-Bold", 12), ("", "LibSans", 10),
        (f"The panel was chaired by the legally qualified chair, {chair}.", "LibSans", 10.5),
        (f"The officer concerned, PC {subject}, was found to have committed gross misconduct.", "LibSans", 10.5),
        (p.ordinary[0], "LibSans", 10.5),
        ("The complaint record is reproduced below as it appears in the case system.", "LibSans", 10.5),
    ]
    fields = [("Complainant", complainant[0]), ("Phone", complainant[1]), ("E-mail", complainant[2]),
              ("Case handler", f"{handler[0]} ({handler[1]})"), ("Status", "Hearing concluded")]
    annex = [("Annex B - Witness statement (extract)", "Mono-Bold", 12), ("", "Mono", 10),
             (f"Witness A. Telephone {witness[1]}.", "Mono", 10.5), (f"E-mail {witness[2]}", "Mono", 10.5),
             ("", "Mono", 10), ("The witness saw the officer leave the custody suite at about", "Mono", 10.5),
             ("nine in the evening.", "Mono", 10.5)]
    p.say(1, *[t for t, _, _ in text1], *[f"{a} {b}" for a, b in fields])
    p.say(2, *[t for t, _, _ in annex], f"Signed: {witness[0]}")
    p.page_words[2].append(" ".join(t for t, _, _ in annex[5:7]))
    p.planted = [(subject, "PERSON", 1),
                 (complainant[0], "PERSON", 1), (complainant[1], "PHONE_NUMBER", 1),
                 (complainant[2], "EMAIL_ADDRESS", 1), (handler[0], "PERSON", 1), (handler[1], "PHONE_NUMBER", 1),
                 (witness[1], "PHONE_NUMBER", 2), (witness[2], "EMAIL_ADDRESS", 2), (witness[0], "PERSON", 2)]
    p.kept = [(chair, "PERSON", 1, "legally qualified chair of the panel, acting in role")]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, text1, 62, 785)
    shot = _case_screenshot(fields)
    width = 450
    height = width * shot.height / shot.width
    c.drawImage(ImageReader(io.BytesIO(_jpeg(shot, 72))), 62, y - height, width=width, height=height)
    c.setFont("LibSans", 10.5)
    c.drawString(62, y - height - 24, "The annex that follows is a scan of the signed witness statement.")
    c.showPage()
    c.save()
    a = io.BytesIO()
    ac = canvas.Canvas(a, pagesize=A4, invariant=1)
    _lines(ac, annex, 70, 770)
    ac.showPage()
    ac.save()
    page = _scan(_render(a.getvalue(), 150)[0], random.Random(6106), noise=True, skew=-1.1)
    photo = _signature_card(witness[0], "03/11/2030", 6106)
    page.paste(photo.resize((640, int(640 * photo.height / photo.width))), (140, 460))
    import pikepdf

    first = pikepdf.open(io.BytesIO(buf.getvalue()))
    second = pikepdf.open(io.BytesIO(_as_pdf([_jpeg(page, 50)])))
    first.pages.extend(second.pages)
    out = io.BytesIO()
    first.save(out, deterministic_id=True)
    return out.getvalue(), p


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "ambulance300": (ambulance, 300, False, "Chromium (two columns), pdftoppm", "300 dpi clean, JPEG 55"),
    "parish150_noisy": (parish, 150, True, "Chromium (table of attendees), pdftoppm",
                        "150 dpi, speckle, blur, grey paper, JPEG 50"),
    "coroner300_skewed": (coroner, 300, False, "reportlab (letter, signature block), pdfium",
                          "300 dpi, skewed 2.4 and -1.8 degrees, JPEG 55"),
    "university_jpeg40": (university, 200, False, "reportlab (condensed serif), pdfium", "200 dpi, JPEG 40"),
    "fire300_sideways": (fire, 300, False, "Chromium (narrow sans), pdftoppm",
                         "300 dpi, page 2 scanned on its side behind /Rotate 90, JPEG 50"),
    "police_mixed": (police_mixed, 150, True, "reportlab text page with a screenshot; scanned annex",
                     "page 1 text layer plus a colour screenshot (name, number, e-mail as pixels); page 2 150 dpi "
                     "speckled scan, skew -1.1 degrees, with a photographed signature block"),
}


def make_never_seen(out: Path = OUT) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, (make, dpi, noise, producer, degradation) in PAPERS.items():
        data, paper = make()
        paper.check(name)
        (out / f"{name}.pdf").write_bytes(data)
        manifest[name] = {
            "dpi": dpi, "noise": noise, "part2": paper.part2,
            "planted": [{"text": t, "type": k, "page": n} for t, k, n in paper.planted],
            "ordinary": paper.ordinary,
            "kept": [{"text": t, "type": k, "page": n, "role": r} for t, k, n, r in paper.kept],
            "producer": producer, "degradation": degradation,
        }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


if __name__ == "__main__":
    make_never_seen()
