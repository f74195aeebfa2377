"""Typed errors. Anything else escaping the engine is a bug, shown with --debug."""

from __future__ import annotations


class NghiquyetError(Exception):
    """Base class: an error the user can act on, shown as one line, exit 2."""


class InputError(NghiquyetError):
    """A file that cannot be read as a draft. ``code`` is stable (used in JSON)."""

    def __init__(self, code: str, message_vi: str, message_en: str | None = None):
        # one line each: the CLI prints it as one line per file, whatever a library said
        message_vi = " ".join(message_vi.split())
        message_en = " ".join((message_en or message_vi).split())
        super().__init__(message_en)
        self.code = code
        self.message = {"vi": message_vi, "en": message_en}


class ConfigError(NghiquyetError):
    """A config file, option or rule pack that is not valid."""


def malformed_yaml(where: object, exc: Exception) -> ConfigError:
    """A ConfigError for a YAML parse error: the file, the line, and what went wrong."""
    mark = getattr(exc, "problem_mark", None)
    at = f" line {mark.line + 1}" if mark else ""
    return ConfigError(f"{where}{at}: malformed YAML ({getattr(exc, 'problem', None) or exc})")


def excerpt(value: object, limit: int = 40) -> str:
    """``value`` as an error message quotes it: its repr, cut to ``limit`` characters,
    so a wrong file read as a config or rule pack is never printed whole."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def key_name(key: object) -> str:
    """An unknown key as a message names it: quoted when it looks like a key (a short
    name), else only its length: a line of some other file must not be shown."""
    text = str(key)
    if len(text) <= 40 and text.replace("_", "").replace("-", "").replace(".", "").isalnum():
        return f"'{text}'"
    return f"of {len(text)} characters that is not a key name"
