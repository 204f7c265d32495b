"""``tidtam line setup``: connect a LINE channel to this service in one command, safe to run again.

The steps, in order: read the channel's profile (a wrong token stops here, before anything changes);
point the webhook at ``PUBLIC_URL/webhook`` and have LINE test it; create one rich menu per audience
with its image; make the reporter's the default; link every person with a LINE account to their
roles' menu; and only then delete Tidtam's previous menus. New menus are in place before old ones
go, so nobody is left without a menu, and a run cut short leaves extra menus the next run deletes.
A failed webhook test does not stop the menus: it is reported, and the command ends with status 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import urllib3
from linebot.v3.messaging import ApiException, SetWebhookEndpointRequest, TestWebhookEndpointRequest
from sqlmodel import Session

from bot import line_setup_texts as lt
from bot.line_menus import (
    DEFAULT_AUDIENCE,
    MENUS,
    NAME_PREFIX,
    TIMEOUT_S,
    Audience,
    LineApi,
    Linking,
    audiences_of_accounts,
    link_accounts,
    menu_request,
)
from bot.rich_menu_image import render_menu

WEBHOOK_PATH = "/webhook"  # where the service takes LINE's events (bot/webhook.py)
IMAGE_TYPE = "image/png"


class SetupError(RuntimeError):
    """A step LINE refused or could not be reached for; the message says which, in Thai and English."""


@dataclass
class SetupResult:
    webhook_url: str
    webhook_ok: bool
    menus: dict[Audience, str]
    linking: Linking
    replaced: list[str]


def webhook_url(public_url: str) -> str:
    return public_url.rstrip("/") + WEBHOOK_PATH


@contextmanager
def _step(step: tuple[str, str], base_url: str) -> Iterator[None]:
    """LINE's refusals and network failures, told as the step they stopped."""
    try:
        yield
    except ApiException as exc:
        status = exc.status or 0
        if status == 401:
            raise SetupError(lt.TOKEN_REFUSED.format(status=status)) from exc
        body = str(exc.body or exc.reason or "").strip()
        raise SetupError(lt.LINE_FAILED.format(step=step[0], step_en=step[1], status=status, body=body)) from exc
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise SetupError(
            lt.LINE_UNREACHABLE.format(step=step[0], step_en=step[1], base=base_url, error=type(exc).__name__)
        ) from exc


def setup_channel(
    line: LineApi,
    session: Session,
    public_url: str,
    say: Callable[[str], None],
    *,
    base_url: str = "",
    font: Path | None = None,
) -> SetupResult:
    """Run every step against the channel ``line`` talks to; ``say`` prints each as it is done."""
    api = line.api
    with _step(lt.STEP_BOT_INFO, base_url):
        info = api.get_bot_info(_request_timeout=TIMEOUT_S)  # a wrong token stops here, nothing changed
    say(lt.CHANNEL.format(name=info.display_name, basic_id=info.basic_id))
    images = {audience: render_menu(spec, font) for audience, spec in MENUS.items()}  # so does a missing font

    url = webhook_url(public_url)
    with _step(lt.STEP_WEBHOOK, base_url):
        api.set_webhook_endpoint(SetWebhookEndpointRequest(endpoint=url), _request_timeout=TIMEOUT_S)
        say(lt.WEBHOOK_SET.format(url=url))
        if not api.get_webhook_endpoint(_request_timeout=TIMEOUT_S).active:
            say(lt.WEBHOOK_INACTIVE)
        test = api.test_webhook_endpoint(TestWebhookEndpointRequest(endpoint=url), _request_timeout=TIMEOUT_S)
    webhook_ok = bool(test.success)
    if webhook_ok:
        say(lt.WEBHOOK_TEST_OK.format(status=test.status_code))
    else:
        say(lt.WEBHOOK_TEST_FAILED.format(reason=test.reason, status=test.status_code, detail=test.detail, url=url))

    with _step(lt.STEP_MENUS, base_url):
        previous = [
            menu.rich_menu_id
            for menu in api.get_rich_menu_list(_request_timeout=TIMEOUT_S).richmenus
            if menu.name.startswith(NAME_PREFIX)
        ]
        menus: dict[Audience, str] = {}
        for audience, spec in MENUS.items():
            menu_id = api.create_rich_menu(menu_request(spec), _request_timeout=TIMEOUT_S).rich_menu_id
            line.blob.set_rich_menu_image(
                menu_id, images[audience], _headers={"Content-Type": IMAGE_TYPE}, _request_timeout=TIMEOUT_S
            )
            menus[audience] = menu_id
            labels = " / ".join(button.label for button in spec.buttons)
            say(lt.MENU_CREATED.format(name=spec.name, labels=labels, menu_id=menu_id))
        api.set_default_rich_menu(menus[DEFAULT_AUDIENCE], _request_timeout=TIMEOUT_S)
        say(lt.DEFAULT_SET)

    with _step(lt.STEP_LINKS, base_url):
        linking = link_accounts(line, audiences_of_accounts(session), menus)
    _say_linking(linking, say)

    with _step(lt.STEP_CLEANUP, base_url):
        for menu_id in previous:
            api.delete_rich_menu(menu_id, _request_timeout=TIMEOUT_S)
    if previous:
        say(lt.REPLACED.format(n=len(previous)))
    return SetupResult(url, webhook_ok, menus, linking, previous)


def _say_linking(linking: Linking, say: Callable[[str], None]) -> None:
    if not linking.user_ids:
        say(lt.NOBODY_LINKED)
        return
    for audience in MENUS:
        users = linking.linked.get(audience, [])
        if users:
            say(lt.LINKED.format(audience=lt.AUDIENCE[audience], n=len(users), name=MENUS[audience].name))
    if linking.unlinked:
        say(lt.UNLINKED.format(n=len(linking.unlinked)))
