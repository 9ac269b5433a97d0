"""The list's Part 2 tag (issue 16, fifth pass): ``part2_tag`` is worked out once per state, place in the file and
release date, and must say exactly what ``part2_status`` says for every Part 2 the list can show."""

from datetime import date, datetime, timezone
from itertools import product

from service.domain.public_rows import PartRow
from service.web.public.status import part2_status, part2_tag

EXEMPT = [{"section": "43", "title": "Commercial interests"}]


def part(state: str, in_file: bool, release_on, review_on, released_at, exemptions) -> PartRow:
    return PartRow(id=1, number=2, state=state, file_key=None, in_file=in_file, size=0, pages=0, publish_on=None,
                   release_on=release_on, review_on=review_on, released_at=released_at, exemptions=exemptions,
                   redactions=None, updated_at=None)


def test_the_tag_is_the_status_state_and_short_text():
    assert part2_tag(None) == (part2_status(None).state, part2_status(None).short)
    for state, in_file, release_on, review_on, released_at, exemptions in product(
            ("withheld", "review", "released", "scheduled", "published"), (True, False),
            (None, date(2027, 9, 30), date(2031, 1, 1)), (None, date(2027, 3, 1), date(2027, 3, 14)),
            (None, datetime(2025, 4, 1, 9, tzinfo=timezone.utc)), (None, EXEMPT)):
        p = part(state, in_file, release_on, review_on, released_at, exemptions)
        status = part2_status(p)
        assert part2_tag(p) == (status.state, status.short), p
