"""Limits applied to every input before any parsing work is done (uploads are hostile input)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    # Sum of all decompressed stream bytes; a 300-page text paper needs a few tens of MB at most.
    max_decompressed_bytes: int = 400 * 1024 * 1024
    # A single stream expanding more than this ratio over its compressed size is a bomb.
    max_stream_ratio: int = 2000
    max_objects: int = 500_000
    # Largest page side in points (72 a inch; A0 is 3370, the PDF maximum 14400): a huge page is a huge
    # picture for every reader and renderer after us.
    max_page_points: float = 5000.0


DEFAULT_LIMITS = Limits()
