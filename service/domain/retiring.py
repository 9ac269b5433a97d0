"""Taking a paper's parts off the public site and off the release clock, exactly once.

Used when a paper is withdrawn (parts → ``withdrawn``) and when a correction replaces it (parts →
``superseded``). Like the release sweep (:mod:`service.domain.release`), every change is one guarded
``UPDATE parts SET state = <new> WHERE paper_id = … AND number = … AND state = <expected> RETURNING id``
with its audit event added to the same transaction (the caller commits both or neither):

- a part still waiting — Part 1 ``draft``/``scheduled``, Part 2 ``withheld``/``review``/``held`` — is
  cancelled, so no date job or sweep can release it afterwards (its ``WHERE state = 'withheld'`` no longer
  matches);
- a public part — Part 1 ``published``, Part 2 ``released`` — is taken down.

Waiting states are updated before public ones: a release that commits between the two statements moves
a part from ``withheld`` to ``released``, and the second statement (a new snapshot under READ COMMITTED,
the only writer at a time on SQLite) still takes it down.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from service.domain.models import AuditEvent, Part
from service.domain.states import PUBLIC_PART_STATES, WAITING_PART_STATES

WAITING = WAITING_PART_STATES  # cancelled first (see above)
PUBLIC = PUBLIC_PART_STATES    # then taken down


def retire_parts(session: Session, paper_id: int, new_state: str, *, now: datetime, actor: str,
                 user_id: int | None) -> dict[str, int]:
    """Move every part of the paper to ``new_state``; returns counts ``{"cancelled", "taken_down"}``.

    Does not commit: the caller's transaction holds the paper's own change and these together.
    """
    counts = {"cancelled": 0, "taken_down": 0}
    for group, states in (("cancelled", WAITING), ("taken_down", PUBLIC)):
        for number, old in states:
            rows = session.execute(
                update(Part).where(Part.paper_id == paper_id, Part.number == number, Part.state == old)
                .values(state=new_state, updated_at=now).returning(Part.id)
                .execution_options(synchronize_session=False)).all()
            if not rows:
                continue
            what = "release cancelled" if group == "cancelled" else "taken down"
            session.execute(insert(AuditEvent), [
                {"at": now, "user_id": user_id, "actor": actor, "action": f"part {number} {what}",
                 "paper_id": paper_id, "details": {"part_id": part_id, "from": old, "state": new_state}}
                for (part_id,) in rows])
            counts[group] += len(rows)
    return counts
