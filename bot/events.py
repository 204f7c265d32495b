"""From a stored webhook body to the SDK's event model, tolerant of the shapes LINE may send.

LINE adds event types, message types and fields over time, and older bodies lack fields the SDK now
requires (``quoteToken``, ``follow``, ``webhookEventId``, ``deliveryContext``). The SDK refuses such a
body whole, and a refused event must never stop the queue. So: types we do not handle are ignored;
a body the SDK refuses is repaired with neutral defaults for the fields it lacks and decoded again;
only what still cannot be decoded (a message without an id, a text that is not a string) is an error,
and that event becomes a dead letter with a reason that names fields, never their content.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from linebot.v3.webhooks import Event

from store.inbox import event_id_of
from store.text_safety import TRUNCATED_KEY

# Event and message types some handler acts on; everything else is acknowledged and ignored.
HANDLED_EVENTS = frozenset(
    {"message", "postback", "follow", "unfollow", "join", "leave", "memberJoined", "memberLeft", "unsend"}
)
HANDLED_MESSAGES = frozenset({"text", "image", "file"})
_SOURCE_IDS = (("groupId", "group"), ("roomId", "room"), ("userId", "user"))
_SOURCE_TYPES = frozenset(kind for _, kind in _SOURCE_IDS)


class UndecodableEvent(ValueError):
    """A body that names a type we handle but lacks what handling it needs (no source, no message)."""


class ContentUnavailable(RuntimeError):
    """LINE answered a content request with a client error: the file is gone and will stay gone."""


@dataclass(frozen=True)
class Decoded:
    """Exactly one of: an event to handle, a reason to ignore it, or an error (a dead letter)."""

    event: Event | None = None
    ignored: str | None = None
    error: str | None = None
    truncated_from: int | None = None  # the text was cut at the inbox from this many characters


def describe_error(exc: BaseException) -> str:
    """The exception's type and, for validation errors, which fields and why: never the values,
    which may be someone's message (pydantic and the SDK put the whole input into ``str(exc)``)."""
    name = type(exc).__name__
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            parts = [
                ".".join(str(p) for p in e.get("loc", ())) + ":" + str(e.get("type", "?"))
                for e in list(errors())[:6]
                if isinstance(e, dict)
            ]
        except Exception:  # an errors() that is not pydantic's
            parts = []
        if parts:
            return f"{name}: {', '.join(parts)}"
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error; its text has parameters
    if orig is not None:
        return f"{name} ({type(orig).__name__})"
    if isinstance(exc, UndecodableEvent | ContentUnavailable):
        return f"{name}: {exc}"  # our own reasons: written without anyone's content
    return name


def _source(body: dict[str, Any]) -> dict[str, Any] | None:
    source = body.get("source")
    if not isinstance(source, dict):
        return None
    if source.get("type") in _SOURCE_TYPES:
        return source
    for key, kind in _SOURCE_IDS:  # a source type we do not know: go by the ids it carries
        if isinstance(source.get(key), str):
            return {k: v for k, v in source.items() if k in {i for i, _ in _SOURCE_IDS}} | {"type": kind}
    return None


def _repaired(body: dict[str, Any]) -> dict[str, Any]:
    """The body with neutral values for fields the SDK requires and LINE may leave out."""
    fixed = copy.deepcopy(body)
    fixed.setdefault("mode", "active")
    if not isinstance(fixed.get("timestamp"), int):
        fixed["timestamp"] = 0
    if not isinstance(fixed.get("webhookEventId"), str):
        fixed["webhookEventId"] = event_id_of(body)
    if not isinstance(fixed.get("deliveryContext"), dict):
        fixed["deliveryContext"] = {"isRedelivery": False}
    if fixed.get("type") == "follow" and not isinstance(fixed.get("follow"), dict):
        fixed["follow"] = {"isUnblocked": False}
    message = fixed.get("message")
    if isinstance(message, dict):
        if message.get("type") in ("text", "image", "video", "sticker") and not isinstance(
            message.get("quoteToken"), str
        ):
            message["quoteToken"] = ""
        if message.get("type") in ("image", "video", "audio") and not isinstance(message.get("contentProvider"), dict):
            message["contentProvider"] = {"type": "line"}
        if message.get("mention") is not None and not isinstance(message.get("mention"), dict):
            del message["mention"]
        if message.get("emojis") is not None and not isinstance(message.get("emojis"), list):
            del message["emojis"]
    return fixed


def decode_event(stored: dict[str, Any]) -> Decoded:
    body = dict(stored)
    kind = body.get("type")
    if kind not in HANDLED_EVENTS:
        return Decoded(ignored=f"event type {str(kind)[:40]!r} not handled")
    source = _source(body)
    if source is None:
        return Decoded(error=describe_error(UndecodableEvent(f"{kind} event without a user, group or room id")))
    body["source"] = source
    truncated = None
    message = body.get("message")
    if kind == "message":
        if not isinstance(message, dict):
            return Decoded(error=describe_error(UndecodableEvent("message event without a message object")))
        if message.get("type") not in HANDLED_MESSAGES:
            return Decoded(ignored=f"message type {str(message.get('type'))[:40]!r} not handled")
        message = dict(message)
        cut = message.pop(TRUNCATED_KEY, None)
        truncated = cut if isinstance(cut, int) else None
        body["message"] = message
    try:
        return Decoded(event=Event.from_dict(body), truncated_from=truncated)
    except Exception as first:
        try:
            return Decoded(event=Event.from_dict(_repaired(body)), truncated_from=truncated)
        except Exception:
            return Decoded(error=describe_error(first))
