"""Routes for the channel's settings (profile, webhook endpoint and its test) and its rich menus.

Each request is checked against LINE's spec first (``body_of``), then against the rules the spec
cannot express (``richmenus``, ``channel``). Image uploads and downloads are api-data.line.me
endpoints in the spec, so they are checked against that server.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from bot.dev.fakeline.channel import test_delivery
from bot.dev.fakeline.richmenus import check_menu
from bot.dev.fakeline.routing import body_of, guarded_router
from bot.dev.fakeline.state import FakeLine
from bot.dev.fakeline.validation import DATA_HOST


def channel_routes(fake: FakeLine) -> APIRouter:
    router = guarded_router(fake)

    @router.get("/v2/bot/info")
    async def bot_info(request: Request) -> dict[str, str]:
        await body_of(request)
        return fake.bot.to_json()

    @router.get("/v2/bot/channel/webhook/endpoint")
    async def get_endpoint(request: Request) -> dict[str, Any]:
        await body_of(request)
        return fake.webhook.info()

    @router.put("/v2/bot/channel/webhook/endpoint")
    async def set_endpoint(request: Request) -> dict[str, Any]:
        fake.webhook.set((await body_of(request))["endpoint"])
        return {}

    @router.post("/v2/bot/channel/webhook/test")
    async def test_endpoint(request: Request) -> dict[str, Any]:
        body = await body_of(request) or {}
        return await test_delivery(fake.webhook, body.get("endpoint"), fake.channel_secret, fake.bot.user_id)

    return router


def rich_menu_routes(fake: FakeLine) -> APIRouter:
    """Literal paths (``/list``, ``/bulk/…``, ``/user/all/…``) come before the ones with an id in them."""
    router = guarded_router(fake)
    menus = fake.rich_menus

    @router.post("/v2/bot/richmenu")
    async def create(request: Request) -> dict[str, str]:
        return {"richMenuId": menus.create(await body_of(request)).rich_menu_id}

    @router.post("/v2/bot/richmenu/validate")
    async def validate(request: Request) -> dict[str, Any]:
        check_menu(await body_of(request))
        return {}

    @router.get("/v2/bot/richmenu/list")
    async def list_menus(request: Request) -> dict[str, Any]:
        await body_of(request)
        return {"richmenus": [menu.to_json() for menu in menus.menus.values()]}

    @router.post("/v2/bot/richmenu/bulk/link", status_code=202)
    async def bulk_link(request: Request) -> dict[str, Any]:
        body = await body_of(request)
        menus.link(body["userIds"], body["richMenuId"])
        return {}

    @router.post("/v2/bot/richmenu/bulk/unlink", status_code=202)
    async def bulk_unlink(request: Request) -> dict[str, Any]:
        menus.unlink((await body_of(request))["userIds"])
        return {}

    @router.get("/v2/bot/richmenu/{richMenuId}")
    async def get(richMenuId: str, request: Request) -> dict[str, Any]:
        await body_of(request)
        return menus.get(richMenuId).to_json()

    @router.delete("/v2/bot/richmenu/{richMenuId}")
    async def delete(richMenuId: str, request: Request) -> dict[str, Any]:
        await body_of(request)
        menus.delete(richMenuId)
        return {}

    @router.post("/v2/bot/richmenu/{richMenuId}/content")
    async def upload(richMenuId: str, request: Request) -> dict[str, Any]:
        data = await body_of(request, DATA_HOST)
        menus.set_image(richMenuId, data, request.headers.get("content-type", ""))
        return {}

    @router.get("/v2/bot/richmenu/{richMenuId}/content")
    async def download(richMenuId: str, request: Request) -> Response:
        await body_of(request, DATA_HOST)
        menu = menus.image(richMenuId)
        return Response(menu.image, media_type=menu.image_type)

    @router.post("/v2/bot/user/all/richmenu/{richMenuId}")
    async def set_default(richMenuId: str, request: Request) -> dict[str, Any]:
        await body_of(request)
        menus.set_default(richMenuId)
        return {}

    @router.get("/v2/bot/user/all/richmenu")
    async def get_default(request: Request) -> dict[str, str]:
        await body_of(request)
        return {"richMenuId": menus.default()}

    @router.delete("/v2/bot/user/all/richmenu")
    async def cancel_default(request: Request) -> dict[str, Any]:
        await body_of(request)
        menus.cancel_default()
        return {}

    @router.get("/v2/bot/user/{userId}/richmenu")
    async def get_linked(userId: str, request: Request) -> dict[str, str]:
        await body_of(request)
        return {"richMenuId": menus.linked(userId)}

    @router.post("/v2/bot/user/{userId}/richmenu/{richMenuId}")
    async def link(userId: str, richMenuId: str, request: Request) -> dict[str, Any]:
        await body_of(request)
        menus.link([userId], richMenuId)
        return {}

    @router.delete("/v2/bot/user/{userId}/richmenu")
    async def unlink(userId: str, request: Request) -> dict[str, Any]:
        await body_of(request)
        menus.unlink([userId])
        return {}

    return router
