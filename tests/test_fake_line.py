"""The fake LINE platform, driven by the real line-bot-sdk v3 async client over a loopback socket.

If the fake accepted what LINE rejects (or the reverse), every bot test built on it would lie; so the
SDK, not hand-written HTTP, is the client here, exactly as the bot will use it.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import httpx
import pytest
from fastapi import FastAPI
from linebot.v3.messaging import (
    AllMentionTarget,
    ApiException,
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    FlexBox,
    FlexBubble,
    FlexFiller,
    FlexMessage,
    FlexText,
    MentionSubstitutionObject,
    MentionTarget,
    Message,
    MulticastRequest,
    PostbackAction,
    PushMessageRequest,
    QuickReply,
    QuickReplyItem,
    ReplyMessageRequest,
    TextMessage,
    TextMessageV2,
    UserMentionTarget,
)

from bot.dev.fakeline.app import create_fake_line, fake_of
from bot.dev.fakeline.errors import LineError
from bot.dev.fakeline.server import serve_in_thread
from bot.dev.fakeline.state import FakeLine, new_id

TOKEN = "test-channel-token"
GROUP = new_id("C")
ALICE, BOB, CAROL, DAVE = (new_id("U") for _ in range(4))
T = TypeVar("T")

Scenario = Callable[[AsyncMessagingApi, AsyncMessagingApiBlob], Awaitable[T]]


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[FakeLine, str]]:
    app = create_fake_line(TOKEN, monthly_quota=1000)
    with serve_in_thread(app) as base:
        yield fake_of(app), base


@pytest.fixture
def line(server: tuple[FakeLine, str]) -> tuple[FakeLine, str]:
    fake, base = server
    fake.reset()
    fake.monthly_quota = 1000
    fake.add_group(GROUP, "คณะทำงาน KPI", {ALICE: "Alice", BOB: "Bob", CAROL: "Carol", DAVE: "Dave"})
    fake.add_user(ALICE, "Alice", pictureUrl="https://example.com/alice.png")
    return fake, base


def sdk(base: str, scenario: Scenario[T], token: str = TOKEN) -> T:
    """Run ``scenario`` with a fresh SDK client; aiohttp needs it created inside the running loop."""

    async def main() -> T:
        async with AsyncApiClient(Configuration(host=base, access_token=token)) as client:
            return await scenario(AsyncMessagingApi(client), AsyncMessagingApiBlob(client))

    return asyncio.run(main())


def sdk_error(base: str, scenario: Scenario[Any]) -> ApiException:
    with pytest.raises(ApiException) as caught:
        sdk(base, scenario)
    return caught.value


def error_body(exc: ApiException) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(exc.body)
    return body


def progress_bubble(percent: int) -> FlexBubble:
    bar = FlexBox(
        layout="vertical",
        background_color="#9FD8E36E",
        height="6px",
        contents=[
            FlexBox(
                layout="vertical",
                width=f"{percent}%",
                background_color="#0D8186",
                height="6px",
                contents=[FlexFiller()],
            )
        ],
    )
    return FlexBubble(body=FlexBox(layout="vertical", contents=[FlexText(text=f"KPI 3: {percent}%"), bar]))


# --- valid sends ---------------------------------------------------------------------------------


def test_text_reply_with_quick_reply_is_recorded_and_free(line: tuple[FakeLine, str]) -> None:
    fake, base = line
    token = fake.issue_reply_token(to=GROUP)
    quick = QuickReply(items=[QuickReplyItem(action=PostbackAction(label="ส่งแล้ว", data="kpi=3&done=1"))])
    request = ReplyMessageRequest(reply_token=token, messages=[TextMessage(text="รับทราบ", quick_reply=quick)])

    response = sdk(base, lambda api, _: api.reply_message(request))

    assert len(response.sent_messages) == 1 and response.sent_messages[0].quote_token
    [record] = fake.sent
    assert (record.endpoint, record.to, record.reply_token) == ("reply", [GROUP], token)
    assert record.messages[0]["quickReply"]["items"][0]["action"]["data"] == "kpi=3&done=1"
    assert fake.usage() == 0


def test_flex_and_mention_pushes_pass_and_show_in_the_inspection_api(line: tuple[FakeLine, str]) -> None:
    fake, base = line
    flex = FlexMessage(alt_text="สรุปผล KPI", contents=progress_bubble(70))
    mention = TextMessageV2(
        text="{a} {all} กรุณารายงานผล",
        substitution={
            "a": MentionSubstitutionObject(mentionee=UserMentionTarget(user_id=ALICE)),
            "all": MentionSubstitutionObject(mentionee=AllMentionTarget()),
        },
    )

    async def scenario(api: AsyncMessagingApi, _: AsyncMessagingApiBlob) -> None:
        await api.push_message(PushMessageRequest(to=GROUP, messages=[flex, mention]))

    sdk(base, scenario)

    sent = httpx.get(f"{base}/_fake/sent", params={"to": GROUP}).json()
    assert [m["type"] for m in sent[0]["messages"]] == ["flex", "textV2"]
    assert sent[0]["messages"][1]["substitution"]["a"]["mentionee"]["userId"] == ALICE
    assert httpx.get(f"{base}/_fake/sent", params={"to": BOB}).json() == []
    assert httpx.delete(f"{base}/_fake/sent").status_code == 204
    assert fake.sent == []


# --- what LINE rejects ---------------------------------------------------------------------------


def _six_texts() -> PushMessageRequest:
    # The SDK itself refuses six messages, so skip its check to see that the platform refuses them too.
    return PushMessageRequest.construct(to=GROUP, messages=[TextMessage(text=str(i)) for i in range(6)])


INVALID: dict[str, tuple[Callable[[], PushMessageRequest], str]] = {
    "unknown message type": (
        lambda: PushMessageRequest(to=GROUP, messages=[Message(type="bogus")]),
        "messages[0].type",
    ),
    "textV2 mention without userId": (
        lambda: PushMessageRequest(
            to=GROUP,
            messages=[
                TextMessageV2(
                    text="{u} รายงานด้วย",
                    substitution={"u": MentionSubstitutionObject(mentionee=MentionTarget(type="user"))},
                )
            ],
        ),
        "messages[0].substitution.u.mentionee.userId",
    ),
    "six messages": (_six_texts, "messages"),
}


@pytest.mark.parametrize("case", INVALID, ids=list(INVALID))
def test_spec_invalid_push_is_a_400_with_line_error_details(line: tuple[FakeLine, str], case: str) -> None:
    fake, base = line
    build, bad_property = INVALID[case]
    error = sdk_error(base, lambda api, _: api.push_message(build()))
    assert error.status == 400
    body = error_body(error)
    assert body["message"].startswith("The request body has")
    assert bad_property in [detail["property"] for detail in body["details"]]
    assert fake.sent == [] and fake.usage() == 0


def test_wrong_token_is_a_401(line: tuple[FakeLine, str]) -> None:
    fake, base = line

    async def scenario(api: AsyncMessagingApi, _: AsyncMessagingApiBlob) -> Any:
        return await api.push_message(PushMessageRequest(to=GROUP, messages=[TextMessage(text="x")]))

    with pytest.raises(ApiException) as caught:
        sdk(base, scenario, token="not-the-token")
    assert caught.value.status == 401
    assert "Authentication failed" in error_body(caught.value)["message"]
    assert fake.sent == []


def test_reply_token_is_single_use_and_expires(line: tuple[FakeLine, str]) -> None:
    fake, base = line
    token = fake.issue_reply_token(to=GROUP)
    request = ReplyMessageRequest(reply_token=token, messages=[TextMessage(text="ครั้งแรก")])
    sdk(base, lambda api, _: api.reply_message(request))

    reused = sdk_error(base, lambda api, _: api.reply_message(request))
    assert (reused.status, error_body(reused)) == (400, {"message": "Invalid reply token"})

    stale = ReplyMessageRequest(
        reply_token=fake.issue_reply_token(to=GROUP, ttl=timedelta(0)), messages=[TextMessage(text="ช้าไป")]
    )
    assert sdk_error(base, lambda api, _: api.reply_message(stale)).status == 400
    assert len(fake.sent) == 1


def test_repeated_retry_key_is_a_409_pointing_at_the_accepted_request(line: tuple[FakeLine, str]) -> None:
    fake, base = line
    key = str(uuid.uuid4())
    request = PushMessageRequest(to=GROUP, messages=[TextMessage(text="เตือนส่งรายงาน")])

    first = sdk(base, lambda api, _: api.push_message_with_http_info(request, x_line_retry_key=key))
    again = sdk_error(base, lambda api, _: api.push_message(request, x_line_retry_key=key))

    assert again.status == 409
    assert again.headers["x-line-accepted-request-id"] == first.headers["x-line-request-id"]
    assert len(fake.sent) == 1 and fake.sent[0].retry_key == key
    assert fake.usage() == 4
    assert [c.same_body for c in fake.retry_conflicts] == [True]


def test_injected_429_then_the_retry_succeeds(line: tuple[FakeLine, str]) -> None:
    fake, base = line
    fault = {"path": "/v2/bot/message/push", "status": 429, "count": 1}
    assert httpx.post(f"{base}/_fake/faults", json=fault).status_code == 204
    key = str(uuid.uuid4())
    request = PushMessageRequest(to=ALICE, messages=[TextMessage(text="ลองใหม่")])

    throttled = sdk_error(base, lambda api, _: api.push_message(request, x_line_retry_key=key))
    assert throttled.status == 429
    sdk(base, lambda api, _: api.push_message(request, x_line_retry_key=key))

    assert [r.retry_key for r in fake.sent] == [key]


def test_injected_500_on_content_route_template(line: tuple[FakeLine, str]) -> None:
    fake, base = line
    fake.add_content("42", b"x", "image/png")
    fake.add_fault("/v2/bot/message/{messageId}/content", 500, count=2)
    for _ in range(2):
        assert sdk_error(base, lambda _, blob: blob.get_message_content("42")).status == 500
    assert sdk(base, lambda _, blob: blob.get_message_content("42")) == b"x"


# --- reads ---------------------------------------------------------------------------------------


def test_content_download_returns_the_registered_bytes(line: tuple[FakeLine, str]) -> None:
    _, base = line
    photo = bytes(range(256)) * 40
    posted = httpx.post(f"{base}/_fake/content/5012345678", content=photo, headers={"Content-Type": "image/jpeg"})
    assert posted.status_code == 204

    response = sdk(base, lambda _, blob: blob.get_message_content_with_http_info("5012345678"))
    assert bytes(response.data) == photo
    assert response.headers["content-type"] == "image/jpeg"
    assert sdk_error(base, lambda _, blob: blob.get_message_content("missing")).status == 404


def test_profiles_and_group_summary(line: tuple[FakeLine, str]) -> None:
    _, base = line

    async def scenario(api: AsyncMessagingApi, _: AsyncMessagingApiBlob) -> tuple[Any, Any, Any]:
        return (
            await api.get_profile(ALICE),
            await api.get_group_summary(GROUP),
            await api.get_group_member_profile(GROUP, BOB),
        )

    profile, summary, member = sdk(base, scenario)
    assert (profile.display_name, profile.picture_url) == ("Alice", "https://example.com/alice.png")
    assert (summary.group_id, summary.group_name) == (GROUP, "คณะทำงาน KPI")
    assert (member.user_id, member.display_name) == (BOB, "Bob")
    assert sdk_error(base, lambda api, _: api.get_profile(BOB)).status == 404  # a member, not a friend
    assert sdk_error(base, lambda api, _: api.get_group_member_profile(GROUP, new_id("U"))).status == 404


def test_quota_counts_recipients_per_request_and_stops_at_the_limit(line: tuple[FakeLine, str]) -> None:
    fake, base = line
    token = fake.issue_reply_token(to=GROUP)
    texts = [TextMessage(text=f"ข้อความ {i}") for i in range(3)]

    async def scenario(api: AsyncMessagingApi, _: AsyncMessagingApiBlob) -> tuple[Any, Any]:
        await api.push_message(PushMessageRequest(to=GROUP, messages=texts))  # 4 members
        await api.multicast(MulticastRequest(to=[ALICE, BOB, CAROL], messages=texts[:2]))  # 3 users
        await api.push_message(PushMessageRequest(to=DAVE, messages=texts[:1]))  # 1 user
        await api.reply_message(ReplyMessageRequest(reply_token=token, messages=texts))  # free
        return await api.get_message_quota(), await api.get_message_quota_consumption()

    quota, consumption = sdk(base, scenario)
    assert (quota.type, quota.value) == ("limited", 1000)
    assert consumption.total_usage == 4 + 3 + 1
    assert [r.charged for r in fake.sent] == [4, 3, 1, 0]

    fake.monthly_quota = 10
    over = sdk_error(base, lambda api, _: api.push_message(PushMessageRequest(to=GROUP, messages=texts[:1])))
    assert (over.status, error_body(over)["message"]) == (429, "You have reached your monthly limit.")
    assert fake.usage() == 8


def test_multicast_refuses_group_ids(line: tuple[FakeLine, str]) -> None:
    _, base = line
    request = MulticastRequest(to=[ALICE, GROUP], messages=[TextMessage(text="x")])
    error = sdk_error(base, lambda api, _: api.multicast(request))
    assert error.status == 400 and "to[1]" in error_body(error)["message"]


# --- in-process: what the SDK never sends, and mounting ---------------------------------------------


def asgi(app: FastAPI, scenario: Callable[[httpx.AsyncClient], Awaitable[None]]) -> None:
    async def main() -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://fake") as client:
            await scenario(client)

    asyncio.run(main())


def test_retry_key_on_reply_and_malformed_json_are_400s() -> None:
    app = create_fake_line(TOKEN)
    token = fake_of(app).issue_reply_token()
    auth = {"Authorization": f"Bearer {TOKEN}"}

    async def scenario(client: httpx.AsyncClient) -> None:
        body = {"replyToken": token, "messages": [{"type": "text", "text": "x"}]}
        keyed = await client.post(
            "/v2/bot/message/reply", json=body, headers={**auth, "X-Line-Retry-Key": str(uuid.uuid4())}
        )
        assert keyed.status_code == 400
        broken = await client.post(
            "/v2/bot/message/push", content=b"{", headers={**auth, "Content-Type": "application/json"}
        )
        assert broken.json() == {"message": "The request body could not be parsed as JSON"}
        bad_key = await client.post(
            "/v2/bot/message/push",
            json={"to": GROUP, "messages": [{"type": "text", "text": "x"}]},
            headers={**auth, "X-Line-Retry-Key": "not-a-uuid"},
        )
        assert bad_key.status_code == 400
        assert (await client.get("/v2/bot/nothing", headers=auth)).json() == {"message": "Not found"}

    asgi(app, scenario)


def test_works_mounted_under_a_prefix() -> None:
    fake_app = create_fake_line(TOKEN)
    parent = FastAPI()
    parent.mount("/line", fake_app)
    fake_of(fake_app).add_fault("/v2/bot/message/push", 500)
    body = {"to": GROUP, "messages": [{"type": "text", "text": "x"}]}
    headers = {"Authorization": f"Bearer {TOKEN}"}

    async def scenario(client: httpx.AsyncClient) -> None:
        assert (await client.post("/line/v2/bot/message/push", json=body, headers=headers)).status_code == 500
        ok = await client.post("/line/v2/bot/message/push", json=body, headers=headers)
        assert ok.status_code == 200, ok.text
        assert "x-line-request-id" in ok.headers
        assert (await client.get("/line/_fake/sent")).json()[0]["to"] == [GROUP]

    asgi(parent, scenario)


def test_retry_keys_last_a_day_and_usage_resets_each_month() -> None:
    now = [datetime(2026, 1, 31, 12, tzinfo=UTC)]
    fake = FakeLine(clock=lambda: now[0], monthly_quota=5)
    body = {"to": ALICE, "messages": [{"type": "text", "text": "x"}]}
    fake.push(body, "r1", "k")
    with pytest.raises(LineError) as conflict:
        fake.push(body, "r2", "K")  # keys are UUIDs: compared case-insensitively
    assert conflict.value.headers == {"x-line-accepted-request-id": "r1"}

    now[0] += timedelta(hours=24)  # 1 Feb 12:00 UTC: the key has expired and a new month has begun
    fake.push(body, "r3", "k")
    assert fake.usage() == 1 and len(fake.sent) == 2
