"""Search structure at scale: flat FAISS vs HNSW and IVF on 10^4, 10^5 and 10^6 vectors shaped like the real ones.

    python bench/bench_ann.py                  # writes bench/results/ann.md and ann.png (10^6 needs ~6 GB RAM, minutes)
    python bench/bench_ann.py --sizes 10000    # the smallest size only

Vectors: the article's chunk embeddings (index/embeddings.npy) drawn at random, plus seeded Gaussian noise, renormalized;
the noise either has the covariance of the real embeddings ("shaped") or is the same in every dimension ("isotropic").
Queries: the questions of tests/data/*.jsonl embedded by the configured embedder, as `ask` embeds them. For every size:
a flat IndexFlatIP (exact; the ground truth), IndexHNSWFlat (M=32, efConstruction=80 as `build_index` uses) at efSearch
16..512, and IndexIVFFlat (nlist about 4·sqrt(N)) at nprobe 4..64; each sweep goes on doubling (efSearch up to 2048,
nprobe up to 256) while recall@10 stays below 0.95. Latency is one query per search call
(as `ask` searches), median and p90 over all queries and rounds; recall@10 is the share of the exact top 10 found.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import record

if TYPE_CHECKING:
    import numpy as np

HNSW_M = 32
EF_CONSTRUCTION = 80  # as build_index
EF_SEARCH = [16, 32, 64, 128, 256, 512]
NPROBE = [4, 16, 64]
MAX_EF_SEARCH = 2048  # the sweep goes on doubling while recall@10 stays below the target
MAX_NPROBE = 256
K = 10
CANDIDATES = 50  # what the core asks FAISS for (assistant.search.CANDIDATES)
TARGET_MS = 5.0
TARGET_RECALL = 0.95
BLOCK = 100_000


def question_texts() -> list[str]:
    """Every distinct question of the question files in tests/data."""
    seen: dict[str, None] = {}
    for path in sorted((record.ROOT / "tests" / "data").glob("*questions.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.setdefault(json.loads(line)["q"], None)
    return list(seen)


def query_vectors(limit: int | None = None) -> np.ndarray:
    """The questions embedded as `ask` embeds them (with the glossary expansion of the core)."""
    import numpy as np

    from assistant.embed import load_embedder
    from assistant.lexical import load_glossary
    from assistant.settings import Settings

    settings = Settings()
    glossary = load_glossary(settings.glossary_file)
    texts = [f"{q} {glossary.expand(q)}".strip() for q in question_texts()[:limit]]
    return np.ascontiguousarray(load_embedder(settings).embed_queries(texts), dtype=np.float32)


class VectorMaker:
    """Vectors like the real ones: random rows of `base` plus seeded Gaussian noise, L2-normalized, made in blocks.

    "shaped" noise has the covariance of the real chunk embeddings (it moves a vector the ways real chunks differ);
    "isotropic" noise is N(0, sigma²) in every dimension, a harder case for approximate search.
    """

    def __init__(self, base: np.ndarray, noise: str, sigma: float, seed: int):
        import numpy as np

        self.base = base
        self.noise = noise
        self.sigma = sigma
        self.seed = seed
        eigenvalues, eigenvectors = np.linalg.eigh(np.cov((base - base.mean(axis=0)).T))
        self._axes = (eigenvectors * np.sqrt(np.clip(eigenvalues, 0, None))).T.astype(np.float32)

    def describe(self) -> str:
        if self.noise == "shaped":
            return "noise with the covariance of the real chunk embeddings"
        return f"isotropic noise N(0, {self.sigma}²) per dimension"

    def make(self, n: int) -> np.ndarray:
        import numpy as np

        rng = np.random.default_rng(self.seed)
        dim = self.base.shape[1]
        out = np.empty((n, dim), dtype=np.float32)
        for start in range(0, n, BLOCK):
            stop = min(n, start + BLOCK)
            z = rng.standard_normal((stop - start, dim), dtype=np.float32)
            noise = z @ self._axes if self.noise == "shaped" else self.sigma * z
            block = self.base[rng.integers(0, len(self.base), stop - start)] + noise
            block /= np.linalg.norm(block, axis=1, keepdims=True)
            out[start:stop] = block
        return out


def shape_stats(base: np.ndarray, data: np.ndarray, seed: int) -> dict:
    """Median cosine to the nearest other vector and between random pairs, for the real and the generated vectors."""
    import numpy as np

    rng = np.random.default_rng(seed)
    sims = base @ base.T
    np.fill_diagonal(sims, -1)
    sample = data[rng.choice(len(data), min(2000, len(data)), replace=False)]
    nearest = []
    for start in range(0, len(data), BLOCK):
        block = sample @ data[start : start + BLOCK].T
        nearest.append(np.sort(block, axis=1)[:, -2:])  # the top two: one may be the vector itself
    top = np.sort(np.concatenate(nearest, axis=1), axis=1)
    pair = rng.choice(len(data), (2000, 2))
    return {
        "real_nn": float(np.median(sims.max(axis=1))),
        "real_pairs": float(np.median(sims[np.triu_indices(len(base), 1)])),
        "gen_nn": float(np.median(top[:, -2])),
        "gen_pairs": float(np.median(np.einsum("ij,ij->i", data[pair[:, 0]], data[pair[:, 1]]))),
    }


def latencies(index, queries, k: int, rounds: int) -> list[float]:
    """Seconds of each single-query search, every query `rounds` times, after one untimed pass."""
    for q in queries:
        index.search(q[None, :], k)
    out = []
    for _ in range(rounds):
        for q in queries:
            t0 = time.perf_counter()
            index.search(q[None, :], k)
            out.append(time.perf_counter() - t0)
    return out


def recall(found, truth) -> float:
    """Mean share of each query's exact top-k found by the approximate search."""
    return sum(len(set(f) & set(t)) / len(t) for f, t in zip(found.tolist(), truth.tolist())) / len(truth)


def index_bytes(index) -> int:
    """Size of the index as faiss writes it to disk."""
    import faiss

    with tempfile.NamedTemporaryFile(suffix=".faiss") as tmp:
        faiss.write_index(index, tmp.name)
        return os.path.getsize(tmp.name)


def sweep(values: list[int], limit: int, rows: list[dict], structure: str):
    """The given settings, then doubled ones up to `limit` while the last row of `structure` misses the recall target."""
    yield from values
    value = values[-1]
    while value * 2 <= limit and rows[-1]["structure"].startswith(structure) and rows[-1]["recall10"] < TARGET_RECALL:
        value *= 2
        yield value


def measure(n: int, maker: VectorMaker, queries, rounds: int) -> dict:
    """All structures at one size."""
    import faiss
    import numpy as np

    seed = maker.seed
    record.log(f"{n:,} vectors, {maker.noise} noise: generating ...")
    data = maker.make(n)
    stats = shape_stats(maker.base, data, seed)
    dim = data.shape[1]
    rows = []

    started = time.perf_counter()
    flat = faiss.IndexFlatIP(dim)
    flat.add(data)
    build = time.perf_counter() - started
    _, truth = flat.search(queries, CANDIDATES)
    lat = latencies(flat, queries, K, rounds)
    lat50 = latencies(flat, queries, CANDIDATES, 1)
    rows.append({"structure": "flat", "param": "", "build_s": build, "bytes": index_bytes(flat), "recall10": 1.0,
                 "recall50": 1.0, "median_ms": 1000 * record.percentile(lat, 50), "p90_ms": 1000 * record.percentile(lat, 90),
                 "median50_ms": 1000 * record.percentile(lat50, 50)})
    record.log(f"  flat: median {rows[-1]['median_ms']:.2f} ms")
    del flat

    record.log(f"  HNSW M={HNSW_M}, efConstruction={EF_CONSTRUCTION}: building ...")
    started = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = EF_CONSTRUCTION
    hnsw.add(data)
    build = time.perf_counter() - started
    size = index_bytes(hnsw)
    record.log(f"  built in {build:.1f} s")
    for ef in sweep(EF_SEARCH, MAX_EF_SEARCH, rows, "HNSW"):
        hnsw.hnsw.efSearch = ef
        _, found10 = hnsw.search(queries, K)
        _, found50 = hnsw.search(queries, CANDIDATES)
        lat = latencies(hnsw, queries, K, rounds)
        lat50 = latencies(hnsw, queries, CANDIDATES, 1)
        rows.append({"structure": "HNSW", "param": f"efSearch={ef}", "ef": ef, "build_s": build, "bytes": size,
                     "recall10": recall(found10, truth[:, :K]), "recall50": recall(found50, truth),
                     "median_ms": 1000 * record.percentile(lat, 50), "p90_ms": 1000 * record.percentile(lat, 90),
                     "median50_ms": 1000 * record.percentile(lat50, 50)})
        record.log(f"  HNSW efSearch={ef}: recall@10 {rows[-1]['recall10']:.3f}, median {rows[-1]['median_ms']:.3f} ms")
    del hnsw

    nlist = max(16, int(4 * np.sqrt(n)))
    record.log(f"  IVF nlist={nlist}: training and adding ...")
    started = time.perf_counter()
    quantizer = faiss.IndexFlatIP(dim)
    ivf = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
    train = data[np.random.default_rng(seed).choice(n, min(n, 64 * nlist), replace=False)]
    ivf.train(train)
    ivf.add(data)
    build = time.perf_counter() - started
    size = index_bytes(ivf)
    for nprobe in sweep(NPROBE, MAX_NPROBE, rows, "IVF"):
        ivf.nprobe = nprobe
        _, found10 = ivf.search(queries, K)
        _, found50 = ivf.search(queries, CANDIDATES)
        lat = latencies(ivf, queries, K, rounds)
        lat50 = latencies(ivf, queries, CANDIDATES, 1)
        rows.append({"structure": f"IVF (nlist={nlist})", "param": f"nprobe={nprobe}", "build_s": build, "bytes": size,
                     "recall10": recall(found10, truth[:, :K]), "recall50": recall(found50, truth),
                     "median_ms": 1000 * record.percentile(lat, 50), "p90_ms": 1000 * record.percentile(lat, 90),
                     "median50_ms": 1000 * record.percentile(lat50, 50)})
        record.log(f"  IVF nprobe={nprobe}: recall@10 {rows[-1]['recall10']:.3f}, median {rows[-1]['median_ms']:.3f} ms")
    del ivf, quantizer, data
    return {"n": n, "noise": maker.noise, "rows": rows, "stats": stats}


def query_embedding_ms(rounds: int, limit: int | None = None) -> float:
    """Median milliseconds to embed one question, the part of `ask` the search adds to."""
    from assistant.embed import load_embedder
    from assistant.settings import Settings

    embedder = load_embedder(Settings())
    texts = question_texts()[:limit]
    for text in texts[:10]:
        embedder.embed_queries([text])
    out = []
    for _ in range(rounds):
        for text in texts:
            t0 = time.perf_counter()
            embedder.embed_queries([text])
            out.append(time.perf_counter() - t0)
    return 1000 * record.percentile(out, 50)


def chart(page, results: list[dict]) -> None:
    """Per noise: recall@10 vs median latency per structure and size; last: flat vs chosen HNSW latency by size."""
    plt = record.pyplot()
    noises = list(dict.fromkeys(r["noise"] for r in results))
    fig, axes = plt.subplots(1, len(noises) + 1, figsize=(5.2 * (len(noises) + 1), 4.4))
    markers = {"HNSW": "o", "IVF": "s"}
    for ax, noise in zip(axes, noises):
        for result in (r for r in results if r["noise"] == noise):
            for kind, marker in markers.items():
                rows = [r for r in result["rows"] if r["structure"].startswith(kind)]
                ax.plot([r["median_ms"] for r in rows], [r["recall10"] for r in rows], marker=marker, label=f"{kind}, {result['n']:,}")
            ax.plot([result["rows"][0]["median_ms"]], [1.0], marker="*", markersize=10, linestyle="", label=f"flat, {result['n']:,}")
        ax.axhline(TARGET_RECALL, color="black", linestyle="--", linewidth=1)
        ax.axvline(TARGET_MS, color="black", linestyle=":", linewidth=1)
        ax.set_xscale("log")
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("median single-query latency, ms (log)")
        ax.set_ylabel("recall@10 vs flat")
        ax.set_title(f"{noise} noise: HNSW efSearch sweep, IVF nprobe sweep", fontsize=9)
        ax.legend(fontsize=6, ncol=3, loc="lower right")
    right = axes[-1]
    for noise in noises:
        subset = [r for r in results if r["noise"] == noise]
        sizes = [r["n"] for r in subset]
        if noise == noises[0]:
            right.plot(sizes, [r["rows"][0]["median_ms"] for r in subset], marker="*", label="flat (exact)")
        chosen = [choose(r) for r in subset]
        right.plot(sizes, [c["median_ms"] if c else float("nan") for c in chosen], marker="o",
                   label=f"HNSW, {noise} noise, smallest efSearch with recall@10 ≥ 0.95")
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_xlabel("vectors")
    right.set_ylabel("median ms (log)")
    right.axhline(TARGET_MS, color="black", linestyle=":", linewidth=1)
    right.legend(fontsize=6)
    right.set_title("single-query latency by size", fontsize=9)
    page.save_chart(fig)


def choose(result: dict) -> dict | None:
    """The HNSW row with the smallest efSearch that reaches the recall target."""
    rows = [r for r in result["rows"] if r["structure"] == "HNSW" and r["recall10"] >= TARGET_RECALL]
    return min(rows, key=lambda r: r["ef"]) if rows else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="vector counts (default 10000,100000,1000000)")
    parser.add_argument("--noise", default="shaped,isotropic", help="noise kinds to run: shaped, isotropic (default both)")
    parser.add_argument("--sigma", type=float, default=0.025, help="isotropic noise per dimension (default 0.025)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the queries per setting (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--queries", type=int, default=None, help="use only the first N questions (smoke runs)")
    parser.add_argument("--out-dir", type=Path, default=record.RESULTS)
    args = parser.parse_args(argv)

    import numpy as np

    from assistant.settings import Settings

    page = record.Page("ann", "Search structure at scale: flat vs HNSW vs IVF", "python bench/bench_ann.py", args.out_dir)
    settings = Settings()
    base = np.load(settings.index_dir / "embeddings.npy").astype(np.float32)
    queries = query_vectors(args.queries)
    embed_ms = query_embedding_ms(args.rounds, args.queries)
    import faiss

    noises = args.noise.split(",")
    makers = {noise: VectorMaker(base, noise, args.sigma, args.seed) for noise in noises}
    results = [measure(int(n), makers[noise], queries, args.rounds) for noise in noises for n in args.sizes.split(",")]

    page.add(
        f"Vectors: the {len(base)} chunk embeddings of the bundled index, drawn at random, plus seeded Gaussian noise "
        f"(seed {args.seed}), renormalized; two kinds of noise: "
        + "; ".join(f"**{noise}**: {maker.describe()}" for noise, maker in makers.items())
        + ". Shaped noise keeps the real vectors' few dominant directions; isotropic noise fills all "
        f"{base.shape[1]} dimensions and makes near-ties that approximate search finds hard, a pessimistic case.",
        "",
    )
    page.table(
        ["vectors", "median cosine to the nearest other vector", "median cosine of random pairs"],
        [["real chunk embeddings", f"{results[0]['stats']['real_nn']:.3f}", f"{results[0]['stats']['real_pairs']:.3f}"]]
        + [[f"{r['noise']} noise, {r['n']:,}", f"{r['stats']['gen_nn']:.3f}", f"{r['stats']['gen_pairs']:.3f}"] for r in results],
    )
    page.add(
        f"Queries: the {len(queries)} distinct questions of `tests/data/*questions.jsonl`, embedded as `ask` embeds them. "
        f"Latency: one query per `search` call, {args.rounds} timed passes after one untimed pass; faiss {faiss.__version__} "
        f"with {faiss.omp_get_max_threads()} OpenMP threads. Latencies are for k={K}, and (one pass) for k={CANDIDATES}, the "
        f"number of dense candidates the core asks for; hence recall@{CANDIDATES} too. An efSearch below k does not "
        f"widen to k: it ends the graph walk early, and recall@{CANDIDATES} drops with it. "
        f"For scale: embedding one question takes {embed_ms:.1f} ms (median) on this machine.",
        "",
    )
    for result in results:
        page.add(f"## {result['n']:,} vectors, {result['noise']} noise", "")
        page.table(
            ["structure", "setting", "build s", "index MiB", f"recall@{K}", f"recall@{CANDIDATES}", f"median ms, k={K}",
             f"p90 ms, k={K}", f"median ms, k={CANDIDATES}"],
            [[r["structure"], r["param"] or "exact", f"{r['build_s']:.1f}", f"{r['bytes'] / 2**20:.1f}", f"{r['recall10']:.3f}",
              f"{r['recall50']:.3f}", f"{r['median_ms']:.3f}", f"{r['p90_ms']:.3f}", f"{r['median50_ms']:.3f}"]
             for r in result["rows"]],
            "llrrrrrrr",
        )
    largest_n = max(r["n"] for r in results)
    page.add(f"Target at {largest_n:,} vectors: approximate median < {TARGET_MS:g} ms with recall@10 ≥ {TARGET_RECALL}:", "")
    for largest in (r for r in results if r["n"] == largest_n):
        verdicts = []
        for kind in ("HNSW", "IVF"):
            rows = [r for r in largest["rows"] if r["structure"].startswith(kind)]
            good = [r for r in rows if r["recall10"] >= TARGET_RECALL]
            if good:
                best = min(good, key=lambda r: r["median_ms"])
                verdicts.append(f"{kind} {best['param']}: median {best['median_ms']:.2f} ms, recall@10 {best['recall10']:.3f} "
                                f"({'met' if best['median_ms'] < TARGET_MS else 'missed: too slow'})")
            else:
                top = max(rows, key=lambda r: r["recall10"])
                verdicts.append(f"{kind} missed: its best setting tried ({top['param']}) reaches recall@10 {top['recall10']:.3f} "
                                f"at {top['median_ms']:.2f} ms")
        page.add(f"- {largest['noise']} noise: " + "; ".join(verdicts) + ".")
    page.add("")
    flat = sorted((r["n"], r["rows"][0]["median_ms"]) for r in results if r["noise"] == noises[0])
    per_vector = flat[-1][1] / flat[-1][0]
    page.add(
        f"Flat search grows linearly: about {1e5 * per_vector:.1f} ms per 100,000 vectors here (from the largest size), so "
        f"it costs as much as embedding the question ({embed_ms:.1f} ms) at about {embed_ms / per_vector:,.0f} vectors and "
        f"a tenth of it at about {0.1 * embed_ms / per_vector:,.0f}.",
        "",
        f"![ann chart]({page.chart_path().name})",
    )
    chart(page, results)
    return page.publish()


if __name__ == "__main__":
    sys.exit(main())
