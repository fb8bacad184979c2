"""Shared fixtures: the real assistant on the bundled article and index, loaded once per test session."""

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
