"""Live reload: `docker-qa serve` (1 and 2 workers) and the Slack bot serve a rebuilt index without a restart or a failed
request; a broken rebuild is refused and the old index serves on; `index build --watch` rebuilds when a post changes."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.index import _swap_into_place, build_index
from assistant.settings import Settings

# Starts servers and rebuilds indexes in separate processes: part of the full run, not the fast tier.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "does split compose share the kernel?"
SENTENCE = "the kernel is always shared."
ENGLISH = "docker-disadvantages.en.md"
DEADLINE = 180  # seconds to wait for something that must happen; never asserted as a duration


def marked(marker: str) -> str:
    """The answer sentence of QUESTION as edited for the build called `marker`."""
    return f"the kernel is always shared ({marker})."


@pytest.fixture(scope="module")
def embedder():
    from assistant.embed import load_embedder

    return load_embedder(Settings(_env_file=None))


@pytest.fixture
def blog(tmp_path, embedder):
    """A copy of the article (original and translation) and its index, built from that copy into a tmp folder."""
    source = tmp_path / "posts"
    source.mkdir()
    for name in ("docker-disadvantages.md", ENGLISH):
        shutil.copy(ROOT / "corpus" / name, source / name)
    index = tmp_path / "index"
    shutil.copytree(ROOT / "index", index)  # its vectors are reused: the build embeds nothing
    build_index(Settings(_env_file=None), source=source, out=index, embedder=embedder)
    return source, index


def edit_and_rebuild(source: Path, index: Path, embedder, marker: str):
    """Change the answer sentence to carry `marker`, then rebuild the index in place (the build's atomic swap)."""
    post = source / ENGLISH
    text = post.read_text(encoding="utf-8")
    start = text.index("the kernel is always shared")
    end = text.index(".", start) + 1
    post.write_text(text[:start] + marked(marker) + text[end:], encoding="utf-8")
    return build_index(Settings(_env_file=None), source=source, out=index, embedder=embedder)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`docker-qa serve` in a subprocess on a free port, its output in a log file."""

    def __init__(self, tmp_path: Path, index: Path, workers: int = 1, **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = tmp_path / f"serve-{self.port}.log"
        self._log = open(self.log_path, "w")
        full_env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "DOCKER_QA_INDEX_DIR": str(index),
            "DOCKER_QA_RELOAD_INTERVAL": "0.2",
            "DOCKER_QA_DATA_DIR": str(tmp_path / "data"),
            **env,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            stdout=self._log, stderr=subprocess.STDOUT, env=full_env, cwd=tmp_path,
        )
        self.wait_until(lambda: self.get("/readyz").status_code == 200, "the server to be ready")
        # /readyz answers from whichever worker took the request: wait for every worker's start-up.
        self.wait_until(lambda: self.log().count("Application startup complete") >= workers, "every worker to start")

    def get(self, path: str) -> httpx.Response:
        return httpx.get(self.base + path, timeout=60)

    def ask(self) -> str:
        response = httpx.post(self.base + "/v1/ask", json={"question": QUESTION}, timeout=60)
        assert response.status_code == 200, response.text
        return response.json()["answer"]

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def metric(self, name: str) -> float:
        for line in self.get("/metrics").text.splitlines():
            if line.startswith(name + " "):
                return float(line.rsplit(" ", 1)[1])
        raise AssertionError(f"{name} not in /metrics")

    def wait_until(self, condition, what: str) -> None:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            try:
                if condition():
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"gave up waiting for {what}; server log:\n{self.log()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self._log.close()


@pytest.fixture
def serve(tmp_path):
    servers = []

    def start(index: Path, workers: int = 1, **env) -> Server:
        servers.append(Server(tmp_path, index, workers, **env))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


class Askers:
    """Threads asking QUESTION over and over, recording each answer's marker and every failed request."""

    def __init__(self, base: str, markers: list[str], threads: int = 2):
        self.base = base
        self.markers = markers
        self.failures: list[str] = []
        self.seen: list[list[str]] = [[] for _ in range(threads)]
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(threads)]

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=120)

    def _run(self, number: int) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self._stop.is_set():
                try:
                    response = client.post("/v1/ask", json={"question": QUESTION})
                except httpx.HTTPError as exc:
                    self.failures.append(repr(exc))
                    continue
                if response.status_code != 200:
                    self.failures.append(f"{response.status_code} {response.text[:200]}")
                    continue
                answer = response.json()["answer"]
                found = [m for m in self.markers if marked(m) in answer]
                self.seen[number].append(found[0] if found else "original")

    def total(self) -> int:
        return sum(len(seen) for seen in self.seen)


def in_build_order(seen: list[str], order: list[str]) -> bool:
    """True when a thread's answers came from the builds in the order they were made (none went back)."""
    ranks = [order.index(marker) for marker in seen]
    return ranks == sorted(ranks)


def test_two_rebuilds_under_load_switch_answers_with_no_failed_request(blog, embedder, serve):
    source, index = blog
    server = serve(index)
    assert SENTENCE in server.ask()
    first_id = server.get("/readyz").json()["index_id"]
    with Askers(server.base, ["one", "two"]) as askers:
        for marker in ("one", "two"):
            edit_and_rebuild(source, index, embedder, marker)
            server.wait_until(lambda: marked(marker) in server.ask(), f"answers from the build '{marker}'")
        asked = askers.total()
        server.wait_until(lambda: askers.total() > asked + 4, "more answers after the second reload")
    assert askers.failures == []
    # Each thread's next request starts after its last answer: once a build answered, no older one does.
    assert all(in_build_order(seen, ["original", "one", "two"]) for seen in askers.seen), askers.seen
    assert all(seen and seen[-1] == "two" for seen in askers.seen), askers.seen
    ready = server.get("/readyz").json()
    assert ready["index_id"] != first_id and ready["reload_refused"] is None
    assert server.metric('docker_qa_index_reloads_total{result="loaded"}') == 2
    assert server.metric('docker_qa_index_reloads_total{result="refused"}') == 0
    built = json.loads((index / "manifest.json").read_text())["built_at"]
    assert time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(server.metric("docker_qa_index_built_timestamp_seconds"))) == built


def test_a_broken_rebuild_is_refused_with_one_log_line_and_the_old_index_serves_on(blog, embedder, serve, tmp_path):
    source, index = blog
    server = serve(index)
    edit_and_rebuild(source, index, embedder, "good")
    server.wait_until(lambda: marked("good") in server.ask(), "answers from the good build")
    good = server.get("/readyz").json()

    # A fresh build of the same posts, one file damaged, swapped in at the watched path the way a build does it.
    staging = tmp_path / "staging"
    shutil.copytree(index, staging)
    build_index(Settings(_env_file=None), source=source, out=staging, embedder=embedder)
    (staging / "vectors.faiss").write_bytes(b"not an index")
    with Askers(server.base, ["good"]) as askers:
        _swap_into_place(staging, index)
        server.wait_until(lambda: server.get("/readyz").json()["reload_refused"], "the damaged index to be refused")
        asked = askers.total()
        server.wait_until(lambda: askers.total() > asked + 4, "answers after the refusal")
    assert askers.failures == []
    assert all(seen and set(seen) == {"good"} for seen in askers.seen), askers.seen
    ready = server.get("/readyz").json()
    assert ready["index_id"] == good["index_id"] and "vectors.faiss" in ready["reload_refused"]
    refused = [line for line in server.log().splitlines() if "index reload refused" in line]
    assert len(refused) == 1 and "vectors.faiss" in refused[0], server.log()
    assert server.metric('docker_qa_index_reloads_total{result="refused"}') == 1

    # The next good build goes in.
    edit_and_rebuild(source, index, embedder, "fixed")
    server.wait_until(lambda: marked("fixed") in server.ask(), "answers from the fixed build")
    assert server.get("/readyz").json()["reload_refused"] is None


@pytest.mark.parametrize("workers", [1, 2])
def test_sighup_reloads_when_watching_is_off(blog, embedder, serve, workers):
    source, index = blog
    server = serve(index, workers=workers, DOCKER_QA_RELOAD="false")
    edit_and_rebuild(source, index, embedder, "hup")
    assert marked("hup") not in server.ask()  # not watching: the old index until told
    server.process.send_signal(signal.SIGHUP)
    # Every worker reloads in place (the supervisor passes SIGHUP on instead of restarting them).
    server.wait_until(lambda: server.metric('docker_qa_index_reloads_total{result="loaded"}') == workers, "every worker to reload")
    assert all(marked("hup") in server.ask() for _ in range(4 * workers))
    assert server.process.poll() is None


def test_two_workers_both_switch_under_load_with_no_failed_request(blog, embedder, serve):
    source, index = blog
    server = serve(index, workers=2)
    with Askers(server.base, ["w2"]) as askers:
        edit_and_rebuild(source, index, embedder, "w2")
        server.wait_until(lambda: server.metric('docker_qa_index_reloads_total{result="loaded"}') == 2, "both workers to reload")
        asked = askers.total()
        server.wait_until(lambda: askers.total() > asked + 4, "answers after both reloads")
    assert askers.failures == []
    assert all(seen[-1] == "w2" for seen in askers.seen), askers.seen


# --- the Slack bot ------------------------------------------------------------------------------------


def test_slack_over_http_answers_from_the_rebuilt_index(blog, embedder, tmp_path):
    from fake_slack import FakeSlack
    from test_slack import SIGNING_SECRET, SlackDriver, mention, posted_text

    source, index = blog
    fake = FakeSlack().start()
    try:
        settings = Settings(
            _env_file=None, index_dir=index, data_dir=tmp_path / "data", reload=False,
            SLACK_BOT_TOKEN="xoxb-test-token", SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=fake.api_url,
        )
        from integrations.http.app import create_app

        app = create_app(settings)
        with TestClient(app) as client:
            driver = SlackDriver(client, fake, settings)
            driver.event(mention(QUESTION, ts="1700000900.000100"))
            edit_and_rebuild(source, index, embedder, "slack-http")
            assert app.state.reloader.check() is True
            driver.event(mention(QUESTION, ts="1700000900.000200"))
        before, after = fake.calls_to("chat.postMessage")
        assert SENTENCE in posted_text(before) and marked("slack-http") not in posted_text(before)
        assert marked("slack-http") in posted_text(after)
    finally:
        fake.stop()


def test_slack_socket_mode_answers_from_the_rebuilt_index(blog, embedder, tmp_path):
    from slack_bolt.adapter.socket_mode.internals import run_bolt_app
    from slack_sdk.socket_mode.request import SocketModeRequest

    from fake_slack import FakeSlack
    from integrations.slack import socket_mode_app
    from test_slack import event_callback, mention, posted_text

    source, index = blog
    fake = FakeSlack().start()
    try:
        settings = Settings(
            _env_file=None, index_dir=index, data_dir=tmp_path / "data", reload_interval=0.2,
            SLACK_BOT_TOKEN="xoxb-test-token", SLACK_APP_TOKEN="xapp-test", SLACK_API_URL=fake.api_url,
        )
        app, reloader = socket_mode_app(settings)
        reloader.start()  # what run_socket_mode does before connecting
        try:
            def ask(ts: str) -> str:
                envelope = SocketModeRequest(type="events_api", envelope_id=f"env-{ts}", payload=event_callback(mention(QUESTION, ts=ts)))
                assert run_bolt_app(app, envelope).status == 200
                assert app.deliveries.wait_idle(timeout=60)
                return posted_text(fake.calls_to("chat.postMessage")[-1])

            assert SENTENCE in ask("1700000950.000100")
            edit_and_rebuild(source, index, embedder, "socket")
            deadline = time.monotonic() + DEADLINE
            while reloader.assistant.index.manifest.corpus_hash != json.loads((index / "manifest.json").read_text())["corpus_hash"]:
                assert time.monotonic() < deadline, "the Socket Mode bot did not reload"
                time.sleep(0.1)
            assert marked("socket") in ask("1700000950.000200")
        finally:
            reloader.stop()
    finally:
        fake.stop()


# --- index build --watch ------------------------------------------------------------------------------


def test_index_build_watch_rebuilds_changed_posts_survives_a_broken_one_and_stops_on_ctrl_c(blog, tmp_path):
    source, index = blog
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    out_path, err_path = tmp_path / "watch.out", tmp_path / "watch.err"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        watcher = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "index", "build", str(source), "--out", str(index), "--watch", "--interval", "0.2"],
            stdout=out, stderr=err, env=env,
        )

        def lines(path: Path, needle: str) -> list[str]:
            return [line for line in path.read_text().splitlines() if needle in line]

        def wait_for(path: Path, needle: str, count: int) -> list[str]:
            deadline = time.monotonic() + DEADLINE
            while len(lines(path, needle)) < count:
                assert watcher.poll() is None, err_path.read_text()
                assert time.monotonic() < deadline, f"no {count}x {needle!r}: {out_path.read_text()} {err_path.read_text()}"
                time.sleep(0.1)
            return lines(path, needle)

        try:
            first = wait_for(out_path, " built ", 1)
            assert "(0 embedded, " in first[0]  # nothing changed since the fixture's build
            post = source / ENGLISH
            post.write_text(post.read_text(encoding="utf-8").replace(SENTENCE, marked("watched")), encoding="utf-8")
            second = wait_for(out_path, " built ", 2)[1]
            embedded = int(re.search(r"\((\d+) embedded, \d+ reused\)", second).group(1))
            assert 1 <= embedded <= 3 and " reused)" in second  # only the edited passage (and its chunks) embedded again
            assert marked("watched") in (index / "chunks.jsonl").read_text(encoding="utf-8")

            manifest = (index / "manifest.json").read_text()
            (source / "broken.md").write_text("---\ntitle: [unclosed\n---\n# A heading\n\nText.\n", encoding="utf-8")
            [error] = wait_for(err_path, "error:", 1)
            assert "broken" in error and "front matter" in error and "unchanged" in error
            assert (index / "manifest.json").read_text() == manifest

            (source / "broken.md").unlink()
            wait_for(out_path, " built ", 3)
            assert watcher.poll() is None
        finally:
            watcher.send_signal(signal.SIGINT)  # Ctrl-C
            status = watcher.wait(timeout=60)
    assert status == 0, err_path.read_text()
    assert "stopped watching" in out_path.read_text()
    assert len(err_path.read_text().splitlines()) == 1  # the one error line, no traceback
    assert [p.name for p in index.parent.iterdir() if p.name.startswith(".index.")] == []
