"""Request and error bodies of the HTTP API (answers, hits, sections and snippets are the core's own models)."""

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, field_validator
from pydantic_core import PydanticCustomError

from assistant.conversation import MAX_HISTORY
from assistant.models import Answer
from assistant.settings import MAX_QUESTION_CHARS

EXAMPLE_QUESTION = "does split compose share the kernel?"
# At least one character that is not white space, by JSON Schema's (ECMAScript) definition and by Python's, which
# the core strips (the latter adds the separators U+001C-U+001F and U+0085): " \x1d " is refused here (422), not
# accepted by the schema and then refused by the core (400).
QUESTION_PATTERN = r"[^\s\x1c-\x1f\x85]"

# Shown in the OpenAPI document and the interactive docs at /docs.
ASK_EXAMPLES = {
    "split-compose": {
        "summary": "Yes/no question (English)",
        "value": {"question": EXAMPLE_QUESTION, "top_k": 3},
    },
    "korean": {
        "summary": "Question in Korean",
        "value": {"question": "컨테이너가 삭제되면 데이터는 어떻게 되나요?", "top_k": 3},
    },
    "more-citations": {
        "summary": "More citations",
        "value": {"question": "How do I make Docker images smaller?", "top_k": 5},
    },
    "follow-up": {
        "summary": "A follow-up, with the conversation so far",
        "value": {"question": "what about CPU and memory?", "history": [{"question": "Do containers share the kernel?"}]},
    },
}


class HistoryTurn(BaseModel):
    """An earlier turn of the conversation: the question and, optionally, the answer the API returned for it."""

    model_config = ConfigDict(extra="forbid")

    question: StrictStr = Field(
        min_length=1, max_length=MAX_QUESTION_CHARS, pattern=QUESTION_PATTERN, description="The earlier question as asked"
    )
    answer: Answer | None = Field(default=None, description="The answer POST /v1/ask returned for it (may be omitted)")

    @field_validator("answer", mode="before")
    @classmethod
    def _as_documented(cls, value):
        """The answer exactly as the schema types it: no true for a number or 0 for a boolean."""
        return Answer.model_validate(value, strict=True) if isinstance(value, dict) else value


class AskRequest(BaseModel):
    """A question for POST /v1/ask."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"question": EXAMPLE_QUESTION, "top_k": 3}]},
    )

    question: StrictStr = Field(
        min_length=1,
        max_length=MAX_QUESTION_CHARS,
        pattern=QUESTION_PATTERN,
        description=f"The question, in English or Korean; 1 to {MAX_QUESTION_CHARS} characters, not only whitespace",
        examples=[EXAMPLE_QUESTION],
    )
    top_k: int = Field(default=3, ge=1, le=10, description="How many sections to cite")
    history: list[HistoryTurn] = Field(
        default_factory=list,
        max_length=MAX_HISTORY,
        description=f"The earlier turns of the conversation, oldest first (at most {MAX_HISTORY}); a follow-up such as "
        "'what about CPU?' is read in their light. The server keeps no state.",
    )

    @field_validator("top_k", mode="before")
    @classmethod
    def _a_json_number(cls, value):
        # JSON Schema counts 3.0 as an integer; a string or a boolean is the wrong type.
        if isinstance(value, (str, bool)):
            raise PydanticCustomError("int_type", "Input should be a valid integer")
        return value


class FeedbackRequest(BaseModel):
    """A vote on an answer for POST /v1/feedback: the question it answered, and who voted which way."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"question": EXAMPLE_QUESTION, "top_k": 3, "helpful": False, "answer_id": "a1b2c3", "voter": "v9f8e7"}]
        },
    )

    question: StrictStr = Field(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=QUESTION_PATTERN, description="The question as asked")
    top_k: int = Field(default=3, ge=1, le=10, description="The top_k it was asked with")
    helpful: StrictBool = Field(description="true for 👍, false for 👎")
    answer_id: StrictStr = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="The page's id for this answer")
    voter: StrictStr = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="The page's id for the voter (one vote per voter per answer)")

    _top_k_is_a_number = field_validator("top_k", mode="before")(AskRequest._a_json_number.__func__)


class FeedbackCounts(BaseModel):
    """The votes on one answer after a vote."""

    helpful: int
    not_helpful: int


class ErrorDetail(BaseModel):
    """What went wrong, for a program (`code`) and for a person (`message`)."""

    code: str = Field(description="Stable machine-readable code, e.g. invalid_question, not_found, unauthorized")
    message: str = Field(description="One line naming the problem and, where there is one, the fix")


class ErrorBody(BaseModel):
    """The body of every 4xx and 5xx response."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"error": {"code": "not_found", "message": "no route GET /v1/nothing"}}]}
    )

    error: ErrorDetail


class Health(BaseModel):
    """The body of GET /healthz."""

    status: str = Field(examples=["ok"])


class Readiness(BaseModel):
    """The body of GET /readyz when an index is loaded: the one in service, and the last rebuild refused since."""

    status: str = Field(examples=["ready"])
    chunks: int = Field(description="Chunks in the index in service")
    embedder: str
    built_at: str = Field(description="Build time of the index in service (its manifest)")
    index_id: str = Field(description="Short hash of the manifest of the index in service: changes with every build")
    corpus_hash: str = Field(description="Hash of the posts the index in service was built from")
    loaded_at: str = Field(description="When this process put the index in service (UTC)")
    reload_refused: str | None = Field(
        default=None, description="Why the newest index on disk was not put in service (the one above serves on), or null"
    )


def error_responses(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI `responses` entries documenting the error body for the given statuses."""
    descriptions = {
        400: "The question was rejected by the assistant, or the body is not valid UTF-8 JSON",
        401: "An API key is required and was missing or wrong",
        404: "No such resource",
        413: "The request body is over 64 KiB",
        415: "The body is not sent as application/json",
        422: "The request does not match the schema",
        503: "The index is not loaded or not valid",
    }
    return {status: {"model": ErrorBody, "description": descriptions[status]} for status in statuses}
