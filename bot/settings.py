"""Settings from the environment (pydantic-settings); secrets never have defaults in the repo."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    timezone: str = BANGKOK

    @property
    def console_mode(self) -> bool:
        """Without a channel token the service plays LINE itself (the local console)."""
        return self.line_channel_access_token is None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
