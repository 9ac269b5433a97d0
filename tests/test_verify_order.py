"""The verifier reads the Part 2 boundary in its own order (poppler's flows and lines, the producer's writing
order) instead of trusting the engine's rectangles. Papers in tests/verification_pdfs/ put Part 2's
continuation at the top of the right column, on the baselines of Part 1 lines in the left column, upright and
turned by /Rotate: each ends clean (no ``secNN`` in Part 1 by pdftotext, every ``pubNN`` kept) or refused.
An engine that misses the right column is caught by ``part2-order``."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from redaction import LeakDetected, analyse, redact
from redaction import reading_order
from redaction.decisions import Decisions
from redaction.verification import order

HERE = Path(__file__).parent / "verification_pdfs"
CASES = json.loads((HERE / "cases.json").read_text())


def _poppler(data: bytes) -> str:
    run = subprocess.run(["pdftotext", "-q", "-", "-"], input=data, capture_output=True, timeout=60, check=True)
    return run.stdout.decode("utf-8", "replace")


def _tokens(text: str, kind: str) -> set[str]:
    return set(re.findall(rf"\b{kind}\d\d\b", text))


def _run(name: str, start: dict):
    data = (HERE / f"{name}.pdf").read_bytes()
    return data, redact(data, analyse(data, f"{name}.pdf", detect=False),
                        Decisions.from_dict({"part2_start": start}), detect=False)


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("with_x", [True, False])
def test_late_column_ends_clean_or_refused(name, with_x):
    start = dict(CASES[name]) if with_x else {k: v for k, v in CASES[name].items() if k != "x"}
    try:
        data, result = _run(name, start)
    except LeakDetected as err:
        assert set(err.checks) <= {"part2-order", "part2-ngrams"}
        return
    part1 = _poppler(result.part1)
    assert not _tokens(part1, "sec")
    assert "part2-order" in result.report["verification"]["checks"]
    if with_x:  # the column is named: every Part 1 line stays
        assert _tokens(part1, "pub") == _tokens(_poppler(data), "pub")
    warnings = result.report["warnings"]
    assert not any("whole page is withheld" in w for w in warnings)  # the analysis's split is not the one used
    if not with_x and result.report["split"]["columns"] > 1:  # says what was withheld and how to name x
        assert any("no x was given" in w and '"x"' in w for w in warnings)


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_engine_that_misses_the_right_column_is_caught(monkeypatch, name):
    # No columns seen and the writing order ignored: a straight cut publishes the right column's top.
    monkeypatch.setattr(reading_order, "band_columns", lambda *a, **k: None)
    monkeypatch.setattr(reading_order, "_withhold_late", lambda page, split, lines, x: split)
    with pytest.raises(LeakDetected) as err:
        _run(name, CASES[name])
    assert err.value.checks == ["part2-order"]
    assert "sec0" not in str(err.value)


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_poppler_coordinates_turn_back_to_user_space(rotate):
    media = (0.0, 0.0, 595.0, 842.0)
    for point in [(10.0, 20.0), (300.0, 700.0), (590.0, 5.0)]:
        px, py = order.from_user(rotate, media, *point)
        assert order.to_user(rotate, media, px, py) == pytest.approx(point)


@pytest.mark.parametrize("rotate,displayed,user", [
    (0, (40.0, 500.0), (40.0, 500.0)),       # upright: displayed is user space
    (90, (40.0, 500.0), (95.0, 40.0)),       # top of the turned page is the unrotated left edge
    (180, (40.0, 500.0), (555.0, 342.0)),
    (270, (40.0, 500.0), (500.0, 802.0)),
])
def test_a_start_as_displayed_is_placed_in_user_space(rotate, displayed, user):
    crop = (0.0, 0.0, 595.0, 842.0)
    assert order.start_in_user(rotate, crop, displayed[1], displayed[0]) == pytest.approx(user)
