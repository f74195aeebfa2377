"""Writing results: atomically, and never over one of the inputs."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

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
    target = _written_through(target)
    _publish(target, lambda handle: handle.write(data))


class AtomicOutput:
    """A file to write a report into bit by bit, as a batch runs, that becomes
    ``target`` on :meth:`commit`, as :func:`write_atomic` writes one (links written
    through, devices and pipes written directly); :meth:`discard` leaves ``target``
    as it was.

    Until then the bytes are in an unnamed temporary file in ``target``'s folder
    (``handle``): nothing is left behind when the run fails or is killed, even by
    SIGKILL, and an output folder that is missing or cannot be written fails at
    once, before any draft is read. On commit they are copied to a hidden file
    beside ``target``, which is renamed into place."""

    def __init__(self, target: Path):
        self.special = _is_special(target)
        if self.special:
            self.target = target
            self.handle: IO[bytes] = open(target, "wb")  # noqa: SIM115 (closed below)
        else:
            self.target = _written_through(target)
            self.handle = tempfile.TemporaryFile(dir=self.target.parent)  # noqa: SIM115

    def commit(self) -> None:
        """Put what was written in place."""
        with self.handle as held:
            if self.special:
                return
            held.flush()
            held.seek(0)
            _publish(self.target, lambda out: shutil.copyfileobj(held, out, 1024 * 1024))

    def discard(self) -> None:
        """Forget what was written."""
        self.handle.close()


@contextlib.contextmanager
def atomic_stream(target: Path) -> Iterator[IO[bytes]]:
    """An :class:`AtomicOutput`'s file, committed when the block ends without an
    error and discarded when it raises."""
    output = AtomicOutput(target)
    try:
        yield output.handle
    except BaseException:
        output.discard()
        raise
    output.commit()


def _written_through(target: Path) -> Path:
    """The file a link leads to (else ``target``), whose folder must exist."""
    if os.path.islink(target):
        target = Path(os.path.realpath(target))
    if not target.parent.is_dir():
        raise OutputError(
            "{path}: folder {folder} does not exist", path=target, folder=target.parent
        )
    return target


def _publish(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    """``write`` into a hidden temporary file beside ``target``, then rename it into
    place; the temporary file goes if anything fails."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); a report gets the usual permissions
        os.chmod(tmp, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
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
