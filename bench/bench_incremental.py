"""Incremental rebuild: `docker-qa index build` after editing one post of the 100x blog, against the full build.

    python bench/bench_incremental.py                # writes bench/results/incremental.md and incremental.png
    python bench/bench_incremental.py --copies 2     # a quick look

Steps, each `docker-qa index build BLOG --out INDEX` in a fresh process (the command timed inside the child, as in
bench_build.py): a full build into a new directory; a rebuild with nothing changed; then one post gains a sentence
(bench/make_corpus.py `edit_post`) and the index is rebuilt into the same directory, reusing the vectors of unchanged
chunks (keyed by content hash).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import record

TARGET = 0.05
BUILD_SCRIPT = Path(__file__).resolve().parent / "bench_build.py"


def timed_build(folder: Path, out: Path) -> dict:
    """One `docker-qa index build` in a fresh process, with its embedding calls timed (bench_build.py --build-worker)."""
    child = record.spawn_measured([sys.executable, str(BUILD_SCRIPT), "--build-worker", str(folder), str(out)])
    result = json.loads(child.stdout.strip().splitlines()[-1])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    result.update(wall_seconds=child.wall, peak_rss_kib=child.peak_rss_kib, cpu_seconds=child.cpu_seconds, chunks=manifest["chunk_count"])
    result["rest_seconds"] = result["seconds"] - result["load_seconds"] - result["chunk_embed_seconds"] - result["extra_embed_seconds"]
    return result


def chart(page, steps: list[tuple[str, dict]]) -> None:
    """Stacked bars per step: chunk embedding, catalog and background embedding, everything else."""
    plt = record.pyplot()
    fig, ax = plt.subplots(figsize=(8, 4))
    names = [name for name, _ in steps]
    parts = [("chunk embedding", "chunk_embed_seconds"), ("catalog + background embedding", "extra_embed_seconds"),
             ("model load + everything else", None)]
    bottom = [0.0] * len(steps)
    for label, key in parts:
        values = [r[key] if key else r["seconds"] - r["chunk_embed_seconds"] - r["extra_embed_seconds"] for _, r in steps]
        ax.bar(names, values, bottom=bottom, label=label)
        bottom = [b + v for b, v in zip(bottom, values)]
    for x, (_, r) in enumerate(steps):
        ax.text(x, r["seconds"], f"{r['seconds']:.1f} s", ha="center", va="bottom", fontsize=8)
    ax.set_yscale("log")
    ax.set_ylabel("seconds (log)")
    ax.set_title("full build vs rebuilds into the same index directory", fontsize=9)
    ax.legend(fontsize=8)
    page.save_chart(fig)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="posts in the blog (default 100)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out-dir", type=Path, default=record.RESULTS)
    args = parser.parse_args(argv)

    import make_corpus

    page = record.Page("incremental", "Incremental rebuild after editing one post", "python bench/bench_incremental.py", args.out_dir)
    with tempfile.TemporaryDirectory(prefix="docker-qa-bench-incremental-") as work:
        folder = Path(work) / f"blog-{args.copies}x"
        out = Path(work) / "index"
        posts = make_corpus.write_corpus(folder, args.copies, args.seed)
        record.log(f"{args.copies} posts: full build ...")
        full = timed_build(folder, out)
        record.log(f"  {full['seconds']:.1f} s")
        record.log("rebuild, nothing changed ...")
        unchanged = timed_build(folder, out)
        record.log(f"  {unchanged['seconds']:.1f} s")
        edited = posts[len(posts) // 2]
        added = make_corpus.edit_post(edited, args.seed)
        record.log(f"edited {edited.name}; rebuild ...")
        rebuild = timed_build(folder, out)
        record.log(f"  {rebuild['seconds']:.1f} s, {rebuild['chunk_texts']} chunks embedded")

    steps = [("full build", full), ("rebuild, no change", unchanged), ("rebuild, one post edited", rebuild)]
    page.add(
        f"Blog: `python bench/make_corpus.py --copies {args.copies} --seed {args.seed}` ({full['chunks']} chunks). "
        f"Edit: post `{edited.name}` gains one sentence taken from elsewhere in it ({len(added)} characters). Each step runs "
        "the real `docker-qa index build BLOG --out INDEX` command in a fresh process; time is measured inside it, from the "
        "command's start to its end (model load included).",
        "",
    )
    page.table(
        ["step", "build s", "wall s", "chunks embedded", "chunk embedding s", "catalog + background embedding s",
         "model load + everything else s", "share of the full build", "peak RSS MiB"],
        [[name, f"{r['seconds']:.2f}", f"{r['wall_seconds']:.2f}", r["chunk_texts"], f"{r['chunk_embed_seconds']:.2f}",
          f"{r['extra_embed_seconds']:.2f}", f"{r['load_seconds'] + r['rest_seconds']:.2f}",
          f"{100 * r['seconds'] / full['seconds']:.1f}%", f"{r['peak_rss_kib'] / 1024:.0f}"] for name, r in steps],
    )
    share = rebuild["seconds"] / full["seconds"]
    page.add(
        f"Target: a rebuild after one edited post under 5% of the full build. Measured: {100 * share:.1f}% "
        f"({'met' if share < TARGET else 'missed'}).",
        "",
        f"![incremental chart]({page.chart_path().name})",
    )
    chart(page, steps)
    return page.publish()


if __name__ == "__main__":
    sys.exit(main())
