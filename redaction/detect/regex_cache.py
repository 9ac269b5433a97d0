"""The name recognizers' regular expressions, compiled once and kept between runs.

The shared name pieces (:mod:`.recognizers.patterns`) spell each letter class out character by character
("[A-ZÀÁÂÃÄ...]", some 320 letters) and a full name holds about a hundred of them, so the recognizers'
patterns run to 20,000-250,000 characters each. Python's ``re`` parses a pattern one character at a time in
Python: compiling them took about 3 s of every process that detects (each ``foia analyse``, each PDF worker
of ``foia serve``/``foia web``), more than half of loading the detector.

:func:`compile` gives the same :class:`re.Pattern` ``re.compile`` gives (the same program for the matcher:
patterns compare equal), but keeps each pattern's compiled program in a file in the user's cache directory
(``$XDG_CACHE_HOME/foia-publish`` or ``~/.cache/foia-publish``), so a later process builds the pattern from the program without
parsing it again. The file is keyed by the Python version and the matcher's version; a pattern is looked up by
its text and flags, so a rule changed in the source is compiled afresh. A file that cannot be read, written or
trusted (another Python, a damaged file) is ignored: the pattern is then compiled as ``re.compile`` would.
``FOIA_REGEX_CACHE=off`` turns the file off; ``FOIA_REGEX_CACHE=<path>`` puts it elsewhere.
"""

from __future__ import annotations

import array
import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
import threading
from pathlib import Path

try:  # the matcher's own compiler: how ``re.compile`` turns a parsed pattern into its program
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation: no cache
    _sre = None

_VERSION = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
_MAX_ENTRIES = 400  # beyond this, a file written keeps only the patterns this process used

_lock = threading.Lock()
_loaded: dict[str, tuple] | None = None  # key -> (flags, groups, groupindex, indexgroup, code as bytes)
_used: set[str] = set()
_built: dict[tuple[int, str], re.Pattern] = {}  # patterns built in this process
_MAX_BUILT = 256
_new = False


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the compiled program kept on disk when there is one (and, as
    ``re`` does, from this process's memory when the same pattern is asked for again)."""
    path = _path()
    if path is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    flags = int(flags)
    built = _built.get((flags, pattern))
    if built is None:
        built = _compile(pattern, flags, path)
        with _lock:
            if len(_built) >= _MAX_BUILT:
                _built.clear()
            _built[flags, pattern] = built
    return built


def _compile(pattern: str, flags: int, path: Path) -> re.Pattern:
    key = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    with _lock:
        entries = _load(path)
        _used.add(key)
        entry = entries.get(key)
    if entry is not None:
        try:
            if entry[0] & flags != flags:
                raise ValueError("the kept pattern was compiled with other flags")
            return _build(pattern, entry)
        except Exception:  # a damaged entry: compile it again, and keep the good program
            pass
    try:
        entry = _program(pattern, flags)
        compiled = _build(pattern, entry)
    except re.error:
        raise
    except Exception:  # pragma: no cover - the private compiler changed: use re.compile alone
        return re.compile(pattern, flags)
    with _lock:
        entries[key] = entry
        _remember_to_save(path)
    return compiled


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to the matcher for ``pattern`` (the same steps)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, parsed.state.groups - 1, groupindex, tuple(indexgroup),
            array.array(_typecode(), code).tobytes())


def _build(pattern: str, entry: tuple) -> re.Pattern:
    flags, groups, groupindex, indexgroup, code = entry
    program = array.array(_typecode())
    program.frombytes(code)
    return _sre.compile(pattern, flags, program.tolist(), groups, dict(groupindex), tuple(indexgroup))


def _typecode() -> str:
    return next(t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE)


def _path() -> Path | None:
    if _sre is None:
        return None
    setting = os.environ.get("FOIA_REGEX_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "foia-publish" / f"regex.{sys.implementation.cache_tag}.marshal"


def _load(path: Path) -> dict[str, tuple]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        try:
            data = marshal.loads(path.read_bytes())
            if isinstance(data, tuple) and len(data) == 2 and data[0] == _VERSION and isinstance(data[1], dict):
                _loaded = data[1]
        except (OSError, ValueError, EOFError, TypeError):
            pass
    return _loaded


def _remember_to_save(path: Path) -> None:
    global _new
    if not _new:
        _new = True
        atexit.register(_save, path)


def _save(path: Path) -> None:
    """Write the programs compiled here, with those already in the file (read again: another process may
    have added some), atomically, so a process reading meanwhile sees the old file or the new one."""
    with _lock:
        ours = {k: v for k, v in (_loaded or {}).items() if k in _used}
    try:
        old = marshal.loads(path.read_bytes())
        others = old[1] if isinstance(old, tuple) and len(old) == 2 and old[0] == _VERSION else {}
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        others = {}
    entries = {**others, **ours} if isinstance(others, dict) and len(others) + len(ours) <= _MAX_ENTRIES else ours
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps((_VERSION, entries)))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only install: each process compiles its patterns, as without this file
