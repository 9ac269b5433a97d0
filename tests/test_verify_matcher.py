"""The verifier's own matcher and link decoding: every form a reader, a producer or a link may give a
removed value is found; ordinary words that merely contain a short value are not."""

from pathlib import Path

import pytest

from redaction import LeakDetected
from redaction.verification.detection import check_detection
from redaction.verification.links import readings
from redaction.verification.matcher import Matcher

PHONE = "020 7946 0456"
NAME = "Oliver Quist"


@pytest.mark.parametrize("value,text,found", [
    (NAME, "Contact OLIVER QUIST today", True),
    (NAME, "Contact Ólíver Quist", True),  # accents stripped on both sides
    (NAME, "Oliver\nQuist", True),
    (NAME, "Oli-\nver Quist", True),  # a hyphen at a line end
    (NAME, "MrOliverQuistsaid", True),  # a reader that runs words together
    (NAME, "oliver.quist@example.gov.uk", True),
    (NAME, "Oliverio Quistorp", False),
    (PHONE, "+44 (0)20 7946 0456", True),
    (PHONE, "tel:+442079460456", True),
    (PHONE, "0044 20 7946 0456", True),
    (PHONE, "020-7946-0456", True),
    (PHONE, "(020) 7946.0456", True),
    (PHONE, "020 7946 0457", False),
    ("Ann", "planning and annual reports", False),
    ("Ann", "Ann said", True),
    ("Ann", "A nn", True),  # a reader's stray space inside a short word still counts
    # letters a producer wrote byte-swapped into its ToUnicode map (Ghostscript's ligatures: U+6600 for "f")
    ("Rhys Griffiths", "Mr Rhys Gri\u6600\u6600\u6900ths wrote", True),
    ("Clement Moffat", "signed: Clement Mo\u6600\u6600at", True),
])
def test_matcher(value, text, found):
    assert Matcher([value]).search(text) is found


def test_binary_data_is_matched_on_long_values_and_phone_digits_only():
    matcher = Matcher(["Ann", NAME, PHONE])
    assert not matcher.search_binary(b"\x00\x01 ann \x02")
    assert matcher.search_binary(b"\x00O\x00l\x00i\x00v\x00e\x00r\x00 \x00Q\x00u\x00i\x00s\x00t")  # UTF-16
    assert matcher.search_binary(b"\x9c 02079460456 \x00")


@pytest.mark.parametrize("uri,value", [
    ("https://example.org/?who=Oliver+Quist", NAME),
    ("https://example.org/?who=%4Fliver%2520Quist", NAME),  # encoded twice
    ("mailto:%22Oliver%20Quist%22%20%3Cpress@example.org%3E", NAME),
    ("mailto:oliver.quist@example.gov.uk?subject=Hello", NAME),
    ("tel:+44-20-7946-0456", PHONE),
    ("tel:%2B442079460456", PHONE),
])
def test_link_readings_find_the_value(uri, value):
    assert Matcher([value]).search("\n".join(readings(uri)))


def test_detection_check_fires_on_an_unredacted_page():
    data = (Path(__file__).parent / "adversarial" / "black_rectangle.pdf").read_bytes()
    with pytest.raises(LeakDetected) as err:
        check_detection(data, [[]], Matcher([NAME]), 1)
    assert err.value.checks == ["detection"]


def test_distinctive_words_are_the_persons_not_the_domains():
    from redaction.verification.source import Source
    from redaction.verification.tokens import distinctive

    source = Source(pages=[], poppler=[], kept=["the report of mike for the council"])
    found = distinctive(["mike.west@example.gov.uk", "Mike West", "07700 900987"], source)
    assert found == {"west", "07700", "900987"}


def test_texts_folded_by_table_fold_as_they_fold_whole():
    """Latin-1 and the punctuation page texts hold beyond it are folded a character at a time (matcher._SIMPLE):
    the same result as folding the text whole, on every pair of those characters and on random strings."""
    import random

    from redaction.verification import matcher as m

    def whole(text: str) -> str:
        return m._NOT_WORD.sub(" ", m.fold(text)).strip()

    chars = [chr(c) for c in m._SIMPLE]
    assert all(m._collapse(a + b) == whole(a + b) for a in chars for b in chars)
    rng = random.Random(16)
    for _ in range(3000):
        text = "".join(rng.choice(chars + ["a", " ", "Z", "9"]) for _ in range(rng.randint(1, 40)))
        assert m._collapse(text) == whole(text)
    assert m._NOT_SIMPLE.search("Quist\u2019s \u2013 \u2022 caf\u00e9") is None
    assert m._NOT_SIMPLE.search("cafe\u0301") is not None  # a combining mark: folded whole


def test_byte_tables_fold_as_the_character_tables():
    """Latin-1 text (every stream read as text) and ASCII are folded by byte tables, page texts' Latin-1 runs
    too: the same result as ``str.translate`` by the character tables, on every byte and on random data
    thick with the characters that fold to more than one (``ß``, ``¼``, ``µ``); a byte-swapped letter
    beside page punctuation is still read as its letter."""
    import random

    from redaction.verification import matcher as m

    gaps = {c: " " for c in range(128) if not chr(c).isalnum()}
    rng = random.Random(16)
    wide = [c for c, _ in m._LATIN1_WIDE]
    for text in [chr(c) * 2 for c in range(256)] + [
            "".join(rng.choice([chr(rng.randrange(256)), *wide]) for _ in range(rng.randint(1, 60)))
            for _ in range(3000)]:
        assert m._collapse(text) == " ".join(text.translate(m._LATIN1).split())
    for text in ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(1, 60))) for _ in range(1000)]:
        assert m._collapse(text) == " ".join(text.lower().translate(gaps).split())
    assert m.collapse("Gri\u6600\u6600iths \u2013 Ro\u00df\u2019s") == "griffiths ross s"
