"""The error classes found by measuring the seventeenth never-seen set once (tests/detect_papers/new, split
seventeenth): each case is written here in words of its own, not copied from a paper, so a rule made for the
class, not for the example, is what passes.

Table cells are lines to detection (``redaction.detect.layout.cell_text``), so a row is written as lines.
"""

import pytest

from tests.detect_found import redacted

REDACTED = [
    # the name someone goes by, quoted between the given name and the surname, in a cell that wraps after it
    ('Case\nRaised by\nStatus\nFTSU/38/07\nPhilippa "Pip"\nOkonkwo-Rhys, staff\nnurse\nclosed\n',
     'Philippa "Pip" Okonkwo-Rhys'),
    ('Panel\nOutcome\nMargery "Madge"\nHallowes-Adjei\ndismissed\n', 'Margery "Madge" Hallowes-Adjei'),
    # a surname spread with its initial written before it on the line
    ("Complainant: Ms Temperance Okoli-Varga, tenant.\nContacts: Ms T. Okoli-Varga: 07700 900 617.",
     "T. Okoli-Varga"),
    # a double-barrelled surname whose second part has two letters
    ("Team inspectors: Bartholomew Ashdown-Ng (boarding) and a lay inspector.", "Bartholomew Ashdown-Ng"),
]


@pytest.mark.parametrize("text, name", REDACTED, ids=[n for _, n in REDACTED])
def test_redacted(text, name):
    assert "".join(name.split()) in ["".join(r.split()) for r in redacted(text)]


from tests.detect_found import kept  # noqa: E402


@pytest.mark.parametrize("text, action", [
    # a Commissioner rank in a paper that never mentions police is another body's post: the policy redacts
    ("Report approved by the Deputy Commissioner, Gwenllian Haf\nTreharne-Okafor, on 3 October.", "redact"),
    # ... in a police paper it is the chief officer rank the policy keeps
    ("Metropolitan Police Service. Approved by the Deputy Commissioner, Gwenllian Treharne-Okafor.", "keep"),
])
def test_commissioner_ranks_are_a_police_forces_only_in_a_police_paper(text, action):
    name = "Gwenllian Haf Treharne-Okafor" if "Haf" in text else "Gwenllian Treharne-Okafor"
    found = [" ".join(r.split()) for r in (redacted(text) if action == "redact" else kept(text))]
    assert name in found
