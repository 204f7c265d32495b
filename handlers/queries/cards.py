"""The committee's monthly/quarterly summary as a LINE Flex card, with a plain-text fallback, and
the list of an indicator's items (milestones, conditions, checklist items, project steps) that the
indicator card and the dashboard show: done or open, when, and the evidence attached or missing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from handlers import texts as m
from handlers.queries import texts as qt
from scoring.fiscal import bangkok_date
from scoring.items import PlanItem, items_of
from scoring.plan import Indicator, Plan
from scoring.rubric import Result
from scoring.thai import thai_date
from store.item_marks import ItemState

GREEN, AMBER, RED, GREY = "#06C755", "#F5A623", "#E0475B", "#8C8C8C"
MAX_ITEMS = 10  # items listed on a card; the rest are counted ("และอีก 3 ข้อ"), the bubble stays small
MAX_SUMMARY_ITEMS = 8


@dataclass(frozen=True)
class ItemView:
    """One item as a list shows it. ``evidence`` is None when the item is done by a report's done
    list rather than by a mark (its files, if any, are the report's): then nothing is said missing."""

    item: PlanItem
    done: bool
    on: date | None = None
    evidence: int | None = None

    @property
    def label(self) -> str:
        return item_label(self.item)

    @property
    def missing(self) -> bool:
        """Done, evidence expected by the plan, and none attached to its mark."""
        return self.done and self.evidence == 0 and bool(self.item.evidence)


def item_label(item: PlanItem) -> str:
    return qt.item_label(item.kind, item.no, item.text)


def item_views(
    indicator: Indicator,
    done: frozenset[str],
    states: Mapping[str, ItemState],
    evidence: Mapping[int, int],
    reported_on: date | None = None,
) -> list[ItemView]:
    """The indicator's items in plan order. ``done`` is the result's done set (what is scored), the
    states give the date and mark of each item marked by chat, ``evidence`` the files per mark;
    an item done only by a report is dated by that report (``reported_on``)."""
    out = []
    for item in items_of(indicator):
        state = states.get(item.id)
        if item.id not in done:
            out.append(ItemView(item, False))
        elif state is not None and state.done:
            out.append(ItemView(item, True, bangkok_date(state.at), evidence.get(state.mark_id, 0)))
        else:
            out.append(ItemView(item, True, reported_on))
    return out


def item_text(view: ItemView) -> str:
    """ "✓ ขั้นที่ 1 เสนอแนวทาง… · 15 พ.ย. 2564 · 📎 2", "○ ข้อ 3 …"."""
    if not view.done:
        return qt.ITEM_OPEN.format(name=view.label)
    text = (
        qt.ITEM_DONE.format(name=view.label, when=thai_date(view.on))
        if view.on is not None
        else qt.ITEM_DONE_UNDATED.format(name=view.label)
    )
    if view.evidence:
        text += qt.ITEM_EVIDENCE.format(n=view.evidence)
    elif view.missing:
        text += qt.ITEM_EVIDENCE_MISSING
    return text


def shown_items(views: list[ItemView], limit: int = MAX_ITEMS) -> list[ItemView]:
    """At most ``limit`` items, in plan order: the scored ones first, then the steps done, then the
    open steps, so a long step table does not push what the score depends on off the card."""
    if len(views) <= limit:
        return views
    rank = sorted(range(len(views)), key=lambda n: (0 if views[n].item.scored else 1 if views[n].done else 2, n))
    return [views[n] for n in sorted(rank[:limit])]


def items_section(views: list[ItemView], limit: int = MAX_ITEMS) -> list[dict[str, Any]]:
    """The card's list of items: a heading with the count, one line an item, "และอีก N ข้อ"."""
    if not views:
        return []
    done = sum(v.done for v in views)
    shown = shown_items(views, limit)
    out = [
        {"type": "separator", "margin": "md"},
        _text(qt.ITEMS_HEAD.format(done=done, total=len(views)), weight="bold", size="xs", margin="md"),
    ]
    for view in shown:
        colour = AMBER if view.missing else GREEN if view.done else GREY
        out.append(_text(item_text(view), size="xxs", color=colour))
    if len(views) > len(shown):
        out.append(_text(qt.ITEMS_MORE.format(n=len(views) - len(shown)), size="xxs", color=GREY))
    return out


def items_count(plan: Plan, results: Mapping[str, Result]) -> tuple[int, int]:
    """(done, total) items over a plan's indicators, done as scored (the results' done sets)."""
    done = total = 0
    for indicator in plan.indicators():
        ids = {i.id for i in items_of(indicator)}
        result = results.get(indicator.code)
        total += len(ids)
        done += len(ids & result.done) if result is not None else 0
    return done, total


def _text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "text", "text": text or "-", "wrap": True, **style}


def _bar(fraction: float) -> dict[str, Any]:
    width = max(0, min(100, round(fraction * 100)))
    colour = GREEN if fraction >= 0.8 else AMBER if fraction >= 0.5 else RED
    fill: dict[str, Any] = {
        "type": "box",
        "layout": "vertical",
        "contents": [],
        "backgroundColor": colour,
        "width": f"{width}%",
        "height": "8px",
    }
    return {
        "type": "box",
        "layout": "vertical",
        "contents": [fill] if width else [],
        "backgroundColor": "#E6E6E6",
        "height": "8px",
        "cornerRadius": "4px",
        "margin": "sm",
    }


def summary_card(
    *,
    unit_name: str,
    period: str,
    quarterly: bool,
    reported: int,
    total: int,
    late: list[tuple[str, list[str]]],
    at_risk: list[str],
    score: float,
    max_score: float,
    problems: list[str],
    due: str,
    done_items: Sequence[tuple[str, str, str]] = (),
    window: tuple[str, str] | None = None,
) -> tuple[dict[str, Any], str]:
    """Returns (Flex bubble, alt text). Names of late people appear here, to the committee only.

    ``done_items`` are the items finished in the round (code, item label, date text), ``window`` the
    round's first and last day as shown."""
    title = qt.SUMMARY_CARD_TITLE.format(kind=m.QUARTERLY if quarterly else m.MONTHLY, period=period)
    share = score / max_score if max_score else 0.0
    body: list[dict[str, Any]] = [
        _text(unit_name, weight="bold", size="sm"),
        _text(
            qt.SUMMARY_CARD_REPORTED.format(reported=reported, total=total, due=due),
            size="sm",
            color=GREEN if reported == total else AMBER,
        ),
        {"type": "separator", "margin": "md"},
        _text(qt.SCORE.format(score=score, max=max_score), size="sm", margin="md"),
        _bar(share),
    ]
    if late:
        body.append(_text(qt.SUMMARY_CARD_LATE, weight="bold", size="sm", margin="md", color=RED))
        body += [
            _text(qt.SUMMARY_CARD_LATE_LINE.format(name=name, codes=", ".join(codes)), size="xs")
            for name, codes in late[:8]
        ]
    if at_risk:
        body.append(_text(qt.SUMMARY_CARD_AT_RISK, weight="bold", size="sm", margin="md", color=AMBER))
        body.append(_text(", ".join(at_risk), size="xs"))
    if done_items:
        first, last = window or ("-", "-")
        heading = qt.SUMMARY_CARD_ITEMS.format(first=first, last=last)
        body.append(_text(heading, weight="bold", size="sm", margin="md", color=GREEN))
        body += [
            _text(qt.SUMMARY_CARD_ITEM_LINE.format(code=code, name=name, when=when), size="xs")
            for code, name, when in done_items[:MAX_SUMMARY_ITEMS]
        ]
        if len(done_items) > MAX_SUMMARY_ITEMS:
            more = qt.ITEMS_MORE.format(n=len(done_items) - MAX_SUMMARY_ITEMS)
            body.append(_text(more, size="xxs", color=GREY))
    if problems:
        body.append(_text(qt.SUMMARY_CARD_PROBLEMS, weight="bold", size="sm", margin="md"))
        body += [_text(f"• {p[:120]}", size="xs", color=GREY) for p in problems]
    body.append(_text(qt.SUMMARY_CARD_MORE, size="xxs", color=GREY, margin="md"))
    card = {
        "type": "bubble",
        "header": {
            "type": "box",
            "layout": "vertical",
            "backgroundColor": "#273246",
            "contents": [_text(title, weight="bold", color="#FFFFFF", size="md")],
        },
        "body": {"type": "box", "layout": "vertical", "spacing": "xs", "contents": body},
    }
    late_text = "; ".join(f"{name} ({', '.join(codes)})" for name, codes in late) or "-"
    fallback = qt.SUMMARY_CARD_ALT.format(
        title=title,
        unit=unit_name,
        reported=reported,
        total=total,
        score=score,
        max_score=max_score,
        late=late_text,
        at_risk=", ".join(at_risk) or "-",
    )
    if done_items:
        fallback += qt.SUMMARY_CARD_ALT_ITEMS.format(n=len(done_items))
    return card, fallback[:400]
