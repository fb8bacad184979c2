"""uvicorn's HTTP protocol with Nagle's algorithm turned off on every connection (TCP_NODELAY)."""

import socket

try:  # the protocol uvicorn picks by itself: httptools when installed, else h11
    import httptools  # noqa: F401
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Protocol
except ImportError:
    from uvicorn.protocols.http.h11_impl import H11Protocol as _Protocol


class NoDelayHTTPProtocol(_Protocol):
    """Sets TCP_NODELAY before serving a connection.

    Worker processes receive the listening socket by file descriptor, and asyncio then no longer sees accepted
    connections as TCP, so it leaves Nagle's algorithm on: with the h11 protocol, which writes the head and the
    body of a response separately, each response then waits for the client's delayed ACK (about 40 ms).
    """

    def connection_made(self, transport):
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
