"""The fourth never-seen scan set (tests/scans/never_seen4/): eight scanned and mixed papers from bodies,
wording, people, layouts and faults that never_seen, never_seen2 and never_seen3 did not use, committed before
any engine (OCR, detection, redaction) read them. It is measured once (``bench/ocr.py --never-seen4``) and never
tuned on.

Producers: Chromium (Liberation Sans, C059, DejaVu Sans ExtraLight), LibreOffice Writer (Nimbus Sans, Nimbus
Mono PS) and reportlab (Noto Mono, Noto Sans Mono, Helvetica for a form). New faults: a fax cut to 1 bit by
error diffusion (dithered) and stored CCITT G4, with a sending machine's header line in tiny type; a phone
photo of a page lying on a desk (perspective, vignette, warm light, blur); a faint carbon copy; a form filled
in by hand in boxes (a number written one digit to a box); a ruled grid table on a landscape page scanned in
portrait and shown upright by ``/Rotate 270``; a 300 dpi scan at JPEG quality 30 under a grey diagonal COPY
watermark; a text page holding a small picture of an e-mail header (From, To, Cc); two A5 pages scanned
side by side on one A4 landscape sheet.

    .venv/bin/python -m tests.scans.make_never_seen4     # writes tests/scans/never_seen4/*.pdf and manifest.json

The manifest has the keys of never_seen2 and never_seen3 (``dpi``, ``noise``, ``planted``, ``ordinary``,
``part2``, ``kept``, ``producer``, ``degradation``). Every planted and kept value is checked against the source
of the page it names (the source PDF's text before rasterising, or the words drawn as pixels), with
make_never_seen2's ``Paper``. All people are fictional; every number is from Ofcom's drama ranges.
"""

from __future__ import annotations

import io
import random
import textwrap
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.scans.make_never_seen2 import (FONTS, Paper, _chromium, _e, _html_doc, _libreoffice, _lines, _pdf_pages,
                                          _pdftoppm, _unbroken, manifest_entry, write_manifest)
from tests.scans.make_scans import _as_pdf, _jpeg, _render, _scan

OUT = Path(__file__).parent / "never_seen4"
_TTF4 = {
    "NotoMono": FONTS / "truetype/noto/NotoMono-Regular.ttf",
    "NotoSansMono": FONTS / "truetype/noto/NotoSansMono-Regular.ttf",
    "NotoSansMono-Bold": FONTS / "truetype/noto/NotoSansMono-Bold.ttf",
    "DVLight": FONTS / "truetype/dejavu/DejaVuSans-ExtraLight.ttf",
}
_PIL = {
    "fax": FONTS / "truetype/noto/NotoMono-Regular.ttf",
    "hand": FONTS / "opentype/urw-base35/NimbusSansNarrow-Oblique.otf",
    "mail": FONTS / "opentype/urw-base35/NimbusSans-Regular.otf",
    "mail-bold": FONTS / "opentype/urw-base35/NimbusSans-Bold.otf",
    "stamp": FONTS / "opentype/urw-base35/NimbusSans-Bold.otf",
    "sign": FONTS / "opentype/urw-base35/Z003-MediumItalic.otf",
}
_LANDSCAPE = landscape(A4)


def _register() -> None:
    for name, path in _TTF4.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))


def _doc(html: str, css: str) -> str:
    """An HTML document for LibreOffice Writer (pages broken with ``page-break-before``)."""
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{html}"
            "</body></html>")


def _break() -> str:
    return "<p style='page-break-before: always'></p>"


def _pages(n: int, pages: list, what: str) -> None:
    if len(pages) != n:
        raise AssertionError(f"{what} should be {n} page(s), not {len(pages)}")


# --- faults ---------------------------------------------------------------------------------------------------


def _dithered_fax(image: Image.Image, rng: random.Random, header: str) -> Image.Image:
    """A fax at 200 dpi: the sending machine's header line in tiny type across the top, a soft and a little
    dirty picture, cut to black and white by error diffusion (Floyd-Steinberg), so grey becomes a dot pattern
    and the edges of letters fray."""
    d = ImageDraw.Draw(image)
    d.rectangle((0, 0, image.width, 52), fill=255)
    d.text((70, 24), header, font=ImageFont.truetype(str(_PIL["fax"]), 17), fill=0)
    image = image.rotate(0.3, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.9))
    arr = np.asarray(image, dtype=np.float32)
    arr = arr * 0.92 + 14 + np.random.default_rng(rng.randrange(2**32)).normal(0, 9, arr.shape)
    arr[arr > 232] = 255  # the fax's white level: clean paper sends no dots
    image = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    return image.convert("1", dither=Image.Dither.FLOYDSTEINBERG)


def _g4_pdf(pictures: list[Image.Image], dpi: int) -> bytes:
    """Each 1-bit picture as one page, CCITT group 4 (a fax server's PDF)."""
    buf = io.BytesIO()
    pictures[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=pictures[1:])
    import pikepdf

    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """PIL's PERSPECTIVE coefficients mapping each output point in ``dst`` to the input point in ``src``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return list(np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64)))


def _phone_photo(image: Image.Image, rng: random.Random, corners: list[tuple[float, float]]) -> Image.Image:
    """A phone photo of a printed page lying on a desk: the page (``image``, L) seen in perspective with its
    corners at ``corners`` (fractions of the frame: top left, top right, bottom right, bottom left) on a brown
    desk, warm light, a vignette, a shadow across one side, noise and a slight blur; RGB, the frame the size
    of the page."""
    w, h = image.size
    dst = [(x * w, y * h) for x, y in corners]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(dst, src)
    page = image.transform((w, h), Image.PERSPECTIVE, coeffs, resample=Image.BICUBIC, fillcolor=0)
    mask = Image.new("L", (w, h), 255).transform((w, h), Image.PERSPECTIVE, coeffs, resample=Image.BILINEAR,
                                                 fillcolor=0)
    g = np.random.default_rng(rng.randrange(2**32))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    grain = 0.5 + 0.5 * np.sin(yy / 23.0 + 3 * np.sin(xx / 310.0))  # the desk's wood grain
    desk = np.stack([92 + 30 * grain, 62 + 20 * grain, 40 + 12 * grain], axis=-1)
    paper = np.asarray(page, dtype=np.float32)[..., None] / 255.0
    sheet = 28 + paper * (np.array([246, 236, 214], dtype=np.float32) - 28)  # warm light, toner not black
    m = np.asarray(mask, dtype=np.float32)[..., None] / 255.0
    out = sheet * m + desk * (1 - m)
    r = np.sqrt(((xx - 0.46 * w) / w) ** 2 + ((yy - 0.42 * h) / h) ** 2)
    light = 1.0 - 0.55 * r ** 2  # the vignette
    light -= 0.16 / (1 + np.exp(-(xx - 0.82 * w) / (0.03 * w)))  # the phone's shadow over the right side
    out = out * light[..., None] + g.normal(0, 5, out.shape)
    photo = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")
    return photo.filter(ImageFilter.GaussianBlur(1.1))


def _carbon(image: Image.Image, rng: random.Random) -> Image.Image:
    """A carbon copy: the letters soft and spread, mid-grey on grey-blue flimsy paper, low contrast."""
    image = image.filter(ImageFilter.GaussianBlur(0.9))
    arr = np.asarray(image, dtype=np.float32) / 255.0
    g = np.random.default_rng(rng.randrange(2**32))
    fibres = Image.fromarray(np.clip(g.normal(128, 60, (image.height // 4, image.width // 4)), 0, 255)
                             .astype(np.uint8)).resize(image.size, Image.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    paper = 206 + (np.asarray(fibres, dtype=np.float32) - 128) * 0.08
    ink = 112 + g.uniform(-10, 18, arr.shape)  # carbon lies unevenly
    out = ink + arr * (paper - ink)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L")


def _watermark(image: Image.Image, word: str, grey: int, centre: float = 0.36) -> Image.Image:
    """A grey word printed diagonally across the page with its middle ``centre`` of the way down, over the
    text (darken: the text stays black where the two cross)."""
    w, h = image.size
    f = ImageFont.truetype(str(_PIL["stamp"]), int(w * 0.30))
    layer = Image.new("L", (w * 2, h * 2), 255)
    d = ImageDraw.Draw(layer)
    left, top, right, bottom = d.textbbox((0, 0), word, font=f)
    d.text((w - (right - left) / 2 - left, h - (bottom - top) / 2 - top), word, font=f, fill=grey)
    layer = layer.rotate(40, resample=Image.BICUBIC, fillcolor=255)
    layer = layer.crop((w // 2, int(h - centre * h), w // 2 + w, int(h - centre * h) + h))
    return Image.fromarray(np.minimum(np.asarray(image), np.asarray(layer)), "L")


def _hand_text(page: Image.Image, text: str, at: tuple[int, int], size: int, rng: random.Random,
               ink: int = 45) -> None:
    """Words written by hand: each letter a little larger or smaller, raised or dropped and turned."""
    font = ImageFont.truetype(str(_PIL["hand"]), size)
    x, y = at
    for ch in text:
        if ch == " ":
            x += int(size * 0.33)
            continue
        s = int(size * rng.uniform(0.92, 1.1))
        f = font if s == size else ImageFont.truetype(str(_PIL["hand"]), s)
        left, top, right, bottom = f.getbbox(ch)
        tile = Image.new("L", (right + s // 2, bottom + s // 2), 0)
        ImageDraw.Draw(tile).text((s // 4, s // 4), ch, font=f, fill=255, stroke_width=1, stroke_fill=255)
        tile = tile.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=False)
        dy = int(rng.uniform(-0.06, 0.06) * size)
        page.paste(Image.new("L", tile.size, ink), (x - s // 4, y - s // 4 + dy), tile)
        x += int(f.getlength(ch) + rng.uniform(0, 0.06) * size)


def _comb(page: Image.Image, text: str, boxes: list[tuple[int, int, int, int]], size: int, rng: random.Random) -> None:
    """One character written in each box of a comb field (a space leaves its box empty)."""
    for ch, (x0, y0, x1, y1) in zip(text, boxes):
        if ch != " ":
            f = ImageFont.truetype(str(_PIL["hand"]), size)
            wch = f.getlength(ch)
            _hand_text(page, ch, (int((x0 + x1 - wch) / 2 + rng.uniform(-3, 3)),
                                  int(y0 + (y1 - y0 - size) / 2 + rng.uniform(-3, 2))), size, rng)


# --- 1. Fire safety enforcement letter, faxed: LibreOffice Writer (Nimbus Sans), 1 bit dithered, 200 dpi --------


def fax_dithered() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "avonreachfire.example.gov.uk"
    cfo = "Temperance Adeyemo-Kirkwall"
    sender = ("Rosalind Castellanos", "0117 496 0528")
    agent = ("Jean-Baptiste Ugwuanyi-Roux", "jb.ugwuanyi@crestlineproperty.example.co.uk")
    resident = ("Morwenna Penwarden-Bligh", "07700 900513")
    inspector = ("D. R. Whitlock-Agyei", f"dr.whitlock@{dom}")
    p.ordinary = ["An enforcement notice has been served on the owners of Lantern Court under the Fire Safety Order.",
                  "The missing fire doors on the third and fourth floors must be replaced by 28 February 2031."]
    header = {n: f"03-DEC-2030 09:41  FROM: AVONREACH FRS {sender[0]}  TEL {sender[1]}  P.0{n}/02"
              for n in (1, 2)}
    p.draw(1, header[1])
    p.draw(2, header[2])
    p.planted = [(sender[0], "PERSON", 1), (sender[1], "PHONE_NUMBER", 1),
                 (agent[0], "PERSON", 1), (agent[1], "EMAIL_ADDRESS", 1),
                 (resident[0], "PERSON", 1), (resident[1], "PHONE_NUMBER", 1),
                 (sender[0], "PERSON", 2), (sender[1], "PHONE_NUMBER", 2),
                 (inspector[0], "PERSON", 2), (inspector[1], "EMAIL_ADDRESS", 2)]
    p.kept = [(cfo, "PERSON", 2, "Chief Fire Officer, authorising the enforcement notice")]
    _unbroken(p)
    page1 = [
        "To: Kingsmere District Council, Building Control. For the attention of the duty surveyor.",
        "Lantern Court, Wharf Road, Kingsmere: enforcement notice",
        p.ordinary[0],
        f"The notice was sent to the managing agent, {agent[0]}, at {agent[1]} and by recorded post.",
        f"The inspection followed a report from a resident, {resident[0]}, who can be contacted on "
        f"{resident[1]} and has agreed to her details being shared with the Council.",
        p.ordinary[1],
    ]
    page2 = [
        "Until the doors are replaced a waking watch must be kept and the building's alarm tested weekly.",
        f"The inspecting officer was {inspector[0]}, Fire Safety Inspector ({inspector[1]}).",
        f"The notice was authorised by the Chief Fire Officer, {cfo}.",
        f"Please send any reply by fax or telephone to {sender[0]} on {sender[1]}.",
    ]
    css = ("body { font-family: 'Nimbus Sans'; font-size: 11pt } p { margin: 0 0 9pt 0 }"
           " .org { font-size: 18pt; font-weight: bold } .shade { background: #b8b8b8; font-size: 10pt }")
    html = ("<p class=org>Avonreach Fire and Rescue Service</p><p>Protection Department, Temple Quay, Bristol</p>"
            "<table width='100%' cellpadding=8><tr><td class=shade bgcolor='#b8b8b8'>FAX MESSAGE - 2 pages "
            "including this one. If this fax is received in error please telephone the sender.</td></tr></table>"
            f"<p>&nbsp;</p><p>{_e(page1[0])}</p><p><b>{_e(page1[1])}</b></p>"
            + "".join(f"<p>{_e(t)}</p>" for t in page1[2:])
            + _break() + "".join(f"<p>{_e(t)}</p>" for t in page2)
            + "<p>&nbsp;</p><table width='100%' cellpadding=8><tr><td class=shade bgcolor='#b8b8b8'>Protection "
              "Department - enforcement team</td></tr></table>")
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    rng = random.Random(8401)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the fax")
    return _g4_pdf([_dithered_fax(im, rng, header[n]) for n, im in enumerate(pages, start=1)], 200), p


# --- 2. Community trigger notice photographed on a desk: Chromium (Liberation Sans), phone photo ---------------


def phone_photo() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "brackenfield-pcc.example.gov.uk"
    pcc = "Augustin Fairclough-Obi"
    applicant = ("Elis ap Tudur-Harries", "0121 496 0774")
    inspector = "Sunniva Halvorsen"
    coordinator = ("Obadiah Kingsley-Ezeala", "0121 496 0319", f"obadiah.kingsley-ezeala@{dom}")
    chair = "Léonie Castagnoli-Dunne"
    support = ("Rhiannon D'Aubigny", "rhiannon.daubigny@victimcare.example.org.uk")
    p.ordinary = ["A case review was held because three complaints about the same address were made within six months.",
                  "The review found that the complaints had been handled separately and not seen together."]
    p.planted = [(applicant[0], "PERSON", 1), (applicant[1], "PHONE_NUMBER", 1), (inspector, "PERSON", 1),
                 (coordinator[0], "PERSON", 1), (coordinator[1], "PHONE_NUMBER", 1),
                 (coordinator[2], "EMAIL_ADDRESS", 1),
                 (chair, "PERSON", 2), (support[0], "PERSON", 2), (support[1], "EMAIL_ADDRESS", 2),
                 (applicant[0], "PERSON", 2)]
    p.kept = [(pcc, "PERSON", 1, "Police and Crime Commissioner, who commissioned the review")]
    _unbroken(p)
    page1 = [
        f"The review was asked for by {applicant[0]} ({applicant[1]}).",
        p.ordinary[0],
        f"The Police and Crime Commissioner for Brackenfield, {pcc}, asked for the review to be held "
        "within the statutory period.",
        f"Inspector {inspector} of the Brackenfield East neighbourhood team gave the police account.",
        f"Case coordinator: {coordinator[0]}, telephone {coordinator[1]}, e-mail {coordinator[2]}",
    ]
    page2 = [
        p.ordinary[1],
        f"The panel was chaired by {chair}, an independent member of the community safety partnership.",
        f"{support[0]} of Victim Care Brackenfield ({support[1]}) supported the applicant throughout.",
        f"A copy of this notice has been sent to {applicant[0]}.",
        "Recommendations: one case record for each address; a monthly joint review of repeat complaints.",
    ]
    css = ("body { font-family: 'Liberation Sans'; font-size: 12pt; line-height: 1.45 } p { margin: 0 0 10pt 0 }"
           " h1 { font-size: 19pt; margin: 0 0 2mm 0 } .band { border-top: 3px solid #000; border-bottom: 1px solid"
           " #000; padding: 2mm 0; margin-bottom: 7mm; font-size: 11pt }")
    html1 = ("<h1>Community Trigger: outcome of case review</h1><div class=band>Brackenfield Community Safety "
             "Partnership - case CT/30/014 - notice to the applicant</div>" + "".join(f"<p>{_e(t)}</p>" for t in page1))
    html2 = ("<div class=band>Case CT/30/014 (continued)</div>" + "".join(f"<p>{_e(t)}</p>" for t in page2))
    source = _chromium(_html_doc([html1, html2], css, margin="22mm"))
    p.read_source(source)
    rng = random.Random(8402)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the notice")
    corners = [[(0.10, 0.07), (0.87, 0.09), (0.95, 0.95), (0.04, 0.93)],
               [(0.12, 0.05), (0.91, 0.08), (0.94, 0.96), (0.06, 0.94)]]
    return _as_pdf([_jpeg(_phone_photo(im, rng, corners[n]), 45) for n, im in enumerate(pages)]), p


# --- 3. A parish clerk's letter to an MP, the typed carbon copy: reportlab (Noto Mono), 150 dpi, faint ----------


def carbon_copy() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    mp = "Cornelius Auchterlonie-Osei"
    minister = "Beatrix Vandersteen"
    clerk = ("Hephzibah Moorcroft", "01632 960483", "clerk.moorcroft@lowerstanbridge-pc.example.org.uk")
    landowner = ("Fergal McAlinden", "01632 960862")
    ward = "Wynfrith Ashdown"
    resident = ("Zuzanna Grzybowska-Park", "07700 900146")
    p.ordinary = ["The parish council objects to the closure of the footpath between Stanbridge Mill and Coldharbour.",
                  "The path has been walked by residents for more than forty years without interruption."]
    p.planted = [(clerk[0], "PERSON", 1), (clerk[1], "PHONE_NUMBER", 1), (clerk[2], "EMAIL_ADDRESS", 1),
                 (landowner[0], "PERSON", 1), (landowner[1], "PHONE_NUMBER", 1),
                 (ward, "PERSON", 2), (resident[0], "PERSON", 2), (resident[1], "PHONE_NUMBER", 2),
                 (clerk[0], "PERSON", 2)]
    p.kept = [(mp, "PERSON", 1, "Member of Parliament, to whom the letter is written"),
              (minister, "PERSON", 2, "Minister for Local Government, to whom the MP is asked to write")]
    f = "NotoMono"
    page1 = [
        ("LOWER STANBRIDGE PARISH COUNCIL", f, 12), ("", f, 10),
        (f"Clerk: {clerk[0]}", f, 10), (f"Tel: {clerk[1]}", f, 10), (clerk[2], f, 10), ("", f, 10),
        (f"{mp} MP", f, 10), ("House of Commons, London SW1A 0AA", f, 10), ("", f, 10),
        ("2 December 2030", f, 10), ("", f, 10),
        (f"Dear Mr {mp.split()[1]},", f, 10), ("", f, 10),
        ("Footpath 14, Stanbridge Mill to Coldharbour", f, 10), ("", f, 10),
        ("The parish council objects to the closure of the footpath", f, 10),
        ("between Stanbridge Mill and Coldharbour.", f, 10), ("", f, 10),
        ("The path has been walked by residents for more than forty", f, 10),
        ("years without interruption.", f, 10), ("", f, 10),
        (f"The landowner, {landowner[0]}, locked the gate at the", f, 10),
        ("Coldharbour end in September. He told the clerk by", f, 10),
        (f"telephone from {landowner[1]} that he would not reopen it.", f, 10),
    ]
    page2 = [
        ("- 2 -", f, 10), ("", f, 10),
        (f"Our district councillor, Cllr {ward}, has written to the", f, 10),
        ("county council in support of the parish.", f, 10), ("", f, 10),
        (f"We enclose a statement from {resident[0]},", f, 10),
        (f"who has used the path daily since 1988 ({resident[1]}).", f, 10), ("", f, 10),
        ("We ask you to write to the Minister for Local Government,", f, 10),
        (f"{minister}, about the delay in deciding the", f, 10),
        ("parish council's application to record the path.", f, 10), ("", f, 10),
        ("Yours sincerely,", f, 10), ("", f, 10), ("", f, 10),
        (clerk[0], f, 10), ("Clerk to the Council", f, 10), ("", f, 10),
        ("cc: file", f, 10),
    ]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in (page1, page2):
        _lines(c, lines, 78, 770)
        c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    rng = random.Random(8403)
    pages = [_scan(_carbon(im, rng), rng, noise=True, skew=0.5 if n == 0 else -0.6)
             for n, im in enumerate(_render(buf.getvalue(), 150))]
    return _as_pdf([_jpeg(im, 55) for im in pages]), p


# --- 4. Request to speak at planning committee, filled in by hand in boxes: reportlab form, 300 dpi -------------


def form_boxes() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    cabinet = "Anwen Rothwell-Bakare"
    speaker = ("Tobiah Ferreira-Lund", "0113 496 0851", "toby.fl@quillmail.example.com")
    group = "Marguerite St John-Odunsi"
    agent = ("Khalid J. Ahmadzai", "0113 496 0239")
    clerk = "Philippa Oyenuga-Hart"
    p.ordinary = ["Requests to speak must reach the Democratic Services team by noon two working days before the meeting."]
    p.planted = [(speaker[0], "PERSON", 1), (speaker[1], "PHONE_NUMBER", 1), (speaker[2], "EMAIL_ADDRESS", 1),
                 (group, "PERSON", 1), (agent[0], "PERSON", 1), (agent[1], "PHONE_NUMBER", 1), (clerk, "PERSON", 1)]
    p.kept = [(cabinet, "PERSON", 1, "Cabinet Member for Planning, to whom requests are copied")]
    p.draw(1, *speaker, group, agent[0], agent[1], clerk)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, [("Harrowdene City Council - Planning Committee", "Helvetica-Bold", 15),
                   ("Request to speak at a meeting (form PC3)", "Helvetica-Bold", 12), ("", "DVLight", 8),
                   *[(t, "DVLight", 9.5) for t in textwrap.wrap(p.ordinary[0], 96)],
                   (f"Requests are copied to the Cabinet Member for Planning, Councillor {cabinet}.", "DVLight", 9.5),
                   ("Please write clearly in black ink, one character to a box where boxes are shown.", "DVLight",
                    9.5)], 56, 790)
    fields = {}  # name: (x, y, width, height) in points, y the box's bottom
    c.setLineWidth(0.8)

    def label(text: str, yy: float) -> None:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(56, yy, text)

    def box(name: str, yy: float, width: float = 480, height: float = 26) -> None:
        c.rect(56, yy, width, height)
        fields[name] = (56, yy, width, height)

    def comb(name: str, yy: float, n: int = 13, size: float = 22) -> None:
        cells = []
        for i in range(n):
            c.rect(56 + i * size, yy, size, size + 4)
            cells.append((56 + i * size, yy, size, size + 4))
        fields[name] = cells

    y -= 6
    label("1. Your full name", y); box("name", y - 32)
    label("2. Daytime telephone number", y - 54); comb("phone", y - 86)
    label("3. E-mail address", y - 108); box("email", y - 140)
    label("4. Application number and site", y - 162); box("site", y - 194)
    label("5. Are you speaking for a group? If so, the name of its contact person", y - 216); box("group", y - 248)
    label("6. Agent or representative (if any): name", y - 270); box("agent", y - 302, width=300)
    label("7. Agent's telephone number", y - 324); comb("agent_phone", y - 356)
    label("8. Do you support or object to the application?  SUPPORT [   ]   OBJECT [   ]", y - 384)
    label("Signature", y - 420); box("sign", y - 460, width=260, height=34)
    c.rect(48, 62, A4[0] - 96, 120)
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(60, 166, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 9.5)
    c.drawString(60, 146, "Received by (name):")
    c.rect(160, 136, 250, 24)
    fields["received"] = (160, 136, 250, 24)
    c.drawString(60, 112, "Date received:          Ref:")
    c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    dpi = 300
    page = _render(buf.getvalue(), dpi)[0]
    rng = random.Random(8404)
    k = dpi / 72

    def at(name: str, dx: float = 8) -> tuple[int, int]:
        x, yy, w, h = fields[name]
        return int((x + dx) * k), int((A4[1] - yy - h + 2) * k)

    def cells(name: str) -> list[tuple[int, int, int, int]]:
        return [(int(x * k), int((A4[1] - yy - h) * k), int((x + w) * k), int((A4[1] - yy) * k))
                for x, yy, w, h in fields[name]]

    _hand_text(page, speaker[0], at("name"), 74, rng)
    _comb(page, speaker[1], cells("phone"), 72, rng)
    _hand_text(page, speaker[2], at("email"), 70, rng)
    _hand_text(page, "24/01188/FUL  Old Tannery, Beck Lane", at("site"), 70, rng)
    _hand_text(page, group, at("group"), 72, rng)
    _hand_text(page, agent[0], at("agent"), 72, rng)
    _comb(page, agent[1], cells("agent_phone"), 72, rng)
    _hand_text(page, "X", (int(396 * k), int((A4[1] - (y - 384) - 9) * k)), 60, rng)  # OBJECT ticked
    sign = ImageFont.truetype(str(_PIL["sign"]), 92)
    ImageDraw.Draw(page).text(at("sign", 14), "T. Ferreira-Lund", font=sign, fill=40)
    _hand_text(page, clerk, at("received", 6), 62, rng, ink=70)
    return _as_pdf([_jpeg(_scan(page, rng, noise=False, skew=-0.3), 50)]), p


# --- 5. Consultation meetings schedule, a ruled table on a landscape page scanned in portrait (/Rotate 270) -----


def grid_table() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "fellbridge.example.gov.uk"
    leader = "Ottilie Hebblethwaite-Ncube"
    cabinet = "Jasper Quennell-Abiodun"
    author = ("Sigrún Ragnarsdóttir-Vane", "0161 496 0642")
    rows = [("14 Jan 2031, 7pm", "Fellbridge Library", "Eustace Pembridge", "0161 496 0157",
             f"e.pembridge@{dom}"),
            ("21 Jan 2031, 6.30pm", "St Cuthbert's Hall, Ashby Bank", "Fenella Ojukwu-Barr", "07700 900381", "-"),
            ("28 Jan 2031, 7pm", "Mossgate Community Centre", "Ahmad Al-Rashidi", "0161 496 0925",
             "ahmad.alrashidi@mossgate-cc.example.org.uk"),
            ("4 Feb 2031, 2pm", "Online (Teams)", "Bláithín Kearney", "-", f"blaithin.kearney@{dom}"),
            ("11 Feb 2031, 7pm", "Council Chamber, Fellbridge", "Cabinet Member (chair)", "-", "-")]
    p.ordinary = ["The Council will consult on the draft Local Plan for ten weeks from 6 January 2031.",
                  "Each meeting will start with a short presentation followed by questions from the floor."]
    p.planted = [(author[0], "PERSON", 1), (author[1], "PHONE_NUMBER", 1)]
    for r in rows[:4]:
        p.planted.append((r[2], "PERSON", 2))
        if r[3] != "-":
            p.planted.append((r[3], "PHONE_NUMBER", 2))
        if r[4] != "-":
            p.planted.append((r[4], "EMAIL_ADDRESS", 2))
    p.kept = [(leader, "PERSON", 1, "Leader of the Council, approving the consultation"),
              (cabinet, "PERSON", 1, "Cabinet Member for Planning and Regeneration, chairing the last meeting"),
              (cabinet, "PERSON", 2, "Cabinet Member for Planning and Regeneration, named in the table")]
    _unbroken(p)
    memo = [
        "Fellbridge Borough Council", "Memorandum",
        "To: all councillors. From: Planning Policy. Date: 4 December 2030.",
        "Draft Local Plan: public consultation meetings",
        p.ordinary[0],
        f"The Leader of the Council, Councillor {leader}, approved the consultation arrangements on 2 December.",
        p.ordinary[1],
        f"The final meeting will be chaired by the Cabinet Member for Planning and Regeneration, "
        f"Councillor {cabinet}.",
        "The schedule of meetings, with the local contact for each, is attached.",
        f"Enquiries: {author[0]}, Planning Policy Officer, {author[1]}.",
    ]
    css = ("body { font-family: 'DejaVu Sans'; font-weight: 200; font-size: 11pt; line-height: 1.4 }"
           " p { margin: 0 0 9pt 0 } .org { font-size: 17pt; font-weight: bold } h2 { font-size: 13pt }"
           " table { border-collapse: collapse; width: 100% } td, th { border: 1.2px solid #000; padding: 3mm 2.5mm;"
           " font-size: 11pt; text-align: left; vertical-align: top } th { background: #ddd }")
    html1 = (f"<p class=org>{_e(memo[0])}</p><h2>{_e(memo[1])}</h2><p>{_e(memo[2])}</p><h2>{_e(memo[3])}</h2>"
             + "".join(f"<p>{_e(t)}</p>" for t in memo[4:]))
    table = ("<h2>Draft Local Plan consultation: schedule of meetings</h2><table><tr><th>Date and time</th>"
             "<th>Venue</th><th>Local contact</th><th>Telephone</th><th>E-mail</th></tr>"
             + "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in r) + "</tr>" for r in rows)
             + f"</table><p style='margin-top: 6mm'>The last meeting is chaired by Councillor {_e(cabinet)}.</p>")
    first = _chromium(_html_doc([html1], css, margin="22mm"))
    second = _chromium(_html_doc([table], css, margin="18mm").replace("size: A4;", "size: A4 landscape;"))
    source = _pdf_pages(first, second)
    p.read_source(source)
    rng = random.Random(8405)
    pages = _pdftoppm(source, 200)
    _pages(2, pages, "the memo and schedule")
    if pages[1].width < pages[1].height:
        raise AssertionError("the schedule should be a landscape page")
    p1 = _scan(pages[0], rng, noise=False, skew=0.35)
    p2 = _scan(pages[1], rng, noise=False, skew=-0.45).rotate(-90, expand=True)  # fed in portrait
    return _as_pdf([_jpeg(p1, 55), _jpeg(p2, 55)], rotate={1: 270}), p


# --- 6. Police complaint review, a file copy under a COPY watermark: LibreOffice (Nimbus Mono PS), 300 dpi JPEG 30


def jpeg30_watermark() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "wessexvale.police.example.uk"
    chief = "Aldous Kernick-Reyes"
    deputy = "Saffron Ekwueme"
    complainant = ("Dervla Ní Mhurchú", "0118 496 0736", "dervla.nimhurchu@brightpost.example.ie")
    officer = "Lachlan Mbatha-Stuart"
    reviewer = ("Grzegorz Zieliński-Hale", "0118 496 0294", f"g.zielinski@{dom}")
    witness = "Declan O'Rourke-Tan"
    p.ordinary = ["The review found that the handling of the complaint was not reasonable and proportionate.",
                  "The complaint will be reinvestigated by an officer from a different command."]
    p.planted = [(complainant[0], "PERSON", 1), (complainant[1], "PHONE_NUMBER", 1),
                 (complainant[2], "EMAIL_ADDRESS", 1), (officer, "PERSON", 1),
                 (reviewer[0], "PERSON", 2), (reviewer[1], "PHONE_NUMBER", 2), (reviewer[2], "EMAIL_ADDRESS", 2),
                 (witness, "PERSON", 2), (complainant[0], "PERSON", 2)]
    p.kept = [(chief, "PERSON", 1, "Chief Constable, the appropriate authority"),
              (deputy, "PERSON", 2, "Deputy Chief Constable, accepting the recommendation")]
    _unbroken(p)
    page1 = [
        "Wessex Vale Police - Professional Standards", "Outcome of a complaint review, ref PSD/R/30/266",
        [f"To: {complainant[0]},", f"by e-mail to {complainant[2]}"],
        ["You asked for a review of the outcome of your complaint",
         f"about PC {officer}, made on 9 August 2030.",
         f"We tried to telephone you on {complainant[1]} on",
         "1 December and left a message."],
        [p.ordinary[0]],
        [f"The Chief Constable, {chief}, is the", "appropriate authority for complaints against officers",
         "of the force."],
    ]
    page2 = [
        [p.ordinary[1]],
        [f"The account of the witness, {witness}, was not taken", "during the first investigation and will be."],
        ["The recommendation was accepted by the Deputy Chief", f"Constable, {deputy}, on 3 December 2030."],
        [f"A copy of this outcome is kept on the file of {complainant[0]}."],
        [f"Reviewing officer: {reviewer[0]}, {reviewer[1]},", reviewer[2]],
    ]
    css = ("body { font-family: 'Nimbus Mono PS'; font-size: 11pt } p { margin: 0 0 10pt 0 }"
           " .org { font-size: 14pt; font-weight: bold }")

    def para(lines: list[str]) -> str:
        if len(lines) == 1 and lines[0] in p.ordinary:
            return f"<p>{_e(lines[0])}</p>"
        if any(len(t) > 64 for t in lines):
            raise AssertionError(f"line too long for one typed line: {lines}")
        return "<p>" + "<br>".join(_e(t) for t in lines) + "</p>"

    html = (f"<p class=org>{_e(page1[0])}</p><p><b>{_e(page1[1])}</b></p><p>&nbsp;</p>"
            + "".join(para(t) for t in page1[2:]) + _break() + "".join(para(t) for t in page2))
    source = _libreoffice(_doc(html, css))
    p.read_source(source)
    rng = random.Random(8406)
    pages = _pdftoppm(source, 300)
    _pages(2, pages, "the review outcome")
    return _as_pdf([_jpeg(_scan(_watermark(im, "COPY", 185), rng, noise=False, skew=0.25 if n == 0 else -0.2), 30)
                    for n, im in enumerate(pages)]), p


# --- 7. Mayor's office reply with a small e-mail header picture: reportlab (Noto Sans Mono); scanned page 2 ------


def _mail_header(rows: list[tuple[str, str]]) -> Image.Image:
    """The header block of an e-mail as a desktop mail client shows it, a small screen grab."""
    bold = ImageFont.truetype(str(_PIL["mail-bold"]), 15)
    regular = ImageFont.truetype(str(_PIL["mail"]), 15)
    im = Image.new("RGB", (760, 30 + 24 * len(rows)), (248, 248, 250))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, 759, 22), fill=(222, 226, 232))
    d.text((8, 3), "Message", font=bold, fill=(60, 60, 60))
    y = 30
    for key, value in rows:
        d.text((10, y), f"{key}:", font=bold, fill=(90, 90, 90))
        d.text((84, y), value, font=regular, fill=(20, 20, 20))
        y += 24
    d.rectangle((0, 0, 759, im.height - 1), outline=(180, 180, 180))
    return im


def email_header_mixed() -> tuple[bytes, Paper]:
    _register()
    p = Paper()
    dom = "westmere-ca.example.gov.uk"
    mayor = "Kwabena Threlfall-Amankwah"
    sender = ("Ingrid Solberg-Anyanwu", f"ingrid.solberg-anyanwu@{dom}")
    to = ("Yusuf Demirci", "y.demirci@routeone.example.co.uk")
    cc = ("Annelise van der Wateren", "annelise.vdw@fastmail.example.net")
    officer = ("Hamish Drummond-Ayodele", "0141 496 0587")
    reviewer = ("Oluwatoyin Baptiste-Clarke", "07700 900628")
    rows = [("From", f"{sender[0]} <{sender[1]}>"), ("To", f"{to[0]} <{to[1]}>"),
            ("Cc", f"{cc[0]} <{cc[1]}>"), ("Date", "Mon 25/11/2030 16:07"),
            ("Subject", "Route 41 stop at Carrow Green - Mayor's decision")]
    p.draw(1, *[v for _, v in rows])
    p.ordinary = ["The Mayor has decided that the bus stop at Carrow Green will be moved forty metres to the east.",
                  "The operator will put up notices at the old stop for four weeks."]
    p.planted = [(sender[0], "PERSON", 1), (sender[1], "EMAIL_ADDRESS", 1), (to[0], "PERSON", 1),
                 (to[1], "EMAIL_ADDRESS", 1), (cc[0], "PERSON", 1), (cc[1], "EMAIL_ADDRESS", 1),
                 (officer[0], "PERSON", 1), (officer[1], "PHONE_NUMBER", 1),
                 (officer[0], "PERSON", 2), (reviewer[0], "PERSON", 2), (reviewer[1], "PHONE_NUMBER", 2)]
    p.kept = [(mayor, "PERSON", 1, "Mayor of Westmere, taking the decision"),
              (mayor, "PERSON", 2, "Mayor of Westmere, signing the decision")]
    f, fb = "NotoSansMono", "NotoSansMono-Bold"
    text1 = [("Westmere Combined Authority - Office of the Mayor", fb, 12.5),
             ("Decision notice WCA/MD/30/77: Route 41, Carrow Green", fb, 10.5), ("", f, 8),
             (f"The Mayor of Westmere, {mayor}, has taken the decision below.", f, 9.5),
             *[(t, f, 9.5) for t in textwrap.wrap(p.ordinary[0], 76)],
             (p.ordinary[1], f, 9.5), ("", f, 8),
             ("The operator was told of the decision in the e-mail below (header shown", f, 9.5),
             ("as printed from the sender's mailbox):", f, 9.5), ("", f, 6)]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = _lines(c, text1, 60, 780)
    shot = _mail_header(rows)
    width = 330  # a small picture: the header's type is about 6.5 pt on the page
    height = width * shot.height / shot.width
    c.drawImage(ImageReader(io.BytesIO(_jpeg(shot, 75))), 60, y - height, width=width, height=height)
    _lines(c, [("Residents' questions about the change should go to the bus", f, 9.5),
               (f"services officer, {officer[0]}, on {officer[1]}.", f, 9.5)], 60, y - height - 22)
    c.showPage()
    c.save()
    p.read_source(buf.getvalue())
    annex = [("Decision", fb, 12), ("", f, 10),
             ("I have considered the objection from the Carrow Green residents' group and", f, 10),
             ("the accessibility review, and I approve the change.", f, 10), ("", f, 10),
             (f"Accessibility review by {reviewer[0]} ({reviewer[1]}).", f, 10),
             (f"Report prepared by {officer[0]}.", f, 10), ("", f, 10), ("", f, 10), ("", f, 10),
             (mayor, fb, 10), ("Mayor of Westmere", f, 10), ("Date: 27 November 2030", f, 10)]
    a = io.BytesIO()
    ac = canvas.Canvas(a, pagesize=A4, invariant=1)
    _lines(ac, annex, 72, 760)
    ac.showPage()
    ac.save()
    p.read_source(a.getvalue(), first_page=2)
    page = _scan(_render(a.getvalue(), 150)[0], random.Random(8407), noise=True, skew=0.9)
    return _pdf_pages(buf.getvalue(), _as_pdf([_jpeg(page, 50)])), p


# --- 8. Town council newsletter, A5 pages two-up on A4 landscape sheets: Chromium (C059), 200 dpi ---------------


def twoup_a5() -> tuple[bytes, Paper]:
    p = Paper()
    dom = "holtwhistle-tc.example.gov.uk"
    deputy = "Benedikt Strachwitz-Pellow"
    member = "Yewande Castleton"
    litter = ("Philippe de la Cour-Ansah", "07700 900874")
    allot = ("Mairéad Fitzsimons", "0115 496 0462", "m.fitzsimons@holtwhistle-allotments.example.org")
    clerk = ("Thorsten Okereke-Wilde", "0115 496 0917", f"t.okereke-wilde@{dom}")
    youth = ("Kezia Ramsbottom", "07700 900235")
    p.ordinary = ["The town council has agreed to keep the public toilets in Market Street open all year.",
                  "Grants of up to five hundred pounds are open to any club or society in the parish."]
    p.planted = [(litter[0], "PERSON", 1), (litter[1], "PHONE_NUMBER", 1),
                 (allot[0], "PERSON", 1), (allot[1], "PHONE_NUMBER", 1), (allot[2], "EMAIL_ADDRESS", 1),
                 (clerk[0], "PERSON", 2), (clerk[1], "PHONE_NUMBER", 2), (clerk[2], "EMAIL_ADDRESS", 2),
                 (youth[0], "PERSON", 2), (youth[1], "PHONE_NUMBER", 2)]
    p.kept = [(deputy, "PERSON", 1, "Deputy Mayor, opening the spring fair"),
              (member, "PERSON", 2, "Executive Member for Environment, answering on the toilets")]
    _unbroken(p)
    a5 = [
        "<h1>Holtwhistle News</h1><p class=issue>Winter 2030 - the town council's newsletter</p>"
        f"<p>{_e(p.ordinary[0])}</p><h2>Spring fair</h2><p>{_e(f'The Deputy Mayor, Councillor {deputy}, will open the spring fair on the Green on 12 April.')}</p>",
        f"<h2>Litter pick</h2><p>{_e(f'The monthly litter pick meets at the library at 10am on the first Saturday. Bags and pickers are provided; call {litter[0]} on {litter[1]}.')}</p>"
        f"<h2>Allotments</h2><p>{_e(f'Three plots are free at Cinder Lane. Contact the allotment secretary, {allot[0]}, on {allot[1]} or at {allot[2]}.')}</p>",
        f"<h2>Grants</h2><p>{_e(p.ordinary[1])}</p><p>{_e(f'Application forms are available from the town clerk, {clerk[0]}, {clerk[1]}, {clerk[2]}.')}</p>",
        f"<h2>Youth club</h2><p>{_e(f'The youth club is back on Wednesday evenings at the Scout hut. Ring {youth[0]} on {youth[1]}.')}</p>"
        f"<h2>Toilets</h2><p>{_e(f'The Executive Member for Environment, Councillor {member}, said the county would pay half of the running costs.')}</p>",
    ]
    css = ("body { font-family: 'C059'; font-size: 10.5pt; line-height: 1.4 } h1 { font-size: 20pt; margin: 0 }"
           " .issue { border-bottom: 2px solid #000; padding-bottom: 2mm; font-style: italic } h2 { font-size: 12pt;"
           " margin: 5mm 0 1mm 0 } p { margin: 0 0 6pt 0 }")
    doc = _html_doc(a5, css, margin="14mm").replace("size: A4;", "size: A5;")
    source = _chromium(doc)
    halves = _pdftoppm(source, 200)
    _pages(4, halves, "the newsletter (A5)")
    # the pages' text, two A5 pages to each sheet
    doc_ = pdfium.PdfDocument(source)
    try:
        texts = [doc_[i].get_textpage().get_text_range() for i in range(4)]
    finally:
        doc_.close()
    p.read_source(source)
    p.source = {1: texts[0] + " " + texts[1], 2: texts[2] + " " + texts[3]}
    rng = random.Random(8408)
    sheets = []
    for left, right in ((halves[0], halves[1]), (halves[2], halves[3])):
        w, h = left.size
        sheet = Image.new("L", (2 * w, h), 255)
        sheet.paste(left, (0, 0))
        sheet.paste(right, (w, 0))
        ImageDraw.Draw(sheet).line((w, 0, w, h), fill=215, width=2)  # the fold
        sheet = sheet.resize((int(297 / 25.4 * 200), int(210 / 25.4 * 200)), Image.LANCZOS)
        sheets.append(_jpeg(_scan(sheet, rng, noise=False, skew=0.5 if not sheets else -0.3), 55))
    return _landscape_pdf(sheets), p


def _landscape_pdf(pictures: list[bytes]) -> bytes:
    """Each JPEG as a whole A4 landscape page (a scan of a sheet laid sideways on the glass)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=_LANDSCAPE, invariant=1)
    for jpeg in pictures:
        c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=_LANDSCAPE[0], height=_LANDSCAPE[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def _one_line(name: str, paper: Paper) -> None:
    """No planted or kept value of a source page is broken over two lines (the source's own line breaks kept)."""
    for value, _, page, *_ in [*paper.planted, *paper.kept]:
        text = paper.source.get(page, "").replace("\r\n", "\n").replace("\ufffe", "")
        if value not in text and not any(value in t for t in paper.pixels.get(page, [])):
            raise AssertionError(f"{name}: {value!r} is broken over two lines on page {page}")


# --- the set --------------------------------------------------------------------------------------------------

PAPERS = {
    # name: (maker, dpi, noise, producer, degradation)
    "fax_dithered": (fax_dithered, 200, False, "LibreOffice Writer (Nimbus Sans, HTML), pdftoppm",
                     "faxed: 200 dpi, cut to 1 bit by error diffusion (dithered; the grey bands become dots), "
                     "stored CCITT G4; the sending machine's header line in tiny type (about 6 pt) carrying the "
                     "sender's name and number on both pages"),
    "phone_photo": (phone_photo, 200, False, "Chromium (Liberation Sans), pdftoppm",
                    "a phone photo of each page lying on a wooden desk: perspective (keystone, the page not square "
                    "to the frame), warm light, vignette, a shadow over the right side, blur, colour JPEG 45"),
    "carbon_copy150": (carbon_copy, 150, True, "reportlab (Noto Mono, typed letter), pdfium",
                       "a carbon copy: soft mid-grey letters on grey flimsy paper (low contrast), 150 dpi, "
                       "speckle, skew 0.5 and -0.6 degrees, JPEG 55"),
    "form_boxes300": (form_boxes, 300, False, "reportlab form (Helvetica, DejaVu Sans ExtraLight), filled by hand "
                                              "(Nimbus Sans Narrow Oblique, letter by letter), pdfium",
                      "300 dpi, skew -0.3 degrees, JPEG 50; a form filled in by hand in boxes: names and an e-mail "
                      "written in field boxes, phone numbers one digit to a box, a signature, the office-use box"),
    "grid_table_rot270": (grid_table, 200, False, "Chromium (DejaVu Sans ExtraLight; a portrait and a landscape "
                                                  "page), pdftoppm",
                          "200 dpi, skew 0.35 and -0.45 degrees, JPEG 55; page 2 a ruled grid table on a landscape "
                          "page, scanned in portrait and shown upright by /Rotate 270"),
    "jpeg30_watermark300": (jpeg30_watermark, 300, False, "LibreOffice Writer (Nimbus Mono PS, HTML), pdftoppm",
                            "300 dpi, JPEG quality 30, skew 0.25 and -0.2 degrees; a grey diagonal COPY watermark "
                            "over the text of both pages"),
    "email_header_mixed": (email_header_mixed, 150, True, "reportlab text page (Noto Sans Mono) with a small "
                                                          "picture of an e-mail header; scanned page",
                           "page 1 text layer plus a small colour picture of an e-mail header (From, To, Cc names "
                           "and addresses as pixels, about 6.5 pt); page 2 150 dpi speckled scan, skew 0.9 "
                           "degrees, JPEG 50"),
    "twoup_a5": (twoup_a5, 200, False, "Chromium (C059, A5 pages), pdftoppm",
                 "two A5 pages side by side on each A4 landscape sheet (a fold line between), 200 dpi, skew 0.5 "
                 "and -0.3 degrees, JPEG 55"),
}


def make_never_seen4(out: Path = OUT, only: list[str] | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, (make, dpi, noise, producer, degradation) in PAPERS.items():
        if only and name not in only:
            continue
        data, paper = make()
        paper.check(name)
        _one_line(name, paper)
        if len(data) >= 400_000:
            raise AssertionError(f"{name}: {len(data)} bytes, more than 400 KB")
        (out / f"{name}.pdf").write_bytes(data)
        manifest[name] = manifest_entry(paper, dpi, noise, producer, degradation)
    if not only:
        write_manifest(out, manifest)
    return manifest


if __name__ == "__main__":
    import sys

    make_never_seen4(only=sys.argv[1:] or None)
