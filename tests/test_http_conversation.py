"""Conversations over POST /v1/ask with the real app and assistant: history in, follow-ups read in its light."""

import json

import pytest
from fastapi.testclient import TestClient

from assistant.settings import Settings
from integrations.http.app import create_app


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings())) as c:
        yield c


def ask(client, question, history=None):
    body = {"question": question} if history is None else {"question": question, "history": history}
    response = client.post("/v1/ask", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def assert_422(response):
    assert response.status_code == 422, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == "invalid_request"
    assert body["error"]["message"].strip()


def test_three_turns_with_a_topic_switch_and_an_off_topic_follow_up(client):
    history = []
    first = ask(client, "Do containers share the host OS kernel?", history)
    assert first["verdict"] == "yes" and first["standalone_question"] is None
    history.append({"question": first["question"], "answer": first})

    follow_up = ask(client, "what about the file system?", history)
    assert follow_up["question"] == "what about the file system?"
    assert follow_up["standalone_question"] and "file system" in follow_up["standalone_question"]
    assert "무엇을 공유하고 무엇을 격리할까" in follow_up["citations"][0]["section"]
    history.append({"question": follow_up["question"], "answer": follow_up})

    switch = ask(client, "How do I make Docker images smaller?", history)
    assert switch == ask(client, "How do I make Docker images smaller?")  # a complete question is not bent
    history.append({"question": switch["question"], "answer": switch})

    off_topic = ask(client, "what about pizza?", history)
    assert off_topic["refused"] is True and off_topic["standalone_question"] is None


def test_without_history_a_follow_up_is_read_as_it_stands(client):
    alone = ask(client, "what about the file system?")
    assert alone["standalone_question"] is None
    assert ask(client, "what about the file system?", []) == alone


def test_history_without_answers_is_enough(client):
    answer = ask(client, "CPU는요?", [{"question": "컨테이너끼리 커널을 공유하나요?"}])
    assert answer["language"] == "ko"
    assert answer["standalone_question"] == "컨테이너끼리 CPU를 공유하나요?"
    assert answer["suggestions"] and all(isinstance(s, str) for s in answer["suggestions"])


def test_a_trimmed_answer_in_history_is_accepted(client):
    """Clients may send back only what the server reads: the answer text, refused, and the first citation."""
    first = ask(client, "What is the risk of the --privileged flag?")
    trimmed = {**first, "snippets": [], "suggestions": [], "citations": first["citations"][:1]}
    answer = ask(client, "Is it safe in production?", [{"question": first["question"], "answer": trimmed}])
    assert "--privileged" in answer["standalone_question"]
    assert "--privileged" in answer["citations"][0]["section"]


@pytest.mark.parametrize(
    "history",
    [
        "Do containers share the kernel?",
        [{"q": "Do containers share the kernel?"}],
        [{"question": ""}],
        [{"question": "   "}],
        [{"question": 3}],
        [{"question": "ok", "answer": {"question": "ok"}}],
        [{"question": "ok", "extra": 1}],
        [{"question": "Do containers share the kernel?"}] * 21,
        [{"question": "x" * 2001}],
    ],
)
def test_bad_history_is_422_with_the_error_body(client, history):
    assert_422(client.post("/v1/ask", json={"question": "what about CPU?", "history": history}))


def test_twenty_turns_within_the_body_limit_are_answered(client):
    history = [{"question": "Do containers share the kernel?"}, {"question": "what about CPU?"}] * 10
    body = json.dumps({"question": "And the file system?", "history": history})
    assert len(body.encode()) < 64 * 1024
    answer = ask(client, "And the file system?", history)
    assert answer["standalone_question"]


def test_history_over_the_body_limit_is_413(client):
    history = [{"question": "x" * 2000}] * 20 + [{"question": "y" * 2000}] * 20
    response = client.post("/v1/ask", content=json.dumps({"question": "what about CPU?", "history": history}),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "body_too_large"


def test_openapi_documents_history(client):
    schema = client.get("/openapi.json").json()
    ask_request = schema["components"]["schemas"]["AskRequest"]
    assert ask_request["properties"]["history"]["maxItems"] == 20
    answer = schema["components"]["schemas"]["Answer"]
    assert {"standalone_question", "suggestions"} <= set(answer["properties"])


@pytest.mark.parametrize("field, value", [("posts", False), ("confidence", True), ("refused", 0), ("verdict", "maybe")])
def test_an_answer_in_history_must_have_the_documented_types(client, field, value):
    answer = client.post("/v1/ask", json={"question": "Do containers share the kernel?"}).json()
    turn = {"question": "Do containers share the kernel?", "answer": {**answer, field: value}}
    response = client.post("/v1/ask", json={"question": "what about CPU?", "history": [turn]})
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]["message"]
