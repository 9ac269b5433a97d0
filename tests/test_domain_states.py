"""The paper and part state machines (service/domain/states.py) are the ones the code runs.

- The clock's rules (``release.TRANSITIONS``) are exactly the table's moves made by the clock.
- The officers' actions take their allowed states from the table.
- Every state written by a guarded ``UPDATE … .values(state=…)`` or an assignment ``….state = "…"`` in
  service/domain/ is a state of the machine (a new state cannot be written without adding it to the table).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from service.domain import part_actions, release, retiring
from service.domain.models import LIFECYCLE_STATES
from service.domain.states import (PAPER_MOVES, PART_MOVES, PaperState, PartState, is_move, part_move,
                                   part_sources)

DOMAIN = Path(__file__).resolve().parent.parent / "service" / "domain"
OTHER_STATES = {"awaiting", "approved", "returned", "withdrawn", "superseded", "failed",  # approval requests
                "pending", "sending", "sent",                                           # the mail outbox
                "running", "ready"}                                                     # a preview


def test_the_clock_makes_exactly_the_tables_clock_moves():
    clock = {(m.number, old, m.new) for m in PART_MOVES if m.by == "clock" for old in m.old}
    assert {(t.number, t.old, t.new) for t in release.TRANSITIONS} == clock


@pytest.mark.parametrize("by, table", [("release now", part_actions.RELEASE_FROM),
                                       ("extend", part_actions.EXTEND_FROM), ("hold", part_actions.HOLD_FROM)])
def test_officers_actions_start_from_the_tables_states(by, table):
    assert table == part_sources(by)


def test_part_1_is_never_held_and_part_2_never_scheduled():
    assert part_sources("hold")[1] == () and part_move("hold", 1) is None
    assert not any(PartState.SCHEDULED in (m.new, *m.old) for m in PART_MOVES if m.number == 2)


def test_retiring_takes_every_part_state_but_the_retired_ones():
    retired = {PartState.WITHDRAWN, PartState.SUPERSEDED}
    assert {s for _, s in retiring.WAITING + retiring.PUBLIC} == set(PartState) - retired
    for by, new in (("withdrawal", PartState.WITHDRAWN), ("correction", PartState.SUPERSEDED)):
        for number, state in retiring.WAITING + retiring.PUBLIC:
            assert is_move(state, new, number), (by, number, state)


@pytest.mark.parametrize("old, new, number, expected", [
    ("uploaded", "analysing", None, True),
    ("ready", "published", None, True),
    ("published", "withdrawn", None, True),
    ("uploaded", "published", None, False),   # never published unanalysed
    ("withdrawn", "published", None, False),  # a withdrawal is final
    ("withheld", "released", 2, True),
    ("held", "released", 2, True),            # an officer's release now
    ("released", "withheld", 2, False),       # nothing made public is withheld again
    ("published", "scheduled", 1, False),
])
def test_moves(old, new, number, expected):
    assert is_move(old, new, number) is expected


def test_states_compare_as_the_strings_stored():
    assert PaperState.PUBLISHED == "published" and f"{PartState.HELD}" == "held"
    assert set(LIFECYCLE_STATES) == {"withdrawn", "superseded"}


def _written_states() -> set[tuple[str, int, str]]:
    """(file, line, state) of each ``state="…"`` keyword, ``"state": "…"`` in ``values(**{…})`` and
    ``x.state = "…"`` in service/domain/."""
    found = set()
    for path in DOMAIN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.keyword) and node.arg == "state" and isinstance(node.value, ast.Constant):
                found.add((path.name, node.value.lineno, node.value.value))
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and any(
                    isinstance(t, ast.Attribute) and t.attr == "state" for t in node.targets):
                found.add((path.name, node.lineno, node.value.value))
    return found


def test_every_state_the_domain_writes_is_a_state_of_a_machine():
    known = set(PaperState) | set(PartState) | OTHER_STATES
    unknown = sorted(w for w in _written_states() if w[2] not in known)
    assert not unknown, unknown
    assert {m.new for m in PAPER_MOVES} <= set(PaperState)
