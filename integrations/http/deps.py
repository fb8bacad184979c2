"""Dependencies of the routes: settings, the loaded assistant, API-key check and JSON content type."""

# They are coroutines because none of them blocks: FastAPI runs plain functions in its thread pool, a hop each.

import hmac

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPBearer

from assistant.errors import IndexMissing
from assistant.settings import Settings

from .metrics import ServiceMetrics

# Declares the scheme in the OpenAPI document (added to /v1/* only when keys are configured); the check is below.
bearer_scheme = HTTPBearer(
    auto_error=False,
    description="One of the server's API keys (DOCKER_QA_API_KEYS), as `Authorization: Bearer KEY`",
)


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


async def get_assistant(request: Request):
    """The loaded assistant, or the error that kept it from loading (503)."""
    assistant = request.app.state.assistant
    if assistant is None:
        raise request.app.state.load_error or IndexMissing("the index is not loaded yet; retry shortly")
    return assistant


async def get_metrics(request: Request) -> ServiceMetrics:
    """The app's Prometheus metrics."""
    return request.app.state.metrics


def _key_matches(given: str, keys: list[str]) -> bool:
    given_bytes = given.encode("utf-8")
    matched = False
    for key in keys:
        # Compare against every key so the time taken does not tell which one (if any) was close.
        matched |= hmac.compare_digest(given_bytes, key.encode("utf-8"))
    return matched


def api_key_refusal(authorization: str, keys: list[str]) -> tuple[int, str, str, dict[str, str]] | None:
    """Why a request with this Authorization header is refused (status, code, message, headers), or None to let it in."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return 401, "unauthorized", "this server requires an API key; send Authorization: Bearer KEY", {"WWW-Authenticate": "Bearer"}
    if not _key_matches(token.strip(), keys):
        return 401, "unauthorized", "the API key is not valid", {"WWW-Authenticate": 'Bearer error="invalid_token"'}
    return None


async def require_api_key(request: Request, settings: Settings = Depends(get_settings)) -> None:
    """Let the request through when no API keys are configured or it carries one of them as a Bearer token."""
    # The app's RequestGate has already refused a missing or wrong key before the body was read; this repeats the
    # check for settings overridden per request (tests) and documents the scheme in the OpenAPI schema.
    if not settings.api_keys:
        return
    refusal = api_key_refusal(request.headers.get("authorization", ""), settings.api_keys)
    if refusal is not None:
        status, _, message, headers = refusal
        raise HTTPException(status, message, headers)


async def require_json(request: Request) -> None:
    """Refuse (415) a request body that is not sent as application/json."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "application/json" and not (media_type.startswith("application/") and media_type.endswith("+json")):
        shown = media_type or "none"
        raise HTTPException(415, f"send the body as JSON with Content-Type: application/json (got {shown})")
