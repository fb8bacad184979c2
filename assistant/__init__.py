"""docker-qa: answers questions about the article "도커 단점과 해결 방법" with citations and Docker snippets."""

__version__ = "0.1.0"

__all__ = ["Assistant", "Answer", "Settings", "__version__"]


def __getattr__(name):
    # Heavy modules load on first use, so `ask --help` stays instant.
    if name == "Assistant":
        from .core import Assistant

        return Assistant
    if name == "Answer":
        from .models import Answer

        return Answer
    if name == "Settings":
        from .settings import Settings

        return Settings
    raise AttributeError(name)
