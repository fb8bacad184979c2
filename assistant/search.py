"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidate lists, fused per chunk and per section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

import numpy as np

# Share of max-scaled BM25 added to the cosine; 0.005-0.015 scored alike on the dev and extra sets (README).
LEXICAL_WEIGHT = 0.01
RRF_K = 60
CANDIDATES = 50
MODES = ("hybrid", "dense", "bm25", "rrf")


@dataclass(frozen=True)
class Fused:
    """One item's place in a fused ranking."""

    key: Hashable
    score: float
    dense: float
    lexical: float


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


def group_max(scores: dict[int, float], group_of) -> dict[Hashable, float]:
    """The best score of each group (e.g. each section) among scored items."""
    out: dict[Hashable, float] = {}
    for item, score in scores.items():
        group = group_of(item)
        if group is not None and score > out.get(group, float("-inf")):
            out[group] = score
    return out


def fuse_rankings(dense: dict, lexical: dict, mode: str = "hybrid") -> list[Fused]:
    """Fuse two score lists: cosine plus a small share of max-scaled BM25 (hybrid), RRF, or one list alone.

    Fusing in the cosine's own scale keeps its spread: when the dense scores of a question are nearly flat
    (common for short Korean questions), BM25 decides; when dense separates the candidates clearly, it leads.
    """
    if mode == "dense":
        keys = list(dense)
    elif mode == "bm25":
        keys = list(lexical)
    else:
        keys = list(dict.fromkeys([*dense, *lexical]))
    dense_floor = min(dense.values(), default=0.0)
    lexical_high = max(lexical.values(), default=0.0) or 1.0
    dense_rank = {k: r for r, k in enumerate(sorted(dense, key=dense.get, reverse=True))}
    lexical_rank = {k: r for r, k in enumerate(sorted(lexical, key=lexical.get, reverse=True))}
    fused = []
    for key in keys:
        d, l = dense.get(key, dense_floor), lexical.get(key, 0.0)
        if mode == "dense":
            score = d
        elif mode == "bm25":
            score = l
        elif mode == "rrf":
            score = sum(1.0 / (RRF_K + ranks[key] + 1) for ranks in (dense_rank, lexical_rank) if key in ranks)
        else:
            score = d + LEXICAL_WEIGHT * l / lexical_high
        fused.append(Fused(key, float(score), float(d), float(l)))
    fused.sort(key=lambda f: f.score, reverse=True)
    return fused
