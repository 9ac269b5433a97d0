"""Findings of the review page grouped by what they are: every mention of one person (or one phone number,
one e-mail address) is one group with one choice, which can be opened to decide mention by mention.

Also the words the page uses for finding types ("name", "phone number"): labels read as English, never as
the code's names (``PHONE_NUMBER``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

TYPE_WORDS = {"PERSON": ("name", "names"), "PHONE_NUMBER": ("phone number", "phone numbers"),
              "EMAIL_ADDRESS": ("e-mail address", "e-mail addresses"), "SIGNATURE": ("signature", "signatures"),
              "UNCLEAR_TEXT": ("unclear text in a scan", "unclear texts in scans")}


def type_words(kind: str, plural: bool = False) -> str:
    one, many = TYPE_WORDS.get(kind, (kind.replace("_", " ").lower(),) * 2)
    if kind not in TYPE_WORDS:
        many = one + "s"
    return many if plural else one


def group_key(finding: dict) -> str:
    """The same type and the same text (case, spacing and accents' forms aside) is the same person or
    number. A signature or a text in brackets (a picture: "[signature]") is its own group."""
    text = unicodedata.normalize("NFKC", finding.get("text") or "").casefold()
    text = re.sub(r"\W+", " ", text).strip()
    if finding.get("type") == "SIGNATURE" or not text or (finding.get("text") or "").startswith("["):
        text = "id:" + finding["id"]
    return hashlib.sha256(f"{finding.get('type')}|{text}".encode()).hexdigest()[:12]


def group(findings: list[dict]) -> list[dict]:
    """Groups in the order of their first mention; ``final`` is "redact", "keep" or "mixed"."""
    groups: dict[str, dict] = {}
    for f in findings:
        g = groups.setdefault(group_key(f), {"key": group_key(f), "type": f["type"], "text": f["text"],
                                             "words": type_words(f["type"]), "mentions": []})
        g["mentions"].append(f)
    for g in groups.values():
        finals = {f["final"] for f in g["mentions"]}
        g["final"] = finals.pop() if len(finals) == 1 else "mixed"
        g["pages"] = sorted({f["page"] for f in g["mentions"]})
        ocr = [f for f in g["mentions"] if f.get("source") == "ocr"]
        g["ocr"] = bool(ocr)  # shown as its own tag ("in a picture, read by OCR, 92% confidence")
        confidences = [f["confidence"] for f in ocr if f.get("confidence") is not None]
        g["ocr_confidence"] = min(confidences) if confidences else None
        g["reasons"] = reason_parts(g["mentions"], drop=(OCR_REASON,) if ocr else ())
        g["part2"] = any(f.get("part") == 2 for f in g["mentions"])
    return list(groups.values())


OCR_REASON = "in a picture (read by OCR)"  # redaction.picture_findings' words, said by the page's tag instead


def reason_parts(mentions: list[dict], drop: tuple[str, ...] = ()) -> list[str]:
    """The reasons of a group's mentions, each said once. A reason may be several ("person's name; in a
    picture (read by OCR)"): the parts are compared, so a group of a typed and a scanned mention of one name
    reads "person's name", not "person's name; person's name; in a picture (read by OCR)"."""
    parts = (part.strip() for f in mentions for part in (f.get("reason") or "").split(";"))
    return [part for part in dict.fromkeys(parts) if part and part not in drop]


def types_present(findings: list[dict]) -> list[dict]:
    """The finding types on the page, for the bulk actions ("Redact all names (4)")."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f["type"]] = counts.get(f["type"], 0) + 1
    return [{"type": t, "count": n, "words": type_words(t, plural=True)} for t, n in counts.items()]


def pages_words(pages: list[int]) -> str:
    """[5] → "page 5"; [5, 9] → "pages 5 and 9"; [1, 2, 3] → "pages 1, 2 and 3"."""
    if len(pages) == 1:
        return f"page {pages[0]}"
    return "pages " + ", ".join(map(str, pages[:-1])) + f" and {pages[-1]}"
