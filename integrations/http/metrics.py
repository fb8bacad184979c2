"""Prometheus metrics of the HTTP API: requests and latency per route (labels from a closed set), answers and the index."""

import os
import time

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

# A client chooses the method and the path; the labels must not let it choose how many series there are.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER_METHOD = "OTHER"
UNMATCHED_HANDLER = "none"  # every path that is no route of the app
METRICS_PATH = "/metrics"


class ServiceMetrics:
    """The service's metrics in the app's registry: HTTP requests and latency, answers, refusals and index size."""

    def __init__(self, registry: CollectorRegistry):
        self.registry = registry
        self.requests = Counter(
            "http_requests",
            "HTTP requests by method, route template and status",
            ["handler", "method", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Seconds from receiving a request to the end of its response, by method and route template",
            ["handler", "method"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=registry,
        )
        self.answers = Counter(
            "docker_qa_answers",
            "Answers given by POST /v1/ask, by verdict (none when the question is not yes/no)",
            ["verdict"],
            registry=registry,
        )
        self.refusals = Counter(
            "docker_qa_refusals",
            "Questions POST /v1/ask declined because the article does not answer them",
            registry=registry,
        )
        self.index_chunks = Gauge(
            "docker_qa_index_chunks", "Chunks in the loaded index", registry=registry, multiprocess_mode="max"
        )
        self.index_sections = Gauge(
            "docker_qa_index_sections", "Sections in the loaded index", registry=registry, multiprocess_mode="max"
        )
        self.index_loaded = Gauge(
            "docker_qa_index_loaded", "1 when the index is loaded, 0 otherwise", registry=registry, multiprocess_mode="min"
        )

        # With --workers, the oldest index any live worker serves: equal to the newest build once all have reloaded.
        self.index_built = Gauge(
            "docker_qa_index_built_timestamp_seconds",
            "Build time of the index in service (from its manifest), seconds since the epoch",
            registry=registry,
            multiprocess_mode="livemin",
        )
        self.index_reloads = Counter(
            "docker_qa_index_reloads",
            "Rebuilt indexes put in service without a restart (loaded) or refused, the old one serving on (refused)",
            ["result"],
            registry=registry,
        )
        for result in ("loaded", "refused"):
            self.index_reloads.labels(result=result)  # both series from the start, at 0

    def record_index(self, assistant) -> None:
        """Set the index gauges from a loaded assistant (or to zero when none loaded)."""
        from assistant.reload import built_timestamp

        if assistant is None:
            self.index_loaded.set(0)
            return
        self.index_loaded.set(1)
        self.index_chunks.set(assistant.chunk_count)
        self.index_sections.set(len(assistant.sections()))
        manifest = getattr(getattr(assistant, "index", None), "manifest", None)
        if manifest is not None:
            self.index_built.set(built_timestamp(manifest))

    def record_reload(self) -> None:
        """Count a rebuilt index put in service."""
        self.index_reloads.labels(result="loaded").inc()

    def record_refused_reload(self, message: str = "") -> None:
        """Count a rebuilt index that did not load (the old one serves on)."""
        self.index_reloads.labels(result="refused").inc()

    def record_answer(self, answer) -> None:
        """Count one answer and, when it is one, a refusal."""
        if answer.refused:
            self.refusals.inc()
        self.answers.labels(verdict=answer.verdict or "none").inc()


def route_template(scope) -> str:
    """The path template of the route that took a request (`/v1/snippets/{snippet_id}`), or one label for all others."""
    # Starlette's router records the route it matched (fully, or by path only for a 405) in the scope.
    return getattr(scope.get("route"), "path", None) or UNMATCHED_HANDLER


class RequestMetrics:
    """ASGI middleware counting every request under labels from a closed set: known method, route template, status."""

    def __init__(self, app, metrics: ServiceMetrics):
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] == METRICS_PATH:
            await self.app(scope, receive, send)
            return
        method = scope["method"] if scope["method"] in KNOWN_METHODS else OTHER_METHOD
        status = 500
        started = time.perf_counter()

        async def send_recording_status(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_recording_status)
        finally:
            handler = route_template(scope)
            self.metrics.requests.labels(handler, method, str(status)).inc()
            self.metrics.latency.labels(handler, method).observe(time.perf_counter() - started)


def instrument(app, metrics: ServiceMetrics) -> None:
    """Count requests and latency per route, and serve every metric (all workers' when multiprocess) at GET /metrics."""
    from fastapi.responses import Response
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    app.add_middleware(RequestMetrics, metrics=metrics)

    @app.get(METRICS_PATH, include_in_schema=False)
    def serve_metrics() -> Response:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
        else:
            registry = metrics.registry
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


def forget_worker(pid: int | None = None) -> None:
    """Remove a stopped worker's live-gauge files from the multiprocess metrics folder (counters are kept)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid or os.getpid())
