"""Plain-text renderings for the terminal (the chat renderings live in ``handlers``)."""

from __future__ import annotations

from scoring.deadlines import Deadline
from scoring.plan import Plan
from scoring.thai import thai_date
from scoring.totals import PlanScore


def _bar(fraction: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def scorecard(plan: Plan, scored: PlanScore) -> str:
    lines = [f"{plan.title}", f"{plan.unit} · ปีงบประมาณ {plan.fiscal_year}", ""]
    for e in scored.indicators():
        ind = plan.indicator(e.code)
        mark = "" if e.counted else " (ไม่นับรวม)"
        points = f"{e.points:g}/{e.max_points:g}"
        lines.append(f"{e.code:>5} {_bar(e.fraction)} ระดับ {e.level} · {points} คะแนน{mark}  {ind.name[:56]}")
        if e.next:
            lines.append(f"      ↳ {e.next}")
    share = scored.total / scored.max if scored.max else 0.0
    lines += ["", f"รวม {_bar(share)} {scored.total:g} จาก {scored.max:g} คะแนน"]
    return "\n".join(lines)


def deadline_line(d: Deadline) -> str:
    kind = "รายเดือน" if d.kind == "monthly" else "รายไตรมาส"
    return f"{d.due.isoformat()}  {thai_date(d.due)}  {kind:<9} {d.period.thai}"


def parse_summary(parsed: dict[str, object]) -> str:
    keys = ("intent", "indicator", "candidates", "value", "unit", "period", "missing", "ask")
    return "  ".join(f"{k}={parsed.get(k)}" for k in keys)
