"""Thai texts of the local console's personas (``bot/console.py``), in one place for a Thai speaker
to read and correct."""

from __future__ import annotations

from store.models import Role

ROLE_LABELS = {
    Role.reporter: "ผู้รายงานตัวชี้วัด",
    Role.unit_head: "หัวหน้าส่วนราชการ",
    Role.manager: "ผู้บริหาร",
    Role.committee: "คณะกรรมการติดตามประเมินผล",
    Role.admin: "ผู้ดูแลระบบ",
}
IN_GROUP = "{name} (ในกลุ่ม {group})"
COMMITTEE_GROUP_ROLE = "กลุ่มคณะกรรมการ"
# The committee member's display name as the fake LINE group lists it.
COMMITTEE_MEMBER_NAME = "มาลี"
