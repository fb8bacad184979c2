"""A local stand-in for the Slack Web API: records calls and answers like Slack does."""

import itertools
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

BOT_USER_ID = "UBOTDOCKERQA"
BOT_ID = "BBOTDOCKERQA"
TEAM_ID = "T0TEAM"


@dataclass
class Call:
    """One request the fake received: the API method (or response_url path) and its arguments."""

    method: str
    args: dict
    headers: dict
    response: dict


class FakeSlack:
    """A threaded HTTP server on 127.0.0.1 answering auth.test, chat.*, conversations.replies and response_url posts; it can be told to
    fail (HTTP errors, 429 with Retry-After, ok: false) or to stall."""

    def __init__(self):
        self.calls: list[Call] = []
        self.failures: dict[str, str] = {}  # method -> Slack error code to answer with
        # method -> HTTP answers (status, headers, body) to give to its next calls, before answering normally
        self.script: dict[str, list[tuple[int, dict, dict]]] = {}
        self.refused: list[Call] = []  # calls answered from the script
        self.stalled: dict[str, threading.Event] = {}  # method -> calls wait until the event is set
        self.waiting = 0  # calls waiting on a stall right now
        self.messages: list[dict] = []  # users' messages conversations.replies returns along with the bot's
        self._condition = threading.Condition()
        self._ts = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                # slack_sdk sends conversations.replies as a GET with the arguments in the query string.
                url = urlsplit(self.path)
                self._respond(url.path, dict(parse_qsl(url.query)))

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    args = json.loads(raw or "{}")
                else:
                    args = dict(parse_qsl(raw))
                if isinstance(args.get("blocks"), str):
                    args["blocks"] = json.loads(args["blocks"])
                self._respond(self.path, args)

            def _respond(self, path, args):
                method = path.removeprefix("/api/").strip("/")
                fake._stall(method)
                scripted = fake._scripted(method, args, dict(self.headers))
                status, headers, payload = scripted or (200, {}, fake._answer(method, args, dict(self.headers)))
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        """The base URL to configure as SLACK_API_URL."""
        return f"http://127.0.0.1:{self._server.server_port}/api/"

    def response_url(self, name: str) -> str:
        """A response_url (as sent with slash commands and button clicks) that lands on this fake."""
        return f"http://127.0.0.1:{self._server.server_port}/hooks/{name}"

    def start(self) -> "FakeSlack":
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        """Forget recorded calls and configured failures."""
        with self._condition:
            self.calls.clear()
            self.failures.clear()
            self.script.clear()
            self.refused.clear()
            self.messages.clear()
            for gate in self.stalled.values():
                gate.set()
            self.stalled.clear()

    def calls_to(self, method: str) -> list[Call]:
        """Calls recorded so far for one method, oldest first."""
        with self._condition:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 30.0) -> list[Call]:
        """Block until `count` calls to `method` were recorded; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                calls = [call for call in self.calls if call.method == method]
                if len(calls) >= count:
                    return calls
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"expected {count} call(s) to {method}, got {len(calls)}: {self.calls}")
                self._condition.wait(remaining)

    def fail_next(self, method: str, *answers: tuple[int, dict, dict]) -> None:
        """Answer the next calls to `method` with these (status, headers, body), then normally again."""
        with self._condition:
            self.script.setdefault(method, []).extend(answers)

    def stall(self, method: str) -> threading.Event:
        """Hold every call to `method` until the returned event is set (at most 20 seconds each)."""
        gate = threading.Event()
        self.stalled[method] = gate
        return gate

    def _stall(self, method: str) -> None:
        gate = self.stalled.get(method)
        if gate is None:
            return
        with self._condition:
            self.waiting += 1
        gate.wait(20)
        with self._condition:
            self.waiting -= 1

    def _scripted(self, method: str, args: dict, headers: dict):
        with self._condition:
            answers = self.script.get(method)
            if not answers:
                return None
            answer = answers.pop(0)
            self.refused.append(Call(method, args, headers, answer[2]))
            self._condition.notify_all()
            return answer

    def _answer(self, method: str, args: dict, headers: dict) -> dict:
        with self._condition:
            response = self._response(method, args, f"1700000000.{next(self._ts):06d}")
            self.calls.append(Call(method, args, headers, response))
            self._condition.notify_all()
        return response

    def _response(self, method: str, args: dict, ts: str) -> dict:
        if method in self.failures:
            return {"ok": False, "error": self.failures[method]}
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.test/", "team": "Test", "user": "docker-qa",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False}
        if method == "chat.postMessage":
            message = {"type": "message", "text": args.get("text", ""), "user": BOT_USER_ID, "bot_id": BOT_ID,
                       "ts": ts, "blocks": args.get("blocks", [])}
            return {"ok": True, "channel": args.get("channel"), "ts": ts, "message": message}
        if method == "conversations.replies":
            # The thread's parent and replies, oldest first: messages posted with chat.postMessage and the ones a
            # test added as users' messages.
            thread = args.get("ts")
            posted = [
                {**call.response["message"], "thread_ts": call.args.get("thread_ts") or call.response["ts"]}
                for call in self.calls
                if call.method == "chat.postMessage" and call.response.get("ok") and call.args.get("channel") == args.get("channel")
                and (call.args.get("thread_ts") or call.response["ts"]) == thread
            ]
            added = [m for m in self.messages if m.get("channel") == args.get("channel") and m.get("thread_ts", m.get("ts")) == thread]
            messages = sorted(posted + added, key=lambda m: float(m["ts"]))
            return {"ok": True, "messages": messages, "has_more": False}
        if method == "chat.update":
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts"), "text": args.get("text", "")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method.startswith("hooks/"):
            return {"ok": True}
        return {"ok": False, "error": "unknown_method"}
