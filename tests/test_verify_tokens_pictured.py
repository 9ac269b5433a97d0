"""The ``tokens`` check on scanned input: a word of a removed value counts as kept only when the verifier's own
OCR of the input's pictures shows it more often than the removed values holding it are read there. An
ordinary word inside an address ("foi.", "people.appeals@") that the scan also shows elsewhere stops failing
clean scans; a surname is never excused by a second reading of its own value, nor by an OCR misreading of the
address that holds it."""

import pytest

from redaction.verification.source import Source
from redaction.verification.tokens import distinctive

VALUES = ["foi.brennan-moss@wyvern.example.police.uk", "Haruto Brennan-Moss"]


def _source() -> Source:
    return Source([], [], "", "")  # a scan: no text layer, so no kept text from the text readers


@pytest.mark.parametrize("pictured, excused, counted", [
    # "FOI" in the reference is the word, apart from the address: excused; the surname is held by two values
    ("Request FOI 2030/1184\nContact Haruto Brennan-Moss, foi.brennan-moss@wyvern.example.police.uk",
     {"foi"}, {"brennan", "moss"}),
    # the address read twice: each reading is the value's, so nothing is excused
    ("foi.brennan-moss@wyvern.example.police.uk Haruto Brennan-Moss foi.brennan-moss@wyvern.example.police.uk",
     set(), {"foi", "brennan", "moss"}),
    # the address misread ("fol."): it still counts once against its words, so neither the surname nor "foi"
    # is excused (a misreading only ever makes the check stricter)
    ("Request FOI 2030/1184\nHaruto Brennan-Moss, fol.brennan-moss@wyvern.example.police.uk",
     set(), {"foi", "brennan", "moss"}),
    # no picture read: as before, every word of the values is distinctive
    ("", set(), {"foi", "brennan", "moss", "haruto"}),
])
def test_a_word_the_scan_shows_beyond_the_values_is_kept(pictured, excused, counted):
    found = distinctive(VALUES, _source(), pictured)
    assert not excused & found
    assert counted <= found
