"""The read-only dashboard behind signed links: asked for in chat, opened in headless Chromium, and
refused once the link has expired or was tampered with. Admins get the quarterly xlsx the same way."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import openpyxl
import pytest
from pydantic import SecretStr

from bot.app import create_app
from bot.fakeline.app import fake_of
from bot.settings import Settings
from handlers.links import sign_link
from scoring.fiscal import FiscalPeriod
from store.db import session_scope
from store.demo import demo_line_id, load_demo
from store.models import IndicatorRecord, utcnow
from store.reports import ReportInput, record_report
from tests.conftest import PLANS
from tests.live import CHROMIUM, CHROMIUM_ARGS, free_port, serve_app, signed, text_event

LINKS = "dashboard-link-secret"


@pytest.fixture
def site(db_url: str, tmp_path: Path) -> Iterator[tuple[str, Any, dict[str, int]]]:
    port = free_port()
    settings = Settings(
        database_url=db_url,
        line_channel_secret=SecretStr("chan"),
        link_secret=SecretStr(LINKS),
        plans_dir=PLANS,
        evidence_dir=tmp_path / "ev",
        public_url=f"http://127.0.0.1:{port}",
    )
    app = create_app(settings, port=port)
    engine = app.state.runtime.engine
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
        ids = {k: p.id or 0 for k, p in people.items()}
        indicator = next(i for i in s.exec(__import__("sqlmodel").select(IndicatorRecord)).all() if i.code == "4")
        for month, value in ((1, 66.0), (2, 71.5), (3, 76.0)):
            record_report(
                s,
                ReportInput(
                    indicator_id=indicator.id or 0,
                    period=FiscalPeriod(2567, 2, month),
                    value=value,
                    narrative="ลงพื้นที่ตรวจสอบร่วมกับสำนักงานเขต",
                ),
                by=ids["wichai"],
                now=datetime(2024, month, 18, 3, tzinfo=UTC),
                source="test",
            )
    fake_app = next(r.app for r in app.routes if getattr(r, "path", "") == "/_line")
    with serve_app(app, port) as base:
        yield base, fake_of(fake_app), ids


def _ask(base: str, fake: Any, who: str, text: str) -> str:
    user = demo_line_id(who)
    before = len(fake.sent_to(user))
    body, headers = signed("chan", [text_event(user, text, reply_token=fake.issue_reply_token(user))])
    assert httpx.post(f"{base}/webhook", content=body, headers=headers).status_code == 200
    deadline = datetime.now() + timedelta(seconds=10)
    while len(fake.sent_to(user)) == before:
        assert datetime.now() < deadline
    return str(fake.sent_to(user)[-1].messages[0]["text"])


def test_dashboard_link_from_chat_opens_in_chromium(site: tuple[str, Any, dict[str, int]], tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("chromium is required in CI")
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    base, fake, _ = site
    reply = _ask(base, fake, "manager", "ขอแดชบอร์ดหน่อยค่ะ")
    url = re.search(r"http://\S+", reply).group(0)  # type: ignore[union-attr]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        page.goto(url)
        assert page.locator("#levels td.level").count() >= 6
        assert page.locator("#levels td.l4").count() >= 1  # KPI 4: 76% is level 4
        late = page.inner_text("#late")  # past plans are read at their year's end: the 20 Sep 2024 round
        assert "วิชัย รักงาน: ตัวชี้วัดที่ 4, 5, 6 (กำหนดส่ง 20 ก.ย. 2567)" in late
        assert "สมศรี ใจดี: ตัวชี้วัดที่ 1, 2, 3" in late
        shot = tmp_path / "dashboard.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 15_000
        page.click("#levels td.l4 a")
        page.wait_for_selector("#trend")
        assert page.locator("#trend rect").count() == 3
        audit = page.inner_text("#audit")
        assert "วิชัย รักงาน" in audit and "66" in audit and "76" in audit
        page.screenshot(path=str(tmp_path / "indicator.png"), full_page=True)
        browser.close()


def test_expired_or_tampered_links_are_refused(site: tuple[str, Any, dict[str, int]]) -> None:
    base, _, ids = site
    old = sign_link(LINKS, ids["manager"], "dashboard", utcnow() - timedelta(hours=2))
    page = httpx.get(f"{base}/dashboard", params={"t": old})
    assert page.status_code == 403 and "หมดอายุ" in page.text
    good = sign_link(LINKS, ids["manager"], "dashboard", utcnow())
    assert httpx.get(f"{base}/dashboard", params={"t": good}).status_code == 200
    forged = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    assert httpx.get(f"{base}/dashboard", params={"t": forged}).status_code == 403


def test_a_reporter_sees_only_their_unit(site: tuple[str, Any, dict[str, int]]) -> None:
    base, _, ids = site
    token = sign_link(LINKS, ids["anan"], "dashboard", utcnow())
    page = httpx.get(f"{base}/dashboard", params={"t": token}).text
    assert "สำนักงานเลขานุการสภากรุงเทพมหานคร" in page
    assert "สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร" not in page
    other = httpx.get(f"{base}/dashboard/indicator", params={"t": token, "plan": 1, "code": "4"})
    assert other.status_code == 403


def test_admins_get_the_quarterly_file_by_link(site: tuple[str, Any, dict[str, int]]) -> None:
    base, fake, _ = site
    assert _ask(base, fake, "manager", "ขอไฟล์รายงานไตรมาส 2").startswith("ขออภัยค่ะ การส่งออกไฟล์")
    reply = _ask(base, fake, "admin", "ขอไฟล์รายงานไตรมาส 2")
    url = re.search(r"http://\S+", reply).group(0)  # type: ignore[union-attr]
    response = httpx.get(url)
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert any("ไตรมาส" in str(c.value) for row in book.active.iter_rows() for c in row if c.value)
