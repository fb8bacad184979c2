"""The Slack bot in HTTP mode: POST /slack/events on a FastAPI app, with signatures checked by Bolt."""

from assistant.errors import IndexMissing

from . import create_bolt_app, require

EVENTS_PATH = "/slack/events"


def mount(app, settings, assistant=None):
    """Add POST /slack/events (events, /ask, button clicks) to a FastAPI app; return the Bolt app."""
    # `assistant` None means `app.state.assistant`, read at request time (the lifespan loads it).
    # Bolt answers 401 to a request with a bad signature or a timestamp older than 5 minutes.
    from fastapi import Request
    from slack_bolt.adapter.fastapi import SlackRequestHandler
    from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
    from starlette.concurrency import run_in_threadpool

    require(settings.slack_signing_secret, "SLACK_SIGNING_SECRET",
            "copy the Signing Secret from the Slack app's Basic Information page")

    def loaded_assistant():
        if getattr(app.state, "assistant", None) is None:
            raise getattr(app.state, "load_error", None) or IndexMissing("the index is not loaded yet; retry shortly")
        return app.state.assistant

    bolt_app = create_bolt_app(settings, assistant if assistant is not None else loaded_assistant)

    class ThreadedSlackRequestHandler(SlackRequestHandler):
        """Bolt's FastAPI handler, with the blocking dispatch moved off the event loop."""

        async def handle(self, req: Request, addition_context_properties=None):
            if req.method != "POST":
                return await super().handle(req, addition_context_properties)
            body = await req.body()
            bolt_request = to_bolt_request(req, body, addition_context_properties)
            return to_starlette_response(await run_in_threadpool(self.app.dispatch, bolt_request))

    handler = ThreadedSlackRequestHandler(bolt_app)

    async def slack_events(request: Request):
        return await handler.handle(request)

    # Left out of the OpenAPI schema: only Slack, holding the signing secret, can call it.
    app.add_api_route(EVENTS_PATH, slack_events, methods=["POST"], include_in_schema=False)
    return bolt_app
