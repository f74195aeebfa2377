"""One real ``nghiquyet serve`` application per test session, for the web tests.

The server is uvicorn in a background thread on a socket bound to 127.0.0.1 port 0
(the kernel picks a free port; no race). It is built on first use and stopped when
the interpreter exits, so the request-level tests and the browser tests share it and
its spaCy pipeline. The upload limit is lowered to 1 MB so that "too large" needs
only a small body. :func:`serve_in_thread` runs any other app the same way (one on a
plugin manager with a test plugin, for instance).
"""

from __future__ import annotations

import atexit
import socket
import threading
import time
from functools import cache

TEST_MAX_MB = 1.0


@cache
def live_server() -> str:
    """Start the server once; returns its base URL (``http://127.0.0.1:PORT``)."""
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.serve import Settings, create_app

    settings = Settings(max_upload_mb=TEST_MAX_MB, config=Config())
    return serve_in_thread(create_app(settings))


def serve_in_thread(app, **options) -> str:
    """Run ``app`` with uvicorn in a background thread until the interpreter exits;
    returns its base URL. ``options`` are uvicorn's (the command's come from
    ``nghiquyet.engine.serve.app.server_options``)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    options = {"access_log": False, "log_level": "warning", **options}
    config = uvicorn.Config(app, lifespan="on", **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test web server did not start")
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()

    atexit.register(stop)
    return f"http://127.0.0.1:{port}"


def page_token(html: str) -> str:
    """The forms' token in a page of the server."""
    import re

    found = re.search(r'name="token" value="([^"]+)"', html)
    assert found, "the page carries no form token"
    return found.group(1)


def page_client(base_url: str, **options):
    """An ``httpx.Client`` that sends forms as the page's own do: with the token the
    start page carries (read once), and from the page's origin. The API gets neither."""
    import httpx

    class PageClient(httpx.Client):
        token: str | None = None

        def post(self, url, *args, data=None, headers=None, **kwargs):
            if not str(url).startswith("/api/"):
                if self.token is None:
                    self.token = page_token(self.get("/").text)
                data = {"token": self.token, **(data or {})}
                headers = {"Origin": str(self.base_url).rstrip("/"), **(headers or {})}
            return super().post(url, *args, data=data, headers=headers, **kwargs)

    return PageClient(base_url=base_url, **options)
