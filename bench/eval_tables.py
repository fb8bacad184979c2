"""Refresh the evaluation tables from `docker-qa eval --compare`: the full tables in docs/evaluation.md (between
<!-- eval:NAME --> markers; sets without a block are skipped), the conversation tables (`docker-qa eval`: first
turns and follow-ups) and the one-row-per-set summary in README.md (<!-- eval:summary -->, when it has one).

    python bench/eval_tables.py
"""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def _numbered(pattern: str, suffix: str) -> list[str]:
    """The blind sets in tests/data, by number ("blind", then "blind2", "blind3", …)."""
    names = [path.name.removesuffix(suffix) for path in DATA.glob(pattern + suffix)]
    return sorted(names, key=lambda name: int(re.sub(r"\D", "", name) or 1))


SETS = ["dev", "extra", "holdout", *_numbered("blind*", "_questions.jsonl"), "snippet"]
CONVERSATION_SETS = ["conversations_dev", *_numbered("conversations_blind*", ".jsonl")]
SUMMARY_COLUMNS = ["questions", "hit@1", "hit@3", "verdict_acc", "verdict_wrong", "near_refusal", "far_refusal", "false_refusal",
                   "answer_language", "ece"]


def find_block(text: str, name: str) -> re.Pattern | None:
    """The pattern of the block between <!-- eval:NAME --> and <!-- /eval:NAME -->, if `text` has one."""
    block = re.compile(rf"<!-- eval:{name} -->\n.*?<!-- /eval:{name} -->", re.DOTALL)
    return block if block.search(text) else None


def replace_block(text: str, block: re.Pattern, name: str, body: str) -> str:
    """`text` with the block's content replaced by `body`."""
    return block.sub(lambda _: f"<!-- eval:{name} -->\n{body}\n<!-- /eval:{name} -->", text)


def summary(tables: dict[str, str]) -> str:
    """One row per question set: the hybrid retrieval (what answers use) of each full table."""
    rows = ["| set | " + " | ".join(SUMMARY_COLUMNS) + " |", "|---" * (len(SUMMARY_COLUMNS) + 1) + "|"]
    for name, table in tables.items():
        lines = [line for line in table.splitlines() if line.startswith("|")]
        header = [cell.strip() for cell in lines[0].strip("|").split("|")]
        hybrid = next(line for line in lines if line.startswith("| hybrid |"))
        cells = dict(zip(header, (cell.strip() for cell in hybrid.strip("|").split("|"))))
        rows.append(f"| [{name}](docs/evaluation.md) | " + " | ".join(cells[column] for column in SUMMARY_COLUMNS) + " |")
    return "\n".join(rows)


def main() -> None:
    full_path, readme_path = ROOT / "docs" / "evaluation.md", ROOT / "README.md"
    full = full_path.read_text(encoding="utf-8")
    tables = {}
    for name in SETS:
        block = find_block(full, name)
        if block is None:
            print(f"docs/evaluation.md has no <!-- eval:{name} --> block; skipped")
            continue
        tables[name] = subprocess.run(
            ["docker-qa", "eval", str(ROOT / "tests" / "data" / f"{name}_questions.jsonl"), "--compare", "--markdown"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        full = replace_block(full, block, name, tables[name])
    conversations = 0
    for name in CONVERSATION_SETS:
        block = find_block(full, name)
        if block is None:
            print(f"docs/evaluation.md has no <!-- eval:{name} --> block; skipped")
            continue
        table = subprocess.run(
            ["docker-qa", "eval", str(ROOT / "tests" / "data" / f"{name}.jsonl"), "--markdown"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        full = replace_block(full, block, name, table)
        conversations += 1
    full_path.write_text(full, encoding="utf-8")
    readme = readme_path.read_text(encoding="utf-8")
    block = find_block(readme, "summary")
    if block is not None and tables:
        readme_path.write_text(replace_block(readme, block, "summary", summary(tables)), encoding="utf-8")
    print(f"rewrote {len(tables)} question-set and {conversations} conversation table(s) in docs/evaluation.md"
          + (" and the summary in README.md" if block else ""))


if __name__ == "__main__":
    main()
