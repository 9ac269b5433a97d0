"""Pages may be up to 5,000 points a side: a page made into a picture, or read by the verifier's OCR, is
rendered at its usual resolution or less, never past a pixel budget (issue 15: bound every cost)."""

import io

import pikepdf
import pypdfium2 as pdfium
import pytest

from redaction.pdf.rasterize import MAX_PIXELS, bounded_scale, rasterize


@pytest.mark.parametrize("width, height, expected", [
    (595, 842, 150 / 72),            # A4 at 150 dpi: 1.7 Mpx, within the budget
    (5000, 5000, None),              # 10,400 px a side at 150 dpi: scaled down
    (5000, 72, 150 / 72),            # long and thin: 0.75 Mpx
    (0, 0, 150 / 72),                # degenerate sizes never divide by zero
])
def test_bounded_scale(width, height, expected):
    scale = bounded_scale(width, height)
    if expected is not None:
        assert scale == pytest.approx(expected)
    assert max(width, 1) * max(height, 1) * scale * scale <= MAX_PIXELS * 1.0001


def test_a_huge_page_made_a_picture_keeps_to_the_budget():
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(5000, 5000))
    buf = io.BytesIO()
    pdf.save(buf)
    source = pdfium.PdfDocument(buf.getvalue())[0]
    _, resources = rasterize(pdf, pdf.pages[0], source, [], [])
    image = resources.XObject.ImRaster
    assert int(image.Width) * int(image.Height) <= MAX_PIXELS
    assert int(image.Width) >= 3900  # still as sharp as the budget allows
