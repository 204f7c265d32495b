"""``POST /webhook``: verify, store in the durable inbox, answer 200 at once; the worker does the rest.

Order of checks: size (413), signature over the raw bytes (400 missing / 401 wrong, nothing stored),
JSON with an ``events`` list (400, nothing stored; entries that are not objects are skipped), then
one INSERT … ON CONFLICT DO NOTHING per batch. Events are not decoded here: a signed body is LINE's,
and an event shape the SDK does not know yet must be acknowledged (or LINE retries it) and must not
refuse its neighbours. The worker decodes each one and ignores, handles or dead-letters it on its own.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from bot.signature import is_valid
from store.db import session_scope
from store.inbox import accept
from store.models import utcnow

log = logging.getLogger("tidtam.webhook")
MAX_BODY = 1024 * 1024


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"message": message}, status_code=status)


async def _read_limited(request: Request) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def webhook_router(engine: sa.Engine, secret: Callable[[], str], wake: Callable[[], None]) -> APIRouter:
    router = APIRouter()

    def store(events: list[dict[str, Any]]) -> int:
        with session_scope(engine) as session:
            return accept(session, events, utcnow())

    @router.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY:
            return _error(413, "body too large")
        body = await _read_limited(request)
        if body is None:
            return _error(413, "body too large")
        signature = request.headers.get("x-line-signature")
        if not signature:
            return _error(400, "missing X-Line-Signature")
        channel_secret = secret()
        if not is_valid(channel_secret, body, signature):
            log.warning("webhook with a bad signature refused (%d bytes)", len(body))
            return _error(401, "invalid signature")
        try:
            payload = json.loads(body.decode("utf-8"))
            events = payload["events"] if isinstance(payload, dict) else None
            if not isinstance(events, list):
                raise TypeError("events is not a list")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            return _error(400, f"malformed webhook body: {type(exc).__name__}")
        objects = [e for e in events if isinstance(e, dict)]
        if len(objects) < len(events):
            # Not an event at all: nothing to handle, but its neighbours are real and must not be lost.
            log.warning("webhook body with %d non-object event(s) skipped", len(events) - len(objects))
        if objects:
            await run_in_threadpool(store, objects)
            wake()
        return JSONResponse({"status": "ok"})

    return router
