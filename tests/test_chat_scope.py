"""What the bot shows depends on the chat as well as the asker, and buttons cannot be forged.

* In a group that is not the bound committee group everyone in the group reads the answer, so
  nothing scoped to the asker's roles is shown there (no scores, no names) and no report is saved:
  the bot asks to continue in a 1:1 chat. The committee group keeps the committee's answers.
* Postback data comes from the client and can be edited: a period outside the plan's fiscal year,
  a quarter 9, an indicator of a colleague, a draft id that is not a number, an unknown action are
  refused with a short reply, and nothing is saved.
* A reporter asking who is late sees their own pending indicators, never other people's names.

Everything runs through the real dispatcher and the real store (SQLite and PostgreSQL).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from linebot.v3.webhooks import Event
from sqlmodel import Session, col, select

from bot.ulid import new_ulid
from handlers import texts as m
from handlers.dispatch import EventContext, dispatch
from handlers.queries import texts as qt
from handlers.replies import Reply, parse_postback
from scoring.fiscal import FiscalPeriod
from store import progress
from store.db import session_scope
from store.demo import COMMITTEE_GROUP, demo_line_id, load_demo
from store.models import Draft, IndicatorRecord, Person, PlanRecord, ProgressReport, ReportStatus
from store.progress import ReportInput
from tests.conftest import PLANS
from tests.live import text_event

NOW = datetime(2024, 3, 25, 3, 0, tzinfo=UTC)  # 10:00 Bangkok, FY2567 Q2, after the 20 March deadline
OTHER_GROUP = "C" + "7" * 32  # a group the bot was invited to but nobody bound
GOV_PLAN = "fy2567-governor-secretary"


class Bot:
    """Events through ``dispatch`` as the worker runs them: one session (transaction) per event."""

    def __init__(self, engine: sa.Engine, tmp: Path) -> None:
        self.engine, self.tmp, self.now = engine, tmp, NOW

    def _run(self, event: dict[str, Any]) -> Reply:
        self.now += timedelta(seconds=30)
        with session_scope(self.engine) as s:
            return dispatch(EventContext(s, self.now, self.tmp), Event.from_dict(event))  # type: ignore[arg-type]

    def ask(self, who: str, text: str, *, group: str | None = None) -> Reply:
        prefix = "@Tidtam " if group else ""
        return self._run(text_event(demo_line_id(who), prefix + text, group_id=group, mention_self=bool(group)))

    def tap(self, who: str, data: str, *, group: str | None = None) -> Reply:
        user = demo_line_id(who)
        source = {"type": "group", "groupId": group, "userId": user} if group else {"type": "user", "userId": user}
        return self._run(
            {
                "type": "postback",
                "mode": "active",
                "timestamp": 0,
                "source": source,
                "webhookEventId": new_ulid(),
                "deliveryContext": {"isRedelivery": False},
                "replyToken": "r",
                "postback": {"data": data},
            }
        )


@pytest.fixture
def bot(engine: sa.Engine, tmp_path: Path) -> Bot:
    return Bot(engine, tmp_path)


@pytest.fixture
def ids(engine: sa.Engine) -> dict[str, int]:
    """The demo people; somsri reported indicator 1 for January and February (92.5)."""
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
        out = {k: p.id or 0 for k, p in people.items()}
        for month, value in ((1, 88.0), (2, 92.5)):
            progress.record(
                s,
                data=ReportInput(_indicator(s, "1"), FiscalPeriod(2567, 2, month), value=value, narrative="ติดตามมติสภา"),
                by=out["somsri"],
                now=datetime(2024, month, 15, 3, tzinfo=UTC),
                source="test",
            )
    return out


def _indicator(session: Session, code: str) -> int:
    plan = session.exec(select(PlanRecord).where(PlanRecord.key == GOV_PLAN)).one()
    row = session.exec(
        select(IndicatorRecord).where(IndicatorRecord.plan_id == plan.id, IndicatorRecord.code == code)
    ).one()
    return row.id or 0


def flex_text(reply: Reply) -> str:
    def walk(node: object) -> list[str]:
        if isinstance(node, dict):
            return ([node["text"]] if node.get("type") == "text" else []) + [t for v in node.values() for t in walk(v)]
        if isinstance(node, list):
            return [t for v in node for t in walk(v)]
        return []

    return "\n".join(t for msg in reply.messages for t in [msg.text, *walk(msg.flex)])


def saved(engine: sa.Engine) -> list[tuple[str, str, float | None, int]]:
    """(indicator code, period label, value, reported_by) of every report, oldest first."""
    with Session(engine) as s:
        rows = s.exec(
            select(IndicatorRecord.code, ProgressReport.period, ProgressReport.value, ProgressReport.reported_by)
            .join(IndicatorRecord, ProgressReport.indicator_id == IndicatorRecord.id)  # type: ignore[arg-type]
            .order_by(ProgressReport.id)  # type: ignore[arg-type]
        ).all()
    return [(c, p, v, by) for c, p, v, by in rows]


BEFORE = [("1", "2567-01", 88.0), ("1", "2567-02", 92.5)]


def codes_periods_values(engine: sa.Engine) -> list[tuple[str, str, float | None]]:
    return [(c, p, v) for c, p, v, _ in saved(engine)]


# --- A. the chat decides what may be shown ------------------------------------------------------


@pytest.mark.parametrize("who", ["committee", "admin", "manager", "pranee"])
def test_an_unbound_group_gets_no_scores_and_no_names(bot: Bot, ids: dict[str, int], who: str) -> None:
    for question in ("ใครยังไม่ส่ง", "สรุปผลคะแนนตอนนี้เท่าไร", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว", "ไตรมาส 2 ได้กี่คะแนน"):
        reply = bot.ask(who, question, group=OTHER_GROUP)
        assert reply.texts == [m.GROUP_ASK_PRIVATELY], (who, question)
        shown = flex_text(reply)
        assert "92.5" not in shown and "คะแนนถึงตอนนี้" not in shown
        assert "วิชัย" not in shown and "สมศรี" not in shown


def test_the_committee_group_still_gets_the_committee_answers(bot: Bot, ids: dict[str, int]) -> None:
    late = flex_text(bot.ask("committee", "ใครยังไม่ส่ง", group=COMMITTEE_GROUP))
    assert "วิชัย รักงาน: ตัวชี้วัดที่ 4, 5, 6" in late
    assert "92.5" in flex_text(bot.ask("committee", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว", group=COMMITTEE_GROUP))
    # The same asker 1:1 still sees every unit: the chat narrows answers, it never widens them.
    assert "คะแนนถึงตอนนี้" in flex_text(bot.ask("committee", "สรุปผล"))


def test_a_report_in_an_unbound_group_is_not_saved_as_the_speakers(
    bot: Bot, engine: sa.Engine, ids: dict[str, int]
) -> None:
    reply = bot.ask("somsri", "ตช.2 ได้ 9 โครงการ ไตรมาส 2 ประชุมติดตามกับสำนักงานเขต", group=OTHER_GROUP)
    assert reply.texts == [m.GROUP_ASK_PRIVATELY]
    assert codes_periods_values(engine) == BEFORE
    with Session(engine) as s:
        assert s.exec(select(Draft)).all() == []
    # The same words in the 1:1 chat are saved.
    assert bot.ask("somsri", "ตช.2 ได้ 9 โครงการ ไตรมาส 2 ประชุมติดตามกับสำนักงานเขต").texts[0].startswith("บันทึกแล้ว")
    assert codes_periods_values(engine) == [*BEFORE, ("2", "2567-Q2", 9.0)]


def test_a_button_tapped_in_an_unbound_group_does_nothing(bot: Bot, engine: sa.Engine, ids: dict[str, int]) -> None:
    card = bot.ask("committee", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว")
    footer = card.messages[0].flex["footer"]["contents"]  # type: ignore[index]
    confirm = footer[0]["action"]["data"]
    reply = bot.tap("committee", confirm, group=OTHER_GROUP)
    assert reply.texts == [m.GROUP_ASK_PRIVATELY]
    with Session(engine) as s:
        report = s.get(ProgressReport, int(parse_postback(confirm)["r"]))
        assert report is not None and report.status == ReportStatus.reported and report.confirmed_value is None


# --- B. forged postbacks ----------------------------------------------------------------------


def _draft_awaiting_period(bot: Bot, engine: sa.Engine) -> tuple[Reply, int]:
    reply = bot.ask("somsri", "ตช.2 ได้ 9 โครงการ ไตรมาส 1 และไตรมาส 2 ประชุมติดตามกับสำนักงานเขต")
    assert "ช่วงไหน" in reply.texts[0]
    with Session(engine) as s:
        draft = s.exec(select(Draft).where(Draft.state == "ask_period")).one()
    return reply, draft.id or 0


@pytest.mark.parametrize(
    "value",
    ["9999-9", "2567-9", "2567-0", "2566-2", "2568-1", "2567-2-13", "2567-2-7", "2567-x", "", "2567-2-1-1"],
)
def test_a_forged_period_is_refused_and_nothing_saved(
    bot: Bot, engine: sa.Engine, ids: dict[str, int], value: str
) -> None:
    _, draft_id = _draft_awaiting_period(bot, engine)
    reply = bot.tap("somsri", f"f=period&v={value}&d={draft_id}")
    assert reply.texts == [m.BUTTON_INVALID]
    assert codes_periods_values(engine) == BEFORE
    with Session(engine) as s:
        draft = s.get(Draft, draft_id)
        assert draft is not None and draft.state == "ask_period"


def test_the_offered_periods_and_a_month_of_the_quarter_are_accepted(
    bot: Bot, engine: sa.Engine, ids: dict[str, int]
) -> None:
    reply, draft_id = _draft_awaiting_period(bot, engine)
    offered = [q.label for q in reply.messages[0].quick_replies]
    assert offered[:4] == ["ไตรมาส 1/2567", "ไตรมาส 2/2567", "ไตรมาส 3/2567", "ไตรมาส 4/2567"]
    assert bot.tap("somsri", f"f=period&v=2567-2-3&d={draft_id}").texts[0].startswith("บันทึกแล้วค่ะ")
    assert codes_periods_values(engine) == [*BEFORE, ("2", "2567-03", 9.0)]


def test_a_period_outside_the_plan_year_offers_that_years_quarters(
    bot: Bot, engine: sa.Engine, ids: dict[str, int]
) -> None:
    reply = bot.ask("somsri", "ตช.2 ได้ 9 โครงการ ไตรมาส 2/2566 ประชุมติดตามกับสำนักงานเขต")
    assert "นอกปีงบประมาณ 2567" in reply.texts[0]
    quick = reply.messages[0].quick_replies
    assert [q.label for q in quick][:4] == [f"ไตรมาส {n}/2567" for n in range(1, 5)]
    assert bot.tap("somsri", quick[1].data).texts[0].startswith("บันทึกแล้วค่ะ")
    assert codes_periods_values(engine) == [*BEFORE, ("2", "2567-Q2", 9.0)]


@pytest.mark.parametrize(
    "data",
    [
        "d=abc&f=indicator&v=2",
        "d=&f=cancel",
        "d=1.5&f=cancel",
        "d=-1&f=cancel",
        "f=cancel",
        "d=99999999999999999999999&f=cancel",
        "f=explode&v=yes&d={draft}",
        "f=unit&v=yes&d={draft}",  # the period is asked, not the unit, the lower value or a confirmation
        "f=lower&v=yes&d={draft}",
        "f=confirm&v=yes&d={draft}",
        "f=unit&v=maybe&d={draft}",
        "f=indicator&v=2&d={draft}",  # the period is asked first
        "",
        "hello",
        "v=approve&r=1",
        "v=confirm&r=abc",
        "n=noprogress",
        "n=explode&p=2567-Q2",
    ],
)
def test_malformed_or_out_of_turn_buttons_get_a_polite_reply(
    bot: Bot, engine: sa.Engine, ids: dict[str, int], data: str
) -> None:
    _, draft_id = _draft_awaiting_period(bot, engine)
    reply = bot.tap("somsri", data.replace("{draft}", str(draft_id)))
    assert reply.texts == [m.BUTTON_INVALID]
    assert codes_periods_values(engine) == BEFORE
    with Session(engine) as s:
        assert [d.state for d in s.exec(select(Draft)).all()] == ["ask_period"]


def test_an_answer_to_a_question_not_asked_is_refused(bot: Bot, engine: sa.Engine, ids: dict[str, int]) -> None:
    reply = bot.ask("somsri", "ผู้ว่าสัญจร 85% ค่ะ")  # which indicator? (no code yet)
    with Session(engine) as s:
        draft_id = s.exec(select(Draft)).one().id
    assert bot.tap("somsri", f"f=unit&v=yes&d={draft_id}").texts == [m.BUTTON_INVALID]  # was a KeyError
    assert bot.tap("somsri", f"f=confirm&v=yes&d={draft_id}").texts == [m.BUTTON_INVALID]
    with Session(engine) as s:
        draft = s.get(Draft, draft_id)
        assert draft is not None and not draft.data["confirmed"] and draft.data["items"][0]["code"] is None
    # The buttons actually shown still work.
    five = next(q for q in reply.messages[0].quick_replies if q.label.startswith("5"))
    assert bot.tap("somsri", five.data).texts[0].startswith("บันทึกแล้วค่ะ")
    assert codes_periods_values(engine) == [*BEFORE, ("5", "2567-Q2", 85.0)]


def test_a_forged_verify_action_is_not_taken_as_a_return(bot: Bot, engine: sa.Engine, ids: dict[str, int]) -> None:
    card = bot.ask("committee", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว")
    report_id = parse_postback(card.messages[0].flex["footer"]["contents"][0]["action"]["data"])["r"]  # type: ignore[index]
    assert bot.tap("committee", f"v=approve&r={report_id}").texts == [m.BUTTON_INVALID]
    with Session(engine) as s:
        assert s.exec(select(Draft)).all() == []  # no "why do you return it?" draft
        report = s.get(ProgressReport, int(report_id))
        assert report is not None and report.status == ReportStatus.reported


@pytest.mark.parametrize(
    "data",
    [
        "n=noprogress&i=1,2,3,6&p=2567-Q9",  # quarter 9
        "n=noprogress&i=1,2,3,6&p=2567-Q2",  # 6 is wichai's
        "n=noprogress&i=1&p=9999-Q1",  # no plan of that year
        "n=noprogress&i=1&p=2566-Q4",  # last year's plan is not loaded for this unit
        "n=noprogress&i=1&p=2567-13",
        "n=noprogress&i=99&p=2567-Q2",
        "n=noprogress&i=&p=2567-Q2",
        "n=noprogress&i=1&p=",
    ],
)
def test_a_forged_no_progress_button_saves_nothing(bot: Bot, engine: sa.Engine, ids: dict[str, int], data: str) -> None:
    assert bot.tap("somsri", data).texts == [m.BUTTON_INVALID]
    bot.ask("somsri", "รอผลการจัดซื้อจัดจ้าง")
    assert codes_periods_values(engine) == BEFORE
    with Session(engine) as s:
        assert s.exec(select(Draft).where(col(Draft.state).startswith("ask_"))).all() == []


def test_the_no_progress_button_saves_the_tappers_own_indicators(
    bot: Bot, engine: sa.Engine, ids: dict[str, int]
) -> None:
    assert bot.tap("somsri", "n=noprogress&i=2,3&p=2567-03").texts[0].startswith("ขอทราบเหตุผล")
    reply = bot.ask("somsri", "รอผลการจัดซื้อจัดจ้าง")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ ✅ ตัวชี้วัดที่ 2, 3")
    assert saved(engine)[2:] == [("2", "2567-03", None, ids["somsri"]), ("3", "2567-03", None, ids["somsri"])]


def test_the_acting_officer_may_answer_for_the_absent_reporter(
    bot: Bot, engine: sa.Engine, ids: dict[str, int]
) -> None:
    with session_scope(engine) as s:
        head = s.get(Person, ids["pranee"])
        assert head is not None
        head.acting_for_id = ids["wichai"]
    assert bot.tap("pranee", "n=noprogress&i=4,5&p=2567-03").texts[0].startswith("ขอทราบเหตุผล")
    bot.ask("pranee", "รอผลการประชุมคณะกรรมการ")
    assert [(c, by) for c, _, _, by in saved(engine)[2:]] == [("4", ids["pranee"]), ("5", ids["pranee"])]
    # Not for someone she does not act for.
    assert bot.tap("pranee", "n=noprogress&i=1&p=2567-03").texts == [m.BUTTON_INVALID]


# --- C. "who is late" for a reporter ------------------------------------------------------------


def test_a_reporter_asking_who_is_late_sees_her_own_pending_items_only(bot: Bot, ids: dict[str, int]) -> None:
    committee = flex_text(bot.ask("committee", "ใครยังไม่ส่ง"))
    assert "สมศรี ใจดี: ตัวชี้วัดที่ 1, 2, 3 (กำหนดส่ง 20 มี.ค. 2567)" in committee
    answer = bot.ask("somsri", "ใครยังไม่ส่ง").texts
    own = qt.OWN_LATE_HEAD + "\n" + qt.OWN_LATE_LINE.format(codes="1, 2, 3", due="20 มี.ค. 2567")
    next_due = qt.NEXT_DUE.format(due="20 เม.ย. 2567", rounds="เม.ย. 2567")
    assert answer == [own + "\n" + next_due]
    assert "วิชัย" not in answer[0]


def test_a_reporter_who_is_done_is_not_told_that_everyone_is(bot: Bot, engine: sa.Engine, ids: dict[str, int]) -> None:
    with session_scope(engine) as s:
        for code in ("1", "2", "3"):
            progress.record(
                s,
                data=ReportInput(_indicator(s, code), FiscalPeriod(2567, 2), value=90.0, narrative="ครบ"),
                by=ids["somsri"],
                now=datetime(2024, 3, 18, 3, tzinfo=UTC),
                source="test",
            )
    assert bot.ask("somsri", "ใครยังไม่ส่ง").texts[0].startswith(qt.OWN_NOTHING_LATE)
    # wichai is still late: his unit head sees his name, his colleague does not.
    assert "วิชัย รักงาน: ตัวชี้วัดที่ 4, 5, 6" in bot.ask("pranee", "ใครยังไม่ส่ง").texts[0]


def test_the_acting_officer_sees_what_the_absent_reporter_still_owes(
    bot: Bot, engine: sa.Engine, ids: dict[str, int]
) -> None:
    with session_scope(engine) as s:
        somsri = s.get(Person, ids["somsri"])
        assert somsri is not None
        somsri.acting_for_id = ids["wichai"]
    answer = bot.ask("somsri", "ใครยังไม่ส่ง").texts[0]
    assert qt.OWN_LATE_LINE.format(codes="1, 2, 3", due="20 มี.ค. 2567") in answer
    assert qt.ACTING_LATE_LINE.format(name="วิชัย รักงาน", codes="4, 5, 6", due="20 มี.ค. 2567") in answer
