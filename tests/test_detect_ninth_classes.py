"""Table-driven tests of the issue-12 classes the ninth set showed when it was measured (ab5fb06, to-redact
recall 0.938), written with our own sentences (fictional people), none taken from the labelled papers:

- a given name and a surname NER does not know, both no English word, standing alone ("Apologies from Jovan
  Petrović.", "a man on the unit, Darnell\\nRuttledge, about"), read as a name by the unknown-words rule;
- a first name signing off a released e-mail at its line's end, the next line capitalised ("... 0141 496 0172?
  Morven" / "Released e-mail 2");
- and what is not a name though both words are unknown: Welsh, Irish and other languages' words of place and
  firm ("Ysbyty Maddocks", "Bronglais Isaf", "Slieve Croob", "São Paulo", "Société Foncière"), and pairs inside
  a longer proper name.
"""

import pytest

from tests.detect_found import redacted


@pytest.mark.parametrize("text, expected", [
    ("The restraint of Radovan Kostadinović by two officers was reviewed.", ["Radovan Kostadinović"]),
    ("A man on the segregation unit, Dashawn\nRuttlidge, complained about delays.", ["Dashawn Ruttlidge"]),
    ("Panel: Yevdokia Tkachenko (Mission Coordinator) and others.", ["Yevdokia Tkachenko"]),
    ("Apologies from Radovan Kostadinović and Dashawn Ruttlidge.", ["Radovan Kostadinović", "Dashawn Ruttlidge"]),
])
def test_two_unknown_words_standing_alone_are_a_name(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", [
    "Patients moved from Ysbyty Maddocks to the Bronglais Isaf ward.",
    "The walk crosses Slieve Croob above the town.",
    "The supplier is based in São Paulo; its parent is Société Foncière.",
    "The Cwmtaf Morgannwg University Health Board approved it.",
])
def test_places_and_firms_of_unknown_words_are_not_names(text):
    assert redacted(text) == []


def test_a_first_name_ending_its_line_is_the_person_whatever_the_next_line_starts_with():
    text = ("From: Ailsa Drummond-Kerr (Charge Nurse) <ailsa.drummondkerr@nhs.scot>\nTo: Fionnlagh Baird\n"
            "Fionnlagh, four patients are fit to go. Call me on 0141 496 0173? Ailsa\nReleased e-mail 2\n")
    assert redacted(text) == ["Ailsa Drummond-Kerr", "Fionnlagh Baird", "Fionnlagh", "Ailsa"]
