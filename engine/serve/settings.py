"""What ``nghiquyet serve`` is started with, and the limits it holds uploads to."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from ..model import DocumentFormat

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_UPLOAD_MB = 20.0
# Two files at most in one request: the comparison form sends an old and a new version.
DEFAULT_MAX_FILES = 2
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

    @property
    def max_upload_bytes(self) -> int:
        """The largest file accepted, in bytes."""
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_body_bytes(self) -> int:
        """The largest request body accepted, in bytes."""
        # every allowed file at its limit, plus the form fields and multipart framing
        return self.max_upload_bytes * self.max_files + 256 * 1024
