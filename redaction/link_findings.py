"""Stage 3c: personal data that only a link's address holds.

A link can say "email the project team" and point at ``mailto:Osric Pemberton <osric.pemberton@...>``,
``tel:+447700900987`` or ``https://...?officer=Osric+Pemberton``; no text reader shows that. Every URI link
annotation is read here, decoded the ways a browser or a phone would read it (percent-encoding, ``+`` for a
space, the display name and address of a ``mailto:``, the number of a ``tel:``, each query value on a line
of its own), and the decoded text goes through detection with the paper's text (see
``find_personal_data(extras=...)``), so a person named in a link spreads to the page and back. Each finding
is an item with the link's rectangle as its box; an item redacted puts its value among the plan's removed
values, so the engine drops the link (``redaction.pdf.links``), and an officer may keep it like any other.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from email.utils import getaddresses
from urllib.parse import parse_qsl, unquote, urlsplit

import pikepdf

from .analysis import PersonalData
from .extract import Box

_MAX_LINKS = 2000  # a paper with more links than this is read up to here (a warning says so)
LINK_REASON = "in a link's address (not shown on the page)"


@dataclass(frozen=True)
class Link:
    page: int  # 1-based
    box: Box
    uri: str
    text: str  # the decoded, readable form that detection reads


def read_links(data: bytes) -> tuple[list[Link], bool]:
    """Every URI link annotation of the paper, and whether the limit cut the list short."""
    links: list[Link] = []
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        return [], False
    with pdf:
        for number, page in enumerate(pdf.pages, 1):
            annots = page.obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            for annot in annots:
                link = _link(number, annot)
                if link is not None:
                    if len(links) >= _MAX_LINKS:
                        return links, True
                    links.append(link)
    return links, False


def _link(number: int, annot) -> Link | None:
    if not isinstance(annot, pikepdf.Dictionary) or str(annot.get("/Subtype", "")) != "/Link":
        return None
    action = annot.get("/A")
    if not isinstance(action, pikepdf.Dictionary) or str(action.get("/S", "")) != "/URI":
        return None
    uri, rect = action.get("/URI"), annot.get("/Rect")
    if not isinstance(uri, pikepdf.String) or not isinstance(rect, pikepdf.Array) or len(rect) != 4:
        return None
    raw = bytes(uri)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    try:
        v = [float(x) for x in rect]
    except (TypeError, ValueError):
        return None
    box = (min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3]))
    return Link(page=number, box=box, uri=text, text=readable(text))


def _decoded(text: str) -> str:
    for _ in range(3):  # double encoding (%2540) a few levels deep
        once = unquote(text, errors="replace")
        if once == text:
            break
        text = once
    return text


def readable(uri: str) -> str:
    """The URI as lines a reader (and the detector) understands: names and addresses of a mailto:, the
    number of a tel:, each query value after its key, with the separators of a name (``.``, ``-``, ``_``, ``+``) as
    spaces where they stand between words."""
    scheme, _, rest = uri.strip().partition(":")
    scheme = scheme.lower()
    lines: list[str] = []
    if scheme == "mailto":
        body, _, query = rest.partition("?")
        for name, address in getaddresses([_decoded(body)]):
            lines += [f"Name: {name}" if name else "", address]
        rest = "?" + query if query else ""
    elif scheme in ("tel", "sms", "callto", "fax"):
        lines.append(_decoded(rest.split(";")[0]).replace(".", " "))
        rest = ""
    parts = urlsplit(rest if scheme in ("mailto", "tel", "sms", "callto", "fax") else uri)
    for key, value in parse_qsl(parts.query, keep_blank_values=False) + parse_qsl(parts.fragment):
        # "key: value", as a form prints it: a name with its label is read as a name, alone it often is not
        label = re.sub(r"[^A-Za-z]+", " ", key).strip() or "Value"
        value = _decoded(value)
        lines.append(f"{label}: {value}")
        if "@" not in value:
            lines.append(f"{label}: {_words(value)}")
    return "\n".join(dict.fromkeys(line.strip() for line in lines if line and line.strip()))


def _words(value: str) -> str:
    """``osric.pemberton`` / ``Osric_Pemberton`` -> "Osric Pemberton"-like words; digits keep their dots
    (a phone number written ``07700.900.418`` is read by the phone rules as it is)."""
    spaced = re.sub(r"(?<=[A-Za-z])[._\-+]+(?=[A-Za-z])", " ", value)
    return " ".join(w[:1].upper() + w[1:] if w.isalpha() and w.islower() else w for w in spaced.split())


def link_items(links: list[Link], found, part_of) -> list[PersonalData]:
    """Items from the mentions detection found in the links' texts (``found``: ExtraMention, whose
    ``extra`` indexes ``links``); ``part_of(page, box)`` places each in Part 1 or 2."""
    items, seen = [], set()
    for m in found:
        if any(o is not m and o.extra == m.extra and o.start <= m.start and m.end <= o.end
               and o.end - o.start > m.end - m.start for o in found):
            continue  # "Pemberton" inside "Osric Pemberton" of the same link: one item
        link = links[m.extra]
        key = (link.page, link.box, m.type, m.text.casefold())
        if key in seen:
            continue
        seen.add(key)
        items.append(PersonalData(type=m.type, text=m.text, page=link.page, part=part_of(link.page, link.box),
                                  action=m.action, reason=f"{m.reason}; {LINK_REASON}", score=m.score,
                                  boxes=[link.box]))
    return items


def redacted_names_in_links(links: list[Link], items: list[PersonalData], part_of) -> list[PersonalData]:
    """A name the paper redacts that a link spells in a form detection does not read as a name
    (``/staff/okafor``, ``JaneOkafor``): an item for the officer too, so the link is not silently lost."""
    from .detect.uris import names_in_uri  # noqa: PLC0415 - loads the detection rules

    names = sorted({i.text for i in items if i.type == "PERSON" and i.action == "redact"})
    taken = [(i.page, i.boxes[0] if i.boxes else None, i.text.casefold()) for i in items]
    out = []
    for link in links:
        for name in names_in_uri(link.uri, names) if names else []:
            if any(p == link.page and b == link.box and name.casefold() in t for p, b, t in taken):
                continue  # already an item of this link ("Pemberton" within "Osric Pemberton")
            taken.append((link.page, link.box, name.casefold()))
            out.append(PersonalData(type="PERSON", text=name, page=link.page, part=part_of(link.page, link.box),
                                    action="redact", reason=f"a redacted name; {LINK_REASON}", score=0.9,
                                    boxes=[link.box]))
    return out
