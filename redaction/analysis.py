"""The analysis of a paper: the JSON document of ARCHITECTURE.md ("fields may be added, never renamed").

An analysis is stored at upload and read back (``Analysis.from_dict``) for preview and publication, so the
officer's decisions apply to exactly the findings they were made on. Finding ids are stable: derived from
the item's type, text and place (``stable_id``), never from its rank, so an item found before another
one (a roster or model change) does not shift the ids of the rest.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .dates import iso_or_none
from .errors import InputError
from .extract import Document
from .policy import DEFAULT_EXEMPTION
from .structure import Exemption, Structure

Box = tuple[float, float, float, float]


@dataclass
class PersonalData:
    """One piece of personal data found in the paper, with what to do about it and why."""

    type: str  # PERSON, PHONE_NUMBER, EMAIL_ADDRESS, SIGNATURE, ...
    text: str
    page: int  # 1-based
    part: int  # 1 or 2
    action: str  # "redact" or "keep"
    reason: str
    score: float
    boxes: list[Box] = field(default_factory=list)
    exemption: str = DEFAULT_EXEMPTION
    id: str = ""  # from content and place, e.g. "p8-3fa2c1" (see stable_id); decisions refer to it
    source: str = ""  # "ocr": read in pixels by OCR (empty: the text layer)
    confidence: float | None = None  # OCR's confidence in the words read, 0..1 (OCR findings only)

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "text": self.text, "page": self.page, "part": self.part,
                "action": self.action, "reason": self.reason, "score": round(self.score, 2),
                "exemption": self.exemption,
                "boxes": [[round(v, 1) for v in b] for b in self.boxes],
                **({"source": self.source} if self.source else {}),
                **({"confidence": round(self.confidence, 2)} if self.confidence is not None else {})}


@dataclass
class Analysis:
    file: str
    pages: int
    structure: Structure
    personal_data: list[PersonalData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    image_concerns: list[str] = field(default_factory=list)  # e.g. ["image_pages"], from the image stage
    document: Document | None = field(default=None, repr=False, compare=False)  # for the redaction stage
    # Set when the paper was analysed again over earlier decisions (see redaction.carry): what the
    # officer must look at again. Absent from the JSON otherwise.
    carried_over: dict | None = None

    @property
    def needs_confirmation(self) -> list[str]:
        """What an officer must confirm before anything is published (see ``Decisions.settles``)."""
        return list(dict.fromkeys(self.structure.needs_confirmation + self.image_concerns))

    def to_dict(self) -> dict:
        s = self.structure
        part2 = None
        if s.has_part2:
            part2 = {
                "start": _start(s),
                "pages": s.part2_pages,
                "in_file": s.part2_start is not None,
                "exemptions": [ex.to_dict() for ex in s.exemptions],
                "release_on": iso_or_none(s.release_on),
                "review_on": iso_or_none(s.review_on),
            }
        return {
            "file": self.file,
            "pages": self.pages,
            "reference": s.reference,
            "title": s.title,
            "part1": {"pages": s.part1_pages, "deferred": s.deferred,
                      "deferred_until": iso_or_none(s.deferred_until), "deferral_reason": s.deferral_reason},
            "part2_form": s.part2_form,
            "part2": part2,
            "personal_data": [p.to_dict() for p in self.personal_data],
            "needs_confirmation": self.needs_confirmation,
            "warnings": list(s.warnings) + list(self.warnings),
            **({"carried_over": self.carried_over} if self.carried_over is not None else {}),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Analysis":
        """The analysis back from its JSON (``to_dict``), e.g. as stored at upload, for ``redact``: no
        detection runs again. ``document`` is left empty (the redaction extracts the characters again).
        Raises :class:`InputError` when ``data`` is not an analysis."""
        try:
            return _from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            raise InputError("the stored analysis is not readable; analyse the paper again") from None


def _start(s: Structure) -> dict | None:
    """Where Part 2 starts, as displayed; "x" (where its heading starts) names the column on a page of
    columns, so the split made from a stored analysis is the one analysed."""
    if not s.part2_start:
        return None
    start = {"page": s.part2_start[0], "y": s.part2_start[1]}
    if s.part2_x is not None:
        start["x"] = s.part2_x
    return start


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _from_dict(data: dict) -> Analysis:
    # Fail closed: without its findings and concerns an analysis would redact nothing and confirm nothing.
    if not all(isinstance(data[k], t) for k, t in (("personal_data", list), ("needs_confirmation", list),
                                                    ("part1", dict), ("pages", int))):
        raise TypeError("not an analysis")
    part1, part2 = data["part1"], data.get("part2")
    s = Structure(reference=data.get("reference"), title=data.get("title"), deferred=part1.get("deferred"),
                  deferred_until=_day(part1.get("deferred_until")), deferral_reason=part1.get("deferral_reason"),
                  part2_form=data.get("part2_form"), part1_pages=list(part1.get("pages") or []))
    if part2 is not None:
        start = part2.get("start")
        s.part2_start = (int(start["page"]), float(start["y"])) if start else None
        s.part2_x = float(start["x"]) if start and start.get("x") is not None else None
        s.part2_referenced = start is None
        s.part2_pages = list(part2.get("pages") or [])
        s.exemptions = [Exemption(section=e["section"], title=e.get("title") or "", until=_day(e.get("until")),
                                  review=_day(e.get("review")), text=e.get("text") or "",
                                  subsection=e.get("subsection"),
                                  **({"act": e["act"]} if e.get("act") else {})) for e in part2.get("exemptions") or []]
        s.release_on, s.review_on = _day(part2.get("release_on")), _day(part2.get("review_on"))
    concerns = [str(c) for c in data.get("needs_confirmation") or []]
    s.needs_confirmation = [c for c in concerns if c != "image_pages"]
    items = [PersonalData(type=str(p["type"]), text=str(p["text"]), page=int(p["page"]), part=int(p.get("part", 1)),
                          action=str(p["action"]), reason=str(p.get("reason", "")), score=float(p.get("score", 0)),
                          boxes=[_box(b) for b in p.get("boxes") or []],
                          exemption=str(p.get("exemption", DEFAULT_EXEMPTION)), id=str(p["id"]), source=str(p.get("source") or ""),
                          confidence=None if p.get("confidence") is None else float(p["confidence"]))
             for p in data.get("personal_data") or []]
    if any(p.action not in ("redact", "keep") for p in items) or len({p.id for p in items}) != len(items):
        raise ValueError("actions or ids")
    # structure warnings and the analysis's own come back as one list: to_dict joins them the same way
    return Analysis(file=str(data.get("file", "paper.pdf")), pages=int(data["pages"]), structure=s,
                    personal_data=items, warnings=list(data.get("warnings") or []),
                    image_concerns=[c for c in concerns if c == "image_pages"],
                    carried_over=data.get("carried_over"))


def _box(values) -> Box:
    box = tuple(float(v) for v in values)
    if len(box) != 4:
        raise ValueError("box")
    return box


# --- stable ids --------------------------------------------------------------------------------------------

ID_DIGITS = 6  # hex digits of the content hash: short to read, and a collision gets a suffix anyway


def content_key(text: str) -> str:
    """The text as ids and matching compare it: compatibility forms, case, spacing and quote style aside."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.casefold().split())


def stable_id(item: PersonalData) -> str:
    """``p{page}-{hash}``: a short hash of the type, normalised text, page and first box rounded to whole
    points. The same item gets the same id in every analysis of the same file, whatever else is found."""
    box = ",".join(str(round(v)) for v in item.boxes[0]) if item.boxes else ""
    key = "|".join((item.type, content_key(item.text), str(item.page), box))
    return f"p{item.page}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:ID_DIGITS]}"


def assign_ids(items: list[PersonalData]) -> list[PersonalData]:
    """Give every item its stable id; a second item with the same id (the same text at the same place)
    gets ``-2``, ``-3`` in list order. Changes the items in place and returns them."""
    seen: dict[str, int] = {}
    for item in items:
        base = stable_id(item)
        seen[base] = seen.get(base, 0) + 1
        item.id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return items
