"""Link targets, decoded the ways a browser or a phone would read them.

=================  =========================================================================================
links              a URI (a link annotation's action, or any /URI anywhere) holds a removed or metadata value
                   once decoded: percent-encoding (repeatedly), "+" as a space, the address and display name
                   of a mailto: link, the digits of a tel: link in national form; or a distinctive word of a
                   removed value (see the tokens check) that the input's kept text never has; or anything
                   shaped like an e-mail address or a phone number that the output's visible text and the
                   officer's kept values do not show (a link is no place to publish what the page does not)
=================  =========================================================================================
"""

from __future__ import annotations

import re
from email.utils import getaddresses
from urllib.parse import unquote, unquote_plus

import pikepdf

from .matcher import Matcher, national, words
from .result import fail


def uris(pdf: pikepdf.Pdf) -> list[str]:
    found: list[str] = []
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)):
            _collect(obj, found, 0)
    return found


def _collect(obj, found: list[str], depth: int) -> None:
    if depth > 8:
        return
    if isinstance(obj, pikepdf.Array):  # a direct annotation inside an /Annots array
        for value in obj:
            if isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
                _collect(value, found, depth + 1)
        return
    for key in obj.keys():
        value = obj.get(key)
        if key in ("/URI", "/F", "/Base") and isinstance(value, pikepdf.String):
            found.append(bytes(value).decode("latin-1") if not str(value) else str(value))
        elif isinstance(value, (pikepdf.Dictionary, pikepdf.Array)) and not value.is_indirect:
            _collect(value, found, depth + 1)


def readings(uri: str) -> list[str]:
    """The URI as written, fully percent-decoded (with and without '+' as a space), and for mailto: and
    tel: the addresses, display names and digits."""
    out = [uri]
    plain, spaced = uri, uri
    for _ in range(4):  # double or triple encoding
        plain, spaced = unquote(plain), unquote_plus(spaced)
    out += [plain, spaced]
    scheme, _, rest = spaced.partition(":")
    scheme = scheme.strip().lower()
    if scheme == "mailto":
        address_part = rest.split("?", 1)
        for name, address in getaddresses(address_part[0].split(",")):
            out += [name, address, address.replace(".", " ")]
        if len(address_part) > 1:
            out.append(address_part[1])
    elif scheme in ("tel", "sms", "callto", "fax"):
        digits = "".join(c for c in rest.split(";")[0] if c.isdigit())
        if digits:
            out += [digits, national(digits)]
    return out


# The verifier's own shapes, not the detector's: an address, and a run of 9 to 15 digits starting with "+" or
# "0" (national, international, "00") broken by spaces, dots, dashes or brackets; a bare number (an id in a
# path) is no phone shape.
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w])(?:\+|\(?0)[\d \t.\-()/]{7,20}\d(?![\w])")


def shaped(text: str) -> set[str]:
    """E-mail addresses (folded) and phone numbers (national digits) shaped in ``text``."""
    found = {m.group(0).casefold().strip(".") for m in _EMAIL.finditer(text)}
    for m in _PHONE.finditer(_EMAIL.sub(" ", text)):
        digits = re.sub(r"\D", "", m.group(0))
        if 9 <= len(digits) <= 15:
            found.add(national(digits))
    return found


def check_links(pdf: pikepdf.Pdf, part: int, values: Matcher, hidden: Matcher, tokens: set[str],
                shown: str | None = None) -> None:
    """``shown``: the output's visible text and the values the officer kept; when given, a URI may hold
    an address or a number only if that text shows it."""
    allowed = None  # what the shown text shapes: read at the first link (most outputs have none)
    for uri in uris(pdf):
        text = "\n".join(readings(uri))
        if values.search(text) or hidden.search(text) or tokens & set(words(text)):
            fail("links", part)
        if shown is not None and allowed is None:
            allowed = shaped(shown)
        if shown is not None and shaped(text) - allowed:
            fail("links", part, reason="a link's address holds an e-mail address or a phone number the "
                                       "published page does not show")
