"""The shapes of the Slack requests the bot acts on, checked before Bolt sees them: a malformed one is a 400."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from pydantic import BaseModel, ConfigDict, ValidationError


class _Loose(BaseModel):
    # Slack adds fields over time: only the types of the fields the listeners read are checked.
    model_config = ConfigDict(extra="allow", strict=True)


class MessageEvent(_Loose):
    """An `app_mention` or `message` event, as far as the listeners read it."""

    type: str
    user: str | None = None
    text: str | None = None
    ts: str | None = None
    thread_ts: str | None = None
    channel: str | None = None
    channel_type: str | None = None
    subtype: str | None = None
    bot_id: str | None = None


class EventCallback(_Loose):
    type: str
    event_id: str | None = None
    event: dict[str, Any]


class Action(_Loose):
    action_id: str
    value: str | None = None


class BlockActions(_Loose):
    type: str
    actions: list[Action]
    user: dict[str, Any]
    container: dict[str, Any] | None = None
    channel: dict[str, Any] | None = None
    message: dict[str, Any] | None = None
    response_url: str | None = None


class PostedMessage(_Loose):
    ts: str | None = None
    text: str | None = None
    blocks: list[dict[str, Any]] | None = None


class SlashCommand(_Loose):
    command: str
    text: str = ""
    user_id: str
    response_url: str | None = None


INTERACTIVE = {"block_actions", "view_submission", "view_closed", "shortcut", "message_action", "block_suggestion"}


class Malformed(ValueError):
    """A signed Slack request whose body is not the shape the bot acts on; the message says what is wrong."""


def parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    """The request body as Bolt will see it (a form, a form's `payload` JSON, or JSON), or Malformed."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("the body is not UTF-8") from None
    if content_type.split(";", 1)[0].strip().lower() == "application/x-www-form-urlencoded":
        form = dict(parse_qsl(text, keep_blank_values=True))
        if "payload" not in form:
            return form
        text = form["payload"]
    try:
        body = json.loads(text) if text else {}
    except ValueError:
        raise Malformed("the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise Malformed("the body is not a JSON object")
    return body


def check(body: dict[str, Any]) -> None:
    """Raise Malformed when a request the bot would act on has fields of the wrong type or missing."""
    try:
        kind = body.get("type")
        if kind == "event_callback":
            envelope = EventCallback.model_validate(body)
            if not isinstance(envelope.event.get("type"), str):
                raise Malformed("event.type is missing or not a string")
            if envelope.event["type"] in {"app_mention", "message"}:
                event = MessageEvent.model_validate(envelope.event)
                if not event.subtype and event.user and (not event.ts or not event.channel):
                    raise Malformed(f"the {event.type} event has no ts or channel")
        elif kind == "block_actions":
            actions = BlockActions.model_validate(body)
            if not actions.actions:
                raise Malformed("the block_actions payload has no actions")
            if not isinstance(actions.user.get("id", ""), str):
                raise Malformed("user.id is not a string")
            if actions.message is not None:
                PostedMessage.model_validate(actions.message)
        elif "command" in body:
            command = SlashCommand.model_validate(body)
            if command.response_url is not None and urlsplit(command.response_url).scheme not in {"http", "https"}:
                raise Malformed("the command's response_url is not an http(s) URL")
        elif kind is not None and not isinstance(kind, str):
            raise Malformed("type is not a string")
        # Bolt itself reads these as objects (to find the team, the user and the channel) before any listener runs.
        objects = ("view", "container", "message") + (("user", "team", "channel") if kind in INTERACTIVE else ())
        for key in objects:
            if key in body and body[key] is not None and not isinstance(body[key], dict):
                raise Malformed(f"{key} is not an object")
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "body"
        raise Malformed(f"{where}: {error['msg']}") from None
