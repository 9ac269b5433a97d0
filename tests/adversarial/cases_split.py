"""Part 2 split cases of the acceptance corpus: a heading the reader may not know, a heading drawn as an
image, two columns, a page turned with /Rotate 90. Each returns (pdf bytes, manifest entry)."""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader

from tests.adversarial.producers import edit, page_pdf, png_bytes, text_image

TITLE = "Decision PCD 9102: Custody suite refurbishment"
NAME, PHONE, EMAIL = "Oliver Quist", "07700 900987", "oliver.quist@example.gov.uk"
VALUES = [NAME, "Quist", PHONE, EMAIL]
PART1 = [
    "The Board approved the refurbishment of the custody suite at the central station.",
    f"Report author: Detective Sergeant {NAME}, telephone {PHONE}.",
    "Financial comments: the cost is met from the existing capital budget.",
    "Legal comments: the works fall within the existing planning consent.",
]
ORDINARY = [PART1[0], PART1[2], PART1[3]]
WITHHOLD = "This section is not for publication until 30/06/2031 under section 43 (commercial interests)."
PART2 = [
    "The preferred contractor offered a discount of nine per cent on the second tranche.",
    "Negotiations with the two reserve bidders closed without a revised tender from either.",
    "The contingency held back for asbestos removal is eleven thousand pounds.",
    "Officers advise that the second bidder would withdraw if the price became public.",
]


def _meta(klass: str, producer: str, part2_start=None, ordinary=ORDINARY, part2=PART2) -> dict:
    return {"class": klass, "producer": producer, "values": VALUES, "part2": part2, "ordinary": ordinary,
            "officer_part2_start": part2_start}


def _lines(c, x: float, y: float, lines: list[str], step: float = 16) -> float:
    for line in lines:
        c.drawString(x, y, line)
        y -= step
    return y


def numbered_heading() -> tuple[bytes, dict]:
    """'5. Part 2 — confidential facts and advice' on page 2, the body saying it is not for publication."""
    def page2(c, n):
        c.drawString(60, 780, "4. Financial comments: the cost is met from the existing capital budget.")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, 740, "5. Part 2 \u2014 confidential facts and advice")
        c.setFont("Helvetica", 10.5)
        _lines(c, 60, 715, [WITHHOLD, *PART2])
    lines = [(740, PART1[0]), (720, PART1[1]), (700, PART1[3])]
    data = page_pdf(lines, title=TITLE, pages=2, later=page2)
    return data, _meta("split: numbered Part 2 heading", "reportlab", {"page": 2, "y": 756},
                       part2=["Part 2 confidential facts and advice", WITHHOLD, *PART2])


def heading_image() -> tuple[bytes, dict]:
    """The Part 2 heading is a picture of words; only the body says the section is withheld."""
    heading = png_bytes(text_image(["PART 2 - CONFIDENTIAL FACTS AND ADVICE"], size=(1000, 60), font_px=36,
                                   top=8))

    def page2(c, n):
        c.drawString(60, 780, PART1[3])
        c.drawImage(ImageReader(io.BytesIO(heading)), 60, 730, width=400, height=24)
        _lines(c, 60, 710, [WITHHOLD, *PART2])
    lines = [(740, PART1[0]), (720, PART1[1]), (700, PART1[2])]
    data = page_pdf(lines, title=TITLE, pages=2, later=page2)
    return data, _meta("split: Part 2 heading drawn as an image", "reportlab", {"page": 2, "y": 760},
                       part2=["PART 2 CONFIDENTIAL FACTS AND ADVICE", WITHHOLD, *PART2])


def two_columns(heading: str = "PART 2 - CONFIDENTIAL FACTS", klass: str = "split: two columns"
                ) -> tuple[bytes, dict]:
    """Part 2 starts half way down the left column and runs on at the top of the right column."""
    left1 = ["The Board approved the", "refurbishment of the custody", "suite at the central station.",
             "Report author: Detective", f"Sergeant {NAME},", f"telephone {PHONE}.", "Financial comments: the",
             "cost is met from the existing", "capital budget."]
    left2 = ["This section is not for", "publication until 30/06/2031", "under section 43.",
             "The preferred contractor", "offered a discount of nine", "per cent on the second tranche."]
    right = ["Negotiations with the two", "reserve bidders closed without", "a revised tender from either.",
             "The contingency held back for", "asbestos removal is eleven", "thousand pounds.",
             "Officers advise that the second", "bidder would withdraw if the", "price became public."]

    def draw(c):
        y = _lines(c, 60, 730, left1)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, y - 10, heading)
        c.setFont("Helvetica", 10.5)
        _lines(c, 60, y - 30, left2)
        _lines(c, 320, 730, right)
    data = page_pdf([], draw, title=TITLE)
    part2 = [heading, " ".join(left2), " ".join(right)]
    ordinary = ["The Board approved the", "refurbishment of the custody", "cost is met from the existing"]
    heading_y = 730 - 16 * len(left1) - 10
    return data, _meta(klass, "reportlab", {"page": 1, "y": heading_y + 14, "x": 55},
                       ordinary=ordinary, part2=part2)


def two_columns_confirmed() -> tuple[bytes, dict]:
    """The same page with a heading no rule knows: the officer gives the start (page, y and x of the
    heading's column), and the rest of that column and the next column must go to Part 2."""
    return two_columns("6. Commercial annex", "split: two columns, unknown heading, officer's start")


def rotate_90() -> tuple[bytes, dict]:
    """Page 2 is a landscape table stored portrait with /Rotate 90: Part 2 starts half way down it."""
    rows_p1 = ["Item        Cost      Status", "Cell doors   41,000    Approved by the Board",
               "Cell toilets 12,500    Approved by the Board"]
    rows_p2 = ["PART 2 - CONFIDENTIAL FACTS AND ADVICE", WITHHOLD, *PART2]

    def page2(c, n):
        c.setPageRotation(90)
        # Shown turned a quarter clockwise: text running up the sheet reads left to right, and the lines
        # that follow one another on screen sit further right on the sheet.
        for k, line in enumerate(rows_p1 + [""] + rows_p2):
            c.saveState()
            c.translate(80 + 20 * k, 60)
            c.rotate(90)
            if line.startswith("PART 2"):
                c.setFont("Helvetica-Bold", 12)
            c.drawString(0, 0, line)
            c.restoreState()
    lines = [(740, PART1[0]), (720, PART1[1]), (700, PART1[2])]
    data = portrait_sheet(page_pdf(lines, title=TITLE, pages=2, later=page2), 2)
    ordinary = [PART1[0], PART1[2], "Cell doors 41,000 Approved by the Board"]
    return data, _meta("split: /Rotate 90 landscape page", "reportlab", None, ordinary=ordinary,
                       part2=rows_p2)


def rotate_90_single_page() -> tuple[bytes, dict]:
    """A one-page landscape paper stored portrait with /Rotate 90: title, Part 1 rows, then Part 2 on the
    same page. A cut in unrotated coordinates leaves Part 1 empty or mixed."""
    import io as _io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    rows = [TITLE, PART1[0], PART1[1], PART1[2], "", "PART 2 - CONFIDENTIAL FACTS AND ADVICE", WITHHOLD, *PART2]
    buf = _io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setPageRotation(90)
    for k, line in enumerate(rows):
        c.saveState()
        c.translate(70 + 22 * k, 60)
        c.rotate(90)
        c.setFont("Helvetica-Bold" if k in (0, 5) else "Helvetica", 12 if k in (0, 5) else 10.5)
        c.drawString(0, 0, line)
        c.restoreState()
    c.showPage()
    c.save()
    return portrait_sheet(buf.getvalue(), 1), _meta("split: one-page /Rotate 90 paper", "reportlab", None,
                                                    ordinary=[PART1[0], PART1[2]], part2=rows[5:])


def split_page_picture_and_link() -> tuple[bytes, dict]:
    """Part 2 starts half way down page 1; below the heading a picture holds Part 2 words in its pixels and a
    link's address spells a Part 2 sentence. Clipping them out of sight in Part 1 is not removing them."""
    chart_words = "Evaluation panel scored the reserve bidders below the quality threshold"
    chart = png_bytes(text_image(["Evaluation panel scored the reserve", "bidders below the quality threshold"],
                                 size=(900, 140), font_px=40))

    def draw(c):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, 640, "PART 2 - CONFIDENTIAL FACTS AND ADVICE")
        c.setFont("Helvetica", 10.5)
        y = _lines(c, 60, 615, [WITHHOLD, *PART2])
        c.drawImage(ImageReader(io.BytesIO(chart)), 60, y - 80, width=360, height=56)
        c.drawString(60, y - 100, "Tender file")
        c.linkURL("https://www.example.gov.uk/tenders/discount-of-nine-per-cent-on-the-second-tranche",
                  (58, y - 103, 120, y - 90), relative=0)
    lines = [(740, PART1[0]), (720, PART1[1]), (700, PART1[2]), (680, PART1[3])]
    data = page_pdf(lines, draw, title=TITLE)
    return data, _meta("split: picture and link below the boundary on the split page", "reportlab", None,
                       part2=["PART 2 CONFIDENTIAL FACTS AND ADVICE", WITHHOLD, *PART2, chart_words,
                              "Tender file"])


def split_page_form_field() -> tuple[bytes, dict]:
    """A filled form field below the Part 2 heading on the split page: its answer is Part 2 text."""
    answer = "Reserve bidder two withdrew its bid"

    def draw(c):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, 640, "PART 2 - CONFIDENTIAL FACTS AND ADVICE")
        c.setFont("Helvetica", 10.5)
        y = _lines(c, 60, 615, [WITHHOLD, *PART2])
        c.drawString(60, y - 20, "Outcome:")
        c.acroForm.textfield(name="outcome", value=answer, x=130, y=y - 26, width=300, height=18, borderWidth=0)
    lines = [(740, PART1[0]), (720, PART1[1]), (700, PART1[2]), (680, PART1[3])]
    return page_pdf(lines, draw, title=TITLE), _meta(
        "split: a filled form field below the boundary on the split page", "reportlab", None,
        part2=["PART 2 CONFIDENTIAL FACTS AND ADVICE", WITHHOLD, *PART2, answer, "Outcome:"])


EXEMPT_UNTIL = "The following is exempt until 01/01/2030 (section 43, commercial interests)."


def confidential_marking() -> tuple[bytes, dict]:
    """No 'Part 2' anywhere: a CONFIDENTIAL marking over the last section, exempt until a date."""
    def page2(c, n):
        c.drawString(60, 780, PART1[3])
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, 740, "CONFIDENTIAL – COMMERCIAL IN CONFIDENCE")
        c.setFont("Helvetica", 10.5)
        _lines(c, 60, 715, [EXEMPT_UNTIL, *PART2])
    lines = [(740, PART1[0]), (720, PART1[1]), (700, PART1[2])]
    data = page_pdf(lines, title=TITLE, pages=2, later=page2)
    return data, _meta("split: CONFIDENTIAL marking over a section, no Part 2 heading", "reportlab",
                       {"page": 2, "y": 756}, part2=["CONFIDENTIAL COMMERCIAL IN CONFIDENCE", EXEMPT_UNTIL, *PART2])


def three_columns() -> tuple[bytes, dict]:
    """Part 2 starts at the top of the middle column of three; the first column is Part 1 to the foot."""
    col1 = ["The Board approved the", "refurbishment of the", "custody suite at the", "central station.",
            "Report author:", f"Detective Sergeant {NAME},", f"telephone {PHONE}.", "Financial comments:",
            "the cost is met from", "the existing capital", "budget. Legal comments:", "the works fall within",
            "the existing planning", "consent."]
    col2 = ["The preferred contractor", "offered a discount of", "nine per cent on the", "second tranche.",
            "Negotiations with the two", "reserve bidders closed", "without a revised tender", "from either."]
    col3 = ["The contingency held back", "for asbestos removal is", "eleven thousand pounds.",
            "Officers advise that the", "second bidder would", "withdraw if the price", "became public."]

    def draw(c):
        _lines(c, 60, 730, col1, step=15)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(235, 730, "PART 2 - NOT FOR PUBLICATION")
        c.setFont("Helvetica", 10)
        _lines(c, 235, 710, col2, step=15)
        _lines(c, 410, 730, col3, step=15)
    data = page_pdf([], draw, title=TITLE)
    part2 = ["PART 2 - NOT FOR PUBLICATION", " ".join(col2), " ".join(col3)]
    ordinary = ["The Board approved the", "the existing planning", "the works fall within"]
    return data, _meta("split: three columns, Part 2 from the top of the middle one", "reportlab",
                       {"page": 1, "y": 744, "x": 230}, ordinary=ordinary, part2=part2)


def portrait_sheet(data: bytes, page: int) -> bytes:
    """reportlab swaps the MediaBox of a rotated page; a scanner or Word keeps the sheet portrait and turns
    it with /Rotate only, which is the case we want."""
    def change(pdf):
        pdf.pages[page - 1].obj.MediaBox = [0, 0, 595.2756, 841.8898]
    return edit(data, change)


CASES = {"split_numbered_heading": numbered_heading, "split_heading_image": heading_image,
         "split_two_columns": two_columns, "split_two_columns_confirmed": two_columns_confirmed,
         "split_rotate_90": rotate_90,
         "split_rotate_90_single_page": rotate_90_single_page,
         "split_page_picture_and_link": split_page_picture_and_link, "split_page_form_field": split_page_form_field,
         "split_confidential_marking": confidential_marking, "split_three_columns": three_columns}
