"""Every error the core raises on purpose: one line for the user, naming the problem and the fix."""


class DockerQAError(Exception):
    """Base class: the message is one line, safe to show to a user as is."""

    code = "error"
    status = 400


class InvalidQuestion(DockerQAError):
    """The question is empty, too long or not text."""

    code = "invalid_question"


class IndexMissing(DockerQAError):
    """No index directory (or no manifest in it) where one was expected."""

    code = "index_missing"
    status = 503


class IndexCorrupt(DockerQAError):
    """The index directory exists but a file in it is unreadable or inconsistent."""

    code = "index_corrupt"
    status = 503


class IndexMismatch(DockerQAError):
    """The index was built with another embedder, chunker or corpus than the one in use."""

    code = "index_mismatch"
    status = 503


class IngestError(DockerQAError):
    """A source file cannot be read or parsed as a Markdown article."""

    code = "ingest_error"


class EmbedderUnavailable(DockerQAError):
    """The configured embedder backend cannot be loaded."""

    code = "embedder_unavailable"
    status = 503


class SnippetNotFound(DockerQAError):
    """No catalog snippet has the requested id."""

    code = "snippet_not_found"
    status = 404


class CatalogError(DockerQAError):
    """A snippet catalog file is malformed."""

    code = "catalog_error"


class EvalFileError(DockerQAError):
    """A question file for `docker-qa eval` is malformed."""

    code = "eval_file_error"


class ConfigError(DockerQAError):
    """A required setting is missing or invalid."""

    code = "config_error"


class FeedbackStoreError(DockerQAError):
    """The feedback database cannot be opened, read or written (damaged, read-only, or not a database)."""

    code = "feedback_store_error"
    status = 503


class OutputRefused(DockerQAError):
    """An output path holds something that writing there would destroy, or cannot be written."""

    code = "output_refused"


class AddressUnavailable(DockerQAError):
    """The server cannot listen on the requested host and port."""

    code = "address_unavailable"
