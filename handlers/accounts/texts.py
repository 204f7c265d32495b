"""Thai texts of accounts, groups, evidence files, personal links and admin alerts, in one place for a
Thai speaker to read and correct."""

from __future__ import annotations

WELCOME_BACK = "ยินดีต้อนรับกลับค่ะ คุณ{name} 🙏"
# --- groups ---
JOINED_GROUP = (
    "สวัสดีค่ะ Tidtam (ติดตาม) เข้ากลุ่มแล้ว 🙏 ในกลุ่มนี้บอทจะตอบเมื่อถูกกล่าวถึง (@) เท่านั้น\n"
    "ผู้ดูแลระบบพิมพ์ “@Tidtam ผูกกลุ่มคณะกรรมการ” เพื่อให้กลุ่มนี้รับสรุปผลรายเดือนค่ะ"
)
GROUP_BOUND = "ผูกกลุ่มนี้เป็นกลุ่มคณะกรรมการติดตามประเมินผลแล้วค่ะ ✅ สรุปผลรายเดือนจะส่งมาที่กลุ่มนี้"
GROUP_BIND_DENIED = "ขออภัยค่ะ เฉพาะผู้ดูแลระบบเท่านั้นที่ผูกกลุ่มคณะกรรมการได้"
# What an admin types (after @Tidtam) to make a group the committee's; matched in lower case.
BIND_WORDS = ("ผูกกลุ่มคณะกรรมการ", "ผูกกลุ่ม", "bind committee")
# --- evidence files ---
EVIDENCE_ATTACHED = "ได้รับไฟล์หลักฐานแล้วค่ะ 📎 แนบกับ{target}เรียบร้อย"
EVIDENCE_TO_DRAFT = "รายงานที่กำลังบันทึก"
EVIDENCE_TO_LATEST = "รายงานล่าสุด"
EVIDENCE_KEPT = "ได้รับไฟล์หลักฐานแล้วค่ะ 📎 จะแนบกับรายงานถัดไปของคุณภายใน 30 นาทีนะคะ"
EVIDENCE_TOO_LARGE = "ขออภัยค่ะ ไฟล์ใหญ่เกิน {limit} MB กรุณาส่งไฟล์ที่เล็กลงหรือส่งลิงก์แทนนะคะ"
# --- personal links: the dashboard and the quarterly file ---
DASHBOARD_LINK = "แดชบอร์ดตัวชี้วัดค่ะ (ลิงก์ใช้ได้ 1 ชั่วโมง เฉพาะคุณ): {url}"
EXPORT_LINK = "ไฟล์รายงานไตรมาส {q}/{fy} (แบบ สยป.3) ดาวน์โหลดได้ที่ลิงก์นี้ภายใน 1 ชั่วโมงค่ะ: {url}"
EXPORT_DENIED = "ขออภัยค่ะ การส่งออกไฟล์รายงานทำได้เฉพาะผู้ดูแลระบบ"
EXPORT_HOW = "ระบุไตรมาสด้วยนะคะ เช่น “ขอไฟล์รายงานไตรมาส 2”"
# A personal link asked for in a group: what it is, and what to type again in the 1:1 chat.
LINK_ONLY_IN_PRIVATE = (
    "ลิงก์{what}เป็นลิงก์เฉพาะตัว จึงส่งในกลุ่มไม่ได้ค่ะ 🙏 "
    "รบกวนทักแชตส่วนตัว (1:1) กับ Tidtam แล้วพิมพ์ “{ask}” อีกครั้ง บอทจะส่งลิงก์ให้ทางนั้นนะคะ"
)
DASHBOARD_WHAT = "แดชบอร์ด"
DASHBOARD_ASK = "ขอแดชบอร์ด"
EXPORT_WHAT = "ไฟล์รายงาน"
EXPORT_ASK = "ขอไฟล์รายงานไตรมาส {quarter}"
# --- admin alerts ---
DEAD_LETTER_ALERT = (
    "⚠️ แจ้งผู้ดูแลระบบ: วันนี้มีเหตุการณ์จาก LINE ที่ระบบประมวลผลไม่สำเร็จ (ล่าสุด: {error}) "
    "เหตุการณ์อื่นยังทำงานตามปกติค่ะ ดูรายการด้วยคำสั่ง tidtam inbox failed "
    "แล้วสั่ง tidtam inbox retry หรือ tidtam inbox discard"
)
EVIDENCE_TO_ITEM = "ขั้นตอนที่เพิ่งแจ้งว่าเสร็จ"
# --- personal data (PDPA): the notice sent on follow and on "ข้อมูลส่วนบุคคล" ---
# Who answers requests for a copy or erasure, unless PRIVACY_CONTACT says otherwise.
PRIVACY_CONTACT = "กลุ่มงานแผนงานและประเมินผล"
PRIVACY_NOTICE = (
    "🔒 ข้อมูลส่วนบุคคลของคุณ (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562)\n"
    "• ข้อมูลที่เก็บ: ชื่อ ตำแหน่ง รหัสผู้ใช้และชื่อที่แสดงใน LINE รายงานและหลักฐานที่คุณส่ง และเวลาที่ส่ง\n"
    "• ใช้เพื่อ: ติดตามผลการดำเนินงานตามคำรับรองการปฏิบัติราชการของหน่วยงานเท่านั้น\n"
    "• ระยะเวลาเก็บ: ข้อความต้นฉบับที่ได้รับจาก LINE {inbox_days} วัน "
    "ร่างรายงานและไฟล์ที่ยังไม่ได้แนบกับรายงาน {drafts_days} วัน "
    "ส่วนรายงานที่บันทึกแล้วเก็บตามระยะเวลาที่หน่วยงานต้องเก็บรักษา\n"
    "• ขอสำเนาหรือขอให้ลบข้อมูลได้ที่: {contact} "
    "(เมื่อลบแล้ว รายงานที่หน่วยงานต้องเก็บไว้จะยังอยู่ แต่จะไม่ระบุตัวคุณ)\n"
    "พิมพ์ “ข้อมูลส่วนบุคคล” เพื่ออ่านข้อความนี้อีกครั้งได้ค่ะ"
)
