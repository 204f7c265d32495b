"""What every platform route shares: the token and fault guard, and checking a request against the spec."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from bot.dev.fakeline.state import FakeLine
from bot.dev.fakeline.validation import API_HOST, validate_request


def local_path(request: Request) -> str:
    """The path below any mount point, which is what the spec and fault rules are written against."""
    path = request.url.path
    root = request.scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def guarded_router(fake: FakeLine) -> APIRouter:
    """Routes LINE serves to a bot: the channel access token first, then any fault a test queued."""

    async def guard(request: Request) -> None:
        fake.check_token(request.headers.get("authorization"))
        route = request.scope.get("route")
        fake.take_fault([local_path(request), getattr(route, "path", "")])

    return APIRouter(dependencies=[Depends(guard)])


async def body_of(request: Request, host_url: str = API_HOST) -> Any:
    """The request checked against LINE's spec: its JSON body, None, or the raw bytes of an upload."""
    return validate_request(
        request.method,
        local_path(request),
        await request.body(),
        request.headers,
        request.headers.get("content-type", ""),
        host_url=host_url,
    )
