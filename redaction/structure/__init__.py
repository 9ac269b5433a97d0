"""Stage 2: the paper's structure — reference, title, Part 1 deferral, Part 2 boundary and exemptions.

Everything is read from the document's joined text view (see :mod:`redaction.extract`), so headings broken
over lines or hyphenated at a line end are still found; positions map back to page characters, which
gives the Part 2 boundary as a page and a y coordinate.

Each concern is a small reader, a pure function that returns values:

- :mod:`.reference_title` — the paper's reference ("PCD 956") and title;
- :mod:`.deferral` — the "Public access to information" block: Part 1 deferral and "Is there a Part 2 form";
- :mod:`.part2_boundary` — where Part 2 starts, or a Part 2 withheld elsewhere, and the pages of each part;
- :mod:`.exemptions` — the FOIA sections (and Schedule 12A paragraphs) the Part 2 notice claims;
- :mod:`.exemption_dates` — the release and review dates of those exemptions (a table of date rules);
- :mod:`.checks` — what the officer is warned about once everything is read;

and :mod:`.read` composes them, top to bottom, into a :class:`Structure`.
"""

from .model import Exemption, Structure
from .read import read_part2_after, read_structure

__all__ = ["Exemption", "Structure", "read_part2_after", "read_structure"]
