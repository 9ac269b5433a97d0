"""Filled form fields drawn into page content, before anything reads the page.

A form answer lives in a widget annotation's appearance stream, which text extraction does not read and
the output (built without annotations) does not keep: left alone, a filled answer would vanish from the
published paper without a word, or pass through unread. Flattened first, every answer is page content that
detection reads and the engine edits like any other text.

Each widget the viewer shows (not ``Hidden`` or ``NoView``) is drawn with its normal appearance (the one
``/AS`` picks, for check boxes and radio buttons), placed on its ``/Rect`` as the PDF specification says
(the form's box, through its ``/Matrix``, mapped onto the rectangle). Where the document asks the viewer
to build appearances (``/NeedAppearances``), or a filled field has none, qpdf generates them from the
values; a text value still without one is drawn in plain Helvetica. A value that still cannot be drawn is
counted (``not_drawn``) for the report's warnings — never lost silently. The widgets and the AcroForm
(with its values and any XFA) are then removed.
"""

from __future__ import annotations

import logging

import pikepdf

log = logging.getLogger(__name__)

_HIDDEN, _NOVIEW = 1 << 1, 1 << 5


def flatten_forms(pdf: pikepdf.Pdf) -> dict:
    """Draw every visible widget into its page; returns counts for the report (empty when no widgets)."""
    widgets = [(page, a) for page in pdf.pages for a in _annots(page) if _is_widget(a)]
    if not widgets and "/AcroForm" not in pdf.Root:
        return {}
    counts = {"fields": 0, "generated": 0, "not_drawn": 0, "hidden": 0}
    form = pdf.Root.get("/AcroForm")
    if widgets and isinstance(form, pikepdf.Dictionary):
        missing = any(_value(a) and _appearance(a) is None for _, a in widgets)
        if missing or bool(form.get("/NeedAppearances", False)):
            form.NeedAppearances = True
            try:
                pdf.generate_appearance_streams()
            except Exception:  # qpdf could not build them: the fallback below draws plain text values
                log.info("qpdf could not generate form appearances")
    defaults = form.get("/DR") if isinstance(form, pikepdf.Dictionary) else None
    by_page: dict = {}
    for page, annot in widgets:
        by_page.setdefault(page.objgen, (page, []))[1].append(annot)
    for page, annots in by_page.values():
        _flatten_page(pdf, page, annots, counts, defaults)
    if "/AcroForm" in pdf.Root:
        del pdf.Root["/AcroForm"]
    return counts


def _annots(page: pikepdf.Page) -> list:
    annots = page.obj.get("/Annots")
    return [a for a in annots if isinstance(a, pikepdf.Dictionary)] if isinstance(annots, pikepdf.Array) else []


def _is_widget(annot) -> bool:
    return str(annot.get("/Subtype", "")) == "/Widget"


def _flatten_page(pdf: pikepdf.Pdf, page: pikepdf.Page, widgets: list, counts: dict, defaults) -> None:
    drawn: list[bytes] = []
    for annot in widgets:
        try:
            flags = int(annot.get("/F", 0))
        except (TypeError, ValueError):
            flags = 0
        if flags & (_HIDDEN | _NOVIEW):
            counts["hidden"] += 1
            continue
        appearance = _appearance(annot)
        value = _value(annot)
        if appearance is None and value:
            appearance = _plain_appearance(pdf, annot, value)
            counts["generated" if appearance is not None else "not_drawn"] += 1
        if appearance is None:
            continue
        _add_default_resources(appearance, defaults)
        placement = _placement(annot, appearance)
        if placement is None:
            counts["not_drawn" if value else "hidden"] += 1
            continue
        name = page.add_resource(appearance, pikepdf.Name.XObject, prefix="Fw")
        drawn.append(b"q %s cm %s Do Q" % (b" ".join(b"%.6f" % v for v in placement), str(name).encode()))
        counts["fields"] += 1
    if drawn:
        page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
        page.contents_add(pdf.make_stream(b"\nQ\n" + b"\n".join(drawn) + b"\n"))
    kept = [a for a in _annots(page) if not _is_widget(a)]
    if kept:
        page.obj.Annots = pikepdf.Array(kept)
    elif "/Annots" in page.obj:
        del page.obj["/Annots"]


def _add_default_resources(appearance: pikepdf.Stream, defaults) -> None:
    """Fonts an appearance names but does not hold come from the form's /DR (LibreOffice's check boxes
    use /ZaDb that way): drawn in the page without the form, they must travel with the appearance."""
    if not isinstance(defaults, pikepdf.Dictionary):
        return
    resources = appearance.get("/Resources")
    if not isinstance(resources, pikepdf.Dictionary):
        resources = appearance.Resources = pikepdf.Dictionary()
    for category in ("/Font", "/XObject", "/ExtGState", "/ColorSpace"):
        shared = defaults.get(category)
        if not isinstance(shared, pikepdf.Dictionary):
            continue
        own = resources.get(category)
        if not isinstance(own, pikepdf.Dictionary):
            own = resources[category] = pikepdf.Dictionary()
        for name, value in shared.items():
            if name not in own:
                own[name] = value


def _field(annot, key: str):
    """A field attribute, inherited through ``/Parent`` (a widget is often a kid of its field)."""
    node, depth = annot, 0
    while isinstance(node, pikepdf.Dictionary) and depth < 32:
        if key in node:
            return node[key]
        node, depth = node.get("/Parent"), depth + 1
    return None


def _value(annot) -> str:
    value = _field(annot, "/V")
    if isinstance(value, pikepdf.String):
        return str(value).strip()
    if isinstance(value, pikepdf.Name):
        return "" if str(value) == "/Off" else str(value)[1:]
    if isinstance(value, pikepdf.Array):
        return " ".join(str(v) for v in value if isinstance(v, pikepdf.String)).strip()
    return ""


def _appearance(annot):
    ap = annot.get("/AP")
    normal = ap.get("/N") if isinstance(ap, pikepdf.Dictionary) else None
    if isinstance(normal, pikepdf.Dictionary) and not isinstance(normal, pikepdf.Stream):
        state = annot.get("/AS")
        normal = normal.get(str(state)) if isinstance(state, pikepdf.Name) else None
    return normal if isinstance(normal, pikepdf.Stream) else None


def _placement(annot, form) -> tuple | None:
    """The matrix that maps the appearance's transformed box onto the widget's rectangle."""
    try:
        rect = [float(v) for v in annot.Rect]
        bbox = [float(v) for v in form.BBox]
        m = [float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
    except (AttributeError, TypeError, ValueError, KeyError):
        return None
    corners = [(x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
               for x in (bbox[0], bbox[2]) for y in (bbox[1], bbox[3])]
    bx0, by0 = min(c[0] for c in corners), min(c[1] for c in corners)
    bx1, by1 = max(c[0] for c in corners), max(c[1] for c in corners)
    rx0, ry0, rx1, ry1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
    if bx1 - bx0 < 1e-6 or by1 - by0 < 1e-6 or rx1 - rx0 < 1e-6 or ry1 - ry0 < 1e-6:
        return None
    sx, sy = (rx1 - rx0) / (bx1 - bx0), (ry1 - ry0) / (by1 - by0)
    return sx, 0.0, 0.0, sy, rx0 - sx * bx0, ry0 - sy * by0


def _plain_appearance(pdf: pikepdf.Pdf, annot, value: str):
    """A plain Helvetica appearance for a text value without one; None when it cannot be encoded."""
    try:
        encoded = value.encode("cp1252")
        rect = [float(v) for v in annot.Rect]
    except (UnicodeEncodeError, AttributeError, TypeError, ValueError):
        return None
    width, height = abs(rect[2] - rect[0]), abs(rect[3] - rect[1])
    size = max(min(height * 0.7, 12.0), 4.0)
    literal = encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(b"\r", b" ") \
        .replace(b"\n", b" ")
    content = b"/Tx BMC q BT /Helv %.2f Tf 2 %.2f Td (%s) Tj ET Q EMC" % (size, max((height - size) / 2, 1.0),
                                                                           literal)
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    return pdf.make_indirect(pikepdf.Stream(
        pdf, content, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
        BBox=pikepdf.Array([0, 0, width, height]), Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=font))))
