"""An independent leak oracle for redacted PDFs, used only by the tests (it never imports ``redaction``).

Given an output PDF, the values that must be gone and the Part 2 text that must not be in Part 1, it reads
the file every way we know and reports each finding as ``Leak(reader, what)`` — ``what`` names the class
("value 0", "part2 n-gram", "font glyphs") and never the value itself:

- text: pdfium (pypdfium2), pdfminer.six, poppler ``pdftotext``;
- bytes: every object (strings decoded as PDF text, UTF-16 and URI escapes), every stream decompressed,
  images' raw (still encoded) bytes, JPEG metadata segments (APPn, COM), embedded font programs;
- images: ``pdfimages -all`` files, their bytes and their pixels (tesseract OCR); every picture stream in
  the file (thumbnails and unused images too) decoded by pikepdf and read by tesseract;
- pixels: every page rendered by pdfium and read by tesseract (text drawn as outlines, patterns, masks);
- links: every URI decoded (percent, ``+``, ``mailto:`` display names, ``tel:`` in any phone form);
- fonts: a subset font that still maps a character only the removed values used.

A value is matched after folding case and dropping everything but letters and digits; a phone number also
by its national significant number (``07700 900987`` == ``+44 7700 900987`` == ``tel:0044-7700-900987``).
Part 2 text is matched by word n-grams, so a reading order that splits lines does not hide it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium

from tests.oracle_fonts import subset_font_chars
from tests.oracle_pixels import extracted_images, image_object_ocr, rendered_ocr
from tests.oracle_readers import object_bytes, pdfium_text, pdfminer_text, poppler_text

__all__ = ["Leak", "leaks", "font_leaks", "part_problems", "part2_ngrams", "pdfium_text", "squash",
           "value_forms", "words"]

NGRAM = 5
TOOLS = ("pdftotext", "pdfimages", "tesseract")  # scripts/test-tools.sh installs them


@dataclass(frozen=True)
class Leak:
    reader: str
    what: str

    def __str__(self) -> str:
        return f"{self.what} found by {self.reader}"


def squash(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def value_forms(value: str) -> list[str]:
    """The squashed forms a value can take: itself, and for a phone number its national significant number."""
    forms = [squash(value)]
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 9 and len(digits) >= len(squash(value)) - 1:
        nsn = digits[2:] if digits.startswith("44") else digits.lstrip("0")
        forms.append(nsn)
    return [f for f in forms if f]


# --- the oracle -------------------------------------------------------------------------------------------


def texts(data: bytes, ocr: bool = True) -> dict[str, list[str]]:
    found = {"pdfium": [pdfium_text(data)], "pdfminer": [pdfminer_text(data)], "pdftotext": [poppler_text(data)]}
    found.update(object_bytes(data))
    found.update(extracted_images(data, ocr=ocr))
    if ocr:
        found["rendered page OCR"] = [rendered_ocr(data)]
        found["image objects OCR"] = image_object_ocr(data)
    return found


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def part2_ngrams(part2_text: list[str], n: int = NGRAM) -> set[str]:
    grams = set()
    for sentence in part2_text:
        w = words(sentence)
        grams |= {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}
        if len(w) < n and w:
            grams.add(" ".join(w))
    return grams


def leaks(data: bytes, values: list[str], part2_text: list[str] = (), ocr: bool = True) -> list[Leak]:
    """Every (reader, class) where a removed value or a Part 2 word sequence is still in ``data``."""
    found: list[Leak] = []
    by_reader = texts(data, ocr=ocr)
    grams = part2_ngrams(list(part2_text))
    for reader, chunks in by_reader.items():
        flat = "\n".join(squash(c) for c in chunks)
        for i, value in enumerate(values):
            if any(form in flat for form in value_forms(value)):
                found.append(Leak(reader, f"value {i}"))
        if grams:
            joined = " " + " ".join(" ".join(words(c)) for c in chunks) + " "
            if any(f" {g} " in joined for g in grams):
                found.append(Leak(reader, "part2 n-gram"))
    found += font_leaks(data, values, by_reader)
    return found


def font_leaks(data: bytes, values: list[str], by_reader: dict[str, list[str]] | None = None) -> list[Leak]:
    """A subset font that still maps a character used only by removed text (the subset spells it)."""
    by_reader = by_reader or {"pdfium": [pdfium_text(data)], "pdfminer": [pdfminer_text(data)]}
    shown = set("".join(by_reader["pdfium"] + by_reader["pdfminer"] + by_reader.get("pdftotext", [])))
    removed_only = {c for v in values for c in v if c.isalpha()} - shown
    return [Leak("font programs", "font glyphs of removed text")] if removed_only & subset_font_chars(data) else []


# --- the outputs themselves ---------------------------------------------------------------------------------


def part_problems(data: bytes | None, label: str) -> list[str]:
    """A part must be a non-empty PDF that pikepdf and pdfium reopen, with at least one page."""
    if not data:
        return [f"{label} is empty"]
    problems = []
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) == 0:
                problems.append(f"{label} has no page (pikepdf)")
    except pikepdf.PdfError:
        problems.append(f"{label} does not reopen (pikepdf)")
    try:
        doc = pdfium.PdfDocument(data)
        if len(doc) == 0:
            problems.append(f"{label} has no page (pdfium)")
        doc.close()
    except pdfium.PdfiumError:
        problems.append(f"{label} does not reopen (pdfium)")
    return problems
