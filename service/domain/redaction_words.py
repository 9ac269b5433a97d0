"""Redaction counts in plain words, for the public pages and the officers' preview alike: "3 names, 2 phone
numbers and 1 signature". Counts only (the stored shape: ``{"total", "by_type", …, "texts"}``), never values.
"""

from __future__ import annotations

KINDS = {  # redaction types → (one, many)
    "PERSON": ("name", "names"),
    "PHONE_NUMBER": ("phone number", "phone numbers"),
    "EMAIL_ADDRESS": ("e-mail address", "e-mail addresses"),
    "SIGNATURE": ("signature", "signatures"),
    "AREA": ("marked area", "marked areas"),
}


def kinds_phrase(by_type: dict | None) -> str:
    """'3 names, 2 phone numbers and 1 signature' (most frequent first)."""
    items = sorted(((n, kind) for kind, n in (by_type or {}).items() if n), key=lambda x: (-x[0], x[1]))
    words = []
    for n, kind in items:
        one, many = KINDS.get(kind, (kind.replace("_", " ").lower(),) * 2)
        words.append(f"{n} {one if n == 1 else many}")
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def to_remove_phrase(counts: dict | None) -> str:
    """What a preview will remove from one part, as a sentence without its full stop: '6 items will be removed:
    3 names, 2 phone numbers and 1 e-mail address, and 1 chosen text wherever it occurs', '1 chosen text will
    be removed wherever it occurs' or 'Nothing will be removed'. ``counts`` is one part's counts in the
    publication plan (:mod:`redaction.publication`; its ``texts`` are the officer's texts to redact everywhere)."""
    counts = counts or {}
    total, texts = int(counts.get("total") or 0), int(counts.get("texts") or 0)
    chosen = f"{texts} chosen {'text' if texts == 1 else 'texts'}"
    where = f"wherever {'it occurs' if texts == 1 else 'they occur'}"
    if not total:
        return f"{chosen} will be removed {where}" if texts else "Nothing will be removed"
    kinds = kinds_phrase(counts.get("by_type"))
    said = f"{total} {'item' if total == 1 else 'items'} will be removed" + (f": {kinds}" if kinds else "")
    return f"{said}, and {chosen} {where}" if texts else said
