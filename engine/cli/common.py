"""What the commands share: exit codes, error lines, and how a run's Config is resolved."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ..color import COLOR_CHOICES
from ..messages import LANGS, Message, lang_from_env, set_lang
from . import console

if TYPE_CHECKING:
    from ..config import Config

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report a writer whose reader left


def reader_gone() -> int:
    """The reader of the standard output went away (``assess ... | head``): stop as a
    command in a pipeline does, with no message, and point the standard output at the
    null device so that the interpreter's last flush does not fail again."""
    import os

    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
    return EXIT_BROKEN_PIPE


# Options the smaller commands (compare, review, baseline) share with assess, declared once.
LANG_HELP = (
    "Language of the report and messages [default: the config's lang, else en when "
    "LANG or LC_ALL starts with en, else vi]."
)
lang_option = click.option("--lang", type=click.Choice(LANGS), help=LANG_HELP)
# for a command that reads no config: the language was read from the arguments
# before click parsed them (cli/localise.py), so the value is not passed on
early_lang_option = click.option(
    "--lang", type=click.Choice(LANGS), help=LANG_HELP, expose_value=False
)
stage_option = click.option(
    "--stage",
    type=click.Choice(["draft", "adopted", "auto"]),
    help="Judge as draft, adopted or detect [default: auto].",
)
config_option = click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Config file (as for assess)."
)
debug_option = click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
color_option = click.option(
    "--color",
    type=click.Choice(COLOR_CHOICES),
    default=None,
    help="Colour the text report and messages: auto (on a terminal, unless NO_COLOR; "
    "FORCE_COLOR forces it), always, never [default: auto].",
)


def split_values(values: tuple[str, ...]) -> list[str]:
    """``--select a,b --select c`` as ``["a", "b", "c"]``."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def fail(message: str | Message | BaseException, debug: bool = False) -> NoReturn:
    """Exit 2 with one line on stderr (in the current language); with ``--debug``,
    re-raise the error being handled."""
    if debug:
        raise
    console.error(message)
    sys.exit(EXIT_ERROR)


def lang_default() -> str:
    """The language when neither an option nor a config file names one:
    ``NGHIQUYET_LANG``, else ``LC_ALL``/``LC_MESSAGES``/``LANG`` starting with ``en``
    or ``vi``, else Vietnamese."""
    return lang_from_env() or "vi"


def resolve(config_path: Path | None, inputs: list[Path], **options) -> Config:
    """The run's Config: the config file's settings, then the options that were given
    (``None`` means not given). Without ``--lang`` or a ``lang`` in the config file,
    the language comes from the environment (:func:`lang_default`). What the command
    says from here on is in the run's language."""
    from ..config import resolve_config

    overrides = {k: v for k, v in options.items() if v is not None}
    config = resolve_config(
        str(config_path) if config_path else None,
        list(inputs),
        overrides,
        defaults={"lang": lang_default()},
    )
    set_lang(config.lang)
    return config
