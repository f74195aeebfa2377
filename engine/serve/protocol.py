"""The HTTP protocol the page speaks: uvicorn's h11, with a deadline for headers.

uvicorn closes an idle kept-alive connection, but not one whose client trickles the
request line and headers a byte at a time ("slowloris"): enough of them would hold
every connection the server allows. Here a request's headers must be complete within
``header_timeout`` seconds of the connection opening, or the connection is closed.
(A body that comes too slowly is stopped by the read timeout in :mod:`.uploads`.)
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol


class HeaderDeadlineProtocol(H11Protocol):
    """h11 that drops a connection whose first request's headers come too late."""

    header_timeout = 10.0
    _headers_due: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Open the connection and start the headers' clock."""
        super().connection_made(transport)
        self._headers_due = self.loop.call_later(self.header_timeout, self._headers_late)

    def handle_events(self) -> None:
        """As h11 does; once a request has begun, its headers were in time."""
        super().handle_events()
        if self.cycle is not None:
            self._stop_clock()

    def connection_lost(self, exc: Exception | None) -> None:
        """Close as h11 does, without the clock."""
        self._stop_clock()
        super().connection_lost(exc)

    def _stop_clock(self) -> None:
        if self._headers_due is not None:
            self._headers_due.cancel()
            self._headers_due = None

    def _headers_late(self) -> None:
        self._headers_due = None
        if self.cycle is None:
            self.transport.close()


def with_header_timeout(seconds: float) -> type[HeaderDeadlineProtocol]:
    """The protocol class with its headers' deadline set to ``seconds``."""
    return type("HeaderDeadlineProtocol", (HeaderDeadlineProtocol,), {"header_timeout": seconds})
