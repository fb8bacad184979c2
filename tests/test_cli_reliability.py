"""The command line against broken inputs and outputs: a batch with bad lines, a .env that is not UTF-8, an ASCII-only
terminal, a full device and a closed pipe; each one line on standard error and exit status 2, never a traceback."""

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from assistant.cli import ask_command
from assistant.settings import MAX_QUESTION_CHARS
from conftest import EXAMPLE, ROOT


def run_cli(*args, cwd=None, env=None, stdout=subprocess.PIPE, input=None):
    full_env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=cwd, env=full_env, stdout=stdout,
                          stderr=subprocess.PIPE, input=input, timeout=600)


def one_line_error(stderr: bytes, *needles: str) -> str:
    text = stderr.decode("utf-8", "replace")
    lines = text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in text, text
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


def test_a_batch_answers_every_line_and_fails_at_the_end():
    questions = f"{EXAMPLE}\n{'x' * (MAX_QUESTION_CHARS + 1)}\nWhat is the best pizza topping?\n"
    result = CliRunner().invoke(ask_command, ["--json", "-"], input=questions.encode())
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    outputs = [json.loads(line) for line in lines[:-1]]
    assert [o.get("question") for o in outputs] == [EXAMPLE, None, "What is the best pizza topping?"]
    assert outputs[1]["line"] == 2 and outputs[1]["error"]["code"] == "invalid_question"
    assert lines[-1] == "error: 1 of 3 questions were not answered"


def test_a_dotenv_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / ".env").write_bytes(b"DOCKER_QA_TOP_K=\xff\xfe\n")
    result = run_cli("snippets", "list", cwd=tmp_path)
    assert result.returncode == 2
    one_line_error(result.stderr, ".env", "UTF-8")


def test_an_ascii_only_output_is_one_line(tmp_path):
    # The readable answer (rich) holds Korean text that ASCII cannot carry.
    result = run_cli("ask", "컨테이너 간 통신은 어떻게 설정하나요?", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2
    one_line_error(result.stderr, "PYTHONIOENCODING=utf-8")


def test_a_full_output_device_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        result = run_cli("snippets", "list", cwd=tmp_path, stdout=full)
    assert result.returncode == 2
    one_line_error(result.stderr, "cannot write the output")
