"""Which Slack events deserve an answer: each user message once, never a bot's or an edited one."""

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from cachetools import TTLCache

# Slack retries a delivery after about 1 and 5 minutes; an hour covers every retry with room to spare.
REMEMBER_SECONDS = 3600


class RecentKeys:
    """A bounded, thread-safe memory of recently seen keys (cachetools.TTLCache: the least recently seen key is
    forgotten first when full, and every key after `ttl_seconds`)."""

    def __init__(self, max_entries: int = 10_000, ttl_seconds: float = REMEMBER_SECONDS, timer: Callable[[], float] = time.monotonic):
        self._keys: TTLCache[str, None] = TTLCache(maxsize=max_entries, ttl=ttl_seconds, timer=timer)
        self._lock = threading.Lock()

    def first_time(self, *keys: str) -> bool:
        """Remember all `keys`; True unless any of them was seen before."""
        keys = tuple(key for key in keys if key)
        with self._lock:
            seen = any(key in self._keys for key in keys)
            for key in keys:
                self._keys[key] = None
        return not seen

    def __len__(self) -> int:
        with self._lock:
            self._keys.expire()
            return len(self._keys)


def message_keys(body: Mapping[str, Any]) -> tuple[str, ...]:
    """Keys naming the user message behind an event callback: its event id and its channel+ts."""
    # A retried delivery repeats the event id; the same message delivered as both `app_mention`
    # and `message` has two event ids but one channel+ts.
    event = body.get("event") or {}
    keys = []
    if body.get("event_id"):
        keys.append(f"event:{body['event_id']}")
    if event.get("channel") and event.get("ts"):
        keys.append(f"message:{event['channel']}:{event['ts']}")
    return tuple(keys)


def wants_answer(event: Mapping[str, Any], bot_user_id: str | None = None) -> bool:
    """True for a message a person typed to the bot: a mention, or a direct message."""
    # Never a bot's message (this app's own included), an edit, a deletion, a join notice or any
    # other message subtype, nor a channel message without a mention.
    if event.get("subtype") or event.get("bot_id") or event.get("bot_profile"):
        return False
    user = event.get("user")
    if not user or (bot_user_id and user == bot_user_id):
        return False
    if event.get("type") == "message":
        return event.get("channel_type") == "im"
    return event.get("type") == "app_mention"
