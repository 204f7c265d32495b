"""Settings from the environment (pydantic-settings); secrets never have defaults in the repo."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from handlers.nudges import NudgeSettings

BANGKOK = "Asia/Bangkok"
REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Everything the service reads from the environment; defaults run a local demo on SQLite."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = "sqlite:///tidtam.db"
    line_channel_secret: SecretStr | None = None
    line_channel_access_token: SecretStr | None = None
    line_api_base: str = "https://api.line.me"
    plans_dir: Path = REPO_ROOT / "plans"
    evidence_dir: Path = Path("var/evidence")
    link_secret: SecretStr | None = None  # signs dashboard/file links; else the channel secret
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

    @property
    def console_mode(self) -> bool:
        """Without a channel token the service plays LINE itself (the local console)."""
        return self.line_channel_access_token is None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
