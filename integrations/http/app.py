"""The FastAPI app: routers per resource over one assistant loaded at start-up, errors in one body shape."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Security

from assistant import __version__
from assistant.article import DEFAULT_TITLE, article_info
from assistant.errors import DockerQAError, IndexCorrupt
from assistant.settings import Settings

from .deps import bearer_scheme, require_api_key
from .errors import install_error_handlers
from .middleware import CORS, MAX_BODY_BYTES, RequestGate, SecurityHeaders
from .metrics import ServiceMetrics, forget_worker, instrument

log = logging.getLogger("docker_qa.http")

DESCRIPTION = """\
Answers questions about the article "$title",
with citations of the article's sections and Docker snippets.

Every error has the body `{"error": {"code": "...", "message": "..."}}`. When the server has API keys,
`/v1/*` needs `Authorization: Bearer KEY`; `/healthz`, `/readyz` and `/metrics` stay open.
"""


def describe(title: str) -> str:
    """The OpenAPI description naming the article."""
    return DESCRIPTION.replace("$title", title)


def create_app(settings: Settings | None = None, assistant=None) -> FastAPI:
    """The HTTP API; loads `Assistant.load(settings)` at start-up unless an assistant is given."""
    from prometheus_client import CollectorRegistry

    from .routers import ask, feedback, health, page, search, sections, snippets

    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from assistant.reload import IndexReloader, install_sighup

        reloader = IndexReloader(
            settings, app.state.assistant, on_swap=lambda new: _serve(app, new), on_refused=app.state.metrics.record_refused_reload
        )
        app.state.reloader = reloader
        if app.state.assistant is None:
            await _load_assistant(app)
        app.state.metrics.record_index(app.state.assistant)
        if app.state.assistant is not None:
            app.description = describe(article_info(app.state.assistant).title)  # before /openapi.json is built
        reloader.start()
        restore_sighup = install_sighup(reloader)
        try:
            yield
        finally:
            restore_sighup()
            reloader.stop(timeout=5)  # a load still running is abandoned (a daemon thread): the old index served to the end
            forget_worker()

    app = FastAPI(
        title="docker-qa",
        version=__version__,
        description=describe(DEFAULT_TITLE),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.assistant = assistant
    app.state.load_error = None
    app.state.reloader = None
    app.state.metrics = ServiceMetrics(CollectorRegistry(auto_describe=True))

    install_error_handlers(app)
    app.add_middleware(RequestGate, max_bytes=MAX_BODY_BYTES, api_keys=settings.api_keys)
    if settings.cors_origins:
        app.add_middleware(
            CORS,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    instrument(app, app.state.metrics)
    app.add_middleware(SecurityHeaders)  # outermost: every response, errors from any layer included

    keyed = [Depends(require_api_key)]
    if settings.api_keys:
        keyed.append(Security(bearer_scheme))
    app.include_router(health.router)
    app.include_router(ask.router, dependencies=keyed)
    app.include_router(search.router, dependencies=keyed)
    app.include_router(sections.router, dependencies=keyed)
    app.include_router(snippets.router, dependencies=keyed)
    app.include_router(feedback.router, dependencies=keyed)
    app.include_router(page.router)  # the web chat page at "/" (open: the API calls it makes are keyed)

    # --- Slack: POST /slack/events, only when a bot token and a signing secret are configured.
    if settings.slack_bot_token and settings.slack_signing_secret:
        _mount_slack(app, settings, assistant)
    return app


async def _load_assistant(app: FastAPI) -> None:
    """Load the index and embedder once; on failure keep serving so /readyz and /v1/* can say why (503)."""
    from anyio import to_thread

    try:
        app.state.assistant = await to_thread.run_sync(app.state.reloader.load_initial)
    except DockerQAError as exc:
        app.state.load_error = exc
        log.error("the assistant did not load: %s", exc)
    except Exception as exc:  # start-up must not crash: /healthz stays up and /readyz says why (503)
        log.exception("the assistant did not load")
        app.state.load_error = IndexCorrupt(
            f"the assistant did not load ({exc.__class__.__name__}); the server log has the details"
        )


def _serve(app: FastAPI, assistant) -> None:
    """Put a newly loaded assistant in service: the next request (HTTP or Slack) gets it."""
    app.state.assistant = assistant  # one reference assignment; requests in flight keep the one they started with
    app.state.load_error = None
    app.state.metrics.record_index(assistant)
    app.state.metrics.record_reload()


def _mount_slack(app: FastAPI, settings: Settings, assistant) -> None:
    """Mount the Slack Events API endpoint through integrations.slack.http, when that module is installed."""
    try:
        from integrations.slack.http import mount
    except ModuleNotFoundError as exc:
        if exc.name not in ("integrations.slack", "integrations.slack.http"):
            raise
        log.warning("Slack tokens are set but integrations.slack.http is missing; /slack/events is not served")
        return
    # With `assistant` None, the Slack handler reads app.state.assistant once the lifespan has loaded it.
    mount(app, settings, assistant)
