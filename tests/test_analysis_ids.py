"""Decisions stay with the person: stable finding ids, the stored analysis read back, carry-over by content.

A roster, model or code change between review and publish must never move an officer's decision onto
another item: ids come from each item's content and place (not its rank), preview and publication use the
analysis stored at upload, and a paper analysed again carries decisions over by content — anything that
cannot be matched goes back to the officer.
"""

from __future__ import annotations

import copy
import json
import re

import pytest

from redaction import Analysis, analyse, redact
from redaction.analysis import PersonalData, assign_ids, stable_id
from redaction.carry import CONCERN, carry_over
from redaction.decisions import Decisions
from redaction.errors import DecisionNeeded, InputError
from redaction.structure import Structure
from tests.conftest import fixture_pdf, part2_paper


def item(text: str, page: int = 1, box=(100, 700, 160, 710), kind: str = "PERSON",
         action: str = "redact") -> PersonalData:
    return PersonalData(type=kind, text=text, page=page, part=1, action=action, reason="person's name",
                        score=0.9, boxes=[box])


A = item("Jane Hollowell", box=(100, 600, 170, 610))
B = item("Marion Keble", box=(100, 650, 160, 660), action="keep")  # found before A on the page
PHONE = item("020 7946 0123", box=(200, 600, 260, 610), kind="PHONE_NUMBER")


def ids(items):
    return [i.id for i in assign_ids(copy.deepcopy(items))]


# --- stable ids ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    ([A, PHONE], [B, A, PHONE]),            # a new finding above A (a roster change) ...
    ([A, PHONE], [PHONE, A]),               # ... another order ...
    ([B, A, PHONE], [A, PHONE]),            # ... a finding gone
])
def test_an_items_id_does_not_depend_on_the_other_findings(before, after):
    old = dict(zip([i.text for i in before], ids(before)))
    new = dict(zip([i.text for i in after], ids(after)))
    for text in set(old) & set(new):
        assert old[text] == new[text]


@pytest.mark.parametrize("a, b, same", [
    (item("Jane Hollowell"), item("jane  hollowell"), True),          # case and spacing aside
    (item("Jane O’Neill"), item("Jane O'Neill"), True),                # apostrophe style aside
    (item("Jane Hollowell"), item("Jane Hollowell", action="keep"), True),  # the policy's proposal aside
    (item("Jane Hollowell", box=(100.2, 700, 160, 710)), item("Jane Hollowell"), True),  # rounding
    (item("Jane Hollowell"), item("Jane Hollowell", page=2), False),  # another page
    (item("Jane Hollowell"), item("Jane Hollowell", box=(100, 680, 160, 690)), False),  # another line
    (item("Jane Hollowell"), item("Jane Hollowell", kind="SIGNATURE"), False),
    (item("Jane Hollowell"), item("Jane Holloway"), False),
])
def test_ids_come_from_type_text_page_and_place(a, b, same):
    assert (stable_id(a) == stable_id(b)) is same


def test_ids_are_short_page_prefixed_and_unique_with_a_suffix_for_a_duplicate():
    got = ids([A, PHONE, copy.copy(A)])
    assert all(re.fullmatch(r"p1-[0-9a-f]{6}(-\d+)?", i) for i in got)
    assert got[2] == got[0] + "-2" and len(set(got)) == 3


# --- the stored analysis ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    data = fixture_pdf("seed_pcd956.libreoffice.pdf")
    return data, analyse(data, "seed.pdf")


def test_an_analysis_reads_back_from_its_json_unchanged(seed):
    _, analysis = seed
    stored = json.loads(json.dumps(analysis.to_dict()))
    again = Analysis.from_dict(stored)
    assert again.to_dict() == stored and again.document is None
    assert again.needs_confirmation == analysis.needs_confirmation
    assert again.structure.part2_start == analysis.structure.part2_start


def test_redaction_with_the_stored_analysis_removes_the_same(seed):
    data, analysis = seed
    stored = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    fresh, again = redact(data, analysis, detect=False), redact(data, stored, detect=False)
    assert again.report["removed"] == fresh.report["removed"]
    assert again.report["split"] == fresh.report["split"]


GOOD = {"pages": 1, "part1": {}, "needs_confirmation": [], "personal_data": []}


@pytest.mark.parametrize("broken", [
    {}, [], {"pages": 1},
    {**GOOD, "needs_confirmation": None},       # a missing concern would skip the officer's confirmation
    {k: v for k, v in GOOD.items() if k != "personal_data"},  # no findings would redact nothing
    {**GOOD, "personal_data": [{"id": "x"}]},
    {**GOOD, "personal_data": [{"id": "a", "type": "PERSON", "text": "X", "page": 1, "action": "maybe"}]},
    {**GOOD, "personal_data": [{"id": "a", "type": "PERSON", "text": "X", "page": 1, "action": "keep"}] * 2},
    {**GOOD, "personal_data": [{"id": "a", "type": "PERSON", "text": "X", "page": 1, "action": "keep",
                                "boxes": [[1, 2, 3]]}]},
])
def test_an_unreadable_stored_analysis_is_refused(broken):
    with pytest.raises(InputError, match="analyse the paper again"):
        Analysis.from_dict(broken)
    assert Analysis.from_dict(GOOD).personal_data == []


# --- carry-over by content ----------------------------------------------------------------------------------

def analysis_of(items) -> Analysis:
    return Analysis(file="x.pdf", pages=2, structure=Structure(), personal_data=assign_ids(copy.deepcopy(items)))


def as_json(items) -> dict:
    return analysis_of(items).to_dict()


def positional(items) -> dict:
    """An analysis JSON as older releases wrote it: ids by rank on the page ("p1-2")."""
    a = analysis_of(items).to_dict()
    counts: dict[int, int] = {}
    for p in a["personal_data"]:
        counts[p["page"]] = counts.get(p["page"], 0) + 1
        p["id"] = f"p{p['page']}-{counts[p['page']]}"
    return a


def decided(analysis: dict | Analysis, text: str) -> str:
    items = analysis["personal_data"] if isinstance(analysis, dict) else [i.to_dict() for i in analysis.personal_data]
    return next(p["id"] for p in items if p["text"] == text)


MOVED_A = item("Jane Hollowell", box=(101, 600.5, 172, 610.2))   # read a little differently, same place
A_ELSEWHERE = item("Jane Hollowell", box=(100, 500, 170, 510))   # the same name, another line
NEW_REDACTED = item("Tom Pelling", box=(100, 650, 150, 660))     # a model change finds one more, above A


@pytest.mark.parametrize("old_items, old_json, new_items, keeps, unmatched, new", [
    # a roster change: B (kept by the roster) is found above A; A's keep stays on A
    ([A, PHONE], as_json, [B, A, PHONE], ["Jane Hollowell"], [], ["Marion Keble"]),
    # a model change: a new person above A, redacted by default; A's keep stays on A
    ([A, PHONE], as_json, [NEW_REDACTED, A, PHONE], ["Jane Hollowell"], [], ["Tom Pelling"]),
    # an upgrade: decisions made on rank ids ("p1-1") follow A to its stable id
    ([A, PHONE], positional, [B, A, PHONE], ["Jane Hollowell"], [], ["Marion Keble"]),
    # A's box read slightly differently: still A
    ([A, PHONE], as_json, [MOVED_A, PHONE], ["Jane Hollowell"], [], []),
    # A no longer found: its decision goes back to the officer, never to the same name elsewhere
    ([A, PHONE], as_json, [A_ELSEWHERE, PHONE], [], ["Jane Hollowell"], ["Jane Hollowell"]),
    ([A, PHONE], positional, [PHONE], [], ["Jane Hollowell"], []),
])
def test_decisions_follow_their_item_by_content(old_items, old_json, new_items, keeps, unmatched, new):
    old = old_json(old_items)
    new_analysis = analysis_of(new_items)
    before = [i.id for i in new_analysis.personal_data]
    carried = carry_over(old, {"items": {decided(old, "Jane Hollowell"): "keep"}, "redact_texts": ["Nightjar"]},
                         new_analysis)
    by_id = {i.id: i for i in new_analysis.personal_data}
    assert [i.id for i in new_analysis.personal_data] == before  # ids are the new analysis's own
    assert sorted(by_id[k].text for k, v in carried.decisions["items"].items() if v == "keep") == keeps
    assert carried.decisions["redact_texts"] == ["Nightjar"]
    assert [u["text"] for u in carried.unmatched] == unmatched
    assert [by_id[i].text for i in carried.new] == new
    assert new_analysis.to_dict()["carried_over"]["new"] == carried.new
    # anything the officer has not seen needs their confirmation before publication
    assert (CONCERN in new_analysis.needs_confirmation) is bool(unmatched or new)


def test_nothing_changed_needs_no_confirmation_and_an_old_confirmation_is_dropped():
    old = analysis_of([A, PHONE]).to_dict()
    new_analysis = analysis_of([A, PHONE])
    carried = carry_over(old, {"items": {decided(old, "Jane Hollowell"): "keep"}, "confirmed": [CONCERN]},
                         new_analysis)
    assert new_analysis.needs_confirmation == [] and carried.decisions["confirmed"] == []
    assert carried.decisions["items"] == {decided(new_analysis, "Jane Hollowell"): "keep"}


def test_redaction_waits_for_the_officer_after_a_change(seed):
    data, analysis = seed
    old = analysis.to_dict()
    old["personal_data"][0]["text"] = "Someone Else"  # a decision on an item the new analysis lacks
    new_analysis = Analysis.from_dict(analysis.to_dict())
    carried = carry_over(old, {"items": {old["personal_data"][0]["id"]: "keep"}}, new_analysis)
    assert carried.unmatched and carried.decisions["items"] == {}
    with pytest.raises(DecisionNeeded, match="confirmation"):
        redact(data, new_analysis, Decisions.from_dict(carried.decisions), detect=False)
    confirmed = Decisions.from_dict({**carried.decisions, "confirmed": [CONCERN]})
    assert redact(data, new_analysis, confirmed, detect=False).part1.startswith(b"%PDF")


def test_a_paper_analysed_twice_gives_its_items_the_same_ids():
    """`foia analyse` twice: the ids of the first run name the same items in the second."""
    data = part2_paper()
    first, again = analyse(data), analyse(data)
    assert [(p.id, p.text) for p in again.personal_data] == [(p.id, p.text) for p in first.personal_data]


def test_an_undecided_item_whose_proposal_changed_is_listed_for_the_officer():
    old = as_json([A, item("Marion Keble", box=(100, 650, 160, 660))])   # proposed: redact
    new_analysis = analysis_of([A, B])                                     # the roster now keeps her
    carried = carry_over(old, {"items": {decided(old, "Jane Hollowell"): "keep"}}, new_analysis)
    assert carried.changed == [decided(new_analysis, "Marion Keble")] and carried.new == []
    assert CONCERN in new_analysis.needs_confirmation
