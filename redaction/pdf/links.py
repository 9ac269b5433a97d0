"""Decide whether a link's URI may be carried into an output, and rebuild the link from scratch.

A URI can hold a removed value in a form no text reader shows: percent-encoded (``Mike%20West``), with
``+`` for a space, HTML entities, base64 in a query, with ``.``/``-``/``_`` between the words of a name (``mike.west``, ``mike-west``), run
together (``MikeWest``), as the address or display name inside ``mailto:`` (``"Mike West"
<mike.west@x>``), or as a phone number in another national or international form
(``tel:+447700900987`` for ``07700 900987``; LibreOffice writes ``tel:`` links by itself). The leak test
is therefore run on every decoded and normalised form of the URI at once; a URI that fails, or cannot be
decoded, is dropped (its visible text is handled by the text redaction like any other text).
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from email.utils import getaddresses
from urllib.parse import unquote, unquote_to_bytes

import phonenumbers
import pikepdf

from .geometry import Region, meets

_SEPARATORS = re.compile(r"[._\-+~/:;=&?#,|()\[\]<>\"']+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DIGIT_RUN = re.compile(r"(?:\+|\b)\d[\d\s.\-()/]{4,}\d")
_JOIN = " | "  # not a gap the matcher bridges, so two forms never run together into one value


def uri_forms(uri: str) -> list[str]:
    """Every decoded and normalised form of ``uri`` a removed value could be spelt in."""
    forms = [uri]
    for _ in range(3):  # double-encoding (%2540) is decoded too, a few levels deep
        for text in list(forms):
            forms += _decoded(text)
        forms = list(dict.fromkeys(forms))
    out: list[str] = []
    for text in forms:
        text = unicodedata.normalize("NFKC", text)
        spaced = text.replace("+", " ")
        out += [text, spaced, _SEPARATORS.sub(" ", text), _CAMEL.sub(" ", _SEPARATORS.sub(" ", text))]
        out += _mail_parts(spaced)
        out += phone_forms(text)
    return list(dict.fromkeys(f for f in out if f.strip()))


def uri_leaks(uri: str, leaks) -> bool:
    """True when any form of ``uri`` holds a removed value (``leaks(text) -> bool``)."""
    return bool(leaks(_JOIN.join(uri_forms(uri))))


def _decoded(text: str) -> list[str]:
    out = [unquote(text, errors="replace"), html.unescape(text), _idna(text)]
    try:
        out.append(unquote_to_bytes(text).decode("latin-1"))
    except ValueError:
        pass
    out += _base64_tokens(text)
    return out


_B64 = re.compile(r"[A-Za-z0-9+/_\-]{8,}={0,2}")


def _base64_tokens(text: str) -> list[str]:
    """Query values a mailing tool base64-encodes (``?e=bWlrZS53ZXN0QGV4YW1wbGUub3Jn``), when they decode to
    readable text."""
    out = []
    for m in _B64.finditer(text):
        token = m.group(0)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                raw = decode(token + "=" * (-len(token) % 4))
                value = raw.decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                continue
            if value.isprintable():
                out.append(value)
                break
    return out


def _idna(text: str) -> str:
    def label(m: re.Match) -> str:
        try:
            return m.group(0).encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return m.group(0)
    return re.sub(r"xn--[A-Za-z0-9\-]+", label, text, flags=re.IGNORECASE)


def _mail_parts(text: str) -> list[str]:
    """The display names and addresses of a ``mailto:`` (to, cc, bcc; a display name may be quoted)."""
    body = re.sub(r"^\s*mailto:", "", text, flags=re.IGNORECASE)
    fields = re.split(r"[?&](?:to|cc|bcc)=|[?&]", body)
    out = []
    for name, address in getaddresses([f for f in fields if f]):
        out += [name, address, address.split("@")[0]]
    return out


def phone_forms(text: str) -> list[str]:
    """Every national and international spelling of each phone number in ``text``."""
    out: list[str] = []
    for m in _DIGIT_RUN.finditer(text):
        raw = m.group(0)
        digits = re.sub(r"\D", "", raw)
        if len(digits) < 6:
            continue
        out += [digits, "+" + digits, "00" + digits]
        international = digits[2:] if digits.startswith("00") else digits if raw.startswith("+") else ""
        for cc in (1, 2, 3):  # the country code's length is not known without a parser
            if len(international) > cc + 5:
                out += ["0" + international[cc:], international[cc:]]
        if digits.startswith("0") and not digits.startswith("00"):
            out += [digits[1:]] + [f"{p}{cc}{digits[1:]}" for p in ("+", "00") for cc in ("44",)]
        for region in ("GB", None):
            try:
                number = phonenumbers.parse(raw if region else "+" + digits.lstrip("0"), region)
            except phonenumbers.NumberParseException:
                continue
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            out += [e164, "00" + e164[1:], e164[1:], str(number.national_number),
                    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
                    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)]
            out.append("0" + str(number.national_number))
    return out


def safe_link(pdf: pikepdf.Pdf, annot, regions: list[Region], leaks) -> pikepdf.Object | None:
    """A fresh, minimal copy of a URI link that is not over removed content and names nothing removed;
    None when the annotation is anything else or fails the leak test."""
    if not isinstance(annot, pikepdf.Dictionary) or str(annot.get("/Subtype", "")) != "/Link":
        return None
    action = annot.get("/A")
    if not isinstance(action, pikepdf.Dictionary) or str(action.get("/S", "")) != "/URI":
        return None
    uri = action.get("/URI")
    rect = annot.get("/Rect")
    if not isinstance(uri, pikepdf.String) or not isinstance(rect, pikepdf.Array) or len(rect) != 4:
        return None
    raw = bytes(uri)
    text = raw.decode("latin-1")
    forms = [text]
    try:  # a URI is 7-bit by the spec; producers write UTF-8 (or UTF-16 with a BOM) anyway
        forms.append(str(uri))
        forms.append(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        pass
    if any(uri_leaks(f, leaks) for f in forms):
        return None
    try:
        box = tuple(float(v) for v in rect)
    except (TypeError, ValueError):
        return None
    box = (min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3]))
    if any(meets(box, r.box) for r in regions):
        return None
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=pikepdf.Array(box),
        Border=pikepdf.Array([0, 0, 0]), A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(raw))))
