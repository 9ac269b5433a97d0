"""The image sample codec and re-encoding on made-up streams: packing at every bit depth, JPEG segments,
filter chains, Adobe CMYK, JPX, and inline images the sweep cannot rewrite in place."""

from __future__ import annotations

import io

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from redaction.pdf.samples import Samples, _unpack, strip_jpeg_segments


def _segments(jpeg: bytes) -> list[int]:
    out, i = [], 2
    while jpeg[i + 1] != 0xDA:
        out.append(jpeg[i + 1])
        i += 2 + int.from_bytes(jpeg[i + 2:i + 4], "big")
    return out


def _render(data: bytes) -> Image.Image:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[0].render(scale=1).to_pil().convert("RGB")
    finally:
        pdf.close()


@pytest.mark.parametrize("bpc, components", [(1, 1), (2, 1), (4, 1), (8, 3), (16, 1), (4, 3)])
def test_samples_round_trip_and_crop(bpc, components):
    rng = np.random.default_rng(bpc)
    width, height = 13, 5
    values = rng.integers(0, 1 << bpc, size=(height, width * components)).astype(np.uint16 if bpc == 16 else np.uint8)
    samples = Samples(width, height, components, bpc, values)
    packed = samples.pack()
    assert np.array_equal(_unpack(packed + b"extra", width, height, components, bpc), values)
    cropped = samples.crop((3, 1, 9, 4))
    assert np.array_equal(_unpack(cropped.pack(), 6, 3, components, bpc), values[1:4, 3 * components:9 * components])


def test_jpeg_segments_stripped():
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(buf, format="JPEG", comment=b"Mike West")
    stripped = strip_jpeg_segments(buf.getvalue())
    assert b"Mike West" not in stripped and not [m for m in _segments(stripped) if 0xE0 <= m <= 0xEF or m == 0xFE]
    assert Image.open(io.BytesIO(stripped)).size == (8, 8)


def test_jpeg_behind_a_general_filter_is_decoded():
    """reportlab writes photos as [/ASCII85Decode /DCTDecode]: decoded, not rasterised."""
    import base64

    from redaction.pdf.samples import decode_samples
    buf = io.BytesIO()
    Image.new("RGB", (16, 8), (10, 200, 30)).save(buf, format="JPEG")
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, base64.a85encode(buf.getvalue(), adobe=True)[2:], Width=16, Height=8,
                            BitsPerComponent=8, ColorSpace=pikepdf.Name.DeviceRGB,
                            Filter=pikepdf.Array([pikepdf.Name.ASCII85Decode, pikepdf.Name.DCTDecode]))
    samples = decode_samples(stream)
    assert (samples.width, samples.height, samples.components, samples.jpeg) == (16, 8, 3, True)
    assert abs(int(samples.values[4, 4 * 3 + 1]) - 200) < 8


@pytest.mark.parametrize("where", ["pattern", "type3"])
def test_inline_image_outside_the_page_content_is_refused(where):
    """The sweep cannot re-encode an inline image inside a pattern cell or a Type3 glyph in place."""
    from redaction.pdf.images import ImageNotEditable, ImageRebuilder
    pdf = pikepdf.new()
    content = b"q 10 0 0 10 0 0 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\x10\x20\x30 EI Q"
    if where == "pattern":
        holder = pdf.make_indirect(pikepdf.Stream(pdf, content, PatternType=1, PaintType=1, TilingType=1,
                                                  BBox=[0, 0, 10, 10], XStep=10, YStep=10))
        resources = pikepdf.Dictionary(Pattern=pikepdf.Dictionary(P1=holder))
    else:
        glyph = pdf.make_indirect(pikepdf.Stream(pdf, b"10 0 0 0 10 10 d1 " + content))
        font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3,
                                                    CharProcs=pikepdf.Dictionary(a=glyph)))
        resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    with pytest.raises(ImageNotEditable):
        ImageRebuilder(pdf).sweep(resources)


@pytest.mark.parametrize("decode", [None, [1, 0] * 4])
def test_adobe_cmyk_jpeg_renders_the_same(decode):
    """Pillow inverts an Adobe CMYK JPEG on reading, a PDF reader does not: the samples written back must
    be the ones the PDF meant, with or without an inverting /Decode."""
    from redaction.pdf.images import ImageRebuilder
    img = Image.new("CMYK", (40, 40), (0, 200, 200, 0))
    img.paste((200, 0, 50, 30), (0, 0, 20, 40))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=95)
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(100, 100))
    image = pikepdf.Stream(pdf, buf.getvalue(), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=40,
                           Height=40, BitsPerComponent=8, ColorSpace=pikepdf.Name.DeviceCMYK,
                           Filter=pikepdf.Name.DCTDecode)
    if decode:
        image.Decode = pikepdf.Array(decode)
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(I=pdf.make_indirect(image)))
    pdf.pages[0].Contents = pdf.make_stream(b"q 80 0 0 80 10 10 cm /I Do Q")

    def render() -> np.ndarray:
        out = io.BytesIO()
        pdf.save(out)
        return np.asarray(_render(out.getvalue())).astype(int)
    before = render()
    pdf.pages[0].Resources.XObject.I = ImageRebuilder(pdf).rebuild(image, (80, 0, 0, 80, 10, 10), [], None).stream
    assert np.abs(render() - before).max() <= 2


def test_jpx_image_decoded_with_its_colour_space_made_explicit():
    from redaction.pdf.images import ImageRebuilder
    buf = io.BytesIO()
    Image.new("RGB", (24, 16), (10, 120, 230)).save(buf, format="JPEG2000")
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, buf.getvalue(), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=24,
                           Height=16, Filter=pikepdf.Name.JPXDecode, Decode=[1, 0, 1, 0, 1, 0])
    new = ImageRebuilder(pdf).rebuild(image, (24, 0, 0, 16, 0, 0), [], None).stream
    assert (new.Filter, new.ColorSpace, "/Decode" in new) == ("/FlateDecode", "/DeviceRGB", False)
    assert tuple(pikepdf.PdfImage(new).as_pil_image().getpixel((3, 3))) == (10, 120, 230)
