"""Writing results: atomically, and never over one of the inputs."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import NghiquyetError


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask is process-wide and not safe to toggle per write.
_UMASK = _current_umask()


class OutputError(NghiquyetError):
    """The output path cannot be written (or would overwrite an input)."""


def check_not_input(target: Path, inputs: list[Path]) -> None:
    """Refuse ``target`` when it is, or links to, one of ``inputs``."""
    resolved = target.resolve()
    for path in inputs:
        try:
            same = resolved == path.resolve() or (
                target.exists() and os.path.samefile(target, path)
            )
        except OSError:
            same = False
        if same:
            raise OutputError("{path}: refusing to write over an input file", path=target)


def _is_special(target: Path) -> bool:
    """Whether ``target`` (through links) exists and is neither a file nor a folder."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it into place,
    so a reader never sees half a report and a failure leaves no partial file.

    A link is written through: the file it leads to is replaced, the link stays.
    A device, FIFO or socket (``-o /dev/null``, ``-o /dev/stdout``, a named pipe) is
    opened and written, never replaced by a file."""
    if _is_special(target):
        with open(target, "wb") as handle:
            handle.write(data)
        return
    if os.path.islink(target):
        target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("{path}: folder {folder} does not exist", path=target, folder=folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private (0600); a report gets the usual permissions
        os.chmod(tmp, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def check_binary_destination(
    fmt: str, extension: str, binary: bool, output: Path | None, stream
) -> None:
    """Refuse to send a binary format (a workbook) to a terminal, where it would show
    as noise and could drive the terminal: it goes to a file, or through a pipe."""
    isatty = getattr(stream, "isatty", None)
    if binary and output is None and isatty is not None and isatty():
        raise OutputError(
            "{fmt} is a binary format, not for a terminal: write it to a file with -o FILE{ext}",
            fmt=fmt,
            ext=extension,
        )
