"""What the commands share: exit codes, error lines, and how a run's Config is resolved."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from ..config import Config

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# Options the smaller commands (compare, baseline) share with assess, declared once.
lang_option = click.option(
    "--lang", type=click.Choice(["vi", "en"]), help="Language of messages [default: vi]."
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


def split_values(values: tuple[str, ...]) -> list[str]:
    """``--select a,b --select c`` as ``["a", "b", "c"]``."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def fail(message: str, debug: bool = False) -> NoReturn:
    """Exit 2 with one line on stderr; with ``--debug``, re-raise the error being handled."""
    if debug:
        raise
    click.echo(f"nghiquyet: {message}", err=True)
    sys.exit(EXIT_ERROR)


def lang_default() -> str:
    """The language when neither an option nor a config file names one."""
    return "en" if os.environ.get("NGHIQUYET_LANG") == "en" else "vi"


def resolve(config_path: Path | None, inputs: list[Path], **options) -> Config:
    """The run's Config: the config file's settings, then the options that were given
    (``None`` means not given). Without ``--lang`` or a config file, the language comes
    from ``NGHIQUYET_LANG``."""
    from dataclasses import replace

    from ..config import resolve_config

    overrides = {k: v for k, v in options.items() if v is not None}
    config = resolve_config(str(config_path) if config_path else None, list(inputs), overrides)
    if "lang" not in overrides and not config.source:
        config = replace(config, lang=lang_default())
    return config
