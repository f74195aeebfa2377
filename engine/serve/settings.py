"""What ``nghiquyet serve`` is started with, and the limits it holds uploads to."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..config import Config
from ..model import DocumentFormat

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_UPLOAD_MB = 20.0
# Two files at most in one request: the comparison form sends an old and a new version.
DEFAULT_MAX_FILES = 2
# Worker processes that assess uploads (each holds its own pipeline, ~110 MB): two
# answer a committee's uploads about twice as fast as one, on any machine with two cores.
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))
# Seconds an upload may take to assess before its worker is killed: the largest draft
# the text limits admit takes a few seconds, so only a hostile file reaches this.
DEFAULT_TIME_LIMIT = 60.0
# Requests that may wait for a worker, and for how long, before "busy" (503).
DEFAULT_QUEUE = 32
DEFAULT_WAIT = 30.0
# Seconds a client may take to send its upload (a slow or stalled client is dropped).
DEFAULT_READ_TIMEOUT = 60.0
STAGES = ("auto", "draft", "adopted")
LANGS = ("vi", "en")


@dataclass(slots=True)
class Settings:
    """What ``nghiquyet serve`` was started with."""

    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    max_files: int = DEFAULT_MAX_FILES
    lang: str = "vi"
    host: str = DEFAULT_HOST
    config: Config = field(default_factory=Config)
    # The formats an upload may have: left empty, create_app takes those the engine's
    # loaders declare, less the legacy ones (an old .doc would wait on LibreOffice).
    formats: tuple[DocumentFormat, ...] = ()
    workers: int = DEFAULT_WORKERS
    time_limit: float = DEFAULT_TIME_LIMIT
    queue: int = DEFAULT_QUEUE
    wait: float = DEFAULT_WAIT
    read_timeout: float = DEFAULT_READ_TIMEOUT

    @property
    def max_upload_bytes(self) -> int:
        """The largest file accepted, in bytes."""
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_body_bytes(self) -> int:
        """The largest request body accepted, in bytes."""
        # every allowed file at its limit, plus the form fields and multipart framing
        return self.max_upload_bytes * self.max_files + 256 * 1024
