"""Words an officer writes for the public after publication (a withdrawal reason, a correction note), made
into one plain line before they are checked and stored.

Control characters (a NUL or a bell pasted from another program), invisible format characters (soft hyphens,
zero-width spaces, direction marks), lone surrogates and unassigned code points are dropped: XML cannot carry
the first (one such reason would break the whole Atom feed), and the others would hide a redacted name from
the check of :mod:`service.domain.redacted_text` while the page still shows it ("Sand\\u00adhu" reads "Sandhu").
Line breaks and runs of spaces become one space.
"""

from __future__ import annotations

import unicodedata

DROPPED = ("Cc", "Cf", "Cs", "Co", "Cn")


def plain_line(text: str) -> str:
    kept = "".join(" " if c.isspace() else c for c in text if c.isspace() or unicodedata.category(c) not in DROPPED)
    return " ".join(kept.split())
