"""Regenerate tests/data/docker_flags.json from the `--help` output of the installed Docker CLI (no engine needed)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

OUTPUT = Path(__file__).with_name("docker_flags.json")

# CLI plugins that the snippet catalog uses; when the installed CLI lacks one, the table says so.
EXPECTED_PLUGINS = ("buildx", "compose", "scout")

_SECTION = re.compile(r"^([A-Za-z ]*Commands|Options|Global Options|Aliases):\s*$")
_COMMAND_LINE = re.compile(r"^  ([a-z][\w-]*)\*?\s{2,}\S")
# "  -v, --volume list     Bind mount a volume" / "      --read-only           Mount ..." (no type: boolean)
_OPTION_LINE = re.compile(r"^\s+(?:-(\w), )?--([\w-]+)(?: ([\w.]+))?(?:\s{2,}|$)")


def docker_help(path: list[str]) -> str:
    """The `docker PATH --help` text."""
    result = subprocess.run(["docker", *path, "--help"], capture_output=True, text=True, timeout=30)
    return result.stdout + result.stderr


def parse_help(text: str) -> dict:
    """Usage, aliases, subcommands and flags (name -> takes a value) of one help page."""
    usage = ""
    aliases: list[str] = []
    subcommands: list[str] = []
    flags: dict[str, bool] = {}
    section = None
    for line in text.splitlines():
        if line.startswith("Usage:"):
            usage = " ".join(line.split()[1:])
            continue
        header = _SECTION.match(line)
        if header:
            section = header.group(1)
            continue
        if not line.strip():
            continue
        if not line.startswith(" "):
            section = None
            continue
        if section == "Aliases":
            aliases.extend(a.strip() for a in line.split(",") if a.strip())
        elif section and section.endswith("Commands"):
            match = _COMMAND_LINE.match(line)
            if match:
                subcommands.append(match.group(1))
        elif section in ("Options", "Global Options"):
            match = _OPTION_LINE.match(line)
            if match:
                short, long, kind = match.groups()
                takes_value = kind is not None
                flags[f"--{long}"] = takes_value
                if short:
                    flags[f"-{short}"] = takes_value
    return {"usage": usage, "aliases": aliases, "subcommands": subcommands, "flags": flags}


def _words(alias: str) -> str:
    return " ".join(alias.split()[1:])  # "docker container run" -> "container run"


def build_table() -> dict:
    """Walk every command of the installed CLI and collect its flags."""
    version = subprocess.run(["docker", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    top = parse_help(docker_help([]))
    commands: dict[str, dict] = {}
    aliases: dict[str, str] = {}
    queue = [[name] for name in top["subcommands"]]
    seen: set[tuple[str, ...]] = set()
    while queue:
        path = queue.pop(0)
        if tuple(path) in seen:
            continue
        seen.add(tuple(path))
        page = parse_help(docker_help(path))
        if page["subcommands"]:
            queue.extend(path + [name] for name in page["subcommands"])
        names = [_words(a) for a in page["aliases"]] or [" ".join(path)]
        canonical = names[0]
        for name in {*names, " ".join(path)}:
            aliases[name] = canonical
        commands.setdefault(
            canonical,
            {"usage": page["usage"], "group": bool(page["subcommands"]), "flags": dict(sorted(page["flags"].items()))},
        )
    unavailable = {
        name: (
            f"'docker {name}' is a CLI plugin that the Docker CLI used to generate this table ({version}) "
            "does not have, so its flags are not checked"
        )
        for name in EXPECTED_PLUGINS
        if name not in top["subcommands"]
    }
    return {
        "generated_by": "tests/data/make_docker_flags.py",
        "docker_version": version,
        "global_flags": dict(sorted(top["flags"].items())),
        "commands": dict(sorted(commands.items())),
        "aliases": dict(sorted(aliases.items())),
        "unavailable": unavailable,
    }


def main() -> int:
    """Write the table next to this script."""
    table = build_table()
    OUTPUT.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(table['commands'])} commands; unavailable: {', '.join(table['unavailable']) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
