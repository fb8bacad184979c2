"""The Slack bot end to end: signed requests into the real Bolt app over HTTP, replies checked at a fake Slack API."""

import hashlib
import hmac
import itertools
import json
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.core import Assistant
from assistant.errors import ConfigError
from assistant.settings import Settings
from fake_slack import BOT_ID, BOT_USER_ID, TEAM_ID, FakeSlack
from integrations.slack import create_bolt_app, run_socket_mode
from integrations.slack import render
from integrations.slack.dedupe import RecentKeys
from assistant.feedback import NO_CITATION, ReportRow, Vote, record_vote, report_rows, voted_down
from integrations.slack.http import mount
from integrations.slack.listeners import question_from

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
QUESTION = "does split compose share the kernel?"
EXPECTED_SECTIONS = ("실행 방식 2: Compose 파일을 2개로 나눠서 실행", "커널 공유 여부 정리 표")
EXPECTED_SNIPPET = "docker-compose -f docker-compose.weather.yml up -d"
# The usage help offers the article's first heading phrased as a question, read from the loaded index.
EXAMPLE_FROM_INDEX = "Docker 컨테이너는 무엇을 공유하고 무엇을 격리할까?"
MANIFEST = Path(__file__).resolve().parents[1] / "integrations" / "slack" / "manifest.yml"

_ids = itertools.count(1)


@pytest.fixture(scope="session")
def assistant():
    return Assistant.load(Settings(_env_file=None))


@pytest.fixture(scope="session")
def fake_slack():
    server = FakeSlack().start()
    yield server
    server.stop()


def slack_settings(tmp_path, fake_slack, **overrides) -> Settings:
    values = dict(
        _env_file=None,
        data_dir=tmp_path / "data",
        SLACK_BOT_TOKEN="xoxb-test-token",
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_APP_TOKEN=None,
        SLACK_API_URL=fake_slack.api_url,
    )
    values.update(overrides)
    return Settings(**values)


def sign(body: str, timestamp: int, secret: str = SIGNING_SECRET) -> str:
    """Slack's v0 request signature: HMAC-SHA256 over "v0:TIMESTAMP:BODY"."""
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return f"v0={digest}"


def event_callback(event: dict, event_id: str | None = None) -> dict:
    """An Events API envelope around `event`, as Slack sends it."""
    return {
        "token": "legacy", "team_id": TEAM_ID, "api_app_id": "A0APP", "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):08d}", "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }


class SlackDriver:
    """Sends correctly signed Slack requests to POST /slack/events of a FastAPI app."""

    def __init__(self, client: TestClient, fake: FakeSlack, settings: Settings):
        self.client = client
        self.fake = fake
        self.settings = settings

    def post(self, body: str, content_type: str, timestamp: int | None = None, signature: str | None = None,
             headers: dict | None = None):
        timestamp = int(time.time()) if timestamp is None else timestamp
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": signature or sign(body, timestamp),
            **(headers or {}),
        }
        response = self.client.post("/slack/events", content=body.encode(), headers=all_headers)
        # Replies are posted after the acknowledgement, on the bot's own threads: wait until they are done.
        assert self.client.app.state.slack_deliveries.wait_idle(timeout=60)
        return response

    def event(self, event: dict, event_id: str | None = None, **kwargs):
        return self.post(json.dumps(event_callback(event, event_id)), "application/json", **kwargs)

    def command(self, text: str, response_url: str, user_id: str = "U0ASKER"):
        body = urlencode({
            "token": "legacy", "team_id": TEAM_ID, "channel_id": "C0GENERAL", "channel_name": "general",
            "user_id": user_id, "user_name": "asker", "command": "/ask", "text": text,
            "response_url": response_url, "trigger_id": "1.2.3", "api_app_id": "A0APP",
        })
        return self.post(body, "application/x-www-form-urlencoded")

    def click(self, posted, action_id: str, user_id: str, response_url: str):
        """A block_actions payload for a click on a button of a message posted through chat.postMessage."""
        message = posted.response["message"]
        button = next(e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]
                      if e["action_id"] == action_id)
        payload = {
            "type": "block_actions", "team": {"id": TEAM_ID}, "user": {"id": user_id}, "api_app_id": "A0APP",
            "token": "legacy", "trigger_id": "1.2.3", "response_url": response_url,
            "container": {"type": "message", "message_ts": message["ts"], "channel_id": posted.args["channel"],
                          "is_ephemeral": False},
            "channel": {"id": posted.args["channel"]}, "message": message,
            "actions": [{"type": "button", "action_id": action_id, "block_id": "feedback",
                         "value": button["value"], "action_ts": "1700000001.000001"}],
        }
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


@pytest.fixture
def slack(tmp_path, fake_slack, assistant):
    fake_slack.reset()
    settings = slack_settings(tmp_path, fake_slack)
    api = FastAPI()
    mount(api, settings, assistant)
    with TestClient(api) as client:
        yield SlackDriver(client, fake_slack, settings)


def mention(text: str, ts: str = "1700000100.000100", channel: str = "C0GENERAL", **extra) -> dict:
    return {"type": "app_mention", "user": "U0ASKER", "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
            "channel": channel, "event_ts": ts, **extra}


def direct_message(text: str, ts: str = "1700000200.000200", **extra) -> dict:
    return {"type": "message", "channel_type": "im", "user": "U0ASKER", "text": text, "ts": ts,
            "channel": "D0DIRECT", "event_ts": ts, **extra}


def texts(blocks: list[dict]) -> list[str]:
    """Every text object in a list of blocks."""
    found = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            found.append(block["text"]["text"])
        for element in block.get("elements", []):
            if isinstance(element.get("text"), dict):
                found.append(element["text"]["text"])
            elif isinstance(element.get("text"), str):
                found.append(element["text"])
    return found


def assert_within_slack_limits(message: dict) -> None:
    assert 0 < len(message["blocks"]) <= 50
    assert all(len(text) <= 3000 for text in texts(message["blocks"]))
    assert len(message.get("text", "")) <= 3000


def posted_text(call) -> str:
    return "\n".join(texts(call.args["blocks"]))


# --- answers ---------------------------------------------------------------


def test_mention_is_answered_in_its_thread_with_verdict_citation_and_snippet(slack, assistant):
    response = slack.event(mention(QUESTION, ts="1700000100.000100"))
    expected = assistant.ask(QUESTION)

    assert response.status_code == 200
    [reply] = slack.fake.calls_to("chat.postMessage")
    assert reply.args["channel"] == "C0GENERAL"
    assert reply.args["thread_ts"] == "1700000100.000100"
    assert reply.headers["Authorization"] == "Bearer xoxb-test-token"
    assert_within_slack_limits(reply.args)
    text = posted_text(reply)
    assert ":white_check_mark: *Yes*" in text
    sources = text.split("*Sources*", 1)[1]
    assert any(section in expected.citations[0].section for section in EXPECTED_SECTIONS)
    # An English question: the section in English, the post's Korean sentence one line under the quote.
    assert render.escape(expected.citations[0].section_translated) in sources.split("\n")[1]
    assert f"_Original:_ {render.escape(expected.citations[0].quote_original)}" in sources
    assert f"```\n{EXPECTED_SNIPPET}" in text
    actions = [b for b in reply.args["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[-1]["elements"]] == ["feedback_helpful", "feedback_not_helpful"]


def test_follow_up_mention_inside_a_thread_is_answered_in_that_thread(slack):
    slack.event(mention(QUESTION, ts="1700000300.000300", thread_ts="1700000100.000100"))

    [reply] = slack.fake.calls_to("chat.postMessage")
    assert reply.args["thread_ts"] == "1700000100.000100"


def test_direct_message_is_answered_in_the_dm(slack):
    slack.event(direct_message(QUESTION))

    [reply] = slack.fake.calls_to("chat.postMessage")
    assert reply.args["channel"] == "D0DIRECT"
    assert "thread_ts" not in reply.args
    assert ":white_check_mark: *Yes*" in posted_text(reply)


def test_citations_link_to_the_article_when_a_base_url_is_set(tmp_path, fake_slack):
    fake_slack.reset()
    settings = slack_settings(tmp_path, fake_slack, base_url="https://blog.example.com/docker")
    api = FastAPI()
    mount(api, settings, Assistant.load(settings))
    with TestClient(api) as client:
        SlackDriver(client, fake_slack, settings).event(mention(QUESTION))

    [reply] = fake_slack.calls_to("chat.postMessage")
    sources = posted_text(reply).split("*Sources*", 1)[1]
    assert "<https://blog.example.com/docker#" in sources


def test_echoed_user_text_cannot_mention_everyone_or_forge_links(slack):
    slack.event(mention(f"<!channel> <https://evil.example|x> &amp; {QUESTION}"))

    [reply] = slack.fake.calls_to("chat.postMessage")
    everything = posted_text(reply) + reply.args["text"]  # all that Slack displays (button values are not)
    assert "<!channel>" not in everything
    assert "<https://evil" not in everything
    assert "&lt;!channel&gt; &lt;https://evil.example|x&gt; &amp;" in posted_text(reply)


def test_refusal_is_friendly_and_lists_the_article_topics(slack, assistant):
    slack.event(mention("what is the capital of France?"))

    [reply] = slack.fake.calls_to("chat.postMessage")
    text = posted_text(reply)
    assert "I couldn't find that in the article" in text
    for topic in assistant.topics("en"):
        assert f"• {render.escape(topic)}" in text
    assert "*Sources*" not in text


@pytest.mark.parametrize(
    "question, language",
    [("Do containers share the kernel?", "en"), ("컨테이너끼리 커널을 공유하나요?", "ko"), ("compose 파일 나누면 kernel 공유돼?", "ko")],
)
def test_every_label_follows_the_question_language(slack, assistant, question, language):
    from assistant.labels import LABELS

    words, other = LABELS[language], LABELS["en" if language == "ko" else "ko"]
    expected = assistant.ask(question)
    assert expected.language == language and not expected.refused
    slack.event(mention(question))
    [reply] = slack.fake.calls_to("chat.postMessage")
    text = posted_text(reply)
    assert f"*{words['sources']}*" in text and f"*{other['sources']}*" not in text
    if expected.verdict:
        assert f"*{words[expected.verdict]}*" in text
    buttons = [e["text"]["text"] for b in reply.args["blocks"] if b.get("block_id") == render.FEEDBACK_BLOCK_ID for e in b["elements"]]
    assert buttons == [f":+1: {words['helpful']}", f":-1: {words['not_helpful']}"]
    originals = [c.quote_original for c in expected.citations if c.quote_original]
    if language == "en":
        assert originals and all(f"_{words['original']}:_ {render.escape(o)}" in text for o in originals)
    else:
        assert not originals and f"_{other['original']}:_" not in text and f"_{words['original']}:_" not in text
    # The thank-you after a vote speaks the same language.
    slack.click(reply, "feedback_helpful", "U0ALICE", slack.fake.response_url("thanks"))
    [update] = slack.fake.calls_to("chat.update")
    assert texts(update.args["blocks"])[-1].startswith(f"{words['thanks']}, <@U0ALICE>!")


@pytest.mark.parametrize("question, language", [("What is the capital of France?", "en"), ("프랑스의 수도는 어디인가요?", "ko")])
def test_a_refusal_lists_the_topics_in_the_question_language(slack, assistant, question, language):
    from assistant.labels import LABELS

    slack.event(mention(question))
    [reply] = slack.fake.calls_to("chat.postMessage")
    text = posted_text(reply)
    lead = LABELS[language]["not_found"].split("{title}")[-1].strip()
    assert lead in text
    for topic in assistant.topics(language):
        assert f"• {render.escape(topic)}" in text


class LongAnswers:
    """The real assistant, with its answers blown up past Slack's limits (the article has no such answer)."""

    def __init__(self, assistant, copies: int):
        self._assistant = assistant
        self._copies = copies

    def ask(self, question):
        answer = self._assistant.ask(question)
        return answer.model_copy(update={
            "answer": "\n".join(f"{i}: {' '.join(answer.answer.split())}" for i in range(200)),
            "snippets": answer.snippets * self._copies,
        })

    def topics(self, language=None):
        return self._assistant.topics(language)


@pytest.mark.parametrize("copies", [1, 40])
def test_long_answers_are_split_into_blocks_within_slack_limits(tmp_path, fake_slack, assistant, copies):
    fake_slack.reset()
    settings = slack_settings(tmp_path, fake_slack)
    api = FastAPI()
    mount(api, settings, LongAnswers(assistant, copies))
    with TestClient(api) as client:
        SlackDriver(client, fake_slack, settings).event(mention(QUESTION))

    [reply] = fake_slack.calls_to("chat.postMessage")
    assert_within_slack_limits(reply.args)
    text = posted_text(reply)
    one_line = render.markdown_to_mrkdwn(" ".join(assistant.ask(QUESTION).answer.split()))
    if copies == 1:  # everything fits in 50 blocks: the whole answer is there, split at line breaks
        assert all(f"\n{i}: {one_line}\n" in f"\n{text}\n" for i in range(200))
        assert ":scissors:" not in text
    else:  # too much for one message: cut, with a pointer to the rest, and the buttons kept
        assert len(reply.args["blocks"]) <= 48
        kept = [b for b in reply.args["blocks"] if b.get("block_id") != render.SUGGESTIONS_BLOCK_ID]
        assert ":scissors: This answer was too long for Slack" in texts([kept[-2]])[0]
        assert reply.args["blocks"][-1]["type"] == "actions"


def test_render_splits_long_text_and_code_under_3000_characters(assistant):
    answer = assistant.ask(QUESTION)
    code = "\n".join(f"echo {i} && docker run --rm alpine:3.20 true" for i in range(400))
    long = answer.model_copy(update={
        "answer": "x" * 7000,
        "snippets": [answer.snippets[0].model_copy(update={"code": code})],
    })

    message = render.answer_message(long)

    assert_within_slack_limits(message)
    all_text = "".join(texts(message["blocks"]))
    assert all_text.count("x") >= 7000
    code_blocks = [t for t in texts(message["blocks"]) if "```" in t]
    assert len(code_blocks) >= 6
    assert all(t.count("```") == 2 for t in code_blocks)
    assert "echo 399 && docker run" in code_blocks[-1].replace("&amp;", "&")


# --- answering each message once ---------------------------------------------


def test_a_retried_event_is_answered_once(slack):
    event = mention(QUESTION)
    first = slack.event(event, event_id="Ev0RETRIED")
    retry = slack.event(event, event_id="Ev0RETRIED",
                        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})

    assert first.status_code == retry.status_code == 200
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


@pytest.mark.parametrize("order", ["mention first", "message first"])
def test_a_message_delivered_as_mention_and_message_is_answered_once(slack, order):
    text = f"<@{BOT_USER_ID}> {QUESTION}"
    as_mention = mention(QUESTION, ts="1700000400.000400", channel="D0DIRECT")
    as_message = direct_message(text, ts="1700000400.000400")
    events = [as_mention, as_message] if order == "mention first" else [as_message, as_mention]
    for event in events:
        assert slack.event(event).status_code == 200

    assert len(slack.fake.calls_to("chat.postMessage")) == 1


@pytest.mark.parametrize("event", [
    direct_message(QUESTION, bot_id="B0OTHER", user=None, subtype="bot_message"),
    direct_message(QUESTION, bot_id="B0OTHER"),
    direct_message(QUESTION, user=BOT_USER_ID, bot_id=BOT_ID),
    direct_message(QUESTION, user=BOT_USER_ID),
    direct_message(QUESTION, subtype="message_changed"),
    mention(QUESTION, bot_id="B0OTHER"),
    {**direct_message(QUESTION), "channel_type": "channel", "channel": "C0GENERAL"},
], ids=["bot_message", "other bot", "own bot", "own user", "edit", "mention by a bot", "channel message"])
def test_bots_own_messages_and_subtypes_are_not_answered(slack, event):
    assert slack.event(event).status_code == 200
    assert slack.fake.calls_to("chat.postMessage") == []

    slack.event(direct_message(QUESTION, ts="1700000999.000999"))  # the same app still answers people
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


def test_recent_keys_memory_is_bounded():
    recent = RecentKeys(max_entries=3)
    assert all(recent.first_time(f"k{i}") for i in range(5))
    assert len(recent) == 3
    assert not recent.first_time("k4")
    assert recent.first_time("k0")  # forgotten: the oldest keys go first


def test_recent_keys_are_forgotten_after_their_time():
    now = [0.0]
    recent = RecentKeys(max_entries=10, ttl_seconds=60, timer=lambda: now[0])
    assert recent.first_time("event:E1", "message:C1:1.0")
    now[0] = 59.0
    assert not recent.first_time("event:E2", "message:C1:1.0")  # the same message, another event id
    now[0] = 200.0
    assert len(recent) == 0
    assert recent.first_time("event:E1")


def test_question_is_taken_out_of_slack_markup():
    assert question_from(f"<@{BOT_USER_ID}> is a &lt;tag&gt; &amp; ok?", BOT_USER_ID) == "is a <tag> & ok?"
    assert question_from(f"<@{BOT_USER_ID}|docker-qa>:   ") == ""
    assert question_from(f"what about this <@{BOT_USER_ID}>", BOT_USER_ID) == "what about this"


def test_empty_mention_gets_usage_help_only_the_asker_sees(slack):
    slack.event(mention("", ts="1700000500.000500"))

    assert slack.fake.calls_to("chat.postMessage") == []
    [help_message] = slack.fake.calls_to("chat.postEphemeral")
    assert help_message.args["user"] == "U0ASKER"
    assert help_message.args["thread_ts"] == "1700000500.000500"
    assert f"/ask {EXAMPLE_FROM_INDEX}" in posted_text(help_message)


# --- request verification ------------------------------------------------------


def test_bad_signature_is_rejected_with_401(slack):
    body = json.dumps({"type": "event_callback", "event_id": "Ev0FORGED", "event": mention(QUESTION)})
    timestamp = int(time.time())

    response = slack.post(body, "application/json", timestamp=timestamp, signature=sign(body, timestamp, "wrong"))

    assert response.status_code == 401
    assert slack.fake.calls == []


def test_stale_timestamp_is_rejected_with_401(slack):
    body = json.dumps({"type": "event_callback", "event_id": "Ev0REPLAYED", "event": mention(QUESTION)})
    stale = int(time.time()) - 10 * 60

    response = slack.post(body, "application/json", timestamp=stale, signature=sign(body, stale))

    assert response.status_code == 401
    assert slack.fake.calls == []


def test_a_rejected_request_does_not_block_the_real_one(slack):
    forged = json.dumps(event_callback(mention("what is the capital of France?"), event_id="Ev0SAME"))
    assert slack.post(forged, "application/json", signature="v0=" + "0" * 64).status_code == 401

    slack.event(mention(QUESTION), event_id="Ev0SAME")

    [reply] = slack.fake.calls_to("chat.postMessage")
    assert ":white_check_mark: *Yes*" in posted_text(reply)


def test_url_verification_handshake(slack):
    body = json.dumps({"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"})

    response = slack.post(body, "application/json")

    assert response.status_code == 200
    assert "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in response.text


# --- /ask ------------------------------------------------------------------------


def test_slash_command_is_acknowledged_then_answered_in_the_channel(slack):
    hook = slack.fake.response_url("ask-1")

    response = slack.command(QUESTION, hook)

    assert response.status_code == 200
    assert response.text == ""  # a bare acknowledgement; the answer follows through response_url
    [answer] = slack.fake.wait_for("hooks/ask-1")
    assert answer.args["response_type"] == "in_channel"
    assert_within_slack_limits(answer.args)
    text = posted_text(answer)
    assert "<@U0ASKER> asked: does split compose share the kernel?" in text
    assert ":white_check_mark: *Yes*" in text
    assert EXPECTED_SNIPPET in text


def test_empty_slash_command_returns_usage_help_to_the_asker_only(slack):
    response = slack.command("   ", slack.fake.response_url("ask-empty"))

    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert f"/ask {EXAMPLE_FROM_INDEX}" in "\n".join(texts(body["blocks"]))


# --- feedback -------------------------------------------------------------------


def rows(settings):
    with sqlite3.connect(settings.feedback_path) as connection:
        return connection.execute(
            "SELECT user_id, question, section, helpful FROM feedback ORDER BY user_id").fetchall()


def test_feedback_is_stored_and_a_second_click_replaces_the_first(slack, assistant):
    slack.event(mention(QUESTION))
    [posted] = slack.fake.calls_to("chat.postMessage")
    # Votes are stored under the section's identity (the post's own heading), whatever language it was shown in.
    first_section = assistant.ask(QUESTION).citations[0].section
    hook = slack.fake.response_url("action")
    assert not slack.settings.feedback_path.exists()

    assert slack.click(posted, "feedback_helpful", "U0ALICE", hook).status_code == 200
    assert rows(slack.settings) == [("U0ALICE", QUESTION, first_section, 1)]
    [update] = slack.fake.calls_to("chat.update")
    assert update.args["channel"] == "C0GENERAL"
    assert update.args["ts"] == posted.response["ts"]
    assert "Thanks for the feedback, <@U0ALICE>! :+1: 1 · :-1: 0" in texts(update.args["blocks"])[-1]
    assert any(b["type"] == "actions" for b in update.args["blocks"])  # others can still vote

    slack.click(posted, "feedback_not_helpful", "U0ALICE", hook)
    slack.click(posted, "feedback_helpful", "U0BOB", hook)

    assert rows(slack.settings) == [("U0ALICE", QUESTION, first_section, 0), ("U0BOB", QUESTION, first_section, 1)]
    last_update = slack.fake.calls_to("chat.update")[-1]
    assert texts(last_update.args["blocks"])[-1].endswith(":+1: 1 · :-1: 1")
    assert sum("Thanks for the feedback" in t for t in texts(last_update.args["blocks"])) == 1
    assert report_rows(slack.settings) == [ReportRow("slack", first_section, 1, 1)]
    # What `feedback export` needs from a Slack vote: every cited section and the answer's text.
    [down] = voted_down(slack.settings)
    cited = [citation.section for citation in assistant.ask(QUESTION).citations]
    assert down.question == QUESTION and down.sections == cited and len(cited) == 3
    assert down.answer == render.unescape(posted.args["text"]) and down.answer.startswith("Yes — ")
    assert (down.not_helpful, down.helpful, down.surfaces) == (1, 1, ["slack"])


def test_feedback_thanks_falls_back_to_response_url_when_chat_update_is_refused(slack):
    slack.event(mention(QUESTION))
    [posted] = slack.fake.calls_to("chat.postMessage")
    slack.fake.failures["chat.update"] = "cant_update_message"

    slack.click(posted, "feedback_helpful", "U0ALICE", slack.fake.response_url("refused"))

    [replaced] = slack.fake.calls_to("hooks/refused")
    assert replaced.args["replace_original"] is True
    assert "Thanks for the feedback" in texts(replaced.args["blocks"])[-1]
    assert len(rows(slack.settings)) == 1


def test_report_rows_count_votes_per_cited_section(tmp_path, fake_slack):
    settings = slack_settings(tmp_path, fake_slack)
    assert report_rows(settings) == []
    assert not settings.feedback_path.exists()

    votes = [
        Vote("C1", "1.1", "U1", "q1", "A > B", True),
        Vote("C1", "1.1", "U2", "q1", "A > B", True),
        Vote("C1", "1.2", "U1", "q2", "A > B", False),
        Vote("C2", "2.1", "U1", "q3", "A > C", False),
        Vote("C2", "2.2", "U3", "q4", None, True),
        Vote("C2", "2.1", "U1", "q3", "A > C", True),  # replaces the earlier vote of U1 on that message
    ]
    counts = [record_vote(settings, vote) for vote in votes]

    assert counts == [(1, 0), (2, 0), (0, 1), (0, 1), (1, 0), (1, 0)]
    assert report_rows(settings) == [
        ReportRow("slack", "A > B", 2, 1), ReportRow("slack", "A > C", 1, 0), ReportRow("slack", NO_CITATION, 1, 0)
    ]


# --- configuration ----------------------------------------------------------------


def test_mounted_without_an_assistant_it_uses_the_one_the_app_loads(tmp_path, fake_slack, assistant):
    fake_slack.reset()
    settings = slack_settings(tmp_path, fake_slack)
    api = FastAPI()
    mount(api, settings)
    with TestClient(api) as client:
        driver = SlackDriver(client, fake_slack, settings)
        driver.event(mention(QUESTION, ts="1700000700.000700"))
        api.state.assistant = assistant
        driver.event(mention(QUESTION, ts="1700000800.000800"))

    not_loaded, answered = fake_slack.calls_to("chat.postMessage")
    assert posted_text(not_loaded) == ":warning: the index is not loaded yet; retry shortly"
    assert ":white_check_mark: *Yes*" in posted_text(answered)


def test_socket_mode_requests_are_answered_without_a_signing_secret(tmp_path, fake_slack, assistant):
    from slack_bolt.adapter.socket_mode.internals import run_bolt_app
    from slack_sdk.socket_mode.request import SocketModeRequest

    fake_slack.reset()
    settings = slack_settings(tmp_path, fake_slack, SLACK_SIGNING_SECRET=None, SLACK_APP_TOKEN="xapp-test")
    app = create_bolt_app(settings, assistant)
    envelope = SocketModeRequest(type="events_api", envelope_id="env-1",
                                 payload=event_callback(mention(QUESTION, ts="1700000600.000600")))

    response = run_bolt_app(app, envelope)  # what SocketModeHandler does with each envelope

    assert response.status == 200
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert reply.args["thread_ts"] == "1700000600.000600"
    assert ":white_check_mark: *Yes*" in posted_text(reply)


def test_missing_tokens_are_named_in_the_error(tmp_path, fake_slack, assistant):
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        create_bolt_app(slack_settings(tmp_path, fake_slack, SLACK_BOT_TOKEN=None), assistant)
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        mount(FastAPI(), slack_settings(tmp_path, fake_slack, SLACK_SIGNING_SECRET=""), assistant)
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        run_socket_mode(slack_settings(tmp_path, fake_slack))
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        run_socket_mode(slack_settings(tmp_path, fake_slack, SLACK_BOT_TOKEN=" ", SLACK_APP_TOKEN="xapp-test"))


def test_manifest_asks_for_exactly_what_the_bot_uses():
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))

    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {"app_mentions:read", "chat:write", "commands", "im:history",
                                                                  "channels:history", "groups:history", "mpim:history"}
    assert "user" not in manifest["oauth_config"]["scopes"]
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/ask"]
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True
