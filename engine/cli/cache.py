"""``nghiquyet cache``: where results of unchanged drafts are kept, and clearing them."""

from __future__ import annotations

import click


@click.command(name="cache")
@click.option("--clear", is_flag=True, help="Remove every stored result.")
def cache_command(clear):
    """Show where results of unchanged drafts are kept and how much room they take.

    The cache prunes itself (entries unused for 30 days, then the least recently
    used above 256 MB); --clear empties it now.
    """
    from .. import cache

    if clear:
        removed = cache.clear()
        click.echo(f"removed {removed} cached result(s) from {cache.default_folder()}")
        return
    found = cache.stats()
    click.echo(f"folder:  {found.folder}")
    click.echo(f"entries: {found.entries}")
    click.echo(f"size:    {found.size / 1024 / 1024:.1f} MB")
