"""Table-driven tests of the issue-13 classes a never-seen scan set showed when it was measured, written
with our own sentences (fictional people, Ofcom drama numbers), none taken from the scanned papers:

- the signer's first name (or whole name) written by hand on the line right above "Signed: <name>" /
  "Signature: <name>" is part of the signature, redacted with it; a word that is not the signer's name
  above the label stays text.
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
