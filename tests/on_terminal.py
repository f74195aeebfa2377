"""Run an installed command with its standard output on a pseudo-terminal, for the
checks that a binary format is refused there."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def stdout_on_terminal(command: str, *args, cache: Path) -> subprocess.CompletedProcess:
    """``command ARGS`` with standard output on a pseudo-terminal and standard error
    captured (bytes); nothing is read from the terminal, so the command must not
    print much there."""
    leader, follower = pty.openpty()
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(cache)}
    try:
        return subprocess.run(
            [BIN / command, *map(str, args)],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
        )
    finally:
        os.close(follower)
        os.close(leader)
