"""Plain-text renderings for the terminal (the chat renderings live in ``handlers``)."""

from __future__ import annotations

from bot import texts as bt
from scoring.deadlines import Deadline
from scoring.plan import Plan
from scoring.thai import thai_date
from scoring.totals import PlanScore


def _bar(fraction: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def scorecard(plan: Plan, scored: PlanScore) -> str:
    lines = [f"{plan.title}", bt.SCORECARD_UNIT.format(unit=plan.unit, fiscal_year=plan.fiscal_year), ""]
    for e in scored.indicators():
        ind = plan.indicator(e.code)
        mark = "" if e.counted else bt.NOT_COUNTED
        points = f"{e.points:g}/{e.max_points:g}"
        lines.append(
            bt.SCORECARD_LINE.format(
                code=e.code, bar=_bar(e.fraction), level=e.level, points=points, mark=mark, name=ind.name[:56]
            )
        )
        if e.next:
            lines.append(f"      ↳ {e.next}")
    share = scored.total / scored.max if scored.max else 0.0
    lines += ["", bt.SCORECARD_TOTAL.format(bar=_bar(share), total=scored.total, max=scored.max)]
    return "\n".join(lines)


def deadline_line(d: Deadline) -> str:
    kind = bt.MONTHLY if d.kind == "monthly" else bt.QUARTERLY
    return f"{d.due.isoformat()}  {thai_date(d.due)}  {kind:<9} {d.period.thai}"


def parse_summary(parsed: dict[str, object]) -> str:
    keys = ("intent", "indicator", "candidates", "value", "unit", "period", "missing", "ask")
    return "  ".join(f"{k}={parsed.get(k)}" for k in keys)
