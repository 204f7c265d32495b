"""The notes a rolled-over plan carries, so whoever opens next year's file knows what to check."""

PLAN_NOTE = (
    "ยกมาจากแผน {source_id} (ปีงบประมาณ พ.ศ. {source_year}) โดยเลื่อนปีที่อยู่ในปีงบประมาณเดิม ({years}) "
    "เป็น ({new_years}); ปีอื่นที่อ้างถึงคงไว้ตามเดิม ค่าเป้าหมายและเกณฑ์การให้คะแนนคงเดิม "
    "ต้องทบทวนค่าฐาน (baseline) และผลการดำเนินงานที่ผ่านมาก่อนใช้งาน"
)
BASELINE_NOTE = "ต้องทบทวนค่าฐาน ปี {years}: ค่าที่ยังไม่ทราบเว้นว่างไว้"
PROGRESS_NOTE = "ผลการดำเนินงานของปี {year} ที่พิมพ์ในเอกสารเดิมไม่ได้ยกมา"
