"""Thai texts the erasure of personal data writes into the store, in one place for a Thai speaker to read."""

from __future__ import annotations

# What stands in the person row, and in any kept text, where a forgotten person's name or phone was.
ERASED_PERSON = "ผู้ใช้ที่ลบข้อมูลแล้ว #{person_id}"
