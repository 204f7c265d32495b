"""The local console in headless Chromium (Debian's), driven by Playwright: a newcomer's first report.

Runs ``tidtam serve`` exactly as the README's first command does (no LINE credentials, a fresh
SQLite file), so messages go page → signed webhook → inbox → handlers → SDK client → fake platform.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.live import CHROMIUM, CHROMIUM_ARGS, free_port, serve_process

playwright_api = (
    pytest.importorskip("playwright.sync_api")
    if not os.environ.get("CI")
    else __import__("playwright.sync_api", fromlist=["sync_playwright"])
)
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("Debian's chromium is required in CI for the browser tests")
    pytest.skip("chromium not installed", allow_module_level=True)


CONSOLE_DB: dict[str, str] = {}


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workdir = tmp_path_factory.mktemp("console")
    CONSOLE_DB["url"] = f"sqlite:///{workdir / 'tidtam.db'}"
    port = free_port()
    env = {"DATABASE_URL": f"sqlite:///{workdir / 'tidtam.db'}", "LINE_CHANNEL_ACCESS_TOKEN": "", "TIDTAM_CONSOLE": "1"}
    env_clean = {k: v for k, v in env.items() if v}
    os.environ.pop("LINE_CHANNEL_ACCESS_TOKEN", None)
    with serve_process(port, env_clean, workdir):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def page() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        # Playwright gives each launch a fresh, empty profile of its own.
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 460, "height": 860})
        yield page
        browser.close()


def test_a_full_report_with_an_ask_back(console: str, page: object, tmp_path: Path) -> None:
    p: Any = page
    p.goto(f"{console}/console")
    p.wait_for_selector("#persona option", state="attached")
    p.select_option("#persona", "somsri")
    p.fill("#text", "ผู้ว่าสัญจร 85% ค่ะ")
    p.click("#send-button")
    p.wait_for_selector("#quick button")
    labels = p.locator("#quick button").all_inner_texts()
    assert labels[0].startswith("5") and labels[1].startswith("6") and labels[-1] == "ยกเลิก"
    assert "ตัวชี้วัดไหน" in p.inner_text("#log")
    p.screenshot(path=str(tmp_path / "asked.png"))
    p.locator("#quick button").first.click()
    p.locator("#log", has_text="บันทึกแล้วค่ะ").wait_for()
    log = p.inner_text("#log")
    assert "ตัวชี้วัดที่ 5 ร้อยละ 85" in log and "ระดับ 4" in log
    assert p.locator(".row.user .bubble").count() == 2
    shot = tmp_path / "saved.png"
    p.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a real rendering, not a blank page


def test_group_persona_needs_a_mention_and_only_admins_bind(console: str, page: object) -> None:
    p: Any = page
    p.goto(f"{console}/console")
    p.wait_for_selector("#persona option", state="attached")
    p.select_option("#persona", "committee-group")
    p.fill("#text", "@Tidtam ผูกกลุ่มคณะกรรมการ")
    p.click("#send-button")
    p.locator("#log", has_text="เฉพาะผู้ดูแลระบบ").wait_for()


def test_the_monthly_committee_summary_renders_as_a_flex_card(console: str, page: object) -> None:
    """The clock's summary goes the real way (outbox → SDK → fake platform, validated) and shows as a card."""
    import subprocess
    import sys

    exe = str(Path(sys.executable).with_name("tidtam"))
    env = {**os.environ, "DATABASE_URL": CONSOLE_DB["url"], "TIDTAM_CONSOLE": "1"}
    env.pop("LINE_CHANNEL_ACCESS_TOKEN", None)
    run = subprocess.run([exe, "nudges", "run", "--at", "2024-02-21T13:00"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == '{"sent": 3}'  # the card and two overdue reminders
    p: Any = page
    p.goto(f"{console}/console")
    p.wait_for_selector("#persona option", state="attached")
    p.select_option("#persona", "committee-group")
    card = p.wait_for_selector(".flex", timeout=20_000)
    text = card.inner_text()
    assert "สรุปผลรายเดือน" in text and "ก.พ. 2567" in text
    assert "ยังไม่ส่ง" in text and "สมศรี ใจดี" in text
    # Laid out as a Flex bubble: a header and a body section, boxes inside (the score bar among them).
    assert p.locator(".flex .section.header .fbox").count() == 1
    assert p.locator(".flex .section.body .fbox").count() >= 2
