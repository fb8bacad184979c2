"""Live reload under load: wrk on POST /v1/ask while the index is rebuilt and reloaded twice; failed requests counted."""

# Needs wrk (apt-get install -y wrk); installs nothing itself.
#   python bench/bench_reload.py                          # 1 and 2 workers -> bench/results/reload.md
#   python bench/bench_reload.py --workers 1 --settle 2   # a quick look
# Each run: a copy of the article and its index in a temporary folder, `docker-qa serve` on that index (watching it,
# DOCKER_QA_RELOAD_INTERVAL seconds apart), wrk asking one question on many connections; meanwhile this script edits
# the answer's sentence and rebuilds the index in place twice, and a probe asks until each build answers.

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import record
from record import Page

ROOT = Path(os.path.abspath(__file__)).parent.parent
WRK_DIR = ROOT / "bench" / "wrk"
QUESTION = "does split compose share the kernel?"
POST = "docker-disadvantages.en.md"
SENTENCE = "the kernel is always shared"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(url: str) -> str:
    request = urllib.request.Request(
        url + "/v1/ask", data=json.dumps({"question": QUESTION}).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["answer"]


def edit(source: Path, marker: str) -> None:
    """Make the answer's sentence carry `marker` (replacing the previous marker)."""
    post = source / POST
    text = post.read_text(encoding="utf-8")
    start = text.index(SENTENCE)
    end = text.index(".", start) + 1
    post.write_text(text[:start] + f"{SENTENCE} ({marker})." + text[end:], encoding="utf-8")


def run(workers: int, args, embedder, work: Path) -> dict:
    """One server, wrk for the whole run, two rebuilds; the numbers of the run."""
    from assistant.index import build_index
    from assistant.settings import Settings

    source, index = work / f"posts-{workers}", work / f"index-{workers}"
    source.mkdir()
    for name in ("docker-disadvantages.md", POST):
        shutil.copy(ROOT / "corpus" / name, source / name)
    shutil.copytree(ROOT / "index", index)  # its vectors are reused
    settings = Settings(_env_file=None)
    build_index(settings, source=source, out=index, embedder=embedder)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = work / f"serve-{workers}.log"
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "DOCKER_QA_INDEX_DIR": str(index),
        "DOCKER_QA_RELOAD_INTERVAL": str(args.interval), "DOCKER_QA_DATA_DIR": str(work / "data"),
    }
    with open(log, "w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            record.wait_ready(url, server, log, timeout=300)
            while log.read_text(errors="replace").count("Application startup complete") < workers:
                time.sleep(0.2)
            # Warm-up, not measured: every worker answers the question once and caches it. One question first, so
            # wrk's connections do not all compute the same uncached answer at once.
            for _ in range(4 * workers):
                ask(url)
            subprocess.run(["wrk", "-t1", f"-c{args.connections}", "-d3s", "-s", "ask_repeated.lua", url],
                           cwd=WRK_DIR, capture_output=True, check=True)
            wrk = subprocess.Popen(
                ["wrk", "-t1", f"-c{args.connections}", "-d3600s", "--timeout", "10s", "--latency", "-s", "ask_repeated.lua", url],
                cwd=WRK_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            switches = []
            time.sleep(args.settle)
            for marker in ("one", "two"):
                edit(source, marker)
                started = time.monotonic()
                manifest = build_index(settings, source=source, out=index, embedder=embedder)
                built = time.monotonic()
                while f"({marker})" not in ask(url):
                    if time.monotonic() - built > 300:
                        raise SystemExit(f"build {marker!r} was not served after 300 s; see {log}")
                    time.sleep(0.05)
                switches.append({"build_s": built - started, "served_after_s": time.monotonic() - built,
                                 "chunks": manifest.chunk_count})
                time.sleep(args.settle)
            wrk.send_signal(signal.SIGINT)  # wrk stops and reports
            out, err = wrk.communicate(timeout=60)
            final = ask(url)
            readyz = json.loads(urllib.request.urlopen(url + "/readyz", timeout=10).read())
            metrics = urllib.request.urlopen(url + "/metrics", timeout=10).read().decode()
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGINT)
                server.wait(timeout=60)
    line = next((l for l in out.splitlines() if l.startswith("WRK_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no summary: {err.strip() or out.strip()}")
    data = json.loads(line[len("WRK_JSON "):])
    reloads = {result: 0.0 for result in ("loaded", "refused")}
    for metric_line in metrics.splitlines():
        for result in reloads:
            if metric_line.startswith(f'docker_qa_index_reloads_total{{result="{result}"}} '):
                reloads[result] = float(metric_line.rsplit(" ", 1)[1])
    refused_lines = [l for l in log.read_text(errors="replace").splitlines() if "index reload refused" in l]
    return {
        "workers": workers,
        "requests": data["requests"],
        "seconds": data["duration_us"] / 1e6,
        "errors": {k: data[k] for k in ("connect", "read", "write", "status", "timeout")},
        "p50_ms": data["p50_us"] / 1000,
        "p99_ms": data["p99_us"] / 1000,
        "max_ms": data["max_us"] / 1000,
        "switches": switches,
        "final_answer_from_second_build": "(two)" in final,
        "readyz_built_at": readyz["built_at"],
        "reloads": reloads,
        "refused_lines": len(refused_lines),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="server processes per run (default: 1 2)")
    parser.add_argument("--connections", type=int, default=20, help="wrk connections (default 20)")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds of load before, between and after the rebuilds")
    parser.add_argument("--interval", type=float, default=2.0, help="DOCKER_QA_RELOAD_INTERVAL of the server (default 2)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the work folder (posts, indexes, server logs) here")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results", help="where reload.md goes")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed; install it with: apt-get install -y wrk")

    from assistant.embed import load_embedder
    from assistant.settings import Settings

    page = Page("reload", "Live reload under load", "python bench/bench_reload.py " + " ".join(sys.argv[1:]), args.out_dir)
    embedder = load_embedder(Settings(_env_file=None))
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        results = [run(workers, args, embedder, args.keep) for workers in args.workers]
    else:
        with tempfile.TemporaryDirectory(prefix="docker-qa-reload-") as tmp:
            results = [run(workers, args, embedder, Path(tmp)) for workers in args.workers]

    page.add(
        f"wrk (1 thread, {args.connections} connections) sends `POST /v1/ask` with one question for the whole run; "
        f"after {args.settle:g} s the script edits that answer's sentence in a copy of the article and rebuilds the "
        f"index in place (`build_index`, the atomic swap of `docker-qa index build`), waits until the answer carries "
        f"the edit, waits {args.settle:g} s, does it again, and stops wrk {args.settle:g} s later. The server watches its "
        f"index (`DOCKER_QA_RELOAD_INTERVAL={args.interval:g}`). Build and wrk share the machine's CPUs.",
        "",
    )
    page.table(
        ["workers", "requests", "failed (connect/read/write/status/timeout)", "req/s", "p50 ms", "p99 ms", "max ms",
         "reloads (loaded/refused)", "answers switched", "served after build 1 / 2 (s)"],
        [
            [
                r["workers"], r["requests"], f"{sum(r['errors'].values())} ({'/'.join(str(v) for v in r['errors'].values())})",
                f"{r['requests'] / r['seconds']:.0f}", f"{r['p50_ms']:.1f}", f"{r['p99_ms']:.1f}", f"{r['max_ms']:.0f}",
                f"{r['reloads']['loaded']:.0f}/{r['reloads']['refused']:.0f}",
                "yes" if r["final_answer_from_second_build"] else "NO",
                " / ".join(f"{s['served_after_s']:.1f}" for s in r["switches"]),
            ]
            for r in results
        ],
        align="rrlrrrrrlr",
    )
    builds = ", ".join(f"{s['build_s']:.1f}" for r in results for s in r["switches"])
    page.add(
        "`failed` counts every request wrk saw fail: socket errors and non-2xx statuses. `reloads` is the server's "
        "`docker_qa_index_reloads_total` (one per worker per build). `served after` is the time from the end of a build "
        "to the first answer carrying its edit (the poll interval plus loading the index beside the old one). "
        f"Builds took {builds} s (each embeds only the "
        "edited passage). The max latency is the requests that waited while a worker loaded the new index.",
    )
    return page.publish()


if __name__ == "__main__":
    sys.exit(main())
