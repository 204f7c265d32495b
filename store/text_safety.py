"""What a webhook body may carry into the store: text that SQLite and PostgreSQL keep alike.

PostgreSQL refuses NUL characters in text and JSON, and no UTF-8 database can hold a lone UTF-16
surrogate (JSON's ``"\\ud800"``); SQLite would keep both, so the two databases would disagree and
one of them lose the report. Both are removed from every string of the event at the inbox boundary.
LINE caps a text message at 5,000 characters; a longer one (never from LINE itself) is cut there and
the cut is noted in the body, so the bot can say so.
"""

from __future__ import annotations

import re
from typing import Any

MAX_TEXT = 5000
TRUNCATED_KEY = "tidtamTruncatedFrom"  # added to ``message`` when its text was cut
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def clean_text(text: str) -> str:
    return _UNSAFE.sub("", text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def clean_event(event: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``event`` safe to store: no NUL, no lone surrogate, text at most ``MAX_TEXT`` long."""
    cleaned: dict[str, Any] = _clean(event)
    message = cleaned.get("message")
    if isinstance(message, dict) and isinstance(message.get("text"), str) and len(message["text"]) > MAX_TEXT:
        message[TRUNCATED_KEY] = len(message["text"])
        message["text"] = message["text"][:MAX_TEXT]
    return cleaned
