"""Personal data inside a link's URI, for the stage that rebuilds links (redaction.pdf.links).

A URI spells a person in forms no text reader shows: an address or number behind ``mailto:`` / ``tel:``
that the page never prints, a name percent-encoded (``Jane%20Okafor``), between separators
(``jane.okafor``, ``jane-okafor``, ``jane_okafor``), run together (``JaneOkafor``, ``janeokafor``) or
without the letters an address drops (``lukasz.wojcik`` for "Łukasz Wójcik"). This module reads every
decoded form with the detection rules (addresses and phone numbers of any country) and compares it with
the names the paper's findings redact, letter for letter after folding (``name_key``).

    uri_personal_data(uri, redacted_names) -> list[str]   # what was found, as written in the URI
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from .spread import name_key

_SEPARATORS = re.compile(r"[._\-+~/:;=&?#,|()\[\]<>\"'@%!*$]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_MIN_SURNAME = 4  # a surname alone in a URI counts from this length ("okafor", not "li" inside a word)


def uri_forms(uri: str) -> list[str]:
    """The URI decoded (percent-encoding, a few levels deep; "+" as a space) with its separators as spaces."""
    forms = [uri]
    for _ in range(3):
        decoded = unquote(forms[-1], errors="replace")
        if decoded == forms[-1]:
            break
        forms.append(decoded)
    out = []
    for text in forms:
        for variant in (text, text.replace("+", " ")):
            out += [variant, _SEPARATORS.sub(" ", variant), _CAMEL.sub(" ", _SEPARATORS.sub(" ", variant))]
    return list(dict.fromkeys(out))


def _fully_decoded(uri: str) -> str:
    text = uri
    for _ in range(3):
        decoded = unquote(text, errors="replace")
        if decoded == text:
            break
        text = decoded
    return text


def uri_personal_data(uri: str, redacted_names: Iterable[str] = ()) -> list[str]:
    """E-mail addresses and phone numbers in ``uri`` (always personal data), and every name of
    ``redacted_names`` (the text of the paper's redacted PERSON findings) it spells in any form."""
    from . import find_in_text  # noqa: PLC0415 - the engine loads only when a link is checked

    found: list[str] = []
    decoded = _fully_decoded(uri)
    for form in dict.fromkeys((decoded, decoded.replace("+", " ") if "@" not in decoded else decoded)):
        text = re.sub(r"[:<>]", " ", form)  # "mailto:", "<address>": the scheme and brackets apart
        for m in find_in_text(text, ner=False):
            if m.type in ("EMAIL_ADDRESS", "PHONE_NUMBER"):
                found.append(text[m.start:m.end])
    found += names_in_uri(uri, redacted_names)
    return list(dict.fromkeys(found))


def names_in_uri(uri: str, redacted_names: Iterable[str]) -> list[str]:
    """The names of ``redacted_names`` that ``uri`` spells: the whole name's letters in a row of its words
    ("jane-okafor", "JaneOkafor", "janeokafor"), or the surname as one word of it ("/staff/okafor")."""
    tokens = sorted({t for form in uri_forms(uri) for t in form.split()})
    keys = [name_key(t) for t in tokens]
    runs = {name_key("".join(form.split())) for form in uri_forms(uri)}
    hits = []
    for name in redacted_names:
        words = name.split()
        whole = name_key(name)
        surname = name_key(words[-1]) if words else ""
        if len(whole) < 2:
            continue
        if any(whole in run for run in runs) or (len(surname) >= _MIN_SURNAME and surname in keys):
            hits.append(name)
    return hits
