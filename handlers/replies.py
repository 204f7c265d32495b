"""What handlers answer with, independent of LINE's SDK: text, quick replies and Flex cards.

``bot/`` turns these into ``line-bot-sdk`` models; keeping them plain lets handlers and their
tests run without HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

LABEL_MAX = 20  # LINE's quick-reply action label limit


@dataclass(frozen=True)
class QuickReply:
    """A tappable choice; ``data`` comes back as a postback, ``display_text`` is what the chat shows."""

    label: str
    data: str
    display_text: str

    @classmethod
    def of(cls, label: str, display_text: str | None = None, **data: str | int) -> QuickReply:
        short = label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"
        return cls(short, urlencode({k: str(v) for k, v in data.items()}), display_text or label)


@dataclass(frozen=True)
class Outgoing:
    text: str
    quick_replies: tuple[QuickReply, ...] = ()
    flex: dict[str, Any] | None = None  # a Flex container; ``text`` is its alt text / fallback


@dataclass
class Reply:
    """Everything a handler wants said back in this chat, in order (LINE allows 5 per reply)."""

    messages: list[Outgoing] = field(default_factory=list)

    def say(self, text: str, quick_replies: tuple[QuickReply, ...] = ()) -> Reply:
        self.messages.append(Outgoing(text, quick_replies))
        return self

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.messages]


def parse_postback(data: str) -> dict[str, str]:
    return dict(parse_qsl(data, keep_blank_values=True))


def outgoing_json(message: Outgoing) -> dict[str, Any]:
    """How an outgoing message is kept in the outbox until it is sent."""
    return {
        "text": message.text,
        "quick_replies": [
            {"label": q.label, "data": q.data, "display_text": q.display_text} for q in message.quick_replies
        ],
        "flex": message.flex,
    }
