"""The committee's monthly/quarterly summary as a LINE Flex card, with a plain-text fallback."""

from __future__ import annotations

from typing import Any

from handlers import texts as m
from handlers.queries import texts as qt

GREEN, AMBER, RED, GREY = "#06C755", "#F5A623", "#E0475B", "#8C8C8C"


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
) -> tuple[dict[str, Any], str]:
    """Returns (Flex bubble, alt text). Names of late people appear here, to the committee only."""
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
    return card, fallback[:400]
