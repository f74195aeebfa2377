"""What the command line writes on standard error: error and warning lines, progress,
and the one line of Ctrl+C; in the current language, coloured on a terminal.

Every line starts ``nghiquyet:`` so that a CI log shows whose line it is.
"""

from __future__ import annotations

import sys

import click

from ..color import color_wanted, paint
from ..messages import Message, t

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl+C

_color_choice = "auto"


def set_color(choice: str | None) -> None:
    """Use ``--color choice`` (auto, always, never) for what follows."""
    global _color_choice
    _color_choice = choice or "auto"


def color_for(stream) -> bool:
    """Whether to colour what goes to ``stream`` under the run's ``--color``."""
    return color_wanted(_color_choice, stream)


def text_of(message: str | Message | BaseException) -> str:
    """A message, or an error's, in the current language."""
    if isinstance(message, Message):
        return message.text()
    shown = getattr(message, "text", None)
    if isinstance(message, BaseException) and callable(shown):
        return shown()
    return str(message)


def _line(prefix: str, style: str | None, message) -> None:
    color = color_for(sys.stderr)
    head = paint(prefix, style, color) if style else prefix
    click.echo(f"{head} {text_of(message)}", err=True, color=color)


def error(message: str | Message | BaseException) -> None:
    """One error line on stderr: ``nghiquyet: <message>``, the prefix in red."""
    _line("nghiquyet:", "error", message)


def warning(message: str | Message) -> None:
    """One warning line on stderr: ``nghiquyet: cảnh báo: <message>``."""
    _line(f"nghiquyet: {t('warning:')}", "warning", message)


def note(message: str | Message) -> None:
    """One plain line on stderr (where a report was written, a summary)."""
    _line("nghiquyet:", None, message)


def interrupted() -> None:
    """The one line Ctrl+C leaves: "Đã dừng." / "Interrupted." (no traceback)."""
    # on a terminal the line follows the "^C" the terminal echoed, or a progress count
    start = "\n" if sys.stderr.isatty() else ""
    sys.stderr.write(f"{start}{t('Interrupted.')}\n")
    sys.stderr.flush()


def progress_bar():
    """A one-line ``12/100 dự thảo`` counter on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < 2:
            return
        end = "\n" if done == total else ""
        sys.stderr.write("\r" + t("{done}/{total} drafts", done=done, total=total) + end)
        sys.stderr.flush()

    return show
