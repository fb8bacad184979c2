"""Which Slack events deserve an answer: each user message once, never a bot's or an edited one."""

import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any


class RecentKeys:
    """A bounded, thread-safe memory of recently seen keys (oldest forgotten first)."""

    def __init__(self, max_entries: int = 10_000):
        self._max_entries = max_entries
        self._keys: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, *keys: str) -> bool:
        """Remember all `keys`; True unless any of them was seen before."""
        keys = tuple(key for key in keys if key)
        with self._lock:
            seen = any(key in self._keys for key in keys)
            for key in keys:
                self._keys[key] = None
                self._keys.move_to_end(key)
            while len(self._keys) > self._max_entries:
                self._keys.popitem(last=False)
        return not seen

    def __len__(self) -> int:
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
