"""The README's commands, run as written: every `ask` and `docker-qa` line of its bash blocks, the curl example
against `docker-qa serve`, and its test commands (the same as .ci/run's)."""

import json
import os
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Commands the README shows but this test does not run, and why: installs, image builds and cluster changes are
# checked by tests/test_deploy.py (hadolint, Compose schema, manifests, the wheel in a fresh environment); `slack`
# needs Slack's servers (tests/test_slack.py drives the same app against a fake one), and `export` only sets its tokens.
NOT_RUN = {"pip", "docker", "kubectl", "cp", "export"}


def bash_commands(markdown: str) -> list[tuple[str, str]]:
    """(heading, command) for every command line of every ```bash block, continuation lines joined."""
    commands, heading = [], ""
    for block in re.finditer(r"^(#+ [^\n]*)$|^```bash\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL):
        if block.group(1):
            heading = block.group(1).lstrip("# ").strip()
            continue
        text = block.group(2).replace("\\\n", " ")
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                commands.append((heading, line))
    return commands


def program(command: str) -> str:
    return command.split()[0]


def run(command: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def workdir(tmp_path):
    """A working directory that sees the question files as the README names them, and its own data directory."""
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "DOCKER_QA_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("DOCKER_QA_FEEDBACK_DB", None)
    return tmp_path, env


def test_every_readme_command_is_run_here_or_named_as_checked_elsewhere():
    programs = {program(command) for _, command in bash_commands(README)}
    assert {"ask", "docker-qa", "curl"} <= programs
    assert programs <= {"ask", "docker-qa", "printf", "curl", "python"} | NOT_RUN, programs


def test_the_test_commands_are_the_ones_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    full = "pip install -c constraints.txt -e '.[test]' && python -m pytest -q"
    assert full in [command for _, command in bash_commands(README)]
    assert [line for line in ci.splitlines() if "pytest" in line] == [full]
    assert 'python -m pytest -m "not slow"' in README


@pytest.mark.slow  # a process per command, and an eval of the dev set
def test_command_line_examples_run_as_written(workdir):
    cwd, env = workdir
    commands = [
        command for _, command in bash_commands(README)
        if program(command) in {"ask", "docker-qa", "printf"} and " serve" not in command and "slack" not in command
    ]
    assert len(commands) >= 12
    for command in commands:
        done = run(command, cwd, env)
        assert done.returncode == 0, f"{command}\n{done.stderr[-2000:]}"
        assert done.stdout.strip(), command
        if "--json" in command:
            answers = [json.loads(line) for line in done.stdout.splitlines()]
            assert all(set(answer) >= {"question", "answer", "verdict", "citations"} for answer in answers)
    assert (cwd / "voted-down.jsonl").exists()  # written by the feedback example


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_serve_and_the_curl_example(workdir):
    cwd, env = workdir
    [serve] = {command.split("#")[0].strip().rstrip("&").strip() for _, command in bash_commands(README)
               if command.startswith("docker-qa serve") and "--workers" not in command and "--index" not in command}
    port = free_port()
    server = subprocess.Popen(["bash", "-c", f"exec {serve} --port {port}"], cwd=cwd, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as ready:
                    if ready.status == 200:
                        break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
            assert "도커 단점과 해결 방법" in page.read().decode("utf-8")
        # the question, then a follow-up sent with its history
        curl, follow_up = [command for _, command in bash_commands(README) if program(command) == "curl"]
        done = run(curl.replace("127.0.0.1:8000", f"127.0.0.1:{port}"), cwd, env)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["verdict"] == "yes"
        done = run(follow_up.replace("127.0.0.1:8000", f"127.0.0.1:{port}"), cwd, env)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["standalone_question"] == "Do containers share the CPU and memory?"
    finally:
        server.terminate()
        server.wait(timeout=30)
