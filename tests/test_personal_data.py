"""Personal data under the PDPA: the notice on follow and when asked, a person's copy, their erasure,
and retention.

The traffic is real, on SQLite and PostgreSQL: signed webhooks, the worker, the fake LINE platform.
Wichai (a reporter of the Governor's Secretary office) follows the bot, reports ตช.4 and gives his
name and phone as the coordinator, sends a photo, marks both level-5 conditions, and leaves a draft
open with a second photo. His unit head asks who has not reported (his name goes out in the reply),
and a committee member mentions him by name and by @mention in the committee group.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from apscheduler.schedulers.background import BackgroundScheduler
from pydantic import SecretStr
from sqlmodel import Session, SQLModel, select
from typer.testing import CliRunner

from bot.app import create_app
from bot.cli import app as cli
from bot.clock import add_jobs, apply_retention
from bot.dev.fakeline.app import fake_of
from bot.settings import Settings, get_settings
from bot.ulid import new_ulid
from scoring.fiscal import FiscalPeriod
from scoring.rubric import evaluate
from scoring.totals import score_plan
from store import progress
from store.db import session_scope
from store.demo import COMMITTEE_GROUP, demo_line_id, load_demo
from store.inbox import accept, bury, dead_letters, mark_processed
from store.models import Draft, Evidence, InboxEvent, IndicatorRecord, Person, PlanRecord, utcnow
from store.personal_data import Retention
from store.plans import plan_from_record
from tests.live import free_port, http_client, serve_app, text_event
from tests.webhook_service import PLANS, SECRET, STRANGER, Service

WICHAI, PRANEE, MALEE = demo_line_id("wichai"), demo_line_id("pranee"), demo_line_id("committee")
NAME, PHONE = "วิชัย รักงาน", "081-234-5678"
CONTACT = "กลุ่มงานแผนงานและประเมินผล สำนักงานเลขานุการผู้ว่าฯ โทร 0 2221 1111"
# Everything that identifies Wichai: none of it may be left anywhere after he is forgotten.
HIS = (NAME, "วิชัยรักงาน", PHONE, "0812345678", WICHAI)
PLAN = "fy2567-governor-secretary"


@pytest.fixture
def bot(db_url: str, tmp_path: Path) -> Iterator[Service]:
    """The real service (inline worker, fake LINE platform) with the demo and a privacy contact set."""
    settings = Settings(
        database_url=db_url,
        line_channel_secret=SecretStr(SECRET),
        plans_dir=PLANS,
        evidence_dir=tmp_path / "ev",
        console=True,
        privacy_contact=CONTACT,
        retention_inbox_days=14,
    )
    port = free_port()
    app = create_app(settings, port=port)
    with session_scope(app.state.runtime.engine) as s:
        load_demo(s, PLANS, utcnow())
    fake_app = next(r.app for r in app.routes if getattr(r, "path", "") == "/_line")
    with serve_app(app, port) as base, http_client() as http:
        yield Service(base, fake_of(fake_app), app.state.runtime.engine, http)


@dataclass
class Chat:
    """One LINE user talking to the bot over the real webhook; ``texts`` are the bot's last replies."""

    bot: Service
    user: str
    chat: str = ""
    records: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.chat = self.chat or self.user

    def _event(self, kind: str, **payload: Any) -> dict[str, Any]:
        source = {"type": "user", "userId": self.user}
        if self.chat != self.user:
            source = {"type": "group", "groupId": self.chat, "userId": self.user}
        return {
            "type": kind,
            "mode": "active",
            "timestamp": int(utcnow().timestamp() * 1000),
            "source": source,
            "webhookEventId": new_ulid(),
            "deliveryContext": {"isRedelivery": False},
            "replyToken": self.bot.fake.issue_reply_token(self.chat),
            **payload,
        }

    def post(self, event: dict[str, Any]) -> list[str]:
        before = len(self.bot.fake.sent_to(self.chat))
        assert self.bot.post([event]).status_code == 200
        self.bot.wait(self.bot.idle)
        self.records = self.bot.fake.sent_to(self.chat)[before:]
        return self.texts

    @property
    def texts(self) -> list[str]:
        return [m.get("text", "") for r in self.records for m in r.messages]

    def say(self, text: str) -> list[str]:
        return self.post(text_event(self.user, text, reply_token=self.bot.fake.issue_reply_token(self.user)))

    def tap(self, label_start: str) -> list[str]:
        items = self.records[-1].messages[-1]["quickReply"]["items"]
        action = next(i["action"] for i in items if i["action"]["label"].startswith(label_start))
        return self.post(self._event("postback", postback={"data": action["data"]}))

    def photo(self, message_id: str, data: bytes) -> list[str]:
        self.bot.fake.add_content(message_id, data, "image/jpeg")
        message = {"type": "image", "id": message_id, "quoteToken": "q", "contentProvider": {"type": "line"}}
        return self.post(self._event("message", message=message))

    def follow(self) -> list[str]:
        return self.post(self._event("follow", follow={"isUnblocked": False}))


@dataclass
class Traffic:
    bot: Service
    person_id: int
    report_photo: Path
    draft_photo: Path


@pytest.fixture
def traffic(bot: Service) -> Traffic:
    with session_scope(bot.engine) as s:
        wichai = s.exec(select(Person).where(Person.name == NAME)).one()
        wichai.phone = PHONE  # as the admin keeps it
        s.add(wichai)
        person_id = wichai.id or 0

    him = Chat(bot, WICHAI)
    assert len(him.follow()) == 2
    assert him.say("ตช.4 ไตรมาส 2 ได้ร้อยละ 82 ค่ะ")[0].startswith("บันทึกแล้วค่ะ")
    assert "รายละเอียด" in him.say("ประชุมร่วมกับสำนักงานเขตทุกเขตที่ศาลาว่าการ เพื่อติดตามเรื่องร้องเรียน")[0]
    assert "หลักฐาน" in him.photo("p-report", b"\xff\xd8 a photo of the district meeting")[0]
    him.say("ตช.4 ไตรมาส 2 ส่งรายงานภาพรวมเสนอผู้บริหารแล้ว และเขตรายงานรายเขตเสนอผู้บริหารแล้ว")
    assert "บันทึกแล้ว" in him.tap("ยืนยันทั้งหมด")[0]
    assert "รายละเอียด" in him.say(f"ผู้ประสานงาน {NAME} โทร {PHONE}")[0]
    assert him.say("ร้อยละ 75")  # which indicator? a draft waits
    assert "หลักฐาน" in him.photo("p-draft", b"\xff\xd8 a photo sent with the unfinished report")[0]

    head = Chat(bot, PRANEE)
    assert any(NAME in t for t in head.say("ใครยังไม่ส่ง"))
    group = Chat(bot, MALEE, COMMITTEE_GROUP)
    asked = f"@Tidtam ตช.4 ถึงไหนแล้ว @{NAME}"
    event = text_event(MALEE, asked, group_id=COMMITTEE_GROUP, mention_self=True)
    event["replyToken"] = bot.fake.issue_reply_token(COMMITTEE_GROUP)
    mentioned = {"index": asked.index("@" + NAME), "length": len(NAME) + 1, "type": "user", "userId": WICHAI}
    event["message"]["mention"]["mentionees"].append(mentioned)
    assert group.post(event)

    with Session(bot.engine) as s:
        paths = {e.line_message_id: Path(e.path or "") for e in s.exec(select(Evidence)).all() if e.path}
    return Traffic(bot, person_id, paths["p-report"], paths["p-draft"])


def _holding(engine: sa.Engine, needles: tuple[str, ...]) -> list[str]:
    """Every column of every table (the whole schema, as the models declare it) holding one of ``needles``."""
    found = []
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for row in conn.execute(sa.select(table)).mappings():
                for column, value in row.items():
                    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
                    found += [f"{table.name}.{column}: {needle}" for needle in needles if needle in text]
    return found


def _snapshot(engine: sa.Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as conn:
        return {
            t.name: [dict(r) for r in conn.execute(sa.select(t).order_by(*t.primary_key.columns)).mappings()]
            for t in SQLModel.metadata.sorted_tables
        }


def _scores(engine: sa.Engine) -> tuple[float, dict[str, tuple[int, float]]]:
    with Session(engine) as s:
        record = s.exec(select(PlanRecord).where(PlanRecord.key == PLAN)).one()
        results = progress.latest_results(session=s, plans=[record])[record.id or 0]
    plan = plan_from_record(record)
    per = {}
    for indicator in plan.indicators():
        found = evaluate(indicator, results.get(indicator.code))
        per[indicator.code] = (found.level, found.points)
    return score_plan(plan, results).total, per


@pytest.fixture
def admin(cli_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tidtam`` commands run in-process against the test database; returns the audit log's path."""
    audit = tmp_path / "audit" / "audit.jsonl"
    monkeypatch.setenv("AUDIT_LOG", str(audit))
    get_settings.cache_clear()
    return audit


def tidtam(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


# --- the notice ---------------------------------------------------------------------------------


def test_a_follow_gets_the_greeting_and_the_notice_in_one_reply(bot: Service) -> None:
    for user, greeting in ((WICHAI, f"คุณ{NAME}"), (STRANGER, "รหัสเชื่อมบัญชี")):
        chat = Chat(bot, user)
        texts = chat.follow()
        (record,) = chat.records
        assert record.endpoint == "reply" and len(record.messages) == 2  # of LINE's 5 per reply
        assert greeting in texts[0]
        notice = texts[1]
        assert CONTACT in notice, "PRIVACY_CONTACT reaches the notice through the worker"
        assert "ข้อความต้นฉบับที่ได้รับจาก LINE 14 วัน" in notice and "ร่างรายงาน" in notice and "30 วัน" in notice
        assert all(word in notice for word in ("ชื่อ", "ตำแหน่ง", "LINE", "คำรับรองการปฏิบัติราชการ", "ลบ", "สำเนา"))


def test_asking_for_the_notice_by_name_answers_it_and_a_report_about_personal_data_stays_a_report(
    bot: Service,
) -> None:
    stranger, him = Chat(bot, STRANGER), Chat(bot, WICHAI)
    assert CONTACT in stranger.say("ข้อมูลส่วนบุคคล")[0]
    assert CONTACT in him.say("ขอดูนโยบายความเป็นส่วนตัวหน่อยค่ะ")[0]
    him.say("ร้อยละ 75")  # a draft waits for the indicator
    texts = him.say("ข้อมูลส่วนบุคคล")
    assert CONTACT in texts[0] and "ยังรออยู่" in texts[1], "the waiting draft is kept, with a button back"
    saved = him.say("ตช.5 ร้อยละ 60 ไตรมาส 2 จัดทำประกาศคุ้มครองข้อมูลส่วนบุคคลแล้ว")
    assert not any(CONTACT in t for t in saved)
    group = Chat(bot, MALEE, COMMITTEE_GROUP)
    event = text_event(MALEE, "@Tidtam ข้อมูลส่วนบุคคล", group_id=COMMITTEE_GROUP, mention_self=True)
    event["replyToken"] = bot.fake.issue_reply_token(COMMITTEE_GROUP)
    assert CONTACT in group.post(event)[0]


# --- a copy -------------------------------------------------------------------------------------


def test_export_holds_what_he_sent_readable_in_thai(traffic: Traffic, admin: Path, tmp_path: Path) -> None:
    out = tmp_path / "wichai.json"
    tidtam("people", "export", str(traffic.person_id), str(out))
    raw = out.read_text(encoding="utf-8")
    assert NAME in raw and "\\u0e" not in raw, "Thai as Thai, not escapes"
    data = json.loads(raw)
    person = data["person"]
    assert (person["id"], person["name"], person["phone"], person["position"]) == (
        traffic.person_id,
        NAME,
        PHONE,
        "เจ้าพนักงานธุรการ",
    )
    assert [a["line_user_id"] for a in data["line_accounts"]] == [WICHAI]
    assert {r["role"] for r in data["roles"]} == {"reporter"}
    assert {a["code"] for a in data["assignments"]} == {"4", "5", "6"}
    (report,) = data["reports"]
    assert report["code"] == "4" and report["value"] == 82.0 and NAME in report["narrative"]
    assert len(data["drafts"]) >= 2 and any(d["state"] == "ask_indicator" for d in data["drafts"])
    assert sorted(e["kind"] for e in data["evidence"]) == ["image", "image"]
    assert {m["done"] for m in data["item_marks"]} == {True} and len(data["item_marks"]) == 2
    assert {c["field"] for c in data["changes_made"]} >= {"value", "narrative", "status"}
    assert any(e["body"].get("type") == "follow" for e in data["webhook_events"])
    assert os.stat(out).st_mode & 0o077 == 0, "a person's data is readable by its owner only"
    (line,) = admin.read_text(encoding="utf-8").splitlines()
    audit = json.loads(line)
    assert (audit["action"], audit["person_id"], audit["counts"]) == (
        "people export",
        traffic.person_id,
        {"reports": 1, "evidence": 2},
    )
    assert NAME not in line and WICHAI not in line


# --- erasure ------------------------------------------------------------------------------------


def test_forget_leaves_his_name_phone_and_line_id_nowhere_and_keeps_the_units_record(
    traffic: Traffic, admin: Path
) -> None:
    engine = traffic.bot.engine
    before = _holding(engine, HIS)
    tables = {f.split(".")[0] for f in before}
    assert {"person", "lineidentity", "inbox_event", "outbox", "progress_report", "report_change", "draft"} <= tables
    scores = _scores(engine)
    with Session(engine) as s:
        reports = progress.reports_by(session=s, person_id=traffic.person_id)
    assert traffic.report_photo.exists() and traffic.draft_photo.exists()

    out = tidtam("people", "forget", str(traffic.person_id), "--yes")
    assert f"#{traffic.person_id}" in out and NAME not in out

    assert _holding(engine, HIS) == []
    assert _scores(engine) == scores, "the unit's scores do not change"
    with Session(engine) as s:
        person = s.get(Person, traffic.person_id)
        after = progress.reports_by(session=s, person_id=traffic.person_id)
        drafts = s.exec(select(Draft).where(Draft.person_id == traffic.person_id)).all()
        evidence = s.exec(select(Evidence).where(Evidence.person_id == traffic.person_id)).all()
        own_events = [r for r in s.exec(select(InboxEvent)).all() if r.body.get("source", {}).get("userId") == WICHAI]
    assert person is not None and person.name == f"ผู้ใช้ที่ลบข้อมูลแล้ว #{traffic.person_id}" and not person.active
    assert [(r.id, r.value, r.done) for r in after] == [(r.id, r.value, r.done) for r in reports]
    assert f"ผู้ประสานงาน ผู้ใช้ที่ลบข้อมูลแล้ว #{traffic.person_id} โทร ผู้ใช้ที่ลบข้อมูลแล้ว" in after[0].narrative
    assert drafts == [] and own_events == []
    assert [e.line_message_id for e in evidence] == ["p-report"], "the photo of the saved report stays"
    assert traffic.report_photo.exists() and not traffic.draft_photo.exists()
    (line,) = admin.read_text(encoding="utf-8").splitlines()
    audit = json.loads(line)
    assert audit["action"] == "people forget" and audit["person_id"] == traffic.person_id and audit["by"]
    assert audit["counts"]["line_ids"] == 1 and audit["counts"]["drafts"] >= 2
    assert not any(needle in line for needle in HIS)

    # He follows again: a stranger now, who gets onboarding and the notice, and no data.
    texts = Chat(traffic.bot, WICHAI).follow()
    assert "รหัสเชื่อมบัญชี" in texts[0] and CONTACT in texts[1]


def test_forget_twice_changes_nothing_more(traffic: Traffic, admin: Path) -> None:
    engine = traffic.bot.engine
    tidtam("people", "forget", str(traffic.person_id), "--yes")
    first = _snapshot(engine)
    out = tidtam("people", "forget", str(traffic.person_id), "--yes")
    assert "ไม่มีข้อมูลส่วนบุคคล" in out
    assert _snapshot(engine) == first
    assert len(admin.read_text(encoding="utf-8").splitlines()) == 2


def test_forget_asks_before_it_erases(traffic: Traffic, admin: Path) -> None:
    result = CliRunner().invoke(cli, ["people", "forget", str(traffic.person_id)], input="n\n")
    assert result.exit_code == 1 and NAME in result.output
    assert _holding(traffic.bot.engine, (WICHAI,)) != []
    assert not admin.exists()


# --- retention ----------------------------------------------------------------------------------

NOW = datetime(2024, 6, 1, 3, 0, tzinfo=UTC)
OLD, RECENT = NOW - timedelta(days=31), NOW - timedelta(days=29)


def _event(event_id: str, at: datetime) -> dict[str, Any]:
    return text_event(WICHAI, f"ตช.4 ร้อยละ 80 ({event_id})", event_id=event_id) | {
        "timestamp": int(at.timestamp() * 1000)
    }


def _inbox(engine: sa.Engine) -> dict[str, InboxEvent]:
    with Session(engine) as s:
        return {r.webhook_event_id: r for r in s.exec(select(InboxEvent)).all()}


def test_the_daily_job_clears_old_inbox_bodies_and_stale_drafts_and_keeps_recent_ones(
    engine: sa.Engine, tmp_path: Path
) -> None:
    with session_scope(engine) as s:
        wichai = load_demo(s, PLANS, OLD)["wichai"]
        for event_id, at in (("old", OLD), ("recent", RECENT), ("old-waiting", OLD), ("old-dead", OLD)):
            accept(s, [_event(event_id, at)], at)
        s.flush()
        rows = {r.webhook_event_id: r for r in s.exec(select(InboxEvent)).all()}
        mark_processed(s, rows["old"], OLD)
        mark_processed(s, rows["recent"], RECENT)
        bury(s, rows["old-dead"], "UndecodableEvent: test", OLD)

        indicator = s.exec(select(IndicatorRecord).where(IndicatorRecord.code == "4")).first()
        assert indicator is not None
        report = progress.record(
            s,
            data=progress.ReportInput(indicator_id=indicator.id or 0, period=FiscalPeriod(2567, 2), value=80.0),
            by=wichai.id or 0,
            now=OLD,
            source="test",
        ).report

        files = {}
        for name in ("stale", "saved", "recent", "loose"):
            files[name] = tmp_path / f"{name}.jpg"
            files[name].write_bytes(name.encode())
        drafts = {}
        for name, at in (("stale", OLD), ("saved", OLD), ("recent", RECENT)):
            drafts[name] = Draft(person_id=wichai.id or 0, chat_id=WICHAI, created_at=at, updated_at=at, expires_at=at)
            s.add(drafts[name])
        s.flush()

        def evidence(name: str, path: str, at: datetime, **links: Any) -> None:
            row = Evidence(person_id=wichai.id or 0, kind="image", path=path, line_message_id=name, created_at=at)
            s.add(Evidence.model_validate(row.model_dump() | links))

        evidence("stale", str(files["stale"]), OLD, draft_id=drafts["stale"].id)
        evidence("saved", str(files["saved"]), OLD, draft_id=drafts["saved"].id, report_id=report.id)
        evidence("recent", str(files["recent"]), RECENT, draft_id=drafts["recent"].id)
        evidence("loose", str(files["loose"]), OLD)
        evidence("loose-shared", str(files["recent"]), OLD)  # the same photo as the recent draft's: one file
        recent_draft = drafts["recent"].id

    done = apply_retention(engine, Retention(inbox_days=30, drafts_days=30), at=NOW)
    assert done == {"inbox_bodies": 2, "drafts": 2, "evidence": 3, "files": 2}

    inbox = _inbox(engine)
    assert inbox["old"].body == {} and inbox["old"].chat_id == "-" and inbox["old"].processed_at is not None
    assert inbox["old-dead"].body == {} and inbox["old-dead"].discarded_at == NOW
    assert WICHAI in json.dumps(inbox["recent"].body), "a recent body is kept"
    assert WICHAI in json.dumps(inbox["old-waiting"].body), "an event not handled yet is never cleared"
    with Session(engine) as s:
        assert dead_letters(s) == []
        assert [d.id for d in s.exec(select(Draft)).all()] == [recent_draft]
        kept = {e.line_message_id: e for e in s.exec(select(Evidence)).all()}
    assert set(kept) == {"saved", "recent"} and kept["saved"].draft_id is None and kept["saved"].report_id
    assert {n for n, f in files.items() if f.exists()} == {"saved", "recent"}

    assert apply_retention(engine, Retention(), at=NOW) == {"inbox_bodies": 0, "drafts": 0, "evidence": 0, "files": 0}
    # A day later, what was recent is old too.
    assert apply_retention(engine, Retention(), at=NOW + timedelta(days=2))["inbox_bodies"] == 1


def test_the_clock_runs_retention_daily_with_the_settings_days(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}", retention_inbox_days=7)
    scheduler = BackgroundScheduler(timezone="Asia/Bangkok")
    add_jobs(scheduler, sa.create_engine(settings.database_url), settings)
    job = scheduler.get_job("retention")
    assert job is not None and job.func is apply_retention
    assert job.args[1] == Retention(inbox_days=7, drafts_days=30)
    assert str(job.trigger).startswith("cron[hour='3', minute='15'")
