"""`foia analyse`: JSON on stdout for a paper; one line on stderr and a non-zero exit for bad input.

A paper and a missing file go through `python -m service.cli` each. The bad inputs go through one process of
their own that runs the command's entry point (service.cli.main, what `python -m service.cli` calls) once per
input, with its file descriptors 1 and 2 sent to files of that input, so whatever any library writes there is
counted; an exception out of main is printed as the interpreter would print it (a traceback, exit 1). Each input
used to cost an interpreter and the library's imports (~1.3 s quiet, ~5 s on a loaded machine)."""

import io
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pikepdf
import pytest

from tests.textpdf import text_pdf

FOIA = [sys.executable, "-m", "service.cli"]
PAPER = ("DMPC Decision – PCD 956\nTitle Social Media Intelligence Network\n"
         "Is there a Part 2 form - YES\n"
         "Part 2 – This section refers to the details of the Part 2 business case which is NOT SUITABLE for "
         "MOPAC Publication.\nFOIA Sec 31 Law enforcement\nThe paper will be exempt until 01/04/2025.\n")


def run(path: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(FOIA + ["analyse", str(path)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def test_prints_analysis_json(tmp_path):
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(text_pdf(PAPER, width=200))
    out = run(pdf)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["file"] == "paper.pdf"
    assert result["reference"] == "PCD 956"
    assert result["part2"]["exemptions"][0]["until"] == "2025-04-01"
    assert result["part2"]["release_on"] == "2025-04-01"


def _encrypted() -> bytes:
    buf = io.BytesIO()
    with pikepdf.open(io.BytesIO(text_pdf(PAPER))) as pdf:
        pdf.save(buf, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    return buf.getvalue()


def _pages(n: int) -> bytes:
    pdf = pikepdf.new()
    for _ in range(n):
        pdf.add_blank_page()
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def _bomb() -> bytes:
    """A page whose content stream is 1 GiB of spaces behind two Flate layers (a few KB on disk)."""
    inner = zlib.compressobj(9)
    layer1 = b"".join(inner.compress(b" " * (16 << 20)) for _ in range(64)) + inner.flush()
    layer2 = zlib.compress(layer1, 9)
    pdf = pikepdf.new()
    pdf.add_blank_page()
    stream = pikepdf.Stream(pdf, layer2)
    stream.Filter = pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.FlateDecode])
    pdf.pages[0].obj.Contents = pdf.make_indirect(stream)
    buf = io.BytesIO()
    pdf.save(buf, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return buf.getvalue()


BAD_INPUTS = [
    ("empty", lambda: b"", {}, "empty"),
    ("not a pdf", lambda: b"<html><body>hello</body></html>", {}, "not a PDF"),
    ("a PNG", lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 100, {}, "not a PDF"),
    ("damaged", lambda: b"%PDF-1.7\n" + os.urandom(2000), {}, "damaged"),
    ("truncated", lambda: text_pdf(PAPER)[:300], {}, "damaged"),
    ("encrypted", _encrypted, {}, "encrypted"),
    ("too many pages", lambda: _pages(30), {"FOIA_MAX_PAGES": "20"}, "more than 20 pages"),
    ("too many bytes", lambda: text_pdf(PAPER) + b"%" * (2 << 20), {"FOIA_MAX_UPLOAD_MB": "1"}, "larger than"),
    ("decompression bomb", _bomb, {}, "decompression bomb"),
]


# Runs in the child: for each input, its environment, fds 1 and 2 on files of its own, main(["analyse", path]);
# then the exit status and both outputs of each input as JSON on the child's own stdout.
DRIVER = r"""
import json, os, sys, tempfile, traceback
from service.cli import main

cases, results = json.loads(sys.argv[1]), {}
saved = {fd: os.dup(fd) for fd in (1, 2)}
for name, path, env in cases:
    before = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    files = {fd: tempfile.TemporaryFile() for fd in (1, 2)}
    sys.stdout.flush(); sys.stderr.flush()
    for fd, f in files.items():
        os.dup2(f.fileno(), fd)
    try:
        try:
            code = main(["analyse", path])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 1
    finally:
        sys.stdout.flush(); sys.stderr.flush()
        for fd in (1, 2):
            os.dup2(saved[fd], fd)
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    out = {}
    for fd, f in files.items():
        f.seek(0)
        out[fd] = f.read().decode("utf-8", "replace")
        f.close()
    results[name] = {"returncode": code, "stdout": out[1], "stderr": out[2]}
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def bad_outcomes(tmp_path_factory):
    """Every bad input through the command's entry point, in one process (see the module's docstring)."""
    folder = tmp_path_factory.mktemp("bad_inputs")
    cases = []
    for i, (name, make, env, _) in enumerate(BAD_INPUTS):
        path = folder / f"{i}" / "upload.pdf"
        path.parent.mkdir()
        path.write_bytes(make())
        cases.append((name, str(path), env))
    done = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(cases)], capture_output=True, text=True,
                          timeout=60 * len(cases), cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    results = json.loads(done.stdout)
    assert set(results) == {b[0] for b in BAD_INPUTS}
    return results


@pytest.mark.parametrize("name, make, env, message", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_and_non_zero(bad_outcomes, name, make, env, message):
    got = bad_outcomes[name]
    out = subprocess.CompletedProcess(["foia", "analyse"], got["returncode"], got["stdout"], got["stderr"])
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("foia: error:") and message in lines[0]
    assert "Traceback" not in out.stderr


def test_missing_file(tmp_path):
    out = run(tmp_path / "nope.pdf")
    assert out.returncode == 2 and "no such file" in out.stderr
