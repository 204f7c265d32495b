"""Thai texts of the service's terminal: ``tidtam`` commands' messages and help, the scorecard
printed at start-up, the index page. In one place for a Thai speaker to read and correct; the
dashboard pages, the quarterly form and the local console have their own (``dashboard_texts.py``,
``export_texts.py``, ``console_texts.py``), the chat's live in ``handlers/``.

Messages an operator reads in a terminal say it in Thai, then in English, as they always have.
"""

from __future__ import annotations

# --- the index page (bot/app.py) ---
INDEX = "Tidtam (ติดตาม) กำลังให้บริการค่ะ — LINE webhook: POST /webhook · สถานะ: /healthz"

# --- why the service must not start (bot/settings.py) ---
NEED_CHANNEL_SECRET = (
    "ต้องตั้งค่า LINE_CHANNEL_SECRET เพื่อตรวจลายเซ็นของ webhook "
    "(LINE_CHANNEL_SECRET is required to verify webhook signatures)"
)
NEED_LINK_SECRET = (
    "ต้องตั้งค่า LINK_SECRET (สุ่มยาวอย่างน้อย 32 ตัวอักษร) สำหรับลงนามลิงก์แดชบอร์ดและไฟล์ "
    "(LINK_SECRET is required to sign dashboard and file links, e.g. `openssl rand -hex 32`)"
)

# --- tidtam commands (bot/cli.py) ---
CLI_HELP = "Tidtam (ติดตาม): KPI follow-up by LINE chat."
CONSOLE_LOOPBACK_ONLY = (
    "ERROR คอนโซลทดลอง (TIDTAM_CONSOLE=1) เปิดได้เฉพาะที่ 127.0.0.1 เท่านั้น ไม่ใช่ {host} "
    "(the local console lets anyone chat as anyone: it binds loopback only; unset TIDTAM_CONSOLE "
    "to serve on {host})"
)
CANNOT_START = "ERROR ยังเริ่มบริการไม่ได้ (cannot start):\n  - {problems}"
SERVING = "\nTidtam กำลังให้บริการที่ http://{host}:{port}/  (สถานะ: /healthz)"
CONSOLE_AT = "คอนโซลทดลองแชต (TIDTAM_CONSOLE=1): http://{host}:{port}/console"
NO_ACCESS_TOKEN = (
    "คำเตือน: ไม่มี LINE_CHANNEL_ACCESS_TOKEN บอทรับ webhook และบันทึกได้ แต่ส่งข้อความตอบกลับไม่ได้ "
    "(WARNING: LINE_CHANNEL_ACCESS_TOKEN is not set: webhooks are accepted and handled, "
    "nothing can be sent; replies wait in the outbox)"
)
RETRY_WHICH = "ERROR give one event ID or --all (ระบุ ID หรือ --all อย่างใดอย่างหนึ่ง)"
NOT_A_FAILED_EVENT = "ERROR event {event_id} is not a failed event (ไม่พบเหตุการณ์ที่ล้มเหลวหมายเลขนี้)"
POSITION_HELP = "ตำแหน่ง"
ACTING_HELP = "Who acts for them (รักษาราชการแทน)."
FISCAL_YEAR_HELP = "ปีงบประมาณ พ.ศ., e.g. 2567."
QUARTER_HELP = "ไตรมาส 1–4."
OUT_NOT_XLSX = "ERROR --out ต้องเป็นไฟล์ .xlsx (--out must name an .xlsx file, not {name!r})"
CANNOT_WRITE_EXPORT = "ERROR เขียนไฟล์ไม่ได้ (cannot write the export): {error}"
WROTE_EXPORT = "wrote {out}: {rows} indicators, ไตรมาสที่ {quarter}/{fiscal_year}"

# --- the scorecard and deadlines printed at start-up (bot/render.py, bot/summary.py) ---
NO_PLANS = "ยังไม่มีแผนในฐานข้อมูล: ใช้คำสั่ง tidtam plans load plans/*.yaml"
SCORECARD_UNIT = "{unit} · ปีงบประมาณ {fiscal_year}"
SCORECARD_LINE = "{code:>5} {bar} ระดับ {level} · {points} คะแนน{mark}  {name}"
NOT_COUNTED = " (ไม่นับรวม)"
SCORECARD_TOTAL = "รวม {bar} {total:g} จาก {max:g} คะแนน"
NEXT_DEADLINES = "กำหนดส่งที่ใกล้ที่สุด:"
MONTHLY = "รายเดือน"
QUARTERLY = "รายไตรมาส"

# --- warming up (bot/warmup.py): a report as a reporter would type it, parsed once before the first webhook ---
WARM_UP_REPORT = "ตัวชี้วัดที่ 1 ร้อยละ 80 ไตรมาส 1 ประชุมร่วมกับสำนักงานเขต"
