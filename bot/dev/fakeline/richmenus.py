"""Rich menus as LINE keeps them: created from a JSON object, given one image, then linked to users or
set as the default.

The OpenAPI spec marks no field of a rich menu as required and bounds neither its size nor its
areas, so LINE's documented rules are checked here: every field present; width 800–2500 px, height
at least 250 px, width ÷ height at least 1.45; at most 20 areas, each inside the menu; message
texts and postback data at most 300 characters, labels at most 20; one JPEG or PNG image of at most
1 MB whose size is the menu's; no menu shown (linked or default) before it has its image.
"""

from __future__ import annotations

import io
import re
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

from bot.dev.fakeline.errors import LineError

MAX_MENUS = 1000
MAX_AREAS = 20
MAX_IMAGE_BYTES = 1024 * 1024
MAX_ACTION_TEXT = 300
MAX_LABEL = 20
MIN_WIDTH, MAX_WIDTH, MIN_HEIGHT, MIN_RATIO = 800, 2500, 250, 1.45
IMAGE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG"}
REQUIRED = ("size", "selected", "name", "chatBarText", "areas")
_USER_ID = re.compile(r"^U[0-9a-f]{32}$")
NEEDS_IMAGE = "must upload richmenu image before applying it to user"


@dataclass
class RichMenu:
    rich_menu_id: str
    body: dict[str, Any]  # the rich menu object as created
    image: bytes | None = None
    image_type: str | None = None

    @property
    def size(self) -> tuple[int, int]:
        return int(self.body["size"]["width"]), int(self.body["size"]["height"])

    def to_json(self) -> dict[str, Any]:
        return {"richMenuId": self.rich_menu_id, **self.body}


@dataclass
class RichMenus:
    """The channel's menus, its default menu and each user's own menu (which takes priority)."""

    menus: dict[str, RichMenu] = field(default_factory=dict)
    default_id: str | None = None
    links: dict[str, str] = field(default_factory=dict)  # user id → rich menu id
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def clear(self) -> None:
        with self._lock:
            self.menus.clear()
            self.links.clear()
            self.default_id = None

    # --- menus ---

    def create(self, body: dict[str, Any]) -> RichMenu:
        check_menu(body)
        with self._lock:
            if len(self.menus) >= MAX_MENUS:
                raise LineError(400, f"The number of rich menus has reached the limit ({MAX_MENUS})")
            menu = RichMenu("richmenu-" + secrets.token_hex(16), body)
            self.menus[menu.rich_menu_id] = menu
            return menu

    def get(self, rich_menu_id: str) -> RichMenu:
        menu = self.menus.get(rich_menu_id)
        if menu is None:
            raise LineError(404, "richmenu not found")
        return menu

    def delete(self, rich_menu_id: str) -> None:
        """Users linked to it fall back to the default menu; a deleted default leaves none."""
        with self._lock:
            self.get(rich_menu_id)
            del self.menus[rich_menu_id]
            self.links = {user: menu for user, menu in self.links.items() if menu != rich_menu_id}
            if self.default_id == rich_menu_id:
                self.default_id = None

    def set_image(self, rich_menu_id: str, data: bytes, content_type: str) -> None:
        with self._lock:
            menu = self.get(rich_menu_id)
            if menu.image is not None:
                raise LineError(400, "An image has already been uploaded to the richmenu")
            menu.image_type = check_image(data, content_type, menu.size)
            menu.image = data

    def image(self, rich_menu_id: str) -> RichMenu:
        menu = self.get(rich_menu_id)
        if menu.image is None:
            raise LineError(404, "Not found")
        return menu

    # --- who sees which ---

    def _shown(self, rich_menu_id: str) -> None:
        if self.get(rich_menu_id).image is None:
            raise LineError(400, NEEDS_IMAGE)

    def set_default(self, rich_menu_id: str) -> None:
        with self._lock:
            self._shown(rich_menu_id)
            self.default_id = rich_menu_id

    def default(self) -> str:
        if self.default_id is None:
            raise LineError(404, "no default richmenu")
        return self.default_id

    def cancel_default(self) -> None:
        with self._lock:
            self.default_id = None

    def link(self, user_ids: list[str], rich_menu_id: str) -> None:
        with self._lock:
            _check_users(user_ids)
            self._shown(rich_menu_id)
            for user_id in user_ids:
                self.links[user_id] = rich_menu_id

    def unlink(self, user_ids: list[str]) -> None:
        with self._lock:
            _check_users(user_ids)
            for user_id in user_ids:
                self.links.pop(user_id, None)

    def linked(self, user_id: str) -> str:
        _check_users([user_id])
        menu = self.links.get(user_id)
        if menu is None:
            raise LineError(404, "the user has no richmenu")
        return menu

    def shown_to(self, user_id: str) -> RichMenu | None:
        """The menu the user sees: their own, else the default (what a test asserts on)."""
        menu_id = self.links.get(user_id) or self.default_id
        return self.menus.get(menu_id) if menu_id else None

    def named(self, name: str) -> list[RichMenu]:
        return [menu for menu in self.menus.values() if menu.body.get("name") == name]


def _check_users(user_ids: list[str]) -> None:
    for index, user_id in enumerate(user_ids):
        if not _USER_ID.match(user_id):
            raise LineError(
                400, f"The property, 'userIds[{index}]', in the request body is invalid (line: -, column: -)"
            )


def check_menu(body: dict[str, Any]) -> None:
    """LINE's rules for a rich menu object, beyond its schema; all problems at once, as LINE lists them."""
    problems: list[tuple[str, str]] = [(name, "must be specified") for name in REQUIRED if name not in body]
    size = body.get("size") or {}
    width, height = size.get("width"), size.get("height")
    if "size" in body:
        problems += [(f"size.{name}", "must be specified") for name in ("width", "height") if name not in size]
    if isinstance(width, int) and not MIN_WIDTH <= width <= MAX_WIDTH:
        problems.append(("size.width", f"must be between {MIN_WIDTH} and {MAX_WIDTH}"))
    if isinstance(height, int) and height < MIN_HEIGHT:
        problems.append(("size.height", f"must be at least {MIN_HEIGHT}"))
    if isinstance(width, int) and isinstance(height, int) and height and width / height < MIN_RATIO:
        problems.append(("size", f"width / height must be at least {MIN_RATIO}"))
    areas = body.get("areas") or []
    if len(areas) > MAX_AREAS:
        problems.append(("areas", f"Size must be between 0 and {MAX_AREAS}"))
    for index, area in enumerate(areas):
        problems += _area_problems(f"areas[{index}]", area, width, height)
    if problems:
        details = [{"message": message, "property": prop} for prop, message in problems]
        raise LineError(400, f"The request body has {len(details)} error(s)", details)


def _area_problems(path: str, area: dict[str, Any], width: Any, height: Any) -> list[tuple[str, str]]:
    problems = [(f"{path}.{name}", "must be specified") for name in ("bounds", "action") if name not in area]
    bounds = area.get("bounds") or {}
    x, y, w, h = (bounds.get(k, 0) for k in ("x", "y", "width", "height"))
    if isinstance(width, int) and x + w > width:
        problems.append((f"{path}.bounds", f"must be within the rich menu: x + width = {x + w} > {width}"))
    if isinstance(height, int) and y + h > height:
        problems.append((f"{path}.bounds", f"must be within the rich menu: y + height = {y + h} > {height}"))
    action = area.get("action") or {}
    kind = action.get("type")
    if len(action.get("label") or "") > MAX_LABEL:
        problems.append((f"{path}.action.label", f"Length must be between 0 and {MAX_LABEL}"))
    if kind == "message" and not 1 <= len(action.get("text") or "") <= MAX_ACTION_TEXT:
        problems.append((f"{path}.action.text", f"Length must be between 1 and {MAX_ACTION_TEXT}"))
    if kind == "postback" and not 1 <= len(action.get("data") or "") <= MAX_ACTION_TEXT:
        problems.append((f"{path}.action.data", f"Length must be between 1 and {MAX_ACTION_TEXT}"))
    if kind == "uri" and not action.get("uri"):
        problems.append((f"{path}.action.uri", "must be specified"))
    return problems


def check_image(data: bytes, content_type: str, size: tuple[int, int]) -> str:
    """The image's type if LINE would take it for a menu of ``size``; else the ``LineError`` LINE gives."""
    media = content_type.split(";")[0].strip().lower()
    if media not in IMAGE_TYPES:
        raise LineError(415, "Content-Type must be image/jpeg or image/png")
    if len(data) > MAX_IMAGE_BYTES:
        raise LineError(413, f"The image must be at most {MAX_IMAGE_BYTES} bytes")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            found, actual = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise LineError(400, "The image could not be read as JPEG or PNG") from None
    if found != IMAGE_TYPES[media]:
        raise LineError(400, f"The image is {found}, not the {media} its Content-Type says")
    if actual != size:
        raise LineError(
            400, f"The image size {actual[0]}x{actual[1]} does not match the rich menu size {size[0]}x{size[1]}"
        )
    return media
