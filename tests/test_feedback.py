"""Votes from every surface in one database: POST /v1/feedback, `feedback report` per surface, and `feedback export`
turning the answers voted down into a question file that `docker-qa eval` scores once a person fills in the gold."""

import json
import sqlite3

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from assistant.cli import main
from assistant.feedback import ReportRow, Vote, record_vote, report_rows, voted_down
from assistant.settings import Settings
from conftest import EXAMPLE
from integrations.http.app import create_app

OFF_TOPIC = "What is the best pizza topping?"


@pytest.fixture
def own(tmp_path, monkeypatch):
    """Settings whose feedback database is this test's own (the CLI reads it from the environment)."""
    monkeypatch.setenv("DOCKER_QA_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    return Settings()


@pytest.fixture
def web(own, assistant):
    with TestClient(create_app(own, assistant=assistant)) as client:
        yield client


def vote(client, question, helpful, answer_id="a1", voter="v1", **extra):
    return client.post(
        "/v1/feedback", json={"question": question, "helpful": helpful, "answer_id": answer_id, "voter": voter, **extra}
    )


def test_a_web_vote_is_stored_with_the_core_answer_and_a_second_vote_replaces_it(web, own, assistant):
    expected = assistant.ask(EXAMPLE)
    response = vote(web, EXAMPLE, False)
    assert response.status_code == 200, response.text
    assert response.json() == {"helpful": 0, "not_helpful": 1}
    assert vote(web, EXAMPLE, True).json() == {"helpful": 1, "not_helpful": 0}
    assert vote(web, EXAMPLE, False, voter="v2").json() == {"helpful": 1, "not_helpful": 1}
    with sqlite3.connect(own.feedback_path) as connection:
        rows = connection.execute(
            "SELECT surface, channel, message_ts, user_id, question, section, helpful, answer, sections FROM feedback"
            " ORDER BY user_id"
        ).fetchall()
    sections = [c.section for c in expected.citations]
    assert rows == [
        ("web", "web", "a1", "v1", EXAMPLE, sections[0], 1, expected.answer, json.dumps(sections, ensure_ascii=False)),
        ("web", "web", "a1", "v2", EXAMPLE, sections[0], 0, expected.answer, json.dumps(sections, ensure_ascii=False)),
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"question": EXAMPLE, "helpful": "yes", "answer_id": "a", "voter": "v"},
        {"question": EXAMPLE, "helpful": True, "answer_id": "<script>", "voter": "v"},
        {"question": EXAMPLE, "helpful": True, "answer_id": "a", "voter": ""},
        {"question": " ", "helpful": True, "answer_id": "a", "voter": "v"},
        {"question": EXAMPLE, "helpful": True, "answer_id": "a", "voter": "v", "answer": "text from the page"},
    ],
)
def test_bad_votes_are_422_and_store_nothing(web, own, body):
    response = web.post("/v1/feedback", json=body)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"
    assert report_rows(own) == []


def test_votes_need_the_api_key_when_keys_are_configured(own, assistant):
    with TestClient(create_app(own.model_copy(update={"api_keys": ["k"]}), assistant=assistant)) as client:
        assert vote(client, EXAMPLE, True).status_code == 401
        ok = client.post(
            "/v1/feedback", headers={"Authorization": "Bearer k"},
            json={"question": EXAMPLE, "helpful": True, "answer_id": "a", "voter": "v"},
        )
        assert ok.status_code == 200


def test_report_lists_each_surface_and_section(web, own, assistant):
    first = assistant.ask(EXAMPLE).citations[0].section
    vote(web, EXAMPLE, False)
    vote(web, OFF_TOPIC, False, answer_id="a2")
    record_vote(own, Vote("C1", "1.0", "U1", EXAMPLE, first, True))
    # Per surface, most voted first; answers without a citation (refusals) after the cited sections.
    assert report_rows(own) == [
        ReportRow("slack", first, 1, 0),
        ReportRow("web", first, 0, 1),
        ReportRow("web", "(no citation)", 0, 1),
    ]
    output = CliRunner().invoke(main, ["feedback", "report"]).output.splitlines()
    assert output[0].split() == ["surface", "section", "helpful", "not", "helpful"]
    assert sorted(line.split()[0] for line in output[1:]) == ["slack", "web", "web"]


def test_a_database_from_before_surfaces_gains_the_new_columns(own):
    own.feedback_path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(own.feedback_path) as connection:
        connection.execute(
            "CREATE TABLE feedback (channel TEXT NOT NULL, message_ts TEXT NOT NULL, user_id TEXT NOT NULL,"
            " question TEXT NOT NULL, section TEXT NOT NULL, helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),"
            " voted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
            " PRIMARY KEY (channel, message_ts, user_id))"
        )
        connection.execute("INSERT INTO feedback (channel, message_ts, user_id, question, section, helpful)"
                           " VALUES ('C1', '1.0', 'U1', 'old question', 'A > B', 0)")
    assert report_rows(own) == [ReportRow("slack", "A > B", 0, 1)]
    [down] = voted_down(own)
    assert (down.question, down.sections, down.surfaces) == ("old question", [], ["slack"])


def test_export_then_fill_in_gold_then_eval(web, own, assistant, tmp_path):
    """The loop the README shows: votes → export → a person fills in gold → eval scores it."""
    runner = CliRunner()
    exported = tmp_path / "voted-down.jsonl"
    empty = runner.invoke(main, ["feedback", "export", str(exported)])
    assert empty.exit_code == 0 and "no answer was voted down yet" in empty.output

    vote(web, EXAMPLE, False)
    vote(web, EXAMPLE, False, answer_id="a9", voter="v2")
    vote(web, "How do I keep data when a container is deleted?", True, answer_id="a3")
    vote(web, OFF_TOPIC, False, answer_id="a4")
    # A file that exists may hold gold filled in by hand: kept unless --force.
    kept = runner.invoke(main, ["feedback", "export", str(exported)])
    assert kept.exit_code == 2 and "exists" in kept.output and "--force" in kept.output
    assert exported.read_text(encoding="utf-8") == ""
    result = runner.invoke(main, ["feedback", "export", "--force", str(exported)])
    assert result.exit_code == 0, result.output
    assert "wrote 2 question(s)" in result.output

    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"q": EXAMPLE, "gold": None}, {"q": OFF_TOPIC, "gold": None}]  # most 👎 first
    sheet = (tmp_path / "voted-down.jsonl.review.md").read_text(encoding="utf-8")
    expected = assistant.ask(EXAMPLE)
    assert f"## 1. {EXAMPLE}" in sheet and "votes: 👎 2 · 👍 0 (web)" in sheet
    assert all(f"`{c.section}`" in sheet for c in expected.citations)
    assert expected.answer.splitlines()[0] in sheet
    assert f"## 2. {OFF_TOPIC}" in sheet and "cited: nothing (refused)" in sheet

    # Before a person fills in the gold, eval names the line to fix.
    refused = runner.invoke(main, ["eval", str(exported)])
    assert refused.exit_code == 2 and f"{exported}:1" in refused.output

    lines[0]["gold"] = ["실행 방식 2", "커널 공유 여부 정리 표"]
    lines[0]["verdict"] = "yes"
    lines[1].update(gold=[], offtopic=True)
    exported.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    scored = runner.invoke(main, ["eval", str(exported), "--markdown"])
    assert scored.exit_code == 0, scored.output
    assert "| hybrid | 2 | 1.000 | 1.000 | 1.000 | 1.000 |" in scored.output


@pytest.mark.parametrize("damage", ["not-a-database", "a-directory"])
def test_a_web_vote_on_a_broken_database_is_a_503_error_body(web, own, damage):
    path = own.feedback_path
    path.parent.mkdir(parents=True, exist_ok=True)
    if damage == "not-a-database":
        path.write_bytes(b"this is not an SQLite database, " * 200)
    else:
        path.mkdir()
    response = vote(web, EXAMPLE, True)
    assert response.status_code == 503
    body = response.json()
    assert body["error"]["code"] == "feedback_store_error" and str(path.name) in body["error"]["message"]
    assert "\n" not in body["error"]["message"]
