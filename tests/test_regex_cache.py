"""The recognizers' compiled patterns kept between runs (redaction.detect.regex_cache) are the patterns
re.compile gives: the same program for the matcher (re.Pattern compares flags, text and program), the same
groups, from a cold file, a warm one and a damaged one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from redaction.detect import regex_cache

ROOT = Path(__file__).resolve().parents[1]

SAMPLES = [
    (r"(?<![\w-])(?P<name>[A-ZÀ-ÖĀĂ][a-zà-öāă]+)(?:[ \t]+(?P<surname>[A-Z][a-z]+))?(?=[,.]|$)", 0),
    (r"(?i:dr|mrs?|ms)\.?\s+(?P<who>\w+)", 0),
    (r"^Contact:\s*(\S+)$", re.MULTILINE | re.IGNORECASE),
    (r"a{2,5}?b|[^\W\d_]+", re.ASCII),
]


@pytest.fixture()
def fresh(monkeypatch, tmp_path):
    """A cache file of the test's own, and this process's memory of it forgotten."""
    path = tmp_path / "regex.marshal"
    monkeypatch.setenv("FOIA_REGEX_CACHE", str(path))
    monkeypatch.setattr(regex_cache, "_loaded", None)
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_new", False)
    monkeypatch.setattr(regex_cache, "_built", {})
    return path


def _same(got: re.Pattern, pattern: str, flags: int) -> None:
    want = re.compile(pattern, flags)
    assert got == want  # flags, text and the compiled program
    assert (got.groups, got.groupindex) == (want.groups, want.groupindex)


def _forget(monkeypatch) -> None:
    monkeypatch.setattr(regex_cache, "_built", {})
    monkeypatch.setattr(regex_cache, "_loaded", None)
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_new", False)


@pytest.mark.parametrize("pattern,flags", SAMPLES)
def test_cold_and_warm_give_the_pattern_re_compile_gives(fresh, monkeypatch, pattern, flags):
    _same(regex_cache.compile(pattern, flags), pattern, flags)
    regex_cache._save(fresh)
    assert fresh.exists()
    _forget(monkeypatch)
    _same(regex_cache.compile(pattern, flags), pattern, flags)
    assert regex_cache._loaded  # ... built from the file


def test_a_damaged_or_foreign_file_is_ignored(fresh, monkeypatch):
    pattern, flags = SAMPLES[0]
    for content in (b"not marshal data", b"", __import__("marshal").dumps((("another python",), {"x": 1}))):
        fresh.write_bytes(content)
        _forget(monkeypatch)
        _same(regex_cache.compile(pattern, flags), pattern, flags)


def test_a_damaged_entry_is_compiled_again(fresh, monkeypatch):
    pattern, flags = SAMPLES[1]
    regex_cache.compile(pattern, flags)
    key = next(iter(regex_cache._loaded))
    f, groups, groupindex, indexgroup, code = regex_cache._loaded[key]
    regex_cache._loaded[key] = (f, groups, groupindex, indexgroup, b"\xff\xff\xff\x7f" * 4)
    _same(regex_cache.compile(pattern, flags), pattern, flags)


def test_off_is_re_compile(monkeypatch):
    monkeypatch.setenv("FOIA_REGEX_CACHE", "off")
    pattern, flags = SAMPLES[0]
    _same(regex_cache.compile(pattern, flags), pattern, flags)


def test_every_recognizer_pattern_is_the_one_re_compile_gives(tmp_path):
    """A process with a cold file writes it; in the next one, with other string hashing, every pattern of the
    recognizers is found in the file (their text does not depend on a set's order) and is re.compile's."""
    script = (
        "import re, sys, hashlib\n"
        "import redaction.detect.engine\n"
        "seen = []\n"
        "for name, mod in sorted(sys.modules.items()):\n"
        "    if name.startswith('redaction.detect'):\n"
        "        for attr, value in sorted(vars(mod).items()):\n"
        "            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):\n"
        "                assert sys.argv[1] == 'cold' or value == re.compile(value.pattern, value.flags), (name, attr)\n"
        "                seen.append(name + '.' + attr)\n"
        "from redaction.detect import regex_cache\n"
        "print(len(seen), len(regex_cache._used), regex_cache._new)\n"
    )
    outputs = []
    for seed, state in (("1", "cold"), ("2", "warm")):
        env = {**os.environ, "FOIA_REGEX_CACHE": str(tmp_path / "regex.marshal"), "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, state], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.split())
    assert (tmp_path / "regex.marshal").exists()
    assert outputs[0][:2] == outputs[1][:2]
    assert int(outputs[0][1]) >= 40  # the recognizers' patterns went through the cache
    # the first process compiled them; the second, with another string hashing, found every one in the file
    assert (outputs[0][2], outputs[1][2]) == ("True", "False")
