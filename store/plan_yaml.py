"""A plan written back as the YAML of ``plans/`` (``plans/FORMAT.md``), for plans made elsewhere (the
Excel import): the file ``store.plan_files`` loads to the same plan.

Fields left at their defaults are left out, as a person writing the file would; a rubric and a
group keep their ``kind`` so the file reads the same as the hand-written ones.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import yaml

from scoring.plan import Group, Plan, Rubric


class _Dumper(yaml.SafeDumper):
    """Multi-line texts as ``|`` blocks, the way the hand-written plans keep long formulas."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def plan_yaml(plan: Plan, *, comment: str | None = None) -> str:
    data = _plain(plan.model_dump(mode="python", exclude_defaults=True))
    for group in data.get("groups", []):
        _keep_kinds(group)
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    return f"# {comment}\n{text}" if comment else text


def _keep_kinds(group: dict[str, Any]) -> None:
    group.setdefault("kind", _plain(Group.model_fields["kind"].default))
    _first(group, "code", "kind")
    for indicator in group.get("indicators", []):
        rubric = indicator.get("rubric")
        if rubric is not None:
            rubric.setdefault("kind", _plain(Rubric.model_fields["kind"].default))
            _first(rubric, "kind")
    for sub in group.get("groups", []):
        _keep_kinds(sub)


def _first(mapping: dict[str, Any], *keys: str) -> None:
    """Move ``keys`` to the front, in order (dicts keep insertion order)."""
    rest = {k: mapping.pop(k) for k in list(mapping) if k not in keys}
    mapping.update(rest)


def _plain(value: Any) -> Any:
    """Model dump → what YAML writes plainly: lists, plain strings, whole numbers without ".0"."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
