"""Prometheus metrics of the HTTP API: per-route requests and latency (instrumentator) plus answer and index gauges."""

from prometheus_client import CollectorRegistry, Counter, Gauge


class ServiceMetrics:
    """The service's own metrics, registered in the app's registry next to the instrumentator's."""

    def __init__(self, registry: CollectorRegistry):
        self.registry = registry
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

    def record_index(self, assistant) -> None:
        """Set the index gauges from a loaded assistant (or to zero when none loaded)."""
        if assistant is None:
            self.index_loaded.set(0)
            return
        self.index_loaded.set(1)
        self.index_chunks.set(assistant.chunk_count)
        self.index_sections.set(len(assistant.sections()))

    def record_answer(self, answer) -> None:
        """Count one answer and, when it is one, a refusal."""
        if answer.refused:
            self.refusals.inc()
        self.answers.labels(verdict=answer.verdict or "none").inc()


def instrument(app, metrics: ServiceMetrics) -> None:
    """Add per-route request counts and latency histograms, and serve every metric at GET /metrics."""
    from prometheus_fastapi_instrumentator import Instrumentator

    Instrumentator(
        registry=metrics.registry,
        should_group_status_codes=False,
        excluded_handlers=["/metrics"],
    ).instrument(app).expose(app, endpoint="/metrics", include_in_schema=False)
