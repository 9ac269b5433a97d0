"""Every fixture paper, rendered by every producer: every field of the analysis JSON that the structure
stage fills is what the paper's `%expect` lines say (see tests/fixtures/README.md)."""

import re
from functools import lru_cache

import pytest

from redaction import analyse
from tests.fixtures.papers import WARNING_PATTERNS, load, pdf_paths

CASES = pdf_paths()


@lru_cache(maxsize=None)
def analysed(name: str, producer: str):
    paper = load(name)
    return paper, analyse(paper.pdf(producer).read_bytes(), f"{name}.pdf", today=paper.expect["today"],
                          detect=False)


def _iso(d):
    return d.isoformat() if d else None


def _yes_no(b):
    return None if b is None else b


@pytest.mark.parametrize("name, producer, path", CASES, ids=[f"{n}.{p}" for n, p, _ in CASES])
def test_structure_matches_expectations(name, producer, path):
    paper, analysis = analysed(name, producer)
    e = paper.expect
    r = analysis.to_dict()
    assert r["file"] == f"{name}.pdf"
    if "pages" in e:
        assert r["pages"] == e["pages"]
    assert r["reference"] == e["reference"]
    assert r["title"] == e["title"]
    assert r["part1"]["deferred"] == e["deferred"]
    assert r["part1"]["deferred_until"] == _iso(e["deferred_until"])
    assert r["part1"]["deferral_reason"] == e["deferral_reason"]
    assert r["part2_form"] == e["part2_form"]
    warnings = sorted(k for k, pattern in WARNING_PATTERNS.items()
                      if any(re.search(pattern, w) for w in r["warnings"]))
    assert warnings == e["warnings"], r["warnings"]
    assert len(r["warnings"]) == len(e["warnings"]), r["warnings"]

    if e["part2"] == "no":
        assert r["part2"] is None
        assert r["part1"]["pages"] == list(range(1, r["pages"] + 1))
        return
    p2 = r["part2"]
    assert p2 is not None
    got = [(x["section"], x["title"], x["until"], x["review"]) for x in p2["exemptions"]]
    want = [(x.section, x.title, _iso(x.until), _iso(x.review)) for x in e["exemptions"]]
    assert sorted(got) == sorted(want)
    for x in e["exemptions"]:
        if x.check_subsection:
            assert next(g for g in p2["exemptions"] if g["section"] == x.section)["subsection"] == x.subsection
    assert p2["release_on"] == _iso(e["release_on"])
    assert p2["review_on"] == _iso(e["review_on"])
    if e["part2"] == "referenced":
        assert p2["in_file"] is False and p2["start"] is None and p2["pages"] == []
        assert r["part1"]["pages"] == list(range(1, r["pages"] + 1))
        return
    assert p2["in_file"] is True
    _check_boundary(analysis, r, e)


def _check_boundary(analysis, r, e):
    """The boundary y lies above the heading's glyphs and below every Part 1 glyph on that page."""
    page_no, y = r["part2"]["start"]["page"], r["part2"]["start"]["y"]
    page = analysis.document.pages[page_no - 1]
    assert r["part2"]["pages"] == list(range(page_no, r["pages"] + 1))
    below = "".join(c.text for c in page.chars if c.box and c.box[3] <= y)
    heading = re.sub(r"\s+", "", e["part2_heading_text"])
    assert re.sub(r"\s+", "", below).startswith(heading)
    straddling = [c for c in page.chars if c.box and c.box[1] < y < c.box[3] and c.text.strip()]
    assert not straddling  # the boundary passes between lines, never through a glyph
    midpage = any(c.box and c.box[1] > y and c.text.strip() for c in page.chars)
    if "part2_midpage" in e:
        assert midpage is e["part2_midpage"]
    last_part1 = page_no if midpage else page_no - 1
    assert r["part1"]["pages"] == list(range(1, last_part1 + 1))
