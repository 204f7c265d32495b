"""The committee's monthly/quarterly summary as a LINE Flex card, with a plain-text fallback."""

from __future__ import annotations

from typing import Any

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
    title = f"สรุปผล{'รายไตรมาส' if quarterly else 'รายเดือน'} · {period}"
    share = score / max_score if max_score else 0.0
    body: list[dict[str, Any]] = [
        _text(unit_name, weight="bold", size="sm"),
        _text(
            f"ส่งรายงานแล้ว {reported} จาก {total} คน (กำหนดส่ง {due})",
            size="sm",
            color=GREEN if reported == total else AMBER,
        ),
        {"type": "separator", "margin": "md"},
        _text(f"คะแนนถึงตอนนี้ {score:g} จาก {max_score:g}", size="sm", margin="md"),
        _bar(share),
    ]
    if late:
        body.append(_text("ยังไม่ส่ง", weight="bold", size="sm", margin="md", color=RED))
        body += [_text(f"• {name}: ตัวชี้วัดที่ {', '.join(codes)}", size="xs") for name, codes in late[:8]]
    if at_risk:
        body.append(_text("ตัวชี้วัดที่เสี่ยงไม่ถึงเป้า", weight="bold", size="sm", margin="md", color=AMBER))
        body.append(_text(", ".join(at_risk), size="xs"))
    if problems:
        body.append(_text("ปัญหาที่รายงาน", weight="bold", size="sm", margin="md"))
        body += [_text(f"• {p[:120]}", size="xs", color=GREY) for p in problems]
    body.append(_text("พิมพ์ @Tidtam สรุปผล เพื่อดูรายละเอียด", size="xxs", color=GREY, margin="md"))
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
    fallback = (
        f"{title}\n{unit_name}: ส่งแล้ว {reported}/{total} คน · คะแนน {score:g}/{max_score:g}\n"
        f"ยังไม่ส่ง: {late_text}\nเสี่ยงไม่ถึงเป้า: {', '.join(at_risk) or '-'}"
    )
    return card, fallback[:400]
