"""Make the content-class cases: optional content, tiling patterns, soft masks, shadings, form fields and
font programs (issue 11). One small PDF per case, written to ``tests/adversarial/content/``:

    .venv/bin/python tests/adversarial/make_content.py [CASE ...]

The two font cases made by real producers need them installed: LibreOffice (``soffice``) embeds an
OpenType CFF font as a Type 1 program, Chromium draws it with Type 3 glyph procedures; both with the
URW "Nimbus Sans" font (Debian's fonts-urw-base35); Ghostscript rewrites the Type 1 case with a CFF program.

Each paper shows personal data in its ordinary text, where detection finds it, and puts it (or another
withheld phrase) again somewhere hard. Built with reportlab and pikepdf; the PDFs are committed, so the
tests need neither. All names and numbers are fictional (Ofcom drama ranges).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parent / "content"
NAME = "Oliver Quist"
PHONE = "020 7946 0456"
HEADING = "Decision PCD 9001: Body worn video"
ORDINARY = "The Board approved the procurement of body worn video cameras for all response teams."
VISIBLE = f"Report author: Detective Sergeant {NAME}, telephone {PHONE}."
FINANCE = "Financial comments: the cost is met from the existing capital budget."
HIDDEN_NOTE = "Draft remark kept in a hidden layer about Yardley Wexham"
SHOWN_BY_EXPRESSION = "Layer shown by its visibility expression"
FORM_ANSWER = "Approved with conditions"
PLAIN_ANSWER = "Agreed in principle"
TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _page(draw=None, *, font="Helvetica", heading=HEADING) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(font, 14)
    c.drawString(60, 780, heading)
    c.setFont(font, 11)
    c.drawString(60, 740, ORDINARY)
    c.drawString(60, 720, VISIBLE)
    c.drawString(60, 700, FINANCE)
    if draw:
        draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _edit(data: bytes, change) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    change(pdf)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _add_content(pdf: pikepdf.Pdf, text: str) -> None:
    pdf.pages[0].contents_add(pdf.make_stream(text.encode("latin-1")))


def _signature(c) -> None:
    """A curved scrawl across the name: the engine cannot tell it from text drawn as outlines, so the
    page is made a picture (with an invisible layer of the surviving words)."""
    p = c.beginPath()
    p.moveTo(230, 716)
    p.curveTo(250, 740, 270, 700, 290, 724)
    p.curveTo(300, 735, 320, 705, 335, 722)
    c.setLineWidth(1.2)
    c.drawPath(p, stroke=1, fill=0)


def hidden_expression_rasterised() -> bytes:
    """A layer hidden only through a visibility expression (/VE), on a page that is rasterised; and a
    layer that its /OCGs and /P would hide but whose /VE shows it."""
    def change(pdf):
        on = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Final")))
        off = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Draft")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[on, off], D=pikepdf.Dictionary(ON=[on], OFF=[off]))
        # /OCGs + /P say visible (AnyOn), the expression says hidden: the expression wins.
        hides = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=[on], P=pikepdf.Name.AnyOn,
                                                     VE=[pikepdf.Name.Not, on]))
        # /OCGs + /P say hidden (AllOn with one off), the expression says visible.
        shows = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCMD, OCGs=[on, off],
                                                     P=pikepdf.Name.AllOn,
                                                     VE=[pikepdf.Name.Or, off, [pikepdf.Name.And, on]]))
        pdf.pages[0].obj.Resources.Properties = pikepdf.Dictionary(MC0=hides, MC1=shows)
        _add_content(pdf, f"/OC /MC0 BDC BT /F1 11 Tf 60 600 Td ({HIDDEN_NOTE}: {NAME} {PHONE}) Tj ET EMC\n"
                          f"/OC /MC1 BDC BT /F1 11 Tf 60 560 Td ({SHOWN_BY_EXPRESSION}.) Tj ET EMC")
    return _edit(_page(_signature), change)


def hidden_usage_view() -> bytes:
    """A layer ON in the default configuration but hidden by the /AS usage rule for viewing."""
    def change(pdf):
        layer = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.OCG, Name=pikepdf.String("Watermark"),
            Usage=pikepdf.Dictionary(View=pikepdf.Dictionary(ViewState=pikepdf.Name.OFF))))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[layer], D=pikepdf.Dictionary(
            ON=[layer], AS=[pikepdf.Dictionary(Event=pikepdf.Name.View, OCGs=[layer],
                                               Category=[pikepdf.Name.View])]))
        pdf.pages[0].obj.Resources.Properties = pikepdf.Dictionary(MC0=layer)
        _add_content(pdf, f"/OC /MC0 BDC BT /F1 11 Tf 60 600 Td ({HIDDEN_NOTE}: {NAME}) Tj ET EMC")
    return _edit(_page(), change)


def tiling_pattern_text() -> bytes:
    """A box filled with a tiling pattern whose cell draws the name (pdfium does not read it; poppler does)."""
    def change(pdf):
        font = pdf.pages[0].obj.Resources.Font.F1
        cell = pdf.make_stream(f"BT /F1 9 Tf 2 6 Td ({NAME} {PHONE}) Tj ET".encode(),
                               Type=pikepdf.Name.Pattern, PatternType=1, PaintType=1, TilingType=1,
                               BBox=[0, 0, 200, 20], XStep=200, YStep=20,
                               Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
        pdf.pages[0].obj.Resources.Pattern = pikepdf.Dictionary(P0=cell)
        _add_content(pdf, "q /Pattern cs /P0 scn 60 560 400 60 re f Q")
    return _edit(_page(), change)


def soft_mask_text() -> bytes:
    """A grey box seen through a soft mask whose group draws the name (poppler's pdftotext prints it)."""
    def change(pdf):
        font = pdf.pages[0].obj.Resources.Font.F1
        group = pdf.make_stream(f"BT /F1 24 Tf 1 g 70 580 Td ({NAME} {PHONE}) Tj ET".encode(),
                                Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
                                Group=pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceGray),
                                Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
        mask = pikepdf.Dictionary(Type=pikepdf.Name.Mask, S=pikepdf.Name.Luminosity, G=group)
        pdf.pages[0].obj.Resources.ExtGState = pikepdf.Dictionary(GS0=pikepdf.Dictionary(
            Type=pikepdf.Name.ExtGState, SMask=mask))
        _add_content(pdf, "q /GS0 gs 0.3 g 60 560 500 60 re f Q")
    return _edit(_page(), change)


def tiling_pattern_plain() -> bytes:
    """A tiling pattern whose cell draws harmless words ("Draft"): read, kept, and the page stays vector."""
    def change(pdf):
        font = pdf.pages[0].obj.Resources.Font.F1
        cell = pdf.make_stream(b"BT /F1 9 Tf 2 6 Td (Draft for the Board) Tj ET",
                               Type=pikepdf.Name.Pattern, PatternType=1, PaintType=1, TilingType=1,
                               BBox=[0, 0, 200, 20], XStep=200, YStep=20,
                               Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
        pdf.pages[0].obj.Resources.Pattern = pikepdf.Dictionary(P0=cell)
        _add_content(pdf, "q /Pattern cs /P0 scn 60 560 400 60 re f Q")
    return _edit(_page(), change)


def soft_mask_nested_form() -> bytes:
    """The name drawn by a form inside a soft-mask group: not read by the engine, so the page is a picture."""
    def change(pdf):
        font = pdf.pages[0].obj.Resources.Font.F1
        inner = pdf.make_stream(f"BT /F1 24 Tf 1 g 70 580 Td ({NAME} {PHONE}) Tj ET".encode(),
                                Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
                                Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
        group = pdf.make_stream(b"/Fx0 Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                BBox=[0, 0, 595, 842],
                                Group=pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceGray),
                                Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx0=inner)))
        mask = pikepdf.Dictionary(Type=pikepdf.Name.Mask, S=pikepdf.Name.Luminosity, G=group)
        pdf.pages[0].obj.Resources.ExtGState = pikepdf.Dictionary(GS0=pikepdf.Dictionary(
            Type=pikepdf.Name.ExtGState, SMask=mask))
        _add_content(pdf, "q /GS0 gs 0.3 g 60 560 500 60 re f Q")
    return _edit(_page(), change)


def shading_pattern() -> bytes:
    """A gradient (shading pattern and a soft mask made of a shading): no text, so kept as it is."""
    def change(pdf):
        shading = pikepdf.Dictionary(ShadingType=2, ColorSpace=pikepdf.Name.DeviceRGB, Coords=[60, 0, 460, 0],
                                     Function=pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 1, 1],
                                                                 C1=[0.2, 0.4, 0.8], N=1), Extend=[True, True])
        pattern = pikepdf.Dictionary(Type=pikepdf.Name.Pattern, PatternType=2, Shading=shading)
        ramp = pdf.make_stream(b"/Sh0 sh", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                               BBox=[0, 0, 595, 842], Resources=pikepdf.Dictionary(Shading=pikepdf.Dictionary(
                                   Sh0=shading)), Group=pikepdf.Dictionary(S=pikepdf.Name.Transparency,
                                                                           CS=pikepdf.Name.DeviceGray))
        resources = pdf.pages[0].obj.Resources
        resources.Pattern = pikepdf.Dictionary(P0=pattern)
        resources.ExtGState = pikepdf.Dictionary(GS0=pikepdf.Dictionary(SMask=pikepdf.Dictionary(
            S=pikepdf.Name.Luminosity, G=ramp)))
        _add_content(pdf, "q /Pattern cs /P0 scn 60 560 400 60 re f Q q /GS0 gs 0 0 1 rg 60 480 400 60 re f Q")
    return _edit(_page(), change)


def form_filled() -> bytes:
    """Filled AcroForm fields with appearance streams (reportlab): one answer holds the name."""
    def draw(c):
        c.drawString(60, 640, "Officer completing the form:")
        c.acroForm.textfield(name="officer", value=f"{NAME} {PHONE}", x=60, y=610, width=300, height=20)
        c.drawString(60, 580, "Decision:")
        c.acroForm.textfield(name="decision", value=FORM_ANSWER, x=60, y=550, width=300, height=20)
    return _page(draw)


def form_no_appearance() -> bytes:
    """A filled text field with no appearance stream and /NeedAppearances: a viewer draws the value."""
    def change(pdf):
        field = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx, T=pikepdf.String("answer"),
            V=pikepdf.String(PLAIN_ANSWER), Rect=[60, 600, 360, 620], F=4, P=pdf.pages[0].obj,
            DA=pikepdf.String("/Helv 11 Tf 0 g")))
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([field]))
        helv = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                    BaseFont=pikepdf.Name.Helvetica,
                                                    Encoding=pikepdf.Name.WinAnsiEncoding))
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field], NeedAppearances=True, DA=pikepdf.String(
            "/Helv 11 Tf 0 g"), DR=pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=helv)))
    return _edit(_page(), change)


def font_first_use() -> bytes:
    """An embedded TrueType subset (reportlab numbers glyphs in first-use order) where the personal data
    comes first: its letters Q and the phone's digits are used by nothing else on the page."""
    pdfmetrics.registerFont(TTFont("DejaVu", TTF))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("DejaVu", 11)
    c.drawString(60, 780, VISIBLE)
    c.setFont("DejaVu", 14)
    c.drawString(60, 740, "Decision: Body worn video")
    c.setFont("DejaVu", 11)
    c.drawString(60, 700, ORDINARY)
    c.drawString(60, 680, FINANCE)
    c.showPage()
    c.save()
    return buf.getvalue()


FORM_HTML = """<html><head><meta charset="utf-8"><title>Form</title></head><body>
<p>{heading}</p><p>{ordinary}</p><p>{visible}</p><p>{finance}</p>
<form>
<p>Officer completing the form: <input type="text" name="officer" size="40" value="{name} {phone}"></p>
<p>Decision: <input type="text" name="decision" size="40" value="{answer}"></p>
<p>Urgent: <input type="checkbox" name="urgent" checked></p>
</form></body></html>"""


def form_libreoffice() -> bytes:
    """LibreOffice's own form fields (text boxes and a ticked check box drawn with /ZaDb from /DR)."""
    html = FORM_HTML.format(heading=HEADING, ordinary=ORDINARY, visible=VISIBLE, finance=FINANCE, name=NAME,
                            phone=PHONE, answer=FORM_ANSWER)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "form.html"
        src.write_text(html)
        subprocess.run([shutil.which("soffice") or "soffice", "--headless", f"-env:UserInstallation=file://{tmp}/p",
                        "--convert-to", 'pdf:writer_pdf_Export:{"ExportFormFields":{"type":"boolean","value":"true"}}',
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=300)
        return (Path(tmp) / "form.pdf").read_bytes()


FONT_HTML = """<html><head><meta charset="utf-8"><title>Decision</title></head><body>
<h2 style="font-family:'Nimbus Sans'">Decision: Body worn video</h2>
<p style="font-family:'Nimbus Sans'">{visible}</p>
<p style="font-family:'Nimbus Sans'">{ordinary}</p>
<p style="font-family:'Nimbus Sans'{brk}">{finance}</p>
</body></html>"""


def _html(page_break: bool) -> str:
    return FONT_HTML.format(visible=VISIBLE, ordinary=ORDINARY, finance=FINANCE,
                            brk="; page-break-before:always" if page_break else "")


def font_type1_libreoffice() -> bytes:
    """LibreOffice's Type 1 subset: CharStrings and built-in encoding in first-use order, name first."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "paper.html"
        src.write_text(_html(False))
        subprocess.run([shutil.which("soffice") or "soffice", "--headless", f"-env:UserInstallation=file://{tmp}/p",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        return (Path(tmp) / "paper.pdf").read_bytes()


def font_type3_chromium() -> bytes:
    """Chromium's Type 3 font (Skia draws CFF glyphs as procedures): the name on page 1, and page 2 (no
    removal) uses the same font, so its procedures for the name's letters must go."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "paper.html", Path(tmp) / "paper.pdf"
        src.write_text(_html(True))
        subprocess.run([shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                       check=True, capture_output=True, timeout=300)
        return out.read_bytes()


def font_cff_ghostscript() -> bytes:
    """The LibreOffice paper rewritten by Ghostscript, which embeds the font as a bare CFF (Type1C) program."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(font_type1_libreoffice())
        subprocess.run([shutil.which("gs") or "gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite",
                        f"-sOutputFile={out}", str(src)], check=True, capture_output=True, timeout=300)
        return out.read_bytes()


CASES = {
    "hidden_expression_rasterised": hidden_expression_rasterised, "hidden_usage_view": hidden_usage_view,
    "tiling_pattern_text": tiling_pattern_text, "soft_mask_text": soft_mask_text,
    "shading_pattern": shading_pattern, "tiling_pattern_plain": tiling_pattern_plain,
    "soft_mask_nested_form": soft_mask_nested_form, "form_filled": form_filled, "form_no_appearance": form_no_appearance,
    "font_first_use": font_first_use, "font_type1_libreoffice": font_type1_libreoffice,
    "font_type3_chromium": font_type3_chromium, "form_libreoffice": form_libreoffice,
    "font_cff_ghostscript": font_cff_ghostscript,
}


def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    for name in names or CASES:
        (OUT / f"{name}.pdf").write_bytes(CASES[name]())
        print(name)


if __name__ == "__main__":
    main(sys.argv[1:])
