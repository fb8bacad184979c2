"""Index safety: `index build --out` never destroys what is not an index, swaps crash-safely, cleans up after killed
builds and writes a readable folder; a damaged index file is one clean error on every surface."""

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from assistant.cli import main
from assistant.errors import IndexCorrupt
from assistant.index import build_index, load_index
from assistant.settings import Settings
from conftest import ROOT

POST = "## Volumes\n\nVolumes keep data when a container is deleted.\n\n## Images\n\nSmall images start fast.\n"


@pytest.fixture(scope="module")
def embedder():
    from assistant.embed import load_embedder

    return load_embedder(Settings())


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "post.md").write_text(POST, encoding="utf-8")
    return folder


def one_line_exit_2(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.output, result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# --- index build --out -------------------------------------------------------------------------------------


def test_build_refuses_a_folder_with_other_files(tmp_path, source):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("years of work", encoding="utf-8")
    line = one_line_exit_2(CliRunner().invoke(main, ["index", "build", str(source), "--out", str(out)]), str(out))
    assert "not an index" in line
    assert (out / "thesis.tex").read_text(encoding="utf-8") == "years of work"
    assert sorted(p.name for p in out.iterdir()) == ["thesis.tex"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mine")] == []


def test_build_refuses_a_regular_file(tmp_path, source):
    out = tmp_path / "notes.txt"
    out.write_text("keep me", encoding="utf-8")
    one_line_exit_2(CliRunner().invoke(main, ["index", "build", str(source), "--out", str(out)]), str(out), "not a folder")
    assert out.read_text(encoding="utf-8") == "keep me"


def test_build_refuses_a_special_file(tmp_path, source):
    out = tmp_path / "pipe"
    os.mkfifo(out)
    one_line_exit_2(CliRunner().invoke(main, ["index", "build", str(source), "--out", str(out)]), str(out))
    assert stat.S_ISFIFO(os.stat(out).st_mode)


def test_build_refuses_a_symlink(tmp_path, source):
    target = tmp_path / "elsewhere"
    target.mkdir()
    out = tmp_path / "link"
    out.symlink_to(target)
    one_line_exit_2(CliRunner().invoke(main, ["index", "build", str(source), "--out", str(out)]), str(out))
    assert out.is_symlink()


def test_build_into_an_empty_folder_and_over_an_index(tmp_path, source, embedder):
    out = tmp_path / "idx"
    out.mkdir()
    settings = Settings(corpus_dir=source, index_dir=out)
    build_index(settings, embedder=embedder)
    first = json.loads((out / "manifest.json").read_text())
    (source / "post.md").write_text(POST + "\n## More\n\nMore text.\n", encoding="utf-8")
    build_index(settings, embedder=embedder)
    assert json.loads((out / "manifest.json").read_text())["chunk_count"] > first["chunk_count"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".idx")] == []


def test_a_built_index_is_readable_by_other_users(tmp_path, source, embedder):
    out = tmp_path / "idx"
    old = os.umask(0o022)
    try:
        build_index(Settings(corpus_dir=source, index_dir=out), embedder=embedder)
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o755
    for path in out.rglob("*"):
        assert os.stat(path).st_mode & 0o004, path


@pytest.mark.parametrize("content", ["", "<!-- only a draft -->\n"], ids=["empty", "draft-only"])
def test_a_source_without_text_is_one_line(tmp_path, content):
    post = tmp_path / "post.md"
    post.write_text(content, encoding="utf-8")
    out = tmp_path / "idx"
    one_line_exit_2(CliRunner().invoke(main, ["index", "build", str(post), "--out", str(out)]), "no text to index")
    assert not out.exists()


def test_an_unwritable_output_location_is_one_line(tmp_path, source):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    one_line_exit_2(CliRunner().invoke(main, ["index", "build", str(source), "--out", str(blocker / "idx")]), "cannot write")


BUILD_AND_DIE = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    import numpy as np
    import assistant.index as index
    from assistant.settings import Settings

    step = sys.argv[3]
    if step == "mid-write":
        real_save = np.save
        calls = []
        def dying_save(*args, **kwargs):
            calls.append(1)
            if len(calls) == 2:
                os._exit(137)
            return real_save(*args, **kwargs)
        index.np.save = dying_save
    elif step == "between-renames":
        real_rename = os.rename
        def dying_rename(a, b):
            real_rename(a, b)
            os._exit(137)
        index.os.rename = dying_rename
        index._exchange = lambda a, b: False  # the two-rename path of systems without an atomic exchange
    elif step == "at-exchange":
        real_exchange = index._exchange
        def dying_exchange(a, b):
            real_exchange(a, b)
            os._exit(137)
        index._exchange = dying_exchange
    index.build_index(Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2])))
""")


@pytest.mark.parametrize("step", ["mid-write", "between-renames", "at-exchange"])
def test_a_build_killed_at_any_step_leaves_an_index_and_the_next_build_cleans_up(tmp_path, source, embedder, step):
    out = tmp_path / "idx"
    settings = Settings(corpus_dir=source, index_dir=out)
    chunks = build_index(settings, embedder=embedder).chunk_count
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    killed = subprocess.run([sys.executable, "-c", BUILD_AND_DIE, str(source), str(out), step], env=env,
                            capture_output=True, text=True, timeout=600)
    assert killed.returncode == 137, killed.stderr
    if step == "between-renames":
        # Without an atomic exchange the old index waits in .idx.old-PID-*; the next build's clean-up puts it back.
        from assistant.index import remove_stale_builds

        remove_stale_builds(out)
    # Whatever step it died at, a complete index (old or new) is at the target.
    assert len(load_index(out, settings).chunks) == chunks
    build_index(settings, embedder=embedder)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".idx")] == []
    (source / "post.md").write_text(POST + "\n## More\n\nMore text.\n", encoding="utf-8")
    build_index(settings, embedder=embedder)
    assert len(load_index(out, settings).chunks) > chunks


def test_a_build_killed_between_renames_is_put_back_by_the_next_build(tmp_path, source, embedder):
    # The state a kill between the two renames leaves: the old index in .NAME.old-PID-*, nothing at the target.
    out = tmp_path / "idx"
    build_index(Settings(corpus_dir=source, index_dir=out), embedder=embedder)
    parked = tmp_path / ".idx.old-999999999-abc"
    parked.mkdir()
    os.rename(out, parked / "index")
    from assistant.index import remove_stale_builds

    remove_stale_builds(out)
    assert load_index(out, Settings()).chunks and not parked.exists()


# --- damaged index files --------------------------------------------------------------------------------------


def _rewrite_json(name, change):
    def damage(index):
        data = json.loads((index / name).read_text(encoding="utf-8"))
        (index / name).write_text(json.dumps(change(data)), encoding="utf-8")
    return damage


def _rewrite_lines(change):
    def damage(index):
        lines = (index / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
        (index / "chunks.jsonl").write_text("\n".join(change(lines)) + "\n", encoding="utf-8")
    return damage


def _chunk(line, **fields):
    return json.dumps({**json.loads(line), **fields}, ensure_ascii=False)


def _rewrite_array(name, change):
    def damage(index):
        np.save(index / name, change(np.load(index / name)))
    return damage


def _random_unitless(array):
    return np.random.default_rng(1).random(array.shape, dtype=np.float32)


def _with_nan(array):
    array = array.copy()
    array[0, 0] = np.nan
    return array


def _write(name, data: bytes):
    def damage(index):
        (index / name).write_bytes(data)
    return damage


def _remove(name):
    def damage(index):
        path = index / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return damage


def _faiss_of(vectors_of):
    def damage(index):
        import faiss

        original = faiss.read_index(str(index / "vectors.faiss"))
        vectors = vectors_of(original.reconstruct_n(0, original.ntotal))
        replacement = faiss.IndexFlatIP(vectors.shape[1])
        replacement.add(np.ascontiguousarray(vectors, dtype=np.float32))
        faiss.write_index(replacement, str(index / "vectors.faiss"))
    return damage


def _bm25_array(name, change):
    def damage(index):
        path = index / "bm25" / name
        np.save(path, change(np.load(path)))
    return damage


DAMAGE = {
    "manifest-chunk-count-a-string": _rewrite_json("manifest.json", lambda m: {**m, "chunk_count": "170"}),
    "manifest-chunk-count-wrong": _rewrite_json("manifest.json", lambda m: {**m, "chunk_count": m["chunk_count"] + 1}),
    "manifest-documents-not-names": _rewrite_json("manifest.json", lambda m: {**m, "documents": [1]}),
    "chunks-text-a-number": _rewrite_lines(lambda lines: [_chunk(lines[0], text=5)] + lines[1:]),
    "chunks-kind-not-a-name": _rewrite_lines(lambda lines: [_chunk(lines[0], kind="<b>")] + lines[1:]),
    "chunks-header-not-a-list": _rewrite_lines(lambda lines: [_chunk(lines[0], header=7)] + lines[1:]),
    "chunks-duplicate-id": _rewrite_lines(lambda lines: [lines[0], _chunk(lines[1], id=json.loads(lines[0])["id"])] + lines[2:]),
    "chunks-line-cut": _rewrite_lines(lambda lines: [lines[0][: len(lines[0]) // 2]] + lines[1:]),
    "chunks-line-missing": _rewrite_lines(lambda lines: lines[1:]),
    "chunks-unknown-document": _rewrite_lines(lambda lines: [_chunk(lines[0], document="other")] + lines[1:]),
    "chunks-not-utf8": _write("chunks.jsonl", b"\xff\xfe\x00garbage\n"),
    "sections-not-lists": _rewrite_json("sections.json", lambda s: {"articles": {}, "sections": 5}),
    "sections-missing": _rewrite_json("sections.json", lambda s: {**s, "sections": []}),
    "sections-level-a-string": _rewrite_json("sections.json", lambda s: {**s, "sections": [{**s["sections"][0], "level": "x"}] + s["sections"][1:]}),
    "sections-other-documents": _rewrite_json("sections.json", lambda s: {**s, "articles": []}),
    "vectors-garbage": _write("vectors.faiss", b"garbage"),
    "vectors-missing": _remove("vectors.faiss"),
    "vectors-random": _faiss_of(_random_unitless),
    "vectors-nan": _faiss_of(_with_nan),
    "vectors-other-dimension": _faiss_of(lambda v: v[:, :128] / np.linalg.norm(v[:, :128], axis=1, keepdims=True)),
    "vectors-fewer": _faiss_of(lambda v: v[:-1]),
    "embeddings-random": _rewrite_array("embeddings.npy", _random_unitless),
    "embeddings-float64": _rewrite_array("embeddings.npy", lambda a: a.astype(np.float64)),
    "embeddings-other-than-faiss": _rewrite_array("embeddings.npy", lambda a: a[::-1].copy()),
    "catalog-nan": _rewrite_array("catalog.npy", _with_nan),
    "catalog-random": _rewrite_array("catalog.npy", _random_unitless),
    "catalog-fewer-rows": _rewrite_array("catalog.npy", lambda a: a[:-1]),
    "catalog-one-dimensional": _rewrite_array("catalog.npy", lambda a: a[0]),
    "catalog-missing": _remove("catalog.npy"),
    "catalog-ids-an-object": _rewrite_json("catalog_ids.json", lambda ids: {"ids": ids}),
    "catalog-ids-duplicate": _rewrite_json("catalog_ids.json", lambda ids: ids[:-1] + ids[:1]),
    "background-nan": _rewrite_array("background.npy", _with_nan),
    "background-random": _rewrite_array("background.npy", _random_unitless),
    "background-other-dimension": _rewrite_array("background.npy", lambda a: a[:, :100]),
    "background-pickled": _write("background.npy", b"\x93NUMPY\x01\x00v\x00{'descr': '|O', 'fortran_order': False, 'shape': (1,), }" + b" " * 50 + b"\n"),
    "background-garbage": _write("background.npy", b"garbage"),
    "bm25-indices-out-of-range": _bm25_array("indices.csc.index.npy", lambda a: a + 10_000),
    "bm25-data-nan": _bm25_array("data.csc.index.npy", lambda a: np.full_like(a, np.nan)),
    "bm25-indptr-backwards": _bm25_array("indptr.csc.index.npy", lambda a: a[::-1].copy()),
    "bm25-data-shorter": _bm25_array("data.csc.index.npy", lambda a: a[:-5]),
    "bm25-num-docs-wrong": lambda index: _rewrite_json("bm25/params.index.json", lambda p: {**p, "num_docs": 3})(index),
    "bm25-vocab-garbage": _write("bm25/vocab.index.json", b"{garbage"),
    "bm25-missing": _remove("bm25"),
}


@pytest.fixture
def damaged(tmp_path, request):
    index = tmp_path / "index"
    shutil.copytree(ROOT / "index", index)
    DAMAGE[request.param](index)
    return index


@pytest.mark.parametrize("damaged", DAMAGE, indirect=True)
def test_a_damaged_index_is_one_clean_error_on_every_surface(damaged, tmp_path):
    settings = Settings(index_dir=damaged)
    with pytest.raises(IndexCorrupt, match="rebuild with: docker-qa index build"):
        load_index(damaged, settings)

    # CLI: one line, exit 2, naming the index.
    result = CliRunner().invoke(main, ["ask", "--index", str(damaged), "does split compose share the kernel?"])
    one_line_exit_2(result, str(damaged))

    # Server: starts, stays live, and is not ready, with a reason that names no host path.
    with TestClient(__import__("integrations.http.app", fromlist=["create_app"]).create_app(settings)) as client:
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 503
        error = ready.json()["error"]
        assert error["code"] == "index_corrupt"
        assert str(tmp_path) not in error["message"] and "/" + damaged.parent.name not in error["message"]
        assert client.post("/v1/ask", json={"question": "does split compose share the kernel?"}).status_code == 503


def test_a_mistyped_glossary_or_catalog_path_is_a_setting_error(tmp_path):
    result = CliRunner().invoke(main, ["ask", "volumes?"], env={"DOCKER_QA_GLOSSARY_PATH": str(tmp_path / "glosary.yml")})
    one_line_exit_2(result, "DOCKER_QA_GLOSSARY_PATH", "does not exist")
    result = CliRunner().invoke(main, ["snippets", "list"], env={"DOCKER_QA_SNIPPETS_DIR": str(tmp_path / "snipets")})
    one_line_exit_2(result, "DOCKER_QA_SNIPPETS_DIR", "does not exist")
