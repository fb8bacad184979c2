"""Serve the HTTP API with uvicorn: one process, or several workers that each load the assistant once."""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import socket
import tempfile
import threading
import time

from assistant.errors import AddressUnavailable
from assistant.settings import Settings

# Workers are separate processes started by uvicorn from an import string; they read their settings here.
SETTINGS_ENV = "DOCKER_QA_SERVE_SETTINGS"
HTTP_PROTOCOL = "integrations.http.protocol:GuardedHTTPProtocol"
# Seconds a stopping server (SIGTERM) lets in-flight requests finish; below Kubernetes' 30 s grace period.
GRACEFUL_SHUTDOWN_SECONDS = 20
# Loggers a single failure mode can flood (a refused accept(), a connection error per client).
FLOODABLE_LOGGERS = ("asyncio", "uvicorn.error", "docker_qa.http")


class RepeatLimit(logging.Filter):
    """Lets through at most `burst` records of one kind (logger, level, message template) per `interval` seconds.

    The first record after a quiet spell says how many of its kind were left out, so a flood of one failure
    (hundreds of thousands of "Too many open files" tracebacks) costs a few lines a minute instead of the disk.
    """

    def __init__(self, burst: int = 5, interval: float = 60.0, clock=time.monotonic):
        super().__init__()
        self.burst = burst
        self.interval = interval
        self.clock = clock
        self._windows: dict[tuple, list] = {}  # kind -> [window start, passed, dropped]
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        kind = (record.name, record.levelno, str(record.msg)[:200])
        now = self.clock()
        with self._lock:
            window = self._windows.get(kind)
            if window is None or now - window[0] >= self.interval:
                dropped = window[2] if window else 0
                if len(self._windows) > 1000:
                    self._windows.clear()
                self._windows[kind] = [now, 1, 0]
                if dropped:
                    record.msg = f"{record.msg} [{dropped} more like this in the last {self.interval:.0f} s were not logged]"
                return True
            if window[1] < self.burst:
                window[1] += 1
                return True
            window[2] += 1
            return False


def connection_limits(settings: Settings):
    """The per-connection limits from the settings, capped below the process's file descriptor limit."""
    from .protocol import ConnectionLimits

    return ConnectionLimits(
        head_timeout=settings.http_head_timeout,
        body_timeout=settings.http_body_timeout,
        max_connections=min(settings.http_max_connections, _descriptor_budget()),
    )


def _descriptor_budget() -> int:
    """Connections that fit in the file descriptor limit (raised to the hard limit), keeping 64 for everything else."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard != resource.RLIM_INFINITY and soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        return max(16, soft - 64) if soft != resource.RLIM_INFINITY else 1 << 20
    except (ImportError, ValueError, OSError):
        return 1 << 20


def show_reload_log() -> None:
    """Print the index reload lines (loaded and refused) in the server log, in uvicorn's format."""
    logger = logging.getLogger("docker_qa.reload")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def limit_repeated_logs() -> None:
    """Install the RepeatLimit filter on the loggers one failure mode could flood."""
    for name in FLOODABLE_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RepeatLimit) for f in logger.filters):
            logger.addFilter(RepeatLimit())


def server_config(app, settings: Settings, host: str, port: int, workers: int = 1, *, access_log: bool = False):
    """The uvicorn Config of `docker-qa serve`: guarded protocol, connection limits, graceful shutdown."""
    import uvicorn

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        workers=workers,
        factory=isinstance(app, str),
        http=HTTP_PROTOCOL,
        access_log=access_log,
        log_level="info",
        timeout_keep_alive=5,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )
    # Read by GuardedHTTPProtocol; an attribute of the Config, so it reaches worker processes with it.
    config.connection_limits = connection_limits(settings)
    return config


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
    from assistant.reload import ignore_sighup

    share_cpus(workers * settings.embedder_copies)  # every embedder copy of every worker
    limit_repeated_logs()
    show_reload_log()
    ignore_sighup()  # a SIGHUP before the app has started would otherwise end the server; the lifespan takes it over
    if workers <= 1:
        from .app import create_app

        uvicorn.Server(server_config(create_app(settings), settings, host, port, access_log=access_log)).run()
        return

    os.environ[SETTINGS_ENV] = settings_to_json(settings)
    metrics_dir = None
    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        # Workers share their metrics through files, so /metrics counts every worker's requests.
        metrics_dir = tempfile.mkdtemp(prefix="docker-qa-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        config = server_config(
            "integrations.http.server:app_from_environment", settings, host, port, workers, access_log=access_log
        )
        _ClosingMultiprocess(config, sockets=[config.bind_socket()]).run()
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def _ClosingMultiprocess(config, sockets):
    """uvicorn's worker supervisor, closing its own copy of the listening socket as soon as it is told to stop,
    and passing SIGHUP on to the workers (each reloads its index) instead of restarting them.

    Otherwise the kernel keeps completing connections into the socket's backlog while the workers finish their
    in-flight requests (up to the graceful shutdown period), and every one of those is reset when the parent exits.
    """
    from uvicorn.supervisors import Multiprocess

    class ClosingMultiprocess(Multiprocess):
        def terminate_all(self) -> None:
            for sock in self.sockets:
                sock.close()
            super().terminate_all()

        def handle_hup(self) -> None:
            # uvicorn restarts every worker on SIGHUP; each of ours reloads its index in place instead.
            import signal

            for process in self.processes:
                if process.process.pid is not None and process.process.exitcode is None:
                    os.kill(process.process.pid, signal.SIGHUP)

    return ClosingMultiprocess(config, sockets)


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

    from assistant.reload import ignore_sighup

    limit_repeated_logs()
    show_reload_log()
    ignore_sighup()  # until the lifespan reloads on it
    payload = os.environ.get(SETTINGS_ENV)
    settings = Settings.model_validate_json(payload) if payload else Settings()
    return create_app(settings)
