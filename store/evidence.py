"""Evidence files (photos, scanned letters) kept in a local folder by content hash, size-capped."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session, col, select

from store.models import Evidence

MAX_BYTES = 10 * 1024 * 1024
LOOSE_WINDOW = timedelta(minutes=30)


class EvidenceTooLarge(ValueError):
    pass


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    path: str
    size: int


def store_file(folder: Path, data: bytes, content_type: str | None, filename: str | None) -> StoredFile:
    """Write ``data`` once under its hash (the same photo sent twice is stored once)."""
    if len(data) > MAX_BYTES:
        raise EvidenceTooLarge(f"{len(data)} bytes > {MAX_BYTES}")
    digest = hashlib.sha256(data).hexdigest()
    suffix = Path(filename).suffix if filename else (mimetypes.guess_extension(content_type or "") or ".bin")
    target = folder / digest[:2] / f"{digest}{suffix.lower()}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)
    return StoredFile(digest, str(target), len(data))


def loose_evidence(session: Session, person_id: int, now: datetime) -> list[Evidence]:
    """Files a person sent recently that are attached to nothing yet (the report comes after the photo)."""
    return list(
        session.exec(
            select(Evidence).where(
                Evidence.person_id == person_id,
                col(Evidence.report_id).is_(None),
                col(Evidence.draft_id).is_(None),
                col(Evidence.created_at) >= now - LOOSE_WINDOW,
            )
        ).all()
    )
