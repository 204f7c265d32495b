"""Browser-side locks on every response: the pages whose address carries a link token must not leak it.

A dashboard address holds a token that opens someone's view, so the browser is told to send it
nowhere (``Referrer-Policy: no-referrer``), to keep no copy (``Cache-Control: no-store``), to run no
script and load nothing from elsewhere (a ``Content-Security-Policy`` that allows only the inline
styles the pages use), and never to show the page inside another site's frame. The same headers go
on files and JSON too: one rule for every response is easier to trust than a list of exceptions.

The local console is the one page with a script (its inline ``<script>`` talks to ``/console/api``);
under ``/console`` the policy also allows exactly that script, by its SHA-256, and fetches to this
origin. The hash is taken from the page file at start-up, so editing the page keeps it working.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONSOLE_PREFIX = "/console"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)

BASE_POLICY: dict[str, str] = {
    "default-src": "'none'",
    "style-src": "'unsafe-inline'",
    "img-src": "'self' data:",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}
FIXED_HEADERS: dict[str, str] = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def inline_script_hashes(page: str) -> list[str]:
    """CSP source expressions allowing exactly the inline scripts of ``page`` (their text, byte for byte)."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in _INLINE_SCRIPT.findall(page)
    ]


def _console_page() -> str:
    try:
        return resources.files("bot.dev").joinpath("static/console.html").read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""  # no console page shipped: nothing to allow


def policy_text(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def console_policy(page: str) -> str:
    """The base policy plus the console page's own scripts and its calls back to this origin."""
    scripts = inline_script_hashes(page)
    return policy_text({**BASE_POLICY, "script-src": " ".join(scripts) or "'none'", "connect-src": "'self'"})


def is_console_path(path: str) -> bool:
    return path == CONSOLE_PREFIX or path.startswith(CONSOLE_PREFIX + "/")


class SecurityHeaders:
    """Pure ASGI middleware (it does not buffer bodies, so files and streams pass straight through)."""

    def __init__(self, app: ASGIApp, *, console_policy: str) -> None:
        self.app = app
        self.default_policy = policy_text(BASE_POLICY)
        self.console_policy = console_policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.console_policy if is_console_path(scope.get("path", "")) else self.default_policy

        async def send_locked(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])  # optional in ASGI
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                for name, value in FIXED_HEADERS.items():
                    headers[name] = value
                del headers["server"]
            await send(message)

        await self.app(scope, receive, send_locked)


def install_security_headers(app: FastAPI) -> None:
    """Wrap the whole application, outside Starlette's error handler, so even a 500 carries the headers.

    ``add_middleware`` would sit inside ``ServerErrorMiddleware``, whose error page is sent past it.
    The ``server`` header uvicorn itself adds is switched off where uvicorn is started
    (``server_header=False``); this removes any that the application or a mounted app sets.
    """
    build = app.build_middleware_stack
    policy = console_policy(_console_page())

    def build_with_headers() -> ASGIApp:
        return SecurityHeaders(build(), console_policy=policy)

    app.build_middleware_stack = build_with_headers  # type: ignore[method-assign]
