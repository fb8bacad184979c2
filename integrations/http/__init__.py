"""The HTTP API: a FastAPI app over the assistant core, served by uvicorn (`docker-qa serve`)."""

__all__ = ["create_app"]


def __getattr__(name):
    # FastAPI loads on first use, so importing the package (e.g. from the CLI) stays cheap.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
