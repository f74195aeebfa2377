"""Importing spaCy without its command line.

``import spacy`` runs ``from .cli.info import info`` to offer ``spacy.info``, and
that imports spaCy's whole command line: typer, weasel, requests, httpx, rich,
jinja2 and every ``spacy`` subcommand, about a third of spaCy's import time on a
cold start, for a function nghiquyet never calls. :func:`import_spacy` imports
spaCy with a stand-in for ``spacy.cli`` and ``spacy.cli.info`` and takes the
stand-in away afterwards: ``spacy.info`` imports the real one when called, and
``import spacy.cli`` (``python -m spacy``, a plugin) still gets the real package.
Nothing else in spaCy imports its command line. Should a spaCy release need it
while importing, the import is simply done again the ordinary way.
"""

from __future__ import annotations

import sys
import types


def info(*args, **kwargs):
    """``spacy.info``: spaCy's own, imported when it is called."""
    from spacy.cli.info import info as real

    return real(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without its command line if not yet imported."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that "spacy.cli.info" can be found below it
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except Exception:  # a spaCy that needs its command line to import: the plain way
        _forget(stand_ins)
        import spacy

        return spacy
    except BaseException:  # Ctrl+C while importing: leave no stand-in behind
        _forget(stand_ins)
        raise
    _forget(stand_ins)
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # the next "import spacy.cli" imports the real package
    return spacy


def _forget(stand_ins: dict[str, types.ModuleType]) -> None:
    for name, module in stand_ins.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
