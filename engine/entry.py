"""The console scripts' entry points: ``assess`` and ``nghiquyet``.

They live apart from :mod:`.cli` so that Ctrl+C while the command line is still
being imported (the first tenth of a second, click, pluggy and our modules) ends
like Ctrl+C anywhere else: one line, "Đã dừng." / "Interrupted.", and exit 130,
not a traceback. Nothing is imported here before the guard is up.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl+C


def main() -> None:
    """``nghiquyet <command>``."""
    _run("main")


def assess() -> None:
    """``assess PATH...``."""
    _run("assess_command")


def _run(name: str) -> None:
    try:
        from . import cli

        command = getattr(cli, name)
    except KeyboardInterrupt:
        _interrupted()
        sys.exit(EXIT_INTERRUPTED)
    try:
        command()
    finally:
        _spare_the_last_collection()


def _spare_the_last_collection() -> None:
    # The command is done and the process ends: its objects (spaCy's above all) go
    # with it. Frozen, they are left out of the collections the interpreter makes
    # while shutting down, which otherwise walk every one of them: about a seventh of
    # a cold run. Exit handlers, flushing and closing run as before.
    import gc

    gc.freeze()


def _interrupted() -> None:
    # the message catalogue is plain Python: importing it cannot be slow
    from .messages import early_lang, t

    start = "\n" if sys.stderr.isatty() else ""
    sys.stderr.write(f"{start}{t('Interrupted.', lang=early_lang(sys.argv[1:]))}\n")
    sys.stderr.flush()
