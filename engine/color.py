"""Colour on a terminal: whether to use it, and the few styles the tool uses.

``--color auto`` (the default) colours a stream that is a terminal; ``NO_COLOR``
(any value) turns that off and ``FORCE_COLOR`` (any value) on, as
https://no-color.org and https://force-color.org ask, and ``TERM=dumb`` off.
``--color always`` and ``never`` win over the environment, as an explicit option
should. Styles are named by meaning, so a reporter says ``paint(text, "error")``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO

COLOR_CHOICES = ("auto", "always", "never")

# ANSI SGR codes for each style, by what the text means
STYLES = {
    "error": "1;31",  # bold red: an error line, an error-level finding
    "warning": "33",  # yellow
    "info": "36",  # cyan: a suggestion
    "good": "32",  # green: a good grade, a fix
    "fair": "36",
    "poor": "33",
    "bad": "31",
    "heading": "1",  # bold: a draft's path, a criterion heading
    "dim": "2",  # an excerpt, a suggestion's arrow
}


def color_wanted(
    choice: str | None, stream: IO | None, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether to colour what is written to ``stream`` under ``--color choice``."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb" or stream is None:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def paint(text: str, style: str, enabled: bool = True) -> str:
    """``text`` in ``style`` (a name of :data:`STYLES`) when ``enabled``, else as is."""
    if not enabled or not text or style not in STYLES:
        return text
    return f"\x1b[{STYLES[style]}m{text}\x1b[0m"
