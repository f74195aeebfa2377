"""What ``assess`` reads besides plain paths: PATH ``-`` (a draft on standard input)
and the file patterns given on the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from ..messages import t
from . import console
from .common import split_values


def without_dash(paths: tuple[Path, ...], stdin_filename: str | None) -> tuple[list[Path], bool]:
    """The named paths less ``-``, and whether ``-`` (standard input) was among them."""
    from ..errors import ConfigError
    from ..stdin_draft import DASH

    named = [p for p in paths if str(p) != DASH]
    dashes = len(paths) - len(named)
    if dashes > 1:
        raise ConfigError("'-' (standard input) can be named only once")
    if stdin_filename is not None and not dashes:
        raise ConfigError(
            "--stdin-filename names the draft read from standard input: add '-' to the paths"
        )
    return named, dashes == 1


def search_start(paths: tuple[Path, ...], stdin_filename: str | None) -> list[Path]:
    """Where the config file is looked for: the paths, with ``--stdin-filename``
    (else the current folder) standing for ``-``."""
    from ..stdin_draft import DASH

    stand_in = Path(stdin_filename) if stdin_filename else Path(DASH)
    return [stand_in if str(p) == DASH else p for p in paths]


def command_line_patterns(values: tuple[str, ...]) -> list[str] | None:
    """``--exclude a,b --exclude c`` as patterns relative to the current folder;
    None when the option was not given."""
    from ..discover import anchor

    patterns = split_values(values)
    return anchor(patterns, Path.cwd()) if patterns else None


def read_standard_input(config) -> bytes:
    """The draft piped in, as bytes (a .docx is binary), up to the size limit."""
    from ..load import size_limit
    from ..stdin_draft import read_stdin

    return read_stdin(getattr(sys.stdin, "buffer", sys.stdin), size_limit(config))


def note_nothing_left(inputs, lang: str) -> None:
    """One line on stderr when ``--force-exclude`` left no draft to assess (as ruff
    warns), so an empty report is never mistaken for a pass of real drafts."""
    if inputs.files or inputs.missing or inputs.empty_folders or inputs.unreadable:
        return
    if inputs.stdin is not None:
        return
    console.note(t("no draft to assess: every path named is excluded", lang))
