"""Middleware of the HTTP API: the request body size limit and CORS, both answering errors in the API's body shape."""

from starlette.middleware.cors import CORSMiddleware

from assistant.settings import MAX_QUESTION_CHARS

from .errors import error_response

MAX_BODY_BYTES = 64 * 1024


class BodySizeLimit:
    """Answers 413 to a body over `max_bytes`: by its Content-Length, or while reading a chunked body."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = chunked = None
        for name, value in scope["headers"]:
            if name == b"content-length":
                length = value
            elif name == b"transfer-encoding":
                chunked = value
        if length is not None:
            # The server reads exactly Content-Length bytes, so the declared size is the size.
            if not length.isdigit():
                await error_response(400, "bad_request", "the Content-Length header is not a number")(scope, receive, send)
                return
            if int(length) > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if chunked is None:
            # Neither header: HTTP/1.1 says there is no body.
            await self.app(scope, receive, send)
            return

        # A body of unknown length: read it here, up to the limit, then hand it on.
        messages = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send):
        response = error_response(
            413,
            "body_too_large",
            f"the request body is over {self.max_bytes // 1024} KiB; questions are at most {MAX_QUESTION_CHARS} characters",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


class CORS(CORSMiddleware):
    """Starlette's CORS middleware, with a refused preflight answered in the API's error body."""

    def preflight_response(self, request_headers):
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        # Starlette's text names what was refused ("Disallowed CORS origin, headers").
        refused = error_response(response.status_code, "cors_refused", response.body.decode().replace("\n", " "))
        if "vary" in response.headers:
            refused.headers["vary"] = response.headers["vary"]
        return refused
