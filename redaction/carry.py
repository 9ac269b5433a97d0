"""Carry an officer's decisions over to a new analysis of the same paper, by content, never by rank.

A paper analysed again (a changed policy or roster, a new model, a new release of the engine) may find
items the earlier analysis did not, lose some, or word their ids differently (an older analysis numbered
items by rank: ``p1-2``). A decision follows its item: same type, same text (compared as ``content_key``),
same page, and a first box that meets the old one (the nearest if several do). A decision whose item cannot be found that way
is not applied to anything — it goes back to the officer (listed in ``unmatched``); an item the earlier
analysis did not have takes the action the new analysis proposes and is listed in ``new``; an item the
officer left to the proposal whose proposal changed (a roster or rank change) is listed in ``changed``.
Any of them makes the new analysis need the officer's confirmation (``findings_changed``) before
anything is published.

    carry_over(old_analysis: dict, decisions: dict, new: Analysis) -> Carried
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .analysis import Analysis, PersonalData, content_key

CONCERN = "findings_changed"
# The same item in two analyses of one file sits at the same place: its box may grow or shrink when the
# engine reads it differently, but it still meets the old one. The same words on the next line (a gap of a
# few points) are another mention, so only this much slack is allowed.
NEAR = 1.0


@dataclass
class Carried:
    decisions: dict  # the decisions JSON, item ids of the new analysis
    matched: dict[str, str] = field(default_factory=dict)  # old id -> new id (every old item found again)
    unmatched: list[dict] = field(default_factory=list)  # decided items not found again: {id, type, ...}
    new: list[str] = field(default_factory=list)  # ids of items the old analysis did not have
    changed: list[str] = field(default_factory=list)  # ids of undecided items whose proposed action changed

    @property
    def needs_officer(self) -> bool:
        return bool(self.unmatched or self.new or self.changed)

    def summary(self) -> dict:
        """What the officer is shown (the analysis's ``carried_over`` field)."""
        return {"unmatched": self.unmatched, "new": self.new, "changed": self.changed,
                "matched": len(self.matched)}


def carry_over(old_analysis: dict, decisions: dict | None, new: Analysis) -> Carried:
    """The decisions made on ``old_analysis`` (JSON) for ``new``; ``new`` gets ``carried_over`` and, when
    anything changed, the ``findings_changed`` concern. Non-item decisions (texts, boxes, Part 2, dates)
    are carried unchanged; a confirmation of ``findings_changed`` is dropped (it was about the old list)."""
    decisions = dict(decisions or {})
    old_items = [p for p in old_analysis.get("personal_data") or [] if isinstance(p, dict) and "id" in p]
    matched = match_items(old_items, new.personal_data)
    old_decided = dict(decisions.get("items") or {})
    by_old = {p["id"]: p for p in old_items}
    items: dict[str, str] = {}
    unmatched = []
    for old_id, action in old_decided.items():
        if old_id in matched:
            items[matched[old_id]] = action
        else:
            item = by_old.get(old_id, {})
            unmatched.append({"id": old_id, "decision": action, "type": item.get("type"),
                              "text": item.get("text"), "page": item.get("page")})
    order = [p.id for p in new.personal_data]
    new_ids = sorted(set(order) - set(matched.values()), key=order.index)
    proposed = {p.id: p.action for p in new.personal_data}
    changed = sorted((new_id for old_id, new_id in matched.items()
                      if old_id not in old_decided and by_old[old_id].get("action") != proposed[new_id]),
                     key=order.index)
    decisions["items"] = items  # kept even where the new proposal agrees: the decision is the officer's
    if "confirmed" in decisions:
        decisions["confirmed"] = [c for c in decisions["confirmed"] if c != CONCERN]
    carried = Carried(decisions=decisions, matched=matched, unmatched=unmatched, new=new_ids, changed=changed)
    new.carried_over = carried.summary()
    if carried.needs_officer and CONCERN not in new.structure.needs_confirmation:
        new.structure.needs_confirmation.append(CONCERN)
    return carried


def match_items(old_items: list[dict], new_items: list[PersonalData]) -> dict[str, str]:
    """Old id -> new id for every old item found again: one-to-one, an id unchanged first, then the
    nearest item of the same type, text and page whose first box meets the old one."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    new_by_key: dict[tuple, list[PersonalData]] = {}
    for item in new_items:
        new_by_key.setdefault((item.type, content_key(item.text), item.page), []).append(item)
    pairs = []
    for old in old_items:
        key = (old.get("type"), content_key(str(old.get("text", ""))), old.get("page"))
        for item in new_by_key.get(key, []):
            a, b = _first_box(old.get("boxes")), item.boxes[0] if item.boxes else None
            if a is not None and b is not None and _gap(a, b) <= NEAR:
                pairs.append((item.id != old["id"], _centres(a, b), old["id"], item.id))
    for _, _, old_id, new_id in sorted(pairs):  # exact ids first, then the closest pairs
        if old_id not in out and new_id not in taken:
            out[old_id] = new_id
            taken.add(new_id)
    return out


def _first_box(boxes) -> tuple | None:
    try:
        return tuple(float(v) for v in boxes[0]) if boxes else None
    except (TypeError, ValueError, IndexError):
        return None


def _gap(a, b) -> float:
    """How far apart two boxes are: 0 when they overlap. (An item without a box cannot be placed and is
    never matched on its text alone.)"""
    return max(a[0] - b[2], b[0] - a[2], a[1] - b[3], b[1] - a[3], 0.0)


def _centres(a, b) -> float:
    return abs((a[0] + a[2]) - (b[0] + b[2])) / 2 + abs((a[1] + a[3]) - (b[1] + b[3])) / 2
