"""Public test data made fast: papers and parts inserted through the models and the storage class, with
real (small) PDF files, in any state. Tests of the real publishing path live in test_public_unreachable.py;
these rows have the same shape as ``service.domain.publishing.publish`` writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from service.domain import search_index
from service.domain.models import Paper, Part
from tests.textpdf import text_pdf

EXEMPT_S43 = [{"section": "43", "title": "Commercial interests", "until": "2027-09-30", "review": None}]


@dataclass
class Spec:
    """One paper as the public will (or will not) see it."""

    reference: str
    title: str
    published: datetime = datetime(2025, 4, 1, 9, 30, tzinfo=timezone.utc)
    summary: str | None = "A decision to approve spending."
    text: str = "Part 1 facts and advice."
    part1_state: str = "published"       # draft | scheduled | published
    publish_on: date | None = None
    part2: str | None = None             # None (no Part 2) | withheld | review | held | released
    part2_text: str = "Part 2 confidential facts."
    release_on: date | None = None
    review_on: date | None = None
    released_at: datetime | None = None
    exemptions: list = field(default_factory=lambda: list(EXEMPT_S43))
    paper_state: str = "published"       # uploaded | ready | failed | published
    redactions: dict | None = None


def redaction_counts(by_page: dict[str, int], kinds: dict[str, int] | None = None) -> dict:
    total = sum(by_page.values())
    return {"total": total, "by_type": kinds or {"PERSON": total}, "by_exemption": {"s40(2)": total},
            "by_page": by_page, "texts": 0}


def slug_of(reference: str) -> str:
    return reference.lower().replace(" ", "-")


def add(app, spec: Spec) -> dict:
    """Insert one paper; returns {"id", "slug", "original", "part1", "part2"} (file bytes for checks)."""
    store = app.extensions["foia.storage"]
    files: dict = {}
    with app.extensions["foia.db"].session() as db:
        original = text_pdf(f"{spec.reference}\n{spec.title}\n{spec.text}\n---page---\n{spec.part2_text}")
        key = store.new_key("originals")
        store.write(key, original)
        files["original"] = original
        paper = Paper(reference=spec.reference, title=spec.title, summary=spec.summary, state=spec.paper_state,
                      original_key=key, original_name="paper.pdf", original_size=len(original), page_count=2,
                      created_at=spec.published, updated_at=spec.published)
        if spec.paper_state == "published":
            paper.slug = slug_of(spec.reference)
            paper.published_at = spec.published
            files["part1"] = _part(store, paper, 1, f"{spec.reference}\n{spec.title}\n{spec.text}",
                                   state=spec.part1_state, publish_on=spec.publish_on, text=spec.text,
                                   released_at=spec.published if spec.part1_state == "published" else None,
                                   redactions=spec.redactions or redaction_counts({"1": 2}, {"PERSON": 1,
                                                                                           "PHONE_NUMBER": 1}),
                                   updated_at=spec.published)
            if spec.part2:
                released = spec.released_at or (spec.published if spec.part2 == "released" else None)
                files["part2"] = _part(store, paper, 2, spec.part2_text, state=spec.part2,
                                       release_on=spec.release_on, review_on=spec.review_on,
                                       exemptions=spec.exemptions, released_at=released,
                                       redactions=redaction_counts({"1": 1}),
                                       updated_at=released or spec.published)
        db.add(paper)
        db.flush()
        search_index.sync(db, [paper.id])  # as publication and the release sweep do
        db.commit()
        files.update(id=paper.id, slug=paper.slug)
    return files


def _part(store, paper: Paper, number: int, content: str, **fields) -> bytes:
    data = text_pdf(content)
    key = store.new_key("parts")
    store.write(key, data)
    paper.parts.append(Part(number=number, file_key=key, size=len(data), pages=1, **fields))
    return data


def add_many(app, specs: list[Spec]) -> list[dict]:
    return [add(app, spec) for spec in specs]
