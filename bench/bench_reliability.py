"""Load, slow clients, made-up methods and SIGTERM against a real `docker-qa serve`: errors, memory, descriptors,
/metrics size and requests dropped while stopping.

    python bench/bench_reliability.py                      # the full run written to bench/results/reliability.md
    python bench/bench_reliability.py --requests 100 --slow 50 --out /tmp/r   # a small run
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from record import EXAMPLE, RESULTS, ROOT, Page

QUESTIONS = [EXAMPLE, "컨테이너가 삭제되면 데이터는 어떻게 되나요?", "How do I make Docker images smaller?",
             "What is the capital of France?", "does docker share the host kernel?"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`docker-qa serve` in a child process."""

    def __init__(self, workers: int, log: Path, **settings: str):
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               **settings}
        self.log = open(log, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited: {log.read_text()[-2000:]}")
            try:
                if request("GET", "/readyz", port=self.port)[0] == 200:
                    return
            except OSError:
                time.sleep(0.25)
        raise SystemExit("the server did not become ready")

    def pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        kids = [int(pid) for pid in children.read_text().split()] if children.exists() else []
        return [self.process.pid, *kids]

    def peak_rss_mb(self) -> float:
        """The largest peak resident memory (VmHWM) of the server's processes."""
        peaks = []
        for pid in self.pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return max(peaks)

    def rss_mb(self) -> float:
        total = []
        for pid in self.pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total.append(int(line.split()[1]) / 1024)
        return max(total)

    def open_fds(self) -> int:
        return sum(len(os.listdir(f"/proc/{pid}/fd")) for pid in self.pids())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def request(method: str, path: str, body: dict | None = None, port: int = 8000, conn=None, timeout: float = 30):
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    payload = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if body is not None else {}
    try:
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


def load(port: int, requests: int, concurrency: int) -> dict:
    """`requests` requests (questions and health checks) over `concurrency` keep-alive connections."""
    counts: dict[str, int] = {}
    lock = threading.Lock()
    todo = iter(range(requests))

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for number in todo:
            try:
                if number % 4 == 3:
                    status, _ = request("GET", "/healthz", conn=conn)
                else:
                    question = f"{random.choice(QUESTIONS)} ({number % 50})"
                    status, _ = request("POST", "/v1/ask", {"question": question}, conn=conn)
                key = str(status)
            except (OSError, http.client.HTTPException) as exc:
                key = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with lock:
                counts[key] = counts.get(key, 0) + 1
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def made_up_methods(port: int, count: int) -> tuple[int, int]:
    """/metrics size in bytes before and after `count` requests with made-up methods and paths."""
    def send_all(numbers):
        with socket.create_connection(("127.0.0.1", port)) as sock:
            for number in numbers:
                made_up_request(sock, number)

    send_all(range(10))  # the first ones add the one label set all of them share
    before = len(request("GET", "/metrics", port=port)[1])
    send_all(range(10, 10 + count))
    after = len(request("GET", "/metrics", port=port)[1])
    return before, after


def made_up_request(sock, number: int) -> None:
    """Send `MNNNNNNN /made-up/N` on a kept-alive connection and read the whole answer."""
    sock.sendall(f"M{number:07d} /made-up/{number} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int([line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")][0].split(b":")[1])
    while len(body) < length:
        body += sock.recv(65536)


def slow_clients(server: Server, count: int, head_timeout: float) -> dict:
    """`count` silent connections and `count` half-sent bodies; normal requests meanwhile; descriptors after."""
    fds_before = server.open_fds()
    held = []
    for number in range(count * 2):
        try:
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        except OSError:
            break
        if number % 2:
            sock.sendall(b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
        held.append(sock)
    time.sleep(2)  # the server has accepted (and, over its cap, closed) what the kernel queued
    fds_during = server.open_fds()
    rss_during = server.rss_mb()
    normal = [request("POST", "/v1/ask", {"question": EXAMPLE}, port=server.port)[0] for _ in range(20)]
    time.sleep(head_timeout + 3)  # past the head deadline (the body deadline is the same in this run)
    fds_after = server.open_fds()
    for sock in held:
        sock.close()
    return {"held": len(held), "normal_ok": sum(s == 200 for s in normal), "normal": len(normal),
            "fds_before": fds_before, "fds_during": fds_during, "fds_after": fds_after, "rss_during": rss_during}


def sigterm_under_load(workers: int, concurrency: int, log: Path) -> dict:
    """Requests in flight when the server gets SIGTERM: answered, dropped (sent, no answer) or refused (not sent)."""
    server = Server(workers, log)
    counts = {"answered": 0, "dropped": 0, "refused": 0, "5xx": 0}
    lock = threading.Lock()
    stop = threading.Event()

    def worker():
        while not stop.is_set():
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            try:
                conn.connect()
            except OSError:
                with lock:
                    counts["refused"] += 1
                stop.wait(0.05)
                continue
            # One request per connection: a request sent on an idle keep-alive connection the server is
            # closing would be lost to a race no server can close; clients retry those (idempotent) anyway.
            try:
                question = f"{random.choice(QUESTIONS)} ({random.randrange(10_000)})"
                status, _ = request("POST", "/v1/ask", {"question": question}, conn=conn)
                key = "answered" if status < 500 else "5xx"
            except (OSError, http.client.HTTPException):
                key = "dropped"
            finally:
                conn.close()
            with lock:
                counts[key] += 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=120)
    stop.set()
    for thread in threads:
        thread.join()
    server.log.close()
    counts["exit_status"] = server.process.returncode
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--methods", type=int, default=5000, help="requests with made-up methods")
    parser.add_argument("--slow", type=int, default=1500, help="silent connections (and as many half-sent bodies)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    args.out.mkdir(parents=True, exist_ok=True)
    logs = Path(tempfile.mkdtemp(prefix="docker-qa-bench-"))  # the servers' logs, kept out of the results
    print(f"server logs: {logs}", file=sys.stderr)

    page = Page("reliability", "Reliability: load, slow clients, made-up methods and SIGTERM", "python bench/bench_reliability.py "
                + " ".join(sys.argv[1:]), args.out)
    head_timeout = 5.0
    server = Server(1, logs / "serve.log", DOCKER_QA_HTTP_HEAD_TIMEOUT=str(head_timeout),
                    DOCKER_QA_HTTP_BODY_TIMEOUT=str(head_timeout))
    try:
        counts = load(server.port, args.requests, args.concurrency)
        page.add("## Load", "", f"{args.requests} requests (3 in 4 `POST /v1/ask` over 250 different questions, "
                 f"1 in 4 `GET /healthz`) on {args.concurrency} keep-alive connections, one server process.", "")
        seconds = counts.pop("seconds")
        page.table(["result", "requests"], [[key, value] for key, value in sorted(counts.items())])
        page.add(f"{seconds} s in all; peak resident memory of the server process: {server.peak_rss_mb():.0f} MB.", "")

        before, after = made_up_methods(server.port, args.methods)
        page.add("## Made-up methods", "", f"{args.methods} requests `MNNNNNNN /made-up/N` on one connection: "
                 f"`/metrics` was {before} bytes before and {after} bytes after (labels come from a closed set).", "")

        slow = slow_clients(server, args.slow, head_timeout)
        page.add("## Slow clients", "", f"{args.slow} connections that send nothing and {args.slow} that send a head and "
                 f"one byte of a 1000-byte body (head and body deadlines {head_timeout:.0f} s in this run).", "")
        page.table(["measure", "value"], [
            ["connections held open", slow["held"]],
            ["normal questions answered meanwhile", f"{slow['normal_ok']} of {slow['normal']}"],
            ["server file descriptors before", slow["fds_before"]],
            ["server file descriptors while held (2 s after the last connect)", slow["fds_during"]],
            ["server file descriptors after the deadlines", slow["fds_after"]],
            ["server resident memory while held (MB)", f"{slow['rss_during']:.0f}"],
        ])
        page.add(f"Peak resident memory of the server process over load, methods and slow clients: "
                 f"{server.peak_rss_mb():.0f} MB.", "")
    finally:
        server.stop()

    rows = []
    for workers in (1, 2):
        result = sigterm_under_load(workers, min(args.concurrency, 16), logs / f"sigterm-{workers}.log")
        rows.append([workers, result["answered"], result["dropped"], result["5xx"], result["refused"], result["exit_status"]])
    page.add("## SIGTERM under load", "", "Clients keep asking (one request per connection) while the server is sent "
             "SIGTERM three seconds in. *Dropped* counts requests sent on an accepted connection that got no answer; "
             "*refused* counts connections attempted after the server closed its socket (a load balancer sends those "
             "elsewhere).", "")
    page.table(["workers", "answered", "dropped", "5xx", "refused after close", "exit status"], rows)
    return page.publish()


if __name__ == "__main__":
    sys.exit(main())
