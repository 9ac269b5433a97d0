"""Make the holdout batch of the acceptance corpus (tests/adversarial/corpus2/holdout/): the same classes as
make_corpus2.py, other wording, other people and (where it can) another producer. The engine is not tuned
on these; the test runs them with ``FOIA_HOLDOUT=1``.

Run ``.venv/bin/python -m tests.adversarial.make_holdout [case ...]`` from the repository root.
All names and numbers are fictional (Ofcom drama ranges).
"""

from __future__ import annotations

import base64
import io
import sys
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from tests.adversarial.cases_split import portrait_sheet
from tests.adversarial.make_corpus2 import write
from tests.adversarial.producers import (chromium_pdf, edit, fodt, jpeg_with_metadata,
                                         libreoffice_pdf, page_pdf, photo, xmp_packet)

HERE = Path(__file__).resolve().parent / "corpus2" / "holdout"
NAME, PHONE, EMAIL = "Priya Castellane", "0113 496 0123", "priya.castellane@example.org.uk"
VALUES = [NAME, "Castellane", PHONE, EMAIL]
TITLE = "Key Decision KD-4471: Replacement of the fleet workshop roof"
ORDINARY = ["Cabinet agreed to replace the roof of the fleet workshop at Millbrook depot.",
            "The works are funded from the corporate maintenance reserve."]
AUTHOR = f"Contact officer: Inspector {NAME}, tel {PHONE}, email {EMAIL}"
EXEMPT = ["The information in this annex is exempt under Schedule 12A, paragraph 3, and is not for "
          "publication until 31/03/2030.",
          "The lowest tender was submitted by a firm already in administration proceedings.",
          "A settlement of forty two thousand pounds was offered to the previous roofing contractor.",
          "The insurer has declined to cover the storm damage to the eastern bay."]


def _meta(klass: str, producer: str, *, values=VALUES, ordinary=ORDINARY, part2=(), start=None, **extra):
    return {"class": klass, "producer": producer, "values": values, "part2": list(part2),
            "ordinary": ordinary, "officer_part2_start": start, **extra}


def line_top(data: bytes, text: str) -> dict:
    """Where an officer would put the Part 2 start: just above the line holding ``text``."""
    doc = pdfium.PdfDocument(data)
    try:
        for i in range(len(doc)):
            page = doc[i].get_textpage()
            hit = page.search(text).get_next()
            if hit:
                left, _, _, top = page.get_charbox(hit[0])
                return {"page": i + 1, "y": round(top + 3, 1), "x": round(left - 2, 1)}
    finally:
        doc.close()
    raise LookupError("heading not found")


def _p(text: str) -> str:
    return f"<text:p>{text}</text:p>"


def annex_lo() -> tuple[bytes, dict]:
    heading = "Annex B \u2013 information exempt from publication"
    page_break = ('<style:style style:name="PB" style:family="paragraph"><style:paragraph-properties '
                  'fo:break-before="page"/></style:style>')
    body = "".join([_p(TITLE), _p(ORDINARY[0]), _p(AUTHOR), _p(ORDINARY[1]),
                    '<text:p text:style-name="PB">The depot remains open while the scaffold is up.</text:p>',
                    _p(f"7. {heading}"), *[_p(t) for t in EXEMPT]])
    data = libreoffice_pdf(fodt(body, automatic=page_break))
    return data, _meta("split: Annex heading, Schedule 12A wording", "libreoffice",
                       part2=[heading, *EXEMPT], start=line_top(data, "Annex B"),
                       ordinary=[*ORDINARY, "The depot remains open while the scaffold is up."])


def columns_chromium() -> tuple[bytes, dict]:
    filler = " ".join(["The roof sheets have reached the end of their design life and leak in heavy rain."] * 4)
    html = ("<html><body style='font-family:Liberation Serif;font-size:11pt;margin:2cm'>"
            f"<h3>{TITLE}</h3><div style='column-count:2;column-gap:1cm'>"
            f"<p>{ORDINARY[0]}</p><p>{AUTHOR}</p><p>{filler}</p>"
            "<h4>PART 2 \u2013 NOT FOR PUBLICATION</h4>"
            + "".join(f"<p>{t}</p>" for t in EXEMPT * 2) + "</div></body></html>")
    data = chromium_pdf(html)
    return data, _meta("split: CSS two columns (Chromium)", "chromium", ordinary=[ORDINARY[0]],
                       part2=["PART 2 \u2013 NOT FOR PUBLICATION", *EXEMPT], start=line_top(data, "PART 2"))


def rotate_270() -> tuple[bytes, dict]:
    rows = ["Bay   Area (m2)   Condition", "North  410        Poor", "South  380        Fair", "",
            "PART II: EXEMPT INFORMATION", *EXEMPT]

    def page2(c, n):
        c.setPageRotation(270)
        # Shown turned a quarter anticlockwise: text running down the sheet reads left to right.
        for k, line in enumerate(rows):
            c.saveState()
            c.translate(515 - 20 * k, 780)
            c.rotate(-90)
            c.drawString(0, 0, line)
            c.restoreState()
    data = portrait_sheet(page_pdf([(740, ORDINARY[0]), (720, AUTHOR), (700, ORDINARY[1])], title=TITLE,
                                   pages=2, later=page2), 2)
    return data, _meta("split: /Rotate 270 landscape page", "reportlab", part2=rows[4:],
                       ordinary=[*ORDINARY, "North 410 Poor"])


def links_chromium() -> tuple[bytes, dict]:
    html = ("<html><body style='font-family:DejaVu Sans;font-size:11pt;margin:2cm'>"
            f"<h3>{TITLE}</h3><p>{ORDINARY[0]}</p><p>{AUTHOR}</p>"
            "<p><a href='tel:+44 113 496 0123'>Phone the depot</a> during office hours.</p>"
            "<p><a href='mailto:Priya%20Castellane%20%3Cpriya.castellane@example.org.uk%3E'>Email the "
            "project lead</a> with questions.</p>"
            "<p>See the <a href='https://www.example.org.uk/people/priya-castellane?ref=KD+4471'>project "
            "page</a> for updates.</p>"
            f"<p>{ORDINARY[1]}</p></body></html>")
    return chromium_pdf(html), _meta("links: tel:, mailto and URL forms (Chromium)", "chromium",
                                     ordinary=[*ORDINARY, "during office hours"])


def jpeg_chromium() -> tuple[bytes, dict]:
    """Chromium embeds a JPEG as it is, segments and all (LibreOffice strips them)."""
    jpeg = jpeg_with_metadata(photo((640, 400)), artist=NAME, comment=f"Site photo {NAME} {PHONE}",
                              xmp=xmp_packet(NAME, f"Survey photo by {NAME}, {EMAIL}"))
    src = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()
    html = ("<html><body style='font-family:DejaVu Sans;font-size:11pt;margin:2cm'>"
            f"<h3>{TITLE}</h3><p>{ORDINARY[0]}</p><p>{AUTHOR}</p><img src='{src}' style='width:12cm'>"
            f"<p>Figure 1: the eastern bay roof.</p><p>{ORDINARY[1]}</p></body></html>")
    return chromium_pdf(html), _meta("image: JPEG metadata (Chromium)", "chromium",
                                     ordinary=[*ORDINARY, "Figure 1: the eastern bay roof."])


def hidden_xobject_ve() -> tuple[bytes, dict]:
    """A Form XObject carries /OC: a membership dictionary whose /VE is (on AND off), so it is hidden."""
    def change(pdf):
        on = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Print")))
        off = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Internal")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[on, off], D=pikepdf.Dictionary(ON=[on], OFF=[off]))
        page = pdf.pages[0]
        ocmd = pikepdf.Dictionary(Type=pikepdf.Name.OCMD, VE=[pikepdf.Name.And, on, off])
        form = pdf.make_stream(b"BT /F1 10 Tf 0 0 Td (Internal: escalate to " + NAME.encode() + b", "
                               + PHONE.encode() + b") Tj ET", Type=pikepdf.Name.XObject,
                               Subtype=pikepdf.Name.Form, BBox=[0, -5, 400, 15], OC=ocmd,
                               Resources=pikepdf.Dictionary(Font=page.obj.Resources.Font))
        page.obj.Resources.XObject = pikepdf.Dictionary(Fx1=form)
        page.contents_add(pdf.make_stream(b"q 1 0 0 1 60 600 cm /Fx1 Do Q"))
    data = edit(page_pdf([(740, ORDINARY[0]), (720, AUTHOR), (700, ORDINARY[1])], title=TITLE), change)
    return data, _meta("hidden content: Form XObject hidden by /VE (And)", "pikepdf")


def pattern_softmask_uncoloured() -> tuple[bytes, dict]:
    """An uncoloured tiling pattern (PaintType 2) whose cell spells the name, and an alpha soft mask
    whose group spells the phone number."""
    def change(pdf):
        page = pdf.pages[0]
        font = page.obj.Resources.Font
        cell = pdf.make_stream(b"BT /F1 7 Tf 1 4 Td (" + NAME.encode() + b") Tj ET", Type=pikepdf.Name.Pattern,
                               PatternType=1, PaintType=2, TilingType=1, BBox=[0, 0, 90, 12], XStep=90,
                               YStep=12, Resources=pikepdf.Dictionary(Font=font))
        group = pdf.make_stream(b"BT /F1 18 Tf 64 452 Td (" + PHONE.encode() + b") Tj ET",
                                Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[60, 440, 360, 480],
                                Group=pikepdf.Dictionary(S=pikepdf.Name.Transparency),
                                Resources=pikepdf.Dictionary(Font=font))
        page.obj.Resources.Pattern = pikepdf.Dictionary(P2=cell)
        page.obj.Resources.ColorSpace = pikepdf.Dictionary(CSp=[pikepdf.Name.Pattern, pikepdf.Name.DeviceRGB])
        page.obj.Resources.ExtGState = pikepdf.Dictionary(GSa=pikepdf.Dictionary(
            Type=pikepdf.Name.ExtGState, SMask=pikepdf.Dictionary(Type=pikepdf.Name.Mask, S=pikepdf.Name.Alpha,
                                                                  G=group)))
        page.contents_add(pdf.make_stream(b"q /CSp cs 0.6 0 0 /P2 scn 60 520 270 48 re f Q\n"
                                          b"q /GSa gs 0.1 0.4 0.1 rg 60 440 300 40 re f Q"))
    data = edit(page_pdf([(740, ORDINARY[0]), (720, AUTHOR), (700, ORDINARY[1])], title=TITLE), change)
    return data, _meta("pattern and soft mask: uncoloured pattern cell, alpha mask group", "pikepdf")


RARE = "Kazimierz Wojtczyk"


def font_subset_lo() -> tuple[bytes, dict]:
    body = "".join([_p(TITLE), _p(ORDINARY[0]),
                     _p(f"Contact officer: Inspector {RARE}, tel {PHONE}."), _p(ORDINARY[1])])
    return libreoffice_pdf(fodt(body)), _meta("font: subset keeps glyphs of removed text (LibreOffice)",
                                              "libreoffice", values=[RARE, "Wojtczyk", "Kazimierz", PHONE])


def form_choice() -> tuple[bytes, dict]:
    def draw(c):
        c.drawString(60, 620, "Programme:")
        c.acroForm.choice(name="programme", value="Corporate maintenance programme", x=150, y=612,
                          width=240, height=18, options=["Corporate maintenance programme", "Fleet renewal"],
                          borderWidth=0)
        c.drawString(60, 590, "Approver:")
        c.acroForm.textfield(name="approver", value=f"Inspector {NAME}, {PHONE}", x=150, y=582, width=300,
                             height=18, borderWidth=0)
    data = page_pdf([(740, ORDINARY[0]), (720, AUTHOR), (700, ORDINARY[1])], draw, title=TITLE)
    return data, _meta("form: choice and text answers", "reportlab",
                       ordinary=[*ORDINARY, "Corporate maintenance programme"])


def crop_chromium() -> tuple[bytes, dict]:
    """A picture shown through a box with overflow hidden: the caption below naming the person is cut off."""
    from PIL import ImageDraw, ImageFont

    from tests.adversarial.producers import TTF, png_bytes, text_image
    im = text_image([], size=(900, 600), bg=(200, 220, 180))
    d = ImageDraw.Draw(im)
    d.rectangle([100, 60, 800, 260], fill=(90, 90, 140))
    d.rectangle([0, 300, 900, 600], fill=(255, 255, 255))
    d.text((30, 360), NAME, fill=(0, 0, 0), font=ImageFont.truetype(TTF, 46))
    d.text((30, 450), PHONE, fill=(0, 0, 0), font=ImageFont.truetype(TTF, 46))
    src = "data:image/png;base64," + base64.b64encode(png_bytes(im)).decode()
    html = ("<html><body style='font-family:DejaVu Sans;font-size:11pt;margin:2cm'>"
            f"<h3>{TITLE}</h3><p>{ORDINARY[0]}</p><p>{AUTHOR}</p>"
            f"<div style='width:12cm;height:4cm;overflow:hidden'><img src='{src}' style='width:12cm'></div>"
            f"<p>Figure 2: the workshop from the yard.</p><p>{ORDINARY[1]}</p></body></html>")
    return chromium_pdf(html), _meta("image: cropped by overflow:hidden (Chromium clip)", "chromium",
                                     ordinary=[*ORDINARY, "Figure 2: the workshop from the yard."])


def scan_pikepdf() -> tuple[bytes, dict]:
    """A scanner's PDF written by hand: one JPEG per page (with COM and EXIF naming the person) and an
    invisible Helvetica text layer placed over it."""
    from PIL import Image, ImageDraw, ImageFont

    from tests.adversarial.producers import TTF
    scale = 200 / 72
    lines = [(780, TITLE), (740, ORDINARY[0]), (720, AUTHOR), (700, ORDINARY[1])]
    im = Image.new("L", (int(595 * scale), int(842 * scale)), 245)
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", int(10 * scale))
    for y, text in lines:
        d.text((60 * scale, (842 - y) * scale), text, fill=10, font=font, anchor="ls")
    jpeg = jpeg_with_metadata(im.convert("RGB"), artist=NAME, comment=f"Scanned by {NAME} {PHONE}",
                              xmp=xmp_packet(NAME, f"Scan station {NAME}"))
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(Scan=pdf.make_stream(jpeg, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                                        Width=im.width, Height=im.height, BitsPerComponent=8,
                                                        ColorSpace=pikepdf.Name.DeviceRGB,
                                                        Filter=pikepdf.Name.DCTDecode)),
        Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                      BaseFont=pikepdf.Name.Helvetica,
                                                      Encoding=pikepdf.Name.WinAnsiEncoding)))
    text = b"".join(b"BT 3 Tr /F1 10 Tf 60 %d Td (%s) Tj ET\n" % (y, t.encode("cp1252")) for y, t in lines)
    page.obj.Contents = pdf.make_stream(b"q 595 0 0 842 0 0 cm /Scan Do Q\n" + text)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue(), _meta("image: scan with COM/EXIF and an OCR layer (hand-written)", "pikepdf")


def confidential_chromium() -> tuple[bytes, dict]:
    sensitive = ["The Council's negotiating position is a ceiling of one hundred and ten thousand pounds.",
                 "Two of the three bidders asked that their day rates are never disclosed."]
    html = ("<html><body style='font-family:DejaVu Sans;font-size:11pt;margin:2cm'>"
            f"<h3>{TITLE}</h3><p>{ORDINARY[0]}</p><p>{AUTHOR}</p><p>{ORDINARY[1]}</p>"
            "<h4 style='break-before:page'>COMMERCIALLY SENSITIVE – NOT FOR PUBLICATION</h4>"
            "<p>Exempt information under Schedule 12A (paragraph 3) until 01/09/2029.</p>"
            + "".join(f"<p>{t}</p>" for t in sensitive) + "</body></html>")
    data = chromium_pdf(html)
    return data, _meta("split: commercially sensitive marking, no Part 2 heading (Chromium)", "chromium",
                       part2=["COMMERCIALLY SENSITIVE \u2013 NOT FOR PUBLICATION",
                              "Exempt information under Schedule 12A (paragraph 3) until 01/09/2029.", *sensitive],
                       start=line_top(data, "COMMERCIALLY"))


def tel_footer_lo() -> tuple[bytes, dict]:
    body = "".join([_p(TITLE), _p(ORDINARY[0]), _p(AUTHOR), _p(ORDINARY[1])])
    footer = (f'<style:footer><text:p>Enquiries: <text:a xlink:type="simple" xlink:href="tel:01134960123">'
              f'fleet services</text:a> or <text:a xlink:type="simple" xlink:href="mailto:{NAME} &lt;{EMAIL}&gt;">'
              f'the project lead</text:a></text:p></style:footer>')
    return libreoffice_pdf(fodt(body, master=footer)), _meta("links: tel: and mailto in a LibreOffice footer",
                                                             "libreoffice",
                                                             ordinary=[*ORDINARY, "Enquiries: fleet services"])


CASES = {"h_split_annex_lo": annex_lo, "h_split_columns_chromium": columns_chromium,
         "h_split_rotate_270": rotate_270, "h_links_chromium": links_chromium, "h_jpeg_metadata_chromium": jpeg_chromium,
         "h_hidden_xobject_ve": hidden_xobject_ve, "h_pattern_softmask": pattern_softmask_uncoloured,
         "h_font_subset_lo": font_subset_lo, "h_form_choice": form_choice,
         "h_crop_chromium": crop_chromium, "h_scan_pikepdf": scan_pikepdf,
         "h_split_confidential_chromium": confidential_chromium, "h_tel_footer_lo": tel_footer_lo}

if __name__ == "__main__":
    write(HERE, CASES, sys.argv[1:])
