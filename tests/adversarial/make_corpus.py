"""Make the adversarial corpus: one small PDF per way a redaction tool is known to leak.

Each paper shows personal data in its ordinary text (where detection finds it) and hides the same data
again in one hard place. Run ``.venv/bin/python tests/adversarial/make_corpus.py``; it rewrites the PDFs
beside this script (reportlab, pikepdf, and Debian's chromium for the CID-font case). The PDFs are
committed, so the tests need none of these tools.

All names and numbers are fictional (Ofcom drama ranges).
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

HERE = Path(__file__).resolve().parent
NAME = "Oliver Quist"
PHONE = "020 7946 0456"
EMAIL = "oliver.quist@example.gov.uk"
ORDINARY = "The Board approved the procurement of body worn video cameras for all response teams."
VISIBLE = f"Report author: Detective Sergeant {NAME}, telephone {PHONE}."
FINANCE = "Financial comments: the cost is met from the existing capital budget."
TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _page(draw, *, font="Helvetica", size=11, **canvas_args) -> bytes:
    """A one-page paper: a heading, the ordinary sentence, the visible personal data, then ``draw``."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, **canvas_args)
    c.setFont(font, 14)
    c.drawString(60, 780, "Decision PCD 9001: Body worn video")
    c.setFont(font, size)
    c.drawString(60, 740, ORDINARY)
    c.drawString(60, 720, VISIBLE)
    c.drawString(60, 700, FINANCE)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def black_rectangle() -> bytes:
    def draw(c):
        c.drawString(60, 600, f"Witness statement taken by {NAME} on the day.")
        c.rect(200, 596, 80, 14, fill=1)  # the classic fake redaction: a box over live text
    return _page(draw)


def white_text() -> bytes:
    def draw(c):
        c.setFillColorRGB(1, 1, 1)
        c.drawString(60, 600, f"{NAME} {PHONE}")
    return _page(draw)


def render_mode_3() -> bytes:
    def draw(c):
        t = c.beginText(60, 600)
        t.setTextRenderMode(3)
        t.setFont("Helvetica", 11)
        t.textLine(f"Invisible note: {NAME} {PHONE}")
        c.drawText(t)
    return _page(draw)


def rotated_text() -> bytes:
    def draw(c):
        for angle, (x, y) in ((90, (520, 300)), (30, (120, 420))):
            c.saveState()
            c.translate(x, y)
            c.rotate(angle)
            c.drawString(0, 0, f"Contact {NAME} on {PHONE}")
            c.restoreState()
    return _page(draw)


def reverse_glyphs() -> bytes:
    """One glyph per show operator, drawn last glyph first: the stream holds the text backwards."""
    def draw(c):
        text = f"Officer {NAME} {PHONE}"
        xs, x = [], 60.0
        for ch in text:
            xs.append(x)
            x += pdfmetrics.stringWidth(ch, "Helvetica", 11)
        ops = ["BT /F1 11 Tf"]
        for ch, x in reversed(list(zip(text, xs))):
            ops.append(f"1 0 0 1 {x:.2f} 600 Tm ({ch}) Tj")
        ops.append("ET")
        c._code.append("\n".join(ops))
    return _page(draw)


def tj_kerning() -> bytes:
    """One TJ array with a kerning number after every glyph."""
    def draw(c):
        parts = " ".join(f"({ch}) -{(i % 3) * 7 + 5}" for i, ch in enumerate(f"Officer {NAME} {PHONE}"))
        c._code.append(f"BT /F1 11 Tf 60 600 Td [{parts}] TJ ET")
    return _page(draw)


def form_xobject() -> bytes:
    """The personal data inside a Form XObject drawn twice."""
    def draw(c):
        c.beginForm("contact")
        c.setFont("Helvetica", 11)
        c.drawString(0, 0, f"Contact {NAME} on {PHONE} for details.")
        c.endForm()
        c.saveState()
        c.translate(60, 600)
        c.doForm("contact")
        c.restoreState()
        c.saveState()
        c.translate(60, 500)
        c.doForm("contact")
        c.restoreState()
    return _page(draw)


def subset_truetype() -> bytes:
    pdfmetrics.registerFont(TTFont("DejaVuSans", TTF))

    def draw(c):
        c.drawString(60, 600, f"Also present: {NAME}, {PHONE}.")
    return _page(draw, font="DejaVuSans")


def cid_identity_h() -> bytes:
    """Chromium prints HTML with CID fonts (Type 0, Identity-H, two-byte codes)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium is needed for the CID-font case")
    html = (f"<html><body style='font-family:DejaVu Sans;font-size:12pt;margin:2cm'>"
            f"<h2>Decision PCD 9001: Body worn video</h2><p>{ORDINARY}</p><p>{VISIBLE}</p>"
            f"<p>Financial comments: the cost is met from the existing capital budget.</p>"
            f"<p style='font-size:7pt'>Copy to {NAME} ({PHONE}).</p></body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "p.html", Path(tmp) / "p.pdf"
        src.write_text(html, encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True, timeout=120)
        return out.read_bytes()


def broken_name() -> bytes:
    def draw(c):
        c.drawString(60, 600, "The review was carried out by Detective Sergeant Oliver")
        c.drawString(60, 586, "Quist of the Professional Standards unit, who may be called on")
        c.drawString(60, 572, "020 7946")
        c.drawString(60, 558, "0456 if needed.")
    return _page(draw)


def tiny_text() -> bytes:
    def draw(c):
        c.setFont("Helvetica", 1.5)
        c.drawString(60, 600, f"{NAME} {PHONE} {EMAIL}")
    return _page(draw)


def outside_cropbox() -> bytes:
    def draw(c):
        c.drawString(60, 20, f"Below the crop: {NAME} {PHONE}")
        c.drawString(700, 400, f"Right of the page: {NAME}")
    data = _page(draw)
    return _edit(data, lambda pdf: pdf.pages[0].obj.__setitem__("/CropBox", pikepdf.Array([0, 60, 595.27, 841.89])))


def _edit(data: bytes, change) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    change(pdf)
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


def info_xmp_metadata() -> bytes:
    def change(pdf):
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [NAME]
            meta["dc:description"] = f"Prepared by {NAME}, {PHONE}"
        pdf.docinfo["/Author"] = NAME
        pdf.docinfo["/Subject"] = f"Contact {PHONE}"
        pdf.docinfo["/Keywords"] = EMAIL
        # Object-level metadata on the page too.
        pdf.pages[0].obj.Metadata = pdf.make_stream(f"<x:xmpmeta><dc:creator>{NAME}</dc:creator></x:xmpmeta>"
                                                    .encode(), Type=pikepdf.Name.Metadata,
                                                    Subtype=pikepdf.Name.XML)
    return _edit(_page(lambda c: None), change)


def annotation() -> bytes:
    def change(pdf):
        popup = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Popup,
                                                     Rect=[300, 500, 500, 600], Open=False))
        note = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[60, 600, 80, 620],
            Contents=pikepdf.String(f"Check with {NAME} on {PHONE}"), T=pikepdf.String(NAME), Popup=popup))
        free = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FreeText, Rect=[60, 500, 300, 520],
            Contents=pikepdf.String(f"{NAME} {EMAIL}"), DA=pikepdf.String("/Helv 10 Tf 0 g"),
            AP=pikepdf.Dictionary(N=pdf.make_stream(f"BT /F1 10 Tf 2 5 Td ({NAME}) Tj ET".encode(),
                                                    Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                                    BBox=[0, 0, 240, 20]))))
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([note, popup, free]))
    return _edit(_page(lambda c: None), change)


def outline_titles() -> bytes:
    def change(pdf):
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(f"Comments from {NAME}", 0))
            outline.root.append(pikepdf.OutlineItem(f"Call {PHONE}", 0))
        pdf.Root.Names = pdf.make_indirect(pikepdf.Dictionary(Dests=pikepdf.Dictionary(Names=pikepdf.Array([
            pikepdf.String(f"author-{NAME}"), pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])]))))
    return _edit(_page(lambda c: None), change)


def mailto_link() -> bytes:
    def draw(c):
        c.drawString(60, 600, f"E-mail {EMAIL} for a copy.")
        c.linkURL(f"mailto:{EMAIL}", (95, 596, 260, 610), relative=0)
        c.drawString(60, 560, "Published at https://www.example.gov.uk/decisions for everyone.")
        c.linkURL("https://www.example.gov.uk/decisions", (130, 556, 330, 570), relative=0)
    return _page(draw)


def embedded_file() -> bytes:
    def change(pdf):
        spec = pikepdf.AttachedFileSpec(pdf, f"Notes by {NAME}: call {PHONE}".encode(),
                                        description=f"From {NAME}", filename="notes.txt")
        pdf.attachments["notes.txt"] = spec
    return _edit(_page(lambda c: None), change)


def form_field() -> bytes:
    def draw(c):
        c.acroForm.textfield(name="author", value=f"{NAME} {PHONE}", x=60, y=560, width=300, height=20,
                             tooltip=f"Author {NAME}")
    return _page(draw)


def openaction_javascript() -> bytes:
    def change(pdf):
        js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f'app.alert("{NAME} {PHONE}");'))
        pdf.Root.OpenAction = pdf.make_indirect(js)
        pdf.Root.Names = pdf.make_indirect(pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([
            pikepdf.String("init"), pdf.make_indirect(js)]))))
    return _edit(_page(lambda c: None), change)


def hidden_layer() -> bytes:
    def change(pdf):
        ocg = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String("Draft notes")))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[ocg], D=pikepdf.Dictionary(OFF=[ocg], ON=[]))
        page = pdf.pages[0]
        page.obj.Resources.Properties = pikepdf.Dictionary(MC0=ocg)
        page.contents_add(pdf.make_stream(
            f"/OC /MC0 BDC BT /F1 11 Tf 60 600 Td (Hidden layer: {NAME} {PHONE}) Tj ET EMC".encode()))
    return _edit(_page(lambda c: None), change)


def incremental_update() -> bytes:
    """Revision 1 has an extra sentence with the personal data; revision 2 (appended) replaces the page
    content without it, but the old content stream is still in the file."""
    def draw(c):
        c.drawString(60, 600, f"Draft: please ring {NAME} on {PHONE}.")
    return _append_revision(_page(draw))


def _append_revision(first: bytes) -> bytes:
    """Append an incremental update by hand: a new content stream object and a new xref section."""
    pdf = pikepdf.open(io.BytesIO(first))
    page = pdf.pages[0].obj
    page_num = page.objgen[0]
    new_num = max(o.objgen[0] for o in pdf.objects) + 1
    content = (f"BT /F1 14 Tf 60 780 Td (Decision PCD 9001: Body worn video) Tj ET\n"
               f"BT /F1 11 Tf 60 740 Td ({ORDINARY}) Tj ET\nBT /F1 11 Tf 60 720 Td ({VISIBLE}) Tj ET\n"
               f"BT /F1 11 Tf 60 700 Td ({FINANCE}) Tj ET").encode()
    entries = {}
    body = io.BytesIO()
    base = len(first)
    entries[new_num] = base + body.tell()
    body.write(f"{new_num} 0 obj\n<< /Length {len(content)} >>\nstream\n".encode() + content
               + b"\nendstream\nendobj\n")
    direct = pikepdf.Dictionary({k: page[k] for k in page.keys() if k != "/Contents"})
    keys = direct.unparse().decode("latin-1").strip()[2:-2]
    entries[page_num] = base + body.tell()
    body.write(f"{page_num} 0 obj\n<< {keys} /Contents {new_num} 0 R >>\nendobj\n".encode())
    xref_at = base + body.tell()
    lines = ["xref"]
    for num in sorted(entries):
        lines.append(f"{num} 1")
        lines.append(f"{entries[num]:010d} 00000 n ")
    startxref = first.rfind(b"startxref")
    prev = int(first[startxref + 9:].split()[0])
    root = pdf.trailer.Root.objgen[0]
    size = new_num + 1
    lines.append(f"trailer\n<< /Size {size} /Root {root} 0 R /Prev {prev} >>\nstartxref\n{xref_at}\n%%EOF\n")
    return first + body.getvalue() + "\n".join(lines).encode()


CASES = {
    "black_rectangle": black_rectangle, "white_text": white_text, "render_mode_3": render_mode_3,
    "rotated_text": rotated_text, "reverse_glyphs": reverse_glyphs, "tj_kerning": tj_kerning,
    "form_xobject": form_xobject, "subset_truetype": subset_truetype, "cid_identity_h": cid_identity_h,
    "broken_name": broken_name, "tiny_text": tiny_text, "outside_cropbox": outside_cropbox,
    "info_xmp_metadata": info_xmp_metadata, "annotation": annotation, "outline_titles": outline_titles,
    "mailto_link": mailto_link, "embedded_file": embedded_file, "form_field": form_field,
    "openaction_javascript": openaction_javascript, "hidden_layer": hidden_layer,
    "incremental_update": incremental_update,
}


def main(names: list[str]) -> None:
    for name in names or CASES:
        (HERE / f"{name}.pdf").write_bytes(CASES[name]())
        print(name)


if __name__ == "__main__":
    main(sys.argv[1:])
