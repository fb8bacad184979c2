"""The Slack bot: a Bolt app answering mentions, direct messages and /ask, run over Socket Mode or HTTP."""

from collections.abc import Callable

from assistant.errors import ConfigError

__all__ = ["create_bolt_app", "run_socket_mode", "socket_mode_app"]


def require(value: str | None, variable: str, what: str) -> str:
    """`value`, or ConfigError naming the environment variable that should hold it."""
    if not value or not value.strip():
        raise ConfigError(f"{variable} is not set; {what}")
    return value.strip()


def bot_token(token: str | None) -> str:
    """The bot token, or ConfigError naming SLACK_BOT_TOKEN."""
    return require(token, "SLACK_BOT_TOKEN",
                   "copy the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page")


def _assistant_provider(assistant) -> Callable:
    if assistant is not None and hasattr(assistant, "ask"):
        return lambda: assistant
    if callable(assistant):
        return assistant
    raise TypeError("assistant must be an Assistant or a function returning one")


def create_bolt_app(settings, assistant, client=None, deliveries=None):
    """A Bolt app answering with `assistant` (an Assistant, or a function returning the loaded one)."""
    from slack_bolt import App
    from slack_sdk import WebClient

    from . import listeners
    from .dedupe import RecentKeys
    from .delivery import Deliveries, retry_handlers

    if client is None:
        # settings.slack_api_url: Slack, GovSlack (https://slack-gov.com/api/) or a local test server.
        base_url = settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"
        client = WebClient(token=bot_token(settings.slack_bot_token), base_url=base_url, timeout=15,
                           retry_handlers=retry_handlers())
    else:
        bot_token(client.token)
    app = App(
        name="docker-qa",
        client=client,
        # An empty secret is only good for Socket Mode, where Bolt skips request verification;
        # `integrations.slack.http.mount` refuses to serve HTTP without one.
        signing_secret=settings.slack_signing_secret or "",
        # auth.test runs on the first request instead of here, so building the app needs no network.
        token_verification_enabled=False,
        # Listeners only decide and acknowledge; answering and posting are handed to `deliveries`, which run
        # after the response has gone back to Slack, retry refused posts and log what fails for good.
        process_before_response=True,
    )
    app.deliveries = deliveries or Deliveries()
    listeners.register(app, settings, _assistant_provider(assistant), RecentKeys(), app.deliveries)
    return app


def socket_mode_app(settings, client=None):
    """The Bolt app of Socket Mode and the reloader holding the assistant it answers with (loaded here)."""
    from assistant.reload import IndexReloader

    reloader = IndexReloader(settings)
    reloader.load_initial()
    return create_bolt_app(settings, lambda: reloader.assistant, client=client), reloader


def run_socket_mode(settings) -> None:
    """Connect to Slack over Socket Mode (no public URL needed) and answer until interrupted, reloading rebuilt indexes."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from assistant.reload import install_sighup

    bot_token(settings.slack_bot_token)
    app_token = require(settings.slack_app_token, "SLACK_APP_TOKEN",
                        "create an app-level token (xapp-...) with the connections:write scope under Basic Information")
    app, reloader = socket_mode_app(settings)
    reloader.start()
    restore_sighup = install_sighup(reloader)
    try:
        SocketModeHandler(app, app_token).start()
    finally:
        restore_sighup()
        reloader.stop()
