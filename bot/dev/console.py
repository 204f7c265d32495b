"""The local console: a web page that plays LINE, so a newcomer can chat with the bot without credentials.

Messages travel the real path: the page posts to ``/console/api/send``; this module builds a LINE
webhook event, signs it with the channel secret and POSTs it over HTTP to ``/webhook``; the worker
handles it and the SDK client sends the reply to the fake platform mounted at ``/_line``, whose log
the page reads back and renders as LINE shows it (text, quick replies, Flex cards).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import httpx
from fastapi import APIRouter, FastAPI, HTTPException
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from bot.dev import console_texts as ct
from bot.dev.fakeline.app import fake_of
from bot.signature import sign
from bot.ulid import new_ulid
from store.demo import COMMITTEE_GROUP, COMMITTEE_GROUP_NAME, PEOPLE, demo_line_id

if TYPE_CHECKING:
    from bot.runtime import Runtime

BOT_NAME = "Tidtam"


@dataclass(frozen=True)
class Persona:
    key: str
    name: str
    role: str
    unit: str
    user_id: str
    chat_id: str  # the user id for a 1:1 chat, the group id when typing in the committee group


def personas() -> list[Persona]:
    out = [
        Persona(p.key, p.name, ct.ROLE_LABELS[p.roles[0][0]], p.unit, demo_line_id(p.key), demo_line_id(p.key))
        for p in PEOPLE
    ]
    committee = next(p for p in PEOPLE if p.key == "committee")
    out.append(
        Persona(
            "committee-group",
            ct.IN_GROUP.format(name=committee.name, group=COMMITTEE_GROUP_NAME),
            ct.COMMITTEE_GROUP_ROLE,
            COMMITTEE_GROUP_NAME,
            demo_line_id(committee.key),
            COMMITTEE_GROUP,
        )
    )
    return out


class SendRequest(BaseModel):
    persona: str
    text: str


class TapRequest(BaseModel):
    persona: str
    data: str
    display_text: str = ""


class _Transcript:
    """What the people typed, per chat (the bot's side is the fake platform's log)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lines: dict[str, list[dict[str, Any]]] = {}

    def add(self, chat_id: str, persona: Persona, text: str) -> None:
        with self._lock:
            self._lines.setdefault(chat_id, []).append(
                {"from": "user", "name": persona.name, "text": text, "at": time.time()}
            )

    def of(self, chat_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._lines.get(chat_id, []))


def _source(persona: Persona) -> dict[str, str]:
    if persona.chat_id.startswith("C"):
        return {"type": "group", "groupId": persona.chat_id, "userId": persona.user_id}
    return {"type": "user", "userId": persona.user_id}


def console_router(runtime: Runtime, fake_app: FastAPI) -> APIRouter:
    router = APIRouter(prefix="/console")
    fake = fake_of(fake_app)
    transcript = _Transcript()
    by_key = {p.key: p for p in personas()}
    for p in by_key.values():
        fake.add_user(p.user_id, p.name.split(" (")[0])
    fake.add_group(COMMITTEE_GROUP, COMMITTEE_GROUP_NAME, {by_key["committee"].user_id: ct.COMMITTEE_MEMBER_NAME})

    def persona_of(key: str) -> Persona:
        if key not in by_key:
            raise HTTPException(404, f"unknown persona {key}")
        return by_key[key]

    async def post_event(persona: Persona, event: dict[str, Any]) -> None:
        body = json.dumps({"destination": "Uconsole", "events": [event]}, ensure_ascii=False).encode("utf-8")
        headers = {"X-Line-Signature": sign(runtime.channel_secret, body), "Content-Type": "application/json"}
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(f"http://127.0.0.1:{runtime.port}/webhook", content=body, headers=headers)
        if response.status_code != 200:
            raise HTTPException(502, f"webhook answered {response.status_code}: {response.text}")

    def base_event(persona: Persona, kind: str) -> dict[str, Any]:
        return {
            "type": kind,
            "mode": "active",
            "timestamp": int(time.time() * 1000),
            "source": _source(persona),
            "webhookEventId": new_ulid(),
            "deliveryContext": {"isRedelivery": False},
            "replyToken": fake.issue_reply_token(persona.chat_id),
        }

    @router.get("", response_class=HTMLResponse)
    def page() -> str:
        return resources.files("bot.dev").joinpath("static/console.html").read_text(encoding="utf-8")

    @router.get("/api/personas")
    def list_personas() -> list[dict[str, str]]:
        return [p.__dict__ for p in by_key.values()]

    @router.post("/api/send")
    async def send(req: SendRequest) -> dict[str, str]:
        persona = persona_of(req.persona)
        text = req.text.strip()
        if not text:
            raise HTTPException(400, "empty message")
        event = base_event(persona, "message")
        message: dict[str, Any] = {"type": "text", "id": str(time.time_ns()), "quoteToken": "q", "text": text}
        mention = f"@{BOT_NAME}"
        if persona.chat_id.startswith("C") and text.startswith(mention):
            message["mention"] = {
                "mentionees": [{"index": 0, "length": len(mention), "type": "user", "userId": "Ubot", "isSelf": True}]
            }
        event["message"] = message
        transcript.add(persona.chat_id, persona, text)
        await post_event(persona, event)
        return {"status": "sent"}

    @router.post("/api/tap")
    async def tap(req: TapRequest) -> dict[str, str]:
        persona = persona_of(req.persona)
        event = base_event(persona, "postback")
        event["postback"] = {"data": req.data}
        if req.display_text:
            transcript.add(persona.chat_id, persona, req.display_text)
        await post_event(persona, event)
        return {"status": "sent"}

    @router.get("/api/messages")
    def messages(persona: str) -> list[dict[str, Any]]:
        who = persona_of(persona)
        lines = transcript.of(who.chat_id)
        for record in fake.sent_to(who.chat_id):
            for message in record.messages:
                lines.append({"from": "bot", "name": BOT_NAME, "message": message, "at": record.at.timestamp()})
        return sorted(lines, key=lambda line: line["at"])

    return router
