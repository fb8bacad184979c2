"""Posting to Slack after the request is acknowledged: on threads of the bot's own, retried, and logged when it fails."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)

POST_THREADS = 8  # Web API calls in flight at once; a slow Slack API holds these threads, never the HTTP API's


def retry_handlers() -> list:
    """slack_sdk's retry policy for every Web API and response_url call: 429 after its Retry-After, 500/503 and
    connection errors with exponential backoff."""
    from slack_sdk.http_retry.builtin_handlers import (
        ConnectionErrorRetryHandler,
        RateLimitErrorRetryHandler,
        ServerErrorRetryHandler,
    )

    return [
        RateLimitErrorRetryHandler(max_retry_count=4),
        ServerErrorRetryHandler(max_retry_count=4),
        ConnectionErrorRetryHandler(max_retry_count=3),
    ]


class DeliveryFailed(Exception):
    """A post to Slack that was refused for good (after retries): the message says why."""


def post_to_response_url(url: str, message: dict) -> None:
    """Send a reply to a slash command's or a button's response_url, with retries; DeliveryFailed when refused."""
    from slack_sdk.webhook import WebhookClient

    response = WebhookClient(url, timeout=15, retry_handlers=retry_handlers()).send_dict(message)
    if response.status_code != 200:
        raise DeliveryFailed(f"the response_url answered {response.status_code}: {(response.body or '')[:200]}")


class Deliveries:
    """Jobs that talk to Slack, run after the acknowledgement on a thread pool of their own."""

    def __init__(self, threads: int = POST_THREADS):
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="slack-post")
        self._pending = 0
        self._idle = threading.Condition()

    def submit(self, what: str, job: Callable[[], None]) -> None:
        """Run `job` (which posts `what`, e.g. "the answer to a mention in C123") soon; log the reason if it fails."""
        with self._idle:
            self._pending += 1
        self._pool.submit(self._run, what, job)

    def _run(self, what: str, job: Callable[[], None]) -> None:
        from slack_sdk.errors import SlackApiError

        try:
            job()
        except SlackApiError as exc:
            response = exc.response
            reason = response.get("error") if hasattr(response, "get") else None
            log.error("posting %s to Slack failed: %s (HTTP %s)", what, reason or "no reason given",
                      getattr(response, "status_code", "?"))
        except DeliveryFailed as exc:
            log.error("posting %s to Slack failed: %s", what, exc)
        except Exception:
            log.exception("posting %s to Slack failed", what)
        finally:
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Block until every submitted job has finished (or `timeout` seconds passed); True when idle."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def shutdown(self) -> None:
        """Finish the jobs already submitted, then stop the threads."""
        self._pool.shutdown(wait=True)
