"""Every benchmark script runs end to end at its smallest size and writes its page and chart (no timings are judged)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # every benchmark script end to end: part of the full run, not of the fast tier

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

sys.path.insert(0, str(BENCH))


def run_script(name: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, str(BENCH / name), *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def written_page(out_dir: Path, name: str) -> str:
    page = (out_dir / f"{name}.md").read_text(encoding="utf-8")
    assert page.startswith("# ")
    assert "Machine: " in page and "Python 3." in page and " cores" in page
    assert "![" in page and f"({name}.png)" in page
    assert (out_dir / f"{name}.png").read_bytes()[:8] == PNG_MAGIC
    return page


def table_rows(page: str, first_cell: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in page.splitlines()
        if line.startswith(f"| {first_cell}")
    ]


@pytest.mark.st
def test_accuracy_scores_every_system(tmp_path):
    run_script("bench_accuracy.py", "--questions", "tests/data/dev_questions.jsonl", "--limit", "3", "--out-dir", str(tmp_path))
    page = written_page(tmp_path, "accuracy")
    for system in ("this project (hybrid)", "BM25 only, ask(mode='bm25')", "tutorial recipe"):
        rows = table_rows(page, system)
        assert rows, system
        assert all(0.0 <= float(cell) <= 1.0 for cell in rows[0][1:6])
    assert "tutorial recipe + cosine threshold" in page


@pytest.mark.st
def test_latency_times_both_systems(tmp_path):
    run_script(
        "bench_latency.py", "--cold-runs", "1", "--untimed-runs", "0", "--rounds", "1", "--passes", "1", "--limit", "3",
        "--out-dir", str(tmp_path),
    )
    page = written_page(tmp_path, "latency")
    for system in ("this project", "tutorial recipe"):
        cold, warm = table_rows(page, system)
        assert float(cold[1]) > 0 and float(warm[1]) > 0


def test_make_corpus_is_seeded_distinct_and_editable(tmp_path):
    import make_corpus

    first = make_corpus.write_corpus(tmp_path / "a", 4, seed=7)
    again = make_corpus.write_corpus(tmp_path / "b", 4, seed=7)
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert texts == [p.read_text(encoding="utf-8") for p in again]
    assert len(set(texts)) == 4
    assert texts[0] == make_corpus.ARTICLE.read_text(encoding="utf-8")
    other = make_corpus.write_corpus(tmp_path / "c", 4, seed=8)
    assert [p.read_text(encoding="utf-8") for p in other][1:] != texts[1:]

    added = make_corpus.edit_post(first[2], seed=1)
    edited = [p.read_text(encoding="utf-8") for p in first]
    assert [a == b for a, b in zip(texts, edited)] == [True, True, False, True]
    assert added in edited[2] and added in texts[0]


def test_generated_posts_index_as_separate_documents(tmp_path):
    import make_corpus

    from assistant.ingest import load_articles

    make_corpus.write_corpus(tmp_path, 3, seed=0)
    articles = load_articles(tmp_path)
    assert [a.document for a in articles] == ["post-0000", "post-0001", "post-0002"]
    assert len({a.title for a in articles}) == 3
    assert all(len(a.chunks) > 100 for a in articles)


def test_make_corpus_command(tmp_path):
    done = run_script("make_corpus.py", "--copies", "2", "--out", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post-0000.md", "post-0001.md"]
    assert "wrote 2 posts" in done.stdout


def test_build_compares_the_build_with_the_embedder(tmp_path):
    run_script("bench_build.py", "--sizes", "1", "--repeats", "1", "--out-dir", str(tmp_path))
    page = written_page(tmp_path, "build")
    (row,) = table_rows(page, "1x (1 posts")
    assert int(row[1]) > 100  # chunks of the article
    assert float(row[3]) <= float(row[2])  # the chunk embedding is part of the build
    assert row[6].endswith("%")
    (compared,) = table_rows(page, "1x |")
    assert compared[4].endswith("%")


def test_incremental_rebuild_embeds_only_the_edited_chunks(tmp_path):
    run_script("bench_incremental.py", "--copies", "1", "--out-dir", str(tmp_path))
    page = written_page(tmp_path, "incremental")
    (full,) = table_rows(page, "full build")
    (unchanged,) = table_rows(page, "rebuild, no change")
    (edited,) = table_rows(page, "rebuild, one post edited")
    assert int(full[3]) > 100
    assert int(unchanged[3]) == 0
    assert 1 <= int(edited[3]) <= 3  # the edited paragraph and its whole-section chunk


def test_ann_compares_flat_hnsw_and_ivf(tmp_path):
    run_script("bench_ann.py", "--sizes", "10000", "--noise", "shaped", "--rounds", "1", "--queries", "40",
               "--out-dir", str(tmp_path))
    page = written_page(tmp_path, "ann")
    (flat,) = table_rows(page, "flat")
    assert flat[4] == "1.000"
    hnsw = table_rows(page, "HNSW")
    assert len(hnsw) >= 3
    recalls = [float(r[4]) for r in hnsw]
    assert all(0.0 <= r <= 1.0 for r in recalls)
    assert recalls[-1] >= recalls[0]  # a wider search never finds fewer of the true neighbours here
    assert table_rows(page, "IVF")


def test_http_load_test_runs_every_part(tmp_path):
    if not shutil.which("wrk"):
        pytest.skip("wrk is not installed (apt-get install -y wrk; .ci/run installs it)")
    out = tmp_path / "http.md"
    run_script("bench_http.py", "--duration", "1", "--configs", "1x2", "--questions", "1025", "--out", str(out))
    page = out.read_text(encoding="utf-8")
    alone = table_rows(page, "1 process")
    assert len(alone) == 2 * len({1, os.cpu_count()}) and all(float(row[2]) > 0 for row in alone)
    runs = {row[1]: row for row in table_rows(page, "1x2")}
    assert set(runs) == {"no-op (GET /healthz)", "ask, one repeated question", "ask, 1025 distinct questions"}
    assert all(float(row[2]) > 0 and row[5] == "0" for row in runs.values())
    assert "of embedder alone" in runs["ask, 1025 distinct questions"][7]


def test_reliability_bench_runs_and_writes_its_page(tmp_path):
    run_script("bench_reliability.py", "--requests", "8", "--concurrency", "2", "--methods", "20", "--slow", "4",
               "--out", str(tmp_path))
    page = (tmp_path / "reliability.md").read_text(encoding="utf-8")
    assert page.startswith("# ") and "Machine: " in page
    for section in ("## Load", "## Made-up methods", "## Slow clients", "## SIGTERM under load"):
        assert section in page
    assert len(table_rows(page, "1 ")) == 1 and len(table_rows(page, "2 ")) == 1  # both worker counts ran


def test_reload_bench_rebuilds_twice_under_wrk_and_writes_its_page(tmp_path):
    if not shutil.which("wrk"):
        pytest.skip("wrk is not installed (apt-get install -y wrk; .ci/run installs it)")
    run_script("bench_reload.py", "--workers", "1", "--settle", "1", "--interval", "0.2", "--out-dir", str(tmp_path))
    page = (tmp_path / "reload.md").read_text(encoding="utf-8")
    assert page.startswith("# ") and "Machine: " in page
    [row] = table_rows(page, "1 ")
    assert int(row[1]) > 0 and row[7] == "2/0" and row[8] == "yes"  # both builds went in; failures are reported, not judged


def test_followup_bench_times_reading_follow_ups(tmp_path):
    run_script("bench_followup.py", "--rounds", "1", "--limit", "3", "--out-dir", str(tmp_path))
    page = written_page(tmp_path, "followup")
    (resolve,) = table_rows(page, "resolve |")
    assert int(resolve[1]) > 0 and float(resolve[2]) > 0
    assert table_rows(page, "answer")
