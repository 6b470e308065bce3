"""The import graph of ``src/heron`` has no cycles (issue 10, "the house").

Every ``import`` and ``from ... import`` of every module is read with :mod:`ast`, at any depth
(imports inside functions count: they are the same dependency, only later), except those under
``if TYPE_CHECKING:`` (never run). ``from heron.a import b`` is an arrow to the module
``heron.a.b`` when that is a module, else to ``heron.a``. Importing a module runs its package's
``__init__`` too, but that is not counted as an arrow: a package may gather its modules.

The layers this keeps: the actor knowledge does not know its loaders (``heron.actors.dictionaries``
composes them); ``heron.query.common`` is below the query modules that use it; ``heron.nlp``
(text to parsed ``Doc``) does not depend on ``heron.geo``.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "heron"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import node, skipping the bodies of ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


@functools.lru_cache(maxsize=1)
def import_graph() -> dict[str, set[str]]:
    """Module -> the heron modules it imports (read once; do not change the result)."""
    files = {_module_name(p): p for p in (SRC / PACKAGE).rglob("*.py")}
    modules = set(files)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for mod, path in files.items():
        is_pkg = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _imports(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = mod.split(".") if is_pkg else mod.split(".")[:-1]
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for t in targets:
                while t and t not in modules and "." in t:
                    t = t.rsplit(".", 1)[0]  # "import heron.a.b" of a name inside heron.a
                if t in modules and t != mod:
                    graph[mod].add(t)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def _example_path(graph: dict[str, set[str]], comp: list[str]) -> str:
    """One circle inside a component, for the message: a -> b -> ... -> a."""
    members = set(comp)
    start = comp[0]
    path, seen = [start], {start}
    while True:
        nxt = sorted(w for w in graph[path[-1]] if w in members)
        back = [w for w in nxt if w == start]
        if back and len(path) > 1:
            return " -> ".join([*path, start])
        fresh = [w for w in nxt if w not in seen]
        if not fresh:
            return " -> ".join([*path, "..."])
        path.append(fresh[0])
        seen.add(fresh[0])


#: cycles that other work owns and has not yet broken, each as its set of modules. The test fails on
#: any other cycle, and on any cycle that touches the packages whose layers it keeps (LAYERED).
KNOWN_CYCLES = [
    # commands register themselves on the app that imports them (heron.cli's own split)
    {"heron.cli", "heron.cli.commands_actors", "heron.cli.commands_eval", "heron.cli.commands_query"},
    # the real-news dev set's reader and scorer (issue 10's dev set)
    {"heron.eval.gold_news", "heron.eval.news_score"},
]
LAYERED = ("heron.actors", "heron.query", "heron.nlp", "heron.geo")

#: arrows that must not exist (importer prefix, imported prefix): a lower layer never knows a higher one
FORBIDDEN = [
    ("heron.nlp", "heron.geo"),  # parsing does not depend on geoparsing
    ("heron.actors.knowledge", "heron.actors.builtin"),  # the knowledge does not know its loaders
    ("heron.actors.knowledge", "heron.actors.petrarch"),
    ("heron.actors.knowledge", "heron.actors.userdict"),
    ("heron.actors.knowledge", "heron.actors.dictionaries"),
    ("heron.actors.entries", "heron.actors.dictionaries"),
    ("heron.query.common", "heron.query.dedup"),  # the shared SQL is below the query modules
    ("heron.query.common", "heron.query.source"),
    ("heron.query.dedup", "heron.query.source"),
]


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_the_graph_is_read():
    graph = import_graph()
    assert "heron.actors.knowledge" in graph and "heron.pipeline" in graph
    assert "heron.actors.codes" in graph["heron.actors.knowledge"]


def test_no_import_cycles():
    graph = import_graph()
    found = [c for c in cycles(graph) if set(c) not in KNOWN_CYCLES]
    assert not found, "import cycles in src/heron:\n" + "\n".join(_example_path(graph, c) for c in found)


def test_layered_packages_have_no_cycles():
    graph = import_graph()
    found = [c for c in cycles(graph) if any(_under(m, p) for m in c for p in LAYERED)]
    assert not found, "import cycles:\n" + "\n".join(_example_path(graph, c) for c in found)


def test_no_forbidden_arrows():
    graph = import_graph()
    bad = sorted((a, b) for a, deps in graph.items() for b in deps
                 for low, high in FORBIDDEN if _under(a, low) and _under(b, high))
    assert not bad, "imports against the layers: " + ", ".join(f"{a} -> {b}" for a, b in bad)


def test_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert _example_path(graph, ["a", "b", "c"]) == "a -> b -> c -> a"
