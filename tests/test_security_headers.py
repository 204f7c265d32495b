"""Every response tells the browser to keep link tokens to itself: no referrer, no cache, no framing,
no script but the console's own, and no server banner. Checked over real HTTP, and in Chromium for
the one page that runs a script (the local console), so the policy does not break what it protects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from bot.app import create_app
from bot.security_headers import inline_script_hashes
from bot.settings import Settings
from store.db import upgrade
from tests.conftest import PLANS
from tests.live import CHROMIUM, CHROMIUM_ARGS, free_port, serve_app


def policy_of(response: httpx.Response) -> dict[str, str]:
    directives = (d.strip().split(" ", 1) for d in response.headers["content-security-policy"].split(";"))
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives if d[0]}


def assert_locked_down(response: httpx.Response, *, scripts: bool = False) -> dict[str, str]:
    """The headers every response carries; ``scripts``: the console's policy, which allows its own script."""
    policy = policy_of(response)
    assert policy["default-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'none'"
    assert policy["style-src"] == "'unsafe-inline'" and policy["img-src"] == "'self' data:"
    if scripts:
        assert policy["connect-src"] == "'self'"
        assert "unsafe" not in policy["script-src"] and policy["script-src"].startswith("'sha256-")
    else:
        assert "script-src" not in policy and "connect-src" not in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    assert "server" not in response.headers
    return policy


@pytest.fixture
def console(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'tidtam.db'}"
    upgrade(url)
    port = free_port()
    settings = Settings(
        database_url=url,
        line_channel_secret=SecretStr("chan"),
        link_secret=SecretStr("console-links"),
        plans_dir=PLANS,
        evidence_dir=tmp_path / "ev",
        public_url=f"http://127.0.0.1:{port}",
        console=True,
    )
    with serve_app(create_app(settings, port=port), port) as base:
        yield base


def test_the_console_page_allows_exactly_its_own_script(console: str) -> None:
    page = httpx.get(f"{console}/console")
    assert page.status_code == 200
    policy = assert_locked_down(page, scripts=True)
    assert policy["script-src"].split() == inline_script_hashes(page.text) != []
    api = httpx.get(f"{console}/console/api/personas")
    assert api.status_code == 200 and api.json()
    assert_locked_down(api, scripts=True)
    # The fake LINE platform and the health check are outside /console: the strict policy, no script.
    assert_locked_down(httpx.get(f"{console}/healthz"))
    assert_locked_down(httpx.get(f"{console}/_line/v2/bot/message/quota"))
    assert_locked_down(httpx.get(f"{console}/no-such-page"))


def test_the_console_still_works_in_chromium_under_its_policy(console: str) -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("chromium is required in CI")
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page: Any = browser.new_page(viewport={"width": 460, "height": 860})
        blocked: list[str] = []
        page.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)
        page.goto(f"{console}/console")
        page.wait_for_selector("#persona option", state="attached")  # the script ran and fetched /console/api
        assert page.locator("#persona option").count() >= 5
        page.select_option("#persona", "somsri")
        assert "ผู้รายงานตัวชี้วัด" in page.inner_text("#who")
        browser.close()
    assert blocked == []
