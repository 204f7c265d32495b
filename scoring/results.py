"""Result sets as people write them: ``{"1": 95, "4": {"value": 80, "done": ["central-report"]}}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.plan import Plan
from scoring.rubric import Result
from scoring.thai import thai_to_arabic_digits


class ResultsError(ValueError):
    """A result set that does not fit its plan; the message names the indicator."""


def _number(code: str, field: str, raw: Any) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ResultsError(f"indicator {code}: {field} must be a number, not {raw!r}")
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, str):
        try:
            return float(thai_to_arabic_digits(raw).replace(",", "").strip())
        except ValueError:
            pass
    raise ResultsError(f"indicator {code}: {field} must be a number, not {raw!r}")


def parse_results(plan: Plan, raw: Mapping[Any, Any]) -> dict[str, Result]:
    """Validate a result mapping against a plan: unknown codes and malformed values are errors."""
    known = {i.code for i in plan.indicators()}
    out: dict[str, Result] = {}
    for key, entry in raw.items():
        code = thai_to_arabic_digits(str(key))
        if code not in known:
            raise ResultsError(f"indicator {code}: not in plan {plan.id} (known: {', '.join(sorted(known))})")
        if isinstance(entry, Mapping):
            extra = set(entry) - {"value", "done", "numerator", "denominator"}
            if extra:
                raise ResultsError(f"indicator {code}: unknown field(s) {', '.join(sorted(map(str, extra)))}")
            done = entry.get("done") or []
            if not isinstance(done, list | tuple):
                raise ResultsError(f"indicator {code}: done must be a list of condition ids")
            denominator = _number(code, "denominator", entry.get("denominator"))
            if denominator == 0:
                raise ResultsError(f"indicator {code}: denominator must not be 0")
            out[code] = Result.of(
                _number(code, "value", entry.get("value")),
                [str(d) for d in done],
                numerator=_number(code, "numerator", entry.get("numerator")),
                denominator=denominator,
            )
        else:
            out[code] = Result.of(_number(code, "value", entry))
    return out
