"""The installed ``assess`` run as a user runs it: a subprocess in a folder, with a
private result cache and no config from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ASSESS = Path(sys.executable).parent / "assess"


def assess_in(cwd: Path, *args, timeout: int = 300) -> subprocess.CompletedProcess:
    """``assess ARGS --no-cache`` in ``cwd``, its output as text."""
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(cwd / ".cache")}
    env.pop("NGHIQUYET_CONFIG", None)
    return subprocess.run(
        [ASSESS, *map(str, args), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
