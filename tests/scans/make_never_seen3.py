"""The third never-seen scan set (tests/scans/never_seen3/): eight scanned and mixed papers from bodies,
wording, people, layouts and faults that neither never_seen nor never_seen2 used, committed before any engine
(OCR, detection, redaction) read them. It is measured once (``bench/ocr.py --never-seen3``) and never tuned on.

Producers: Chromium (Nimbus Sans Narrow, Nimbus Roman, URW Bookman, P052), LibreOffice Writer (DejaVu Serif,
URW Gothic) and reportlab (DejaVu Sans Mono, Times-Roman). New faults: two-column minutes scanned, a 200 dpi
scan rotated 2 degrees, colour scans on blue and on yellow paper, a pen annotation and a signature in a hand,
a RECEIVED stamp over the text, a text page holding a screenshot of a spreadsheet, a page fed upside down
(pixels turned 180 degrees behind ``/Rotate 180``), 7 pt footnotes.

    .venv/bin/python -m tests.scans.make_never_seen3     # writes tests/scans/never_seen3/*.pdf and manifest.json

The manifest has the keys of never_seen2 (``dpi``, ``noise``, ``planted``, ``ordinary``, ``part2``, ``kept``,
``producer``, ``degradation``). Every planted and kept value is checked against the source of the page it
names (the source PDF's text before rasterising, or the words drawn as pixels), with make_never_seen2's
``Paper``. All people are fictional; every number is from Ofcom's drama ranges.
"""

from __future__ import annotations

import io
import random
import textwrap
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.scans.make_never_seen2 import (FONTS, Paper, _chromium, _e, _html_doc, _libreoffice, _lines, _pdf_pages,
                                          _pdftoppm, _unbroken, manifest_entry, write_manifest)
from tests.scans.make_scans import _as_pdf, _jpeg, _render, _scan

OUT = Path(__file__).parent / "never_seen3"
_TTF3 = {
    "Mono": FONTS / "truetype/dejavu/DejaVuSansMono.ttf",
    "Mono-Bold": FONTS / "truetype/dejavu/DejaVuSansMono-Bold.ttf",
}
_PIL = {
    "script": FONTS / "opentype/urw-base35/Z003-MediumItalic.otf",
    "pen": FONTS / "opentype/urw-base35/URWBookman-LightItalic.otf",
    "sheet": FONTS / "truetype/dejavu/DejaVuSans.ttf",
    "sheet-bold": FONTS / "truetype/dejavu/DejaVuSans-Bold.ttf",
    "stamp": FONTS / "opentype/urw-base35/NimbusSans-Bold.otf",
}


def _register() -> None:
    for name, path in _TTF3.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _render_rgb(data: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(doc))]
    finally:
        doc.close()


def _colour_scan(image: Image.Image, rng: random.Random, *, paper: tuple[int, int, int], skew: float) -> Image.Image:
    """A colour scan of a printed sheet of coloured paper: white becomes the paper's colour, toner stays dark
    but not black, a little sensor noise in each channel, a skew and a soft edge."""
    px = np.asarray(image.convert("RGB"), dtype=np.float32) / 255.0
    tint = np.array(paper, dtype=np.float32)
    out = 22 + px * (tint - 22)
    out += np.random.default_rng(rng.randrange(2**32)).normal(0, 5, out.shape).astype(np.float32)
    im = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")
    im = im.rotate(skew, resample=Image.BICUBIC, fillcolor=paper, expand=False)
    return im.filter(ImageFilter.GaussianBlur(0.6))


def _ink(base: Image.Image, mark: Image.Image, colour: tuple[int, int, int], at: tuple[int, int]) -> None:
    """Lay ink (``mark``: L, 255 where the ink is) of ``colour`` on ``base`` (RGB or L), multiplied in."""
    x, y = at
    region = base.crop((x, y, x + mark.width, y + mark.height))
    if base.mode == "L":
        ink = Image.new("L", mark.size, int(sum(colour) / 3))
    else:
        ink = Image.new("RGB", mark.size, colour)
    inked = ImageChops.multiply(region, ink)
    base.paste(Image.composite(inked, region, mark), (x, y))


def _hand(text: str, font: str, size: int, *, shear: float = 0.0, angle: float = 0.0) -> Image.Image:
    """Words in a hand: drawn in ``font``, sheared (a slanted hand) and turned a little; an L mask."""
    f = ImageFont.truetype(str(_PIL[font]), size)
    left, top, right, bottom = f.getbbox(text)
    w, h = right - left + size, bottom - top + size
    mask = Image.new("L", (w + int(abs(shear) * h), h), 0)
    ImageDraw.Draw(mask).text((size // 2 - left + (int(shear * h) if shear > 0 else 0), size // 2 - top), text,
                              font=f, fill=255)
    if shear:
        mask = mask.transform(mask.size, Image.AFFINE, (1, shear, 0, 0, 1, 0), resample=Image.BICUBIC)
    if angle:
        mask = mask.rotate(angle, resample=Image.BICUBIC, expand=True)
    return mask


def _stamp(lines: list[str], *, angle: float) -> Image.Image:
    """A rubber stamp: a double box with words, turned a little, ink a little patchy; an L mask."""
    f = ImageFont.truetype(str(_PIL["stamp"]), 44)
    small = ImageFont.truetype(str(_PIL["stamp"]), 30)
    w, h = 640, 60 + 58 * len(lines)
    mask = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(mask)
    d.rectangle((4, 4, w - 5, h - 5), outline=255, width=7)
    d.rectangle((18, 18, w - 19, h - 19), outline=255, width=3)
    y = 34
    for i, line in enumerate(lines):
        font = f if i == 0 else small
        tw = d.textlength(line, font=font)
        d.text(((w - tw) / 2, y), line, font=font, fill=255)
        y += 58
    arr = np.asarray(mask, dtype=np.float32)
    patchy = np.random.default_rng(13).uniform(0.55, 1.0, arr.shape).astype(np.float32)
    mask = Image.fromarray((arr * patchy).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(0.8))
    return mask.rotate(angle, resample=Image.BICUBIC, expand=True)


_URW = "file:///usr/share/fonts/opentype/urw-base35"
_NARROW = (f"@font-face {{ font-family: 'Narrow'; src: url('{_URW}/NimbusSansNarrow-Regular.otf') }} "
           f"@font-face {{ font-family: 'Narrow'; font-weight: bold; src: url('{_URW}/NimbusSansNarrow-Bold.otf') }}")
# (Chromium does not find Nimbus Sans Narrow by its family name, so it is loaded from its file)


# --- 1. Police and crime panel minutes in two columns: Chromium (Nimbus Sans Narrow), 300 dpi -----------------


def panel_minutes() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "tvpcp.example.gov.uk"
    pcc = "Oluwaseun Hartigan-Price"
    chief = "Magdalena Quarrie"
    cooptee = "Perpetua Ilunga"
    public = ("Dorcas M. Kettleborough", "dorcas.ak@hearthmail.example.com")
    supt = "Bartholomew Nakagawa"
    scrutiny = ("Gethin Prysor-Okparaeke", "0114 496 0372", f"gethin.prysor-okparaeke@{dom}")
    complainant = ("Ysolde Fenwright", "07700 900749")
    opcc = ("Tamsin Okwuosa-Grieve", "0114 496 0815")
    p.ordinary = ["The Panel noted the report on the use of stop and search in the night-time economy.",
                  "Members asked for the next report to show the figures for each district separately."]
    p.planted = [(cooptee, "PERSON", 1), (public[0], "PERSON", 1), (public[1], "EMAIL_ADDRESS", 1),
                 (supt, "PERSON", 1),
                 (scrutiny[0], "PERSON", 2), (scrutiny[1], "PHONE_NUMBER", 2), (scrutiny[2], "EMAIL_ADDRESS", 2),
                 (complainant[0], "PERSON", 2), (complainant[1], "PHONE_NUMBER", 2),
                 (opcc[0], "PERSON", 2), (opcc[1], "PHONE_NUMBER", 2)]
    p.kept = [(pcc, "PERSON", 1, "Police and Crime Commissioner, presenting the precept"),
              (chief, "PERSON", 1, "Chief Constable, answering the Panel's questions")]
    _unbroken(p)
    items1 = [
        ("41/30 Apologies", "Apologies were received from two district council members. The co-opted "
                            f"independent member, {cooptee}, attended by video link."),
        ("42/30 Public questions", f"One question had been received from {public[0]}, who had asked by e-mail "
                                   f"({public[1]}) why the Bramwell Road neighbourhood office had closed. A written "
                                   "answer would be published with these minutes."),
        ("43/30 Proposed precept 2031-32", f"The Police and Crime Commissioner for Thackeray Vale, {pcc}, presented "
                                            "the proposed precept. The increase would be twelve pounds a year for a "
                                            "Band D property. After debate the Panel agreed not to veto the precept."),
        ("44/30 Stop and search", p.ordinary[0] + f" Chief Superintendent {supt} explained how the figures were "
                                                  "gathered. " + p.ordinary[1]),
        ("45/30 Performance", f"The Chief Constable, {chief}, answered members' questions on response times in "
                              "rural areas, which had improved in each quarter of the year."),
    ]
    items2 = [
        ("46/30 Complaints against the Commissioner", "The Panel's complaints sub-committee had met once since "
         f"the last meeting. A complaint made by {complainant[0]} had been resolved informally; she had asked "
         f"to be told of the outcome on {complainant[1]}."),
        ("47/30 Work programme", "The Panel agreed its work programme for the rest of the year, including a "
                                 "confirmation hearing in February."),
        ("48/30 Date of next meeting", "Thursday 12 February 2031 at 10.30am, Council Chamber, Thackeray House."),
        ("Contacts", f"Panel scrutiny officer: {scrutiny[0]}, {scrutiny[1]}, {scrutiny[2]}. Office of the "
                     f"Commissioner: {opcc[0]}, Chief Executive and Monitoring Officer, {opcc[1]}."),
    ]
    css = (_NARROW + " body { font-family: 'Narrow'; font-size: 11pt; line-height: 1.4 } .cols { column-count: 2;"
           " column-gap: 9mm; column-rule: 0.6pt solid #000 } h1 { font-size: 15pt; margin: 0 0 2mm 0 }"
           " .sub { font-size: 11pt; border-bottom: 2px solid #000; padding-bottom: 2mm; margin-bottom: 5mm }"
           " h4 { margin: 0 0 1mm 0; font-size: 11pt } p { margin: 0 0 4mm 0; text-align: justify }")

    def cols(items: list[tuple[str, str]]) -> str:
        return "<div class=cols>" + "".join(
            f"<h4>{_e(h)}</h4><p{' style=text-align:left' if h == 'Contacts' else ''}>{_e(t)}</p>"
            for h, t in items) + "</div>"

    html1 = ("<h1>Thackeray Vale Police and Crime Panel</h1><div class=sub>Minutes of the meeting held on Thursday "
             "20 November 2030 at 10.30am, Council Chamber, Thackeray House</div>" + cols(items1))
    html2 = "<div class=sub>Minutes, 20 November 2030 (continued)</div>" + cols(items2)
    source = _chromium(_html_doc([html1, html2], css, margin="20mm"))
    p.read_source(source)
    rng = random.Random(7301)
    pages = _pdftoppm(source, 300)
    if len(pages) != 2:
        raise AssertionError(f"the minutes should be two pages, not {len(pages)}")
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=0.4 if n == 0 else -0.3), 50)
                    for n, im in enumerate(pages)]), p


# --- 2. Council Leader's letter: LibreOffice Writer (DejaVu Serif), 200 dpi, rotated 2 degrees -------------------


def leader_letter() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "pendleford.example.gov.uk"
    leader = "Hafsa Whitcombe"
    resident = "Idris Trevennor"
    ward = "Branwen ferch Ifan"
    secretary = ("Philomena Szczepańska-Rowe", "07700 900864", "philomena.sr@groupmail.example.org")
    officer = ("Lorcan Ferriter-Haines", "0115 496 0264", f"lorcan.ferriter@{dom}")
    p.ordinary = ["The Cabinet has agreed to list the Larkhill Reading Room as an asset of community value.",
                  "The group now has six weeks to say whether it wishes to bid for the building."]
    p.planted = [(resident, "PERSON", 1), (ward, "PERSON", 1), (secretary[0], "PERSON", 1),
                 (secretary[1], "PHONE_NUMBER", 1), (secretary[2], "EMAIL_ADDRESS", 1),
                 (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2), (officer[2], "EMAIL_ADDRESS", 2),
                 (resident, "PERSON", 2)]
    p.kept = [(leader, "PERSON", 2, "Leader of the Council, signing the letter")]
    _unbroken(p)
    page1 = [f"Dear Mr {resident},",
             "Thank you for your letter about the future of the Larkhill Reading Room.",
             p.ordinary[0],
             f"Your ward councillor, Councillor {ward}, spoke in support of the nomination at the meeting "
             "and asked me to write to you with the outcome.",
             p.ordinary[1],
             f"The Friends of Larkhill told us that their secretary, {secretary[0]}, will coordinate any bid. "
             f"She can be reached on {secretary[1]} or at {secretary[2]}.",
             "The building will stay open for the Tuesday and Thursday sessions while the moratorium runs."]
    page2 = ["If the group decides to bid, the Council's estates team will provide the survey and the "
             "valuation that were prepared last year.",
             f"The officer dealing with the listing is {officer[0]}, Community Assets Officer, who can be "
             f"contacted on {officer[1]} or at {officer[2]}.",
             "Yours sincerely,", f"Councillor {leader}", "Leader of the Council",
             f"Copy to: Mr {resident}, by post"]
    css = ("body { font-family: 'DejaVu Serif'; font-size: 11.5pt } p { margin: 0 0 10pt 0 }"
           " .org { font-size: 19pt; font-weight: bold } .addr { font-size: 9.5pt }")
    html1 = ("<p class=org>Pendleford Borough Council</p><p class=addr>Office of the Leader, Town Hall, Market "
             "Square, Pendleford</p><p>&nbsp;</p><p>5 December 2030</p>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1))
    html2 = ("".join(f"<p>{_e(t)}</p>" for t in page2[:3]) + "<p>&nbsp;</p><p>&nbsp;</p>"
             + f"<p><b>{_e(page2[3])}</b><br>{_e(page2[4])}</p><p>&nbsp;</p><p class=addr>{_e(page2[5])}</p>")
    doc = ("<!doctype html><html><head><meta charset='utf-8'><style>" + css + "</style></head><body>"
           f"<div>{html1}</div><p style='page-break-before: always'></p><div>{html2}</div></body></html>")
    source = _libreoffice(doc)
    p.read_source(source)
    rng = random.Random(7302)
    pages = _pdftoppm(source, 200)
    if len(pages) != 2:
        raise AssertionError(f"the letter should be two pages, not {len(pages)}")
    return _as_pdf([_jpeg(_scan(im, rng, noise=False, skew=2.0 if n == 0 else -2.0), 55)
                    for n, im in enumerate(pages)]), p


# --- 3. Fire authority decision notice on blue paper: reportlab (DejaVu Sans Mono), colour 200 dpi -------------


def fire_blue() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "severnmouth-fire.example.gov.uk"
    cfo = "Ignatius Borthwick-Nwachukwu"
    dcfo = "Rosamund Iwu"
    respondent = ("Wilhelmina Strudwick", "w.strudwick@letterbox.example.net")
    manager = ("Caradog Heathcote", "029 2018 0157")
    comms = ("Ottoline Diallo", "029 2018 0466", f"ottoline.diallo@{dom}")
    petitioner = ("Kenji Ndaba", "07700 900392")
    f, fb = "Mono", "Mono-Bold"
    p.ordinary = ["The second fire engine at Aldergate will be crewed on weekdays only from 1 April 2031.",
                  "Response times in the Aldergate area are expected to stay within the ten minute standard."]
    page1 = [
        ("Severnmouth Fire and Rescue Authority", fb, 13), ("Decision notice SFRA/D/2030/09", fb, 10.5),
        ("", f, 9),
        ("Decision taken by: Chief Fire Officer", f, 9.5), (cfo, fb, 9.5), ("Date: 3 December 2030", f, 9.5),
        ("", f, 9),
        ("Decision", fb, 10.5),
        *[(t, f, 9.5) for t in textwrap.wrap(p.ordinary[0], 72)], ("", f, 9),
        ("Consultation", fb, 10.5),
        ("The Authority received 214 responses. Most opposed any change to", f, 9.5),
        (f"night cover. One response, from {respondent[0]},", f, 9.5),
        (f"was sent from {respondent[1]} and", f, 9.5),
        ("asked for the figures by ward.", f, 9.5), ("", f, 9),
        (f"Station Manager {manager[0]} spoke for the retained", f, 9.5),
        (f"crews and may be contacted on {manager[1]}.", f, 9.5),
    ]
    page2 = [
        ("Reasons", fb, 10.5),
        *[(t, f, 9.5) for t in textwrap.wrap(p.ordinary[1], 72)], ("", f, 9),
        (f"The consultation meetings were chaired by the Deputy Chief", f, 9.5),
        (f"Fire Officer, {dcfo}.", f, 9.5), ("", f, 9),
        (f"A petition of 1,180 names was handed in by {petitioner[0]},", f, 9.5),
        (f"who asked to be called back on {petitioner[1]}.", f, 9.5), ("", f, 9),
        ("Media enquiries", fb, 10.5),
        (f"{comms[0]}, Head of Corporate Communications,", f, 9.5),
        (f"{comms[1]}, {comms[2]}", f, 9.5), ("", f, 9),
        ("Signed", f, 9.5), ("", f, 9), (f"{cfo}, Chief Fire Officer", fb, 9.5),
    ]
    p.planted = [(respondent[0], "PERSON", 1), (respondent[1], "EMAIL_ADDRESS", 1),
                 (manager[0], "PERSON", 1), (manager[1], "PHONE_NUMBER", 1),
                 (petitioner[0], "PERSON", 2), (petitioner[1], "PHONE_NUMBER", 2),
                 (comms[0], "PERSON", 2), (comms[1], "PHONE_NUMBER", 2), (comms[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(cfo, "PERSON", 1, "Chief Fire Officer, taking the decision"),
              (dcfo, "PERSON", 2, "Deputy Chief Fire Officer, chairing the consultation meetings"),
              (cfo, "PERSON", 2, "Chief Fire Officer, signing the decision")]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in (page1, page2):
        c.setLineWidth(1.2)
        c.rect(52, 120, A4[0] - 104, A4[1] - 180)
        _lines(c, lines, 66, 770)
        c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    rng = random.Random(7303)
    pages = _render_rgb(buf.getvalue(), 200)
    return _as_pdf([_jpeg(_colour_scan(im, rng, paper=(196, 220, 246), skew=0.6 if n == 0 else 0.4), 60)
                    for n, im in enumerate(pages)]), p


# --- 4. Minister's reply to an MP on yellow file-copy paper, a pen note and a signature: Chromium (Nimbus Roman)


def minister_yellow() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "dfrt.example.gov.uk"
    minister = "Clementine Ashby-Oyelaran"
    mp = "Desmond Achterhof-Quayle"
    constituent = ("Gwenllian Strachan", "0131 496 0718")
    caseworker = ("Rafferty Onwuachi-Lowndes", "rafferty.onwuachi-lowndes@parliament.example.uk")
    pen_phone = "07700 900657"
    officer = ("Imogen Castellaro-Frith", "020 7946 0238", f"imogen.castellaro-frith@{dom}")
    p.ordinary = ["The Department has no plans to withdraw funding for the Glenmorrow ferry service.",
                  "The timetable for the winter months will be agreed with the operator by the end of January."]
    p.planted = [(constituent[0], "PERSON", 1), (constituent[1], "PHONE_NUMBER", 1), (caseworker[0], "PERSON", 1),
                 (caseworker[1], "EMAIL_ADDRESS", 1), (pen_phone, "PHONE_NUMBER", 1),
                 (constituent[0], "PERSON", 2),
                 (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2), (officer[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(minister, "PERSON", 1, "Minister for Rural Transport, on whose behalf the reply is sent"),
              (mp, "PERSON", 1, "Member of Parliament, writing for a constituent")]
    _unbroken(p)
    page1 = [
        f"{mp} MP", "House of Commons, London SW1A 0AA", "Our ref: MC/2030/08817 - 2 December 2030",
        f"Dear {mp.split()[0]},",
        f"Thank you for your letter of 14 November on behalf of your constituent, Mrs {constituent[0]}, about "
        "the Glenmorrow ferry. The Minister for Rural Transport, " + minister + ", has asked me to reply.",
        p.ordinary[0],
        f"Mrs {constituent[0].split()[1]} gave her telephone number as {constituent[1]} and asked that the "
        "reply also go to your caseworker, " + caseworker[0] + f", at {caseworker[1]}.",
        p.ordinary[1],
    ]
    page2 = [
        "The operator has told us that the two sailings lost in October were cancelled because of the weather "
        "and not for want of crew.",
        f"I am sending a copy of this letter to Mrs {constituent[0]}.",
        "Yours sincerely,",
        f"{officer[0]}", "Ministerial Correspondence Unit, Department for Rural Transport",
        f"{officer[1]} | {officer[2]}",
    ]
    css = ("body { font-family: 'Nimbus Roman'; font-size: 12pt; line-height: 1.45 } p { margin: 0 0 9pt 0 }"
           " .dept { font-size: 15pt; letter-spacing: 1px; border-bottom: 1px solid #000; padding-bottom: 2mm;"
           " margin-bottom: 8mm } .copy { font-size: 9pt; text-align: right } .sign { margin-top: 24mm }")
    html1 = ("<p class=copy>FILE COPY</p><p class=dept>Department for Rural Transport</p>"
             f"<p>{_e(page1[0])}<br>{_e(page1[1])}</p><p>{_e(page1[2])}</p>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1[3:]))
    html2 = ("".join(f"<p>{_e(t)}</p>" for t in page2[:3])
             + f"<p class=sign><b>{_e(page2[3])}</b><br>{_e(page2[4])}<br>{_e(page2[5])}</p>")
    source = _chromium(_html_doc([html1, html2], css, margin="24mm"))
    p.read_source(source)
    note = f"Spoke to Mrs {constituent[0].split()[1]} 4/12 - mobile {pen_phone}"
    p.draw(1, note)
    rng = random.Random(7304)
    pages = _render_rgb(source, 200)
    if len(pages) != 2:
        raise AssertionError(f"the letter should be two pages, not {len(pages)}")
    blue = (30, 50, 150)
    # page 1: a pen note in the bottom margin, written in a slanted hand in blue ballpoint
    pen = _hand(note, "pen", 40, shear=0.22, angle=1.5)
    _ink(pages[0], pen, blue, (150, pages[0].height - 330))
    # page 2: the signature, in a script hand, above the printed name; a pen stroke under it
    sign = _hand(f"I. {officer[0].split()[1]}", "script", 78, angle=4)
    _ink(pages[1], sign, blue, (170, _sign_y(source, 1, officer[0]) - sign.height + 10))
    return _as_pdf([_jpeg(_colour_scan(im, rng, paper=(252, 240, 168), skew=-0.5 if n == 0 else 0.3), 60)
                    for n, im in enumerate(pages)]), p


def _sign_y(source: bytes, index: int, value: str, dpi: int = 200) -> int:
    """The pixel row (at ``dpi``) of the top of ``value`` on page ``index`` of the source PDF."""
    doc = pdfium.PdfDocument(source)
    try:
        page = doc[index]
        text = page.get_textpage()
        whole = text.get_text_range()
        at = whole.find(value)
        if at < 0:
            raise AssertionError(f"{value!r} is not on page {index + 1}")
        top = text.get_charbox(at)[3]
        return int((page.get_height() - top) * dpi / 72)
    finally:
        doc.close()


# --- 5. A resident's planning complaint stamped RECEIVED over the text: Chromium (URW Bookman), 300 dpi -------


def planning_stamp() -> tuple[bytes, Paper]:
    p = Paper()
    resident = ("Barnaby Olufemi-Castell", "0151 496 0287", "barnaby.oc@homemail.example.co.uk")
    neighbour = "Seraphina Kowalczyk"
    agent = ("Aurelio da Fonseca", "0151 496 0633")
    enforcement = "Delphine Oyelowo-Hartnell"
    cabinet = "Nerys Lockwood"
    p.ordinary = ["The extension at the back of number 14 is far taller than the drawings that were approved.",
                  "It blocks the afternoon light from our kitchen and from most of the garden."]
    p.planted = [(resident[0], "PERSON", 1), (resident[1], "PHONE_NUMBER", 1), (resident[2], "EMAIL_ADDRESS", 1),
                 (neighbour, "PERSON", 1), (agent[0], "PERSON", 1), (agent[1], "PHONE_NUMBER", 1),
                 (enforcement, "PERSON", 1)]
    p.kept = [(cabinet, "PERSON", 1, "Cabinet Member for Planning, copied in that role")]
    _unbroken(p)
    paras = [
        "Planning Enforcement, Merebrook Metropolitan Borough Council, Civic Centre, Merebrook",
        "1 December 2030",
        "Dear Sir or Madam,",
        "Complaint: unauthorised works at 14 Quayside Terrace",
        f"I wish to complain about the extension being built by my neighbour, {neighbour}, at 14 Quayside "
        "Terrace.",
        p.ordinary[0] + " " + p.ordinary[1],
        f"Her architect, {agent[0]}, told me on the telephone ({agent[1]}) that the changes were minor and "
        "needed no new permission. I do not believe that is right.",
        f"I spoke to {enforcement} in your department in October and was told a visit would be made, but "
        "nobody has come.",
        "I would be grateful if you would visit before the roof goes on.",
        "Yours faithfully,",
        f"{resident[0]}",
        f"16 Quayside Terrace, Merebrook - {resident[1]} - {resident[2]}",
        f"cc: Councillor {cabinet}, Cabinet Member for Planning",
    ]
    css = ("body { font-family: 'URW Bookman'; font-size: 10.5pt; line-height: 1.5 } p { margin: 0 0 8pt 0 }"
           " .to { margin-bottom: 10mm } .re { font-weight: bold } .gap { margin-top: 14mm }")
    html = (f"<p class=to>{_e(paras[0])}</p><p>{_e(paras[1])}</p><p>{_e(paras[2])}</p><p class=re>{_e(paras[3])}</p>"
            + "".join(f"<p>{_e(t)}</p>" for t in paras[4:10])
            + f"<p class=gap>{_e(paras[10])}<br>{_e(paras[11])}</p><p>{_e(paras[12])}</p>")
    source = _chromium(_html_doc([html], css, margin="25mm"))
    p.read_source(source)
    page = _pdftoppm(source, 300)[0]
    if len(_pdftoppm(source, 72)) != 1:
        raise AssertionError("the complaint should be one page")
    # the RECEIVED stamp lands over the enforcement officer's paragraph; a second, smaller box (the scanning
    # clerk's) over the resident's contact line
    stamp = _stamp(["RECEIVED", "03 DEC 2030", "PLANNING ENFORCEMENT"], angle=-7)
    y = _sign_y(source, 0, enforcement, dpi=300)
    stamp = stamp.resize((stamp.width * 5 // 4, stamp.height * 5 // 4))
    _ink(page, stamp, (110, 110, 110), (560, y - 150))
    box = _stamp(["SCANNED", "ref MB/PE/30/4471"], angle=3)
    y2 = _sign_y(source, 0, resident[1], dpi=300)
    _ink(page, box.resize((box.width * 3 // 4, box.height * 3 // 4)), (120, 120, 120), (1250, y2 - 110))
    return _as_pdf([_jpeg(_scan(page, random.Random(7305), noise=False, skew=0.2), 55)]), p


# --- 6. Grants decision: reportlab text page (Times) with a spreadsheet screenshot; scanned approval page --------


def _spreadsheet(rows: list[tuple[str, ...]], widths: list[int]) -> Image.Image:
    """A spreadsheet window: a formula bar, column letters, row numbers, grid lines, a bold header row."""
    font = ImageFont.truetype(str(_PIL["sheet"]), 20)
    bold = ImageFont.truetype(str(_PIL["sheet-bold"]), 20)
    gutter, row_h, top = 46, 34, 78
    w = gutter + sum(widths) + 2
    h = top + row_h * (len(rows) + 2)
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 40), fill=(33, 115, 70))
    d.text((12, 9), "Community Safety Grants 2030-31 tracker.xlsx", font=bold, fill=(255, 255, 255))
    d.rectangle((0, 40, w, 74), fill=(243, 243, 243))
    d.text((12, 46), "fx", font=font, fill=(90, 90, 90))
    d.rectangle((0, 74, w, top + row_h - 4), fill=(230, 230, 230))
    x = gutter
    for i, width in enumerate(widths):
        d.text((x + width // 2 - 6, top - 2), "ABCDEFG"[i], font=font, fill=(80, 80, 80))
        x += width
    for r, row in enumerate(rows, start=1):
        y = top + row_h * r
        d.rectangle((0, y - 4, gutter - 2, y + row_h - 4), fill=(230, 230, 230))
        d.text((14, y), str(r), font=font, fill=(80, 80, 80))
        x = gutter
        for width, cell in zip(widths, row):
            d.text((x + 6, y), cell, font=bold if r == 1 else font, fill=(10, 10, 10))
            x += width
    for r in range(len(rows) + 2):
        d.line((0, top + row_h * r - 4, w, top + row_h * r - 4), fill=(200, 200, 200), width=1)
    x = gutter
    for width in [0, *widths]:
        x += width
        d.line((x, top - 4, x, h), fill=(200, 200, 200), width=1)
    return im


def grants_mixed() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "hallamshire-pfcc.example.gov.uk"
    pfcc = "Fitzgerald Okorafor-Maitland"
    grantees = [("Ebenezer Tshabalala-Moore", "Dunmore St Youth Boxing", "0141 496 0375",
                 "e.tshabalala-moore@dunmoreboxing.example.org", "4,800"),
                ("Marisol Acheampong", "Westfold Food Share", "07700 900918",
                 "marisol@westfoldfoodshare.example.org", "3,250"),
                ("Thaddeus O'Callaghan-Ito", "Riverside Street Pastors", "0141 496 0652", "-", "2,600")]
    officer = ("Saoirse Ní Bhealáin", "0141 496 0193")
    p.ordinary = ["The Commissioner approved three grants from the Community Safety Fund for the year.",
                  "Each group will report on how the money was spent by the end of September."]
    rows = [("Lead contact", "Organisation", "Phone", "Email", "Award (£)")] + grantees
    p.draw(1, *[cell for row in rows for cell in row])
    p.planted = [(grantees[0][0], "PERSON", 1), (grantees[0][2], "PHONE_NUMBER", 1),
                 (grantees[0][3], "EMAIL_ADDRESS", 1),
                 (grantees[1][0], "PERSON", 1), (grantees[1][2], "PHONE_NUMBER", 1),
                 (grantees[1][3], "EMAIL_ADDRESS", 1),
                 (grantees[2][0], "PERSON", 1), (grantees[2][2], "PHONE_NUMBER", 1),
                 (officer[0], "PERSON", 2), (officer[1], "PHONE_NUMBER", 2)]
    p.kept = [(pfcc, "PERSON", 2, "Police, Fire and Crime Commissioner, approving the grants")]
    text1 = [("Office of the Police, Fire and Crime Commissioner for Hallamshire", "Times-Bold", 14),
             ("Decision record PFCC/DR/2030/58: Community Safety Fund, round two", "Times-Bold", 11.5),
             ("", "Times-Roman", 9),
             (p.ordinary[0], "Times-Roman", 11.5), (p.ordinary[1], "Times-Roman", 11.5),
             ("The table below was pasted from the grants team's tracker and shows the lead contact for each",
              "Times-Roman", 11.5),
             ("group, as the panel saw it on 26 November 2030.", "Times-Roman", 11.5), ("", "Times-Roman", 6)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, text1, 60, 780)
    shot = _spreadsheet(rows, [300, 290, 170, 560, 120])
    width = A4[0] - 120
    height = width * shot.height / shot.width
    c.drawImage(ImageReader(io.BytesIO(_jpeg(shot, 80))), 60, y - height, width=width, height=height)
    _lines(c, [("Total awarded: 10,650 pounds. The fund's remaining balance is carried to round three.",
                "Times-Roman", 11.5)], 60, y - height - 24)
    c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    annex = [("Approval", "Times-Bold", 13), ("", "Times-Roman", 10),
             ("I approve the grants set out in decision record PFCC/DR/2030/58.", "Times-Roman", 12),
             ("", "Times-Roman", 12), ("", "Times-Roman", 12), ("", "Times-Roman", 12),
             (pfcc, "Times-Bold", 12), ("Police, Fire and Crime Commissioner for Hallamshire", "Times-Roman", 12),
             ("Date: 28 November 2030", "Times-Roman", 12), ("", "Times-Roman", 12),
             (f"Contact for this decision: {officer[0]}, Grants and Commissioning Officer,", "Times-Roman", 11),
             (f"telephone {officer[1]}.", "Times-Roman", 11)]
    a = io.BytesIO()
    ac = canvas.Canvas(a, pagesize=A4, invariant=1)
    _lines(ac, annex, 72, 760)
    ac.showPage()
    ac.save()
    p.read_source(a.getvalue(), first_page=2)
    page = _render(a.getvalue(), 150)[0]
    page = _scan(page, random.Random(7306), noise=True, skew=-0.8)
    return _pdf_pages(buf.getvalue(), _as_pdf([_jpeg(page, 50)])), p


# --- 7. Highways objections report: Chromium (P052), 300 dpi, page 2 fed upside down behind /Rotate 180 ---------


def highways_upside_down() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "northcombe.example.gov.uk"
    member = "Evander Prydderch"
    objector1 = ("Lysander Mwangi", "lysander.mh@postmail.example.com")
    objector2 = ("Agnieszka Thorburn-Quayleford", "0191 498 0251")
    engineer = ("Cosmo Adeleke-Prenderby", "0191 498 0784", f"cosmo.adeleke-prenderby@{dom}")
    p.ordinary = ["The order would make Ferrier Lane one way northbound between the school and the church.",
                  "Nine objections were received and two letters of support during the statutory period."]
    p.planted = [(objector1[0], "PERSON", 1), (objector1[1], "EMAIL_ADDRESS", 1),
                 (objector2[0], "PERSON", 1), (objector2[1], "PHONE_NUMBER", 1),
                 (objector1[0], "PERSON", 2),
                 (engineer[0], "PERSON", 2), (engineer[1], "PHONE_NUMBER", 2), (engineer[2], "EMAIL_ADDRESS", 2)]
    p.kept = [(member, "PERSON", 1, "Executive Member for Highways, taking the decision")]
    _unbroken(p)
    page1 = [
        "Northcombe County Council", "Report to the Executive Member for Highways",
        "Ferrier Lane, Holmby: proposed one-way order - objections",
        f"This report asks the Executive Member for Highways, Councillor {member}, to decide whether to make "
        "the order as advertised.",
        p.ordinary[0], p.ordinary[1],
        f"The main objection, from {objector1[0]} ({objector1[1]}), is that the diversion adds a mile to "
        "journeys from the farms north of the village.",
        f"{objector2[0]}, who runs the post office, asked for a loading bay and gave {objector2[1]} as her "
        "daytime number.",
    ]
    page2 = [
        "Officer's response",
        f"A loading bay can be provided outside the post office. The point made by {objector1[0]} is "
        "accepted in part: farm vehicles will be exempt from the order.",
        "Recommendation: that the order is made with the two changes above.",
        f"Report author: {engineer[0]}, Senior Traffic Engineer, {engineer[1]}, {engineer[2]}",
    ]
    css = ("body { font-family: 'P052'; font-size: 11.5pt; line-height: 1.5 } p { margin: 0 0 9pt 0 }"
           " .org { font-size: 17pt; font-weight: bold; margin: 0 } .to { font-size: 11pt; margin-bottom: 6mm }"
           " h2 { font-size: 13pt }")
    html1 = (f"<p class=org>{_e(page1[0])}</p><p class=to>{_e(page1[1])}</p><h2>{_e(page1[2])}</h2>"
             + "".join(f"<p>{_e(t)}</p>" for t in page1[3:]))
    html2 = (f"<h2>{_e(page2[0])}</h2>" + "".join(f"<p>{_e(t)}</p>" for t in page2[1:3])
             + f"<p style='margin-top: 16mm; font-size: 10.5pt'>{_e(page2[3])}</p>")
    source = _chromium(_html_doc([html1, html2], css, margin="22mm"))
    p.read_source(source)
    rng = random.Random(7307)
    pages = _pdftoppm(source, 300)
    if len(pages) != 2:
        raise AssertionError(f"the report should be two pages, not {len(pages)}")
    scans = [_scan(im, rng, noise=False, skew=0.3 if n == 0 else -0.4) for n, im in enumerate(pages)]
    scans[1] = scans[1].rotate(180)  # fed into the scanner upside down; the viewer turns it back
    return _as_pdf([_jpeg(im, 50) for im in scans], rotate={1: 180}), p


# --- 8. Combined authority mayoral decision with 7 pt footnotes: LibreOffice Writer (URW Gothic), 200 dpi -------


def mayoral_footnotes() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "calderfold-ca.example.gov.uk"
    mayor = "Ishbel Ravenscroft-Nnaji"
    director = ("Cressida J. Langford", "c.langford@moorlinkbuses.example.co.uk")
    analyst = ("Tiberius Golightly", "0161 496 0492", f"t.golightly@{dom}")
    forum = ("Anouk Verhoeven", "07700 900276")
    p.ordinary = ["The Mayor has decided to introduce bus franchising across the whole of the combined area.",
                  "The first franchised routes will start in the south of the area in September 2032."]
    p.planted = [(director[0], "PERSON", 1), (director[1], "EMAIL_ADDRESS", 1),
                 (analyst[0], "PERSON", 1), (analyst[1], "PHONE_NUMBER", 1), (analyst[2], "EMAIL_ADDRESS", 1),
                 (forum[0], "PERSON", 1), (forum[1], "PHONE_NUMBER", 1)]
    p.kept = [(mayor, "PERSON", 1, "Mayor of Calderfold, taking the decision")]
    _unbroken(p)
    body = [
        f"Decision of the Mayor of Calderfold, {mayor}, made on 4 December 2030.",
        p.ordinary[0], p.ordinary[1],
        "The consultation ran for twelve weeks and received 6,412 responses, of which two thirds supported the "
        "proposed scheme.[1]",
        f"The largest operator, Moorlink Buses, opposed the scheme. Its Managing Director, {director[0]}, "
        "argued that a partnership would deliver the same benefits sooner.[2]",
        "The Mayor considered the operators' responses and the independent assurance report before deciding.",
    ]
    notes = [
        f"[1] Analysis of responses by {analyst[0]}, Transport Policy Analyst, {analyst[1]}, {analyst[2]}.",
        f"[2] Letter of 30 October 2030 from {director[1]}; a meeting note was taken by {forum[0]} of "
        f"the Calderfold Bus Users' Forum, {forum[1]}.",
        "[3] Transport Act 2000, section 123G, as amended by the Bus Services Act 2017.",
    ]
    css = ("body { font-family: 'URW Gothic'; font-size: 11pt } p { margin: 0 0 9pt 0 }"
           " .org { font-size: 16pt; font-weight: bold } .note { font-size: 7pt; margin: 0 0 3pt 0 }")
    html = ("<p class=org>Calderfold Combined Authority</p><p><b>Mayoral decision MD/2030/41: bus franchising"
            "</b></p>" + "".join(f"<p>{_e(t)}</p>" for t in body)
            + "<p>&nbsp;</p><p>&nbsp;</p><hr>" + "".join(f"<p class=note>{_e(t)}</p>" for t in notes))
    doc = ("<!doctype html><html><head><meta charset='utf-8'><style>" + css + "</style></head><body>"
           + html + "</body></html>")
    source = _libreoffice(doc)
    p.read_source(source)
    pages = _pdftoppm(source, 200)
    if len(pages) != 1:
        raise AssertionError(f"the decision should be one page, not {len(pages)}")
    return _as_pdf([_jpeg(_scan(pages[0], random.Random(7308), noise=False, skew=-0.4), 50)]), p


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "panel_minutes_2col": (panel_minutes, 300, False, "Chromium (Nimbus Sans Narrow, two CSS columns), pdftoppm",
                           "300 dpi, skew 0.4 and -0.3 degrees, JPEG 50; minutes set in two justified columns "
                           "with a rule between them"),
    "leader_letter_rot2": (leader_letter, 200, False, "LibreOffice Writer (DejaVu Serif, HTML letter), pdftoppm",
                           "200 dpi, rotated 2.0 degrees (page 1) and -2.0 degrees (page 2), JPEG 55"),
    "fire_blue": (fire_blue, 200, False, "reportlab (DejaVu Sans Mono, boxed notice), pdfium (colour)",
                  "colour scan on pale blue paper: 200 dpi RGB, toner lifted off black, sensor noise, "
                  "skew 0.6 and 0.4 degrees, JPEG 60 (colour)"),
    "minister_yellow": (minister_yellow, 200, False, "Chromium (Nimbus Roman), pdfium (colour)",
                        "colour scan of a yellow file copy: 200 dpi RGB, skew -0.5 and 0.3 degrees, JPEG 60; a "
                        "blue ballpoint note in a slanted hand carrying a mobile number (page 1), a signature in "
                        "a script hand above the printed name (page 2)"),
    "planning_stamp": (planning_stamp, 300, False, "Chromium (URW Bookman), pdftoppm",
                       "300 dpi, skew 0.2 degrees, JPEG 55; a RECEIVED rubber stamp (double box, patchy ink, "
                       "turned 7 degrees) over a paragraph naming an officer, and a SCANNED box over the "
                       "writer's phone and e-mail line"),
    "grants_mixed": (grants_mixed, 150, True, "reportlab text page (Times-Roman) with a spreadsheet screenshot; "
                                              "scanned page",
                     "page 1 text layer plus a colour screenshot of a spreadsheet (names, numbers, e-mails in "
                     "cells, as pixels); page 2 150 dpi speckled scan, skew -0.8 degrees, JPEG 50"),
    "highways_upside_down": (highways_upside_down, 300, False, "Chromium (P052), pdftoppm",
                             "300 dpi, JPEG 50, skew 0.3 and -0.4 degrees; page 2 fed upside down (pixels "
                             "turned 180 degrees) and shown upright by /Rotate 180"),
    "mayoral_footnotes7": (mayoral_footnotes, 200, False, "LibreOffice Writer (URW Gothic, HTML), pdftoppm",
                           "200 dpi, skew -0.4 degrees, JPEG 50; footnotes in 7 pt carrying names, numbers and "
                           "e-mails"),
}


def make_never_seen3(out: Path = OUT, only: list[str] | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, (make, dpi, noise, producer, degradation) in PAPERS.items():
        if only and name not in only:
            continue
        data, paper = make()
        paper.check(name)
        (out / f"{name}.pdf").write_bytes(data)
        manifest[name] = manifest_entry(paper, dpi, noise, producer, degradation)
    if not only:
        write_manifest(out, manifest)
    return manifest


if __name__ == "__main__":
    import sys

    make_never_seen3(only=sys.argv[1:] or None)
