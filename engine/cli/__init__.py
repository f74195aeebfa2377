"""Command line: ``assess PATH...`` and ``nghiquyet <command>``.

Kept light: importing this package imports click and nothing heavy, so
``assess --help`` and ``assess --version`` answer at once; spaCy and lxml load only
when a draft is read. One module per concern: :mod:`.assess` (the assess command and
its options), :mod:`.compare`, :mod:`.baseline`, :mod:`.rules` (rules, explain, plugins),
:mod:`.starters` (init, template), :mod:`.tasks`, :mod:`.cache`, :mod:`.serve`; :mod:`.common` holds
exit codes and config resolution; :mod:`.localise` makes every command speak the
report language (help, click's words, Ctrl+C) and :mod:`.console` writes the lines
on stderr.

The console scripts call :func:`assess_command` and :func:`main` through
:mod:`nghiquyet.engine.entry`, which stops Ctrl+C cleanly while this is imported.
"""

from __future__ import annotations

import click

from .. import __version__
from .assess import assess_command
from .baseline import baseline_command
from .cache import cache_command
from .compare import compare_command
from .localise import LocalisedGroup
from .review import review_command
from .rules import explain_command, plugins_command, rules_command
from .serve import serve_command
from .starters import init_command, template_command
from .tasks import tasks_command


@click.group(cls=LocalisedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="nghiquyet")
def main():
    """nghiquyet: checks a party cell's draft thematic resolution."""


for _command in (
    assess_command,
    rules_command,
    explain_command,
    plugins_command,
    cache_command,
    init_command,
    compare_command,
    review_command,
    baseline_command,
    template_command,
    serve_command,
    tasks_command,
):
    main.add_command(_command)

__all__ = ["assess_command", "main"]
