"""The shape of `practice/` (ARCHITECTURE.md), checked so it cannot silently rot.

The layer contracts themselves are import-linter's (`lint-imports`, in `make lint` and `make test`); these
tests add what a layers contract does not see: cycles inside a layer, and the size rules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

PRACTICE = Path(__file__).resolve().parent.parent / "practice"
LAYERS = ("core", "storage", "audio", "stt", "answers", "prep", "reports", "cli", "tui")


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), i.e. the import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_not_even_inside_functions() -> None:
    # Imports under `if TYPE_CHECKING:` never run, so they cannot form a cycle at run time; every other import
    # counts, the ones inside functions included.
    graph = grimp.build_graph("practice", exclude_type_checking_imports=True)
    # A package imports its own modules by being imported first; that is not a cycle between modules.
    modules = {
        m for m in graph.modules if not (PRACTICE.parent / m.replace(".", "/") / "__init__.py").exists()
    }
    assert _cycles(graph, modules) == []


def test_practice_top_level_is_the_composition_root_only() -> None:
    modules = sorted(p.name for p in PRACTICE.glob("*.py"))
    assert len(modules) <= 6, modules
    assert {p.name for p in PRACTICE.iterdir() if (p / "__init__.py").exists()} >= set(LAYERS)


def test_no_module_is_over_450_lines() -> None:
    long = {
        str(p.relative_to(PRACTICE)): n
        for p in PRACTICE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 450
    }
    assert long == {}


def test_every_layer_says_what_it_is_for_and_what_it_may_import() -> None:
    for layer in LAYERS:
        docstring = ast.get_docstring(ast.parse((PRACTICE / layer / "__init__.py").read_text()))
        assert docstring and "import" in docstring, layer
