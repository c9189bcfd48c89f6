"""No import cycle anywhere in chefline, type-checking imports included: a circle of modules
can only be understood, tested and moved all at once. A package's ``__init__`` re-exporting
its own modules is not a circle."""

from __future__ import annotations

import grimp

ModuleGraph = dict[str, set[str]]


def import_graph() -> ModuleGraph:
    graph = grimp.build_graph("chefline")
    edges: ModuleGraph = {module: set() for module in graph.modules}
    for module in edges:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported in edges and not imported.startswith(module + "."):
                edges[module].add(imported)
    return edges


def circles(edges: ModuleGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_finder_finds_a_circle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(edges) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_chefline_is_in_an_import_circle():
    edges = import_graph()
    assert len(edges) > 100  # the whole package was read
    assert circles(edges) == []
