"""100,000 random and mutated inputs never make the parser raise (hypothesis), and the Unicode rules hold."""

from __future__ import annotations

import functools
import random
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pythainlp.util import normalize as thai_normalize

from handlers.parse.normalize import normalize_text, remove_spans
from handlers.parse.parser import MessageParser
from store.plan_files import load_plan
from tests.conftest import PLANS

PARSERS = [
    MessageParser(load_plan(PLANS / f"{name}.yaml"))
    for name in (
        "fy2567-governor-secretary",
        "fy2565-council-secretariat",
        "fy2563-council-secretariat",
    )
]
SEEDS = [
    "ตช.4 traffy แก้ไขแล้ว 1,234 จาก 1,500 เรื่อง ไตรมาส 1/67",
    "ตัวชี้วัดที่ ๒ ได้ ๙ โครงการ ไตรมาส ๒",
    "ผู้ว่าสัญจร 85% ค่ะ ✅",
    "K2 เฉลี่ย 18 นาที มีค 67",
    "ผล: ร้อยละ 45\nดำเนินการ: ประชุมกับเขต\nปัญหา/อุปสรรค: -",
    "แก้เป็น 80",
    "q3/67 30/32 กท 0100/2796 1/10/2566",
]
PIECES = st.sampled_from(
    [
        "ตช.",
        "ตัวชี้วัดที่",
        "ร้อยละ",
        "%",
        "จาก",
        "/",
        "ไตรมาส",
        "q",
        "ม.ค.",
        "มค",
        "๖๗",
        "2567",
        "ระดับ",
        "นาที",
        "บาท",
        "ล้าน",
        "เปอร์เซ็นต์",
        "ปัญหา",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u00a0",
        "ํา",
        "เเ",
        "(ข)",
        "K",
        ".",
        " ",
        "\n",
        "ครึ่งหนึ่ง",
        "สี่สิบห้า",
        "จุด",
        "ผู้ว่าฯ",
        "@Tidtam",
        "🙏",
        "𝟗",
        "９９％",
        "-",
        "–",
        ":",
        "ถึง",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(PIECES, st.integers(0, 100000).map(str), st.text(max_size=5)), max_size=30).map("".join),
    st.tuples(st.sampled_from(SEEDS), st.integers(0, 60), st.text(max_size=8)).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]
    ),
)
DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, DAYS, st.integers(0, 2))
@example("มค0000", date(2019, 1, 1), 0)  # a month with year 0 once raised: no calendar holds it
def test_parser_never_raises(text: str, today: date, which: int) -> None:
    result = PARSERS[which].parse(text, today)
    payload = result.as_json()
    assert set(payload) >= {
        "indicator",
        "candidates",
        "value",
        "numerator",
        "denominator",
        "unit",
        "period",
        "missing",
        "ask",
    }
    if payload["indicator"] is not None:
        assert payload["indicator"] in PARSERS[which].indicators


ALPHABET = "".join(chr(c) for c in range(0x0E01, 0x0E5C)) + "0123456789๐๑๒๓๔๕๖๗๘๙.,/%-–:() \n\u200b\u200d\ufeffqQkK"


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        pos = rng.randint(0, len(chars))
        if op < 0.4:
            chars.insert(pos, rng.choice(ALPHABET))
        elif op < 0.7 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif op < 0.85 and chars:
            chars[min(pos, len(chars) - 1)] = rng.choice(ALPHABET)
        else:
            chars[pos:pos] = list(rng.choice(SEEDS)[: rng.randint(0, 20)])
    return "".join(chars)


MUTANTS, SHARDS = 95_000, 5


@functools.cache
def mutants() -> list[str]:
    """The seeded fuzzer's 95,000 mutants, in order (every 1,000th joins the corpus it mutates)."""
    rng = random.Random(2567)
    corpus = list(SEEDS)
    texts = []
    for n in range(MUTANTS):
        text = _mutate(rng, rng.choice(corpus))
        texts.append(text)
        if n % 1000 == 0:
            corpus.append(text[:200])
    return texts


@pytest.mark.parametrize("shard", range(SHARDS))
def test_100k_mutated_messages_never_raise(shard: int) -> None:
    """A seeded mutation fuzzer: 95,000 mutants of real-looking messages (plus hypothesis's 5,000 above),
    parsed in five shards of 19,000 so that parallel test workers share them."""
    texts = mutants()
    assert len(texts) == MUTANTS and MUTANTS % SHARDS == 0
    size = MUTANTS // SHARDS
    for n in range(shard * size, (shard + 1) * size):
        parser = PARSERS[n % 3]
        result = parser.parse(texts[n], date(2023 + n % 3, 1 + n % 12, 1 + n % 28))
        if result.first is not None and result.first.indicator is not None:
            assert result.first.indicator in parser.indicators


@settings(max_examples=2_000, deadline=None)
@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=4))
def test_span_removal_never_raises(text: str, spans: list[tuple[int, int]]) -> None:
    remove_spans(text, spans)


def test_nfkc_then_thai_normalize_keeps_sara_am() -> None:
    assert thai_normalize(unicodedata.normalize("NFKC", "ดำเนินการ")) == "ดำเนินการ"
    assert normalize_text("ดำเนินการ") == "ดำเนินการ"


def test_zero_width_space_separates_fields_and_joiners_are_dropped() -> None:
    assert normalize_text("KPI 2\u200b90%\u200bQ4") == "KPI 2 90% Q4"
    assert normalize_text("ร้อย\u200dละ\ufeff ๔๕") == "ร้อยละ 45"
    assert normalize_text("เเละ ๑,๒๓๔\u00a0บาท") == "และ 1234 บาท"


def test_line_spans_are_cut_in_utf16_units_before_normalising() -> None:
    # "😀" is two UTF-16 units: LINE's index for "@Tidtam" after it is 3.
    assert remove_spans("😀 @Tidtam ตช.4", [(3, 7)]).split() == ["😀", "ตช.4"]


def test_a_report_whose_numbers_were_not_read_is_asked_about_not_saved() -> None:
    """Numbers the value reader could not place are not dropped in silence: the report is confirmed."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    parser = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    unread = parser.parse("ตช.3 แบบสอบถาม 4.21 กับ 3.9 อยู่ในระดับดีค่ะ", date(2024, 2, 15))
    assert unread.first is not None and unread.first.value is None and unread.ask is not None
    status = parser.parse("ตช.3 ประชุมเรียบร้อยค่ะ", date(2024, 2, 15))  # no number: a status, saved as is
    assert status.first is not None and status.ask is None


def test_spelled_numbers_glued_to_the_word_before_are_values() -> None:
    """ "ครบสิบสองโครงการ", "เฉลี่ยห้าสิบนาที": read as 12 projects and 50 minutes, not lost."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    projects = fy2567.parse("KPI2 ครบสิบสองโครงการค่ะ 🎉", date(2024, 8, 15)).first
    assert projects is not None and projects.value is not None and projects.value.value == 12
    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    minutes = fy2565.parse("K3 มิ.ย. เฉลี่ยห้าสิบนาทีพอดีค่ะ", date(2022, 7, 1)).first
    assert (
        minutes is not None and minutes.value is not None and (minutes.value.value, minutes.value.unit) == (50, "นาที")
    )
    # Inside an ordinary word a number word stays a word.
    from handlers.parse.numbers import spell_out_numbers

    assert spell_out_numbers("ประชุมคณะกรรมการสามัญครบสามคณะแล้ว") == "ประชุมคณะกรรมการสามัญครบสามคณะแล้ว"


def test_dictated_numbers_spaced_word_by_word_are_one_number() -> None:
    """Voice typing spaces every word: "แปด สิบ เจ็ด จุด ห้า" is 87.5, "สาม สิบ ห้า คน จาก สี่ สิบ คน" 35 of 40."""
    from handlers.parse.numbers import spell_out_numbers
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    said = "ตัวชี้วัด ที่ สาม ปฏิทิน เรียน เชิญ ผู้ว่า ฯ ผล สำรวจ ความ พึง พอใจ ไตรมาส สอง ได้ ร้อย ละ แปด สิบ เจ็ด จุด ห้า ค่ะ"
    assert fy2567.parse(said, date(2024, 3, 18)).as_json()["value"] == 87.5
    social = MessageParser(load_plan(PLANS / "fy2563-social-development.yaml"))
    said = "เจรจา หนึ่ง จุด หนึ่ง ผู้สูงอายุ ถ่ายทอด แล้ว สาม สิบ ห้า คน จาก สี่ สิบ คน ค่ะ ไตรมาส สาม"
    got = social.parse(said, date(2020, 6, 18)).as_json()
    assert (got["indicator"], got["value"], got["numerator"], got["denominator"]) == ("เจรจา 1.1", 87.5, 35, 40)
    # Two numbers said one after the other are left as they were.
    assert spell_out_numbers("ประชุม สอง สามวัน") == "ประชุม สอง สามวัน"


def test_dictated_item_numbers_and_codes_are_the_items_said() -> None:
    """Voice typing spells item numbers and says a code's letter by its name: "กอหนึ่งขั้นหนึ่งขั้นสองเสร็จแล้ว"
    is ก.1's steps 1 and 2; "ขั้นตอนที่หนึ่งถึงสี่" a run; "ตอนนี้อยู่ขั้นสาม" the step at work, not one done."""
    from handlers.parse.numbers import spell_out_numbers
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "กอหนึ่งขั้นหนึ่งขั้นสองเสร็จแล้วค่ะตอนนี้อยู่ขั้นสามตรวจไปได้สามครั้งแล้ว"
    got = fy2562.parse(said, date(2019, 3, 18)).as_json()
    assert (got["indicator"], got["done"]) == ("ก.1", ["step-1", "step-2"])
    run = fy2562.parse("ขอสองสิ่งอำนวยความสะดวกขั้นตอนที่หนึ่งถึงสี่เสร็จครบแล้วนะครับ", date(2019, 9, 18)).as_json()
    assert (run["indicator"], run["done"]) == ("ข.2", ["step-1", "step-2", "step-3", "step-4"])
    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    both = fy2565.parse("วันแพลตฟอร์มครับข้อหนึ่งกับข้อสองผ่านแล้วครับ", date(2022, 3, 18)).as_json()
    assert (both["indicator"], both["done"]) == ("5.2", ["1", "2"])
    # twenty is said "ยี่สิบ": after a code word "สอง" before "สิบ" is the code; a request stays a request
    assert spell_out_numbers("ตัวชี้วัดที่สองสิบสองโครงการ").startswith("ตัวชี้วัดที่ 2 ")
    assert spell_out_numbers("ขอสองวันค่ะ") == "ขอสองวันค่ะ"
    assert spell_out_numbers("ผลสะสมเฉลี่ยตามขั้นตอน ร้อยละ 71.25") == "ผลสะสมเฉลี่ยตามขั้นตอน ร้อยละ 71.25"


def test_a_table_pasted_from_a_spreadsheet_is_one_part_a_row() -> None:
    """Tabs are kept as cells: each row's indicator and the value of its result column, never the
    target's; the reporter confirms them all at once."""
    parser = PARSERS[0]
    result = parser.parse("KPI\tเป้า\tผล\n1\t95\t96.2\n2\t12\t11\n4\t75\t84.3", date(2024, 7, 10))
    assert [(i.indicator, i.value.value if i.value else None) for i in result.items] == [
        ("1", 96.2),
        ("2", 11.0),
        ("4", 84.3),
    ]
    assert result.ask is not None and "ตัวชี้วัดที่ 4" in result.ask
    headed = parser.parse("ตัวชี้วัด\tผล (ร้อยละ)\nTraffy\t80\nKPI 6\t91.2", date(2024, 7, 10))
    assert [(i.indicator, i.value and (i.value.value, i.value.unit)) for i in headed.items] == [
        ("4", (80.0, "ร้อยละ")),
        ("6", (91.2, "ร้อยละ")),
    ]


def test_a_check_mark_in_emoji_style_is_the_mark() -> None:
    """ "✔️" (with its emoji style selector) is the same mark as "✔"; other emoji keep theirs."""
    assert normalize_text("ขั้นที่ 5 ✔️ ขั้นที่ 6 ✖️") == "ขั้นที่ 5 ✔ ขั้นที่ 6 ✖"
    assert normalize_text("เยี่ยม 👍🏻 ❤️") == "เยี่ยม 👍🏻 ❤️"


def test_asides_beside_the_work_are_chat_not_reports() -> None:
    """Thanks, leave, a meeting to come and a notice passed on name an indicator's topic but report
    nothing: no confirmation is asked and nothing is saved."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    for said in (
        "พรุ่งนี้ประชุมคณะทำงาน One Platform 09.30 น. ห้อง 201 นะครับ ใครติดภารกิจแจ้งผมด้วย",
        "ขอบคุณครับพี่ ได้รับไฟล์แล้วครับ 👍",
    ):
        assert fy2565.parse(said, date(2022, 2, 15)).intent == "chat", said
    # The same topic with a result is still a report.
    assert fy2565.parse("One Platform ได้ 55% ค่ะ พรุ่งนี้ส่งหลักฐาน", date(2022, 2, 15)).intent == "report"


def test_the_count_said_to_be_right_replaces_the_one_before_it() -> None:
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    fixed = fy2562.parse("แก้ไข ก.1 เมื่อวานพิมพ์ 5 ครั้ง ที่ถูกคือ 4 ครั้ง (ธ.ค. – มี.ค.)", date(2019, 4, 25))
    assert fixed.intent == "correction" and fixed.as_json()["value"] == 4


def test_a_promise_to_gather_the_figures_and_a_question_about_who_is_late_report_nothing() -> None:
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    promise = fy2567.parse("รับทราบครับท่าน บ่ายนี้จะรวบรวมตัวเลข 12 โครงการสำคัญส่งให้ในกลุ่มนะครับ", date(2024, 6, 5))
    assert promise.intent == "chat"
    asked = fy2567.parse("ท่าน ผอ. ฝากถามค่ะ ส่วนราชการไหนยังไม่ส่งผลไตรมาส 2 บ้างคะ", date(2024, 3, 15))
    assert asked.intent == "query" and asked.items == []


def test_notices_of_leave_and_meetings_report_nothing() -> None:
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2563 = MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))
    leave = "ขออนุญาตลาพักผ่อน 20-24 ก.ค. นะคะ ระหว่างนี้เรื่องตัวชี้วัด 4.1 ให้ติดต่อคุณสมศรี 081-234-5678 รักษาการแทนค่ะ"
    assert fy2563.parse(leave, date(2020, 7, 15)).intent == "chat"
    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    meeting = "แจ้งประชุมคณะทำงานฯ ครั้งที่ 2/2565 วันพุธที่ 16 ก.พ. 65 เวลา 13.30 น. ห้องประชุมสภา 2 (ชั้น 2) ผู้เข้าร่วม 14 คน ค่ะ"
    assert fy2565.parse(meeting, date(2022, 2, 10)).intent == "chat"


def test_the_mean_worked_out_beats_last_year_s_said_beside_it() -> None:
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = (
        "ตัวชี้วัดที่ 2 การติดตามญัตติ เดือน มี.ค. 65\nส.ก. ร้องขอข้อมูล 14 เรื่อง ใช้เวลาส่งข้อมูลรวม 378 นาที\n"
        "เฉลี่ย 378/14 = 27 นาทีต่อเรื่อง (ปี 64 เฉลี่ย 55 นาที)"
    )
    assert fy2565.parse(said, date(2022, 3, 18)).as_json()["value"] == 27


def test_a_meeting_put_off_is_a_notice_not_a_report() -> None:
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    social = MessageParser(load_plan(PLANS / "fy2563-social-development.yaml"))
    said = "คกก.ติดตามประเมินผล แจ้งเลื่อนประชุมครั้งที่ 3/2563 จากวันที่ 18 มิ.ย. เป็น 25 มิ.ย. 63 นะคะ"
    assert social.parse(said, date(2020, 6, 10)).intent == "chat"


def test_a_step_told_by_its_opening_words_is_that_step() -> None:
    """ "แจ้งหน่วยงานแล้ว": KPI 6's step 2 opens "แจ้งหน่วยงานที่เกี่ยวข้อง…" and no other item opens so; the
    two words are too few for the usual floor, but their place at the head of one item names it."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    got = fy2567.parse("สัญจรชุมชน ลงพื้นที่ชุมชนครบ50เขต✅ แจ้งหน่วยงานแล้ว", date(2024, 3, 18)).as_json()
    assert (got["indicator"], got["done"]) == ("6", ["step-1", "step-2"])
    # the same words in another order are not the opening, and name nothing
    assert fy2567.parse("สัญจรชุมชน หน่วยงานแจ้งแล้ว", date(2024, 3, 18)).as_json()["done"] == []


def test_a_correction_keeps_what_it_takes_back_apart_from_what_is_right() -> None:
    """ "ที่บอกว่าพัฒนาระบบเสร็จแล้ว ยังไม่เสร็จ … ที่เสร็จจริงคือ…วิเคราะห์กระบวนงานกับออกแบบระบบ": the system
    developed is taken back (the condition of analysis, design and development), and the analysis and design
    told as right are K2's step 5; the development named in the taken-back claim is not an action done."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = (
        "ขอแก้ไขที่แจ้งไปค่ะ ตช.2 ที่บอกว่าพัฒนาระบบเสร็จแล้ว ยังไม่เสร็จนะคะ ฝ่ายบริหารงานทั่วไปยังทำระบบอยู่"
        " ที่เสร็จจริงคือประชุมคณะทำงาน วิเคราะห์กระบวนงานกับออกแบบระบบค่ะ"
    )
    claims = fy2565.parse(said, date(2022, 1, 18)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == (["step-5"], ["design-system"])
    # dictated with no spaces, what is taken back after "แต่ที่แจ้งว่า" is a clause of its own
    said = (
        "การประชุมคณะกรรมการสามัญนะครับสำรวจความต้องการเจ้าหน้าที่ออกแบบแล้วก็พัฒนาระบบเสร็จครบแล้ว"
        "แต่ที่แจ้งว่าใช้งานระบบแล้วขอยกเลิกก่อนนะครับยังไม่ได้ใช้จริง"
    )
    claims = fy2565.parse(said, date(2022, 4, 18)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == (["design-system"], ["use-system"])


def test_work_told_done_then_asked_whether_it_counts_is_a_report() -> None:
    """ "สำรวจ…เสร็จแล้ว … นับได้ไหมคะ": the work is told done and only whether it counts is asked; confirming
    the item answers it (the card then shows what it makes). Asked alone, it stays a question."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    told = "ข.2 สำรวจสิ่งอำนวยความสะดวกเสร็จแล้วทั้งสองอาคาร แต่ใช้แบบฟอร์มของ พม. นับได้ไหมคะ"
    got = fy2562.parse(told, date(2019, 3, 18)).as_json()
    assert (got["intent"], got["item_claims"]["proposed"]) == ("report", ["step-1"])
    for asked in ("ข.2 สำรวจเสร็จหรือยังคะ", "ข.2 แบบนี้ได้ระดับไหนคะ", "ข.2 ได้กี่คะแนนแล้วคะ"):
        assert fy2562.parse(asked, date(2019, 3, 18)).as_json()["intent"] == "query", asked


def test_a_not_done_denied_is_done() -> None:
    """ "ลงนามสัญญาแล้ว ไม่ใช่ 'รอลงนาม'": the correction denies the "waiting" told before, so the contract is
    signed; "(รอบก่อนผมแจ้งว่ายังไม่ออก)" in brackets is what was told before, not what is said now."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "สารบรรณอิเล็กทรอนิกส์ ขอแก้ไขครับ ลงนามสัญญาแล้ว ไม่ใช่ 'รอลงนาม' ครับ สัญญาเลขที่ 7/2562"
    claims = fy2562.parse(said, date(2019, 7, 1)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == (["step-4"], [])
    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "K1 ขอแก้ค่ะ คำสั่งแต่งตั้งคณะทำงานออกแล้วตั้งแต่ 5 พ.ย. (ครั้งก่อนแจ้งว่ายังไม่ออก)"
    claims = fy2565.parse(said, date(2021, 11, 20)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == (["step-2"], [])


def test_one_round_of_a_recurring_report_is_not_the_report() -> None:
    """ก.1's step 4 reports the inspections to every unit twice (ม.ค., พ.ค.): "แจ้งผลการตรวจรอบนี้…ทราบแล้ว" is
    one round, and "ครบตามหัวข้อ" is every heading of that round, not the series. KPI 4's conditions are the
    overall and the district reports: a month's report to the executives is neither."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    for said in (
        "ก.1 ตรวจรอบเดือน ม.ค. 62 เรียบร้อยครับ และแจ้งผลการตรวจรอบนี้ให้ทุกหน่วยงานทราบแล้ว",
        "ก.1 ตรวจรอบ ม.ค. เสร็จแล้ว นำเข้าครบตามหัวข้อ 60 ศูนย์ และแจ้งผลการตรวจรอบแรกให้ทุกหน่วยงานทราบแล้ว",
    ):
        claims = fy2562.parse(said, date(2019, 1, 25)).as_json()["item_claims"]
        assert claims["proposed"] == [] and claims["done"] == [], said
    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    said = "Traffy ครับ เดือน ธ.ค. ลงพื้นที่ 4 ครั้ง รายงานผลการลงพื้นที่ประจำเดือนนำเรียนผู้บริหารแล้วครับ"
    assert fy2567.parse(said, date(2024, 1, 5)).as_json()["item_claims"]["proposed"] == []
    said = "Traffy ครับ สรุปรายงานภาพรวมร่วมกับ สลป. เสนอผู้บริหาร กทม. แล้วครับ"
    assert fy2567.parse(said, date(2024, 8, 5)).as_json()["item_claims"]["proposed"] == ["central-report"]


def test_what_a_partner_says_will_come_does_not_hold_back_the_hand_off() -> None:
    """ "ประสาน สยป.ทำระบบแล้ว สยป.แจ้งว่าจะเสร็จปลาย มี.ค.": K3's step 6 is the request to สยป., done; what
    สยป. says of its own work to come is not that step held back."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "ประชุมกรรมการสามัญ ครับ ประสาน สยป.ทำระบบแล้ว สยป.แจ้งว่าจะเสร็จปลาย มี.ค."
    assert fy2565.parse(said, date(2022, 2, 18)).as_json()["item_claims"]["proposed"] == ["step-6"]
    # a letter drafted ("ร่าง…ไว้แล้ว", however long what it asks for) is not yet the request made
    said = "K3 ร่างหนังสือประสาน สยป. ขอให้ช่วยจัดทำระบบการประชุม กก.สามัญ ไว้แล้วค่ะ รอหัวหน้าเซ็น"
    assert fy2565.parse(said, date(2022, 2, 18)).as_json()["done"] == []


def test_a_lettered_code_before_a_year_word_is_the_code() -> None:
    """ "K2 ปีที่แล้วเฉลี่ย 47 นาที", "ก.2 ปีนี้คืบหน้า 80%": a code with its letter counts nothing, so the word
    of time after it ("ปี", "เดือน") does not make it "2 years"; a bare number before it still does."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    assert [c.code for c in fy2565.matcher.find_codes("K2 ปีที่แล้วเฉลี่ย 47 นาที")] == ["K2"]
    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "ก.2 ปีนี้คืบหน้า 80% ค่ะ ผู้รับจ้างดำเนินการตามสัญญาส่วนของปี 62 เสร็จแล้ว"
    assert fy2562.parse(said, date(2019, 8, 20)).as_json()["indicator"] == "ก.2"


def test_words_only_one_rivals_items_hold_lean_to_it() -> None:
    """K2 and K3 print the same steps (questionnaire, analysis and design, testing); K2's development goes
    through ฝ่ายบริหารงานทั่วไป and K3's through สยป.: a message naming one of them leans to its indicator,
    for the reporter to confirm."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "ขอแก้ไขนะคะ ที่แจ้งว่าทดสอบระบบเสร็จแล้ว จริงๆยังไม่ผ่านค่ะ สยป.แจ้งว่าหน้าขอใช้รถยังบันทึกไม่ได้"
    got = fy2565.parse(said, date(2022, 4, 18)).as_json()
    assert (got["indicator"], got["candidates"][:2]) == ("K3", ["K3", "K2"])
    matcher = fy2565.item_matcher
    assert matcher.own_items_said("ส่วนการพัฒนาระบบประสานฝ่ายบริหารงานทั่วไปแล้ว", ["K2", "K3"]) == "K2"
    assert matcher.own_items_said("ทดสอบระบบเสร็จแล้ว", ["K2", "K3"]) is None


def test_rival_items_of_the_indicator_its_name_leads_to_name_it() -> None:
    """ "e-สารบรรณ ลงนามสัญญาจ้างแล้ว": the words fit ก.2's step 4 (the contract) and step 5 (the work under
    it) alike, and the name's words lead to ก.2: the indicator is ก.2, the step asked about."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "e-สารบรรณ ครับ ลงนามสัญญาจ้างแล้ว 3 เม.ย. 62 ช้ากว่าแผนราวเดือนนึง ตอนนี้ผู้รับจ้างกำลังทำงานตามสัญญาอยู่"
    got = fy2562.parse(said, date(2019, 4, 20)).as_json()
    assert got["indicator"] == "ก.2"
    # a bare correction of points names no indicator
    assert fy2562.parse("แก้เป็น 75 คะแนนค่ะ", date(2019, 4, 20)).as_json()["indicator"] is None


def test_dictated_done_then_the_next_is_two_clauses() -> None:
    """Voice typing runs statements together: "…ครบแล้วแล้วก็สรุปข้อมูลแบบสอบถามเสร็จแล้ว" is the questionnaire
    sent out, and then summed up: K3's steps 3 and its repeat, each its own clause."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "ประชุมกรรมการสามัญครับทอดแบบสอบถามผู้ใช้งานระบบครบแล้วแล้วก็สรุปข้อมูลแบบสอบถามเสร็จแล้วครับ"
    claims = fy2565.parse(said, date(2021, 12, 18)).as_json()["item_claims"]
    assert sorted(claims["proposed"]) == ["step-3", "step-3 (ซ้ำ)"]


def test_another_item_not_done_does_not_hold_back_the_one_before() -> None:
    """ "ระบบปฏิทินฯ พัฒนาเสร็จแล้ว แต่ยังไม่ได้ประชาสัมพันธ์ให้หน่วยงานทราบ": KPI 3's step 1 is done and its
    step 2 not; the second clause names step 2, so it is not "the other half" of step 1. Without an item of
    its own ("…แต่ยังไม่ได้เผยแพร่") it still holds the one before back."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    said = "ระบบปฏิทินฯ พัฒนาเสร็จแล้วครับ แต่ยังไม่ได้ประชาสัมพันธ์ให้หน่วยงานทราบเลย ต้องเวียนหนังสือหรือประกาศหน้าเว็บก็พอ"
    claims = fy2567.parse(said, date(2023, 11, 18)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == (["step-1"], ["step-2"])
    said = "ตช.5 infographic ทำเสร็จแล้ว แต่ยังไม่ได้เผยแพร่"
    assert fy2567.parse(said, date(2024, 8, 18)).as_json()["item_claims"]["proposed"] == []


def test_what_an_item_is_for_awaited_does_not_hold_it_back() -> None:
    """K1's milestone 4 puts the analysis to the council affairs committee and the council president
    "เพื่อพิจารณามอบคณะกรรมการสามัญ…": "รอท่านมอบ กก.สามัญ" awaits what it is for, so the milestone is done;
    awaiting a forum of its own ("รอนำเรียนประธานสภา") still holds it back."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "K1 เสนอ กก.กิจการสภาแล้ว + นำเรียนประธานสภาเรียบร้อย รอท่านมอบ กก.สามัญที่เกี่ยวข้องค่ะ"
    assert fy2565.parse(said, date(2022, 6, 18)).as_json()["item_claims"]["proposed"] == ["4"]
    said = "K1 นำข้อมูลเสนอ กก.กิจการสภาแล้ว รอนำเรียนประธานสภาค่ะ"
    assert fy2565.parse(said, date(2022, 6, 18)).as_json()["item_claims"]["proposed"] == []


def test_a_step_said_done_after_what_is_not_done_is_its_own_clause() -> None:
    """ "…จริงๆ ยังไม่ได้เสนอเข้า คกก.กิจการสภาเลย วาระเลื่อนไปเดือนหน้า ขั้นที่ 3 เสร็จจริงค่ะ": the step named
    after what is not done, and said done itself, is not swept into the "not done" before it."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "K1 ขอแก้ค่ะ ที่แจ้งว่าขั้นที่ 4 เสร็จ จริงๆ ยังไม่ได้เสนอเข้า คกก.กิจการสภาเลย ขั้นที่ 3 เสร็จจริงค่ะ"
    got = fy2565.parse(said, date(2022, 5, 18)).as_json()
    assert (got["done"], got["undone"]) == (["3"], ["4"])


def test_an_innovation_told_by_its_count_of_pieces_is_its_output() -> None:
    """ "ระบบจองห้องประชุมออนไลน์ (นวัตกรรมชิ้นที่ 1) พัฒนาเสร็จแล้ว": the innovation indicator's item 1.1 is
    "ผลผลิตนวัตกรรม 1 ชิ้น"; the piece counted names it, beside its use ("เริ่มใช้ในสำนักงาน…")."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "นวัตกรรมค่ะ ระบบแจ้งเตือนวาระ (นวัตกรรมชิ้นแรก) พัฒนาเสร็จแล้ว เริ่มใช้จริงในสำนักงานตั้งแต่ 1 ส.ค. 65"
    got = fy2565.parse(said, date(2022, 8, 18)).as_json()
    assert (got["indicator"], sorted(got["item_claims"]["proposed"])) == ("4", ["s3-1.1", "s3-2.1"])


def test_a_step_told_beside_a_condition_of_actions_is_news_of_its_own() -> None:
    """ "…วิเคราะห์กระบวนงานและออกแบบระบบเสร็จ / ฝ่ายบริหารงานทั่วไปพัฒนาระบบเสร็จ … ทดสอบระบบผ่านแล้ว": the
    actions make K2's condition design-system, and only the steps that are those actions are its parts; the
    testing told in the same clause is step 7. "เรียนหัวหน้ากลุ่มงาน…" opening a letter is no head's approval."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = (
        "ระบบติดตามญัตติครับ ม.ค. คณะทำงานวิเคราะห์กระบวนงานและออกแบบระบบเสร็จ 10 ก.พ."
        " ฝ่ายบริหารงานทั่วไปพัฒนาระบบเสร็จส่งมอบให้กลุ่มงาน 14–18 ก.พ. ทดสอบระบบผ่านแล้ว"
    )
    claims = fy2565.parse(said, date(2022, 2, 18)).as_json()["item_claims"]
    assert sorted(claims["proposed"]) == ["design-system", "step-7"]
    said = "เรียนหัวหน้ากลุ่มงานญัตติและกระทู้ วิเคราะห์กระบวนงาน ออกแบบ และพัฒนาระบบติดตามญัตติเสร็จแล้วครับ"
    assert fy2565.parse(said, date(2022, 2, 18)).as_json()["item_claims"]["proposed"] == ["design-system"]


def test_another_item_put_off_does_not_hold_back_the_one_done() -> None:
    """ "แต่งตั้งคณะทำงาน… สำรวจแบบฟอร์ม และเสนอชุดข้อมูล 10 ชุด ครบแล้ว / นำเสนอ กก.ธรรมาภิบาลข้อมูล กทม.
    เลื่อนไปเดือนหน้า": One Platform's item 1 is done, item 2 put off; a part of item 1 still drafted
    ("เอกสารชุดข้อมูลสำคัญยังร่างอยู่") holds it back."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = (
        "One Platform ค่ะ แต่งตั้งคณะทำงานธรรมาภิบาลข้อมูล+ทีมบริกร สำรวจแบบฟอร์ม และเสนอชุดข้อมูล 10 ชุด ครบแล้ว"
        " ส่วนนำเสนอ กก.ธรรมาภิบาลข้อมูล กทม. เลื่อนไปเดือนหน้า"
    )
    assert fy2565.parse(said, date(2022, 1, 18)).as_json()["item_claims"]["proposed"] == ["1"]
    said = "One Platform: ตั้งคณะทำงานธรรมาภิบาลข้อมูลแล้ว สำรวจแบบฟอร์มแล้ว แต่เอกสารชุดข้อมูลสำคัญยังร่างอยู่ค่ะ"
    assert fy2565.parse(said, date(2022, 1, 18)).as_json()["item_claims"]["proposed"] == []


def test_a_yes_no_question_after_the_work_keeps_the_work() -> None:
    """ "…จัดทำสรุปผลการใช้งานระบบเสร็จ ส่งผู้บริหารแล้ว แบบนี้ครบทุกขั้นหรือยังคะ": "หรือยัง" asks yes or no
    of the work told, unlike "ทุกเรื่อง หรือเฉพาะ…คะ", which asks which; the work stays told."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "กก.สามัญ ค่ะ จัดทำสรุปผลการใช้งานระบบเสร็จ ส่งผู้บริหารเมื่อวานแล้ว แบบนี้ครบทุกขั้นหรือยังคะ"
    assert fy2565.parse(said, date(2022, 9, 18)).as_json()["item_claims"]["proposed"] == ["step-10"]


def test_work_told_then_asked_how_long_a_rule_needs_is_a_report() -> None:
    """ "ตช.2 ทดสอบระบบเสร็จแล้ว … ขอถามว่าต้องใช้งานกี่เดือนถึงจะนับ": how many months the rule needs is not a
    question about the score; the work told is confirmed. "…ได้กี่คะแนนคะ" after it still asks the score."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "ตช.2 ทดสอบระบบเสร็จแล้วครับ ขอถามว่าต้องใช้งานกี่เดือนถึงจะนับว่าใช้งานระบบครับ"
    got = fy2565.parse(said, date(2022, 2, 18)).as_json()
    assert (got["intent"], got["item_claims"]["proposed"]) == ("report", ["step-7"])
    said = "ตช.2 ทดสอบระบบเสร็จแล้วครับ ขอถามว่าตอนนี้ได้กี่คะแนนครับ"
    assert fy2565.parse(said, date(2022, 2, 18)).as_json()["intent"] == "query"


def test_a_summary_sent_to_the_head_is_handed_on_not_another_step() -> None:
    """ "…สรุปผลครบทั้ง 4 รอบแล้ว ส่งสรุปให้ หน.กลุ่มงานแล้ว": the summary sent to the head ("หน.") is the
    step before handed on, not the step that "เสนอหัวหน้ากลุ่มงาน" something else; sent to สยป., the
    design is K3's request to build (step 6)."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    said = "ตช.3 ค่ะ เก็บแบบสอบถามความพึงพอใจหน่วยงานและสรุปผลครบทั้ง 4 รอบแล้วค่ะ ส่งสรุปให้ หน.กลุ่มงานแล้ว"
    assert fy2567.parse(said, date(2024, 9, 10)).as_json()["item_claims"]["proposed"] == ["step-3.5"]
    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "กก.สามัญ: คณะทำงานวิเคราะห์กระบวนงานกับออกแบบระบบเสร็จแล้วครับ ส่งแบบให้ สยป. ประสานจัดทำระบบแล้ว"
    assert fy2565.parse(said, date(2022, 3, 10)).as_json()["item_claims"]["proposed"] == ["step-5", "step-6"]


def test_points_put_right_in_a_correction_are_claimed() -> None:
    """ "ที่แจ้งว่าได้ 55 คะแนน จริงๆ ได้ 35 ค่ะ": the points said to be right are a claim (One Platform's items 1
    and 2, asked before saving); the points taken back are not."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = "OP ขอแก้ค่ะ ที่แจ้งว่าได้ 55 คะแนน จริงๆ ได้ 35 ค่ะ ข้อ 3 ยังไม่เสร็จค่ะ"
    claims = fy2565.parse(said, date(2022, 3, 18)).as_json()["item_claims"]
    assert (claims["claim"], claims["claimed"], claims["undone"]) == ("points", 35.0, ["3"])


def test_dictated_what_is_not_done_then_what_is_are_two_clauses() -> None:
    """ "…ขอยกเลิกขั้นตอนที่สาม…ยังไม่ได้ทำเลยส่วนขั้นสองเสร็จจริงครับ": dictated with no space, "ส่วน" after
    "เลย" still opens the next statement; step 3 is taken back, step 2 is done."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "สิ่งอำนวยความสะดวกครับขอยกเลิกขั้นตอนที่สามที่แจ้งไปครับยังไม่ได้ทำเลยส่วนขั้นสองเสร็จจริงครับ"
    got = fy2562.parse(said, date(2019, 6, 18)).as_json()
    assert (got["done"], got["undone"]) == (["step-2"], ["step-3"])


def test_a_step_some_way_along_is_not_done() -> None:
    """ "ดำเนินการตามแผนที่สำรวจไว้ไปได้ 60% แล้ว": ข.2's step 2 some way along, not done."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "ข.2 ครับ ดำเนินการตามแผนที่สำรวจไว้ไปได้ 70% แล้ว ทางลาดเสร็จแล้ว ห้องน้ำกำลังทำ"
    assert fy2562.parse(said, date(2019, 6, 18)).as_json()["item_claims"]["proposed"] == []


def test_a_marked_line_is_one_item_whatever_its_slashes() -> None:
    """ "❌ เสนอ กก.กิจการสภา / นำเรียนประธานสภาฯ": on a status list a line a mark opens is one item; the slash
    joins its parts (K1's milestone 4 is both), it does not cut the line into two statements."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = (
        "สถานะ K1\n✅ เสนอประเด็น ผ่าน กก.กิจการสภา\n✅ ประชุมออนไลน์ผู้แทน 50 เขต ครบ 2 ครั้ง\n"
        "✅ วิเคราะห์ความเห็น ทำเอกสารแยกตามคณะกรรมการสามัญ\n❌ เสนอ กก.กิจการสภา / นำเรียนประธานสภาฯ\n"
        "❌ แจ้งผลให้สำนักงานเขต / ลงเว็บไซต์สภา"
    )
    claims = fy2565.parse(said, date(2022, 6, 20)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == (["1", "2", "3"], ["4", "5"])


def test_bare_step_numbers_marked_on_a_line_are_steps() -> None:
    """ "ตช.๓ ขั้น3.1✅ 3.2✅ 3.3✅ 3.4⏳": typed in a hurry, each number marked after the first is the next
    step; "ปสาน สยป." is ประสาน with a letter dropped."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    got = fy2567.parse("ตช.๓ ขั้น3.1✅ 3.2✅ 3.3✅ 3.4⏳รอเรื่องคืน", date(2024, 3, 18)).as_json()
    assert got["done"] == ["step-3.1", "step-3.2", "step-3.3"]
    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    got = fy2565.parse("K3 ปสาน สยป.ทำระบบแล้ว✔️", date(2022, 3, 18)).as_json()
    assert got["item_claims"]["proposed"] == ["step-6"]


def test_what_must_come_first_is_still_to_do() -> None:
    """ "ประเมินผล…ยังไม่ได้ทำ ต้องรวบรวมผลตรวจเดือน พ.ค. ให้ครบก่อน": the inspections still to be gathered are
    not the monthly inspections done; "ความต้องการ…ปีก่อน" is no such thing."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "ก.1 ประเมินผลการนำเข้าข้อมูลของทุกหน่วยงานยังไม่ได้ทำค่ะ ต้องรวบรวมผลตรวจติดตามเดือน พ.ค. ให้ครบก่อน"
    claims = fy2562.parse(said, date(2019, 6, 18)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == ([], ["step-5"])


def test_whether_a_level_is_reached_asked_claims_no_level() -> None:
    """ "…วิเคราะห์กระบวนงานกับออกแบบระบบ…เสร็จแล้ว ตอนนี้ ฝบท. กำลังพัฒนาระบบอยู่ แบบนี้ได้ระดับ 1 ยังครับ":
    level 1 is asked about, not claimed; the analysis and design told are K2's step 5."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2565 = MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    said = (
        "ระบบติดตามญัตติครับ วิเคราะห์กระบวนงานกับออกแบบระบบในที่ประชุมคณะทำงานเสร็จแล้ว"
        " ตอนนี้ ฝบท. กำลังพัฒนาระบบอยู่ แบบนี้ได้ระดับ 1 ยังครับ"
    )
    assert fy2565.parse(said, date(2022, 2, 18)).as_json()["item_claims"]["proposed"] == ["step-5"]


def test_a_plan_laid_out_is_done() -> None:
    """ "…และวางแผนที่จะทำต่อในปีงบ 63 ไว้เรียบร้อยแล้วค่ะ": planning is ข.2's step 4 itself, laid out and done;
    "วางแผนจะ…" alone is work to come."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2562 = MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    said = "ข.2 ค่ะ ติดตามประเมินผลเสร็จแล้ว ผู้ใช้พอใจ 90% และวางแผนที่จะทำต่อในปีงบ 63 ไว้เรียบร้อยแล้วค่ะ"
    assert fy2562.parse(said, date(2019, 9, 10)).as_json()["item_claims"]["proposed"] == ["step-3", "step-4"]
    said = "ข.2 ค่ะ ติดตามประเมินผลเสร็จแล้ว ส่วนแผนปีงบ 63 กำลังวางแผนกันอยู่ค่ะ"
    assert fy2562.parse(said, date(2019, 9, 10)).as_json()["item_claims"]["proposed"] == ["step-3"]


def test_a_marked_line_told_in_its_indicators_own_words_is_its_item() -> None:
    """ "ลงพื้นที่ชุมชน 50 เขต ✅" on KPI 6's status list: every word of step 1 said here is also in the
    indicator's name ("…จากการลงพื้นที่ผู้ว่าฯ สัญจรชุมชน"), but a marked line is an item, so the name's words
    count for it."""
    from handlers.parse.parser import MessageParser
    from store.plan_files import load_plan

    fy2567 = MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    said = "ตช.6 ครับ\nลงพื้นที่ชุมชน 50 เขต ✅\nแจ้งหน่วยงานตามข้อสั่งการ ✅\nInfographic ❌ ยังไม่ได้ทำ"
    claims = fy2567.parse(said, date(2024, 6, 18)).as_json()["item_claims"]
    assert (claims["proposed"], claims["proposed_undone"]) == (["step-1", "step-2"], ["step-5"])
