"""Removal cases of the acceptance corpus: hidden layers, patterns and soft masks, font subsets, marked
content, form answers and colour (links and image metadata: cases_links_images.py). Each paper shows the personal data in its ordinary text
(where detection finds it) and hides it again in one hard place. Each returns (pdf bytes, manifest entry)."""

from __future__ import annotations

import io

import pikepdf
from PIL import Image, ImageCms, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tests.adversarial.cases_split import EMAIL, NAME, PHONE, TITLE, VALUES
from tests.adversarial.producers import TTF, chromium_pdf, edit, ghostscript_pdf, page_pdf

ORDINARY = ["The Board approved the refurbishment of the custody suite at the central station.",
            "Financial comments: the cost is met from the existing capital budget."]
VISIBLE = f"Report author: Detective Sergeant {NAME}, telephone {PHONE}."
LINES = [(740, ORDINARY[0]), (720, VISIBLE), (700, f"E-mail: {EMAIL}"), (680, ORDINARY[1])]


def _meta(klass: str, producer: str, *, values=VALUES, ordinary=ORDINARY, **extra) -> dict:
    return {"class": klass, "producer": producer, "values": values, "part2": [], "ordinary": ordinary,
            "officer_part2_start": None, **extra}


def _ocg_page(change, draw=None) -> bytes:
    return edit(page_pdf(LINES, draw, title=TITLE), change)


def ve_hidden_layer() -> tuple[bytes, dict]:
    def change(pdf):
        on = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Final")))
        off = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Draft")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[on, off], D=pikepdf.Dictionary(ON=[on], OFF=[off]))
        hidden = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=[on],
                                                      VE=[pikepdf.Name.Not, on]))
        shown = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=[on, off],
                                                     VE=[pikepdf.Name.Or, on, off]))
        page = pdf.pages[0]
        page.obj.Resources.Properties = pikepdf.Dictionary(MC0=hidden, MC1=shown)
        page.contents_add(pdf.make_stream(
            b"/OC /MC0 BDC BT /F1 10.5 Tf 60 600 Td (Draft note: ring " + NAME.encode() + b" on "
            + PHONE.encode() + b") Tj ET EMC\n/OC /MC1 BDC BT /F1 10.5 Tf 60 580 Td "
            b"(Layer note: the works start in the spring.) Tj ET EMC"))
    ordinary = ORDINARY + ["Layer note: the works start in the spring."]
    return _ocg_page(change), _meta("hidden content: layer hidden by a visibility expression (/VE)",
                                    "pikepdf", ordinary=ordinary)


def type3_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    """A Type 3 font (as dvips writes for bitmap TeX fonts): every printable ASCII glyph a filled box, with
    a ToUnicode map so readers still get the text. The engine cannot edit Type 3 glyphs in place, so a
    redaction over them makes the page a picture."""
    box = pdf.make_stream(b"500 0 0 0 450 600 d1 0 0 450 600 re f")
    space = pdf.make_stream(b"250 0 d0")
    names = [pikepdf.Name(f"/c{code}") for code in range(32, 127)]
    procs = pikepdf.Dictionary({str(n): (space if i == 0 else box) for i, n in enumerate(names)})
    tounicode = pdf.make_stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
                                b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange "
                                b"<20> <7E> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource "
                                b"pop end end")
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 500, 600],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=procs, FirstChar=32, LastChar=126,
        Widths=[250] + [500] * 94, Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding,
                                                              Differences=[32, *names]),
        Resources=pikepdf.Dictionary(), ToUnicode=tounicode))


def hidden_layer_rasterised() -> tuple[bytes, dict]:
    """A layer that is off, on a page the engine must rasterise: the personal data it removes is drawn in a
    Type 3 font, so the page becomes a picture with an invisible layer of the surviving words."""
    def change(pdf):
        off = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Notes")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[off], D=pikepdf.Dictionary(OFF=[off], ON=[]))
        page = pdf.pages[0]
        page.obj.Resources.Properties = pikepdf.Dictionary(MC0=off)
        page.obj.Resources.Font.T3 = type3_font(pdf)
        page.contents_add(pdf.make_stream(
            b"BT /T3 9 Tf 60 640 Td (" + f"Copy to Detective Sergeant {NAME}, telephone {PHONE}.".encode()
            + b") Tj ET\n/OC /MC0 BDC BT /F1 10.5 Tf 60 600 Td (Hidden notes: "
            + NAME.encode() + b" " + PHONE.encode() + b" " + EMAIL.encode() + b") Tj ET EMC"))
    lines = [(740, ORDINARY[0]), (720, ORDINARY[1])]
    return edit(page_pdf(lines, title=TITLE), change), _meta("hidden content: hidden layer on a rasterised page",
                                                             "pikepdf")


def tiling_pattern_text() -> tuple[bytes, dict]:
    def change(pdf):
        page = pdf.pages[0]
        font = page.obj.Resources.Font
        cell = pdf.make_stream(
            b"BT /F1 8 Tf 2 6 Td (" + NAME.encode() + b" " + PHONE.encode() + b") Tj ET",
            Type=pikepdf.Name.Pattern, PatternType=1, PaintType=1, TilingType=1, BBox=[0, 0, 150, 18],
            XStep=150, YStep=18, Resources=pikepdf.Dictionary(Font=font))
        page.obj.Resources.Pattern = pikepdf.Dictionary(P1=cell)
        page.contents_add(pdf.make_stream(b"q /Pattern cs /P1 scn 60 520 300 54 re f Q"))
    return _ocg_page(change), _meta("pattern: text inside a tiling-pattern cell", "pikepdf")


def soft_mask_text() -> tuple[bytes, dict]:
    def change(pdf):
        page = pdf.pages[0]
        group = pdf.make_stream(
            b"0 g 60 500 320 40 re f 1 g BT /F1 16 Tf 66 514 Td (" + NAME.encode() + b" " + PHONE.encode()
            + b") Tj ET", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[60, 500, 380, 540],
            Group=pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceRGB),
            Resources=pikepdf.Dictionary(Font=page.obj.Resources.Font))
        gs = pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, SMask=pikepdf.Dictionary(
            Type=pikepdf.Name.Mask, S=pikepdf.Name.Luminosity, G=group))
        page.obj.Resources.ExtGState = pikepdf.Dictionary(GS9=gs)
        page.contents_add(pdf.make_stream(b"q /GS9 gs 0 0 0.6 rg 60 500 320 40 re f Q"))
    return _ocg_page(change), _meta("soft mask: text inside a soft-mask group", "pikepdf")


RARE = "Jozef Quixby"
RARE_VALUES = [RARE, "Quixby", "Jozef", PHONE]


ACCENTED, ACCENTED_PHONE = "Zoë Ødegård", "020 7946 0321"


def font_subset_order() -> tuple[bytes, dict]:
    """The removed names use letters (J, z, Q; ë, Ø, å) nothing else on the page uses. reportlab puts
    ASCII in a fixed subset and every other letter in first-use order, so the accented name's letters
    are the first codes of the second subset."""
    pdfmetrics.registerFont(TTFont("DejaVuSans", TTF))
    lines = [(740, f"Report author: Detective Sergeant {RARE}, telephone {PHONE}."),
             (720, f"Copy to Detective Constable {ACCENTED}, telephone {ACCENTED_PHONE}."),
             (700, ORDINARY[0]), (680, ORDINARY[1])]
    return page_pdf(lines, title=TITLE, font="DejaVuSans"), _meta(
        "font: subset keeps glyphs of removed text in first-use order", "reportlab",
        values=RARE_VALUES + [ACCENTED, "Ødegård", ACCENTED_PHONE])


def ghostscript_cff_subset() -> tuple[bytes, dict]:
    """A Helvetica paper distilled by Ghostscript, which embeds the base fonts as CFF (Type1C) subsets whose
    charset names each glyph ("J", "z", "Q"...)."""
    lines = [(740, f"Report author: Detective Sergeant {RARE}, telephone {PHONE}."),
             (720, ORDINARY[0]), (700, ORDINARY[1])]
    return ghostscript_pdf(page_pdf(lines, title=TITLE)), _meta("font: CFF subset with glyph names (Ghostscript)",
                                                                "ghostscript", values=RARE_VALUES)


def actual_text() -> tuple[bytes, dict]:
    """Marked content whose /ActualText and /Alt name the person over ordinary glyphs (as tagged PDF
    writers put a replacement text on a figure or a ligature)."""
    def change(pdf):
        pdf.pages[0].contents_add(pdf.make_stream(
            b"/Span << /ActualText (" + f"Signed by {NAME}, {PHONE}".encode() + b") >> BDC BT /F1 10.5 Tf "
            b"60 620 Td (Signed for the Board.) Tj ET EMC\n/Figure << /Alt (" + f"Portrait of {NAME}".encode()
            + b") >> BDC 0.8 g 60 560 40 40 re f EMC"))
    return edit(page_pdf(LINES, title=TITLE), change), _meta(
        "hidden text: /ActualText and /Alt in marked content", "pikepdf", ordinary=ORDINARY)


def chromium_cid_subset() -> tuple[bytes, dict]:
    html = ("<html><body style='font-family:DejaVu Sans;font-size:11pt;margin:2cm'>"
            f"<h2>{TITLE}</h2><p>Report author: Detective Sergeant {RARE}, telephone {PHONE}.</p>"
            f"<p>{ORDINARY[0]}</p><p>{ORDINARY[1]}</p>"
            f"<p style='font-size:8pt'>Copy to {RARE} ({PHONE}).</p></body></html>")
    return chromium_pdf(html), _meta("font: CID font subset (Identity-H) keeps removed glyphs", "chromium",
                                     values=RARE_VALUES)


def form_answers() -> tuple[bytes, dict]:
    def draw(c):
        c.drawString(60, 620, "Budget code:")
        c.acroForm.textfield(name="budget", value="CAP-2291 capital works", x=150, y=612, width=220,
                             height=18, borderWidth=0)
        c.drawString(60, 590, "Prepared by:")
        c.acroForm.textfield(name="author", value=f"{NAME} {PHONE}", x=150, y=582, width=220, height=18,
                             borderWidth=0)
        c.drawString(60, 560, "Approved:")
        c.acroForm.checkbox(name="approved", checked=True, buttonStyle="cross", x=150, y=554, size=16,
                            borderWidth=0, fillColor=None)
    ordinary = ORDINARY + ["CAP-2291 capital works"]
    # the ticked box must still show ticked (its centre is dark)
    return page_pdf(LINES, draw, title=TITLE), _meta("form: filled answers kept, personal answer removed",
                                                     "reportlab", ordinary=ordinary, pixel_checks=[[1, 157, 562]])


def colour_key_mask() -> tuple[bytes, dict]:
    im = Image.new("RGB", (200, 100), (0, 255, 0))
    ImageDraw.Draw(im).ellipse([20, 10, 180, 90], fill=(200, 30, 30))

    def draw(c):
        c.setFillColorRGB(0.1, 0.2, 0.8)
        c.rect(60, 400, 200, 100, fill=1, stroke=0)
        c.drawImage(ImageReader(im), 60, 400, width=200, height=100, mask=[0, 10, 245, 255, 0, 10])
    # Two corners of the picture are transparent: the blue square behind must still show there.
    return page_pdf(LINES, draw, title=TITLE), _meta("colour: colour-key /Mask kept", "reportlab",
                                                     pixel_checks=[[1, 64, 404], [1, 256, 496]])


def smask_and_cmyk() -> tuple[bytes, dict]:
    """A picture with an alpha channel (/SMask) and a CMYK JPEG: re-encoding must keep the transparency
    and the colours."""
    rgba = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(rgba).ellipse([20, 10, 180, 90], fill=(200, 30, 30, 255))
    cmyk = Image.new("CMYK", (120, 80), (0, 200, 200, 0))
    ImageDraw.Draw(cmyk).rectangle([30, 20, 90, 60], fill=(200, 0, 0, 0))
    buf = io.BytesIO()
    cmyk.save(buf, "JPEG", quality=90)

    def draw(c):
        c.setFillColorRGB(0.1, 0.2, 0.8)
        c.rect(60, 400, 200, 100, fill=1, stroke=0)
        c.drawImage(ImageReader(rgba), 60, 400, width=200, height=100, mask="auto")

    def change(pdf):
        jpeg = pdf.make_stream(buf.getvalue(), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                               Width=120, Height=80, BitsPerComponent=8, ColorSpace=pikepdf.Name.DeviceCMYK, Decode=[1, 0] * 4,
                               Filter=pikepdf.Name.DCTDecode)
        page = pdf.pages[0]
        page.obj.Resources.XObject.ImCmyk = jpeg
        page.contents_add(pdf.make_stream(b"q 120 0 0 80 300 400 cm /ImCmyk Do Q"))
    data = edit(page_pdf(LINES, draw, title=TITLE), change)
    return data, _meta("colour: alpha /SMask and CMYK JPEG kept", "reportlab+pikepdf",
                       pixel_checks=[[1, 64, 404], [1, 160, 450], [1, 306, 406], [1, 360, 440]])


def icc_indexed() -> tuple[bytes, dict]:
    def change(pdf):
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        icc = pdf.make_stream(srgb, N=3, Alternate=pikepdf.Name.DeviceRGB)
        pixels = bytes(v for y in range(40) for x in range(60) for v in (x * 4, y * 6, 120))
        im_icc = pdf.make_stream(pixels, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=60,
                                 Height=40, BitsPerComponent=8, ColorSpace=[pikepdf.Name.ICCBased, icc])
        palette = pikepdf.String(bytes([200, 30, 30, 30, 160, 30, 30, 30, 200, 240, 240, 240]))
        idx = bytes((x // 15 + y // 10) % 4 for y in range(40) for x in range(60))
        im_idx = pdf.make_stream(idx, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=60,
                                 Height=40, BitsPerComponent=8,
                                 ColorSpace=[pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 3, palette])
        page = pdf.pages[0]
        page.obj.Resources.XObject = pikepdf.Dictionary(ImIcc=im_icc, ImIdx=im_idx)
        page.contents_add(pdf.make_stream(b"q 180 0 0 120 60 420 cm /ImIcc Do Q q 180 0 0 120 300 420 cm "
                                          b"/ImIdx Do Q"))
    return edit(page_pdf(LINES, title=TITLE), change), _meta(
        "colour: ICC and Indexed colour spaces kept", "pikepdf", colour_spaces=["/ICCBased", "/Indexed"],
        pixel_checks=[[1, 100, 480], [1, 340, 480]])


CASES = {
    "ve_hidden_layer": ve_hidden_layer, "hidden_layer_rasterised": hidden_layer_rasterised,
    "tiling_pattern_text": tiling_pattern_text, "soft_mask_text": soft_mask_text,
    "font_subset_order": font_subset_order, "chromium_cid_subset": chromium_cid_subset,
    "ghostscript_cff_subset": ghostscript_cff_subset, "actual_text": actual_text,
    "form_answers": form_answers, "colour_key_mask": colour_key_mask, "icc_indexed": icc_indexed,
    "smask_and_cmyk": smask_and_cmyk,
}
