"""Found by trying the service as a new officer (trial of 30 November 2026, fictional NHS FOI reply with e-mails)."""

import pytest

from service.web.officer.review_warnings import preview_failure


@pytest.mark.parametrize("error, words", [
    # A check of the whole file names no page: the preview said nothing but the check's name.
    ("Verification failed: raw-streams (part 1); nothing was published. Change your decisions and try again.",
     "A redacted value could still be found inside the file of Part 1 (in its data, not on a page)"),
    ("Verification failed: metadata (part 2); nothing was published.",
     "A redacted value could still be found inside the file of Part 2"),
    ("Verification failed: part2-ngrams (part 1); nothing was published.",
     "Part 1 would hold text of Part 2 (Part 1): check where Part 2 starts"),
    ("Verification failed: text-pdfium (part 1, page 2); nothing was published.",
     "A redacted value could still be read in Part 1, page 2"),
])
def test_a_preview_stopped_by_a_whole_file_check_says_what_to_check(error, words):
    said = preview_failure(error, "leak")
    assert said and said.startswith(words), said
