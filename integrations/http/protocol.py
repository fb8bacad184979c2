"""uvicorn's h11 HTTP protocol with the limits a public server needs: head and body deadlines, a connection cap,
JSON answers to framing errors (414/431 for oversized request lines and headers), and TCP_NODELAY."""

from __future__ import annotations

import json
import logging
import socket
from dataclasses import dataclass

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("docker_qa.http")


@dataclass(frozen=True)
class ConnectionLimits:
    """What one connection may take: time to send a request head, time to send its body, size of its head."""

    head_timeout: float = 10.0  # seconds from connecting (or from the previous response) to the end of the head
    body_timeout: float = 30.0  # seconds from the end of the head to the end of the body
    max_connections: int = 2048  # open connections per process; over it the longest-waiting idle one is closed
    max_head_bytes: int = 16 * 1024  # request line plus headers


def _raw_response(status: int, reason: str, code: str, message: str) -> bytes:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n"
        "connection: close\r\nx-content-type-options: nosniff\r\n"
        "content-security-policy: default-src 'none'; frame-ancestors 'none'\r\n\r\n"
    )
    return head.encode() + body


class GuardedHTTPProtocol(H11Protocol):
    """One HTTP/1.1 connection, closed when its client is too slow or the process has too many.

    uvicorn times out only the wait between keep-alive requests: a client that connects and sends nothing, or
    sends half a head or half a body, holds its connection (a file descriptor) for ever. Here every head and
    every body has a deadline. The limits come from the uvicorn Config's `connection_limits` attribute
    (set by `integrations.http.server`), which travels with the Config to worker processes.
    """

    def __init__(self, config, server_state, app_state, _loop=None):
        limits = getattr(config, "connection_limits", None) or ConnectionLimits()
        if config.h11_max_incomplete_event_size is None:
            config.h11_max_incomplete_event_size = limits.max_head_bytes
        super().__init__(config, server_state, app_state, _loop)
        self.limits = limits
        self._deadline = None
        self._waiting_for = None  # "head" or "body"
        self._line_seen = False  # a complete request line arrived for the head being read
        self._closing_quietly = False
        self._armed_at = 0.0

    # --- connection ------------------------------------------------------------------------------------------
    def connection_made(self, transport):
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # Worker processes receive the listening socket by file descriptor, and asyncio then no longer sees
            # accepted connections as TCP, so it leaves Nagle's algorithm on: each response would wait for the
            # client's delayed ACK (about 40 ms) because h11 writes a response's head and body separately.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(_LingeringTransport(transport, self))
        self._arm("head")
        if len(self.connections) > self.limits.max_connections and not self._evict_a_waiting_connection():
            log.warning("refusing a connection: %d open, the limit is %d", len(self.connections), self.limits.max_connections)
            self._refuse(503, "Service Unavailable", "too_many_connections", "the server has too many open connections; retry shortly")

    def _evict_a_waiting_connection(self) -> bool:
        """Close the connection that has waited longest for a request's head (else its body) to make room.

        A full server would otherwise turn every newcomer away for as long as slow clients hold their places; a
        connection whose request is being answered is never chosen.
        """
        waiting = [c for c in self.connections
                   if c is not self and isinstance(c, GuardedHTTPProtocol) and c._waiting_for and not c._closing_quietly]
        if not waiting:
            return False
        oldest = min(waiting, key=lambda c: (c._waiting_for != "head", c._armed_at))
        oldest._disarm()
        oldest._closing_quietly = True
        oldest._close_now()
        self.connections.discard(oldest)
        return True

    def connection_lost(self, exc):
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._closing_quietly:
            return  # the answer is written; what the client still sends is read and dropped
        if self.conn.their_state is h11.IDLE:
            self._line_seen = self._line_seen or b"\n" in data
            if self._waiting_for != "head":
                self._arm("head")  # a new head starts (uvicorn has just cancelled its keep-alive timer)
        super().data_received(data)
        self._follow_state()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow_state()

    def _follow_state(self) -> None:
        state = self.conn.their_state
        if state is h11.SEND_BODY:
            if self._waiting_for != "body":
                self._arm("body")
        elif state is h11.IDLE:
            if self._waiting_for == "body":
                self._disarm()
        elif self._waiting_for is not None:
            self._disarm()  # the request is in; answering it has no deadline here
        if state is not h11.IDLE:
            self._line_seen = False

    # --- deadlines --------------------------------------------------------------------------------------------
    def _arm(self, what: str) -> None:
        self._disarm()
        seconds = self.limits.head_timeout if what == "head" else self.limits.body_timeout
        self._waiting_for = what
        self._armed_at = self.loop.time()
        self._deadline = self.loop.call_later(seconds, self._timed_out)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = None
        self._waiting_for = None

    def _timed_out(self) -> None:
        what = self._waiting_for
        self._deadline = None
        self._waiting_for = None
        if self.transport.is_closing():
            return
        idle_between_requests = self.cycle is None or self.cycle.response_complete
        if what == "head" and idle_between_requests and self.conn.their_state is h11.IDLE:
            if self._line_seen or self.conn.trailing_data[0]:
                self._refuse(408, "Request Timeout", "request_timeout", "the request head was not sent in time")
            else:
                self.transport.close()  # a connection that never sent a byte gets no answer
            return
        # A body too slow to arrive: the route waiting for it sees the client disconnect.
        self._close_now()

    def _close_now(self) -> None:
        """Close at once, without the lingering close that lets a client read an early answer."""
        transport = self.transport
        getattr(transport, "_transport", transport).close()

    # --- answers uvicorn would give as plain text, or not at all -----------------------------------------------
    def send_400_response(self, msg: str) -> None:
        if self.conn.their_state is h11.ERROR and self._head_overflowed():
            if not self._line_seen:
                self._refuse(414, "URI Too Long", "uri_too_long",
                             f"the request line is over {self.limits.max_head_bytes // 1024} KiB")
            else:
                self._refuse(431, "Request Header Fields Too Large", "headers_too_large",
                             f"the request head is over {self.limits.max_head_bytes // 1024} KiB")
            return
        self._refuse(400, "Bad Request", "bad_request", "the request is not valid HTTP/1.1")

    def _head_overflowed(self) -> bool:
        data, _ = self.conn.trailing_data
        return len(data) > self.limits.max_head_bytes

    def _refuse(self, status: int, reason: str, code: str, message: str) -> None:
        """Write a JSON error and close, reading (and dropping) what the client still sends meanwhile.

        Closing a socket with unread bytes makes the kernel reset the connection, and the client would lose the
        answer; so the write side is shut first and the connection closed once the client has had time to read.
        """
        self._disarm()
        self._closing_quietly = True
        self.transport.write(_raw_response(status, reason, code, message))
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(1.0, self.transport.close)


class _LingeringTransport:
    """The connection's transport as uvicorn sees it, closing gently when the client is still sending a body.

    An answer given before the body was read (401, 413, 400 for bad framing) ends with a close; closing a socket
    with unread bytes makes the kernel reset the connection, and the client would lose that answer. Here the write
    side is shut, reading goes on (bytes dropped) and the socket closes a second later.
    """

    LINGER_SECONDS = 1.0

    def __init__(self, transport, protocol: "GuardedHTTPProtocol"):
        self._transport = transport
        self._protocol = protocol

    def __getattr__(self, name):
        return getattr(self._transport, name)

    def close(self) -> None:
        protocol = self._protocol
        if protocol.conn.their_state is h11.SEND_BODY and not self._transport.is_closing():
            protocol._disarm()
            protocol._closing_quietly = True
            self._transport.resume_reading()
            if self._transport.can_write_eof():
                self._transport.write_eof()
            protocol.loop.call_later(self.LINGER_SECONDS, self._transport.close)
            return
        self._transport.close()


# The name the server configuration used before the limits were added.
NoDelayHTTPProtocol = GuardedHTTPProtocol
