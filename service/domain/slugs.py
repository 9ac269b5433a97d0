"""Slugs: the part of a public URL made from a paper's reference ("PCD 911" → ``pcd-911``), and the key by
which two references are the same decision (spacing and case aside)."""

from __future__ import annotations

import re


def slugify(text: str) -> str:
    """"PCD 911" → "pcd-911"; letters and digits only, at most 80 characters."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80].rstrip("-")
