"""The Slack bot in HTTP mode: POST /slack/events on a FastAPI app, every request verified and shape-checked first."""

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from assistant.errors import IndexMissing

from . import create_bolt_app, require

EVENTS_PATH = "/slack/events"
DISPATCH_THREADS = 4  # Bolt dispatches at once: checks and acknowledgements, quick since the posts come later
MAX_CLOCK_SKEW = 5 * 60  # seconds; Slack's own rule for X-Slack-Request-Timestamp

log = logging.getLogger(__name__)

# Bolt's own error statuses, given the API's error codes.
_BOLT_ERRORS = {401: ("invalid_signature", "the request is not signed by Slack"),
                404: ("unhandled_request", "the bot does not handle this kind of Slack request")}


def verify(headers, raw: bytes, secret: str, now: float) -> tuple[str, str] | None:
    """Why a request is not a fresh one from Slack (code, message), or None when it is."""
    import hashlib
    import hmac

    timestamp = headers.get("x-slack-request-timestamp", "")
    signature = headers.get("x-slack-signature", "")
    if not timestamp.isascii() or not timestamp.isdigit() or not signature:
        return "invalid_signature", "the request has no valid X-Slack-Request-Timestamp and X-Slack-Signature"
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW:
        return "invalid_signature", "the request's timestamp is more than 5 minutes from now"
    expected = "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        return "invalid_signature", "the request is not signed by Slack"
    return None


def mount(app, settings, assistant=None):
    """Add POST /slack/events (events, /ask, button clicks) to a FastAPI app; return the Bolt app."""
    # The assistant answering is `app.state.assistant`, read at request time (the lifespan loads it and a reload
    # replaces it); `assistant` answers while the app holds none.
    import time

    from fastapi import Request
    from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response

    from integrations.http.errors import error_response

    from . import payloads
    from .dedupe import RecentKeys

    secret = require(settings.slack_signing_secret, "SLACK_SIGNING_SECRET",
                     "copy the Signing Secret from the Slack app's Basic Information page")

    def loaded_assistant():
        # Read per question, so an index reloaded into app.state.assistant answers the next Slack question too.
        current = getattr(app.state, "assistant", None)
        if current is None:
            current = assistant
        if current is None:
            raise getattr(app.state, "load_error", None) or IndexMissing("the index is not loaded yet; retry shortly")
        return current

    bolt_app = create_bolt_app(settings, loaded_assistant)
    app.state.slack_deliveries = bolt_app.deliveries
    dispatch_threads = ThreadPoolExecutor(DISPATCH_THREADS, thread_name_prefix="slack-dispatch")
    seen_signatures = RecentKeys()

    async def slack_events(request: Request):
        raw = await request.body()
        refusal = verify(request.headers, raw, secret, time.time())
        if refusal is not None:
            return error_response(401, *refusal)
        if not seen_signatures.first_time(f"{request.headers['x-slack-request-timestamp']}:{request.headers['x-slack-signature']}"):
            # The same signed bytes again (a replay, or one delivery duplicated on the way): acknowledged, acted on
            # once. Slack's own retries of an event are dropped later, by event id, in the listeners' middleware.
            log.info("acknowledging a repeated Slack request without acting on it again")
            from starlette.responses import Response

            return Response(status_code=200)
        try:
            payloads.check(payloads.parse_body(raw, request.headers.get("content-type", "")))
        except payloads.Malformed as exc:
            log.warning("refusing a malformed Slack request: %s", exc)
            return error_response(400, "malformed_payload", f"the Slack request is malformed: {exc}")
        # Bolt's dispatch blocks (its listeners run before the response). It runs on the bot's own threads, so a
        # slow Slack never holds the threads that answer the HTTP API; the posts themselves come after the ack.
        loop = asyncio.get_running_loop()
        response = await loop.run_in_executor(dispatch_threads, bolt_app.dispatch, to_bolt_request(request, raw))
        if response.status in _BOLT_ERRORS:
            return error_response(response.status, *_BOLT_ERRORS[response.status])
        if response.status >= 500:
            return error_response(500, "internal_error", "the bot failed to handle the request; the error is in its log")
        return to_starlette_response(response)

    # Left out of the OpenAPI schema: only Slack, holding the signing secret, can call it.
    app.add_api_route(EVENTS_PATH, slack_events, methods=["POST"], include_in_schema=False)
    return bolt_app
