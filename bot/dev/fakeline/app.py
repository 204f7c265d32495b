"""The fake LINE platform as an ASGI app: the routes a bot calls, plus ``/_fake`` for tests and the console.

Point the real SDK at it with ``Configuration(host="http://127.0.0.1:PORT", access_token=...)``; that
host replaces both api.line.me and api-data.line.me, so one app serves message content too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.dev.fakeline.errors import LineError
from bot.dev.fakeline.routes_richmenu import channel_routes, rich_menu_routes
from bot.dev.fakeline.routing import body_of, guarded_router
from bot.dev.fakeline.state import DEFAULT_ACCESS_TOKEN, Clock, FakeLine, new_request_id, sent_messages, utc_now
from bot.dev.fakeline.validation import messaging_api

REQUEST_ID_HEADER = "x-line-request-id"


def create_fake_line(
    access_token: str = DEFAULT_ACCESS_TOKEN,
    *,
    monthly_quota: int | None = 300,
    reply_token_ttl: timedelta = timedelta(minutes=1),
    strict_recipients: bool = False,
    clock: Clock = utc_now,
    channel_secret: str | None = None,
    fake: FakeLine | None = None,
) -> FastAPI:
    """The app; its ``FakeLine`` is ``app.state.fake`` (typed access: ``fake_of(app)``).

    ``monthly_quota=None`` means no target limit. ``strict_recipients`` makes pushes to users and
    groups that were not seeded fail as LINE fails them; otherwise they cost one message each.
    ``channel_secret`` signs the webhook that ``POST /v2/bot/channel/webhook/test`` delivers.
    """
    if fake is None:
        fake = FakeLine(
            access_token=access_token,
            monthly_quota=monthly_quota,
            reply_token_ttl=reply_token_ttl,
            strict_recipients=strict_recipients,
            clock=clock,
            channel_secret=channel_secret,
        )
    messaging_api()  # load the spec now: a packaging mistake should fail at start-up, not on a send
    app = FastAPI(title="Fake LINE platform", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.fake = fake
    app.include_router(_platform_routes(fake))
    app.include_router(channel_routes(fake))
    app.include_router(rich_menu_routes(fake))
    app.include_router(_inspection_routes(fake))

    @app.middleware("http")
    async def request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        request.state.request_id = new_request_id()
        response = await call_next(request)
        response.headers[REQUEST_ID_HEADER] = request.state.request_id
        return response

    @app.exception_handler(LineError)
    async def line_error(_: Request, exc: LineError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = "Not found" if exc.status_code == 404 else str(exc.detail)
        return JSONResponse({"message": message}, status_code=exc.status_code)

    return app


def fake_of(app: FastAPI) -> FakeLine:
    fake: FakeLine = app.state.fake
    return fake


def _platform_routes(fake: FakeLine) -> APIRouter:
    router = guarded_router(fake)

    @router.post("/v2/bot/message/reply")
    async def reply(request: Request) -> dict[str, Any]:
        if "x-line-retry-key" in request.headers:
            raise LineError(400, "The X-Line-Retry-Key header is not supported by this endpoint")
        record = fake.reply(await body_of(request), request.state.request_id)
        return {"sentMessages": sent_messages(record)}

    @router.post("/v2/bot/message/push")
    async def push(request: Request) -> dict[str, Any]:
        body = await body_of(request)
        record = fake.push(body, request.state.request_id, request.headers.get("x-line-retry-key"))
        return {"sentMessages": sent_messages(record)}

    @router.post("/v2/bot/message/multicast")
    async def multicast(request: Request) -> dict[str, Any]:
        body = await body_of(request)
        fake.multicast(body, request.state.request_id, request.headers.get("x-line-retry-key"))
        return {}

    @router.get("/v2/bot/message/quota")
    async def quota() -> dict[str, Any]:
        if fake.monthly_quota is None:
            return {"type": "none"}
        return {"type": "limited", "value": fake.monthly_quota}

    @router.get("/v2/bot/message/quota/consumption")
    async def consumption() -> dict[str, Any]:
        return {"totalUsage": fake.usage()}

    @router.get("/v2/bot/profile/{userId}")
    async def profile(userId: str) -> dict[str, str]:
        if userId not in fake.users:
            raise LineError(404, "Not found")
        return fake.users[userId]

    @router.get("/v2/bot/group/{groupId}/summary")
    async def group_summary(groupId: str) -> dict[str, str]:
        group = fake.groups.get(groupId)
        if group is None:
            raise LineError(404, "Not found")
        summary = {"groupId": group.group_id, "groupName": group.name}
        return summary | ({"pictureUrl": group.picture_url} if group.picture_url else {})

    @router.get("/v2/bot/group/{groupId}/member/{userId}")
    async def group_member(groupId: str, userId: str) -> dict[str, str]:
        group = fake.groups.get(groupId)
        if group is None or userId not in group.members:
            raise LineError(404, "Not found")
        member = {"displayName": group.members[userId], "userId": userId}
        picture = fake.users.get(userId, {}).get("pictureUrl")
        return member | ({"pictureUrl": picture} if picture else {})

    @router.get("/v2/bot/message/{messageId}/content")
    async def content(messageId: str) -> Response:
        stored = fake.contents.get(messageId)
        if stored is None:
            raise LineError(404, "Not found")
        return Response(stored.data, media_type=stored.content_type)

    return router


class ReplyTokenRequest(BaseModel):
    to: str | None = None
    ttl_seconds: float | None = Field(default=None, alias="ttlSeconds")


class FaultRequest(BaseModel):
    path: str
    status: int = Field(ge=400, le=599)
    count: int = Field(default=1, ge=1)


class UserRequest(BaseModel):
    user_id: str = Field(alias="userId")
    display_name: str = Field(alias="displayName")
    picture_url: str | None = Field(default=None, alias="pictureUrl")


class GroupRequest(BaseModel):
    group_id: str = Field(alias="groupId")
    group_name: str = Field(alias="groupName")
    members: dict[str, str] = Field(default_factory=dict)
    picture_url: str | None = Field(default=None, alias="pictureUrl")


def _inspection_routes(fake: FakeLine) -> APIRouter:
    """No token here: these stand in for the human at the other end, and only loopback reaches them."""
    router = APIRouter(prefix="/_fake")

    @router.get("/sent")
    async def sent(to: str | None = None) -> list[dict[str, Any]]:
        records = fake.sent_to(to) if to else list(fake.sent)
        return [record.to_json() for record in records]

    @router.delete("/sent", status_code=204)
    async def clear_sent() -> None:
        fake.clear_sent()

    @router.post("/reply-token")
    async def reply_token(spec: ReplyTokenRequest | None = None) -> dict[str, str]:
        spec = spec or ReplyTokenRequest()
        ttl = timedelta(seconds=spec.ttl_seconds) if spec.ttl_seconds is not None else None
        return {"replyToken": fake.issue_reply_token(spec.to, ttl)}

    @router.post("/content/{messageId}", status_code=204)
    async def add_content(messageId: str, request: Request) -> None:
        content_type = request.headers.get("content-type", "application/octet-stream")
        fake.add_content(messageId, await request.body(), content_type)

    @router.post("/faults", status_code=204)
    async def add_fault(fault: FaultRequest) -> None:
        fake.add_fault(fault.path, fault.status, fault.count)

    @router.post("/users", status_code=204)
    async def add_user(user: UserRequest) -> None:
        extra = {"pictureUrl": user.picture_url} if user.picture_url else {}
        fake.add_user(user.user_id, user.display_name, **extra)

    @router.post("/groups", status_code=204)
    async def add_group(group: GroupRequest) -> None:
        fake.add_group(group.group_id, group.group_name, group.members, group.picture_url)

    return router
