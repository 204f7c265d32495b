"""Reading our own source for architecture tests: which string constants are docstrings."""

from __future__ import annotations

import ast


def docstrings(tree: ast.AST) -> set[int]:
    """Ids of the docstring nodes (prose may name a table or quote Thai; code may not)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out
