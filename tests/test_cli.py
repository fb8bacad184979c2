"""The command line: answers, JSON, batches from standard input, and one-line errors with exit status 2."""

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from assistant.cli import ask_command, main
from conftest import EXAMPLE, ROOT


def run_ask(*args, input=None):
    return CliRunner().invoke(ask_command, list(args), input=input)


def assert_clean_error(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0]


def test_ask_json_example():
    result = run_ask("--json", EXAMPLE)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["verdict"] == "yes" and answer["refused"] is False
    first = answer["citations"][0]["section"]
    assert "실행 방식 2: Compose 파일을 2개로 나눠서 실행" in first or "커널 공유 여부 정리 표" in first
    codes = [s["code"] for s in answer["snippets"]]
    assert any("docker-compose -f docker-compose.weather.yml up -d" in c for c in codes)
    assert answer["snippets"][0]["source"] == "article"
    assert answer["answer"].startswith("Yes — ")


def test_ask_readable_output():
    result = run_ask(EXAMPLE)
    assert result.exit_code == 0
    # English question: English verdict and headings, the Korean original one line under each quote.
    assert "Yes" in result.output and "Original: " in result.output and "커널 공유" in result.output
    assert "docker-compose -f" in result.output


@pytest.mark.parametrize(
    "question, language",
    [("Do containers share the kernel?", "en"), ("컨테이너끼리 커널을 공유하나요?", "ko"), ("compose 파일 나누면 kernel 공유돼?", "ko")],
)
def test_readable_output_speaks_the_question_language(question, language):
    from assistant.labels import LABELS

    words, other = LABELS[language], LABELS["en" if language == "ko" else "ko"]
    answer = json.loads(run_ask("--json", question).output)
    assert answer["language"] == language
    output = " ".join(run_ask(question).output.split())  # rich wraps long lines
    assert f"{words['confidence']} " in output and f"{other['confidence']} " not in output
    if answer["verdict"]:
        assert words[answer["verdict"]] in output
    for citation in answer["citations"]:
        assert " ".join((citation["section_translated"] or citation["section"]).split()) in output
        if citation["quote_original"]:
            assert f"{words['original']}: {' '.join(citation['quote_original'].split())}" in output
    assert language == "ko" or any(c["quote_original"] for c in answer["citations"])


def test_ask_json_reads_questions_from_stdin():
    questions = f"{EXAMPLE}\n\n컨테이너 간 통신은 어떻게 설정하나요?\nWhat is the best pizza topping?\n"
    result = run_ask("--json", "-", input=questions.encode())
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a["question"] for a in answers] == [EXAMPLE, "컨테이너 간 통신은 어떻게 설정하나요?", "What is the best pizza topping?"]
    assert answers[2]["refused"] is True and answers[2]["citations"] == []


def test_top_k_and_index_options(tmp_path):
    result = run_ask("--json", "--top-k", "1", "--index", str(ROOT / "index"), EXAMPLE)
    assert len(json.loads(result.output)["citations"]) == 1
    assert run_ask("--top-k", "11", EXAMPLE).exit_code == 2


@pytest.mark.parametrize(
    "question, needle",
    [("", "question is empty"), ("   \t ", "question is empty"), ("x" * 2001, "at most 2000")],
)
def test_bad_questions(question, needle):
    assert_clean_error(run_ask("--json", question), needle)


def test_undecodable_stdin():
    assert_clean_error(run_ask("--json", "-", input=b"ok question\n\xff\xfe broken\n"), "not UTF-8")


def test_empty_stdin():
    assert_clean_error(run_ask("--json", "-", input=b"\n  \n"), "no questions")


def test_missing_index(tmp_path):
    assert_clean_error(run_ask("--index", str(tmp_path / "nope"), EXAMPLE), "no index at", "docker-qa index build")


def test_corrupt_index(tmp_path):
    broken = tmp_path / "idx"
    broken.mkdir()
    (broken / "manifest.json").write_text("[1, 2", encoding="utf-8")
    assert_clean_error(run_ask("--index", str(broken), EXAMPLE), "unreadable", "docker-qa index build")


def test_index_from_another_embedder(tmp_path):
    import shutil

    copy = tmp_path / "idx"
    shutil.copytree(ROOT / "index", copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["embedder"] = "sentence-transformers/other"
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert_clean_error(run_ask("--index", str(copy), EXAMPLE), "built with embedder", "docker-qa index build")


def test_index_build_and_info(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("## Volumes\n\nVolumes keep data.\n", encoding="utf-8")
    out = tmp_path / "idx"
    runner = CliRunner()
    result = runner.invoke(main, ["index", "build", str(post), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "built" in result.output and (out / "manifest.json").exists()
    info = runner.invoke(main, ["index", "info", "--index", str(out)])
    assert json.loads(info.output)["chunk_count"] >= 2
    assert_clean_error(runner.invoke(main, ["index", "build", str(tmp_path / "missing.md"), "--out", str(tmp_path / "x")]), "no such file")
    assert not (tmp_path / "x").exists()


def test_eval_reports_and_rejects_bad_files(tmp_path):
    runner = CliRunner()
    good = tmp_path / "q.jsonl"
    good.write_text(json.dumps({"q": EXAMPLE, "gold": ["실행 방식 2", "커널 공유 여부 정리 표"], "verdict": "yes"}) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(good), "--compare", "--markdown"])
    assert result.exit_code == 0, result.output
    assert "| hybrid | 1 | 1.000 | 1.000 | 1.000 | 1.000 |" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "x", "gold": "not a list"}\n', encoding="utf-8")
    assert_clean_error(runner.invoke(main, ["eval", str(bad)]), "bad.jsonl:1")


def test_snippets_commands():
    runner = CliRunner()
    listing = runner.invoke(main, ["snippets", "list"])
    assert listing.exit_code == 0 and "network-host" in listing.output
    shown = runner.invoke(main, ["snippets", "show", "network-host"])
    assert "--network host" in shown.output
    assert_clean_error(runner.invoke(main, ["snippets", "show", "nope"]), "no snippet with id 'nope'")


def test_installed_ask_entry_point_runs_from_any_directory(tmp_path):
    """The console script itself, as a user runs it: another working directory, bytes that are not UTF-8."""
    ask = shutil.which("ask")
    assert ask, "the package is not installed: pip install -e '.[test]'"
    exe = [ask]
    ok = subprocess.run([*exe, "--json", EXAMPLE], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["verdict"] == "yes"
    bad = subprocess.run([*exe, "--json", "-"], cwd=tmp_path, input=b"\xc3\x28\n", capture_output=True, timeout=120)
    assert bad.returncode == 2
    assert bad.stderr.decode().count("\n") == 1 and b"Traceback" not in bad.stderr


def test_unquoted_words_form_the_question():
    result = run_ask("--json", "does", "split", "compose", "share", "the", "kernel?")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["question"] == EXAMPLE and answer["verdict"] == "yes"
    # Options may come after the words too.
    assert json.loads(run_ask("does", "split", "compose", "share", "the", "kernel?", "--json").output)["question"] == EXAMPLE


def test_version_on_both_commands():
    from assistant import __version__

    assert run_ask("--version").output.strip() == f"ask (docker-qa) {__version__}"
    assert CliRunner().invoke(main, ["--version"]).output.strip() == f"docker-qa, version {__version__}"


def walk(command, path=()):
    import click

    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))


def test_every_command_and_option_has_help():
    import click

    commands = [(("ask",), ask_command), *walk(main)]
    assert len(commands) > 10
    for path, command in commands:
        assert command.help, path
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                assert parameter.help, (path, parameter.name)


def test_serve_on_a_busy_port_is_one_line_before_anything_starts():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert_clean_error(result, f"port {port} on 127.0.0.1 is already in use", "--port")
    assert "startup" not in result.output.lower()


def test_serve_on_an_unknown_host_is_one_line():
    result = CliRunner().invoke(main, ["serve", "--host", "no-such-host.invalid", "--port", "8000"])
    assert_clean_error(result, "cannot serve on host 'no-such-host.invalid'", "--host")


def test_serve_on_an_address_of_another_machine_is_one_line():
    # 192.0.2.0/24 is reserved for documentation (RFC 5737): never an address of this machine.
    result = CliRunner().invoke(main, ["serve", "--host", "192.0.2.1", "--port", "8000"])
    assert_clean_error(result, "cannot serve on 192.0.2.1:8000", "--host")
