"""Write constraints.txt: the exact versions of every package the default install (and the st extra) pulls in,
read from this environment, so `pip install -c constraints.txt ...` and the image build install the same set.

    python deploy/write_constraints.py          # after pip install -e '.[test]' (and the st extra, for its pins)
"""

from __future__ import annotations

import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "constraints.txt"
HEADER = """\
# Exact versions of docker-qa's dependencies (the default install and the st extra), used by the Dockerfile and
# the README's test command: pip install -c constraints.txt ...
# Regenerate with: python deploy/write_constraints.py
"""


def closure(requirements: list[str], extras: tuple[str, ...] = ("",)) -> dict[str, str]:
    """{name: installed version} of the requirements and everything they require, resolved in this environment."""
    found: dict[str, str] = {}
    todo = [(Requirement(text), "") for text in requirements]
    while todo:
        requirement, _ = todo.pop()
        name = canonicalize_name(requirement.name)
        if requirement.marker and not any(requirement.marker.evaluate({"extra": extra}) for extra in extras):
            continue
        if name in found or name == "docker-qa":
            continue
        try:
            version = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = Version(version).public  # 2.13.0+cpu pins as 2.13.0
        wanted = ("",) + tuple(requirement.extras)
        for text in metadata.requires(requirement.name) or []:
            child = Requirement(text)
            if child.marker and not any(child.marker.evaluate({"extra": extra}) for extra in wanted):
                continue
            todo.append((Requirement(str(child).split(";")[0]), ""))
    return found


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = closure(project["dependencies"] + project["optional-dependencies"]["st"])
    OUT.write_text(HEADER + "".join(f"{name}=={version}\n" for name, version in sorted(pins.items())), encoding="utf-8")
    print(f"wrote {len(pins)} pins to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
