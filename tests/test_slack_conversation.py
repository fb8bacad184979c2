"""Follow-ups in Slack threads: signed requests into the real Bolt app, the thread read back from the fake Slack API."""

import json
from urllib.parse import urlencode

from fake_slack import BOT_USER_ID, TEAM_ID
from integrations.slack import render
from test_slack import assistant, direct_message, fake_slack, mention, posted_text, slack  # noqa: F401  (fixtures)

ROOT_TS = "1700000100.000100"


def answer_in_thread(slack, text, ts, thread_ts=ROOT_TS, channel="C0GENERAL"):
    before = len(slack.fake.calls_to("chat.postMessage"))
    event = mention(text, ts=ts, channel=channel) if thread_ts is None else mention(text, ts=ts, channel=channel, thread_ts=thread_ts)
    assert slack.event(event).status_code == 200
    calls = slack.fake.calls_to("chat.postMessage")
    assert len(calls) == before + 1
    return calls[-1]


def test_a_thread_carries_follow_ups_switches_topic_and_refuses_off_topic(slack):
    first = answer_in_thread(slack, "Do containers share the host OS kernel?", ROOT_TS, thread_ts=None)
    assert first.args["thread_ts"] == ROOT_TS
    assert "*Yes*" in posted_text(first) and "Read as" not in posted_text(first)

    follow_up = answer_in_thread(slack, "what about the file system?", "1700000101.000100")
    [replies] = slack.fake.calls_to("conversations.replies")[-1:]
    assert replies.args["channel"] == "C0GENERAL" and replies.args["ts"] == ROOT_TS
    text = posted_text(follow_up)
    assert "_Read as:_ Do containers share the host OS file system?" in text or "_Read as:_" in text
    assert "file system" in text.split("_Read as:_", 1)[1].split("\n", 1)[0]
    assert "*No*" in text

    switch = answer_in_thread(slack, "How do I make Docker images smaller?", "1700000102.000100")
    assert "Read as" not in posted_text(switch) and "alpine" in posted_text(switch)

    off_topic = answer_in_thread(slack, "what about pizza?", "1700000103.000100")
    text = posted_text(off_topic)
    assert "Read as" not in text and "couldn't find that in the article" in text
    # the covered topics are buttons that ask about them
    [topics] = [b for b in off_topic.args["blocks"] if b.get("block_id") == render.SUGGESTIONS_BLOCK_ID]
    assert topics["elements"][2]["value"] == "What does the article say about Security Issues and Solutions?"


def test_a_mention_outside_a_thread_is_answered_on_its_own(slack):
    answer = answer_in_thread(slack, "what about the file system?", "1700000200.000100", thread_ts=None)
    assert "Read as" not in posted_text(answer)
    assert slack.fake.calls_to("conversations.replies") == []


def test_a_korean_thread_in_a_direct_message(slack):
    slack.event(direct_message("컨테이너끼리 커널을 공유하나요?", ts="1700000300.000300"))
    [first] = slack.fake.calls_to("chat.postMessage")
    # in a DM the bot answers at the top level; a reply in a thread under its answer is a follow-up
    slack.fake.messages.append({"type": "message", "user": "U0ASKER", "text": "CPU는요?", "channel": "D0DIRECT",
                                "ts": "1700000301.000300", "thread_ts": first.response["ts"]})
    slack.event(direct_message("CPU는요?", ts="1700000301.000300", thread_ts=first.response["ts"]))
    follow_up = slack.fake.calls_to("chat.postMessage")[-1]
    assert follow_up.args["thread_ts"] == first.response["ts"]
    assert "_이렇게 이해했습니다:_ 컨테이너끼리 CPU를 공유하나요?" in posted_text(follow_up)


def test_a_suggestion_button_asks_in_the_thread_with_its_history(slack):
    first = answer_in_thread(slack, "Is the PID space shared?", ROOT_TS, thread_ts=None)
    [block] = [b for b in first.args["blocks"] if b.get("block_id") == render.SUGGESTIONS_BLOCK_ID]
    button = block["elements"][0]
    assert button["action_id"] == "ask_suggestion_0" and button["value"] in assistant_suggestions(first)
    message = {**first.response["message"], "thread_ts": ROOT_TS}
    payload = {
        "type": "block_actions", "team": {"id": TEAM_ID}, "user": {"id": "U0CLICKER"}, "api_app_id": "A0APP",
        "token": "legacy", "trigger_id": "1.2.3", "response_url": slack.fake.response_url("suggestion"),
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": "C0GENERAL", "is_ephemeral": False},
        "channel": {"id": "C0GENERAL"}, "message": message,
        "actions": [{"type": "button", "action_id": button["action_id"], "block_id": render.SUGGESTIONS_BLOCK_ID,
                     "value": button["value"], "action_ts": "1700000001.000001"}],
    }
    slack.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")
    answer = slack.fake.calls_to("chat.postMessage")[-1]
    assert answer.args["thread_ts"] == ROOT_TS
    text = posted_text(answer)
    assert "<@U0CLICKER>" in text and "_Read as:_" in text
    assert "couldn't find" not in text


def assistant_suggestions(call):
    return [e["text"]["text"] for b in call.args["blocks"] if b.get("block_id") == render.SUGGESTIONS_BLOCK_ID for e in b["elements"]]


def test_a_thread_that_cannot_be_read_is_answered_without_history(slack):
    answer_in_thread(slack, "Do containers share the host OS kernel?", ROOT_TS, thread_ts=None)
    slack.fake.failures["conversations.replies"] = "missing_scope"
    follow_up = answer_in_thread(slack, "what about the file system?", "1700000101.000100")
    assert "Read as" not in posted_text(follow_up)


def test_turns_are_read_back_from_the_bots_messages(assistant):
    answer = assistant.ask("what about CPU?", history=[{"question": "Do containers share the kernel?"}])
    message = render.answer_message(answer)
    turn = render.turn_from_message({"user": BOT_USER_ID, **message})
    assert turn["question"] == "what about CPU?"
    assert turn["answer"].standalone_question == answer.standalone_question
    assert turn["answer"].citations[0].section == answer.citations[0].section
    assert render.turn_from_message({"text": "hello", "blocks": [{"type": "section"}]}) is None
