"""Files to start from: ``nghiquyet init`` (a commented config) and ``nghiquyet
template`` (a skeleton draft that follows the five steps)."""

from __future__ import annotations

from pathlib import Path

import click

from .common import fail


@click.command(name="init")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("nghiquyet.yaml"),
    show_default=True,
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init_command(output, force):
    """Write a commented configuration file."""
    from ..config import TEMPLATE
    from ..output import write_atomic

    if output.exists() and not force:
        fail(f"{output} exists; use --force to overwrite")
    write_atomic(output, TEMPLATE.encode("utf-8"))
    click.echo(f"wrote {output}")


@click.command(name="template")
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
def template_command(output, cell, topic, superior, place, force):
    """Write a skeleton draft that follows the five steps and Hướng dẫn 36.

    Every part to fill is marked «[… …]»; `assess` flags any left (NQ002).
    """
    from ..errors import NghiquyetError
    from ..output import write_atomic
    from ..template import render

    if output.exists() and not force:
        fail(f"{output} exists; use --force to overwrite")
    try:
        write_atomic(output, render(output, cell=cell, topic=topic, superior=superior, place=place))
    except (OSError, NghiquyetError) as exc:
        fail(str(exc))
    click.echo(f"wrote {output}")
