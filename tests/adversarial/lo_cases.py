"""Cases LibreOffice makes by itself: tel: links, headers and footers, comments, tracked changes, and
pictures cropped by a clip path (the whole picture is embedded). Each returns (pdf bytes, manifest entry)."""

from __future__ import annotations

from tests.adversarial.cases_split import EMAIL, NAME, PHONE, TITLE, VALUES
from tests.adversarial.producers import fodt, image_frame, libreoffice_pdf, png_bytes, text_image

ORDINARY = ["The Board approved the refurbishment of the custody suite at the central station.",
            "Financial comments: the cost is met from the existing capital budget."]


def _p(text: str) -> str:
    return f"<text:p>{text}</text:p>"


def _meta(klass: str, ordinary=ORDINARY) -> dict:
    return {"class": klass, "producer": "libreoffice", "values": VALUES, "part2": [], "ordinary": ordinary,
            "officer_part2_start": None}


def tel_link_header_footer() -> tuple[bytes, dict]:
    tel = "tel:+447700900987"
    body = "".join([
        _p(TITLE), _p(ORDINARY[0]),
        _p(f'Report author: Detective Sergeant {NAME}, telephone '
           f'<text:a xlink:type="simple" xlink:href="{tel}">{PHONE}</text:a>.'),
        _p(f'Out of hours, call the <text:a xlink:type="simple" xlink:href="{tel}">custody desk</text:a>.'),
        _p(f'E-mail: <text:a xlink:type="simple" xlink:href="mailto:{EMAIL}">{EMAIL}</text:a>'),
        _p(ORDINARY[1]),
    ])
    master = (f"<style:header>{_p(f'Custody suite refurbishment, prepared by Detective Sergeant {NAME}')}"
              f"</style:header><style:footer>{_p(f'Contact: Detective Sergeant {NAME}, {PHONE}')}</style:footer>")
    ordinary = ORDINARY + ["Out of hours, call the custody desk."]
    return libreoffice_pdf(fodt(body, master=master)), _meta("links: tel: written by LibreOffice; header and "
                                                             "footer", ordinary)


def comment_tracked_changes() -> tuple[bytes, dict]:
    changes = (
        '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
        f"<dc:creator>{NAME}</dc:creator><dc:date>2026-01-05T10:00:00</dc:date></office:change-info>"
        f"{_p(f'Previously agreed with Detective Sergeant {NAME} on {PHONE}.')}</text:deletion>"
        '</text:changed-region><text:changed-region text:id="ct2"><text:insertion><office:change-info>'
        f"<dc:creator>{NAME}</dc:creator><dc:date>2026-01-05T10:05:00</dc:date></office:change-info>"
        "</text:insertion></text:changed-region></text:tracked-changes>")
    comment = (f"<office:annotation><dc:creator>{NAME}</dc:creator><dc:date>2026-01-05T10:00:00</dc:date>"
               f"{_p(f'Check the figures with {NAME} on {PHONE} before signing.')}</office:annotation>")
    body = changes + "".join([
        _p(TITLE), _p(ORDINARY[0] + comment),
        _p(f"Report author: Detective Sergeant {NAME}, telephone {PHONE}."),
        _p('The works will take twelve weeks.<text:change text:change-id="ct1"/>'),
        _p('<text:change-start text:change-id="ct2"/>The custody suite stays open during the works.'
           '<text:change-end text:change-id="ct2"/>'),
        _p(ORDINARY[1]),
    ])
    ordinary = ORDINARY + ["The custody suite stays open during the works."]
    return libreoffice_pdf(fodt(body), export_notes=True), _meta("LibreOffice comment and tracked changes",
                                                                 ordinary)


def clip_cropped_image() -> tuple[bytes, dict]:
    """A picture whose lower half (a caption naming the person) is cropped away in LibreOffice: the PDF
    holds the whole picture and a clip path."""
    im = text_image([], size=(900, 600), bg=(120, 170, 230))
    from PIL import ImageDraw, ImageFont

    from tests.adversarial.producers import TTF
    d = ImageDraw.Draw(im)
    d.rectangle([0, 300, 900, 600], fill=(255, 255, 255))
    d.rectangle([200, 80, 700, 280], fill=(150, 90, 60))
    font = ImageFont.truetype(TTF, 44)
    d.text((30, 360), f"{NAME}", fill=(0, 0, 0), font=font)
    d.text((30, 440), f"{PHONE}", fill=(0, 0, 0), font=font)
    # fo:clip is top, right, bottom, left of the picture to hide; at 152.4 dpi it is 15 cm x 10 cm.
    automatic = ('<style:style style:name="fr1" style:family="graphic"><style:graphic-properties '
                 'fo:clip="rect(0cm, 0cm, 5cm, 0cm)"/></style:style>')
    frame = image_frame(png_bytes(im, dpi=152.4), name="Picture1", width_cm=15, height_cm=5, style="fr1")
    body = "".join([_p(TITLE), _p(ORDINARY[0]), _p(f"Report author: Detective Sergeant {NAME}, telephone {PHONE}."),
                    _p(frame), _p("Photograph: the custody suite before the works."), _p(ORDINARY[1])])
    ordinary = ORDINARY + ["Photograph: the custody suite before the works."]
    return libreoffice_pdf(fodt(body, automatic=automatic)), _meta("image: cropped by a clip path "
                                                                   "(LibreOffice crop)", ordinary)


def split_headings_outline() -> tuple[bytes, dict]:
    """LibreOffice headings: the PDF gets bookmarks, so Part 2's sub-heading is in the outline too. The Part 2
    heading is numbered and worded as no rule expects."""
    from tests.adversarial.cases_split import PART2, WITHHOLD

    def h(level: int, text: str, brk: bool = False) -> str:
        style = ' text:style-name="HB"' if brk else ""
        return f'<text:h text:outline-level="{level}"{style}>{text}</text:h>'
    automatic = ('<style:style style:name="HB" style:family="paragraph"><style:paragraph-properties '
                 'fo:break-before="page"/></style:style>')
    sub = "5.1 Discount of nine per cent offered on the second tranche"
    body = "".join([h(1, "1. Decision"), _p(ORDINARY[0]),
                    _p(f"Report author: Detective Sergeant {NAME}, telephone {PHONE}."),
                    h(1, "4. Financial comments"), _p(ORDINARY[1]),
                    h(1, "5. Confidential facts and advice (Part 2)", brk=True), _p(WITHHOLD),
                    h(2, sub), *[_p(t) for t in PART2]])
    data = libreoffice_pdf(fodt(body, automatic=automatic))
    from tests.adversarial.make_holdout import line_top
    meta = _meta("split: LibreOffice headings and bookmarks, Part 2 heading worded otherwise")
    meta.update(part2=["Confidential facts and advice (Part 2)", WITHHOLD, sub, *PART2],
                officer_part2_start=line_top(data, "5. Confidential facts"))
    return data, meta


CASES = {"link_tel_header_footer_lo": tel_link_header_footer, "comment_tracked_changes_lo": comment_tracked_changes,
         "split_headings_outline_lo": split_headings_outline, "clip_cropped_image_lo": clip_cropped_image}
