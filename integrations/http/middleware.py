"""Middleware of the HTTP API: request framing and body limit, API keys before the body, security headers, CORS."""

from starlette.middleware.cors import CORSMiddleware

from assistant.settings import MAX_QUESTION_CHARS

from .errors import error_response

MAX_BODY_BYTES = 64 * 1024
KEYED_PREFIX = "/v1/"

# Every response gets these; JSON and text answers also get a CSP that allows nothing (they are never documents).
NOSNIFF = (b"x-content-type-options", b"nosniff")
DATA_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")


class RequestGate:
    """Checks a request before any route sees it: framing, declared size, API key, then the bytes actually received.

    In that order, so an oversized or badly framed request is refused before the key is looked at, and a request
    without a valid key is refused before a byte of its body is read. The body is then read here, counting what
    arrives (whatever Content-Length or Transfer-Encoding claim), and refused at the first byte over `max_bytes`.
    """

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES, api_keys: list[str] | None = None):
        self.app = app
        self.max_bytes = max_bytes
        self.api_keys = list(api_keys or [])

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lengths = [value for name, value in scope["headers"] if name == b"content-length"]
        encodings = [value for name, value in scope["headers"] if name == b"transfer-encoding"]
        refusal = self._framing_refusal(lengths, encodings)
        if refusal is None and self.api_keys and scope["path"].startswith(KEYED_PREFIX):
            from .deps import api_key_refusal

            refusal = api_key_refusal(_header(scope, b"authorization"), self.api_keys)
        if refusal is not None:
            status, code, message, headers = refusal
            # The body was not read: close the connection rather than read what is left of it.
            await error_response(status, code, message, {**headers, "Connection": "close"})(scope, receive, send)
            return
        if not lengths and not encodings:
            # Neither header: HTTP/1.1 says there is no body.
            await self.app(scope, receive, send)
            return

        messages = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left (or was too slow and was cut off): nobody to answer
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    def _framing_refusal(self, lengths: list[bytes], encodings: list[bytes]):
        if lengths and encodings:
            return 400, "bad_framing", "the request has both Content-Length and Transfer-Encoding; send one of them", {}
        if len(lengths) > 1 and len(set(lengths)) > 1:
            return 400, "bad_framing", "the request has several different Content-Length headers", {}
        if lengths:
            if not lengths[0].isdigit():
                return 400, "bad_framing", "the Content-Length header is not a number", {}
            if int(lengths[0]) > self.max_bytes:
                return 413, "body_too_large", self._too_large_message(), {}
        return None

    def _too_large_message(self) -> str:
        return f"the request body is over {self.max_bytes // 1024} KiB; questions are at most {MAX_QUESTION_CHARS} characters"

    async def _too_large(self, scope, receive, send):
        response = error_response(413, "body_too_large", self._too_large_message(), headers={"Connection": "close"})
        await response(scope, receive, send)


def _header(scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return ""


class SecurityHeaders:
    """Adds `nosniff` to every response, errors included, and a deny-all CSP to every response that is not a page."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-content-type-options"]
                headers.append(NOSNIFF)
                names = {k.lower() for k, _ in headers}
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if b"content-security-policy" not in names and not content_type.startswith(b"text/html"):
                    headers.append(DATA_CSP)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


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
