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
