"""The HTTP API against the real app, the real assistant and the bundled index: every route and every bad input."""

import json
import shutil
import sys
import types

import pytest
from fastapi.testclient import TestClient

from assistant.models import Answer, SearchHit, SectionInfo, Snippet
from assistant.settings import MAX_QUESTION_CHARS, Settings
from integrations.http.app import create_app
from integrations.http.deps import get_settings

EXAMPLE = "does split compose share the kernel?"
OFF_TOPIC = "What is the capital of France?"


@pytest.fixture(scope="session")
def served():
    """The app as `docker-qa serve` builds it: the lifespan loads the assistant (once for the whole session)."""
    app = create_app(Settings())
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="session")
def assistant(served):
    return served.app.state.assistant


@pytest.fixture
def client(assistant):
    """A fresh app (own metrics registry) around the already loaded assistant."""
    with TestClient(create_app(Settings(), assistant=assistant)) as c:
        yield c


@pytest.fixture
def keyed(assistant):
    """An app that requires one of two API keys on /v1/*."""
    with TestClient(create_app(Settings(api_keys=["key-one", "key-two"]), assistant=assistant)) as c:
        yield c


def assert_error(response, status: int, code: str) -> dict:
    """The response has the status and the one error body shape with the code; returns the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code, body
    assert body["error"]["message"].strip() and "\n" not in body["error"]["message"]
    return body


# --- routes -------------------------------------------------------------------------------


def test_lifespan_loads_the_assistant_once(served):
    assert served.app.state.assistant is not None
    assert served.app.state.load_error is None
    assert served.get("/readyz").status_code == 200


def test_ask_returns_the_core_answer_unchanged(served, assistant):
    response = served.post("/v1/ask", json={"question": EXAMPLE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == assistant.ask(EXAMPLE).model_dump(mode="json")
    Answer.model_validate_json(response.content)


def test_ask_example_question_is_answered_yes_with_the_split_compose_section(served):
    answer = served.post("/v1/ask", json={"question": EXAMPLE, "top_k": 3}).json()
    assert answer["refused"] is False
    assert answer["verdict"] == "yes"
    first = answer["citations"][0]["section"]
    assert "실행 방식 2" in first or "커널 공유 여부 정리 표" in first
    assert any("docker-compose -f docker-compose.weather.yml up -d" in s["code"] for s in answer["snippets"])


@pytest.mark.parametrize("top_k", [1, 2, 10])
def test_ask_top_k_bounds_the_citations(served, assistant, top_k):
    question = "컨테이너가 삭제되면 데이터는 어떻게 되나요?"
    answer = served.post("/v1/ask", json={"question": question, "top_k": top_k}).json()
    assert len(answer["citations"]) <= top_k
    assert answer == assistant.ask(question, top_k=top_k).model_dump(mode="json")


def test_ask_refuses_a_question_the_article_does_not_answer(served):
    answer = served.post("/v1/ask", json={"question": OFF_TOPIC}).json()
    assert answer["refused"] is True
    assert answer["citations"] == []


def test_ask_accepts_json_with_charset_and_a_chunked_body(served):
    ok = served.post(
        "/v1/ask", content=json.dumps({"question": EXAMPLE}), headers={"content-type": "application/json; charset=utf-8"}
    )
    assert ok.status_code == 200

    def chunks():
        yield b'{"question": '
        yield json.dumps(EXAMPLE).encode()
        yield b"}"

    chunked = served.post("/v1/ask", content=chunks(), headers={"content-type": "application/json"})
    assert chunked.status_code == 200
    assert chunked.json() == ok.json()


def test_ask_accepts_a_question_of_the_maximum_length(served):
    question = ("does split compose share the kernel? " * 60)[:MAX_QUESTION_CHARS]
    assert served.post("/v1/ask", json={"question": question}).status_code == 200


def test_search_returns_ranked_hits(served, assistant):
    response = served.get("/v1/search", params={"q": "커널 공유", "k": 4})
    assert response.status_code == 200
    hits = [SearchHit.model_validate(hit) for hit in response.json()]
    assert 1 <= len(hits) <= 4
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert response.json() == [h.model_dump(mode="json") for h in assistant.search("커널 공유", k=4)]


def test_search_default_k_is_five(served):
    assert len(served.get("/v1/search", params={"q": "volume"}).json()) == 5


def test_sections_lists_the_article_headings(served, assistant):
    response = served.get("/v1/sections")
    assert response.status_code == 200
    sections = [SectionInfo.model_validate(s) for s in response.json()]
    assert sections == assistant.sections()
    assert any("실행 방식 2" in s.section and s.anchor for s in sections)


def test_snippet_by_id(served, assistant):
    assert assistant.catalog, "the bundled snippet catalog is empty"
    snippet_id = sorted(assistant.catalog)[0]
    response = served.get(f"/v1/snippets/{snippet_id}")
    assert response.status_code == 200
    assert Snippet.model_validate(response.json()) == assistant.snippet(snippet_id)
    assert response.json()["source"] == "catalog"


def test_unknown_snippet_is_404(served):
    assert_error(served.get("/v1/snippets/no-such-snippet"), 404, "snippet_not_found")


def test_healthz_and_readyz(served, assistant):
    assert served.get("/healthz").json() == {"status": "ok"}
    ready = served.get("/readyz").json()
    assert ready["status"] == "ready"
    assert ready["chunks"] == assistant.chunk_count
    assert ready["embedder"] == assistant.index_info()["embedder"]


def _metric(text: str, name: str) -> float:
    """The value of an unlabelled sample (or the sum of a labelled family) in Prometheus text."""
    total = None
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            total = (total or 0.0) + float(line.rsplit(" ", 1)[1])
    assert total is not None, f"{name} not in /metrics"
    return total


def test_metrics_count_requests_refusals_and_index_size(client, assistant):
    answers = [client.post("/v1/ask", json={"question": q}).json() for q in (EXAMPLE, OFF_TOPIC, OFF_TOPIC)]
    client.get("/v1/nothing")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert _metric(text, "docker_qa_refusals_total") == sum(a["refused"] for a in answers)
    assert _metric(text, "docker_qa_answers_total") == 3
    assert _metric(text, "docker_qa_index_chunks") == assistant.chunk_count
    assert _metric(text, "docker_qa_index_loaded") == 1
    assert 'http_requests_total{handler="/v1/ask",method="POST",status="200"} 3.0' in text
    assert 'http_request_duration_seconds_bucket{handler="/v1/ask"' in text
    assert 'status="404"' in text


def test_openapi_documents_models_examples_and_errors(served):
    doc = served.get("/openapi.json").json()
    assert {"/v1/ask", "/v1/search", "/v1/sections", "/v1/snippets/{snippet_id}", "/healthz", "/readyz"} <= set(doc["paths"])
    assert EXAMPLE in json.dumps(doc)
    ask = doc["paths"]["/v1/ask"]["post"]
    assert ask["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Answer")
    for status in ("400", "401", "413", "415", "422", "503"):
        assert ask["responses"][status]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    request = doc["components"]["schemas"]["AskRequest"]
    assert request["additionalProperties"] is False
    assert request["properties"]["question"]["maxLength"] == MAX_QUESTION_CHARS
    assert request["properties"]["top_k"]["minimum"] == 1 and request["properties"]["top_k"]["maximum"] == 10
    assert "HTTPValidationError" not in doc["components"]["schemas"]


# --- bad input ------------------------------------------------------------------------------

JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"question": ""}, "invalid_request"),
        ({"question": "   \n\t "}, "invalid_request"),
        ({"question": "x" * (MAX_QUESTION_CHARS + 1)}, "invalid_request"),
        ({"question": 42}, "invalid_request"),
        ({"question": ["does split compose share the kernel?"]}, "invalid_request"),
        ({"question": None}, "invalid_request"),
        ({}, "invalid_request"),
        ({"question": EXAMPLE, "top_k": "3"}, "invalid_request"),
        ({"question": EXAMPLE, "top_k": True}, "invalid_request"),
        ({"question": EXAMPLE, "top_k": 2.5}, "invalid_request"),
        ({"question": EXAMPLE, "top_k": 0}, "invalid_request"),
        ({"question": EXAMPLE, "top_k": 11}, "invalid_request"),
        ({"question": EXAMPLE, "top_k": -1}, "invalid_request"),
        ({"question": EXAMPLE, "lang": "en"}, "invalid_request"),
        ([EXAMPLE], "invalid_request"),
        ("does split compose share the kernel?", "invalid_request"),
    ],
    ids=[
        "empty",
        "whitespace",
        "too-long",
        "question-int",
        "question-list",
        "question-null",
        "no-question",
        "top_k-string",
        "top_k-bool",
        "top_k-float",
        "top_k-0",
        "top_k-11",
        "top_k-negative",
        "unknown-field",
        "body-list",
        "body-string",
    ],
)
def test_ask_rejects_invalid_bodies_with_422(served, body, code):
    assert_error(served.post("/v1/ask", json=body), 422, code)


def test_unknown_field_is_named(served):
    body = assert_error(served.post("/v1/ask", json={"question": EXAMPLE, "lang": "en"}), 422, "invalid_request")
    assert "lang" in body["error"]["message"]


def test_too_long_question_message_names_the_limit(served):
    body = assert_error(served.post("/v1/ask", json={"question": "x" * 2001}), 422, "invalid_request")
    assert "2000" in body["error"]["message"]


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (b'{"question": ', 422, "invalid_json"),
        (b"", 422, "invalid_request"),
        (b'{"question": "\xff\xfe kernel"}', 400, "invalid_utf8"),
        (b'{"question": "\\ud800 kernel"}', 422, "invalid_request"),
    ],
    ids=["truncated-json", "empty-body", "invalid-utf8", "lone-surrogate"],
)
def test_ask_rejects_malformed_bodies(served, content, status, code):
    assert_error(served.post("/v1/ask", content=content, headers=JSON), status, code)


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"],
)
def test_ask_rejects_other_content_types_with_415(served, content_type):
    headers = {"content-type": content_type} if content_type else {}
    response = served.post("/v1/ask", content=json.dumps({"question": EXAMPLE}), headers=headers)
    assert_error(response, 415, "unsupported_media_type")


def test_body_over_64_kib_is_413_by_content_length(served):
    content = json.dumps({"question": "x" * (64 * 1024)}).encode()
    response = served.post("/v1/ask", content=content, headers=JSON)
    assert_error(response, 413, "body_too_large")


def test_body_of_exactly_64_kib_reaches_validation(served):
    content = json.dumps({"question": "x"}).encode()
    content = content[:-1] + b" " * (64 * 1024 - len(content)) + b"}"
    assert len(content) == 64 * 1024
    assert served.post("/v1/ask", content=content, headers=JSON).status_code == 200


def test_chunked_body_over_64_kib_is_413_before_it_is_parsed(client):
    # Driven through ASGI directly: the test client would read the whole stream before sending it.
    import anyio

    pulled = []
    sent = []

    async def receive():
        pulled.append(1)
        if len(pulled) > 1000:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": b"x" * 1024, "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/ask",
        "raw_path": b"/v1/ask",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
        "state": {},
    }
    anyio.run(client.app, scope, receive, send)
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert body["error"]["code"] == "body_too_large"
    assert len(pulled) == 65  # stopped at the first KiB over the limit


def test_413_applies_to_every_route(served):
    response = served.post("/v1/nothing", content=b"x" * (65 * 1024), headers=JSON)
    assert_error(response, 413, "body_too_large")


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/v1/nothing", 404, "not_found"),
        ("GET", "/v2/ask", 404, "not_found"),
        ("POST", "/ask", 404, "not_found"),
        ("GET", "/v1/ask", 405, "method_not_allowed"),
        ("DELETE", "/v1/ask", 405, "method_not_allowed"),
        ("PUT", "/v1/sections", 405, "method_not_allowed"),
        ("POST", "/healthz", 405, "method_not_allowed"),
        ("PATCH", "/v1/snippets/x", 405, "method_not_allowed"),
    ],
)
def test_unknown_routes_and_methods(served, method, path, status, code):
    response = served.request(method, path)
    assert_error(response, status, code)
    if status == 405:
        assert response.headers["allow"]


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "invalid_request"),
        ({"q": ""}, "invalid_request"),
        ({"q": "   "}, "invalid_request"),
        ({"q": "x" * (MAX_QUESTION_CHARS + 1)}, "invalid_request"),
        ({"q": "kernel", "k": 0}, "invalid_request"),
        ({"q": "kernel", "k": 51}, "invalid_request"),
        ({"q": "kernel", "k": "many"}, "invalid_request"),
    ],
    ids=["no-q", "empty-q", "whitespace-q", "too-long-q", "k-0", "k-51", "k-text"],
)
def test_search_rejects_bad_queries(served, params, code):
    assert_error(served.get("/v1/search", params=params), 422, code)


# --- API keys -------------------------------------------------------------------------------

V1_REQUESTS = [
    ("POST", "/v1/ask", {"question": EXAMPLE}),
    ("GET", "/v1/search?q=kernel", None),
    ("GET", "/v1/sections", None),
    ("GET", "/v1/snippets/no-such-snippet", None),
]


@pytest.mark.parametrize(("method", "path", "body"), V1_REQUESTS)
def test_v1_requires_a_key_when_keys_are_configured(keyed, method, path, body):
    response = keyed.request(method, path, json=body)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "authorization", ["Bearer wrong", "Bearer key-one-and-more", "Bearer KEY-ONE", "Basic a2V5LW9uZTo=", "key-one", "Bearer "]
)
def test_wrong_keys_are_refused(keyed, authorization):
    response = keyed.get("/v1/sections", headers={"Authorization": authorization})
    assert_error(response, 401, "unauthorized")


@pytest.mark.parametrize("key", ["key-one", "key-two"])
@pytest.mark.parametrize(("method", "path", "body"), V1_REQUESTS[:3])
def test_each_configured_key_is_accepted(keyed, key, method, path, body):
    response = keyed.request(method, path, json=body, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200, response.text


def test_unknown_snippet_with_a_key_is_still_404(keyed):
    response = keyed.get("/v1/snippets/no-such-snippet", headers={"Authorization": "Bearer key-one"})
    assert_error(response, 404, "snippet_not_found")


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics"])
def test_health_and_metrics_stay_open_with_keys(keyed, path):
    assert keyed.get(path).status_code == 200


def test_no_keys_configured_means_open(client):
    assert client.get("/v1/sections").status_code == 200
    assert client.get("/v1/sections", headers={"Authorization": "Bearer anything"}).status_code == 200


def test_keys_through_a_settings_override(assistant):
    app = create_app(Settings(), assistant=assistant)
    app.dependency_overrides[get_settings] = lambda: Settings(api_keys=["override-key"])
    with TestClient(app) as c:
        assert_error(c.get("/v1/sections"), 401, "unauthorized")
        assert c.get("/v1/sections", headers={"Authorization": "Bearer override-key"}).status_code == 200


def test_openapi_declares_the_bearer_scheme_only_when_keys_are_configured(keyed, client):
    doc = keyed.get("/openapi.json").json()
    assert doc["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert doc["paths"]["/v1/ask"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in doc["paths"]["/healthz"]["get"]
    open_doc = client.get("/openapi.json").json()
    assert "securitySchemes" not in open_doc.get("components", {})
    assert "security" not in open_doc["paths"]["/v1/ask"]["post"]


# --- CORS -------------------------------------------------------------------------------------

PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


def test_no_cors_by_default(client):
    response = client.get("/v1/sections", headers={"Origin": "https://docs.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/v1/ask", headers={"Origin": "https://docs.example", **PREFLIGHT})
    assert "access-control-allow-origin" not in preflight.headers
    assert_error(preflight, 405, "method_not_allowed")


def test_cors_origins_from_settings(assistant):
    app = create_app(Settings(cors_origins=["https://docs.example"]), assistant=assistant)
    with TestClient(app) as c:
        preflight = c.options("/v1/ask", headers={"Origin": "https://docs.example", **PREFLIGHT})
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://docs.example"
        response = c.get("/v1/sections", headers={"Origin": "https://docs.example"})
        assert response.headers["access-control-allow-origin"] == "https://docs.example"
        other = c.options("/v1/ask", headers={"Origin": "https://evil.example", **PREFLIGHT})
        assert_error(other, 400, "cors_refused")
        assert "access-control-allow-origin" not in c.get("/v1/sections", headers={"Origin": "https://evil.example"}).headers


# --- readiness with a broken index ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("prepare", "code"),
    [
        (lambda d: None, "index_missing"),
        (lambda d: d.mkdir(), "index_missing"),
        (lambda d: (d.mkdir(), (d / "manifest.json").write_text("{not json")), "index_corrupt"),
    ],
    ids=["no-dir", "empty-dir", "corrupt-manifest"],
)
def test_readyz_is_503_when_the_index_does_not_load(tmp_path, prepare, code):
    index_dir = tmp_path / "index"
    prepare(index_dir)
    app = create_app(Settings(index_dir=index_dir))
    with TestClient(app) as c:
        assert c.get("/healthz").status_code == 200
        assert_error(c.get("/readyz"), 503, code)
        assert_error(c.post("/v1/ask", json={"question": EXAMPLE}), 503, code)
        assert_error(c.get("/v1/sections"), 503, code)
        assert _metric(c.get("/metrics").text, "docker_qa_index_loaded") == 0


def test_readyz_names_the_index_in_service_when_the_one_on_disk_breaks(tmp_path, assistant):
    # A broken rebuild does not take the server out of service: the index loaded before answers on.
    index_dir = tmp_path / "index"
    shutil.copytree(assistant.settings.index_dir, index_dir)
    app = create_app(Settings(index_dir=index_dir, reload=False), assistant=assistant)
    with TestClient(app) as c:
        before = c.get("/readyz").json()
        assert before["reload_refused"] is None and before["chunks"] == assistant.chunk_count
        manifest = index_dir / "manifest.json"
        data = json.loads(manifest.read_text())
        for damage, code in [(json.dumps({**data, "embedder": "another-embedder"}), "embedder"), ("{", "unreadable"), (None, "no ")]:
            manifest.write_text(damage) if damage else manifest.unlink()
            assert app.state.reloader.check() is False
            ready = c.get("/readyz")
            assert ready.status_code == 200
            body = ready.json()
            assert {k: body[k] for k in ("built_at", "index_id", "chunks")} == {k: before[k] for k in ("built_at", "index_id", "chunks")}
            assert code in body["reload_refused"] and str(tmp_path) not in body["reload_refused"]
            assert c.post("/v1/ask", json={"question": EXAMPLE}).json()["verdict"] == "yes"
        assert app.state.assistant is assistant
        assert _metric(c.get("/metrics").text, 'docker_qa_index_reloads_total{result="refused"}') == 3


def test_a_given_assistant_is_used_as_is(tmp_path, assistant):
    app = create_app(Settings(index_dir=tmp_path / "unused"), assistant=assistant)
    with TestClient(app) as c:
        assert app.state.assistant is assistant
        assert c.get("/v1/sections").status_code == 200


# --- the place left for Slack ----------------------------------------------------------------------


@pytest.fixture
def slack_module(monkeypatch):
    """Stands in for integrations.slack.http (which needs Slack's servers), recording the calls of its mount()."""
    calls = []
    module = types.ModuleType("integrations.slack.http")
    module.mount = lambda app, settings, assistant: calls.append((app, settings, assistant))
    monkeypatch.setitem(sys.modules, "integrations.slack.http", module)
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DOCKER_QA_SLACK_BOT_TOKEN", "DOCKER_QA_SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    return calls


@pytest.mark.parametrize("given", [True, False], ids=["assistant-given", "assistant-loaded-at-start-up"])
def test_slack_is_mounted_when_both_tokens_are_set(assistant, slack_module, given):
    settings = Settings(SLACK_BOT_TOKEN="xoxb-test", SLACK_SIGNING_SECRET="secret")
    app = create_app(settings, assistant=assistant if given else None)
    assert slack_module == [(app, settings, assistant if given else None)]


@pytest.mark.parametrize("tokens", [{}, {"SLACK_BOT_TOKEN": "xoxb-test"}, {"SLACK_SIGNING_SECRET": "secret"}])
def test_slack_is_not_mounted_without_both_tokens(assistant, slack_module, tokens):
    create_app(Settings(**tokens), assistant=assistant)
    assert slack_module == []


# --- serving ------------------------------------------------------------------------------------------


def test_settings_reach_worker_processes_unchanged(monkeypatch):
    from integrations.http.server import SETTINGS_ENV, app_from_environment, settings_to_json

    settings = Settings(
        api_keys=["k1", "k2"], cors_origins=["https://docs.example"], top_k=5, cache_size=7,
        SLACK_BOT_TOKEN="xoxb-test", SLACK_API_URL="http://127.0.0.1:9/api/",
    )
    assert Settings.model_validate_json(settings_to_json(settings)) == settings

    plain = Settings(api_keys=["k1"], top_k=4)
    monkeypatch.setenv(SETTINGS_ENV, settings_to_json(plain))
    assert app_from_environment().state.settings == plain


def test_two_workers_serve_and_share_their_metrics(tmp_path):
    # The production path: uvicorn workers started from the import-string factory, on a real socket.
    import os
    import socket
    import subprocess
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = (
        "from assistant.settings import Settings; from integrations.http.server import run; "
        f"run(Settings(), host='127.0.0.1', port={port}, workers=2)"
    )
    log = open(tmp_path / "serve.log", "w")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))}
    server = subprocess.Popen([sys.executable, "-c", code], stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.25)
        with httpx.Client(base_url=base) as client:
            answers = [client.post("/v1/ask", json={"question": EXAMPLE}) for _ in range(8)]
            assert {a.status_code for a in answers} == {200}
            assert_error(client.post("/v1/ask", json={"question": " "}), 422, "invalid_request")
            metrics = client.get("/metrics").text
        assert _metric(metrics, "docker_qa_answers_total") == 8
        assert _metric(metrics, "docker_qa_index_chunks") > 0
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
