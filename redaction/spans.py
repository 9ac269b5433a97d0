"""Stretches of text as ``(start, end)`` character offsets, end exclusive.

Two spans overlap when they share at least one character; spans that only touch (one ends where the
other starts) do not.
"""

from __future__ import annotations

from collections.abc import Iterable


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when ``[a_start, a_end)`` and ``[b_start, b_end)`` share a character."""
    return a_start < b_end and b_start < a_end


def overlaps_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` shares a character with any of ``spans``."""
    return any(overlaps(start, end, s, e) for s, e in spans)
