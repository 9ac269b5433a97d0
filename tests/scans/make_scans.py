"""Scanned papers for the OCR stage: our own decision papers rendered, rasterised, noised, skewed and
JPEG-compressed, as a scanner or a phone would make them. Fictional people; Ofcom drama numbers.

Each paper is written by reportlab as text, rendered by pdfium at the scan's resolution, turned into a
grey picture (speckle noise and a skew of a degree or two for the "noisy" scans), JPEG-compressed and
placed as the whole page of a new PDF; so nothing of the text survives except as pixels. ``manifest.json``
lists what was planted in each paper (names, numbers, e-mails to be removed), its Part 2 sentences and
ordinary sentences that must stay.

    .venv/bin/python -m tests.scans.make_scans            # writes tests/scans/*.pdf and manifest.json
    make_set(out_dir, holdout=True)                       # the held-out set (bench/ocr.py --holdout)

The held-out set uses other people, numbers, wording and skew; it is never committed and was not used
to tune the OCR stage (until it had been measured once: it and the second held-out set were then used to
tune the second look at weak lines).

    .venv/bin/python -m tests.scans.make_scans --unseen   # tests/scans/unseen: other people, wording, fonts

The unseen set was committed before the engine read it, and is measured once (``bench/ocr.py --unseen``).
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

OUT = Path(__file__).parent
TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

# (name, job, phone, mobile, e-mail) per person; the tuning set and the held-out set share nobody.
TUNING = [
    ("Harriet Quennell", "Senior Policy Officer", "020 7946 0173", "07700 900412", "harriet.quennell@lambeth-council.example.gov.uk"),
    ("Desmond Okafor", "Finance Business Partner", "0161 496 0288", "07700 900537", "d.okafor@lambeth-council.example.gov.uk"),
    ("Priya Ramanathan", "Project Manager", "0113 496 0645", "07700 900861", "priya.ramanathan@lambeth-council.example.gov.uk"),
    ("Gordon Fairweather", "Head of Procurement", "020 7946 0932", "07700 900119", "gordon.fairweather@lambeth-council.example.gov.uk"),
]
HOLDOUT = [
    ("Ottilie Brackenbury", "Contracts Manager", "020 7946 0581", "07700 900273", "ottilie.brackenbury@wyvern-fire.example.org.uk"),
    ("Kwame Asante-Mills", "Estates Surveyor", "0113 496 0317", "07700 900694", "k.asante-mills@wyvern-fire.example.org.uk"),
    ("Rosalind Tregothnan", "Station Manager", "0161 496 0752", "07700 900348", "rosalind.tregothnan@wyvern-fire.example.org.uk"),
    ("Bartholomew Linnane", "Data Protection Officer", "020 7946 0406", "07700 900925", "b.linnane@wyvern-fire.example.org.uk"),
]
# A second held-out set, made after the first was measured once (and looked at): never tuned on.
FRESH = [
    ("Marguerite Oyelaran", "Licensing Officer", "0113 496 0829", "07700 900156", "marguerite.oyelaran@northmoor-dc.example.gov.uk"),
    ("Cormac Dunleavy", "Senior Accountant", "020 7946 0267", "07700 900783", "c.dunleavy@northmoor-dc.example.gov.uk"),
    ("Henrietta Vasquez-Hale", "Housing Options Adviser", "0161 496 0913", "07700 900342", "henrietta.vasquez-hale@northmoor-dc.example.gov.uk"),
    ("Aurelio Pennington", "Electoral Services Manager", "020 7946 0758", "07700 900621", "a.pennington@northmoor-dc.example.gov.uk"),
]

ORDINARY = [
    "The committee approved the revised parking charges for the town centre car parks.",
    "The charges take effect from the first of April after a statutory notice period.",
]
PART2 = [
    "The tender evaluation scores for the three bidders are set out in the table below.",
    "The preferred bidder offered a discount that is commercially sensitive at this stage.",
]


def _paper(people, reference: str, *, part2: bool) -> list[list[tuple[str, int]]]:
    """Pages of (line, font size) for a two-page decision paper naming ``people``."""
    a, b, c, d = people
    page1 = [
        (f"Decision {reference}: Town centre parking charges", 15), ("", 10),
        ("Part 1 - Public", 12), ("", 10),
        (ORDINARY[0], 11), (ORDINARY[1], 11), ("", 10),
        (f"This report was prepared by {a[0]}, {a[1]}, who can be", 11),
        (f"contacted on {a[2]} or by e-mail at {a[4]}.", 11), ("", 10),
        (f"Financial advice was given by {b[0]}, {b[1]}.", 11),
        (f"Telephone: {b[3]}", 11),
        (f"Email: {b[4]}", 11), ("", 10),
        ("Public access to information", 12),
        ("Is there a Part 2 form - " + ("YES" if part2 else "NO"), 11),
    ]
    page2 = [
        ("Consultation", 12),
        (f"Residents were consulted by {c[0]}, {c[1]}, between May and June.", 11),
        (f"Questions about the consultation: {c[2]} or {c[4]}", 11), ("", 10),
        (f"Signed: {d[0]}", 11), (d[1], 11), (f"Direct line {d[2]}, mobile {d[3]}", 11), ("", 10),
    ]
    if part2:
        page2 += [("Part 2 - Confidential facts and advice", 12),
                  ("FOIA Sec 43 Commercial interests: exempt until 01/04/2031.", 11),
                  (PART2[0], 11), (PART2[1], 11)]
    return [page1, page2]


def _planted(people, pages_of: dict[int, int]) -> list[dict]:
    a, b, c, d = people
    rows = [(a[0], "PERSON", 1), (a[2], "PHONE_NUMBER", 1), (a[4], "EMAIL_ADDRESS", 1),
            (b[0], "PERSON", 1), (b[3], "PHONE_NUMBER", 1), (b[4], "EMAIL_ADDRESS", 1),
            (c[0], "PERSON", 2), (c[2], "PHONE_NUMBER", 2), (c[4], "EMAIL_ADDRESS", 2),
            (d[0], "PERSON", 2), (d[2], "PHONE_NUMBER", 2), (d[3], "PHONE_NUMBER", 2)]
    return [{"text": t, "type": k, "page": pages_of.get(p, p)} for t, k, p in rows]


_BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}


def _text_pdf(pages: list[list[tuple[str, int]]], font: str = "Helvetica") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for lines in pages:
        y = 770.0
        for text, size in lines:
            c.setFont(_BOLD.get(font, font) if size >= 12 else font, size)
            c.drawString(62, y, text)
            y -= size * 1.55
        c.showPage()
    c.save()
    return buf.getvalue()


def _render(data: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def _scan(image: Image.Image, rng: random.Random, *, noise: bool, skew: float) -> Image.Image:
    """A scanner's picture: a slight skew, a soft edge, speckle and grey paper."""
    if skew:
        image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=255, expand=False)
    if noise:
        image = image.filter(ImageFilter.GaussianBlur(0.6))
        px = image.load()
        w, h = image.size
        for _ in range(w * h // 400):  # dust and toner specks
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = rng.choice((0, 60, 120, 200))
        image = Image.eval(image, lambda v: int(18 + v * 0.86))  # grey paper, weaker black
    return image


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def _as_pdf(pictures: list[bytes], rotate: dict[int, int] | None = None) -> bytes:
    """Each JPEG as a whole A4 page (the way a scanner writes a PDF)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for i, jpeg in enumerate(pictures):
        c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    data = buf.getvalue()
    if rotate:
        import pikepdf

        with pikepdf.open(io.BytesIO(data)) as pdf:
            for index, angle in rotate.items():
                pdf.pages[index].obj["/Rotate"] = angle
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True)
            data = out.getvalue()
    return data


def scanned(people, reference: str, *, dpi: int, noise: bool, skew: float, seed: int, part2: bool = False,
            quality: int = 50, font: str = "Helvetica", sideways: bool = False) -> bytes:
    """A two-page paper as a scanner writes it. ``sideways``: page 2 scanned on its side, shown upright by
    ``/Rotate 90``."""
    rng = random.Random(seed)
    images = _render(_text_pdf(_paper(people, reference, part2=part2), font), dpi)
    pictures = []
    for n, im in enumerate(images):
        im = _scan(im, rng, noise=noise, skew=skew * (1 if n % 2 == 0 else -1))
        if sideways and n == 1:
            im = im.rotate(90, expand=True)  # the picture lies on its side; /Rotate 90 turns it upright
        pictures.append(_jpeg(im, quality))
    if sideways:
        return _sideways_pdf(pictures)
    return _as_pdf(pictures)


def _sideways_pdf(pictures: list[bytes]) -> bytes:
    """Page 2's media box is landscape with the picture drawn across it, and /Rotate 90 shows it upright."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(pictures[0])), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.setPageSize((A4[1], A4[0]))
    c.drawImage(ImageReader(io.BytesIO(pictures[1])), 0, 0, width=A4[1], height=A4[0])
    c.showPage()
    c.save()
    import pikepdf

    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        pdf.pages[1].obj["/Rotate"] = 90
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _screenshot(lines: list[str], width: int = 1100) -> Image.Image:
    """An e-mail client's window: a grey title bar and the message, as a screen grab."""
    font = ImageFont.truetype(TTF, 26)
    im = Image.new("L", (width, 70 + 44 * len(lines)), 250)
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, width, 44), fill=205)
    d.text((16, 8), "Inbox - Message", font=font, fill=40)
    for i, line in enumerate(lines):
        d.text((20, 60 + 44 * i), line, font=font, fill=20)
    return im


def _signature_photo(name: str, job: str, seed: int) -> Image.Image:
    """A phone photo of a signed block: a scribble over a line, the typed name and post below, uneven light."""
    rng = random.Random(seed)
    im = Image.new("L", (1200, 420), 235)
    d = ImageDraw.Draw(im)
    points = [(80 + i * 14, 120 + int(40 * rng.random() - 20 + 25 * ((i % 5) - 2) / 2)) for i in range(40)]
    d.line(points, fill=30, width=5)
    d.line((60, 190, 700, 190), fill=60, width=2)
    serif = ImageFont.truetype(SERIF, 44)
    d.text((60, 220), name, font=serif, fill=25)
    d.text((60, 290), job, font=ImageFont.truetype(SERIF, 36), fill=40)
    light = Image.linear_gradient("L").rotate(90).resize(im.size)  # darker to one side
    im = Image.blend(im, Image.eval(light, lambda v: 150 + v // 3), 0.25)
    return im.rotate(1.5, resample=Image.BICUBIC, fillcolor=235, expand=True).filter(ImageFilter.GaussianBlur(0.7))


def mixed(people, reference: str, *, seed: int) -> bytes:
    """Page 1: a text page with a screenshot of an e-mail; page 2: a scanned annex (150 dpi) with a
    photographed signature block pasted on it."""
    a, b, c, d = people
    buf = io.BytesIO()
    cv = canvas.Canvas(buf, pagesize=A4, invariant=1)
    cv.setFont("Helvetica-Bold", 15)
    cv.drawString(62, 780, f"Decision {reference}: Library opening hours")
    cv.setFont("Helvetica", 11)
    for i, line in enumerate(["The library opening hours change from September, as the consultation asked.",
                              "The e-mail from the service lead is reproduced below."]):
        cv.drawString(62, 750 - 17 * i, line)
    shot = _screenshot([f"From: {a[0]} <{a[4]}>", "Subject: Opening hours",
                        f"Please call me on {a[3]} before Friday.", f"Regards, {a[0]}, {a[1]}"])
    cv.drawImage(ImageReader(io.BytesIO(_jpeg(shot, 70))), 62, 520, width=470, height=470 * shot.height / shot.width)
    cv.setFont("Helvetica", 11)
    cv.drawString(62, 490, "The new hours are set out in the annex that follows.")
    cv.showPage()
    cv.save()
    annex_lines = [[("Annex A - Opening hours consultation", 12), ("", 10),
                    (f"Residents were consulted by {b[0]}, {b[1]}.", 11),
                    (f"Contact: {b[2]} or {b[4]}", 11), ("", 10),
                    (ORDINARY[1], 11)]]
    annex = _scan(_render(_text_pdf(annex_lines, "Times-Roman"), 150)[0], random.Random(seed), noise=True, skew=1.2)
    photo = _signature_photo(c[0], c[1], seed)
    annex.paste(photo.resize((620, int(620 * photo.height / photo.width))), (120, 900))
    import pikepdf

    first = pikepdf.open(io.BytesIO(buf.getvalue()))
    second = pikepdf.open(io.BytesIO(_as_pdf([_jpeg(annex, 55)])))
    first.pages.extend(second.pages)
    out = io.BytesIO()
    first.save(out, deterministic_id=True)
    return out.getvalue()


def _mixed_planted(people) -> list[dict]:
    a, b, c, _ = people
    return [{"text": a[0], "type": "PERSON", "page": 1}, {"text": a[4], "type": "EMAIL_ADDRESS", "page": 1},
            {"text": a[3], "type": "PHONE_NUMBER", "page": 1},
            {"text": b[0], "type": "PERSON", "page": 2}, {"text": b[2], "type": "PHONE_NUMBER", "page": 2},
            {"text": b[4], "type": "EMAIL_ADDRESS", "page": 2}, {"text": c[0], "type": "PERSON", "page": 2}]


def make_set(out: Path, *, holdout: bool = False, fresh: bool = False) -> dict:
    """Write the scanned papers into ``out``; return the manifest. ``fresh``: the second held-out set."""
    out.mkdir(parents=True, exist_ok=True)
    people = FRESH if fresh else HOLDOUT if holdout else TUNING
    ref = "ND 2028/05" if fresh else "WF 2027/22" if holdout else "LB 2027/14"
    seed = 4411 if fresh else 907 if holdout else 31
    holdout = holdout or fresh
    papers = {
        "scan300": (lambda: scanned(people, ref, dpi=300, noise=False, skew=0.0, seed=seed, part2=True),
                    {"dpi": 300, "noise": False, "part2": True}),
        "scan150_noisy": (lambda: scanned(people, ref, dpi=150, noise=True, skew=1.6 if holdout else 1.3,
                                          seed=seed + 1, quality=45, font="Times-Roman" if holdout else "Helvetica"),
                          {"dpi": 150, "noise": True, "part2": False}),
        "scan300_sideways": (lambda: scanned(people, ref, dpi=300, noise=False, skew=0.8, seed=seed + 2,
                                             sideways=True), {"dpi": 300, "noise": False, "part2": False}),
        "mixed": (lambda: mixed(people, ref, seed=seed + 3), {"dpi": 150, "noise": True, "part2": False}),
    }
    manifest = {}
    for name, (make, about) in papers.items():
        (out / f"{name}.pdf").write_bytes(make())
        planted = _mixed_planted(people) if name == "mixed" else _planted(people, {})
        manifest[name] = {**about, "planted": planted, "ordinary": ORDINARY[1:] if name == "mixed" else ORDINARY,
                          "part2": PART2 if about["part2"] else []}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


# --- the unseen set (tests/scans/unseen/): committed before the engine ever read it --------------------------
# Other people, other wording, other fonts and other scanning; measured once by ``bench/ocr.py --unseen``.
UNSEEN_PEOPLE = [
    ("Florentyna Gatehouse", "Allotments Officer", "020 7946 0364", "07700 900587", "florentyna.gatehouse@eastbrook-bc.example.gov.uk"),
    ("Obadiah Kettleworth", "Principal Solicitor", "0113 496 0471", "07700 900206", "o.kettleworth@eastbrook-bc.example.gov.uk"),
    ("Saoirse Mbeki-Lund", "Parks Development Lead", "0161 496 0538", "07700 900719", "saoirse.mbeki-lund@eastbrook-bc.example.gov.uk"),
    ("Leopold Achterberg", "Assistant Director, Environment", "020 7946 0845", "07700 900492", "l.achterberg@eastbrook-bc.example.gov.uk"),
    ("Imogen Farquharson-Diaz", "Tenancy Liaison Officer", "0113 496 0196", "07700 900634", "imogen.farquharson@eastbrook-bc.example.gov.uk"),
    ("Tobias Wrenfield", "Budget Accountant", "0161 496 0927", "07700 900358", "t.wrenfield@eastbrook-bc.example.gov.uk"),
    ("Anneliese Corcoran", "Community Engagement Manager", "020 7946 0712", "07700 900841", "anneliese.corcoran@eastbrook-bc.example.gov.uk"),
    ("Dmitri Hollowell", "Head of Green Spaces", "0113 496 0653", "07700 900175", "dmitri.hollowell@eastbrook-bc.example.gov.uk"),
]
UNSEEN_ORDINARY = [
    "Cabinet agreed a phased increase in allotment rents over the next three years.",
    "Plot holders over the state pension age will keep their concession for now.",
]
UNSEEN_PART2 = [
    "The legal advice on the lease renewal with the landowner is summarised below.",
    "Counsel considers the break clause could be exercised without compensation.",
]
_UNSEEN_FONTS = {"LiberationSerif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                 "LiberationSerif-Bold": "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
                 "DejaVuSansCondensed": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
                 "DejaVuSansCondensed-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
                 "LiberationSans": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                 "LiberationSans-Bold": "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"}


def _register_unseen_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, path in _UNSEEN_FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
        if not name.endswith("-Bold"):
            _BOLD[name] = f"{name}-Bold"


def _unseen_paper(people, reference: str, *, part2: bool) -> list[list[tuple[str, int]]]:
    """Two pages in other wording than the tuning papers: an allotments decision naming four people."""
    a, b, c, d = people
    page1 = [
        (f"Record of decision {reference} - Allotment rents 2029 to 2032", 14), ("", 10),
        ("Open report", 12), ("", 10),
        (UNSEEN_ORDINARY[0], 11), (UNSEEN_ORDINARY[1], 11), ("", 10),
        (f"Lead officer: {a[0]} ({a[1]}). Any questions to", 11),
        (f"{a[4]} or phone {a[2]}.", 11), ("", 10),
        (f"Legal implications were checked by {b[0]}, {b[1]}, who can", 11),
        (f"be reached on mobile {b[3]} and at {b[4]}", 11), ("", 10),
        ("Exempt information", 12),
        ("Does this decision have an exempt appendix? " + ("Yes" if part2 else "No"), 11),
    ]
    page2 = [
        ("Engagement with plot holders", 12),
        (f"Site meetings were led by {c[0]}, {c[1]}, during March.", 11),
        (f"For the meeting notes ring {c[2]} or write to {c[4]}", 11), ("", 10),
        (f"Decision maker: {d[0]}", 11), (d[1], 11), (f"Office {d[2]} / mobile {d[3]}", 11), ("", 10),
    ]
    if part2:
        page2 += [("Part 2 - Exempt appendix", 12),
                  ("FOIA Sec 42 Legal professional privilege: exempt until 30/09/2030.", 11),
                  (UNSEEN_PART2[0], 11), (UNSEEN_PART2[1], 11)]
    return [page1, page2]


def _unseen_planted(people) -> list[dict]:
    a, b, c, d = people
    rows = [(a[0], "PERSON", 1), (a[4], "EMAIL_ADDRESS", 1), (a[2], "PHONE_NUMBER", 1),
            (b[0], "PERSON", 1), (b[3], "PHONE_NUMBER", 1), (b[4], "EMAIL_ADDRESS", 1),
            (c[0], "PERSON", 2), (c[2], "PHONE_NUMBER", 2), (c[4], "EMAIL_ADDRESS", 2),
            (d[0], "PERSON", 2), (d[2], "PHONE_NUMBER", 2), (d[3], "PHONE_NUMBER", 2)]
    return [{"text": t, "type": k, "page": p} for t, k, p in rows]


def _unseen_scan(people, reference: str, *, dpi: int, noise: bool, skew: float, seed: int, quality: int,
                 font: str, part2: bool = False) -> bytes:
    rng = random.Random(seed)
    images = _render(_text_pdf(_unseen_paper(people, reference, part2=part2), font), dpi)
    return _as_pdf([_jpeg(_scan(im, rng, noise=noise, skew=skew * (1 if n % 2 == 0 else -1)), quality)
                    for n, im in enumerate(images)])


def make_unseen(out: Path = OUT / "unseen") -> dict:
    """The unseen set: two noisy 150 dpi papers (other fonts, skew and JPEG quality), a 300 dpi paper with
    a Part 2, and a mixed paper (a screenshot on a text page, a noisy 150 dpi annex with a signature photo)."""
    _register_unseen_fonts()
    out.mkdir(parents=True, exist_ok=True)
    first, second = UNSEEN_PEOPLE[:4], UNSEEN_PEOPLE[4:]
    ref = "EB 2029/03"
    papers = {
        "unseen150_noisy_serif": (lambda: _unseen_scan(first, ref, dpi=150, noise=True, skew=1.4, seed=7301,
                                                       quality=45, font="LiberationSerif"),
                                  {"dpi": 150, "noise": True, "part2": False}, _unseen_planted(first)),
        "unseen150_noisy_condensed": (lambda: _unseen_scan(second, ref, dpi=150, noise=True, skew=2.1, seed=7302,
                                                           quality=40, font="DejaVuSansCondensed"),
                                      {"dpi": 150, "noise": True, "part2": False}, _unseen_planted(second)),
        "unseen300": (lambda: _unseen_scan(second, ref, dpi=300, noise=True, skew=0.6, seed=7303, quality=60,
                                           font="LiberationSans", part2=True),
                      {"dpi": 300, "noise": True, "part2": True}, _unseen_planted(second)),
        "unseen_mixed": (lambda: mixed(first[1:] + first[:1], ref, seed=7304),
                         {"dpi": 150, "noise": True, "part2": False}, _mixed_planted(first[1:] + first[:1])),
    }
    manifest = {}
    for name, (make, about, planted) in papers.items():
        (out / f"{name}.pdf").write_bytes(make())
        mixed_paper = name == "unseen_mixed"
        manifest[name] = {**about, "planted": planted,
                          "ordinary": ORDINARY[1:] if mixed_paper else UNSEEN_ORDINARY,
                          "part2": UNSEEN_PART2 if about["part2"] else []}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def main() -> None:
    import sys

    if "--unseen" in sys.argv:
        make_unseen()
    else:
        make_set(OUT)


if __name__ == "__main__":
    main()
