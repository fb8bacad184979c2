"""Refresh the evaluation tables from `docker-qa eval --compare`: the full tables in docs/evaluation.md (between
<!-- eval:NAME --> markers) and the one-row-per-set summary in README.md (<!-- eval:summary -->).

    python bench/eval_tables.py
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ["dev", "extra", "holdout", "blind", "blind2", "snippet"]
FULL = ROOT / "docs" / "evaluation.md"
README = ROOT / "README.md"
SUMMARY_COLUMNS = ["questions", "hit@1", "hit@3", "verdict_acc", "verdict_wrong", "near_refusal", "far_refusal", "false_refusal"]


def replace_block(text: str, name: str, body: str, where: Path) -> str:
    """`text` with the block between <!-- eval:NAME --> and <!-- /eval:NAME --> replaced by `body`."""
    block = re.compile(rf"<!-- eval:{name} -->\n.*?<!-- /eval:{name} -->", re.DOTALL)
    if not block.search(text):
        sys.exit(f"{where.relative_to(ROOT)} has no <!-- eval:{name} --> block")
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
    tables = {}
    for name in SETS:
        tables[name] = subprocess.run(
            ["docker-qa", "eval", str(ROOT / "tests" / "data" / f"{name}_questions.jsonl"), "--compare", "--markdown"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    full = FULL.read_text(encoding="utf-8")
    for name, table in tables.items():
        full = replace_block(full, name, table, FULL)
    FULL.write_text(full, encoding="utf-8")
    README.write_text(replace_block(README.read_text(encoding="utf-8"), "summary", summary(tables), README), encoding="utf-8")
    print(f"rewrote {len(tables)} tables in {FULL.relative_to(ROOT)} and the summary in README.md")


if __name__ == "__main__":
    main()
