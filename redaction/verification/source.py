"""What the verifier knows of the input, read by itself (pdfium called directly, poppler): the text of each
page, the text of each side of the Part 2 boundary, and the text that was kept (the input's text with
every removed value cut out)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pypdfium2 as pdfium

from .matcher import Matcher, collapse
from .pdfium_calls import (BoxOut, Opened, get_char_box, get_unicode, handle, is_generated, opened,
                           textpage_of)
from .readers import poppler_pages


@dataclass
class Source:
    pages: list[str]  # pdfium text of each input page
    poppler: list[str]  # pdftotext's text of each input page
    part1: str = ""  # text above the Part 2 boundary (all of it when there is none)
    part2: str = ""
    kept: list[str] = field(default_factory=list)  # collapsed text of each reader with removed values cut
    value_only: set[str] = field(default_factory=set)  # characters drawn only inside removed values
    drawn: set[str] = field(default_factory=set)  # every character of the input's text
    # The verifier's own reading of the boundary (poppler's order, see .order): Part 2 from the start line on,
    # and the Part 1 text both readings agree on.
    order_part2: str = ""
    order_part1: str = ""
    order_lines2: list[str] = field(default_factory=list)  # the boundary page's Part 2 lines, one by one


def read_source(data: bytes, boundary: tuple[int, float] | None, values: Matcher, shared: Opened | None = None) \
        -> Source:
    """``shared``: the input already opened by pdfium (its pages are left open for the other readings)."""
    pdf, own = opened(data if shared is None else shared)
    try:
        pages, part1, part2 = [], [], []
        for index in range(len(pdf)):
            page = pdf[index] if own else None
            textpage = textpage_of(pdf, index, page)
            pages.append(textpage.get_text_range())
            if boundary is None or index < boundary[0] - 1:
                part1.append(pages[-1])
            elif index > boundary[0] - 1:
                part2.append(pages[-1])
            else:
                areas = getattr(boundary, "part2_areas", None)
                above, below = _split_page(textpage, boundary[1], areas)
                part1.append(above)
                part2.append(below)
            textpage.close()
            if own:
                page.close()
    finally:
        if own:
            pdf.close()
    source = Source(pages, poppler_pages(data, 0), "\n".join(part1), "\n".join(part2))
    source.kept = [cut(collapse("\n".join(text)), values) for text in (source.pages, source.poppler)]
    source.value_only = value_only_chars("\n".join(source.pages), values)
    source.drawn = set("".join(source.pages))
    return source


def value_only_chars(text: str, values: Matcher) -> set[str]:
    """Letters and digits (as drawn, case kept) that occur in the text only inside removed values."""
    flat, where = [], []  # the collapsed text, and the index in ``text`` of each of its characters
    folds: dict[str, str] = {}
    for i, ch in enumerate(text):
        folded = folds.get(ch)
        if folded is None:
            folded = folds[ch] = collapse(ch) or " "
        for f in folded:
            if f == " " and (not flat or flat[-1] == " "):
                continue
            flat.append(f)
            where.append(i)
    inside = set()
    for start, end in values.spans("".join(flat)):
        if start < end:
            inside.update(range(where[start], where[end - 1] + 1))
    drawn_in = {text[i] for i in inside if text[i].isalnum()}
    drawn_out = {ch for i, ch in enumerate(text) if i not in inside}
    return drawn_in - drawn_out


def cut(flat: str, values: Matcher) -> str:
    """A collapsed text with every occurrence of a value replaced by a line break."""
    out, last = [], 0
    for start, end in values.spans(flat):
        if start >= last:
            out.append(flat[last:start])
            last = end
    out.append(flat[last:])
    return " \n ".join(out)


def _split_page(textpage: pdfium.PdfTextPage, y: float, areas=None) -> tuple[str, str]:
    """The page's characters of Part 1 and of Part 2, by each glyph's centre: inside one of the Part 2
    ``areas`` (rectangles in unrotated page coordinates, when the split gives them: columns, rotated pages),
    else below ``y`` (PDF user space). Characters pdfium generates (spaces, line breaks) follow the glyph
    before them."""
    above, below = [], []
    side = above
    out = BoxOut()
    left, right, bottom, top, args = out.left, out.right, out.bottom, out.top, out.args
    raw = handle(textpage)
    for i in range(textpage.count_chars()):
        code = get_unicode(raw, i)
        if not is_generated(raw, i) and get_char_box(raw, i, *args):
            cx, cy = (left.value + right.value) / 2, (bottom.value + top.value) / 2
            if areas is not None:
                side = below if any(a[0] <= cx <= a[2] and a[1] <= cy <= a[3] for a in areas) else above
            else:
                side = below if cy < y else above
        side.append(chr(code) if 0 < code < 0x110000 else " ")
    return "".join(above), "".join(below)
