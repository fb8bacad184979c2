"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidate lists, fused, then grouped into sections."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RRF_K = 60
DENSE_WEIGHT = 0.5
CANDIDATES = 50
MODES = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class RankedChunk:
    """One chunk's place in the fused ranking."""

    index: int
    score: float
    dense: float
    lexical: float
    dense_rank: int | None
    lexical_rank: int | None


def dense_candidates(faiss_index, query_vector: np.ndarray, n: int) -> dict[int, float]:
    """Top-n chunk indices by cosine similarity."""
    n = min(n, faiss_index.ntotal)
    if n == 0:
        return {}
    scores, ids = faiss_index.search(query_vector.reshape(1, -1).astype(np.float32), n)
    return {int(i): float(s) for i, s in zip(ids[0], scores[0]) if i >= 0}


def lexical_candidates(bm25, query_tokens: list[str], n: int) -> dict[int, float]:
    """Top-n chunk indices by BM25 score (only chunks sharing a token with the query)."""
    if not query_tokens:
        return {}
    scores = bm25.get_scores(query_tokens)
    n = min(n, len(scores))
    top = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
    return {int(i): float(scores[i]) for i in top if scores[i] > 0}


def fuse_rankings(dense: dict[int, float], lexical: dict[int, float], mode: str = "hybrid") -> list[RankedChunk]:
    """Fuse the two candidate lists by weighted min-max-normalized scores (or one list alone)."""
    dense_order = {i: r for r, i in enumerate(sorted(dense, key=dense.get, reverse=True))}
    lexical_order = {i: r for r, i in enumerate(sorted(lexical, key=lexical.get, reverse=True))}

    def normalized(scores: dict[int, float]) -> dict[int, float]:
        if not scores:
            return {}
        low, high = min(scores.values()), max(scores.values())
        span = high - low or 1.0
        return {i: (s - low) / span for i, s in scores.items()}

    dense_norm, lexical_norm = normalized(dense), normalized(lexical)
    if mode == "dense":
        keys = list(dense)
    elif mode == "bm25":
        keys = list(lexical)
    else:
        keys = list(dict.fromkeys([*dense, *lexical]))
    ranked = []
    for i in keys:
        if mode == "dense":
            score = dense.get(i, 0.0)
        elif mode == "bm25":
            score = lexical.get(i, 0.0)
        elif mode == "rrf":
            score = sum(1.0 / (RRF_K + order[i] + 1) for order in (dense_order, lexical_order) if i in order)
        else:
            score = DENSE_WEIGHT * dense_norm.get(i, 0.0) + (1 - DENSE_WEIGHT) * lexical_norm.get(i, 0.0)
        ranked.append(RankedChunk(i, score, dense.get(i, 0.0), lexical.get(i, 0.0), dense_order.get(i), lexical_order.get(i)))
    ranked.sort(key=lambda r: r.score, reverse=True)
    return ranked
