"""The one error type of the fake: it carries LINE's status and error body, so routes just raise it."""

from __future__ import annotations

from typing import Any


class LineError(Exception):
    """An answer LINE would give instead of success: ``{"message": ..., "details": [...]}``."""

    def __init__(
        self,
        status: int,
        message: str,
        details: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.message = message
        self.details = details or []
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        """LINE omits ``details`` when it is empty."""
        body: dict[str, Any] = {"message": self.message}
        if self.details:
            body["details"] = self.details
        return body
