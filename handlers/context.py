"""What every event handler gets besides the event: the transaction, the time, fetched content;
and who and where the event comes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from linebot.v3.webhooks import GroupSource, RoomSource
from sqlmodel import Session

from handlers.accounts.privacy import PrivacyTerms


@dataclass
class EventContext:
    """What a handler needs besides the event: the transaction, the time, and fetched content."""

    session: Session
    now: datetime
    evidence_dir: Path
    content: bytes | None = None
    content_type: str | None = None
    link_secret: str | None = None  # signs dashboard and file links sent in chat
    public_url: str = "http://127.0.0.1:8000"
    privacy: PrivacyTerms = field(default_factory=PrivacyTerms)  # the notice's contact and retention


def chat_id_of(event: Any) -> str:
    source = getattr(event, "source", None)
    if isinstance(source, GroupSource):
        return source.group_id
    if isinstance(source, RoomSource):
        return source.room_id
    return getattr(source, "user_id", None) or "-"


def is_group(event: Any) -> bool:
    return isinstance(getattr(event, "source", None), GroupSource | RoomSource)


def user_id_of(event: Any) -> str | None:
    return getattr(getattr(event, "source", None), "user_id", None)
