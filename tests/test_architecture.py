"""Rules of the code's shape that a reviewer would otherwise have to remember.

Progress reports are read and changed in one module, ``store/progress.py``: when five modules each
read "the latest result" their own way, they disagree (a corrected report still showed as confirmed
on one card and not in another summary). So no other module may name the table's model
``ProgressReport`` or the table ``progress_report``: it can only use the functions and the frozen
``Report`` copies that ``store.progress`` gives. The model's own module, the audit listener that
writes the trail on every flush, and the migrations are the exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.source_walk import docstrings

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "store", "scoring")
ALLOWED = {"store/progress.py", "store/models.py", "store/audit.py"}
EXCLUDED_DIRS = ("store/migrations/",)
MODEL, TABLE = "ProgressReport", "progress_report"


def _names_table(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and TABLE in node.value


def references(source: str) -> list[tuple[int, str]]:
    """(line, what) for every use of the report model or its table name in Python source."""
    tree = ast.parse(source)
    docs = docstrings(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import):
            found += [(node.lineno, f"imports {a.name}") for a in node.names if a.name.split(".")[-1] == MODEL]
        elif isinstance(node, ast.Name) and node.id == MODEL:
            found.append((node.lineno, f"uses {MODEL}"))
        elif isinstance(node, ast.Attribute) and node.attr == MODEL:
            found.append((node.lineno, f"uses .{MODEL}"))
        elif _names_table(node) and id(node) not in docs:
            found.append((node.lineno, f"names the table {TABLE!r}"))
    return sorted(found)


def _modules() -> list[str]:
    paths = sorted(str(p.relative_to(ROOT)) for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))
    return [p for p in paths if not p.startswith(EXCLUDED_DIRS)]


def test_only_the_progress_module_reads_or_writes_reports() -> None:
    offenders = [
        f"{path}:{line}: {what}"
        for path in _modules()
        if path not in ALLOWED
        for line, what in references((ROOT / path).read_text(encoding="utf-8"))
    ]
    assert offenders == [], "read and change reports through store.progress:\n" + "\n".join(offenders)


def test_the_rule_sees_what_it_forbids() -> None:
    """The checker is not vacuous: it finds the uses in the progress module and in forged sources."""
    assert references((ROOT / "store/progress.py").read_text(encoding="utf-8"))
    assert [what for _, what in references("from store.models import ProgressReport\n")] == ["imports ProgressReport"]
    assert references("import store.models as m\nrows = select(m.ProgressReport)\n")
    assert references("sa.text('SELECT value FROM progress_report')\n")
    assert references('"""Reads progress_report rows (prose)."""\n') == []
    assert len(_modules()) > 40
