"""The paper and part state machines: every state, and every move between states with who makes it.

The tables are the design; the code that moves a row reads them: the clock's rules
(:data:`service.domain.release.TRANSITIONS`), the officers' actions on a part
(:mod:`service.domain.part_actions`) and retiring a paper's parts (:mod:`service.domain.retiring`) take
their states from :data:`PART_MOVES`; ``tests/test_domain_states.py`` checks that they agree and that every
state written in ``service/domain/`` is a state of a machine. Each move is one guarded change (``UPDATE …
WHERE state = <old>``), so two callers can never make the same move twice.

A paper: ``uploaded → analysing → ready | failed``, ``ready → published``, then ``withdrawn`` or
``superseded`` (docs/architecture.md, glossary). Part 1: ``draft | scheduled → published``; Part 2:
``withheld → review | released | held``; every part of a retired paper ends ``withdrawn`` or ``superseded``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PaperState(StrEnum):
    UPLOADED = "uploaded"      # stored; analysis waits (or starts again)
    ANALYSING = "analysing"
    READY = "ready"            # analysed: the officer reviews it
    FAILED = "failed"          # the analysis refused the file (the reason is shown)
    PUBLISHED = "published"    # redacted, verified and stored; Part 1 may still be scheduled
    WITHDRAWN = "withdrawn"    # taken down with a public notice (410)
    SUPERSEDED = "superseded"  # replaced by a corrected version


class PartState(StrEnum):
    DRAFT = "draft"            # Part 1 being published now (a moment inside the publication)
    SCHEDULED = "scheduled"    # Part 1 deferred until its date
    PUBLISHED = "published"    # Part 1 public
    WITHHELD = "withheld"      # Part 2 waiting for its release or review date (or for an officer)
    REVIEW = "review"          # Part 2 review due: in the officers' queue
    HELD = "held"              # Part 2 kept withheld by an officer, no date: the clock never releases it
    RELEASED = "released"      # Part 2 public
    WITHDRAWN = "withdrawn"    # the paper was withdrawn
    SUPERSEDED = "superseded"  # the paper was replaced by a correction


@dataclass(frozen=True)
class Move:
    """``old`` → ``new`` made by ``by``; ``number`` is the part (1 or 2), None for a paper."""

    by: str
    old: tuple[str, ...]
    new: str
    number: int | None = None


P = PaperState
S = PartState

PAPER_MOVES = (
    Move("analysis", (P.UPLOADED,), P.ANALYSING),                   # claimed by one worker
    Move("analysis", (P.ANALYSING,), P.READY),
    Move("analysis", (P.ANALYSING,), P.FAILED),
    Move("analysis", (P.ANALYSING,), P.UPLOADED),                   # stopping, or stale: analysed again
    Move("analyse again", (P.READY,), P.UPLOADED),
    Move("publication", (P.READY,), P.PUBLISHED),                   # or the approval that publishes it
    Move("withdrawal", (P.PUBLISHED,), P.WITHDRAWN),
    Move("correction", (P.PUBLISHED,), P.SUPERSEDED),
)

_WAITING = {1: (S.DRAFT, S.SCHEDULED), 2: (S.WITHHELD, S.REVIEW, S.HELD)}
_PUBLIC = {1: (S.PUBLISHED,), 2: (S.RELEASED,)}

PART_MOVES = (
    # publication: Part 1 is made "draft" (published at once) or "scheduled"; Part 2 is made "withheld".
    Move("publication", (S.DRAFT,), S.PUBLISHED, 1),
    # the clock, on the part's date (service.domain.release)
    Move("clock", (S.SCHEDULED,), S.PUBLISHED, 1),
    Move("clock", (S.WITHHELD,), S.RELEASED, 2),
    Move("clock", (S.WITHHELD,), S.REVIEW, 2),
    # an officer, before the clock (service.domain.part_actions)
    Move("release now", (S.SCHEDULED,), S.PUBLISHED, 1),
    Move("release now", (S.WITHHELD, S.REVIEW, S.HELD), S.RELEASED, 2),
    Move("extend", (S.SCHEDULED,), S.SCHEDULED, 1),
    Move("extend", (S.WITHHELD, S.REVIEW, S.HELD), S.WITHHELD, 2),
    Move("hold", (S.WITHHELD, S.REVIEW), S.HELD, 2),
    # the paper retired (service.domain.retiring): waiting parts are cancelled, public ones taken down
    *(Move(by, _WAITING[n] + _PUBLIC[n], new, n) for by, new in (("withdrawal", S.WITHDRAWN),
                                                                  ("correction", S.SUPERSEDED)) for n in (1, 2)),
)

WAITING_PART_STATES = tuple((n, s) for n in (1, 2) for s in _WAITING[n])
PUBLIC_PART_STATES = tuple((n, s) for n in (1, 2) for s in _PUBLIC[n])


def part_move(by: str, number: int) -> Move | None:
    """The one move ``by`` makes on Part ``number`` (None: it makes none)."""
    found = [m for m in PART_MOVES if m.by == by and m.number == number]
    if len(found) > 1:
        raise ValueError(f"{by!r} makes {len(found)} moves on part {number}")
    return found[0] if found else None


def part_sources(by: str) -> dict[int, tuple[str, ...]]:
    """``{part number: the states from which ``by`` may move it}`` (an empty tuple: never)."""
    return {n: tuple(s for m in PART_MOVES if m.by == by and m.number == n for s in m.old) for n in (1, 2)}


def is_move(old: str, new: str, number: int | None = None) -> bool:
    """True when ``old`` → ``new`` is a listed move (of a paper when ``number`` is None)."""
    table = PAPER_MOVES if number is None else PART_MOVES
    return any(m.number == number and old in m.old and m.new == new for m in table)
