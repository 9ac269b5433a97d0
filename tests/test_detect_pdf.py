"""Detection on rendered PDFs: page, part, boxes of exactly the item's glyphs, ids, reasons, no values
in logs, and no network while the engine is built and used."""

import logging
import socket

import pytest

from redaction.detect import engine, find_personal_data
from redaction.extract import extract
from redaction.limits import DEFAULT_LIMITS
from redaction.load import load
from redaction.structure import Structure
from tests.detect_eval import TEST_POLICY
from tests.textpdf import text_pdf

PAPER = """Report by DSU Mike West on behalf of the Chief of Corporate Services.
Contact Mike West on 020 7946 0123 or by e-mail to mike.west@met.police.uk, copying DAC Graham McNulty.
The network is funded by the Home Office and sponsored by Commander Nwosu.
---page---
Part 2 - exempt
Supplier contact: Bernard Achterberg, account manager, 0113 496 0555.
"""


def _doc(text):
    loaded = load(text_pdf(text), DEFAULT_LIMITS)
    try:
        return extract(loaded.pdfium)
    finally:
        loaded.close()


@pytest.fixture(scope="module")
def items():
    doc = _doc(PAPER)
    structure = Structure()
    structure.part2_start = (2, 10_000.0)  # everything on page 2 is Part 2
    return doc, find_personal_data(doc, structure, policy_file=TEST_POLICY)


def test_items_have_type_text_page_part_action_and_reason(items):
    _, found = items
    rows = sorted((i.type, i.text, i.page, i.part, i.action, i.reason) for i in found)
    assert rows == sorted([
        ("PERSON", "Mike West", 1, 1, "redact", "police officer below chief officer rank"),
        ("PERSON", "Mike West", 1, 1, "redact", "police officer below chief officer rank"),
        ("PHONE_NUMBER", "020 7946 0123", 1, 1, "redact", "UK phone number"),
        ("EMAIL_ADDRESS", "mike.west@met.police.uk", 1, 1, "redact", "e-mail address"),
        ("PERSON", "Graham McNulty", 1, 1, "keep", "police chief officer: Deputy Assistant Commissioner"),
        ("PERSON", "Nwosu", 1, 1, "keep", "police chief officer: Commander"),
        ("PERSON", "Bernard Achterberg", 2, 2, "redact", "person's name"),
        ("PHONE_NUMBER", "0113 496 0555", 2, 2, "redact", "UK phone number"),
    ])
    # ids come from each item's content and place (redaction.analysis.stable_id): page prefix, unique
    assert all(i.id.startswith(f"p{i.page}-") for i in found)
    assert len({i.id for i in found}) == len(found)
    tops = [(i.page, -i.boxes[0][3]) for i in found]
    assert tops == sorted(tops)
    assert {i.exemption for i in found} == {"s40(2)"}


def test_boxes_cover_exactly_the_glyphs_of_the_item(items):
    doc, found = items
    for item in found:
        page = doc.pages[item.page - 1]
        assert len(item.boxes) == 1  # one line each
        x0, y0, x1, y1 = item.boxes[0]
        inside = "".join(c.text for c in page.chars if c.box and not c.generated
                         and c.box[0] >= x0 - 0.01 and c.box[2] <= x1 + 0.01
                         and c.box[1] >= y0 - 0.01 and c.box[3] <= y1 + 0.01)
        assert inside.strip() == item.text, item


def test_a_name_and_an_address_broken_over_lines_get_one_box_per_line():
    # the wrap width puts "Priya" at a line end and the address across a hyphenated break
    doc = _doc("The borough lead for this work is Insp Priya\nNatarajan, e-mail priya.natarajan@mopac.lon-\n"
               "don.gov.uk today.")
    found = find_personal_data(doc, None, policy_file=TEST_POLICY)
    by_type = {i.type: i for i in found}
    assert by_type["PERSON"].text == "Priya Natarajan"
    assert len(by_type["PERSON"].boxes) == 2
    assert by_type["EMAIL_ADDRESS"].text == "priya.natarajan@mopac.lon-don.gov.uk"  # as printed
    assert len(by_type["EMAIL_ADDRESS"].boxes) == 2
    assert all(i.part == 1 for i in found)


def test_logs_carry_counts_and_types_never_values(items, caplog):
    doc, _ = items
    with caplog.at_level(logging.DEBUG):
        find_personal_data(doc, None, policy_file=TEST_POLICY)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "PERSON" in logged
    for value in ("Mike", "West", "7946", "mike.west", "Achterberg", "McNulty"):
        assert value not in logged


def test_no_network_while_building_the_engine_and_analysing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("detection tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(engine, "_engines", {})  # build a fresh engine under the block
    built = engine.get_engine()
    results = built.analyze(text="Write to jo.bell@northbridge.ac.uk or call 020 7946 0456.", language="en",
                            entities=engine.ENTITIES)
    assert sorted(r.entity_type for r in results) == ["EMAIL_ADDRESS", "PHONE_NUMBER"]


def test_the_engine_is_built_once_per_process():
    assert engine.get_engine() is engine.get_engine()
