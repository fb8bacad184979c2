"""Every error the HTTP API returns, in one body shape: {"error": {"code": str, "message": str}}."""

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from assistant.errors import DockerQAError

log = logging.getLogger("docker_qa.http")

# Codes for the HTTP-level errors raised by FastAPI, Starlette and this package.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "body_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    431: "headers_too_large",
    503: "unavailable",
}


# On every error, also those answered outside the middleware that adds them to other responses (a 500).
ERROR_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """A response with the API's one error body."""
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers={**ERROR_HEADERS, **(headers or {})}
    )


def _location(loc: tuple) -> str:
    # ("body", "question") -> "question"; ("query", "k") -> "query parameter k"
    if not loc:
        return "request"
    where, *rest = loc
    field = ".".join(str(part) for part in rest)
    if where == "body":
        return field or "body"
    return f"{where} parameter {field}" if field else str(where)


def validation_message(exc: RequestValidationError) -> tuple[str, str]:
    """The error code and a one-line message for a request that failed validation."""
    errors = exc.errors()
    if any(error.get("type") == "json_invalid" for error in errors):
        return "invalid_json", "the body is not valid JSON; send an object like {\"question\": \"...\"}"
    parts = []
    for error in errors[:3]:
        loc = tuple(error.get("loc") or ())
        if error.get("type") == "extra_forbidden":
            parts.append(f"unknown field {_location(loc)!r}")
        elif error.get("type") == "string_pattern_mismatch":
            parts.append(f"{_location(loc)}: must contain a non-whitespace character")
        else:
            parts.append(f"{_location(loc)}: {error.get('msg', 'invalid')}")
    if len(errors) > 3:
        parts.append(f"and {len(errors) - 3} more")
    return "invalid_request", "; ".join(parts) or "the request does not match the schema"


_ABSOLUTE_PATH = re.compile(r"(?<![\w.~])/(?:[^\s/;,'\"()]+/)*([^\s/;,'\"()]+)")


def public_message(message: str) -> str:
    """A message with every absolute path cut to its last part: the server's file layout is not the client's business."""
    return _ABSOLUTE_PATH.sub(lambda m: f".../{m.group(1)}", message)


async def _docker_qa_error(request: Request, exc: DockerQAError) -> JSONResponse:
    message = str(exc) if exc.status < 500 else public_message(str(exc))
    return error_response(exc.status, exc.code, message)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    code, message = validation_message(exc)
    return error_response(422, code, message)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    headers = dict(exc.headers or {})
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"no route {request.method} {request.url.path}"
    elif isinstance(exc.__cause__, UnicodeDecodeError):
        # FastAPI's JSON body parsing fails this way on bytes that are not UTF-8.
        return error_response(400, "invalid_utf8", "the body is not valid UTF-8; send JSON text encoded as UTF-8")
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}; allowed: {headers.get('Allow', 'none')}"
    else:
        message = str(exc.detail)
    code = STATUS_CODES.get(exc.status_code, f"http_{exc.status_code}")
    return error_response(exc.status_code, code, message, headers or None)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "the server failed to answer; the error is in its log")


def install_error_handlers(app: FastAPI) -> None:
    """Map the core's errors (via their .code and .status), validation errors and HTTP errors to the error body."""
    app.add_exception_handler(DockerQAError, _docker_qa_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
