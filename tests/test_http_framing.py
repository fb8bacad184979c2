"""The HTTP API on a real uvicorn server and raw sockets: framing, body limits, keys before bodies, slow and idle
clients, oversized heads, connection cap and security headers, where a client library would hide the bytes."""

import json
import socket
import threading
import time

import pytest

from assistant.settings import Settings
from integrations.http.app import create_app
from integrations.http.server import server_config

EXAMPLE = "does split compose share the kernel?"
KEY = "key-one"


class LiveServer:
    """uvicorn serving the app in a background thread on a free port of 127.0.0.1."""

    def __init__(self, settings: Settings, assistant):
        import uvicorn

        self.settings = settings
        self.app = create_app(settings, assistant=assistant)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = server_config(self.app, settings, "127.0.0.1", self.port)
        config.log_level = "warning"
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self):
        self.thread.start()
        for _ in range(400):
            if self.server.started:
                return self
            time.sleep(0.025)
        raise AssertionError("the server did not start")

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()

    def connect(self, timeout: float = 20.0) -> socket.socket:
        conn = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        return conn

    def open_connections(self) -> int:
        return len(self.server.server_state.connections)


def read_response(conn: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """One response read until the connection closes or Content-Length bytes of body arrived."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before a full response head: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "-1"))
    while length < 0 or len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


def closed_by_server(conn: socket.socket) -> bool:
    """True once the server has closed the connection (reads hit end of file or a reset)."""
    try:
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def error_code(status_headers_body) -> tuple[int, str]:
    status, headers, body = status_headers_body
    assert headers["content-type"].startswith("application/json"), headers
    assert headers["x-content-type-options"] == "nosniff"
    payload = json.loads(body)
    assert set(payload) == {"error"} and set(payload["error"]) == {"code", "message"}
    return status, payload["error"]["code"]


@pytest.fixture(scope="module")
def live(assistant):
    settings = Settings(http_head_timeout=0.5, http_body_timeout=0.5, http_max_connections=8)
    with LiveServer(settings, assistant) as server:
        yield server


@pytest.fixture(scope="module")
def live_keyed(assistant):
    with LiveServer(Settings(api_keys=[KEY]), assistant) as server:
        yield server


def request_bytes(method: str, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: test\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return head.encode() + b"\r\n" + body


def chunked(total: int, piece: int = 8192):
    sent = 0
    while sent < total:
        size = min(piece, total - sent)
        yield f"{size:x}\r\n".encode() + b"x" * size + b"\r\n"
        sent += size
    yield b"0\r\n\r\n"


# --- body framing and size ---------------------------------------------------------------------------------


def test_content_length_with_chunked_encoding_is_refused_before_the_body_is_read(live):
    with live.connect() as conn:
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Content-Length": "2",
                                                      "Transfer-Encoding": "chunked"}))
        # Chunks of a huge body keep coming: the answer comes without the server reading them, and is not lost to
        # a reset although the server closes the connection with the body unread.
        for part, _ in zip(chunked(10 * 1024 * 1024), range(64)):
            try:
                conn.sendall(part)
            except (BrokenPipeError, ConnectionResetError):
                break
        assert error_code(read_response(conn)) == (400, "bad_framing")


def test_a_chunked_body_is_counted_as_it_arrives(live):
    with live.connect() as conn:
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
        try:
            for part in chunked(1024 * 1024):
                conn.sendall(part)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server stopped reading at the limit
        assert error_code(read_response(conn)) == (413, "body_too_large")


def test_a_chunked_body_under_the_limit_is_answered(live):
    body = json.dumps({"question": EXAMPLE}).encode()
    with live.connect() as conn:
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
                                   f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"))
        status, _, payload = read_response(conn)
    assert status == 200 and json.loads(payload)["verdict"] == "yes"


def test_differing_content_lengths_are_refused(live):
    with live.connect() as conn:
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Content-Length": "2",
                                                      "content-length": "3"}, b"{}"))
        status, headers, body = read_response(conn)
    # h11 itself refuses two Content-Length headers; the answer is still the API's JSON error.
    assert status == 400 and json.loads(body)["error"]["code"] in {"bad_request", "bad_framing"}


def test_a_keyed_server_refuses_a_missing_key_before_reading_the_body(live_keyed):
    with live_keyed.connect() as conn:
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
        conn.sendall(next(chunked(1024)))
        status, headers, _ = read_response(conn)
        assert (status, headers["connection"]) == (401, "close")
        assert closed_by_server(conn)


def test_a_bad_body_without_a_key_is_401_not_422(live_keyed):
    with live_keyed.connect() as conn:
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Content-Length": "5"}, b"{nope"))
        assert error_code(read_response(conn)) == (401, "unauthorized")
    with live_keyed.connect() as conn:
        body = json.dumps({"question": EXAMPLE}).encode()
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Content-Length": str(len(body)),
                                                      "Authorization": f"Bearer {KEY}"}, body))
        assert read_response(conn)[0] == 200


# --- slow, idle and oversized ------------------------------------------------------------------------------


def test_a_silent_connection_is_closed(live):
    with live.connect() as conn:
        assert closed_by_server(conn)


def test_a_half_sent_head_is_answered_408_and_closed(live):
    with live.connect() as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: te")
        assert error_code(read_response(conn)) == (408, "request_timeout")
        assert closed_by_server(conn)


def test_a_half_sent_body_is_cut_off(live):
    with live.connect() as conn:
        conn.sendall(request_bytes("POST", "/v1/ask", {"Content-Type": "application/json", "Content-Length": "100"}, b'{"qu'))
        assert closed_by_server(conn)


def test_a_keep_alive_connection_with_a_half_sent_second_head_is_closed(live):
    with live.connect() as conn:
        conn.sendall(request_bytes("GET", "/healthz", {}))
        assert read_response(conn)[0] == 200
        conn.sendall(b"GET /healthz HTTP/1.1\r\n")
        assert error_code(read_response(conn)) == (408, "request_timeout")


def test_an_oversized_url_is_414(live):
    with live.connect() as conn:
        conn.sendall(b"GET /healthz?" + b"a" * (1024 * 1024) + b" HTTP/1.1\r\nHost: test\r\n\r\n")
        assert error_code(read_response(conn)) == (414, "uri_too_long")


def test_oversized_headers_are_431(live):
    with live.connect() as conn:
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n" + b"X-Big: " + b"a" * (1024 * 1024) + b"\r\n\r\n")
        assert error_code(read_response(conn)) == (431, "headers_too_large")


def test_bad_framing_gets_a_json_error(live):
    with live.connect() as conn:
        conn.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        assert error_code(read_response(conn)) == (400, "bad_request")


@pytest.fixture
def small_patient(assistant):
    """A server with room for 8 connections and deadlines too long to close any of them during a test."""
    with LiveServer(Settings(http_head_timeout=120, http_body_timeout=120, http_max_connections=8), assistant) as server:
        yield server


def test_a_full_server_closes_the_longest_waiting_connections_to_serve_new_ones(small_patient):
    live = small_patient
    limit = live.settings.http_max_connections
    held = []
    try:
        for _ in range(limit + 4):
            held.append(live.connect())
            time.sleep(0.02)  # an order the server can see
        # A client that sends its request at once is served although the server was full of silent ones.
        with live.connect() as conn:
            conn.sendall(request_bytes("GET", "/healthz", {}))
            assert read_response(conn)[0] == 200
        # The ones closed to make room were the oldest.
        for conn in held[:5]:
            conn.settimeout(30)
            assert closed_by_server(conn)
        for conn in held[5:]:
            conn.settimeout(0.2)
            assert not closed_by_server(conn)
    finally:
        for conn in held:
            conn.close()


# --- paths and headers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/static/app.js%00.html", "/static/%00", "/static/a%0Ab.js", "/static/..%2f..%2fetc%2fpasswd"])
def test_bad_static_paths_are_404(live, path):
    with live.connect() as conn:
        conn.sendall(request_bytes("GET", path, {}))
        assert error_code(read_response(conn)) == (404, "not_found")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/healthz", 200), ("GET", "/readyz", 200), ("GET", "/metrics", 200), ("GET", "/v1/sections", 200),
     ("GET", "/v1/nothing", 404), ("DELETE", "/v1/ask", 405), ("GET", "/openapi.json", 200)],
)
def test_every_response_has_nosniff_and_a_csp(live, method, path, status):
    with live.connect() as conn:
        conn.sendall(request_bytes(method, path, {}))
        got, headers, _ = read_response(conn)
    assert got == status
    assert headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in headers


def test_made_up_methods_and_paths_do_not_grow_the_metrics(live):
    def metrics_lines():
        with live.connect() as conn:
            conn.sendall(request_bytes("GET", "/metrics", {}))
            return [line for line in read_response(conn)[2].decode().splitlines() if line.startswith("http_requests_total")]

    with live.connect() as conn:
        for number in range(40):
            conn.sendall(request_bytes(f"M{number:07d}", f"/made-up/{number}", {}))
            assert read_response(conn)[0] in {404, 405}
    before = metrics_lines()
    with live.connect() as conn:
        for number in range(40, 200):
            conn.sendall(request_bytes(f"M{number:07d}", f"/made-up/{number}", {}))
            read_response(conn)
    after = metrics_lines()
    assert len(after) == len(before)
    assert not any("M00000" in line or "/made-up/" in line for line in after)
    assert any('method="OTHER"' in line and 'handler="none"' in line for line in after)


def test_a_flood_of_one_log_record_is_cut_to_a_few_lines_with_a_count():
    import logging

    from integrations.http.server import RepeatLimit

    now = [0.0]
    limit = RepeatLimit(burst=3, interval=60, clock=lambda: now[0])
    logger = logging.getLogger("docker_qa.test_flood")
    records = [logger.makeRecord(logger.name, logging.ERROR, __file__, 1, "accept failed: %s", ("EMFILE",), None)
               for _ in range(10_000)]
    passed = [record for record in records if limit.filter(record)]
    assert len(passed) == 3
    other = logger.makeRecord(logger.name, logging.ERROR, __file__, 1, "something else", (), None)
    assert limit.filter(other)  # another kind of record is not held back by the flood
    now[0] = 61.0
    later = logger.makeRecord(logger.name, logging.ERROR, __file__, 1, "accept failed: %s", ("EMFILE",), None)
    assert limit.filter(later) and "9997 more like this" in later.getMessage()
