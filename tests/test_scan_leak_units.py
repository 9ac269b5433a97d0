"""Table-driven tests of the OCR-side issue-13 classes a never-seen scan set showed, with our own words
(fictional people), none taken from the scanned papers: an e-mail address OCR split after a short word
ending in "." ("wren." / "ashby@...") is joined again into one address, whatever the case OCR read, an
opening bracket before it, or a line of its own OCR gave the word that touches the rest on the same row;
a double-barrelled surname OCR split at its hyphen ("Trevanion- -Okwuosa", "Trevanion - Okwuosa") is one word."""

from __future__ import annotations

import pytest

from redaction.picture_text import Word, mend_addresses, mend_hyphens


def _row(*texts: str, lines: tuple[int, ...] | None = None, gap: float = 4.0) -> list[Word]:
    out, x = [], 10.0
    for i, t in enumerate(texts):
        out.append(Word(t, (x, 100.0, x + 6 * len(t), 110.0), lines[i] if lines else 1, 90.0))
        x += 6 * len(t) + gap
    return out


@pytest.mark.parametrize("pieces, lines, expected", [
    (["to", "Wren.", "Ashby@example.org.uk"], None, ["to", "Wren.Ashby@example.org.uk"]),
    (["(tamsin.", "roskilly@example.gov.uk)"], None, ["(tamsin.roskilly@example.gov.uk)"]),
    # OCR gave the first piece a line of its own though it touches the rest on the same row
    (["Contact", "perran.", "vosper@example.org.uk"], (1, 2, 3), ["Contact", "perran.vosper@example.org.uk"]),
    (["Perran.", "Vosper@example.org.uk", "today"], (4, 5, 5), ["Perran.Vosper@example.org.uk", "today"]),
])
def test_a_short_word_ending_in_a_dot_before_an_address_is_its_start(pieces, lines, expected):
    words = _row(*pieces, lines=lines)
    mended = mend_addresses(words)
    assert [w.text for w in mended] == expected
    joined = next(w for w in mended if "@" in w.text)
    first = next(w for w in words if joined.text.startswith(w.text.rstrip(".")))
    assert joined.box[0] == first.box[0] and joined.box[2] == words[[w.text for w in words].index(
        next(p for p in pieces if "@" in p))].box[2]


@pytest.mark.parametrize("pieces, lines, gap", [
    (["Regards,", "perran.vosper@example.org.uk"], None, 4.0),     # no dot: a word of its own
    (["perran.", "vosper@example.org.uk"], (1, 2), 40.0),          # far apart on different lines
])
def test_other_words_stay_apart(pieces, lines, gap):
    assert [w.text for w in mend_addresses(_row(*pieces, lines=lines, gap=gap))] == pieces


def test_words_on_rows_above_each_other_are_not_joined():
    above = Word("perran.", (10.0, 80.0, 52.0, 90.0), 1, 90.0)
    below = Word("vosper@example.org.uk", (56.0, 100.0, 182.0, 110.0), 2, 90.0)
    assert [w.text for w in mend_addresses([above, below])] == ["perran.", "vosper@example.org.uk"]


@pytest.mark.parametrize("pieces, expected", [
    (["Signed:", "Odile", "Trevanion-", "-Okwuosa,", "Chair"], ["Signed:", "Odile", "Trevanion-Okwuosa,", "Chair"]),
    (["Odile", "Trevanion", "-", "Okwuosa"], ["Odile", "Trevanion-Okwuosa"]),
    (["Odile", "Trevanion-", "Okwuosa"], ["Odile", "Trevanion-Okwuosa"]),
    (["Odile", "Trevanion", "-Okwuosa"], ["Odile", "Trevanion-Okwuosa"]),
])
def test_a_surname_split_at_its_hyphen_is_joined(pieces, expected):
    words = _row(*pieces)
    mended = mend_hyphens(words)
    assert [w.text for w in mended] == expected
    whole = next(w for w in mended if "-" in w.text)
    assert whole.box[0] == next(w for w in words if w.text.startswith("Trevanion")).box[0]
    assert whole.box[2] == next(w for w in words if "Okwuosa" in w.text).box[2]


@pytest.mark.parametrize("pieces", [
    ["Odile", "Trevanion", "-", "Chair"],   # a dash before an office between spaces
    ["2031", "-", "2032"],
    ["Item", "4", "-", "Budget"],
])
def test_a_dash_between_words_stays(pieces):
    assert [w.text for w in mend_hyphens(_row(*pieces))] == pieces


def test_the_joined_surname_is_found_whole():
    from tests.detect_found import redacted

    text = " ".join(w.text for w in mend_hyphens(_row("A", "note", "from", "Odile", "Trevanion", "-", "Okwuosa.")))
    assert redacted(text) == ["Odile Trevanion-Okwuosa"]
