"""Starting the web page: a busy port is one clear line and exit 2, and a page open to
the network says so."""

from __future__ import annotations

import socket

from click.testing import CliRunner
from nghiquyet.engine.cli import main


def _busy_port() -> socket.socket:
    """A socket holding a free port on every address, as another program would."""
    sock = socket.create_server(("0.0.0.0", 0))
    return sock


def test_a_busy_port_is_one_line_and_exit_2():
    holder = _busy_port()
    port = holder.getsockname()[1]
    try:
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    finally:
        holder.close()
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0], result.output
    assert "Traceback" not in result.output


def test_a_page_open_to_the_network_warns_first():
    holder = _busy_port()
    port = holder.getsockname()[1]
    try:
        result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", str(port)])
    finally:
        holder.close()
    assert "ai trong mạng này cũng mở và gửi dự thảo được" in result.output
    assert result.exit_code == 2
