"""The analysis of a paper: the JSON document of ARCHITECTURE.md ("fields may be added, never renamed")."""

from __future__ import annotations

from dataclasses import dataclass, field

from .extract import Document
from .structure import Structure

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
    exemption: str = "s40(2)"
    id: str = ""  # stable within one analysis, e.g. "p8-3"; decisions refer to it

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "text": self.text, "page": self.page, "part": self.part,
                "action": self.action, "reason": self.reason, "score": round(self.score, 2),
                "exemption": self.exemption,
                "boxes": [[round(v, 1) for v in b] for b in self.boxes]}


@dataclass
class Analysis:
    file: str
    pages: int
    structure: Structure
    personal_data: list[PersonalData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    image_concerns: list[str] = field(default_factory=list)  # e.g. ["image_pages"], from the image stage
    document: Document | None = field(default=None, repr=False, compare=False)  # for the redaction stage

    @property
    def needs_confirmation(self) -> list[str]:
        """What an officer must confirm before anything is published (see ``Decisions.settles``)."""
        return list(dict.fromkeys(self.structure.needs_confirmation + self.image_concerns))

    def to_dict(self) -> dict:
        s = self.structure
        part2 = None
        if s.has_part2:
            part2 = {
                "start": {"page": s.part2_start[0], "y": s.part2_start[1]} if s.part2_start else None,
                "pages": s.part2_pages,
                "in_file": s.part2_start is not None,
                "exemptions": [ex.to_dict() for ex in s.exemptions],
                "release_on": _iso(s.release_on),
                "review_on": _iso(s.review_on),
            }
        return {
            "file": self.file,
            "pages": self.pages,
            "reference": s.reference,
            "title": s.title,
            "part1": {"pages": s.part1_pages, "deferred": s.deferred,
                      "deferred_until": _iso(s.deferred_until), "deferral_reason": s.deferral_reason},
            "part2_form": s.part2_form,
            "part2": part2,
            "personal_data": [p.to_dict() for p in self.personal_data],
            "needs_confirmation": self.needs_confirmation,
            "warnings": list(s.warnings) + list(self.warnings),
        }


def _iso(d) -> str | None:
    return d.isoformat() if d else None
