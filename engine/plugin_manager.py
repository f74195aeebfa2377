"""Builds the pluggy plugin manager: built-ins first, then installed plugins."""

from __future__ import annotations

import importlib
from functools import cache

import pluggy

from . import hookspecs

# Built-in plugins go through the very same hooks as third-party ones.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "nghiquyet.plugins.docx_loader",
    "nghiquyet.plugins.odt_loader",
    "nghiquyet.plugins.text_loader",
    "nghiquyet.plugins.checkers",
    "nghiquyet.plugins.reporters",  # every built-in format, imported when used
)


@cache
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager (built once)."""
    return make_plugin_manager()


def make_plugin_manager(extra: tuple = ()) -> pluggy.PluginManager:
    """A new plugin manager: built-ins, installed entry points, then ``extra`` plugins."""
    pm = pluggy.PluginManager("nghiquyet")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    pm.load_setuptools_entrypoints("nghiquyet")
    for plugin in extra:
        pm.register(plugin)
    return pm


def plugin_list(pm: pluggy.PluginManager) -> list[dict[str, str]]:
    """Name, origin, hooks and declared formats of every registered plugin (for
    `nghiquyet plugins`); formats read "Word .docx .docm; Word 97-2003 .doc (legacy)"."""
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    formats = {
        id(impl.plugin): "; ".join(
            " ".join((f.name, *f.suffixes)) + (" (legacy)" if f.legacy else "")
            for f in impl.function()
        )
        for impl in pm.hook.document_formats.get_hookimpls()
    }
    rows = []
    for name, plugin in pm.list_name_plugin():
        dist = dists.get(id(plugin))
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        rows.append(
            {
                "name": name,
                "origin": f"{dist.project_name} {dist.version}" if dist else "built-in",
                "hooks": ", ".join(hooks),
                "formats": formats.get(id(plugin), ""),
            }
        )
    return rows
