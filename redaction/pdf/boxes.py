"""Black boxes over removed content, labelled with the exemption (e.g. "s40(2)").

The label is white Helvetica (a standard font, not embedded) centred in the box, as large as fits: at most
10 pt, no more than 80% of the box height and 90% of its width. A box too small for a 4 pt label gets none.
Boxes that overlap are drawn as they are; a label is not repeated inside a box already labelled.
"""

from __future__ import annotations

import pikepdf
from pdfminer.fontmetrics import FONT_METRICS

from .geometry import Box, Region

LABEL_FONT = "/FRedactLabel"
_MIN_SIZE = 4.0
_MAX_SIZE = 10.0
_WIDTHS = FONT_METRICS["Helvetica"][1]


def label_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))


def text_width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(ch, 556) for ch in text) / 1000.0 * size


def label_size(box: Box, label: str) -> float | None:
    w, h = box[2] - box[0], box[3] - box[1]
    unit = text_width(label, 1.0)
    size = min(_MAX_SIZE, h * 0.8, (w * 0.9) / unit if unit else _MAX_SIZE)
    return size if size >= _MIN_SIZE else None


def box_instructions(regions: list[Region]) -> tuple[bytes, bool]:
    """Content (page user space) that draws the boxes and labels; and whether the label font is used."""
    drawn = [r for r in regions if r.draws_box]
    if not drawn:
        return b"", False
    lines = ["q", "0 g"]
    for r in drawn:
        x0, y0, x1, y1 = r.box
        lines.append(f"{x0:.3f} {y0:.3f} {x1 - x0:.3f} {y1 - y0:.3f} re f")
    labelled: list[Box] = []
    uses_font = False
    for r in drawn:
        if not r.label:
            continue
        cx, cy = (r.box[0] + r.box[2]) / 2, (r.box[1] + r.box[3]) / 2
        if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in labelled):
            continue
        size = label_size(r.box, r.label)
        if size is None:
            continue
        labelled.append(r.box)
        x = cx - text_width(r.label, size) / 2
        y = cy - size * 0.35  # Helvetica's cap height is about 0.7 em: centre the capitals
        escaped = r.label.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        # Every text state parameter is set: the label must not inherit spacing, scaling or invisibility.
        lines.append(f"BT 1 g 0 Tr 0 Tc 0 Tw 100 Tz 0 Ts {LABEL_FONT} {size:.2f} Tf {x:.3f} {y:.3f} Td "
                     f"({escaped}) Tj ET")
        uses_font = True
    lines.append("Q")
    return ("\n".join(lines) + "\n").encode("latin-1", "replace"), uses_font
