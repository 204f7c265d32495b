"""``tidtam line setup`` against the fake LINE platform over real HTTP, with the real SDK client.

The whole path: the command points the webhook at the running service, LINE's test delivery (signed
with the channel secret) reaches the real ``/webhook``, the menus' images pass LINE's checks, each
demo person gets their role's menu, a second run replaces rather than adds, and a grant relinks.
Each menu button's message is also sent through the real router, to hold it to its label.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    Configuration,
    MessageAction,
    MessagingApi,
    MessagingApiBlob,
    RichMenuArea,
    RichMenuBounds,
    RichMenuRequest,
    RichMenuSize,
    SetWebhookEndpointRequest,
)
from PIL import Image
from sqlmodel import Session
from typer.testing import CliRunner

from bot import line_setup_texts as lt
from bot import privacy_texts as pt
from bot.cli import app
from bot.dev.fakeline.app import create_fake_line, fake_of
from bot.dev.fakeline.richmenus import NEEDS_IMAGE
from bot.dev.fakeline.server import serve_in_thread
from bot.dev.fakeline.state import FakeLine
from bot.line_client import LINE_API
from bot.line_menus import (
    MENU_SIZE,
    MENUS,
    Answer,
    Audience,
    audience_of,
    button_bounds,
    line_api,
    relink_menus,
)
from bot.rich_menu_image import render_menu
from bot.settings import CONSOLE_TOKEN, get_settings
from handlers import texts as m
from handlers.accounts import texts as at
from handlers.queries import texts as qt
from handlers.replies import Reply
from store import progress
from store.db import make_engine
from store.demo import COUNCIL, GOV, demo_line_id
from store.models import Role
from store.people import roles_of
from store.plans import latest_plan
from tests.chat_driver import ChatDriver
from tests.webhook_service import SECRET, Service

PUBLIC = "https://tidtam.example.go.th"
TOKEN = "test-channel-token"
# Demo people → the menu their roles give them (committee > manager/unit head > reporter; admin → committee).
EXPECTED = {
    "somsri": Audience.reporter,
    "wichai": Audience.reporter,
    "anan": Audience.reporter,
    "pranee": Audience.unit,
    "kanya": Audience.unit,
    "manager": Audience.unit,
    "committee": Audience.committee,
    "admin": Audience.committee,
}


def setup_cli(*args: str) -> tuple[int, str]:
    get_settings.cache_clear()
    out = CliRunner().invoke(app, ["line", "setup", *args])
    get_settings.cache_clear()
    return out.exit_code, out.output


@pytest.fixture
def channel(service: Service, monkeypatch: pytest.MonkeyPatch, db_url: str) -> Iterator[FakeLine]:
    """The running service's fake LINE platform as the channel: LINE's test delivery to PUBLIC reaches
    the service's real webhook, signed with the secret the service verifies."""
    fake = service.fake
    fake.channel_secret = SECRET
    fake.webhook.routes[PUBLIC] = service.base
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("LINE_CHANNEL_ACCESS_TOKEN", CONSOLE_TOKEN)
    monkeypatch.setenv("LINE_API_BASE", f"{service.base}/_line")
    monkeypatch.delenv("TIDTAM_CONSOLE", raising=False)
    yield fake
    get_settings.cache_clear()


def tidtam_menus(fake: FakeLine) -> dict[str, str]:
    return {menu.body["name"]: menu.rich_menu_id for menu in fake.rich_menus.menus.values()}


def test_setup_connects_the_channel_and_gives_everyone_their_menu(channel: FakeLine) -> None:
    code, output = setup_cli("--public-url", PUBLIC + "/")

    assert code == 0, output
    assert channel.webhook.endpoint == PUBLIC + "/webhook"
    [test] = channel.webhook.tests
    assert (test["success"], test["statusCode"], test["reason"]) == (True, 200, "OK")  # the real webhook said 200
    assert lt.WEBHOOK_TEST_OK.format(status=200) in output
    menus = tidtam_menus(channel)
    assert set(menus) == {spec.name for spec in MENUS.values()}
    for audience, spec in MENUS.items():
        menu = channel.rich_menus.menus[menus[spec.name]]
        assert menu.body["size"] == {"width": MENU_SIZE[0], "height": MENU_SIZE[1]}
        areas = menu.body["areas"]
        assert [a["action"]["text"] for a in areas] == [b.text for b in spec.buttons]  # what the router is held to
        assert [tuple(a["bounds"].values()) for a in areas] == button_bounds(3)
        with Image.open(io.BytesIO(menu.image or b"")) as image:
            assert (image.format, image.size) == ("PNG", MENU_SIZE), audience
    assert channel.rich_menus.default_id == menus["tidtam-reporter"]
    for key, audience in EXPECTED.items():
        assert channel.rich_menus.links[demo_line_id(key)] == menus[MENUS[audience].name], key


def test_setup_twice_replaces_its_menus_and_leaves_others_alone(channel: FakeLine, service: Service) -> None:
    with ApiClient(Configuration(host=f"{service.base}/_line", access_token=CONSOLE_TOKEN)) as client:
        campaign = MessagingApi(client).create_rich_menu(menu_request_of("campaign-2567")).rich_menu_id
    assert setup_cli("--public-url", PUBLIC)[0] == 0
    first = tidtam_menus(channel)

    code, output = setup_cli("--public-url", PUBLIC)

    assert code == 0, output
    second = tidtam_menus(channel)
    assert len(channel.rich_menus.menus) == 4 and second["campaign-2567"] == campaign
    assert set(second) - {"campaign-2567"} == {spec.name for spec in MENUS.values()}
    assert not set(first.values()) & (set(second.values()) - {campaign})  # replaced, not kept
    assert lt.REPLACED.format(n=3) in output
    assert channel.rich_menus.default_id == second["tidtam-reporter"]
    assert channel.rich_menus.links[demo_line_id("committee")] == second["tidtam-committee"]


def test_granting_a_role_relinks_the_persons_menu(channel: FakeLine) -> None:
    assert setup_cli("--public-url", PUBLIC)[0] == 0
    menus = tidtam_menus(channel)
    somsri = demo_line_id("somsri")
    assert channel.rich_menus.links[somsri] == menus["tidtam-reporter"]

    get_settings.cache_clear()
    out = CliRunner().invoke(app, ["people", "grant", "สมศรี ใจดี", "committee"])

    assert out.exit_code == 0, out.output
    assert lt.MENU_RELINKED.format(n=1) in out.output
    assert channel.rich_menus.links[somsri] == menus["tidtam-committee"]
    assert channel.rich_menus.links[demo_line_id("wichai")] == menus["tidtam-reporter"]  # nobody else moved


def test_forgetting_a_person_takes_their_menu_off(
    channel: FakeLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under the PDPA a forgotten person's LINE accounts are erased, so the menu comes off them now:
    no later setup could find them."""
    assert setup_cli("--public-url", PUBLIC)[0] == 0
    somsri = demo_line_id("somsri")
    assert somsri in channel.rich_menus.links
    monkeypatch.setenv("AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    get_settings.cache_clear()

    out = CliRunner().invoke(app, ["people", "forget", "สมศรี ใจดี", "--yes"])

    assert out.exit_code == 0, out.output
    assert pt.MENU_UNLINKED.format(n=1) in out.output
    assert somsri not in channel.rich_menus.links
    assert demo_line_id("wichai") in channel.rich_menus.links  # nobody else touched


def test_a_webhook_line_cannot_reach_is_reported_and_the_menus_still_made(channel: FakeLine) -> None:
    code, output = setup_cli("--public-url", "https://not-deployed.example.go.th")

    assert code == 1
    assert channel.webhook.tests[-1]["reason"] == "COULD_NOT_CONNECT"
    assert "COULD_NOT_CONNECT" in output and lt.DONE_BUT_WEBHOOK in output
    assert len(tidtam_menus(channel)) == 3


@pytest.mark.parametrize(
    ("env", "args", "expected"),
    [
        ({}, ("--public-url", PUBLIC), lt.NEED_TOKEN),
        ({"LINE_CHANNEL_ACCESS_TOKEN": TOKEN}, ("--public-url", "http://tidtam.example.go.th"), "https://"),
        ({"LINE_CHANNEL_ACCESS_TOKEN": "wrong"}, ("--public-url", PUBLIC), "HTTP 401"),
    ],
)
def test_setup_refuses_clearly(
    cli_db: str, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], args: tuple[str, ...], expected: str
) -> None:
    fake_app = create_fake_line(TOKEN)
    with serve_in_thread(fake_app) as base:
        monkeypatch.setenv("LINE_API_BASE", base)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        code, output = setup_cli(*args)
    assert code == 1 and expected in output, output
    assert not fake_of(fake_app).rich_menus.menus and fake_of(fake_app).webhook.endpoint is None


def test_relink_does_nothing_without_a_token_or_before_setup(cli_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(cli_db)
    fake_app = create_fake_line(TOKEN)
    with Session(engine) as session, serve_in_thread(fake_app) as base:
        from store.demo import load_demo
        from store.models import utcnow

        people = load_demo(session, Path(__file__).resolve().parent.parent / "plans", utcnow())
        ids = [person.id or 0 for person in people.values()]
        assert relink_menus(session, ids) == []  # no token (cli_db unsets it)
        monkeypatch.setenv("LINE_CHANNEL_ACCESS_TOKEN", TOKEN)
        monkeypatch.setenv("LINE_API_BASE", base)
        get_settings.cache_clear()
        assert relink_menus(session, ids) == []  # no Tidtam menus on the channel yet
    assert fake_of(fake_app).rich_menus.links == {}
    engine.dispose()
    get_settings.cache_clear()


# --- each button's message gets the answer its label promises ----------------------------------

PERSONAS = [
    ("somsri", [GOV]),
    ("pranee", [GOV]),
    ("manager", [COUNCIL, GOV]),
    ("committee", [COUNCIL, GOV]),
    ("admin", [COUNCIL, GOV]),
]


def check_answer(answer: Answer, reply: Reply, units: list[str]) -> None:
    text = "\n".join(reply.texts)
    if answer is Answer.how_to_report:
        assert reply.texts == [m.HELP]
    elif answer is Answer.summary:
        [message] = reply.messages
        assert message.flex is not None
        cards = message.flex["contents"] if message.flex["type"] == "carousel" else [message.flex]
        assert len(cards) == len(units)
        assert all(unit in text for unit in units), text
    elif answer is Answer.what_to_ask:
        assert reply.messages[0].flex is not None and text.startswith(qt.HELP_TITLE)
    elif answer is Answer.who_late:
        assert text.startswith((qt.LATE_HEAD, qt.NOBODY_LATE)), text
    elif answer is Answer.dashboard:
        assert text.startswith(at.DASHBOARD_LINK.split("{url}")[0]) and "/dashboard?t=" in text, text


@pytest.mark.parametrize(("key", "units"), PERSONAS, ids=[p for p, _ in PERSONAS])
@pytest.mark.parametrize("index", range(3))
def test_each_menu_button_gets_the_answer_its_label_promises(
    template: Path, tmp_path: Path, key: str, units: list[str], index: int
) -> None:
    path = tmp_path / "case.db"
    shutil.copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    with Session(engine) as session:
        from store.identities import person_of

        person = person_of(session, demo_line_id(key))
        assert person is not None
        audience = audience_of(Role(g.role) for g in roles_of(session, person.id or 0))
    assert audience == EXPECTED[key]
    button = MENUS[audience].buttons[index]

    reply = ChatDriver(engine, demo_line_id(key), tmp_path).say(button.text)

    check_answer(button.answer, reply, units)
    engine.dispose()


def test_the_report_button_while_details_are_asked_is_not_taken_as_the_details(template: Path, tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    shutil.copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    chat = ChatDriver(engine, demo_line_id("somsri"), tmp_path)
    chat.say("ตช.3 ร้อยละ 95")  # saved; the bot asks once for what, with whom, where
    button = MENUS[Audience.reporter].buttons[0]
    reply = chat.say(button.text)
    check_answer(Answer.how_to_report, reply, [])
    with Session(engine) as session:
        record = latest_plan(session, "fy2567-governor-secretary")
        assert record is not None
        [report] = progress.history(session=session, plan=record)["3"]
        assert button.text not in report.narrative
    engine.dispose()


# --- the fake platform holds menus to LINE's rules ----------------------------------------------


def menu_request_of(name: str, areas: int = 1, size: tuple[int, int] = MENU_SIZE) -> RichMenuRequest:
    width = size[0] // max(areas, 1)
    return RichMenuRequest(
        size=RichMenuSize(width=size[0], height=size[1]),
        selected=False,
        name=name,
        chat_bar_text="menu",
        areas=[
            RichMenuArea(
                bounds=RichMenuBounds(x=i * width, y=0, width=width, height=size[1]),
                action=MessageAction(label="x", text="x"),
            )
            for i in range(areas)
        ],
    )


def png(size: tuple[int, int], fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "#0D8186").save(out, format=fmt)
    return out.getvalue()


@pytest.fixture(scope="module")
def sdk() -> Iterator[tuple[FakeLine, MessagingApi, MessagingApiBlob]]:
    fake_app = create_fake_line(TOKEN)
    with serve_in_thread(fake_app) as base, ApiClient(Configuration(host=base, access_token=TOKEN)) as client:
        yield fake_of(fake_app), MessagingApi(client), MessagingApiBlob(client)


def status_of(call: Callable[[], object]) -> tuple[int, str]:
    with pytest.raises(ApiException) as caught:
        call()
    return caught.value.status or 0, str(caught.value.body)


def test_fake_refuses_menus_and_images_line_would_refuse(sdk: tuple[FakeLine, MessagingApi, MessagingApiBlob]) -> None:
    fake, api, blob = sdk
    fake.reset()
    outside = menu_request_of("outside")
    outside.areas[0].bounds.x = 10  # 10 + 2500 > 2500
    status, body = status_of(lambda: api.create_rich_menu(outside))
    assert status == 400 and "areas[0].bounds" in body, body
    assert status_of(lambda: api.create_rich_menu(menu_request_of("crowded", areas=21)))[0] == 400
    assert status_of(lambda: api.create_rich_menu(menu_request_of("square", size=(1000, 1000))))[0] == 400
    plain = SetWebhookEndpointRequest(endpoint="http://plain.example/webhook")
    assert status_of(lambda: api.set_webhook_endpoint(plain))[0] == 400

    menu_id = api.create_rich_menu(menu_request_of("ok")).rich_menu_id
    user = demo_line_id("somsri")
    status, body = status_of(lambda: api.link_rich_menu_id_to_user(user, menu_id))
    assert status == 400 and NEEDS_IMAGE in body
    wrong = {"Content-Type": "image/png"}
    assert status_of(lambda: blob.set_rich_menu_image(menu_id, png((2500, 1686)), _headers=wrong))[0] == 400
    assert status_of(lambda: blob.set_rich_menu_image(menu_id, png(MENU_SIZE, "JPEG"), _headers=wrong))[0] == 400
    assert status_of(lambda: blob.set_rich_menu_image(menu_id, b"x" * (1024 * 1024 + 1), _headers=wrong))[0] == 413
    blob.set_rich_menu_image(menu_id, png(MENU_SIZE), _headers=wrong)
    assert status_of(lambda: blob.set_rich_menu_image(menu_id, png(MENU_SIZE), _headers=wrong))[0] == 400  # once

    api.link_rich_menu_id_to_user(user, menu_id)
    assert api.get_rich_menu_id_of_user(user).rich_menu_id == menu_id
    api.delete_rich_menu(menu_id)
    assert fake.rich_menus.shown_to(user) is None  # a deleted menu is unlinked


def test_on_line_itself_images_go_to_the_data_host() -> None:
    """LINE serves rich menu images only on api-data.line.me: the SDK must choose hosts per endpoint."""
    with line_api(LINE_API, TOKEN) as line:
        assert line.blob.api_client.configuration.host is None
    with line_api("http://127.0.0.1:9/", TOKEN) as line:
        assert line.blob.api_client.configuration.host == "http://127.0.0.1:9"


def test_rendered_menus_fit_line_limits_with_every_label() -> None:
    for spec in MENUS.values():
        data = render_menu(spec)
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("PNG", MENU_SIZE)
        assert len(data) < 1024 * 1024
        assert all(len(b.label) <= 20 and len(b.text) <= 300 for b in spec.buttons)
    assert len(lt.CHAT_BAR) <= 14


def test_the_service_client_lets_the_sdk_pick_each_endpoints_host_on_line_itself() -> None:
    """Photos and files reporters send are downloaded from api-data.line.me: on LINE no single host is set."""
    from bot.line_client import LineClient

    assert LineClient(LINE_API, TOKEN)._config.host is None
    assert LineClient("http://127.0.0.1:9/", TOKEN)._config.host == "http://127.0.0.1:9"
