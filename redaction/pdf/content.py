"""Rewrite content streams so that nothing under a region is left in them.

The interpreter walks every operator of a page (and of every Form XObject it draws) tracking the graphics
state (CTM, q/Q) and the text state (Tm, Tlm, Tc, Tw, Tz, TL, Ts, Tf), so it knows the box of every
glyph, image and path in page user space. It removes:

* every glyph whose box meets a region (see :mod:`redaction.pdf.text`);
* images under a region (dropped when fully covered); every image kept is re-encoded from its pixels,
  blanked under regions and cropped to its clip (see :mod:`redaction.pdf.images`);
* vector paths lying under a region (a complex path only partly under a redaction box makes the page
  "not safely editable": it may be text drawn as outlines, so the page is rasterised);
* content in hidden optional-content layers, and marked-content property lists (``/ActualText``,
  ``/Alt``, ``/MCID``): ``BDC`` becomes ``BMC``, since the structure tree is not carried over; a tag that is
  not a standard structure type becomes ``/Span`` (a producer's tag name can hold anything).

A Form XObject is interpreted at every use, with that use's CTM. The first result is written back into the
form; a use with a different result gets its own copy, so a shared logo stays shared while a form used
once on a redacted spot and once elsewhere is split.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field

import pikepdf

from .fonts import FontCache
from .geometry import IDENTITY, Box, Matrix, Region, apply, inside, invert, meets, multiply, points_bbox, rect_bbox
from .images import ImageNotEditable, ImageRebuilder, Rebuilt
from .paints import PaintCheck, own_text, painted_stream, strip_text
from .scope import Scope
from .text import TextState, show

log = logging.getLogger(__name__)

_PATH_BUILD = {"m", "l", "c", "v", "y", "h", "re"}
_PATH_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
_MAX_FORM_DEPTH = 12


# Marked-content tags a producer may write as they are: the standard structure types, artifacts, layers and
# form text. Any other tag (a producer's own name, which can be anything, a person's name too) becomes /Span:
# with no structure tree carried over a tag means nothing to a reader, but its name is written in the file.
_TAGS = frozenset(
    "/Document /DocumentFragment /Part /Art /Sect /Div /BlockQuote /Caption /TOC /TOCI /Index /NonStruct "
    "/Private /P /H /H1 /H2 /H3 /H4 /H5 /H6 /L /LI /Lbl /LBody /Table /TR /TH /TD /THead /TBody /TFoot /Span "
    "/Quote /Note /Reference /BibEntry /Code /Link /Annot /Ruby /RB /RT /RP /Warichu /WT /WP /Figure /Formula "
    "/Form /Title /FENote /Sub /Em /Strong /Aside /Artifact /OC /Tx /ReversedChars".split())


def _tag(name) -> pikepdf.Name:
    return name if isinstance(name, pikepdf.Name) and str(name) in _TAGS else pikepdf.Name.Span


class NeedsRaster(Exception):
    """The page cannot be edited safely; the reason is a short code for the report."""


@dataclass
class PageStats:
    glyphs: int = 0
    images_removed: int = 0
    images_blanked: int = 0
    paths: int = 0
    hidden: int = 0
    raster: set[str] = field(default_factory=set)
    used_codes: dict[tuple[int, int], set[int]] = field(default_factory=dict)


@dataclass
class _GState:
    ctm: Matrix
    text: TextState
    clip: Box | None = None  # bounding box of the clipping path in user space (None: unclipped)


@dataclass
class _Walk:
    """The state of one walk over a content stream (:meth:`ContentEditor._run`)."""

    gs: _GState
    scope: Scope
    regions: list[Region]
    stats: PageStats
    stack: list[_GState] = field(default_factory=list)
    out: list = field(default_factory=list)
    path: list = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)
    curves: bool = False
    clip: bool = False
    text: dict | None = None  # the BT..ET state: {"tm", "tlm", "dirty"}
    marked: int = 0
    skip: int = 0  # depth inside a hidden optional-content section


class ContentEditor:
    """Edits the pages of one output document; fonts, forms and images are shared across its pages."""

    def __init__(self, pdf: pikepdf.Pdf, is_hidden, op_budget: int = 3_000_000, leaks=None):
        self.pdf = pdf
        self.leaks = leaks  # (text) -> bool: whether text names something removed
        self.fonts = FontCache()
        self.is_hidden = is_hidden  # (optional-content object) -> bool
        self.op_budget = op_budget
        self._parsed: dict = {}
        self._form_results: dict = {}
        self._form_written: set = set()
        self._images = ImageRebuilder(pdf)
        self._active: list = []
        self._paints = PaintCheck()

    # --- entry point ----------------------------------------------------------------------------------

    def edit_page(self, page: pikepdf.Page, regions: list[Region]) -> tuple[list, pikepdf.Dictionary, PageStats]:
        """New content instructions and resources for ``page``; raises :class:`NeedsRaster`."""
        stats = PageStats()
        self._budget = self.op_budget
        scope = Scope(page.obj.get("/Resources"))
        try:
            ops = pikepdf.parse_content_stream(page.obj)
        except pikepdf.PdfError:
            raise NeedsRaster("unparsable content") from None
        out = self._run(ops, scope, IDENTITY, regions, stats)
        if stats.raster:
            raise NeedsRaster(sorted(stats.raster)[0])
        resources = scope.build()
        try:  # images the walk does not reach (patterns, soft-mask groups, Type3 glyphs) are re-encoded too
            self._images.sweep(resources)
        except ImageNotEditable:
            raise NeedsRaster("image not editable") from None
        return out, resources, stats

    # --- the interpreter ------------------------------------------------------------------------------

    def _run(self, ops, scope: Scope, ctm: Matrix, regions: list[Region], stats: PageStats,
             clip_box: Box | None = None) -> list:
        """The edited instructions of ``ops``: each operator goes to its handler in :data:`_HANDLERS`, which
        says whether the instruction is written as it is; an operator without one is written as it is."""
        w = _Walk(_GState(ctm, TextState(), clip_box), scope, regions, stats)
        for inst in ops:
            self._budget -= 1
            if self._budget < 0:
                raise NeedsRaster("too complex")
            if isinstance(inst, pikepdf.ContentStreamInlineImage):
                if not w.skip:
                    self._inline_image(inst, w.gs, scope, regions, w.out, stats)
                continue
            operands, op = inst.operands, str(inst.operator)
            if w.skip:  # inside a hidden optional-content section
                w.skip += {"BMC": 1, "BDC": 1, "EMC": -1}.get(op, 0)
                continue
            handler = _HANDLERS.get(op)
            if handler is None or handler(self, w, op, operands, inst):
                w.out.append(inst)
        out = w.out
        out.extend(([], pikepdf.Operator("EMC")) for _ in range(w.marked))
        if w.text is not None:
            out.append(([], pikepdf.Operator("ET")))
        out.extend(([], pikepdf.Operator("Q")) for _ in w.stack)
        return out

    # --- the operators' handlers: (walk, op, operands, inst) -> write the instruction as it is? ----------

    def _op_path(self, w: _Walk, op, operands, inst) -> bool:
        w.path.append(inst)
        w.curves |= op in ("c", "v", "y")
        w.points.extend(_path_points(op, operands, w.gs.ctm, w.points[-1] if w.points else None))
        return False  # written with its painting operator (_op_paint)

    def _op_clip(self, w: _Walk, op, operands, inst) -> bool:
        w.path.append(inst)
        w.clip = True
        return False

    def _op_paint(self, w: _Walk, op, operands, inst) -> bool:
        if w.clip:  # images are cropped to what the clip shows (see images.py)
            w.gs.clip = _intersect(w.gs.clip, points_bbox(w.points))
        w.out.extend(self._paint(w.path, inst, w.points, w.curves, w.clip, w.regions, w.stats))
        w.path, w.points, w.curves, w.clip = [], [], False, False
        return False

    def _op_save(self, w: _Walk, op, operands, inst) -> bool:
        w.stack.append(_GState(w.gs.ctm, copy.copy(w.gs.text), w.gs.clip))
        return True

    def _op_restore(self, w: _Walk, op, operands, inst) -> bool:
        if not w.stack:
            return False  # unbalanced Q: would pop past our wrapper
        w.gs = w.stack.pop()
        return True

    def _op_cm(self, w: _Walk, op, operands, inst) -> bool:
        if len(operands) == 6:
            w.gs.ctm = multiply(tuple(float(v) for v in operands), w.gs.ctm)
        return True

    def _op_begin_text(self, w: _Walk, op, operands, inst) -> bool:
        w.text = {"tm": IDENTITY, "tlm": IDENTITY, "dirty": False}
        return True

    def _op_end_text(self, w: _Walk, op, operands, inst) -> bool:
        w.text = None
        return True

    def _op_font(self, w: _Walk, op, operands, inst) -> bool:
        if len(operands) == 2:
            name = str(operands[0])
            w.scope.use("/Font", name)
            w.gs.text.font = self.fonts.get(w.scope.lookup("/Font", name))
            w.gs.text.size = float(operands[1])
        return True

    def _op_text_state(self, w: _Walk, op, operands, inst) -> bool:
        if operands:
            w.gs.text.set(op, float(operands[0]))
        return True

    def _op_text_position(self, w: _Walk, op, operands, inst) -> bool:
        if w.text is None:
            return True
        return not _position(op, operands, w.gs.text, w.text, w.out)

    def _op_show(self, w: _Walk, op, operands, inst) -> bool:
        if w.text is None:
            return True
        show(op, operands, w.gs.text, w.text, w.gs.ctm, w.regions, w.out, w.stats)
        return False

    def _op_draw_object(self, w: _Walk, op, operands, inst) -> bool:
        if not operands:
            return True
        self._do(str(operands[0]), w.gs, w.scope, w.regions, w.out, w.stats)
        return False

    def _op_ext_state(self, w: _Walk, op, operands, inst) -> bool:
        if operands:
            w.scope.use("/ExtGState", str(operands[0]))
            state = w.scope.lookup("/ExtGState", str(operands[0]))
            self._paint_check(self._paints.soft_mask(state), state, "soft mask", w.regions, w.stats)
        return True

    def _op_colour_space(self, w: _Walk, op, operands, inst) -> bool:
        if operands:
            w.scope.use("/ColorSpace", str(operands[0]))
        return True

    def _op_colour(self, w: _Walk, op, operands, inst) -> bool:
        if operands and isinstance(operands[-1], pikepdf.Name):
            w.scope.use("/Pattern", str(operands[-1]))
            pattern = w.scope.lookup("/Pattern", str(operands[-1]))
            self._paint_check(self._paints.pattern(pattern), pattern, "tiling pattern", w.regions, w.stats)
        return True

    def _op_shading(self, w: _Walk, op, operands, inst) -> bool:
        if operands:
            w.scope.use("/Shading", str(operands[0]))
        return True

    def _op_begin_marked(self, w: _Walk, op, operands, inst) -> bool:
        if len(operands) != 2:
            return True
        props = operands[1]
        if isinstance(props, pikepdf.Name):
            group = w.scope.original.get("/Properties")
            props = group.get(str(props)) if isinstance(group, pikepdf.Dictionary) else None
        if str(operands[0]) == "/OC" and props is not None and self.is_hidden(props):
            w.stats.hidden += 1
            w.skip = 1
            return False
        # Property lists carry /ActualText, /Alt and MCIDs into a structure tree we do not keep.
        w.out.append(([_tag(operands[0])], pikepdf.Operator("BMC")))
        w.marked += 1
        return False

    def _op_begin_marked_plain(self, w: _Walk, op, operands, inst) -> bool:
        w.marked += 1
        w.out.append(([_tag(operands[0]) if operands else pikepdf.Name.Span], pikepdf.Operator("BMC")))
        return False

    def _op_end_marked(self, w: _Walk, op, operands, inst) -> bool:
        if w.marked == 0:
            return False
        w.marked -= 1
        return True

    def _op_marked_point(self, w: _Walk, op, operands, inst) -> bool:
        if not operands:
            return True
        w.out.append(([_tag(operands[0])], pikepdf.Operator("MP")))  # DP's property list goes, as BDC's
        return False

    def _paint_check(self, risk, obj, where, regions, stats) -> None:
        """Text in a pattern cell or soft-mask group is read when it can be: deleted from the cell when it
        names something removed, kept when it names nothing; text that cannot be read (nested forms,
        unknown encodings) makes the page a picture. An image there is not blanked: a picture too, if
        anything is removed from the page."""
        if risk == "text":
            stream = painted_stream(obj)
            text = own_text(stream) if stream is not None and self.leaks is not None else None
            if text is None or (not self.leaks(text) and any(r.kind == "split" for r in regions)):
                stats.raster.add(f"text in a {where}")
            elif self.leaks(text):
                stats.glyphs += strip_text(stream)
                self._paints.forget(stream)
        elif risk == "image" and any(r.kind != "crop" for r in regions):
            stats.raster.add(f"image in a {where}")

    # --- paths ----------------------------------------------------------------------------------------

    def _paint(self, path, paint, points, curves, clip, regions, stats) -> list:
        box = points_bbox(points)
        if box is None or (str(paint.operator) == "n"):
            return [*path, paint]
        if any(inside(box, r.box, 0.5) for r in regions):
            stats.paths += 1
            # A clipping path still clips what follows; only its painting goes.
            return [*path, ([], pikepdf.Operator("n"))] if clip else []
        segments = len(path)
        if curves or segments > 6:
            if any(r.kind == "redaction" and meets(box, r.box) for r in regions):
                stats.raster.add("vector shapes under a box")  # may be text drawn as outlines
        return [*path, paint]

    # --- images and forms -----------------------------------------------------------------------------

    def _do(self, name, gs, scope, regions, out, stats) -> None:
        xobj = scope.lookup("/XObject", name)
        if not isinstance(xobj, pikepdf.Stream):
            return
        if "/OC" in xobj and self.is_hidden(xobj.OC):
            stats.hidden += 1
            return
        subtype = str(xobj.get("/Subtype", ""))
        if subtype == "/Image":
            new = self._image(xobj, gs, regions, stats)
            if new is not None:
                _place(new, scope, out)
        elif subtype == "/Form":
            self._form(name, xobj, gs, scope, regions, out, stats)

    def _image(self, image, gs, regions, stats) -> Rebuilt | None:
        """The image re-encoded from its pixels, blanked under ``regions`` and cropped to the clip; None when
        it is dropped (wholly removed, wholly clipped, or not decodable: then the page is rasterised)."""
        box = rect_bbox(gs.ctm, 0.0, 0.0, 1.0, 1.0)
        hits = [r for r in regions if meets(box, r.box)]
        if any(inside(box, r.box, 0.5) for r in hits):
            stats.images_removed += 1
            return None
        try:
            new = self._images.rebuild(image, gs.ctm, hits, gs.clip)
        except ImageNotEditable as exc:
            log.info("image not editable (%s)", exc)
            stats.raster.add("image not editable")  # never passed through undecoded
            return None
        if new is None:
            stats.images_removed += 1
        elif hits or new.matrix is not None:
            stats.images_blanked += 1
        return new

    def _inline_image(self, inst, gs, scope, regions, out, stats) -> None:
        new = self._image(inst.iimage, gs, regions, stats)
        if new is not None:
            _place(new, scope, out)

    def _form(self, name, form, gs, scope, regions, out, stats) -> None:
        key = form.objgen
        if key in self._active or len(self._active) >= _MAX_FORM_DEPTH:
            raise NeedsRaster("recursive forms")
        if key not in self._parsed:
            try:
                self._parsed[key] = (pikepdf.parse_content_stream(form), form.get("/Resources"))
            except pikepdf.PdfError:
                raise NeedsRaster("unparsable form") from None
        ops, resources = self._parsed[key]
        matrix = tuple(float(v) for v in form.Matrix) if "/Matrix" in form else IDENTITY
        inner = Scope(resources if resources is not None else scope.original)
        self._active.append(key)
        try:
            form_ctm = multiply(matrix, gs.ctm)
            clip = gs.clip
            if isinstance(form.get("/BBox"), pikepdf.Array) and len(form.BBox) == 4:
                clip = _intersect(clip, rect_bbox(form_ctm, *(float(v) for v in form.BBox)))
            new_ops = self._run(ops, inner, form_ctm, regions, stats, clip)
        finally:
            self._active.pop()
        data = pikepdf.unparse_content_stream(new_ops)
        result_key = (key, data, inner.signature())
        target = self._form_results.get(result_key)
        if target is None:
            if key not in self._form_written:
                target = form  # first use: rewrite the form itself
                self._form_written.add(key)
            else:
                target = self.pdf.make_indirect(pikepdf.Stream(self.pdf, b""))
                for k, v in form.items():
                    if k not in ("/Length", "/Filter", "/DecodeParms"):
                        target[k] = v
            target.write(data)
            target.Resources = inner.build()
            for k in ("/OC", "/Metadata", "/PieceInfo", "/StructParent", "/StructParents", "/Ref", "/OPI"):
                if k in target:
                    del target[k]
            self._form_results[result_key] = target
        if target.objgen == form.objgen:
            scope.use("/XObject", name)
            out.append(([pikepdf.Name(name)], pikepdf.Operator("Do")))
        else:
            out.append(([pikepdf.Name(scope.add("/XObject", target, "/Fm"))], pikepdf.Operator("Do")))


_E = ContentEditor
# Operator -> handler; an operator not listed is written as it is.
_HANDLERS = {
    **dict.fromkeys(_PATH_BUILD, _E._op_path), "W": _E._op_clip, "W*": _E._op_clip,
    **dict.fromkeys(_PATH_PAINT, _E._op_paint),
    "q": _E._op_save, "Q": _E._op_restore, "cm": _E._op_cm,
    "BT": _E._op_begin_text, "ET": _E._op_end_text, "Tf": _E._op_font,
    **dict.fromkeys(("Tc", "Tw", "Tz", "TL", "Ts", "Tr"), _E._op_text_state),
    **dict.fromkeys(("Td", "TD", "T*", "Tm"), _E._op_text_position),
    **dict.fromkeys(("Tj", "TJ", "'", '"'), _E._op_show),
    "Do": _E._op_draw_object, "gs": _E._op_ext_state,
    "cs": _E._op_colour_space, "CS": _E._op_colour_space, "scn": _E._op_colour, "SCN": _E._op_colour,
    "sh": _E._op_shading,
    "BDC": _E._op_begin_marked, "BMC": _E._op_begin_marked_plain, "EMC": _E._op_end_marked,
    "DP": _E._op_marked_point, "MP": _E._op_marked_point,
}


def _place(new: Rebuilt, scope: Scope, out: list) -> None:
    name = pikepdf.Name(scope.add("/XObject", new.stream, "/Im"))
    if new.matrix is None:
        out.append(([name], pikepdf.Operator("Do")))
    else:  # the cropped image sits where its pixels sat in the original
        out += [([], pikepdf.Operator("q")), (list(new.matrix), pikepdf.Operator("cm")),
                ([name], pikepdf.Operator("Do")), ([], pikepdf.Operator("Q"))]


def _intersect(a: Box | None, b: Box | None) -> Box | None:
    if b is None:
        return a
    if a is None:
        return b
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def _path_points(op: str, operands, ctm: Matrix, current) -> list[tuple[float, float]]:
    """Points of a path segment in user space. Curves are sampled along their length, since their control
    points can lie well outside the ink (a signature's loops) and would make a path look bigger."""
    v = [float(x) for x in operands]
    if op == "re" and len(v) == 4:
        x, y, w, h = v
        return [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x, y + h), apply(ctm, x + w, y + h)]
    if op in ("c", "v", "y") and current is not None and len(v) in (4, 6):
        inv = invert(ctm)
        p0 = apply(inv, *current) if inv else (v[-2], v[-1])
        if op == "c":
            p1, p2, p3 = (v[0], v[1]), (v[2], v[3]), (v[4], v[5])
        elif op == "v":
            p1, p2, p3 = p0, (v[0], v[1]), (v[2], v[3])
        else:
            p1, p2, p3 = (v[0], v[1]), (v[2], v[3]), (v[2], v[3])
        out = []
        for i in range(1, 13):
            t = i / 12
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
            out.append(apply(ctm, a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                             a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
        return out
    return [apply(ctm, v[i], v[i + 1]) for i in range(0, len(v) - 1, 2)]


def _position(op, operands, ts: TextState, text: dict, out: list) -> bool:
    """Track Td/TD/T*/Tm. Returns True when the operator must not be emitted: once a glyph was removed in
    this text object, every show is positioned absolutely, so relative moves are dropped."""
    tlm = text["tlm"]
    if op == "Tm" and len(operands) == 6:
        tlm = tuple(float(v) for v in operands)
    elif op in ("Td", "TD") and len(operands) == 2:
        tx, ty = float(operands[0]), float(operands[1])
        if op == "TD":
            ts.tl = -ty
            if text["dirty"]:
                out.append(([round(ts.tl, 4)], pikepdf.Operator("TL")))
        tlm = multiply((1.0, 0.0, 0.0, 1.0, tx, ty), tlm)
    elif op == "T*":
        tlm = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -ts.tl), tlm)
    text["tm"] = text["tlm"] = tlm
    return text["dirty"]
