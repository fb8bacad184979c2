"""Where the bundled article, snippet catalog and index live, in a source checkout or an installed wheel."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    """Folder holding `corpus/` and `index/`: inside the wheel, or the source checkout."""
    installed = _PACKAGE / "_bundled"
    if (installed / "corpus").is_dir():
        return installed
    return _PACKAGE.parent


def bundled_corpus() -> Path:
    """The bundled article (a folder of Markdown posts plus `snippets/` and the glossary)."""
    return bundled_root() / "corpus"


def bundled_index() -> Path:
    """The committed index of the bundled article."""
    return bundled_root() / "index"


def read_yaml(text: str):
    """YAML data of a text, with libyaml's C parser when PyYAML has it (ten times faster at start-up)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)
