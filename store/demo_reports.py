"""Sample reports for the demo in the current fiscal year: what the demo reporters would have sent so far.

A newcomer who opens the console and asks "คะแนนตอนนี้" should see a year under way, not an empty
scorecard: each demo plan gets monthly reports of several indicators (cumulative values that grow
month by month, the words a reporter would write), items done by chat marked as the chat marks them,
and one unit late for the latest deadline, so "ใครยังไม่ส่ง" has someone to name. Everything goes
through ``store.progress`` and ``store.item_marks``, as a chat report does.

Deterministic: a month is reported once its sending day has passed (``as_of``), a report already
there is left alone, so loading again the same day adds nothing, and a later day adds the months
since. A reporter marked ``late`` has not sent the month of the latest deadline that has passed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from scoring.deadlines import FISCAL_MONTHS, deadlines_for
from scoring.fiscal import BANGKOK, FiscalPeriod, bangkok_date, calendar_year_of
from store import item_marks, progress
from store.models import IndicatorRecord, Person, PlanRecord
from store.plans import plan_from_record

_: None = None  # a month the reporter wrote about without a number (a survey not yet summarised)


@dataclass(frozen=True)
class Sample:
    """One indicator's year as its reporter sends it: a cumulative value per fiscal month (October
    first), the words of each report, the items marked done in a month, and the day of the month."""

    code: str
    reporter: str  # demo person key
    values: tuple[float | None, ...]
    narratives: tuple[str, ...]
    marks: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # fiscal month (1 = Oct) → items
    denominators: tuple[int, ...] = ()  # counts behind a percentage, when the reporter gives them
    day: int = 12
    late: bool = False


GOV_SAMPLES = (
    Sample(
        "1",
        "somsri",
        (78, 82, 85, 87, 88, 90, 91, 92, 93, 94, 95, 96),
        (
            "ติดตามหน่วยงานรายงานผลตามมติสภากรุงเทพมหานครครบทุกญัตติที่ได้รับในเดือนนี้",
            "ประชุมติดตามกับสำนักงานเขตที่ยังค้างรายงานผลการดำเนินการตามมติ",
        ),
        day=10,
    ),
    Sample(
        "2",
        "somsri",
        (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        (
            "โครงการสำคัญของรองผู้ว่าฯ ดำเนินการได้ตามแผนเพิ่มขึ้น รายงานในระบบติดตามโครงการแล้ว",
            "สรุปความก้าวหน้าโครงการนำเรียนรองผู้ว่าราชการกรุงเทพมหานครประจำเดือน",
        ),
        marks={1: ("step-1",), 2: ("step-2",), 4: ("step-3",), 7: ("step-4",)},
        day=11,
    ),
    Sample(
        "3",
        "somsri",
        (_, _, 78, _, _, 81, _, _, 83, _, _, 84),
        (
            "อยู่ระหว่างเก็บแบบสอบถามความพึงพอใจผู้ใช้ระบบปฏิทินการเรียนเชิญ สรุปผลทุก 3 เดือน",
            "สรุปผลแบบสอบถามความพึงพอใจรอบไตรมาสแล้ว",
        ),
        marks={1: ("step-1",), 2: ("step-2",)},
        day=13,
    ),
    Sample(
        "4",
        "wichai",
        (64.4, 68.6, 70.2, 71.0, 71.8, 72.5, 73.1, 73.9, 74.4, 75.0, 75.6, 76.0),
        (
            "50 สำนักงานเขตแก้ไขเรื่องร้องเรียนผ่าน Traffy Fondue ได้เพิ่มขึ้น ติดตามเรื่องค้างเกิน 30 วัน",
            "ลงพื้นที่ตรวจสอบเรื่องร้องเรียนร่วมกับสำนักงานเขต และเร่งรัดเรื่องที่ยังไม่ได้รับการแก้ไข",
        ),
        marks={2: ("central-report",), 5: ("district-report",)},
        denominators=(640, 1320, 1980, 2650, 3300, 3960, 4610, 5280, 5940, 6600, 7250, 7900),
        day=15,
    ),
    Sample(
        "5",
        "wichai",
        (55, 62, 68, 72, 76, 80, 83, 85, 87, 89, 90, 91),
        (
            "ติดตามหน่วยงานดำเนินการตามข้อสั่งการจากการลงพื้นที่ผู้ว่าฯ สัญจรประจำเขต",
            "แจ้งหน่วยงานที่ยังไม่ดำเนินการตามข้อสั่งการ และนัดติดตามผลเดือนถัดไป",
        ),
        marks={1: ("step-1",), 2: ("step-2",), 3: ("step-3",)},
        day=16,
    ),
    Sample(
        "6",
        "wichai",
        (50, 58, 63, 69, 73, 78, 81, 84, 86, 88, 90, 91),
        (
            "ผลักดันหน่วยงานดำเนินการตามข้อสั่งการจากการลงพื้นที่ผู้ว่าฯ สัญจรชุมชน",
            "รวบรวมสถิติข้อสั่งการที่แล้วเสร็จเพื่อจัดทำ Infographic",
        ),
        marks={1: ("step-1",)},
        day=16,
    ),
)

COUNCIL_SAMPLES = (
    Sample(
        "K1",
        "anan",
        (_,) * 12,
        (
            "จัดประชุมรับฟังความต้องการของประชาชนร่วมกับผู้แทนชุมชน และสรุปประเด็นเสนอสภา",
            "ตรวจสอบและวิเคราะห์ข้อคิดเห็นของประชาชนที่ได้รับผ่านช่องทางต่าง ๆ",
        ),
        marks={1: ("1",), 2: ("2",), 4: ("3",), 7: ("4",), 10: ("5",)},
        day=8,
    ),
    Sample(
        "K2",
        "anan",
        (_, _, _, _, 52, 48, 45, 41, 38, 33, 29, 27),
        (
            "วิเคราะห์กระบวนงานและออกแบบระบบรายงานการติดตามญัตติ",
            "ใช้งานระบบรายงานการติดตามญัตติแล้ว วัดเวลาส่งข้อมูลเฉลี่ยเป็นนาที",
        ),
        marks={1: ("design-system",), 5: ("use-system",)},
        day=8,
    ),
    Sample(
        "K3",
        "anan",
        (_,) * 12,
        ("สำรวจความต้องการของเจ้าหน้าที่ที่เกี่ยวข้องกับการประชุมคณะกรรมการสามัญ",),
        marks={1: ("design-system",)},
        day=9,
        late=True,
    ),
    Sample(
        "4",
        "anan",
        (_,) * 12,
        ("ค้นหาและคัดเลือกแนวคิดนวัตกรรมของหน่วยงาน",),
        marks={1: ("s1-1",), 3: ("s1-2",), 6: ("s2",)},
        day=9,
        late=True,
    ),
    Sample(
        "5.1",
        "anan",
        (8.5, 15.2, 24.8, 31.5, 39.0, 47.3, 55.8, 63.1, 71.4, 80.2, 89.6, 96.3),
        ("เบิกจ่ายงบประมาณสะสมตามแผน", "เร่งรัดการเบิกจ่ายงบลงทุนที่ยังไม่ได้ก่อหนี้ผูกพัน"),
        day=8,
    ),
    Sample(
        "5.2",
        "anan",
        (_,) * 12,
        ("แต่งตั้งคณะทำงานธรรมาภิบาลข้อมูลของหน่วยงานแล้ว", "จัดทำชุดข้อมูลสำคัญของหน่วยงาน"),
        marks={1: ("1",), 4: ("2",)},
        day=8,
    ),
)

SAMPLES: dict[str, tuple[Sample, ...]] = {
    "fy2567-governor-secretary": GOV_SAMPLES,
    "fy2565-council-secretariat": COUNCIL_SAMPLES,
}


def _sent_at(fiscal_year: int, month: int, sample: Sample, index: int) -> datetime:
    minute = (index * 7) % 50
    return datetime(calendar_year_of(fiscal_year, month), month, sample.day, 9, 10 + minute, tzinfo=BANGKOK)


def _late_month(record: PlanRecord, as_of: datetime) -> int | None:
    """The month of the latest monthly deadline passed by ``as_of``: a late reporter has not sent it."""
    today = bangkok_date(as_of)
    passed = [
        d
        for d in deadlines_for(record.fiscal_year, plan_from_record(record).deadlines)
        if d.kind == "monthly" and d.due <= today
    ]
    return passed[-1].period.month if passed else None


def add_sample_reports(
    session: Session, *, records: Mapping[str, PlanRecord], people: Mapping[str, Person], as_of: datetime
) -> int:
    """Reports (and item marks) up to ``as_of`` for each plan, by the sample's source plan key; returns
    how many reports were added."""
    added = 0
    for source_key, record in records.items():
        samples = SAMPLES.get(source_key, ())
        if samples:
            added += _plan_reports(session, record, samples, people, as_of)
    return added


def _plan_reports(
    session: Session, record: PlanRecord, samples: Sequence[Sample], people: Mapping[str, Person], as_of: datetime
) -> int:
    rows = {r.code: r for r in session.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == record.id))}
    sent = {
        (code, r.period) for code, reports in progress.history(session=session, plan=record).items() for r in reports
    }
    late_month = _late_month(record, as_of)
    stop = FISCAL_MONTHS.index(late_month) if late_month is not None else len(FISCAL_MONTHS)
    added = 0
    for number, sample in enumerate(samples):
        indicator = rows.get(sample.code)
        if indicator is None or indicator.id is None:
            continue
        by = people[sample.reporter].id or 0
        for index, month in enumerate(FISCAL_MONTHS):
            if sample.late and index >= stop:
                break
            when = _sent_at(record.fiscal_year, month, sample, number)
            if when >= as_of:
                break
            period = FiscalPeriod.of_moment(when)  # the sample's month, in the plan's own year
            if (sample.code, period.label) in sent:
                continue
            added += 1
            report = _record(session, indicator, sample, index, period, by=by, when=when)
            items = sample.marks.get(index + 1, ())
            if items:
                item_marks.mark(
                    session,
                    indicator=indicator,
                    items=items,
                    done=True,
                    period=period,
                    by=by,
                    now=when,
                    source="demo",
                    report_id=report,
                )
    session.flush()
    return added


def _record(
    session: Session,
    indicator: IndicatorRecord,
    sample: Sample,
    index: int,
    period: FiscalPeriod,
    by: int,
    when: datetime,
) -> int:
    value = sample.values[index]
    numerator = denominator = None
    if value is not None and sample.denominators:
        denominator = float(sample.denominators[index])
        numerator = float(round(denominator * value / 100))
    data = progress.ReportInput(
        indicator_id=indicator.id or 0,
        period=period,
        value=value,
        numerator=numerator,
        denominator=denominator,
        narrative=sample.narratives[index % len(sample.narratives)],
        source_message_id=f"demo:{period.label}:{indicator.code}",
    )
    return progress.record(session, data=data, by=by, now=when, source="demo").report.id
