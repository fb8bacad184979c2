"""Bolt listeners: take the question out of a Slack payload, ask the core, post the rendered answer."""

import logging
import re
from collections.abc import Callable

from assistant import feedback
from assistant.article import article_info
from assistant.conversation import MAX_HISTORY
from assistant.errors import DockerQAError
from assistant.labels import labels
from assistant.question import question_language

from . import render
from .dedupe import RecentKeys, message_keys, wants_answer
from .delivery import Deliveries, DeliveryFailed, post_to_response_url

COMMAND = "/ask"
_LEADING_MENTIONS = re.compile(r"^\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+")

log = logging.getLogger(__name__)


def question_from(text: str, bot_user_id: str | None = None) -> str:
    """The question in a message: mentions of the bot removed, Slack's escaping undone, spaces trimmed."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = _LEADING_MENTIONS.sub("", text)
    return render.unescape(text).strip()


def reply(get_assistant: Callable, question: str, asker: str | None = None, history: list[dict] | None = None) -> dict:
    """The message (`text` + `blocks`) answering `question` after the thread's earlier turns (`history`); the one
    place core errors become Slack text."""
    try:
        assistant = get_assistant()
        answer = assistant.ask(question, history=history) if history else assistant.ask(question)
        topics = assistant.topics(answer.language) if answer.refused else None
        asks = assistant.topic_questions(answer.language) if answer.refused and hasattr(assistant, "topic_questions") else None
    except DockerQAError as error:
        return render.error_message(str(error))
    except Exception:
        log.exception("answering a Slack question failed")
        return render.error_message("Something went wrong while answering; please try again later.")
    return render.answer_message(answer, topics=topics, asker=asker, article=article_info(assistant), topic_questions=asks)


def thread_history(client, channel: str, thread_ts: str | None, before_ts: str | None, bot_user_id: str | None,
                   bot_id: str | None = None) -> list[dict]:
    """The earlier turns of a thread, oldest first: the bot's answers in it (read with conversations.replies, the
    question and cited sections from their buttons), the last MAX_HISTORY of them. Empty outside a thread or when
    Slack cannot be read (the question is then answered on its own)."""
    from slack_sdk.errors import SlackApiError

    if not thread_ts or not channel:
        return []
    try:
        response = client.conversations_replies(channel=channel, ts=thread_ts, limit=200)
    except (SlackApiError, OSError) as error:
        log.warning("could not read thread %s in %s, answering without its history: %s", thread_ts, channel, error)
        return []
    turns = []
    for message in response.get("messages") or []:
        if not isinstance(message, dict):
            continue
        mine = (bot_user_id and message.get("user") == bot_user_id) or (bot_id and message.get("bot_id") == bot_id)
        if not mine or (before_ts and _ts(message.get("ts")) >= _ts(before_ts)):
            continue
        turn = render.turn_from_message(message)
        if turn:
            turns.append(turn)
    return turns[-MAX_HISTORY:]


def _ts(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def usage(get_assistant: Callable) -> dict:
    """The usage help, listing the article's topics when the assistant is loaded."""
    try:
        assistant = get_assistant()
        return render.usage_message(assistant.topics(), article_info(assistant))
    except DockerQAError:
        return render.usage_message()


def register_middleware(app, recent: RecentKeys) -> None:
    """Answer each user message once: drop bots, edits, other subtypes and repeated deliveries before any listener."""

    @app.middleware
    def answer_each_message_once(body, context, next, logger):
        event = body.get("event") if body.get("type") == "event_callback" else None
        if not event or event.get("type") not in {"app_mention", "message"}:
            return next()
        if not wants_answer(event, context.bot_user_id):
            return context.ack()
        # The message is remembered before it is answered, so a retry that arrives while the
        # first delivery is still being answered is dropped too.
        if not recent.first_time(*message_keys(body)):
            logger.info("skipping repeated delivery of %s", body.get("event_id"))
            return context.ack()
        return next()


def register_events(app, get_assistant: Callable, deliveries: Deliveries) -> None:
    """Mentions in channels (answered in the thread) and direct messages (answered in the DM), after the ack."""

    @app.event("app_mention")
    def answer_mention(event, context, client):
        channel, thread_ts = event["channel"], event.get("thread_ts") or event["ts"]
        question = question_from(event.get("text", ""), context.bot_user_id)

        def post():
            if not question:
                client.chat_postEphemeral(channel=channel, user=event["user"], thread_ts=thread_ts, **usage(get_assistant))
                return
            # A mention inside a thread is a follow-up: the bot's earlier answers there are its history.
            history = thread_history(client, channel, event.get("thread_ts"), event["ts"], context.bot_user_id,
                                     context.bot_id)
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                                    **reply(get_assistant, question, event.get("user"), history))

        deliveries.submit(f"the answer to a mention in {channel}", post)

    @app.event("message")
    def answer_direct_message(event, context, client):
        if event.get("channel_type") != "im":
            return
        channel = event["channel"]
        question = question_from(event.get("text", ""), context.bot_user_id)

        def post():
            history = thread_history(client, channel, event.get("thread_ts"), event["ts"], context.bot_user_id,
                                     context.bot_id) if question else []
            message = reply(get_assistant, question, history=history) if question else usage(get_assistant)
            client.chat_postMessage(channel=channel, thread_ts=event.get("thread_ts"), unfurl_links=False,
                                    unfurl_media=False, **message)

        deliveries.submit(f"the answer to a direct message in {channel}", post)


def register_commands(app, get_assistant: Callable, deliveries: Deliveries) -> None:
    """`/ask QUESTION`: acknowledged at once, answered in the channel afterwards; `/ask` alone shows help."""

    @app.command(COMMAND)
    def ask(ack, command):
        question = question_from(command.get("text", ""))
        if not question:
            ack(response_type="ephemeral", **usage(get_assistant))
            return
        ack()
        response_url = command.get("response_url")
        if not response_url:
            log.error("an /ask command came without a response_url; it cannot be answered")
            return

        def post():
            message = reply(get_assistant, question, command.get("user_id"))
            post_to_response_url(response_url, {"response_type": "in_channel", "unfurl_links": False,
                                                "unfurl_media": False, **message})

        deliveries.submit(f"the answer to /ask in {command.get('channel_id', '?')}", post)


def register_actions(app, settings, deliveries: Deliveries, get_assistant: Callable | None = None) -> None:
    """Feedback buttons: store the vote and thank the voter in the message, keeping the buttons for others.
    Suggestion buttons: ask their question in the message's thread, after the thread's earlier turns."""

    @app.action(re.compile(f"^{render.SUGGESTION_ACTION}_[0-9]+$"))
    def ask_suggestion(ack, body, action, client, context):
        ack()
        question = question_from(action.get("value") or "") if isinstance(action.get("value"), str) else ""
        container = body.get("container") or {}
        message = body.get("message") or {}
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id", "")
        thread_ts = message.get("thread_ts") or container.get("message_ts") or message.get("ts")
        user_id = (body.get("user") or {}).get("id")
        if not question or not channel or get_assistant is None:
            return

        def post():
            history = thread_history(client, channel, thread_ts, None, context.bot_user_id, context.bot_id)
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                                    **reply(get_assistant, question, user_id, history))

        deliveries.submit(f"the answer to a suggested question in {channel}", post)

    @app.action(re.compile(f"^({render.HELPFUL_ACTION}|{render.NOT_HELPFUL_ACTION})$"))
    def record_feedback(ack, body, action, client):
        ack()
        deliveries.submit("a feedback thank-you", lambda: _store_vote_and_thank(settings, body, action, client))


def _store_vote_and_thank(settings, body, action, client) -> None:
    from slack_sdk.errors import SlackApiError

    response_url = body.get("response_url")

    def respond(**message):
        if not response_url:
            raise DeliveryFailed("the button click came without a response_url")
        post_to_response_url(response_url, message)

    question, sections = render.parse_feedback_value(action.get("value", ""))
    container = body.get("container") or {}
    message = body.get("message") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id", "")
    message_ts = container.get("message_ts") or message.get("ts", "")
    user_id = (body.get("user") or {}).get("id", "")
    words = labels(question_language(question))
    vote = feedback.Vote(channel, message_ts, user_id, question, sections[0] if sections else None,
                         helpful=action["action_id"] == render.HELPFUL_ACTION, surface="slack",
                         answer=render.unescape(message.get("text") or ""), sections=sections)
    try:
        helpful, not_helpful = feedback.record_vote(settings, vote)
    except DockerQAError as error:
        # The click is acknowledged either way; the voter learns that this vote was not kept.
        log.error("a feedback vote was not stored: %s", error)
        respond(response_type="ephemeral", replace_original=False,
                text=words["vote_not_saved"])
        return
    blocks = render.thanked_blocks(message.get("blocks", []), user_id, helpful, not_helpful, question_language(question))
    text = message.get("text") or f"{words['thanks']}!"
    try:
        client.chat_update(channel=channel, ts=message_ts, text=text, blocks=blocks)
    except SlackApiError:
        # Answers to /ask are posted through the command's response_url, which the bot may
        # not be allowed to edit with chat.update; the action's response_url always can.
        respond(replace_original=True, text=text, blocks=blocks)


def register(app, settings, get_assistant: Callable, recent: RecentKeys, deliveries: Deliveries) -> None:
    """Register every listener kind on a Bolt app."""
    register_middleware(app, recent)
    register_events(app, get_assistant, deliveries)
    register_commands(app, get_assistant, deliveries)
    register_actions(app, settings, deliveries, get_assistant)
