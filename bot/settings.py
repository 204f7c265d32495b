"""Settings from the environment (pydantic-settings); secrets never have defaults in the repo."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import texts as bt
from handlers.accounts.privacy import PrivacyTerms
from handlers.nudges.reminders import NudgeSettings
from store.personal_data import Retention

BANGKOK = "Asia/Bangkok"
CONSOLE_TOKEN = "console-access-token"  # what the console's fake LINE platform accepts
REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Everything the service reads from the environment; defaults run a local demo on SQLite."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

    database_url: str = "sqlite:///tidtam.db"
    line_channel_secret: SecretStr | None = None
    line_channel_access_token: SecretStr | None = None
    line_api_base: str = "https://api.line.me"
    # The bot's LINE basic id ("@123abcde", shown in LINE Official Account Manager): invite sheets
    # print its add-friend link and QR code.
    line_bot_basic_id: str | None = None
    plans_dir: Path = REPO_ROOT / "plans"
    evidence_dir: Path = Path("var/evidence")
    # Signs dashboard and file links; required in production. Several keys separated by commas
    # rotate them: the first signs, every one still opens links made with it.
    link_secret: SecretStr | None = None
    public_url: str = "http://127.0.0.1:8000"  # where links from chat point
    line_monthly_quota: int | None = None  # LINE push budget per month; None: unlimited
    nudge_cap_per_month: int = 6  # reminders per person per month at most
    nudge_thai_digits: bool = False  # ๒๐ มี.ค. ๖๗ instead of 20 มี.ค. 2567 in reminders

    def nudge_settings(self) -> NudgeSettings:
        return NudgeSettings(
            cap_per_person_month=self.nudge_cap_per_month,
            monthly_quota=self.line_monthly_quota,
            thai_digits=self.nudge_thai_digits,
        )

    timezone: str = BANGKOK
    # The local console (a web page playing LINE, and a fake LINE platform) is opt-in: it lets
    # whoever reaches the port chat as anyone, so it is never switched on by a missing setting.
    console: bool = Field(default=False, validation_alias="TIDTAM_CONSOLE")
    health_worker_timeout_s: float = 30.0  # /healthz fails when no worker beat for this long
    health_inbox_lag_s: float = 60.0  # … or when the oldest unhandled event is this old
    # Personal data (PDPA): whom the privacy notice names for a copy or erasure, and how long the bot
    # keeps raw webhook bodies of handled events and drafts nobody touched (the clock deletes them daily).
    privacy_contact: str = PrivacyTerms().contact
    retention_inbox_days: int = Field(default=30, ge=1)
    retention_drafts_days: int = Field(default=30, ge=1)
    audit_log: Path = Path("var/audit.jsonl")  # one line per export or erasure of a person's data

    def privacy_terms(self) -> PrivacyTerms:
        return PrivacyTerms(self.privacy_contact, self.retention_inbox_days, self.retention_drafts_days)

    def retention(self) -> Retention:
        return Retention(inbox_days=self.retention_inbox_days, drafts_days=self.retention_drafts_days)

    @field_validator("console", mode="before")
    @classmethod
    def _empty_is_off(cls, value: object) -> object:
        """``TIDTAM_CONSOLE=`` (set but empty) means off, as a shell user would read it."""
        return False if isinstance(value, str) and not value.strip() else value

    @property
    def console_mode(self) -> bool:
        return self.console

    @property
    def can_send(self) -> bool:
        """Whether messages can reach LINE: a real token, or the console's fake platform."""
        return self.console or self.line_channel_access_token is not None

    def line_base(self, port: int) -> str:
        """Where the SDK client sends: LINE, or the fake platform the console mounts at ``/_line``."""
        return f"http://127.0.0.1:{port}/_line" if self.console_mode else self.line_api_base

    def link_keys(self) -> str:
        """The link signing keys; never the channel secret (one leaked key must not open the other door).

        Production refuses to start without ``LINK_SECRET``; elsewhere (console, tests) a key for this
        process only, so links die with it.
        """
        return self.link_secret.get_secret_value() if self.link_secret else secrets.token_hex(32)

    def access_token(self) -> str:
        """The console's fake platform takes its own token; without a real one nothing is sent to LINE."""
        if self.console_mode:
            return CONSOLE_TOKEN
        token = self.line_channel_access_token
        return token.get_secret_value() if token else ""

    def production_problems(self) -> list[str]:
        """Why the service must not start outside the console (Thai, then English)."""
        problems: list[str] = []
        if self.console:
            return problems
        if self.line_channel_secret is None:
            problems.append(bt.NEED_CHANNEL_SECRET)
        if self.link_secret is None:
            problems.append(bt.NEED_LINK_SECRET)
        return problems


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
