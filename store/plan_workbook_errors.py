"""Validating one part of a plan with the plan model, and each error it reports put into Thai at the
cell it came from: Pydantic's error types (a number that is not one, a choice not in the list, a
missing cell) and the model's own rules, by the column key their location names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from store import plan_workbook_texts as T
from store.plan_workbook_layout import Column, Sheet
from store.plan_workbook_read import Problems, SheetRow

_M = TypeVar("_M", bound=BaseModel)
# Stand-ins fill the required fields a rule does not look at, so the rule runs on the fields it does.
PLACEHOLDER = {"code": "-", "name": "-"}

OnError = Callable[[ErrorDetails], None]


def validate(
    model: type[_M],
    data: Mapping[str, Any],
    on_error: OnError,
    *,
    rule_fields: Iterable[str] = (),
    placeholder: Mapping[str, Any] = PLACEHOLDER,
) -> _M | None:
    """``model`` from ``data``; on failure every error goes to ``on_error``. When some fields failed,
    the model's own rule is still checked on ``rule_fields`` alone, the rest stood in for."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
    for err in errors:
        on_error(err)
    fields = set(rule_fields)
    if fields and any(err["loc"] and err["loc"][0] not in fields for err in errors):
        try:
            model.model_validate({**placeholder, **{k: v for k, v in data.items() if k in fields}})
        except ValidationError as exc:
            for err in exc.errors():
                if not err["loc"]:
                    on_error(err)
    return None


def rule_message(err: ErrorDetails) -> str:
    """The English message of a model's own rule (a ``ValueError`` raised in a validator)."""
    ctx = err.get("ctx") or {}
    return str(ctx.get("error", err["msg"]))


def column_key(sheet: Sheet, loc: Sequence[int | str], prefix: str = "", aliases: Mapping[str, str] = {}) -> str | None:
    """The column key a Pydantic location points at: the longest dotted prefix the sheet has."""
    parts = [str(p) for p in loc if isinstance(p, str)]
    keys = {c.key for c in sheet.columns}
    for n in range(len(parts), 0, -1):
        key = prefix + ".".join(parts[:n])
        key = aliases.get(key, key)
        if key in keys:
            return key
    return None


def describe(err: ErrorDetails, column: Column | None, label: str, row_kind: str | None = None) -> str:
    """Pydantic's error, in Thai, about the column it is in."""
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    shown = value if not isinstance(value, dict | list | tuple) else ""
    if kind == "missing":
        return T.REQUIRED.format(label=label)
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return T.NOT_A_NUMBER.format(label=label, value=shown)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return T.NOT_AN_INTEGER.format(label=label, value=shown)
    limits = {
        "greater_than_equal": (T.AT_LEAST, "ge"),
        "less_than_equal": (T.AT_MOST, "le"),
        "greater_than": (T.MORE_THAN, "gt"),
        "less_than": (T.LESS_THAN, "lt"),
    }
    if kind in limits:
        template, bound = limits[kind]
        return template.format(label=label, limit=ctx.get(bound))
    if kind in ("enum", "literal_error"):
        choices = ", ".join((column.choices or {}).values()) if column and column.choices else ctx.get("expected", "")
        return T.NOT_A_CHOICE.format(label=label, choices=choices, value=shown)
    if kind in ("bool_parsing", "bool_type"):
        return T.NOT_YES_NO.format(label=label, value=shown)
    if kind == "string_type":
        return T.NOT_TEXT.format(label=label)
    if kind == "extra_forbidden" and row_kind is not None:
        return T.NOT_FOR_THIS_ROW.format(kind=row_kind, label=label)
    if kind == "value_error":
        message = rule_message(err)
        if message == "must not be negative":
            return T.NEGATIVE.format(label=label)
        if message.endswith("is not MM-DD"):
            return T.NOT_MONTH_DAY.format(label=label, value=message.split("'")[1] if "'" in message else shown)
        return T.INVALID.format(label=label, detail=message)
    return T.INVALID.format(label=label, detail=err["msg"])


def field_errors(
    row: SheetRow,
    problems: Problems,
    *,
    prefix: str = "",
    aliases: Mapping[str, str] = {},
    row_kind: str | None = None,
    rules: Callable[[ErrorDetails], None] | None = None,
) -> OnError:
    """An ``OnError`` that puts field errors on ``row``'s cells and hands the model's rules to ``rules``."""

    def on_error(err: ErrorDetails) -> None:
        if not err["loc"] and rules is not None:
            rules(err)
            return
        key = column_key(row.sheet, err["loc"], prefix, aliases)
        column = row.sheet.column(key) if key else None
        label = column.label if column else ".".join(map(str, err["loc"]))
        problems.at(row, key, describe(err, column, label, row_kind))

    return on_error
