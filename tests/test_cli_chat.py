"""`ask --chat` in a pseudo-terminal and `ask --json -` with conversation lines, on the real article and embedder."""

import json
import os
import sys

import pexpect
import pytest
from click.testing import CliRunner

from assistant.cli import ask_command
from conftest import ROOT

PROMPT = r"\? $"


@pytest.fixture
def chat():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "TERM": "dumb", "PYTHONIOENCODING": "utf-8"}
    code = "import sys; from assistant.cli import ask_command; sys.exit(ask_command(['--chat']))"
    child = pexpect.spawn(sys.executable, ["-c", code], env=env, cwd=str(ROOT), encoding="utf-8", timeout=120,
                          dimensions=(50, 120))
    child.expect("Ctrl-D leaves")
    child.expect(PROMPT)
    yield child
    if child.isalive():
        child.terminate(force=True)


def say(child, line):
    child.sendline(line)
    child.expect(PROMPT)
    return child.before


def test_chat_carries_the_conversation_switches_topic_and_refuses_off_topic(chat):
    first = say(chat, "Do containers share the host OS kernel?")
    assert "Yes" in first and "Read as" not in first
    assert "Ask next" in first and "  1. " in first

    follow_up = say(chat, "what about the file system?")
    assert "Read as:" in follow_up and "file system" in follow_up
    assert "No" in follow_up

    switch = say(chat, "How do I make Docker images smaller?")
    assert "Read as" not in switch and "alpine" in switch

    off_topic = say(chat, "what about pizza?")
    assert "Not in the article" in off_topic and "Read as" not in off_topic
    assert "Topics" in off_topic  # the covered topics, numbered, to ask by number

    chosen = say(chat, "3")  # the third topic: security issues and solutions
    assert "? What does the article say about Security Issues and Solutions?" in chosen
    assert "Not in the article" not in chosen


def test_chat_clear_starts_over_and_ctrl_d_leaves(chat):
    say(chat, "컨테이너끼리 커널을 공유하나요?")
    follow_up = say(chat, "CPU는요?")
    assert "이렇게 이해했습니다" in follow_up and "컨테이너끼리 CPU를 공유하나요?" in follow_up
    assert "New conversation" in say(chat, "/clear")
    alone = say(chat, "CPU는요?")
    assert "이렇게 이해했습니다" not in alone
    chat.sendeof()
    chat.expect(pexpect.EOF)
    chat.close()
    assert chat.exitstatus == 0


def test_json_lines_carry_history():
    lines = [
        "Do containers share the kernel?",
        json.dumps({"question": "what about CPU and memory?", "history": [{"question": "Do containers share the kernel?"}]}),
        json.dumps({"question": "what about pizza?", "history": [{"question": "Do containers share the kernel?"}]}),
    ]
    result = CliRunner().invoke(ask_command, ["--json", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    first, follow_up, off_topic = [json.loads(line) for line in result.output.splitlines()]
    assert first["standalone_question"] is None and first["verdict"] == "yes"
    assert follow_up["standalone_question"] == "Do containers share the CPU and memory?"
    assert off_topic["refused"] is True


@pytest.mark.parametrize(
    "line, needle",
    [
        ('{"question": "what about CPU?", "history": "nope"}', '"history" must be a list'),
        ('{"q": "what about CPU?"}', "must be an object"),
        ('{"question": "what about CPU?"', "not JSON"),
        ('{"question": "x", "history": [{"question": "y", "answer": {"question": "y"}}]}', "not an answer object"),
    ],
)
def test_bad_json_lines_get_an_error_in_place(line, needle):
    result = CliRunner().invoke(ask_command, ["--json", "-"], input=line + "\nIs the PID space shared?\n")
    assert result.exit_code == 2
    error, answer = [json.loads(item) for item in result.stdout.splitlines()]
    assert error["line"] == 1 and error["error"]["code"] == "invalid_question" and needle in error["error"]["message"]
    assert answer["verdict"] == "no"


def test_chat_takes_no_question():
    result = CliRunner().invoke(ask_command, ["--chat", "hello"])
    assert result.exit_code == 2 and "--chat takes no question" in result.output
