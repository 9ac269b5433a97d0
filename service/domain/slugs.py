"""Slugs: the part of a public URL made from a paper's reference ("PCD 911" → ``pcd-911``), and the key by
which two references are the same decision (spacing and case aside)."""

from __future__ import annotations

import re


def slugify(text: str) -> str:
    """"PCD 911" → "pcd-911"; letters and digits only, at most 80 characters."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80].rstrip("-")


def slug_base(paper) -> str:
    """The slug a paper is published under before any "-2" for a taken one: its reference's, else its
    title's, else ``paper-<id>``."""
    return slugify(paper.reference or paper.title or "") or f"paper-{paper.id}"


def paper_name(paper) -> str:
    """What a page calls a paper: its title, else its reference, else its slug (the one given at
    publication, or the one it will be given). Never "None" and never empty."""
    return paper.title or paper.reference or getattr(paper, "slug", None) or slug_base(paper)
