"""Table-driven tests of the issue-13 classes a never-seen scan set showed when it was measured, written
with our own sentences (fictional people, Ofcom drama numbers), none taken from the scanned papers:

- the signer's first name (or whole name) written by hand on the line right above "Signed: <name>" /
  "Signature: <name>" is part of the signature, redacted with it; a word that is not the signer's name
  above the label stays text;
- an Irish particle or prefix ("Ó", "Ní", "Nic", "Mac", "Mc", "Ua") before a lenited or eclipsed surname
  ("Ó hEadhra", "Ní Bhraonáin", "Mac an tSionnaigh") after a given name is one name with it.
"""

import pytest

from tests.detect_found import found


@pytest.mark.parametrize("text, written", [
    ("The form is returned with my consent.\nPerpetua\nSigned: Perpetua Hollingdrake\nDate: 9 June 2031",
     "Perpetua"),
    ("Please act on this.\nOsric Tamblyn-Shaw\nSignature: Osric Tamblyn-Shaw", "Osric Tamblyn-Shaw"),
    ("Yours faithfully\n  Ludovica.\nSigned: Ludovica Penhallow", "Ludovica."),
])
def test_the_signers_name_written_above_the_label_is_the_signature(text, written):
    assert (written, "redact") in found(text, "SIGNATURE")


@pytest.mark.parametrize("text", [
    "Approved\nSigned: Perpetua Hollingdrake",
    "Yours sincerely,\nSigned: Perpetua Hollingdrake",
    "Perpetua asked for a copy of the form.\nSigned: Perpetua Hollingdrake",
])
def test_other_words_above_the_label_are_not_the_signature(text):
    assert [t for t, _ in found(text, "SIGNATURE")] == ["Perpetua Hollingdrake"]


@pytest.mark.parametrize("text, expected", [
    # Irish particles and prefixes after a given name: a lenited or eclipsed surname is part of the name
    ("Apologies were received from Pádraigín Ó hEadhra.", ["Pádraigín Ó hEadhra"]),
    ("Minutes taken by Saoirse Ní Bhraonáin, clerk.", ["Saoirse Ní Bhraonáin"]),
    ("Tadhgín Mac an tSionnaigh (Treasurer) presented the accounts.", ["Tadhgín Mac an tSionnaigh"]),
    ("Report author: Dearbháil Nic Giolla Easpaig", ["Dearbháil Nic Giolla Easpaig"]),
    ("A letter from Ciarán Ua hEaghra was read.", ["Ciarán Ua hEaghra"]),
    ("A letter from Ciarán Mc Fhionnlaoich was read.", ["Ciarán Mc Fhionnlaoich"]),
    # OCR drops the accent: the particle is still one
    ("A letter from Pádraigín O hEadhra and Saoirse Ni Bhraonáin was read.",
     ["Pádraigín O hEadhra", "Saoirse Ni Bhraonáin"]),
])
def test_irish_particles_and_prefixed_surnames_are_one_name(text, expected):
    assert [t for t, _ in found(text)] == expected
