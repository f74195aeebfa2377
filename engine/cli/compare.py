"""``nghiquyet compare OLD NEW``: what changed between two versions of a draft."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import console
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    color_option,
    config_option,
    debug_option,
    fail,
    lang_option,
    resolve,
    stage_option,
)
from .localise import LocalisedCommand


@click.command(name="compare", cls=LocalisedCommand)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write to FILE, not standard output."
)
@lang_option
@stage_option
@config_option
@debug_option
@color_option
def compare_command(old, new, fmt, output, lang, stage, config_path, debug, color):
    """Compare two versions of a draft: score change per criterion, findings fixed and new.

    Exit codes: 0 compared; 2 usage, config or unreadable input.
    """
    from ..errors import NghiquyetError

    console.set_color(color)
    try:
        from .. import __version__
        from ..compare import compare, comparison_dict, render_text
        from ..output import check_not_input, write_atomic
        from ..runner import Assessor

        config = resolve(config_path, [old, new], lang=lang, stage=stage)
        if output is not None:
            check_not_input(output, [old, new])
        assessor = Assessor(config)
        assessor.debug = debug
        before, after = assessor.assess_one(old), assessor.assess_one(new)
        result = compare(before, after)
        if fmt == "json":
            import json

            data = comparison_dict(result, config.lang, __version__)
            data = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            # colour only what goes to a terminal (or where --color always asks)
            painted = output is None and console.color_for(sys.stdout)
            data = render_text(result, config.lang, color=painted)
        if output is not None:
            write_atomic(output, data.encode("utf-8"))
        else:
            sys.stdout.buffer.write(data.encode("utf-8"))
            sys.stdout.flush()
    except (NghiquyetError, OSError) as exc:
        fail(exc, debug)
    for doc in (before, after):
        if doc.error is not None:
            console.error(doc.error.message[config.lang])
    sys.exit(EXIT_ERROR if before.error is not None or after.error is not None else EXIT_OK)
