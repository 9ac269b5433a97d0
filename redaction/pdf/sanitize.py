"""Remove everything from an output PDF that is not the pages' own visible content.

Kept, by whitelist: the trailer's ``/Root`` and ``/Size`` (the save writes a new ``/ID``); the catalog's
``/Pages`` and ``/Lang``; each page's boxes, ``/Rotate``, ``/UserUnit``, ``/Group`` (its ``/S``, ``/CS``,
``/I`` and ``/K`` only), rewritten ``/Contents`` and ``/Resources``; URI links that name nothing removed in any decoded form
(:mod:`redaction.pdf.links`). Removed:
the document information dictionary, XMP metadata (document and object level ``/Metadata``), every other
annotation with its appearance streams and popups, the AcroForm and its field values, embedded and
associated files, JavaScript, ``OpenAction`` and additional actions, outlines, named destinations, page
labels, thumbnails, ``/PieceInfo``, the structure tree (with its ``/ActualText`` and ``/Alt``),
optional-content configuration (hidden layers' content is dropped by the content editor first) and
article threads.
"""

from __future__ import annotations

import logging
import re

import pikepdf

from .geometry import Region
from .links import safe_link

log = logging.getLogger(__name__)

_CATALOG_KEEP = {"/Type", "/Pages", "/Lang"}
_TRAILER_KEEP = {"/Root", "/Size"}  # the save writes a new /ID; anything else a producer put there goes
_GROUP_KEEP = {"/Type", "/S", "/CS", "/I", "/K"}
_PAGE_KEEP = {"/Type", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox",
              "/Contents", "/Rotate", "/UserUnit", "/Group", "/Annots"}
_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
_FORM_KEEP = {"/Type", "/Subtype", "/FormType", "/BBox", "/Matrix", "/Resources", "/Group", "/Length", "/Filter",
              "/DecodeParms"}  # a Form XObject's own keys: a producer's extra entries (any text) go
_OBJECT_DROP = ("/Metadata", "/PieceInfo", "/AF", "/OC", "/StructParent", "/StructParents", "/OPI",
                "/Alternates", "/Thumb")


def push_inherited(pdf: pikepdf.Pdf) -> None:
    """Copy inherited page attributes onto each page, so the page tree's inner nodes can be emptied."""
    for page in pdf.pages:
        for key in _INHERITED:
            if key in page.obj:
                continue
            node = page.obj.get("/Parent")
            depth = 0
            while isinstance(node, pikepdf.Dictionary) and depth < 64:
                if key in node:
                    page.obj[key] = node[key]
                    break
                node = node.get("/Parent")
                depth += 1


def sanitize(pdf: pikepdf.Pdf, page_regions: list[list[Region]], leaks) -> dict:
    """Strip the document to its pages. ``leaks(text) -> bool`` says whether a link's URI names removed
    content. Returns counts of what was removed, by class."""
    counts = {"annotations": 0, "links_kept": 0}
    for key in list(pdf.trailer.keys()):
        if key not in _TRAILER_KEEP:
            del pdf.trailer[key]
    for key in list(pdf.Root.keys()):
        if key not in _CATALOG_KEEP:
            del pdf.Root[key]
    pages_root = pdf.Root.Pages
    for key in list(pages_root.keys()):
        if key not in ("/Type", "/Kids", "/Count"):
            del pages_root[key]
    for page, regions in zip(pdf.pages, page_regions):
        obj = page.obj
        annots = obj.get("/Annots")
        kept = []
        for annot in annots if isinstance(annots, pikepdf.Array) else []:
            link = safe_link(pdf, annot, regions, leaks)
            if link is not None:
                kept.append(link)
            else:
                counts["annotations"] += 1
        for key in list(obj.keys()):
            if key not in _PAGE_KEEP:
                del obj[key]
        group = obj.get("/Group")
        if isinstance(group, pikepdf.Dictionary):  # the transparency group's own keys, nothing a producer added
            obj.Group = pikepdf.Dictionary({k: group[k] for k in group.keys() if k in _GROUP_KEEP})
        if kept:
            obj.Annots = pikepdf.Array(kept)
            counts["links_kept"] += len(kept)
        elif "/Annots" in obj:
            del obj["/Annots"]
    _strip_objects(pdf)
    return counts


def _strip_objects(pdf: pikepdf.Pdf) -> None:
    """Object-level metadata and private data, wherever it sits (images, forms, fonts)."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Form:
            for key in list(obj.keys()):
                if key not in _FORM_KEEP:
                    del obj[key]
        _strip(obj, 0)


def _strip(obj, depth: int) -> None:
    if depth > 32 or not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
        return
    if isinstance(obj, pikepdf.Array):
        for item in obj:
            if isinstance(item, (pikepdf.Dictionary, pikepdf.Array)) and not item.is_indirect:
                _strip(item, depth + 1)
        return
    for key in _OBJECT_DROP:
        if key in obj:
            del obj[key]
    for key in list(obj.keys()):
        value = obj.get(key)
        if isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
            _strip(value, depth + 1)


_XMP_TEXT = re.compile(rb">([^<>]{3,})<")


def metadata_values(pdf: pikepdf.Pdf) -> list[str]:
    """The text values of the input's Info dictionary and XMP packets (for the verification scan)."""
    values: list[str] = []
    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary):
        for _, value in info.items():
            if isinstance(value, pikepdf.String):
                values.append(str(value))
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and str(obj.get("/Subtype", "")) == "/XML":
            try:
                data = obj.read_bytes()
            except pikepdf.PdfError:
                continue
            values.extend(m.group(1).decode("utf-8", "replace") for m in _XMP_TEXT.finditer(data))
    return [v.strip() for v in values if len(v.strip()) >= 4 and not v.strip().startswith("uuid:")]
