"""Build cost against its floor: the embedder alone on the chunk texts, then `docker-qa index build`, at 1x, 10x and 100x.

    python bench/bench_build.py                  # writes bench/results/build.md and build.png
    python bench/bench_build.py --sizes 1        # the smallest size only
    python bench/bench_build.py --profile 10     # also profile one build of the 10x blog (cProfile) and list where time goes

For each size the seeded blog of bench/make_corpus.py is written to a temporary folder, then fresh processes alternate:
the embedder alone (load the configured embedder, embed every chunk's `embedding_text()` in batches of 64, the texts the
build embeds), and the real `docker-qa index build FOLDER --out NEW_DIR` (no earlier index, so no cache) with its
embedder calls timed. The overhead is the build's time over the time its own embedder calls spend on the chunk texts
(same process, same seconds, so robust to other load); the comparison with the embedder in its own process is given
beside it (seconds, CPU seconds and wall time). Peak RSS is each child's own, from wait4().
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import record

BATCH = 64  # as build_index
TARGET = 0.15


def chunk_texts(folder: Path) -> list[str]:
    """The texts the build embeds for the posts in `folder`, in its order."""
    from assistant.ingest import load_articles

    return [chunk.embedding_text() for article in load_articles(folder) for chunk in article.chunks]


def embed_worker(texts_file: Path) -> dict:
    """In this process: load the configured embedder and embed the texts as the build does; the two times."""
    from assistant.settings import Settings

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    from assistant.embed import load_embedder

    embedder = load_embedder(Settings())
    loaded = time.perf_counter()
    for start in range(0, len(texts), BATCH):
        embedder.embed_passages(texts[start : start + BATCH])
    done = time.perf_counter()
    return {"load_seconds": loaded - started, "embed_seconds": done - loaded, "texts": len(texts)}


class TimedEmbedder:
    """The configured embedder, unchanged, with the seconds of each embed_passages call recorded as chunk or extra work."""

    def __init__(self, inner, chunk_texts: set[str], calls: list):
        self._inner = inner
        self._chunk_texts = chunk_texts
        self._calls = calls
        self.id = inner.id
        self.dim = inner.dim

    def embed_queries(self, texts):
        return self._inner.embed_queries(texts)

    def embed_passages(self, texts):
        started = time.perf_counter()
        vectors = self._inner.embed_passages(texts)
        kind = "chunks" if texts and texts[0] in self._chunk_texts else "extra"
        self._calls.append((kind, len(texts), time.perf_counter() - started))
        return vectors


def build_worker(folder: Path, out: Path) -> dict:
    """In this process: the real `docker-qa index build FOLDER --out OUT` command, with its embedding calls timed.

    A call embeds chunk texts or the extra passages (snippet catalog, refusal background); they are told apart by text.
    """
    import assistant.embed
    from assistant.cli import main

    texts = set(chunk_texts(folder))
    calls: list[tuple[str, int, float]] = []
    loads: list[float] = []
    load_embedder = assistant.embed.load_embedder

    def timed_load_embedder(settings):
        started = time.perf_counter()
        embedder = load_embedder(settings)
        loads.append(time.perf_counter() - started)
        return TimedEmbedder(embedder, texts, calls)

    assistant.embed.load_embedder = timed_load_embedder
    started = time.perf_counter()
    main(["index", "build", str(folder), "--out", str(out)], standalone_mode=False)
    total = time.perf_counter() - started
    return {
        "seconds": total,
        "load_seconds": sum(loads),
        "chunk_embed_seconds": sum(t for kind, _, t in calls if kind == "chunks"),
        "chunk_texts": sum(n for kind, n, _ in calls if kind == "chunks"),
        "extra_embed_seconds": sum(t for kind, _, t in calls if kind == "extra"),
        "extra_texts": sum(n for kind, n, _ in calls if kind == "extra"),
    }


def profile_worker(folder: Path, out: Path, stats_file: Path) -> None:
    """In this process: one build_index under cProfile, stats saved for the parent."""
    import cProfile

    from assistant.index import build_index
    from assistant.settings import Settings

    settings = Settings()
    profiler = cProfile.Profile()
    profiler.enable()
    build_index(settings, source=folder, out=out)
    profiler.disable()
    profiler.dump_stats(str(stats_file))


def folder_bytes(path: Path) -> dict[str, int]:
    """Bytes on disk per top-level entry of an index directory."""
    sizes = {}
    for entry in sorted(path.iterdir()):
        files = [entry] if entry.is_file() else [p for p in entry.rglob("*") if p.is_file()]
        sizes[entry.name] = sum(p.stat().st_size for p in files)
    return sizes


def measure_size(copies: int, work: Path, seed: int, repeats: int) -> dict:
    """Embedder alone, then the build, `repeats` times alternately, on the seeded blog of `copies` posts."""
    import make_corpus

    folder = work / f"blog-{copies}x"
    make_corpus.write_corpus(folder, copies, seed)
    texts = chunk_texts(folder)
    texts_file = work / f"texts-{copies}x.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    index_dir = work / f"index-{copies}x"
    alone_runs, build_runs = [], []
    for run in range(repeats):
        record.log(f"{copies}x run {run + 1}/{repeats}: {len(texts)} chunks; embedder alone ...")
        child = record.spawn_measured([sys.executable, __file__, "--embed-worker", str(texts_file)])
        alone = {**json.loads(child.stdout.strip().splitlines()[-1]), "wall_seconds": child.wall,
                 "peak_rss_kib": child.peak_rss_kib, "cpu_seconds": child.cpu_seconds}
        alone["seconds"] = alone["load_seconds"] + alone["embed_seconds"]
        alone_runs.append(alone)
        record.log(f"  {alone['seconds']:.1f} s in process, {child.wall:.1f} s wall")

        record.log(f"{copies}x run {run + 1}/{repeats}: docker-qa index build ...")
        shutil.rmtree(index_dir, ignore_errors=True)
        child = record.spawn_measured([sys.executable, __file__, "--build-worker", str(folder), str(index_dir)])
        build = {**json.loads(child.stdout.strip().splitlines()[-1]), "wall_seconds": child.wall,
                 "peak_rss_kib": child.peak_rss_kib, "cpu_seconds": child.cpu_seconds}
        manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
        build.update(chunks=manifest["chunk_count"], index_type=manifest["index_type"], files=folder_bytes(index_dir))
        build["bytes"] = sum(build["files"].values())
        build_runs.append(build)
        record.log(f"  {build['seconds']:.1f} s in process ({build['chunk_embed_seconds']:.1f} s embedding chunks), "
                   f"{child.wall:.1f} s wall; overhead {build['seconds'] / alone['seconds'] - 1:+.1%}")
        shutil.rmtree(index_dir, ignore_errors=True)
    corpus_bytes = sum(p.stat().st_size for p in folder.glob("*.md"))
    return {"copies": copies, "posts": copies, "corpus_bytes": corpus_bytes, "alone_runs": alone_runs, "build_runs": build_runs,
            "alone": fastest(alone_runs), "build": fastest(build_runs)}


def fastest(runs: list[dict]) -> dict:
    """The fastest run, with the highest peak RSS and the least wall and CPU time of all runs."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["peak_rss_kib"] = max(r["peak_rss_kib"] for r in runs)
    best["wall_seconds"] = min(r["wall_seconds"] for r in runs)
    best["cpu_seconds"] = min(r["cpu_seconds"] for r in runs)
    return best


def profile_build(copies: int, work: Path, seed: int, top: int = 25) -> list[tuple[str, float, float]]:
    """(function, own seconds, cumulative seconds) of the slowest functions of one build, under cProfile."""
    import pstats

    import make_corpus

    folder = work / f"blog-{copies}x"
    make_corpus.write_corpus(folder, copies, seed)
    out = work / f"profiled-index-{copies}x"
    shutil.rmtree(out, ignore_errors=True)
    stats_file = work / "build.prof"
    record.log(f"{copies}x: profiling one build ...")
    record.spawn_measured([sys.executable, __file__, "--profile-worker", str(folder), str(out), str(stats_file)])
    shutil.rmtree(out, ignore_errors=True)
    stats = pstats.Stats(str(stats_file))
    rows = []
    for (file, line, name), (_, _, own, cumulative, _) in stats.stats.items():
        if file.startswith("<frozen") or name in ("<module>", "<built-in method builtins.exec>", "<built-in method builtins.__import__>"):
            continue  # import machinery: its time shows under the functions that import
        short = f"{Path(file).parent.name}/{Path(file).name}:{line}({name})" if line else name
        rows.append((short, own, cumulative))
    rows.sort(key=lambda row: row[2], reverse=True)
    return rows[:top]


def chart(page, results: list[dict]) -> None:
    """Left: embedder alone vs build seconds per size (log scale); right: overhead per size against the target."""
    plt = record.pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    labels = [f"{r['copies']}x\n{r['build']['chunks']} chunks" for r in results]
    xs = range(len(results))
    width = 0.27
    left.bar([x - width for x in xs], [r["alone"]["seconds"] for r in results], width, label="embedder alone (own process)")
    left.bar(list(xs), [r["build"]["load_seconds"] + r["build"]["chunk_embed_seconds"] for r in results], width,
             label="embedder on the chunks, inside the build")
    left.bar([x + width for x in xs], [r["build"]["seconds"] for r in results], width, label="docker-qa index build")
    left.set_yscale("log")
    left.set_xticks(list(xs), labels)
    left.set_ylabel("seconds (log)")
    left.set_title("index build vs its floor, the embedder", fontsize=9)
    left.legend(fontsize=8)
    overheads = [100 * (r["build"]["seconds"] / (r["build"]["load_seconds"] + r["build"]["chunk_embed_seconds"]) - 1) for r in results]
    bars = right.bar(list(xs), overheads, 0.5, color=["tab:green" if o < 100 * TARGET else "tab:red" for o in overheads])
    right.bar_label(bars, fmt="%.1f%%", fontsize=8)
    right.axhline(100 * TARGET, color="black", linestyle="--", linewidth=1, label="target 15%")
    right.set_xticks(list(xs), labels)
    right.set_ylabel("overhead, %")
    right.set_title("build time over its own chunk embedding (target < 15%)", fontsize=9)
    right.legend(fontsize=8)
    page.save_chart(fig)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="blog sizes in copies of the article (default 1,10,100)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs per size below 100x; the fastest counts (default 3)")
    parser.add_argument("--large-repeats", type=int, default=1, help="runs per size of 100x and more (default 1)")
    parser.add_argument("--profile", type=int, default=None, metavar="COPIES", help="also profile one build of this size")
    parser.add_argument("--out-dir", type=Path, default=record.RESULTS)
    parser.add_argument("--embed-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-worker", type=Path, nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--build-worker", type=Path, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.embed_worker:
        print(json.dumps(embed_worker(args.embed_worker)))
        return 0
    if args.build_worker:
        print(json.dumps(build_worker(*args.build_worker)))
        return 0
    if args.profile_worker:
        profile_worker(*args.profile_worker)
        return 0

    from assistant.index import embedder_id
    from assistant.settings import Settings

    sizes = [int(s) for s in args.sizes.split(",")]
    page = record.Page("build", "Index build cost vs the embedder alone", "python bench/bench_build.py", args.out_dir)
    with tempfile.TemporaryDirectory(prefix="docker-qa-bench-build-") as work:
        results = [
            measure_size(copies, Path(work), args.seed, args.large_repeats if copies >= 100 else args.repeats) for copies in sizes
        ]
        profile = profile_build(args.profile, Path(work), args.seed) if args.profile else None

    page.add(
        f"Embedder: {embedder_id(Settings())}. Blogs from `python bench/make_corpus.py --copies N --seed {args.seed}` "
        "(post 0 is the article, the others seeded variations of it). Each build is the real `docker-qa index build "
        "FOLDER --out NEW_DIR` command (its click entry point called in a fresh child; no earlier index, so no cache), "
        "timed inside the child from the command's start to its end, model load included.",
        "",
        "**Overhead inside the build.** The build's embedder calls are timed as they happen: the chunk batches (the "
        f"embedder's work on the chunk texts, batches of {BATCH}, the floor of any build), the extra passages it embeds "
        "beside them (snippet catalog and refusal background), and everything else (parsing, BM25, FAISS, writing "
        "files). Both sides come from the same seconds of the same process, so other work on the machine cannot "
        "favour one side.",
        "",
    )
    rows = []
    for r in results:
        b = r["build"]
        rest = b["seconds"] - b["load_seconds"] - b["chunk_embed_seconds"] - b["extra_embed_seconds"]
        floor = b["load_seconds"] + b["chunk_embed_seconds"]
        rows.append([
            f"{r['copies']}x ({r['posts']} posts, {r['corpus_bytes'] / 1e6:.2f} MB)", b["chunks"], f"{b['seconds']:.1f}",
            f"{floor:.1f}", f"{b['extra_embed_seconds']:.2f} ({b['extra_texts']} texts)", f"{rest:.2f}",
            f"{100 * (b['seconds'] / floor - 1):+.1f}%", f"{b['chunks'] / b['seconds']:.1f}", f"{b['bytes'] / 2**20:.1f}",
            f"{b['peak_rss_kib'] / 1024:.0f}",
        ])
    page.table(["blog", "chunks", "build s", "model load + chunk embedding s", "catalog + background embedding s",
                "everything else s", "overhead", "chunks/s", "index MiB", "peak RSS MiB"], rows)
    page.add(
        "**Embedder alone in its own process.** Fresh processes alternate per size: the embedder alone (load the model, "
        f"embed every chunk's `embedding_text()` in batches of {BATCH}, nothing else), then the build above. The fastest "
        "of the runs counts on each side; CPU seconds (user + system, whole process, from wait4) are less sensitive to "
        "other work than seconds. On a shared machine whose load changes from minute to minute this comparison is the "
        "noisier one.",
        "",
    )
    rows = []
    for r in results:
        a, b = r["alone"], r["build"]
        rows.append([
            f"{r['copies']}x", len(r["build_runs"]), f"{a['seconds']:.1f}", f"{b['seconds']:.1f}",
            f"{100 * (b['seconds'] / a['seconds'] - 1):+.1f}%", f"{a['cpu_seconds']:.1f} / {b['cpu_seconds']:.1f}",
            f"{100 * (b['cpu_seconds'] / a['cpu_seconds'] - 1):+.1f}%", f"{a['wall_seconds']:.1f} / {b['wall_seconds']:.1f}",
            f"{a['peak_rss_kib'] / 1024:.0f} / {b['peak_rss_kib'] / 1024:.0f}",
        ])
    page.table(["blog", "runs", "embedder alone s", "build s", "overhead", "CPU s (alone / build)", "CPU overhead",
                "wall s (alone / build)", "peak RSS MiB (alone / build)"], rows)
    largest = results[-1]["build"]
    page.add(
        f"Index files at {results[-1]['copies']}x ({largest['index_type']} index): "
        + ", ".join(f"{name} {size / 2**20:.1f} MiB" for name, size in largest["files"].items()) + ".",
        "",
    )
    def inside(r):
        b = r["build"]
        return b["seconds"] / (b["load_seconds"] + b["chunk_embed_seconds"]) - 1

    misses = [r for r in results if inside(r) >= TARGET]
    page.add(
        "Target: overhead under 15% at every size, measured inside the build: "
        + ("met." if not misses else "missed at " + ", ".join(f"{r['copies']}x ({100 * inside(r):+.1f}%)" for r in misses) + "."),
        "",
    )
    if profile:
        page.add(f"### Where one {args.profile}x build spends its time (cProfile, cumulative seconds)", "")
        page.table(["function", "own s", "cumulative s"], [[f"`{f}`", f"{o:.2f}", f"{c:.2f}"] for f, o, c in profile], "lrr")
    page.add(f"![build chart]({page.chart_path().name})")
    chart(page, results)
    return page.publish()


if __name__ == "__main__":
    sys.exit(main())
