"""Reading plan YAML files into validated ``Plan`` objects, with errors a plan author can act on.

A plan author edits YAML by hand; a Pydantic location such as ``groups.0.groups.1.indicators.2.rubric``
means nothing to them. Errors here name the file, the indicator (by its printed code) and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from scoring.plan import Plan


class PlanFileError(Exception):
    """A plan file that cannot be used; ``str()`` is the message to show the author."""


@dataclass(frozen=True)
class PlanProblem:
    file: str
    indicator: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"indicator {self.indicator}" if self.indicator else "plan"
        return f"{self.file}: {where}: field '{self.field}': {self.message}"


_MISSING = object()


def _child(node: Any, part: int | str) -> Any:
    if isinstance(node, dict):
        return node.get(part, _MISSING)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _MISSING


def _locate(raw: Any, loc: Sequence[int | str]) -> tuple[str | None, str]:
    """Walk the raw mapping along a Pydantic location; return (indicator code, field path inside it)."""
    node = raw
    indicator: str | None = None
    field_parts: list[str] = []
    for i, part in enumerate(loc):
        child = _child(node, part)
        if child is _MISSING:
            field_parts.append(str(part))
            continue
        node = child
        parent = loc[i - 1] if i else None
        if parent == "indicators" and isinstance(node, dict):
            indicator = str(node.get("code", f"#{part + 1}" if isinstance(part, int) else part))
            field_parts = []
            continue
        if parent == "groups" and isinstance(node, dict):
            if indicator is None:
                field_parts = [f"group {node.get('code', part)}"]
            continue
        if isinstance(part, int):
            if field_parts:
                field_parts[-1] += f"[{part}]"
            else:
                field_parts.append(f"[{part}]")
        elif part not in ("groups", "indicators"):
            field_parts.append(part)
    return indicator, ".".join(field_parts) or "(whole)"


def problems_of(path: Path, raw: Any, error: ValidationError) -> list[PlanProblem]:
    out = []
    for err in error.errors():
        indicator, field = _locate(raw, err["loc"])
        out.append(PlanProblem(str(path), indicator, field, err["msg"]))
    return out


def load_plan(path: Path | str) -> Plan:
    """Read and validate one plan file; raises ``PlanFileError`` naming file, indicator and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PlanFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PlanFileError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise PlanFileError(f"{path}: a plan file must hold a mapping at the top")
    try:
        return Plan.model_validate(raw)
    except ValidationError as exc:
        raise PlanFileError("\n".join(str(p) for p in problems_of(path, raw, exc))) from exc


def load_plans(paths: Iterable[Path | str]) -> list[Plan]:
    return [load_plan(p) for p in paths]


def find_plan(name_or_path: str, plans_dir: Path) -> Path:
    """A plan named by path, by file name, or by id (``fy2567-governor-secretary``)."""
    p = Path(name_or_path)
    if p.exists():
        return p
    for candidate in (plans_dir / name_or_path, plans_dir / f"{name_or_path}.yaml"):
        if candidate.exists():
            return candidate
    raise PlanFileError(f"{name_or_path}: no such plan file (looked in {plans_dir})")
