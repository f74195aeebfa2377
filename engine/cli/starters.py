"""Files to start from: ``nghiquyet init`` (a commented config) and ``nghiquyet
template`` (a skeleton draft that follows the five steps)."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import t
from .common import early_lang_option, fail
from .localise import LocalisedCommand


@click.command(name="init", cls=LocalisedCommand)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("nghiquyet.yaml"),
    show_default=True,
    help="File to write.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@early_lang_option
def init_command(output, force):
    """Write a commented configuration file."""
    from ..config import TEMPLATE
    from ..output import write_atomic

    if output.exists() and not force:
        fail(t("{path} exists; use --force to overwrite", path=output))
    write_atomic(output, TEMPLATE.encode("utf-8"))
    click.echo(t("wrote {path}", path=output))


@click.command(name="template", cls=LocalisedCommand)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("du-thao-nghi-quyet.docx"),
    show_default=True,
    help="File to write: .docx (Word), or .md for Markdown.",
)
@click.option("--cell", help='The issuing cell, e.g. "Chi bộ thôn Đông Lộc".')
@click.option("--topic", help='The topic, e.g. "phân loại rác thải tại thôn Đông Lộc, năm 2026".')
@click.option("--superior", help='The superior party organisation, e.g. "Đảng bộ xã Hòa Thạnh".')
@click.option("--place", help='The place in the date line, e.g. "Hòa Thạnh".')
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@early_lang_option
def template_command(output, cell, topic, superior, place, force):
    """Write a skeleton draft that follows the five steps and Hướng dẫn 36.

    Every part to fill is marked «[… …]»; `assess` flags any left (NQ002).
    """
    from ..errors import NghiquyetError
    from ..output import write_atomic
    from ..template import render

    if output.exists() and not force:
        fail(t("{path} exists; use --force to overwrite", path=output))
    try:
        write_atomic(output, render(output, cell=cell, topic=topic, superior=superior, place=place))
    except (OSError, NghiquyetError) as exc:
        fail(exc)
    click.echo(t("wrote {path}", path=output))
