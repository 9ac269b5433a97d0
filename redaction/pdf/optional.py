"""Optional content resolved to what a viewer shows, and everything hidden deleted before any other stage.

A viewer's default view follows ``/OCProperties /D``: ``/BaseState``, then ``/ON`` and ``/OFF``, then the
``/AS`` usage rules for the View event (a layer whose ``/Usage /View /ViewState`` is ``/OFF``). Content is
marked optional by an OCG or by an OCMD, whose visibility expression ``/VE`` (``/And``, ``/Or``, ``/Not``,
nested) takes precedence over its ``/OCGs`` with a ``/P`` policy.

Hidden content is deleted from every content stream that can draw (pages, Form XObjects, tiling patterns,
soft-mask groups, annotation appearances), hidden XObjects are no longer drawn, hidden annotations are
dropped, and ``/OCProperties`` goes. What is left is shown whatever the viewer: every later stage (text
extraction, detection, editing, rasterising and its invisible text layer) sees only what a reader saw.
A malformed expression counts as visible: its content is kept and edited like any other text, never
skipped unseen.
"""

from __future__ import annotations

import logging

import pikepdf

log = logging.getLogger(__name__)

_MAX_DEPTH = 32


def hidden_predicate(pdf: pikepdf.Pdf):
    """A predicate over ``/OC`` values (an OCG or an OCMD): True when hidden in the default view."""
    state = _default_state(pdf)

    def group_on(group) -> bool:
        return state.get(group.objgen, True) if isinstance(group, pikepdf.Dictionary) else True

    def expression(expr, depth: int) -> bool:
        if isinstance(expr, pikepdf.Dictionary):
            return group_on(expr)
        if not isinstance(expr, pikepdf.Array) or len(expr) < 2 or depth > _MAX_DEPTH:
            return True
        op, args = str(expr[0]), [expression(a, depth + 1) for a in list(expr)[1:]]
        if op == "/Not":
            return not args[0]
        if op == "/And":
            return all(args)
        if op == "/Or":
            return any(args)
        return True

    def is_hidden(oc) -> bool:
        if not isinstance(oc, pikepdf.Dictionary):
            return False
        if str(oc.get("/Type", "")) != "/OCMD":
            return not group_on(oc)
        if isinstance(oc.get("/VE"), pikepdf.Array):
            return not expression(oc.VE, 0)
        groups = oc.get("/OCGs")
        groups = [groups] if isinstance(groups, pikepdf.Dictionary) else list(groups or [])
        states = [group_on(g) for g in groups if isinstance(g, pikepdf.Dictionary)]
        if not states:
            return False
        policy = str(oc.get("/P", "/AnyOn"))
        visible = {"/AllOn": all(states), "/AnyOff": not all(states),
                   "/AllOff": not any(states)}.get(policy, any(states))
        return not visible

    return is_hidden


def _default_state(pdf: pikepdf.Pdf) -> dict:
    props = pdf.Root.get("/OCProperties")
    if not isinstance(props, pikepdf.Dictionary):
        return {}
    config = props.get("/D")
    config = config if isinstance(config, pikepdf.Dictionary) else pikepdf.Dictionary()
    every = [g for g in _groups(props.get("/OCGs"))]
    base = str(config.get("/BaseState", "/ON")) != "/OFF"
    state = {g.objgen: base for g in every}
    state.update({g.objgen: True for g in _groups(config.get("/ON"))})
    state.update({g.objgen: False for g in _groups(config.get("/OFF"))})
    for rule in config.get("/AS", []) if isinstance(config.get("/AS"), pikepdf.Array) else []:
        if not isinstance(rule, pikepdf.Dictionary) or str(rule.get("/Event", "")) != "/View":
            continue
        categories = {str(c) for c in rule.get("/Category", [])} if isinstance(rule.get("/Category"),
                                                                               pikepdf.Array) else set()
        if "/View" not in categories:
            continue
        for group in _groups(rule.get("/OCGs")):
            usage = group.get("/Usage")
            view = usage.get("/View") if isinstance(usage, pikepdf.Dictionary) else None
            if isinstance(view, pikepdf.Dictionary) and "/ViewState" in view:
                state[group.objgen] = str(view.ViewState) != "/OFF"
    return state


def _groups(value) -> list:
    if isinstance(value, pikepdf.Dictionary):
        return [value]
    return [g for g in value if isinstance(g, pikepdf.Dictionary)] if isinstance(value, pikepdf.Array) else []


def remove_hidden(pdf: pikepdf.Pdf) -> int:
    """Delete hidden optional content everywhere; returns how many hidden sections, objects and
    annotations went. A document without ``/OCProperties`` shows all its content and is left alone."""
    if "/OCProperties" not in pdf.Root:
        return 0
    is_hidden = hidden_predicate(pdf)
    remover = _Remover(pdf, is_hidden)
    for page in pdf.pages:
        remover.stream(page.obj, page.obj.get("/Resources"), page=True)
        annots = page.obj.get("/Annots")
        if isinstance(annots, pikepdf.Array):
            kept = [a for a in annots if not (isinstance(a, pikepdf.Dictionary) and is_hidden(a.get("/OC")))]
            remover.removed += len(annots) - len(kept)
            for annot in kept:
                for appearance in _appearances(annot):
                    remover.stream(appearance, appearance.get("/Resources"))
            page.obj.Annots = pikepdf.Array(kept)
    del pdf.Root["/OCProperties"]
    return remover.removed


def _appearances(annot) -> list:
    ap = annot.get("/AP") if isinstance(annot, pikepdf.Dictionary) else None
    found = []
    for key in ("/N", "/R", "/D") if isinstance(ap, pikepdf.Dictionary) else ():
        value = ap.get(key)
        if isinstance(value, pikepdf.Stream):
            found.append(value)
        elif isinstance(value, pikepdf.Dictionary):
            found += [v for _, v in value.items() if isinstance(v, pikepdf.Stream)]
    return found


class _Remover:
    def __init__(self, pdf: pikepdf.Pdf, is_hidden):
        self.pdf = pdf
        self.is_hidden = is_hidden
        self.removed = 0
        self.seen: set = set()

    def stream(self, owner, resources, page: bool = False) -> None:
        key = owner.objgen
        if key != (0, 0) and key in self.seen:
            return
        self.seen.add(key)
        resources = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
        self._children(resources)
        try:
            ops = pikepdf.parse_content_stream(owner)
        except pikepdf.PdfError:
            return  # unparsable: the content editor rasterises the page (from this resolved file)
        kept, removed = self._filter(ops, resources)
        if removed:
            self.removed += removed
            data = pikepdf.unparse_content_stream(kept)
            if page:
                owner.Contents = self.pdf.make_stream(data)
            else:
                owner.write(data)

    def _children(self, resources) -> None:
        """Forms, tiling patterns and soft-mask groups that this content can draw."""
        for category in ("/XObject", "/Pattern"):
            group = resources.get(category)
            for _, obj in group.items() if isinstance(group, pikepdf.Dictionary) else ():
                if isinstance(obj, pikepdf.Stream) and (str(obj.get("/Subtype", "")) == "/Form"
                                                        or int(obj.get("/PatternType", 0)) == 1):
                    self.stream(obj, obj.get("/Resources"))
        states = resources.get("/ExtGState")
        for _, gs in states.items() if isinstance(states, pikepdf.Dictionary) else ():
            mask = gs.get("/SMask") if isinstance(gs, pikepdf.Dictionary) else None
            group = mask.get("/G") if isinstance(mask, pikepdf.Dictionary) else None
            if isinstance(group, pikepdf.Stream):
                self.stream(group, group.get("/Resources"))

    def _filter(self, ops, resources) -> tuple[list, int]:
        kept: list = []
        removed = 0
        skip = 0
        properties = resources.get("/Properties")
        xobjects = resources.get("/XObject")
        for inst in ops:
            op = "" if isinstance(inst, pikepdf.ContentStreamInlineImage) else str(inst.operator)
            if skip:
                skip += {"BMC": 1, "BDC": 1, "EMC": -1}.get(op, 0)
                continue
            if op == "BDC" and len(inst.operands) == 2 and str(inst.operands[0]) == "/OC":
                props = inst.operands[1]
                if isinstance(props, pikepdf.Name):
                    props = properties.get(str(props)) if isinstance(properties, pikepdf.Dictionary) else None
                if self.is_hidden(props):
                    skip, removed = 1, removed + 1
                    continue
            if op == "Do" and inst.operands and isinstance(xobjects, pikepdf.Dictionary):
                xobj = xobjects.get(str(inst.operands[0]))
                if isinstance(xobj, pikepdf.Stream) and self.is_hidden(xobj.get("/OC")):
                    removed += 1
                    continue
            kept.append(inst)
        return kept, removed
