"""``nghiquyet cache``: where results of unchanged drafts are kept, and clearing them."""

from __future__ import annotations

import click

from ..messages import current_lang, t, tn
from .common import early_lang_option
from .localise import LocalisedCommand


@click.command(name="cache", cls=LocalisedCommand)
@click.option("--clear", is_flag=True, help="Remove every stored result and parsed rule file.")
@early_lang_option
def cache_command(clear):
    """Show where results of unchanged drafts are kept and how much room they take.

    The cache prunes itself (entries unused for 30 days, then the least recently
    used above 256 MB); --clear empties it now.
    """
    from .. import cache
    from ..render import number

    if clear:
        removed = cache.clear()
        click.echo(
            tn(
                "removed {n} cached result from {folder}",
                "removed {n} cached results from {folder}",
                removed.entries,
                folder=removed.folder,
            )
        )
        if removed.parsed_rules:
            click.echo(
                tn(
                    "removed {n} parsed rule file",
                    "removed {n} parsed rule files",
                    removed.parsed_rules,
                )
            )
        return
    found = cache.stats()
    rows = (
        (t("folder:"), found.folder),
        (t("entries:"), found.entries),
        (t("parsed rule files:"), found.parsed_rules),
        (t("size:"), f"{number(found.size / 1024 / 1024, current_lang())} MB"),
    )
    width = max(len(name) for name, _value in rows)
    for name, value in rows:
        click.echo(f"{name:<{width}} {value}")
