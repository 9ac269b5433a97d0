"""How a scanned paper came out, judged without the engine's code: what was proposed, what a reader of the
published file can still read, and whether the published scan can be searched.

Reading back: every page of each published part drawn by pdfium at 300 dpi, cleared of specks (a 3-pixel
median) and read by the tesseract CLI, plus the text layer read by poppler's ``pdftotext``. A planted value is
read back when it is in that text allowing OCR's errors (one edit per 8 characters, ``regex`` fuzzy
matching, letters OCR confuses with digits folded together), case, spacing and punctuation aside.
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import regex
from PIL import ImageFilter

_CONFUSED = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1", "s": "5", "b": "8", "z": "2"})


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if c.isalnum()).translate(_CONFUSED)


def fuzzy_in(value: str, text: str) -> bool:
    v, t = fold(value), fold(text)
    if not v:
        return False
    edits = len(v) // 8
    return regex.search(f"(?:{regex.escape(v)}){{e<={edits}}}" if edits else regex.escape(v), t) is not None


def ocr_pages(data: bytes, dpi: int = 300) -> list[str]:
    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for i in range(len(doc)):
            picture = doc[i].render(scale=dpi / 72).to_pil().convert("L").filter(ImageFilter.MedianFilter(3))
            import io

            buf = io.BytesIO()
            picture.save(buf, "PNG")
            run = subprocess.run(["tesseract", "stdin", "stdout"], input=buf.getvalue(), capture_output=True,
                                 timeout=300, check=True)
            out.append(run.stdout.decode("utf-8", "replace"))
    finally:
        doc.close()
    return out


def text_layer(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


@dataclass
class Judged:
    planted: int = 0
    proposed: int = 0
    read_back: int = 0  # planted values a reader of the published parts can read (must be 0)
    layer_words: int = 0  # ordinary words found in the text layer
    ordinary_words: int = 0
    missed: list[str] = field(default_factory=list)  # "page:TYPE" of planted items not proposed (no values)
    part2_read_back: int = 0  # Part 2 lines read in Part 1 (must be 0)
    kept: int = 0  # office holders acting in role the manifest says are kept (``kept``)
    kept_redacted: int = 0  # of those, proposed for redaction on their page (should be 0)


def judge(manifest: dict, analysis: dict, part1: bytes | None, part2: bytes | None) -> Judged:
    """``part1`` None: the redaction was refused (nothing published); only what was proposed is judged."""
    out = Judged()
    redacted = [p for p in analysis["personal_data"] if p["action"] == "redact"]
    published = ([part1] if part1 else []) + ([part2] if part2 else [])
    read = ["\n".join(ocr_pages(d)) + "\n" + text_layer(d) for d in published]
    for item in manifest["planted"]:
        out.planted += 1
        if any(p["page"] == item["page"] and fuzzy_in(item["text"], p["text"]) for p in redacted):
            out.proposed += 1
        else:
            out.missed.append(f"{item['page']}:{item['type']}")
        if any(fuzzy_in(item["text"], r) for r in read):
            out.read_back += 1
    for item in manifest.get("kept", []):
        out.kept += 1
        out.kept_redacted += any(p["page"] == item["page"] and fuzzy_in(item["text"], p["text"]) for p in redacted)
    layer = fold(text_layer(part1)) if part1 else ""
    for sentence in manifest["ordinary"]:
        for word in sentence.split():
            if len(fold(word)) >= 4:
                out.ordinary_words += 1
                out.layer_words += fold(word) in layer
    part1_read = read[0] if read else ""
    out.part2_read_back = sum(1 for line in manifest.get("part2", []) if fuzzy_in(line, part1_read))
    return out
