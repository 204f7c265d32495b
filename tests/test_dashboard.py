"""The read-only dashboard behind signed links: asked for in chat, opened in headless Chromium, and
refused once the link has expired or was tampered with, once its person is gone or has lost the role,
and with a Thai page (never a server error) when what the link or the address names does not exist.
Admins get the quarterly xlsx the same way, made in memory. Links are never handed out in a group."""

from __future__ import annotations

import io
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import openpyxl
import pytest
import sqlalchemy as sa
from pydantic import SecretStr
from sqlmodel import Session, col, select

from bot.app import create_app
from bot.dev.fakeline.app import fake_of
from bot.dev.fakeline.state import FakeLine
from bot.settings import Settings
from handlers.accounts.links import LinkSigner, Purpose
from scoring.fiscal import FiscalPeriod
from store import progress
from store.db import session_scope
from store.demo import COMMITTEE_GROUP, demo_line_id, load_demo
from store.models import IndicatorRecord, Person, PlanRecord, RoleGrant, utcnow
from store.plan_files import load_plan
from store.plans import import_plan
from store.progress import ReportInput
from tests.conftest import PLANS
from tests.live import CHROMIUM, CHROMIUM_ARGS, free_port, serve_app, signed, text_event
from tests.test_security_headers import assert_locked_down

LINKS = "dashboard-link-secret"
THAI = re.compile(r"[\u0E00-\u0E7F]")


def link(person_id: int, path: str, now: datetime | None = None, *, secret: str = LINKS) -> str:
    """A link as the bot signs it in chat: export paths are files, the rest dashboard pages."""
    purpose: Purpose = "file" if path.startswith("export:") else "dashboard"
    return LinkSigner.from_secret(secret).sign(person_id, path, now or utcnow(), purpose=purpose)


def url_in(reply: str) -> str:
    found = re.search(r"http://\S+", reply)
    assert found is not None, reply
    return found.group(0)


@dataclass
class Site:
    base: str
    fake: FakeLine
    ids: dict[str, int]
    engine: sa.Engine

    def ask(self, who: str, text: str, *, group_id: str | None = None) -> str:
        """What the bot answered in the chat ``who`` typed into (1:1, or a group with an @mention)."""
        user = demo_line_id(who)
        chat = group_id or user
        before = len(self.fake.sent_to(chat))
        event = text_event(
            user,
            text,
            group_id=group_id,
            mention_self=group_id is not None,
            reply_token=self.fake.issue_reply_token(chat),
        )
        body, headers = signed("chan", [event])
        assert httpx.post(f"{self.base}/webhook", content=body, headers=headers).status_code == 200
        deadline = time.monotonic() + 10
        while len(self.fake.sent_to(chat)) == before:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        return str(self.fake.sent_to(chat)[-1].messages[0]["text"])

    def plan_key(self) -> str:
        with Session(self.engine) as s:
            return s.exec(select(PlanRecord.key).order_by(col(PlanRecord.fiscal_year).desc())).first() or ""


def _serve(settings: Settings, port: int) -> Iterator[Site]:
    app = create_app(settings, port=port)
    engine = app.state.runtime.engine
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
        ids = {k: p.id or 0 for k, p in people.items()}
        indicator = next(i for i in s.exec(select(IndicatorRecord)).all() if i.code == "4")
        for month, value in ((1, 66.0), (2, 71.5), (3, 76.0)):
            progress.record(
                s,
                data=ReportInput(
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
        yield Site(base, fake_of(fake_app), ids, engine)


def _settings(db_url: str, tmp_path: Path, port: int, link_secret: str | None) -> Settings:
    return Settings(
        database_url=db_url,
        line_channel_secret=SecretStr("chan"),
        link_secret=SecretStr(link_secret) if link_secret is not None else None,
        plans_dir=PLANS,
        evidence_dir=tmp_path / "ev",
        public_url=f"http://127.0.0.1:{port}",
        console=True,  # LINE is the fake platform at /_line
    )


@pytest.fixture
def site(db_url: str, tmp_path: Path) -> Iterator[Site]:
    port = free_port()
    yield from _serve(_settings(db_url, tmp_path, port, LINKS), port)


def _refused(response: httpx.Response, status: int) -> None:
    """Refused the way a person can read: the status asked for, a Thai page, and never a server error."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    assert THAI.search(response.text) and "ค่ะ" in response.text


def test_dashboard_link_from_chat_opens_in_chromium(site: Site, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("chromium is required in CI")
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    reply = site.ask("manager", "ขอแดชบอร์ดหน่อยค่ะ")
    url = url_in(reply)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        blocked: list[str] = []  # the page must work under its own Content-Security-Policy
        page.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)
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
    assert blocked == []


def test_expired_or_tampered_links_are_refused(site: Site) -> None:
    old = link(site.ids["manager"], "dashboard", utcnow() - timedelta(hours=2))
    page = httpx.get(f"{site.base}/dashboard", params={"t": old})
    assert page.status_code == 403 and "หมดอายุ" in page.text
    good = link(site.ids["manager"], "dashboard")
    assert httpx.get(f"{site.base}/dashboard", params={"t": good}).status_code == 200
    forged = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    assert httpx.get(f"{site.base}/dashboard", params={"t": forged}).status_code == 403


def test_a_reporter_sees_only_their_unit(site: Site) -> None:
    token = link(site.ids["anan"], "dashboard")
    page = httpx.get(f"{site.base}/dashboard", params={"t": token}).text
    assert "สำนักงานเลขานุการสภากรุงเทพมหานคร" in page
    assert "สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร" not in page
    other = httpx.get(f"{site.base}/dashboard/indicator", params={"t": token, "plan": 1, "code": "4"})
    assert other.status_code == 403


def test_admins_get_the_quarterly_file_by_link(site: Site, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # the served app runs in this process
    assert site.ask("manager", "ขอไฟล์รายงานไตรมาส 2").startswith("ขออภัยค่ะ การส่งออกไฟล์")
    reply = site.ask("admin", "ขอไฟล์รายงานไตรมาส 2")
    url = url_in(reply)
    response = httpx.get(url)
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert any("ไตรมาส" in str(c.value) for row in book.active.iter_rows() for c in row if c.value)
    assert list(scratch.iterdir()) == []  # no workbook left on disk once it was sent


def test_out_of_range_addresses_get_a_thai_page_not_a_server_error(site: Site) -> None:
    token = link(site.ids["manager"], "dashboard")
    page = f"{site.base}/dashboard/indicator"
    for plan in (str(2**70), str(2**31), "-1", "0", "abc", "1e3", ""):
        _refused(httpx.get(page, params={"t": token, "plan": plan, "code": "4"}), 400)
    with Session(site.engine) as s:
        plan_id = s.exec(select(IndicatorRecord.plan_id).where(IndicatorRecord.code == "4")).first()
    assert httpx.get(page, params={"t": token, "plan": plan_id, "code": "4"}).status_code == 200
    _refused(httpx.get(page, params={"t": token, "plan": plan_id, "code": "99"}), 404)
    _refused(httpx.get(page, params={"t": token, "plan": plan_id, "code": "4" * 5000}), 400)
    _refused(httpx.get(page, params={"t": token, "plan": plan_id, "code": "4\x00"}), 400)
    with session_scope(site.engine) as s:  # a plan whose indicator codes are Thai letters
        import_plan(s, load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
        thai_plan = s.exec(select(IndicatorRecord.plan_id).where(IndicatorRecord.code == "ก.1")).first()
    everything = link(site.ids["admin"], "dashboard")
    assert httpx.get(page, params={"t": everything, "plan": thai_plan, "code": "ก.1"}).status_code == 200
    _refused(httpx.get(page, params={"t": token, "plan": 2**31 - 1, "code": "4"}), 404)


def test_export_links_naming_what_does_not_exist_get_a_thai_page(site: Site) -> None:
    key = site.plan_key()
    admin = site.ids["admin"]
    assert httpx.get(f"{site.base}/files/export", params={"t": link(admin, f"export:{key}:2567:2")}).status_code == 200
    for path, status in (
        ("export:no-such-plan:2567:2", 404),
        (f"export:{key}:2566:2", 404),  # a year the plan has not got
        (f"export:{key}:2567:9", 400),
        (f"export:{key}:2567:0", 400),
        (f"export:{key}:2567:x", 400),
        (f"export:{key}:๒๕๖๗x:2", 400),
        (f"export:{key}:abc:2", 400),
        (f"export:{key}:99999999999999999999:2", 400),
        (f"export:{key}:1999:2", 400),
        ("export:2", 400),
        (f"export:{key}\x00:2567:2", 400),
    ):
        _refused(httpx.get(f"{site.base}/files/export", params={"t": link(admin, path)}), status)


def _deactivate(site: Site, who: str) -> None:
    with session_scope(site.engine) as s:
        person = s.get(Person, site.ids[who])
        assert person is not None
        person.active = False
        s.add(person)


def _drop_roles(site: Site, who: str) -> None:
    with session_scope(site.engine) as s:
        for grant in s.exec(select(RoleGrant).where(RoleGrant.person_id == site.ids[who])).all():
            s.delete(grant)


def test_a_deactivated_person_s_links_stop_working(site: Site) -> None:
    dashboard = link(site.ids["manager"], "dashboard")
    export = link(site.ids["admin"], f"export:{site.plan_key()}:2567:2")
    assert httpx.get(f"{site.base}/dashboard", params={"t": dashboard}).status_code == 200
    _deactivate(site, "manager")
    _deactivate(site, "admin")
    _refused(httpx.get(f"{site.base}/dashboard", params={"t": dashboard}), 403)
    _refused(httpx.get(f"{site.base}/files/export", params={"t": export}), 403)


def test_links_stop_working_once_the_role_is_gone(site: Site) -> None:
    dashboard = link(site.ids["anan"], "dashboard")
    export = link(site.ids["admin"], f"export:{site.plan_key()}:2567:2")
    with Session(site.engine) as s:
        plan_id = s.exec(select(IndicatorRecord.plan_id).where(IndicatorRecord.code == "4")).first()
    _drop_roles(site, "anan")
    _drop_roles(site, "admin")
    _refused(httpx.get(f"{site.base}/dashboard", params={"t": dashboard}), 403)
    _refused(httpx.get(f"{site.base}/dashboard/indicator", params={"t": dashboard, "plan": plan_id, "code": "4"}), 403)
    _refused(httpx.get(f"{site.base}/files/export", params={"t": export}), 403)


def test_no_personal_link_is_ever_posted_in_a_group(site: Site) -> None:
    for text in ("ขอแดชบอร์ดค่ะ", "ขอไฟล์รายงานไตรมาส 2"):
        said = site.ask("admin", f"@Tidtam {text}", group_id=COMMITTEE_GROUP)
        assert "http" not in said and "?t=" not in said
        assert "แชตส่วนตัว" in said and "ค่ะ" in said
    assert "http" in site.ask("admin", "ขอแดชบอร์ดค่ะ")  # the same request in 1:1 gets the link


def test_pages_files_and_refusals_carry_the_security_headers(site: Site) -> None:
    """The token is in the address: no Referer, no cache, no framing, no script on any of these."""
    dashboard = link(site.ids["manager"], "dashboard")
    page = httpx.get(f"{site.base}/dashboard", params={"t": dashboard})
    assert page.status_code == 200
    assert_locked_down(page)
    assert_locked_down(httpx.get(f"{site.base}/dashboard", params={"t": dashboard + "x"}))
    assert_locked_down(httpx.get(f"{site.base}/dashboard/indicator", params={"t": dashboard, "plan": "x"}))
    file = httpx.get(
        f"{site.base}/files/export", params={"t": link(site.ids["admin"], f"export:{site.plan_key()}:2567:2")}
    )
    assert file.status_code == 200 and file.content.startswith(b"PK")
    assert_locked_down(file)
    assert_locked_down(httpx.get(f"{site.base}/healthz"))


@pytest.fixture
def site_without_link_secret(db_url: str, tmp_path: Path) -> Iterator[Site]:
    port = free_port()
    yield from _serve(_settings(db_url, tmp_path, port, None), port)


def test_the_channel_secret_never_signs_links(site_without_link_secret: Site) -> None:
    """Whoever holds the LINE channel secret (the LINE console, the webhook config) must not be able to open pages."""
    site = site_without_link_secret
    token = link(site.ids["manager"], "dashboard", secret="chan")
    _refused(httpx.get(f"{site.base}/dashboard", params={"t": token}), 403)
    url = url_in(site.ask("manager", "ขอแดชบอร์ดค่ะ"))
    assert httpx.get(url).status_code == 200  # signed with this process's own key instead


@dataclass
class _Grid:
    """One table of the levels grid: its column headers and, per column, the (plan, code) its links open."""

    headers: list[str] = field(default_factory=list)
    links: dict[int, set[tuple[str, str]]] = field(default_factory=dict)


class _GridReader(HTMLParser):
    """The tables inside ``#levels`` as the browser lays them out: headers by column, links by column."""

    def __init__(self) -> None:
        super().__init__()
        self.grids: list[_Grid] = []
        self._inside = 0  # depth below the element with id="levels"
        self._column = -1
        self._cell: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._inside or dict(attrs).get("id") == "levels":
            self._inside += 1
        if not self._inside:
            return
        if tag == "table":
            self.grids.append(_Grid())
        elif tag == "tr":
            self._column = -1
        elif tag in ("th", "td"):
            self._column += 1
            self._cell, self._text = tag, ""
        elif tag == "a" and self._cell == "td" and self.grids:
            query = parse_qs(urlparse(dict(attrs).get("href") or "").query)
            target = (query["plan"][0], query["code"][0])
            self.grids[-1].links.setdefault(self._column, set()).add(target)

    def handle_endtag(self, tag: str) -> None:
        if not self._inside:
            return
        if tag == "th" and self.grids:
            self.grids[-1].headers.append(self._text.strip())
        if tag in ("th", "td"):
            self._cell = None
        self._inside -= 1

    def handle_data(self, data: str) -> None:
        if self._cell == "th":
            self._text += data


def test_the_grid_shows_each_plan_with_its_own_indicators(site: Site) -> None:
    """Plans have different indicators under the same codes (FY2567's 4 is not FY2565's 4): each plan
    gets its own table, every column opens that plan's indicator, and no indicator of a plan is left out."""
    page = httpx.get(f"{site.base}/dashboard", params={"t": link(site.ids["manager"], "dashboard")}).text
    reader = _GridReader()
    reader.feed(page)
    with Session(site.engine) as s:
        plans = {str(p.id): p for p in s.exec(select(PlanRecord)).all()}
        codes = {
            pid: {i.code for i in s.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == int(pid))).all()}
            for pid in plans
        }
    shown: dict[int, set[str]] = {}
    for grid in reader.grids:
        targets = {target for links in grid.links.values() for target in links}
        grid_plans = {pid for pid, _ in targets}
        assert len(grid_plans) == 1, f"one table mixes plans {sorted(grid_plans)}"
        pid = grid_plans.pop()
        for column, links in grid.links.items():
            assert links == {(pid, grid.headers[column].removeprefix("ตช."))}, (grid.headers, column, links)
        shown[plans[pid].fiscal_year] = {code for _, code in targets}
        assert shown[plans[pid].fiscal_year] <= codes[pid]
    assert set(shown) == {2565, 2567}  # the manager sees both units' newest plans
    assert {"K1", "K2", "K3", "4", "5.1", "5.2"} <= shown[2565]
    assert {"1", "2", "3", "4", "5", "6"} <= shown[2567]
