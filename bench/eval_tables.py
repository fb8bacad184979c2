"""Refresh the evaluation tables in README.md (between <!-- eval:NAME --> markers) from `docker-qa eval --compare`; sets without a block are skipped."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ["dev", "extra", "holdout", "blind", "blind2", "snippet"]


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    for name in SETS:
        block = re.compile(rf"<!-- eval:{name} -->\n.*?<!-- /eval:{name} -->", re.DOTALL)
        if not block.search(text):
            print(f"README.md has no <!-- eval:{name} --> block; skipped")
            continue
        table = subprocess.run(
            ["docker-qa", "eval", str(ROOT / "tests" / "data" / f"{name}_questions.jsonl"), "--compare", "--markdown"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        text = block.sub(lambda _: f"<!-- eval:{name} -->\n{table}\n<!-- /eval:{name} -->", text)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
