"""The eval harness on hand-built outcomes: verdicts (wrong vs none), near and far refusals, calibration; the CLI tables."""

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from assistant import cli
from assistant.cli import main
from assistant.errors import EvalFileError
from assistant.evaluate import EvalQuestion, Outcome, Report, answer_in_language, read_questions
from conftest import DATA, EXAMPLE, ROOT

sys.path.insert(0, str(ROOT / "bench"))


def answered(verdict=None, gold_verdict=None, rank=1, confidence=0.9):
    """An answered, answerable question."""
    question = EvalQuestion(q="q", gold=["gold"], verdict=gold_verdict)
    return Outcome(question, ["gold"] if rank == 1 else ["other", "gold"], verdict, False, confidence, [], rank)


def offtopic(refused, near=False, confidence=0.8):
    """An off-topic question, refused or not."""
    return Outcome(EvalQuestion(q="q", offtopic=True, near=near), [], None, refused, confidence, [], None)


def sample_report():
    """Ten outcomes, four of them graded on a verdict; right ones marked R below."""
    return Report("hybrid", [
        answered("yes", "yes", confidence=0.95),  # R, bin 9
        answered("no", "yes", confidence=0.85),  # R (retrieval right, verdict wrong), bin 8
        answered(None, "no", rank=2, confidence=0.35),  # wrong, bin 3
        answered("partial", "partial", confidence=0.92),  # R, bin 9
        Outcome(EvalQuestion(q="q", gold=["gold"]), [], None, True, 0.3, [], None),  # falsely refused, bin 3
        offtopic(True, near=True, confidence=0.6),  # R, bin 6
        offtopic(False, near=True, confidence=0.4),  # wrong, bin 4
        offtopic(True, near=True, confidence=0.7),  # R, bin 7
        offtopic(True, confidence=1.0),  # R, bin 9 (1.0 falls in the last bin)
        offtopic(False, confidence=0.05),  # wrong, bin 0
    ])


def test_every_question_file_parses_and_blind2_has_near_misses():
    for path in sorted(DATA.glob("*_questions.jsonl")):
        assert read_questions(path), path
    blind2 = read_questions(DATA / "blind2_questions.jsonl")
    assert any(q.near for q in blind2) and all(q.offtopic for q in blind2 if q.near)


def test_near_needs_offtopic(tmp_path):
    bad = tmp_path / "near.jsonl"
    bad.write_text('{"q": "x", "gold": ["y"], "near": true}\n', encoding="utf-8")
    with pytest.raises(EvalFileError, match="near.jsonl:1"):
        read_questions(bad)


def test_metrics_by_hand():
    metrics = sample_report().metrics()
    assert metrics["questions"] == 10
    assert metrics["hit@1"] == 0.6 and metrics["hit@3"] == 0.8 and metrics["mrr"] == 0.7
    # graded verdicts: yes/yes right, no/yes wrong, None/no abstained, partial/partial right
    assert metrics["verdict_acc"] == 0.5
    assert metrics["verdict_wrong"] == 1 and metrics["verdict_none"] == 1
    assert isinstance(metrics["verdict_wrong"], int) and isinstance(metrics["verdict_none"], int)
    assert metrics["near_refusal"] == 0.6667 and metrics["far_refusal"] == 0.5 and metrics["offtopic_refusal"] == 0.6
    assert metrics["false_refusal"] == 0.2
    assert metrics["snippet_precision"] is None
    # right: 0.95 0.85 0.92 0.6 0.7 1.0 -> 5.02 / 6; wrong: 0.35 0.3 0.4 0.05 -> 1.1 / 4
    assert metrics["conf_right"] == 0.8367 and metrics["conf_wrong"] == 0.275
    # |right - sum of confidences| per bin: bin 0 |0-0.05|, bin 3 |0-0.65|, bin 4 |0-0.4|, bin 6 |1-0.6|,
    # bin 7 |1-0.7|, bin 8 |1-0.85|, bin 9 |3-2.87| -> 0.05+0.65+0.4+0.4+0.3+0.15+0.13 = 2.08, over 10 questions
    assert metrics["ece"] == 0.208


def test_reliability_table_by_hand():
    rows = sample_report().reliability()
    assert [(r["low"], r["high"], r["count"]) for r in rows] == [
        (0.0, 0.1, 1), (0.3, 0.4, 2), (0.4, 0.5, 1), (0.6, 0.7, 1), (0.7, 0.8, 1), (0.8, 0.9, 1), (0.9, 1.0, 3)
    ]
    assert [r["confidence"] for r in rows] == [0.05, 0.325, 0.4, 0.6, 0.7, 0.85, 0.9567]
    assert [r["accuracy"] for r in rows] == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]


def test_empty_groups_are_none_and_perfect_calibration_is_zero():
    metrics = Report("hybrid", [answered(confidence=1.0), offtopic(True, confidence=1.0)]).metrics()
    assert metrics["verdict_acc"] is None and metrics["verdict_wrong"] is None and metrics["verdict_none"] is None
    assert metrics["near_refusal"] is None and metrics["far_refusal"] == 1.0
    assert metrics["ece"] == 0.0
    assert Report("hybrid").metrics()["ece"] is None and Report("hybrid").reliability() == []


def fake_assistant(monkeypatch, answers):
    """Replace the loaded assistant by one that gives canned answers, keyed by question."""

    def ask(question, top_k, mode):
        section, verdict, confidence = answers[question]
        citations = [SimpleNamespace(section=section)] if section else []
        return SimpleNamespace(citations=citations, verdict=verdict, refused=section is None, confidence=confidence, snippets=[],
                               answer=f"An answer about {section}.")

    monkeypatch.setattr(cli, "_load", lambda settings: SimpleNamespace(ask=ask))


def test_eval_show_tells_a_wrong_verdict_from_a_missing_one(tmp_path, monkeypatch):
    fake_assistant(monkeypatch, {"wrong": ("A", "no", 0.9), "none": ("A", None, 0.6), "near": ("A", None, 0.2)})
    path = tmp_path / "q.jsonl"
    lines = [{"q": "wrong", "gold": ["A"], "verdict": "yes"}, {"q": "none", "gold": ["A"], "verdict": "yes"},
             {"q": "near", "offtopic": True, "near": True}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--show", "--markdown"])
    assert result.exit_code == 0, result.output
    assert "| hybrid | 3 | 1.000 | 1.000 | 1.000 | 0.000 | 1 | 1 | 0.000 | - | 0.000 | - | 1.000 | 0.233 |" in result.output
    assert "got:      ['A'] no (rank 1, confidence 0.90)  WRONG VERDICT" in result.output
    assert "got:      ['A'] (rank 1, confidence 0.60)  NO VERDICT" in result.output
    assert "[hybrid] near\n    expected: refuse\n    got:      ['A'] (rank None, confidence 0.20)\n" in result.output


def test_eval_calibration_markdown_with_the_real_assistant(tmp_path):
    path = tmp_path / "q.jsonl"
    lines = [{"q": EXAMPLE, "gold": ["실행 방식 2", "커널 공유 여부 정리 표"], "verdict": "yes"},
             {"q": "How do I add a HEALTHCHECK to my Dockerfile?", "offtopic": True, "near": True},
             {"q": "Who won the 2022 World Cup?", "offtopic": True}]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--calibration", "--markdown"])
    assert result.exit_code == 0, result.output
    out = result.output.splitlines()
    header = ("| retrieval | questions | hit@1 | hit@3 | mrr | verdict_acc | verdict_wrong | verdict_none | near_refusal"
              " | far_refusal | false_refusal | snippet_precision | answer_language | ece |")
    assert out[0] == header and out[1] == "|---" * 14 + "|"
    row = [c.strip() for c in out[2].strip("|").split("|")]
    assert row[:2] == ["hybrid", "3"] and row[6] in {"0", "1"} and row[7] in {"0", "1"} and row[11] == "-"
    assert row[12] == "1.000"  # the one answered question is English and answered in English
    assert out[3] == "" and out[4] == "| retrieval | confidence | count | mean_confidence | accuracy |"
    bins = [[c.strip() for c in line.strip("|").split("|")] for line in out[6:]]
    assert bins and all(b[0] == "hybrid" for b in bins) and sum(int(b[2]) for b in bins) == 3


def test_eval_tables_rewrites_the_marked_blocks_and_skips_sets_without_one(tmp_path, monkeypatch):
    import eval_tables

    (tmp_path / "docs").mkdir()
    full = tmp_path / "docs" / "evaluation.md"
    full.write_text("intro\n<!-- eval:blind2 -->\nold\n<!-- /eval:blind2 -->\nend\n", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("top\n<!-- eval:summary -->\n<!-- /eval:summary -->\nbottom\n", encoding="utf-8")
    calls = []
    table = "| retrieval | questions | hit@1 | hit@3 | verdict_acc | verdict_wrong | near_refusal | far_refusal | false_refusal" \
            " | answer_language | ece |\n" \
            "|---|---|---|---|---|---|---|---|---|---|---|\n| dense | 9 | 0.1 | 0.2 | 0.3 | 1 | - | 1.0 | 0.0 | 0.9 | 0.2 |\n" \
            "| hybrid | 9 | 0.5 | 0.6 | 0.7 | 2 | 0.4 | 1.0 | 0.1 | 0.8 | 0.3 |"

    def run(args, **kwargs):
        calls.append(Path(args[2]).name)
        return SimpleNamespace(stdout=table + "\n")

    monkeypatch.setattr(eval_tables, "ROOT", tmp_path)
    monkeypatch.setattr(eval_tables.subprocess, "run", run)
    eval_tables.main()
    assert calls == ["blind2_questions.jsonl"]
    assert full.read_text(encoding="utf-8") == f"intro\n<!-- eval:blind2 -->\n{table}\n<!-- /eval:blind2 -->\nend\n"
    summary = readme.read_text(encoding="utf-8").splitlines()
    assert summary[0] == "top" and summary[-1] == "bottom"
    assert summary[4] == "| [blind2](docs/evaluation.md) | 9 | 0.5 | 0.6 | 0.7 | 2 | 0.4 | 1.0 | 0.1 | 0.8 | 0.3 |"


def test_the_readme_and_docs_keep_the_blocks_eval_tables_rewrites():
    import eval_tables

    full = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for name in eval_tables.SETS:
        block = eval_tables.find_block(full, name)
        assert block, name
        rows = block.search(full).group(0).splitlines()[1:-1]
        assert rows[0].startswith("| retrieval | questions | hit@1 |") and [r.split(" |")[0] for r in rows[2:]] == [
            "| dense", "| bm25", "| hybrid"], (name, rows)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = eval_tables.find_block(readme, "summary").search(readme).group(0).splitlines()[1:-1]
    assert len(rows) == 2 + len(eval_tables.SETS)


@pytest.mark.parametrize(
    "question, answer, expected",
    [
        ("Do containers share the kernel?", "Yes — containers on one host use the host's kernel.", True),
        ("Do containers share the kernel?", "네 — 컨테이너는 호스트의 커널을 공유합니다.", False),
        ("Do containers share the kernel?", "Yes — containers on one host share its kernel.\n```bash\necho 커널 공유\n```", True),
        ("컨테이너끼리 커널을 공유하나요?", "네, 같은 호스트의 컨테이너는 커널을 공유합니다.", True),
        ("컨테이너끼리 커널을 공유하나요?", "Yes — containers share the kernel.", False),
    ],
)
def test_answer_language_counts_the_letters_of_the_prose(question, answer, expected):
    assert answer_in_language(question, answer) is expected
