"""The Slack endpoint against bad input: unsigned junk, signed but malformed payloads, replays, a broken feedback
database; every refusal a 4xx in the API's one error body, never a 500."""

import hashlib
import hmac
import json
import logging
import time
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from test_slack import (  # noqa: F401  (fixtures)
    QUESTION, SIGNING_SECRET, assistant, event_callback, fake_slack, mention, slack, slack_settings,
)

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def assert_error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert "\n" not in body["error"]["message"]


def _event(event) -> str:
    return json.dumps({**event_callback(mention("x")), "event": event})


def _interactive(payload) -> str:
    return urlencode({"payload": json.dumps(payload) if not isinstance(payload, str) else payload})


BUTTON = {"action_id": "feedback_helpful", "value": "{}"}
MALFORMED = {
    "json-list": ("[1, 2]", JSON),
    "json-null": ("null", JSON),
    "json-string": ('"hello"', JSON),
    "json-invalid": ("{nope", JSON),
    "event-missing": (json.dumps({"type": "event_callback", "event_id": "Ev1"}), JSON),
    "event-a-string": (_event("hello"), JSON),
    "event-a-list": (_event([1]), JSON),
    "event-without-type": (_event({"user": "U1", "text": "hi", "ts": "1.1", "channel": "C1"}), JSON),
    "mention-text-a-number": (_event({**mention("x", ts="2.2"), "text": 5}), JSON),
    "mention-user-a-list": (_event({**mention("x", ts="3.3"), "user": ["U1"]}), JSON),
    "mention-without-ts": (_event({"type": "app_mention", "user": "U1", "text": "hi", "channel": "C1"}), JSON),
    "mention-without-channel": (_event({"type": "app_mention", "user": "U1", "text": "hi", "ts": "4.4"}), JSON),
    "payload-invalid-json": (_interactive("{nope"), FORM),
    "payload-a-list": (_interactive([]), FORM),
    "payload-null": (_interactive("null"), FORM),
    "actions-empty": (_interactive({"type": "block_actions", "actions": [], "user": {"id": "U1"}}), FORM),
    "action-without-id": (_interactive({"type": "block_actions", "actions": [{"value": "x"}], "user": {"id": "U1"}}), FORM),
    "action-value-a-number": (_interactive({"type": "block_actions", "actions": [{**BUTTON, "value": 5}], "user": {"id": "U1"}}), FORM),
    "action-user-a-string": (_interactive({"type": "block_actions", "actions": [BUTTON], "user": "U1", "container": "c"}), FORM),
    "action-message-blocks-a-string": (_interactive({"type": "block_actions", "actions": [BUTTON], "user": {"id": "U1"},
                                                     "container": {"channel_id": "C1", "message_ts": "1.1"},
                                                     "message": {"blocks": "x"}}), FORM),
    "view-a-string": (_interactive({"type": "view_submission", "view": "x", "user": {"id": "U1"}}), FORM),
    "command-response-url-not-http": (urlencode({"command": "/ask", "text": "q", "team_id": "T", "user_id": "U1",
                                                 "response_url": "file:///etc/passwd"}), FORM),
}


@pytest.mark.parametrize("body,content_type", MALFORMED.values(), ids=MALFORMED.keys())
def test_signed_but_malformed_requests_are_400(slack, body, content_type):
    assert_error(slack.post(body, content_type), 400, "malformed_payload")
    assert slack.fake.calls == []


def test_a_body_that_is_not_utf8_is_400(slack):
    timestamp = str(int(time.time()))
    raw = b"\xff\xfe{}"
    signature = "v0=" + hmac.new(SIGNING_SECRET.encode(), f"v0:{timestamp}:".encode() + raw, hashlib.sha256).hexdigest()
    response = slack.client.post("/slack/events", content=raw, headers={
        "Content-Type": JSON, "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature})
    assert_error(response, 400, "malformed_payload")


@pytest.mark.parametrize("timestamp", [b"abc", b"1e9", b"", b"-5", "１７００００００００".encode(), b"1700000000.5"])
def test_unsigned_requests_with_bad_timestamps_are_401(slack, timestamp):
    response = slack.client.post("/slack/events", content=b"{}", headers={
        "Content-Type": JSON, "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=" + "0" * 64})
    assert_error(response, 401, "invalid_signature")


def test_bad_signatures_and_unhandled_requests_have_the_api_error_body(slack):
    body = json.dumps(event_callback(mention(QUESTION)))
    assert_error(slack.post(body, JSON, signature="v0=" + "0" * 64), 401, "invalid_signature")
    assert_error(slack.post(urlencode({"payload": json.dumps({"type": "shortcut", "callback_id": "x"})}), FORM),
                 404, "unhandled_request")


def test_a_replayed_slash_command_is_answered_once(slack):
    body = urlencode({"token": "legacy", "team_id": "T0TEAM", "channel_id": "C0GENERAL", "user_id": "U0ASKER",
                      "command": "/ask", "text": QUESTION, "response_url": slack.fake.response_url("replayed"),
                      "trigger_id": "1.2.3", "api_app_id": "A0APP"})
    timestamp = int(time.time())
    first = slack.post(body, FORM, timestamp=timestamp)
    replay = slack.post(body, FORM, timestamp=timestamp)
    assert first.status_code == replay.status_code == 200
    slack.fake.wait_for("hooks/replayed")
    # The lazy listener of the first delivery has posted; the replay was acknowledged without a second answer.
    time.sleep(0.5)
    assert len(slack.fake.calls_to("hooks/replayed")) == 1


# --- a feedback database that cannot be written -------------------------------------------------------------


def _click_on_an_answer(slack, hook_name: str):
    slack.event(mention(QUESTION))
    [posted] = slack.fake.calls_to("chat.postMessage")
    return slack.click(posted, "feedback_helpful", "U0ALICE", slack.fake.response_url(hook_name))


@pytest.mark.parametrize("damage", ["not-a-database", "a-directory"])
def test_a_vote_on_a_broken_feedback_database_is_acknowledged_and_the_voter_told(slack, caplog, damage):
    path = slack.settings.feedback_path
    path.parent.mkdir(parents=True, exist_ok=True)
    if damage == "not-a-database":
        path.write_bytes(b"this is not an SQLite database, " * 200)
    else:
        path.mkdir()
    with caplog.at_level(logging.ERROR):
        response = _click_on_an_answer(slack, "broken-db")
    assert response.status_code == 200
    [told] = slack.fake.calls_to("hooks/broken-db")
    assert told.args["response_type"] == "ephemeral" and "could not be saved" in told.args["text"]
    assert any("feedback vote was not stored" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("damage", ["not-a-database", "a-directory", "truncated-header", "wrong-schema", "empty-file"])
def test_feedback_report_on_a_damaged_database_is_one_line_and_exit_2(tmp_path, damage):
    import sqlite3

    from assistant.cli import main

    path = tmp_path / "feedback.sqlite3"
    if damage == "not-a-database":
        path.write_bytes(b"garbage" * 500)
    elif damage == "a-directory":
        path.mkdir()
    elif damage == "truncated-header":
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE feedback (x)")
        path.write_bytes(path.read_bytes()[:50])
    elif damage == "wrong-schema":
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE feedback (x)")
    else:
        path.write_bytes(b"")
    result = CliRunner().invoke(main, ["feedback", "report"], env={"DOCKER_QA_FEEDBACK_DB": str(path)})
    if damage == "empty-file":
        assert result.exit_code == 0, result.output  # an empty file is a new, empty database
        return
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert str(path) in result.output


# --- posts that Slack refuses, rate-limits or stalls ----------------------------------------------------------

SERVER_ERROR = (500, {}, {"ok": False, "error": "internal_error"})
RATE_LIMITED = (429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"})


@pytest.mark.parametrize("refusal", [SERVER_ERROR, RATE_LIMITED, (503, {}, {"ok": False})], ids=["500", "429", "503"])
def test_a_mention_reply_refused_once_is_retried_after_the_ack(slack, refusal):
    slack.fake.fail_next("chat.postMessage", refusal)
    response = slack.event(mention(QUESTION))
    assert response.status_code == 200
    [refused] = [call for call in slack.fake.refused if call.method == "chat.postMessage"]
    [reply] = slack.fake.calls_to("chat.postMessage")
    assert reply.args["blocks"] == refused.args["blocks"]
    assert reply.args["thread_ts"] == "1700000100.000100"


def test_a_rate_limited_reply_waits_for_retry_after(slack):
    slack.fake.fail_next("chat.postMessage", RATE_LIMITED, RATE_LIMITED)
    slack.event(mention(QUESTION))
    assert len([c for c in slack.fake.refused if c.method == "chat.postMessage"]) == 2
    assert len(slack.fake.calls_to("chat.postMessage")) == 1


def test_a_reply_refused_for_good_is_logged_with_the_reason(slack, caplog):
    slack.fake.failures["chat.postMessage"] = "channel_not_found"
    with caplog.at_level(logging.ERROR):
        response = slack.event(mention(QUESTION))
    assert response.status_code == 200
    assert any("channel_not_found" in r.getMessage() and "C0GENERAL" in r.getMessage() for r in caplog.records)


def test_a_slash_command_reply_is_retried_and_a_lost_one_logged(slack, caplog):
    slack.fake.fail_next("hooks/retried", SERVER_ERROR)
    assert slack.command(QUESTION, slack.fake.response_url("retried")).status_code == 200
    assert len(slack.fake.calls_to("hooks/retried")) == 1

    slack.fake.fail_next("hooks/lost", *[(404, {}, {"ok": False, "error": "expired_url"})] * 6)
    with caplog.at_level(logging.ERROR):
        assert slack.command(QUESTION, slack.fake.response_url("lost")).status_code == 200
    assert slack.fake.calls_to("hooks/lost") == []
    assert any("/ask" in r.getMessage() and "404" in r.getMessage() for r in caplog.records)


def test_a_stalled_slack_api_does_not_hold_the_http_api(tmp_path, fake_slack, assistant):
    from fastapi.testclient import TestClient

    from integrations.http.app import create_app

    fake_slack.reset()
    settings = slack_settings(tmp_path, fake_slack)
    gate = fake_slack.stall("chat.postMessage")
    try:
        with TestClient(create_app(settings, assistant=assistant)) as client:
            for number in range(12):
                body = json.dumps(event_callback(mention(f"{QUESTION} ({number})", ts=f"1700009{number:03d}.000100")))
                timestamp = int(time.time())
                signature = "v0=" + hmac.new(SIGNING_SECRET.encode(), f"v0:{timestamp}:{body}".encode(),
                                             hashlib.sha256).hexdigest()
                # Acknowledged at once, though no reply can be posted yet.
                response = client.post("/slack/events", content=body.encode(), headers={
                    "Content-Type": JSON, "X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature})
                assert response.status_code == 200
            answer = client.post("/v1/ask", json={"question": "how do I keep data when a container is deleted?"})
            assert answer.status_code == 200
            assert fake_slack.waiting > 0  # the replies are still held by Slack while the API answered
            gate.set()
            assert client.app.state.slack_deliveries.wait_idle(timeout=120)
            assert len(fake_slack.calls_to("chat.postMessage")) == 12
    finally:
        gate.set()
