"""The remediation snippet catalog: one YAML file per Docker/Kubernetes snippet in corpus/snippets/."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import CatalogError
from .models import Snippet

Topic = Literal["security", "persistence", "networking", "os-dependency", "operations", "image-size", "resources", "isolation"]
Language = Literal["bash", "yaml", "json", "dockerfile", "compose", "kubernetes"]

REFERENCE_SITES = ("https://docs.docker.com/", "https://kubernetes.io/docs/")


class HadolintIgnore(BaseModel):
    """A hadolint rule a Dockerfile snippet breaks on purpose, with the reason."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(pattern=r"^(DL|SC)\d{4}$")
    reason: str = Field(min_length=1)


class CatalogEntry(BaseModel):
    """One catalog file: a snippet, what it fixes, its documentation page and the article sections it belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    title: str = Field(min_length=1)
    title_ko: str = Field(min_length=1)
    topics: list[Topic] = Field(min_length=1)
    language: Language
    code: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    explanation_ko: str | None = Field(default=None, min_length=1)
    reference: str
    sections: list[str] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    hadolint_ignore: list[HadolintIgnore] = Field(default_factory=list)

    @field_validator("title", "title_ko", "explanation", "explanation_ko")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if "\n" in value.strip():
            raise ValueError("must be one line")
        return value.strip()

    @field_validator("reference")
    @classmethod
    def _documentation_page(cls, value: str) -> str:
        if not value.startswith(REFERENCE_SITES) or any(c.isspace() for c in value):
            raise ValueError(f"must be a documentation page under {' or '.join(REFERENCE_SITES)}")
        return value

    @field_validator("sections", "keywords")
    @classmethod
    def _non_empty_items(cls, value: list[str]) -> list[str]:
        if any(not item.strip() for item in value):
            raise ValueError("items must be non-empty strings")
        return value

    def to_snippet(self, section: str | None = None, language: str = "en") -> Snippet:
        """The answer-model snippet for this entry in a language ("en" or "ko"), shown for `section` (default: the
        entry's first section)."""
        korean = language == "ko"
        return Snippet(
            title=self.title_ko if korean else self.title,
            language=self.language,
            code=self.code.rstrip("\n"),
            source="catalog",
            section=section if section is not None else self.sections[0],
            id=self.id,
            reference=self.reference,
            explanation=(self.explanation_ko or self.explanation) if korean else self.explanation,
        )


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "entry"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def load_entry(path: Path) -> CatalogEntry:
    """Read and validate one catalog file; the file stem must equal the entry's id."""
    import yaml

    from .paths import read_yaml

    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise CatalogError(f"{path}: not valid YAML{where} ({problem}); fix the file's syntax") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read ({exc.__class__.__name__}); check the file") from None
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: expected a mapping of fields (id, title, code, ...), got {type(data).__name__}")
    try:
        entry = CatalogEntry.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(f"{path}: {_describe(exc)}".replace("\n", " ")) from None
    if entry.id != path.stem:
        raise CatalogError(f"{path}: id '{entry.id}' differs from the file name; rename the file or the id")
    return entry


def load_catalog(folder: Path) -> list[CatalogEntry]:
    """Every entry of a catalog folder (*.yml, *.yaml), sorted by id; raises CatalogError on any bad file."""
    if not folder.is_dir():
        raise CatalogError(f"{folder}: no snippet catalog folder here; set DOCKER_QA_SNIPPETS_DIR or create it")
    entries: dict[str, CatalogEntry] = {}
    for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]):
        entry = load_entry(path)
        if entry.id in entries:
            raise CatalogError(f"{path}: duplicate id '{entry.id}'; every snippet id must be unique")
        entries[entry.id] = entry
    return [entries[key] for key in sorted(entries)]
