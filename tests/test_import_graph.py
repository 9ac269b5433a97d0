"""The import graph of redaction/, service/ and scheduler/, read with ``ast`` (nothing is imported).

- The library never imports the web service, the database, the clock or their frameworks.
- The clock (scheduler/) never imports the service, the web framework or the database.
- No import circle among modules, nor among the top-level packages. Imports inside functions count:
  deferring an import hides a circle, it does not remove it.
- No module imports another module's private (``_underscore``) names.

Issue 17 (a structure that shows the design) emptied the lists of known exceptions below; the test fails on
a line that no longer matches, so they can only shrink.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("redaction", "service", "scheduler")
# docs/architecture.md: the library never imports flask, sqlalchemy, apscheduler, service or scheduler.
LIBRARY_NEVER_IMPORTS = ("flask", "sqlalchemy", "apscheduler", "service", "scheduler")

# Issue 17 removed every import circle, the scheduler <-> service package circle and every import of another
# module's private name; these stay empty (a circle or private import that has to stay would be listed here,
# importer first, with the reason beside it).
KNOWN_CYCLE_IMPORTS: set[tuple[str, str]] = set()
KNOWN_PACKAGE_CYCLES: set[frozenset[str]] = set()
KNOWN_PRIVATE_IMPORTS: set[tuple[str, str, str]] = set()
# docs/architecture.md: the clock (scheduler/) never imports the service; service.jobs.release_clock wires it.
CLOCK_NEVER_IMPORTS = ("service", "flask", "sqlalchemy")
# docs/architecture.md: the service's layers, lowest first. A module imports its own package or a lower
# layer only; the packages of one layer (the public site and the officers' pages) never import each other.
SERVICE_LAYERS = (
    ("service.infra",),                           # config, database, storage, PDF child processes, mail transport
    ("service.domain",),                          # models, state machines, publishing rules
    ("service.jobs",),                            # the background worker, the release clock's wiring
    ("service.web",),                             # what every response shares (errors, headers, sign-in)
    ("service.web.public", "service.web.officer"),
    ("service.web.api",),                         # the public JSON reads through service.web.public
    ("service.app",),                             # create_app
    ("service.cli",),                             # the foia command: starts everything
)


@dataclass(frozen=True)
class Import:
    importer: str  # module name, e.g. "service.web.officer.review"
    target: str  # what the statement names: "flask", "service.web.officer.papers"
    names: tuple[str, ...]  # of ``from target import a, b``; empty for ``import target``
    line: int
    typing_only: bool  # under ``if TYPE_CHECKING:`` (never run)


def modules(root: Path = ROOT, packages=PACKAGES) -> dict[str, tuple[Path, bool]]:
    """``{module name: (file, is a package)}`` of every ``.py`` file of ``packages``."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def imports(mods: dict[str, tuple[Path, bool]]) -> list[Import]:
    """Every import statement of ``mods``, at any depth (in functions too), relative ones made absolute."""
    found: list[Import] = []
    for name, (path, is_package) in mods.items():
        _walk(_tree(path), name, is_package, False, found)
    return found


@lru_cache(maxsize=None)
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _walk(node: ast.AST, module: str, is_package: bool, typing_only: bool, found: list[Import]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import):
            found += [Import(module, a.name, (), child.lineno, typing_only) for a in child.names]
        elif isinstance(child, ast.ImportFrom):
            found.append(Import(module, _absolute(module, is_package, child.level, child.module),
                                tuple(a.name for a in child.names), child.lineno, typing_only))
        _walk(child, module, is_package, typing_only or _is_type_checking(child), found)


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    if level == 0:
        return name or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _is_type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None) if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def module_edges(mods: dict, found: list[Import]) -> set[tuple[str, str]]:
    """(importer, imported module) among ``mods``; ``from package import submodule`` names the submodule.
    Parent packages a dotted import loads on the way are not counted (Python loads them first, no circle)."""
    edges = set()
    for imp in found:
        if imp.typing_only:
            continue
        targets = [f"{imp.target}.{n}" if f"{imp.target}.{n}" in mods else imp.target for n in imp.names] \
            or [imp.target]
        for target in targets:
            while target and target not in mods:
                target = target.rpartition(".")[0]
            if target and target != imp.importer:
                edges.add((imp.importer, target))
    return edges


def cycles(edges: set[tuple[str, str]]) -> list[set[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm, without recursion)."""
    graph: dict[str, list[str]] = {}
    for a, b in sorted(edges):
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            successor = next(successors, None)
            if successor is not None:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(graph[successor])))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def cycle_imports(edges: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The imports that run inside a circle (both ends in one strongly connected component)."""
    component = {node: n for n, members in enumerate(cycles(edges)) for node in members}
    return {(a, b) for a, b in edges if a in component and component[a] == component.get(b)}


def private_imports(mods: dict, found: list[Import]) -> set[tuple[str, str, str]]:
    """(importer, module, name) of each ``from module import _name`` and ``module._name`` of a project module."""
    private = {(imp.importer, imp.target, n) for imp in found for n in imp.names if _is_private(n)}
    bound: dict[str, dict[str, str]] = {}  # per module: local name -> the project module it stands for
    for imp in found:
        for n in imp.names:
            if f"{imp.target}.{n}" in mods:
                bound.setdefault(imp.importer, {})[n] = f"{imp.target}.{n}"
    for name, (path, _) in mods.items():
        modules_here = bound.get(name, {})
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id in modules_here and _is_private(node.attr):
                private.add((name, modules_here[node.value.id], node.attr))
    return {p for p in private if p[1].split(".")[0] in PACKAGES}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.fixture(scope="module")
def graph():
    mods = modules()
    found = imports(mods)
    return mods, found, module_edges(mods, found)


def test_the_library_never_imports_the_service_the_database_or_the_clock(graph):
    _, found, _ = graph
    wrong = sorted(f"{imp.importer}:{imp.line} imports {imp.target}" for imp in found
                   if imp.importer.split(".")[0] == "redaction"
                   and imp.target.split(".")[0] in LIBRARY_NEVER_IMPORTS)
    assert not wrong, wrong


def test_the_clock_never_imports_the_service_the_web_framework_or_the_database(graph):
    _, found, _ = graph
    wrong = sorted(f"{imp.importer}:{imp.line} imports {imp.target}" for imp in found
                   if imp.importer.split(".")[0] == "scheduler" and imp.target.split(".")[0] in CLOCK_NEVER_IMPORTS)
    assert not wrong, wrong


def _layer(module: str) -> tuple[int, str] | None:
    """(rank, package) of the longest layer package that holds ``module``; None outside the layers."""
    found = [(len(package), rank, package) for rank, packages in enumerate(SERVICE_LAYERS) for package in packages
             if module == package or module.startswith(package + ".")]
    return max(found)[1:] if found else None


def test_the_service_imports_only_down_its_layers(graph):
    _, _, edges = graph
    wrong = []
    for a, b in sorted(edges):
        la, lb = _layer(a), _layer(b)
        if la and lb and la[1] != lb[1] and lb[0] >= la[0]:
            wrong.append(f"{a} ({la[1]}) imports {b} ({lb[1]})")
    assert not wrong, wrong


def test_every_service_module_is_in_a_layer():
    assert [m for m in modules() if m.startswith("service.") and _layer(m) is None] == []


def test_the_library_has_no_import_circle(graph):
    _, _, edges = graph
    circles = [sorted(c) for c in cycles({(a, b) for a, b in edges if a.startswith("redaction")
                                          and b.startswith("redaction")})]
    assert not circles, circles


def test_no_new_import_circle_among_modules(graph):
    _, _, edges = graph
    today = cycle_imports(edges)
    assert not today - KNOWN_CYCLE_IMPORTS, (
        f"new imports inside a circle: {sorted(today - KNOWN_CYCLE_IMPORTS)} (import the shared part from a "
        "third module instead)")
    assert not KNOWN_CYCLE_IMPORTS - today, (
        f"these circles are gone: delete them from KNOWN_CYCLE_IMPORTS: {sorted(KNOWN_CYCLE_IMPORTS - today)}")


def test_no_new_import_circle_among_packages(graph):
    _, _, edges = graph
    packages = {(a.split(".")[0], b.split(".")[0]) for a, b in edges if a.split(".")[0] != b.split(".")[0]}
    today = {frozenset(c) for c in cycles(packages)}
    assert today == KNOWN_PACKAGE_CYCLES, (today, KNOWN_PACKAGE_CYCLES)


def test_no_new_import_of_another_modules_private_names(graph):
    mods, found, _ = graph
    today = private_imports(mods, found)
    assert not today - KNOWN_PRIVATE_IMPORTS, (
        f"private names imported from another module: {sorted(today - KNOWN_PRIVATE_IMPORTS)} (make the name "
        "public where it is defined, or move it where both modules can use it)")
    assert not KNOWN_PRIVATE_IMPORTS - today, (
        f"these are gone: delete them from KNOWN_PRIVATE_IMPORTS: {sorted(KNOWN_PRIVATE_IMPORTS - today)}")


def test_the_checks_find_what_they_look_for(tmp_path):
    """On a small made-up tree: a circle through a function's import, a private name in both forms, a
    relative import, and what ``if TYPE_CHECKING`` hides."""
    files = {
        "redaction/__init__.py": "",
        "redaction/a.py": "from . import b\nfrom .b import _secret\n",
        "redaction/b.py": "def f():\n    from redaction import c\n",
        "redaction/c.py": "from typing import TYPE_CHECKING\nimport flask\nif TYPE_CHECKING:\n"
                          "    from . import d\nfrom .a import helper\n",
        "redaction/d.py": "from . import c\nc._hidden()\n",
        "service/__init__.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    mods = modules(tmp_path, ("redaction", "service"))
    found = imports(mods)
    edges = module_edges(mods, found)
    assert cycles(edges) == [{"redaction.a", "redaction.b", "redaction.c"}]
    assert cycle_imports(edges) == {("redaction.a", "redaction.b"), ("redaction.b", "redaction.c"),
                                    ("redaction.c", "redaction.a")}
    assert ("redaction.c", "redaction.d") not in edges  # typing only
    assert private_imports(mods, found) == {("redaction.a", "redaction.b", "_secret"),
                                            ("redaction.d", "redaction.c", "_hidden")}
    assert [imp.target for imp in found if imp.target == "flask"] == ["flask"]
