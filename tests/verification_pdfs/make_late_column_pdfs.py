"""Two-column landscape pages where Part 2 starts mid left column and continues at the top of the right
column, on the same baselines as Part 1 lines of the left column (reportlab; fictional text). Run with the
project's Python: ``.venv/bin/python tests/verification_pdfs/make_late_column_pdfs.py``.

Each page is drawn in displayed coordinates and turned by /Rotate (0, 90, 270), so the displayed page is the
same landscape page (upright: a landscape media box). ``cases.json`` gives the officer's start for each file
(page, y, x as displayed: the Part 2 heading's left edge and just above its top). Part 1 text carries
``pubNN`` tokens, Part 2 text ``secNN``.
"""

import json
from io import BytesIO
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent
W, H = A4  # portrait; displayed landscape is H wide, W high
LEFT = ["pub01 We hope the board will mark the change on the bill of works by May.",
        "pub02 Residents raised concerns about noise and the grant conditions were agreed.",
        "pub03 Is there a Part 2 form? YES"]
RIGHT_ONE = ["sec01 A settlement with the union over the lantern rota is being negotiated."]
RIGHT_MANY = RIGHT_ONE + ["sec02 The agency rates for the night rota exceed the national cap.",
                          "sec03 Counsel advised that the dispute may reach a tribunal in June."]


def draw(rotate: int, right: list[str]) -> tuple[bytes, dict]:
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 780
    for t in ["Eastfield Integrated Care Board", "Decision ICB-27-041: pub04 diagnostic centre staffing",
              "Part 1 - Non-confidential facts and advice", "pub05 The recommendation is approved in budget."]:
        c.drawString(60, y, t)
        y -= 20
    c.showPage()
    if not rotate:
        c.setPageSize((H, W))  # a landscape media box, not turned
    if rotate == 90:  # displayed (X, Y) -> user (W - Y, X)
        c.translate(W, 0)
        c.rotate(90)
    elif rotate == 270:  # displayed (X, Y) -> user (Y, H - X)
        c.translate(0, H)
        c.rotate(-90)
    top = W - 40  # the displayed page is H wide and W high in every case
    y = top
    c.setFont("Helvetica", 10)
    for t in LEFT:
        c.drawString(40, y, t)
        y -= 18
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, y, "Part 2 - Confidential information")
    heading = y
    c.setFont("Helvetica", 10)
    c.drawString(40, y - 18, "sec04 Agency Medistaff rates exceed the cap by 22 percent for radiographers.")
    for i, t in enumerate(right):  # written last: the producer's order puts them after the Part 2 start
        c.drawString(440, top - 18 * i, t)
    c.showPage()
    c.save()
    pdf = pikepdf.open(BytesIO(buf.getvalue()))
    if rotate:
        pdf.pages[1].Rotate = rotate
    out = BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue(), {"page": 2, "y": heading + 12, "x": 40}


def main() -> None:
    cases = {}
    for rotate in (0, 90, 270):
        for label, right in (("one", RIGHT_ONE), ("many", RIGHT_MANY)):
            name = f"late_column_{label}_rotate{rotate}"
            data, start = draw(rotate, right)
            (HERE / f"{name}.pdf").write_bytes(data)
            cases[name] = start
    (HERE / "cases.json").write_text(json.dumps(cases, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
