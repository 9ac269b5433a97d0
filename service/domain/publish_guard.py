"""Refuse to publish a decision that is already published under the same reference.

Uploading the same paper again and publishing it used to create ``pcd-956-2``, ``-3`` … with no warning: two
public pages for one decision, and redactions that may differ between them. A paper whose reference (spacing
and case aside, as slugs compare) belongs to a published paper is refused with 409; a correction goes through
a new version of the published one (``service.domain.versions``: such a paper names it in ``previous_id``). Papers
without a reference are not compared.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.domain.models import Paper
from service.domain.slugs import slugify


def published_twin(db: Session, paper: Paper) -> Paper | None:
    """Another published paper with this paper's reference, unless this paper is a version of one."""
    if getattr(paper, "previous_id", None) is not None or not paper.reference:
        return None
    key = slugify(paper.reference)
    if not key:
        return None
    for other in db.scalars(select(Paper).where(Paper.id != paper.id, Paper.state == "published",
                                                Paper.reference.is_not(None)).order_by(Paper.id)):
        if slugify(other.reference) == key:
            return other
    return None


def refusal(twin: Paper) -> str:
    return (f"Nothing was published: {twin.reference} is already published ({twin.slug}). To change it, "
            "publish a correction as a new version of the published decision.")
