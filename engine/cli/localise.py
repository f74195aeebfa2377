"""Click in the report language: help texts, click's own words, and Ctrl+C.

Every command is a :class:`LocalisedCommand` (the group a :class:`LocalisedGroup`).
Before click parses anything, :meth:`LocalisedCommand.main` sets the language from
``--lang`` and the environment, so ``--help`` and usage errors are already in it.
Help texts stay written in English in the decorators; they are translated paragraph
by paragraph when help is shown (the Vietnamese is in :mod:`.help_vi`). Click's own
words ("Usage:", "Show this message and exit.", "Error: …") go through gettext in
click, which :func:`install_click_translations` points at the same catalogue.

Ctrl+C anywhere in a command ends it with one line ("Đã dừng." / "Interrupted.") and
exit 130, instead of click's "Aborted!".
"""

from __future__ import annotations

import contextlib
import gettext
import importlib
import sys

import click

from ..messages import early_lang, set_lang, translate
from . import console

# click's modules that call gettext for what they print
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def _click_gettext(message: str) -> str:
    return translate(message)


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return translate(singular) if n == 1 or translate(singular) != singular else plural


def install_click_translations() -> None:
    """Make click's own words follow the current language (idempotent). Done when a
    command starts, not on import: texts click translates as commands are declared
    (``--version``'s help) must stay English, to be translated when shown."""
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _click_gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _click_ngettext


def translate_help(text: str | None) -> str | None:
    """A help text in the current language, paragraph by paragraph: a paragraph
    without a translation stays in English."""
    if not text:
        return text
    return "\n\n".join(translate(paragraph) for paragraph in text.split("\n\n"))


@contextlib.contextmanager
def _help_translated(command: click.Command):
    """While help is shown: the command's and its options' help texts translated."""
    saved = [(command, name, getattr(command, name)) for name in ("help", "short_help", "epilog")]
    saved += [(param, "help", param.help) for param in command.params if hasattr(param, "help")]
    for owner, name, value in saved:
        setattr(owner, name, translate_help(value))
    try:
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


class LocalisedCommand(click.Command):
    """A click command that speaks the report language and stops cleanly on Ctrl+C."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Set the language from ``--lang`` and the environment, then run as click does."""
        argv = [str(a) for a in (sys.argv[1:] if args is None else args)]
        set_lang(early_lang(argv))
        install_click_translations()
        console.set_color(None)
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def invoke(self, ctx: click.Context):
        """Run the command; Ctrl+C ends it with one line and exit 130."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            console.interrupted()
            sys.exit(console.EXIT_INTERRUPTED)

    def format_help(self, ctx: click.Context, formatter) -> None:
        """Help in the current language."""
        with _help_translated(self):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The one-line help a group lists, in the current language."""
        with _help_translated(self):
            return super().get_short_help_str(limit)


class LocalisedGroup(LocalisedCommand, click.Group):
    """The ``nghiquyet`` group: its commands are :class:`LocalisedCommand` too."""

    command_class = LocalisedCommand
