"""``nghiquyet review RESOLUTION REPORT``: a progress report held against its resolution."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..messages import t
from . import console
from .common import (
    EXIT_OK,
    color_option,
    config_option,
    debug_option,
    fail,
    lang_option,
    resolve,
)
from .localise import LocalisedCommand

FORMATS = ("text", "json", "markdown", "html")
# the format an -o suffix asks for
SUFFIXES = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html"}


@click.command(name="review", cls=LocalisedCommand)
@click.argument("resolution", type=click.Path(path_type=Path))
@click.argument("report", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    help="Output format [default: from the -o suffix (.json, .md, .html), else text].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to FILE, not standard output (never over an input; - is standard output).",
)
@lang_option
@config_option
@debug_option
@color_option
def review_command(resolution, report, fmt, output, lang, config_path, debug, color):
    """Hold a progress report (sơ kết, tổng kết) against the resolution it reviews:
    each target met, not met, mentioned or not reported; each task done, in progress,
    mentioned or not reported; with the sentence of the report that shows it.

    RESOLUTION and REPORT are .docx, .odt, .md or .txt files.

    Exit codes: 0 reviewed; 2 usage, config or unreadable input.
    """
    from ..errors import NghiquyetError

    console.set_color(color)
    to_stdout = output is None or str(output) == "-"
    try:
        from ..output import check_not_input, write_atomic
        from ..review import review_paths
        from ..runner import Assessor

        config = resolve(config_path, [resolution, report], lang=lang)
        fmt = (fmt or "").lower() or SUFFIXES.get(output.suffix.lower() if output else "", "text")
        if not to_stdout:
            check_not_input(output, [resolution, report])
        assessor = Assessor(config)
        assessor.debug = debug
        review = review_paths(assessor, resolution, report)
        data = _render(review, fmt, config.lang, to_stdout and console.color_for(sys.stdout))
        if to_stdout:
            sys.stdout.buffer.write(data.encode("utf-8"))
            sys.stdout.flush()
        else:
            write_atomic(output, data.encode("utf-8"))
            console.note(t("report written to {path}", config.lang, path=output))
    except (NghiquyetError, OSError) as exc:
        fail(exc, debug)
    sys.exit(EXIT_OK)


def _render(review, fmt: str, lang: str, color: bool) -> str:
    """The review in ``fmt``; only the text report is ever coloured."""
    if fmt == "json":
        import json

        from ..review.render import review_dict

        return json.dumps(review_dict(review, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from ..review.html import render_html

        return render_html(review, lang)
    if fmt == "markdown":
        from ..review.render import render_markdown

        return render_markdown(review, lang)
    from ..review.render import render_text

    return render_text(review, lang, color=color)
