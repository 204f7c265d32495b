"""Thai texts of ``tidtam line setup`` and of the rich menus it makes: the labels drawn on each menu,
the messages a tap sends, and what the terminal prints. In one place for a Thai speaker to read and
correct.

A tap sends its message as if the person had typed it, and the bot answers it like any other text:
change a message here only together with ``tests/test_line_setup.py``, which checks that each one
still gets the answer its label promises. Terminal lines say it in Thai, then in English.
"""

from __future__ import annotations

from handlers.texts import MENU_REPORT

# --- the rich menus: (label drawn on the image, message the tap sends) ---
CHAT_BAR = "เมนู Tidtam"  # the bar under the chat that opens the menu (at most 14 characters)
REPORT = ("รายงานผล", MENU_REPORT)  # answered with how to report, with examples (a route of its own)
MY_STATUS = ("สถานะของฉัน", "สรุปผลของฉัน")  # the score card of the reporter's unit
HELP = ("ช่วยเหลือ", "ถามอะไรได้บ้าง?")  # the card of questions one may ask, each a button
UNIT_STATUS = ("สถานะหน่วยงาน", "สรุปผลหน่วยงาน")  # the score card of each unit in the asker's scope
WHO_LATE = ("ใครยังไม่ส่ง", "ใครยังไม่ส่ง")  # who has not reported for the latest deadline
DASHBOARD = ("แดชบอร์ด", "ขอแดชบอร์ด")  # a signed one-hour link to the web dashboard
MONTH_SUMMARY = ("สรุปเดือนนี้", "สรุปผลเดือนนี้")  # the score cards of every unit

# --- what the terminal prints ---
NEED_TOKEN = (
    "ERROR ต้องตั้งค่า LINE_CHANNEL_ACCESS_TOKEN (channel access token แบบ long-lived จาก LINE Developers Console) "
    "(LINE_CHANNEL_ACCESS_TOKEN is required: issue a long-lived channel access token in the LINE Developers Console)"
)
NEED_HTTPS = (
    "ERROR LINE รับเฉพาะ webhook ที่เป็น https:// ได้รับ {url} "
    "(LINE accepts only https:// webhook URLs; got {url}: pass --public-url https://… or set PUBLIC_URL)"
)
TOKEN_REFUSED = (
    "ERROR LINE ไม่ยอมรับ channel access token นี้ (HTTP {status}) กรุณาออก token ใหม่ใน LINE Developers Console "
    "(LINE refused the channel access token: HTTP {status}; issue a new one in the console)"
)
LINE_FAILED = (
    "ERROR LINE ตอบกลับไม่สำเร็จขณะ{step} (HTTP {status}): {body} "
    "(LINE answered HTTP {status} while {step_en}; nothing after this step was done, run the command again)"
)
LINE_UNREACHABLE = (
    "ERROR ติดต่อ LINE ที่ {base} ไม่ได้ขณะ{step}: {error} "
    "(could not reach LINE at {base} while {step_en}: {error}; run the command again)"
)
STEP_BOT_INFO = ("อ่านข้อมูลช่องทาง", "reading the channel's profile")
STEP_WEBHOOK = ("ตั้งค่า webhook", "setting the webhook")
STEP_MENUS = ("สร้างเมนู", "creating the rich menus")
STEP_LINKS = ("ผูกเมนูกับผู้ใช้", "linking menus to people")
STEP_CLEANUP = ("ลบเมนูเดิม", "deleting the previous menus")

CHANNEL = "ช่องทาง LINE: {name} ({basic_id}) (LINE channel: {name}, basic ID {basic_id})"
WEBHOOK_SET = "ตั้ง Webhook URL เป็น {url} แล้ว (webhook endpoint set)"
WEBHOOK_INACTIVE = (
    "⚠ ยังไม่ได้เปิด “Use webhook” ของช่องทางนี้ใน LINE Developers Console (แท็บ Messaging API) "
    "LINE จะยังไม่ส่งข้อความมาที่ Tidtam จนกว่าจะเปิด "
    "(“Use webhook” is off in the console's Messaging API tab: LINE sends nothing to Tidtam until it is on)"
)
WEBHOOK_TEST_OK = "ทดสอบ Webhook ผ่าน: LINE ส่งถึง Tidtam ได้ (HTTP {status}) (webhook test passed)"
WEBHOOK_TEST_FAILED = (
    "✗ ทดสอบ Webhook ไม่ผ่าน: {reason} (HTTP {status}) {detail}\n"
    "  ตรวจว่า Tidtam เปิดให้บริการที่ {url} แล้ว และ LINE_CHANNEL_SECRET ของบริการตรงกับช่องทางนี้ "
    "แล้วสั่งคำสั่งนี้อีกครั้ง\n"
    "  (webhook test failed: is Tidtam serving {url}, with this channel's LINE_CHANNEL_SECRET? Then run this again)"
)
MENU_CREATED = "สร้างเมนู {name}: {labels} ({menu_id}) (rich menu created)"
AUDIENCE = {
    "reporter": "ผู้รายงาน",
    "unit": "หัวหน้าส่วนราชการและผู้บริหาร",
    "committee": "คณะกรรมการและผู้ดูแลระบบ",
}
DEFAULT_SET = "ตั้งเมนูของผู้รายงานเป็นเมนูเริ่มต้นสำหรับทุกคนแล้ว (the reporter menu is the default for everyone)"
LINKED = "ผูกเมนู{audience}กับ {n} บัญชี LINE (linked {n} LINE account(s) to the {name} menu)"
UNLINKED = "{n} บัญชี LINE ไม่มีบทบาท จะเห็นเมนูเริ่มต้น ({n} LINE account(s) with no role get the default menu)"
NOBODY_LINKED = (
    "ยังไม่มีบัญชี LINE ที่เชื่อมกับรายชื่อ: ผูกเมนูให้เมื่อเชื่อมบัญชีหรือให้บทบาท "
    "(no LINE account is linked to a person yet: menus are linked when roles are granted)"
)
REPLACED = "ลบเมนูเดิมของ Tidtam {n} เมนู (deleted {n} previous Tidtam menu(s))"
DONE = "เสร็จแล้ว: ช่องทาง LINE พร้อมใช้งานกับ Tidtam (done: the LINE channel is connected to Tidtam)"
DONE_BUT_WEBHOOK = "เมนูพร้อมแล้ว แต่ webhook ยังไม่ผ่านการทดสอบ (menus are ready, but the webhook test did not pass)"

# --- people grant: the person's rich menu follows their roles ---
MENU_RELINKED = "เปลี่ยนเมนู LINE ให้ {n} บัญชีตามบทบาทใหม่แล้ว (rich menu relinked for {n} LINE account(s))"
MENU_RELINK_FAILED = (
    "⚠ ให้บทบาทแล้ว แต่เปลี่ยนเมนู LINE ไม่สำเร็จ: {error} สั่ง tidtam line setup อีกครั้งภายหลังได้ "
    "(the role is granted, but the rich menu could not be relinked: {error}; run tidtam line setup later)"
)

# --- command help ---
LINE_HELP = "เชื่อมช่องทาง LINE จริง (connect a real LINE channel)."
SETUP_HELP = (
    "ตั้ง webhook ทดสอบ สร้างเมนูตามบทบาท และผูกเมนูกับทุกคน; สั่งซ้ำได้ (set the webhook, test it, "
    "create one rich menu per role and link everyone; idempotent). The token comes from LINE_CHANNEL_ACCESS_TOKEN."
)
PUBLIC_URL_HELP = "ที่อยู่ https ของบริการ Tidtam (the service's https base URL; default: PUBLIC_URL)."
FONT_MISSING = (
    "ERROR ไม่พบฟอนต์ไทยสำหรับวาดภาพเมนู ติดตั้งด้วย apt-get install fonts-thai-tlwg "
    "(no Thai font for the menu images; install fonts-thai-tlwg. Looked for: {paths})"
)
