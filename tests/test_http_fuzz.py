"""Property-based fuzzing of the HTTP API from its own OpenAPI document: no 5xx, and every response as documented."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from assistant.core import Assistant
from assistant.settings import Settings
from integrations.http.app import create_app

pytestmark = pytest.mark.slow  # schemathesis: part of the full run, not of the fast tier

# Small enough for CI (well under a minute on 2 cores), large enough to reach every documented error.
MAX_EXAMPLES = 25
API_KEY = "fuzz-key"


@pytest.fixture(scope="session")
def loaded_assistant():
    return Assistant.load(Settings())


@pytest.fixture(scope="session")
def open_api(loaded_assistant):
    """The schema served at /openapi.json by the real app without API keys."""
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(), assistant=loaded_assistant))


@pytest.fixture(scope="session")
def keyed_api(loaded_assistant):
    """The same with an API key required on /v1/*; the fuzzer also sends requests without it or with a wrong one."""
    app = create_app(Settings(api_keys=[API_KEY]), assistant=loaded_assistant)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


open_schema = schemathesis.pytest.from_fixture("open_api")
keyed_schema = schemathesis.pytest.from_fixture("keyed_api")

fuzz_settings = settings(
    max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)

# Every check schemathesis has: no server error; documented status codes, content types, headers and
# response schemas; schema-violating requests rejected with 4xx; valid ones accepted; auth not ignored.


@open_schema.parametrize()
@fuzz_settings
def test_open_api_answers_as_documented(case):
    case.call_and_validate()


@keyed_schema.parametrize()
@fuzz_settings
def test_keyed_api_answers_as_documented(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {API_KEY}"})
