"""Leave nothing in a font that only removed text used.

After every page of an output is rewritten, the content editor knows which codes of each font are still
shown. For each such font this module:

* rebuilds ``/ToUnicode`` with entries for the surviving codes only (parsed with pdfminer.six's CMap
  parser, written back as a fresh ``bfchar`` CMap), so the map no longer spells out letters or names
  that were only in removed text;
* sets the advance width of every code no longer shown to 0 (``/Widths``; a simple font) or rebuilds
  ``/W`` from the surviving CIDs (a CID font), so glyph widths of removed text are not listed either;
* cuts a Type 3 font's glyph procedures to the codes still shown, and drops any text object inside one;
* drops ``/CharSet`` and ``/CIDSet`` from the descriptor (they list the glyphs of the original subset);
* rebuilds the embedded font program with only the glyphs still shown, renumbered in an order that says
  nothing about first use (:mod:`.subset`). A program that cannot be subset (Type 1, unreadable) is
  counted in the report (``sanitized.fonts.not_subset``) for the verifier's font check.
"""

from __future__ import annotations

import io
import logging

import pikepdf
from pdfminer.cmapdb import CMapParser, FileUnicodeMap

from .fonts import type0_info  # the parser of /W lives with the other font metrics
from .subset import resubset

log = logging.getLogger(__name__)


def clean_fonts(pdf: pikepdf.Pdf, used_codes: dict[tuple[int, int], set[int]], maps: dict | None = None) -> dict:
    """Prune every font in ``used_codes`` (objgen -> codes still shown). Returns counts for the report:
    fonts pruned, programs subset, programs that could not be subset. ``maps``: ToUnicode streams already
    parsed (their bytes -> code -> text), shared by the parts of one redaction (never changed here)."""
    maps = {} if maps is None else maps
    counts = {"pruned": 0, "subset": 0, "not_subset": 0}
    for objgen, codes in used_codes.items():
        try:
            font = pdf.get_object(objgen)
        except (pikepdf.PdfError, ValueError):
            continue
        if not isinstance(font, pikepdf.Dictionary):
            continue
        two_byte = str(font.get("/Subtype", "")) == "/Type0"
        unicode = _parsed(font.ToUnicode, maps) if isinstance(font.get("/ToUnicode"), pikepdf.Stream) else {}
        if str(font.get("/Subtype", "")) == "/Type3":
            result = _type3_procs(pdf, font, codes)
        else:
            result = resubset(pdf, font, codes, unicode, {} if two_byte else _glyph_names(font))
        if result == "subset":
            counts["subset"] += 1
        elif result != "none":
            counts["not_subset"] += 1
            log.info("font program not subset (%s)", result)
        if "/ToUnicode" in font and isinstance(font.ToUnicode, pikepdf.Stream):
            font.ToUnicode = _tounicode(pdf, _parsed(font.ToUnicode, maps), codes, two_byte)
        if two_byte:
            _cid_widths(font.DescendantFonts[0], codes)
            descriptor = font.DescendantFonts[0].get("/FontDescriptor")
        else:
            _simple_widths(font, codes)
            descriptor = font.get("/FontDescriptor")
        if isinstance(descriptor, pikepdf.Dictionary):
            for key in ("/CharSet", "/CIDSet"):
                if key in descriptor:
                    del descriptor[key]
        counts["pruned"] += 1
    counts["not_subset"] += _untracked_programs(pdf, set(used_codes))
    return counts


def _untracked_programs(pdf: pikepdf.Pdf, tracked: set) -> int:
    """Embedded font programs the output still draws with but whose shown codes the editor could not
    count (a font it cannot read: an unsupported CMap, a font dictionary stored inline): kept whole, so
    they are reported for the verifier's font check rather than passed over in silence."""
    seen: set = set()
    found = 0
    stack = [page.obj.get("/Resources") for page in pdf.pages]
    while stack and len(seen) < 10_000:
        resources = stack.pop()
        if not isinstance(resources, pikepdf.Dictionary):
            continue
        fonts = resources.get("/Font")
        for _, font in fonts.items() if isinstance(fonts, pikepdf.Dictionary) else ():
            key = font.objgen if isinstance(font, pikepdf.Dictionary) else None
            if key is None or (key != (0, 0) and key in seen):
                continue
            seen.add(key)
            if key not in tracked and _has_program(font):
                found += 1
        for category in ("/XObject", "/Pattern"):
            group = resources.get(category)
            for _, obj in group.items() if isinstance(group, pikepdf.Dictionary) else ():
                if isinstance(obj, pikepdf.Stream) and obj.objgen not in seen:
                    seen.add(obj.objgen)
                    stack.append(obj.get("/Resources"))
    return found


def _has_program(font: pikepdf.Dictionary) -> bool:
    target = font.DescendantFonts[0] if str(font.get("/Subtype", "")) == "/Type0" and "/DescendantFonts" in font \
        else font
    descriptor = target.get("/FontDescriptor") if isinstance(target, pikepdf.Dictionary) else None
    return isinstance(descriptor, pikepdf.Dictionary) and any(
        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def _type3_procs(pdf: pikepdf.Pdf, font: pikepdf.Dictionary, codes: set[int]) -> str:
    """A Type 3 font's glyph procedures cut to the codes still shown, and its /Differences with them."""
    names = _glyph_names(font)
    keep = {code: names[code] for code in codes if code in names}
    procs = font.get("/CharProcs")
    if not isinstance(procs, pikepdf.Dictionary):
        return "none"
    font.CharProcs = pikepdf.Dictionary({f"/{n}": _without_text(pdf, procs[f"/{n}"])
                                         for n in sorted(set(keep.values())) if f"/{n}" in procs})
    differences: list = []
    for code in sorted(keep):
        differences += [code, pikepdf.Name(f"/{keep[code]}")]
    font.Encoding = pikepdf.Dictionary(Type=pikepdf.Name.Encoding, Differences=pikepdf.Array(differences))
    return "subset"


def _without_text(pdf: pikepdf.Pdf, proc):
    """A glyph procedure with no text objects: a glyph draws paths and pictures; text shown inside one (in a
    font of the Type 3 font's own resources) is read by no text reader and interpreted by nothing here, so
    whatever it says would pass through unseen. A procedure that cannot be parsed is left out (the glyph
    draws nothing)."""
    if not isinstance(proc, pikepdf.Stream):
        return proc
    try:
        ops = pikepdf.parse_content_stream(proc)
    except pikepdf.PdfError:
        return pdf.make_stream(b"0 0 d0")
    kept, inside = [], False
    for inst in ops:
        op = str(inst.operator) if not isinstance(inst, pikepdf.ContentStreamInlineImage) else "BI"
        if op == "BT":
            inside = True
        if not inside:
            kept.append(inst)
        if op == "ET":
            inside = False
    if len(kept) == len(ops):
        return proc
    return pdf.make_stream(pikepdf.unparse_content_stream(kept))


_BASES = {"/StandardEncoding": 1, "/MacRomanEncoding": 2, "/WinAnsiEncoding": 3, "/PDFDocEncoding": 4}


def _glyph_names(font: pikepdf.Dictionary) -> dict[int, str]:
    """Code -> glyph name under the font's /Encoding: a base encoding, then /Differences. Without one,
    nothing (the program's own built-in encoding is read by :mod:`.subset`)."""
    from pdfminer.latin_enc import ENCODING

    enc = font.get("/Encoding")
    base = enc if isinstance(enc, pikepdf.Name) else enc.get("/BaseEncoding") \
        if isinstance(enc, pikepdf.Dictionary) else None
    column = _BASES.get(str(base)) if base is not None else None
    names: dict[int, str] = {}
    if column is not None:
        names = {row[column]: row[0] for row in ENCODING if row[column] is not None}
    elif isinstance(enc, pikepdf.Dictionary) and str(font.get("/Subtype", "")) != "/Type3":
        names = {row[1]: row[0] for row in ENCODING if row[1] is not None}  # Standard, under /Differences
    if isinstance(enc, pikepdf.Dictionary) and isinstance(enc.get("/Differences"), pikepdf.Array):
        code = 0
        for item in enc.Differences:
            if isinstance(item, pikepdf.Name):
                names[code] = str(item)[1:]
                code += 1
            else:
                try:
                    code = int(item)
                except (TypeError, ValueError):
                    continue
    return names


def _parsed(stream: pikepdf.Stream, maps: dict) -> dict[int, str]:
    """``read_tounicode`` of the stream, parsed once per distinct content (the caller does not change it)."""
    data = stream.read_bytes()
    found = maps.get(data)
    if found is None:
        found = maps[data] = _read_cmap(data)
    return found


def read_tounicode(stream: pikepdf.Stream) -> dict[int, str]:
    return _read_cmap(stream.read_bytes())


def _read_cmap(data: bytes) -> dict[int, str]:
    cmap = FileUnicodeMap()
    try:
        CMapParser(cmap, io.BytesIO(data)).run()
    except Exception:  # a broken CMap: nothing can be carried over from it
        log.info("unreadable ToUnicode CMap dropped")
        return {}
    return dict(cmap.cid2unichr)


def _tounicode(pdf: pikepdf.Pdf, mapping: dict[int, str], codes: set[int], two_byte: bool) -> pikepdf.Stream:
    kept = sorted((c, mapping[c]) for c in codes if c in mapping)
    digits = 4 if two_byte else 2
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", f"<{'0' * digits}> <{'F' * digits}>", "endcodespacerange"]
    for start in range(0, len(kept), 100):
        chunk = kept[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{code:0{digits}X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return pdf.make_indirect(pikepdf.Stream(pdf, "\n".join(lines).encode("ascii")))


def _simple_widths(font: pikepdf.Dictionary, codes: set[int]) -> None:
    if "/Widths" not in font:
        return
    first = int(font.get("/FirstChar", 0))
    font.Widths = pikepdf.Array([w if (first + i) in codes else 0 for i, w in enumerate(font.Widths)])


def _cid_widths(descendant: pikepdf.Dictionary, codes: set[int]) -> None:
    if "/W" not in descendant:
        return
    widths = type0_info(pikepdf.Dictionary(Encoding=pikepdf.Name("/Identity-H"),
                                       DescendantFonts=pikepdf.Array([descendant]))).widths
    entries: list = []
    for cid in sorted(c for c in codes if c in widths):
        entries += [cid, pikepdf.Array([widths[cid]])]
    descendant.W = pikepdf.Array(entries)
