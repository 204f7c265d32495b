"""Tidtam's rich menus: one per audience, what each button sends, and which menu each person sees.

A button sends a message the chat already understands, so a tap takes the same path through the
router as typed text and a menu adds no behaviour of its own. Menus are found again by their name
(``tidtam-<audience>``): LINE keeps no other tag on them, and menus made in the LINE Official Account
Manager are never touched (the API cannot edit those anyway).

Which menu: committee > manager or unit head > reporter; an admin who holds none of those roles gets
the committee's (they see every unit, as the committee does). Someone with no role, or who left, is
unlinked and sees the default menu, the reporter's.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum

import urllib3
from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    MessageAction,
    MessagingApi,
    MessagingApiBlob,
    RichMenuArea,
    RichMenuBounds,
    RichMenuBulkLinkRequest,
    RichMenuBulkUnlinkRequest,
    RichMenuRequest,
    RichMenuSize,
)
from sqlmodel import Session, col, select

from bot import line_setup_texts as lt
from bot.line_client import sdk_configuration
from store.models import LineIdentity, Person, Role, RoleGrant

log = logging.getLogger("tidtam.line")

NAME_PREFIX = "tidtam-"
MENU_SIZE = (2500, 843)  # LINE's half-height menu: three large buttons in one row
TIMEOUT_S = 10.0  # the sync SDK client waits forever unless told
BULK_LIMIT = 500  # user ids per bulk link or unlink request (LINE's limit)


class Audience(StrEnum):
    reporter = "reporter"  # ผู้รายงาน
    unit = "unit"  # หัวหน้าส่วนราชการ and ผู้บริหาร: their units' status
    committee = "committee"  # คกก.ติดตามประเมินผล (and admins): every unit


class Answer(StrEnum):
    """What the bot answers a button's message with (tests hold each button to it)."""

    how_to_report = "how_to_report"
    summary = "summary"  # the score card of each unit the asker may see
    what_to_ask = "what_to_ask"  # the card of example questions
    who_late = "who_late"
    dashboard = "dashboard"  # a signed link to the web dashboard


class Icon(StrEnum):
    clipboard = "clipboard"
    chart = "chart"
    question = "question"
    building = "building"
    clock = "clock"
    dashboard = "dashboard"
    calendar = "calendar"


@dataclass(frozen=True)
class Button:
    label: str  # drawn on the image
    text: str  # the message a tap sends
    answer: Answer
    icon: Icon

    @classmethod
    def of(cls, label_and_text: tuple[str, str], answer: Answer, icon: Icon) -> Button:
        return cls(label_and_text[0], label_and_text[1], answer, icon)


@dataclass(frozen=True)
class MenuSpec:
    audience: Audience
    buttons: tuple[Button, ...]
    colour: str  # the theme: icon discs and the top band

    @property
    def name(self) -> str:
        return NAME_PREFIX + self.audience.value


MENUS: dict[Audience, MenuSpec] = {
    Audience.reporter: MenuSpec(
        Audience.reporter,
        (
            Button.of(lt.REPORT, Answer.how_to_report, Icon.clipboard),
            Button.of(lt.MY_STATUS, Answer.summary, Icon.chart),
            Button.of(lt.HELP, Answer.what_to_ask, Icon.question),
        ),
        "#0D8186",
    ),
    Audience.unit: MenuSpec(
        Audience.unit,
        (
            Button.of(lt.UNIT_STATUS, Answer.summary, Icon.building),
            Button.of(lt.WHO_LATE, Answer.who_late, Icon.clock),
            Button.of(lt.DASHBOARD, Answer.dashboard, Icon.dashboard),
        ),
        "#2F5AA8",
    ),
    Audience.committee: MenuSpec(
        Audience.committee,
        (
            Button.of(lt.MONTH_SUMMARY, Answer.summary, Icon.calendar),
            Button.of(lt.WHO_LATE, Answer.who_late, Icon.clock),
            Button.of(lt.DASHBOARD, Answer.dashboard, Icon.dashboard),
        ),
        "#7A3E8E",
    ),
}
DEFAULT_AUDIENCE = Audience.reporter


def button_bounds(count: int, size: tuple[int, int] = MENU_SIZE) -> list[tuple[int, int, int, int]]:
    """(x, y, width, height) of ``count`` equal columns that cover the menu exactly.

    The image draws its panels with the same bounds, so what one sees is what one taps.
    """
    width, height = size
    edges = [round(i * width / count) for i in range(count + 1)]
    return [(edges[i], 0, edges[i + 1] - edges[i], height) for i in range(count)]


def menu_request(spec: MenuSpec) -> RichMenuRequest:
    bounds = button_bounds(len(spec.buttons))
    return RichMenuRequest(
        size=RichMenuSize(width=MENU_SIZE[0], height=MENU_SIZE[1]),
        selected=False,
        name=spec.name,
        chat_bar_text=lt.CHAT_BAR,
        areas=[
            RichMenuArea(
                bounds=RichMenuBounds(x=x, y=y, width=w, height=h),
                action=MessageAction(label=button.label, text=button.text),
            )
            for button, (x, y, w, h) in zip(spec.buttons, bounds, strict=True)
        ],
    )


def audience_of(roles: Iterable[Role]) -> Audience | None:
    held = set(roles)
    if Role.committee in held:
        return Audience.committee
    if held & {Role.manager, Role.unit_head}:
        return Audience.unit
    if Role.reporter in held:
        return Audience.reporter
    if Role.admin in held:
        return Audience.committee
    return None


# --- talking to LINE ---------------------------------------------------------------------------


class LineMenuError(RuntimeError):
    """LINE refused or could not be reached; ``status`` is LINE's HTTP status (0: no answer)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"HTTP {status}: {detail}" if status else detail)
        self.status = status
        self.detail = detail


@dataclass
class LineApi:
    api: MessagingApi
    blob: MessagingApiBlob


@contextmanager
def line_api(base_url: str, access_token: str) -> Iterator[LineApi]:
    """The sync SDK client (a command runs one step after another); LINE errors become ``LineMenuError``.

    A host given to the SDK replaces every endpoint's own, so LINE itself gets none: rich menu images
    must go to api-data.line.me, which the SDK picks per endpoint. The fake serves both at one host.
    """
    with ApiClient(sdk_configuration(base_url, access_token)) as client:
        try:
            yield LineApi(MessagingApi(client), MessagingApiBlob(client))
        except ApiException as exc:
            raise LineMenuError(exc.status or 0, str(exc.body or exc.reason or "")) from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise LineMenuError(0, f"{type(exc).__name__}: {exc}") from exc


def tidtam_menus(line: LineApi) -> dict[Audience, str]:
    """The rich menu id of each audience's current menu, found by name; other menus are not ours.

    Two menus of one name only remain after an interrupted setup (the next setup deletes the
    extra); the one listed last, the newer, is taken.
    """
    found: dict[Audience, str] = {}
    names = {spec.name: audience for audience, spec in MENUS.items()}
    for menu in line.api.get_rich_menu_list(_request_timeout=TIMEOUT_S).richmenus:
        audience = names.get(menu.name)
        if audience is not None:
            found[audience] = menu.rich_menu_id
    return found


@dataclass
class Linking:
    """Which LINE accounts got which menu; ``unlinked`` see the default one."""

    linked: dict[Audience, list[str]] = field(default_factory=dict)
    unlinked: list[str] = field(default_factory=list)

    @property
    def user_ids(self) -> list[str]:
        return [user for users in self.linked.values() for user in users] + self.unlinked


def audiences_of_accounts(session: Session, person_ids: Collection[int] | None = None) -> dict[str, Audience | None]:
    """Each LINE account bound to a person (of ``person_ids``, or everyone) → the menu it should show."""
    query = select(LineIdentity.line_user_id, Person.id, Person.active).join(
        Person,
        Person.id == LineIdentity.person_id,  # type: ignore[arg-type]
    )
    if person_ids is not None:
        query = query.where(col(Person.id).in_(list(person_ids)))
    accounts = session.exec(query.order_by(LineIdentity.line_user_id)).all()
    roles: dict[int, list[Role]] = defaultdict(list)
    ids = {person_id for _, person_id, _ in accounts if person_id is not None}
    for person_id, role in session.exec(
        select(RoleGrant.person_id, RoleGrant.role).where(col(RoleGrant.person_id).in_(ids))
    ).all():
        roles[person_id].append(Role(role))
    return {
        user_id: audience_of(roles[person_id]) if active and person_id is not None else None
        for user_id, person_id, active in accounts
    }


def link_accounts(line: LineApi, accounts: dict[str, Audience | None], menus: dict[Audience, str]) -> Linking:
    """Link each account to its audience's menu (bulk requests); accounts without one are unlinked."""
    linking = Linking()
    for user_id, audience in accounts.items():
        if audience is not None and audience in menus:
            linking.linked.setdefault(audience, []).append(user_id)
        else:
            linking.unlinked.append(user_id)
    for audience, users in linking.linked.items():
        for chunk in _chunks(users):
            line.api.link_rich_menu_id_to_users(
                RichMenuBulkLinkRequest(rich_menu_id=menus[audience], user_ids=chunk), _request_timeout=TIMEOUT_S
            )
    for chunk in _chunks(linking.unlinked):
        line.api.unlink_rich_menu_id_from_users(RichMenuBulkUnlinkRequest(user_ids=chunk), _request_timeout=TIMEOUT_S)
    return linking


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), BULK_LIMIT):
        yield items[start : start + BULK_LIMIT]


def relink_menus(session: Session, person_ids: Collection[int]) -> list[str]:
    """Give these people the menu of their roles now (after a grant or a change); the LINE user ids set.

    Nothing happens (``[]``) without a channel access token, in the local console, or before
    ``tidtam line setup`` made Tidtam's menus. Raises ``LineMenuError`` when LINE refuses or cannot
    be reached: the caller keeps its change and says so.
    """
    from bot.settings import get_settings

    settings = get_settings()
    token = settings.line_channel_access_token
    if token is None or settings.console_mode or not person_ids:
        return []
    accounts = audiences_of_accounts(session, person_ids)
    if not accounts:
        return []
    with line_api(settings.line_api_base, token.get_secret_value()) as line:
        menus = tidtam_menus(line)
        if not menus:
            return []
        linking = link_accounts(line, accounts, menus)
    log.info("rich menus relinked for %d LINE account(s)", len(linking.user_ids))
    return linking.user_ids


def unlink_menus(user_ids: Collection[str]) -> list[str]:
    """Take Tidtam's menu off these LINE accounts (a person forgotten under the PDPA: their accounts are
    gone from the database, so no later setup could find them); the ids unlinked.

    Nothing happens (``[]``) without a channel access token, in the local console, or before
    ``tidtam line setup`` made Tidtam's menus. Raises ``LineMenuError`` when LINE refuses or cannot be
    reached.
    """
    from bot.settings import get_settings

    settings = get_settings()
    token = settings.line_channel_access_token
    if token is None or settings.console_mode or not user_ids:
        return []
    with line_api(settings.line_api_base, token.get_secret_value()) as line:
        if not tidtam_menus(line):
            return []
        linking = link_accounts(line, dict.fromkeys(sorted(user_ids)), {})
    log.info("rich menus unlinked for %d LINE account(s)", len(linking.user_ids))
    return linking.user_ids
