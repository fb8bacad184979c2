"""Serve the HTTP API with uvicorn: one process, or several workers that each load the assistant once."""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import tempfile

from assistant.errors import AddressUnavailable
from assistant.settings import Settings

# Workers are separate processes started by uvicorn from an import string; they read their settings here.
SETTINGS_ENV = "DOCKER_QA_SERVE_SETTINGS"
HTTP_PROTOCOL = "integrations.http.protocol:NoDelayHTTPProtocol"


def check_address(host: str, port: int) -> None:
    """Raise AddressUnavailable unless `host:port` can be bound now (before anything loads or uvicorn starts)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) else str(exc)
        raise AddressUnavailable(f"cannot serve on host {host!r}: {reason}; use an address of this machine, e.g. --host 127.0.0.1") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # The same option uvicorn sets, so a port left in TIME_WAIT by a stopped server counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise AddressUnavailable(f"port {port} on {host} is already in use; stop the other server or pick another --port") from None
            raise AddressUnavailable(f"cannot serve on {host}:{port}: {exc.strerror}; use an address of this machine, e.g. --host 127.0.0.1") from None


def run(
    settings: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1, *, access_log: bool = False
) -> None:
    """Serve until interrupted; `workers` > 1 starts that many processes behind one socket."""
    import uvicorn

    from assistant.embed import share_cpus

    share_cpus(workers * settings.embedder_copies)  # every embedder copy of every worker
    if workers <= 1:
        from .app import create_app

        uvicorn.run(
            create_app(settings), host=host, port=port, http=HTTP_PROTOCOL, access_log=access_log, log_level="info"
        )
        return

    os.environ[SETTINGS_ENV] = settings_to_json(settings)
    metrics_dir = None
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        # Workers share their metrics through files, so /metrics counts every worker's requests.
        metrics_dir = tempfile.mkdtemp(prefix="docker-qa-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        uvicorn.run(
            "integrations.http.server:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            http=HTTP_PROTOCOL,
            access_log=access_log,
            log_level="info",
        )
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def settings_to_json(settings: Settings) -> str:
    """The settings as JSON that `Settings.model_validate_json` reads back unchanged (fields under their aliases)."""
    from pydantic import AliasChoices

    data = settings.model_dump(mode="json")
    for name, field in type(settings).model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            alias = alias.choices[0]
        if isinstance(alias, str):
            data[alias] = data.pop(name)
    return json.dumps(data)


def app_from_environment():
    """The app of one worker process, built from the settings its parent passed down."""
    from .app import create_app

    payload = os.environ.get(SETTINGS_ENV)
    settings = Settings.model_validate_json(payload) if payload else Settings()
    return create_app(settings)
